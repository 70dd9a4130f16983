/*
 * export_store.c: the store's file: open it, bring its schema up to date,
 * and the definitions packages are checked against.
 *
 * One SQLite file (doc/store-format.md). Opening sets, on every
 * connection: foreign keys on, a busy timeout (two imports at once wait
 * for each other instead of failing), WAL journalling (readers never
 * wait for the writer). The schema is versioned by PRAGMA user_version:
 * export_store_steps[i] brings version i to i + 1, each step in one
 * IMMEDIATE transaction that reads the version again once it holds the
 * write lock, so that two programs opening a new store at once do not
 * both migrate it.
 *
 * Definitions: a registered one (table checklists) is preferred; else a
 * bundled one of the same id and version is known without registering.
 * Each is loaded once per handle.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist/checklist_internal.h"
#include "export/export_store_internal.h"

#define EXPORT_STORE_BUSY_MS 120000

/* Version 0 to 1: the first schema (doc/store-format.md). */
static const char export_store_v1[] =
    "CREATE TABLE checklists ("
    " id INTEGER PRIMARY KEY,"
    " checklist_id TEXT NOT NULL,"
    " version TEXT NOT NULL,"
    " digest TEXT NOT NULL,"
    " definition BLOB NOT NULL,"
    " registered TEXT NOT NULL,"
    " UNIQUE (checklist_id, version));"
    "CREATE TABLE packages ("
    " id INTEGER PRIMARY KEY,"
    " sha256 TEXT NOT NULL UNIQUE,"
    " size INTEGER NOT NULL,"
    " file_name TEXT NOT NULL,"
    " received TEXT NOT NULL,"
    " bytes BLOB NOT NULL);"
    "CREATE TABLE submissions ("
    " id INTEGER PRIMARY KEY,"
    " package INTEGER NOT NULL UNIQUE REFERENCES packages (id),"
    " submission TEXT NOT NULL,"
    " revision INTEGER NOT NULL,"
    " state TEXT,"
    " checklist_id TEXT NOT NULL,"
    " checklist_version TEXT NOT NULL,"
    " checklist_digest TEXT NOT NULL,"
    " language TEXT,"
    " created TEXT,"
    " exported TEXT NOT NULL,"
    " received TEXT NOT NULL,"
    " program TEXT,"
    " consent INTEGER NOT NULL,"
    " complete INTEGER NOT NULL,"
    " required INTEGER NOT NULL,"
    " required_answered INTEGER NOT NULL,"
    " invalid INTEGER NOT NULL,"
    " relevant INTEGER NOT NULL,"
    " answered INTEGER NOT NULL,"
    " UNIQUE (submission, revision));"
    "CREATE INDEX submissions_subject ON submissions"
    " (checklist_id, state);"
    "CREATE TABLE answers ("
    " submission INTEGER NOT NULL REFERENCES submissions (id),"
    " path TEXT NOT NULL,"
    " question TEXT NOT NULL,"
    " entry INTEGER NOT NULL,"
    " value TEXT NOT NULL,"
    " other TEXT,"
    " provision TEXT,"
    " provision_number TEXT,"
    " role TEXT,"
    " PRIMARY KEY (submission, path)) WITHOUT ROWID;"
    "CREATE INDEX answers_role ON answers (role, submission);"
    "CREATE INDEX answers_question ON answers (question, submission);"
    "CREATE TABLE attachments ("
    " id INTEGER PRIMARY KEY,"
    " submission INTEGER NOT NULL REFERENCES submissions (id),"
    " attachment_id TEXT NOT NULL,"
    " path TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " media_type TEXT NOT NULL,"
    " size INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " bytes BLOB NOT NULL);"
    "CREATE INDEX attachments_submission ON attachments (submission);"
    /* The newest submission of each State (or, without a State, of each
     * submission id) and checklist: what reports show. */
    "CREATE VIEW current_submissions AS SELECT s.* FROM submissions s"
    " WHERE s.id = (SELECT t.id FROM submissions t"
    "  WHERE t.checklist_id = s.checklist_id"
    "  AND coalesce(t.state, t.submission) ="
    "   coalesce(s.state, s.submission)"
    "  ORDER BY t.exported DESC, t.revision DESC, t.id DESC LIMIT 1);";

/* Version 1 to 2: the questions with a role that were not relevant in
 * a submission (a package leaves them out; "not relevant" is not "not
 * answered"); submissions stored before have no rows here. And the view
 * of current submissions computed in one pass. */
static const char export_store_v2[] =
    "CREATE TABLE not_relevant ("
    " submission INTEGER NOT NULL REFERENCES submissions (id),"
    " question TEXT NOT NULL,"
    " provision TEXT,"
    " provision_number TEXT,"
    " role TEXT NOT NULL,"
    " PRIMARY KEY (submission, question)) WITHOUT ROWID;"
    "CREATE INDEX not_relevant_role ON not_relevant (role, submission);"
    /* The same current submissions, in one pass (a window) rather than
     * one sorted lookup per submission: reports on thousands. */
    "DROP VIEW current_submissions;"
    "CREATE VIEW current_submissions AS SELECT id, package, submission,"
    " revision, state, checklist_id, checklist_version, checklist_digest,"
    " language, created, exported, received, program, consent, complete,"
    " required, required_answered, invalid, relevant, answered FROM"
    " (SELECT s.*, row_number() OVER (PARTITION BY s.checklist_id,"
    "  coalesce(s.state, s.submission) ORDER BY s.exported DESC,"
    "  s.revision DESC, s.id DESC) AS rank FROM submissions s)"
    " WHERE rank = 1;";

/* Version 2 to 3: which submission is current is kept in a column,
 * set at import (export_store_set_current), so that every report reads
 * the current submissions through an index instead of ranking all of
 * them again; and not_relevant is filled for the submissions stored
 * before it existed (export_store_v3_refill, after this SQL). */
static const char export_store_v3[] =
    "ALTER TABLE submissions ADD COLUMN current INTEGER NOT NULL DEFAULT 0;"
    "UPDATE submissions SET current = 1 WHERE id IN"
    " (SELECT id FROM current_submissions);"
    "CREATE INDEX submissions_current ON submissions"
    " (current, checklist_id, state);"
    "DROP VIEW current_submissions;"
    "CREATE VIEW current_submissions AS SELECT id, package, submission,"
    " revision, state, checklist_id, checklist_version, checklist_digest,"
    " language, created, exported, received, program, consent, complete,"
    " required, required_answered, invalid, relevant, answered"
    " FROM submissions WHERE current = 1;";

/* The migration steps: [i] brings user_version i to i + 1, by its SQL
 * then, if any, its function (in the same transaction). */
static const char *const export_store_steps[] = {
	export_store_v1,
	export_store_v2,
	export_store_v3,
};
static checklist_status (*const export_store_fns[])(struct export_store *,
    struct checklist_error *) = {
	NULL,
	NULL,
	export_store_refill,
};
#define EXPORT_STORE_NSTEPS \
	(sizeof export_store_steps / sizeof export_store_steps[0])
_Static_assert(EXPORT_STORE_NSTEPS == EXPORT_STORE_VERSION,
    "one migration step per schema version");

checklist_status
export_store_fail(struct export_store *s, const char *what,
    struct checklist_error *err)
{
	return checklist_error_set(err, CHECKLIST_ERR_IO, s->file, 0, 0,
	    "%s: %s", what, s->db != NULL ? sqlite3_errmsg(s->db) :
	    "cannot open");
}

sqlite3_stmt *
export_store_prepare(struct export_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		checklist_fatal(_("store: %s: %s"), sqlite3_errmsg(s->db), sql);
	return st;
}

checklist_status
export_store_exec(struct export_store *s, const char *sql,
    struct checklist_error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return export_store_fail(s, _("the store"), err);
	return CHECKLIST_OK;
}

const char *
export_store_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

void
export_store_bind(sqlite3_stmt *st, int i, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

/* The store's PRAGMA user_version, or -1 on error. */
static int
export_store_version(struct export_store *s)
{
	sqlite3_stmt *st = export_store_prepare(s, "PRAGMA user_version");
	int v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Run the step from version V, if the store is still at V. */
static checklist_status
export_store_step(struct export_store *s, int v, struct checklist_error *err)
{
	char *sql;
	int now;

	if (export_store_exec(s, "BEGIN IMMEDIATE", err) != CHECKLIST_OK)
		return err->status;
	now = export_store_version(s);
	if (now == v) {
		sql = checklist_xasprintf("%s; PRAGMA user_version = %d;",
		    export_store_steps[v], v + 1);
		if (export_store_exec(s, sql, err) == CHECKLIST_OK &&
		    export_store_fns[v] != NULL)
			export_store_fns[v](s, err);
		free(sql);
	}
	if (err->status == CHECKLIST_OK && now >= 0 &&
	    export_store_exec(s, "COMMIT", err) == CHECKLIST_OK)
		return CHECKLIST_OK;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (err->status != CHECKLIST_OK)
		return err->status;
	return export_store_fail(s, _("updating the store's schema"), err);
}

/* Bring the schema up to EXPORT_STORE_VERSION. */
static checklist_status
export_store_migrate(struct export_store *s, struct checklist_error *err)
{
	int v;

	while ((v = export_store_version(s)) < EXPORT_STORE_VERSION) {
		if (v < 0)
			return export_store_fail(s, _("reading the store"), err);
		if (export_store_step(s, v, err) != CHECKLIST_OK)
			return err->status;
	}
	if (v > EXPORT_STORE_VERSION)
		return checklist_error_set(err, CHECKLIST_ERR_DAMAGED, s->file,
		    0, 0, _("the store has schema version %d; this program "
		    "knows up to %d: use a newer sacl"), v,
		    EXPORT_STORE_VERSION);
	return CHECKLIST_OK;
}

/* Create FILE empty and private when it does not exist. */
static checklist_status
export_store_create(const char *file, struct checklist_error *err)
{
	int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0)
		return close(fd) == 0 ? CHECKLIST_OK : checklist_error_set(err,
		    CHECKLIST_ERR_IO, file, 0, 0, "%s", strerror(errno));
	if (errno == EEXIST)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
	    _("cannot create the store: %s"), strerror(errno));
}

/* The settings of every connection. */
static checklist_status
export_store_settings(struct export_store *s, struct checklist_error *err)
{
	sqlite3_busy_timeout(s->db, EXPORT_STORE_BUSY_MS);
	if (export_store_exec(s, "PRAGMA foreign_keys = ON", err) !=
	    CHECKLIST_OK || export_store_exec(s, "PRAGMA journal_mode = WAL",
	    err) != CHECKLIST_OK || export_store_exec(s,
	    "PRAGMA synchronous = NORMAL", err) != CHECKLIST_OK)
		return err->status;
	return CHECKLIST_OK;
}

checklist_status
export_store_open(const char *file, bool create, struct export_store **out,
    struct checklist_error *err)
{
	struct export_store *s = checklist_xcalloc(1, sizeof *s);
	int rc;

	*out = NULL;
	s->file = checklist_xstrdup(file);
	if (create && export_store_create(file, err) != CHECKLIST_OK) {
		export_store_close(s);
		return err->status;
	}
	if (!create && access(file, F_OK) != 0) {
		checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("no such store (sacl import --db creates it)"));
		export_store_close(s);
		return CHECKLIST_ERR_IO;
	}
	rc = sqlite3_open_v2(file, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK || export_store_settings(s, err) != CHECKLIST_OK ||
	    export_store_migrate(s, err) != CHECKLIST_OK) {
		export_store_fail(s, _("cannot open the store"), err);
		export_store_close(s);
		return err->status;
	}
	*out = s;
	return CHECKLIST_OK;
}

void
export_store_close(struct export_store *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ncl; i++) {
		free(s->cls[i].id);
		free(s->cls[i].version);
		free(s->cls[i].digest);
		checklist_free(s->cls[i].cl);
	}
	free(s->cls);
	sqlite3_close(s->db);
	free(s->file);
	free(s);
}

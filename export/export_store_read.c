/*
 * export_store_read.c: a stored submission read back.
 *
 * A submission is named "ID" (its newest revision) or "ID:REVISION";
 * ID may be a unique prefix of at least 8 characters, as the submission
 * list shows it. Its package is read again from the original bytes by
 * the one reader, against the definition it was checked against, so
 * that `sacl get` and `sacl attachments` see exactly what a package
 * file would give them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "export/export_report_internal.h"

#define EXPORT_STORE_PREFIX_MIN 8

/* Split SUB into its id and revision (0: the newest). */
static bool
export_store_split(const char *sub, char **id, long long *rev)
{
	const char *colon = strchr(sub, ':');
	char *end;

	*rev = 0;
	if (colon == NULL) {
		*id = checklist_xstrdup(sub);
		return true;
	}
	*rev = strtoll(colon + 1, &end, 10);
	if (*end != '\0' || *rev <= 0 || colon[1] == '\0')
		return false;
	*id = checklist_xstrndup(sub, (size_t)(colon - sub));
	return true;
}

/* SUB was not found, or names several: say so. */
static sqlite3_int64
export_store_not_found(const char *sub, const char *why,
    struct checklist_error *err)
{
	char *s = checklist_sanitize(sub, false);

	checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
	    _("submission '%s': %s (sacl report --what submissions lists "
	    "them)"), s, why);
	free(s);
	return 0;
}

sqlite3_int64
export_store_find(struct export_store *s, const char *sub,
    struct checklist_error *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 row = 0, n = 0;
	char *id = NULL;
	long long rev;

	if (!export_store_split(sub, &id, &rev) ||
	    strlen(id) < EXPORT_STORE_PREFIX_MIN) {
		free(id);
		return export_store_not_found(sub, _("not ID or ID:REVISION "
		    "(ID: at least 8 characters)"), err);
	}
#define EXPORT_STORE_MATCH " FROM submissions WHERE substr(submission, 1, " \
    "length(?1)) = ?1 AND (?2 = 0 OR revision = ?2)"
	st = export_store_prepare(s, "SELECT (SELECT count(DISTINCT "
	    "submission)" EXPORT_STORE_MATCH "), (SELECT id"
	    EXPORT_STORE_MATCH " ORDER BY revision DESC LIMIT 1)");
	export_store_bind(st, 1, id);
	sqlite3_bind_int64(st, 2, rev);
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		row = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	free(id);
	if (n == 0)
		return export_store_not_found(sub, _("not in the store"), err);
	if (n > 1)
		return export_store_not_found(sub, _("names several "
		    "submissions; give more of the id"), err);
	return row;
}

checklist_status
export_store_read(struct export_store *s, const char *sub,
    struct export_package **out, struct checklist_error *err)
{
	struct export_read_options o;
	struct checklist *cl = NULL;
	sqlite3_stmt *st;
	sqlite3_int64 row = export_store_find(s, sub, err);
	char *name;
	checklist_status stt;

	*out = NULL;
	if (row == 0)
		return err->status;
	memset(&o, 0, sizeof o);
	st = export_store_prepare(s, "SELECT s.checklist_id, "
	    "s.checklist_version, p.bytes, s.submission, s.revision "
	    "FROM submissions s JOIN packages p ON p.id = s.package "
	    "WHERE s.id = ?1");
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return export_store_fail(s, _("reading the submission"), err);
	}
	stt = export_store_checklist_copy(s, export_store_text(st, 0),
	    export_store_text(st, 1), &cl, err);
	o.cl = cl;
	name = checklist_xasprintf("%s:%s:%lld", s->file,
	    export_store_text(st, 3), (long long)sqlite3_column_int64(st, 4));
	if (stt == CHECKLIST_OK)
		stt = export_read_memory(sqlite3_column_blob(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2), name, &o, out, err);
	free(name);
	sqlite3_finalize(st);
	if (*out != NULL)
		(*out)->cl_owned = cl;
	else
		checklist_free(cl);
	return stt;
}

/* One row of export_store_list from ST. */
static void
export_store_list_row(struct export_store *s, sqlite3_stmt *st,
    struct export_store_entry *e)
{
	const struct checklist *cl;
	struct checklist_error err;

	e->state = checklist_xstrdup(export_store_text(st, 0));
	e->submission = checklist_xstrdup(export_store_text(st, 1));
	e->revision = sqlite3_column_int64(st, 2);
	e->received = checklist_xstrdup(export_store_text(st, 5));
	e->complete = sqlite3_column_int(st, 6) != 0;
	e->required_answered = (size_t)sqlite3_column_int64(st, 7);
	e->required = (size_t)sqlite3_column_int64(st, 8);
	e->current = sqlite3_column_int(st, 9) != 0;
	checklist_error_clear(&err);
	e->state_label = checklist_xstrdup(export_store_checklist(s,
	    export_store_text(st, 3), export_store_text(st, 4), &cl, &err) ==
	    CHECKLIST_OK && e->state[0] != '\0' ? export_report_state_label(cl,
	    e->state, NULL) : e->state);
}

checklist_status
export_store_list(struct export_store *s, struct export_store_entry **out,
    size_t *n, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT coalesce(s.state, "
	    "''), s.submission, s.revision, s.checklist_id, "
	    "s.checklist_version, s.received, s.complete, "
	    "s.required_answered, s.required, "
	    "s.id IN (SELECT id FROM current_submissions) FROM submissions s "
	    "ORDER BY coalesce(s.state, ''), s.checklist_id, s.exported DESC, "
	    "s.revision DESC, s.id DESC");
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = checklist_xreallocarray(*out, *n + 1, sizeof **out);
		export_store_list_row(s, st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, _("listing the submissions"), err);
	return CHECKLIST_OK;
}

void
export_store_list_free(struct export_store_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].state);
		free(v[i].state_label);
		free(v[i].submission);
		free(v[i].received);
	}
	free(v);
}

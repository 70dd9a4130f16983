/*
 * export_import.c: one package into the store.
 *
 * 1. Read the file (the reader's size cap) and take its SHA-256: the
 *    same bytes stored before are "already stored", nothing changes.
 * 2. Find the definition it names (export_store_checklist: registered,
 *    else bundled); to know the name, the package is inflated and parsed
 *    once more by the same safe calls the reader makes (the reader needs
 *    the definition before it starts).
 * 3. Read it with the one reader against that definition: schema, every
 *    answer re-checked, attachments decoded. Nothing a package says about
 *    itself is stored that the reader did not check.
 * 4. In one IMMEDIATE transaction: look again for the same bytes (another
 *    import may have stored them meanwhile), refuse the same submission
 *    and revision with other bytes (a conflict) or a submission id seen
 *    for another State or checklist, then insert the package, the
 *    submission, its answers and attachments, and mark which submission
 *    of its State and checklist is now current. Any failure rolls back: the
 *    store is as it was before this package; so it is after a kill, by
 *    SQLite's journal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"
#include "export/export_store_internal.h"

/* The checklist id and version the package BUF names (caller frees),
 * by the reader's own safe steps. */
static checklist_status
export_import_peek(const char *buf, size_t len, const char *name, char **id,
    char **version, struct checklist_error *err)
{
	struct export_gunzip_caps caps = { EXPORT_INFLATE_MAX,
	    EXPORT_RATIO_MAX, EXPORT_RATIO_FLOOR };
	xmlNodePtr n;
	xmlDocPtr doc = NULL;
	char *xml = NULL;
	size_t xlen;

	*id = *version = NULL;
	if (export_gunzip(buf, len, name, &caps, &xml, &xlen, err) !=
	    CHECKLIST_OK || checklist_xml_parse(xml, xlen, name, &doc, err) !=
	    CHECKLIST_OK) {
		free(xml);
		return err->status;
	}
	free(xml);
	n = xmlDocGetRootElement(doc);
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, EXPORT_XC("metadata")))
			break;
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, EXPORT_XC("checklist")))
			break;
	*id = n != NULL ? checklist_xml_attr(n, "id") : NULL;
	*version = n != NULL ? checklist_xml_attr(n, "version") : NULL;
	xmlFreeDoc(doc);
	if (*id != NULL && *version != NULL)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name, 0, 0,
	    _("not a package: no metadata naming its checklist"));
}

/* Is there a package with digest HEX already? */
static bool
export_import_have(struct export_store *s, const char *hex)
{
	sqlite3_stmt *st = export_store_prepare(s,
	    "SELECT 1 FROM packages WHERE sha256 = ?1");
	bool have;

	export_store_bind(st, 1, hex);
	have = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return have;
}

/* Refuse P when its submission id is stored with the same revision
 * (other bytes: those would have been "already stored"), or for another
 * State or checklist. */
static checklist_status
export_import_conflict(struct export_store *s, const struct export_package *p,
    const char *name, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT revision, "
	    "coalesce(state, ''), checklist_id FROM submissions "
	    "WHERE submission = ?1 ORDER BY revision = ?2 DESC LIMIT 1");
	const char *state = p->state != NULL ? p->state : "";

	export_store_bind(st, 1, p->submission_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)p->revision);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if ((unsigned long)sqlite3_column_int64(st, 0) == p->revision)
			checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name,
			    0, 0, _("conflict: submission %s revision %lu is "
			    "already stored with other contents"),
			    p->submission_id, p->revision);
		else if (strcmp(export_store_text(st, 1), state) != 0 ||
		    strcmp(export_store_text(st, 2), p->checklist_id) != 0)
			checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name,
			    0, 0, _("conflict: submission %s is stored for "
			    "another State or checklist"), p->submission_id);
	}
	sqlite3_finalize(st);
	return err->status;
}

/* The current submission row of P's State and checklist (0: none). */
static sqlite3_int64
export_import_current(struct export_store *s, const struct export_package *p)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT id FROM "
	    "current_submissions WHERE checklist_id = ?1 AND "
	    "coalesce(state, submission) = coalesce(?2, ?3)");
	sqlite3_int64 id = 0;

	export_store_bind(st, 1, p->checklist_id);
	export_store_bind(st, 2, p->state);
	export_store_bind(st, 3, p->submission_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

checklist_status
export_store_set_current(struct export_store *s,
    const struct export_package *p, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "UPDATE submissions SET "
	    "current = (id = (SELECT t.id FROM submissions t WHERE "
	    "t.checklist_id = ?1 AND coalesce(t.state, t.submission) = "
	    "coalesce(?2, ?3) ORDER BY t.exported DESC, t.revision DESC, "
	    "t.id DESC LIMIT 1)) WHERE checklist_id = ?1 AND "
	    "coalesce(state, submission) = coalesce(?2, ?3)");
	int rc;

	export_store_bind(st, 1, p->checklist_id);
	export_store_bind(st, 2, p->state);
	export_store_bind(st, 3, p->submission_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CHECKLIST_OK :
	    export_store_fail(s, "marking the current submission", err);
}

/* Insert the packages row; its id in *ID. */
static checklist_status
export_import_package_row(struct export_store *s, const char *buf,
    size_t len, const char *hex, const char *file, const char *received,
    sqlite3_int64 *id, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "INSERT INTO packages "
	    "(sha256, size, file_name, received, bytes) VALUES "
	    "(?1, ?2, ?3, ?4, ?5)");
	int rc;

	export_store_bind(st, 1, hex);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)len);
	export_store_bind(st, 3, file);
	export_store_bind(st, 4, received);
	sqlite3_bind_blob(st, 5, buf, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc == SQLITE_DONE ? CHECKLIST_OK :
	    export_store_fail(s, _("storing the package"), err);
}

/* Insert the submissions row of P (package row PKG); its id in *ID. */
static checklist_status
export_import_submission_row(struct export_store *s,
    const struct export_package *p, const char *digest, sqlite3_int64 pkg,
    const char *received, sqlite3_int64 *id, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "INSERT INTO submissions "
	    "(package, submission, revision, state, checklist_id, "
	    "checklist_version, checklist_digest, language, created, "
	    "exported, received, program, consent, complete, required, "
	    "required_answered, invalid, relevant, answered) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	    "?17, ?18, ?19)");
	struct checklist_progress pr;
	int rc;

	/* completeness recomputed from the answers, never believed */
	checklist_progress_all(p->response, &pr);
	sqlite3_bind_int64(st, 1, pkg);
	export_store_bind(st, 2, p->submission_id);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)p->revision);
	export_store_bind(st, 4, p->state);
	export_store_bind(st, 5, p->checklist_id);
	export_store_bind(st, 6, p->checklist_version);
	export_store_bind(st, 7, digest);
	export_store_bind(st, 8, p->lang);
	export_store_bind(st, 9, p->created);
	export_store_bind(st, 10, p->exported);
	export_store_bind(st, 11, received);
	export_store_bind(st, 12, p->program);
	sqlite3_bind_int(st, 13, p->consent);
	sqlite3_bind_int(st, 14, pr.required_answered == pr.required &&
	    pr.invalid == 0);
	sqlite3_bind_int64(st, 15, (sqlite3_int64)pr.required);
	sqlite3_bind_int64(st, 16, (sqlite3_int64)pr.required_answered);
	sqlite3_bind_int64(st, 17, (sqlite3_int64)pr.invalid);
	sqlite3_bind_int64(st, 18, (sqlite3_int64)pr.relevant);
	sqlite3_bind_int64(st, 19, (sqlite3_int64)pr.answered);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc == SQLITE_DONE ? CHECKLIST_OK :
	    export_store_fail(s, _("storing the submission"), err);
}

/* The digest of the definition P was checked against. */
static const char *
export_import_digest(const struct export_store *s, const struct checklist *cl)
{
	size_t i;

	for (i = 0; i < s->ncl; i++)
		if (s->cls[i].cl == cl)
			return s->cls[i].digest;
	return "";
}

/* Step 4, inside the transaction. */
static checklist_status
export_import_rows(struct export_store *s, const char *file, const char *buf,
    size_t len, const char *hex, const struct export_package *p,
    const char *received, enum export_import_result *result,
    struct checklist_error *err)
{
	sqlite3_int64 before, pkg, sub;

	if (export_import_have(s, hex)) {
		*result = EXPORT_IMPORT_ALREADY;
		return CHECKLIST_OK;
	}
	if (export_import_conflict(s, p, file, err) != CHECKLIST_OK)
		return err->status;
	before = export_import_current(s, p);
	if (export_import_package_row(s, buf, len, hex, file, received, &pkg,
	    err) != CHECKLIST_OK || export_import_submission_row(s, p,
	    export_import_digest(s, p->cl), pkg, received, &sub, err) !=
	    CHECKLIST_OK || export_import_answers(s, sub, p, err) !=
	    CHECKLIST_OK || export_store_set_current(s, p, err) !=
	    CHECKLIST_OK)
		return err->status;
	*result = before != 0 && export_import_current(s, p) == sub ?
	    EXPORT_IMPORT_SUPERSEDING : EXPORT_IMPORT_STORED;
	return CHECKLIST_OK;
}

/* Steps 2 and 3: the package read and checked. */
static checklist_status
export_import_read(struct export_store *s, const char *file, const char *buf,
    size_t len, struct export_package **p, struct checklist_error *err)
{
	struct export_read_options o;
	char *id, *version;
	checklist_status st;

	memset(&o, 0, sizeof o);
	if (export_import_peek(buf, len, file, &id, &version, err) !=
	    CHECKLIST_OK)
		return err->status;
	st = export_store_checklist(s, id, version, &o.cl, err);
	free(id);
	free(version);
	if (st != CHECKLIST_OK) {
		snprintf(err->file, sizeof err->file, "%s", file);
		return st;
	}
	return export_read_memory(buf, len, file, &o, p, err);
}

checklist_status
export_import_file(struct export_store *s, const char *file, time_t received,
    enum export_import_result *result, struct checklist_error *err)
{
	struct export_package *p = NULL;
	char *buf, hex[65], when[32];
	size_t len;

	export_iso_time(export_now(received), when, sizeof when);
	*result = EXPORT_IMPORT_REFUSED;
	if (checklist_read_file(file, EXPORT_READ_MAX, &buf, &len, err) !=
	    CHECKLIST_OK)
		return err->status;
	checklist_sha256_hex(buf, len, hex);
	if (export_import_have(s, hex))
		*result = EXPORT_IMPORT_ALREADY;
	else if (export_import_read(s, file, buf, len, &p, err) ==
	    CHECKLIST_OK &&
	    export_store_exec(s, "BEGIN IMMEDIATE", err) == CHECKLIST_OK) {
		if (export_import_rows(s, file, buf, len, hex, p, when,
		    result, err) == CHECKLIST_OK)
			export_store_exec(s, "COMMIT", err);
		if (err->status != CHECKLIST_OK) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			*result = EXPORT_IMPORT_REFUSED;
		}
	}
	export_package_free(p);
	free(buf);
	return err->status;
}

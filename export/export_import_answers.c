/*
 * export_import_answers.c: a package's answers and attachments put in
 * the store's queryable tables (doc/store-format.md), once the package
 * has been read and checked: one row per answered value, with its value
 * path ("p9_1/measures[2]/title"), its question ("p9_1/measures/title"),
 * its entry index in the innermost list (0 outside lists), its value and
 * "other" text, the provision it belongs to (id and number) and the role
 * of its question. Only questions relevant in the submission are kept:
 * a package leaves the others out, and their defaults are not answers.
 * Which questions with a role were not relevant (computed from the
 * answers with the definition, as the reader did) goes in table
 * not_relevant, so that reports tell "not relevant" from "not answered".
 * A store made before that table gets it filled on migration, from the
 * packages' stored bytes (export_store_refill).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "export/export_store_internal.h"

struct export_ia {
	struct export_store *s;
	struct checklist_response *r;
	sqlite3_stmt *st;
	sqlite3_int64 sub;
	struct checklist_error *err;
};

/* The role of Q in the definition, or NULL. */
static const char *
export_ia_role(const struct checklist_question *q)
{
	return q->role;
}

/* Insert one row: value V (and OTHER) of Q at PATH, entry ENTRY. */
static void
export_ia_row(struct export_ia *a, const struct checklist_question *q,
    const char *path, size_t entry, const char *v, const char *other)
{
	const struct checklist_group *g = q->group;
	sqlite3_stmt *st = a->st;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->sub);
	export_store_bind(st, 2, path);
	export_store_bind(st, 3, q->path);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)entry);
	export_store_bind(st, 5, v);
	export_store_bind(st, 6, other);
	export_store_bind(st, 7, g != NULL ? g->id : NULL);
	export_store_bind(st, 8, g != NULL ? g->number : NULL);
	export_store_bind(st, 9, export_ia_role(q));
	if (sqlite3_step(st) != SQLITE_DONE)
		export_store_fail(a->s, _("storing an answer"), a->err);
}

static void export_ia_emit(struct export_ia *a,
    const struct checklist_question *q, const char *path, size_t entry);

/* Each entry of the list Q at PATH. */
static void
export_ia_list(struct export_ia *a, const struct checklist_question *q,
    const char *path)
{
	size_t i, k, n = checklist_response_entries(a->r, path);
	char *sub;

	for (i = 1; i <= n && a->err->status == CHECKLIST_OK; i++)
		for (k = 0; k < q->nchildren; k++) {
			sub = checklist_xasprintf("%s[%zu]/%s", path, i,
			    q->children[k]->id);
			export_ia_emit(a, q->children[k], sub, i);
			free(sub);
		}
}

/* Question Q at instance PATH, in entry ENTRY of its list (0: none). */
static void
export_ia_emit(struct export_ia *a, const struct checklist_question *q,
    const char *path, size_t entry)
{
	const char *v, *o = NULL;
	char *sub;

	if (a->err->status != CHECKLIST_OK ||
	    !checklist_response_relevant(a->r, path))
		return;
	if (q->type == CHECKLIST_Q_REPEAT) {
		export_ia_list(a, q, path);
		return;
	}
	v = checklist_response_get(a->r, path);
	if (q->other) {
		sub = checklist_xasprintf("%s:%s", path, CHECKLIST_OTHER);
		o = checklist_response_get(a->r, sub);
		free(sub);
	}
	if ((v != NULL && v[0] != '\0') || (o != NULL && o[0] != '\0'))
		export_ia_row(a, q, path, entry, v != NULL ? v : "",
		    o != NULL && o[0] != '\0' ? o : NULL);
}

/* The attachments of P. */
static void
export_ia_attachments(struct export_ia *a, const struct export_package *p)
{
	sqlite3_stmt *st = export_store_prepare(a->s, "INSERT INTO attachments"
	    " (submission, attachment_id, path, name, media_type, size, "
	    "sha256, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	const struct export_attachment *t;
	char hex[65];
	size_t i;

	for (i = 0; i < p->nattachments && a->err->status == CHECKLIST_OK;
	    i++) {
		t = &p->attachments[i];
		checklist_sha256_hex((const char *)t->data, t->size, hex);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->sub);
		export_store_bind(st, 2, t->id);
		export_store_bind(st, 3, t->path);
		export_store_bind(st, 4, t->name);
		export_store_bind(st, 5, t->media_type);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)t->size);
		export_store_bind(st, 7, hex);
		sqlite3_bind_blob(st, 8, t->size > 0 ? t->data : (const void *)"",
		    (int)t->size, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			export_store_fail(a->s, _("storing an attachment"),
			    a->err);
	}
	sqlite3_finalize(st);
}

/* Record each question with a role, outside lists, not relevant in A. */
static void
export_ia_not_relevant(struct export_ia *a, const struct checklist *cl)
{
	sqlite3_stmt *st = export_store_prepare(a->s, "INSERT INTO "
	    "not_relevant (submission, question, provision, provision_number,"
	    " role) VALUES (?1, ?2, ?3, ?4, ?5)");
	const struct checklist_question *q;
	size_t i;

	for (i = 0; i < cl->nall && a->err->status == CHECKLIST_OK; i++) {
		q = cl->all[i];
		if (q->role == NULL || q->parent != NULL ||
		    (checklist_response_group_relevant(a->r, q->group) &&
		    checklist_response_relevant(a->r, q->path)))
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->sub);
		export_store_bind(st, 2, q->path);
		export_store_bind(st, 3, q->group != NULL ? q->group->id : NULL);
		export_store_bind(st, 4, q->group != NULL ? q->group->number :
		    NULL);
		export_store_bind(st, 5, q->role);
		if (sqlite3_step(st) != SQLITE_DONE)
			export_store_fail(a->s, _("storing what was not relevant"),
			    a->err);
	}
	sqlite3_finalize(st);
}

checklist_status
export_import_answers(struct export_store *s, sqlite3_int64 sub,
    const struct export_package *p, struct checklist_error *err)
{
	struct export_ia a = { s, p->response, NULL, sub, err };
	const struct checklist *cl = p->cl;
	size_t i;

	a.st = export_store_prepare(s, "INSERT INTO answers (submission, "
	    "path, question, entry, value, other, provision, "
	    "provision_number, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9)");
	for (i = 0; i < cl->nall && err->status == CHECKLIST_OK; i++)
		if (cl->all[i]->parent == NULL &&
		    checklist_response_group_relevant(p->response,
		    cl->all[i]->group))
			export_ia_emit(&a, cl->all[i], cl->all[i]->path, 0);
	sqlite3_finalize(a.st);
	if (err->status == CHECKLIST_OK)
		export_ia_not_relevant(&a, cl);
	if (err->status == CHECKLIST_OK)
		export_ia_attachments(&a, p);
	return err->status;
}

/* The submissions of S with no row in not_relevant: *N ids. */
static sqlite3_int64 *
export_refill_ids(struct export_store *s, size_t *n)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT s.id FROM "
	    "submissions s WHERE NOT EXISTS (SELECT 1 FROM not_relevant n "
	    "WHERE n.submission = s.id) ORDER BY s.id");
	sqlite3_int64 *v = NULL;

	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = checklist_xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

/* Fill not_relevant for submission SUB from its package's bytes, read
 * again by the one reader. A package that cannot be read again (its
 * definition gone) keeps no rows: its report says "not answered", as
 * before. */
static checklist_status
export_refill_one(struct export_store *s, sqlite3_int64 sub,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT s.checklist_id, "
	    "s.checklist_version, p.bytes FROM submissions s JOIN packages p "
	    "ON p.id = s.package WHERE s.id = ?1");
	struct export_read_options o;
	struct export_package *p = NULL;
	struct checklist_error e;
	struct export_ia a = { s, NULL, NULL, sub, err };

	memset(&o, 0, sizeof o);
	checklist_error_clear(&e);
	sqlite3_bind_int64(st, 1, sub);
	if (sqlite3_step(st) == SQLITE_ROW && export_store_checklist(s,
	    export_store_text(st, 0), export_store_text(st, 1), &o.cl, &e) ==
	    CHECKLIST_OK && export_read_memory(sqlite3_column_blob(st, 2),
	    (size_t)sqlite3_column_bytes(st, 2), s->file, &o, &p, &e) ==
	    CHECKLIST_OK) {
		a.r = p->response;
		export_ia_not_relevant(&a, p->cl);
	}
	sqlite3_finalize(st);
	export_package_free(p);
	return err->status;
}

checklist_status
export_store_refill(struct export_store *s, struct checklist_error *err)
{
	size_t i, n;
	sqlite3_int64 *ids = export_refill_ids(s, &n);

	for (i = 0; i < n && err->status == CHECKLIST_OK; i++)
		export_refill_one(s, ids[i], err);
	free(ids);
	return err->status;
}

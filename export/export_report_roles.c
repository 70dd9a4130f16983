/*
 * export_report_roles.c: what the reports share that need to know what
 * a question means. Questions are found by their role in the definition
 * (checklist_role(); stored with each answer at import), never by id, so
 * a second checklist reports the same way. Labels come from the
 * definition each submission was checked against, in the language
 * asked.
 *
 * The rows come from one query per report: the answers with a role, of
 * the current submissions (export_roles_each), each handed with its
 * submission's State, definition and provision.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

const char *
export_report_state_label(const struct checklist *cl, const char *code,
    const char *lang)
{
	const struct checklist_question *q =
	    checklist_role(cl, NULL, CHECKLIST_ROLE_STATE);
	size_t i;

	for (i = 0; q != NULL && i < q->nchoices; i++)
		if (strcmp(q->choices[i].value, code) == 0)
			return checklist_text_get(&q->choices[i].label, lang,
			    cl->default_lang);
	return code;
}

const char *
export_roles_choice(const struct checklist *cl,
    const struct checklist_question *q, const char *value, const char *lang)
{
	size_t i;

	for (i = 0; q != NULL && i < q->nchoices; i++)
		if (strcmp(q->choices[i].value, value) == 0)
			return checklist_text_get(&q->choices[i].label, lang,
			    cl->default_lang);
	return value;
}

/* Groups and questions found by id or path, for the length of one
 * query: the definition's lookups are linear, and thousands of rows ask
 * for the same few hundred. Open addressing, FNV-1a, grown at half. */
struct export_roles_cache {
	size_t cap, n;
	struct export_roles_slot {
		const struct checklist *cl;
		char *key;
		const void *val;
	} *slot;
};

static size_t
export_roles_hash(const struct checklist *cl, const char *key, size_t cap)
{
	size_t h = 1469598103934665603ull ^ (size_t)(uintptr_t)cl;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ull;
	return h & (cap - 1);
}

static void export_roles_put(struct export_roles_cache *c,
    const struct checklist *cl, char *key, const void *val);

static void
export_roles_grow(struct export_roles_cache *c)
{
	struct export_roles_cache old = *c;
	size_t i;

	c->cap = old.cap != 0 ? old.cap * 2 : 256;
	c->n = 0;
	c->slot = checklist_xcalloc(c->cap, sizeof *c->slot);
	for (i = 0; i < old.cap; i++)
		if (old.slot[i].key != NULL)
			export_roles_put(c, old.slot[i].cl, old.slot[i].key,
			    old.slot[i].val);
	free(old.slot);
}

/* Store VAL for (CL, KEY); KEY is owned by the cache. */
static void
export_roles_put(struct export_roles_cache *c, const struct checklist *cl,
    char *key, const void *val)
{
	size_t i;

	if ((c->n + 1) * 2 > c->cap)
		export_roles_grow(c);
	i = export_roles_hash(cl, key, c->cap);
	while (c->slot[i].key != NULL)
		i = (i + 1) & (c->cap - 1);
	c->slot[i].cl = cl;
	c->slot[i].key = key;
	c->slot[i].val = val;
	c->n++;
}

/* The value for (CL, KEY) in C: true when there (*VAL may be NULL). */
static bool
export_roles_get(const struct export_roles_cache *c,
    const struct checklist *cl, const char *key, const void **val)
{
	size_t i;

	if (c->cap == 0)
		return false;
	for (i = export_roles_hash(cl, key, c->cap); c->slot[i].key != NULL;
	    i = (i + 1) & (c->cap - 1))
		if (c->slot[i].cl == cl && strcmp(c->slot[i].key, key) == 0) {
			*val = c->slot[i].val;
			return true;
		}
	return false;
}

static void
export_roles_cache_free(struct export_roles_cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++)
		free(c->slot[i].key);
	free(c->slot);
}

/* The group ID (IS_GROUP) or question ID of CL, through C. */
static const void *
export_roles_find(struct export_roles_cache *c, const struct checklist *cl,
    const char *id, bool is_group)
{
	const void *v;

	if (export_roles_get(c, cl, id, &v))
		return v;
	v = is_group ? (const void *)checklist_find_group(cl, id) :
	    (const void *)checklist_find_question(cl, id);
	export_roles_put(c, cl, checklist_xstrdup(id), v);
	return v;
}

/* The row of ST (see export_roles_sql) as a struct export_roles_row. */
static bool
export_roles_row(struct export_store *s, sqlite3_stmt *st,
    const struct export_report_options *o, struct export_roles_row *r,
    struct export_roles_cache *cache)
{
	struct checklist_error e;

	checklist_error_clear(&e);
	r->code = export_store_text(st, 1);
	if (!export_report_want_state(o, r->code) ||
	    export_store_checklist(s, export_store_text(st, 2),
	    export_store_text(st, 3), &r->cl, &e) != CHECKLIST_OK)
		return false;
	r->sub = sqlite3_column_int64(st, 0);
	r->group = export_roles_find(&cache[0], r->cl,
	    export_store_text(st, 4), true);
	r->question = export_roles_find(&cache[1], r->cl,
	    export_store_text(st, 5), false);
	if (r->group == NULL || r->question == NULL ||
	    (r->group->number != NULL &&
	    !export_report_want_provision(o, r->group->number)))
		return false;
	r->state = r->code[0] != '\0' ? export_report_state_label(r->cl,
	    r->code, o->lang) : "(no State)";
	r->path = export_store_text(st, 6);
	r->entry = (size_t)sqlite3_column_int64(st, 7);
	r->value = export_store_text(st, 8);
	r->other = export_store_text(st, 9);
	return true;
}

checklist_status
export_roles_each(struct export_store *s,
    const struct export_report_options *o, const char *role, bool in_lists,
    void (*fn)(const struct export_roles_row *r, void *arg), void *arg,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT s.id, "
	    "coalesce(s.state, ''), s.checklist_id, s.checklist_version, "
	    "a.provision, a.question, a.path, a.entry, a.value, "
	    "coalesce(a.other, '') FROM current_submissions s "
	    "JOIN answers a ON a.submission = s.id WHERE " EXPORT_REPORT_WHERE
	    " AND ((?2 IS NOT NULL AND a.role = ?2) OR (?3 AND a.entry > 0)) "
	    "ORDER BY coalesce(s.state, ''), s.id, a.provision, a.entry, "
	    "a.path");
	struct export_roles_row r;
	struct export_roles_cache cache[2];
	int rc;

	memset(cache, 0, sizeof cache);
	export_report_bind(st, o);
	export_store_bind(st, 2, role);
	sqlite3_bind_int(st, 3, in_lists);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		if (export_roles_row(s, st, o, &r, cache))
			fn(&r, arg);
	}
	sqlite3_finalize(st);
	export_roles_cache_free(&cache[0]);
	export_roles_cache_free(&cache[1]);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, _("reading the answers"), err);
	return CHECKLIST_OK;
}

/* Does any checklist the report covers declare ROLE? Reports on one
 * that does not say so rather than print nothing. */
checklist_status
export_roles_need(struct export_store *s,
    const struct export_report_options *o, const char *role,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT DISTINCT "
	    "s.checklist_id, s.checklist_version FROM current_submissions s "
	    "WHERE " EXPORT_REPORT_WHERE);
	const struct checklist *cl;
	struct checklist_error e;
	size_t i, n = 0, have = 0;

	export_report_bind(st, o);
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		checklist_error_clear(&e);
		if (export_store_checklist(s, export_store_text(st, 0),
		    export_store_text(st, 1), &cl, &e) != CHECKLIST_OK)
			continue;
		for (i = 0; i < cl->npages; i++)
			if (checklist_role(cl, cl->pages[i], role) != NULL) {
				have++;
				break;
			}
	}
	sqlite3_finalize(st);
	if (n > 0 && have == 0)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL,
		    0, 0, _("report '%s' needs questions with the role '%s', "
		    "which the definitions of these submissions do not "
		    "declare (doc/checklist-format.md)"), o->what, role);
	return CHECKLIST_OK;
}

/* The provision's number and title, for a cell. Caller frees. */
char *
export_roles_provision(const struct export_roles_row *r, const char *lang)
{
	const struct checklist_group *g = r->group;

	if (g->number == NULL)
		return checklist_xstrdup(checklist_text_get(&g->title, lang,
		    r->cl->default_lang));
	return checklist_xasprintf("%s %s", g->number,
	    checklist_text_get(&g->title, lang, r->cl->default_lang));
}

checklist_status
export_report_roles(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	if (strcmp(o->what, "status") == 0)
		return export_report_status(s, o, d, err);
	if (strcmp(o->what, "assistance") == 0 ||
	    strcmp(o->what, "challenges") == 0)
		return export_report_choices(s, o, d, err);
	if (strcmp(o->what, "practices") == 0)
		return export_report_practices(s, o, d, err);
	if (strcmp(o->what, "measures") == 0)
		return export_report_measures(s, o, d, err);
	return export_report_authorities(s, o, d, err);
}

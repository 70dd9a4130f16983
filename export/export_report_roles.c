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
 * submission's State, definition and provision, sorted here in the
 * definition's order of provisions (the store only knows their ids).
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

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

/* The place of group G in its definition's pages (1-based; 0: none),
 * through C: the order reports list provisions in (p5 before p10, 9.1
 * before 9.1a before 9.2), never the order of their ids as strings. */
static size_t
export_roles_order(struct export_roles_cache *c, const struct checklist *cl,
    const struct checklist_group *g)
{
	const void *v;
	size_t i;

	if (export_roles_get(c, cl, g->id, &v))
		return (size_t)(uintptr_t)v;
	for (i = 0; i < cl->npages && cl->pages[i] != g; i++)
		;
	v = (const void *)(uintptr_t)(i < cl->npages ? i + 1 : 0);
	export_roles_put(c, cl, checklist_xstrdup(g->id), v);
	return (size_t)(uintptr_t)v;
}

/* A row kept for sorting: the row, its strings in BUF. */
struct export_roles_rec {
	struct export_roles_row r;
	size_t order, seq;
	char *buf;
};

struct export_roles_set {
	size_t n, cap;
	struct export_roles_rec *v;
};

/* Keep the row of ST (see export_roles_each) in SET, if O wants it. */
static void
export_roles_keep(struct export_store *s, sqlite3_stmt *st,
    const struct export_report_options *o, struct export_roles_set *set,
    struct export_roles_cache *cache)
{
	struct export_roles_rec w;
	struct checklist_error e;
	const char *f[4];
	size_t i, len[4], at = 0;

	memset(&w, 0, sizeof w);
	checklist_error_clear(&e);
	f[0] = export_store_text(st, 1);
	if (!export_report_want_state(o, f[0]) || export_store_checklist(s,
	    export_store_text(st, 2), export_store_text(st, 3), &w.r.cl, &e) !=
	    CHECKLIST_OK)
		return;
	w.r.group = export_roles_find(&cache[0], w.r.cl,
	    export_store_text(st, 4), true);
	w.r.question = export_roles_find(&cache[1], w.r.cl,
	    export_store_text(st, 5), false);
	if (w.r.group == NULL || w.r.question == NULL ||
	    (w.r.group->number != NULL &&
	    !export_report_want_provision(o, w.r.group->number)))
		return;
	w.r.sub = sqlite3_column_int64(st, 0);
	w.r.entry = (size_t)sqlite3_column_int64(st, 7);
	w.r.order = w.order = export_roles_order(&cache[2], w.r.cl,
	    w.r.group);
	w.seq = set->n;
	f[1] = export_store_text(st, 6);
	f[2] = export_store_text(st, 8);
	f[3] = export_store_text(st, 9);
	for (i = 0; i < 4; i++)
		at += (len[i] = strlen(f[i])) + 1;
	w.buf = checklist_xmalloc(at);
	for (i = 0, at = 0; i < 4; at += len[i++] + 1)
		memcpy(w.buf + at, f[i], len[i] + 1);
	if (set->n == set->cap) {
		set->cap = set->cap != 0 ? set->cap * 2 : 256;
		set->v = checklist_xreallocarray(set->v, set->cap,
		    sizeof *set->v);
	}
	set->v[set->n++] = w;
}

/* Point the strings of REC into its buffer (once sorted: it moved). */
static void
export_roles_fix(struct export_roles_rec *w, const char *lang)
{
	const char *p = w->buf;

	w->r.code = p;
	p += strlen(p) + 1;
	w->r.path = p;
	p += strlen(p) + 1;
	w->r.value = p;
	p += strlen(p) + 1;
	w->r.other = p;
	w->r.state = w->r.code[0] != '\0' ? export_report_state_label(
	    w->r.cl, w->r.code, lang) : _("(no State)");
}

static int
export_roles_cmp_cl(const struct checklist *a, const struct checklist *b)
{
	int c;

	if (a == b)
		return 0;
	c = strcmp(a->id, b->id);
	return c != 0 ? c : strcmp(a->version, b->version);
}

/* State code (first in BUF), submission, provision, entry, as stored. */
static int
export_roles_cmp_state(const void *x, const void *y)
{
	const struct export_roles_rec *a = x, *b = y;
	int c = export_roles_cmp_cl(a->r.cl, b->r.cl);

	if (c == 0)
		c = strcmp(a->buf, b->buf);
	if (c != 0)
		return c;
	if (a->r.sub != b->r.sub)
		return a->r.sub < b->r.sub ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->r.entry != b->r.entry)
		return a->r.entry < b->r.entry ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Provision first, then as export_roles_cmp_state. */
static int
export_roles_cmp_provision(const void *x, const void *y)
{
	const struct export_roles_rec *a = x, *b = y;
	int c = export_roles_cmp_cl(a->r.cl, b->r.cl);

	if (c != 0)
		return c;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return export_roles_cmp_state(x, y);
}

/* The answers of the current submissions O keeps, with one of ROLES
 * (NULL-terminated, at most 3) or, with IN_LISTS, in a list entry. */
static sqlite3_stmt *
export_roles_query(struct export_store *s,
    const struct export_report_options *o, const char *const *roles,
    bool in_lists)
{
	sqlite3_stmt *st = export_store_prepare(s, in_lists ? "SELECT s.id, "
	    "coalesce(s.state, ''), s.checklist_id, s.checklist_version, "
	    "a.provision, a.question, a.path, a.entry, a.value, "
	    "coalesce(a.other, '') FROM current_submissions s "
	    "JOIN answers a ON a.submission = s.id WHERE " EXPORT_REPORT_WHERE
	    " AND a.entry > 0" : "SELECT s.id, coalesce(s.state, ''), "
	    "s.checklist_id, s.checklist_version, a.provision, a.question, "
	    "a.path, a.entry, a.value, coalesce(a.other, '') FROM "
	    "current_submissions s JOIN answers a INDEXED BY answers_role ON "
	    "a.submission = s.id WHERE " EXPORT_REPORT_WHERE " AND a.role IN "
	    "(?2, ?3, ?4)");
	size_t i;

	export_report_bind(st, o);
	for (i = 0; !in_lists && i < 3; i++)
		export_store_bind(st, (int)i + 2, roles != NULL &&
		    (i == 0 || roles[i - 1] != NULL) ? roles[i] : NULL);
	return st;
}

checklist_status
export_roles_each(struct export_store *s,
    const struct export_report_options *o, const char *const *roles,
    bool in_lists, enum export_roles_sort sort,
    void (*fn)(const struct export_roles_row *r, void *arg), void *arg,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_roles_query(s, o, roles, in_lists);
	struct export_roles_set set;
	struct export_roles_cache cache[3];
	size_t i;
	int rc;

	memset(cache, 0, sizeof cache);
	memset(&set, 0, sizeof set);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		export_roles_keep(s, st, o, &set, cache);
	sqlite3_finalize(st);
	if (set.n > 1)
		qsort(set.v, set.n, sizeof *set.v, sort == EXPORT_ROLES_BY_STATE ?
		    export_roles_cmp_state : export_roles_cmp_provision);
	for (i = 0; i < set.n; i++) {
		export_roles_fix(&set.v[i], o->lang);
		if (rc == SQLITE_DONE)
			fn(&set.v[i].r, arg);
		free(set.v[i].buf);
	}
	free(set.v);
	for (i = 0; i < 3; i++)
		export_roles_cache_free(&cache[i]);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, _("reading the answers"), err);
	return CHECKLIST_OK;
}

checklist_status
export_roles_checklists(struct export_store *s,
    const struct export_report_options *o, const struct checklist ***out,
    size_t *n, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT s.checklist_id, "
	    "s.checklist_version, coalesce(s.state, '') FROM "
	    "current_submissions s WHERE " EXPORT_REPORT_WHERE
	    " ORDER BY s.checklist_id, s.checklist_version");
	const struct checklist *cl;
	struct checklist_error e;
	int rc;

	*out = NULL;
	*n = 0;
	export_report_bind(st, o);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		checklist_error_clear(&e);
		if (!export_report_want_state(o, export_store_text(st, 2)) ||
		    export_store_checklist(s, export_store_text(st, 0),
		    export_store_text(st, 1), &cl, &e) != CHECKLIST_OK ||
		    (*n > 0 && (*out)[*n - 1] == cl))
			continue;
		*out = checklist_xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = cl;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, "reading the submissions", err);
	return CHECKLIST_OK;
}

char *
export_roles_title(const char *title, const struct checklist *cl, size_t n)
{
	if (n <= 1)
		return checklist_xstrdup(title);
	return checklist_xasprintf("%s (%s %s)", title, cl->id, cl->version);
}

/* Does any checklist the report covers declare ROLE? Reports on one
 * that does not say so rather than print nothing. */
checklist_status
export_roles_need(struct export_store *s,
    const struct export_report_options *o, const char *role,
    struct checklist_error *err)
{
	const struct checklist **cls;
	size_t i, k, n, have = 0;

	if (export_roles_checklists(s, o, &cls, &n, err) != CHECKLIST_OK)
		return err->status;
	for (k = 0; k < n; k++)
		for (i = 0; i < cls[k]->npages; i++)
			if (checklist_role(cls[k], cls[k]->pages[i], role) !=
			    NULL) {
				have++;
				break;
			}
	free(cls);
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

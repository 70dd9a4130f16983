/*
 * export_report_status.c: `--what status`: the status of implementation
 * (role "status") of every provision in every State's current
 * submission. The columns are the choices of the status question, in
 * the definition's order (for chapter II: fully, partly, not), then "not
 * relevant" (the status question was not relevant in the submission, as
 * recorded at import in table not_relevant), then "not answered".
 * Tables: counts by provision, counts by State, the grid of States by
 * provisions (HTML: coloured, with a legend and an index of States) and,
 * for CSV, one row per State and provision (with its checklist). Each
 * checklist (id and version) among the current submissions gets its
 * own tables, its columns its own provisions in its own order.
 *
 * Three queries per checklist: its States, its status answers, its
 * status questions not relevant; the grid is filled in memory.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

#define EXPORT_ST_MAXC 5 /* status choices told apart by colour */

/* Indexed by export_st_cls(): the choices, then not relevant, then not
 * answered. */
static const char *const export_st_class[EXPORT_ST_MAXC + 2] = {
	"st0", "st1", "st2", "st3", "st4", "str", "stn",
};
static const char *const export_st_color[EXPORT_ST_MAXC + 2] = {
	"#4caf50", "#ffc107", "#e57373", "#64b5f6", "#ba68c8", "#bdbdbd",
	"#eeeeee",
};
static const char *const export_st_mark[EXPORT_ST_MAXC + 2] = {
	"\u25cf", "\u25d0", "\u25cb", "\u25c6", "\u25c7", "\u2013",
	"\u00b7",
};
#define EXPORT_ST_NR (-2) /* a cell: not relevant */

struct export_st {
	const struct export_report_options *o;
	const struct checklist *cl;  /* the definition giving the columns */
	size_t k, ncl;               /* which of how many checklists */
	const struct checklist_question *q0; /* its first status question */
	size_t nprov, nstates, nc;   /* NC: choices shown, + 2 */
	const struct checklist_group **prov;
	char **codes;                /* sorted (as the store sorts) */
	int *cell;                   /* nstates * nprov: choice, -1, NR */
};

/* Add State CODE (they come sorted, each once). */
static void
export_st_add_state(struct export_st *t, const char *code)
{
	size_t i;

	if (t->nstates > 0 && strcmp(t->codes[t->nstates - 1], code) == 0)
		return; /* submissions without a State: one row */
	t->codes = checklist_xreallocarray(t->codes, t->nstates + 1,
	    sizeof *t->codes);
	t->codes[t->nstates] = checklist_xstrdup(code);
	t->cell = checklist_xreallocarray(t->cell, (t->nstates + 1) *
	    (t->nprov > 0 ? t->nprov : 1), sizeof *t->cell);
	for (i = 0; i < t->nprov; i++)
		t->cell[t->nstates * t->nprov + i] = -1;
	t->nstates++;
}

/* The index of State CODE (binary search), or nstates. */
static size_t
export_st_state(const struct export_st *t, const char *code)
{
	size_t lo = 0, hi = t->nstates, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(t->codes[mid], code);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return t->nstates;
}

/* The column of provision ID (or GROUP), or nprov. */
static size_t
export_st_prov(const struct export_st *t, const struct checklist_group *g,
    const char *id)
{
	size_t p;

	for (p = 0; p < t->nprov; p++)
		if (t->prov[p] == g || (id != NULL &&
		    strcmp(t->prov[p]->id, id) == 0))
			break;
	return p;
}

/* The provisions of CL with a status question that O keeps. */
static void
export_st_columns(struct export_st *t, const struct checklist *cl)
{
	const struct checklist_question *q;
	size_t i;

	for (i = 0; i < cl->npages; i++) {
		q = checklist_role(cl, cl->pages[i], CHECKLIST_ROLE_STATUS);
		if (q == NULL || cl->pages[i]->number == NULL ||
		    !export_report_want_provision(t->o, cl->pages[i]->number))
			continue;
		if (t->q0 == NULL)
			t->q0 = q;
		t->prov = checklist_xreallocarray(t->prov, t->nprov + 1,
		    sizeof *t->prov);
		t->prov[t->nprov++] = cl->pages[i];
	}
	t->nc = (t->q0 != NULL && t->q0->nchoices < EXPORT_ST_MAXC ?
	    t->q0->nchoices : EXPORT_ST_MAXC) + 2;
}

static void
export_st_answer(const struct export_roles_row *r, void *arg)
{
	struct export_st *t = arg;
	size_t si, p, c;

	if (r->cl != t->cl)
		return; /* another definition: its columns are not these */
	si = export_st_state(t, r->code);
	p = export_st_prov(t, r->group, NULL);
	for (c = 0; si < t->nstates && p < t->nprov && c + 2 < t->nc &&
	    c < r->question->nchoices; c++)
		if (strcmp(r->question->choices[c].value, r->value) == 0)
			t->cell[si * t->nprov + p] = (int)c;
}

/* The label of column K (a choice, not relevant, not answered). */
static const char *
export_st_label(const struct export_st *t, size_t k)
{
	if (k + 1 == t->nc)
		return _("Not answered");
	if (k + 2 == t->nc)
		return _("Not relevant");
	return checklist_text_get(&t->q0->choices[k].label, t->o->lang,
	    t->cl->default_lang);
}

/* The label of State S. */
static const char *
export_st_state_label(const struct export_st *t, size_t s)
{
	return t->codes[s][0] != '\0' ? export_report_state_label(t->cl,
	    t->codes[s], t->o->lang) : _("(no State)");
}

/* The index in export_st_class and the others of column K. */
static size_t
export_st_cls(const struct export_st *t, size_t k)
{
	return k + 2 < t->nc ? k : EXPORT_ST_MAXC + (k + 1 == t->nc);
}

/* The heads: FIRST, then each status label, then "Not answered". */
static const char **
export_st_heads(const struct export_st *t, const char *first)
{
	const char **h = checklist_xcalloc(t->nc + 2, sizeof *h);
	size_t c;

	h[0] = first;
	for (c = 0; c < t->nc; c++)
		h[c + 1] = export_st_label(t, c);
	h[t->nc + 1] = _("Total");
	return h;
}

/* A row of counts: LABEL, then COUNT[0..nc), then their sum. */
static void
export_st_counts(struct export_rtable *tb, const struct export_st *t,
    const char *label, const size_t *count)
{
	char **num = checklist_xcalloc(t->nc + 1, sizeof *num);
	const char **cells = checklist_xcalloc(t->nc + 2, sizeof *cells);
	size_t c, sum = 0;

	cells[0] = label;
	for (c = 0; c < t->nc; c++) {
		num[c] = checklist_xasprintf("%zu", count[c]);
		cells[c + 1] = num[c];
		sum += count[c];
	}
	num[t->nc] = checklist_xasprintf("%zu", sum);
	cells[t->nc + 1] = num[t->nc];
	export_rtable_add(tb, cells);
	for (c = 0; c <= t->nc; c++)
		free(num[c]);
	free(num);
	free(cells);
}

/* The class index of a cell value. */
static size_t
export_st_k(const struct export_st *t, int v)
{
	return v == EXPORT_ST_NR ? t->nc - 2 : v < 0 ? t->nc - 1 : (size_t)v;
}

static void
export_st_by_provision(struct export_rdoc *d, const struct export_st *t)
{
	const char **h = export_st_heads(t, _("Provision"));
	char *title = export_roles_title(_("Status by provision"), t->cl,
	    t->ncl), *label;
	struct export_rtable *tb = export_rdoc_table(d, title, t->nc + 2, h);
	size_t *count = checklist_xcalloc(t->nc, sizeof *count), p, s, c;

	for (c = 1; c < t->nc + 2; c++)
		tb->numeric[c] = true;
	for (p = 0; p < t->nprov; p++) {
		memset(count, 0, t->nc * sizeof *count);
		for (s = 0; s < t->nstates; s++)
			count[export_st_k(t, t->cell[s * t->nprov + p])]++;
		label = checklist_xasprintf("%s %s", t->prov[p]->number,
		    checklist_text_get(&t->prov[p]->title, t->o->lang,
		    t->cl->default_lang));
		export_st_counts(tb, t, label, count);
		free(label);
	}
	free(count);
	free(title);
	free(h);
}

static void
export_st_by_state(struct export_rdoc *d, const struct export_st *t)
{
	const char **h = export_st_heads(t, _("State"));
	char *title = export_roles_title(_("Status by State"), t->cl, t->ncl);
	struct export_rtable *tb = export_rdoc_table(d, title, t->nc + 2, h);
	size_t *count = checklist_xcalloc(t->nc, sizeof *count), p, s, c;

	for (c = 1; c < t->nc + 2; c++)
		tb->numeric[c] = true;
	for (s = 0; s < t->nstates; s++) {
		memset(count, 0, t->nc * sizeof *count);
		for (p = 0; p < t->nprov; p++)
			count[export_st_k(t, t->cell[s * t->nprov + p])]++;
		export_st_counts(tb, t, export_st_state_label(t, s), count);
	}
	free(count);
	free(title);
	free(h);
}

/* The anchor of State S's row in the grid (of checklist K > 0: with
 * "-K"). Caller frees. */
static char *
export_st_anchor(const struct export_st *t, size_t s)
{
	char *id = export_report_state_id(t->codes[s]), *k;

	if (t->k == 0)
		return id;
	k = checklist_xasprintf("%s-%zu", id, t->k);
	free(id);
	return k;
}

/* The grid (HTML only): a row of coloured marks per State. */
static void
export_st_grid(struct export_rdoc *d, const struct export_st *t)
{
	const char **h = checklist_xcalloc(t->nprov + 1, sizeof *h);
	const char **cells = checklist_xcalloc(t->nprov + 1, sizeof *cells);
	char *title = export_roles_title(_("States by provision"), t->cl,
	    t->ncl);
	struct export_rtable *g;
	size_t p, s, r, k;

	h[0] = _("State");
	for (p = 0; p < t->nprov; p++)
		h[p + 1] = t->prov[p]->number;
	g = export_rdoc_table(d, title, t->nprov + 1, h);
	g->html_only = true;
	for (s = 0; s < t->nstates; s++) {
		cells[0] = export_st_state_label(t, s);
		for (p = 0; p < t->nprov; p++) {
			k = export_st_k(t, t->cell[s * t->nprov + p]);
			cells[p + 1] = ""; /* the mark: by the class's CSS */
		}
		r = export_rtable_add(g, cells);
		for (p = 0; p < t->nprov; p++) {
			k = export_st_k(t, t->cell[s * t->nprov + p]);
			export_rtable_class(g, r, p + 1, export_st_class[
			    export_st_cls(t, k)]);
		}
		g->row_ids[r] = export_st_anchor(t, s);
		export_rdoc_index(d, cells[0], g->row_ids[r]);
	}
	free(title);
	free(h);
	free(cells);
}

/* The detail (CSV only, table DET): one row per State and provision. */
static void
export_st_detail(struct export_rtable *det, const struct export_st *t)
{
	char *cl = checklist_xasprintf("%s %s", t->cl->id, t->cl->version);
	const char *dc[5];
	size_t p, s;

	dc[4] = cl;
	for (s = 0; s < t->nstates; s++) {
		dc[0] = export_st_state_label(t, s);
		dc[1] = t->codes[s];
		for (p = 0; p < t->nprov; p++) {
			dc[2] = t->prov[p]->number;
			dc[3] = export_st_label(t, export_st_k(t,
			    t->cell[s * t->nprov + p]));
			export_rtable_add(det, dc);
		}
	}
	free(cl);
}

/* The legend: each status with its colour and mark (once: a second
 * checklist with the same labels adds nothing). */
static void
export_st_legend(struct export_rdoc *d, const struct export_st *t)
{
	char *l;
	size_t c, i, k;

	for (c = 0; c < t->nc; c++) {
		k = export_st_cls(t, c);
		l = checklist_xasprintf("%s %s", export_st_mark[k],
		    export_st_label(t, c));
		for (i = 0; i < d->nlegend; i++)
			if (d->legend[i].cls == export_st_class[k] &&
			    strcmp(d->legend[i].label, l) == 0)
				break;
		if (i == d->nlegend)
			export_rdoc_legend(d, export_st_class[k], l,
			    export_st_color[k], export_st_mark[k]);
		free(l);
	}
}

/* The States of the current submissions to T's checklist that O keeps
 * (those with no status answered too). */
static checklist_status
export_st_subjects(struct export_store *s, struct export_st *t,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT coalesce(s.state, "
	    "'') FROM current_submissions s WHERE s.checklist_id = ?1 AND "
	    "s.checklist_version = ?2 ORDER BY 1");
	int rc;

	export_store_bind(st, 1, t->cl->id);
	export_store_bind(st, 2, t->cl->version);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (export_report_want_state(t->o, export_store_text(st, 0)))
			export_st_add_state(t, export_store_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, "reading the submissions", err);
	return CHECKLIST_OK;
}

/* Mark the cells whose status question was not relevant (recorded at
 * import) and not answered. */
static checklist_status
export_st_not_relevant(struct export_store *s, struct export_st *t,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT coalesce(s.state, "
	    "''), n.provision FROM current_submissions s JOIN not_relevant n "
	    "INDEXED BY not_relevant_role ON n.submission = s.id AND n.role = '"
	    CHECKLIST_ROLE_STATUS "' WHERE s.checklist_id = ?1 AND "
	    "s.checklist_version = ?2");
	size_t si, p;
	int rc;

	export_store_bind(st, 1, t->cl->id);
	export_store_bind(st, 2, t->cl->version);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		si = export_st_state(t, export_store_text(st, 0));
		p = export_st_prov(t, NULL, export_store_text(st, 1));
		if (si < t->nstates && p < t->nprov &&
		    t->cell[si * t->nprov + p] == -1)
			t->cell[si * t->nprov + p] = EXPORT_ST_NR;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, "reading what was not relevant",
		    err);
	return CHECKLIST_OK;
}

/* The tables of T's checklist, the detail rows into table DET of D. */
static checklist_status
export_st_one(struct export_store *s, struct export_st *t,
    struct export_rdoc *d, size_t det, struct checklist_error *err)
{
	struct export_report_options o = *t->o;
	const char *roles[] = { CHECKLIST_ROLE_STATUS, NULL };

	o.checklist = t->cl->id;
	export_st_columns(t, t->cl);
	if (t->q0 == NULL || export_st_subjects(s, t, err) != CHECKLIST_OK ||
	    export_roles_each(s, &o, roles, false, EXPORT_ROLES_BY_STATE,
	    export_st_answer, t, err) != CHECKLIST_OK ||
	    export_st_not_relevant(s, t, err) != CHECKLIST_OK)
		return err->status;
	export_st_legend(d, t);
	export_st_by_provision(d, t);
	export_st_by_state(d, t);
	if (t->o->format == EXPORT_FORMAT_HTML)
		export_st_grid(d, t);
	if (t->o->format == EXPORT_FORMAT_CSV)
		export_st_detail(&d->tables[det], t);
	return CHECKLIST_OK;
}

static void
export_st_free(struct export_st *t)
{
	size_t i;

	for (i = 0; i < t->nstates; i++)
		free(t->codes[i]);
	free(t->codes);
	free(t->cell);
	free(t->prov);
}

checklist_status
export_report_status(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	const char *dh[] = { _("State"), _("Code"), _("Provision"),
	    _("Status"), _("Checklist") };
	const struct checklist **cls = NULL;
	struct export_st t;
	size_t k, ncl = 0;

	d->title = checklist_xstrdup(_("Status of implementation"));
	if (export_roles_need(s, o, CHECKLIST_ROLE_STATUS, err) !=
	    CHECKLIST_OK || export_roles_checklists(s, o, &cls, &ncl, err) !=
	    CHECKLIST_OK)
		return err->status;
	export_rdoc_table(d, _("Status"), 5, dh)->csv_only = true;
	d->csv_table = 0;
	for (k = 0; k < ncl && err->status == CHECKLIST_OK; k++) {
		memset(&t, 0, sizeof t);
		t.o = o;
		t.cl = cls[k];
		t.k = k;
		t.ncl = ncl;
		export_st_one(s, &t, d, 0, err);
		export_st_free(&t);
	}
	free(cls);
	return err->status;
}

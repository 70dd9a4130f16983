/*
 * export_report_status.c: `--what status`: the status of implementation
 * (role "status") of every provision in every State's current
 * submission. The columns are the choices of the status question, in
 * the definition's order (for chapter II: fully, partly, not), then "not
 * relevant" (the status question was not relevant in the submission, as
 * recorded at import in table not_relevant), then "not answered". Tables: counts by provision, counts by State, the
 * grid of States by provisions (HTML: coloured, with a legend and an
 * index of States) and, for CSV, one row per State and provision.
 */
#include "config.h"

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
	const struct checklist_question *q0; /* its first status question */
	size_t nprov, nstates, nc;   /* NC: choices shown, + 2 */
	const struct checklist_group **prov;
	char **codes;
	int *cell;                   /* nstates * nprov: choice, -1, NR */
	size_t last;                 /* the State found last (rows come by
	                              * State) */
};

/* The State index of CODE, added when new. */
static size_t
export_st_state(struct export_st *t, const char *code)
{
	size_t i;

	if (t->last < t->nstates && strcmp(t->codes[t->last], code) == 0)
		return t->last;
	for (i = 0; i < t->nstates; i++)
		if (strcmp(t->codes[i], code) == 0)
			return t->last = i;
	t->codes = checklist_xreallocarray(t->codes, t->nstates + 1,
	    sizeof *t->codes);
	t->codes[t->nstates] = checklist_xstrdup(code);
	t->cell = checklist_xreallocarray(t->cell, (t->nstates + 1) *
	    (t->nprov > 0 ? t->nprov : 1), sizeof *t->cell);
	for (i = 0; i < t->nprov; i++)
		t->cell[t->nstates * t->nprov + i] = -1;
	t->last = t->nstates;
	return t->nstates++;
}

/* The provisions of CL with a status question that O keeps. */
static void
export_st_columns(struct export_st *t, const struct checklist *cl)
{
	const struct checklist_question *q;
	size_t i;

	t->cl = cl;
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
	for (p = 0; p < t->nprov; p++)
		if (t->prov[p] == r->group)
			break;
	for (c = 0; p < t->nprov && c + 2 < t->nc; c++)
		if (strcmp(r->question->choices[c].value, r->value) == 0)
			t->cell[si * t->nprov + p] = (int)c;
}

/* The label of column K (a choice, not relevant, not answered). */
static const char *
export_st_label(const struct export_st *t, size_t k)
{
	if (k + 1 == t->nc)
		return "Not answered";
	if (k + 2 == t->nc)
		return "Not relevant";
	return checklist_text_get(&t->q0->choices[k].label, t->o->lang,
	    t->cl->default_lang);
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
	h[t->nc + 1] = "Total";
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
	const char **h = export_st_heads(t, "Provision");
	struct export_rtable *tb = export_rdoc_table(d,
	    "Status by provision", t->nc + 2, h);
	size_t *count = checklist_xcalloc(t->nc, sizeof *count), p, s, c;
	char *label;

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
	free(h);
}

static void
export_st_by_state(struct export_rdoc *d, const struct export_st *t)
{
	const char **h = export_st_heads(t, "State");
	struct export_rtable *tb = export_rdoc_table(d, "Status by State",
	    t->nc + 2, h);
	size_t *count = checklist_xcalloc(t->nc, sizeof *count), p, s, c;

	for (c = 1; c < t->nc + 2; c++)
		tb->numeric[c] = true;
	for (s = 0; s < t->nstates; s++) {
		memset(count, 0, t->nc * sizeof *count);
		for (p = 0; p < t->nprov; p++)
			count[export_st_k(t, t->cell[s * t->nprov + p])]++;
		export_st_counts(tb, t, export_report_state_label(t->cl,
		    t->codes[s], t->o->lang), count);
	}
	free(count);
	free(h);
}

/* The grid (HTML) and the detail (CSV). */
static void
export_st_grid(struct export_rdoc *d, const struct export_st *t)
{
	const char **h = checklist_xcalloc(t->nprov + 1, sizeof *h);
	const char **cells = checklist_xcalloc(t->nprov + 1, sizeof *cells);
	const char *dh[] = { "State", "Code", "Provision", "Status" }, *dc[4];
	struct export_rtable *g, *det;
	size_t p, s, r, k;

	h[0] = "State";
	for (p = 0; p < t->nprov; p++)
		h[p + 1] = t->prov[p]->number;
	g = export_rdoc_table(d, "States by provision", t->nprov + 1, h);
	g->html_only = true;
	det = export_rdoc_table(d, "Status", 4, dh);
	det->csv_only = true;
	d->csv_table = d->ntables - 1;
	g = &d->tables[d->ntables - 2]; /* the array moved */
	for (s = 0; s < t->nstates; s++) {
		cells[0] = dc[0] = export_report_state_label(t->cl,
		    t->codes[s], t->o->lang);
		dc[1] = t->codes[s];
		for (p = 0; p < t->nprov; p++) {
			k = export_st_k(t, t->cell[s * t->nprov + p]);
			cells[p + 1] = export_st_mark[export_st_cls(t, k)];
			dc[2] = t->prov[p]->number;
			dc[3] = export_st_label(t, k);
			export_rtable_add(det, dc);
		}
		r = export_rtable_add(g, cells);
		for (p = 0; p < t->nprov; p++) {
			k = export_st_k(t, t->cell[s * t->nprov + p]);
			export_rtable_class(g, r, p + 1, export_st_class[
			    export_st_cls(t, k)]);
		}
		g->row_ids[r] = export_report_state_id(t->codes[s]);
		export_rdoc_index(d, cells[0], g->row_ids[r]);
	}
	free(h);
	free(cells);
}

/* The legend: each status with its colour and mark. */
static void
export_st_legend(struct export_rdoc *d, const struct export_st *t)
{
	char *l;
	size_t c;

	for (c = 0; c < t->nc; c++) {
		size_t k = export_st_cls(t, c);
		l = checklist_xasprintf("%s %s", export_st_mark[k],
		    export_st_label(t, c));
		export_rdoc_legend(d, export_st_class[k], l, export_st_color[k]);
		free(l);
	}
}

/* The first definition among the current submissions O keeps, and its
 * States (those with no status answered too). */
static void
export_st_subjects(struct export_store *s, struct export_st *t)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT coalesce(s.state, "
	    "''), s.checklist_id, s.checklist_version FROM current_submissions"
	    " s WHERE " EXPORT_REPORT_WHERE " ORDER BY coalesce(s.state, '')");
	const struct checklist *cl;
	struct checklist_error e;

	export_report_bind(st, t->o);
	while (sqlite3_step(st) == SQLITE_ROW) {
		checklist_error_clear(&e);
		if (!export_report_want_state(t->o, export_store_text(st, 0)) ||
		    export_store_checklist(s, export_store_text(st, 1),
		    export_store_text(st, 2), &cl, &e) != CHECKLIST_OK)
			continue;
		if (t->cl == NULL)
			export_st_columns(t, cl);
		if (cl == t->cl)
			export_st_state(t, export_store_text(st, 0));
	}
	sqlite3_finalize(st);
}

/* Mark the cells whose status question was not relevant (recorded at
 * import) and not answered. */
static void
export_st_not_relevant(struct export_store *s, struct export_st *t)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT coalesce(s.state, "
	    "''), s.checklist_id, s.checklist_version, n.provision FROM "
	    "current_submissions s JOIN not_relevant n ON n.submission = s.id"
	    " WHERE " EXPORT_REPORT_WHERE " AND n.role = '"
	    CHECKLIST_ROLE_STATUS "'");
	const struct checklist *cl;
	struct checklist_error e;
	size_t si, p;

	export_report_bind(st, t->o);
	while (sqlite3_step(st) == SQLITE_ROW) {
		checklist_error_clear(&e);
		if (!export_report_want_state(t->o, export_store_text(st, 0)) ||
		    export_store_checklist(s, export_store_text(st, 1),
		    export_store_text(st, 2), &cl, &e) != CHECKLIST_OK ||
		    cl != t->cl)
			continue;
		si = export_st_state(t, export_store_text(st, 0));
		for (p = 0; p < t->nprov; p++)
			if (strcmp(t->prov[p]->id, export_store_text(st, 3)) ==
			    0 && t->cell[si * t->nprov + p] == -1)
				t->cell[si * t->nprov + p] = EXPORT_ST_NR;
	}
	sqlite3_finalize(st);
}

checklist_status
export_report_status(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	struct export_st t;
	size_t i;

	memset(&t, 0, sizeof t);
	t.o = o;
	d->title = checklist_xstrdup("Status of implementation");
	if (export_roles_need(s, o, CHECKLIST_ROLE_STATUS, err) ==
	    CHECKLIST_OK)
		export_st_subjects(s, &t);
	if (err->status == CHECKLIST_OK && t.q0 != NULL &&
	    export_roles_each(s, o, CHECKLIST_ROLE_STATUS, false,
	    export_st_answer, &t, err) == CHECKLIST_OK) {
		export_st_not_relevant(s, &t);
		export_st_legend(d, &t);
		export_st_by_provision(d, &t);
		export_st_by_state(d, &t);
		export_st_grid(d, &t);
	}
	for (i = 0; i < t.nstates; i++)
		free(t.codes[i]);
	free(t.codes);
	free(t.cell);
	free(t.prov);
	return err->status;
}

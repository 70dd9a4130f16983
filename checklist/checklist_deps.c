/*
 * checklist_deps.c: what one answer change costs. At load, a dependency
 * index is built from what each expression reads (checklist_names.c):
 * for each question, the questions whose relevance or constraint read
 * it and the groups whose relevance reads it; for each group whose
 * element an expression reads as a whole (string(..), sum(../..) on
 * an article, normalize-space(.) on a group), the expressions reading
 * it, which a change to any question below the group reaches; and the
 * expressions whose reads cannot be told (the steps after a filter, a
 * relative path in a filter's predicate, the root element), which every
 * change reaches. The common case (paths ending on questions) costs
 * what it did: a change looks at its own readers, those of the groups
 * above it (few) and the "any" list (mostly empty).
 *
 * A response keeps what progress needs (checklist_progress.c): each
 * page question's counts, each page's sum, each group's own relevance
 * and the whole response's counts with each page's share of them (the
 * pages a change may have changed are listed, their shares counted
 * again), true for the response's `changes` counter. A change made
 * through checklist_path_set() drops only what depends on the question
 * changed (checklist_deps_touch); any other change (entries added,
 * moved or removed, undo, a batch) drops everything, at the next read.
 * The batch (checklist_batch.c) checks only the constraints that may
 * have changed (checklist_deps_affected).
 *
 * The cycle check (checklist_cycle.c) still follows question reads
 * only: a condition reading its own group as a whole is not a cycle to it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

static size_t
checklist_deps_qindex(const struct checklist_question *q)
{
	return ((const struct checklist_qpriv *)q->priv)->index;
}

static size_t
checklist_deps_gindex(const struct checklist_group *g)
{
	return ((const struct checklist_gpriv *)g->priv)->index;
}

/* The question of a page holding Q (Q itself, or the repeat above). */
static const struct checklist_question *
checklist_deps_top_of(const struct checklist_question *q)
{
	while (q->parent != NULL)
		q = q->parent;
	return q;
}

void
checklist_expr_read_group(struct checklist_expr *e,
    const struct checklist_group *g)
{
	size_t k;

	if (g == NULL) {
		e->reads_any = true;
		return;
	}
	for (k = 0; k < e->nwhole; k++)
		if (e->whole[k] == g)
			return;
	e->whole = checklist_xreallocarray(e->whole, e->nwhole + 1,
	    sizeof *e->whole);
	e->whole[e->nwhole++] = g;
}

/* ------------------------------------------------------------ building */

/* A list being built: counted in a first pass (FILL NULL), filled in
 * the second. */
struct checklist_deps_build {
	struct checklist_deps_lists *l;
	size_t *fill;
};

static void
checklist_deps_edge(struct checklist_deps_build *b, size_t key, size_t item)
{
	if (b->fill == NULL)
		b->l->off[key + 1]++;
	else
		b->l->list[b->l->off[key] + b->fill[key]++] = item;
}

/* The four lists a reader goes to: by question, by group, any. */
struct checklist_deps_to {
	struct checklist_deps_build by_q, by_g, any;
};

/* ITEM (a question or a group) has expression E: add it to the lists
 * of what E reads. */
static void
checklist_deps_add(const struct checklist_expr *e,
    struct checklist_deps_to *to, size_t item)
{
	size_t k;

	if (e == NULL)
		return;
	for (k = 0; k < e->nreads; k++)
		checklist_deps_edge(&to->by_q, checklist_deps_qindex(e->reads[k]),
		    item);
	for (k = 0; k < e->nwhole; k++)
		checklist_deps_edge(&to->by_g, checklist_deps_gindex(e->whole[k]),
		    item);
	if (e->reads_any)
		checklist_deps_edge(&to->any, 0, item);
}

static void
checklist_deps_pass(const struct checklist *cl, struct checklist_deps *d,
    struct checklist_deps_to *qto, struct checklist_deps_to *gto)
{
	const struct checklist_qpriv *qp;
	const struct checklist_gpriv *gp;
	size_t i;

	for (i = 0; i < cl->nall; i++) {
		qp = cl->all[i]->priv;
		checklist_deps_add(qp->relevant, qto, i);
		checklist_deps_add(qp->constraint, qto, i);
	}
	for (i = 0; i < d->ngroups; i++)
		if ((gp = d->groups[i]->priv) != NULL)
			checklist_deps_add(gp->relevant, gto, i);
}

/* The six lists of D with their keys, in one order for both passes. */
static void
checklist_deps_targets(struct checklist_deps *d,
    struct checklist_deps_lists **l, size_t *nkeys)
{
	l[0] = &d->q_by_q, nkeys[0] = d->nall;
	l[1] = &d->q_by_g, nkeys[1] = d->ngroups;
	l[2] = &d->anyq, nkeys[2] = 1;
	l[3] = &d->g_by_q, nkeys[3] = d->nall;
	l[4] = &d->g_by_g, nkeys[4] = d->ngroups;
	l[5] = &d->anyg, nkeys[5] = 1;
}

/* Count (SECOND false: offsets), or fill (lists allocated). */
static void
checklist_deps_lists_build(const struct checklist *cl,
    struct checklist_deps *d, bool second)
{
	struct checklist_deps_lists *l[6];
	struct checklist_deps_build b[6];
	struct checklist_deps_to qto, gto;
	size_t nkeys[6], i;

	checklist_deps_targets(d, l, nkeys);
	for (i = 0; i < 6; i++) {
		b[i].l = l[i];
		b[i].fill = second ? checklist_xcalloc(nkeys[i] + 1,
		    sizeof *b[i].fill) : NULL;
	}
	qto.by_q = b[0], qto.by_g = b[1], qto.any = b[2];
	gto.by_q = b[3], gto.by_g = b[4], gto.any = b[5];
	checklist_deps_pass(cl, d, &qto, &gto);
	for (i = 0; i < 6; i++)
		free(b[i].fill);
}

static void
checklist_deps_lists_alloc(struct checklist_deps *d, bool offsets)
{
	struct checklist_deps_lists *l[6];
	size_t nkeys[6], i, k;

	checklist_deps_targets(d, l, nkeys);
	for (i = 0; i < 6; i++) {
		if (offsets) {
			l[i]->off = checklist_xcalloc(nkeys[i] + 1,
			    sizeof *l[i]->off);
			continue;
		}
		for (k = 0; k < nkeys[i]; k++)
			l[i]->off[k + 1] += l[i]->off[k];
		l[i]->list = checklist_xcalloc(l[i]->off[nkeys[i]] + 1,
		    sizeof *l[i]->list);
	}
}

struct checklist_deps *
checklist_deps_build(struct checklist *cl)
{
	struct checklist_deps *d = checklist_xcalloc(1, sizeof *d);
	struct checklist_group *g;
	size_t i;

	d->nall = cl->nall;
	d->ngroups = cl->nsections + cl->npages;
	d->groups = checklist_xcalloc(d->ngroups + 1, sizeof *d->groups);
	for (i = 0; i < d->ngroups; i++) {
		g = i < cl->nsections ? cl->sections[i] :
		    cl->pages[i - cl->nsections];
		d->groups[i] = g;
		if (g->priv == NULL) /* a section without pages */
			g->priv = checklist_xcalloc(1,
			    sizeof(struct checklist_gpriv));
		((struct checklist_gpriv *)g->priv)->index = i;
	}
	checklist_deps_lists_alloc(d, true);
	checklist_deps_lists_build(cl, d, false);
	checklist_deps_lists_alloc(d, false);
	checklist_deps_lists_build(cl, d, true);
	return d;
}

void
checklist_deps_free(struct checklist_deps *d)
{
	struct checklist_deps_lists *l[6];
	size_t nkeys[6], i;

	if (d == NULL)
		return;
	checklist_deps_targets(d, l, nkeys);
	for (i = 0; i < 6; i++) {
		free(l[i]->off);
		free(l[i]->list);
	}
	free(d->groups);
	free(d);
}

/* ------------------------------------------------- a response's cache */

static void
checklist_pcache_reset(struct checklist_pcache *c, const struct checklist_deps *d)
{
	memset(c->qok, 0, d->nall);
	memset(c->pok, 0, d->ngroups);
	memset(c->gown, -1, d->ngroups);
	memset(c->stale, 0, d->ngroups);
	c->nstale = 0;
	c->total_ok = false;
	c->marks = -1;
}

struct checklist_pcache *
checklist_pcache_get(struct checklist_response *r)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	struct checklist_pcache *c = r->cache;

	if (d == NULL)
		return NULL;
	if (c == NULL) {
		c = r->cache = checklist_xcalloc(1, sizeof *c);
		c->qok = checklist_xcalloc(d->nall + 1, 1);
		c->qc = checklist_xcalloc(d->nall + 1, sizeof *c->qc);
		c->pok = checklist_xcalloc(d->ngroups + 1, 1);
		c->pc = checklist_xcalloc(d->ngroups + 1, sizeof *c->pc);
		c->gown = checklist_xcalloc(d->ngroups + 1, 1);
		c->share = checklist_xcalloc(d->ngroups + 1, sizeof *c->share);
		c->stale = checklist_xcalloc(d->ngroups + 1, 1);
		c->stale_list = checklist_xcalloc(d->ngroups + 1,
		    sizeof *c->stale_list);
		c->synced = r->changes + 1; /* not yet */
		c->marks = -1;
	}
	if (c->synced != r->changes) {
		checklist_pcache_reset(c, d);
		c->synced = r->changes;
	}
	return c;
}

void
checklist_marks_added(struct checklist_response *r)
{
	struct checklist_pcache *c = r->cache;

	if (c != NULL)
		c->marks = -1;
}

void
checklist_pcache_forget(struct checklist_response *r)
{
	struct checklist_pcache *c = r->cache;

	if (c == NULL)
		return;
	free(c->qok);
	free(c->qc);
	free(c->pok);
	free(c->pc);
	free(c->gown);
	free(c->share);
	free(c->stale);
	free(c->stale_list);
	free(c);
	r->cache = NULL;
}

/* What may change when question Q changes, visited: FQ for each
 * question, FG for each group whose expressions read Q (or a repeat
 * above it), a group above it as a whole, or anything. */
struct checklist_deps_visit {
	const struct checklist *cl;
	void (*fq)(const struct checklist_deps_visit *v, size_t qi);
	void (*fg)(const struct checklist_deps_visit *v, size_t gi);
	void *arg;
};

static void
checklist_deps_visit_list(const struct checklist_deps_visit *v,
    const struct checklist_deps_lists *l, size_t key, bool groups)
{
	size_t k;

	for (k = l->off[key]; k < l->off[key + 1]; k++)
		(groups ? v->fg : v->fq)(v, l->list[k]);
}

static void
checklist_deps_readers(const struct checklist_deps *d,
    const struct checklist_question *q, const struct checklist_deps_visit *v)
{
	const struct checklist_question *x;
	const struct checklist_group *g;
	size_t i;

	/* a repeat's value holds its entries': readers of it change too */
	for (x = q; x != NULL; x = x->parent) {
		i = checklist_deps_qindex(x);
		checklist_deps_visit_list(v, &d->q_by_q, i, false);
		checklist_deps_visit_list(v, &d->g_by_q, i, true);
	}
	for (g = checklist_deps_top_of(q)->group; g != NULL; g = g->parent) {
		i = checklist_deps_gindex(g);
		checklist_deps_visit_list(v, &d->q_by_g, i, false);
		checklist_deps_visit_list(v, &d->g_by_g, i, true);
	}
	checklist_deps_visit_list(v, &d->anyq, 0, false);
	checklist_deps_visit_list(v, &d->anyg, 0, true);
}

/* Group GI's pages' shares of the whole are to be counted again. */
static void
checklist_deps_stale(struct checklist_pcache *c, size_t gi)
{
	if (c->stale[gi])
		return;
	c->stale[gi] = 1;
	c->stale_list[c->nstale++] = gi;
}

/* Drop question QI's page question (its counts) and its page's sum. */
static void
checklist_deps_drop_q(const struct checklist_deps_visit *v, size_t qi)
{
	struct checklist_pcache *c = v->arg;
	const struct checklist_question *t =
	    checklist_deps_top_of(v->cl->all[qi]);
	size_t gi = checklist_deps_gindex(t->group);

	c->qok[checklist_deps_qindex(t)] = 0;
	c->pok[gi] = 0;
	checklist_deps_stale(c, gi);
}

static void
checklist_deps_drop_g(const struct checklist_deps_visit *v, size_t gi)
{
	((struct checklist_pcache *)v->arg)->gown[gi] = -1;
	checklist_deps_stale(v->arg, gi);
}

void
checklist_deps_touch(struct checklist_response *r,
    const struct checklist_question *q)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	struct checklist_pcache *c = r->cache;
	struct checklist_deps_visit v = { r->cl, checklist_deps_drop_q,
	    checklist_deps_drop_g, c };

	/* only a cache true just before this change is kept */
	if (d == NULL || c == NULL || c->synced + 1 != r->changes)
		return;
	c->synced = r->changes;
	if (c->marks > 0)
		c->marks = -1; /* it may have taken the last one away */
	checklist_deps_drop_q(&v, checklist_deps_qindex(q));
	checklist_deps_readers(d, q, &v);
}

static void
checklist_deps_mark_q(const struct checklist_deps_visit *v, size_t qi)
{
	((unsigned char *)v->arg)[qi] = 1;
}

static void
checklist_deps_mark_g(const struct checklist_deps_visit *v, size_t gi)
{
	(void)v;
	(void)gi;
}

bool
checklist_deps_affected(const struct checklist *cl,
    const struct checklist_question *const *changed, size_t n,
    unsigned char *qmark)
{
	const struct checklist_deps *d = checklist_index_deps(cl);
	struct checklist_deps_visit v = { cl, checklist_deps_mark_q,
	    checklist_deps_mark_g, qmark };
	size_t i;

	if (d == NULL)
		return false;
	for (i = 0; i < n; i++)
		checklist_deps_readers(d, changed[i], &v);
	return true;
}

/*
 * checklist_deps.c: what one answer change costs. At load, a dependency
 * index is built from the names each expression reads
 * (checklist_names.c): for each question, the questions whose relevance
 * or constraint read it and the groups whose relevance reads it. A
 * response keeps what progress needs (checklist_progress.c): each page
 * question's counts, each page's sum and each group's own relevance,
 * true for the response's `changes` counter. A change made through
 * checklist_path_set() drops only what depends on the question changed
 * (checklist_deps_touch); any other change (entries added, moved or
 * removed, undo, a batch) drops everything, at the next read.
 *
 * Known limit, shared with the cycle check: an expression reading a
 * group's element as a whole (string(..)) reads no question, so a
 * change below that group does not reach it.
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

/* Add, for each question that E reads, ITEM to its list (OFF counts in
 * a first pass, LIST NULL; fills in the second). */
static void
checklist_deps_add(const struct checklist_expr *e, size_t *off, size_t *fill,
    size_t *list, size_t item)
{
	size_t k, at;

	for (k = 0; e != NULL && k < e->nreads; k++) {
		at = checklist_deps_qindex(e->reads[k]);
		if (list == NULL)
			off[at + 1]++;
		else
			list[off[at] + fill[at]++] = item;
	}
}

static void
checklist_deps_pass(const struct checklist *cl, struct checklist_deps *d,
    bool second)
{
	size_t *qfill = second ? checklist_xcalloc(cl->nall + 1, sizeof *qfill)
	    : NULL;
	size_t *gfill = second ? checklist_xcalloc(cl->nall + 1, sizeof *gfill)
	    : NULL;
	const struct checklist_qpriv *qp;
	const struct checklist_gpriv *gp;
	size_t i;

	for (i = 0; i < cl->nall; i++) {
		qp = cl->all[i]->priv;
		checklist_deps_add(qp->relevant, d->qoff, qfill,
		    second ? d->qlist : NULL, i);
		checklist_deps_add(qp->constraint, d->qoff, qfill,
		    second ? d->qlist : NULL, i);
	}
	for (i = 0; i < d->ngroups; i++)
		if ((gp = d->groups[i]->priv) != NULL)
			checklist_deps_add(gp->relevant, d->goff, gfill,
			    second ? d->glist : NULL, i);
	free(qfill);
	free(gfill);
}

struct checklist_deps *
checklist_deps_build(struct checklist *cl)
{
	struct checklist_deps *d = checklist_xcalloc(1, sizeof *d);
	size_t i;

	d->nall = cl->nall;
	d->ngroups = cl->nsections + cl->npages;
	d->groups = checklist_xcalloc(d->ngroups + 1, sizeof *d->groups);
	for (i = 0; i < d->ngroups; i++) {
		d->groups[i] = i < cl->nsections ? cl->sections[i] :
		    cl->pages[i - cl->nsections];
		if (d->groups[i]->priv == NULL) /* a section without pages */
			(i < cl->nsections ? cl->sections[i] :
			    cl->pages[i - cl->nsections])->priv =
			    checklist_xcalloc(1, sizeof(struct checklist_gpriv));
		((struct checklist_gpriv *)d->groups[i]->priv)->index = i;
	}
	d->qoff = checklist_xcalloc(cl->nall + 1, sizeof *d->qoff);
	d->goff = checklist_xcalloc(cl->nall + 1, sizeof *d->goff);
	checklist_deps_pass(cl, d, false);
	for (i = 0; i < cl->nall; i++) {
		d->qoff[i + 1] += d->qoff[i];
		d->goff[i + 1] += d->goff[i];
	}
	d->qlist = checklist_xcalloc(d->qoff[cl->nall] + 1, sizeof *d->qlist);
	d->glist = checklist_xcalloc(d->goff[cl->nall] + 1, sizeof *d->glist);
	checklist_deps_pass(cl, d, true);
	return d;
}

void
checklist_deps_free(struct checklist_deps *d)
{
	if (d == NULL)
		return;
	free(d->groups);
	free(d->qoff);
	free(d->qlist);
	free(d->goff);
	free(d->glist);
	free(d);
}

/* ------------------------------------------------- a response's cache */

static void
checklist_pcache_reset(struct checklist_pcache *c, const struct checklist_deps *d)
{
	memset(c->qok, 0, d->nall);
	memset(c->pok, 0, d->ngroups);
	memset(c->gown, -1, d->ngroups);
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
		c->synced = r->changes + 1; /* not yet */
	}
	if (c->synced != r->changes) {
		checklist_pcache_reset(c, d);
		c->synced = r->changes;
	}
	return c;
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
	free(c);
	r->cache = NULL;
}

/* Drop what reads question X (relevance, constraints, group relevance). */
static void
checklist_deps_drop_readers(struct checklist_pcache *c,
    const struct checklist_deps *d, const struct checklist *cl, size_t x)
{
	const struct checklist_question *t;
	size_t k;

	for (k = d->qoff[x]; k < d->qoff[x + 1]; k++) {
		t = checklist_deps_top_of(cl->all[d->qlist[k]]);
		c->qok[checklist_deps_qindex(t)] = 0;
		c->pok[checklist_deps_gindex(t->group)] = 0;
	}
	for (k = d->goff[x]; k < d->goff[x + 1]; k++)
		c->gown[d->glist[k]] = -1;
}

void
checklist_deps_touch(struct checklist_response *r,
    const struct checklist_question *q)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	struct checklist_pcache *c = r->cache;
	const struct checklist_question *t = checklist_deps_top_of(q), *x;

	/* only a cache true just before this change is kept */
	if (d == NULL || c == NULL || c->synced + 1 != r->changes)
		return;
	c->synced = r->changes;
	c->qok[checklist_deps_qindex(t)] = 0;
	c->pok[checklist_deps_gindex(t->group)] = 0;
	/* a repeat's value holds its entries': readers of it change too */
	for (x = q; x != NULL; x = x->parent)
		checklist_deps_drop_readers(c, d, r->cl, checklist_deps_qindex(x));
}

/*
 * checklist_cycle.c: no question may depend on itself through relevance
 * conditions. A question Q depends on each question that the conditions
 * deciding whether Q is asked read: its own `relevant`, those of the
 * repeats holding it and those of its groups. The questions an
 * expression reads are those its paths select from where it is written
 * (checklist_names.c): the same resolution that checks the names, so
 * `relevant=". = 'yes'"` and `relevant="../egmont = 'yes'"` on egmont
 * are the same cycle, and a name in another provision is never taken
 * for one nearby.
 *
 * A cycle is given with the question where it was found and the whole
 * chain, each question with its line (checklist_semantic.c says it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_cycle {
	const struct checklist *cl;
	unsigned char *color; /* 0 not seen, 1 on the path, 2 done */
	size_t *path;         /* the questions on the path, in order */
	size_t depth;
	size_t loop_from;     /* where the cycle starts in PATH */
};

static size_t
checklist_cycle_index(const struct checklist_question *q)
{
	return ((const struct checklist_qpriv *)q->priv)->index;
}

static bool checklist_cycle_visit(struct checklist_cycle *c, size_t me);

static bool
checklist_cycle_reads(struct checklist_cycle *c,
    const struct checklist_expr *e)
{
	size_t i;

	for (i = 0; e != NULL && i < e->nreads; i++)
		if (!checklist_cycle_visit(c, checklist_cycle_index(e->reads[i])))
			return false;
	return true;
}

/* Depth-first; false when a cycle is found (PATH then holds it). */
static bool
checklist_cycle_visit(struct checklist_cycle *c, size_t me)
{
	const struct checklist_question *q = c->cl->all[me], *up;
	const struct checklist_group *g;
	const struct checklist_gpriv *gp;
	size_t i;

	if (c->color[me] == 2)
		return true;
	if (c->color[me] == 1) {
		for (i = 0; i < c->depth && c->path[i] != me; i++)
			;
		c->loop_from = i;
		c->path[c->depth++] = me;
		return false;
	}
	c->color[me] = 1;
	c->path[c->depth++] = me;
	for (up = q; up != NULL; up = up->parent)
		if (!checklist_cycle_reads(c,
		    ((const struct checklist_qpriv *)up->priv)->relevant))
			return false;
	for (g = q->group; g != NULL; g = g->parent)
		if ((gp = g->priv) != NULL && !checklist_cycle_reads(c,
		    gp->relevant))
			return false;
	c->depth--;
	c->color[me] = 2;
	return true;
}

/* "p1/a (line 8) -> p1/b (line 12) -> p1/a (line 8)". */
static void
checklist_cycle_chain(const struct checklist_cycle *c, char *buf,
    size_t size)
{
	const struct checklist_question *q;
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = c->loop_from; i < c->depth && len < size; i++) {
		q = c->cl->all[c->path[i]];
		len += (size_t)snprintf(buf + len, size - len, "%s%s (line %d)",
		    i > c->loop_from ? " -> " : "", q->path, q->line);
	}
}

bool
checklist_cycle_find(const struct checklist *cl,
    const struct checklist_question **at, char *chain, size_t size)
{
	struct checklist_cycle c = { cl, NULL, NULL, 0, 0 };
	bool found = false;
	size_t i;

	c.color = checklist_xcalloc(cl->nall + 1, 1);
	c.path = checklist_xcalloc(cl->nall + 2, sizeof *c.path);
	for (i = 0; i < cl->nall && !found; i++) {
		if (c.color[i] != 0)
			continue;
		c.depth = 0;
		if (checklist_cycle_visit(&c, i))
			continue;
		found = true;
		*at = cl->all[c.path[c.loop_from]];
		checklist_cycle_chain(&c, chain, size);
	}
	free(c.color);
	free(c.path);
	return found;
}

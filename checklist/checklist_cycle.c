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
 * Linear in the number of dependencies: what the repeats and groups
 * above a question decide is a node of its own (one for the inside of
 * each repeat, one for each group), followed once however many
 * questions it holds, not once per question.
 *
 * A cycle is given with the question where it was found and the whole
 * chain, each question with its line (checklist_semantic.c says it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

/* Nodes: question I is I; the inside of the repeat I is NALL + I; the
 * group with index G (checklist_gpriv) is 2 NALL + G. */
struct checklist_cycle {
	const struct checklist *cl;
	size_t nall;
	size_t ngroups;
	const struct checklist_group **groups; /* by their index */
	unsigned char *color; /* 0 not seen, 1 on the path, 2 done */
	size_t *path;         /* the nodes on the path, in order */
	size_t depth;
	size_t loop_from;     /* where the cycle starts in PATH */
};

static size_t
checklist_cycle_index(const struct checklist_question *q)
{
	return ((const struct checklist_qpriv *)q->priv)->index;
}

/* The node deciding whether what Q's place holds is asked: the inside
 * of its repeat, or its group. */
static size_t
checklist_cycle_context(const struct checklist_cycle *c,
    const struct checklist_question *q)
{
	if (q->parent != NULL)
		return c->nall + checklist_cycle_index(q->parent);
	return 2 * c->nall +
	    ((const struct checklist_gpriv *)q->group->priv)->index;
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

/* The edges of node ME, in the order the conditions stand: a
 * question's own, then the repeats' above it, then the groups'. */
static bool
checklist_cycle_edges(struct checklist_cycle *c, size_t me)
{
	const struct checklist_question *q;
	const struct checklist_group *g;
	const struct checklist_gpriv *gp;

	if (me < 2 * c->nall) { /* a question, or a repeat's inside */
		q = c->cl->all[me % c->nall];
		return checklist_cycle_reads(c,
		    ((const struct checklist_qpriv *)q->priv)->relevant) &&
		    checklist_cycle_visit(c, checklist_cycle_context(c, q));
	}
	g = c->groups[me - 2 * c->nall];
	gp = g->priv;
	if (!checklist_cycle_reads(c, gp->relevant))
		return false;
	return g->parent == NULL || g->parent->priv == NULL ||
	    checklist_cycle_visit(c, 2 * c->nall +
	    ((const struct checklist_gpriv *)g->parent->priv)->index);
}

/* Depth-first; false when a cycle is found (PATH then holds it). */
static bool
checklist_cycle_visit(struct checklist_cycle *c, size_t me)
{
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
	if (!checklist_cycle_edges(c, me))
		return false;
	c->depth--;
	c->color[me] = 2;
	return true;
}

/* "p1/a (line 8) -> p1/b (line 12) -> p1/a (line 8)": the questions of
 * the cycle (not the repeats and groups between them), the first again
 * at the end. *AT: the first. */
static void
checklist_cycle_chain(const struct checklist_cycle *c,
    const struct checklist_question **at, char *buf, size_t size)
{
	const struct checklist_question *q;
	size_t i, len = 0;

	buf[0] = '\0';
	*at = NULL;
	for (i = c->loop_from; i + 1 < c->depth && len < size; i++) {
		if (c->path[i] >= c->nall)
			continue;
		q = c->cl->all[c->path[i]];
		if (*at == NULL)
			*at = q;
		len += (size_t)snprintf(buf + len, size - len, "%s%s (line %d)",
		    len > 0 ? " -> " : "", q->path, q->line);
	}
	if (*at != NULL && len < size)
		snprintf(buf + len, size - len, " -> %s (line %d)", (*at)->path,
		    (*at)->line);
}

/* Number the groups (their index in their checklist_gpriv). */
static void
checklist_cycle_groups(struct checklist_cycle *c)
{
	const struct checklist *cl = c->cl;
	struct checklist_gpriv *gp;
	size_t i;

	c->groups = checklist_xcalloc(cl->nsections + cl->npages + 1,
	    sizeof *c->groups);
	for (i = 0; i < cl->nsections + cl->npages; i++) {
		const struct checklist_group *g = i < cl->nsections ?
		    cl->sections[i] : cl->pages[i - cl->nsections];

		if ((gp = g->priv) == NULL)
			continue;
		gp->index = c->ngroups;
		c->groups[c->ngroups++] = g;
	}
}

bool
checklist_cycle_find(const struct checklist *cl,
    const struct checklist_question **at, char *chain, size_t size)
{
	struct checklist_cycle c = { cl, cl->nall, 0, NULL, NULL, NULL, 0, 0 };
	bool found = false;
	size_t i, nodes;

	checklist_cycle_groups(&c);
	nodes = 2 * cl->nall + c.ngroups;
	c.color = checklist_xcalloc(nodes + 1, 1);
	c.path = checklist_xcalloc(nodes + 2, sizeof *c.path);
	for (i = 0; i < cl->nall && !found; i++) {
		if (c.color[i] != 0)
			continue;
		c.depth = 0;
		if (checklist_cycle_visit(&c, i))
			continue;
		found = true;
		checklist_cycle_chain(&c, at, chain, size);
	}
	free(c.color);
	free(c.path);
	free(c.groups);
	return found;
}

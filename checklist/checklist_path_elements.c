/*
 * checklist_path_elements.c: the response's element of each group and of
 * each page-level question, found once and kept in slots numbered by the
 * model (a walk of a page's children for each question would cost the
 * square of its questions). An element absent is noted as such, looked
 * for again from the question before it, and made when a value is set.
 * Also the group of conflicts a merge leaves. Forgotten when the
 * document changes under them (checklist_group_nodes_forget).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_path.h"

/* A new last child of PARENT named NAME. */
static xmlNodePtr
checklist_path_make(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (c == NULL)
		checklist_fatal(_("out of memory (response)"));
	return c;
}

xmlNodePtr
checklist_path_child(xmlNodePtr parent, const char *name, bool create)
{
	xmlNodePtr c = checklist_child_named(parent, name);

	return c != NULL || !create ? c : checklist_path_make(parent, name);
}

static xmlNodePtr checklist_group_node_kept(struct checklist_response *r,
    const struct checklist_group *g, bool make);

/* The element of G, found (or, with MAKE, made) among its parent's
 * children; NULL when absent and not made. */
static xmlNodePtr
checklist_group_find(struct checklist_response *r,
    const struct checklist_group *g, bool make)
{
	xmlNodePtr parent = g->parent == NULL ? xmlDocGetRootElement(r->doc) :
	    checklist_group_node_kept(r, g->parent, make);
	xmlNodePtr el = parent != NULL ?
	    checklist_path_child(parent, g->id, false) : NULL;

	if (el != NULL || !make || parent == NULL)
		return el;
	checklist_touch_all(r); /* a group's element made: not a question's */
	return checklist_path_child(parent, g->id, true);
}

/* The groups' elements kept on a response (R->gnodes), by the
 * dependency index's number of the group, for the document DOC. A
 * group's element, once there, stays until its document is freed: only
 * entries and conflict notes are ever removed; a response whose document
 * is replaced forgets them (checklist_group_nodes_forget), and they are
 * not used for another document. */
struct checklist_gnodes {
	xmlDocPtr doc;
	bool *filled; /* by the parent group's number, the root's last:
	               * whether its element's children were all kept */
	xmlNodePtr *qnode; /* by the question's number (cl->all): the
	                    * element of a page-level question, once found;
	                    * forgotten when a change touches it (it may be
	                    * another then: checklist_touch), and looked for
	                    * again from the element before it; or known
	                    * absent (CHECKLIST_ABSENT) */
	bool *qfilled; /* by the group's number: its questions' elements
	                * kept from one walk of its element's children */
	xmlNodePtr conflicts; /* the root's <conflicts>, seen in the walk of
	                       * the root's children (filled[ngroups]) or
	                       * told (checklist_conflicts_kept) */
	xmlNodePtr node[];
};

/* Where G's element is kept, or NULL: not kept (a checklist not made by
 * the loader). */
static xmlNodePtr *
checklist_group_slot(struct checklist_response *r,
    const struct checklist_group *g)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	const struct checklist_gpriv *gp = g->priv;
	struct checklist_gnodes *kept = r->gnodes;

	if (d == NULL || gp == NULL || gp->index >= d->ngroups ||
	    d->groups[gp->index] != g)
		return NULL;
	if (kept != NULL && kept->doc != r->doc)
		checklist_group_nodes_forget(r);
	if ((kept = r->gnodes) == NULL) {
		kept = r->gnodes = checklist_xcalloc(1, sizeof *kept +
		    (d->ngroups + 1) * sizeof(xmlNodePtr));
		kept->doc = r->doc;
		kept->filled = checklist_xcalloc(d->ngroups + 1, sizeof(bool));
		kept->qnode = checklist_xcalloc(r->cl->nall + 1,
		    sizeof(xmlNodePtr));
		kept->qfilled = checklist_xcalloc(d->ngroups + 1, sizeof(bool));
	}
	return &kept->node[gp->index];
}

/* Keep, in one walk of the children of P (the element of G's parent,
 * or the root), the element of every group found there: the first
 * child named by a group's id whose parent is P's group. Finding each
 * group's element with its own walk would cost the square of the
 * groups under one parent (10,000 provisions in one section). Once per
 * parent and document; a group absent then is looked for as before. */
static void
checklist_group_nodes_fill(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr p)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	const struct checklist_group *h;
	struct checklist_gnodes *kept = r->gnodes;
	size_t at = g->parent == NULL ? d->ngroups :
	    ((const struct checklist_gpriv *)g->parent->priv)->index;
	xmlNodePtr c, *slot;

	if (kept->filled[at])
		return;
	kept->filled[at] = true;
	for (c = p->children; c != NULL; c = c->next) {
		if (g->parent == NULL && kept->conflicts == NULL &&
		    c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, (const xmlChar *)"conflicts"))
			kept->conflicts = c;
		if (c->type != XML_ELEMENT_NODE || (h = checklist_find_group(
		    r->cl, (const char *)c->name)) == NULL ||
		    h->parent != g->parent ||
		    (slot = checklist_group_slot(r, h)) == NULL)
			continue;
		if (*slot == NULL)
			*slot = c;
	}
}

/* G's element, kept once found; made when missing with MAKE. */
static xmlNodePtr
checklist_group_node_kept(struct checklist_response *r,
    const struct checklist_group *g, bool make)
{
	xmlNodePtr *slot = checklist_group_slot(r, g), p;

	if (slot == NULL)
		return checklist_group_find(r, g, make);
	if (*slot != NULL)
		return *slot;
	p = g->parent == NULL ? xmlDocGetRootElement(r->doc) :
	    checklist_group_node_kept(r, g->parent, make);
	if (p == NULL)
		return NULL;
	checklist_group_nodes_fill(r, g, p);
	if (*slot == NULL && make) {
		/* absent: the walk saw every child, and a group's element is
		 * made here only, its slot kept at once */
		checklist_touch_all(r); /* not a question's element */
		*slot = checklist_path_make(p, g->id);
	}
	return *slot;
}

xmlNodePtr
checklist_group_node(struct checklist_response *r,
    const struct checklist_group *g)
{
	return checklist_group_node_kept(r, g, true);
}

xmlNodePtr
checklist_group_node_found(struct checklist_response *r,
    const struct checklist_group *g)
{
	return checklist_group_node_kept(r, g, false);
}

void
checklist_group_nodes_forget(struct checklist_response *r)
{
	struct checklist_gnodes *kept = r->gnodes;

	if (kept != NULL) {
		free(kept->filled);
		free(kept->qnode);
		free(kept->qfilled);
	}
	free(kept);
	r->gnodes = NULL;
}

/* The first group of the root (its element's walk keeps the root's
 * children), or NULL. */
static const struct checklist_group *
checklist_conflicts_group(const struct checklist *cl)
{
	return cl->front != NULL ? cl->front : cl->nsections > 0 ?
	    cl->sections[0] : NULL;
}

xmlNodePtr
checklist_conflicts_found(struct checklist_response *r)
{
	const struct checklist_group *g = checklist_conflicts_group(r->cl);
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	struct checklist_gnodes *kept;

	if (root == NULL)
		return NULL;
	if (g == NULL || checklist_group_slot(r, g) == NULL)
		return checklist_child_named(root, "conflicts");
	checklist_group_nodes_fill(r, g, root);
	kept = r->gnodes;
	/* one made since, untold, is the root's last child */
	if (kept->conflicts == NULL && root->last != NULL &&
	    root->last->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(root->last->name, (const xmlChar *)"conflicts"))
		kept->conflicts = root->last;
	return kept->conflicts;
}

void
checklist_conflicts_kept(struct checklist_response *r, xmlNodePtr list)
{
	const struct checklist_group *g = checklist_conflicts_group(r->cl);

	if (g != NULL && checklist_group_slot(r, g) != NULL)
		((struct checklist_gnodes *)r->gnodes)->conflicts = list;
}

/* Where the element of Q (a page-level question of group G) is kept,
 * or NULL: not kept. */
static xmlNodePtr *
checklist_question_slot(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q)
{
	const struct checklist_qpriv *p = q->priv;

	if (checklist_group_slot(r, g) == NULL || p == NULL ||
	    p->index >= r->cl->nall || r->cl->all[p->index] != q)
		return NULL;
	return &((struct checklist_gnodes *)r->gnodes)->qnode[p->index];
}

void
checklist_question_node_forget(struct checklist_response *r,
    const struct checklist_question *q)
{
	const struct checklist_qpriv *p = q->priv;
	struct checklist_gnodes *kept = r->gnodes;

	if (kept != NULL && kept->doc == r->doc && p != NULL &&
	    p->index < r->cl->nall)
		kept->qnode[p->index] = NULL;
}

const struct checklist_question *
checklist_question_named(const struct checklist *cl,
    const struct checklist_group *g, const struct checklist_question *up,
    const char *id)
{
	struct checklist_question *const *qs = up ? up->children : g->questions;
	size_t i, n = up ? up->nchildren : g->nquestions;
	char key[CHECKLIST_PATH_KEY];
	const struct checklist_question *q;

	if ((size_t)snprintf(key, sizeof key, "%s/%s", up ? up->path : g->id,
	    id) < sizeof key) {
		q = checklist_find_question(cl, key);
		return q != NULL && q->parent == up && (up != NULL ||
		    q->group == g) ? q : NULL;
	}
	for (i = 0; i < n; i++) /* too long for the key: a scan */
		if (strcmp(qs[i]->id, id) == 0)
			return qs[i];
	return NULL;
}

/* A kept question's element known absent: the walk of its group's
 * element did not find it (NULL: not known, or forgotten). */
static xmlNode checklist_absent_el;
#define CHECKLIST_ABSENT (&checklist_absent_el)

/* Keep the elements of G's questions found among the children of its
 * element NODE, in one walk (each the first child of its name), once
 * per group and document; those not found are known absent. */
static void
checklist_question_els_fill(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node)
{
	struct checklist_gnodes *kept = r->gnodes;
	size_t gi = ((const struct checklist_gpriv *)g->priv)->index, i = 0;
	const struct checklist_question *q;
	xmlNodePtr c, *slot;

	if (kept->qfilled[gi])
		return;
	kept->qfilled[gi] = true;
	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		/* in a response sacl wrote, the next question's */
		q = i < g->nquestions && strcmp((const char *)c->name,
		    g->questions[i]->id) == 0 ? g->questions[i++] :
		    checklist_question_named(r->cl, g, NULL,
		    (const char *)c->name);
		if (q != NULL && (slot = checklist_question_slot(r, g, q)) !=
		    NULL && *slot == NULL)
			*slot = c;
	}
	for (i = 0; i < g->nquestions; i++)
		if ((slot = checklist_question_slot(r, g, g->questions[i])) !=
		    NULL && *slot == NULL)
			*slot = CHECKLIST_ABSENT;
}

/* The element kept of the page-level question of G before Q, or NULL. */
static xmlNodePtr
checklist_question_before(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q)
{
	const struct checklist_question *b;
	xmlNodePtr *slot;
	size_t i = ((const struct checklist_qpriv *)q->priv)->index;

	while (i-- > 0 && (b = r->cl->all[i])->parent != NULL)
		; /* a list's questions come after the list */
	if (i == (size_t)-1 || b->group != g ||
	    (slot = checklist_question_slot(r, g, b)) == NULL ||
	    *slot == CHECKLIST_ABSENT)
		return NULL;
	return *slot;
}

/* The element of Q, a page-level question of group G, under G's element
 * NODE: kept (a walk of NODE's children for each would cost the square
 * of a page's questions); one absent or forgotten is looked for from the
 * element of the question before, and made when missing with CREATE. */
xmlNodePtr
checklist_question_el(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q, bool create)
{
	xmlNodePtr *slot = checklist_question_slot(r, g, q);

	if (slot == NULL)
		return checklist_path_child(node, q->id, create);
	if (*slot == NULL)
		checklist_question_els_fill(r, g, node);
	if (*slot == CHECKLIST_ABSENT)
		return create ? (*slot = checklist_path_make(node, q->id)) :
		    NULL;
	if (*slot == NULL) /* forgotten: from the one before Q's, where
	                    * sacl writes it */
		*slot = checklist_child_named_from(node, q->id,
		    checklist_question_before(r, g, q));
	if (*slot == NULL && create)
		*slot = checklist_path_make(node, q->id);
	return *slot;
}

xmlNodePtr
checklist_question_node_found(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q)
{
	return checklist_question_el(r, g, node, q, false);
}

void
checklist_question_node_made(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q,
    xmlNodePtr el)
{
	xmlNodePtr *slot = checklist_question_slot(r, g, q);

	if (slot != NULL)
		*slot = el;
}

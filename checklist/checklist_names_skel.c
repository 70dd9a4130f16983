/*
 * checklist_names_skel.c: the skeleton instance on which the names of
 * conditions are resolved (checklist_names.c): every group and question
 * element of the checklist, one entry in every repeat, each element
 * tagged with what it stands for (struct checklist_names_tag, numbered
 * in document order) and its name interned; and what the resolution
 * keeps between expressions: each source's operations and each path
 * compiled, once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal_names.h"

/* ------------------------------------------------------ the skeleton */

/* The tags the skeleton of G takes: one per group, question and entry
 * (one entry in each repeat), counted first so that they are made in
 * one array that never moves (each element points at its own). */
static size_t
checklist_names_count_question(const struct checklist_question *q)
{
	size_t i, n = 1;

	if (q->type == CHECKLIST_Q_REPEAT)
		for (n++, i = 0; i < q->nchildren; i++)
			n += checklist_names_count_question(q->children[i]);
	return n;
}

static size_t
checklist_names_count_group(const struct checklist_group *g)
{
	size_t i, n = 1;

	for (i = 0; i < g->nquestions; i++)
		n += checklist_names_count_question(g->questions[i]);
	for (i = 0; i < g->nchildren; i++)
		n += checklist_names_count_group(g->children[i]);
	return n;
}

static xmlNodePtr
checklist_names_element(struct checklist_names *nm, xmlNodePtr parent,
    const char *name, const struct checklist_question *q,
    const struct checklist_group *g, bool entry)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
	struct checklist_names_tag *t = &nm->tags[nm->ntags];

	if (n == NULL)
		checklist_fatal(_("out of memory (skeleton)"));
	t->q = q;
	t->g = g;
	t->entry = entry;
	t->node = n;
	t->pre = nm->ntags++;
	t->end = t->pre + 1; /* an element holding others: set when built */
	n->_private = t;
	return n;
}

static void
checklist_names_question_add(struct checklist_names *nm, xmlNodePtr parent,
    const struct checklist_question *q)
{
	const struct checklist_qpriv *p = q->priv;
	xmlNodePtr n = checklist_names_element(nm, parent, q->id, q, NULL, false);
	xmlNodePtr entry;
	size_t i;

	nm->qnodes[p->index] = n;
	if (q->type != CHECKLIST_Q_REPEAT)
		return;
	entry = checklist_names_element(nm, n, "entry", q, NULL, true);
	for (i = 0; i < q->nchildren; i++)
		checklist_names_question_add(nm, entry, q->children[i]);
	((struct checklist_names_tag *)entry->_private)->end = nm->ntags;
	((struct checklist_names_tag *)n->_private)->end = nm->ntags;
}

static void
checklist_names_group_add(struct checklist_names *nm, xmlNodePtr parent,
    const struct checklist_group *g)
{
	xmlNodePtr n = checklist_names_element(nm, parent, g->id, NULL, g, false);
	struct checklist_names_tag *t = n->_private;
	size_t i;

	if (xmlHashAddEntry(nm->gnodes, (const xmlChar *)g->id, n) != 0 &&
	    xmlHashLookup(nm->gnodes, (const xmlChar *)g->id) == NULL)
		checklist_fatal(_("out of memory (skeleton)"));
	for (i = 0; i < g->nquestions; i++)
		checklist_names_question_add(nm, n, g->questions[i]);
	for (i = 0; i < g->nchildren; i++)
		checklist_names_group_add(nm, n, g->children[i]);
	t->end = nm->ntags;
}

static void
checklist_names_quiet(void *data, xmlErrorPtr e)
{
	char *last = data;

	if (e != NULL && last[0] == '\0') {
		snprintf(last, 256, "%s", checklist_xpath_error_text(e));
		last[strcspn(last, "\n")] = '\0';
	}
}

char checklist_names_last_error[256];

struct checklist_names *
checklist_names_new(const struct checklist *cl)
{
	struct checklist_names *nm = checklist_xcalloc(1, sizeof *nm);
	xmlNodePtr root;
	size_t i, n;

	nm->cl = cl;
	nm->doc = xmlNewDoc((const xmlChar *)"1.0");
	root = nm->doc ? xmlNewDocNode(nm->doc, NULL,
	    (const xmlChar *)"response", NULL) : NULL;
	if (root == NULL)
		checklist_fatal(_("out of memory (skeleton)"));
	xmlDocSetRootElement(nm->doc, root);
	if ((nm->doc->dict = xmlDictCreate()) == NULL) /* names interned */
		checklist_fatal(_("out of memory (skeleton)"));
	nm->qnodes = checklist_xcalloc(cl->nall + 1, sizeof *nm->qnodes);
	n = cl->front != NULL ? checklist_names_count_group(cl->front) : 0;
	for (i = 0; i < cl->nsections; i++)
		n += checklist_names_count_group(cl->sections[i]);
	nm->tags = checklist_xcalloc(n + 1, sizeof *nm->tags);
	if ((nm->gnodes = xmlHashCreate((int)(cl->npages + cl->nsections +
	    16))) == NULL)
		checklist_fatal(_("out of memory (skeleton)"));
	if (cl->front != NULL)
		checklist_names_group_add(nm, root, cl->front);
	for (i = 0; i < cl->nsections; i++)
		checklist_names_group_add(nm, root, cl->sections[i]);
	if ((nm->x = xmlXPathNewContext(nm->doc)) == NULL)
		checklist_fatal(_("out of memory (XPath context)"));
	nm->x->error = checklist_names_quiet;
	nm->x->userData = checklist_names_last_error;
	return nm;
}

_Noreturn void
checklist_names_nomem(void)
{
	checklist_fatal(_("out of memory (names)"));
}

static void
checklist_names_xop_free(void *ops, const xmlChar *name)
{
	(void)name;
	checklist_xop_free(ops);
}

const struct checklist_xop *
checklist_names_xops(struct checklist_names *nm, const char *source)
{
	struct checklist_xop *ops;

	if (nm->xops == NULL && (nm->xops = xmlHashCreate(64)) == NULL)
		checklist_fatal(_("out of memory (names)"));
	if ((ops = xmlHashLookup(nm->xops, (const xmlChar *)source)) != NULL)
		return ops;
	ops = checklist_xop_read(source);
	if (ops != NULL && xmlHashAddEntry(nm->xops, (const xmlChar *)source,
	    ops) != 0)
		checklist_fatal(_("out of memory (names)"));
	return ops;
}

static void
checklist_names_comp_free(void *comp, const xmlChar *name)
{
	(void)name;
	xmlXPathFreeCompExpr(comp);
}

xmlXPathCompExprPtr
checklist_names_compiled(struct checklist_names *nm, const char *xpath)
{
	xmlXPathCompExprPtr comp;

	if (nm->paths == NULL && (nm->paths = xmlHashCreate(64)) == NULL)
		checklist_fatal(_("out of memory (names)"));
	if ((comp = xmlHashLookup(nm->paths, (const xmlChar *)xpath)) != NULL)
		return comp;
	if ((comp = xmlXPathCtxtCompile(nm->x, (const xmlChar *)xpath)) != NULL &&
	    xmlHashAddEntry(nm->paths, (const xmlChar *)xpath, comp) != 0)
		checklist_fatal(_("out of memory (names)"));
	return comp;
}

void
checklist_names_free(struct checklist_names *nm)
{
	if (nm == NULL)
		return;
	xmlXPathFreeContext(nm->x);
	xmlFreeDoc(nm->doc);
	free(nm->tags);
	free(nm->qnodes);
	xmlHashFree(nm->gnodes, NULL);
	xmlHashFree(nm->xops, checklist_names_xop_free);
	xmlHashFree(nm->paths, checklist_names_comp_free);
	checklist_names_memo_free(nm->memo);
	free(nm);
}

xmlNodePtr
checklist_names_question(struct checklist_names *nm,
    const struct checklist_question *q)
{
	return nm->qnodes[((const struct checklist_qpriv *)q->priv)->index];
}

xmlNodePtr
checklist_names_group(struct checklist_names *nm,
    const struct checklist_group *g)
{
	return xmlHashLookup(nm->gnodes, (const xmlChar *)g->id);
}

/*
 * checklist_response_twice.c: a response read from outside (a file, a
 * contribution to merge, a package's answers) gives each of its
 * sections, provisions and questions once. Every reader takes the first
 * element of a name (checklist_child_named) and would silently drop a
 * second one: two <status> in a provision, "full" then "none", would be
 * read as "full" by sacl and as "none" by whoever reads the file with
 * another tool. Such a file is refused, both places named.
 *
 * The walk follows the model: the root's children are the front section
 * and the sections, a group's children its provisions or items and its
 * questions, a list's children <entry> elements holding its questions.
 * Elements the checklist does not know are left to the other checks
 * (a newer or older version of the checklist may have them); only a name
 * it knows, given twice under one parent, is refused.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_twice {
	const struct checklist *cl;
	const char *name;             /* the file, for messages */
	struct checklist_error *err;
	xmlNodePtr *gfirst;           /* by group index: its element met */
	xmlNodePtr *qfirst;           /* by index in all[]: the same */
	unsigned long *qstamp;        /* by index in all[]: the parent it
	                               * was last met under (its serial) */
	unsigned long serials;        /* parents numbered so far */
};

static checklist_status
checklist_twice_group(struct checklist_twice *t,
    const struct checklist_group *g, xmlNodePtr el);

/* EL, named like FIRST under the same parent: refused. */
static checklist_status
checklist_twice_refuse(struct checklist_twice *t, xmlNodePtr first,
    xmlNodePtr el)
{
	return checklist_error_set(t->err, CHECKLIST_ERR_DAMAGED, t->name,
	    (int)xmlGetLineNo(el), 0, _("<%.64s> is given twice in <%.64s> "
	    "(first at line %ld): sacl would read only the first; keep the "
	    "one that is meant and delete the other"), (const char *)el->name,
	    (const char *)el->parent->name, xmlGetLineNo(first));
}

static checklist_status checklist_twice_entry(struct checklist_twice *t,
    const struct checklist_question *q, xmlNodePtr entry);

/* Question ID of group G (UP NULL) or of list UP: the one at *AT when
 * it is (in a file sacl wrote, the elements come in the questions'
 * order; *AT then past it), else from the checklist's index. */
static const struct checklist_question *
checklist_twice_find(struct checklist_twice *t,
    const struct checklist_group *g, const struct checklist_question *up,
    size_t *at, const char *id)
{
	struct checklist_question *const *qs = up ? up->children : g->questions;
	size_t n = up ? up->nchildren : g->nquestions;

	if (*at < n && strcmp(qs[*at]->id, id) == 0)
		return qs[(*at)++];
	return checklist_question_named(t->cl, g, up, id);
}

/* Question Q's element EL, met under the parent numbered SERIAL. */
static checklist_status
checklist_twice_question(struct checklist_twice *t,
    const struct checklist_question *q, xmlNodePtr el, unsigned long serial)
{
	const struct checklist_qpriv *qp = q->priv;
	xmlNodePtr e;

	if (qp == NULL)
		return CHECKLIST_OK;
	if (t->qstamp[qp->index] == serial)
		return checklist_twice_refuse(t, t->qfirst[qp->index], el);
	t->qstamp[qp->index] = serial;
	t->qfirst[qp->index] = el;
	if (q->type != CHECKLIST_Q_REPEAT)
		return CHECKLIST_OK;
	for (e = el->children; e != NULL; e = e->next)
		if (e->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)e->name, "entry") == 0 &&
		    checklist_twice_entry(t, q, e) != CHECKLIST_OK)
			return t->err->status;
	return CHECKLIST_OK;
}

/* One entry of list Q: each of its questions once. */
static checklist_status
checklist_twice_entry(struct checklist_twice *t,
    const struct checklist_question *q, xmlNodePtr entry)
{
	unsigned long serial = ++t->serials;
	const struct checklist_question *k;
	xmlNodePtr c;
	size_t at = 0;

	for (c = entry->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (k = checklist_twice_find(t,
		    NULL, q, &at, (const char *)c->name)) != NULL &&
		    checklist_twice_question(t, k, c, serial) != CHECKLIST_OK)
			return t->err->status;
	return CHECKLIST_OK;
}

/* EL, a child of group G's element (G NULL: of the root), numbered
 * SERIAL: one of its groups or questions, walked, or something else,
 * left. */
static checklist_status
checklist_twice_child(struct checklist_twice *t,
    const struct checklist_group *g, xmlNodePtr el, unsigned long serial,
    size_t *at)
{
	const struct checklist_group *sub = checklist_find_group(t->cl,
	    (const char *)el->name);
	const struct checklist_question *q;
	const struct checklist_gpriv *gp;

	if (sub != NULL && sub->parent == g && (gp = sub->priv) != NULL) {
		if (t->gfirst[gp->index] != NULL)
			return checklist_twice_refuse(t, t->gfirst[gp->index],
			    el);
		t->gfirst[gp->index] = el;
		return checklist_twice_group(t, sub, el);
	}
	if (g != NULL && (q = checklist_twice_find(t, g, NULL, at,
	    (const char *)el->name)) != NULL)
		return checklist_twice_question(t, q, el, serial);
	return CHECKLIST_OK;
}

static checklist_status
checklist_twice_group(struct checklist_twice *t,
    const struct checklist_group *g, xmlNodePtr el)
{
	unsigned long serial = ++t->serials;
	size_t at = 0;
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && checklist_twice_child(t, g,
		    c, serial, &at) != CHECKLIST_OK)
			return t->err->status;
	return CHECKLIST_OK;
}

checklist_status
checklist_response_check_twice(const struct checklist *cl, xmlDocPtr doc,
    const char *name, struct checklist_error *err)
{
	const struct checklist_deps *d = checklist_index_deps(cl);
	struct checklist_twice t = { cl, name, err, NULL, NULL, NULL, 0 };
	xmlNodePtr root = xmlDocGetRootElement(doc);
	checklist_status st;

	if (d == NULL || root == NULL)
		return CHECKLIST_OK; /* a checklist not made by the loader */
	t.gfirst = checklist_xcalloc(d->ngroups + 1, sizeof *t.gfirst);
	t.qfirst = checklist_xcalloc(cl->nall + 1, sizeof *t.qfirst);
	t.qstamp = checklist_xcalloc(cl->nall + 1, sizeof *t.qstamp);
	st = checklist_twice_group(&t, NULL, root);
	free(t.gfirst);
	free(t.qfirst);
	free(t.qstamp);
	return st;
}

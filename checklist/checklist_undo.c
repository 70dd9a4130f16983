/*
 * checklist_undo.c: taking back committed changes, one by one, at the
 * cost of what each change touched.
 *
 * The history is told of changes after they happen (checklist_undo_note():
 * the response's change counter moved), so that every way of changing a
 * response (a value, an "other" text cleared with its choice, entries
 * added, moved, removed, a review mark confirmed, a conflict settled) is
 * undone alike, without a second copy of the rules that made it.
 *
 * The root's attributes are the file's, not answers (its language, the
 * agency of a contribution, the revision last exported, where to reopen):
 * an undo never takes them back. A counted change of them alone is no
 * step; after every undo they are what they were before it.
 *
 * It keeps one copy of the document as last noted (the shadow) and, per
 * step, only what the step changed, as it was before: the elements of the
 * page-level questions the model says it touched (checklist_touch(), into
 * the record hung on R->touched). At a note each touched element of the
 * shadow is swapped for a
 * copy of the response's; the shadow's old one is kept by the step. What
 * the model cannot localise (checklist_touch_all(): a group's element
 * made, a conflict note removed, the document replaced; or a counter
 * that moved with nothing touched) makes a whole-document step: the
 * shadow itself, a new copy taken. Undoing puts the step back in both
 * documents, so that the response is, byte for byte but the root's
 * attributes, the document as it was at the note before; changes not
 * counted since the last note (a value refused half-way) are taken back
 * with it, as a whole copy would.
 *
 * Nodes kept by a step belong to the shadow of their time, which lives as
 * long as they do: steps are dropped oldest first, and a whole step (which
 * holds the older shadow) is dropped only after the steps before it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

/* The page-level questions whose elements changed since the last note,
 * or ALL: the whole document. */
#define CHECKLIST_TOUCHED_MAX 32
struct checklist_touched {
	bool all;
	size_t n;
	const struct checklist_question *q[CHECKLIST_TOUCHED_MAX];
};

/* An element as it was before a step (of the shadow, unlinked) and the
 * copy that took its place in the shadow, there again whenever the step
 * is the last: the steps after it put back what they took. */
struct checklist_undo_el {
	const struct checklist_question *q; /* a page-level question */
	xmlNodePtr before, after;
};

struct checklist_undo_step {
	xmlDocPtr whole;  /* the whole document before, or NULL */
	size_t n;
	struct checklist_undo_el *el;
	size_t held;      /* the nodes kept */
};

struct checklist_undo {
	struct checklist_response *r;
	size_t depth;
	xmlDocPtr shadow;        /* the document as last noted */
	unsigned long changes;   /* r->changes when last noted */
	struct checklist_undo_step *past; /* oldest first */
	size_t npast;
	size_t held;             /* the nodes the steps keep */
	struct checklist_touched touched; /* hung on r->touched */
};

/* ------------------------------------------------- what changes touch */

void
checklist_touch(struct checklist_response *r,
    const struct checklist_question *q)
{
	struct checklist_touched *t = r->touched;
	size_t i;

	checklist_pieces_touch(r, q);
	checklist_question_node_forget(r, q); /* it may be another now */
	if (t == NULL || t->all)
		return;
	while (q != NULL && q->parent != NULL)
		q = q->parent;
	if (q == NULL || q->group == NULL) {
		t->all = true;
		return;
	}
	for (i = 0; i < t->n; i++)
		if (t->q[i] == q)
			return;
	if (t->n == CHECKLIST_TOUCHED_MAX)
		t->all = true;
	else
		t->q[t->n++] = q;
}

void
checklist_touch_all(struct checklist_response *r)
{
	struct checklist_touched *t = r->touched;

	checklist_pieces_touch_all(r);
	if (t != NULL)
		t->all = true;
}

static void
checklist_undo_untouch(struct checklist_undo *u)
{
	u->touched.all = false;
	u->touched.n = 0;
}

/* ------------------------------------------------------------ helpers */

static xmlDocPtr
checklist_undo_copy(xmlDocPtr doc)
{
	xmlDocPtr copy = xmlCopyDoc(doc, 1);

	if (copy == NULL)
		checklist_fatal(_("out of memory (undo)"));
	return copy;
}

/* A copy of EL for DOC (EXTENDED as xmlDocCopyNode's). */
static xmlNodePtr
checklist_undo_copy_node(xmlNodePtr el, xmlDocPtr doc, int extended)
{
	xmlNodePtr copy = xmlDocCopyNode(el, doc, extended);

	if (copy == NULL)
		checklist_fatal(_("out of memory (undo)"));
	return copy;
}

/* The element of page-level question Q in DOC, or NULL. */
static xmlNodePtr
checklist_undo_find(xmlDocPtr doc, const struct checklist_question *q)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), g;

	g = root != NULL ? checklist_group_el_under(root, q->group) : NULL;
	return g != NULL ? checklist_child_named(g, q->id) : NULL;
}

/* The nodes of EL's tree, attributes and their texts counted. */
static size_t
checklist_undo_nodes(xmlNodePtr el)
{
	size_t n = 1;
	xmlAttrPtr a;
	xmlNodePtr c;

	if (el->type == XML_ELEMENT_NODE)
		for (a = el->properties; a != NULL; a = a->next)
			n += 1 + (a->children != NULL);
	for (c = el->children; c != NULL; c = c->next)
		n += checklist_undo_nodes(c);
	return n;
}

/* TO's attributes become copies of FROM's. */
static void
checklist_undo_attrs_set(xmlNodePtr to, xmlNodePtr from)
{
	xmlFreePropList(to->properties);
	to->properties = NULL;
	if (from->properties != NULL &&
	    (to->properties = xmlCopyPropList(to, from->properties)) == NULL)
		checklist_fatal(_("out of memory (undo)"));
}

static void
checklist_undo_step_free(struct checklist_undo_step *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		xmlFreeNode(s->el[i].before);
	free(s->el);
	if (s->whole != NULL)
		xmlFreeDoc(s->whole);
}

/* ------------------------------------------------------------- notes */

/* Swap the N touched elements SH of the shadow for copies of the
 * response's D: the shadow's old ones go to S. */
static void
checklist_undo_take(struct checklist_undo *u, struct checklist_undo_step *s,
    xmlNodePtr *sh, xmlNodePtr *d, size_t n)
{
	size_t i;

	s->n = n;
	s->el = checklist_xcalloc(n + 1, sizeof *s->el);
	for (i = 0; i < n; i++) {
		s->el[i].after = checklist_undo_copy_node(d[i], u->shadow, 1);
		xmlReplaceNode(sh[i], s->el[i].after);
		s->el[i].q = u->touched.q[i];
		s->el[i].before = sh[i];
		s->held += checklist_undo_nodes(sh[i]);
	}
}

/* What a note makes of the change since the last one. */
enum checklist_undo_kind {
	CHECKLIST_UNDO_WHOLE, /* not localised: the whole document */
	CHECKLIST_UNDO_LOCAL, /* the touched elements */
	CHECKLIST_UNDO_NONE   /* the root's attributes alone: no step */
};

/* Make S the step of the touched elements, the shadow brought up to the
 * response (its root's attributes too). */
static enum checklist_undo_kind
checklist_undo_localise(struct checklist_undo *u,
    struct checklist_undo_step *s)
{
	const struct checklist_touched *t = &u->touched;
	xmlNodePtr sroot = xmlDocGetRootElement(u->shadow);
	xmlNodePtr droot = xmlDocGetRootElement(u->r->doc);
	xmlNodePtr sh[CHECKLIST_TOUCHED_MAX], d[CHECKLIST_TOUCHED_MAX];
	bool attrs;
	size_t i;

	if (t->all || sroot == NULL || droot == NULL)
		return CHECKLIST_UNDO_WHOLE;
	for (i = 0; i < t->n; i++)
		if ((sh[i] = checklist_undo_find(u->shadow, t->q[i])) == NULL ||
		    (d[i] = checklist_undo_find(u->r->doc, t->q[i])) == NULL)
			return CHECKLIST_UNDO_WHOLE; /* made, or gone */
	attrs = !checklist_xml_attrs_same(sroot, droot);
	if (t->n == 0 && !attrs)
		return CHECKLIST_UNDO_WHOLE; /* a change nobody said where */
	if (attrs)
		checklist_undo_attrs_set(sroot, droot);
	if (t->n == 0)
		return CHECKLIST_UNDO_NONE;
	checklist_undo_take(u, s, sh, d, t->n);
	return CHECKLIST_UNDO_LOCAL;
}

static void
checklist_undo_push(struct checklist_undo *u,
    const struct checklist_undo_step *s)
{
	if (u->npast == u->depth) { /* forget the oldest */
		u->held -= u->past[0].held;
		checklist_undo_step_free(&u->past[0]);
		memmove(u->past, u->past + 1, (u->depth - 1) * sizeof *u->past);
		u->npast--;
	}
	u->past[u->npast++] = *s;
	u->held += s->held;
}

void
checklist_undo_note(struct checklist_undo *u)
{
	struct checklist_undo_step s = { 0 };

	if (u->r->changes == u->changes)
		return;
	switch (checklist_undo_localise(u, &s)) {
	case CHECKLIST_UNDO_WHOLE:
		s.whole = u->shadow;
		s.held = checklist_undo_nodes(xmlDocGetRootElement(s.whole));
		u->shadow = checklist_undo_copy(u->r->doc);
		/* FALLTHROUGH */
	case CHECKLIST_UNDO_LOCAL:
		checklist_undo_push(u, &s);
		break;
	case CHECKLIST_UNDO_NONE:
		break;
	}
	checklist_undo_untouch(u);
	u->changes = u->r->changes;
}

/* ------------------------------------------------------------ undoing */

/* The response becomes a copy of the shadow (the document as noted). */
static void
checklist_undo_reset(struct checklist_undo *u)
{
	checklist_response_replace_doc(u->r, checklist_undo_copy(u->shadow));
	u->r->changes++;
}

/* Put back in the response the elements changed since the last note
 * without a change counted (a value refused half-way), from the shadow. */
static void
checklist_undo_resync(struct checklist_undo *u)
{
	const struct checklist_touched *t = &u->touched;
	xmlNodePtr sh, d;
	size_t i;

	for (i = 0; !t->all && i < t->n; i++) {
		sh = checklist_undo_find(u->shadow, t->q[i]);
		d = checklist_undo_find(u->r->doc, t->q[i]);
		if (sh == NULL || d == NULL)
			break;
		xmlFreeNode(xmlReplaceNode(d, checklist_undo_copy_node(sh,
		    u->r->doc, 1)));
		checklist_question_node_forget(u->r, t->q[i]);
		checklist_pieces_touch(u->r, t->q[i]);
		checklist_marks_added(u->r);
		u->r->changes++;
	}
	if (t->all || i < t->n)
		checklist_undo_reset(u);
	checklist_path_memo_forget();
	checklist_undo_untouch(u);
}

/* Swap the elements of S back into the shadow, then into the response,
 * each a change whose dependants are computed again; a response that
 * lost one of them (a change nobody told of) is put back whole. */
static void
checklist_undo_put_elements(struct checklist_undo *u,
    struct checklist_undo_step *s)
{
	struct checklist_response *r = u->r;
	xmlNodePtr d;
	size_t i;

	for (i = 0; i < s->n; i++)
		xmlFreeNode(xmlReplaceNode(s->el[i].after, s->el[i].before));
	for (i = 0; i < s->n; i++)
		if (checklist_undo_find(r->doc, s->el[i].q) == NULL) {
			checklist_undo_reset(u);
			return;
		}
	for (i = 0; i < s->n; i++) {
		d = checklist_undo_find(r->doc, s->el[i].q);
		xmlFreeNode(xmlReplaceNode(d, checklist_undo_copy_node(
		    s->el[i].before, r->doc, 1)));
		checklist_question_node_forget(r, s->el[i].q);
		checklist_pieces_touch(r, s->el[i].q);
		checklist_marks_added(r); /* it may hold one */
		r->changes++;
		if (s->el[i].q->type != CHECKLIST_Q_REPEAT)
			checklist_deps_touch(r, s->el[i].q);
	}
	checklist_path_memo_forget();
}

/* The root's attributes of the response and of the shadow become
 * KEEP's (those the response had before the undo). */
static void
checklist_undo_keep_root(struct checklist_undo *u, xmlNodePtr keep)
{
	xmlNodePtr droot = xmlDocGetRootElement(u->r->doc);
	xmlNodePtr sroot = xmlDocGetRootElement(u->shadow);

	if (droot != NULL && !checklist_xml_attrs_same(droot, keep)) {
		checklist_undo_attrs_set(droot, keep);
		u->r->changes++; /* the scope may be another */
	}
	if (sroot != NULL && !checklist_xml_attrs_same(sroot, keep))
		checklist_undo_attrs_set(sroot, keep);
}

/* Take back a whole step: BEFORE becomes the shadow, a copy of it the
 * response's document. */
static void
checklist_undo_put_whole(struct checklist_undo *u, xmlDocPtr before)
{
	xmlFreeDoc(u->shadow);
	u->shadow = before;
	checklist_undo_reset(u);
}

bool
checklist_undo_step(struct checklist_undo *u)
{
	struct checklist_undo_step s;

	xmlNodePtr keep;

	checklist_undo_note(u); /* a change not noted yet is undone first */
	if (u->npast == 0)
		return false;
	/* in no document: the shadow and the response may both be
	 * replaced before it is read */
	keep = checklist_undo_copy_node(xmlDocGetRootElement(u->r->doc),
	    NULL, 2);
	checklist_undo_resync(u);
	s = u->past[--u->npast];
	u->held -= s.held;
	if (s.whole != NULL)
		checklist_undo_put_whole(u, s.whole);
	else
		checklist_undo_put_elements(u, &s);
	checklist_undo_keep_root(u, keep);
	xmlFreeNode(keep);
	free(s.el);
	checklist_undo_untouch(u);
	u->changes = u->r->changes;
	return true;
}

/* ---------------------------------------------------------- the rest */

struct checklist_undo *
checklist_undo_new(struct checklist_response *r, size_t depth)
{
	struct checklist_undo *u = checklist_xcalloc(1, sizeof *u);

	u->r = r;
	u->depth = depth > 0 ? depth : 1;
	u->shadow = checklist_undo_copy(r->doc);
	u->changes = r->changes;
	u->past = checklist_xcalloc(u->depth, sizeof *u->past);
	r->touched = &u->touched;
	return u;
}

void
checklist_undo_free(struct checklist_undo *u)
{
	size_t i;

	if (u == NULL)
		return;
	if (u->r->touched == &u->touched)
		u->r->touched = NULL;
	for (i = 0; i < u->npast; i++) /* oldest first: see the top */
		checklist_undo_step_free(&u->past[i]);
	xmlFreeDoc(u->shadow);
	free(u->past);
	free(u);
}

size_t
checklist_undo_count(const struct checklist_undo *u)
{
	return u->npast;
}

size_t
checklist_undo_held(const struct checklist_undo *u)
{
	return u->held;
}

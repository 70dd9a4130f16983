/*
 * checklist_names_copy.c: the conditions of a template resolved once
 * per shape of provision, not once per provision. Every provision using
 * a template holds a copy of each of its questions, whose expressions
 * share one source (checklist_expr_borrow). The first copy of an
 * expression at one place of a provision of one shape is resolved in
 * full (checklist_names.c); while it is, each step checks that it
 * looks only inside that provision (checklist_names_local: no absolute
 * path, no ancestor, following or preceding axis, no parent or sibling
 * of the provision's own element) and notes the names it tests. When
 * it selected something at every step, stayed inside, and tested no
 * name that is the id of the provision or of an item inside it, what it
 * read is kept as places in the provision (the elements' numbers in
 * document order, less the provision's). The other copies at the same
 * place of a provision of the same shape, whose groups' ids are none of
 * those names either, read the questions and groups at those places in
 * their own provision: what their full resolution would find, since it
 * would take the same steps through the same elements.
 *
 * The shape of a provision is its skeleton below its element: each
 * element's kind (group, question, entry), the number of elements it
 * holds and its name, but for groups (ids differ from copy to copy).
 * A variant of another shape, a question of the provision's own, an
 * omission or items of their own make another shape, resolved in full
 * once. When the first copy failed, or looked outside its provision,
 * every copy of that expression and shape is resolved in full, each
 * failing with its own message, as before.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal_names.h"

/* What the first copy of an expression, in a provision of one shape
 * and at one position, read. */
struct checklist_names_rec {
	enum { CHECKLIST_REC_NEW, CHECKLIST_REC_KEPT, CHECKLIST_REC_FULL } state;
	size_t nreads, nwhole;
	size_t *reads; /* the questions read: positions in the provision */
	size_t *whole; /* the groups read as a whole: positions */
	bool reads_any, walks_lists;
	size_t ntests;
	const char *tests[16]; /* the names its steps tested */
};

struct checklist_names_memo {
	xmlHashTablePtr shapes; /* "hash@k" -> the first group of a shape */
	xmlHashTablePtr recs;   /* "source@shape@position" -> its record */
};

static bool checklist_names_copies_on = true;
unsigned long checklist_names_full;
static unsigned long checklist_names_taken;

void
checklist_names_copies(bool on)
{
	checklist_names_copies_on = on;
}

void
checklist_names_counts(unsigned long *full, unsigned long *taken)
{
	*full = checklist_names_full;
	*taken = checklist_names_taken;
}

static void
checklist_names_rec_free(void *p, const xmlChar *name)
{
	struct checklist_names_rec *r = p;

	(void)name;
	free(r->reads);
	free(r->whole);
	free(r);
}

void
checklist_names_memo_free(struct checklist_names_memo *m)
{
	if (m == NULL)
		return;
	xmlHashFree(m->shapes, NULL);
	xmlHashFree(m->recs, checklist_names_rec_free);
	free(m);
}

static struct checklist_names_memo *
checklist_names_memo_new(void)
{
	struct checklist_names_memo *m = checklist_xcalloc(1, sizeof *m);

	if ((m->shapes = xmlHashCreate(64)) == NULL ||
	    (m->recs = xmlHashCreate(256)) == NULL)
		checklist_names_nomem();
	return m;
}

/* ------------------------------------------------------------ shapes */

/* Element T's kind: a group, an entry, a question. */
static int
checklist_names_kind(const struct checklist_names_tag *t)
{
	return t->g != NULL ? 'g' : t->entry ? 'e' : 'q';
}

/* Is the skeleton below group element A (not A itself) the same as
 * below B: element by element, the same kind, the same number of
 * elements inside, the same name (the dictionary's pointer) but for
 * groups, whose ids differ from copy to copy and are compared with the
 * names tested instead (checklist_names_named)? */
static bool
checklist_names_same_shape(const struct checklist_names *nm,
    const struct checklist_names_tag *a, const struct checklist_names_tag *b)
{
	const struct checklist_names_tag *x, *y;
	size_t i, n = a->end - a->pre;

	if (b->end - b->pre != n)
		return false;
	for (i = 1; i < n; i++) {
		x = &nm->tags[a->pre + i];
		y = &nm->tags[b->pre + i];
		if (checklist_names_kind(x) != checklist_names_kind(y) ||
		    x->end - x->pre != y->end - y->pre ||
		    (x->g == NULL && x->node->name != y->node->name))
			return false;
	}
	return true;
}

/* A hash of what checklist_names_same_shape compares (FNV-1a). */
static uint64_t
checklist_names_hash(const struct checklist_names *nm,
    const struct checklist_names_tag *a)
{
	const struct checklist_names_tag *x;
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 1; i < a->end - a->pre; i++) {
		x = &nm->tags[a->pre + i];
		h = (h ^ (uint64_t)checklist_names_kind(x)) * 1099511628211u;
		h = (h ^ (uint64_t)(x->end - x->pre)) * 1099511628211u;
		if (x->g == NULL)
			h = (h ^ (uint64_t)(uintptr_t)x->node->name) *
			    1099511628211u;
	}
	return h;
}

/* Write N in hex and a '@' at K: where the next goes. */
static char *
checklist_names_hex(char *k, size_t n)
{
	do {
		*k++ = "0123456789abcdef"[n & 15];
		n >>= 4;
	} while (n != 0);
	*k++ = '@';
	*k = '\0';
	return k;
}

/* The number of the shape of group element T (found once per group):
 * the first group of that shape's, its PRE + 1. Groups are found by
 * their hash and the number of groups of other shapes with that hash
 * before them. */
static size_t
checklist_names_shape(struct checklist_names *nm, struct checklist_names_tag *t)
{
	const struct checklist_names_tag *first;
	uint64_t h = checklist_names_hash(nm, t);
	char key[2 * (2 * sizeof h + 1) + 1];
	size_t k;

	for (k = 0; t->shape == 0; k++) {
		checklist_names_hex(checklist_names_hex(key, (size_t)h), k);
		first = xmlHashLookup(nm->memo->shapes, (const xmlChar *)key);
		if (first == NULL && xmlHashAddEntry(nm->memo->shapes,
		    (const xmlChar *)key, t) != 0)
			checklist_names_nomem();
		if (first == NULL)
			t->shape = t->pre + 1;
		else if (checklist_names_same_shape(nm, first, t))
			t->shape = first->pre + 1;
	}
	return t->shape;
}

/* The group CONTEXT stands in (its tag), or NULL. */
static struct checklist_names_tag *
checklist_names_root(struct checklist_names *nm, xmlNodePtr context)
{
	const struct checklist_names_tag *t;
	xmlNodePtr n;

	for (n = context; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if ((t = n->_private) != NULL && t->g != NULL)
			return &nm->tags[t->pre];
	return NULL;
}

/* The record of E at CONTEXT in ROOT's shape (a new one the first time). */
static struct checklist_names_rec *
checklist_names_rec(struct checklist_names *nm, const struct checklist_expr *e,
    xmlNodePtr context, struct checklist_names_tag *root)
{
	const struct checklist_names_tag *t = context->_private;
	struct checklist_names_rec *r;
	char key[3 * (2 * sizeof(size_t) + 1) + 1], *k = key;

	k = checklist_names_hex(k, (size_t)(uintptr_t)e->source);
	k = checklist_names_hex(k, checklist_names_shape(nm, root));
	checklist_names_hex(k, t->pre - root->pre);
	if ((r = xmlHashLookup(nm->memo->recs, (const xmlChar *)key)) != NULL)
		return r;
	r = checklist_xcalloc(1, sizeof *r);
	if (xmlHashAddEntry(nm->memo->recs, (const xmlChar *)key, r) != 0)
		checklist_names_nomem();
	return r;
}

/* ----------------------------------------------------- keep and take */

/* The position of skeleton element N in ROOT, or SIZE_MAX outside. */
static size_t
checklist_names_pos(xmlNodePtr n, const struct checklist_names_tag *root)
{
	const struct checklist_names_tag *t = n != NULL ? n->_private : NULL;

	if (t == NULL || t->pre < root->pre || t->pre >= root->end)
		return SIZE_MAX;
	return t->pre - root->pre;
}

/* Is the id of G, or of a group inside it, one of the N names TESTS? */
static bool
checklist_names_named(const struct checklist_group *g,
    const char *const *tests, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(g->id, tests[i]) == 0)
			return true;
	for (i = 0; i < g->nchildren; i++)
		if (checklist_names_named(g->children[i], tests, n))
			return true;
	return false;
}

/* Keep what E, resolved in ROOT, read, as positions in ROOT. */
static void
checklist_names_keep(struct checklist_names *nm, struct checklist_names_rec *r,
    const struct checklist_expr *e, const struct checklist_names_tag *root)
{
	size_t k;

	r->state = CHECKLIST_REC_KEPT;
	r->nreads = e->nreads;
	r->nwhole = e->nwhole;
	r->reads_any = e->reads_any;
	r->walks_lists = e->walks_lists;
	r->ntests = nm->ntests;
	memcpy(r->tests, nm->tests, nm->ntests * sizeof *r->tests);
	if (checklist_names_named(root->g, r->tests, r->ntests))
		r->state = CHECKLIST_REC_FULL; /* a group's id tested */
	r->reads = checklist_xcalloc(e->nreads + 1, sizeof *r->reads);
	r->whole = checklist_xcalloc(e->nwhole + 1, sizeof *r->whole);
	for (k = 0; k < e->nreads; k++)
		r->reads[k] = checklist_names_pos(checklist_names_question(nm,
		    e->reads[k]), root);
	for (k = 0; k < e->nwhole; k++)
		r->whole[k] = checklist_names_pos(checklist_names_group(nm,
		    e->whole[k]), root);
	for (k = 0; k < e->nreads; k++)
		if (r->reads[k] == SIZE_MAX)
			r->state = CHECKLIST_REC_FULL;
	for (k = 0; k < e->nwhole; k++)
		if (r->whole[k] == SIZE_MAX)
			r->state = CHECKLIST_REC_FULL;
}

/* The element at position POS of ROOT, or NULL past its end. */
static const struct checklist_names_tag *
checklist_names_at(const struct checklist_names *nm,
    const struct checklist_names_tag *root, size_t pos)
{
	return pos < root->end - root->pre ? &nm->tags[root->pre + pos] :
	    NULL;
}

/* E reads what R kept, at the same positions of ROOT. False (E
 * unchanged) when an element there is not of the kind kept. */
static bool
checklist_names_take(const struct checklist_names *nm,
    const struct checklist_names_rec *r, struct checklist_expr *e,
    const struct checklist_names_tag *root)
{
	const struct checklist_names_tag *t;
	size_t k;

	if (checklist_names_named(root->g, r->tests, r->ntests))
		return false;
	for (k = 0; k < r->nreads; k++)
		if ((t = checklist_names_at(nm, root, r->reads[k])) == NULL ||
		    t->q == NULL || t->entry || t->g != NULL)
			return false;
	for (k = 0; k < r->nwhole; k++)
		if ((t = checklist_names_at(nm, root, r->whole[k])) == NULL ||
		    t->g == NULL)
			return false;
	if (r->nreads > 0) /* E's lists only when not empty, as in full */
		e->reads = checklist_xreallocarray(e->reads, r->nreads,
		    sizeof *e->reads);
	if (r->nwhole > 0)
		e->whole = checklist_xreallocarray(e->whole, r->nwhole,
		    sizeof *e->whole);
	for (k = 0; k < r->nreads; k++)
		e->reads[k] = nm->tags[root->pre + r->reads[k]].q;
	for (k = 0; k < r->nwhole; k++)
		e->whole[k] = nm->tags[root->pre + r->whole[k]].g;
	e->nreads = r->nreads;
	e->nwhole = r->nwhole;
	e->reads_any = r->reads_any;
	e->walks_lists = r->walks_lists;
	return true;
}

bool
checklist_names_copy_check(struct checklist_names *nm,
    struct checklist_expr *e, xmlNodePtr context, char *msg, size_t size)
{
	struct checklist_names_tag *root;
	struct checklist_names_rec *r;
	bool ok;

	if (!checklist_names_copies_on ||
	    (root = checklist_names_root(nm, context)) == NULL)
		return checklist_names_resolve(nm, e, context, msg, size);
	if (nm->memo == NULL)
		nm->memo = checklist_names_memo_new();
	r = checklist_names_rec(nm, e, context, root);
	if (r->state == CHECKLIST_REC_KEPT && checklist_names_take(nm, r, e,
	    root)) {
		checklist_names_taken++;
		return true;
	}
	if (r->state != CHECKLIST_REC_NEW)
		return checklist_names_resolve(nm, e, context, msg, size);
	nm->root = root;
	nm->local = true;
	nm->ntests = 0;
	ok = checklist_names_resolve(nm, e, context, msg, size);
	if (ok && nm->local)
		checklist_names_keep(nm, r, e, root);
	else
		r->state = CHECKLIST_REC_FULL;
	nm->root = NULL;
	return ok;
}

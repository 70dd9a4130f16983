/*
 * checklist_names_copy.c: the conditions of a template resolved once
 * for the provisions that share a shape, not once per provision. Every
 * provision using a template holds a copy of each of its questions, and
 * their expressions are one source (checklist_expr_borrow). The first
 * copy of an expression in a provision of a given shape is resolved in
 * full (checklist_names.c); while it is, each step checks that it
 * looks only inside that provision and depends on nothing but its
 * shape (checklist_names_local: no absolute path, no step above the
 * provision's element or beside it, no name tested on the provision's
 * own element, whose id differs from copy to copy). When it did, and
 * selected something at every step, what it reads is kept as
 * positions in the provision (the elements' numbers in document order,
 * less the provision's); the other copies at the same position of a
 * provision of the same shape take the questions and groups at those
 * positions in their own provision.
 *
 * The shape of a provision is the skeleton below its element: each
 * element's kind (group, question, entry) and name, in order, nested,
 * the provision's own id left out. A variant, a question of its own,
 * an omission or a provision inside makes another shape, resolved in
 * full once. A first copy that failed, or that looked outside its
 * provision, makes every copy of that expression and shape resolved in
 * full, each with its own message, as before.
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
	bool reads_any;
	size_t ntests;
	const char *tests[16]; /* the names its steps tested */
};

struct checklist_names_memo {
	xmlHashTablePtr shapes; /* a shape's signature -> its number */
	size_t nshapes;
	xmlHashTablePtr recs;   /* "source@shape@position" -> its record */
	char *buf;              /* the signature being made */
	size_t len, cap;
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
	free(m->buf);
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

static void
checklist_names_put(struct checklist_names_memo *m, const char *s, size_t n)
{
	if (m->len + n + 1 > m->cap) {
		m->cap = 2 * (m->len + n + 1) + 64;
		m->buf = checklist_xrealloc(m->buf, m->cap);
	}
	memcpy(m->buf + m->len, s, n);
	m->len += n;
	m->buf[m->len] = '\0';
}

/* Append the signature of skeleton element N and what it holds: its
 * kind, its name (not a group's: ids differ from copy to copy, and are
 * compared with the names tested instead), its children in
 * parentheses. Names are NCNames: no parenthesis in them. */
static void
checklist_names_sign(struct checklist_names_memo *m, xmlNodePtr n)
{
	const struct checklist_names_tag *t = n->_private;
	xmlNodePtr c;

	checklist_names_put(m, t->g != NULL ? "g" : t->entry ? "e" : "q", 1);
	if (t->g == NULL)
		checklist_names_put(m, (const char *)n->name,
		    strlen((const char *)n->name));
	checklist_names_put(m, "(", 1);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->_private != NULL)
			checklist_names_sign(m, c);
	checklist_names_put(m, ")", 1);
}

/* The number of the shape of group element T (made once per group). */
static size_t
checklist_names_shape(struct checklist_names *nm, struct checklist_names_tag *t)
{
	struct checklist_names_memo *m = nm->memo;
	void *found;

	if (t->shape != 0)
		return t->shape;
	m->len = 0;
	checklist_names_sign(m, t->node);
	if ((found = xmlHashLookup(m->shapes, (const xmlChar *)m->buf)) != NULL) {
		t->shape = (size_t)(uintptr_t)found;
		return t->shape;
	}
	t->shape = ++m->nshapes;
	if (xmlHashAddEntry(m->shapes, (const xmlChar *)m->buf,
	    (void *)(uintptr_t)t->shape) != 0)
		checklist_names_nomem();
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
			return nm->tags[t->pre];
	return NULL;
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
	return pos < root->end - root->pre ? nm->tags[root->pre + pos] : NULL;
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
	e->reads = checklist_xreallocarray(e->reads, r->nreads + 1,
	    sizeof *e->reads);
	e->whole = checklist_xreallocarray(e->whole, r->nwhole + 1,
	    sizeof *e->whole);
	for (k = 0; k < r->nreads; k++)
		e->reads[k] = nm->tags[root->pre + r->reads[k]]->q;
	for (k = 0; k < r->nwhole; k++)
		e->whole[k] = nm->tags[root->pre + r->whole[k]]->g;
	e->nreads = r->nreads;
	e->nwhole = r->nwhole;
	e->reads_any = r->reads_any;
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

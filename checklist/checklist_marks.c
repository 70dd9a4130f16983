/*
 * checklist_marks.c: the one reader of the workshop marks in a response
 * document (see checklist_marks.h and doc/response-format.md), the "to
 * review" mark included (checklist_review.c asks it). It only
 * reads attributes and the <conflicts> element; it never creates an
 * element, so a read-only view stays read-only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_marks.h"

#define MARKS_XC(s) ((const xmlChar *)(s))

/* The value of attribute NAME of EL, borrowed, or NULL. */
static const char *
checklist_marks_attr(xmlNodePtr el, const char *name)
{
	xmlAttrPtr a = xmlHasProp(el, MARKS_XC(name));

	if (a == NULL || a->children == NULL || a->children->content == NULL)
		return NULL;
	return (const char *)a->children->content;
}

static bool
checklist_marks_is(xmlNodePtr el, const char *name, const char *value)
{
	const char *v = checklist_marks_attr(el, name);

	return v != NULL && strcmp(v, value) == 0;
}

/* The one rule of the "to review" mark (doc/response-format.md), read
 * by checklist_review.c and render alike: review="last-cycle" (no other
 * value) on the element of a page's question (a repeat: the repeat's
 * element), as carry forward writes it; on an entry, on a question
 * inside one or on an "other" text it is no mark. */
static bool
checklist_marks_review(const struct checklist_question *q, bool other,
    xmlNodePtr el)
{
	return q != NULL && q->parent == NULL && !other &&
	    checklist_marks_is(el, CHECKLIST_ATTR_REVIEW,
	    CHECKLIST_REVIEW_LAST);
}

static void
checklist_marks_read(xmlNodePtr el, struct checklist_marks *m)
{
	m->conflict = checklist_marks_is(el, "conflict", "yes");
	m->agency = checklist_marks_attr(el, "from-agency");
	m->file = checklist_marks_attr(el, "from-file");
	m->time = checklist_marks_attr(el, "from-time");
}

/* Entry N (1-based) of repeat element EL, or NULL. */
static xmlNodePtr
checklist_marks_entry(xmlNodePtr el, size_t n)
{
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, MARKS_XC("entry")) && --n == 0)
			return c;
	return NULL;
}

/* PATH ending in "[N]": the repeat's element, then its entry N. */
static xmlNodePtr
checklist_marks_entry_path(struct checklist_response *r, const char *path)
{
	const struct checklist_question *q;
	size_t len = strlen(path);
	const char *open = strrchr(path, '[');
	char *repeat, *end;
	unsigned long n;
	xmlNodePtr el;
	bool other;

	if (open == NULL || len == 0 || path[len - 1] != ']' ||
	    strchr(open, '/') != NULL)
		return NULL;
	n = strtoul(open + 1, &end, 10);
	if (n == 0 || end != path + len - 1)
		return NULL;
	repeat = checklist_xstrndup(path, (size_t)(open - path));
	el = checklist_path_resolve(r, repeat, false, &q, &other);
	free(repeat);
	if (el == NULL || other || q->type != CHECKLIST_Q_REPEAT)
		return NULL;
	return checklist_marks_entry(el, n);
}

bool
checklist_marks_get(struct checklist_response *r, const char *path,
    struct checklist_marks *m)
{
	const struct checklist_question *q;
	xmlNodePtr el;
	bool other;

	memset(m, 0, sizeof *m);
	el = checklist_path_resolve(r, path, false, &q, &other);
	if (el == NULL) {
		el = checklist_marks_entry_path(r, path);
		q = NULL;
	}
	if (el == NULL)
		return false;
	checklist_marks_read(el, m);
	m->review = checklist_marks_review(q, other, el);
	return true;
}

bool
checklist_marks_any(const struct checklist_marks *m)
{
	return m->review || m->conflict || m->agency != NULL ||
	    m->file != NULL || m->time != NULL;
}

const char *
checklist_marks_agency(struct checklist_response *r)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);

	return root != NULL ? checklist_marks_attr(root, "agency") : NULL;
}

const char *
checklist_marks_scope(struct checklist_response *r)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);

	return root != NULL ? checklist_marks_attr(root, "scope") : NULL;
}

/* The element of group G, found without making it; NULL when absent. */
static xmlNodePtr
checklist_marks_group_node(struct checklist_response *r,
    const struct checklist_group *g)
{
	xmlNodePtr parent;

	if (g == NULL)
		return xmlDocGetRootElement(r->doc);
	parent = checklist_marks_group_node(r, g->parent);
	return parent != NULL ? checklist_child_named(parent, g->id) : NULL;
}

static void
checklist_marks_count_node(xmlNodePtr el, struct checklist_marks_count *c)
{
	xmlNodePtr n;

	for (n = el->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    xmlStrEqual(n->name, MARKS_XC("conflicts")))
			continue;
		if (checklist_marks_is(n, "conflict", "yes"))
			c->conflict++;
		checklist_marks_count_node(n, c);
	}
}

/* The marks to review on the questions of G and of the groups below. */
static size_t
checklist_marks_count_review(struct checklist_response *r,
    const struct checklist_group *g)
{
	xmlNodePtr gel = checklist_marks_group_node(r, g), el;
	size_t i, n = 0;

	if (gel == NULL)
		return 0;
	for (i = 0; i < g->nquestions; i++)
		if ((el = checklist_child_named(gel, g->questions[i]->id)) !=
		    NULL && checklist_marks_review(g->questions[i], false, el))
			n++;
	for (i = 0; i < g->nchildren; i++)
		n += checklist_marks_count_review(r, g->children[i]);
	return n;
}

void
checklist_marks_count_group(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_marks_count *c)
{
	xmlNodePtr el = checklist_marks_group_node(r, g);
	size_t i;

	memset(c, 0, sizeof *c);
	if (el != NULL)
		checklist_marks_count_node(el, c);
	if (g != NULL) {
		c->review = checklist_marks_count_review(r, g);
		return;
	}
	if (r->cl->front != NULL)
		c->review += checklist_marks_count_review(r, r->cl->front);
	for (i = 0; i < r->cl->nsections; i++)
		c->review += checklist_marks_count_review(r, r->cl->sections[i]);
}

/* Is a mark anywhere in R's document? A walk of it all. */
static bool
checklist_marks_walk(struct checklist_response *r)
{
	xmlNodePtr n = xmlDocGetRootElement(r->doc), root = n;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && (xmlStrEqual(n->name,
		    (const xmlChar *)"conflicts") ||
		    xmlHasProp(n, (const xmlChar *)CHECKLIST_ATTR_REVIEW) != NULL ||
		    xmlHasProp(n, (const xmlChar *)CHECKLIST_ATTR_CONFLICT) != NULL))
			return true;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return false;
}

unsigned long checklist_marks_walks;

bool
checklist_marks_none(struct checklist_response *r)
{
	const struct checklist_pcache *c = r->cache;

	return c != NULL && c->synced == r->changes && c->marks == 0;
}

/* Known on the progress cache between changes that can only take marks
 * away (a value given, a conflict settled), so that the list of
 * provisions does not walk 50,000 elements at each key. */
bool
checklist_marks_present(struct checklist_response *r)
{
	struct checklist_pcache *c = checklist_pcache_get(r);

	if (c != NULL && c->marks >= 0)
		return c->marks != 0;
	checklist_marks_walks++;
	if (c == NULL)
		return checklist_marks_walk(r);
	c->marks = checklist_marks_walk(r);
	return c->marks != 0;
}

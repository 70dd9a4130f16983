/*
 * checklist_marks.c: the one reader of the workshop marks in a response
 * document (see checklist_marks.h and doc/response-format.md). It only
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

static void
checklist_marks_read(xmlNodePtr el, struct checklist_marks *m)
{
	m->review = checklist_marks_is(el, "review", "last-cycle");
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
	if (el == NULL)
		el = checklist_marks_entry_path(r, path);
	if (el == NULL)
		return false;
	checklist_marks_read(el, m);
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
		if (checklist_marks_is(n, "review", "last-cycle"))
			c->review++;
		if (checklist_marks_is(n, "conflict", "yes"))
			c->conflict++;
		checklist_marks_count_node(n, c);
	}
}

void
checklist_marks_count_group(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_marks_count *c)
{
	xmlNodePtr el = checklist_marks_group_node(r, g);

	memset(c, 0, sizeof *c);
	if (el != NULL)
		checklist_marks_count_node(el, c);
}

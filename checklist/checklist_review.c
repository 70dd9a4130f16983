/*
 * checklist_review.c: the "to review" marks of answers carried forward
 * from a previous cycle (review="last-cycle" on a question's element,
 * doc/response-format.md): finding, counting and confirming them, and
 * dropping one when its answer changes (checklist_path.c calls
 * checklist_review_drop on every change of a value or of the entries).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_marks.h"

void
checklist_review_drop(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el)
{
	size_t up = 0; /* EL's levels under Q's page-level element */
	bool above = false; /* at a group's element, or the root */

	for (; q->parent != NULL; q = q->parent)
		up += 2; /* an entry, then the repeat's element */
	for (; el != NULL && el->type == XML_ELEMENT_NODE; el = el->parent) {
		if (xmlHasProp(el, (const xmlChar *)CHECKLIST_ATTR_REVIEW)) {
			xmlUnsetProp(el, (const xmlChar *)CHECKLIST_ATTR_REVIEW);
			if (above)
				checklist_touch_all(r);
		}
		if (up-- == 0)
			above = true;
	}
}

static xmlNodePtr
checklist_review_el(struct checklist_response *r, const char *path,
    const struct checklist_question **q)
{
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, q, &other);

	return el != NULL && !other ? el : NULL;
}

/* The rule of the mark is the marks reader's (checklist_marks.c). */
bool
checklist_review_marked(struct checklist_response *r, const char *path)
{
	struct checklist_marks m;

	return checklist_marks_get(r, path, &m) && m.review;
}

bool
checklist_review_confirm(struct checklist_response *r, const char *path)
{
	const struct checklist_question *q;
	xmlNodePtr el;

	if (!checklist_review_marked(r, path) ||
	    (el = checklist_review_el(r, path, &q)) == NULL)
		return false;
	checklist_touch(r, q);
	xmlUnsetProp(el, (const xmlChar *)CHECKLIST_ATTR_REVIEW);
	r->changes++;
	return true;
}

size_t
checklist_review_count(struct checklist_response *r,
    const struct checklist_group *g)
{
	const struct checklist *cl = r->cl;
	size_t i, n = 0;

	if (g != NULL) {
		for (i = 0; i < g->nquestions; i++)
			n += checklist_review_marked(r, g->questions[i]->path);
		return n;
	}
	for (i = 0; i < cl->npages; i++)
		n += checklist_review_count(r, cl->pages[i]);
	return n;
}

const struct checklist_question *
checklist_review_next(struct checklist_response *r,
    const struct checklist_question *after)
{
	const struct checklist *cl = r->cl;
	size_t i, start = 0, k;

	if (after != NULL) {
		while (after->parent != NULL)
			after = after->parent;
		for (i = 0; i < cl->nall; i++)
			if (cl->all[i] == after)
				start = i + 1;
	}
	for (k = 0; k < cl->nall; k++) {
		const struct checklist_question *q =
		    cl->all[(start + k) % cl->nall];

		if (q->parent == NULL && checklist_review_marked(r, q->path))
			return q;
	}
	return NULL;
}

/* Is IT's value an answer: not empty, and not just its question's
 * default in a new response? */
static bool
checklist_review_answer(const struct checklist *cl,
    const struct checklist_flat_item *it)
{
	const struct checklist_question *q;

	if (it->other != NULL && it->other[0] != '\0')
		return true;
	if (it->value[0] == '\0')
		return false;
	if (strchr(it->path, '[') != NULL)
		return true;
	q = checklist_find_question(cl, it->path);
	return q == NULL || q->default_value == NULL ||
	    strcmp(q->default_value, it->value) != 0;
}

bool
checklist_response_has_answers(struct checklist_response *r)
{
	struct checklist_flat f;
	size_t i;
	bool any = false;

	checklist_flat_read(xmlDocGetRootElement(r->doc), &f);
	for (i = 0; i < f.n && !any; i++)
		any = checklist_review_answer(r->cl, &f.v[i]);
	checklist_flat_free(&f);
	return any;
}

/*
 * checklist_warn.c: what a definition may legally say but surely does
 * not mean, kept as warnings on the loaded checklist (data: the model
 * never prints; `sacl validate` shows them):
 * - a template that no provision uses;
 * - a question of a template that every provision using the template
 *   omits or replaces: it is never asked as written;
 * - a section whose provisions ask nothing at all;
 * - a provision that asks nothing and has no items (not even a heading).
 * The questions asked from templates, and the templates provisions
 * name, are sorted once and looked up by binary search: n log n, not
 * templates x questions or templates x document.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

static void checklist_warn(struct checklist *cl, int line, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

static void
checklist_warn(struct checklist *cl, int line, const char *fmt, ...)
{
	struct checklist_error *w;
	va_list ap;

	/* Room for a power of two of them: grown by doubling. */
	if ((cl->nwarnings & (cl->nwarnings - 1)) == 0)
		cl->warnings = checklist_xreallocarray(cl->warnings,
		    cl->nwarnings ? 2 * cl->nwarnings : 1, sizeof *cl->warnings);
	w = &cl->warnings[cl->nwarnings++];
	checklist_error_clear(w);
	snprintf(w->file, sizeof w->file, "%s", cl->source);
	w->line = line;
	va_start(ap, fmt);
	vsnprintf(w->message, sizeof w->message, fmt, ap);
	va_end(ap);
}

/* A question asked from a template (at the top of the template). */
struct checklist_warn_asked {
	int tline;      /* the line of its <template> */
	const char *id; /* or NULL in a key: any id */
};

/* The questions asked from templates, sorted by (line, id). */
struct checklist_warn_index {
	size_t n;
	struct checklist_warn_asked *q;
};

/* By template line, then by id; a NULL id (a key) matches any. */
static int
checklist_warn_asked_cmp(const void *a, const void *b)
{
	const struct checklist_warn_asked *x = a, *y = b;

	if (x->tline != y->tline)
		return (x->tline > y->tline) - (x->tline < y->tline);
	if (x->id == NULL || y->id == NULL)
		return 0;
	return strcmp(x->id, y->id);
}

static void
checklist_warn_index(struct checklist_warn_index *ix,
    const struct checklist *cl)
{
	size_t i;

	ix->n = 0;
	ix->q = checklist_xreallocarray(NULL, cl->nall ? cl->nall : 1,
	    sizeof *ix->q);
	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->template_line != 0 && cl->all[i]->parent == NULL) {
			ix->q[ix->n].tline = cl->all[i]->template_line;
			ix->q[ix->n++].id = cl->all[i]->id;
		}
	qsort(ix->q, ix->n, sizeof *ix->q, checklist_warn_asked_cmp);
}

/* Is a question written at template line TLINE with id ID (at the top
 * of the template; any id when NULL) asked anywhere? */
static bool
checklist_warn_asked(const struct checklist_warn_index *ix, int tline,
    const char *id)
{
	struct checklist_warn_asked key = { tline, id };

	return ix->n > 0 && bsearch(&key, ix->q, ix->n, sizeof *ix->q,
	    checklist_warn_asked_cmp) != NULL;
}

/* The templates the provisions of the document name, sorted. */
struct checklist_warn_named {
	size_t n, size;
	char **ids;
};

static int
checklist_warn_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the templates named by the provisions under N (not those inside
 * a <template>) to NM. */
static void
checklist_warn_names(struct checklist_warn_named *nm, xmlNodePtr n)
{
	xmlNodePtr c;
	char *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    checklist_xml_is(c, "template"))
			continue;
		if (checklist_xml_is(c, "provision") &&
		    (t = checklist_xml_attr(c, "template")) != NULL) {
			if (nm->n == nm->size) {
				nm->size = nm->size ? 2 * nm->size : 16;
				nm->ids = checklist_xreallocarray(nm->ids, nm->size,
				    sizeof *nm->ids);
			}
			nm->ids[nm->n++] = t;
		}
		checklist_warn_names(nm, c);
	}
}

/* Does a provision name template ID? */
static bool
checklist_warn_named(const struct checklist_warn_named *nm, const char *id)
{
	return id != NULL && nm->n > 0 && bsearch(&id, nm->ids, nm->n,
	    sizeof *nm->ids, checklist_warn_str_cmp) != NULL;
}

static void
checklist_warn_template(struct checklist *cl,
    const struct checklist_warn_index *ix,
    const struct checklist_warn_named *nm, xmlNodePtr t)
{
	int tline = (int)xmlGetLineNo(t);
	char *id = checklist_xml_attr(t, "id"), *qid;
	xmlNodePtr c;

	if (!checklist_warn_asked(ix, tline, NULL) &&
	    !checklist_warn_named(nm, id)) {
		checklist_warn(cl, tline, _("template '%s' is used by no provision"),
		    id);
		free(id);
		return;
	}
	for (c = t->children; c != NULL; c = c->next) {
		if (!checklist_xml_is(c, "question"))
			continue;
		qid = checklist_xml_attr(c, "id");
		if (!checklist_warn_asked(ix, tline, qid))
			checklist_warn(cl, (int)xmlGetLineNo(c), _("question '%s' of "
			    "template '%s' is omitted or replaced by every "
			    "provision that uses the template: it is never asked"),
			    qid, id);
		free(qid);
	}
	free(id);
}

/* Does G, or a provision inside it, ask a question? */
static bool
checklist_warn_asks(const struct checklist_group *g)
{
	size_t i;

	if (g->nquestions > 0)
		return true;
	for (i = 0; i < g->nchildren; i++)
		if (checklist_warn_asks(g->children[i]))
			return true;
	return false;
}

static void
checklist_warn_group(struct checklist *cl, const struct checklist_group *g)
{
	size_t i;

	if (g->kind == CHECKLIST_G_SECTION && !checklist_warn_asks(g)) {
		checklist_warn(cl, g->line, _("section '%s' asks nothing: none of "
		    "its provisions has a question"), g->id);
		return;
	}
	if (g->kind == CHECKLIST_G_PROVISION && g->nquestions == 0 &&
	    g->nchildren == 0)
		checklist_warn(cl, g->line, _("provision '%s' asks nothing: it has "
		    "no template, no questions and no items"), g->id);
	for (i = 0; i < g->nchildren; i++)
		checklist_warn_group(cl, g->children[i]);
}

static int
checklist_warn_by_line(const void *a, const void *b)
{
	const struct checklist_error *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

void
checklist_warn_collect(struct checklist *cl, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), c;
	struct checklist_warn_index ix;
	struct checklist_warn_named nm = { 0, 0, NULL };
	size_t i;

	checklist_warn_index(&ix, cl);
	checklist_warn_names(&nm, root);
	if (nm.n > 1)
		qsort(nm.ids, nm.n, sizeof *nm.ids, checklist_warn_str_cmp);
	for (c = root->children; c != NULL; c = c->next)
		if (checklist_xml_is(c, "template"))
			checklist_warn_template(cl, &ix, &nm, c);
	for (i = 0; i < nm.n; i++)
		free(nm.ids[i]);
	free(nm.ids);
	free(ix.q);
	for (i = 0; i < cl->nsections; i++)
		checklist_warn_group(cl, cl->sections[i]);
	if (cl->nwarnings > 1)
		qsort(cl->warnings, cl->nwarnings, sizeof *cl->warnings,
		    checklist_warn_by_line);
}

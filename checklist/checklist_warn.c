/*
 * checklist_warn.c: what a definition may legally say but surely does
 * not mean, kept as warnings on the loaded checklist (data: the model
 * never prints; `sacl validate` shows them):
 * - a template that no provision uses;
 * - a question of a template that every provision using the template
 *   omits or replaces: it is never asked as written;
 * - a section whose provisions ask nothing at all;
 * - a provision that asks nothing and has no items (not even a heading).
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

	cl->warnings = checklist_xreallocarray(cl->warnings, cl->nwarnings + 1,
	    sizeof *cl->warnings);
	w = &cl->warnings[cl->nwarnings++];
	checklist_error_clear(w);
	snprintf(w->file, sizeof w->file, "%s", cl->source);
	w->line = line;
	va_start(ap, fmt);
	vsnprintf(w->message, sizeof w->message, fmt, ap);
	va_end(ap);
}

/* Is a question written at template line TLINE with id ID (at the top
 * of the template; any id when NULL) asked anywhere? */
static bool
checklist_warn_asked(const struct checklist *cl, int tline, const char *id)
{
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->template_line == tline &&
		    cl->all[i]->parent == NULL &&
		    (id == NULL || strcmp(cl->all[i]->id, id) == 0))
			return true;
	return false;
}

/* Does a provision of DOC name template ID? */
static bool
checklist_warn_named(xmlNodePtr n, const char *id)
{
	xmlNodePtr c;
	char *t;
	bool yes = false;

	for (c = n->children; c != NULL && !yes; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (checklist_xml_is(c, "provision")) {
			t = checklist_xml_attr(c, "template");
			yes = t != NULL && strcmp(t, id) == 0;
			free(t);
		}
		if (!yes && !checklist_xml_is(c, "template"))
			yes = checklist_warn_named(c, id);
	}
	return yes;
}

static void
checklist_warn_template(struct checklist *cl, xmlNodePtr root, xmlNodePtr t)
{
	int tline = (int)xmlGetLineNo(t);
	char *id = checklist_xml_attr(t, "id"), *qid;
	xmlNodePtr c;

	if (!checklist_warn_asked(cl, tline, NULL) &&
	    !checklist_warn_named(root, id)) {
		checklist_warn(cl, tline, _("template '%s' is used by no provision"),
		    id);
		free(id);
		return;
	}
	for (c = t->children; c != NULL; c = c->next) {
		if (!checklist_xml_is(c, "question"))
			continue;
		qid = checklist_xml_attr(c, "id");
		if (!checklist_warn_asked(cl, tline, qid))
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
	size_t i;

	for (c = root->children; c != NULL; c = c->next)
		if (checklist_xml_is(c, "template"))
			checklist_warn_template(cl, root, c);
	for (i = 0; i < cl->nsections; i++)
		checklist_warn_group(cl, cl->sections[i]);
	if (cl->nwarnings > 1)
		qsort(cl->warnings, cl->nwarnings, sizeof *cl->warnings,
		    checklist_warn_by_line);
}

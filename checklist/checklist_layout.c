/*
 * checklist_layout.c: the model laid out once built: each question's
 * path (its group and the ids on the way), the pages (the groups a user
 * fills, in order) and the list of all questions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_build.h"

static void
checklist_layout_question(struct checklist *cl, struct checklist_question *q,
    const char *prefix)
{
	size_t i;

	q->path = checklist_xjoin(prefix, "/", q->id);
	if ((cl->nall & (cl->nall - 1)) == 0) /* 0, 1, 2, 4...: double */
		cl->all = checklist_xreallocarray(cl->all,
		    cl->nall ? 2 * cl->nall : 1, sizeof *cl->all);
	cl->all[cl->nall++] = q;
	for (i = 0; i < q->nchildren; i++) {
		q->children[i]->group = q->group;
		checklist_layout_question(cl, q->children[i], q->path);
	}
}

static void
checklist_layout_group(struct checklist *cl, struct checklist_group *g)
{
	size_t i;

	if (g->kind != CHECKLIST_G_SECTION) {
		cl->pages = checklist_xreallocarray(cl->pages, cl->npages + 1,
		    sizeof *cl->pages);
		cl->pages[cl->npages++] = g;
	}
	for (i = 0; i < g->nquestions; i++)
		checklist_layout_question(cl, g->questions[i], g->id);
	for (i = 0; i < g->nchildren; i++)
		checklist_layout_group(cl, g->children[i]);
}

void
checklist_layout(struct checklist *cl)
{
	size_t i;

	if (cl->front != NULL)
		checklist_layout_group(cl, cl->front);
	for (i = 0; i < cl->nsections; i++)
		checklist_layout_group(cl, cl->sections[i]);
}

/*
 * checklist_undo.c: taking back committed changes, one by one.
 *
 * The history keeps copies of the response document as it was before
 * each change, newest last, up to a fixed depth. It is told of changes
 * after they happen (checklist_undo_note(): the response's change
 * counter moved), so that every way of changing a response (a value, an
 * "other" text cleared with its choice, entries added, moved, removed)
 * is undone alike, without a second copy of the rules that made it.
 * A whole document per step is simple and exact; it costs one copy per
 * change, as saving the file already does.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_undo {
	struct checklist_response *r;
	size_t depth;
	xmlDocPtr current;       /* the document as last noted */
	unsigned long changes;   /* r->changes when last noted */
	xmlDocPtr *past;         /* oldest first */
	size_t npast;
};

static xmlDocPtr
checklist_undo_copy(xmlDocPtr doc)
{
	xmlDocPtr copy = xmlCopyDoc(doc, 1);

	if (copy == NULL)
		checklist_fatal(_("out of memory (undo)"));
	return copy;
}

struct checklist_undo *
checklist_undo_new(struct checklist_response *r, size_t depth)
{
	struct checklist_undo *u = checklist_xcalloc(1, sizeof *u);

	u->r = r;
	u->depth = depth > 0 ? depth : 1;
	u->current = checklist_undo_copy(r->doc);
	u->changes = r->changes;
	u->past = checklist_xcalloc(u->depth, sizeof *u->past);
	return u;
}

void
checklist_undo_free(struct checklist_undo *u)
{
	size_t i;

	if (u == NULL)
		return;
	for (i = 0; i < u->npast; i++)
		xmlFreeDoc(u->past[i]);
	xmlFreeDoc(u->current);
	free(u->past);
	free(u);
}

void
checklist_undo_note(struct checklist_undo *u)
{
	if (u->r->changes == u->changes)
		return;
	if (u->npast == u->depth) { /* forget the oldest */
		xmlFreeDoc(u->past[0]);
		memmove(u->past, u->past + 1, (u->depth - 1) * sizeof *u->past);
		u->npast--;
	}
	u->past[u->npast++] = u->current;
	u->current = checklist_undo_copy(u->r->doc);
	u->changes = u->r->changes;
}

size_t
checklist_undo_count(const struct checklist_undo *u)
{
	return u->npast;
}

bool
checklist_undo_step(struct checklist_undo *u)
{
	struct checklist_response *r = u->r;

	checklist_undo_note(u); /* a change not noted yet is undone first */
	if (u->npast == 0)
		return false;
	checklist_response_replace_doc(r,
	    checklist_undo_copy(u->past[u->npast - 1]));
	xmlFreeDoc(u->current);
	u->current = u->past[--u->npast];
	r->changes++;
	u->changes = r->changes;
	return true;
}

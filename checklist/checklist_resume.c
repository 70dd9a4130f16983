/*
 * checklist_resume.c: where the user was, kept in the response file
 * (root attribute `resume`, a value path), so that `sacl fill` reopens
 * at the question last visited. It is a bookmark, not an answer: it is
 * not counted as a change, not undone, and not exported.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

#define CHECKLIST_RESUME_ATTR "resume"

char *
checklist_response_resume(struct checklist_response *r)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	xmlChar *v = root != NULL ? xmlGetProp(root,
	    (const xmlChar *)CHECKLIST_RESUME_ATTR) : NULL;
	char *out = NULL;

	if (v != NULL && checklist_response_get(r, (const char *)v) != NULL)
		out = checklist_xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

bool
checklist_response_set_resume(struct checklist_response *r, const char *path)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	char *old;
	bool same;

	if (root == NULL || path == NULL)
		return false;
	old = checklist_response_resume(r);
	same = old != NULL && strcmp(old, path) == 0;
	free(old);
	if (!same)
		xmlSetProp(root, (const xmlChar *)CHECKLIST_RESUME_ATTR,
		    (const xmlChar *)path);
	return !same;
}

/*
 * checklist_internal_names.h: what the resolution of names
 * (checklist_names.c) shares with its skeleton (checklist_names_skel.c)
 * and with the copies of a template resolved once
 * (checklist_names_copy.c): the skeleton's tags and the state of the
 * check under way. Not used outside those three files.
 */
#ifndef SACL_CHECKLIST_INTERNAL_NAMES_H
#define SACL_CHECKLIST_INTERNAL_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "checklist/checklist_internal.h"

/* What a skeleton element stands for (its _private). The elements are
 * numbered in document order (PRE, their index in the names' TAGS); an
 * element's descendants are numbered PRE + 1 to END - 1. Element names
 * are interned in the skeleton's dictionary: one name, one pointer. */
struct checklist_names_tag {
	const struct checklist_question *q; /* the question, or the repeat */
	const struct checklist_group *g;
	bool entry; /* an entry of the repeat Q */
	xmlNodePtr node;
	size_t pre, end;
	size_t shape; /* a group's: its shape's number (copy.c), 0 not yet */
};

struct checklist_names_memo;

struct checklist_names {
	const struct checklist *cl;
	xmlDocPtr doc;
	xmlXPathContextPtr x;
	xmlNodePtr *qnodes; /* by the question's index in cl->all */
	xmlHashTablePtr gnodes; /* the group's id -> its element */
	xmlHashTablePtr xops;   /* an expression's source -> its operations
	                         * (read once: templates share sources) */
	xmlHashTablePtr paths;  /* a path's XPath -> its compiled form
	                         * (compiled once: the copies of a template
	                         * resolve the same paths) */
	size_t ntags;
	struct checklist_names_tag *tags; /* in document order, never moved */
	struct checklist_names_memo *memo; /* copy.c's, or NULL */
	/* the check under way */
	struct checklist_expr *e;
	const char *source;
	xmlNodePtr context;
	char *msg;
	size_t size;
	bool failed;
	/* the group the context stands in, and whether every node the
	 * check looked at was inside it, found from inside it alone */
	const struct checklist_names_tag *root;
	bool local;
	const char *tests[16]; /* the names its steps test (their xops') */
	size_t ntests;
};

/* The skeleton's (skel.c): the operations of SOURCE, read once per
 * source (NULL: too deep); XPATH compiled, once per text (NULL: it does
 * not compile, said in CHECKLIST_NAMES_LAST_ERROR by the context's
 * handler). */
const struct checklist_xop *checklist_names_xops(struct checklist_names *nm,
    const char *source);
xmlXPathCompExprPtr checklist_names_compiled(struct checklist_names *nm,
    const char *xpath);
extern char checklist_names_last_error[256];

/* The full resolution of E at CONTEXT (names.c). */
bool checklist_names_resolve(struct checklist_names *nm,
    struct checklist_expr *e, xmlNodePtr context, char *msg, size_t size);

/* Resolve E at CONTEXT (a question's element): taken from the first
 * copy of its template with the same shape when there is one, else
 * resolved in full (copy.c). */
bool checklist_names_copy_check(struct checklist_names *nm,
    struct checklist_expr *e, xmlNodePtr context, char *msg, size_t size);
void checklist_names_memo_free(struct checklist_names_memo *m);
/* Stop: out of memory while resolving names (names.c). */
_Noreturn void checklist_names_nomem(void);
/* Full resolutions so far (checklist_names_counts()). */
extern unsigned long checklist_names_full;

#endif /* SACL_CHECKLIST_INTERNAL_NAMES_H */

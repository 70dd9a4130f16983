/*
 * checklist_internal_path.h: private to checklist/: what the three files
 * of value paths share.
 *   checklist_path_elements.c  the response's element of each group and
 *                              page-level question, found once and kept;
 *   checklist_path.c           a path resolved to its element, and the
 *                              entries of a repeat;
 *   checklist_path_values.c    values got, checked and set.
 * The nodes returned belong to the response's document.
 */
#ifndef SACL_CHECKLIST_INTERNAL_PATH_H
#define SACL_CHECKLIST_INTERNAL_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

/* The longest path without entry indexes looked up in the index. */
#define CHECKLIST_PATH_KEY 256

/* The entries a resolution made, one run at the end of each list it
 * crossed, so that a refused value can take them back. */
struct checklist_made {
	size_t n;
	xmlNodePtr first[8];
};

/* PARENT's child named NAME; made (a new last child) when missing and
 * CREATE, else NULL. */
xmlNodePtr checklist_path_child(xmlNodePtr parent, const char *name,
    bool create);

/* The element of Q, a page-level question of group G, under G's element
 * NODE (kept: see checklist_path_elements.c); made when missing with
 * CREATE, else NULL. */
xmlNodePtr checklist_question_el(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q, bool create);

/* checklist_path_resolve(), noting in MADE (or NULL) the entries made on
 * the way. */
xmlNodePtr checklist_path_resolve_made(struct checklist_response *r,
    const char *path, bool create, const struct checklist_question **q,
    bool *other, struct checklist_made *made);

/* Take back the entries MADE noted, innermost first. */
void checklist_path_unmake(struct checklist_made *made);

#endif

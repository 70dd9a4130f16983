/*
 * checklist_internal_merge.h: what the two halves of a merge share
 * (checklist_merge.c: values, conflicts, the whole; checklist_merge_list.c:
 * lists merged entry by entry, and the files taken in). Not used outside
 * checklist/.
 */
#ifndef SACL_CHECKLIST_INTERNAL_MERGE_H
#define SACL_CHECKLIST_INTERNAL_MERGE_H

#include "checklist/checklist_internal.h"

#define XC(s) ((const xmlChar *)(s))

/* One merge under way: its inputs (borrowed), the output it makes. */
struct checklist_merge {
	struct checklist_response *base;
	const struct checklist_merge_input *in;
	size_t n;
	int prefer;
	struct checklist_response *out;
	struct checklist_merge_result *res;
	struct checklist_error *err;
};

/* The provenance attributes, in the order from-agency, -file, -time. */
extern const char *const checklist_merge_from[3];

/* Put on TO the provenance of FROM (an input's element) when it has
 * one, else input I's (I -1: the base's element only). */
void checklist_merge_stamp(struct checklist_merge *m, xmlNodePtr to,
    xmlNodePtr from, int i);
/* Add NOTE (taken) to the result's notes. */
void checklist_merge_note(struct checklist_merge *m, char *note);
/* Merge question Q (value path PATH): OUT its output element, INS[i]
 * each input's (NULL: takes no part), BASE the base's (or NULL). */
void checklist_merge_question(struct checklist_merge *m,
    const struct checklist_question *q, xmlNodePtr out, xmlNodePtr *ins,
    xmlNodePtr base, const char *path);
/* The same for a repeat: entry by entry (checklist_merge_list.c). */
void checklist_merge_list(struct checklist_merge *m,
    const struct checklist_question *q, xmlNodePtr out, xmlNodePtr *ins,
    xmlNodePtr base, const char *path);

#endif /* SACL_CHECKLIST_INTERNAL_MERGE_H */

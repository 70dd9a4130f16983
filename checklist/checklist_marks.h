/*
 * checklist_marks.h: reading the workshop marks of a response
 * (/work/notes/marks.md, doc/response-format.md "Workshop marks"): who
 * gave an answer (from-agency, from-file, from-time), an answer carried
 * from the last cycle to review (review="last-cycle"), a conflict left by
 * a merge (conflict="yes" and the <conflicts> list), and the file as a
 * contribution (response/@agency, @scope).
 *
 * Read only: the writers (merge, carry-forward) set and remove the
 * marks themselves. No curses here; nothing prints.
 *
 * Ownership: strings are borrowed from the response's document and live
 * until its next change. Marks are text from outside (a merged file):
 * sanitise before showing them.
 */
#ifndef SACL_CHECKLIST_MARKS_H
#define SACL_CHECKLIST_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist/checklist.h"

/* The marks of one value, or of one repeat entry. */
struct checklist_marks {
	bool review;         /* @review="last-cycle" on a page question's
	                      * element (a repeat's): to review */
	bool conflict;       /* @conflict="yes": values differ, unsettled */
	const char *agency;  /* @from-agency, or NULL */
	const char *file;    /* @from-file, or NULL */
	const char *time;    /* @from-time, or NULL */
};

/* The marks at PATH: a value path ("p9_1/status", "p9_1/measures[2]/
 * title") or an entry of a repeat ("p9_1/measures[2]"). False (and M
 * zeroed) when PATH names nothing. */
bool checklist_marks_get(struct checklist_response *r, const char *path,
    struct checklist_marks *m);
/* Does M say anything (a mark or a provenance)? */
bool checklist_marks_any(const struct checklist_marks *m);

/* The file as a contribution: response/@agency and @scope, or NULL. */
const char *checklist_marks_agency(struct checklist_response *r);
const char *checklist_marks_scope(struct checklist_response *r);

/* The conflicts themselves (their candidates): checklist_conflicts(),
 * checklist.h, with the merge that writes them. */

/* Counts of the marks below group G (a page, an article, or NULL for
 * the whole response): answers marked to review (of G's pages and
 * those below), values and entries in conflict. Relevant or not: a
 * mark is shown wherever it is. */
struct checklist_marks_count {
	size_t review;
	size_t conflict;
};
void checklist_marks_count_group(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_marks_count *c);

#endif /* SACL_CHECKLIST_MARKS_H */

/*
 * export_report_roles.h: what the role-driven reports share
 * (export_report_roles.c) and the reports themselves.
 */
#ifndef SACL_EXPORT_REPORT_ROLES_H
#define SACL_EXPORT_REPORT_ROLES_H

#include "export/export_report_internal.h"

/* One answer of a current submission, with what it belongs to; all
 * borrowed for the length of the callback. */
struct export_roles_row {
	sqlite3_int64 sub;
	const char *code, *state;   /* State code, and its label */
	const struct checklist *cl;
	const struct checklist_group *group;      /* its page */
	const struct checklist_question *question;
	const char *path, *value, *other;
	size_t entry;
	size_t order;  /* GROUP's place among its definition's pages */
};

/* The order rows are handed in: by checklist (id, version), then by
 * State code, submission, provision in the definition's order, entry;
 * or by provision first, then State... */
enum export_roles_sort {
	EXPORT_ROLES_BY_STATE,
	EXPORT_ROLES_BY_PROVISION,
};

/* Call FN for each answer with one of ROLES (NULL-terminated, at most
 * 3; or, with IN_LISTS, each answer in a list entry) of the current
 * submissions O keeps, in the order SORT. */
checklist_status export_roles_each(struct export_store *s,
    const struct export_report_options *o, const char *const *roles,
    bool in_lists, enum export_roles_sort sort,
    void (*fn)(const struct export_roles_row *r, void *arg), void *arg,
    struct checklist_error *err);
/* The definitions of the current submissions O keeps (each once, by
 * id then version; borrowed from S): *OUT, N of them. Free the array. */
checklist_status export_roles_checklists(struct export_store *s,
    const struct export_report_options *o, const struct checklist ***out,
    size_t *n, struct checklist_error *err);
/* TITLE, followed by CL's id and version when N > 1. Caller frees. */
char *export_roles_title(const char *title, const struct checklist *cl,
    size_t n);
/* Refuse when no definition covered declares ROLE on a provision. */
checklist_status export_roles_need(struct export_store *s,
    const struct export_report_options *o, const char *role,
    struct checklist_error *err);
/* The label of choice VALUE of Q in LANG (VALUE itself if none). */
const char *export_roles_choice(const struct checklist *cl,
    const struct checklist_question *q, const char *value, const char *lang);
/* "9.1 Title" of R's provision. Caller frees. */
char *export_roles_provision(const struct export_roles_row *r,
    const char *lang);

checklist_status export_report_status(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);
checklist_status export_report_choices(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);
checklist_status export_report_practices(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);
checklist_status export_report_measures(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);
checklist_status export_report_authorities(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);

#endif /* SACL_EXPORT_REPORT_ROLES_H */

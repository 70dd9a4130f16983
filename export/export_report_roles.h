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
};

/* Call FN for each answer with ROLE (or, with IN_LISTS, each answer in
 * a list entry) of the current submissions O keeps, by State. */
checklist_status export_roles_each(struct export_store *s,
    const struct export_report_options *o, const char *role, bool in_lists,
    void (*fn)(const struct export_roles_row *r, void *arg), void *arg,
    struct checklist_error *err);
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

/*
 * export_report_roles.c: the reports that need to know what a question
 * means (status, assistance, practices, challenges, measures,
 * authorities) find their questions by role in the definition.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_internal.h"

const char *
export_report_state_label(const struct checklist *cl, const char *code,
    const char *lang)
{
	(void)cl;
	(void)lang;
	return code;
}

checklist_status
export_report_roles(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	(void)s;
	(void)d;
	return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
	    "report '%s' needs roles in the definition", o->what);
}

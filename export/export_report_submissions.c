/*
 * export_report_submissions.c: `--what submissions`: every stored
 * submission, current and superseded, by State: submission id,
 * revision, checklist, exported, received, completeness (recomputed at
 * import from the answers), current or superseded.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_internal.h"

static const char *const export_subs_head[] = {
	N_("State"), N_("Code"), N_("Submission"), N_("Revision"),
	N_("Checklist"), N_("Exported"), N_("Received"), N_("Complete"),
	N_("Required answered"), N_("Status"),
};
#define EXPORT_SUBS_NCOLS \
	(sizeof export_subs_head / sizeof export_subs_head[0])

static const char export_subs_sql[] =
    "SELECT coalesce(s.state, ''), s.submission, s.revision, "
    "s.checklist_id, s.checklist_version, s.exported, s.received, "
    "s.complete, s.required_answered, s.required, "
    "s.id IN (SELECT id FROM current_submissions) "
    "FROM submissions s WHERE " EXPORT_REPORT_WHERE " "
    "ORDER BY s.checklist_id, coalesce(s.state, ''), s.exported, "
    "s.revision, s.id";

/* The label of the State of row ST (its checklist's own label). */
static const char *
export_subs_state(struct export_store *s, sqlite3_stmt *st,
    const struct export_report_options *o)
{
	const struct checklist *cl;
	struct checklist_error e;
	const char *code = export_store_text(st, 0);

	checklist_error_clear(&e);
	if (code[0] == '\0')
		return "(no State)";
	if (export_store_checklist(s, export_store_text(st, 3),
	    export_store_text(st, 4), &cl, &e) != CHECKLIST_OK)
		return code;
	return export_report_state_label(cl, code, o->lang);
}

/* One row of the table from ST. */
static void
export_subs_row(struct export_store *s, sqlite3_stmt *st,
    const struct export_report_options *o, struct export_rtable *t,
    size_t *current)
{
	const char *cells[EXPORT_SUBS_NCOLS];
	char *rev, *cl, *req;
	bool cur = sqlite3_column_int(st, 10) != 0;

	rev = checklist_xasprintf("%lld", sqlite3_column_int64(st, 2));
	cl = checklist_xasprintf("%s %s", export_store_text(st, 3),
	    export_store_text(st, 4));
	req = checklist_xasprintf("%lld/%lld", sqlite3_column_int64(st, 8),
	    sqlite3_column_int64(st, 9));
	cells[0] = export_subs_state(s, st, o);
	cells[1] = export_store_text(st, 0);
	cells[2] = export_store_text(st, 1);
	cells[3] = rev;
	cells[4] = cl;
	cells[5] = export_store_text(st, 5);
	cells[6] = export_store_text(st, 6);
	cells[7] = sqlite3_column_int(st, 7) ? _("yes") : _("no");
	cells[8] = req;
	cells[9] = cur ? _("current") : _("superseded");
	export_rtable_add(t, cells);
	*current += cur;
	free(rev);
	free(cl);
	free(req);
}

checklist_status
export_report_submissions(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, export_subs_sql);
	struct export_rtable *t;
	const char *head[EXPORT_SUBS_NCOLS];
	size_t i, current = 0;
	int rc;

	d->title = checklist_xstrdup(_("Submissions"));
	for (i = 0; i < EXPORT_SUBS_NCOLS; i++)
		head[i] = _(export_subs_head[i]);
	t = export_rdoc_table(d, _("Submissions received"), EXPORT_SUBS_NCOLS,
	    head);
	t->numeric[3] = true;
	export_report_bind(st, o);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (export_report_want_state(o, export_store_text(st, 0)))
			export_subs_row(s, st, o, t, &current);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return export_store_fail(s, _("reading the submissions"), err);
	t->note = checklist_xasprintf(P_("%zu submission, %zu current, %zu "
	    "superseded.", "%zu submissions, %zu current, %zu superseded.",
	    t->nrows), t->nrows, current, t->nrows - current);
	return CHECKLIST_OK;
}

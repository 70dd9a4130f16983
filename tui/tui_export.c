/*
 * tui_export.c: export from the screen (`x`). Commits and saves, asks the
 * export room what keeps the response from being complete
 * (export_check), lists it, each line naming the question (its label,
 * shortened, and its path; Enter opens its page with the focus on it),
 * and writes the package beside the response file under its default
 * name, always a new file (export_write_new), then saves the response,
 * which export_write stamped with the new revision. An incomplete
 * package is written only when the user asks on purpose (`w`, or the
 * last line of the list); it is then marked incomplete inside.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "tui/tui_app.h"

/* The label of a problem's question cut to this many columns. */
#define TUI_EXPORT_LABEL 36

/* "5.3  Status of implementation (p5_3/status): required, not answered".
 * Caller frees. */
static char *
tui_export_line(struct tui_app *app, const struct export_problem *p)
{
	char *where = p->group != NULL ? tui_group_name(app, p->group) :
	    checklist_xstrdup("");
	char *label = tui_text_fit(export_problem_label(app->cl, p, app->lang),
	    TUI_EXPORT_LABEL, false);
	char *line = checklist_xasprintf("%s  %s (%s): %s", where, label,
	    p->path, p->reason);

	free(where);
	free(label);
	return line;
}

/* One line per problem, then the line that writes anyway. */
static size_t
tui_export_lines(struct tui_app *app, const struct export_problems *p,
    char ***lines)
{
	size_t i, n = 0;
	char *line;

	*lines = NULL;
	for (i = 0; i < p->n; i++) {
		line = tui_export_line(app, &p->v[i]);
		tui_lines_add(lines, &n, line);
		free(line);
	}
	tui_lines_add(lines, &n, _(">> Write the package anyway, marked "
	    "incomplete"));
	return n;
}

/* Write the package; say where, or why not. */
static unsigned
tui_export_write(struct tui_app *app, const struct export_options *o,
    const char *dir)
{
	struct checklist_error err;
	char *path = NULL;

	checklist_error_clear(&err);
	if (export_write_new(app->resp, o, dir, &path, &err) != CHECKLIST_OK)
		tui_message(app, true, _("Not exported: %s"),
		    checklist_error_text(&err));
	else if (tui_app_save(app))
		tui_message(app, false, _("Package written: %s"), path);
	free(path);
	return TUI_R_DRAW | TUI_R_NAV;
}

/* The problems of an incomplete response: jump to one, or go on. */
static unsigned
tui_export_incomplete(struct tui_app *app, struct export_options *o,
    const struct export_problems *p, const char *dir)
{
	char **lines, *title;
	size_t n = tui_export_lines(app, p, &lines);
	int pick;
	unsigned r = TUI_R_DRAW;
	wint_t key = 0;

	title = checklist_xasprintf(_("Not complete: %zu missing, %zu invalid"),
	    p->missing, p->invalid);
	pick = tui_dialog_list_keys(app, title, _("Enter: go there   w: write "
	    "the package anyway, marked incomplete   Esc: close"), lines, n, "w",
	    &key);
	if (pick >= 0 && (size_t)pick < p->n && app->signal == 0)
		r |= tui_app_open(app, p->v[pick].group, p->v[pick].path);
	else if (((pick >= 0 && (size_t)pick == p->n) || key == 'w') &&
	    app->signal == 0) {
		o->force = true;
		r |= tui_export_write(app, o, dir);
	}
	free(title);
	tui_lines_free(lines, n);
	return r;
}

unsigned
tui_export_run(struct tui_app *app)
{
	struct export_options o;
	struct export_problems p;
	char *dir, *q, *name;
	unsigned r = TUI_R_DRAW;

	if (!tui_app_leave(app, &r))
		return r;
	dir = export_base_dir(app->file);
	memset(&o, 0, sizeof o);
	o.base_dir = dir;
	export_check(app->resp, &o, &p);
	o.checked = &p; /* unchanged until written: not checked again */
	if (p.n > 0)
		r |= tui_export_incomplete(app, &o, &p, dir);
	else {
		name = export_default_name(app->resp, 0);
		q = checklist_xasprintf(_("Every required answer is given. Write "
		    "the package %s/%s?"), dir, name);
		if (tui_dialog_yesno(app, q))
			r |= tui_export_write(app, &o, dir);
		free(q);
		free(name);
	}
	export_problems_free(&p);
	free(dir);
	return r;
}

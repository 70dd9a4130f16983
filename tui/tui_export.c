/*
 * tui_export.c: export from the screen (`x`). Commits and saves, asks the
 * export room what keeps the response from being complete
 * (export_check), lists it, each line naming the question (its label,
 * shortened, and its path; Enter opens its page with the focus on it),
 * and writes the package beside the response file under its default
 * name, always a new file (export_write_new), saving the response
 * stamped with the new revision before the package is written
 * (export_options.commit, as `sacl export` does). An incomplete
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

/* What export_options.commit calls, once the package is built and the
 * response stamped with its revision, before any byte of it is written:
 * save the response (as `sacl export` does), so that a package that
 * then fails only skips a revision, and one never written (the save
 * failed) leaves the response as it was: no revision is used twice. */
static checklist_status
tui_export_commit(struct checklist_response *r, void *arg,
    struct checklist_error *err)
{
	struct tui_app *app = arg;
	checklist_status st = checklist_response_save(r, app->file, err);

	if (st == CHECKLIST_OK)
		app->dirty = false;
	return st;
}

/* Say where the package is, and what it left out because the
 * checklist does not ask it (an answer from another version, a hand
 * edit): as an error, to be seen. */
static void
tui_export_written(struct tui_app *app, const char *path,
    const struct export_strays *st)
{
	char *first;

	if (st->n == 0) {
		tui_message(app, false, _("Package written: %s"), path);
		return;
	}
	first = checklist_sanitize(st->paths[0], false);
	/* first: the path may fill the line */
	tui_message(app, true, P_("%zu element the checklist does not ask was "
	    "left out (%s); package written: %s", "%zu elements the checklist "
	    "does not ask were left out (%s, ...); package written: %s",
	    st->n), st->n, first, path);
	free(first);
}

/* Write the package; say where, or why not. */
static unsigned
tui_export_write(struct tui_app *app, struct export_options *o,
    const char *dir)
{
	struct export_strays strays = { 0 };
	struct checklist_error err;
	char *path = NULL;
	xmlChar *before = xmlGetProp(xmlDocGetRootElement(app->resp->doc),
	    (const xmlChar *)"revision"), *after;

	checklist_error_clear(&err);
	o->commit = tui_export_commit;
	o->commit_arg = app;
	o->strays = &strays;
	if (export_write_new(app->resp, o, dir, &path, &err) == CHECKLIST_OK) {
		tui_export_written(app, path, &strays);
	} else {
		after = xmlGetProp(xmlDocGetRootElement(app->resp->doc),
		    (const xmlChar *)"revision");
		if (after != NULL && (before == NULL ||
		    xmlStrcmp(before, after) != 0))
			tui_message(app, true, _("Not exported: %s (revision %s is "
			    "recorded as used: the next export is the one after)"),
			    checklist_error_text(&err), (const char *)after);
		else
			tui_message(app, true, _("Not exported: %s"),
			    checklist_error_text(&err));
		xmlFree(after);
	}
	xmlFree(before);
	free(path);
	export_strays_free(&strays);
	o->strays = NULL;
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

	struct checklist_error err;

	if (!tui_app_leave(app, &r))
		return r;
	checklist_error_clear(&err);
	if (checklist_response_submittable(app->resp, app->file, &err) !=
	    CHECKLIST_OK) {
		tui_dialog_message(app, _("Not a submission"), err.message);
		return r;
	}
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

/*
 * tui_workshop.c: the workshop parts of `sacl fill`: a contribution's
 * agency asked once, `c` to the next conflict a merge left, and F7 to
 * settle the conflict of the question with the focus, one by one (take
 * one value, take another, edit, or keep both in a long text). Settling
 * is one change: saved and undone like any other (the model,
 * checklist_conflict_settle, says what changes).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

void
tui_workshop_ask_agency(struct tui_app *app)
{
	char *scope = checklist_scope_describe(app->resp);
	char *agency = checklist_response_agency(app->resp), *name, *label;
	struct checklist_error err;
	size_t len;

	if (scope != NULL && agency == NULL && !app->readonly) {
		tui_app_behind(app);
		label = checklist_xasprintf(_("This file is a contribution "
		    "(%s). Your agency, recorded once:"), scope);
		name = tui_dialog_prompt(app, label);
		free(label);
		len = name != NULL ? strlen(name) : 0;
		while (len > 0 && name[len - 1] == ' ')
			name[--len] = '\0';
		checklist_error_clear(&err);
		if (len > 0) { /* not an answer: saved, not undone */
			checklist_scope_set(app->resp, NULL, name);
			if (checklist_response_save(app->resp, app->file, &err)
			    != CHECKLIST_OK)
				app->dirty = true;
		}
		free(name);
	}
	free(scope);
	free(agency);
}

/* The conflict after value path AFTER (NULL: from the first), wrapping
 * round; its index in C, or N when none. */
static size_t
tui_workshop_next(const struct checklist_conflict *c, size_t n,
    const char *after)
{
	size_t i;

	for (i = 0; after != NULL && i < n; i++)
		if (strcmp(c[i].path, after) == 0)
			return (i + 1) % n;
	return n > 0 ? 0 : n;
}

unsigned
tui_workshop_next_conflict(struct tui_app *app)
{
	struct checklist_conflict *c;
	size_t n, i;
	unsigned r = TUI_R_NONE;
	const char *after = NULL;
	char *path, *gid;
	const struct checklist_group *g;

	if (!app->nav_focus && app->page != NULL) {
		if (!tui_app_leave(app, &r))
			return r | TUI_R_DRAW;
		after = forms_page_current_path(app->page);
	}
	n = checklist_conflicts(app->resp, &c);
	i = tui_workshop_next(c, n, after);
	if (i == n) {
		checklist_conflicts_free(c, n);
		tui_message(app, false, _("No conflict is left to settle."));
		return r | TUI_R_DRAW;
	}
	path = checklist_xstrdup(c[i].path);
	tui_message(app, false, _("Conflict %zu of %zu: F7 settles it."), i + 1,
	    n);
	checklist_conflicts_free(c, n);
	gid = checklist_xstrndup(path, strcspn(path, "/"));
	g = checklist_find_group(app->cl, gid);
	r |= g != NULL ? tui_app_open(app, g, path) : TUI_R_DRAW;
	free(gid);
	free(path);
	return r | TUI_R_NAV;
}

/* One line of the settle dialog for candidate D. Caller frees. */
static char *
tui_workshop_line(const struct checklist_candidate *d)
{
	char *raw = checklist_xasprintf(_("Take %s%s%s  (from %s, %s%s%s)"),
	    d->value, d->other != NULL ? _(" / other: ") : "",
	    d->other != NULL ? d->other : "", d->agency != NULL ? d->agency :
	    _("no agency"), d->file != NULL ? d->file : "?",
	    d->time != NULL ? ", " : "", d->time != NULL ? d->time : "");
	char *line = tui_text_fit(raw, 200, false);

	free(raw);
	return line;
}

/* Every value of C, each under its agency, blank lines between. The
 * provenance of all in *FROM (strings to free with it). */
static char *
tui_workshop_join(const struct checklist_conflict *c,
    struct checklist_candidate *from)
{
	char *text = checklist_xstrdup(""), *more, *ag = NULL, *fi = NULL;
	size_t k;

	for (k = 0; k < c->n; k++) {
		const struct checklist_candidate *d = &c->cand[k];
		const char *who = d->agency != NULL ? d->agency : d->file;

		more = checklist_xasprintf("%s%s%s:\n%s", text, k > 0 ?
		    "\n\n" : "", who != NULL ? who : "?", d->value);
		free(text);
		text = more;
		more = checklist_xasprintf("%s%s%s", ag ? ag : "", ag ? "; " :
		    "", who != NULL ? who : "?");
		free(ag);
		ag = more;
		more = checklist_xasprintf("%s%s%s", fi ? fi : "", fi ? "; " :
		    "", d->file != NULL ? d->file : "?");
		free(fi);
		fi = more;
	}
	memset(from, 0, sizeof *from);
	from->agency = ag;
	from->file = fi;
	return text;
}

/* Is Q answered by choosing (Edit then happens on the page)? */
static bool
tui_workshop_is_choice(const struct checklist_question *q)
{
	return q != NULL && (q->type == CHECKLIST_Q_SINGLE ||
	    q->type == CHECKLIST_Q_MULTIPLE || q->type == CHECKLIST_Q_BOOLEAN);
}

/* Apply choice K of the dialog on conflict C (its question Q). */
static void
tui_workshop_apply(struct tui_app *app, const struct checklist_conflict *c,
    const struct checklist_question *q, int k)
{
	struct checklist_candidate joined = { 0 };
	struct checklist_error err;
	char *value = NULL;
	checklist_status st;

	checklist_error_clear(&err);
	if ((size_t)k < c->n)
		st = checklist_conflict_settle(app->resp, c->path,
		    c->cand[k].value, c->cand[k].other, &c->cand[k], &err);
	else if ((size_t)k == c->n && tui_workshop_is_choice(q)) {
		const char *now = checklist_response_get(app->resp, c->path);

		value = checklist_xstrdup(now != NULL ? now : "");
		st = checklist_conflict_settle(app->resp, c->path, value, NULL,
		    NULL, &err);
	} else if ((size_t)k == c->n) {
		value = tui_dialog_prompt(app, _("The answer, as the room "
		    "agrees (Esc: back):"));
		if (value == NULL)
			return;
		st = checklist_conflict_settle(app->resp, c->path, value, NULL,
		    NULL, &err);
	} else {
		value = tui_workshop_join(c, &joined);
		st = checklist_conflict_settle(app->resp, c->path, value, NULL,
		    &joined, &err);
		free(joined.agency);
		free(joined.file);
	}
	free(value);
	if (st != CHECKLIST_OK) {
		tui_message(app, true, _("Not settled: %s"), err.message);
		return;
	}
	if (app->page != NULL)
		forms_page_refresh(app->page);
	if (tui_app_save(app))
		tui_message(app, false, _("Settled and saved (Ctrl-Z takes it "
		    "back); c goes to the next conflict."));
}

/* The conflict at PATH; its index in C or N. */
static size_t
tui_workshop_find(const struct checklist_conflict *c, size_t n,
    const char *path)
{
	size_t i, len = strcspn(path, ":");

	for (i = 0; i < n; i++)
		if (strlen(c[i].path) == len &&
		    strncmp(c[i].path, path, len) == 0)
			return i;
	return n;
}

/* The lines of the settle dialog for conflict C of question Q. */
static char **
tui_workshop_lines(const struct checklist_conflict *c,
    const struct checklist_question *q, size_t *nl)
{
	char **lines;
	size_t k;

	*nl = c->n + (q != NULL && q->type == CHECKLIST_Q_LONGTEXT ? 2 : 1);
	lines = checklist_xcalloc(*nl, sizeof *lines);
	for (k = 0; k < c->n; k++)
		lines[k] = tui_workshop_line(&c->cand[k]);
	lines[c->n] = checklist_xstrdup(tui_workshop_is_choice(q) ?
	    _("Edit: choose the answer agreed on the page (the value kept for "
	    "now stays until then)") : _("Edit: type the answer agreed"));
	if (*nl > c->n + 1)
		lines[c->n + 1] = checklist_xstrdup(_("Keep both: every value "
		    "in one text, each under its agency"));
	return lines;
}

unsigned
tui_workshop_settle(struct tui_app *app)
{
	struct checklist_conflict *c;
	size_t n, i, nl;
	char **lines;
	const char *path;
	unsigned r = TUI_R_DRAW;
	int choice;

	if (app->readonly) {
		tui_message(app, true, "%s", FORMS_READONLY_MSG);
		return TUI_R_DRAW;
	}
	if (!app->nav_focus && app->page != NULL && !tui_app_leave(app, &r))
		return r | TUI_R_DRAW; /* the value typed is refused: why */
	path = !app->nav_focus && app->page != NULL ?
	    forms_page_current_path(app->page) : NULL;
	if (path == NULL) {
		tui_message(app, false, _("F7 settles the conflict of the "
		    "question with the focus; c goes to the next conflict."));
		return r | TUI_R_DRAW;
	}
	n = checklist_conflicts(app->resp, &c);
	i = tui_workshop_find(c, n, path);
	if (i == n) {
		checklist_conflicts_free(c, n);
		tui_message(app, false, _("No conflict on this question; c "
		    "goes to the next one."));
		return r | TUI_R_DRAW;
	}
	lines = tui_workshop_lines(&c[i], forms_page_current(app->page), &nl);
	choice = tui_dialog_list_keys(app, _("Settle the conflict: the merge "
	    "found different answers"), _(" Enter: settle with it   Esc: leave "
	    "it for now "), lines, nl, NULL, NULL);
	if (choice >= 0)
		tui_workshop_apply(app, &c[i], forms_page_current(app->page),
		    choice);
	tui_lines_free(lines, nl);
	checklist_conflicts_free(c, n);
	return r | TUI_R_DRAW | TUI_R_NAV;
}

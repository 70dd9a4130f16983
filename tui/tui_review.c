/*
 * tui_review.c: in `sacl fill`, the answers carried forward from the
 * last cycle (`--from`, review="last-cycle"): `r` goes to the next one
 * still to review, F8 confirms the current one (a change like any
 * other: undoable, saved); and the answers changed since the file given
 * to `--compare`, highlighted on the page and marked in the list until
 * `d` turns the highlighting off (and on again).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_marks.h"
#include "tui/tui_app.h"

/* A page's own answers to review; an article's, all below it, lettered
 * items included (as the overview counts them). */
size_t
tui_review_in(struct tui_app *app, const struct checklist_group *g)
{
	struct checklist_marks_count m;

	if (g->kind != CHECKLIST_G_SECTION)
		return checklist_review_count(app->resp, g);
	checklist_marks_count_group(app->resp, g, &m);
	return m.review;
}

bool
tui_changed_in(struct tui_app *app, const struct checklist_group *g)
{
	char *key;
	bool hit;
	size_t i;

	if (!app->show_changed || app->changed == NULL)
		return false;
	key = checklist_xasprintf("\n%s/", g->id);
	hit = strstr(app->changed, key) != NULL;
	free(key);
	for (i = 0; !hit && g->kind == CHECKLIST_G_SECTION &&
	    i < g->nchildren; i++)
		hit = tui_changed_in(app, g->children[i]);
	return hit;
}

void
tui_compare_refresh(struct tui_app *app)
{
	struct checklist_diff d;
	size_t i, len = 2;
	char *s;

	if (app->earlier == NULL)
		return;
	checklist_diff_compare(app->earlier,
	    xmlDocGetRootElement(app->resp->doc), &d);
	for (i = 0; i < d.n; i++)
		len += strlen(d.v[i].path) + 1;
	s = checklist_xmalloc(len);
	s[0] = '\n';
	len = 1;
	for (i = 0; i < d.n; i++) {
		size_t k = strlen(d.v[i].path);

		memcpy(s + len, d.v[i].path, k);
		s[len + k] = '\n';
		len += k + 1;
	}
	s[len] = '\0';
	checklist_diff_free(&d);
	free(app->changed);
	app->changed = s;
	tui_review_page(app);
}

void
tui_review_page(struct tui_app *app)
{
	if (app->page != NULL)
		forms_page_set_changed(app->page, app->show_changed ?
		    app->changed : NULL);
}

/* The question before the first of page G, where `r` starts after. */
static const struct checklist_question *
tui_review_before(struct tui_app *app, const struct checklist_group *g)
{
	size_t i;

	if (g == NULL || g->nquestions == 0)
		return NULL;
	for (i = 1; i < app->cl->nall; i++)
		if (app->cl->all[i] == g->questions[0])
			return app->cl->all[i - 1];
	return NULL;
}

unsigned
tui_review_next(struct tui_app *app)
{
	const struct checklist_question *after, *q;
	unsigned r = TUI_R_NONE;

	if (app->nav_focus || app->page == NULL) {
		after = tui_review_before(app,
		    tui_order_page_of(tui_nav_current(app->nav)));
	} else {
		if (!tui_app_leave(app, &r))
			return r | TUI_R_DRAW;
		after = forms_page_current(app->page);
	}
	q = checklist_review_next(app->resp, after);
	if (q == NULL) {
		tui_message(app, false, _("No answer carried from the last "
		    "cycle is left to review."));
		return r | TUI_R_DRAW;
	}
	r |= tui_app_open(app, q->group, q->path);
	tui_message(app, false, P_("To review: F8 confirms this answer as it "
	    "is; changing it confirms it too (%zu left).", "To review: F8 "
	    "confirms this answer as it is; changing it confirms it too (%zu "
	    "left).", checklist_review_count(app->resp, NULL)),
	    checklist_review_count(app->resp, NULL));
	return r | TUI_R_DRAW;
}

unsigned
tui_review_confirm(struct tui_app *app)
{
	const struct checklist_question *q;
	unsigned r = TUI_R_NONE;
	size_t left;

	if (app->readonly) {
		tui_message(app, true, "%s", FORMS_READONLY_MSG);
		return TUI_R_DRAW;
	}
	if (app->nav_focus || app->page == NULL) {
		tui_message(app, false, _("F8 confirms the answer of the "
		    "current question: open a page (r finds the next one to "
		    "review)."));
		return TUI_R_DRAW;
	}
	if (!tui_app_leave(app, &r))
		return r | TUI_R_DRAW;
	for (q = forms_page_current(app->page); q != NULL &&
	    q->parent != NULL; q = q->parent)
		;
	if (q == NULL || !checklist_review_confirm(app->resp, q->path)) {
		tui_message(app, false,
		    _("This answer has nothing to review."));
		return r | TUI_R_DRAW;
	}
	forms_page_refresh(app->page);
	left = checklist_review_count(app->resp, NULL);
	if (tui_app_save(app))
		tui_message(app, false, P_("Confirmed as reviewed and saved "
		    "(Ctrl-Z takes it back); %zu left to review%s.",
		    "Confirmed as reviewed and saved (Ctrl-Z takes it back); "
		    "%zu left to review%s.", left), left,
		    left > 0 ? _(": r goes to the next") : "");
	return r | TUI_R_DRAW | TUI_R_NAV;
}

unsigned
tui_compare_toggle(struct tui_app *app)
{
	if (app->changed == NULL) {
		tui_message(app, false, _("Nothing to compare with: start with "
		    "sacl fill --compare EARLIER RESPONSE."));
		return TUI_R_DRAW;
	}
	app->show_changed = !app->show_changed;
	tui_review_page(app);
	tui_message(app, false, app->show_changed ? _("Answers changed since "
	    "the earlier file are highlighted ([changed], ~ in the list).") :
	    _("Changed answers are no longer highlighted (d shows them "
	    "again)."));
	tui_nav_rebuild(app->nav, app, app->nav_focus ?
	    tui_nav_current(app->nav) : app->group);
	return TUI_R_DRAW;
}

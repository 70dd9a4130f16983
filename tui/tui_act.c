/*
 * tui_act.c: what each action of the key table does. Every handler
 * returns a reaction (enum tui_reaction) and draws nothing itself; the
 * loop in tui_app.c redraws. Moving to another page commits and saves
 * the field being edited first (tui_app_open).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

/* Switch between the list and the page. */
static unsigned
tui_act_focus(struct tui_app *app)
{
	unsigned r = TUI_R_NONE;

	if (app->nav_focus) {
		if (app->page == NULL)
			return tui_app_open(app, tui_nav_current(app->nav), NULL);
		app->nav_focus = false;
		return TUI_R_DRAW;
	}
	if (!tui_app_leave(app, &r))
		return r | TUI_R_DRAW;
	app->nav_focus = true;
	tui_nav_select(app->nav, app->group);
	return r | TUI_R_DRAW;
}

/* `[`, `]`, PgUp, PgDn: another provision; in the list, a screenful. */
static unsigned
tui_act_step(struct tui_app *app, int dir)
{
	const struct checklist_group *g;

	if (app->nav_focus)
		return tui_nav_move(app->nav, dir > 0 ? TUI_ACT_NEXT_PROV :
		    TUI_ACT_PREV_PROV);
	g = tui_order_step(app->resp, &app->filter, app->group, dir);
	if (g == NULL) {
		tui_message(app, false, dir > 0 ? _("This is the last provision "
		    "listed.") : _("This is the first provision listed."));
		return TUI_R_DRAW;
	}
	return tui_app_open(app, g, NULL);
}

/* `n`: the next required question still unanswered, on any page. */
static unsigned
tui_act_next_required(struct tui_app *app)
{
	const struct checklist_group *page = app->nav_focus ?
	    tui_order_page_of(tui_nav_current(app->nav)) : app->group;
	const struct checklist_question *after = NULL, *q;
	unsigned r;

	r = TUI_R_NONE;
	if (!app->nav_focus && app->page != NULL) {
		if (!tui_app_leave(app, &r)) /* the answer typed counts */
			return r | TUI_R_DRAW;
		after = forms_page_current(app->page);
	}
	q = tui_order_next_required(app->resp, page, after);
	if (q == NULL) {
		tui_message(app, false, _("Every required question is answered."));
		return r | TUI_R_DRAW;
	}
	while (q->parent != NULL)
		q = q->parent;
	return r | tui_app_open(app, q->group, q->path);
}

static unsigned
tui_act_filter(struct tui_app *app, enum tui_action action)
{
	switch (action) {
	case TUI_ACT_FILTER_LEVEL:
		app->filter.level = tui_order_next_level(app->filter.level);
		break;
	case TUI_ACT_FILTER_THEME:
		app->theme = app->nthemes == 0 ? 0 :
		    (app->theme + 1) % (app->nthemes + 1);
		app->filter.theme = app->theme == 0 ? NULL :
		    app->themes[app->theme - 1];
		break;
	default:
		app->filter.unfinished = !app->filter.unfinished;
		break;
	}
	tui_nav_rebuild(app->nav, app, app->nav_focus ?
	    tui_nav_current(app->nav) : app->group);
	return TUI_R_DRAW;
}

unsigned
tui_act_quit(struct tui_app *app)
{
	enum forms_reaction fr = app->page != NULL ?
	    forms_page_commit(app->page) : FORMS_IGNORED;
	const char *why;
	char *q;

	if (fr == FORMS_CHANGED)
		tui_app_save(app);
	if (fr == FORMS_INVALID) {
		why = forms_page_message(app->page);
		q = checklist_xasprintf(_("The value being typed is not valid%s%s "
		    "and would be lost. Quit anyway?"), why != NULL ? ": " : "",
		    why != NULL ? why : "");
		if (!tui_dialog_yesno(app, q)) {
			free(q);
			return TUI_R_DRAW;
		}
		free(q);
	}
	if (app->dirty && !tui_app_save(app) && !tui_dialog_yesno(app,
	    _("The answers could not be saved (the status line says why). "
	    "Quit and lose the changes since the last save?")))
		return TUI_R_DRAW;
	app->quit = true;
	return TUI_R_NONE;
}

/* Ctrl-S: store the value being typed and save, the edit going on; a
 * value not valid yet is judged as leaving the field would, with why. */
static unsigned
tui_act_save(struct tui_app *app)
{
	enum forms_reaction fr = app->page != NULL ?
	    forms_page_commit_keep(app->page) : FORMS_IGNORED;
	unsigned r = fr == FORMS_CHANGED ? TUI_R_NAV : TUI_R_NONE;

	if (app->readonly) {
		tui_message(app, true, "%s", FORMS_READONLY_MSG);
		return TUI_R_DRAW;
	}
	app->last_typed = 0;
	if (fr == FORMS_INVALID) {
		r = tui_app_commit(app);
		if (app->dirty)
			tui_app_save(app);
		return r | TUI_R_DRAW;
	}
	if (tui_app_save(app))
		tui_message(app, false, _("Saved to %s."), app->file);
	return r | TUI_R_DRAW;
}

/* Ctrl-Z: while typing, the field's value back first (Esc); then the
 * last committed change, and the one before, each saved. */
static unsigned
tui_act_undo(struct tui_app *app)
{
	size_t left;

	if (app->readonly) {
		tui_message(app, true, "%s", FORMS_READONLY_MSG);
		return TUI_R_DRAW;
	}
	if (app->page != NULL && forms_page_editing(app->page)) {
		app->last_typed = 0;
		if (forms_page_cancel(app->page) == FORMS_CHANGED)
			tui_app_save(app);
		tui_message(app, false, _("The field has its value back; Ctrl-Z "
		    "again undoes the change before."));
		return TUI_R_DRAW | TUI_R_NAV;
	}
	if (!checklist_undo_step(app->undo)) {
		tui_message(app, false, _("Nothing to undo since sacl started."));
		return TUI_R_DRAW;
	}
	if (app->page != NULL)
		forms_page_refresh(app->page);
	left = checklist_undo_count(app->undo);
	if (tui_app_save(app))
		tui_message(app, false, P_("Undone and saved (%zu more change "
		    "can be undone).", "Undone and saved (%zu more changes "
		    "can be undone).", left), left);
	return TUI_R_DRAW | TUI_R_NAV;
}

/* Actions only when the screen is large enough to show anything. */
static unsigned
tui_act_screen(struct tui_app *app, enum tui_action action)
{
	switch (action) {
	case TUI_ACT_HELP:
		tui_help_show(app);
		return TUI_R_DRAW;
	case TUI_ACT_LEGEND:
		tui_legend_show(app);
		return TUI_R_DRAW;
	case TUI_ACT_FOCUS:
		return tui_act_focus(app);
	case TUI_ACT_LIST:
		return app->nav_focus ? TUI_R_NONE : tui_act_focus(app);
	case TUI_ACT_NEXT_PROV:
		return tui_act_step(app, 1);
	case TUI_ACT_PREV_PROV:
		return tui_act_step(app, -1);
	case TUI_ACT_NEXT_REQUIRED:
		return tui_act_next_required(app);
	case TUI_ACT_SEARCH:
		return tui_search_run(app);
	case TUI_ACT_GOTO:
		return tui_goto_run(app);
	case TUI_ACT_PROGRESS:
		tui_progress_show(app);
		return TUI_R_DRAW;
	case TUI_ACT_FILTER_LEVEL:
	case TUI_ACT_FILTER_THEME:
	case TUI_ACT_UNFINISHED:
		return tui_act_filter(app, action);
	case TUI_ACT_EXPORT:
		if (app->readonly) {
			tui_message(app, true, "%s", FORMS_READONLY_MSG);
			return TUI_R_DRAW;
		}
		return tui_export_run(app);
	case TUI_ACT_VIEW:
		tui_view_show(app);
		return TUI_R_DRAW;
	case TUI_ACT_OVERVIEW:
		tui_overview_show(app);
		return TUI_R_DRAW;
	case TUI_ACT_PRESENT:
		return tui_present_run(app, true);
	case TUI_ACT_LANG:
		return tui_lang_run(app);
	case TUI_ACT_OPEN:
		return tui_app_open(app, tui_nav_current(app->nav), NULL);
	case TUI_ACT_SETTLE:
		return tui_workshop_settle(app);
	case TUI_ACT_NEXT_CONFLICT:
		return tui_workshop_next_conflict(app);
	case TUI_ACT_REVIEW_NEXT:
		return tui_review_next(app);
	case TUI_ACT_REVIEW_CONFIRM:
		return tui_review_confirm(app);
	case TUI_ACT_COMPARE:
		return tui_compare_toggle(app);
	default:
		return tui_nav_move(app->nav, action);
	}
}

unsigned
tui_act(struct tui_app *app, enum tui_action action)
{
	switch (action) {
	case TUI_ACT_QUIT:
		return tui_act_quit(app);
	case TUI_ACT_SAVE:
		return tui_act_save(app);
	case TUI_ACT_UNDO:
		return tui_act_undo(app);
	case TUI_ACT_REDRAW:
		clearok(curscr, TRUE);
		return TUI_R_LAYOUT | TUI_R_DRAW;
	case TUI_ACT_NONE:
		return TUI_R_NONE;
	default:
		break;
	}
	if (app->too_small)
		return TUI_R_NONE;
	return tui_act_screen(app, action);
}

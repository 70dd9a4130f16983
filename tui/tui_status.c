/*
 * tui_status.c: the title line (the checklist, the file, whether the
 * answers are saved) and the status line (where you are, the required
 * answers given, the keys that matter here, taken from the key table).
 * A message (a refused value, a failed save and how to retry) takes the
 * place of "where you are" until the next key; a failed save stays
 * until a save succeeds.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

void
tui_message(struct tui_app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_error = error;
}

char *
tui_group_name(const struct tui_app *app, const struct checklist_group *g)
{
	if (g->kind == CHECKLIST_G_FRONT)
		return checklist_xstrdup(checklist_text_get(&g->title,
		    app->lang, app->cl->default_lang));
	if (g->kind == CHECKLIST_G_SECTION)
		return checklist_xasprintf(_("Art. %s"), g->number);
	return checklist_xstrdup(g->number != NULL ? g->number : g->id);
}

/* Draw S at column X of W in attribute A, at most WIDTH columns. */
static void
tui_status_put(WINDOW *w, int x, const char *s, int width, chtype a)
{
	char *t = tui_text_fit(s, width, false);

	wattrset(w, a);
	mvwaddstr(w, 0, x, t);
	free(t);
}

void
tui_title_draw(struct tui_app *app)
{
	WINDOW *w = app->title_win;
	const char *title = checklist_text_get(&app->cl->title, app->lang,
	    app->cl->default_lang);
	const char *base = strrchr(app->file, '/');
	const char *saved = app->readonly ? _("read-only") :
	    app->dirty ? _("NOT SAVED") : _("saved");
	char *right = checklist_xasprintf(" %s  %s ",
	    base != NULL ? base + 1 : app->file, saved);
	int rw = tui_text_width(right);
	char *left;

	if (rw > COLS / 2) {
		free(right);
		right = checklist_xasprintf(" %s ", saved);
		rw = tui_text_width(right);
	}
	wbkgdset(w, ' ' | tui_attr(app, TUI_ROLE_TITLE));
	werase(w);
	left = checklist_xasprintf(" sacl: %s", title);
	tui_status_put(w, 0, left, COLS - rw - 1, tui_attr(app, TUI_ROLE_TITLE));
	tui_status_put(w, COLS - rw, right, rw, app->dirty ?
	    tui_attr(app, TUI_ROLE_ERROR) : tui_attr(app, TUI_ROLE_TITLE));
	free(left);
	free(right);
}

static bool
tui_status_editing(const struct tui_app *app)
{
	return !app->nav_focus && app->page != NULL &&
	    forms_page_editing(app->page);
}

/* The mode, always in view: the list, a page, or a field being edited. */
static const char *
tui_status_mode(const struct tui_app *app)
{
	if (app->nav_focus)
		return _("LIST");
	return tui_status_editing(app) ? _("EDIT") : _("PAGE");
}

/* The hinted keys of the table, "F1 help"...; returns the count. */
static size_t
tui_status_hint_list(struct tui_app *app, char one[][48], size_t max)
{
	unsigned want = app->nav_focus ? TUI_HINT_NAV :
	    tui_status_editing(app) ? TUI_HINT_EDIT : TUI_HINT_PAGE;
	size_t i, n = 0;

	for (i = 0; i < tui_nkeys && n < max; i++)
		if ((tui_keys[i].hint & want) && tui_keys[i].short_desc != NULL)
			snprintf(one[n++], sizeof one[0], "%s %s",
			    tui_keys[i].name, _(tui_keys[i].short_desc));
	return n;
}

/* "F1 help  F2 list  n required  F10 quit": the hinted keys. The first
 * two and the last always; those between while they fit in ROOM
 * columns, so that where the user is keeps its room. */
static char *
tui_status_hints(struct tui_app *app, int room)
{
	char one[16][48], buf[16 * 50] = "";
	size_t n = tui_status_hint_list(app, one, 16), i;
	bool show[16];
	int used = 0;

	for (i = 0; i < n; i++) {
		show[i] = i < 2 || i + 1 == n;
		used += show[i] ? tui_text_width(one[i]) + 2 : 0;
	}
	for (i = 2; i + 1 < n; i++)
		if (used + tui_text_width(one[i]) + 2 <= room + 2) {
			show[i] = true;
			used += tui_text_width(one[i]) + 2;
		}
	for (i = 0; i < n; i++)
		if (show[i]) {
			if (buf[0] != '\0')
				strcat(buf, "  ");
			strcat(buf, one[i]);
		}
	return checklist_xstrdup(buf);
}

/* Where the user is: the page, or the list and its size. */
static char *
tui_status_where(struct tui_app *app)
{
	const struct checklist_group *g = app->nav_focus ?
	    tui_nav_current(app->nav) : app->group;
	char *name, *s;

	if (g == NULL)
		return checklist_xstrdup("");
	name = tui_group_name(app, g);
	s = g->kind == CHECKLIST_G_FRONT ? checklist_xstrdup(name) :
	    checklist_xasprintf("%s %s", name, checklist_text_get(&g->title,
	    app->lang, app->cl->default_lang));
	free(name);
	return s;
}

static char *
tui_status_progress(struct tui_app *app)
{
	struct checklist_progress p;
	unsigned pct;

	checklist_progress_all(app->resp, &p);
	pct = p.required == 0 ? 100 :
	    (unsigned)(p.required_answered * 100 / p.required);
	return checklist_xasprintf(_("required %zu/%zu (%u%%)"),
	    p.required_answered, p.required, pct);
}

/* The status line: "MODE WHERE  PROGRESS  HINTS". MODE (LIST, PAGE,
 * EDIT) is always there, a message beside it; WHERE has the room first:
 * the hints between the first two and the last give way to it. */
void
tui_status_draw(struct tui_app *app)
{
	WINDOW *w = app->status_win;
	char *left, *prog, *hints;
	/* the mode's width in the language shown ("LIST", "LISTE", "列表") */
	int mw = tui_text_width(tui_status_mode(app)), pw, hw, x;

	wbkgdset(w, ' ' | tui_attr(app, TUI_ROLE_STATUS));
	werase(w);
	tui_status_put(w, 0, tui_status_mode(app), mw,
	    tui_attr(app, TUI_ROLE_STATUS) | A_BOLD | A_REVERSE);
	if (app->message[0] != '\0') { /* the message before the rest */
		tui_status_put(w, mw + 1, app->message, COLS - mw - 1,
		    app->message_error ? tui_attr(app, TUI_ROLE_ERROR) :
		    tui_attr(app, TUI_ROLE_STATUS));
		return;
	}
	left = tui_status_where(app);
	prog = tui_status_progress(app);
	pw = tui_text_width(prog);
	hints = tui_status_hints(app, COLS - pw - tui_text_width(left) - 6 -
	    mw);
	hw = tui_text_width(hints);
	if (hw > COLS - pw - 6 - mw)
		hw = COLS - pw - 6 - mw > 0 ? COLS - pw - 6 - mw : 0;
	x = COLS - hw - pw - 3; /* the progress's column */
	tui_status_put(w, mw + 1, left, x > mw + 3 ? x - mw - 3 : 0,
	    tui_attr(app, TUI_ROLE_STATUS));
	if (x > 1)
		tui_status_put(w, x, prog, pw, tui_attr(app, TUI_ROLE_STATUS) |
		    A_BOLD);
	tui_status_put(w, COLS - hw - 1, hints, hw,
	    tui_attr(app, TUI_ROLE_STATUS));
	free(left);
	free(hints);
	free(prog);
}

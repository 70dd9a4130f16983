/*
 * tui_app.c: the run of `sacl fill`: curses set up and always torn down,
 * the layout (navigator beside the page from TUI_SPLIT_COLS columns, one
 * of them at a time below, a message below the minimum size), the one
 * loop that reads a key, hands it to the handler that wants it and
 * redraws what the reaction asks for, and saving after every committed
 * change (DESIGN.md §6): before the screen says anything else, and on
 * idle typing, page changes, quitting and signals.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/tui_app.h"
#include "tui/tui_cmd.h"

/* ERR this many times in a row, each well before the timeout: the
 * terminal is gone (a hangup without SIGHUP). */
#define TUI_DEAD_TTY 50

static SCREEN *tui_screen;

/* The model's fatal path runs this before it prints: the terminal must
 * be usable for the message. */
static void
tui_app_fatal_hook(void)
{
	if (tui_screen != NULL && !isendwin()) {
		tui_input_stop();
		endwin();
	}
}

static bool
tui_app_want_colour(void)
{
	const char *nc = getenv("NO_COLOR");

	return has_colors() && (nc == NULL || nc[0] == '\0');
}

static void
tui_app_colours(struct tui_app *app)
{
	short bg = COLOR_BLACK;

	app->colour = tui_app_want_colour();
	if (!app->colour)
		return;
	start_color();
	if (use_default_colors() == OK)
		bg = -1;
	init_pair(1, COLOR_WHITE, COLOR_BLUE);  /* title */
	init_pair(2, COLOR_BLACK, COLOR_CYAN);  /* status */
	init_pair(3, COLOR_WHITE, COLOR_RED);   /* error */
	init_pair(4, COLOR_GREEN, bg);          /* complete */
	init_pair(5, COLOR_YELLOW, bg);         /* partial */
	init_pair(6, COLOR_RED, bg);            /* missing */
	init_pair(7, COLOR_CYAN, bg);           /* page titles */
	forms_set_color_pairs(7, 0, 6);
}

chtype
tui_attr(const struct tui_app *app, enum tui_role role)
{
	static const chtype mono[TUI_ROLE_COUNT] = {
		[TUI_ROLE_TITLE] = A_REVERSE | A_BOLD,
		[TUI_ROLE_STATUS] = A_REVERSE,
		[TUI_ROLE_ERROR] = A_BOLD | A_UNDERLINE,
		[TUI_ROLE_DIALOG] = A_NORMAL,
		[TUI_ROLE_COMPLETE] = A_NORMAL,
		[TUI_ROLE_PARTIAL] = A_NORMAL,
		[TUI_ROLE_MISSING] = A_BOLD,
		[TUI_ROLE_DIM] = A_NORMAL,
	};
	static const short pair[TUI_ROLE_COUNT] = {
		[TUI_ROLE_TITLE] = 1, [TUI_ROLE_STATUS] = 2,
		[TUI_ROLE_ERROR] = 3, [TUI_ROLE_COMPLETE] = 4,
		[TUI_ROLE_PARTIAL] = 5, [TUI_ROLE_MISSING] = 6,
	};

	if (!app->colour || pair[role] == 0)
		return mono[role];
	return COLOR_PAIR(pair[role]) |
	    (role == TUI_ROLE_TITLE || role == TUI_ROLE_ERROR ||
	    role == TUI_ROLE_MISSING ? A_BOLD : A_NORMAL);
}

/* The chooser's keys (forms_set_key_reader): events as keys; a paste is
 * given back as the characters it holds, line ends and controls
 * dropped, so that it types a filter and never chooses. */
static int
tui_app_chooser_key(WINDOW *win, wint_t *ch)
{
	static wint_t queue[256];
	static size_t head, tail;
	struct tui_in ev;
	size_t i = 0;
	wint_t wc;
	int rc = ERR;

	if (head < tail) {
		*ch = queue[head++];
		return OK;
	}
	if (!tui_input_read(win, &ev))
		return ERR;
	*ch = ev.ch;
	if (ev.kind == TUI_IN_CHAR || ev.kind == TUI_IN_KEY)
		rc = ev.kind == TUI_IN_CHAR ? OK : KEY_CODE_YES;
	head = tail = 0;
	while (ev.kind == TUI_IN_PASTE && i < ev.len && tail < 256) {
		i += tui_in_utf8_get(ev.text + i, ev.len - i, &wc);
		if (wc >= L' ' && wc != 127)
			queue[tail++] = wc;
	}
	tui_in_clear(&ev);
	if (rc == ERR && head < tail) {
		*ch = queue[head++];
		rc = OK;
	}
	return rc;
}

static bool
tui_app_start(struct tui_app *app)
{
	tui_signal_install();
	checklist_set_fatal_hook(tui_app_fatal_hook);
	tui_screen = newterm(NULL, stdout, stdin);
	if (tui_screen == NULL) {
		tui_signal_restore();
		checklist_set_fatal_hook(NULL);
		tui_cmd_warn(_("cannot use the terminal (TERM=%s)"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return false;
	}
	set_term(tui_screen);
	raw(); /* Ctrl-S and Ctrl-C reach us as keys; signals still work */
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	wtimeout(stdscr, TUI_TICK_MS);
	curs_set(0);
	tui_input_start(); /* the keys terminals send, bracketed paste */
	forms_set_key_reader(tui_app_chooser_key);
	tui_app_colours(app);
	/* keys are read from stdscr: refreshed once here, it is never
	 * touched again, so wget_wch() will not paint it over the windows */
	refresh();
	return true;
}

static void
tui_app_free_windows(struct tui_app *app)
{
	WINDOW **w[] = { &app->title_win, &app->nav_win, &app->page_win,
	    &app->status_win };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

/* Too small: keep no page (it has no room); remember where it was. */
static void
tui_app_shrink(struct tui_app *app)
{
	if (app->page != NULL) {
		tui_app_commit(app);
		forms_page_free(app->page);
		app->page = NULL;
	}
	tui_nav_detach(app->nav);
	tui_app_free_windows(app);
}

void
tui_app_layout(struct tui_app *app)
{
	int body = LINES - 2, navw;
	WINDOW *old_page = app->page_win;

	app->too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
	if (app->too_small) {
		tui_app_shrink(app);
		return;
	}
	app->split = COLS >= TUI_SPLIT_COLS;
	navw = app->split ? COLS / 3 : COLS;
	if (navw < TUI_NAV_MIN_COLS)
		navw = TUI_NAV_MIN_COLS;
	app->page_win = app->split ? newwin(body, COLS - navw, 1, navw) :
	    newwin(body, COLS, 1, 0);
	if (app->page != NULL)
		forms_page_resize(app->page, app->page_win);
	if (old_page != NULL)
		delwin(old_page);
	tui_nav_detach(app->nav);
	if (app->nav_win != NULL)
		delwin(app->nav_win);
	if (app->title_win != NULL)
		delwin(app->title_win);
	if (app->status_win != NULL)
		delwin(app->status_win);
	app->nav_win = newwin(body, navw, 1, 0);
	app->title_win = newwin(1, COLS, 0, 0);
	app->status_win = newwin(1, COLS, LINES - 1, 0);
	if (app->nav_win == NULL || app->page_win == NULL ||
	    app->title_win == NULL || app->status_win == NULL)
		checklist_fatal(_("cannot make windows of %dx%d"), COLS, LINES);
	tui_nav_rebuild(app->nav, app, app->group);
	if (app->page == NULL && app->group != NULL) {
		app->page = forms_page_new(app->resp, app->group,
		    app->page_win, app->lang);
		forms_page_set_readonly(app->page, app->readonly);
		tui_review_page(app);
	}
	if (app->resume != NULL && app->page != NULL) { /* once, at start */
		forms_page_focus(app->page, app->resume);
		free(app->resume);
		app->resume = NULL;
	}
}

static void
tui_app_draw_small(void)
{
	char msg[80];
	int len;

	len = snprintf(msg, sizeof msg, _("Window too small: need at least %dx%d"),
	    TUI_MIN_COLS, TUI_MIN_LINES);
	werase(stdscr);
	mvwaddnstr(stdscr, LINES / 2, COLS > len ? (COLS - len) / 2 : 0, msg,
	    COLS);
	wnoutrefresh(stdscr);
	curs_set(0);
	doupdate();
}

void
tui_app_draw(struct tui_app *app)
{
	bool show_nav = app->split || app->nav_focus;
	bool show_page = app->page != NULL && (app->split || !app->nav_focus);

	if (app->too_small) {
		tui_app_draw_small();
		return;
	}
	/* stdscr first: a resize touches it, and wget_wch(stdscr) would
	 * repaint it, blank, over every window */
	wnoutrefresh(stdscr);
	tui_title_draw(app);
	tui_status_draw(app);
	wnoutrefresh(app->title_win);
	wnoutrefresh(app->status_win);
	if (show_nav) {
		tui_nav_draw(app->nav, app);
		touchwin(app->nav_win);
		wnoutrefresh(app->nav_win);
	}
	if (show_page) { /* last: the cursor stays in the field */
		forms_page_draw(app->page);
		touchwin(app->page_win);
		wnoutrefresh(app->page_win);
	} else if (!show_nav) {
		werase(app->page_win);
		wnoutrefresh(app->page_win);
	}
	/* the caret shows only in a field being edited: no hidden mode */
	curs_set(show_page && forms_page_editing(app->page) ? 1 : 0);
	if (app->nav_focus && show_nav)
		wnoutrefresh(app->nav_win);
	doupdate();
}

void
tui_app_behind(struct tui_app *app)
{
	clearok(curscr, TRUE);
	tui_app_layout(app);
	tui_app_draw(app);
}

bool
tui_app_save(struct tui_app *app)
{
	struct checklist_error err;
	checklist_status st;

	if (app->readonly)
		return true; /* nothing changed, nothing to write */
	checklist_undo_note(app->undo); /* every change passes here */
	tui_compare_refresh(app);
	checklist_error_clear(&err);
	st = checklist_response_save(app->resp, app->file, &err);
	if (st == CHECKLIST_ERR_TOO_BIG && checklist_undo_step(app->undo)) {
		/* over a cap (checklist_limits.h): the file was not touched;
		 * the change is taken back at once, as `set` refuses it */
		if (app->page != NULL)
			forms_page_refresh(app->page);
		app->dirty = false;
		tui_message(app, true, _("Change taken back: %s"),
		    strncmp(err.message, "not saved: ", 11) == 0 ?
		    err.message + 11 : err.message);
		return false;
	}
	if (st != CHECKLIST_OK) {
		app->dirty = true;
		tui_message(app, true, _("NOT SAVED, press Ctrl-S to retry "
		    "(answers kept in memory): %s"), checklist_error_text(&err));
		return false;
	}
	if (app->dirty && app->message_error)
		tui_message(app, false, _("Saved."));
	app->dirty = false;
	return true;
}

/* What the page's reaction asks of the application. */
static unsigned
tui_app_page_reaction(struct tui_app *app, enum forms_reaction fr)
{
	const char *msg;

	switch (fr) {
	case FORMS_CHANGED:
		tui_app_save(app); /* before the screen says anything */
		return TUI_R_DRAW | TUI_R_NAV;
	case FORMS_INVALID:
		msg = forms_page_message(app->page);
		tui_message(app, true, "%s", msg != NULL ? msg :
		    _("This value is not valid."));
		return TUI_R_DRAW;
	case FORMS_EDITOR:
		def_prog_mode();
		tui_input_suspend();
		endwin();
		fr = forms_page_edit_external(app->page);
		reset_prog_mode();
		tui_input_resume();
		clearok(curscr, TRUE);
		return TUI_R_DRAW | (fr == FORMS_EDITOR ? TUI_R_NONE :
		    tui_app_page_reaction(app, fr));
	case FORMS_HANDLED:
		return TUI_R_DRAW;
	case FORMS_IGNORED:
	default:
		return TUI_R_NONE;
	}
}

unsigned
tui_app_commit(struct tui_app *app)
{
	unsigned r = TUI_R_NONE;

	tui_app_leave(app, &r);
	return r;
}

bool
tui_app_leave(struct tui_app *app, unsigned *r)
{
	enum forms_reaction fr;

	if (app->page == NULL)
		return true;
	app->last_typed = 0;
	fr = forms_page_commit(app->page);
	*r |= tui_app_page_reaction(app, fr);
	return fr != FORMS_INVALID;
}

unsigned
tui_app_open(struct tui_app *app, const struct checklist_group *g,
    const char *path)
{
	unsigned r = TUI_R_DRAW;

	g = tui_order_page_of(g);
	if (g == NULL || app->too_small)
		return TUI_R_NONE;
	if (!checklist_scope_has(app->resp, g)) {
		char *scope = checklist_scope_describe(app->resp);

		tui_message(app, true, _("Outside this contribution (%s)."),
		    scope);
		free(scope);
		return TUI_R_DRAW;
	}
	if (!tui_app_leave(app, &r)) /* saved before the focus moves */
		return r; /* refused: stay, the message says why */
	if (app->page == NULL || g != app->group) {
		if (app->page != NULL)
			forms_page_free(app->page);
		app->page = forms_page_new(app->resp, g, app->page_win,
		    app->lang);
		forms_page_set_readonly(app->page, app->readonly);
		tui_review_page(app);
		app->group = g;
	}
	if (path != NULL)
		forms_page_focus(app->page, path);
	tui_nav_select(app->nav, g);
	app->nav_focus = false;
	return r;
}

static double
tui_app_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool
tui_app_event(struct tui_app *app, struct tui_in *ev)
{
	static int quick_errs;
	double t0 = tui_app_now();

	if (tui_input_read(stdscr, ev)) {
		quick_errs = 0;
		return true;
	}
	if (tui_signal_pending() == 0 &&
	    tui_app_now() - t0 < TUI_TICK_MS / 4000.0) {
		if (++quick_errs >= TUI_DEAD_TTY)
			app->signal = SIGHUP; /* the terminal is gone */
	} else
		quick_errs = 0;
	return false;
}

int
tui_app_getkey(struct tui_app *app, wint_t *ch)
{
	struct tui_in ev;
	int rc = ERR;

	if (tui_app_event(app, &ev) && (ev.kind == TUI_IN_CHAR ||
	    ev.kind == TUI_IN_KEY)) {
		*ch = ev.ch;
		rc = ev.kind == TUI_IN_KEY ? KEY_CODE_YES : OK;
	}
	tui_in_clear(&ev);
	return rc;
}

/* A printable key the page did not take: never a command on a page. */
static unsigned
tui_app_stray(struct tui_app *app, wint_t ch)
{
	(void)ch;
	tui_message(app, false, forms_page_on_text(app->page) ?
	    _("Type to answer; Enter stores. Commands: F1 help, F2 list, "
	    "Alt+letter.") : _("Letters are not commands on a page: Space or "
	    "Enter answers; F1 help, F2 list, Alt+letter for the list's keys."));
	return TUI_R_DRAW;
}

/* A key: the global keys first, then the page, then commands (never a
 * printable key on a page: see tui.h). */
static unsigned
tui_app_key(struct tui_app *app, wint_t ch, bool iskey)
{
	enum tui_action a;
	enum forms_reaction fr;
	bool on_page = !app->nav_focus && app->page != NULL &&
	    !app->too_small;

	if (iskey && ch == KEY_RESIZE) {
		/* paint everything: what the terminal kept of the old size is
		 * not what curses believes (seen with tmux growing a pane) */
		clearok(curscr, TRUE);
		return TUI_R_LAYOUT | TUI_R_DRAW;
	}
	if (!app->message_error || !app->dirty)
		app->message[0] = '\0';
	a = tui_key_lookup(ch, iskey, TUI_SCOPE_GLOBAL);
	if (a != TUI_ACT_NONE)
		return tui_act(app, a);
	if (on_page) {
		fr = forms_page_key(app->page, ch, iskey);
		if (fr != FORMS_IGNORED) {
			app->last_typed = forms_page_editing(app->page) ?
			    time(NULL) : 0;
			return tui_app_page_reaction(app, fr);
		}
		if (!iskey && ch >= L' ' && ch != 127)
			return tui_app_stray(app, ch);
	}
	a = tui_key_lookup(ch, iskey, TUI_SCOPE_COMMAND);
	if (a == TUI_ACT_NONE && app->nav_focus)
		a = tui_key_lookup(ch, iskey, TUI_SCOPE_NAV);
	return a != TUI_ACT_NONE ? tui_act(app, a) : TUI_R_NONE;
}

/* Alt+letter (Esc then the letter): the list's letter command, from a
 * page as from the list. */
unsigned
tui_app_alt(struct tui_app *app, wint_t ch)
{
	enum tui_action a = tui_key_lookup(ch, false, TUI_SCOPE_NAV);

	if (!app->message_error || !app->dirty)
		app->message[0] = '\0';
	if (a == TUI_ACT_NONE || (a >= TUI_ACT_UP && a <= TUI_ACT_OPEN &&
	    !app->nav_focus))
		return TUI_R_NONE;
	return tui_act(app, a);
}

/* Text pasted (bracketed paste, or a burst of keys): into the field
 * being edited at once, else ignored with a word. Never commands. */
unsigned
tui_app_paste(struct tui_app *app, const char *text, size_t len)
{
	enum forms_reaction fr = FORMS_IGNORED;

	if (!app->message_error || !app->dirty)
		app->message[0] = '\0';
	if (!app->nav_focus && app->page != NULL && !app->too_small)
		fr = forms_page_paste(app->page, text, len);
	if (fr == FORMS_IGNORED) {
		tui_message(app, true, _("Paste ignored: no field is being edited "
		    "(Enter on a text question, then paste)."));
		return TUI_R_DRAW;
	}
	app->last_typed = time(NULL);
	return tui_app_page_reaction(app, fr);
}

/* A burst of one line on a text question, not bracketed: fast typing
 * (or a paste the terminal did not mark), safe as keys there: they only
 * start an edit and type. Anywhere else (a list of entries, where a and
 * d are keys; a y/n question) it is a paste, and ignored. */
static bool
tui_app_burst_typed(const struct tui_app *app, const struct tui_in *ev)
{
	return !ev->bracketed && !app->nav_focus && app->page != NULL &&
	    !app->too_small && !forms_page_editing(app->page) &&
	    forms_page_on_text(app->page) &&
	    memchr(ev->text, '\n', ev->len) == NULL &&
	    memchr(ev->text, '\r', ev->len) == NULL;
}

/* A burst that is Enter on a text question and then one line, not
 * bracketed: keys typed ahead of a slow screen (an SSH link, a busy
 * machine). Enter there only starts the edit, so it is taken as a key
 * and the line goes into the field; anywhere else the burst stays a
 * paste. */
static bool
tui_app_enter_ahead(const struct tui_app *app, const struct tui_in *ev)
{
	return !ev->bracketed && ev->len > 1 &&
	    (ev->text[0] == '\r' || ev->text[0] == '\n') &&
	    !app->nav_focus && app->page != NULL && !app->too_small &&
	    !forms_page_editing(app->page) && forms_page_on_text(app->page) &&
	    memchr(ev->text + 1, '\n', ev->len - 1) == NULL &&
	    memchr(ev->text + 1, '\r', ev->len - 1) == NULL;
}

/* TEXT given to the page key by key. */
static unsigned
tui_app_type(struct tui_app *app, const char *text, size_t len)
{
	unsigned r = TUI_R_DRAW;
	size_t i = 0;
	wint_t wc;

	while (i < len) {
		i += tui_in_utf8_get(text + i, len - i, &wc);
		r |= tui_app_key(app, wc, false);
		if (app->page != NULL && forms_page_editing(app->page) &&
		    i < len) /* the rest goes in at once */
			return r | tui_app_paste(app, text + i, len - i);
	}
	return r;
}

/* An event of the loop: a key, a paste, or nothing to do. */
static unsigned
tui_app_input(struct tui_app *app, const struct tui_in *ev)
{
	unsigned r;

	switch (ev->kind) {
	case TUI_IN_CHAR:
	case TUI_IN_KEY:
		return tui_app_key(app, ev->ch, ev->kind == TUI_IN_KEY);
	case TUI_IN_PASTE:
		if (!app->message_error || !app->dirty)
			app->message[0] = '\0';
		if (tui_app_enter_ahead(app, ev)) { /* Enter typed ahead */
			struct tui_in rest = *ev;

			r = tui_app_key(app, L'\n', false);
			rest.text = ev->text + 1;
			rest.len = ev->len - 1;
			return r | tui_app_input(app, &rest);
		}
		if (tui_app_burst_typed(app, ev))
			return tui_app_type(app, ev->text, ev->len);
		r = tui_app_paste(app, ev->text, ev->len);
		if (ev->truncated && app->message[0] == '\0')
			tui_message(app, true, _("Paste cut at %d MiB: the rest was "
			    "dropped"), TUI_IN_PASTE_MAX / (1024 * 1024));
		return r;
	case TUI_IN_ALT:
		return tui_app_alt(app, ev->ch);
	case TUI_IN_NONE: /* a sequence dropped */
	default:
		return TUI_R_NONE;
	}
}

/* No key for a while: save text typed TUI_IDLE_SAVE ago. The edit stays
 * open, text and caret as they were, so that the next letter is typed,
 * not taken as a command; an unfinished value is judged when the field
 * is left, not now. */
static unsigned
tui_app_idle(struct tui_app *app)
{
	if (app->page == NULL || app->last_typed == 0 ||
	    time(NULL) - app->last_typed < TUI_IDLE_SAVE)
		return TUI_R_NONE;
	app->last_typed = 0;
	if (forms_page_commit_keep(app->page) != FORMS_CHANGED)
		return TUI_R_NONE;
	return tui_app_page_reaction(app, FORMS_CHANGED);
}

static void
tui_app_loop(struct tui_app *app)
{
	unsigned r = TUI_R_LAYOUT | TUI_R_DRAW;
	struct tui_in ev;
	bool got;

	while (!app->quit && app->signal == 0) {
		if (r & TUI_R_LAYOUT)
			tui_app_layout(app);
		else if ((r & TUI_R_NAV) && !app->too_small)
			tui_nav_rebuild(app->nav, app, NULL);
		if (r != TUI_R_NONE)
			tui_app_draw(app);
		got = tui_app_event(app, &ev);
		if (app->signal == 0)
			app->signal = tui_signal_pending();
		if (app->signal == 0)
			r = got ? tui_app_input(app, &ev) : tui_app_idle(app);
		tui_in_clear(&ev);
	}
}

/* The first page not yet complete, else the first page. */
static const struct checklist_group *
tui_app_first_page(struct tui_app *app)
{
	const struct checklist *cl = app->cl;
	size_t i;

	for (i = 0; i < cl->npages; i++) {
		enum checklist_state s = checklist_state_group(app->resp,
		    cl->pages[i]);
		if (!checklist_scope_has(app->resp, cl->pages[i]))
			continue; /* a contribution opens in its scope */
		if (s != CHECKLIST_STATE_COMPLETE &&
		    s != CHECKLIST_STATE_NOT_RELEVANT)
			return cl->pages[i];
	}
	for (i = 0; i < cl->npages; i++)
		if (checklist_scope_has(app->resp, cl->pages[i]))
			return cl->pages[i];
	return cl->npages > 0 ? cl->pages[0] : NULL;
}

/* Where to reopen next time: the question with the focus, or the page. */
static void
tui_app_bookmark(struct tui_app *app)
{
	const char *path = app->page != NULL ?
	    forms_page_current_path(app->page) : NULL;

	if (path == NULL && app->group != NULL && app->group->nquestions > 0)
		path = app->group->questions[0]->path;
	if (path != NULL && checklist_response_set_resume(app->resp, path))
		app->dirty = true;
}

/* Open at the question last visited (response attribute `resume`), else
 * at the first page not complete, in the list. */
static void
tui_app_reopen(struct tui_app *app)
{
	char *path = checklist_response_resume(app->resp);
	char *gid;

	if (path != NULL) {
		gid = checklist_xstrndup(path, strcspn(path, "/"));
		app->group = checklist_find_group(app->cl, gid);
		free(gid);
	}
	if (path == NULL || app->group == NULL ||
	    !tui_order_is_page(app->group) ||
	    !checklist_scope_has(app->resp, app->group)) {
		free(path);
		app->group = tui_app_first_page(app);
		return;
	}
	app->resume = path;
	app->nav_focus = false;
}

/* Commit, save, and give the terminal back whatever happened. */
static int
tui_app_finish(struct tui_app *app)
{
	struct checklist_error err;
	bool saved = true;

	if (!app->readonly && app->page != NULL &&
	    forms_page_commit(app->page) == FORMS_CHANGED)
		app->dirty = true;
	if (!app->readonly)
		tui_app_bookmark(app);
	checklist_error_clear(&err);
	if (!app->readonly && app->dirty &&
	    checklist_response_save(app->resp, app->file,
	    &err) != CHECKLIST_OK)
		saved = false;
	if (app->page != NULL)
		forms_page_free(app->page);
	tui_nav_free(app->nav); /* before its window */
	checklist_undo_free(app->undo);
	tui_app_free_windows(app);
	free(app->themes);
	free(app->resume);
	tui_input_stop();
	forms_set_key_reader(NULL);
	endwin();
	delscreen(tui_screen);
	tui_screen = NULL;
	tui_signal_restore();
	checklist_set_fatal_hook(NULL);
	if (!saved) {
		tui_cmd_warn(_("answers NOT saved to %s"), app->file);
		tui_cmd_error(&err);
		return TUI_EXIT_IO;
	}
	return app->signal != 0 ? 128 + app->signal : TUI_EXIT_OK;
}

static int
tui_app_run(struct checklist_response *resp, const char *file,
    const char *lang, const char *notice, bool readonly, bool present,
    xmlNodePtr earlier)
{
	struct tui_app app;
	int status;

	memset(&app, 0, sizeof app);
	app.readonly = readonly;
	app.present = present;
	app.earlier = earlier;
	app.show_changed = earlier != NULL;
	app.resp = resp;
	app.cl = resp->cl;
	app.file = file;
	app.lang = lang;
	app.filter.level = CHECKLIST_LEVEL_NONE;
	app.nthemes = tui_order_themes(app.cl, &app.themes);
	app.nav_focus = true;
	tui_app_reopen(&app);
	if (!tui_app_start(&app)) {
		free(app.themes);
		return TUI_EXIT_IO;
	}
	app.nav = tui_nav_new();
	app.undo = checklist_undo_new(resp, TUI_UNDO_DEPTH);
	if (notice != NULL)
		tui_message(&app, true, "%s", notice);
	tui_compare_refresh(&app);
	if (app.present) { /* the presentation alone, then the end */
		tui_app_layout(&app);
		tui_present_run(&app, false);
		app.quit = true;
	} else
		tui_workshop_ask_agency(&app);
	tui_app_loop(&app);
	status = tui_app_finish(&app);
	free(app.changed);
	return status;
}

int
tui_run(struct checklist_response *resp, const char *file, const char *lang,
    const char *notice)
{
	return tui_app_run(resp, file, lang, notice, false, false, NULL);
}

int
tui_run_opts(struct checklist_response *resp, const char *file,
    const char *lang, const char *notice, xmlNodePtr earlier)
{
	return tui_app_run(resp, file, lang, notice, false, false, earlier);
}

int
tui_run_readonly(struct checklist_response *resp, const char *title,
    const char *lang)
{
	return tui_app_run(resp, title, lang, _("Read-only: a received "
	    "submission cannot be changed. q or F10 goes back."), true, false,
	    NULL);
}

int
tui_run_present(struct checklist_response *resp, const char *file,
    const char *lang)
{
	return tui_app_run(resp, file, lang, NULL, true, true, NULL);
}

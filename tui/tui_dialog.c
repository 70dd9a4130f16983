/*
 * tui_dialog.c: modal screens over the application: a message, a yes/no
 * question, a line of input (a libformw field), a list to choose from (a
 * libmenuw menu) and a scrolling pager (help, progress). Each runs a
 * small loop of its own; a resize lays the application out again behind
 * it and the dialog is drawn anew; a signal cancels it at once so that
 * the main loop can save and leave. Esc always cancels.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms.h"
#include "tui/tui_app.h"

#define TUI_ESC 27
/* What tui_dialog_key() returns for a paste (beside OK, KEY_CODE_YES and
 * ERR). */
#define TUI_DIALOG_PASTE (-2)

/* The event EV as a key: OK, KEY_CODE_YES, or ERR for what is no key
 * (an Alt key, a sequence dropped). */
static int
tui_dialog_event_key(struct tui_in *ev, wint_t *ch)
{
	*ch = ev->ch;
	return ev->kind == TUI_IN_CHAR ? OK : ev->kind == TUI_IN_KEY ?
	    KEY_CODE_YES : ERR;
}

/* A key for a dialog: OK or KEY_CODE_YES; ERR after a signal or when
 * the window became too small. Resizes are passed on (KEY_RESIZE) after
 * the screen behind is redone. A paste is TUI_DIALOG_PASTE, its event in
 * *PASTE (freed by the caller), when PASTE is not NULL; else ignored: a
 * pasted letter is never a dialog's answer. */
static int
tui_dialog_key(struct tui_app *app, wint_t *ch, struct tui_in *paste)
{
	struct tui_in ev;
	int rc;

	for (;;) {
		rc = tui_app_event(app, &ev) ? tui_dialog_event_key(&ev, ch) :
		    ERR;
		if (ev.kind == TUI_IN_PASTE && paste != NULL &&
		    app->signal == 0) {
			*paste = ev;
			return TUI_DIALOG_PASTE;
		}
		tui_in_clear(&ev);
		if (app->signal == 0)
			app->signal = tui_signal_pending();
		if (app->signal != 0)
			return ERR;
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && *ch == KEY_RESIZE) {
			tui_app_behind(app);
			if (app->too_small)
				return ERR; /* no room: cancel, the loop says so */
		}
		return rc;
	}
}

/* The next key for the dialog in WIN, which stays as it is over a resize
 * of the screen behind it. */
static int
tui_dialog_key_in(struct tui_app *app, WINDOW *win, wint_t *ch,
    struct tui_in *paste)
{
	int rc;

	for (;;) {
		wrefresh(win);
		rc = tui_dialog_key(app, ch, paste);
		if (rc != KEY_CODE_YES || *ch != KEY_RESIZE)
			return rc;
		touchwin(win);
	}
}

static bool
tui_dialog_is(int rc, wint_t ch, wint_t want, bool iskey)
{
	return ch == want && (rc == KEY_CODE_YES) == iskey;
}

static bool
tui_dialog_cancel(int rc, wint_t ch)
{
	return rc == ERR || tui_dialog_is(rc, ch, TUI_ESC, false) ||
	    tui_dialog_is(rc, ch, 'q', false) ||
	    tui_dialog_is(rc, ch, KEY_F(10), true);
}

static bool
tui_dialog_enter(int rc, wint_t ch)
{
	return tui_dialog_is(rc, ch, '\n', false) ||
	    tui_dialog_is(rc, ch, '\r', false) ||
	    tui_dialog_is(rc, ch, KEY_ENTER, true);
}

/* A boxed window of H x W in the middle, TITLE on its top border. */
static WINDOW *
tui_dialog_box(struct tui_app *app, int h, int w, const char *title)
{
	WINDOW *win;
	char *t;

	if (h > LINES)
		h = LINES;
	if (w > COLS)
		w = COLS;
	win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (win == NULL)
		checklist_fatal(_("cannot make a window of %dx%d"), w, h);
	keypad(win, TRUE);
	wbkgd(win, ' ' | tui_attr(app, TUI_ROLE_DIALOG));
	box(win, 0, 0);
	if (title != NULL && w > 6) {
		t = tui_text_fit(title, w - 6, false);
		wattron(win, A_BOLD);
		mvwprintw(win, 0, 2, " %s ", t);
		wattroff(win, A_BOLD);
		free(t);
	}
	curs_set(0);
	return win;
}

static int
tui_dialog_width(void)
{
	return COLS - 4 < 72 ? COLS - 4 : 72;
}

/* TEXT wrapped in a box, FOOT on its last line; the window is returned
 * drawn and refreshed. */
static WINDOW *
tui_dialog_text(struct tui_app *app, const char *title, const char *text,
    const char *foot)
{
	int w = tui_dialog_width(), i;
	char **lines = NULL;
	size_t n = 0;
	WINDOW *win;

	tui_text_wrap(text, w - 4, &lines, &n);
	if ((int)n > LINES - 6)
		n = (size_t)(LINES - 6);
	win = tui_dialog_box(app, (int)n + 4, w, title);
	for (i = 0; i < (int)n; i++)
		mvwaddstr(win, 1 + i, 2, lines[i]);
	wattron(win, A_BOLD);
	mvwaddnstr(win, (int)n + 2, 2, foot, w - 4);
	wattroff(win, A_BOLD);
	wrefresh(win);
	tui_lines_free(lines, n);
	return win;
}

void
tui_dialog_message(struct tui_app *app, const char *title, const char *text)
{
	WINDOW *win = tui_dialog_text(app, title, text, _("Press a key."));
	wint_t ch;
	int rc;

	while ((rc = tui_dialog_key(app, &ch, NULL)) == KEY_CODE_YES &&
	    ch == KEY_RESIZE) {
		delwin(win);
		win = tui_dialog_text(app, title, text, _("Press a key."));
	}
	delwin(win);
}

bool
tui_dialog_yesno(struct tui_app *app, const char *question)
{
	static const char foot[] = N_("y: yes   n: no");
	WINDOW *win = tui_dialog_text(app, _("Question"), question, _(foot));
	bool yes = false;
	wint_t ch;
	int rc;

	for (;;) {
		rc = tui_dialog_key(app, &ch, NULL);
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			delwin(win);
			win = tui_dialog_text(app, _("Question"), question, _(foot));
			continue;
		}
		if (rc == OK && (ch == 'y' || ch == 'Y'))
			yes = true;
		else if (!(rc == OK && (ch == 'n' || ch == 'N')) &&
		    !tui_dialog_cancel(rc, ch) && !tui_dialog_enter(rc, ch))
			continue;
		break;
	}
	delwin(win);
	return yes;
}

/* The form of one input line in WIN at row 2. */
static FORM *
tui_dialog_field(WINDOW *win, FIELD **fields)
{
	int w = getmaxx(win) - 4;
	FORM *form;

	fields[0] = new_field(1, w, 0, 0, 0, 0);
	fields[1] = NULL;
	if (fields[0] == NULL)
		checklist_fatal(_("cannot make an input field"));
	field_opts_off(fields[0], O_AUTOSKIP | O_STATIC);
	set_max_field(fields[0], 1000);
	set_field_back(fields[0], A_UNDERLINE);
	form = new_form(fields);
	if (form == NULL)
		checklist_fatal(_("cannot make an input form"));
	set_form_win(form, win);
	set_form_sub(form, derwin(win, 1, w, 2, 2));
	post_form(form);
	return form;
}

/* Give key CH to the input FORM. */
static void
tui_dialog_edit(FORM *form, int rc, wint_t ch)
{
	if (rc == OK && ch >= ' ' && ch != 127) {
		form_driver_w(form, OK, ch);
		return;
	}
	if ((rc == OK && (ch == 127 || ch == 8)) ||
	    (rc == KEY_CODE_YES && ch == KEY_BACKSPACE))
		form_driver(form, REQ_DEL_PREV);
	else if (rc == KEY_CODE_YES && ch == KEY_DC)
		form_driver(form, REQ_DEL_CHAR);
	else if (rc == KEY_CODE_YES && ch == KEY_LEFT)
		form_driver(form, REQ_PREV_CHAR);
	else if (rc == KEY_CODE_YES && ch == KEY_RIGHT)
		form_driver(form, REQ_NEXT_CHAR);
	else if (rc == KEY_CODE_YES && ch == KEY_HOME)
		form_driver(form, REQ_BEG_LINE);
	else if (rc == KEY_CODE_YES && ch == KEY_END)
		form_driver(form, REQ_END_LINE);
}

/* A paste into the input line: its first line, tabs as blanks. */
static void
tui_dialog_paste(FORM *form, struct tui_in *paste)
{
	size_t i = 0;
	wint_t wc;

	while (i < paste->len) {
		i += tui_in_utf8_get(paste->text + i, paste->len - i, &wc);
		if (wc == L'\n')
			break;
		form_driver_w(form, OK, wc == L'\t' ? L' ' : (wchar_t)wc);
	}
	tui_in_clear(paste);
}

static char *
tui_dialog_form_text(FORM *form, FIELD *field)
{
	char *s, *e;

	form_driver(form, REQ_VALIDATION);
	s = checklist_xstrdup(field_buffer(field, 0));
	for (e = s + strlen(s); e > s && e[-1] == ' '; e--)
		;
	*e = '\0';
	return s;
}

char *
tui_dialog_prompt(struct tui_app *app, const char *label)
{
	WINDOW *win = tui_dialog_box(app, 5, tui_dialog_width(), label);
	FIELD *fields[2];
	FORM *form = tui_dialog_field(win, fields);
	char *text = NULL;
	struct tui_in paste;
	wint_t ch;
	int rc;

	mvwaddstr(win, 4, 2, _(" Enter: go   Esc: cancel "));
	curs_set(1);
	for (;;) {
		rc = tui_dialog_key_in(app, win, &ch, &paste);
		if (rc == TUI_DIALOG_PASTE) {
			tui_dialog_paste(form, &paste);
			continue;
		}
		if (rc == ERR || tui_dialog_is(rc, ch, TUI_ESC, false))
			break;
		if (tui_dialog_enter(rc, ch)) {
			text = tui_dialog_form_text(form, fields[0]);
			break;
		}
		tui_dialog_edit(form, rc, ch);
	}
	unpost_form(form);
	delwin(form_sub(form));
	free_form(form);
	free_field(fields[0]);
	delwin(win);
	curs_set(0);
	return text;
}

/* The list dialog's menu over LINES, fitted to the box, FOOT below. */
static MENU *
tui_dialog_menu(WINDOW *win, char **lines, size_t n, ITEM ***items,
    char ***names, const char *foot)
{
	int h = getmaxy(win) - 4, w = getmaxx(win) - 4;
	MENU *menu;
	size_t i;

	*items = checklist_xcalloc(n + 1, sizeof **items);
	*names = checklist_xcalloc(n + 1, sizeof **names);
	for (i = 0; i < n; i++) {
		(*names)[i] = tui_text_fit(lines[i], w, true);
		(*items)[i] = new_item((*names)[i], "");
	}
	menu = new_menu(*items);
	if (menu == NULL)
		checklist_fatal(_("cannot make a list"));
	set_menu_win(menu, win);
	set_menu_sub(menu, derwin(win, h, w, 1, 2));
	set_menu_format(menu, h, 1);
	set_menu_mark(menu, "");
	menu_opts_off(menu, O_SHOWDESC);
	post_menu(menu);
	mvwaddnstr(win, h + 2, 2, foot, w);
	return menu;
}

static void
tui_dialog_menu_free(MENU *menu, ITEM **items, char **names, size_t n)
{
	size_t i;

	unpost_menu(menu);
	delwin(menu_sub(menu));
	free_menu(menu);
	for (i = 0; i < n; i++) {
		free_item(items[i]);
		free(names[i]);
	}
	free(items);
	free(names);
}

static int
tui_dialog_menu_req(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES)
		return forms_menu_request(ch, true);
	return ch == 'k' ? REQ_UP_ITEM : ch == 'j' ? REQ_DOWN_ITEM : 0;
}

/* A page further than the list goes: its first or last line. */
static void
tui_dialog_menu_move(MENU *menu, int req)
{
	if (menu_driver(menu, req) != E_REQUEST_DENIED)
		return;
	if (req == REQ_SCR_DPAGE)
		menu_driver(menu, REQ_LAST_ITEM);
	else if (req == REQ_SCR_UPAGE)
		menu_driver(menu, REQ_FIRST_ITEM);
}

int
tui_dialog_list(struct tui_app *app, const char *title, char **lines,
    size_t n)
{
	return tui_dialog_list_keys(app, title, NULL, lines, n, NULL, NULL);
}

int
tui_dialog_list_keys(struct tui_app *app, const char *title,
    const char *foot, char **lines, size_t n, const char *keys, wint_t *key)
{
	int h = (int)n + 4 > LINES - 2 ? LINES - 2 : (int)n + 4;
	WINDOW *win = tui_dialog_box(app, h, COLS - 4, title);
	ITEM **items;
	char **names;
	MENU *menu = tui_dialog_menu(win, lines, n, &items, &names,
	    foot != NULL ? foot : _("Enter: go there   Esc: close"));
	int choice = -1, rc, req;
	wint_t ch;

	for (;;) {
		rc = tui_dialog_key_in(app, win, &ch, NULL);
		if (tui_dialog_cancel(rc, ch))
			break;
		if (tui_dialog_enter(rc, ch)) {
			choice = item_index(current_item(menu));
			break;
		}
		if (rc == OK && keys != NULL && ch > 0 && ch < 128 &&
		    strchr(keys, (int)ch) != NULL) {
			*key = ch;
			choice = -2;
			break;
		}
		if ((req = tui_dialog_menu_req(rc, ch)) != 0)
			tui_dialog_menu_move(menu, req);
	}
	tui_dialog_menu_free(menu, items, names, n);
	delwin(win);
	return choice;
}

/* Draw lines TOP.. of the pager in WIN, TITLE on the border. */
static void
tui_dialog_page(WINDOW *win, const char *title, char **lines, size_t n,
    size_t top)
{
	int h = getmaxy(win) - 3, i;

	for (i = 0; i < h; i++) {
		wmove(win, 1 + i, 1);
		wclrtoeol(win);
		if (top + (size_t)i < n)
			mvwaddstr(win, 1 + i, 2, lines[top + (size_t)i]);
	}
	box(win, 0, 0);
	wattron(win, A_BOLD);
	mvwprintw(win, 0, 2, " %s ", title);
	wattroff(win, A_BOLD);
}

/* Move TOP for a scrolling key; PAGE lines show of N. */
static void
tui_dialog_scroll(int rc, wint_t ch, size_t *top, size_t page, size_t n)
{
	if (rc == KEY_CODE_YES && ch == KEY_DOWN)
		(*top)++;
	else if (rc == KEY_CODE_YES && ch == KEY_UP && *top > 0)
		(*top)--;
	else if ((rc == KEY_CODE_YES && ch == KEY_NPAGE) ||
	    (rc == OK && ch == ' '))
		*top += page;
	else if (rc == KEY_CODE_YES && ch == KEY_PPAGE)
		*top = *top > page ? *top - page : 0;
	else if (rc == KEY_CODE_YES && ch == KEY_HOME)
		*top = 0;
	else if (rc == KEY_CODE_YES && ch == KEY_END)
		*top = n;
	if (*top + page > n)
		*top = n > page ? n - page : 0;
}

/* The pager's box for the current size, its lines built anew. */
static WINDOW *
tui_dialog_pager_box(struct tui_app *app, const char *title,
    char **(*build)(struct tui_app *app, int width, size_t *n),
    char ***lines, size_t *n)
{
	WINDOW *win = tui_dialog_box(app, LINES - 2, COLS, title);

	mvwaddnstr(win, LINES - 4, 2, _(" Up/Down/PgUp/PgDn: scroll   q, Esc: "
	    "close "), COLS - 4);
	*lines = build(app, COLS - 4, n);
	return win;
}

void
tui_dialog_pager(struct tui_app *app, const char *title,
    char **(*build)(struct tui_app *app, int width, size_t *n))
{
	size_t n = 0, top = 0;
	char **lines = NULL;
	WINDOW *win = NULL;
	wint_t ch;
	int rc = KEY_CODE_YES;

	for (ch = KEY_RESIZE;; rc = tui_dialog_key(app, &ch, NULL)) {
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			if (win != NULL)
				delwin(win);
			tui_lines_free(lines, n);
			win = tui_dialog_pager_box(app, title, build, &lines, &n);
		} else if (tui_dialog_cancel(rc, ch) || tui_dialog_enter(rc, ch) ||
		    tui_dialog_is(rc, ch, KEY_F(1), true) ||
		    tui_dialog_is(rc, ch, '?', false))
			break;
		tui_dialog_scroll(rc, ch, &top, (size_t)(LINES - 5), n);
		tui_dialog_page(win, title, lines, n, top);
		wrefresh(win);
	}
	tui_lines_free(lines, n);
	delwin(win);
}

/*
 * forms_chooser.c: a choice list too long for the page (the 195 States of
 * the front section) shows only its value; Enter or Space opens a
 * chooser: a libmenuw menu in a framed window over the page, run by a
 * small key loop of its own while the caller waits in forms_page_key().
 *
 * Typing filters the options by a case-insensitive substring of the label
 * or of the value, so "gha", "GHA" and "Ghana" all find Ghana (GHA).
 * libmenu's own pattern matches only the start of an item's name, so the
 * menu is built again from the options that match. Up, Down, PgUp, PgDn,
 * Home, End move; Backspace and Ctrl-U take back what was typed. A single
 * choice is made with Enter or Space; a multiple one is marked with Space
 * and confirmed with Enter. Esc leaves the value as it was.
 *
 * The marks "(*)" and "[x]" are part of the item names, as in the page's
 * short lists: libmenu's O_ONEVALUE-off selection paints a chosen item in
 * the same reverse video as the current one, which would make the two
 * look alike. Marking builds the menu again, keeping its place.
 *
 * A resize closes the chooser and gives KEY_RESIZE back (ungetch) for the
 * application to lay itself out again; a failed read (a signal, a closed
 * terminal) closes it too. Keys are read on the chooser's window through
 * the application's reader (forms_set_key_reader: a paste types into the
 * filter, its line ends dropped, so that a paste never chooses), else
 * wget_wch(); the tests feed them with unget_wch() and ungetch().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "forms/forms_internal.h"

#define FORMS_FIND_MAX 64

enum chooser_state { CHOOSER_ON, CHOOSER_DONE, CHOOSER_CANCEL };

struct chooser {
	struct forms_page *page;
	const struct checklist_question *q;
	bool multi;
	size_t n;          /* options, "other" included */
	wchar_t **labels;  /* sanitized, for the menu */
	wchar_t **keys;    /* "label value" in lower case, for the filter */
	bool *chosen;      /* the selection being made */
	wchar_t find[FORMS_FIND_MAX + 1];
	size_t nfind;
	size_t *shown;     /* the options matching FIND, in order */
	size_t nshown;
	WINDOW *win, *sub;
	int mrows, mcols;  /* the menu's part of the window */
	MENU *menu;        /* NULL while nothing matches */
	ITEM **items;
	char **names;
};

/* ------------------------------------------------------------- the page */

bool
forms_choice_long(const struct checklist_question *q)
{
	return q->type != CHECKLIST_Q_BOOLEAN &&
	    forms_choice_count(q) > FORMS_LONG_LIST;
}

/* The chosen options' labels, "; " between them; the raw value when no
 * option matches it (a file from elsewhere: its problem is shown under
 * it); "(none chosen)". Caller frees. */
static char *
chooser_summary(struct forms_page *page, const struct forms_item *it)
{
	const char *value = forms_value(page, it->path);
	size_t i, n = forms_choice_count(it->q);
	char *out = checklist_xstrdup(""), *next;

	for (i = 0; i < n; i++) {
		if (!forms_choice_selected(value, forms_choice_value(it->q, i)))
			continue;
		next = checklist_xasprintf("%s%s%s", out, out[0] ? "; " : "",
		    forms_choice_label(page, it->q, i));
		free(out);
		out = next;
	}
	if (out[0] != '\0')
		return out;
	free(out);
	return checklist_xstrdup(value[0] != '\0' ? value : _("(none chosen)"));
}

/* The value of a long list from virtual row VY, and under it, when it
 * has the focus, how to open the chooser; returns the rows used. */
int
forms_chooser_render(struct forms_page *page, struct forms_item *it, int vy,
    int x, int width, bool draw)
{
	bool cur = it == forms_current_item(page);
	char *sum = chooser_summary(page, it), *hint;
	int rows = 0, n = 0;

	it->frow = vy - it->top;
	it->fcol = x;
	it->fwidth = width;
	it->crow = it->frow;
	forms_put_lines(page, vy, x, width, sum, false,
	    cur ? A_BOLD | A_REVERSE : A_BOLD, &rows, draw);
	free(sum);
	it->frows = rows;
	if (!cur)
		return rows;
	hint = checklist_xasprintf(_("Enter: choose from %zu options; type "
	    "part of a name%s"), forms_choice_count(it->q), it->q->type ==
	    CHECKLIST_Q_MULTIPLE ? _(", Space marks") : _(" to find one"));
	forms_put_lines(page, vy + rows, x, width, hint, false, A_NORMAL, &n,
	    draw);
	free(hint);
	return rows + n;
}

/* A key on a long list: Enter or Space opens the chooser, Delete or
 * Backspace clears the value. */
enum forms_reaction
forms_chooser_key(struct forms_page *page, struct forms_item *it, wint_t ch,
    bool iskey)
{
	if ((!iskey && (ch == L' ' || ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER))
		return forms_chooser_run(page, it);
	if ((iskey && (ch == KEY_DC || ch == KEY_BACKSPACE)) ||
	    (!iskey && (ch == 127 || ch == 8))) {
		if (forms_value(page, it->path)[0] == '\0')
			return FORMS_HANDLED;
		return forms_store(page, it->path, "");
	}
	if (iskey && (ch == KEY_LEFT || ch == KEY_RIGHT || ch == KEY_HOME ||
	    ch == KEY_END))
		return FORMS_HANDLED;
	return FORMS_IGNORED;
}

/* --------------------------------------------------------- the options */

/* LABEL and VALUE in lower case, for a case-insensitive filter. */
static wchar_t *
chooser_match_key(const wchar_t *label, const char *value)
{
	wchar_t *v = forms_wcs(value, false);
	size_t n = wcslen(label), m = wcslen(v), i;
	wchar_t *k = checklist_xreallocarray(NULL, n + m + 2, sizeof *k);

	wmemcpy(k, label, n);
	k[n] = L' ';
	wmemcpy(k + n + 1, v, m + 1);
	for (i = 0; k[i] != L'\0'; i++)
		k[i] = (wchar_t)towlower((wint_t)k[i]);
	free(v);
	return k;
}

static void
chooser_options(struct chooser *c, const char *value)
{
	size_t i;

	c->labels = checklist_xcalloc(c->n, sizeof *c->labels);
	c->keys = checklist_xcalloc(c->n, sizeof *c->keys);
	c->chosen = checklist_xcalloc(c->n, sizeof *c->chosen);
	c->shown = checklist_xcalloc(c->n, sizeof *c->shown);
	for (i = 0; i < c->n; i++) {
		const char *v = forms_choice_value(c->q, i);

		c->labels[i] = forms_wcs(forms_choice_label(c->page, c->q, i),
		    false);
		c->keys[i] = chooser_match_key(c->labels[i], v);
		c->chosen[i] = forms_choice_selected(value, v);
		c->shown[i] = i;
	}
	c->nshown = c->n;
}

/* How well LOW matches option I: 0 at the start of its label, 1 at the
 * start of a word (its code: "gha"), 2 elsewhere, 3 not at all. */
static int
chooser_rank(const struct chooser *c, size_t i, const wchar_t *low)
{
	const wchar_t *k = c->keys[i], *p;
	int best = 3;

	for (p = wcsstr(k, low); p != NULL && best > 0;
	    p = *p != L'\0' ? wcsstr(p + 1, low) : NULL) {
		if (p == k)
			best = 0;
		else if (best > 1 && !iswalnum((wint_t)p[-1]))
			best = 1;
		else if (best > 2)
			best = 2;
	}
	return best;
}

/* The options matching what was typed, in their order; returns the best
 * match, for the cursor ((size_t)-1 when none). */
static size_t
chooser_filter(struct chooser *c)
{
	wchar_t low[FORMS_FIND_MAX + 1];
	size_t i, best = (size_t)-1;
	int r, rbest = 3;

	for (i = 0; i <= c->nfind; i++)
		low[i] = (wchar_t)towlower((wint_t)c->find[i]);
	c->nshown = 0;
	for (i = 0; i < c->n; i++) {
		r = chooser_rank(c, i, low);
		if (r == 3)
			continue;
		c->shown[c->nshown++] = i;
		if (r < rbest) {
			rbest = r;
			best = i;
		}
	}
	return best;
}

/* --------------------------------------------------------------- the menu */

/* Option I as a menu item's name: its mark and label, fitted to the
 * menu's width (libmenu refuses to post a menu wider than its window);
 * a right-to-left label is right-aligned, spaces before its mark.
 * UTF-8; caller frees. */
static char *
chooser_name(const struct chooser *c, size_t i)
{
	const wchar_t *mark = c->multi ? (c->chosen[i] ? L"[x] " : L"[ ] ") :
	    (c->chosen[i] ? L"(*) " : L"( ) ");
	size_t n = wcslen(c->labels[i]), pad = 0, k, len;
	wchar_t *w = checklist_xreallocarray(NULL, n + 5 + (size_t)c->mcols,
	    sizeof *w);
	int used;
	char *s;

	wmemcpy(w, mark, 4);
	wmemcpy(w + 4, c->labels[i], n + 1);
	k = forms_fit(w, n + 4, c->mcols, &used);
	if (forms_rtl(c->labels[i]) && used < c->mcols) {
		pad = (size_t)(c->mcols - used);
		wmemmove(w + pad, w, k);
		wmemset(w, L' ', pad);
	}
	w[pad + k] = L'\0';
	len = wcstombs(NULL, w, 0);
	if (len == (size_t)-1) {
		free(w);
		return checklist_xstrdup("?");
	}
	s = checklist_xmalloc(len + 1);
	wcstombs(s, w, len + 1);
	free(w);
	return s;
}

static void
chooser_menu_drop(struct chooser *c)
{
	size_t i;

	if (c->menu != NULL) {
		unpost_menu(c->menu);
		free_menu(c->menu);
	}
	for (i = 0; c->items != NULL && c->items[i] != NULL; i++)
		free_item(c->items[i]);
	for (i = 0; c->names != NULL && c->names[i] != NULL; i++)
		free(c->names[i]);
	free(c->items);
	free(c->names);
	c->menu = NULL;
	c->items = NULL;
	c->names = NULL;
}

static ITEM **
chooser_items(struct chooser *c)
{
	size_t i;

	c->items = checklist_xcalloc(c->nshown + 1, sizeof *c->items);
	c->names = checklist_xcalloc(c->nshown + 1, sizeof *c->names);
	for (i = 0; i < c->nshown; i++) {
		c->names[i] = chooser_name(c, c->shown[i]);
		c->items[i] = new_item(c->names[i], "");
		if (c->items[i] == NULL) /* a name libmenu finds unprintable */
			c->items[i] = new_item("?", "");
		if (c->items[i] == NULL)
			checklist_fatal(_("cannot make a list item"));
	}
	return c->items;
}

/* The posted menu's first row TOP (CHOOSER_CENTRE: with WANT in the
 * middle), on option WANT when it is shown (else the first). */
#define CHOOSER_CENTRE (-1)
static void
chooser_menu_place(struct chooser *c, size_t want, int top)
{
	size_t i, at = c->nshown;

	for (i = 0; i < c->nshown; i++)
		if (c->shown[i] == want)
			at = i;
	if (top == CHOOSER_CENTRE)
		top = at < c->nshown ? (int)at - c->mrows / 2 : 0;
	if (top > (int)c->nshown - c->mrows)
		top = (int)c->nshown - c->mrows;
	if (top > 0)
		set_top_row(c->menu, top);
	if (at < c->nshown)
		set_current_item(c->menu, c->items[at]);
}

/* The menu of the options shown, placed as chooser_menu_place() says. */
static void
chooser_menu_build(struct chooser *c, size_t want, int top)
{
	const char *none = _("No option matches.");

	chooser_menu_drop(c);
	werase(c->sub);
	if (c->nshown > 0) {
		c->menu = new_menu(chooser_items(c));
		if (c->menu == NULL)
			checklist_fatal(_("cannot make a list"));
		set_menu_win(c->menu, c->win);
		set_menu_sub(c->menu, c->sub);
		set_menu_format(c->menu, c->mrows, 1);
		set_menu_mark(c->menu, "");
		menu_opts_off(c->menu, O_SHOWDESC);
		if (post_menu(c->menu) == E_OK) {
			chooser_menu_place(c, want, top);
			return;
		}
		chooser_menu_drop(c); /* no room after all */
		none = _("The options do not fit here.");
	}
	mvwaddnstr(c->sub, 0, 0, none, c->mcols);
}

/* The option under the cursor, or (size_t)-1. */
static size_t
chooser_current(const struct chooser *c)
{
	ITEM *item = c->menu != NULL ? current_item(c->menu) : NULL;

	return item != NULL ? c->shown[item_index(item)] : (size_t)-1;
}

/* ------------------------------------------------------------ the window */

/* Cells the widest label needs, with its mark. */
static int
chooser_widest(const struct chooser *c)
{
	size_t i;
	int w = 0, k;

	for (i = 0; i < c->n; i++) {
		k = forms_wcswidth(c->labels[i], wcslen(c->labels[i])) + 4;
		if (k > w)
			w = k;
	}
	return w;
}

/* The framed window over the page, sized to the options and the page's
 * window; false when that window is too small. */
static bool
chooser_window(struct chooser *c)
{
	int ph, pw, by, bx, h, w;

	getmaxyx(c->page->win, ph, pw);
	getbegyx(c->page->win, by, bx);
	h = (int)c->n + 4 < ph ? (int)c->n + 4 : ph;
	w = chooser_widest(c) + 4;
	w = w < 44 ? 44 : w;
	w = w < pw ? w : pw;
	if (h < 6 || w < 24)
		return false;
	c->mrows = h - 4;
	c->mcols = w - 4;
	c->win = newwin(h, w, by + (ph - h) / 2, bx + (pw - w) / 2);
	if (c->win == NULL)
		return false;
	c->sub = derwin(c->win, c->mrows, c->mcols, 1, 2);
	if (c->sub == NULL) {
		delwin(c->win);
		return false;
	}
	keypad(c->win, TRUE);
	return true;
}

/* S fitted into MAXW cells at Y, X of the chooser's window; returns the
 * cells used. */
static int
chooser_put(struct chooser *c, int y, int x, const wchar_t *s, int maxw,
    attr_t attr)
{
	int used;
	size_t k = forms_fit(s, wcslen(s), maxw < 0 ? 0 : maxw, &used);

	wattr_set(c->win, attr, 0, NULL);
	mvwaddnwstr(c->win, y, x, s, (int)k);
	wattr_set(c->win, A_NORMAL, 0, NULL);
	return used;
}

/* The same for the UTF-8 text S (the interface's words, translated). */
static int
chooser_put_text(struct chooser *c, int y, int x, const char *s, int maxw,
    attr_t attr)
{
	wchar_t *w = forms_wcs(s, false);
	int used = chooser_put(c, y, x, w, maxw, attr);

	free(w);
	return used;
}

/* The frame: the question on the top border, what was typed, the keys;
 * the terminal's cursor after what was typed. */
static void
chooser_frame(struct chooser *c)
{
	int h = getmaxy(c->win), w = getmaxx(c->win), x;
	wchar_t *title = forms_wcs(forms_label(c->page, &c->q->label), false);
	char *n = checklist_xasprintf(_("%zu of %zu"), c->nshown, c->n);
	wchar_t *count = forms_wcs(n, false);
	int cw = forms_wcswidth(count, wcslen(count));

	box(c->win, 0, 0);
	mvwaddch(c->win, 0, 1, ' ');
	x = chooser_put(c, 0, 2, title, w - 6, A_BOLD);
	mvwaddch(c->win, 0, 2 + x, ' ');
	mvwhline(c->win, h - 3, 1, ' ', w - 2);
	chooser_put(c, h - 3, w - 2 - cw, count, 20, A_NORMAL);
	x = 2 + chooser_put_text(c, h - 3, 2, _("Type to find: "), w - 4,
	    A_NORMAL);
	x += chooser_put(c, h - 3, x, c->find, w - 4 - x - cw, A_BOLD);
	mvwhline(c->win, h - 2, 1, ' ', w - 2);
	chooser_put_text(c, h - 2, 2, c->multi ?
	    _("Space: mark  Enter: done  Esc: cancel") :
	    _("Enter: choose  Esc: cancel"), w - 4, A_NORMAL);
	free(count);
	free(n);
	wmove(c->win, h - 3, x < w - 1 ? x : w - 2);
	free(title);
}

/* -------------------------------------------------------------- the keys */

int
forms_menu_request(wint_t ch, bool iskey)
{
	if (!iskey)
		return 0;
	switch (ch) {
	case KEY_UP: return REQ_UP_ITEM;
	case KEY_DOWN: return REQ_DOWN_ITEM;
	case KEY_PPAGE: return REQ_SCR_UPAGE;
	case KEY_NPAGE: return REQ_SCR_DPAGE;
	case KEY_HOME: return REQ_FIRST_ITEM;
	case KEY_END: return REQ_LAST_ITEM;
	default: return 0;
	}
}

/* A page further than the list goes: its first or last option. */
static void
chooser_move(struct chooser *c, int req)
{
	if (c->menu == NULL || menu_driver(c->menu, req) != E_REQUEST_DENIED)
		return;
	if (req == REQ_SCR_DPAGE)
		menu_driver(c->menu, REQ_LAST_ITEM);
	else if (req == REQ_SCR_UPAGE)
		menu_driver(c->menu, REQ_FIRST_ITEM);
}

/* Take a typed character (or Backspace, Ctrl-U); filter again, the
 * cursor on the best match. */
static void
chooser_type(struct chooser *c, wint_t ch, bool iskey)
{
	size_t cur = chooser_current(c), best;

	if ((iskey && ch == KEY_BACKSPACE) || (!iskey && (ch == 127 ||
	    ch == 8))) {
		if (c->nfind == 0)
			return;
		c->find[--c->nfind] = L'\0';
	} else if (!iskey && ch == FORMS_CTRL('u')) {
		c->nfind = 0;
		c->find[0] = L'\0';
	} else if (!iskey && iswprint(ch) && c->nfind < FORMS_FIND_MAX) {
		c->find[c->nfind++] = (wchar_t)ch;
		c->find[c->nfind] = L'\0';
	} else {
		return;
	}
	best = chooser_filter(c);
	chooser_menu_build(c, c->nfind > 0 ? best : cur, CHOOSER_CENTRE);
}

/* Space or Enter in a single choice: the option under the cursor. */
static enum chooser_state
chooser_pick(struct chooser *c)
{
	size_t cur = chooser_current(c), i;

	if (cur == (size_t)-1)
		return CHOOSER_ON;
	for (i = 0; i < c->n; i++)
		c->chosen[i] = i == cur;
	return CHOOSER_DONE;
}

/* Space in a multiple choice: mark or unmark, the menu kept in place. */
static enum chooser_state
chooser_toggle(struct chooser *c)
{
	size_t cur = chooser_current(c);

	if (cur == (size_t)-1)
		return CHOOSER_ON;
	c->chosen[cur] = !c->chosen[cur];
	chooser_menu_build(c, cur, top_row(c->menu));
	return CHOOSER_ON;
}

static enum chooser_state
chooser_key(struct chooser *c, int rc, wint_t ch)
{
	bool iskey = rc == KEY_CODE_YES;
	int req = forms_menu_request(ch, iskey);

	if (rc == ERR)
		return CHOOSER_CANCEL;
	if (iskey && ch == KEY_RESIZE) {
		ungetch(KEY_RESIZE); /* the application lays itself out */
		return CHOOSER_CANCEL;
	}
	if ((!iskey && (ch == FORMS_ESC || ch == FORMS_CTRL('c'))) ||
	    (iskey && ch == KEY_F(10)))
		return CHOOSER_CANCEL;
	if (req != 0) {
		chooser_move(c, req);
		return CHOOSER_ON;
	}
	if ((!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER))
		return c->multi ? CHOOSER_DONE : chooser_pick(c);
	if (!iskey && ch == L' ')
		return c->multi ? chooser_toggle(c) : chooser_pick(c);
	chooser_type(c, ch, iskey);
	return CHOOSER_ON;
}

/* ------------------------------------------------------------ the whole */

/* The value the marks make, in the order of the options. Caller frees. */
static char *
chooser_value(const struct chooser *c)
{
	char *out = checklist_xstrdup(""), *next;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!c->chosen[i])
			continue;
		next = checklist_xasprintf("%s%s%s", out, out[0] ? " " : "",
		    forms_choice_value(c->q, i));
		free(out);
		out = next;
	}
	return out;
}

static void
chooser_close(struct chooser *c)
{
	size_t i;

	chooser_menu_drop(c);
	if (c->sub != NULL)
		delwin(c->sub);
	if (c->win != NULL)
		delwin(c->win);
	for (i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->keys[i]);
	}
	free(c->labels);
	free(c->keys);
	free(c->chosen);
	free(c->shown);
	touchwin(c->page->win); /* the caller draws the page again */
}

/* The chooser of IT, on its option under the cursor; false (a message
 * on the page) when the page's window has no room for it. */
static bool
chooser_open(struct chooser *c, struct forms_page *page,
    const struct forms_item *it)
{
	memset(c, 0, sizeof *c);
	c->page = page;
	c->q = it->q;
	c->multi = it->q->type == CHECKLIST_Q_MULTIPLE;
	c->n = forms_choice_count(it->q);
	chooser_options(c, forms_value(page, it->path));
	if (!chooser_window(c)) {
		chooser_close(c);
		forms_set_message(page, it->path, _("The window is too small for "
		    "the list of options; make it larger."));
		return false;
	}
	chooser_menu_build(c, (size_t)it->cursor, CHOOSER_CENTRE);
	return true;
}

static forms_key_reader forms_reader;

void
forms_set_key_reader(forms_key_reader read)
{
	forms_reader = read;
}

static int
forms_read_key(WINDOW *win, wint_t *ch)
{
	return forms_reader != NULL ? forms_reader(win, ch) :
	    wget_wch(win, ch);
}

/* Open the chooser of IT, run it, and store what was chosen. */
enum forms_reaction
forms_chooser_run(struct forms_page *page, struct forms_item *it)
{
	struct chooser c;
	enum chooser_state st = CHOOSER_ON;
	enum forms_reaction re = FORMS_HANDLED;
	char *path, *nv = NULL;
	size_t cur;
	wint_t ch = 0;
	int rc;

	if (!chooser_open(&c, page, it))
		return FORMS_HANDLED;
	while (st == CHOOSER_ON) {
		chooser_frame(&c);
		rc = forms_read_key(c.win, &ch);
		st = chooser_key(&c, rc, ch);
	}
	cur = chooser_current(&c);
	if (st == CHOOSER_DONE && cur != (size_t)-1)
		it->cursor = (int)cur; /* kept by the rebuild after storing */
	if (st == CHOOSER_DONE)
		nv = chooser_value(&c);
	chooser_close(&c);
	path = checklist_xstrdup(it->path);
	if (nv != NULL && strcmp(nv, forms_value(page, path)) != 0)
		re = forms_store(page, path, nv); /* IT is gone after this */
	free(nv);
	free(path);
	return re;
}

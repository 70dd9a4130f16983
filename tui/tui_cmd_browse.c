/*
 * tui_cmd_browse.c: `sacl browse --db STORE [--lang LANG]`: the
 * secretariat looks at what came in. A list of the stored submissions
 * (a libmenuw menu, by State, newest first: State, completeness,
 * revision, received, current or superseded); Enter opens one in the
 * navigator and pages of `sacl fill`, read-only (tui_run_readonly: no
 * key changes an answer, nothing is saved; progress and F5 work); q or
 * F10 there comes back to the list, q or F10 in the list ends.
 *
 * The submission shown is read again from its stored package by the
 * one reader (export_store_read), as `sacl get --db` does: the store is
 * only read.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_store.h"
#include "tui/tui.h"
#include "tui/tui_cmd.h"
#include "tui/tui_curses.h"

static const char tui_browse_usage[] = "sacl browse --db STORE [--lang LANG]";

struct tui_browse {
	struct export_store *s;
	const char *lang;
	struct export_store_entry *subs;
	size_t n;
	char **lines;          /* the menu's texts, one per submission */
	int selected;
};

static void
tui_browse_help(void)
{
	printf(_("Usage: %s\n"
	    "Browse the submissions stored in STORE (sacl import made it):\n"
	    "a list of States and their submissions; Enter opens one in the\n"
	    "screens of `sacl fill`, read-only. q or F10 goes back, then\n"
	    "ends.\n\n"
	    "  -d, --db=STORE  the store\n"
	    "  -l, --lang=L    show the texts in language L\n"
	    "  -h, --help      show this help and exit\n\n"
	    "Exit: 0 done, 2 usage (no terminal), 3 the store could not be\n"
	    "read.\n"), tui_browse_usage);
}

/* The columns of the list: their headings (translated at use) and
 * widths; the last, the submission id, is as wide as it is. Our words
 * are padded by display width (tui_text_fit), a translation too long
 * for its column cut with "~". */
enum { TUI_BROWSE_NCOLS = 6 };
static const int tui_browse_width[TUI_BROWSE_NCOLS] = {
	28, 9, 7, 4, 16, 10
};
static const char *const tui_browse_head[TUI_BROWSE_NCOLS] = {
	/* TRANSLATORS: the columns of sacl browse, at most 28, 9, 7
	 * ("Req.": required answers given), 4 ("Rev.": revision), 16 and
	 * 10 columns wide */
	N_("State"), N_("Complete"), N_("Req."), N_("Rev."), N_("Received"),
	N_("Status")
};

/* The headings' line, over tui_browse_line's columns. Caller frees. */
static char *
tui_browse_heading(void)
{
	char *cell[TUI_BROWSE_NCOLS], *s;
	size_t i;

	for (i = 0; i < TUI_BROWSE_NCOLS; i++)
		cell[i] = tui_text_fit(_(tui_browse_head[i]),
		    tui_browse_width[i], true);
	s = checklist_xasprintf("%s %s %s  %s %s  %s  %s", cell[0], cell[1],
	    cell[2], cell[3], cell[4], cell[5], _("Submission"));
	for (i = 0; i < TUI_BROWSE_NCOLS; i++)
		free(cell[i]);
	return s;
}

/* One line of the list for E. Caller frees. */
static char *
tui_browse_line(const struct export_store_entry *e)
{
	char when[17], *state, *done, *cur, *s;

	snprintf(when, sizeof when, "%.16s", e->received);
	if (strlen(when) > 10)
		when[10] = ' ';
	/* in columns, never cut inside a character (a State's name may be
	 * in any script) */
	state = tui_text_cell(e->state_label[0] != '\0' ? e->state_label :
	    _("(no State)"), tui_browse_width[0], false);
	done = tui_text_fit(e->complete ? _("complete") : _("partial"),
	    tui_browse_width[1], true);
	cur = tui_text_fit(e->current ? _("current") : _("superseded"),
	    tui_browse_width[5], true);
	s = checklist_xasprintf("%s %s %3zu/%-3zu  r%-3lld %-16s  %s  %.8s",
	    state, done, e->required_answered, e->required, e->revision, when,
	    cur, e->submission);
	free(state);
	free(done);
	free(cur);
	return s;
}

/* Open entry I read-only; returns an exit status (0: go on). */
static int
tui_browse_open(struct tui_browse *b, size_t i)
{
	const struct export_store_entry *e = &b->subs[i];
	struct export_package *p = NULL;
	struct checklist_error err;
	char *sub, *title;
	int rc;

	checklist_error_clear(&err);
	sub = checklist_xasprintf("%s:%lld", e->submission, e->revision);
	if (export_store_read(b->s, sub, &p, &err) != CHECKLIST_OK) {
		free(sub);
		tui_cmd_error(&err);
		return tui_cmd_exit_for(err.status);
	}
	title = checklist_xasprintf(_("%s, revision %lld"),
	    e->state[0] != '\0' ? e->state : e->submission, e->revision);
	rc = tui_run_readonly(p->response, title, b->lang);
	free(title);
	free(sub);
	export_package_free(p);
	return rc;
}

/* The list, once: returns the entry chosen, or -1 to end. */
static int
tui_browse_menu(struct tui_browse *b)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);
	ITEM **items;
	MENU *m;
	char *head;
	wint_t ch;
	int k, chosen = -2;
	size_t i;

	if (scr == NULL)
		return -1;
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	items = checklist_xcalloc(b->n + 1, sizeof *items);
	for (i = 0; i < b->n; i++)
		items[i] = new_item(b->lines[i], "");
	m = new_menu(items);
	set_menu_format(m, LINES > 4 ? LINES - 4 : 1, 1);
	set_menu_mark(m, "> ");
	set_menu_win(m, stdscr);
	set_menu_sub(m, derwin(stdscr, LINES > 4 ? LINES - 4 : 1, COLS, 2, 0));
	mvprintw(0, 0, P_("sacl browse: %zu submission. Enter opens one "
	    "(read-only); q or F10 ends.", "sacl browse: %zu submissions. "
	    "Enter opens one (read-only); q or F10 ends.", b->n), b->n);
	head = tui_browse_heading();
	mvaddstr(1, 2, head);
	free(head);
	post_menu(m);
	set_current_item(m, items[b->selected]);
	while (chosen == -2) {
		refresh();
		k = get_wch(&ch);
		if (k == KEY_CODE_YES && ch == KEY_DOWN)
			menu_driver(m, REQ_DOWN_ITEM);
		else if (k == KEY_CODE_YES && ch == KEY_UP)
			menu_driver(m, REQ_UP_ITEM);
		else if (k == KEY_CODE_YES && ch == KEY_NPAGE)
			menu_driver(m, REQ_SCR_DPAGE);
		else if (k == KEY_CODE_YES && ch == KEY_PPAGE)
			menu_driver(m, REQ_SCR_UPAGE);
		else if (k == KEY_CODE_YES && ch == KEY_HOME)
			menu_driver(m, REQ_FIRST_ITEM);
		else if (k == KEY_CODE_YES && ch == KEY_END)
			menu_driver(m, REQ_LAST_ITEM);
		else if ((k == KEY_CODE_YES && ch == KEY_ENTER) ||
		    (k == OK && (ch == L'\n' || ch == L'\r')))
			chosen = item_index(current_item(m));
		else if ((k == KEY_CODE_YES && ch == KEY_F(10)) ||
		    (k == OK && (ch == L'q' || ch == 3)))
			chosen = -1;
	}
	b->selected = item_index(current_item(m));
	unpost_menu(m);
	free_menu(m);
	for (i = 0; i < b->n; i++)
		free_item(items[i]);
	free(items);
	endwin();
	delscreen(scr);
	return chosen;
}

static int
tui_browse_run(struct tui_browse *b)
{
	struct checklist_error err;
	int chosen, rc = TUI_EXIT_OK;
	size_t i;

	checklist_error_clear(&err);
	if (export_store_list(b->s, &b->subs, &b->n, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return tui_cmd_exit_for(err.status);
	}
	if (b->n == 0) {
		printf(_("The store holds no submission yet (sacl import).\n"));
		return TUI_EXIT_OK;
	}
	b->lines = checklist_xcalloc(b->n, sizeof *b->lines);
	for (i = 0; i < b->n; i++)
		b->lines[i] = tui_browse_line(&b->subs[i]);
	while (rc == TUI_EXIT_OK && (chosen = tui_browse_menu(b)) >= 0)
		rc = tui_browse_open(b, (size_t)chosen);
	for (i = 0; i < b->n; i++)
		free(b->lines[i]);
	free(b->lines);
	export_store_list_free(b->subs, b->n);
	return rc;
}

/* Returns -1 to go on, or the exit status. */
static int
tui_browse_options(int argc, char **argv, const char **db, const char **lang)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "d:l:h", opts, NULL)) != -1) {
		if (c == 'd')
			*db = optarg;
		else if (c == 'l') /* the screens in L too */
			*lang = optarg, tui_i18n_set_lang(optarg);
		else if (c == 'h') {
			tui_browse_help();
			return TUI_EXIT_OK;
		} else
			return tui_cmd_usage(tui_browse_usage);
	}
	if (argc != optind || *db == NULL)
		return tui_cmd_usage(tui_browse_usage);
	return -1;
}

int
tui_cmd_browse(int argc, char **argv)
{
	struct tui_browse b;
	struct checklist_error err;
	const char *db = NULL;
	int rc;

	memset(&b, 0, sizeof b);
	if ((rc = tui_browse_options(argc, argv, &db, &b.lang)) >= 0)
		return rc;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tui_cmd_warn(_("browse needs a terminal; `sacl report` and "
		    "`sacl get --db` read the store from scripts"));
		return TUI_EXIT_USAGE;
	}
	checklist_error_clear(&err);
	if (export_store_open(db, false, &b.s, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return tui_cmd_exit_for(err.status);
	}
	rc = tui_browse_run(&b);
	export_store_close(b.s);
	return rc;
}

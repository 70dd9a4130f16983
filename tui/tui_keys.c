/*
 * tui_keys.c: THE key table of `sacl fill`. The dispatcher looks keys up
 * here, the help screen lists them from here, and the KEYS section of
 * doc/sacl.1 is printed from here (`sacl fill --print-keys`), so that a
 * binding exists in one place only.
 */
#include "config.h"

#include <assert.h>

#include <string.h>

#include "tui/tui.h"

#define CTRL(c) ((wint_t)((c) & 0x1f))

/* Rows of the same action stay together: the help merges them. */
const struct tui_key tui_keys[] = {
	/* everywhere */
	{ KEY_F(1), true, TUI_SCOPE_GLOBAL, "F1", TUI_ACT_HELP,
	  N_("help: the provision, the current question's hint, these keys"),
	  TUI_HINT_NAV | TUI_HINT_PAGE | TUI_HINT_EDIT, N_("help") },
	{ KEY_F(2), true, TUI_SCOPE_GLOBAL, "F2", TUI_ACT_FOCUS,
	  N_("switch between the list of provisions and the question page"),
	  TUI_HINT_PAGE, N_("list") },
	{ KEY_F(3), true, TUI_SCOPE_GLOBAL, "F3", TUI_ACT_SEARCH,
	  N_("search provision numbers, titles, questions and answers"), 0,
	  NULL },
	{ CTRL('f'), false, TUI_SCOPE_GLOBAL, "Ctrl-F", TUI_ACT_SEARCH, NULL,
	  0, NULL },
	{ KEY_F(4), true, TUI_SCOPE_GLOBAL, "F4", TUI_ACT_PROGRESS,
	  N_("progress: required answers given, per article, as bars"), 0, NULL },
	{ KEY_F(5), true, TUI_SCOPE_GLOBAL, "F5", TUI_ACT_VIEW,
	  N_("read the current answer in full"), 0, NULL },
	{ CTRL('n'), false, TUI_SCOPE_GLOBAL, "Ctrl-N", TUI_ACT_NEXT_REQUIRED,
	  N_("next required question still unanswered, on any page"),
	  TUI_HINT_PAGE, N_("required") },
	{ CTRL('g'), false, TUI_SCOPE_GLOBAL, "Ctrl-G", TUI_ACT_GOTO,
	  N_("go to a provision by its number, e.g. 9.1(a)"), 0, NULL },
	{ CTRL('x'), false, TUI_SCOPE_GLOBAL, "Ctrl-X", TUI_ACT_EXPORT,
	  N_("export: list what is incomplete, then write the package"), 0, NULL },
	{ KEY_F(7), true, TUI_SCOPE_GLOBAL, "F7", TUI_ACT_SETTLE,
	  N_("settle the conflict of the current question (sacl merge found "
	  "different answers): take one value, another, edit, or keep both "
	  "in a long text; one change, undone by Ctrl-Z"), 0, NULL },
	{ CTRL('z'), false, TUI_SCOPE_GLOBAL, "Ctrl-Z", TUI_ACT_UNDO,
	  N_("undo: take back the last change (again: the one before), saved "
	  "like any change; while typing, first give back the field's value"),
	  TUI_HINT_EDIT, N_("undo") },
	{ KEY_F(9), true, TUI_SCOPE_GLOBAL, "F9", TUI_ACT_PRESENT,
	  N_("presentation mode for a room (F9 again comes back): read-only, "
	  "one provision a screen in large spacing; Left/Right or PgUp/PgDn "
	  "move, Up/Down scroll, o the overview, q asks before leaving; no other "
	  "key does anything"), 0, NULL },
	{ CTRL('s'), false, TUI_SCOPE_GLOBAL, "Ctrl-S", TUI_ACT_SAVE,
	  N_("save now, or retry after a failed save (every change is saved "
	  "anyway)"), 0, NULL },
	{ CTRL('l'), false, TUI_SCOPE_GLOBAL, "Ctrl-L", TUI_ACT_REDRAW,
	  N_("redraw the screen"), 0, NULL },
	{ KEY_F(6), true, TUI_SCOPE_GLOBAL, "F6", TUI_ACT_LANG,
	  N_("language: show the checklist and the screens in another language "
	  "(recorded in the response; the page and the answers stay)"), 0,
	  NULL },
	{ KEY_F(8), true, TUI_SCOPE_GLOBAL, "F8", TUI_ACT_REVIEW_CONFIRM,
	  N_("confirm the current answer carried from the last cycle (fill "
	  "--from) as reviewed; undoable, saved"), 0, NULL },
	{ KEY_F(10), true, TUI_SCOPE_GLOBAL, "F10", TUI_ACT_QUIT,
	  N_("quit (answers are saved as you go)"), TUI_HINT_PAGE, N_("quit") },
	{ CTRL('c'), false, TUI_SCOPE_GLOBAL, "Ctrl-C", TUI_ACT_QUIT, NULL, 0,
	  NULL },
	/* in the list (Esc, Tab, PgUp, PgDn on a page too) */
	{ 'q', false, TUI_SCOPE_NAV, "q", TUI_ACT_QUIT, NULL, TUI_HINT_NAV,
	  N_("quit") },
	{ '?', false, TUI_SCOPE_NAV, "?", TUI_ACT_HELP, NULL, 0, NULL },
	{ 'm', false, TUI_SCOPE_NAV, "m", TUI_ACT_LEGEND,
	  N_("the marks of the list and what they mean"), TUI_HINT_NAV, N_("marks") },
	{ '\t', false, TUI_SCOPE_COMMAND, "Tab", TUI_ACT_FOCUS, NULL, 0, NULL },
	{ 27, false, TUI_SCOPE_COMMAND, "Esc", TUI_ACT_LIST,
	  N_("from a page (no field being edited): back to the list"), 0, NULL },
	{ KEY_NPAGE, true, TUI_SCOPE_COMMAND, "PgDn", TUI_ACT_NEXT_PROV,
	  N_("next provision (in the list: the next screenful; in a long text "
	  "being edited: a boxful down)"), 0, NULL },
	{ ']', false, TUI_SCOPE_NAV, "]", TUI_ACT_NEXT_PROV, NULL, 0, NULL },
	{ KEY_PPAGE, true, TUI_SCOPE_COMMAND, "PgUp", TUI_ACT_PREV_PROV,
	  N_("previous provision (in the list: the previous screenful)"), 0,
	  NULL },
	{ '[', false, TUI_SCOPE_NAV, "[", TUI_ACT_PREV_PROV, NULL, 0, NULL },
	{ 'n', false, TUI_SCOPE_NAV, "n", TUI_ACT_NEXT_REQUIRED, NULL, 0,
	  NULL },
	{ 'c', false, TUI_SCOPE_NAV, "c", TUI_ACT_NEXT_CONFLICT,
	  N_("next conflict left by a merge (marked in the list)"), 0,
	  NULL },
	{ '/', false, TUI_SCOPE_NAV, "/", TUI_ACT_SEARCH, NULL, 0, NULL },
	{ 'g', false, TUI_SCOPE_NAV, "g", TUI_ACT_GOTO, NULL, 0, NULL },
	{ 'p', false, TUI_SCOPE_NAV, "p", TUI_ACT_PROGRESS, NULL, 0, NULL },
	{ 'v', false, TUI_SCOPE_NAV, "v", TUI_ACT_VIEW, NULL, 0, NULL },
	{ 'z', false, TUI_SCOPE_NAV, "z", TUI_ACT_UNDO, NULL, 0, NULL },
	{ 'l', false, TUI_SCOPE_NAV, "l", TUI_ACT_FILTER_LEVEL,
	  N_("list only one obligation level: all, shall, shall consider, may"), 0,
	  NULL },
	{ 't', false, TUI_SCOPE_NAV, "t", TUI_ACT_FILTER_THEME,
	  N_("list only one theme (press again for the next theme)"), 0, NULL },
	{ 'u', false, TUI_SCOPE_NAV, "u", TUI_ACT_UNFINISHED,
	  N_("list only what is unfinished, or everything again"), 0, NULL },
	{ 'x', false, TUI_SCOPE_NAV, "x", TUI_ACT_EXPORT, NULL, 0, NULL },
	{ 'o', false, TUI_SCOPE_NAV, "o", TUI_ACT_OVERVIEW,
	  N_("overview for a room: every article with its progress bar, the "
	  "required questions open, conflicts and answers to review"), 0,
	  NULL },
	{ 'r', false, TUI_SCOPE_NAV, "r", TUI_ACT_REVIEW_NEXT,
	  N_("next answer carried from the last cycle still to review"), 0,
	  NULL },
	{ 'd', false, TUI_SCOPE_NAV, "d", TUI_ACT_COMPARE,
	  N_("highlight the answers changed since the file given to fill "
	  "--compare, or stop"), 0, NULL },
	{ KEY_UP, true, TUI_SCOPE_NAV, "Up", TUI_ACT_UP,
	  N_("list: previous line"), 0, NULL },
	{ 'k', false, TUI_SCOPE_NAV, "k", TUI_ACT_UP, NULL, 0, NULL },
	{ KEY_DOWN, true, TUI_SCOPE_NAV, "Down", TUI_ACT_DOWN,
	  N_("list: next line"), 0, NULL },
	{ 'j', false, TUI_SCOPE_NAV, "j", TUI_ACT_DOWN, NULL, 0, NULL },
	{ KEY_HOME, true, TUI_SCOPE_NAV, "Home", TUI_ACT_FIRST,
	  N_("list: first line"), 0, NULL },
	{ KEY_END, true, TUI_SCOPE_NAV, "End", TUI_ACT_LAST,
	  N_("list: last line"), 0, NULL },
	{ '\n', false, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN,
	  N_("list: open the questions of the provision"), 0, NULL },
	{ '\r', false, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN, NULL, 0, NULL },
	{ KEY_ENTER, true, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN, NULL, 0,
	  NULL },
	{ KEY_RIGHT, true, TUI_SCOPE_NAV, "Right", TUI_ACT_OPEN, NULL, 0,
	  NULL },
	/* on a question page: the page's own keys (documented here) */
	{ 0, false, TUI_SCOPE_PAGE, "letters, digits", TUI_ACT_PAGE_TYPE,
	  N_("on a text, number or date question: start editing it with that "
	  "key, after the text already there (no letter is ever a command on "
	  "a page)"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Enter", TUI_ACT_PAGE_ENTER,
	  N_("edit the text answer (editing: store it; in a long text, a new "
	  "line); on a list: choose; on an entry: open or close it"),
	  TUI_HINT_EDIT, N_("store") },
	{ 0, false, TUI_SCOPE_PAGE, "Space", TUI_ACT_PAGE_SPACE,
	  N_("choose an option, or tick and untick it in a multiple choice"), 0,
	  NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Up, Down, Tab, Shift-Tab",
	  TUI_ACT_PAGE_MOVE, N_("previous / next question (editing: the value "
	  "is stored first; in a long text Up and Down move by row and leave "
	  "it from its first or last row)"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Left, Right, Home, End, Ctrl-A",
	  TUI_ACT_PAGE_CARET, N_("move in the text being edited, or among a "
	  "list's options"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Backspace, Delete", TUI_ACT_PAGE_ERASE,
	  N_("erase a character (Backspace on a text question starts editing)"),
	  0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Ctrl-U, Ctrl-K", TUI_ACT_PAGE_CLEAR,
	  N_("editing: clear the text; erase to the end of the line"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Esc", TUI_ACT_PAGE_CANCEL,
	  N_("editing: give back the value the field had when the edit began "
	  "(even after an idle save)"), TUI_HINT_EDIT, N_("cancel") },
	{ 0, false, TUI_SCOPE_PAGE, "Ctrl-E", TUI_ACT_PAGE_EDITOR,
	  N_("edit the text answer in $VISUAL or $EDITOR"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "paste", TUI_ACT_PAGE_PASTE,
	  N_("pasted text goes into the field being edited, all at once (in one "
	  "line, newlines become spaces); elsewhere it is ignored"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "a, Insert", TUI_ACT_PAGE_ADD,
	  N_("on a list of entries (laws cited...): add an entry"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "d, Delete", TUI_ACT_PAGE_DELETE,
	  N_("on an entry: delete it (asks first)"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "K, J", TUI_ACT_PAGE_ENTRY,
	  N_("on an entry: move it up / down"), 0, NULL },
	{ 0, false, TUI_SCOPE_PAGE, "Alt+letter", TUI_ACT_PAGE_ALT,
	  N_("the list's letter command from a page: Alt-n next required, Alt-q "
	  "quit, Alt-x export..."), 0, NULL },
};
const size_t tui_nkeys = sizeof tui_keys / sizeof tui_keys[0];

enum tui_action
tui_key_lookup(wint_t ch, bool iskey, enum tui_scope scope)
{
	size_t i;

	if (scope == TUI_SCOPE_PAGE)
		return TUI_ACT_NONE; /* documentation only */
	for (i = 0; i < tui_nkeys; i++)
		if (tui_keys[i].key == ch && tui_keys[i].iskey == iskey &&
		    tui_keys[i].scope == scope)
			return tui_keys[i].action;
	return TUI_ACT_NONE;
}

const char *
tui_action_desc(enum tui_action action)
{
	size_t i;

	for (i = 0; i < tui_nkeys; i++)
		if (tui_keys[i].action == action && tui_keys[i].desc != NULL)
			return _(tui_keys[i].desc);
	return NULL;
}

char *
tui_action_keys(enum tui_action action)
{
	char buf[160] = "";
	size_t i, j, first = tui_nkeys;

	for (i = 0; i < tui_nkeys; i++) {
		if (tui_keys[i].action != action)
			continue;
		if (first == tui_nkeys)
			first = i;
		for (j = 0; j < i; j++) /* "Enter" once for three codes */
			if (tui_keys[j].action == action &&
			    strcmp(tui_keys[j].name, tui_keys[i].name) == 0)
				break;
		if (j < i)
			continue;
		if (buf[0] != '\0')
			strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
		strncat(buf, tui_keys[i].name, sizeof buf - strlen(buf) - 1);
		if (tui_keys[i].scope != TUI_SCOPE_GLOBAL &&
		    tui_keys[first].scope == TUI_SCOPE_GLOBAL)
			strncat(buf, _(" (list)"), sizeof buf - strlen(buf) - 1);
	}
	return checklist_xstrdup(buf);
}

const char *const tui_keys_part_title[TUI_KEYS_NPARTS] = {
	N_("Everywhere"), N_("In the list of provisions"), N_("On a question page"),
};

static enum tui_keys_part
tui_keys_part_of(const struct tui_key *k)
{
	switch (k->scope) {
	case TUI_SCOPE_GLOBAL: return TUI_KEYS_EVERYWHERE;
	case TUI_SCOPE_PAGE: return TUI_KEYS_PAGE;
	default: return TUI_KEYS_LIST;
	}
}

/* Each action of PART once, in table order (the part of an action is
 * that of its first row), with its keys and its description. */
size_t
tui_keys_lines(enum tui_keys_part part, char ***lines)
{
	bool seen[TUI_ACT_COUNT] = { false };
	size_t i, n = 0;

	*lines = NULL;
	for (i = 0; i < tui_nkeys; i++) {
		enum tui_action a = tui_keys[i].action;
		char *keys, *line;

		if (seen[a])
			continue;
		seen[a] = true;
		if (tui_keys_part_of(&tui_keys[i]) != part)
			continue;
		keys = tui_action_keys(a);
		line = checklist_xasprintf("%s\t%s", keys, tui_action_desc(a));
		tui_lines_add(lines, &n, line);
		free(keys);
		free(line);
	}
	return n;
}

/* Escape what roff would take as a request or an escape. */
static void
tui_keys_man_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static void
tui_keys_man_part(FILE *out, enum tui_keys_part part)
{
	char **lines;
	size_t i, n = tui_keys_lines(part, &lines);

	fprintf(out, ".SS %s\n", tui_keys_part_title[part]);
	for (i = 0; i < n; i++) {
		char *tab = strchr(lines[i], '\t');

		assert(tab != NULL); /* tui_keys_lines: KEYS<TAB>TEXT */
		*tab = '\0';
		fputs(".TP\n.B ", out);
		tui_keys_man_text(out, lines[i]);
		fputc('\n', out);
		tui_keys_man_text(out, tab + 1);
		fputc('\n', out);
	}
	tui_lines_free(lines, n);
}

void
tui_keys_print_man(FILE *out)
{
	int part;

	for (part = 0; part < TUI_KEYS_NPARTS; part++)
		tui_keys_man_part(out, (enum tui_keys_part)part);
}

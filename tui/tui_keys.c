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
	{ KEY_F(1), true, TUI_SCOPE_GLOBAL, "F1", TUI_ACT_HELP,
	  "help: the provision, the current question's hint, these keys",
	  TUI_HINT_NAV | TUI_HINT_PAGE, "help" },
	{ '?', false, TUI_SCOPE_COMMAND, "?", TUI_ACT_HELP, NULL, 0, NULL },
	{ 'm', false, TUI_SCOPE_COMMAND, "m", TUI_ACT_LEGEND,
	  "the marks of the list and what they mean", TUI_HINT_NAV, "marks" },
	{ KEY_F(2), true, TUI_SCOPE_GLOBAL, "F2", TUI_ACT_FOCUS,
	  "switch between the list of provisions and the question page",
	  TUI_HINT_PAGE, "list" },
	{ '\t', false, TUI_SCOPE_COMMAND, "Tab", TUI_ACT_FOCUS, NULL, 0, NULL },
	{ 27, false, TUI_SCOPE_COMMAND, "Esc", TUI_ACT_LIST,
	  "back to the list of provisions (after cancelling an edit)", 0,
	  NULL },
	{ KEY_NPAGE, true, TUI_SCOPE_COMMAND, "PgDn", TUI_ACT_NEXT_PROV,
	  "next provision (in the list: the next screenful)", 0, NULL },
	{ ']', false, TUI_SCOPE_COMMAND, "]", TUI_ACT_NEXT_PROV, NULL, 0, NULL },
	{ KEY_PPAGE, true, TUI_SCOPE_COMMAND, "PgUp", TUI_ACT_PREV_PROV,
	  "previous provision (in the list: the previous screenful)", 0, NULL },
	{ '[', false, TUI_SCOPE_COMMAND, "[", TUI_ACT_PREV_PROV, NULL, 0, NULL },
	{ 'n', false, TUI_SCOPE_COMMAND, "n", TUI_ACT_NEXT_REQUIRED,
	  "next required question still unanswered, on any page",
	  TUI_HINT_PAGE, "required" },
	{ '/', false, TUI_SCOPE_COMMAND, "/", TUI_ACT_SEARCH,
	  "search provision numbers, titles, questions and answers",
	  TUI_HINT_NAV, "search" },
	{ KEY_F(3), true, TUI_SCOPE_GLOBAL, "F3", TUI_ACT_SEARCH, NULL, 0,
	  NULL },
	{ 'g', false, TUI_SCOPE_COMMAND, "g", TUI_ACT_GOTO,
	  "go to a provision by its number, e.g. 9.1(a)", 0, NULL },
	{ 'p', false, TUI_SCOPE_COMMAND, "p", TUI_ACT_PROGRESS,
	  "progress: required answers given, per article, as bars", 0, NULL },
	{ KEY_F(4), true, TUI_SCOPE_GLOBAL, "F4", TUI_ACT_PROGRESS, NULL, 0,
	  NULL },
	{ 'l', false, TUI_SCOPE_COMMAND, "l", TUI_ACT_FILTER_LEVEL,
	  "list only one obligation level: all, shall, shall consider, may", 0,
	  NULL },
	{ 't', false, TUI_SCOPE_COMMAND, "t", TUI_ACT_FILTER_THEME,
	  "list only one theme (press again for the next theme)", 0, NULL },
	{ 'u', false, TUI_SCOPE_COMMAND, "u", TUI_ACT_UNFINISHED,
	  "list only what is unfinished, or everything again", 0, NULL },
	{ 'x', false, TUI_SCOPE_COMMAND, "x", TUI_ACT_EXPORT,
	  "export: list what is incomplete, then write the package", 0, NULL },
	{ CTRL('s'), false, TUI_SCOPE_GLOBAL, "Ctrl-S", TUI_ACT_SAVE,
	  "save now, or retry after a failed save (every change is saved "
	  "anyway)", 0, NULL },
	{ CTRL('l'), false, TUI_SCOPE_GLOBAL, "Ctrl-L", TUI_ACT_REDRAW,
	  "redraw the screen", 0, NULL },
	{ KEY_UP, true, TUI_SCOPE_NAV, "Up", TUI_ACT_UP,
	  "list: previous line", 0, NULL },
	{ 'k', false, TUI_SCOPE_NAV, "k", TUI_ACT_UP, NULL, 0, NULL },
	{ KEY_DOWN, true, TUI_SCOPE_NAV, "Down", TUI_ACT_DOWN,
	  "list: next line", 0, NULL },
	{ 'j', false, TUI_SCOPE_NAV, "j", TUI_ACT_DOWN, NULL, 0, NULL },
	{ KEY_HOME, true, TUI_SCOPE_NAV, "Home", TUI_ACT_FIRST,
	  "list: first line", 0, NULL },
	{ KEY_END, true, TUI_SCOPE_NAV, "End", TUI_ACT_LAST,
	  "list: last line", 0, NULL },
	{ '\n', false, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN,
	  "list: open the questions of the provision", TUI_HINT_NAV, "open" },
	{ '\r', false, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN, NULL, 0, NULL },
	{ KEY_ENTER, true, TUI_SCOPE_NAV, "Enter", TUI_ACT_OPEN, NULL, 0,
	  NULL },
	{ KEY_RIGHT, true, TUI_SCOPE_NAV, "Right", TUI_ACT_OPEN, NULL, 0,
	  NULL },
	{ 'q', false, TUI_SCOPE_COMMAND, "q", TUI_ACT_QUIT,
	  "quit (answers are saved as you go)", TUI_HINT_NAV, "quit" },
	{ KEY_F(10), true, TUI_SCOPE_GLOBAL, "F10", TUI_ACT_QUIT, NULL,
	  TUI_HINT_PAGE, "quit" },
	{ CTRL('c'), false, TUI_SCOPE_GLOBAL, "Ctrl-C", TUI_ACT_QUIT, NULL, 0,
	  NULL },
};
const size_t tui_nkeys = sizeof tui_keys / sizeof tui_keys[0];

enum tui_action
tui_key_lookup(wint_t ch, bool iskey, enum tui_scope scope)
{
	size_t i;

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
			return tui_keys[i].desc;
	return NULL;
}

char *
tui_action_keys(enum tui_action action)
{
	char buf[128] = "";
	size_t i, j;

	for (i = 0; i < tui_nkeys; i++) {
		if (tui_keys[i].action != action)
			continue;
		for (j = 0; j < i; j++) /* "Enter" once for three codes */
			if (tui_keys[j].action == action &&
			    strcmp(tui_keys[j].name, tui_keys[i].name) == 0)
				break;
		if (j < i)
			continue;
		if (buf[0] != '\0')
			strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
		strncat(buf, tui_keys[i].name, sizeof buf - strlen(buf) - 1);
	}
	return checklist_xstrdup(buf);
}

/* Each action once, in table order, with the keys and the description. */
size_t
tui_keys_lines(char ***lines)
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

void
tui_keys_print_man(FILE *out)
{
	char **lines;
	size_t i, n = tui_keys_lines(&lines);

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

/*
 * tui.h: the full-screen interface of `sacl fill`, the application around
 * the question pages of forms/: a navigator of articles and provisions
 * (libmenuw), help, search, progress, dialogs, the status line, the one
 * key table, resize and signal handling, and saving after every change.
 *
 * The parts that are not drawing (the key table, navigation order and
 * filters, search, display width) need no screen and are tested alone
 * (tests/test_tui_nav.c); the screens live in tui/tui_app.h.
 *
 * Ownership: nothing here owns the checklist or the response; functions
 * returning `char *` or arrays give them to the caller (free() them, or
 * the named _free function).
 */
#ifndef SACL_TUI_H
#define SACL_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tui/tui_curses.h"
#include "checklist/checklist.h"

/* ------------------------------------------------------------- the run */

/*
 * Run the full-screen interface on RESP, saved to FILE after every
 * committed change, texts in LANG (NULL: the checklist's default). Owns
 * the terminal from start to end and always restores it. The caller
 * holds the lock on FILE and has checked the terminal. NOTICE (NULL:
 * none) is shown in the status line at start. Returns an exit status
 * (enum tui_exit); after a signal, 128 + its number.
 */
int tui_run(struct checklist_response *resp, const char *file,
    const char *lang, const char *notice);
/* The same screens over RESP read-only (`sacl browse`): moving, progress
 * and viewing answers work; no key changes an answer, nothing is saved.
 * TITLE names what is shown (title line). The caller has checked the
 * terminal. */
/* tui_run with the answers changed since an earlier file (`fill
 * --compare`): EARLIER is its <response> element (NULL: none), borrowed
 * for the run; what differs from it, as the answers stand after each
 * change, is highlighted until `d` turns it off. */
int tui_run_opts(struct checklist_response *resp, const char *file,
    const char *lang, const char *notice, xmlNodePtr earlier);
int tui_run_readonly(struct checklist_response *resp, const char *title,
    const char *lang);
/* The presentation mode over RESP read-only (`sacl fill --present`):
 * one provision a screen, no key changes anything, nothing is saved;
 * q asks, then ends. FILE names what is shown. */
int tui_run_present(struct checklist_response *resp, const char *file,
    const char *lang);

/* ------------------------------------------------- the key table (tui_keys.c) */

enum tui_action {
	TUI_ACT_NONE = 0,
	TUI_ACT_HELP,         /* help: provision, question, keys */
	TUI_ACT_LEGEND,       /* what the marks of the list mean */
	TUI_ACT_QUIT,
	TUI_ACT_FOCUS,        /* between the navigator and the page */
	TUI_ACT_LIST,         /* back to the navigator */
	TUI_ACT_NEXT_PROV,
	TUI_ACT_PREV_PROV,
	TUI_ACT_NEXT_REQUIRED,
	TUI_ACT_SEARCH,
	TUI_ACT_GOTO,
	TUI_ACT_PROGRESS,
	TUI_ACT_SAVE,
	TUI_ACT_UNDO,         /* take back the last committed change */
	TUI_ACT_VIEW,         /* the current answer in full */
	TUI_ACT_REDRAW,
	TUI_ACT_FILTER_LEVEL,
	TUI_ACT_FILTER_THEME,
	TUI_ACT_UNFINISHED,
	TUI_ACT_EXPORT,
	TUI_ACT_PRESENT,      /* the presentation mode (read-only) */
	TUI_ACT_OVERVIEW,     /* the overview for a room */
	TUI_ACT_REVIEW_NEXT,    /* next answer to review (carried forward) */
	TUI_ACT_REVIEW_CONFIRM, /* confirm the current one as reviewed */
	TUI_ACT_COMPARE,        /* highlight answers changed (--compare) */
	TUI_ACT_LANG,         /* F6: the language of the texts and screens */
	TUI_ACT_UP,           /* navigator moves */
	TUI_ACT_DOWN,
	TUI_ACT_FIRST,
	TUI_ACT_LAST,
	TUI_ACT_OPEN,         /* open the page chosen in the navigator */
	TUI_ACT_SETTLE,       /* F7: settle the current question's conflict */
	TUI_ACT_NEXT_CONFLICT, /* c: the next conflict a merge left */
	/* The page's own keys (forms/forms_key.c, forms_field.c handle
	 * them): rows of the table for the help and the man page only. */
	TUI_ACT_PAGE_TYPE,
	TUI_ACT_PAGE_ENTER,
	TUI_ACT_PAGE_SPACE,
	TUI_ACT_PAGE_MOVE,
	TUI_ACT_PAGE_CARET,
	TUI_ACT_PAGE_ERASE,
	TUI_ACT_PAGE_CLEAR,
	TUI_ACT_PAGE_CANCEL,
	TUI_ACT_PAGE_EDITOR,
	TUI_ACT_PAGE_PASTE,
	TUI_ACT_PAGE_ADD,
	TUI_ACT_PAGE_DELETE,
	TUI_ACT_PAGE_ENTRY,
	TUI_ACT_PAGE_ALT,
	TUI_ACT_COUNT
};

/*
 * Where a key works. GLOBAL keys are looked at before the page sees the
 * key (function and control keys, never text); COMMAND keys work in the
 * navigator, and on the page when the page does not want the key (Esc,
 * Tab, PgUp, PgDn: never text either); NAV keys (the letters) only in the
 * navigator, and on a page as Alt+letter. PAGE rows are the page's own
 * keys, listed for the help and the man page, never looked up: on a page
 * no printable key runs a command.
 */
enum tui_scope {
	TUI_SCOPE_GLOBAL,
	TUI_SCOPE_COMMAND,
	TUI_SCOPE_NAV,
	TUI_SCOPE_PAGE,
};

/* Where the status line hints at a key (bits). */
#define TUI_HINT_NAV  1u
#define TUI_HINT_PAGE 2u
#define TUI_HINT_EDIT 4u

struct tui_key {
	wint_t key;          /* a character, or a KEY_ code when iskey */
	bool iskey;
	enum tui_scope scope;
	const char *name;    /* as the user reads it: "F1", "Ctrl-S", "q" */
	enum tui_action action;
	const char *desc;    /* for the help screen and the man page */
	unsigned hint;       /* TUI_HINT_*: shown in the status line */
	const char *short_desc; /* a word or two for the status line */
};

/* THE key table: the dispatcher, the help screen and doc/sacl.1 use it. */
extern const struct tui_key tui_keys[];
extern const size_t tui_nkeys;

/* The action of key CH (ISKEY: a KEY_ code) in SCOPE, TUI_ACT_NONE if it
 * has none there. */
enum tui_action tui_key_lookup(wint_t ch, bool iskey, enum tui_scope scope);
/* The description of ACTION (from its first key), NULL if no key has it. */
const char *tui_action_desc(enum tui_action action);
/* All names of the keys for ACTION, "q, F10"; caller frees. */
char *tui_action_keys(enum tui_action action);
/* The parts of the key list: everywhere (GLOBAL), in the list (COMMAND
 * and NAV), on a question page (PAGE). */
enum tui_keys_part { TUI_KEYS_EVERYWHERE, TUI_KEYS_LIST, TUI_KEYS_PAGE,
	TUI_KEYS_NPARTS };
extern const char *const tui_keys_part_title[TUI_KEYS_NPARTS];
/* One line per action of PART: "KEYS<TAB>DESCRIPTION"; caller frees each
 * line and the array (*LINES). Returns the count. */
size_t tui_keys_lines(enum tui_keys_part part, char ***lines);
/* The key table as man(7) .TP paragraphs, for doc/sacl.1. */
void tui_keys_print_man(FILE *out);

/* -------------------------------------- navigation order (tui_order.c) */

/* What the navigator shows. */
struct tui_filter {
	enum checklist_level level; /* CHECKLIST_LEVEL_NONE: every level */
	const char *theme;          /* NULL: every theme (borrowed) */
	bool unfinished;            /* hide complete and not relevant */
};

/* One line of the navigator. */
struct tui_entry {
	const struct checklist_group *group;
	enum checklist_state state;
};

/* The visible entries in reading order: the front section, each article
 * with its provisions and their lettered items. A parent is listed when a
 * child is. Caller frees *OUT. */
size_t tui_order_entries(struct checklist_response *r,
    const struct tui_filter *f, struct tui_entry **out);
/* Does group G itself pass filter F? */
bool tui_order_accepts(struct checklist_response *r,
    const struct tui_filter *f, const struct checklist_group *g);
/* Does G hold questions (can it be opened as a page)? */
bool tui_order_is_page(const struct checklist_group *g);
/* The page to open for G: G itself, or its first page below. */
const struct checklist_group *tui_order_page_of(
    const struct checklist_group *g);
/* The page after (DIR > 0) or before (DIR < 0) CURRENT among the pages
 * that pass F; NULL at either end. CURRENT NULL: the first or last. */
const struct checklist_group *tui_order_step(struct checklist_response *r,
    const struct tui_filter *f, const struct checklist_group *current,
    int dir);
/*
 * The next required, relevant question without an answer, after the
 * question AFTER on page PAGE (AFTER NULL: from the top of PAGE), going
 * on through the following pages and wrapping round to PAGE. NULL when
 * every required answer is given. A repeat counts as answered when it has
 * an entry.
 */
const struct checklist_question *tui_order_next_required(
    struct checklist_response *r, const struct checklist_group *page,
    const struct checklist_question *after);
/* Is question Q (not inside a repeat) answered? */
bool tui_order_answered(struct checklist_response *r,
    const struct checklist_question *q);
/* The distinct themes of the provisions, in reading order; caller frees
 * the array (the strings are the checklist's). */
size_t tui_order_themes(const struct checklist *cl, const char ***out);
/* The next level in the filter cycle: all, mandatory, consider, optional. */
enum checklist_level tui_order_next_level(enum checklist_level l);
/* Before a provision in the list, and on a question: a merge left
 * differing answers there (sacl merge), to settle with F7. */
#define TUI_CONFLICT_MARK "\u2260"
/* The marker of a state, readable in monochrome: "[x]", "[~]"... */
const char *tui_state_marker(enum checklist_state s);
/* An obligation level as the Convention words it: "shall", "shall
 * consider", "may"; "all levels" for CHECKLIST_LEVEL_NONE. */
const char *tui_level_label(enum checklist_level l);
/* A theme id as a label: "public-sector" -> "Public sector". Caller
 * frees. */
char *tui_theme_label(const char *theme);
/* The group whose number is NUMBER ("9.1", "9.1(a)", "9", "9.1a"); NULL
 * if none. */
const struct checklist_group *tui_order_find_number(
    const struct checklist *cl, const char *number);

/* ------------------------------------------------------ search (tui_find.c) */

struct tui_hit {
	const struct checklist_group *group;   /* the page to open */
	const struct checklist_question *q;    /* or NULL (number, title) */
	char *path;  /* the value path to focus, or NULL */
	char *text;  /* one line for the list, sanitised */
};

/* Search NEEDLE (case-insensitive for ASCII letters) in the provision
 * numbers, titles, question labels and answers of R, texts in LANG.
 * Caller frees with tui_find_free(). */
size_t tui_find(struct checklist_response *r, const char *lang,
    const char *needle, struct tui_hit **out);
void tui_find_free(struct tui_hit *hits, size_t n);

/* ------------------------------------------ the language (tui_i18n.c) */

/* The languages the interface is translated into, NULL-ended. */
extern const char *const tui_i18n_languages[];
/* Bind the catalogues ($SACL_LOCALEDIR, the build tree's po/, or the
 * installed ones); once, after setlocale. */
void tui_i18n_init(void);
/* Show the interface in LANG from now on ("fr", "zh", "en"...). */
void tui_i18n_set_lang(const char *lang);
/* The checklist's language matching the interface's (LANGUAGE, then
 * LC_MESSAGES), NULL for none: points into CL. */
const char *tui_i18n_pick(const struct checklist *cl);
/* The language's own name ("Français") for a tag, else the tag. */
const char *tui_i18n_name(const char *lang);

/* ------------------------------------------------- display width (tui_text.c) */

/* Display width of the UTF-8 (locale) string S; unprintable count as 1. */
int tui_text_width(const char *s);
/* S made safe for the screen (checklist_sanitize, newlines become
 * spaces) and cut to at most WIDTH columns, never in a character, "~"
 * marking the cut; padded with spaces to WIDTH when PAD. Caller frees. */
char *tui_text_fit(const char *s, int width, bool pad);
/* A table's cell: S fitted to exactly WIDTH columns (tui_text_fit),
 * aligned right when RIGHT (numbers and their headings). Columns are
 * counted, never bytes: "Конфликты" is 9 columns, 18 bytes. Caller
 * frees. */
char *tui_text_cell(const char *s, int width, bool right);
/* S sanitised and wrapped at WIDTH columns on spaces (newlines kept);
 * appended to *LINES (grown), *N updated. Caller frees. */
void tui_text_wrap(const char *s, int width, char ***lines, size_t *n);
/* HEAD then TEXT in WIDTH columns: a right-to-left TEXT right-aligned
 * after HEAD (forms_text_join_rtl: exactly WIDTH columns), else the two
 * as one text cut by tui_text_fit (padded when PAD). Caller frees. */
char *tui_text_join_rtl(const char *head, const char *text, int width,
    bool pad);
/* tui_text_wrap, but each paragraph whose first strong letter is right
 * to left has its lines right-aligned to WIDTH. */
void tui_text_wrap_rtl(const char *s, int width, char ***lines, size_t *n);
/* Append a copy of LINE to *LINES. */
void tui_lines_add(char ***lines, size_t *n, const char *line);
void tui_lines_free(char **lines, size_t n);

#endif /* SACL_TUI_H */

/*
 * forms_internal.h: what the files of the forms/ room share, never seen
 * outside it.
 *
 * A page is a list of items, one per thing the focus can rest on: a
 * question answered in a text field, a choice list, the "other" text of a
 * choice, the heading of a repeat group, one entry of a repeat (whose
 * child questions follow it as items while it is open). The items are
 * rebuilt from the model after every committed change (relevance), and
 * laid out in "virtual rows": the page scrolls over them below a fixed
 * title. Values are drawn by the page itself; the value being edited
 * lives in a buffer of the page's own (see forms_field.c for why).
 */
#ifndef SACL_FORMS_INTERNAL_H
#define SACL_FORMS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "forms/forms.h"

enum forms_ikind {
	FORMS_I_TEXT,   /* text, long text, numbers, date, file: a field */
	FORMS_I_CHOICE, /* boolean, single or multiple choice: a list */
	FORMS_I_OTHER,  /* the "please specify" text of a choice: a field */
	FORMS_I_REPEAT, /* the heading of a repeat group */
	FORMS_I_ENTRY,  /* one entry of a repeat group */
};

/* Lines of wrapped text: each a slice of TEXT, measured in cells. */
struct forms_lines {
	wchar_t *text;
	size_t n;
	size_t *start, *len;
	int *width;
};

struct forms_item {
	enum forms_ikind kind;
	const struct checklist_question *q;
	char *path;    /* value path; OTHER "P:other"; ENTRY "R[N]"; REPEAT R */
	char *repeat;  /* ENTRY: the path of its repeat (REPEAT: = path) */
	size_t index;  /* ENTRY: 1-based */
	bool open;     /* ENTRY: its child questions are shown */
	int depth;     /* nesting in repeats, for the indent */
	int top;       /* first virtual row (the label) */
	int height;    /* virtual rows */
	int frow;      /* first row of the value, relative to top */
	int fcol, frows, fwidth; /* the value's box: column, rows, width */
	int cursor;    /* CHOICE: the option under the cursor */
	int crow;      /* CHOICE: the cursor's row, relative to top */
	/* Judged and wrapped once per rebuild (the stored value changes only
	 * through a store, which rebuilds): a long answer costs a key what
	 * its first rows cost, not its whole length. */
	bool judged;
	char *problem; /* why the stored value is not valid, or NULL */
	int shown_width;               /* 0: not wrapped yet */
	struct forms_lines *shown;     /* the value's first rows */
};


/* A value being edited (forms_buf.c): the user's bytes, exactly. */
struct forms_buf {
	char *text;      /* UTF-8, NUL-terminated */
	size_t len, cap;
	size_t caret;    /* a byte offset at a cluster boundary */
	size_t max;      /* most bytes the value may hold */
	bool multiline;  /* long text: newlines stay */
	int goal;        /* the column Up and Down aim for, or -1 */
};

enum forms_buf_status { FORMS_BUF_SAME, FORMS_BUF_CHANGED, FORMS_BUF_FULL };

struct forms_page {
	struct checklist_response *r;
	const struct checklist_group *g;
	WINDOW *win;
	char *lang;
	struct forms_item *items;
	size_t nitems;
	size_t cur;
	int width, height; /* of WIN */
	int head;          /* fixed title rows at the top */
	int helprows;      /* virtual rows of the help text, blank included */
	int total;         /* virtual rows */
	int scroll;        /* first virtual row shown */
	/* Editing: the text of the current item in a buffer of our own
	 * (forms_buf.c), drawn over the item's value box (forms_view.c). */
	bool editing;
	struct forms_buf buf;
	char *edit_path;   /* the value being edited */
	char *edit_orig;   /* its value when the edit began: Esc gives it back */
	int edit_top;      /* long text: first row of the text shown */
	int edit_left;     /* one line: first cell shown */
	int cur_y, cur_x;  /* where the caret was drawn, in the window */
	/* The last message, and the item it belongs to (NULL: the page). */
	char message[1024];
	char *msg_path;
	bool confirm;      /* a deletion waits for y/n */
	bool pending;      /* committed before FORMS_EDITOR: report CHANGED */
	/* Open repeat entries, by entry path ("p1/laws[2]"). */
	char **open;
	size_t nopen;
	bool readonly;     /* no key changes a value (forms_page_set_readonly) */
	const char *changed; /* forms_page_set_changed; borrowed */
};

/* Colour pairs the caller gave (0: none). */
extern short forms_pair_title, forms_pair_field, forms_pair_error;

/* forms_page.c: rebuild, layout, focus. */
void forms_rebuild(struct forms_page *page);
void forms_layout(struct forms_page *page);
struct forms_item *forms_current_item(struct forms_page *page);
void forms_set_message(struct forms_page *page, const char *path,
    const char *msg);
void forms_clear_message(struct forms_page *page);
const char *forms_label(const struct forms_page *page,
    const struct checklist_text *t);
bool forms_focus_index(struct forms_page *page, size_t i);
const char *forms_value(struct forms_page *page, const char *path);

/* forms_draw.c: one item measured (DRAW false) or drawn at virtual row VY;
 * returns its height. */
int forms_item_render(struct forms_page *page, struct forms_item *it,
    int vy, bool draw);
int forms_help_render(struct forms_page *page, bool draw);
int forms_title_render(struct forms_page *page, bool draw);
void forms_put_lines(struct forms_page *page, int vy, int x, int width,
    const char *s, bool keep_newlines, attr_t attr, int *rows, bool draw);
void forms_put_vrow(struct forms_page *page, int vy, int x, const wchar_t *s,
    size_t n, int maxw, attr_t attr, bool draw);

/* forms_wrap.c: text by display width. */
wchar_t *forms_wcs(const char *s, bool keep_newlines);
int forms_cwidth(wchar_t c);
int forms_wcswidth(const wchar_t *s, size_t n);
size_t forms_fit(const wchar_t *s, size_t n, int maxw, int *used);
/* Is S right-to-left (its first strong character Arabic, Hebrew...)? Such
 * a text is drawn right-aligned; the terminal orders its characters. */
bool forms_rtl(const wchar_t *s);
void forms_wrap(struct forms_lines *l, const char *s, int width,
    bool keep_newlines);
void forms_wrap_rows(struct forms_lines *l, const char *s, int width,
    bool keep_newlines, size_t maxrows);
void forms_lines_free(struct forms_lines *l);

/* forms_choice.c: choice lists. */
size_t forms_choice_count(const struct checklist_question *q);
const char *forms_choice_value(const struct checklist_question *q, size_t i);
const char *forms_choice_label(const struct forms_page *page,
    const struct checklist_question *q, size_t i);
bool forms_choice_selected(const char *value, const char *opt);
int forms_choice_render(struct forms_page *page, struct forms_item *it,
    int vy, int x, int width, bool draw);
enum forms_reaction forms_choice_key(struct forms_page *page,
    struct forms_item *it, wint_t ch, bool iskey);
bool forms_choice_vertical(struct forms_page *page, struct forms_item *it,
    int delta);
bool forms_value_has_other(const struct checklist_question *q,
    const char *value);

/* forms_chooser.c: a list of more than FORMS_LONG_LIST options shows only
 * its value; Enter or Space opens a chooser over the page (a libmenuw
 * menu, filtered by typing) that runs its own key loop. */
#define FORMS_LONG_LIST 12
bool forms_choice_long(const struct checklist_question *q);
int forms_chooser_render(struct forms_page *page, struct forms_item *it,
    int vy, int x, int width, bool draw);
enum forms_reaction forms_chooser_key(struct forms_page *page,
    struct forms_item *it, wint_t ch, bool iskey);
enum forms_reaction forms_chooser_run(struct forms_page *page,
    struct forms_item *it);

/* forms_repeat.c: repeat groups. */
bool forms_entry_is_open(const struct forms_page *page, const char *path);
void forms_entry_set_open(struct forms_page *page, const char *path,
    bool open);
char *forms_entry_summary(struct forms_page *page, const struct forms_item *it);
enum forms_reaction forms_repeat_key(struct forms_page *page,
    struct forms_item *it, wint_t ch, bool iskey);
enum forms_reaction forms_repeat_confirm_key(struct forms_page *page,
    wint_t ch, bool iskey);
void forms_open_free(struct forms_page *page);

/* forms_buf.c: the edit buffer and grapheme clusters. */
void forms_buf_init(struct forms_buf *b, const char *text, size_t max,
    bool multiline);
void forms_buf_free(struct forms_buf *b);
bool forms_buf_extends(wchar_t c);
size_t forms_buf_next(const char *s, size_t len, size_t i);
size_t forms_buf_prev(const char *s, size_t len, size_t i);
enum forms_buf_status forms_buf_insert(struct forms_buf *b, const char *s,
    size_t n);
enum forms_buf_status forms_buf_insert_wc(struct forms_buf *b, wchar_t c);
enum forms_buf_status forms_buf_backspace(struct forms_buf *b);
enum forms_buf_status forms_buf_delete(struct forms_buf *b);
enum forms_buf_status forms_buf_kill_line(struct forms_buf *b);
enum forms_buf_status forms_buf_clear(struct forms_buf *b);
void forms_buf_left(struct forms_buf *b);
void forms_buf_right(struct forms_buf *b);
void forms_buf_home(struct forms_buf *b);
void forms_buf_end(struct forms_buf *b);

/* forms_view.c: the buffer laid out in the value's box and drawn. */
struct forms_row { size_t start, end; }; /* bytes; END before any newline */
size_t forms_view_rows(const struct forms_buf *b, int width,
    struct forms_row **rows);
size_t forms_view_caret_row(const struct forms_buf *b,
    const struct forms_row *rows, size_t n);
int forms_view_width(const char *s, size_t from, size_t to);
bool forms_view_vertical(struct forms_buf *b, int width, int delta);
int forms_view_box_rows(struct forms_page *page, struct forms_item *it);
void forms_view_draw(struct forms_page *page, struct forms_item *it, int vy,
    attr_t attr);

/* forms_field.c: editing a text value. */
bool forms_is_field_item(const struct forms_item *it);
bool forms_is_longtext(const struct forms_item *it);
enum forms_reaction forms_edit_begin(struct forms_page *page);
enum forms_reaction forms_edit_key(struct forms_page *page, wint_t ch,
    bool iskey);
enum forms_reaction forms_edit_commit(struct forms_page *page);
enum forms_reaction forms_edit_cancel(struct forms_page *page);
void forms_edit_end(struct forms_page *page);
enum forms_reaction forms_store(struct forms_page *page, const char *path,
    const char *value);

/* forms_text.c: long text handed to the user's editor. */
/* forms_key.c: moving between items. */
enum forms_reaction forms_move(struct forms_page *page, int delta);

#define FORMS_CTRL(c) ((wint_t)((c) & 0x1f))
#define FORMS_ESC 27

#endif /* SACL_FORMS_INTERNAL_H */

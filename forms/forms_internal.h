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
 * title. Values are drawn by the page itself; a libformw FORM with one
 * FIELD exists only while a value is being edited (see forms_field.c for
 * why).
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
};

/* Lines of wrapped text: each a slice of TEXT, measured in cells. */
struct forms_lines {
	wchar_t *text;
	size_t n;
	size_t *start, *len;
	int *width;
};

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
	/* Editing: a form of one field over the current item's value box. */
	bool editing;
	bool validating;   /* the field check judges only when asked */
	FORM *form;
	FIELD *fields[2];
	WINDOW *sub;
	int edit_y, edit_rows; /* window rows the field covers */
	/* The last message, and the item it belongs to (NULL: the page). */
	char message[1024];
	char *msg_path;
	bool confirm;      /* a deletion waits for y/n */
	bool pending;      /* committed before FORMS_EDITOR: report CHANGED */
	bool longline;     /* a long text edited in one row (see forms_text.c) */
	/* Open repeat entries, by entry path ("p1/laws[2]"). */
	char **open;
	size_t nopen;
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
void forms_wrap(struct forms_lines *l, const char *s, int width,
    bool keep_newlines);
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

/* forms_field.c: editing in a libformw field. */
bool forms_is_field_item(const struct forms_item *it);
bool forms_is_longtext(const struct forms_item *it);
enum forms_reaction forms_edit_begin(struct forms_page *page,
    const char *initial, bool changed);
enum forms_reaction forms_edit_key(struct forms_page *page, wint_t ch,
    bool iskey);
enum forms_reaction forms_edit_commit(struct forms_page *page);
void forms_edit_cancel(struct forms_page *page);
void forms_edit_end(struct forms_page *page);
void forms_edit_relocate(struct forms_page *page);
char *forms_edit_text(struct forms_page *page);
void forms_field_sync(struct forms_page *page);
enum forms_reaction forms_store(struct forms_page *page, const char *path,
    const char *value);

/* forms_keep.c: what is being typed, kept across a new field (a resize,
 * a box that moved, a store that rebuilt the page): the text exactly,
 * blanks before the caret included, and the caret. */
struct forms_edit_state {
	char *text;
	size_t caret;     /* one row: characters before the caret */
	int row, col;     /* several rows: the caret in the field */
	int cols;         /* several rows: the field's width */
	bool changed, longline, onerow;
};
void forms_edit_save(struct forms_page *page, struct forms_edit_state *st);
/* Edit the current item again from ST (frees ST's text). */
void forms_edit_restore(struct forms_page *page, struct forms_edit_state *st);

/* forms_fieldtype.c: the one FIELDTYPE, judging by the model. */
FIELDTYPE *forms_fieldtype(void);

/* forms_text.c: long text in a multi-line field; the external editor. */
void forms_longtext_fill(struct forms_page *page, const char *value);
char *forms_longtext_read(const char *buf, int cols);
char *forms_oneline_read(const char *buf);
char *forms_field_value(FIELD *f, bool longtext, int cols);
void forms_longtext_newline(struct forms_page *page);
bool forms_longtext_wide(const char *value);
bool forms_has_combining(const char *value);
char *forms_longtext_line(const char *value);
void forms_longtext_to_line(struct forms_page *page);
/* The paragraph mark of long text being edited inline (a pilcrow). */
#define FORMS_PARA L'\u00b6'
#define FORMS_PARA_UTF8 "\xc2\xb6"

/* forms_key.c: moving between items. */
enum forms_reaction forms_move(struct forms_page *page, int delta);

#define FORMS_CTRL(c) ((wint_t)((c) & 0x1f))
#define FORMS_ESC 27
/* Long texts bigger than this are edited in the external editor only. */
#define FORMS_INLINE_MAX 8000

#endif /* SACL_FORMS_INTERNAL_H */

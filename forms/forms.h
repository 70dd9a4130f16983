/*
 * forms.h: one page of questions (a provision, or the front section) as
 * a form in an ncurses window that the caller owns.
 *
 * The page shows the group's number, title and help, then each relevant
 * question: its label, its field, and beside it the message of the last
 * failed check. Field types call the model's checklist_value_check(), so a
 * value is judged by the same code as on the command line. Choices are
 * lists to move through (space toggles a multiple choice; "other" opens
 * its text); a long list (the States) shows its value and opens a chooser
 * over the page, a libmenuw menu filtered by typing, which reads its own
 * keys from the terminal until it closes (a resize closes it and is given
 * back with ungetch()). Repeat groups list their entries, which can be
 * added, edited, moved and removed. Skip logic is live: after every committed
 * change the page is rebuilt from the model's relevance.
 *
 * A committed change (a field left with a new valid value, a choice made,
 * an entry added, moved or removed) goes into the response at once through
 * checklist_response_set() and friends; the page then reports
 * FORMS_CHANGED so that the caller saves before it says anything else.
 *
 * Ownership: a page borrows the response, the group and the window; they
 * must outlive it. forms_page_free() frees the form, its fields and all
 * the page allocated.
 */
#ifndef SACL_FORMS_H
#define SACL_FORMS_H

#include <stdbool.h>

#include "tui/tui_curses.h"
#include "checklist/checklist.h"

struct forms_page;

/* What a key did, for the caller's loop. */
enum forms_reaction {
	FORMS_IGNORED,  /* not the page's key: the caller may handle it */
	FORMS_HANDLED,  /* handled; redraw */
	FORMS_CHANGED,  /* a value was committed to the response: save now */
	FORMS_INVALID,  /* the value was refused; forms_page_message() says why */
	FORMS_EDITOR,   /* the user asked for $VISUAL/$EDITOR on the current
	                 * long text: the caller suspends curses, calls
	                 * forms_page_edit_external(), resumes */
};

/* Build the page of group G in WIN, in language LANG (NULL: default). */
struct forms_page *forms_page_new(struct checklist_response *r,
    const struct checklist_group *g, WINDOW *win, const char *lang);
void forms_page_free(struct forms_page *page);
/* Make PAGE read-only: it still moves, opens list entries and shows
 * every answer, but each key that would change a value (typing, Space
 * or Enter on a choice, Delete, adding, deleting or moving an entry,
 * Ctrl-E) is refused with FORMS_INVALID and FORMS_READONLY_MSG as the
 * page's message; no edit ever starts, so a paste is ignored too. */
void forms_page_set_readonly(struct forms_page *page, bool on);
/* Highlight the answers whose value paths are in CHANGED ('\n' before
 * and after each path; a repeat is changed when any of its values is),
 * e.g. those changed since an earlier file (`sacl fill --compare`);
 * NULL: none. CHANGED is borrowed: it must outlive PAGE or the next
 * call. (Answers marked to review are always shown so.) */
void forms_page_set_changed(struct forms_page *page, const char *changed);
#define FORMS_READONLY_MSG \
	_("Read-only: a received submission cannot be changed.")

/* Draw the page into its window (no doupdate: the caller refreshes). */
void forms_page_draw(struct forms_page *page);
/* The window changed size: lay the page out again. */
void forms_page_resize(struct forms_page *page, WINDOW *win);
/* Rebuild after the response changed elsewhere (relevance, a load). */
void forms_page_refresh(struct forms_page *page);

/* Give the page one key, as wget_wch() returned it (ISKEY: KEY_CODE_YES). */
enum forms_reaction forms_page_key(struct forms_page *page, wint_t ch,
    bool iskey);
/* Commit the field being edited, if any (before quitting, saving on a
 * signal, leaving the page) and end the edit. Returns FORMS_CHANGED when
 * a value went into the response; FORMS_INVALID when it was refused (the
 * edit stays open, forms_page_message() says why). */
enum forms_reaction forms_page_commit(struct forms_page *page);
/* Store the value being typed, if valid, and leave the edit open with
 * its text and caret as they were: the save after a few seconds of idle
 * typing (Esc still gives back the value from before the edit). Returns FORMS_CHANGED when a value went
 * into the response, FORMS_INVALID (with no message: the user is still
 * typing) when it is not valid yet, FORMS_HANDLED otherwise. */
enum forms_reaction forms_page_commit_keep(struct forms_page *page);

/* Give back the value the field being edited had when the edit began
 * (Esc), storing it again when an idle save replaced it: FORMS_CHANGED
 * then; FORMS_HANDLED otherwise. */
enum forms_reaction forms_page_cancel(struct forms_page *page);

/* Run $VISUAL/$EDITOR on the current long text; curses must be suspended
 * by the caller (def_prog_mode/endwin before, reset_prog_mode after). */
enum forms_reaction forms_page_edit_external(struct forms_page *page);

/* The question with the focus (NULL on an empty page), and its value path
 * ("p9_1/measures[2]/title"). Borrowed. */
const struct checklist_question *forms_page_current(
    const struct forms_page *page);
const char *forms_page_current_path(const struct forms_page *page);
/* Move the focus to the question at PATH (a search hit, `n`), opening
 * the repeat entries on the way. Commit an edit first with
 * forms_page_commit() to learn whether it changed the response (an edit
 * still open here is committed, or kept with false when invalid). */
bool forms_page_focus(struct forms_page *page, const char *path);
/* The message to show (a refused value, a required answer), or NULL. */
const char *forms_page_message(const struct forms_page *page);
/* Is a field being edited (the caret in it, its text not yet stored)?
 * The caller shows it (the status line says EDIT, the cursor shows). */
bool forms_page_editing(const struct forms_page *page);
/* The same, for a long text (Enter is a new line, PgUp/PgDn scroll). */
bool forms_page_multiline(const struct forms_page *page);
/* Is the focus on a text question (one a typed character edits)? */
bool forms_page_on_text(const struct forms_page *page);
/* Insert TEXT (LEN bytes of UTF-8, from a paste) at the caret of the
 * field being edited, all at once: in one line a newline is a space.
 * FORMS_IGNORED when no field is being edited (the caller says the paste
 * was ignored); FORMS_INVALID when it does not fit (nothing inserted). */
enum forms_reaction forms_page_paste(struct forms_page *page,
    const char *text, size_t len);

/* Colour pairs for every page: the title, the values, the messages (0,
 * the default, for none: monochrome attributes only). The caller sets
 * them only when it uses colour (has_colors(), no NO_COLOR). */
void forms_set_color_pairs(short title, short field, short error);

/* The mark of a closed or open repeat entry: a triangle, or ">" and "v"
 * where the locale cannot write it (not the list's "[x]" marks). */
const char *forms_entry_mark(bool open);

/* How the page's modal part (the chooser of a long list) reads a key:
 * OK, KEY_CODE_YES, or ERR for nothing to act on. The application sets
 * one that reads pastes as text (never as Enter, never as commands);
 * the default is wget_wch(). NULL restores the default. */
typedef int (*forms_key_reader)(WINDOW *win, wint_t *ch);
void forms_set_key_reader(forms_key_reader read);

/* Is the text right to left: is its first strong letter (of LEN bytes of
 * UTF-8 at S) Arabic, Hebrew or another right-to-left script? Such a
 * text is right-aligned in its area, its characters kept in their
 * logical order (the terminal reorders and shapes them, or not). */
bool forms_text_rtl(const char *s, size_t len);
/* A line of exactly WIDTH cells: HEAD (a marker, a number) at the left,
 * then TEXT right-aligned in the rest, cut by display width with a "~"
 * when too long, never inside a character; both sanitised. NULL when
 * TEXT is left to right or HEAD leaves no room for it: the caller lays
 * the line out as it always did. The one layout of a right-to-left text
 * after a head (the page's list entries, the navigator, the overview,
 * the presentation, the help). Caller frees. */
char *forms_text_join_rtl(const char *head, const char *text, int width);

/* The libmenu request for a key that moves in a list (Up, Down, PgUp,
 * PgDn, Home, End), or 0: one mapping for every menu of the program. */
int forms_menu_request(wint_t ch, bool iskey);

#endif /* SACL_FORMS_H */

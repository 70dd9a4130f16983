/*
 * forms_key.c: a key given to the page, and what it did.
 *
 * The page's keys (anything else is FORMS_IGNORED, for the application:
 * q, /, n, ?, F1, F10, PageUp/PageDown, Esc outside an edit...):
 *
 *   Up, Shift-Tab       previous question      (while editing: commit first)
 *   Down, Tab           next question          (while editing: commit first)
 *   Enter               text: start editing (see forms_field.c for the
 *                       keys of an edit)
 *   a character         text: start editing with it, as in a spreadsheet
 *   Backspace           text: start editing, erasing the last character
 *   Esc                 while editing: give back the value the field had
 *   Ctrl-E              any text answer: edit in $VISUAL / $EDITOR
 *   Left, Right         choice: move the cursor (while editing: the caret)
 *   Up, Down            choice over several rows: the row above / below
 *                       first, then the previous / next question
 *   Home, End           choice: first / last option
 *   Space, Enter        single choice / yes-no: select (again: clear)
 *                       multiple choice: toggle ("Other" opens its text)
 *   Space, Enter        a list of more than FORMS_LONG_LIST options (only
 *                       its value is shown): open the chooser, below
 *   Delete, Backspace   such a long list: clear its value
 *   a, Insert           repeat: add an entry (opened)
 *   Enter               repeat entry: open / close its questions
 *   d, Delete           repeat entry: delete, after y/n
 *   K, J                repeat entry: move up / down
 *
 * In the chooser of a long list (forms_chooser.c, its own key loop):
 *   characters          find: keep the options whose label or code holds
 *                       what was typed, any case ("gha", "GHA"); the
 *                       cursor goes to the best match
 *   Backspace, Ctrl-U   take back one character / all that was typed
 *   Up, Down, PgUp, PgDn, Home, End    move
 *   Enter, Space        single choice: choose the option and close
 *   Space               multiple choice: mark / unmark the option
 *   Enter               multiple choice: store the marks and close
 *   Esc, F10, Ctrl-C    close, the value unchanged
 *   (a resize)          close; KEY_RESIZE goes back to the caller
 *
 * While editing: see forms_field.c. On a page every printable key
 * belongs to the page (typed into a text question, or ignored); the
 * application's commands on a page use keys that cannot be text
 * (function keys, Ctrl, Alt), so that no letter ever runs a command
 * while the user means to type it.
 */
#include "config.h"

#include <wctype.h>

#include "forms/forms_internal.h"

/* Focus DELTA items away (stopping at either end). */
enum forms_reaction
forms_move(struct forms_page *page, int delta)
{
	size_t i = page->cur;

	if (page->nitems == 0)
		return FORMS_HANDLED;
	if (delta < 0 && i > 0)
		i--;
	else if (delta > 0 && i + 1 < page->nitems)
		i++;
	forms_focus_index(page, i);
	return FORMS_HANDLED;
}

static bool
is_enter(wint_t ch, bool iskey)
{
	return (!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER);
}

/* A text question not being edited: Enter edits it; a character typed
 * (or Backspace) starts the edit with that key, as in a spreadsheet. */
static enum forms_reaction
text_key(struct forms_page *page, wint_t ch, bool iskey)
{
	bool typed = !iskey && ch >= L' ' && ch != 127 &&
	    (iswprint(ch) || forms_buf_extends((wchar_t)ch));
	bool erase = (iskey && ch == KEY_BACKSPACE) ||
	    (!iskey && (ch == 127 || ch == FORMS_CTRL('h')));

	if (is_enter(ch, iskey))
		return forms_edit_begin(page);
	if (!iskey && ch == FORMS_CTRL('e'))
		return FORMS_EDITOR;
	if (!typed && !erase)
		return FORMS_IGNORED;
	if (forms_edit_begin(page) != FORMS_HANDLED)
		return FORMS_INVALID;
	return forms_edit_key(page, ch, iskey);
}

/* A read-only page: the keys that only move or show go on (a choice's
 * cursor, an entry opened or closed); those that would change a value
 * are refused with a word; the others are the application's. */
static enum forms_reaction
readonly_key(struct forms_page *page, struct forms_item *it, wint_t ch,
    bool iskey)
{
	bool moves = iskey && (ch == KEY_LEFT || ch == KEY_RIGHT ||
	    ch == KEY_HOME || ch == KEY_END);
	bool changes = is_enter(ch, iskey) || (!iskey && ch >= L' ') ||
	    (!iskey && (ch == FORMS_CTRL('h') || ch == FORMS_CTRL('e'))) ||
	    (iskey && (ch == KEY_BACKSPACE || ch == KEY_DC || ch == KEY_IC));

	if (page->message[0] != '\0')
		forms_clear_message(page); /* the last refusal: said */
	if (it->kind == FORMS_I_CHOICE && moves)
		return forms_choice_key(page, it, ch, iskey);
	if (it->kind == FORMS_I_ENTRY && is_enter(ch, iskey))
		return forms_repeat_key(page, it, ch, iskey);
	if (!changes)
		return FORMS_IGNORED;
	forms_set_message(page, NULL, FORMS_READONLY_MSG);
	return FORMS_INVALID;
}

enum forms_reaction
forms_page_key(struct forms_page *page, wint_t ch, bool iskey)
{
	struct forms_item *it;

	if (page->confirm)
		return forms_repeat_confirm_key(page, ch, iskey);
	if (page->editing)
		return forms_edit_key(page, ch, iskey);
	it = forms_current_item(page);
	if (it == NULL)
		return FORMS_IGNORED;
	if (iskey && (ch == KEY_DOWN || ch == KEY_UP) &&
	    it->kind == FORMS_I_CHOICE &&
	    forms_choice_vertical(page, it, ch == KEY_DOWN ? 1 : -1))
		return FORMS_HANDLED;
	if ((iskey && ch == KEY_DOWN) || (!iskey && ch == L'\t'))
		return forms_move(page, 1);
	if (iskey && (ch == KEY_UP || ch == KEY_BTAB))
		return forms_move(page, -1);
	if (page->readonly)
		return readonly_key(page, it, ch, iskey);
	switch (it->kind) {
	case FORMS_I_TEXT:
	case FORMS_I_OTHER:
		return text_key(page, ch, iskey);
	case FORMS_I_CHOICE:
		return forms_choice_key(page, it, ch, iskey);
	case FORMS_I_REPEAT:
	case FORMS_I_ENTRY:
		return forms_repeat_key(page, it, ch, iskey);
	}
	return FORMS_IGNORED;
}

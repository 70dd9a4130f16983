/*
 * forms_field.c: editing a text value (text, long text, number, date,
 * file, the "other" text of a choice), from the first key to the commit.
 *
 * Why not libformw: DESIGN.md names libformw for form fields, and sacl
 * used it until 2026-12. Its fields keep cells, not text: ncurses 6.4's
 * libformw drops combining marks and ZWJ sequences typed into a field
 * (Thai, decomposed Latin, emoji), loses wide characters in multi-line
 * fields, pads with blanks it cannot tell from typed ones and has no
 * newline. An answer must be kept byte-exact (DESIGN.md §6), so the text
 * being edited lives in a buffer of our own (forms_buf.c, by grapheme
 * cluster) drawn in the value's box (forms_view.c); the model still
 * judges every value (checklist_value_check), as the field type did.
 *
 * The edit model has no hidden state: a field is being edited when the
 * page says so (forms_page_editing: the caret shows, the box is
 * highlighted, the status line says EDIT). Editing starts with Enter, or
 * with a character typed on the question (the character goes in, as in
 * a spreadsheet, the caret after the text already there). Keys while
 * editing:
 *
 *   characters, a paste   go in at the caret (in one line, a newline or a
 *                         tab is a space)
 *   Left, Right, Home, End, Ctrl-A     move by what the user sees as one
 *                         character; Home/End: the line's start and end
 *   Backspace, Delete     erase one character
 *   Ctrl-U, Ctrl-K        clear the value; erase to the end of the line
 *   Enter                 one line: store; long text: a new line
 *   Tab, Shift-Tab        store, then the next / previous question
 *   Up, Down              long text: the row above / below, and out of the
 *                         field from its first / last row; one line: store
 *                         and the previous / next question
 *   PgUp, PgDn            long text: a boxful up / down
 *   Esc                   give back the value the field had when the edit
 *                         began (stored again if an idle save changed it)
 *   Ctrl-E                store, then edit in $VISUAL / $EDITOR
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "forms/forms_internal.h"

bool
forms_is_field_item(const struct forms_item *it)
{
	return it != NULL &&
	    (it->kind == FORMS_I_TEXT || it->kind == FORMS_I_OTHER);
}

bool
forms_is_longtext(const struct forms_item *it)
{
	return it != NULL && it->kind == FORMS_I_TEXT &&
	    it->q->type == CHECKLIST_Q_LONGTEXT;
}

static enum forms_reaction
refuse(struct forms_page *page, const char *path, const char *msg)
{
	forms_set_message(page, path, msg);
	return FORMS_INVALID;
}

/* Start editing the current item from its stored value. */
enum forms_reaction
forms_edit_begin(struct forms_page *page)
{
	struct forms_item *it = forms_current_item(page);
	const char *value;
	bool longtext = forms_is_longtext(it);

	if (!forms_is_field_item(it) || page->editing)
		return FORMS_IGNORED;
	value = forms_value(page, it->path);
	forms_buf_init(&page->buf, value, longtext ? CHECKLIST_LONGTEXT_MAX :
	    CHECKLIST_TEXT_MAX, longtext);
	page->edit_path = checklist_xstrdup(it->path);
	page->edit_orig = checklist_xstrdup(value);
	page->edit_top = page->edit_left = 0;
	page->editing = true;
	forms_layout(page); /* a long text's box grows */
	return FORMS_HANDLED;
}

/* Drop the edit (what was typed and not stored is gone). */
void
forms_edit_end(struct forms_page *page)
{
	if (!page->editing)
		return;
	forms_buf_free(&page->buf);
	free(page->edit_path);
	free(page->edit_orig);
	page->edit_path = page->edit_orig = NULL;
	page->editing = false;
}

/* Store VALUE at PATH; rebuild the page for relevance (an edit going on
 * stays open when its question is still there). */
enum forms_reaction
forms_store(struct forms_page *page, const char *path, const char *value)
{
	struct checklist_error err;
	struct forms_item *it = forms_current_item(page);
	bool required = it != NULL && it->kind != FORMS_I_OTHER &&
	    it->q->required && strcmp(it->path, path) == 0;
	char *keep;

	checklist_error_clear(&err);
	if (checklist_response_set(page->r, path, value, &err) != CHECKLIST_OK)
		return refuse(page, path, err.message[0] != '\0' ? err.message :
		    _("This value is not accepted."));
	forms_clear_message(page);
	keep = checklist_xstrdup(path);
	forms_rebuild(page);
	if (required && value[0] == '\0')
		forms_set_message(page, keep, _("This question needs an answer."));
	free(keep);
	return FORMS_CHANGED;
}

/* Would the model take the text typed? On false, *MSG says why. */
static bool
judge(struct forms_page *page, char *msg, size_t size)
{
	struct forms_item *it = forms_current_item(page);
	struct checklist_error err;

	if (it->kind == FORMS_I_OTHER)
		return true; /* the buffer's cap is the only rule */
	checklist_error_clear(&err);
	if (checklist_value_check_lang(it->q, page->buf.text, page->lang !=
	    NULL ? page->lang : page->r->lang, &err) == CHECKLIST_OK)
		return true;
	snprintf(msg, size, "%s", err.message[0] != '\0' ? err.message :
	    _("This value is not accepted."));
	return false;
}

/* Store the text typed, if it changed; KEEP leaves the edit open. */
static enum forms_reaction
edit_store(struct forms_page *page, bool keep, bool quiet)
{
	char msg[sizeof page->message], *path, *text;
	enum forms_reaction re;

	if (!page->editing)
		return FORMS_HANDLED;
	if (strcmp(page->buf.text, forms_value(page, page->edit_path)) == 0) {
		if (!keep)
			forms_edit_end(page);
		return FORMS_HANDLED;
	}
	if (keep && forms_current_item(page)->q->type == CHECKLIST_Q_FILE)
		return FORMS_HANDLED; /* a path half typed is no file to take in */
	if (!judge(page, msg, sizeof msg))
		return quiet ? FORMS_INVALID :
		    refuse(page, page->edit_path, msg);
	path = checklist_xstrdup(page->edit_path);
	text = checklist_xstrdup(page->buf.text);
	re = forms_store(page, path, text); /* refused: the edit stays */
	if (re == FORMS_CHANGED && !keep)
		forms_edit_end(page);
	free(path);
	free(text);
	return re;
}

enum forms_reaction
forms_edit_commit(struct forms_page *page)
{
	enum forms_reaction re = edit_store(page, false, false);

	forms_layout(page);
	return re;
}

enum forms_reaction
forms_page_commit(struct forms_page *page)
{
	return forms_edit_commit(page);
}

enum forms_reaction
forms_page_commit_keep(struct forms_page *page)
{
	return edit_store(page, true, true);
}

/* Esc: the value the field had when the edit began, stored again when an
 * idle save replaced it. */
enum forms_reaction
forms_edit_cancel(struct forms_page *page)
{
	enum forms_reaction re = FORMS_HANDLED;
	char *path, *orig;

	if (!page->editing)
		return FORMS_HANDLED;
	path = page->edit_path;
	orig = page->edit_orig;
	page->edit_path = page->edit_orig = NULL;
	forms_edit_end(page);
	forms_clear_message(page);
	if (strcmp(orig, forms_value(page, path)) != 0)
		re = forms_store(page, path, orig);
	free(path);
	free(orig);
	forms_layout(page);
	return re;
}

enum forms_reaction
forms_page_cancel(struct forms_page *page)
{
	return forms_edit_cancel(page);
}

static enum forms_reaction
commit_and_move(struct forms_page *page, int delta)
{
	enum forms_reaction re = forms_edit_commit(page);

	if (re == FORMS_INVALID)
		return re;
	forms_move(page, delta);
	return re;
}

static enum forms_reaction
buf_result(struct forms_page *page, enum forms_buf_status st)
{
	char msg[128];

	if (st == FORMS_BUF_FULL) {
		snprintf(msg, sizeof msg, _("No more room: this answer holds at "
		    "most %zu bytes."), page->buf.max);
		return refuse(page, page->edit_path, msg);
	}
	if (page->message[0] != '\0')
		forms_clear_message(page);
	if (page->buf.multiline)
		forms_layout(page); /* the box may grow */
	return FORMS_HANDLED;
}

/* Keys that move or erase inside the text. */
static bool
edit_motion(struct forms_page *page, wint_t ch, bool iskey,
    enum forms_buf_status *st)
{
	struct forms_buf *b = &page->buf;

	*st = FORMS_BUF_SAME;
	if (iskey) {
		switch (ch) {
		case KEY_LEFT: forms_buf_left(b); return true;
		case KEY_RIGHT: forms_buf_right(b); return true;
		case KEY_HOME: forms_buf_home(b); return true;
		case KEY_END: forms_buf_end(b); return true;
		case KEY_BACKSPACE: *st = forms_buf_backspace(b); return true;
		case KEY_DC: *st = forms_buf_delete(b); return true;
		default: return false;
		}
	}
	switch (ch) {
	case 127:
	case FORMS_CTRL('h'): *st = forms_buf_backspace(b); return true;
	case FORMS_CTRL('u'): *st = forms_buf_clear(b); return true;
	case FORMS_CTRL('k'): *st = forms_buf_kill_line(b); return true;
	case FORMS_CTRL('a'): forms_buf_home(b); return true;
	default: return false;
	}
}

static bool
is_enter(wint_t ch, bool iskey)
{
	return (!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER);
}

/* Long text: rows, boxfuls, and leaving from the first or last row. */
static enum forms_reaction
edit_rows_key(struct forms_page *page, wint_t ch, bool iskey)
{
	struct forms_item *it = forms_current_item(page);
	int width = it->fwidth - 1, i, n;

	if (is_enter(ch, iskey))
		return buf_result(page, forms_buf_insert(&page->buf, "\n", 1));
	if (!iskey)
		return FORMS_IGNORED;
	if (ch == KEY_UP || ch == KEY_DOWN) {
		if (forms_view_vertical(&page->buf, width,
		    ch == KEY_UP ? -1 : 1))
			return FORMS_HANDLED;
		return commit_and_move(page, ch == KEY_UP ? -1 : 1);
	}
	if (ch == KEY_PPAGE || ch == KEY_NPAGE) {
		n = it->frows > 1 ? it->frows - 1 : 1;
		for (i = 0; i < n; i++)
			if (!forms_view_vertical(&page->buf, width,
			    ch == KEY_PPAGE ? -1 : 1))
				break;
		return FORMS_HANDLED;
	}
	return FORMS_IGNORED;
}

enum forms_reaction
forms_edit_key(struct forms_page *page, wint_t ch, bool iskey)
{
	enum forms_buf_status st;
	enum forms_reaction re;

	if (!iskey && ch == FORMS_ESC)
		return forms_edit_cancel(page);
	if (edit_motion(page, ch, iskey, &st))
		return buf_result(page, st);
	if (page->buf.multiline &&
	    (re = edit_rows_key(page, ch, iskey)) != FORMS_IGNORED)
		return re;
	if (is_enter(ch, iskey))
		return forms_edit_commit(page);
	if ((!iskey && ch == L'\t') || (iskey && ch == KEY_DOWN))
		return commit_and_move(page, 1);
	if (iskey && (ch == KEY_BTAB || ch == KEY_UP))
		return commit_and_move(page, -1);
	if (!iskey && ch == FORMS_CTRL('e')) {
		re = forms_edit_commit(page);
		if (re == FORMS_INVALID)
			return re;
		page->pending = re == FORMS_CHANGED;
		return FORMS_EDITOR;
	}
	if (!iskey && (iswprint(ch) || forms_buf_extends((wchar_t)ch)))
		return buf_result(page,
		    forms_buf_insert_wc(&page->buf, (wchar_t)ch));
	return FORMS_IGNORED;
}

enum forms_reaction
forms_page_paste(struct forms_page *page, const char *text, size_t len)
{
	char msg[160];

	if (!page->editing)
		return FORMS_IGNORED;
	if (forms_buf_insert(&page->buf, text, len) == FORMS_BUF_FULL) {
		snprintf(msg, sizeof msg, _("Nothing was pasted: the paste (%zu "
		    "bytes) does not fit in this answer (at most %zu bytes)."),
		    len, page->buf.max);
		return refuse(page, page->edit_path, msg);
	}
	return buf_result(page, FORMS_BUF_CHANGED);
}

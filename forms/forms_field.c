/*
 * forms_field.c: editing a value in a libformw field.
 *
 * While the user edits, the page holds a FORM of one FIELD laid over the
 * value's box (a derived window of the page's window); otherwise values
 * are drawn by forms_draw.c. One live field per page, rather than a form
 * of every question, is deliberate: the page scrolls, is rebuilt after
 * every change (relevance) and holds lists libform has no field for,
 * while libform demands that all its fields fit the form's window. The
 * field's type is the one FIELDTYPE of forms_fieldtype.c, so REQ_VALIDATION
 * asks the model (checklist_value_check) whether the value may go in.
 *
 * Combining marks (zero-width characters) are the exception: libformw
 * 6.4 cannot step over them and moves them to the end of the text, so
 * a value holding one is edited in the external editor only, and one
 * typed is refused with a message.
 *
 * Keys while editing: characters type (insert mode); Left/Right/Home/End
 * and Ctrl-A/Ctrl-E (one line) move; Backspace/Delete erase; Ctrl-U
 * clears the field, Ctrl-K to the end of the line; Enter commits (long
 * text: ends the paragraph, shown by a pilcrow); Tab/Down commit
 * and go to the next question, Shift-Tab/Up to the previous (long text:
 * Up/Down move between lines first); Esc gives the stored value back.
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

static int
box_y(const struct forms_page *page, const struct forms_item *it)
{
	return page->head + it->top + it->frow - page->scroll;
}

/* Rows of the field: a long text in one-line mode has one. */
static int
field_rows(const struct forms_page *page, const struct forms_item *it)
{
	return page->longline ? 1 : it->frows;
}

/* Is the field of IT one row (a one-line question, or a long text in
 * one-line mode)? */
static bool
one_row(const struct forms_page *page, const struct forms_item *it)
{
	return !forms_is_longtext(it) || page->longline;
}

/*
 * A one-row field is grown to its full capacity before anything is typed
 * and may not grow further: libformw 6.4 fills the cells it adds while a
 * wide character is being typed with NULs (read back as "^@"), and never
 * does so in room it already has.
 */
static void
field_pregrow(FIELD *f, size_t cap)
{
	char *blank = checklist_xmalloc(cap + 1);
	int rows, cols, max;

	memset(blank, ' ', cap);
	blank[cap] = '\0';
	set_field_buffer(f, 0, blank);
	free(blank);
	if (dynamic_field_info(f, &rows, &cols, &max) == E_OK)
		set_max_field(f, cols);
	set_field_buffer(f, 0, "");
}

static FIELD *
field_make(struct forms_page *page, struct forms_item *it)
{
	FIELD *f = new_field(field_rows(page, it), it->fwidth, 0, 0, 0, 0);
	attr_t a = A_REVERSE;

	if (f == NULL)
		return NULL;
	if (forms_pair_field > 0)
		a |= (attr_t)COLOR_PAIR(forms_pair_field);
	field_opts_off(f, O_AUTOSKIP | O_STATIC | O_BLANK);
	if (one_row(page, it))
		field_pregrow(f, forms_is_longtext(it) ?
		    FORMS_INLINE_MAX + 1000 : CHECKLIST_TEXT_MAX + 100);
	else
		set_max_field(f, 0);
	set_field_type(f, forms_fieldtype());
	set_field_back(f, a);
	set_field_fore(f, a);
	return f;
}

/* Type S into the posted field (set_field_buffer() would misplace the
 * caret after wide characters). */
static void
type_in(struct forms_page *page, const char *s, bool keep_newlines)
{
	wchar_t *w = forms_wcs(s, keep_newlines);
	size_t i;

	for (i = 0; w[i] != L'\0'; i++)
		form_driver_w(page->form, OK, w[i]);
	free(w);
}

/* Before the paragraph mark ending the multi-line field's row, if any. */
static void
caret_before_mark(struct forms_page *page)
{
	FORM *f = page->form;
	int rows, cols, max;
	wchar_t *w;
	size_t at;

	if (dynamic_field_info(page->fields[0], &rows, &cols, &max) != E_OK)
		return;
	forms_field_sync(page);
	at = (size_t)f->currow * (size_t)cols + (size_t)f->curcol;
	w = forms_wcs(field_buffer(page->fields[0], 0), true);
	if (at > 0 && at <= wcslen(w) && w[at - 1] == FORMS_PARA)
		form_driver_w(page->form, KEY_CODE_YES, REQ_PREV_CHAR);
	free(w);
}

/* End: the end of the text (one row: REQ_END_LINE miscounts wide
 * characters in libformw 6.4), or of the row before its mark. */
static void
caret_end(struct forms_page *page, bool row)
{
	char *text = forms_edit_text(page);
	wchar_t *w = forms_wcs(text, true);
	size_t n = wcslen(w), i;

	if (!row) {
		form_driver_w(page->form, KEY_CODE_YES, REQ_END_LINE);
		caret_before_mark(page);
		free(w);
		free(text);
		return;
	}
	form_driver_w(page->form, KEY_CODE_YES, REQ_BEG_FIELD);
	for (i = 0; i < n; i++)
		form_driver_w(page->form, KEY_CODE_YES, REQ_NEXT_CHAR);
	free(w);
	free(text);
}

static enum forms_reaction
refuse(struct forms_page *page, const char *path, const char *msg)
{
	forms_set_message(page, path, msg);
	return FORMS_INVALID;
}

/* The form of one field over IT's value box at window row Y, posted. */
static enum forms_reaction
form_post(struct forms_page *page, struct forms_item *it, int y)
{
	page->fields[0] = field_make(page, it);
	page->fields[1] = NULL;
	if (page->fields[0] == NULL)
		return refuse(page, it->path, "Cannot make a field here.");
	set_field_userptr(page->fields[0], page);
	page->form = new_form(page->fields);
	page->sub = derwin(page->win, field_rows(page, it), it->fwidth, y,
	    it->fcol);
	if (page->form == NULL || page->sub == NULL) {
		forms_edit_end(page);
		return refuse(page, it->path, "Cannot make a field here.");
	}
	set_form_win(page->form, page->win);
	set_form_sub(page->form, page->sub);
	if (post_form(page->form) != E_OK) {
		forms_edit_end(page);
		return refuse(page, it->path, "The window is too small.");
	}
	return FORMS_HANDLED;
}

/* Start editing the current item, with INITIAL (NULL: the stored value);
 * CHANGED says whether INITIAL differs from what is stored. */
enum forms_reaction
forms_edit_begin(struct forms_page *page, const char *initial, bool changed)
{
	struct forms_item *it = forms_current_item(page);
	const char *value;
	int y;

	if (!forms_is_field_item(it) || page->editing)
		return FORMS_IGNORED;
	value = initial != NULL ? initial : forms_value(page, it->path);
	y = box_y(page, it);
	if (y < page->head || y + it->frows > page->height)
		return refuse(page, it->path,
		    "The window is too small to edit this answer here.");
	if (forms_is_longtext(it) && strlen(value) > FORMS_INLINE_MAX)
		return refuse(page, it->path,
		    "This text is long: press e to edit it in your editor.");
	if (forms_has_combining(value))
		return refuse(page, it->path, "This answer holds combining "
		    "marks, which the field would misplace: press Ctrl-E to "
		    "edit it in your editor.");
	page->longline = forms_is_longtext(it) &&
	    (page->longline || forms_longtext_wide(value));
	if (form_post(page, it, y) != FORMS_HANDLED)
		return FORMS_INVALID;
	page->editing = true;
	page->edit_y = y;
	page->edit_rows = field_rows(page, it);
	if (page->longline) {
		char *line = forms_longtext_line(value);

		type_in(page, line, false);
		free(line);
	} else if (forms_is_longtext(it)) {
		forms_longtext_fill(page, value);
	} else {
		type_in(page, value, false);
	}
	set_field_status(page->fields[0], changed);
	return FORMS_HANDLED;
}

/* Drop the form and its field (the value typed is lost). */
void
forms_edit_end(struct forms_page *page)
{
	if (page->form != NULL) {
		unpost_form(page->form);
		free_form(page->form);
	}
	if (page->fields[0] != NULL)
		free_field(page->fields[0]);
	if (page->sub != NULL)
		delwin(page->sub);
	page->form = NULL;
	page->fields[0] = NULL;
	page->sub = NULL;
	page->editing = false;
	page->longline = false;
	page->edit_rows = 0;
}

/* Copy what the field's window shows into its buffer (libform does it
 * lazily), without judging it. */
void
forms_field_sync(struct forms_page *page)
{
	bool v = page->validating;

	page->validating = false;
	form_driver_w(page->form, KEY_CODE_YES, REQ_VALIDATION);
	page->validating = v;
}

/* The text in the field now, as it would be stored. Caller frees. */
char *
forms_edit_text(struct forms_page *page)
{
	int rows, cols, max;

	forms_field_sync(page);
	if (dynamic_field_info(page->fields[0], &rows, &cols, &max) != E_OK)
		cols = forms_current_item(page)->fwidth;
	return forms_field_value(page->fields[0],
	    forms_is_longtext(forms_current_item(page)), cols);
}

/* The layout moved the field's box (a message above it, a resize): start
 * the edit again where the box is now, keeping what was typed. */
void
forms_edit_relocate(struct forms_page *page)
{
	struct forms_item *it = forms_current_item(page);
	struct forms_edit_state st;

	if (it == NULL || (box_y(page, it) == page->edit_y &&
	    field_rows(page, it) == page->edit_rows))
		return;
	forms_edit_save(page, &st);
	forms_edit_end(page);
	forms_edit_restore(page, &st);
}

void
forms_edit_cancel(struct forms_page *page)
{
	forms_edit_end(page);
	forms_clear_message(page);
	forms_layout(page);
}

/* Store VALUE at PATH; rebuild the page for relevance. */
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
		    "This value is not accepted.");
	forms_clear_message(page);
	keep = checklist_xstrdup(path);
	forms_rebuild(page);
	if (required && value[0] == '\0')
		forms_set_message(page, keep, "This question needs an answer.");
	free(keep);
	return FORMS_CHANGED;
}

/* Check the field with the model, then store it. */
enum forms_reaction
forms_edit_commit(struct forms_page *page)
{
	struct forms_item *it = forms_current_item(page);
	enum forms_reaction re = FORMS_HANDLED;
	char *text;
	int rc;

	if (!page->editing)
		return FORMS_HANDLED;
	forms_field_sync(page); /* libform marks a change when it syncs */
	if (!field_status(page->fields[0])) {
		forms_edit_cancel(page); /* nothing typed: nothing to judge */
		return FORMS_HANDLED;
	}
	page->message[0] = '\0';
	page->validating = true;
	rc = form_driver_w(page->form, KEY_CODE_YES, REQ_VALIDATION);
	page->validating = false;
	if (rc != E_OK)
		return refuse(page, it->path, page->message[0] != '\0' ?
		    page->message : "This value is not accepted.");
	text = forms_edit_text(page);
	if (strcmp(text, forms_value(page, it->path)) != 0)
		re = forms_store(page, it->path, text);
	else
		forms_edit_cancel(page);
	free(text);
	return re;
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

static int
drive(struct forms_page *page, int req)
{
	return form_driver_w(page->form, KEY_CODE_YES, (wchar_t)req);
}

/* Keys that only move or erase inside the field: their request, or 0. */
static int
edit_request(wint_t ch, bool iskey, bool longtext)
{
	if (iskey) {
		switch (ch) {
		case KEY_LEFT: return REQ_PREV_CHAR;
		case KEY_RIGHT: return REQ_NEXT_CHAR;
		case KEY_HOME: return REQ_BEG_LINE;
		case KEY_END: return REQ_END_LINE;
		case KEY_BACKSPACE: return REQ_DEL_PREV;
		case KEY_DC: return REQ_DEL_CHAR;
		default: return 0;
		}
	}
	if (ch == 127 || ch == FORMS_CTRL('h'))
		return REQ_DEL_PREV;
	if (ch == FORMS_CTRL('u'))
		return REQ_CLR_FIELD;
	if (ch == FORMS_CTRL('k'))
		return REQ_CLR_EOL;
	if (ch == FORMS_CTRL('a'))
		return REQ_BEG_LINE;
	if (ch == FORMS_CTRL('e') && !longtext)
		return REQ_END_LINE;
	return 0;
}

static enum forms_reaction
edit_lines(struct forms_page *page, wint_t ch, bool iskey)
{
	bool enter = (!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER);

	if (enter) {
		if (page->longline)
			form_driver_w(page->form, OK, FORMS_PARA);
		else
			forms_longtext_newline(page);
		return FORMS_HANDLED;
	}
	if (iskey && (ch == KEY_UP || ch == KEY_DOWN)) {
		if (drive(page, ch == KEY_UP ? REQ_UP_CHAR : REQ_DOWN_CHAR) ==
		    E_OK)
			return FORMS_HANDLED;
		return commit_and_move(page, ch == KEY_UP ? -1 : 1);
	}
	if (!iskey && ch == FORMS_CTRL('e')) {
		enum forms_reaction re = forms_edit_commit(page);

		if (re == FORMS_INVALID)
			return re;
		page->pending = re == FORMS_CHANGED;
		return FORMS_EDITOR;
	}
	return FORMS_IGNORED;
}

enum forms_reaction
forms_edit_key(struct forms_page *page, wint_t ch, bool iskey)
{
	bool longtext = forms_is_longtext(forms_current_item(page));
	int req = edit_request(ch, iskey, longtext);
	enum forms_reaction re;

	if (!iskey && ch == FORMS_ESC) {
		forms_edit_cancel(page);
		return FORMS_HANDLED;
	}
	if (req == REQ_END_LINE) {
		caret_end(page, one_row(page, forms_current_item(page)));
		return FORMS_HANDLED;
	}
	if (req != 0) {
		drive(page, req);
		return FORMS_HANDLED;
	}
	if (longtext && (re = edit_lines(page, ch, iskey)) != FORMS_IGNORED)
		return re;
	if ((!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER))
		return forms_edit_commit(page);
	if ((!iskey && ch == L'\t') || (iskey && ch == KEY_DOWN))
		return commit_and_move(page, 1);
	if (iskey && (ch == KEY_BTAB || ch == KEY_UP))
		return commit_and_move(page, -1);
	if (!iskey && iswprint((wint_t)ch)) {
		if (page->message[0] != '\0')
			forms_clear_message(page);
		if (wcwidth((wchar_t)ch) == 0) {
			forms_set_message(page, forms_page_current_path(page),
			    "Combining marks cannot be typed in this field: "
			    "commit, then Ctrl-E edits it in your editor.");
			return FORMS_INVALID;
		}
		if (longtext && !page->longline && wcwidth((wchar_t)ch) != 1)
			forms_longtext_to_line(page);
		if (form_driver_w(page->form, OK, (wchar_t)ch) != E_OK)
			forms_set_message(page, forms_page_current_path(page),
			    "No more room in this answer.");
		return FORMS_HANDLED;
	}
	return FORMS_IGNORED;
}


/*
 * forms_keep.c: an edit kept going across a new field, and the caller's
 * two commits.
 *
 * The field of an edit is made again when its box moves (a message above
 * it, a resize) and after a value is stored (the page is rebuilt for
 * relevance). What was typed must come back exactly, caret included.
 * libformw pads a buffer with blanks and cannot tell them from blanks the
 * user typed, so the text of a one-row field ends at its last non-blank
 * or at the caret, whichever is further: "half " typed before a resize
 * keeps its blank. (Known limit: blanks typed and then passed with Left
 * are padding to it.) A multi-line long text keeps its caret when the
 * width did not change, else goes to the end; a blank typed last is kept.
 *
 * forms_page_commit() ends the edit (leaving, quitting, a signal);
 * forms_page_commit_keep() stores the value typed, when valid, and leaves
 * the edit open where it was (the idle autosave): an unfinished value is
 * not stored and not commented on, since the user is still typing it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

/* WCS as UTF-8 (the locale's multibyte). Caller frees. */
static char *
wcs_to_mb(const wchar_t *w)
{
	size_t n = wcstombs(NULL, w, 0);
	char *mb = checklist_xmalloc(n == (size_t)-1 ? 1 : n + 1);

	if (n == (size_t)-1 || wcstombs(mb, w, n + 1) == (size_t)-1)
		mb[0] = '\0';
	return mb;
}

/* The text of the posted one-row field (see above); *CARET gets the
 * characters before the caret. Caller frees. */
static char *
onerow_text(struct forms_page *page, size_t *caret)
{
	wchar_t *w;
	size_t n, k, end;
	int cells = 0;
	char *text;

	forms_field_sync(page);
	w = forms_wcs(field_buffer(page->fields[0], 0), false);
	n = wcslen(w);
	for (k = 0; k < n && cells < page->form->curcol; k++)
		cells += forms_cwidth(w[k]);
	end = n;
	while (end > k && w[end - 1] == L' ')
		end--;
	w[end] = L'\0';
	text = wcs_to_mb(w);
	free(w);
	*caret = k;
	return text;
}

/* Does the caret of the multi-line field follow a blank with nothing but
 * padding after it (a blank typed last, which reading drops)? */
static bool
multirow_blank_last(struct forms_page *page, int cols)
{
	size_t at = (size_t)page->form->currow * (size_t)cols +
	    (size_t)page->form->curcol, i;
	wchar_t *w = forms_wcs(field_buffer(page->fields[0], 0), true);
	size_t n = wcslen(w);
	bool last = at > 0 && at <= n && w[at - 1] == L' ';

	for (i = at; last && i < n; i++)
		last = w[i] == L' ';
	free(w);
	return last;
}

/* Remember what is being typed, and where the caret is. */
void
forms_edit_save(struct forms_page *page, struct forms_edit_state *st)
{
	struct forms_item *it = forms_current_item(page);
	int rows, max;
	char *text;

	memset(st, 0, sizeof *st);
	st->changed = field_status(page->fields[0]);
	st->longline = page->longline;
	st->onerow = !forms_is_longtext(it) || page->longline;
	if (st->onerow) {
		st->text = onerow_text(page, &st->caret);
		return;
	}
	if (dynamic_field_info(page->fields[0], &rows, &st->cols, &max) !=
	    E_OK)
		st->cols = it->fwidth;
	text = forms_edit_text(page);
	st->row = page->form->currow;
	st->col = page->form->curcol;
	st->text = multirow_blank_last(page, st->cols) ?
	    checklist_xasprintf("%s ", text) : checklist_xstrdup(text);
	free(text);
}

/* Put the caret back at buffer row ROW, column COL (or as near). */
static void
caret_restore(struct forms_page *page, int row, int col)
{
	FORM *f = page->form;
	int guard;

	form_driver_w(f, KEY_CODE_YES, REQ_BEG_FIELD);
	for (guard = 0; f->currow < row && guard < 100000; guard++)
		if (form_driver_w(f, KEY_CODE_YES, REQ_NEXT_LINE) != E_OK)
			break;
	for (guard = 0; f->curcol < col && guard < 100000; guard++)
		if (form_driver_w(f, KEY_CODE_YES, REQ_NEXT_CHAR) != E_OK)
			break;
}

/* Edit the current item again with what ST kept; frees ST's text. */
void
forms_edit_restore(struct forms_page *page, struct forms_edit_state *st)
{
	int rows, cols, max;
	size_t i;

	page->longline = st->longline;
	if (forms_edit_begin(page, st->text, st->changed) == FORMS_HANDLED) {
		if (st->onerow) {
			form_driver_w(page->form, KEY_CODE_YES, REQ_BEG_FIELD);
			for (i = 0; i < st->caret; i++)
				form_driver_w(page->form, KEY_CODE_YES,
				    REQ_NEXT_CHAR);
		} else if (dynamic_field_info(page->fields[0], &rows, &cols,
		    &max) == E_OK && cols == st->cols) {
			caret_restore(page, st->row, st->col);
		}
	}
	free(st->text);
	st->text = NULL;
}

/* The caller's commit: judge and store the value; the edit ends unless
 * the value is refused (the message says why). */
enum forms_reaction
forms_page_commit(struct forms_page *page)
{
	return forms_edit_commit(page);
}

/* Does the model accept the value typed? Says nothing either way. */
static bool
judge_quietly(struct forms_page *page)
{
	char keep[sizeof page->message];
	int rc;

	memcpy(keep, page->message, sizeof keep);
	page->validating = true;
	rc = form_driver_w(page->form, KEY_CODE_YES, REQ_VALIDATION);
	page->validating = false;
	memcpy(page->message, keep, sizeof keep);
	return rc == E_OK;
}

/* Store TEXT at the current item's PATH and edit on from ST. */
static enum forms_reaction
store_and_go_on(struct forms_page *page, const char *path, const char *text,
    struct forms_edit_state *st)
{
	char *msg = page->message[0] != '\0' ?
	    checklist_xstrdup(page->message) : NULL;
	char *mpath = page->msg_path != NULL ?
	    checklist_xstrdup(page->msg_path) : NULL;
	enum forms_reaction re = forms_store(page, path, text);

	if (re != FORMS_CHANGED) { /* refused after all: say nothing new */
		if (msg != NULL)
			forms_set_message(page, mpath, msg);
		else
			forms_clear_message(page);
	}
	if (!page->editing && forms_page_current_path(page) != NULL &&
	    strcmp(forms_page_current_path(page), path) == 0) {
		st->changed = false; /* what is typed is what is stored */
		forms_edit_restore(page, st);
	}
	free(st->text);
	free(msg);
	free(mpath);
	return re == FORMS_CHANGED ? re : FORMS_INVALID;
}

enum forms_reaction
forms_page_commit_keep(struct forms_page *page)
{
	struct forms_item *it = forms_current_item(page);
	struct forms_edit_state st;
	enum forms_reaction re = FORMS_HANDLED;
	char *path, *text;

	if (!page->editing)
		return FORMS_HANDLED;
	forms_field_sync(page);
	if (!field_status(page->fields[0]))
		return FORMS_HANDLED; /* nothing typed */
	if (!judge_quietly(page))
		return FORMS_INVALID;
	text = forms_edit_text(page);
	if (strcmp(text, forms_value(page, it->path)) != 0) {
		forms_edit_save(page, &st);
		path = checklist_xstrdup(it->path);
		re = store_and_go_on(page, path, text, &st);
		free(path);
	}
	free(text);
	return re;
}

/*
 * forms_repeat.c: repeat groups (a list of entries, each a few child
 * questions, e.g. the laws cited). The page shows the group's heading
 * and one line per entry (its number and first answer); Enter on an
 * entry opens it, and its child questions follow as ordinary items with
 * paths "R[N]/CHILD"; Enter again closes it.
 *
 * Keys: a adds an entry (and opens it), d deletes the entry under the
 * cursor after a y/n question in the page's message, K and J move it up
 * and down. Entries are counted, added, moved and removed by the model;
 * which entries are open is the page's own state, kept by entry path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

bool
forms_entry_is_open(const struct forms_page *page, const char *path)
{
	size_t i;

	for (i = 0; i < page->nopen; i++)
		if (strcmp(page->open[i], path) == 0)
			return true;
	return false;
}

void
forms_entry_set_open(struct forms_page *page, const char *path, bool open)
{
	size_t i;

	for (i = 0; i < page->nopen; i++) {
		if (strcmp(page->open[i], path) != 0)
			continue;
		if (!open) {
			free(page->open[i]);
			page->open[i] = page->open[--page->nopen];
		}
		return;
	}
	if (!open)
		return;
	page->open = checklist_xreallocarray(page->open, page->nopen + 1,
	    sizeof *page->open);
	page->open[page->nopen++] = checklist_xstrdup(path);
}

/* Close every entry of REPEAT (their numbers are about to change). */
static void
close_all(struct forms_page *page, const char *repeat)
{
	size_t n = strlen(repeat), i = 0;

	while (i < page->nopen) {
		if (strncmp(page->open[i], repeat, n) == 0 &&
		    page->open[i][n] == '[') {
			free(page->open[i]);
			page->open[i] = page->open[--page->nopen];
		} else {
			i++;
		}
	}
}

void
forms_open_free(struct forms_page *page)
{
	size_t i;

	for (i = 0; i < page->nopen; i++)
		free(page->open[i]);
	free(page->open);
	page->open = NULL;
	page->nopen = 0;
}

/* The entry's first answer, on one line, or "(empty)". Caller frees. */
char *
forms_entry_summary(struct forms_page *page, const struct forms_item *it)
{
	size_t c;

	for (c = 0; c < it->q->nchildren; c++) {
		const struct checklist_question *q = it->q->children[c];
		char *p;
		const char *v;

		if (q->type == CHECKLIST_Q_REPEAT)
			continue;
		p = checklist_xasprintf("%s/%s", it->path, q->id);
		v = forms_value(page, p);
		free(p);
		if (v[0] != '\0')
			return checklist_xstrndup(v, strcspn(v, "\n"));
	}
	return checklist_xstrdup(_("(empty)"));
}

static size_t
index_of(const struct forms_page *page, const char *path)
{
	size_t i;

	for (i = 0; i < page->nitems; i++)
		if (strcmp(page->items[i].path, path) == 0)
			return i;
	return page->cur;
}

static enum forms_reaction
entry_add(struct forms_page *page, const char *repeat)
{
	struct checklist_error err;
	size_t idx = 0, i;
	char *ep;

	checklist_error_clear(&err);
	if (checklist_response_add_entry(page->r, repeat, &idx, &err) !=
	    CHECKLIST_OK) {
		forms_set_message(page, forms_page_current_path(page),
		    err.message);
		return FORMS_INVALID;
	}
	ep = checklist_xasprintf("%s[%zu]", repeat, idx);
	forms_entry_set_open(page, ep, true);
	forms_clear_message(page);
	forms_rebuild(page);
	i = index_of(page, ep);
	if (i + 1 < page->nitems && page->items[i + 1].depth >
	    page->items[i].depth && strcmp(page->items[i].path, ep) == 0)
		i++; /* the entry's first question */
	forms_focus_index(page, i);
	free(ep);
	return FORMS_CHANGED;
}

static enum forms_reaction
entry_move(struct forms_page *page, struct forms_item *it, int delta)
{
	struct checklist_error err;
	size_t n = checklist_response_entries(page->r, it->repeat);
	size_t to = it->index + (size_t)delta;
	char *repeat, *ep;
	bool open = it->open;

	if ((delta < 0 && it->index <= 1) || (delta > 0 && it->index >= n))
		return FORMS_HANDLED;
	checklist_error_clear(&err);
	if (checklist_response_move_entry(page->r, it->repeat, it->index, to,
	    &err) != CHECKLIST_OK) {
		forms_set_message(page, it->path, err.message);
		return FORMS_INVALID;
	}
	repeat = checklist_xstrdup(it->repeat);
	ep = checklist_xasprintf("%s[%zu]", repeat, to);
	close_all(page, repeat);
	if (open)
		forms_entry_set_open(page, ep, true);
	forms_clear_message(page);
	forms_rebuild(page);
	forms_focus_index(page, index_of(page, ep));
	free(ep);
	free(repeat);
	return FORMS_CHANGED;
}

static enum forms_reaction
entry_ask_delete(struct forms_page *page, struct forms_item *it)
{
	char *msg = checklist_xasprintf(_("Delete entry %zu of \"%s\"? (y/n)"),
	    it->index, forms_label(page, &it->q->label));

	forms_set_message(page, it->path, msg);
	page->confirm = true;
	free(msg);
	return FORMS_HANDLED;
}

enum forms_reaction
forms_repeat_confirm_key(struct forms_page *page, wint_t ch, bool iskey)
{
	struct forms_item *it = forms_current_item(page);
	struct checklist_error err;
	char *repeat;

	if (iskey || (ch != L'y' && ch != L'Y') || it == NULL ||
	    it->kind != FORMS_I_ENTRY) {
		forms_clear_message(page);
		return FORMS_HANDLED;
	}
	checklist_error_clear(&err);
	if (checklist_response_remove_entry(page->r, it->repeat, it->index,
	    &err) != CHECKLIST_OK) {
		page->confirm = false;
		forms_set_message(page, it->path, err.message);
		return FORMS_INVALID;
	}
	repeat = checklist_xstrdup(it->repeat);
	close_all(page, repeat);
	forms_clear_message(page);
	forms_rebuild(page);
	free(repeat);
	return FORMS_CHANGED;
}

enum forms_reaction
forms_repeat_key(struct forms_page *page, struct forms_item *it, wint_t ch,
    bool iskey)
{
	bool enter = (!iskey && (ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER);

	if ((!iskey && ch == L'a') || (iskey && ch == KEY_IC))
		return entry_add(page, it->repeat);
	if (it->kind == FORMS_I_REPEAT) {
		if (!enter)
			return FORMS_IGNORED;
		if (checklist_response_entries(page->r, it->path) == 0)
			return entry_add(page, it->repeat);
		return forms_move(page, 1);
	}
	if (enter) {
		forms_entry_set_open(page, it->path, !it->open);
		forms_clear_message(page);
		forms_rebuild(page);
		return FORMS_HANDLED;
	}
	if ((!iskey && ch == L'd') || (iskey && ch == KEY_DC))
		return entry_ask_delete(page, it);
	if (!iskey && (ch == L'K' || ch == L'J'))
		return entry_move(page, it, ch == L'K' ? -1 : 1);
	return FORMS_IGNORED;
}

/*
 * forms_page.c: a page's life (new, free, resize, refresh), its items
 * rebuilt from the model's relevance, their layout in virtual rows, the
 * scroll that keeps the focus in view, and the accessors of forms.h.
 *
 * Rebuilding is cheap and done after every committed change, so that a
 * question whose condition became true appears at once; the focus stays
 * on the same value path (or the nearest item when it vanished).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

short forms_pair_title, forms_pair_field, forms_pair_error;

void
forms_set_color_pairs(short title, short field, short error)
{
	forms_pair_title = title;
	forms_pair_field = field;
	forms_pair_error = error;
}

const char *
forms_label(const struct forms_page *page, const struct checklist_text *t)
{
	return checklist_text_get(t, page->lang, page->r->cl->default_lang);
}

/* The stored value at PATH, "" when none. */
const char *
forms_value(struct forms_page *page, const char *path)
{
	const char *v = checklist_response_get(page->r, path);

	return v != NULL ? v : "";
}

static struct forms_item *
item_push(struct forms_page *page, enum forms_ikind kind,
    const struct checklist_question *q, char *path, int depth)
{
	struct forms_item *it;

	page->items = checklist_xreallocarray(page->items, page->nitems + 1,
	    sizeof *page->items);
	it = &page->items[page->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->q = q;
	it->path = path;
	it->depth = depth;
	return it;
}

/* The option a choice list's cursor starts on: the first selected. */
static int
first_selected(const struct checklist_question *q, const char *value)
{
	size_t i, n = forms_choice_count(q);

	for (i = 0; i < n; i++)
		if (forms_choice_selected(value, forms_choice_value(q, i)))
			return (int)i;
	return 0;
}

static void add_question(struct forms_page *page,
    const struct checklist_question *q, char *path, int depth);

static void
add_repeat(struct forms_page *page, const struct checklist_question *q,
    char *path, int depth)
{
	size_t n = checklist_response_entries(page->r, path), i, c;
	struct forms_item *it = item_push(page, FORMS_I_REPEAT, q, path, depth);

	it->repeat = checklist_xstrdup(path);
	for (i = 1; i <= n; i++) {
		char *ep = checklist_xasprintf("%s[%zu]", path, i);

		it = item_push(page, FORMS_I_ENTRY, q, ep, depth + 1);
		it->repeat = checklist_xstrdup(path);
		it->index = i;
		it->open = forms_entry_is_open(page, ep);
		if (!it->open)
			continue;
		for (c = 0; c < q->nchildren; c++)
			add_question(page, q->children[c],
			    checklist_xasprintf("%s/%s", ep, q->children[c]->id),
			    depth + 2);
	}
}

/* Add Q at PATH (owned by the item, or freed) when it is relevant. */
static void
add_question(struct forms_page *page, const struct checklist_question *q,
    char *path, int depth)
{
	if (!checklist_response_relevant(page->r, path)) {
		free(path);
		return;
	}
	switch (q->type) {
	case CHECKLIST_Q_REPEAT:
		add_repeat(page, q, path, depth);
		break;
	case CHECKLIST_Q_BOOLEAN:
	case CHECKLIST_Q_SINGLE:
	case CHECKLIST_Q_MULTIPLE:
		item_push(page, FORMS_I_CHOICE, q, path, depth)->cursor =
		    first_selected(q, forms_value(page, path));
		if (q->other && forms_value_has_other(q, forms_value(page, path)))
			item_push(page, FORMS_I_OTHER, q,
			    checklist_xasprintf("%s:other", path), depth);
		break;
	default:
		item_push(page, FORMS_I_TEXT, q, path, depth);
		break;
	}
}

static void
items_free(struct forms_page *page)
{
	size_t i;

	for (i = 0; i < page->nitems; i++) {
		free(page->items[i].path);
		free(page->items[i].repeat);
		free(page->items[i].problem);
		if (page->items[i].shown != NULL)
			forms_lines_free(page->items[i].shown);
		free(page->items[i].shown);
	}
	free(page->items);
	page->items = NULL;
	page->nitems = 0;
}

static size_t
find_item(const struct forms_page *page, const char *path)
{
	size_t i;

	for (i = 0; path != NULL && i < page->nitems; i++)
		if (strcmp(page->items[i].path, path) == 0)
			return i;
	return (size_t)-1;
}

/* Items again from the model; the focus and choice cursor kept. */
void
forms_rebuild(struct forms_page *page)
{
	char *keep = NULL;
	int cursor = 0;
	size_t old = page->cur, i;

	if (page->cur < page->nitems) {
		keep = checklist_xstrdup(page->items[page->cur].path);
		cursor = page->items[page->cur].cursor;
	}
	items_free(page);
	for (i = 0; i < page->g->nquestions; i++)
		add_question(page, page->g->questions[i],
		    checklist_xstrdup(page->g->questions[i]->path), 0);
	if (page->editing && find_item(page, page->edit_path) == (size_t)-1)
		forms_edit_end(page); /* its question is no longer relevant */
	i = find_item(page, page->editing ? page->edit_path : keep);
	if (i != (size_t)-1) {
		page->cur = i;
		page->items[i].cursor = cursor;
	} else {
		page->cur = old < page->nitems ? old :
		    (page->nitems > 0 ? page->nitems - 1 : 0);
	}
	free(keep);
	forms_layout(page);
}

/* Keep the focused item (or its choice cursor) in view. */
static void
scroll_to_current(struct forms_page *page)
{
	int vh = page->height - page->head, lo, hi, maxs;
	struct forms_item *it = forms_current_item(page);

	if (vh < 1)
		vh = 1;
	if (it != NULL) {
		lo = it->top;
		hi = it->top + it->height;
		if (hi - lo > vh && it->kind == FORMS_I_CHOICE) {
			lo = it->top + (it->crow > 0 ? it->crow - 1 : 0);
			hi = it->top + it->crow + 2;
		}
		if (page->cur == 0 && hi <= vh)
			page->scroll = 0;
		else if (lo < page->scroll)
			page->scroll = lo;
		else if (hi > page->scroll + vh)
			page->scroll = hi - vh < lo ? hi - vh : lo;
	}
	maxs = page->total - vh;
	if (page->scroll > maxs)
		page->scroll = maxs;
	if (page->scroll < 0)
		page->scroll = 0;
}

/* Measure everything: title, help, each item's rows; then scroll. */
void
forms_layout(struct forms_page *page)
{
	size_t i;
	int vy;

	getmaxyx(page->win, page->height, page->width);
	page->head = forms_title_render(page, false);
	page->helprows = forms_help_render(page, false);
	vy = page->helprows;
	for (i = 0; i < page->nitems; i++) {
		struct forms_item *it = &page->items[i];

		if (i > 0 && it->depth == 0 && it->kind != FORMS_I_OTHER)
			vy++;
		it->top = vy;
		it->height = forms_item_render(page, it, vy, false);
		vy += it->height;
	}
	page->total = vy;
	scroll_to_current(page);
}

struct forms_item *
forms_current_item(struct forms_page *page)
{
	return page->cur < page->nitems ? &page->items[page->cur] : NULL;
}

struct forms_page *
forms_page_new(struct checklist_response *r, const struct checklist_group *g,
    WINDOW *win, const char *lang)
{
	struct forms_page *page = checklist_xcalloc(1, sizeof *page);

	page->r = r;
	page->g = g;
	page->win = win;
	page->lang = lang != NULL ? checklist_xstrdup(lang) : NULL;
	forms_rebuild(page);
	return page;
}

void
forms_page_set_readonly(struct forms_page *page, bool on)
{
	page->readonly = on;
}

void
forms_page_set_changed(struct forms_page *page, const char *changed)
{
	page->changed = changed;
}

void
forms_page_free(struct forms_page *page)
{
	if (page == NULL)
		return;
	if (page->editing)
		forms_edit_end(page);
	items_free(page);
	forms_open_free(page);
	free(page->msg_path);
	free(page->lang);
	free(page);
}

void
forms_page_draw(struct forms_page *page)
{
	size_t i;
	int y;

	for (y = 0; y < page->height; y++) {
		wmove(page->win, y, 0);
		wclrtoeol(page->win);
	}
	forms_title_render(page, true);
	if (page->scroll > 0)
		mvwaddstr(page->win, 0, page->width - 2, "^");
	if (page->scroll + page->height - page->head < page->total)
		mvwaddstr(page->win, page->head - 1, page->width - 1, "v");
	forms_help_render(page, true);
	if (page->nitems == 0) {
		wchar_t *w = forms_wcs(_("No questions to answer here."), false);

		forms_put_vrow(page, page->helprows, 2, w, wcslen(w),
		    page->width - 3, A_NORMAL, true);
		free(w);
	}
	for (i = 0; i < page->nitems; i++)
		forms_item_render(page, &page->items[i], page->items[i].top,
		    true);
	if (page->editing && page->cur_y >= 0)
		wmove(page->win, page->cur_y, page->cur_x);
}

/* The edit, if any, goes on: its text and caret are the page's own. */
void
forms_page_resize(struct forms_page *page, WINDOW *win)
{
	page->win = win;
	forms_rebuild(page);
}

void
forms_page_refresh(struct forms_page *page)
{
	forms_page_resize(page, page->win);
}

const struct checklist_question *
forms_page_current(const struct forms_page *page)
{
	return page->cur < page->nitems ? page->items[page->cur].q : NULL;
}

const char *
forms_page_current_path(const struct forms_page *page)
{
	return page->cur < page->nitems ? page->items[page->cur].path : NULL;
}

/* Move the focus to item I (the caller has ended any edit). */
bool
forms_focus_index(struct forms_page *page, size_t i)
{
	if (i >= page->nitems)
		return false;
	if (i != page->cur)
		forms_clear_message(page);
	page->cur = i;
	forms_layout(page);
	return true;
}

/* Open every entry named on the way to PATH ("r[2]/c[1]/x"). */
static void
open_entries_on(struct forms_page *page, const char *path)
{
	const char *p;

	for (p = strchr(path, ']'); p != NULL; p = strchr(p + 1, ']')) {
		char *ep = checklist_xstrndup(path, (size_t)(p - path + 1));

		forms_entry_set_open(page, ep, true);
		free(ep);
	}
}

bool
forms_page_focus(struct forms_page *page, const char *path)
{
	size_t i;

	if (page->editing && forms_edit_commit(page) == FORMS_INVALID)
		return false;
	forms_edit_end(page);
	i = find_item(page, path);
	if (i == (size_t)-1 && strchr(path, ']') != NULL) {
		open_entries_on(page, path);
		forms_rebuild(page);
		i = find_item(page, path);
	}
	return i != (size_t)-1 && forms_focus_index(page, i);
}

void
forms_set_message(struct forms_page *page, const char *path, const char *msg)
{
	char *copy = checklist_xstrdup(msg); /* MSG may be page->message */

	free(page->msg_path);
	page->msg_path = path != NULL ? checklist_xstrdup(path) : NULL;
	snprintf(page->message, sizeof page->message, "%s", copy);
	free(copy);
	forms_layout(page);
}

void
forms_clear_message(struct forms_page *page)
{
	bool had = page->message[0] != '\0';

	page->message[0] = '\0';
	free(page->msg_path);
	page->msg_path = NULL;
	page->confirm = false;
	if (had)
		forms_layout(page);
}

const char *
forms_page_message(const struct forms_page *page)
{
	return page->message[0] != '\0' ? page->message : NULL;
}

bool
forms_page_editing(const struct forms_page *page)
{
	return page->editing;
}

bool
forms_page_multiline(const struct forms_page *page)
{
	return page->editing && page->buf.multiline;
}

bool
forms_page_on_text(const struct forms_page *page)
{
	return page->cur < page->nitems &&
	    forms_is_field_item(&page->items[page->cur]);
}

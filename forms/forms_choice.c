/*
 * forms_choice.c: yes/no, single and multiple choice questions as lists
 * of options laid out left to right and wrapped by display width. Left
 * and Right move the cursor; Space (or Enter) selects in a single choice
 * (again on the selected option: clears it) and toggles in a multiple
 * one. "Other, please specify" is one more option (value `other`); while
 * it is selected the page shows the text field of "PATH:other" after the
 * list (an item of its own, built by forms_page.c). A list that takes
 * several rows is a grid: Up and Down move between its rows first, and
 * leave the question from the first or last row. A list of more than
 * FORMS_LONG_LIST options is not laid out: forms_chooser.c shows its value
 * and opens a chooser. The options of a right-to-left list (its first
 * label Arabic or Hebrew) keep their order, each row right-aligned: its
 * last option ends in the list's last column.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

static const char *const bool_values[] = { "yes", "no" };
static const char *const bool_labels[] = { N_("Yes"), N_("No") };

size_t
forms_choice_count(const struct checklist_question *q)
{
	if (q->type == CHECKLIST_Q_BOOLEAN)
		return 2;
	return q->nchoices + (q->other ? 1 : 0);
}

const char *
forms_choice_value(const struct checklist_question *q, size_t i)
{
	if (q->type == CHECKLIST_Q_BOOLEAN)
		return bool_values[i];
	return i < q->nchoices ? q->choices[i].value : CHECKLIST_OTHER;
}

const char *
forms_choice_label(const struct forms_page *page,
    const struct checklist_question *q, size_t i)
{
	if (q->type == CHECKLIST_Q_BOOLEAN)
		return _(bool_labels[i]);
	if (i < q->nchoices)
		return forms_label(page, &q->choices[i].label);
	return _("Other, please specify");
}

/* Is OPT one of the space-separated tokens of VALUE? */
bool
forms_choice_selected(const char *value, const char *opt)
{
	size_t n = strlen(opt);
	const char *p = value;

	while (p != NULL && *p != '\0') {
		while (*p == ' ')
			p++;
		if (strncmp(p, opt, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return true;
		p = strchr(p, ' ');
	}
	return false;
}

bool
forms_value_has_other(const struct checklist_question *q, const char *value)
{
	return q->other && forms_choice_selected(value, CHECKLIST_OTHER);
}

static wchar_t *
option_text(const struct forms_page *page, const struct checklist_question *q,
    size_t i, bool selected)
{
	bool multi = q->type == CHECKLIST_Q_MULTIPLE;
	const char *mark = multi ? (selected ? "[x]" : "[ ]") :
	    (selected ? "(*)" : "( )");
	char *s = checklist_xasprintf("%s %s", mark,
	    forms_choice_label(page, q, i));
	wchar_t *w = forms_wcs(s, false);

	free(s);
	return w;
}

/* Right-to-left options: the N options' columns COL moved so that each
 * row (ROW) ends at WIDTH; TW: their widths. */
static void
choice_align_right(size_t n, const int *row, int *col, const int *tw,
    int width)
{
	size_t i = 0, j, k;
	int shift;

	while (i < n) {
		for (j = i; j + 1 < n && row[j + 1] == row[i]; j++)
			;
		shift = width - (col[j] + tw[j]);
		for (k = i; shift > 0 && k <= j; k++)
			col[k] += shift;
		i = j + 1;
	}
}

/* Where each option sits (ROW, COL from the list's first cell), laid
 * out left to right in WIDTH cells; returns the rows used. */
static int
choice_place(const struct forms_page *page, const struct forms_item *it,
    int width, int *row, int *col, int *tw)
{
	const char *value = checklist_response_get(page->r, it->path);
	size_t i, n = forms_choice_count(it->q);
	const char *first;
	int r = 0, c = 0;

	for (i = 0; i < n; i++) {
		bool sel = forms_choice_selected(value ? value : "",
		    forms_choice_value(it->q, i));
		wchar_t *w = option_text(page, it->q, i, sel);
		int wd = forms_wcswidth(w, wcslen(w));

		free(w);
		if (wd > width)
			wd = width;
		if (c > 0 && c + wd > width) {
			r++;
			c = 0;
		}
		row[i] = r;
		col[i] = c;
		tw[i] = wd;
		c += wd + 2;
	}
	first = n > 0 ? forms_choice_label(page, it->q, 0) : "";
	if (forms_text_rtl(first, strlen(first)))
		choice_align_right(n, row, col, tw, width);
	return r + 1;
}

/* The options from virtual row VY, column X, in WIDTH cells; returns
 * the rows used. Records the box and the cursor's row for the scroll. */
int
forms_choice_render(struct forms_page *page, struct forms_item *it, int vy,
    int x, int width, bool draw)
{
	const char *value = forms_value(page, it->path);
	bool cur = it == forms_current_item(page);
	size_t i, n = forms_choice_count(it->q);
	int *row, *col, *tw, rows;

	if (forms_choice_long(it->q))
		return forms_chooser_render(page, it, vy, x, width, draw);
	row = checklist_xreallocarray(NULL, n + 1, 3 * sizeof(int));
	col = row + n + 1;
	tw = col + n + 1;
	if (width < 4)
		width = 4;
	it->frow = vy - it->top;
	it->fcol = x;
	it->fwidth = width;
	rows = choice_place(page, it, width, row, col, tw);
	it->frows = rows;
	for (i = 0; draw && i < n; i++) {
		bool sel = forms_choice_selected(value,
		    forms_choice_value(it->q, i));
		wchar_t *w = option_text(page, it->q, i, sel);
		attr_t a = sel ? A_BOLD : A_NORMAL;

		if (cur && (size_t)it->cursor == i)
			a |= A_REVERSE;
		forms_put_vrow(page, vy + row[i], x + col[i], w, wcslen(w),
		    tw[i], a, true);
		free(w);
	}
	if ((size_t)it->cursor < n)
		it->crow = it->frow + row[it->cursor];
	free(row);
	return rows;
}

/* Up or Down inside a list of several rows: the option nearest in the
 * row above or below. False at the first or last row (the focus then
 * leaves the question). */
bool
forms_choice_vertical(struct forms_page *page, struct forms_item *it,
    int delta)
{
	size_t i, n = forms_choice_count(it->q), best = n;
	int *row, *col, *tw, want;

	if (forms_choice_long(it->q))
		return false; /* its value: Up and Down leave it */
	row = checklist_xreallocarray(NULL, n + 1, 3 * sizeof(int));
	col = row + n + 1;
	tw = col + n + 1;
	choice_place(page, it, it->fwidth > 4 ? it->fwidth : 4, row, col, tw);
	want = row[it->cursor] + delta;
	for (i = 0; i < n; i++) {
		if (row[i] != want)
			continue;
		if (best == n || abs(col[i] - col[it->cursor]) <
		    abs(col[best] - col[it->cursor]))
			best = i;
	}
	free(row);
	if (best == n)
		return false;
	it->cursor = (int)best;
	forms_clear_message(page);
	forms_layout(page);
	return true;
}

/* The value after toggling option I of a multiple choice, in the order of
 * the options. */
static char *
toggled(const struct checklist_question *q, const char *value, size_t i)
{
	size_t n = forms_choice_count(q), k;
	char *out = checklist_xstrdup("");

	for (k = 0; k < n; k++) {
		const char *v = forms_choice_value(q, k);
		bool sel = forms_choice_selected(value, v);
		char *next;

		if (k == i)
			sel = !sel;
		if (!sel)
			continue;
		next = checklist_xasprintf("%s%s%s", out, out[0] ? " " : "", v);
		free(out);
		out = next;
	}
	return out;
}

static enum forms_reaction
choose(struct forms_page *page, struct forms_item *it)
{
	const char *value = forms_value(page, it->path);
	const char *opt = forms_choice_value(it->q, (size_t)it->cursor);
	enum forms_reaction re;
	char *nv;

	if (it->q->type == CHECKLIST_Q_MULTIPLE)
		nv = toggled(it->q, value, (size_t)it->cursor);
	else if (strcmp(value, opt) == 0)
		nv = checklist_xstrdup("");
	else
		nv = checklist_xstrdup(opt);
	re = forms_store(page, it->path, nv);
	free(nv);
	return re;
}

enum forms_reaction
forms_choice_key(struct forms_page *page, struct forms_item *it, wint_t ch,
    bool iskey)
{
	int n = (int)forms_choice_count(it->q);

	if (forms_choice_long(it->q))
		return forms_chooser_key(page, it, ch, iskey);
	if (iskey && ch == KEY_LEFT && it->cursor > 0)
		it->cursor--;
	else if (iskey && ch == KEY_RIGHT && it->cursor + 1 < n)
		it->cursor++;
	else if (iskey && ch == KEY_HOME)
		it->cursor = 0;
	else if (iskey && ch == KEY_END)
		it->cursor = n - 1;
	else if ((!iskey && (ch == L' ' || ch == L'\n' || ch == L'\r')) ||
	    (iskey && ch == KEY_ENTER))
		return choose(page, it);
	else if (!(iskey && (ch == KEY_LEFT || ch == KEY_RIGHT)))
		return FORMS_IGNORED;
	forms_clear_message(page);
	forms_layout(page); /* the scroll follows the cursor */
	return FORMS_HANDLED;
}

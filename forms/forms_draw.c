/*
 * forms_draw.c: measuring and drawing a page. One function per thing
 * serves both (DRAW false only counts rows), so the layout and the
 * picture cannot disagree. Rows are "virtual": row 0 is the first row
 * below the fixed title; the page's scroll picks which are on screen.
 * Monochrome first: bold labels, underlined values, reverse video for
 * the cursor; colour pairs only when the caller set them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

static attr_t
with_pair(attr_t a, short pair)
{
	return pair > 0 ? (a | (attr_t)COLOR_PAIR(pair)) : a;
}

/* Draw N characters of S at screen row Y, column X, in at most MAXW
 * cells, unless Y is outside the window or under the field being
 * edited. */
static void
put_screen(struct forms_page *page, int y, int x, const wchar_t *s, size_t n,
    int maxw, attr_t attr)
{
	size_t k;

	if (y < 0 || y >= page->height || x >= page->width)
		return;
	if (maxw > page->width - x)
		maxw = page->width - x;
	k = forms_fit(s, n, maxw, NULL);
	wattr_set(page->win, attr, 0, NULL);
	mvwaddnwstr(page->win, y, x, s, (int)k);
	wattr_set(page->win, A_NORMAL, 0, NULL);
}

/* The same at virtual row VY (below the title, scrolled). */
void
forms_put_vrow(struct forms_page *page, int vy, int x, const wchar_t *s,
    size_t n, int maxw, attr_t attr, bool draw)
{
	int y = page->head + vy - page->scroll;

	if (!draw || y < page->head)
		return;
	put_screen(page, y, x, s, n, maxw, attr);
}

static void
put_lines_at(struct forms_page *page, int y0, bool fixed, int x, int width,
    const char *s, bool keep_newlines, attr_t attr, int *rows, bool draw)
{
	struct forms_lines l;
	size_t i;
	bool rtl;
	int dx;

	forms_wrap(&l, s, width, keep_newlines);
	rtl = forms_rtl(l.text); /* right-aligned, each line */
	for (i = 0; draw && i < l.n; i++) {
		dx = rtl && l.width[i] < width ? width - l.width[i] : 0;
		if (fixed)
			put_screen(page, y0 + (int)i, x + dx, l.text +
			    l.start[i], l.len[i], width - dx, attr);
		else
			forms_put_vrow(page, y0 + (int)i, x + dx, l.text +
			    l.start[i], l.len[i], width - dx, attr, true);
	}
	*rows = l.n > 0 ? (int)l.n : 1;
	forms_lines_free(&l);
}

/* S wrapped to WIDTH at virtual row VY; *ROWS gets the rows used (one at
 * least, so that an empty text keeps its place). */
void
forms_put_lines(struct forms_page *page, int vy, int x, int width,
    const char *s, bool keep_newlines, attr_t attr, int *rows, bool draw)
{
	put_lines_at(page, vy, false, x, width, s, keep_newlines, attr, rows,
	    draw);
}

/* The fixed title: number and title, at most two rows. */
int
forms_title_render(struct forms_page *page, bool draw)
{
	const char *title = forms_label(page, &page->g->title);
	char *s;
	int rows = 0;

	if (page->g->number != NULL)
		s = checklist_xasprintf("%s  %s", page->g->number, title);
	else
		s = checklist_xstrdup(title);
	put_lines_at(page, 0, true, 0, page->width - 3, s, false,
	    with_pair(A_BOLD, forms_pair_title), &rows, draw && page->height > 1);
	free(s);
	return rows > 2 ? 2 : rows;
}

/* The group's help, then a blank row; 0 rows when there is none. */
int
forms_help_render(struct forms_page *page, bool draw)
{
	const char *help = forms_label(page, &page->g->help);
	int rows = 0;

	if (help[0] == '\0')
		return 0;
	forms_put_lines(page, 0, 0, page->width - 1, help, true, A_NORMAL,
	    &rows, draw);
	return rows + 1;
}

/* The first rows of IT's stored value at its box's width, wrapped once
 * per rebuild and width (see forms_item). Borrowed. */
#define FORMS_SHOWN_ROWS 11
static const struct forms_lines *
value_lines(struct forms_page *page, struct forms_item *it)
{
	if (it->shown != NULL && it->shown_width == it->fwidth)
		return it->shown;
	if (it->shown == NULL)
		it->shown = checklist_xcalloc(1, sizeof *it->shown);
	else
		forms_lines_free(it->shown);
	forms_wrap_rows(it->shown, forms_value(page, it->path), it->fwidth,
	    forms_is_longtext(it), FORMS_SHOWN_ROWS);
	it->shown_width = it->fwidth;
	return it->shown;
}

/* The box where a text value shows: WIDTH cells by ROWS. */
static void
value_box(struct forms_page *page, struct forms_item *it, int avail)
{
	int vh = page->height - page->head;

	it->frows = 1;
	it->fwidth = avail < 8 ? 8 : avail;
	if (it->kind == FORMS_I_OTHER)
		return;
	if (it->q->type == CHECKLIST_Q_INTEGER ||
	    it->q->type == CHECKLIST_Q_DECIMAL)
		it->fwidth = it->fwidth > 24 ? 24 : it->fwidth;
	if (it->q->type == CHECKLIST_Q_DATE)
		it->fwidth = it->fwidth > 12 ? 12 : it->fwidth;
	if (forms_is_longtext(it) && page->editing &&
	    it == forms_current_item(page)) {
		it->frows = forms_view_box_rows(page, it);
	} else if (forms_is_longtext(it)) {
		const struct forms_lines *l = value_lines(page, it);
		int cap = it == forms_current_item(page) ? vh - 6 : 4;

		cap = cap > FORMS_SHOWN_ROWS - 1 ? FORMS_SHOWN_ROWS - 1 :
		    (cap < 3 ? 3 : cap);
		it->frows = (int)l->n < 3 ? 3 :
		    ((int)l->n > cap ? cap : (int)l->n);
	}
}

static void
value_draw(struct forms_page *page, struct forms_item *it, int vy)
{
	bool cur = it == forms_current_item(page);
	attr_t a = with_pair(cur ? A_UNDERLINE | A_BOLD : A_UNDERLINE,
	    forms_pair_field);
	const struct forms_lines *l;
	wchar_t *blank;
	int r, dx;
	bool rtl;

	if (page->editing && cur) {
		forms_view_draw(page, it, vy, with_pair(A_REVERSE,
		    forms_pair_field));
		return;
	}
	blank = checklist_xreallocarray(NULL, (size_t)it->fwidth + 1,
	    sizeof *blank);
	wmemset(blank, L' ', (size_t)it->fwidth);
	blank[it->fwidth] = L'\0';
	l = value_lines(page, it);
	rtl = forms_rtl(l->text); /* right-aligned in its box */
	for (r = 0; r < it->frows; r++) {
		forms_put_vrow(page, vy + r, it->fcol, blank, (size_t)it->fwidth,
		    it->fwidth, a, true);
		dx = (size_t)r < l->n && rtl && l->width[r] < it->fwidth ?
		    it->fwidth - l->width[r] : 0;
		if ((size_t)r < l->n)
			forms_put_vrow(page, vy + r, it->fcol + dx, l->text +
			    l->start[r], l->len[r], it->fwidth - dx, a, true);
	}
	if (l->n > (size_t)it->frows || (l->n > 0 && !forms_is_longtext(it) &&
	    l->n > 1))
		forms_put_vrow(page, vy + it->frows - 1,
		    it->fcol + it->fwidth - 1, L">", 1, 1, a | A_REVERSE, true);
	free(blank);
}

/* Is IT's answer among the paths of PAGE->changed (a repeat: any of
 * its values)? */
static bool
label_changed(const struct forms_page *page, const struct forms_item *it)
{
	char *key;
	bool hit;

	if (page->changed == NULL)
		return false;
	key = checklist_xasprintf("\n%s%s", it->path,
	    it->kind == FORMS_I_REPEAT ? "[" : "\n");
	hit = strstr(page->changed, key) != NULL;
	free(key);
	return hit;
}

/* The label, with the marks of the answer: required, to review (carried
 * from the last cycle), changed since the file compared with. */
static char *
label_text(const struct forms_page *page, const struct forms_item *it,
    bool *marked)
{
	const char *label = forms_label(page, &it->q->label);
	bool conflict = (it->kind == FORMS_I_TEXT || it->kind ==
	    FORMS_I_CHOICE) && checklist_conflict_at(page->r, it->path);
	bool review = it->q->parent == NULL &&
	    checklist_review_marked(page->r, it->path);
	bool changed = label_changed(page, it);

	*marked = review || changed;
	return checklist_xasprintf("%s%s%s%s%s", conflict ? "\u2260 conflict "
	    "(F7 settles it): " : "", it->q->required ? "* " : "",
	    review ? "[to review] " : "", changed ? "[changed] " : "", label);
}

/* What the focused item says under it: its hint, the keys of a repeat,
 * that an answer is still required. */
static const char *
focus_note(struct forms_page *page, struct forms_item *it)
{
	const char *hint = forms_label(page, &it->q->hint);

	if (it->kind == FORMS_I_REPEAT)
		return checklist_response_entries(page->r, it->path) == 0 &&
		    it->q->required ? _("At least one entry is needed: a adds one.") :
		    _("a: add an entry");
	if (it->kind == FORMS_I_ENTRY)
		return _("Enter: open/close  a: add  d: delete  K/J: move up/down");
	if (it->kind == FORMS_I_OTHER)
		return "";
	if (hint[0] == '\0' && it->q->required &&
	    forms_value(page, it->path)[0] == '\0' &&
	    (page->msg_path == NULL || strcmp(page->msg_path, it->path) != 0))
		return _("An answer is needed here.");
	return hint;
}

/* Why the stored value is wrong (a file from elsewhere, a condition on
 * another answer that changed), or NULL. Caller frees. */
static char *
stored_problem(struct forms_page *page, struct forms_item *it)
{
	struct checklist_error err;

	if ((it->kind != FORMS_I_TEXT && it->kind != FORMS_I_CHOICE) ||
	    forms_value(page, it->path)[0] == '\0')
		return NULL;
	if (!it->judged) {
		it->judged = true;
		checklist_error_clear(&err);
		if (!checklist_response_valid(page->r, it->path, &err))
			it->problem = checklist_xasprintf("! %s",
			    err.message[0] != '\0' ? err.message :
			    _("This answer is no longer valid."));
	}
	return it->problem != NULL ? checklist_xstrdup(it->problem) : NULL;
}

/* The focus note, then the message of the last failed check (or the
 * problem with the stored value). */
static int
notes_render(struct forms_page *page, struct forms_item *it, int vy, int x,
    int width, bool draw)
{
	attr_t ea = with_pair(A_BOLD, forms_pair_error);
	const char *note = it == forms_current_item(page) ?
	    focus_note(page, it) : "";
	char *m = NULL;
	int rows = 0, n;

	if (note[0] != '\0') {
		forms_put_lines(page, vy, x, width, note, true, A_NORMAL, &n,
		    draw);
		rows += n;
	}
	if (page->msg_path != NULL && page->message[0] != '\0' &&
	    strcmp(page->msg_path, it->path) == 0)
		m = checklist_xasprintf("! %s", page->message);
	else if (!(page->editing && it == forms_current_item(page)))
		m = stored_problem(page, it);
	if (m != NULL) {
		forms_put_lines(page, vy + rows, x, width, m, false, ea, &n,
		    draw);
		rows += n;
		free(m);
	}
	return rows;
}

const char *
forms_entry_mark(bool open)
{
	/* a triangle where the locale can write it, else ASCII */
	if (wcwidth(L'\u25b8') != 1 || wcwidth(L'\u25be') != 1)
		return open ? "v" : ">";
	return open ? "\u25be" : "\u25b8";
}

static int
entry_render(struct forms_page *page, struct forms_item *it, int vy, int x,
    int width, bool draw)
{
	attr_t a = it == forms_current_item(page) ? A_REVERSE : A_NORMAL;
	char *sum, *head, *line;
	wchar_t *w;

	if (!draw)
		return 1;
	sum = forms_entry_summary(page, it);
	head = checklist_xasprintf("%s %zu. ", forms_entry_mark(it->open),
	    it->index);
	/* a right-to-left answer ends in the row's last column */
	line = forms_text_join_rtl(head, sum, width);
	if (line == NULL)
		line = checklist_xasprintf("%s%s", head, sum);
	free(head);
	w = forms_wcs(line, false);
	forms_put_vrow(page, vy, x, w, wcslen(w), width, a, true);
	free(w);
	free(line);
	free(sum);
	return 1;
}

/* Under the label: the choices, the entry count, or the value's box. */
static int
value_render(struct forms_page *page, struct forms_item *it, int vy,
    int x, int width, bool draw)
{
	int n = 0;

	if (it->kind == FORMS_I_CHOICE)
		return forms_choice_render(page, it, vy, x, width, draw);
	if (it->kind == FORMS_I_REPEAT) {
		if (checklist_response_entries(page->r, it->path) > 0)
			return 0;
		forms_put_lines(page, vy, x, width, _("(no entries)"), false,
		    A_NORMAL, &n, draw);
		return n;
	}
	it->frow = vy - it->top;
	it->fcol = x;
	value_box(page, it, width);
	if (draw)
		value_draw(page, it, vy);
	return it->frows;
}

static int
body_render(struct forms_page *page, struct forms_item *it, int vy,
    int indent, bool draw)
{
	int w = page->width - indent - 1, rows = 0;
	char *label;
	bool marked = false;

	if (it->kind == FORMS_I_ENTRY)
		return entry_render(page, it, vy, indent, w, draw);
	if (it->kind == FORMS_I_OTHER) {
		label = checklist_xstrdup(_("Other, please specify:"));
		indent += 2;
		w -= 2;
	} else {
		label = label_text(page, it, &marked);
	}
	forms_put_lines(page, vy, indent, w, label, false, marked ?
	    A_BOLD | A_STANDOUT : A_BOLD, &rows, draw);
	free(label);
	return rows + value_render(page, it, vy + rows, indent + 2, w - 2,
	    draw);
}

int
forms_item_render(struct forms_page *page, struct forms_item *it, int vy,
    bool draw)
{
	int indent = 2 + 2 * it->depth, rows;

	if (indent > page->width / 2)
		indent = page->width / 2;
	if (draw && it == forms_current_item(page))
		forms_put_vrow(page, vy, indent >= 2 ? indent - 2 : 0, L">", 1,
		    1, A_BOLD, true);
	rows = body_render(page, it, vy, indent, draw);
	rows += notes_render(page, it, vy + rows, indent + 2,
	    page->width - indent - 3, draw);
	return rows;
}

/*
 * forms_view.c: the value being edited, laid out and drawn in its box.
 *
 * One-line values scroll sideways to keep the caret in view; long text
 * is wrapped by display width (at spaces where possible, never inside a
 * grapheme cluster), newlines end rows, and the box scrolls to keep the
 * caret's row in view. A cluster is drawn as it is, combining marks on
 * their base, except what would act on the terminal or hide: controls,
 * bidi overrides and a zero-width character with no base show as the
 * sanitizer's markers ("<U+202E>"). The markers are drawn, never stored:
 * the buffer keeps the user's bytes.
 *
 * A right-to-left text (its first strong letter Arabic or Hebrew) stays
 * right-aligned while it is edited, as it is shown when it is not: each
 * row is shifted so that its last letter sits in the column before the
 * caret's (the box's last), its characters in their logical order; the
 * caret is where the same text drawn left-aligned would have it, shifted
 * the same. Up and Down keep the caret's column on the screen. A one-line
 * text wider than its box scrolls as a left-to-right one does.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "forms/forms_internal.h"

/* The first code point of the cluster at S[I]. */
static wchar_t
first_cp(const char *s, size_t len, size_t i)
{
	mbstate_t st;
	wchar_t c;
	size_t k;

	memset(&st, 0, sizeof st);
	k = mbrtowc(&c, s + i, len - i, &st);
	return k == (size_t)-1 || k == (size_t)-2 || k == 0 ? (wchar_t)0xFFFD :
	    c;
}

/* Is C shown as a marker rather than drawn? */
static bool
needs_marker(wchar_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c || c == 0xFFFD ||
	    wcwidth(c) <= 0;
}

/* The marker for C: "<U+202E>"; a tab is an arrow. */
static void
marker(wchar_t c, char *buf, size_t size)
{
	if (c == L'\t')
		snprintf(buf, size, "\xe2\x86\x92");
	else
		snprintf(buf, size, "<U+%04lX>", (unsigned long)c);
}

/* Cells the cluster [I, J) of S takes on the screen. */
static int
cluster_width(const char *s, size_t i, size_t j)
{
	wchar_t c = first_cp(s, j, i);
	char m[16];
	mbstate_t st;
	int w = 0, cw;
	size_t k;

	if (needs_marker(c)) {
		marker(c, m, sizeof m);
		return c == L'\t' ? 1 : (int)strlen(m);
	}
	memset(&st, 0, sizeof st);
	while (i < j) {
		k = mbrtowc(&c, s + i, j - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
			break;
		cw = wcwidth(c);
		w += cw > 0 ? cw : 0;
		i += k;
	}
	return w;
}

int
forms_view_width(const char *s, size_t from, size_t to)
{
	int w = 0;
	size_t j;

	while (from < to) {
		j = forms_buf_next(s, to, from);
		if (s[from] != '\n')
			w += cluster_width(s, from, j);
		from = j;
	}
	return w;
}

static void
row_push(struct forms_row **rows, size_t *n, size_t start, size_t end)
{
	*rows = checklist_xreallocarray(*rows, *n + 1, sizeof **rows);
	(*rows)[*n].start = start;
	(*rows)[*n].end = end;
	(*n)++;
}

/* Rows of B at WIDTH cells: a newline ends a row; a row too long breaks
 * after its last space (spaces may hang past the edge), else before the
 * cluster that does not fit. There is always one row at least. */
size_t
forms_view_rows(const struct forms_buf *b, int width, struct forms_row **rows)
{
	size_t n = 0, i = 0, j, start = 0, brk = 0;
	int w = 0, since = 0, cw;

	*rows = NULL;
	while (i < b->len) {
		j = forms_buf_next(b->text, b->len, i);
		if (b->text[i] == '\n') {
			row_push(rows, &n, start, i);
			start = brk = j;
			w = since = 0;
			i = j;
			continue;
		}
		cw = cluster_width(b->text, i, j);
		if (b->text[i] != ' ' && w + cw > width && i > start) {
			if (brk > start) {
				row_push(rows, &n, start, brk);
				start = brk;
				w = since;
			} else {
				row_push(rows, &n, start, i);
				start = brk = i;
				w = since = 0;
			}
		}
		w += cw;
		since = b->text[i] == ' ' ? 0 : since + cw;
		if (b->text[i] == ' ')
			brk = j;
		i = j;
	}
	row_push(rows, &n, start, b->len);
	return n;
}

/* The row holding the caret (a caret at a soft break goes below). */
size_t
forms_view_caret_row(const struct forms_buf *b, const struct forms_row *rows,
    size_t n)
{
	size_t r = 0;

	while (r + 1 < n && rows[r + 1].start <= b->caret)
		r++;
	return r;
}

/* The offset in row R of ROWS nearest column COL, not past its end. */
static size_t
row_offset(const struct forms_buf *b, const struct forms_row *row, int col)
{
	size_t i = row->start, j;
	int w = 0, cw;

	while (i < row->end) {
		j = forms_buf_next(b->text, row->end, i);
		cw = cluster_width(b->text, i, j);
		if (w + cw > col)
			break;
		w += cw;
		i = j;
	}
	return i;
}

/* Cells of the row [START, END) of S without its trailing spaces. */
static int
row_trimmed_width(const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	return forms_view_width(s, start, end);
}

/* Where the row [START, END) of B starts in a box whose text has AVAIL
 * cells: AVAIL less its width for a right-to-left text (RTL), else 0. */
static int
row_shift(const struct forms_buf *b, bool rtl, size_t start, size_t end,
    int avail)
{
	int w;

	if (!rtl)
		return 0;
	w = row_trimmed_width(b->text, start, end);
	return w < avail ? avail - w : 0;
}

/* Up (DELTA -1) or Down (1) a row in a long text; false at the edge. */
bool
forms_view_vertical(struct forms_buf *b, int width, int delta)
{
	struct forms_row *rows;
	size_t n = forms_view_rows(b, width, &rows);
	size_t r = forms_view_caret_row(b, rows, n);
	bool moved = false, rtl = forms_text_rtl(b->text, b->len);
	int col;

	if (b->goal < 0) /* the column on the screen, from the box's left */
		b->goal = row_shift(b, rtl, rows[r].start, rows[r].end, width) +
		    forms_view_width(b->text, rows[r].start, b->caret);
	if ((delta < 0 && r > 0) || (delta > 0 && r + 1 < n)) {
		r = delta < 0 ? r - 1 : r + 1;
		col = b->goal - row_shift(b, rtl, rows[r].start, rows[r].end,
		    width);
		b->caret = row_offset(b, &rows[r], col > 0 ? col : 0);
		moved = true;
	}
	free(rows);
	return moved;
}

/* Rows of the box of the long text IT while it is edited: room for the
 * text and a row to type on, from 5 up to most of the page. */
int
forms_view_box_rows(struct forms_page *page, struct forms_item *it)
{
	struct forms_row *rows;
	int vh = page->height - page->head, most = vh - 5, n;

	n = (int)forms_view_rows(&page->buf, it->fwidth - 1, &rows) + 1;
	free(rows);
	if (most < 5)
		most = 5;
	return n < 5 ? 5 : (n > most ? most : n);
}

/* Draw the cluster [I, J) of S at window row Y, column X. */
static void
draw_cluster(WINDOW *win, int y, int x, const char *s, size_t i, size_t j)
{
	wchar_t c = first_cp(s, j, i);
	char m[16];

	if (needs_marker(c)) {
		marker(c, m, sizeof m);
		mvwaddstr(win, y, x, m);
	} else {
		mvwaddnstr(win, y, x, s + i, (int)(j - i));
	}
}

/* Draw bytes [FROM, TO) of S from column X0, skipping the first SKIP
 * cells and stopping at MAXW cells; returns the cells drawn. */
static int
draw_span(WINDOW *win, int y, int x0, const char *s, size_t from, size_t to,
    int skip, int maxw)
{
	int w = 0, cw;
	size_t j;

	while (from < to) {
		j = forms_buf_next(s, to, from);
		cw = cluster_width(s, from, j);
		if (w >= skip && w - skip + cw > maxw)
			break;
		if (w >= skip)
			draw_cluster(win, y, x0 + w - skip, s, from, j);
		w += cw;
		from = j;
	}
	return w - skip;
}

static void
box_blank(struct forms_page *page, int y, int x, int width, int rows,
    attr_t attr)
{
	int r, c;

	wattr_set(page->win, attr, 0, NULL);
	for (r = 0; r < rows; r++)
		for (c = 0; c < width; c++)
			if (y + r >= page->head && y + r < page->height)
				mvwaddch(page->win, y + r, x + c, ' ');
}

/* One line: keep the caret inside, scrolling by a third of the box. */
static void
draw_oneline(struct forms_page *page, struct forms_item *it, int y)
{
	struct forms_buf *b = &page->buf;
	int w = it->fwidth - 1, col = forms_view_width(b->text, 0, b->caret);
	int dx = 0;

	if (forms_text_rtl(b->text, b->len) &&
	    forms_view_width(b->text, 0, b->len) <= w) {
		page->edit_left = 0; /* all of it in view, right-aligned */
		dx = row_shift(b, true, 0, b->len, w);
	} else if (col < page->edit_left || col > page->edit_left + w)
		page->edit_left = col - w * 2 / 3 > 0 ? col - w * 2 / 3 : 0;
	draw_span(page->win, y, it->fcol + dx, b->text, 0, b->len,
	    page->edit_left, it->fwidth - dx - (dx > 0 ? 0 : 1));
	if (page->edit_left > 0)
		mvwaddstr(page->win, y, it->fcol, "<");
	page->cur_y = y;
	page->cur_x = it->fcol + dx + col - page->edit_left;
	if (page->cur_x > it->fcol + w) /* after trailing spaces */
		page->cur_x = it->fcol + w;
}

/* Long text: the rows around the caret. */
static void
draw_rows(struct forms_page *page, struct forms_item *it, int y)
{
	struct forms_buf *b = &page->buf;
	struct forms_row *rows;
	size_t n = forms_view_rows(b, it->fwidth - 1, &rows), r;
	size_t cr = forms_view_caret_row(b, rows, n);
	bool rtl = forms_text_rtl(b->text, b->len);
	int dx;

	if ((int)cr < page->edit_top)
		page->edit_top = (int)cr;
	if ((int)cr >= page->edit_top + it->frows)
		page->edit_top = (int)cr - it->frows + 1;
	for (r = (size_t)page->edit_top; r < n &&
	    (int)r < page->edit_top + it->frows; r++) {
		int yy = y + (int)r - page->edit_top;

		dx = row_shift(b, rtl, rows[r].start, rows[r].end,
		    it->fwidth - 1);
		if (yy >= page->head && yy < page->height)
			draw_span(page->win, yy, it->fcol + dx, b->text,
			    rows[r].start, rows[r].end, 0, it->fwidth - dx);
	}
	dx = row_shift(b, rtl, rows[cr].start, rows[cr].end, it->fwidth - 1);
	page->cur_y = y + (int)cr - page->edit_top;
	page->cur_x = it->fcol + dx + forms_view_width(b->text, rows[cr].start,
	    b->caret);
	if (page->cur_x > it->fcol + it->fwidth - 1)
		page->cur_x = it->fcol + it->fwidth - 1;
	free(rows);
}

void
forms_view_draw(struct forms_page *page, struct forms_item *it, int vy,
    attr_t attr)
{
	int y = page->head + vy - page->scroll;

	box_blank(page, y, it->fcol, it->fwidth, it->frows, attr);
	if (y < page->head || y >= page->height) {
		page->cur_y = -1;
		wattr_set(page->win, A_NORMAL, 0, NULL);
		return;
	}
	if (page->buf.multiline)
		draw_rows(page, it, y);
	else
		draw_oneline(page, it, y);
	wattr_set(page->win, A_NORMAL, 0, NULL);
}

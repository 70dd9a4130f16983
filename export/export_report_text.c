/*
 * export_report_text.c: a report for the terminal. Each table is laid
 * out in columns fitted to the width asked: the widest columns give up
 * room first (never below a floor), and a cell too long for its column
 * is cut by display width (wide characters count two, never cut in
 * half) with "~" at the end. A table whose columns cannot fit even
 * so is shown as records, one "Column: value" line per cell. Every cell
 * passes through the sanitizer on one line: no control, bidi or
 * zero-width character reaches the terminal.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "export/export_report_internal.h"

#define EXPORT_TEXT_MIN 6   /* a column never narrower (unless its text) */
#define EXPORT_TEXT_GAP 2

/* The next code point of S (UTF-8, already sanitised) and its length. */
static unsigned long
export_text_next(const unsigned char *s, size_t *n)
{
	unsigned long c = s[0];

	if (c < 0x80) {
		*n = 1;
		return c;
	}
	*n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	c &= c >= 0xf0 ? 0x07 : c >= 0xe0 ? 0x0f : 0x1f;
	for (size_t i = 1; i < *n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = i;
			return 0xfffd;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	return c;
}

/* Display width of one code point: wcwidth, and 1 where the locale
 * does not know it. */
static size_t
export_text_cwidth(unsigned long c)
{
	int w = wcwidth((wchar_t)c);

	return w < 0 ? 1 : (size_t)w;
}

size_t
export_text_step(const char *s, size_t *n)
{
	return export_text_cwidth(export_text_next((const unsigned char *)s,
	    n));
}

size_t
export_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, n;

	while (*p != '\0') {
		w += export_text_cwidth(export_text_next(p, &n));
		p += n;
	}
	return w;
}

/* Append S to OUT cut or padded to exactly W cells (RIGHT: aligned
 * right). */
static void
export_text_put(char **out, size_t *len, const char *s, size_t w, bool right)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0, n, cw, full = export_text_width(s), start = *len;
	size_t room = full > w ? w - 1 : w;

	*out = checklist_xrealloc(*out, *len + strlen(s) + w + 8);
	if (right && full < w) {
		memset(*out + *len, ' ', w - full);
		*len += w - full;
		used = w - full;
		room = w;
	}
	while (*p != '\0') {
		cw = export_text_cwidth(export_text_next(p, &n));
		if (used + cw > room)
			break;
		memcpy(*out + *len, p, n);
		*len += n;
		used += cw;
		p += n;
	}
	if (full > w && used < w)
		(*out)[(*len)++] = '~', used++;
	while (used < w)
		(*out)[(*len)++] = ' ', used++;
	(void)start;
}

/* Column widths for T in WIDTH cells (0: no limit); CLEAN: its cells
 * and heads sanitised. False when they cannot fit. */
static bool
export_text_widths(const struct export_rtable *t, char **clean,
    size_t *w, int width)
{
	size_t i, r, total, big, cw;

	for (i = 0; i < t->ncols; i++) {
		w[i] = export_text_width(clean[i]);
		for (r = 0; r < t->nrows; r++) {
			cw = export_text_width(clean[(r + 1) * t->ncols + i]);
			w[i] = cw > w[i] ? cw : w[i];
		}
	}
	for (;;) {
		total = 0;
		big = 0;
		for (i = 0; i < t->ncols; i++) {
			total += w[i] + (i > 0 ? EXPORT_TEXT_GAP : 0);
			big = w[i] > w[big] ? i : big;
		}
		if (width <= 0 || total <= (size_t)width)
			return true;
		if (w[big] <= EXPORT_TEXT_MIN)
			return false;
		w[big]--;
	}
}

/* One line of N sanitised CELLS. */
static void
export_text_line(char **out, size_t *len, const struct export_rtable *t,
    char **cells, const size_t *w)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0) {
			*out = checklist_xrealloc(*out, *len + 4);
			memset(*out + *len, ' ', EXPORT_TEXT_GAP);
			*len += EXPORT_TEXT_GAP;
		}
		export_text_put(out, len, cells[i], w[i],
		    t->numeric[i]);
	}
	while (*len > 0 && (*out)[*len - 1] == ' ')
		(*len)--;
	(*out)[(*len)++] = '\n';
}

/* S sanitised for one line. Caller frees. */
static char *
export_text_clean(const char *s)
{
	return export_report_plain(s) ? checklist_xstrdup(s) :
	    checklist_sanitize(s, false);
}

/* Append S sanitised and a newline. */
static void
export_text_para(char **out, size_t *len, const char *s)
{
	char *c = export_text_clean(s);
	size_t n = strlen(c);

	*out = checklist_xrealloc(*out, *len + n + 2);
	memcpy(*out + *len, c, n);
	*len += n;
	(*out)[(*len)++] = '\n';
	free(c);
}

/* T as records: "Head: value" a line, cut to WIDTH, a blank line
 * between rows. */
static void
export_text_records(char **out, size_t *len, const struct export_rtable *t,
    char **clean, int width)
{
	size_t r, i, hw = 0, w;

	for (i = 0; i < t->ncols; i++) {
		w = export_text_width(clean[i]);
		hw = w > hw ? w : hw;
	}
	for (r = 1; r <= t->nrows; r++) {
		if (r > 1)
			export_text_para(out, len, "");
		for (i = 0; i < t->ncols; i++) {
			export_text_put(out, len, clean[i], hw, false);
			export_text_put(out, len, ": ", 2, false);
			w = (size_t)width > hw + 2 ? (size_t)width - hw - 2 : 1;
			if (export_text_width(clean[r * t->ncols + i]) < w)
				w = export_text_width(clean[r * t->ncols + i]);
			export_text_put(out, len, clean[r * t->ncols + i], w,
			    false);
			export_text_para(out, len, "");
		}
	}
}

static void
export_text_table(char **out, size_t *len, const struct export_rtable *t,
    int width)
{
	size_t n = (t->nrows + 1) * t->ncols, i, *w;
	char **clean = checklist_xcalloc(n, sizeof *clean);

	for (i = 0; i < t->ncols; i++)
		clean[i] = export_text_clean(t->head[i]);
	for (i = t->ncols; i < n; i++)
		clean[i] = export_text_clean(t->cells[i - t->ncols]);
	w = checklist_xcalloc(t->ncols, sizeof *w);
	export_text_para(out, len, "");
	export_text_para(out, len, t->title);
	if (t->note != NULL)
		export_text_para(out, len, t->note);
	if (!export_text_widths(t, clean, w, width))
		export_text_records(out, len, t, clean, width);
	else
		for (i = 0; i <= t->nrows; i++)
			export_text_line(out, len, t, clean + i * t->ncols, w);
	if (t->nrows == 0)
		export_text_para(out, len, _("(none)"));
	for (i = 0; i < n; i++)
		free(clean[i]);
	free(clean);
	free(w);
}

char *
export_render_text(const struct export_rdoc *d, int width, size_t *len)
{
	char *out = NULL;
	size_t i;

	*len = 0;
	export_text_para(&out, len, d->title);
	export_text_para(&out, len, d->meta);
	for (i = 0; i < d->nlegend; i++) {
		char *l = checklist_xasprintf("  %s", d->legend[i].label);
		export_text_para(&out, len, l);
		free(l);
	}
	for (i = 0; i < d->ntables; i++)
		if (!d->tables[i].html_only && !d->tables[i].csv_only)
			export_text_table(&out, len, &d->tables[i], width);
	out = checklist_xrealloc(out, *len + 1);
	out[*len] = '\0';
	return out;
}

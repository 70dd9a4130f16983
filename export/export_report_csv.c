/*
 * export_report_csv.c: a report as CSV for spreadsheets: RFC 4180 (CRLF
 * line ends, every field quoted, quotes doubled), UTF-8, a header row,
 * one table (the report's main one, at the level of detail that sorts
 * and filters best).
 *
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, a
 * tab or CR) as a formula: "=HYPERLINK(...)" in an answer must stay
 * text. export_csv_cell() is the one place that rule lives: such a cell
 * gets a leading apostrophe, unless its column is numeric and the cell
 * is a number ("-3" stays a number).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_internal.h"

/* Is S a plain decimal number ("-3", "+2.5", "17")? */
static bool
export_csv_number(const char *s)
{
	size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0, digits = 0;
	bool dot = false;

	for (; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && !dot)
			dot = true;
		else
			return false;
	}
	return digits > 0;
}

/* Would a spreadsheet run CLEAN (sanitised) as a formula? */
static bool
export_csv_formula(const char *clean, bool numeric)
{
	return clean[0] != '\0' && strchr("=+-@\t\r", clean[0]) != NULL &&
	    !(numeric && export_csv_number(clean));
}

char *
export_csv_cell(const char *text, bool numeric)
{
	char *clean = export_report_plain(text) ? checklist_xstrdup(text) :
	    checklist_sanitize(text, true), *out;

	if (export_csv_formula(clean, numeric)) {
		out = checklist_xasprintf("'%s", clean);
		free(clean);
		return out;
	}
	return clean;
}

/* The text being written, grown by doubling (a hundred thousand
 * fields). */
struct export_csv_buf {
	char *p;
	size_t len, cap;
};

/* Room for N more bytes and a NUL. */
static void
export_csv_room(struct export_csv_buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	b->cap = (b->len + n + 1) * 2;
	b->p = checklist_xrealloc(b->p, b->cap);
}

/* Append field TEXT (numeric column or not), quoted. */
static void
export_csv_field(struct export_csv_buf *b, const char *text, bool numeric,
    bool first)
{
	/* plain text that is no formula goes as it is, uncopied; the rest
	 * through export_csv_cell(), the rule's one place */
	char *cell = export_report_plain(text) &&
	    !export_csv_formula(text, numeric) ? NULL :
	    export_csv_cell(text, numeric);
	const char *p;

	if (cell != NULL)
		text = cell;
	export_csv_room(b, 2 * strlen(text) + 4);
	if (!first)
		b->p[b->len++] = ',';
	b->p[b->len++] = '"';
	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			b->p[b->len++] = '"';
		b->p[b->len++] = *p;
	}
	b->p[b->len++] = '"';
	free(cell);
}

static void
export_csv_eol(struct export_csv_buf *b)
{
	export_csv_room(b, 2);
	b->p[b->len++] = '\r';
	b->p[b->len++] = '\n';
}

char *
export_render_csv(const struct export_rdoc *d, size_t *len)
{
	const struct export_rtable *t;
	struct export_csv_buf b = { NULL, 0, 0 };
	size_t r, i;

	*len = 0;
	if (d->ntables == 0)
		return checklist_xstrdup("");
	t = &d->tables[d->csv_table < d->ntables ? d->csv_table : 0];
	for (i = 0; i < t->ncols; i++)
		export_csv_field(&b, t->head[i], false, i == 0);
	export_csv_eol(&b);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++)
			export_csv_field(&b, t->cells[r * t->ncols + i],
			    t->numeric[i], i == 0);
		export_csv_eol(&b);
	}
	b.p[b.len] = '\0';
	*len = b.len;
	return b.p;
}

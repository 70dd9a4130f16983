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

char *
export_csv_cell(const char *text, bool numeric)
{
	char *clean = checklist_sanitize(text, true), *out;

	if (strchr("=+-@\t\r", clean[0]) != NULL && clean[0] != '\0' &&
	    !(numeric && export_csv_number(clean))) {
		out = checklist_xasprintf("'%s", clean);
		free(clean);
		return out;
	}
	return clean;
}

/* Append field TEXT (numeric column or not), quoted. */
static void
export_csv_field(char **out, size_t *len, const char *text, bool numeric,
    bool first)
{
	char *cell = export_csv_cell(text, numeric), *p;
	size_t n = strlen(cell);

	*out = checklist_xrealloc(*out, *len + 2 * n + 4);
	if (!first)
		(*out)[(*len)++] = ',';
	(*out)[(*len)++] = '"';
	for (p = cell; *p != '\0'; p++) {
		if (*p == '"')
			(*out)[(*len)++] = '"';
		(*out)[(*len)++] = *p;
	}
	(*out)[(*len)++] = '"';
	free(cell);
}

static void
export_csv_eol(char **out, size_t *len)
{
	*out = checklist_xrealloc(*out, *len + 3);
	(*out)[(*len)++] = '\r';
	(*out)[(*len)++] = '\n';
}

char *
export_render_csv(const struct export_rdoc *d, size_t *len)
{
	const struct export_rtable *t;
	char *out = NULL;
	size_t r, i;

	*len = 0;
	if (d->ntables == 0)
		return checklist_xstrdup("");
	t = &d->tables[d->csv_table < d->ntables ? d->csv_table : 0];
	for (i = 0; i < t->ncols; i++)
		export_csv_field(&out, len, t->head[i], false, i == 0);
	export_csv_eol(&out, len);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++)
			export_csv_field(&out, len, t->cells[r * t->ncols + i],
			    t->numeric[i], i == 0);
		export_csv_eol(&out, len);
	}
	out[*len] = '\0';
	return out;
}

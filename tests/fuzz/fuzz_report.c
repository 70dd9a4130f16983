/*
 * fuzz_report.c: the CSV and HTML writers of the reports on any cell
 * text. The input's lines are the rows of a three-column table (cells
 * split at tabs; the second column numeric), its first line the title.
 * Properties: a CSV cell never starts a formula (= + - @ tab CR) unless
 * it is a number in a numeric column; the CSV and the HTML page hold no
 * control character but CR, LF and tab, no DEL and no C1 control; a tag
 * in a cell never becomes one in the page.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "export/export_report_internal.h"
#include "tests/fuzz/fuzz.h"

/* No C0 control but CR, LF, tab; no DEL; no C1 (as UTF-8) in S. */
static bool
fuzz_no_controls(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if ((s[i] < 0x20 && s[i] != '\r' && s[i] != '\n' &&
		    s[i] != '\t') || s[i] == 0x7f)
			return false;
		if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9f)
			return false;
	}
	return true;
}

/* The rows of LINES, cells at tabs (up to 3), in table T; each cell's
 * CSV form is checked on the way. */
static void
fuzz_rows(struct export_rtable *t, char *lines)
{
	char *line, *save = NULL, *cells[3], *c, *cell;
	size_t i;

	for (line = strtok_r(lines, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		for (i = 0; i < 3; i++) {
			cells[i] = line;
			if (line != NULL && (c = strchr(line, '\t')) != NULL) {
				*c = '\0';
				line = c + 1;
			} else
				line = NULL;
		}
		for (i = 0; i < 3; i++) {
			cell = export_csv_cell(cells[i] ? cells[i] : "", i == 1);
			fuzz_assert(strchr("=+-@\t\r", cell[0]) == NULL ||
			    cell[0] == '\0' || i == 1);
			free(cell);
		}
		export_rtable_add(t, (const char *const *)cells);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const head[] = { "State", "Count", "Note" };
	char *in = fuzz_string(data, size), *nl = strchr(in, '\n'), *out;
	struct export_rdoc d;
	struct export_rtable *t;
	size_t len;

	memset(&d, 0, sizeof d);
	if (nl != NULL)
		*nl = '\0';
	d.title = checklist_xstrdup(in);
	d.meta = checklist_xstrdup("fuzz");
	t = export_rdoc_table(&d, in, 3, head);
	t->numeric[1] = true;
	if (nl != NULL)
		fuzz_rows(t, nl + 1);
	out = export_render_csv(&d, &len);
	fuzz_assert(fuzz_no_controls((const unsigned char *)out, len));
	free(out);
	out = export_render_html(&d, &len);
	fuzz_assert(fuzz_no_controls((const unsigned char *)out, len));
	fuzz_assert(strstr(out, "<fz") == NULL);
	free(out);
	export_rdoc_free(&d);
	free(in);
	return 0;
}

/*
 * fuzz_report.c: the CSV and HTML writers of the secretariat's reports
 * on any cell text (a package's answers are untrusted). The input is
 * cut at NUL bytes into a title, a head and cells of a two-column table
 * (the second numeric). Properties: the CSV holds no control character
 * but the CRLF line ends and the newlines and tabs kept inside quoted
 * fields, and no field starts with what a spreadsheet runs as a formula
 * (= + - @ tab CR) unless it is a number in a numeric column; the HTML
 * parses, holds no script, no event attribute and no control character
 * in its text, and the input never makes an element of its own (the
 * number of elements does not depend on the text).
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "export/export_report_internal.h"
#include "tests/fuzz/fuzz.h"

/* The next piece of the input (up to a NUL). */
static const char *
piece(const char **p, const char *end)
{
	const char *s = *p;

	if (s >= end)
		return "";
	*p = s + strlen(s) + 1;
	return s;
}

/* Does S (a field's text, after its opening quote) read as a number? */
static bool
csv_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return *s >= '0' && *s <= '9';
}

/* Control characters only as line ends or inside quoted fields; no
 * field of column 0 (text) starting as a formula, and in column 1
 * (numeric) only a sign before a digit. */
static void
check_csv(const char *csv, size_t len)
{
	size_t i, col = 0;
	bool quoted = false;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)csv[i];

		fuzz_assert(c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
		fuzz_assert(c != 0x7f);
		if (!quoted && c == ',')
			col++;
		if (!quoted && c == '\n')
			col = 0;
		if (c != '"')
			continue;
		if (quoted && i + 1 < len && csv[i + 1] == '"') {
			i++;
			continue;
		}
		quoted = !quoted;
		if (!quoted || i + 1 >= len ||
		    strchr("=+-@\t\r", csv[i + 1]) == NULL)
			continue;
		fuzz_assert(col == 1 && csv[i + 1] != '=' && csv[i + 1] != '@' &&
		    csv_number(csv + i + 1));
	}
}

/* Elements under N; false on a script, an event attribute, a control. */
static size_t
check_html_node(xmlNodePtr n)
{
	size_t count = 0;
	const unsigned char *t;
	xmlAttrPtr a;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			for (t = n->content; *t != '\0'; t++)
				fuzz_assert(*t >= 0x20 || *t == '\n' || *t == '\t' ||
				    *t == '\r');
		if (n->type != XML_ELEMENT_NODE)
			continue;
		count++;
		fuzz_assert(xmlStrcasecmp(n->name, (const xmlChar *)"script") != 0);
		for (a = n->properties; a != NULL; a = a->next)
			fuzz_assert(xmlStrncasecmp(a->name, (const xmlChar *)"on", 2) != 0);
		count += check_html_node(n->children);
	}
	return count;
}

static size_t
check_html(const char *html, size_t len)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)len, "r.html", "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	size_t n;

	fuzz_assert(doc != NULL);
	n = check_html_node(xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	return n;
}

/* Render a one-row document of CELLS; the number of HTML elements. */
static size_t
render(const char *title, const char *const *head, const char *const *row)
{
	struct export_rdoc d;
	struct export_rtable *t;
	char *csv, *html;
	size_t len, n;

	memset(&d, 0, sizeof d);
	d.title = checklist_xstrdup(title);
	d.meta = checklist_xstrdup("fuzz");
	t = export_rdoc_table(&d, title, 2, head);
	t->numeric[1] = true;
	export_rtable_add(t, row);
	csv = export_render_csv(&d, &len);
	check_csv(csv, len);
	free(csv);
	html = export_render_html(&d, &len);
	n = check_html(html, len);
	free(html);
	export_rdoc_free(&d);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = checklist_xmalloc(size + 1);
	const char *p = in, *end = in + size, *title, *head[2], *row[2];
	static const char *const plain_head[2] = { "a", "b" };
	static const char *const plain_row[2] = { "x", "1" };

	memcpy(in, data, size);
	in[size] = '\0';
	title = piece(&p, end);
	head[0] = piece(&p, end);
	head[1] = piece(&p, end);
	row[0] = piece(&p, end);
	row[1] = piece(&p, end);
	/* the text never adds or takes away an element */
	fuzz_assert(render(title, head, row) ==
	    render("t", plain_head, plain_row));
	free(in);
	return 0;
}

/*
 * export_report_html.c: a report as one self-contained HTML file.
 *
 * The page is built as a document tree with libxml2 and serialised by
 * its HTML writer (export_html.h: the page layout and the one
 * stylesheet it shares with `sacl render`): escaping is the library's
 * job, never string concatenation. Every text from a package passes
 * through the sanitizer first and goes in as a text node. The page has
 * its CSS inline, no script, nothing fetched from the network, and
 * prints readably (colours kept, tables not split across a row). A
 * table marked as a chart also gets a bar chart in inline SVG; cells
 * with a class of ours are coloured, with a legend, and carry its mark
 * by CSS (no text node each: a grid of 2,000 States by 72 provisions);
 * an index of States links to their rows.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>

#include "export/export_html.h"
#include "export/export_internal.h"
#include "export/export_report_internal.h"

#define EXPORT_CHART_BAR 18   /* px per bar */
#define EXPORT_CHART_LABEL 260 /* px for the labels */
#define EXPORT_CHART_WIDTH 640

/* The CSS of the legend's classes, after the one stylesheet. */
static char *
export_html_style(const struct export_rdoc *d)
{
	char *css = checklist_xstrdup(""), *more;
	size_t i;

	for (i = 0; i < d->nlegend; i++) {
		/* our own classes, colours and marks: static text */
		more = checklist_xasprintf("%s.%s{background:%s;}%s%s%s%s%s",
		    css, d->legend[i].cls, d->legend[i].color,
		    d->legend[i].mark != NULL ? "td." : "",
		    d->legend[i].mark != NULL ? d->legend[i].cls : "",
		    d->legend[i].mark != NULL ? "::before{content:\"" : "",
		    d->legend[i].mark != NULL ? d->legend[i].mark : "",
		    d->legend[i].mark != NULL ? "\";}" : "");
		free(css);
		css = more;
	}
	return css;
}

static void
export_html_legend(xmlNodePtr body, const struct export_rdoc *d)
{
	xmlNodePtr ul, li, sw;
	size_t i;

	if (d->nlegend == 0)
		return;
	ul = export_html_el(body, "ul", NULL);
	export_html_attr(ul, "class", "legend");
	for (i = 0; i < d->nlegend; i++) {
		li = export_html_el(ul, "li", NULL);
		sw = export_html_el(li, "span", NULL);
		export_html_attr(sw, "class", d->legend[i].cls);
		xmlNodeAddContent(sw, EXPORT_XC(" "));
		xmlNodeAddContent(li, EXPORT_XC(d->legend[i].label));
	}
}

static void
export_html_index(xmlNodePtr body, const struct export_rdoc *d)
{
	xmlNodePtr nav, ul, a;
	char *href;
	size_t i;

	if (d->nindex == 0)
		return;
	nav = export_html_el(body, "nav", NULL);
	export_html_el(nav, "h2", _("States"));
	ul = export_html_el(nav, "ul", NULL);
	for (i = 0; i < d->nindex; i++) {
		a = export_html_el(export_html_el(ul, "li", NULL), "a",
		    d->index_labels[i]);
		href = checklist_xasprintf("#%s", d->index_ids[i]);
		export_html_attr(a, "href", href);
		free(href);
	}
}

/* The largest count in column 1 of T. */
static long
export_html_max(const struct export_rtable *t)
{
	long m = 1, v;
	size_t r;

	for (r = 0; r < t->nrows; r++) {
		v = strtol(t->cells[r * t->ncols + 1], NULL, 10);
		m = v > m ? v : m;
	}
	return m;
}

/* One bar of the chart: label, bar, count at row R. */
static void
export_html_bar(xmlNodePtr svg, const struct export_rtable *t, size_t r,
    long max)
{
	long v = strtol(t->cells[r * t->ncols + 1], NULL, 10);
	int y = (int)r * EXPORT_CHART_BAR;
	int w = (int)(v * (EXPORT_CHART_WIDTH - EXPORT_CHART_LABEL - 40) / max);
	char buf[32];
	xmlNodePtr el;

	el = export_html_el(svg, "text", t->cells[r * t->ncols]);
	snprintf(buf, sizeof buf, "%d", EXPORT_CHART_LABEL - 6);
	export_html_attr(el, "x", buf);
	snprintf(buf, sizeof buf, "%d", y + EXPORT_CHART_BAR - 5);
	export_html_attr(el, "y", buf);
	export_html_attr(el, "text-anchor", "end");
	el = export_html_el(svg, "rect", NULL);
	snprintf(buf, sizeof buf, "%d", EXPORT_CHART_LABEL);
	export_html_attr(el, "x", buf);
	snprintf(buf, sizeof buf, "%d", y + 2);
	export_html_attr(el, "y", buf);
	snprintf(buf, sizeof buf, "%d", w > 0 ? w : 0);
	export_html_attr(el, "width", buf);
	snprintf(buf, sizeof buf, "%d", EXPORT_CHART_BAR - 4);
	export_html_attr(el, "height", buf);
	export_html_attr(el, "fill", "#3f6fb5");
	el = export_html_el(svg, "text", t->cells[r * t->ncols + 1]);
	snprintf(buf, sizeof buf, "%d", EXPORT_CHART_LABEL + w + 4);
	export_html_attr(el, "x", buf);
	snprintf(buf, sizeof buf, "%d", y + EXPORT_CHART_BAR - 5);
	export_html_attr(el, "y", buf);
}

/* A horizontal bar chart of T: column 0 by the count in column 1. */
static void
export_html_chart(xmlNodePtr parent, const struct export_rtable *t)
{
	xmlNodePtr svg;
	long max = export_html_max(t);
	char buf[32];
	size_t r;

	if (t->nrows == 0)
		return;
	svg = export_html_el(parent, "svg", NULL);
	export_html_attr(svg, "xmlns", "http://www.w3.org/2000/svg");
	snprintf(buf, sizeof buf, "%d", EXPORT_CHART_WIDTH);
	export_html_attr(svg, "width", buf);
	snprintf(buf, sizeof buf, "%zu", t->nrows * EXPORT_CHART_BAR + 4);
	export_html_attr(svg, "height", buf);
	export_html_attr(svg, "role", "img");
	export_html_attr(svg, "font-size", "12");
	export_html_el(svg, "title", t->title);
	for (r = 0; r < t->nrows; r++)
		export_html_bar(svg, t, r, max);
}

static void
export_html_row(xmlNodePtr tbody, const struct export_rtable *t, size_t r)
{
	xmlNodePtr tr = export_html_el(tbody, "tr", NULL), td;
	const char *cls;
	size_t i;

	if (t->row_ids[r] != NULL)
		export_html_attr(tr, "id", t->row_ids[r]);
	for (i = 0; i < t->ncols; i++) {
		td = export_html_el(tr, i == 0 ? "th" : "td",
		    t->cells[r * t->ncols + i]);
		cls = t->classes[r * t->ncols + i];
		if (cls == NULL && t->numeric[i])
			cls = "num";
		if (cls != NULL)
			export_html_attr(td, "class", cls);
	}
}

static void
export_html_table(xmlNodePtr body, const struct export_rtable *t)
{
	xmlNodePtr sec = export_html_el(body, "section", NULL), tbl, tr;
	size_t i;

	export_html_el(sec, "h2", t->title);
	if (t->note != NULL)
		export_html_el(sec, "p", t->note);
	if (t->chart)
		export_html_chart(sec, t);
	if (t->nrows == 0) {
		export_html_el(sec, "p", "(none)");
		return;
	}
	tbl = export_html_el(sec, "table", NULL);
	tr = export_html_el(export_html_el(tbl, "thead", NULL), "tr", NULL);
	for (i = 0; i < t->ncols; i++)
		export_html_el(tr, "th", t->head[i]);
	tr = export_html_el(tbl, "tbody", NULL);
	for (i = 0; i < t->nrows; i++)
		export_html_row(tr, t, i);
}

char *
export_render_html(const struct export_rdoc *d, size_t *len)
{
	char *css = export_html_style(d);
	xmlNodePtr body, p;
	htmlDocPtr doc = export_html_page(d->title, d->lang, css, &body);
	size_t i;

	free(css);
	export_html_el(body, "h1", d->title);
	p = export_html_el(body, "p", d->meta);
	export_html_attr(p, "class", "meta");
	export_html_index(body, d);
	export_html_legend(body, d);
	for (i = 0; i < d->ntables; i++)
		if (!d->tables[i].csv_only)
			export_html_table(body, &d->tables[i]);
	return export_html_finish(doc, len);
}

/*
 * export_html.c: the page layout and the one stylesheet of the export
 * room's HTML (export_html.h). Self-contained pages: CSS inline, no
 * script, nothing fetched; they print readably (colours kept, table
 * rows not split, a new page before each article of a rendered
 * response).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_html.h"
#include "export/export_internal.h"
#include "export/export_report_internal.h"

const char export_html_css[] =
    "body{font-family:sans-serif;margin:1.5em;color:#111;}"
    "h1{font-size:1.5em;}h2{font-size:1.2em;margin-top:1.5em;}"
    "h3{font-size:1.05em;margin-top:1.2em;}"
    "table{border-collapse:collapse;margin:.5em 0;}"
    "th,td{border:1px solid #999;padding:.2em .4em;vertical-align:top;"
    "text-align:left;white-space:pre-wrap;}"
    "th{background:#eee;}td.num{text-align:right;}"
    "tr{page-break-inside:avoid;}"
    ".meta{color:#444;}.legend span{display:inline-block;width:1em;"
    "height:1em;border:1px solid #666;margin-right:.3em;"
    "vertical-align:middle;}"
    ".legend li{display:inline-block;margin-right:1.5em;}"
    "nav li{display:inline-block;margin-right:1em;}"
    "dl.answers dt{font-weight:bold;margin-top:.6em;}"
    "dl.answers dd{margin-left:1.5em;white-space:pre-wrap;}"
    ".missing{color:#a00;font-style:italic;}"
    ".mark{display:inline-block;font-weight:bold;padding:0 .3em;"
    "margin-right:.4em;border:1px solid #333;}"
    ".conflict{background:#f6c6c6;}.review{background:#fbe7a1;}"
    ".from{color:#444;font-style:italic;}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact;}"
    "@media print{nav{display:none;}"
    "section.article{break-before:page;page-break-before:always;}"
    "dl.answers dt{break-after:avoid;page-break-after:avoid;}}";

xmlNodePtr
export_html_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr el = xmlNewChild(parent, NULL, EXPORT_XC(name), NULL);
	char *clean;

	if (text != NULL && export_report_plain(text)) {
		xmlNodeAddContent(el, EXPORT_XC(text)); /* nothing to clean */
	} else if (text != NULL) {
		clean = checklist_sanitize(text, true);
		xmlNodeAddContent(el, EXPORT_XC(clean));
		free(clean);
	}
	return el;
}

void
export_html_attr(xmlNodePtr el, const char *name, const char *value)
{
	xmlNewProp(el, EXPORT_XC(name), EXPORT_XC(value));
}

htmlDocPtr
export_html_page(const char *title, const char *lang, const char *extra_css,
    xmlNodePtr *body)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html = xmlNewDocNode(doc, NULL, EXPORT_XC("html"), NULL);
	xmlNodePtr head, el;
	char *css;

	xmlCreateIntSubset(doc, EXPORT_XC("html"), NULL, NULL);
	xmlDocSetRootElement(doc, html);
	export_html_attr(html, "lang", lang != NULL ? lang : "en");
	head = export_html_el(html, "head", NULL);
	el = export_html_el(head, "meta", NULL);
	export_html_attr(el, "http-equiv", "Content-Type");
	export_html_attr(el, "content", "text/html; charset=UTF-8");
	export_html_el(head, "title", title);
	css = checklist_xasprintf("%s%s", export_html_css,
	    extra_css != NULL ? extra_css : "");
	export_html_el(head, "style", css);
	free(css);
	*body = export_html_el(html, "body", NULL);
	return doc;
}

char *
export_html_finish(htmlDocPtr doc, size_t *len)
{
	xmlChar *mem = NULL;
	int size = 0;
	char *out;

	htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
	xmlFreeDoc(doc);
	if (mem == NULL)
		checklist_fatal(_("out of memory (writing an HTML page)"));
	out = checklist_xstrndup((const char *)mem, (size_t)size);
	*len = (size_t)size;
	xmlFree(mem);
	return out;
}

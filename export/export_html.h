/*
 * export_html.h: the one HTML page layout of the export room, shared by
 * the secretariat's reports (export_report_html.c) and the rendered
 * responses (export_render_html.c): one stylesheet, the same head, the
 * same helpers. Pages are libxml2 trees serialised by its HTML writer:
 * escaping is the library's job. Texts given to export_html_el() are
 * sanitised there (checklist_sanitize, newlines kept).
 */
#ifndef SACL_EXPORT_HTML_H
#define SACL_EXPORT_HTML_H

#include <stddef.h>

#include <libxml/HTMLtree.h>

/* The stylesheet of every page (screen and print). */
extern const char export_html_css[];

/* Add element NAME under PARENT holding TEXT (sanitised; NULL: none). */
xmlNodePtr export_html_el(xmlNodePtr parent, const char *name,
    const char *text);
void export_html_attr(xmlNodePtr el, const char *name, const char *value);
/* A new page titled TITLE in language LANG (NULL: "en"), the stylesheet
 * and then EXTRA_CSS (ours, NULL: none) inline; *BODY its body. Free
 * with export_html_finish(). */
htmlDocPtr export_html_page(const char *title, const char *lang,
    const char *extra_css, xmlNodePtr *body);
/* DOC serialised (UTF-8, indented) and freed. Caller frees. */
char *export_html_finish(htmlDocPtr doc, size_t *len);

#endif /* SACL_EXPORT_HTML_H */

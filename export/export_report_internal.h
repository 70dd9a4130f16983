/*
 * export_report_internal.h: the reports' shared model. Each report
 * (export_report_*.c) queries the store and fills a struct export_rdoc:
 * a title and tables of cells, with what the formats need to draw them
 * (numeric columns, a bar chart, the classes of a status grid and their
 * legend). Three renderers turn it into bytes: text fitted to a width,
 * CSV, HTML. Cells hold raw text (from packages: untrusted); every
 * renderer passes each one through checklist_sanitize() on its way out,
 * so no report has to remember to.
 */
#ifndef SACL_EXPORT_REPORT_INTERNAL_H
#define SACL_EXPORT_REPORT_INTERNAL_H

#include "export/export_render.h"
#include "export/export_store_internal.h"

struct export_rtable {
	char *title;
	char *note;       /* a line under the title, or NULL */
	size_t ncols;
	char **head;      /* NCOLS column titles */
	bool *numeric;    /* NCOLS: right-aligned; never neutralised in CSV */
	size_t nrows;
	size_t caprows;   /* rows allocated (grown by doubling) */
	char **cells;     /* NROWS * NCOLS, never NULL; the cells of a row
	                   * share one allocation, owned by its first:
	                   * never free or replace one */
	char **classes;   /* NROWS * NCOLS: a CSS class of ours, or NULL */
	char **row_ids;   /* NROWS: an HTML anchor of ours, or NULL */
	bool chart;       /* HTML: a bar chart of column 0 by column 1 */
	bool html_only;   /* a grid only the HTML page shows */
	bool csv_only;    /* the detail only CSV gives */
};

struct export_rlegend {
	const char *cls;  /* a CSS class of ours */
	char *label;      /* owned */
	const char *color;
	const char *mark; /* HTML: drawn in each cell of the class by CSS
	                   * (generated content, printed too), or NULL */
};

struct export_rdoc {
	char *title;
	char *meta;         /* when and from what it was made */
	const char *lang;   /* of the labels (HTML lang), or NULL */
	size_t ntables;
	struct export_rtable *tables;
	size_t csv_table;   /* the table CSV gives */
	size_t nlegend;
	struct export_rlegend *legend;
	size_t nindex;      /* the index of States: labels and anchors */
	char **index_labels, **index_ids;
};

/* --------------------------------------------------- export_report.c */

/* A new table of NCOLS columns titled HEAD in D; borrowed from D. */
struct export_rtable *export_rdoc_table(struct export_rdoc *d,
    const char *title, size_t ncols, const char *const *head);
/* Append a row of T's NCOLS CELLS (copied; NULL is ""). Returns its
 * index. */
size_t export_rtable_add(struct export_rtable *t, const char *const *cells);
/* Set the CSS class of a cell (CLS: ours, static). */
void export_rtable_class(struct export_rtable *t, size_t row, size_t col,
    const char *cls);
void export_rdoc_legend(struct export_rdoc *d, const char *cls,
    const char *label, const char *color, const char *mark);
void export_rdoc_index(struct export_rdoc *d, const char *label,
    const char *id);
void export_rdoc_free(struct export_rdoc *d);

/* Does O keep State CODE, provision NUMBER, checklist ID? (NULL: yes) */
bool export_report_want_state(const struct export_report_options *o,
    const char *code);
bool export_report_want_provision(const struct export_report_options *o,
    const char *number);
/* The SQL condition on submissions alias "s" for O's --checklist and
 * --state (placeholders ?1 for the checklist): bind with
 * export_report_bind(). Static text. */
#define EXPORT_REPORT_WHERE "(?1 IS NULL OR s.checklist_id = ?1)"
void export_report_bind(sqlite3_stmt *st, const struct export_report_options *o);
/* The label of State CODE in checklist CL (its role "state" question's
 * choice), else CODE itself. Borrowed. */
const char *export_report_state_label(const struct checklist *cl,
    const char *code, const char *lang);
/* An anchor id of ours for State CODE ("state-" and its letters and
 * digits). Caller frees. */
char *export_report_state_id(const char *code);

/* Is TEXT printable ASCII only, which checklist_sanitize() leaves as
 * it is? (The renderers skip the copy: a hundred thousand cells.) */
bool export_report_plain(const char *text);

/* The reports, each filling D from S. */
checklist_status export_report_submissions(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);
checklist_status export_report_roles(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err);

/* --------------------------------------------------- the renderers */

char *export_render_text(const struct export_rdoc *d, int width,
    size_t *len);
char *export_render_csv(const struct export_rdoc *d, size_t *len);
char *export_render_html(const struct export_rdoc *d, size_t *len);
/* One CSV cell's text, sanitised and made safe for spreadsheets (a
 * leading = + - @ tab or CR neutralised unless NUMERIC and a number).
 * The one place that rule lives. Caller frees. */
char *export_csv_cell(const char *text, bool numeric);

#endif /* SACL_EXPORT_REPORT_INTERNAL_H */

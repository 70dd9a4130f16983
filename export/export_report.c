/*
 * export_report.c: `sacl report`: pick the report, fill the document
 * model (export_report_internal.h), render it in the format asked.
 * Also the model's small constructors and the filters the reports share.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"
#include "export/export_report_internal.h"

const char *const export_report_names[] = {
	"status", "assistance", "practices", "challenges", "measures",
	"authorities", "submissions", NULL,
};

struct export_rtable *
export_rdoc_table(struct export_rdoc *d, const char *title, size_t ncols,
    const char *const *head)
{
	struct export_rtable *t;
	size_t i;

	d->tables = checklist_xreallocarray(d->tables, d->ntables + 1,
	    sizeof *d->tables);
	t = &d->tables[d->ntables++];
	memset(t, 0, sizeof *t);
	t->title = checklist_xstrdup(title);
	t->ncols = ncols;
	t->head = checklist_xcalloc(ncols, sizeof *t->head);
	t->numeric = checklist_xcalloc(ncols, sizeof *t->numeric);
	for (i = 0; i < ncols; i++)
		t->head[i] = checklist_xstrdup(head[i]);
	return t;
}

size_t
export_rtable_add(struct export_rtable *t, const char *const *cells)
{
	size_t i, n, size, r = t->nrows++;
	char *block;

	if (t->nrows > t->caprows) { /* doubling: thousands of rows */
		t->caprows = t->caprows != 0 ? t->caprows * 2 : 16;
		t->cells = checklist_xreallocarray(t->cells,
		    t->caprows * t->ncols, sizeof *t->cells);
		t->classes = checklist_xreallocarray(t->classes,
		    t->caprows * t->ncols, sizeof *t->classes);
		t->row_ids = checklist_xreallocarray(t->row_ids, t->caprows,
		    sizeof *t->row_ids);
	}
	for (i = 0, size = 0; i < t->ncols; i++)
		size += strlen(cells[i] != NULL ? cells[i] : "") + 1;
	block = checklist_xmalloc(size); /* one per row: 100,000 cells */
	for (i = 0, size = 0; i < t->ncols; i++) {
		n = strlen(cells[i] != NULL ? cells[i] : "") + 1;
		memcpy(block + size, cells[i] != NULL ? cells[i] : "", n);
		t->cells[r * t->ncols + i] = block + size;
		t->classes[r * t->ncols + i] = NULL;
		size += n;
	}
	t->row_ids[r] = NULL;
	return r;
}

void
export_rtable_class(struct export_rtable *t, size_t row, size_t col,
    const char *cls)
{
	t->classes[row * t->ncols + col] = (char *)(uintptr_t)cls;
}

void
export_rdoc_legend(struct export_rdoc *d, const char *cls, const char *label,
    const char *color, const char *mark)
{
	d->legend = checklist_xreallocarray(d->legend, d->nlegend + 1,
	    sizeof *d->legend);
	d->legend[d->nlegend].cls = cls;
	d->legend[d->nlegend].label = checklist_xstrdup(label);
	d->legend[d->nlegend].mark = mark;
	d->legend[d->nlegend++].color = color;
}

void
export_rdoc_index(struct export_rdoc *d, const char *label, const char *id)
{
	d->index_labels = checklist_xreallocarray(d->index_labels,
	    d->nindex + 1, sizeof *d->index_labels);
	d->index_ids = checklist_xreallocarray(d->index_ids, d->nindex + 1,
	    sizeof *d->index_ids);
	d->index_labels[d->nindex] = checklist_xstrdup(label);
	d->index_ids[d->nindex++] = checklist_xstrdup(id);
}

static void
export_rtable_free(struct export_rtable *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (i = 0; t->ncols > 0 && i < t->nrows; i++)
		free(t->cells[i * t->ncols]); /* the row's block */
	for (i = 0; i < t->nrows; i++)
		free(t->row_ids[i]);
	free(t->head);
	free(t->numeric);
	free(t->cells);
	free(t->classes);
	free(t->row_ids);
	free(t->title);
	free(t->note);
}

void
export_rdoc_free(struct export_rdoc *d)
{
	size_t i;

	for (i = 0; i < d->ntables; i++)
		export_rtable_free(&d->tables[i]);
	for (i = 0; i < d->nlegend; i++)
		free(d->legend[i].label);
	for (i = 0; i < d->nindex; i++) {
		free(d->index_labels[i]);
		free(d->index_ids[i]);
	}
	free(d->index_labels);
	free(d->index_ids);
	free(d->legend);
	free(d->tables);
	free(d->title);
	free(d->meta);
}

/* ------------------------------------------------------------- filters */

static bool
export_report_in(char *const *list, size_t n, const char *v)
{
	size_t i;

	if (n == 0)
		return true;
	for (i = 0; v != NULL && i < n; i++)
		if (strcmp(list[i], v) == 0)
			return true;
	return false;
}

bool
export_report_want_state(const struct export_report_options *o,
    const char *code)
{
	return export_report_in(o->states, o->nstates, code);
}

bool
export_report_want_provision(const struct export_report_options *o,
    const char *number)
{
	return export_report_in(o->provisions, o->nprovisions, number);
}

void
export_report_bind(sqlite3_stmt *st, const struct export_report_options *o)
{
	export_store_bind(st, 1, o->checklist);
}

char *
export_report_state_id(const char *code)
{
	char *id = checklist_xasprintf("state-%s", code), *p;

	for (p = id + 6; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p))
			*p = '_';
	return id;
}

bool
export_report_plain(const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return true;
}

/* -------------------------------------------------------------- dispatch */

/* What the report was made from, for its heading. */
static char *
export_report_meta(const struct export_report_options *o, const char *file)
{
	char when[32], *base = export_base_name(file), *m;

	export_iso_time(export_now(o->now), when, sizeof when);
	m = checklist_xasprintf(_("Made %s from %s%s%s."), when, base,
	    o->checklist != NULL ? _(", checklist ") : "",
	    o->checklist != NULL ? o->checklist : "");
	free(base);
	return m;
}

static checklist_status
export_report_fill(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	if (strcmp(o->what, "submissions") == 0)
		return export_report_submissions(s, o, d, err);
	return export_report_roles(s, o, d, err);
}

checklist_status
export_report(struct export_store *s, const struct export_report_options *o,
    char **buf, size_t *len, struct checklist_error *err)
{
	struct export_rdoc d;
	size_t i;

	*buf = NULL;
	for (i = 0; export_report_names[i] != NULL; i++)
		if (strcmp(export_report_names[i], o->what) == 0)
			break;
	if (export_report_names[i] == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL,
		    0, 0, _("no report '%s'"), o->what);
	memset(&d, 0, sizeof d);
	d.lang = o->lang;
	d.meta = export_report_meta(o, s->file);
	if (export_report_fill(s, o, &d, err) == CHECKLIST_OK) {
		if (o->format == EXPORT_FORMAT_CSV)
			*buf = export_render_csv(&d, len);
		else if (o->format == EXPORT_FORMAT_HTML)
			*buf = export_render_html(&d, len);
		else
			*buf = export_render_text(&d, o->width, len);
	}
	export_rdoc_free(&d);
	return err->status;
}

/*
 * export_render_html.c: a rendered response as one self-contained HTML
 * page for the room and for print, in the reports' page layout and
 * stylesheet (export_html.h): a progress table, one <section
 * class="article"> per article (a new printed page each), provisions as
 * <h3> with their questions in a <dl>, list entries as a table (one
 * column per question), marks as labelled badges, then the unanswered
 * questions and the conflicts. A libxml2 tree, serialised by its HTML
 * writer: every text is a sanitised text node, never markup.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_html.h"
#include "export/export_render.h"

static void
export_rh_marks(xmlNodePtr parent, const struct export_vmarks *m)
{
	char *from = export_vmarks_from(m);
	xmlNodePtr el;

	if (m->conflict) {
		el = export_html_el(parent, "span", _("CONFLICT"));
		export_html_attr(el, "class", "mark conflict");
	}
	if (m->review) {
		el = export_html_el(parent, "span",
		    _("TO REVIEW: from the last cycle"));
		export_html_attr(el, "class", "mark review");
	}
	if (from != NULL) {
		el = export_html_el(parent, "span", from);
		export_html_attr(el, "class", "from");
	}
	free(from);
}

static bool
export_rh_any(const struct export_vmarks *m)
{
	return m->conflict || m->review || m->agency != NULL ||
	    m->file != NULL || m->time != NULL;
}

/* A value, or "(no answer)" marked missing when required. */
static void
export_rh_value(xmlNodePtr parent, const struct export_vanswer *a)
{
	xmlNodePtr el;

	if (a->value[0] != '\0') {
		el = export_html_el(parent, "span", a->value);
		export_html_attr(el, "class", "value");
		return;
	}
	el = export_html_el(parent, "span", a->missing ?
	    _("(no answer - required)") : _("(no answer)"));
	if (a->missing)
		export_html_attr(el, "class", "missing");
}

/* The entries of repeat A as a table: a column per child question. */
static void
export_rh_entries(xmlNodePtr dd, const struct export_vanswer *a,
    const char *lang)
{
	xmlNodePtr tbl, tr, td;
	size_t i, j, k;

	if (a->nentries == 0) {
		td = export_html_el(dd, "span", a->missing ?
		    _("(no entry - required)") : _("(no entry)"));
		if (a->missing)
			export_html_attr(td, "class", "missing");
		return;
	}
	tbl = export_html_el(dd, "table", NULL);
	tr = export_html_el(export_html_el(tbl, "thead", NULL), "tr", NULL);
	export_html_el(tr, "th", "#");
	for (k = 0; k < a->q->nchildren; k++)
		export_html_el(tr, "th", checklist_text_get(
		    &a->q->children[k]->label, lang, NULL));
	tbl = export_html_el(tbl, "tbody", NULL);
	for (i = 0; i < a->nentries; i++) {
		const struct export_ventry *e = &a->entries[i];
		char num[24];

		tr = export_html_el(tbl, "tr", NULL);
		snprintf(num, sizeof num, "%zu", i + 1);
		td = export_html_el(tr, "th", num);
		export_rh_marks(td, &e->marks);
		for (k = 0; k < a->q->nchildren; k++) {
			td = export_html_el(tr, "td", NULL);
			for (j = 0; j < e->n; j++)
				if (e->answers[j].q == a->q->children[k]) {
					export_rh_marks(td, &e->answers[j].marks);
					export_rh_value(td, &e->answers[j]);
				}
		}
	}
}

static void
export_rh_answers(xmlNodePtr parent, const struct export_vanswer *a,
    size_t n, const char *lang)
{
	xmlNodePtr dl = export_html_el(parent, "dl", NULL), dd;
	size_t i;

	export_html_attr(dl, "class", "answers");
	for (i = 0; i < n; i++) {
		export_html_el(dl, "dt", a[i].label);
		dd = export_html_el(dl, "dd", NULL);
		if (a[i].marks.conflict)
			export_html_attr(dd, "class", "conflict");
		else if (a[i].marks.review)
			export_html_attr(dd, "class", "review");
		if (export_rh_any(&a[i].marks))
			export_rh_marks(export_html_el(dd, "div", NULL),
			    &a[i].marks);
		if (a[i].q->type == CHECKLIST_Q_REPEAT)
			export_rh_entries(dd, &a[i], lang);
		else
			export_rh_value(dd, &a[i]);
	}
}

static void
export_rh_page(xmlNodePtr sec, const struct export_vpage *p,
    const char *lang)
{
	char *head = export_view_heading(p->name, p->title), *list;
	xmlNodePtr el;

	if (p->g->kind != CHECKLIST_G_FRONT) { /* its article's heading */
		el = export_html_el(sec, "h3", head);
		export_html_attr(el, "class", "provision");
	}
	free(head);
	if (!p->relevant) {
		export_html_el(sec, "p", _("(not asked: not relevant now)"));
		return;
	}
	export_rh_answers(sec, p->answers, p->n, lang);
	if ((list = export_view_missing_text(p)) != NULL) {
		head = checklist_xasprintf(_("Unanswered here (%zu): %s"),
		    p->missing, list);
		el = export_html_el(sec, "p", head);
		export_html_attr(el, "class", "missing");
		free(head);
		free(list);
	}
}

static void
export_rh_row(xmlNodePtr tbody, const char *name,
    const struct checklist_progress *p, const struct checklist_marks_count *m)
{
	xmlNodePtr tr = export_html_el(tbody, "tr", NULL), td;
	size_t cells[4] = { p->required_answered,
	    p->required - p->required_answered, m->conflict, m->review };
	char num[48];
	size_t i;

	export_html_el(tr, "th", name);
	snprintf(num, sizeof num, "%zu/%zu", p->required_answered,
	    p->required);
	td = export_html_el(tr, "td", num);
	export_html_attr(td, "class", "num");
	for (i = 1; i < 4; i++) {
		snprintf(num, sizeof num, "%zu", cells[i]);
		td = export_html_el(tr, "td", num);
		export_html_attr(td, "class", "num");
	}
}

static void
export_rh_summary(xmlNodePtr body, const struct export_view *v)
{
	static const char *const head[] = { N_("Part"),
	    N_("Required answered"), N_("Open"), N_("Conflicts"),
	    N_("To review") };
	xmlNodePtr sec = export_html_el(body, "section", NULL), tbl, tr;
	size_t i;

	export_html_attr(sec, "id", "summary");
	export_html_el(sec, "h2", _("Progress"));
	tbl = export_html_el(sec, "table", NULL);
	tr = export_html_el(export_html_el(tbl, "thead", NULL), "tr", NULL);
	for (i = 0; i < sizeof head / sizeof head[0]; i++)
		export_html_el(tr, "th", _(head[i]));
	tbl = export_html_el(tbl, "tbody", NULL);
	export_rh_row(tbl, _("All"), &v->p, &v->marks);
	for (i = 0; i < v->narticles; i++)
		export_rh_row(tbl, v->articles[i].name, &v->articles[i].p,
		    &v->articles[i].marks);
}

/* One unanswered question, an item of the list CTX. */
static void
export_rh_missing(void *ctx, const struct export_vpage *p,
    const struct export_vanswer *a)
{
	char *line = checklist_xasprintf("%s  %s  (%s)", p->name, a->label,
	    a->path);

	export_html_el(ctx, "li", line);
	free(line);
}

static void
export_rh_open(xmlNodePtr body, const struct export_view *v)
{
	xmlNodePtr sec = export_html_el(body, "section", NULL), ul;
	char *line;

	export_html_attr(sec, "id", "unanswered");
	line = checklist_xasprintf(_("Unanswered required questions: %zu"),
	    v->missing);
	export_html_el(sec, "h2", line);
	free(line);
	ul = export_html_el(sec, "ul", NULL);
	export_view_each_missing(v, export_rh_missing, ul);
}

static void
export_rh_conflicts(xmlNodePtr body, const struct export_view *v)
{
	xmlNodePtr sec, ul, li, sub;
	size_t i, j;
	char *line;

	if (v->nconflicts == 0)
		return;
	sec = export_html_el(body, "section", NULL);
	export_html_attr(sec, "id", "conflicts");
	line = checklist_xasprintf(_("Conflicts to settle: %zu"), v->nconflicts);
	export_html_el(sec, "h2", line);
	free(line);
	ul = export_html_el(sec, "ul", NULL);
	for (i = 0; i < v->nconflicts; i++) {
		line = checklist_xasprintf("%s (%s)", v->conflicts[i].label,
		    v->conflicts[i].path);
		li = export_html_el(ul, "li", line);
		free(line);
		sub = export_html_el(li, "ul", NULL);
		for (j = 0; j < v->conflicts[i].n; j++)
			export_html_el(sub, "li", v->conflicts[i].values[j]);
	}
}

char *
export_render_html_view(const struct export_view *v, size_t *len)
{
	xmlNodePtr body, el, sec;
	htmlDocPtr doc = export_html_page(v->title, v->lang, NULL, &body);
	char *head;
	size_t i, j;

	export_html_el(body, "h1", v->title);
	el = export_html_el(body, "p", v->meta);
	export_html_attr(el, "class", "meta");
	export_rh_summary(body, v);
	for (i = 0; i < v->narticles; i++) {
		sec = export_html_el(body, "section", NULL);
		export_html_attr(sec, "class", "article");
		head = export_view_heading(v->articles[i].name,
		    v->articles[i].title);
		export_html_el(sec, "h2", head);
		free(head);
		for (j = 0; j < v->articles[i].npages; j++)
			export_rh_page(sec, &v->articles[i].pages[j], v->lang);
	}
	export_rh_open(body, v);
	export_rh_conflicts(body, v);
	return export_html_finish(doc, len);
}

/*
 * export_render_md.c: a rendered response as Markdown (CommonMark): a
 * progress table, then "## Article", "### provision", each question in
 * bold with its answer below, list entries as a numbered list, marks in
 * italics, and the unanswered questions and conflicts at the end.
 *
 * A value cannot inject Markdown or HTML: every text is sanitised, then
 * every ASCII punctuation character is backslash-escaped (CommonMark
 * makes any of them literal that way, "<" and "&" included), a line's
 * leading spaces are dropped (no code block), and a newline in a value
 * is a hard break ("\" at the end of the line) inside the same block.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_render.h"

/* TEXT escaped for Markdown inline text; newlines become hard breaks
 * followed by INDENT spaces. Caller frees. */
static char *
export_md_escape(const char *text, int indent)
{
	char *clean = checklist_sanitize(text, true);
	struct export_sb b = { NULL, 0, 0 };
	char one[2] = { 0, 0 };
	bool line_start = true;
	const char *p;

	export_sb_add(&b, "");
	for (p = clean; *p != '\0'; p++) {
		if (*p == '\n') {
			export_sb_addf(&b, "\\\n%*s", indent, "");
			line_start = true;
			continue;
		}
		if (line_start && (*p == ' ' || *p == '\t'))
			continue;
		line_start = false;
		if (*p == '\t') {
			export_sb_add(&b, " ");
			continue;
		}
		if ((unsigned char)*p < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@"
		    "[\\]^_`{|}~", *p) != NULL)
			export_sb_add(&b, "\\");
		one[0] = *p;
		export_sb_add(&b, one);
	}
	free(clean);
	return b.s;
}

/* Add TEXT escaped, between PRE and POST (ours). */
static void
export_md_put(struct export_sb *b, const char *pre, const char *text,
    const char *post, int indent)
{
	char *e = export_md_escape(text, indent);

	export_sb_addf(b, "%s%s%s", pre, e, post);
	free(e);
}

static void
export_md_marks(struct export_sb *b, const struct export_vmarks *m,
    int indent)
{
	char *from = export_vmarks_from(m);

	if (!m->conflict && !m->review && from == NULL)
		return;
	export_sb_addf(b, "%*s", indent, "");
	if (m->conflict)
		export_sb_add(b, _("**\\[CONFLICT\\]** "));
	if (m->review)
		export_sb_add(b, _("**\\[TO REVIEW: from the last cycle\\]** "));
	if (from != NULL)
		export_md_put(b, "*", from, "*", indent);
	export_sb_add(b, "\n\n");
	free(from);
}

static void export_md_answers(struct export_sb *b,
    const struct export_vanswer *a, size_t n, int indent);

static void
export_md_entries(struct export_sb *b, const struct export_vanswer *a,
    int indent)
{
	size_t i;

	if (a->nentries == 0) {
		export_sb_addf(b, "%*s%s\n\n", indent, "", a->missing ?
		    _("*\\(no entry \\- required\\)*") :
		    _("*\\(no entry\\)*"));
		return;
	}
	for (i = 0; i < a->nentries; i++) {
		export_sb_addf(b, _("%*s%zu. Entry %zu\n\n"), indent, "", i + 1,
		    i + 1);
		export_md_marks(b, &a->entries[i].marks, indent + 4);
		export_md_answers(b, a->entries[i].answers, a->entries[i].n,
		    indent + 4);
	}
}

static void
export_md_answers(struct export_sb *b, const struct export_vanswer *a,
    size_t n, int indent)
{
	size_t i;

	for (i = 0; i < n; i++) {
		export_sb_addf(b, "%*s", indent, "");
		export_md_put(b, "**", a[i].label, "**\n\n", indent);
		export_md_marks(b, &a[i].marks, indent);
		if (a[i].q->type == CHECKLIST_Q_REPEAT)
			export_md_entries(b, &a[i], indent);
		else if (a[i].value[0] != '\0') {
			export_sb_addf(b, "%*s", indent, "");
			export_md_put(b, "", a[i].value, "\n\n", indent);
		} else
			export_sb_addf(b, "%*s%s\n\n", indent, "", a[i].missing ?
			    _("*\\(no answer \\- required\\)*") :
			    _("*\\(no answer\\)*"));
	}
}

static void
export_md_page(struct export_sb *b, const struct export_vpage *p)
{
	char *list;

	if (p->g->kind != CHECKLIST_G_FRONT) { /* its article's heading */
		char *head = export_view_heading(p->name, p->title);

		export_md_put(b, "### ", head, "\n\n", 0);
		free(head);
	}
	if (!p->relevant) {
		export_sb_add(b, _("*\\(not asked: not relevant now\\)*\n\n"));
		return;
	}
	export_md_answers(b, p->answers, p->n, 0);
	if ((list = export_view_missing_text(p)) != NULL) {
		export_sb_addf(b, _("*Unanswered here \\(%zu\\):* "), p->missing);
		export_md_put(b, "", list, "\n\n", 0);
		free(list);
	}
}

static void
export_md_row(struct export_sb *b, const char *name,
    const struct checklist_progress *p, const struct checklist_marks_count *m)
{
	char *e = export_md_escape(name, 0), *bar;

	/* '|' is escaped with the rest: a cell cannot end early */
	bar = checklist_xasprintf("| %s | %zu/%zu | %zu | %zu | %zu |\n", e,
	    p->required_answered, p->required,
	    p->required - p->required_answered, m->conflict, m->review);
	export_sb_add(b, bar);
	free(bar);
	free(e);
}

static void
export_md_summary(struct export_sb *b, const struct export_view *v)
{
	size_t i;

	export_md_put(b, "# ", v->title, "\n\n", 0);
	export_md_put(b, "", v->meta, "\n\n", 0);
	export_sb_add(b, _("## Progress\n\n| Part | Required answered | "
	    "Open | Conflicts | To review |\n|---|---|---|---|---|\n"));
	export_md_row(b, _("All"), &v->p, &v->marks);
	for (i = 0; i < v->narticles; i++)
		export_md_row(b, v->articles[i].name, &v->articles[i].p,
		    &v->articles[i].marks);
	export_sb_add(b, "\n");
}

/* One unanswered question, an item of the list. */
static void
export_md_missing(void *ctx, const struct export_vpage *p,
    const struct export_vanswer *a)
{
	export_md_put(ctx, "- ", p->name, " ", 2);
	export_md_put(ctx, "", a->label, " ", 2);
	export_md_put(ctx, "\\(", a->path, "\\)\n", 2);
}

static void
export_md_open(struct export_sb *b, const struct export_view *v)
{
	export_sb_addf(b, _("## Unanswered required questions: %zu\n\n"),
	    v->missing);
	export_view_each_missing(v, export_md_missing, b);
	export_sb_add(b, "\n");
}

static void
export_md_conflicts(struct export_sb *b, const struct export_view *v)
{
	size_t i, j;

	if (v->nconflicts == 0)
		return;
	export_sb_addf(b, _("## Conflicts to settle: %zu\n\n"), v->nconflicts);
	for (i = 0; i < v->nconflicts; i++) {
		export_md_put(b, "- ", v->conflicts[i].label, " ", 2);
		export_md_put(b, "\\(", v->conflicts[i].path, "\\)\n", 2);
		for (j = 0; j < v->conflicts[i].n; j++)
			export_md_put(b, "    - ", v->conflicts[i].values[j], "\n",
			    6);
	}
	export_sb_add(b, "\n");
}

char *
export_render_markdown(const struct export_view *v, size_t *len)
{
	struct export_sb b = { NULL, 0, 0 };
	size_t i, j;

	export_md_summary(&b, v);
	for (i = 0; i < v->narticles; i++) {
		char *head = export_view_heading(v->articles[i].name,
		    v->articles[i].title);

		export_md_put(&b, "## ", head, "\n\n", 0);
		free(head);
		for (j = 0; j < v->articles[i].npages; j++)
			export_md_page(&b, &v->articles[i].pages[j]);
	}
	export_md_open(&b, v);
	export_md_conflicts(&b, v);
	*len = b.len;
	return b.s;
}

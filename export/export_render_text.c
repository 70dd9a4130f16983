/*
 * export_render_text.c: a rendered response as plain text fitted to a
 * width: a progress summary, then each article and each provision with
 * its questions (label, then the answer indented below), the entries of
 * a list numbered, the marks ([CONFLICT], [TO REVIEW], who gave it) on
 * a line of their own, and at the end the questions still unanswered and
 * the conflicts. Every text passes through the sanitizer (export_wrap):
 * no control, bidi or zero-width character reaches the terminal.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_render.h"

#define EXPORT_RT_INDENT 4

/* TEXT wrapped to WIDTH - INDENT, each line after INDENT spaces. */
static void
export_rt_para(struct export_sb *b, int indent, int width, const char *text)
{
	char **lines = NULL;
	size_t i, n = 0;

	export_wrap(text, width - indent, &lines, &n);
	for (i = 0; i < n; i++) {
		export_sb_addf(b, "%*s%s\n", indent, "", lines[i]);
		free(lines[i]);
	}
	free(lines);
}

static void
export_rt_rule(struct export_sb *b, int width, char c)
{
	char *line = checklist_xmalloc((size_t)width + 2);

	memset(line, c, (size_t)width);
	line[width] = '\n';
	line[width + 1] = '\0';
	export_sb_add(b, line);
	free(line);
}

static void
export_rt_marks(struct export_sb *b, int indent, int width,
    const struct export_vmarks *m)
{
	char *from = export_vmarks_from(m), *line;

	if (!m->conflict && !m->review && from == NULL)
		return;
	line = checklist_xasprintf("%s%s%s%s%s", m->conflict ? _("[CONFLICT]") :
	    "", m->conflict && m->review ? " " : "",
	    m->review ? _("[TO REVIEW: from the last cycle]") : "",
	    from != NULL && (m->conflict || m->review) ? " " : "",
	    from != NULL ? from : "");
	export_rt_para(b, indent, width, line);
	free(line);
	free(from);
}

static void export_rt_answers(struct export_sb *b, int indent, int width,
    const struct export_vanswer *a, size_t n);

static void
export_rt_entries(struct export_sb *b, int indent, int width,
    const struct export_vanswer *a)
{
	size_t i;
	char *head;

	if (a->nentries == 0) {
		export_rt_para(b, indent, width, a->missing ?
		    _("(no entry - required)") : _("(no entry)"));
		return;
	}
	for (i = 0; i < a->nentries; i++) {
		head = checklist_xasprintf(_("Entry %zu"), i + 1);
		export_rt_para(b, indent, width, head);
		free(head);
		export_rt_marks(b, indent + 2, width, &a->entries[i].marks);
		export_rt_answers(b, indent + 2, width, a->entries[i].answers,
		    a->entries[i].n);
	}
}

static void
export_rt_answers(struct export_sb *b, int indent, int width,
    const struct export_vanswer *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		export_rt_para(b, indent, width, a[i].label);
		export_rt_marks(b, indent + EXPORT_RT_INDENT, width, &a[i].marks);
		if (a[i].q->type == CHECKLIST_Q_REPEAT)
			export_rt_entries(b, indent + EXPORT_RT_INDENT, width,
			    &a[i]);
		else
			export_rt_para(b, indent + EXPORT_RT_INDENT, width,
			    a[i].value[0] != '\0' ? a[i].value : a[i].missing ?
			    _("(no answer - required)") : _("(no answer)"));
	}
}

static void
export_rt_page(struct export_sb *b, int width, const struct export_vpage *p)
{
	char *head = export_view_heading(p->name, p->title), *list;

	export_sb_add(b, "\n");
	if (p->g->kind != CHECKLIST_G_FRONT) { /* its article's heading */
		export_rt_para(b, 0, width, head);
		export_rt_rule(b, width < 40 ? width : 40, '-');
	}
	free(head);
	if (!p->relevant) {
		export_rt_para(b, 0, width, _("(not asked: not relevant now)"));
		return;
	}
	export_rt_answers(b, 0, width, p->answers, p->n);
	if ((list = export_view_missing_text(p)) != NULL) {
		head = checklist_xasprintf(_("Unanswered here (%zu): %s"),
		    p->missing, list);
		export_rt_para(b, 0, width, head);
		free(head);
		free(list);
	}
}

/* The progress table's columns, in display columns (never bytes:
 * "Конфликты" is 9 columns, 18 bytes): the part's name, then the
 * counts, each as wide as its heading when that is wider. */
struct export_rt_cols {
	size_t part, answered, open, conflicts, review;
};

static size_t
export_rt_col(const char *heading, size_t least)
{
	size_t w = export_text_width(heading);

	return w > least ? w : least;
}

static void
export_rt_cols(struct export_rt_cols *c, size_t part)
{
	c->part = export_rt_col(_("Part"), part);
	c->answered = export_rt_col(_("Answered"), 9);
	c->open = export_rt_col(_("Open"), 5);
	c->conflicts = export_rt_col(_("Conflicts"), 10);
	c->review = export_rt_col(_("To review"), 10);
}

/* S in W columns, padded on the left when RIGHT, else on the right. */
static void
export_rt_cell(struct export_sb *b, const char *s, size_t w, bool right)
{
	size_t sw = export_text_width(s), pad = sw < w ? w - sw : 0;

	if (right)
		export_sb_addf(b, "%*s%s", (int)pad, "", s);
	else
		export_sb_addf(b, "%s%*s", s, (int)pad, "");
}

/* One row of the progress table: NAME in C->part columns, then the
 * counts ("3/10" required answered, open, conflicts, to review). */
static void
export_rt_progress(struct export_sb *b, const struct export_rt_cols *c,
    const char *name, const struct checklist_progress *p,
    const struct checklist_marks_count *m)
{
	char *clean = checklist_sanitize(name, false), **lines = NULL;
	char counts[160], frac[48];
	size_t n = 0, i, w, nw = c->part;

	snprintf(frac, sizeof frac, "%zu/%zu", p->required_answered,
	    p->required);
	snprintf(counts, sizeof counts, "%-*s %*zu %*zu %*zu",
	    (int)c->answered, frac, (int)c->open,
	    p->required - p->required_answered, (int)c->conflicts,
	    m->conflict, (int)c->review, m->review);
	export_wrap(clean, (int)nw, &lines, &n);
	for (i = 0; i < n; i++) {
		w = export_text_width(lines[i]);
		export_sb_addf(b, "  %s%*s%s%s\n", lines[i], (int)(nw - w), "",
		    i + 1 == n ? "  " : "", i + 1 == n ? counts : "");
		free(lines[i]);
	}
	free(lines);
	free(clean);
}

/* The same as a paragraph, for a narrow width. */
static void
export_rt_narrow(struct export_sb *b, int width, const char *name,
    const struct checklist_progress *p, const struct checklist_marks_count *m)
{
	char *line = checklist_xasprintf(P_("%s: %zu/%zu answered, %zu open, "
	    "%zu conflict, %zu to review", "%s: %zu/%zu answered, %zu open, "
	    "%zu conflicts, %zu to review", m->conflict), name,
	    p->required_answered, p->required,
	    p->required - p->required_answered, m->conflict, m->review);

	export_rt_para(b, 2, width, line);
	free(line);
}

/* The progress table's headings, each in its column. */
static void
export_rt_heading(struct export_sb *b, const struct export_rt_cols *c)
{
	export_sb_addf(b, "  ");
	export_rt_cell(b, _("Part"), c->part, false);
	export_sb_addf(b, "  ");
	export_rt_cell(b, _("Answered"), c->answered, false);
	export_sb_addf(b, " ");
	export_rt_cell(b, _("Open"), c->open, true);
	export_sb_addf(b, " ");
	export_rt_cell(b, _("Conflicts"), c->conflicts, true);
	export_sb_addf(b, " ");
	export_rt_cell(b, _("To review"), c->review, true);
	export_sb_addf(b, "\n");
}

static void
export_rt_summary(struct export_sb *b, int width, const struct export_view *v)
{
	struct export_rt_cols c;
	size_t i, nw = 4, w;
	int room;

	for (i = 0; i < v->narticles; i++)
		if ((w = export_text_width(v->articles[i].name)) > nw)
			nw = w;
	export_rt_cols(&c, 4);
	/* the indent, the gap, the counts and the spaces between them */
	room = width - 2 - 2 - (int)(c.answered + c.open + c.conflicts +
	    c.review + 4);
	export_rt_para(b, 0, width, v->title);
	export_rt_para(b, 0, width, v->meta);
	export_rt_rule(b, width, '=');
	export_rt_para(b, 0, width, _("Progress (required questions)"));
	if (room < 10) { /* too narrow for a table */
		export_rt_narrow(b, width, _("All"), &v->p, &v->marks);
		for (i = 0; i < v->narticles; i++)
			export_rt_narrow(b, width, v->articles[i].name,
			    &v->articles[i].p, &v->articles[i].marks);
		return;
	}
	if ((int)nw > room)
		nw = (size_t)room;
	if (nw > c.part)
		c.part = nw; /* the heading's width is the least */
	export_rt_heading(b, &c);
	export_rt_progress(b, &c, _("All"), &v->p, &v->marks);
	for (i = 0; i < v->narticles; i++)
		export_rt_progress(b, &c, v->articles[i].name,
		    &v->articles[i].p, &v->articles[i].marks);
}

/* Where export_rt_missing writes. */
struct export_rt_to {
	struct export_sb *b;
	int width;
};

/* One unanswered question, a line of its own. */
static void
export_rt_missing(void *ctx, const struct export_vpage *p,
    const struct export_vanswer *a)
{
	struct export_rt_to *to = ctx;
	char *line = checklist_xasprintf("%s  %s  (%s)", p->name, a->label,
	    a->path);

	export_rt_para(to->b, 2, to->width, line);
	free(line);
}

/* Every required question still unanswered, by provision. */
static void
export_rt_open(struct export_sb *b, int width, const struct export_view *v)
{
	struct export_rt_to to = { b, width };
	char *line;

	export_sb_add(b, "\n");
	export_rt_rule(b, width, '=');
	line = checklist_xasprintf(_("Unanswered required questions: %zu"),
	    v->missing);
	export_rt_para(b, 0, width, line);
	free(line);
	export_view_each_missing(v, export_rt_missing, &to);
}

static void
export_rt_conflicts(struct export_sb *b, int width,
    const struct export_view *v)
{
	size_t i, j;
	char *line;

	if (v->nconflicts == 0)
		return;
	export_sb_add(b, "\n");
	export_rt_rule(b, width, '=');
	line = checklist_xasprintf(_("Conflicts to settle: %zu"), v->nconflicts);
	export_rt_para(b, 0, width, line);
	free(line);
	for (i = 0; i < v->nconflicts; i++) {
		line = checklist_xasprintf("%s (%s)", v->conflicts[i].label,
		    v->conflicts[i].path);
		export_rt_para(b, 2, width, line);
		free(line);
		for (j = 0; j < v->conflicts[i].n; j++)
			export_rt_para(b, 6, width, v->conflicts[i].values[j]);
	}
}

char *
export_render_text_view(const struct export_view *v, int width, size_t *len)
{
	struct export_sb b = { NULL, 0, 0 };
	size_t i, j;

	if (width < 20)
		width = 20;
	export_rt_summary(&b, width, v);
	for (i = 0; i < v->narticles; i++) {
		const struct export_varticle *a = &v->articles[i];
		char *head = export_view_heading(a->name, a->title);

		export_sb_add(&b, "\n");
		export_rt_rule(&b, width, '=');
		export_rt_para(&b, 0, width, head);
		free(head);
		for (j = 0; j < a->npages; j++)
			export_rt_page(&b, width, &a->pages[j]);
	}
	export_rt_open(&b, width, v);
	export_rt_conflicts(&b, width, v);
	export_sb_add(&b, "");
	*len = b.len;
	return b.s;
}

/*
 * tui_overview.c: the overview screen for a room (list letter o, and o
 * in the presentation mode): every article (and the front section) with
 * a bar of its required answers given, the count of required questions
 * still open, of conflicts left by a merge and of answers to review
 * (checklist_marks.h), then the totals. A pager: it only shows. A
 * right-to-left title (Arabic) is right-aligned, the counts kept.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_marks.h"
#include "tui/tui_app.h"

/* The count columns' widths: their own, or their headings' when those
 * are wider (in columns: "К проверке" is 10). */
struct tui_overview_cols {
	int open, conflicts, review;
};

static int
tui_overview_col(const char *heading, int least)
{
	int w = tui_text_width(heading);

	return w > least ? w : least;
}

static void
tui_overview_cols(struct tui_overview_cols *c)
{
	c->open = tui_overview_col(_("Open"), 5);
	c->conflicts = tui_overview_col(_("Conflicts"), 9);
	c->review = tui_overview_col(_("To review"), 9);
}

/* One article's line: name, bar, counts, title. */
static void
tui_overview_line(struct tui_app *app, const struct checklist_group *g,
    int width, bool spaced, char ***lines, size_t *n)
{
	struct tui_overview_cols c;
	struct checklist_progress p;
	struct checklist_marks_count m;
	char *name = tui_group_name(app, g), *bar, *line, *fit, *col;
	int bw = width >= 120 ? 40 : width >= 100 ? 30 : 16;

	checklist_progress_group(app->resp, g, &p);
	checklist_marks_count_group(app->resp, g, &m);
	bar = tui_progress_bar(p.required_answered, p.required, bw);
	/* the name in 8 columns (not bytes: "المادة 5" is 15) */
	col = tui_text_fit(g->kind == CHECKLIST_G_FRONT ? _("Front") : name,
	    8, true);
	tui_overview_cols(&c);
	line = checklist_xasprintf("%s %s %3zu/%-3zu %*zu %*zu %*zu  ", col,
	    bar, p.required_answered, p.required, c.open,
	    p.required - p.required_answered, c.conflicts, m.conflict,
	    c.review, m.review);
	/* a right-to-left title ends in the last column */
	fit = tui_text_join_rtl(line, checklist_text_get(&g->title, app->lang,
	    app->cl->default_lang), width, false);
	tui_lines_add(lines, n, fit);
	if (spaced)
		tui_lines_add(lines, n, "");
	free(fit);
	free(col);
	free(line);
	free(bar);
	free(name);
}

/* The headings over the lines, each in its column's width. */
static char *
tui_overview_heading(int bw)
{
	struct tui_overview_cols c;
	char *cell[5], *head;
	int i;

	tui_overview_cols(&c);
	cell[0] = tui_text_cell(_("Article"), 8, false);
	cell[1] = tui_text_cell(_("Required answers given"), bw, false);
	cell[2] = tui_text_cell(_("Open"), c.open, true);
	cell[3] = tui_text_cell(_("Conflicts"), c.conflicts, true);
	cell[4] = tui_text_cell(_("To review"), c.review, true);
	head = checklist_xasprintf("%s %s %7s %s %s %s", cell[0], cell[1], "",
	    cell[2], cell[3], cell[4]);
	for (i = 0; i < 5; i++)
		free(cell[i]);
	return head;
}

static char **
tui_overview_build(struct tui_app *app, int width, size_t *n)
{
	struct checklist_progress all;
	struct checklist_marks_count m;
	int bw = width >= 120 ? 40 : width >= 100 ? 30 : 16;
	char **lines = NULL, *head;
	size_t i, rows = app->cl->nsections + (app->cl->front != NULL);
	/* a blank line between articles when all still fit (the pager
	 * shows LINES - 5 lines) */
	bool spaced = (int)(2 * rows + 4) <= LINES - 5;

	*n = 0;
	checklist_progress_all(app->resp, &all);
	checklist_marks_count_group(app->resp, NULL, &m);
	head = checklist_xasprintf(_("All: %zu of %zu required answers given, "
	    "%zu open; %zu %s to settle; %zu %s to review."),
	    all.required_answered, all.required,
	    all.required - all.required_answered, m.conflict,
	    P_("conflict", "conflicts", m.conflict), m.review,
	    P_("answer", "answers", m.review));
	tui_text_wrap(head, width, &lines, n);
	free(head);
	tui_lines_add(&lines, n, "");
	head = tui_overview_heading(bw);
	tui_lines_add(&lines, n, head);
	free(head);
	if (app->cl->front != NULL)
		tui_overview_line(app, app->cl->front, width, spaced, &lines,
		    n);
	for (i = 0; i < app->cl->nsections; i++)
		tui_overview_line(app, app->cl->sections[i], width, spaced,
		    &lines, n);
	return lines;
}

void
tui_overview_show(struct tui_app *app)
{
	tui_dialog_pager(app, _("Overview"), tui_overview_build);
}

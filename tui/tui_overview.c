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

/* One article's line: name, bar, counts, title. */
static void
tui_overview_line(struct tui_app *app, const struct checklist_group *g,
    int width, bool spaced, char ***lines, size_t *n)
{
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
	line = checklist_xasprintf("%s %s %3zu/%-3zu %5zu %9zu %9zu  ", col,
	    bar, p.required_answered, p.required, p.required - p.required_answered,
	    m.conflict, m.review);
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
	head = checklist_xasprintf("%-8s %-*s %7s %5s %9s %9s", _("Article"),
	    bw, _("Required answers given"), "", _("Open"), _("Conflicts"),
	    _("To review"));
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

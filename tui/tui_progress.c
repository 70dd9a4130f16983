/*
 * tui_progress.c: the progress view (`p`, F4): for the front section and
 * each article, the required answers given over those required, drawn as
 * a bar of '#' and '.' (readable in monochrome and on a vt100), the
 * questions answered over the relevant ones, and the overall percentage;
 * each line starts with the mark the list shows for it.
 * The counts come from the model's checklist_progress_*.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

static unsigned
tui_progress_pct(size_t done, size_t total)
{
	return total == 0 ? 100 : (unsigned)(done * 100 / total);
}

char *
tui_progress_bar(size_t done, size_t total, int width)
{
	char *bar;
	int fill, i;

	if (width < 3)
		width = 3;
	bar = checklist_xmalloc((size_t)width + 1);
	fill = total == 0 ? width - 2 :
	    (int)((double)done * (width - 2) / (double)total);
	if (fill > width - 2)
		fill = width - 2;
	bar[0] = '[';
	for (i = 0; i < width - 2; i++)
		bar[1 + i] = i < fill ? '#' : '.';
	bar[width - 1] = ']';
	bar[width] = '\0';
	return bar;
}

/* One line for group G: its mark (as in the list), name, bar, counts,
 * title. */
static void
tui_progress_line(struct tui_app *app, const struct checklist_group *g,
    int width, char ***lines, size_t *n)
{
	struct checklist_progress p;
	char *name = tui_group_name(app, g), *bar, *line, *fit, *col, *done;
	int bw = width >= 100 ? 40 : width >= 80 ? 24 : 12;
	size_t i;

	for (i = 0; g->kind == CHECKLIST_G_SECTION && i < g->nchildren &&
	    !checklist_scope_has(app->resp, g->children[i]); i++)
		;
	if ((g->kind == CHECKLIST_G_SECTION && i == g->nchildren) ||
	    (g->kind != CHECKLIST_G_SECTION &&
	    !checklist_scope_has(app->resp, g))) {
		free(name);
		return; /* outside a contribution's scope */
	}
	checklist_progress_group(app->resp, g, &p);
	bar = tui_progress_bar(p.required_answered, p.required, bw);
	col = tui_text_cell(g->kind == CHECKLIST_G_FRONT ? _("Front") : name, 8,
	    false); /* 8 columns, not bytes: "المادة 5" is 15 */
	/* TRANSLATORS: questions answered of those asked, e.g. 3/10 */
	done = checklist_xasprintf(_("%zu/%zu answered"), p.answered,
	    p.relevant);
	line = checklist_xasprintf("%s %s %s %3zu/%-3zu %3u%%  %s  %s",
	    tui_state_marker(checklist_state_group(app->resp, g)), col, bar,
	    p.required_answered, p.required,
	    tui_progress_pct(p.required_answered, p.required), done,
	    checklist_text_get(&g->title, app->lang, app->cl->default_lang));
	fit = tui_text_fit(line, width, false);
	tui_lines_add(lines, n, fit);
	free(fit);
	free(done);
	free(col);
	free(line);
	free(bar);
	free(name);
}

static char **
tui_progress_build(struct tui_app *app, int width, size_t *n)
{
	struct checklist_progress all;
	char **lines = NULL, *head, *bar;
	size_t i;

	*n = 0;
	checklist_progress_all(app->resp, &all);
	bar = tui_progress_bar(all.required_answered, all.required,
	    width > 100 ? 40 : 20);
	head = checklist_xasprintf(_("Overall %s %zu of %zu required answers "
	    "(%u%%)"), bar, all.required_answered, all.required,
	    tui_progress_pct(all.required_answered, all.required));
	tui_text_wrap(head, width, &lines, n);
	free(head);
	free(bar);
	if (all.invalid > 0) {
		head = checklist_xasprintf(P_("%zu answer is not valid: %s in "
		    "the list marks where.", "%zu answers are not valid: %s in "
		    "the list marks where.", all.invalid), all.invalid,
		    tui_state_marker(CHECKLIST_STATE_INVALID));
		tui_text_wrap(head, width, &lines, n);
		free(head);
	}
	if ((i = checklist_review_count(app->resp, NULL)) > 0) {
		head = checklist_xasprintf(P_("%zu answer carried from the last "
		    "cycle still to review: R in the list marks where, r "
		    "finds the next, F8 confirms.", "%zu answers carried from "
		    "the last cycle still to review: R in the list marks where, "
		    "r finds the next, F8 confirms.", i), i);
		tui_text_wrap(head, width, &lines, n);
		free(head);
	}
	tui_lines_add(&lines, n, "");
	tui_lines_add(&lines, n, _("Required answers given, per article:"));
	if (app->cl->front != NULL)
		tui_progress_line(app, app->cl->front, width, &lines, n);
	for (i = 0; i < app->cl->nsections; i++)
		tui_progress_line(app, app->cl->sections[i], width, &lines, n);
	return lines;
}

void
tui_progress_show(struct tui_app *app)
{
	tui_dialog_pager(app, _("Progress"), tui_progress_build);
}

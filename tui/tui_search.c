/*
 * tui_search.c: search (`/`, F3) and go-to (`g`). Search asks for a
 * word, lists the hits found by tui_find.c (provision numbers, titles,
 * question labels, answers), and Enter on a hit opens its page with the
 * focus on the question. Go-to opens a provision by its number.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

/* The last word searched: `/` then Enter on an empty line repeats it. */
static char tui_search_last[256];

unsigned
tui_search_run(struct tui_app *app)
{
	struct tui_hit *hits;
	char **lines = NULL, *word, *msg;
	size_t n, nl = 0, i;
	int pick;
	unsigned r = TUI_R_DRAW;

	word = tui_dialog_prompt(app, _("Search for"));
	if (word == NULL)
		return TUI_R_DRAW;
	if (word[0] == '\0' && tui_search_last[0] != '\0') {
		free(word);
		word = checklist_xstrdup(tui_search_last);
	}
	snprintf(tui_search_last, sizeof tui_search_last, "%s", word);
	n = tui_find(app->resp, app->lang, word, &hits);
	if (n == 0) {
		msg = checklist_xasprintf(_("Nothing found for \"%s\"."), word);
		tui_message(app, false, "%s", msg);
		free(msg);
		free(word);
		return TUI_R_DRAW;
	}
	for (i = 0; i < n; i++)
		tui_lines_add(&lines, &nl, hits[i].text);
	msg = checklist_xasprintf(_("%zu found for \"%s\""), n, word);
	pick = tui_dialog_list(app, msg, lines, nl);
	if (pick >= 0 && app->signal == 0)
		r |= tui_app_open(app, hits[pick].group, hits[pick].path);
	free(msg);
	free(word);
	tui_lines_free(lines, nl);
	tui_find_free(hits, n);
	return r;
}

unsigned
tui_goto_run(struct tui_app *app)
{
	const struct checklist_group *g;
	char *number = tui_dialog_prompt(app, _("Go to provision (e.g. 9.1(a))"));

	if (number == NULL || number[0] == '\0') {
		free(number);
		return TUI_R_DRAW;
	}
	g = tui_order_find_number(app->cl, number);
	if (g == NULL) {
		tui_message(app, true, _("No provision numbered \"%s\"."), number);
		free(number);
		return TUI_R_DRAW;
	}
	free(number);
	return tui_app_open(app, g, NULL);
}

/*
 * tui_view.c: the answer with the focus, read in full (F5, `v`): a long
 * text shown in the page's box is cut after a few rows, and a one-line
 * answer after its box's width. The text passes the sanitizer and is
 * wrapped by display width in the pager; nothing can be changed there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

static char **
tui_view_build(struct tui_app *app, int width, size_t *n)
{
	const struct checklist_question *q = forms_page_current(app->page);
	const char *path = forms_page_current_path(app->page);
	const char *value = checklist_response_get(app->resp, path);
	char **lines = NULL;

	*n = 0;
	tui_text_wrap(checklist_text_get(&q->label, app->lang,
	    app->cl->default_lang), width, &lines, n);
	tui_lines_add(&lines, n, "");
	if (value == NULL || value[0] == '\0')
		tui_lines_add(&lines, n, _("(no answer yet)"));
	else
		tui_text_wrap(value, width, &lines, n);
	return lines;
}

void
tui_view_show(struct tui_app *app)
{
	if (app->nav_focus || app->page == NULL ||
	    forms_page_current(app->page) == NULL) {
		tui_message(app, false, _("Open a question page to read an answer "
		    "in full (F5)."));
		return;
	}
	if (forms_page_editing(app->page)) {
		tui_message(app, false, _("Store the text first (Enter or Tab), "
		    "then F5 shows it in full."));
		return;
	}
	tui_dialog_pager(app, forms_page_current_path(app->page),
	    tui_view_build);
}

/*
 * tui_help.c: the help screen (F1 and `?`): the help text of the
 * provision shown, the label and hint of the question with the focus,
 * what the markers of the list mean (alone with `m`), and every
 * key from the key table, so that help and bindings cannot drift apart. All texts are wrapped by
 * display width and pass the sanitizer; a right-to-left paragraph (the
 * interface in Arabic) is right-aligned, the keys kept at the left.
 */
#include "config.h"

#include <assert.h>

#include <stdlib.h>
#include <string.h>

#include "tui/tui_app.h"

static void
tui_help_heading(int width, char ***lines, size_t *n, const char *text)
{
	if (*n > 0)
		tui_lines_add(lines, n, "");
	tui_text_wrap_rtl(text, width, lines, n);
}

static const char *
tui_help_text(const struct tui_app *app, const struct checklist_text *t)
{
	return checklist_text_get(t, app->lang, app->cl->default_lang);
}

/* The provision's number, title and help, and those of its article. */
static void
tui_help_group(struct tui_app *app, int width, char ***lines, size_t *n)
{
	/* in the list: the line chosen there; on a page: that page */
	const struct checklist_group *g = app->nav_focus ?
	    tui_nav_current(app->nav) : app->group;
	char *name, *head;

	if (g == NULL)
		return;
	name = tui_group_name(app, g);
	head = checklist_xasprintf("== %s  %s ==", name,
	    tui_help_text(app, &g->title));
	tui_text_wrap_rtl(head, width, lines, n);
	free(name);
	free(head);
	if (g->kind == CHECKLIST_G_PROVISION) {
		char *theme = g->theme != NULL ? tui_theme_label(g->theme) :
		    NULL;

		head = checklist_xasprintf(_("Obligation: %s%s%s"),
		    tui_level_label(g->level), theme != NULL ? _("; theme: ") : "",
		    theme != NULL ? theme : "");
		tui_text_wrap_rtl(head, width, lines, n);
		free(head);
		free(theme);
	}
	if (tui_help_text(app, &g->help)[0] != '\0')
		tui_text_wrap_rtl(tui_help_text(app, &g->help), width, lines, n);
	for (g = g->parent; g != NULL; g = g->parent)
		if (g->kind == CHECKLIST_G_SECTION &&
		    tui_help_text(app, &g->help)[0] != '\0') {
			name = tui_group_name(app, g);
			head = checklist_xasprintf("== %s  %s ==", name,
			    tui_help_text(app, &g->title));
			tui_lines_add(lines, n, "");
			tui_text_wrap_rtl(head, width, lines, n);
			tui_text_wrap_rtl(tui_help_text(app, &g->help), width, lines,
			    n);
			free(name);
			free(head);
		}
}

/* The question with the focus: its label, hint and whether required. */
static void
tui_help_question(struct tui_app *app, int width, char ***lines, size_t *n)
{
	const struct checklist_question *q;
	char *head;

	if (app->page == NULL || app->nav_focus ||
	    (q = forms_page_current(app->page)) == NULL)
		return;
	head = checklist_xasprintf(_("== Question: %s%s =="),
	    tui_help_text(app, &q->label), q->required ? _(" (required)") : "");
	tui_lines_add(lines, n, "");
	tui_text_wrap_rtl(head, width, lines, n);
	free(head);
	if (tui_help_text(app, &q->hint)[0] != '\0')
		tui_text_wrap_rtl(tui_help_text(app, &q->hint), width, lines, n);
}

/* What the marks mean: the list's, an article's, a repeat entry's; one
 * line each, for the help and the legend. Caller frees. */
static char *
tui_help_legend(void)
{
	static const enum checklist_state states[] = {
		CHECKLIST_STATE_NOT_STARTED, CHECKLIST_STATE_PARTIAL,
		CHECKLIST_STATE_INVALID, CHECKLIST_STATE_COMPLETE,
		CHECKLIST_STATE_NOT_RELEVANT,
	};
	char *text = checklist_xstrdup(""), *more;
	size_t i;

	for (i = 0; i < sizeof states / sizeof states[0]; i++) {
		more = checklist_xasprintf("%s%s  %s\n", text,
		    tui_state_marker(states[i]), checklist_state_name(states[i]));
		free(text);
		text = more;
	}
	more = checklist_xasprintf(_("%sAn article sums up its provisions, and "
	    "a heading (a provision with no questions of its own) its "
	    "lettered items: %s "
	    "when one has an answer not valid, %s when all are complete, %s "
	    "when none is started, else %s.\nOn a page, %s marks a closed "
	    "entry of a list and %s an open one.\n%s"
	    "  before a provision: a merge left differing answers there "
	    "(c goes to the next, F7 settles it).\nAfter a number, R2: two "
	    "answers carried from the last cycle to review (r, F8); ~: an "
	    "answer changed since the file of fill --compare (d)."), text,
	    tui_state_marker(CHECKLIST_STATE_INVALID),
	    tui_state_marker(CHECKLIST_STATE_COMPLETE),
	    tui_state_marker(CHECKLIST_STATE_NOT_STARTED),
	    tui_state_marker(CHECKLIST_STATE_PARTIAL),
	    forms_entry_mark(false), forms_entry_mark(true), TUI_CONFLICT_MARK);
	free(text);
	return more;
}

/* "KEYS        description", the description wrapped beside the keys,
 * for each part of the key table. */
static void
tui_help_keys_part(int width, enum tui_keys_part part, char ***lines,
    size_t *n)
{
	char **keys, **wrapped, *head;
	size_t nk = tui_keys_lines(part, &keys), i, j, nw;
	const int kw = 18;

	head = checklist_xasprintf(_("== Keys: %s =="), _(tui_keys_part_title[part]));
	tui_help_heading(width, lines, n, head);
	free(head);
	for (i = 0; i < nk; i++) {
		char *tab = strchr(keys[i], '\t'), *line, *cell;

		assert(tab != NULL); /* tui_keys_lines: KEYS<TAB>TEXT */
		*tab = '\0';
		wrapped = NULL;
		nw = 0;
		tui_text_wrap_rtl(tab + 1, width > kw + 10 ? width - kw - 1 : 10,
		    &wrapped, &nw);
		if (tui_text_width(keys[i]) > kw) { /* long names: own line */
			tui_lines_add(lines, n, keys[i]);
			keys[i][0] = '\0';
		}
		for (j = 0; j < nw; j++) {
			cell = tui_text_cell(j == 0 ? keys[i] : "", kw, false);
			line = checklist_xasprintf("%s %s", cell, wrapped[j]);
			free(cell);
			tui_lines_add(lines, n, line);
			free(line);
		}
		tui_lines_free(wrapped, nw);
	}
	tui_lines_free(keys, nk);
}

static void
tui_help_keys(int width, char ***lines, size_t *n)
{
	int part;

	for (part = 0; part < TUI_KEYS_NPARTS; part++)
		tui_help_keys_part(width, (enum tui_keys_part)part, lines, n);
	tui_lines_add(lines, n, "");
	tui_text_wrap_rtl(_("On a question page no letter is a command: letters "
	    "type into the question, and the list's letter commands are "
	    "Alt+letter there. The status line says EDIT while a field is "
	    "being edited."), width, lines, n);
}

static char **
tui_help_build(struct tui_app *app, int width, size_t *n)
{
	char **lines = NULL, *legend = tui_help_legend();

	*n = 0;
	tui_help_group(app, width, &lines, n);
	tui_help_question(app, width, &lines, n);
	tui_help_heading(width, &lines, n, _("== Marks in the list (m shows them "
	    "alone) =="));
	tui_text_wrap_rtl(legend, width, &lines, n);
	free(legend);
	tui_help_keys(width, &lines, n);
	return lines;
}

void
tui_help_show(struct tui_app *app)
{
	tui_dialog_pager(app, _("Help"), tui_help_build);
}

void
tui_legend_show(struct tui_app *app)
{
	char *legend = tui_help_legend();

	tui_dialog_message(app, _("Marks in the list"), legend);
	free(legend);
}

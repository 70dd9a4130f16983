/*
 * tui_lang.c: F6 in `sacl fill`, the language of the run. A small list
 * offers the checklist's languages and the interface's; the choice
 * switches both at once, is recorded in the response (response/@lang:
 * rule messages and the package follow it) and saved. The field being
 * edited is committed first, as leaving it would; the page is built
 * again in the new language on the same question, and the list keeps
 * its place: nothing is lost, nothing moves.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/sacl_i18n.h"
#include "tui/tui_app.h"

/* The checklist's languages, then the interface's not among them: N
 * pointers into CL or tui_i18n_languages (not owned). */
static const char **
tui_lang_list(const struct checklist *cl, size_t *n)
{
	const char **codes;
	size_t i, k, ni = 0;

	while (tui_i18n_languages[ni] != NULL)
		ni++;
	codes = checklist_xcalloc(cl->nlanguages + ni, sizeof *codes);
	*n = 0;
	for (i = 0; i < cl->nlanguages; i++)
		codes[(*n)++] = cl->languages[i];
	for (i = 0; i < ni; i++) {
		for (k = 0; k < cl->nlanguages; k++)
			if (strcmp(cl->languages[k], tui_i18n_languages[i]) == 0)
				break;
		if (k == cl->nlanguages)
			codes[(*n)++] = tui_i18n_languages[i];
	}
	return codes;
}

/* The page built again in the run's language, on the question PATH. */
static void
tui_lang_rebuild(struct tui_app *app, const char *path)
{
	if (app->page != NULL) {
		forms_page_free(app->page);
		app->page = forms_page_new(app->resp, app->group,
		    app->page_win, app->lang);
		forms_page_set_readonly(app->page, app->readonly);
		if (path != NULL)
			forms_page_focus(app->page, path);
	}
	tui_nav_rebuild(app->nav, app, app->nav_focus ?
	    tui_nav_current(app->nav) : app->group);
}

/* Switch to LANG (lives as long as the run); returns a reaction. */
static unsigned
tui_lang_switch(struct tui_app *app, const char *lang)
{
	unsigned r = TUI_R_NONE;
	char *path = NULL;

	if (!app->nav_focus && app->page != NULL) {
		if (!tui_app_leave(app, &r)) /* refused: the page says why */
			return r | TUI_R_DRAW;
		if (forms_page_current_path(app->page) != NULL)
			path = checklist_xstrdup(
			    forms_page_current_path(app->page));
	}
	tui_i18n_set_lang(lang);
	app->lang = lang;
	if (!app->readonly && checklist_response_set_lang(app->resp, lang))
		tui_app_save(app);
	tui_lang_rebuild(app, path);
	free(path);
	tui_message(app, false, _("Language: %s."), tui_i18n_name(lang));
	return r | TUI_R_DRAW | TUI_R_NAV;
}

unsigned
tui_lang_run(struct tui_app *app)
{
	size_t i, n;
	const char **codes = tui_lang_list(app->cl, &n);
	char **lines = checklist_xcalloc(n, sizeof *lines);
	int pick;
	unsigned r = TUI_R_DRAW;

	for (i = 0; i < n; i++)
		lines[i] = checklist_xasprintf("%s %-5s %s",
		    app->lang != NULL && strcmp(app->lang, codes[i]) == 0 ?
		    "*" : " ", codes[i], tui_i18n_name(codes[i]));
	pick = tui_dialog_list(app, _("Language"), lines, n);
	if (pick >= 0)
		r = tui_lang_switch(app, codes[pick]);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(codes);
	return r;
}

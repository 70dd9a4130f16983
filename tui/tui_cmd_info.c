/*
 * tui_cmd_info.c: `sacl info [--list] FILE|ID`: a checklist described in
 * `key: value` lines, or its questions one a line, ID<TAB>TYPE<TAB>LABEL.
 * Texts come from the definition, which may not be ours: sanitised.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_cmd.h"

static const char tui_info_usage[] = "sacl info [--list] [--lang LANG] FILE|ID";

static void
tui_info_help(void)
{
	printf(_("Usage: %s\n"
	    "Describe a checklist definition (a file, or the id of a bundled one).\n\n"
	    "  -l, --list       one question a line: ID<TAB>TYPE<TAB>LABEL\n"
	    "  -L, --lang LANG  texts in LANG (default: the checklist's)\n"
	    "  -h, --help       show this help and exit\n"),
	    tui_info_usage);
}

static void
tui_info_put(const char *key, const char *value)
{
	char *clean = checklist_sanitize(value, false);

	printf("%s: %s\n", key, clean);
	free(clean);
}

/* Provisions in section S, lettered items included. */
static size_t
tui_info_count(const struct checklist *cl, const struct checklist_group *s)
{
	const struct checklist_group *up;
	size_t i, n = 0;

	for (i = 0; i < cl->npages; i++) {
		for (up = cl->pages[i]; up->parent != NULL; up = up->parent)
			;
		n += up == s && cl->pages[i]->kind == CHECKLIST_G_PROVISION;
	}
	return n;
}

static void
tui_info_summary(const struct checklist *cl, const char *lang)
{
	size_t i, n, len = 0;
	char langs[512] = "", sections[64];

	tui_info_put("id", cl->id);
	tui_info_put("version", cl->version);
	tui_info_put("title", checklist_text_get(&cl->title, lang,
	    cl->default_lang));
	tui_info_put("default-language", cl->default_lang);
	for (i = 0; i < cl->nlanguages && len < sizeof langs - 1; i++)
		len += (size_t)snprintf(langs + len, sizeof langs - len, "%s%s",
		    i ? " " : "", cl->languages[i]);
	tui_info_put("languages", langs);
	snprintf(sections, sizeof sections, "%zu", cl->nsections);
	tui_info_put("sections", sections);
	printf("provisions: %zu\n", checklist_count_provisions(cl));
	printf("questions: %zu\n", cl->nall);
	for (i = 0; i < cl->nsections; i++) {
		char *num = checklist_sanitize(cl->sections[i]->number, false);
		char *title = checklist_sanitize(checklist_text_get(
		    &cl->sections[i]->title, lang, cl->default_lang), false);

		n = tui_info_count(cl, cl->sections[i]);
		printf("section: %s %s ", num, title); /* key: English */
		printf(P_("(%zu provision)\n", "(%zu provisions)\n", n), n);
		free(num);
		free(title);
	}
	tui_info_put("source", cl->source);
	tui_info_put("sha256", cl->sha256); /* as packages name it */
}

static void
tui_info_list(const struct checklist *cl, const char *lang)
{
	size_t i;
	char *label;

	for (i = 0; i < cl->nall; i++) {
		label = checklist_sanitize(checklist_text_get(&cl->all[i]->label,
		    lang, cl->default_lang), false);
		printf("%s\t%s\t%s\n", cl->all[i]->path,
		    checklist_qtype_name(cl->all[i]->type), label);
		free(label);
	}
}

int
tui_cmd_info(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct checklist *cl;
	const char *lang = NULL;
	int c, list = 0, status;

	while ((c = getopt_long(argc, argv, "lL:h", opts, NULL)) != -1) {
		if (c == 'h') {
			tui_info_help();
			return TUI_EXIT_OK;
		} else if (c == 'l') {
			list = 1;
		} else if (c == 'L') {
			lang = optarg;
		} else {
			return tui_cmd_usage(tui_info_usage);
		}
	}
	if (optind != argc - 1)
		return tui_cmd_usage(tui_info_usage);
	if ((cl = tui_cmd_load_checklist(argv[optind], &status)) == NULL)
		return status;
	if (list)
		tui_info_list(cl, lang);
	else
		tui_info_summary(cl, lang);
	checklist_free(cl);
	return TUI_EXIT_OK;
}

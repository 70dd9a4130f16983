/*
 * tui_main.c: `sacl COMMAND [OPTION]... [ARG]...`, one thin dispatcher
 * over the libraries. Each command lives in its own tui_cmd_*.c. The
 * locale is the user's (setlocale); `sacl fill` then makes sure its
 * character set is UTF-8 (tui_cmd_fill.c). The other commands handle
 * bytes: they never convert text through the locale, so non-ASCII
 * answers pass through them byte-exact under LANG=C too.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui.h"
#include "tui/tui_cmd.h"

struct tui_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct tui_command tui_commands[] = {
	{ "fill", tui_cmd_fill, N_("answer a checklist in the terminal") },
	{ "validate", tui_cmd_validate, N_("check checklist definitions") },
	{ "info", tui_cmd_info, N_("describe a checklist, or list its questions") },
	{ "set", tui_cmd_set, N_("set answers from the command line") },
	{ "get", tui_cmd_get, N_("print answers") },
	{ "export", tui_cmd_export, N_("write the submission package") },
	{ "import", tui_cmd_import, N_("check packages and store them") },
	{ "report", tui_cmd_report, N_("reports across the stored submissions") },
	{ "attachments", tui_cmd_attachments, N_("extract a package's files") },
	{ "browse", tui_cmd_browse, N_("look at stored submissions, read-only") },
	{ "render", tui_cmd_render, N_("a response whole, to read, print or show") },
	{ "merge", tui_cmd_merge, N_("bring agencies' contributions together") },
	{ "diff", tui_cmd_diff, N_("compare the answers of two files") },
};

static void
tui_main_help(FILE *out)
{
	size_t i;

	fputs(_("Usage: sacl COMMAND [OPTION]... [ARG]...\n"
	    "Fill, check and export self-assessment checklists. Any checklist\n"
	    "written in the definition format runs; the one on chapter II of\n"
	    "the UN Convention against Corruption is bundled (uncac-chapter2,\n"
	    "the default).\n\n"
	    "Commands:\n"), out);
	for (i = 0; i < sizeof tui_commands / sizeof tui_commands[0]; i++)
		fprintf(out, "  %-10s %s\n", tui_commands[i].name,
		    _(tui_commands[i].summary));
	fputs(_("\n  -h, --help     show this help and exit\n"
	    "  -V, --version  show the version and exit\n\n"
	    "`sacl COMMAND --help` describes one command; man sacl says all.\n"),
	    out);
}

/*
 * Run command C on ARGV[2...]. Its options are parsed GNU-style: they may
 * come before or after the operands, `--` ends them. Its ARGV[0] becomes
 * "sacl COMMAND", the name getopt's messages start with.
 */
static int
tui_main_run(const struct tui_command *c, int argc, char **argv)
{
	static char name[32];

	snprintf(name, sizeof name, "sacl %s", c->name);
	argv[1] = name;
	return c->run(argc - 1, argv + 1);
}

/* Run command C; under SACL_CHECK_SAVES=1 (tests) a save made in pieces
 * that differed from the whole response is an internal error. */
static int
tui_main_checked(const struct tui_command *c, int argc, char **argv)
{
	const char *check = getenv("SACL_CHECK_SAVES");
	int status;

	checklist_save_check = check != NULL && strcmp(check, "1") == 0;
	status = tui_main_run(c, argc, argv);
	if (checklist_save_mismatches == 0)
		return status;
	fprintf(stderr, _("sacl: SACL_CHECK_SAVES: %lu saves made from the "
	    "pieces of the last one differed from the whole response (the "
	    "whole was written)\n"), checklist_save_mismatches);
	return 70;
}

int
main(int argc, char **argv)
{
	size_t i;

	tui_heap_prepare();
	setlocale(LC_ALL, "");
	tui_i18n_init();
	if (argc < 2) {
		tui_main_help(stderr);
		return TUI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		tui_main_help(stdout);
		return TUI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		tui_print_version(stdout);
		return TUI_EXIT_OK;
	}
	for (i = 0; i < sizeof tui_commands / sizeof tui_commands[0]; i++)
		if (strcmp(argv[1], tui_commands[i].name) == 0)
			return tui_main_checked(&tui_commands[i], argc, argv);
	fprintf(stderr, _("sacl: unknown command '%s'; `sacl --help` lists them\n"),
	    argv[1]);
	return TUI_EXIT_USAGE;
}

/*
 * tui_cmd_validate.c: `sacl validate FILE...`: load each definition with
 * every check the program makes, print the first error of each invalid
 * one as FILE:LINE:COL: message, and exit 1 if any was invalid.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "tui/tui_cmd.h"

static const char tui_validate_usage[] = "sacl validate [--quiet] FILE|ID...";

static void
tui_validate_help(void)
{
	printf("Usage: %s\n"
	    "Check checklist definitions: well-formed, no DOCTYPE, valid against\n"
	    "the built-in schema, ids unique, templates and choice lists known,\n"
	    "conditions that compile and name existing questions, no cycle\n"
	    "among conditions, defaults valid.\n\n"
	    "  -q, --quiet  print nothing for valid files\n"
	    "  -h, --help   show this help and exit\n\n"
	    "Exit status: 0 when every file is valid, 1 otherwise, 2 on bad usage.\n",
	    tui_validate_usage);
}

int
tui_cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct checklist_error err;
	struct checklist *cl;
	int c, i, status = TUI_EXIT_OK, quiet = 0;

	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		if (c == 'h') {
			tui_validate_help();
			return TUI_EXIT_OK;
		}
		if (c != 'q')
			return tui_cmd_usage(tui_validate_usage);
		quiet = 1;
	}
	if (optind >= argc)
		return tui_cmd_usage(tui_validate_usage);
	for (i = optind; i < argc; i++) {
		checklist_error_clear(&err);
		cl = NULL;
		if (checklist_load(argv[i], &cl, &err) != CHECKLIST_OK) {
			tui_cmd_error(&err);
			status = TUI_EXIT_INVALID;
			continue;
		}
		if (!quiet)
			printf("%s: valid (%s %s, %zu questions)\n", cl->source,
			    cl->id, cl->version, cl->nall);
		checklist_free(cl);
	}
	return status;
}

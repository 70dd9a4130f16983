/*
 * tui_cmd_validate.c: `sacl validate FILE...`: load each definition with
 * every check the program makes, print the first error of each invalid
 * one as FILE:LINE:COL: message and each warning of a valid one as
 * FILE:LINE: warning: message (on stderr), and exit 1 if any was invalid
 * (or, with --strict, had a warning).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "tui/tui_cmd.h"

static const char tui_validate_usage[] =
    "sacl validate [--quiet] [--strict] FILE|ID...";

static void
tui_validate_help(void)
{
	printf(_("Usage: %s\n"
	    "Check checklist definitions: well-formed, no DOCTYPE, valid against\n"
	    "the built-in schema, ids unique, templates and choice lists known,\n"
	    "conditions that compile, call known functions and name what exists\n"
	    "from where they stand, no cycle among conditions, defaults valid,\n"
	    "one text per language. Warnings (a template no provision uses, a\n"
	    "section that asks nothing...) are printed but do not fail.\n\n"
	    "  -q, --quiet   print nothing for valid files but their warnings\n"
	    "  -s, --strict  a warning makes the file fail too\n"
	    "  -h, --help    show this help and exit\n\n"
	    "Exit status: 0 when every file is valid, 1 otherwise (with --strict,\n"
	    "also when a file has a warning), 2 on bad usage.\n"),
	    tui_validate_usage);
}

/* "FILE:LINE: warning: message" for each warning of CL, sanitised (the
 * definition may not be ours). Returns how many. */
static size_t
tui_validate_warnings(const struct checklist *cl)
{
	char *text;
	size_t i;

	for (i = 0; i < cl->nwarnings; i++) {
		text = checklist_sanitize(cl->warnings[i].message, false);
		if (cl->warnings[i].line > 0)
			fprintf(stderr, _("%s:%d: warning: %s\n"), cl->source,
			    cl->warnings[i].line, text);
		else
			fprintf(stderr, _("%s: warning: %s\n"), cl->source, text);
		free(text);
	}
	return cl->nwarnings;
}

/* The summary line of the valid CL with NWARN warnings. */
static void
tui_validate_summary(const struct checklist *cl, size_t nwarn, int strict)
{
	char questions[64], warnings[64];

	if (nwarn == 0) {
		printf(P_("%s: valid (%s %s, %zu question)\n",
		    "%s: valid (%s %s, %zu questions)\n", cl->nall), cl->source,
		    cl->id, cl->version, cl->nall);
		return;
	}
	snprintf(questions, sizeof questions, P_("%zu question",
	    "%zu questions", cl->nall), cl->nall);
	snprintf(warnings, sizeof warnings, P_("%zu warning", "%zu warnings",
	    nwarn), nwarn);
	/* TRANSLATORS: FILE: valid (ID VERSION, N questions, N warnings) */
	printf(_("%s: %s (%s %s, %s, %s)\n"), cl->source, strict ?
	    _("not valid with --strict") : _("valid"), cl->id, cl->version,
	    questions, warnings);
}

int
tui_cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct checklist_error err;
	struct checklist *cl;
	int c, i, status = TUI_EXIT_OK, quiet = 0, strict = 0;
	size_t nwarn;

	while ((c = getopt_long(argc, argv, "qsh", opts, NULL)) != -1) {
		if (c == 'h') {
			tui_validate_help();
			return TUI_EXIT_OK;
		} else if (c == 'q') {
			quiet = 1;
		} else if (c == 's') {
			strict = 1;
		} else {
			return tui_cmd_usage(tui_validate_usage);
		}
	}
	if (optind >= argc)
		return tui_cmd_usage(tui_validate_usage);
	for (i = optind; i < argc; i++) {
		checklist_error_clear(&err);
		cl = NULL;
		if (checklist_load(argv[i], &cl, &err) != CHECKLIST_OK ||
		    checklist_cost_check(cl, &err) != CHECKLIST_OK) {
			tui_cmd_error(&err);
			checklist_free(cl);
			status = TUI_EXIT_INVALID;
			continue;
		}
		fflush(stdout);
		nwarn = tui_validate_warnings(cl);
		if (strict && nwarn > 0)
			status = TUI_EXIT_INVALID;
		if (!quiet)
			tui_validate_summary(cl, nwarn, strict);
		if (i + 1 < argc)
			checklist_free(cl);
		else
			tui_heap_leave(cl, NULL); /* the command ends */
	}
	return status;
}

/*
 * tui_cmd_report.c: `sacl report --db STORE --what REPORT [--checklist
 * ID] [--state CODE,...] [--provision N,...] [--format text|csv|html]
 * [-o FILE] [--lang L]`: the reports across the stored submissions
 * (export_report). Text is fitted to the terminal's width ($COLUMNS, or
 * the terminal's when standard output is one); -o writes FILE whole
 * (atomically) instead of standard output.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "export/export_store.h"
#include "tui/tui.h"
#include "tui/tui_cmd.h"

static const char tui_report_usage[] =
    "sacl report --db STORE --what status|assistance|practices|challenges|"
    "measures|authorities|submissions\n"
    "       [--checklist ID] [--state CODE,...] [--provision N,...]\n"
    "       [--format text|csv|html] [-o FILE] [--lang L]";

struct tui_report_args {
	const char *db, *output;
	struct export_report_options o;
	char *lists[2]; /* the --state and --provision texts, split */
};

static void
tui_report_help(void)
{
	printf(_("Usage: %s\n"
	    "Report across the submissions in STORE (the newest of each State\n"
	    "and checklist; `submissions` lists the older ones too).\n\n"
	    "  -d, --db=STORE          the store (sacl import made it)\n"
	    "  -w, --what=REPORT       status: States by provisions; assistance:\n"
	    "                          technical assistance asked for;\n"
	    "                          practices: good practices; challenges;\n"
	    "                          measures: the laws and policies cited;\n"
	    "                          authorities: who can assist other States\n"
	    "                          (article 6(3)); submissions\n"
	    "  -c, --checklist=ID      only submissions to checklist ID\n"
	    "  -s, --state=CODE,...    only these States\n"
	    "  -p, --provision=N,...   only these provisions (e.g. 9.1,12.2)\n"
	    "  -f, --format=FORMAT     text (default; fitted to the terminal),\n"
	    "                          csv (for spreadsheets), html (one file,\n"
	    "                          printable)\n"
	    "  -o, --output=FILE       write FILE instead of standard output\n"
	    "  -l, --lang=L            labels in language L\n"
	    "  -h, --help              show this help and exit\n\n"
	    "Exit: 0 done, 1 unknown report or a report needing what the\n"
	    "definition lacks, 2 usage, 3 the store or FILE could not be used.\n"),
	    tui_report_usage);
}

/* Split the comma list TEXT (modified) into *LIST. */
static void
tui_report_split(char *text, char ***list, size_t *n)
{
	char *tok, *save = NULL;

	for (tok = strtok_r(text, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		*list = checklist_xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[(*n)++] = tok;
	}
}

static bool
tui_report_format(const char *s, enum export_report_format *f)
{
	if (strcmp(s, "text") == 0)
		*f = EXPORT_FORMAT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*f = EXPORT_FORMAT_CSV;
	else if (strcmp(s, "html") == 0)
		*f = EXPORT_FORMAT_HTML;
	else
		return false;
	return true;
}

/* Without --lang: the environment's language for the checklist's texts
 * too (LANGUAGE's first, else the message locale's, as "fr" of
 * "fr_FR.UTF-8"), in BUF; NULL in the C locale (gettext's English). */
static const char *
tui_report_env_lang(char *buf, size_t size)
{
	const char *loc = setlocale(LC_MESSAGES, NULL), *want;

	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return NULL;
	want = getenv("LANGUAGE");
	if (want == NULL || *want == '\0')
		want = loc;
	snprintf(buf, size, "%.*s", (int)strcspn(want, "_-.@:"), want);
	return *buf != '\0' && strcmp(buf, "C") != 0 ? buf : NULL;
}

static int
tui_report_options(int argc, char **argv, struct tui_report_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "what", required_argument, NULL, 'w' },
		{ "checklist", required_argument, NULL, 'c' },
		{ "state", required_argument, NULL, 's' },
		{ "provision", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "d:w:c:s:p:f:o:l:h", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd': a->db = optarg; break;
		case 'w': a->o.what = optarg; break;
		case 'c': a->o.checklist = optarg; break;
		case 's':
			tui_report_split(optarg, &a->o.states, &a->o.nstates);
			break;
		case 'p':
			tui_report_split(optarg, &a->o.provisions,
			    &a->o.nprovisions);
			break;
		case 'f':
			if (!tui_report_format(optarg, &a->o.format))
				return tui_cmd_usage(tui_report_usage);
			break;
		case 'o': a->output = optarg; break;
		case 'l':
			a->o.lang = optarg;
			tui_i18n_set_lang(optarg); /* the words around */
			break;
		case 'h':
			tui_report_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_report_usage);
		}
	}
	if (a->db == NULL || a->o.what == NULL || optind != argc)
		return tui_cmd_usage(tui_report_usage);
	return -1;
}

/* The width to fit text to: $COLUMNS, else the terminal's, else none. */
static int
tui_report_width(const struct tui_report_args *a)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (a->output != NULL || a->o.format != EXPORT_FORMAT_TEXT)
		return 0;
	if (env != NULL && atoi(env) > 0)
		return atoi(env);
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* Write the report: FILE atomically, or standard output. */
static int
tui_report_write(const char *file, const char *buf, size_t len)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (file != NULL) {
		if (checklist_write_atomic(file, buf, len, false, &err) ==
		    CHECKLIST_OK)
			return TUI_EXIT_OK;
		tui_cmd_error(&err);
		return TUI_EXIT_IO;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		tui_cmd_warn(_("writing the report failed"));
		return TUI_EXIT_IO;
	}
	return TUI_EXIT_OK;
}

int
tui_cmd_report(int argc, char **argv)
{
	struct tui_report_args a;
	struct export_store *st = NULL;
	struct checklist_error err;
	char *buf = NULL, env_lang[16];
	size_t len = 0;
	int status;

	memset(&a, 0, sizeof a);
	if ((status = tui_report_options(argc, argv, &a)) < 0) {
		if (a.o.lang == NULL)
			a.o.lang = tui_report_env_lang(env_lang,
			    sizeof env_lang);
		a.o.width = tui_report_width(&a);
		checklist_error_clear(&err);
		if (export_store_open(a.db, false, &st, &err) != CHECKLIST_OK ||
		    export_report(st, &a.o, &buf, &len, &err) != CHECKLIST_OK) {
			tui_cmd_error(&err);
			status = tui_cmd_exit_for(err.status);
		} else {
			status = tui_report_write(a.output, buf, len);
		}
		export_store_close(st);
	}
	free(buf);
	free(a.o.states);
	free(a.o.provisions);
	return status;
}

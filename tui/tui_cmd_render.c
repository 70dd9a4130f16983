/*
 * tui_cmd_render.c: `sacl render RESPONSE|PACKAGE --format
 * html|text|markdown [--lang L] [--width N] [--checklist FILE|ID]
 * [-o FILE]`: the whole checklist with its answers, for a workshop to
 * read or print (export_render.h). A package is read by the one package
 * reader (untrusted: checked against its checklist); a response file
 * is only read (no lock taken, nothing saved). -o writes FILE whole and
 * atomically, never through a symbolic link.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "export/export_render.h"
#include "tui/tui.h"
#include "tui/tui_cmd.h"

static const char tui_render_usage[] =
    "sacl render [--format html|text|markdown] [--lang L] [--width N]\n"
    "       [--checklist FILE|ID] [-o FILE] RESPONSE|PACKAGE";

struct tui_render_args {
	const char *input, *output, *lang, *checklist;
	enum export_render_format format;
	int width;
};

static void
tui_render_help(void)
{
	printf(_("Usage: %s\n"
	    "Show a response (or a submission package) whole, provision by\n"
	    "provision, for a workshop: a progress summary per article, each\n"
	    "question and its answer (choices by their labels, lists as\n"
	    "tables), conflicts, answers to review and who gave them, and\n"
	    "the required questions still unanswered.\n\n"
	    "  -f, --format=FORMAT      text (default; fitted to the width),\n"
	    "                           markdown, html (one self-contained\n"
	    "                           page that prints an article a page)\n"
	    "  -l, --lang=L             labels in language L\n"
	    "  -w, --width=N            text: lines of at most N columns\n"
	    "                           (default: $COLUMNS, the terminal's,\n"
	    "                           else 80)\n"
	    "  -c, --checklist=FILE|ID  the checklist definition to use\n"
	    "  -o, --output=FILE        write FILE (atomically) instead of\n"
	    "                           standard output\n"
	    "  -h, --help               show this help and exit\n\n"
	    "Exit: 0 done, 1 invalid response or package, 2 usage, 3 a file\n"
	    "could not be read or written.\n"), tui_render_usage);
}

static bool
tui_render_format(const char *s, enum export_render_format *f)
{
	if (strcmp(s, "text") == 0)
		*f = EXPORT_RENDER_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*f = EXPORT_RENDER_MARKDOWN;
	else if (strcmp(s, "html") == 0)
		*f = EXPORT_RENDER_HTML;
	else
		return false;
	return true;
}

static bool
tui_render_width_arg(const char *s, int *w)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 20 || v > 1000)
		return false;
	*w = (int)v;
	return true;
}

static int
tui_render_options(int argc, char **argv, struct tui_render_args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "width", required_argument, NULL, 'w' },
		{ "checklist", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "f:l:w:c:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!tui_render_format(optarg, &a->format))
				return tui_cmd_usage(tui_render_usage);
			break;
		case 'w':
			if (!tui_render_width_arg(optarg, &a->width)) {
				tui_cmd_warn(_("--width: a number of columns "
				    "from 20 to 1000"));
				return TUI_EXIT_USAGE;
			}
			break;
		case 'l':
			a->lang = optarg;
			tui_i18n_set_lang(optarg); /* the words around */
			break;
		case 'c': a->checklist = optarg; break;
		case 'o': a->output = optarg; break;
		case 'h':
			tui_render_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_render_usage);
		}
	}
	if (optind != argc - 1)
		return tui_cmd_usage(tui_render_usage);
	a->input = argv[optind];
	return -1;
}

/* --width, else $COLUMNS, else the terminal's, else 80. */
static int
tui_render_width(const struct tui_render_args *a)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (a->width > 0)
		return a->width;
	if (env != NULL && atoi(env) >= 20)
		return atoi(env);
	if (a->output == NULL && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static int
tui_render_write(const char *file, const char *buf, size_t len)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (file != NULL) {
		if (checklist_write_atomic(file, buf, len, 0, &err) ==
		    CHECKLIST_OK)
			return TUI_EXIT_OK;
		tui_cmd_error(&err);
		return TUI_EXIT_IO;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		tui_cmd_warn(_("writing standard output failed"));
		return TUI_EXIT_IO;
	}
	return TUI_EXIT_OK;
}

int
tui_cmd_render(int argc, char **argv)
{
	struct tui_render_args a;
	struct checklist *cl = NULL;
	struct checklist_response *r = NULL;
	struct export_view v;
	char *buf;
	size_t len = 0;
	int status;

	memset(&a, 0, sizeof a);
	a.format = EXPORT_RENDER_TEXT;
	if ((status = tui_render_options(argc, argv, &a)) >= 0)
		return status;
	status = tui_cmd_open_source(NULL, a.input, a.checklist, &cl, &r);
	if (status != TUI_EXIT_OK)
		return status;
	/* no --lang: the checklist's texts in the environment's language
	 * when it has them, as the words around them */
	export_view_build(r, a.lang != NULL ? a.lang : tui_i18n_pick(r->cl),
	    &v);
	buf = export_render(&v, a.format, tui_render_width(&a), &len);
	status = tui_render_write(a.output, buf, len);
	free(buf);
	export_view_free(&v);
	checklist_response_free(r);
	checklist_free(cl);
	return status;
}

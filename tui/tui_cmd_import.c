/*
 * tui_cmd_import.c: `sacl import --db STORE [--checklist FILE]...
 * [PACKAGE]...`, the secretariat's intake.
 *
 * Definitions named by --checklist are registered first, then each
 * PACKAGE is imported in its own transaction (export_import_file): one
 * refused never undoes another. One line per refused file on stderr,
 * "FILE: reason" (sanitised), then a summary on stdout. A progress bar
 * on stderr when it is a terminal and there are many packages.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_store.h"
#include "tui/tui_cmd.h"

#define TUI_IMPORT_BAR_MIN 20 /* packages before a progress bar shows */
#define TUI_IMPORT_BAR_WIDTH 40

static const char tui_import_usage[] =
    "sacl import --db STORE [--checklist FILE]... [PACKAGE]...";

struct tui_import {
	const char *db;
	char **defs;
	size_t ndefs;
	size_t count[EXPORT_IMPORT_REFUSED + 1];
	bool bar;
};

static void
tui_import_help(void)
{
	printf(_("Usage: %s\n"
	    "Check each submission PACKAGE as the secretariat must (it is\n"
	    "untrusted: every answer is checked again against the exact\n"
	    "checklist it names) and store it in STORE, one SQLite file made\n"
	    "on first use. Each package is stored whole or not at all.\n\n"
	    "  -d, --db=STORE        the store\n"
	    "  -c, --checklist=FILE  first register the checklist definition\n"
	    "                        FILE (packages may then name it; the\n"
	    "                        bundled ones are known without it)\n"
	    "  -h, --help            show this help and exit\n\n"
	    "The same bytes again are \"already stored\"; the same submission\n"
	    "with a higher revision supersedes the older one in reports (it is\n"
	    "kept as history); the same revision with other bytes is refused.\n"
	    "Exit: 0 none refused, 1 some refused, 2 usage, 3 the store could\n"
	    "not be opened.\n"), tui_import_usage);
}

static int
tui_import_options(int argc, char **argv, struct tui_import *im)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "checklist", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "d:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': im->db = optarg; break;
		case 'c':
			im->defs = checklist_xreallocarray(im->defs,
			    im->ndefs + 1, sizeof *im->defs);
			im->defs[im->ndefs++] = optarg;
			break;
		case 'h':
			tui_import_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_import_usage);
		}
	}
	if (im->db == NULL || (optind >= argc && im->ndefs == 0))
		return tui_cmd_usage(tui_import_usage);
	return -1;
}

/* The progress bar after DONE of TOTAL, on stderr. */
static void
tui_import_bar(const struct tui_import *im, size_t done, size_t total)
{
	char bar[TUI_IMPORT_BAR_WIDTH + 1];
	size_t fill = total > 0 ? done * TUI_IMPORT_BAR_WIDTH / total : 0;

	if (!im->bar)
		return;
	memset(bar, '#', fill);
	memset(bar + fill, '.', TUI_IMPORT_BAR_WIDTH - fill);
	bar[TUI_IMPORT_BAR_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu", bar, done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* One refusal: "FILE: reason", sanitised; ERR names the file already. */
static void
tui_import_refused(const struct tui_import *im, const char *file,
    struct checklist_error *err)
{
	char *s;

	if (im->bar)
		fputs("\r\033[K", stderr);
	if (err->file[0] == '\0')
		snprintf(err->file, sizeof err->file, "%s", file);
	s = checklist_sanitize(checklist_error_text(err), false);
	fprintf(stderr, "%s\n", s);
	free(s);
}

/* Register each --checklist. */
static void
tui_import_defs(struct export_store *st, struct tui_import *im)
{
	enum export_import_result r;
	struct checklist_error err;
	char *s;
	size_t i;

	for (i = 0; i < im->ndefs; i++) {
		checklist_error_clear(&err);
		if (export_store_register(st, im->defs[i], &r, &err) !=
		    CHECKLIST_OK) {
			tui_import_refused(im, im->defs[i], &err);
			im->count[EXPORT_IMPORT_REFUSED]++;
			continue;
		}
		s = checklist_sanitize(im->defs[i], false);
		printf("%s: %s\n", s, r == EXPORT_IMPORT_ALREADY ?
		    _("checklist already registered") : _("checklist registered"));
		free(s);
	}
}

/* Import the N packages of FILES. */
static void
tui_import_packages(struct export_store *st, struct tui_import *im,
    size_t n, char **files)
{
	enum export_import_result r;
	struct checklist_error err;
	size_t i;

	im->bar = n >= TUI_IMPORT_BAR_MIN && isatty(STDERR_FILENO);
	for (i = 0; i < n; i++) {
		checklist_error_clear(&err);
		if (export_import_file(st, files[i], 0, &r, &err) !=
		    CHECKLIST_OK)
			tui_import_refused(im, files[i], &err);
		im->count[r]++;
		tui_import_bar(im, i + 1, n);
	}
}

int
tui_cmd_import(int argc, char **argv)
{
	struct tui_import im;
	struct export_store *st = NULL;
	struct checklist_error err;
	int status;

	memset(&im, 0, sizeof im);
	if ((status = tui_import_options(argc, argv, &im)) >= 0) {
		free(im.defs);
		return status;
	}
	checklist_error_clear(&err);
	if (export_store_open(im.db, true, &st, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		free(im.defs);
		return TUI_EXIT_IO;
	}
	tui_import_defs(st, &im);
	tui_import_packages(st, &im, (size_t)(argc - optind), argv + optind);
	export_store_close(st);
	free(im.defs);
	printf(_("%zu stored, %zu already stored, %zu superseding, "
	    "%zu refused\n"), im.count[EXPORT_IMPORT_STORED],
	    im.count[EXPORT_IMPORT_ALREADY], im.count[EXPORT_IMPORT_SUPERSEDING],
	    im.count[EXPORT_IMPORT_REFUSED]);
	if (fflush(stdout) != 0)
		return TUI_EXIT_IO;
	return im.count[EXPORT_IMPORT_REFUSED] > 0 ? TUI_EXIT_INVALID :
	    TUI_EXIT_OK;
}

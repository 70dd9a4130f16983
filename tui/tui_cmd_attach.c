/*
 * tui_cmd_attach.c: reading what came in. `sacl attachments (PACKAGE |
 * --db STORE SUBMISSION) -o DIR` writes a package's files under safe
 * names; tui_cmd_open_source() lets `sacl get` read a package file or a
 * stored submission as well as a response. Both read through the one
 * package reader (a stored submission from its original bytes).
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_store.h"
#include "tui/tui_cmd.h"

static const char tui_attach_usage[] =
    "sacl attachments [--checklist FILE|ID] -o DIR PACKAGE\n"
    "       sacl attachments --db STORE -o DIR SUBMISSION";

struct tui_attach_args {
	const char *db, *dir, *checklist;
};

static void
tui_attach_help(void)
{
	printf(_("Usage: %s\n"
	    "Write the files attached to a submission package (a file, or a\n"
	    "submission in STORE: ID or ID:REVISION, as `sacl report --what\n"
	    "submissions` lists them) into the folder DIR, under safe names:\n"
	    "the last part of the name as sent, control and invisible\n"
	    "characters shown as markers, never a path, never over an\n"
	    "existing file (a taken name gets -2, -3...).\n\n"
	    "  -o, --output=DIR         the folder (it must exist)\n"
	    "  -d, --db=STORE           read SUBMISSION from STORE\n"
	    "  -c, --checklist=FILE|ID  check PACKAGE against this checklist\n"
	    "  -h, --help               show this help and exit\n\n"
	    "Each file written is printed, one a line.\n"
	    "Exit: 0 done, 1 invalid package or unknown submission, 2 usage,\n"
	    "3 read or write error.\n"), tui_attach_usage);
}

static int
tui_attach_options(int argc, char **argv, struct tui_attach_args *a)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "db", required_argument, NULL, 'd' },
		{ "checklist", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:d:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': a->dir = optarg; break;
		case 'd': a->db = optarg; break;
		case 'c': a->checklist = optarg; break;
		case 'h':
			tui_attach_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_attach_usage);
		}
	}
	if (a->dir == NULL || argc - optind != 1)
		return tui_cmd_usage(tui_attach_usage);
	return -1;
}

/* Read the package ARG: a file, or a submission of the store DB. */
static int
tui_cmd_read_package(const char *db, const char *arg, const char *checklist,
    struct export_package **p)
{
	struct export_read_options o;
	struct export_store *st = NULL;
	struct checklist_error err;
	struct checklist *cl = NULL;
	int status = TUI_EXIT_OK;

	checklist_error_clear(&err);
	memset(&o, 0, sizeof o);
	if (db != NULL) {
		if (export_store_open(db, false, &st, &err) == CHECKLIST_OK)
			export_store_read(st, arg, p, &err);
		export_store_close(st);
	} else {
		if (checklist != NULL &&
		    (cl = tui_cmd_load_checklist(checklist, &status)) == NULL)
			return status;
		o.cl = cl;
		if (export_read_file(arg, &o, p, &err) == CHECKLIST_OK &&
		    cl != NULL)
			(*p)->cl_owned = cl;
		else
			checklist_free(cl);
	}
	if (err.status != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return tui_cmd_exit_for(err.status);
	}
	return TUI_EXIT_OK;
}

int
tui_cmd_attachments(int argc, char **argv)
{
	struct tui_attach_args a = { NULL, NULL, NULL };
	struct export_package *p = NULL;
	struct checklist_error err;
	char **written = NULL, *s;
	size_t i, n = 0;
	int status;

	if ((status = tui_attach_options(argc, argv, &a)) >= 0)
		return status;
	status = tui_cmd_read_package(a.db, argv[optind], a.checklist, &p);
	if (status != TUI_EXIT_OK)
		return status;
	checklist_error_clear(&err);
	if (export_attachments_save(p, a.dir, &written, &n, &err) !=
	    CHECKLIST_OK) {
		tui_cmd_error(&err);
		status = tui_cmd_exit_for(err.status);
	}
	for (i = 0; i < n; i++) {
		s = checklist_sanitize(written[i], false);
		printf("%s\n", s);
		free(s);
		free(written[i]);
	}
	free(written);
	export_package_free(p);
	return status;
}

/* ------------------------------------------------------------ sacl get */

const char *
tui_cmd_take_db(int *argc, char **argv)
{
	const char *db = NULL;
	int i, j;

	for (i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
			j = 1;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < *argc) {
			db = argv[i + 1];
			j = 2;
		} else {
			continue;
		}
		memmove(&argv[i], &argv[i + j], (size_t)(*argc - i - j + 1) *
		    sizeof *argv);
		*argc -= j;
		i--;
	}
	return db;
}

int
tui_cmd_open_source(const char *db, const char *arg, const char *checklist,
    struct checklist **cl, struct checklist_response **resp)
{
	struct export_package *p = NULL;
	int status;

	if (db == NULL && !tui_cmd_is_package(arg))
		return tui_cmd_open_response(arg, checklist, false, cl, resp);
	status = tui_cmd_read_package(db, arg, checklist, &p);
	if (status != TUI_EXIT_OK)
		return status;
	*cl = p->cl_owned;
	*resp = p->response;
	p->cl_owned = NULL;
	p->response = NULL;
	export_package_free(p);
	return TUI_EXIT_OK;
}

/*
 * tui_cmd_fill.c: `sacl fill [--checklist FILE|ID] [--lang LANG] RESPONSE`,
 * answering a checklist in the terminal. Parses the options, takes the
 * response's lock (refused: the holder is named, exit 4), opens RESPONSE
 * or creates it (saved at once, mode 0600, so that it exists before the
 * first answer), and hands over to the full-screen interface (tui_run).
 * The terminal is checked before RESPONSE is touched: a refusal (not a
 * terminal, an unknown TERM) creates nothing.
 * `--print-keys` prints the key table as man(7) text for doc/sacl.1.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/tui.h"
#include "tui/tui_cmd.h"
#define TUI_CURSES_TERM /* setupterm(); last: its macros stay here */
#include "tui/tui_curses.h"

static const char tui_fill_usage[] =
    "sacl fill [--checklist FILE|ID] [--lang LANG] RESPONSE";

static void
tui_fill_help(void)
{
	printf("Usage: %s\n"
	    "Answer a checklist in the terminal, provision by provision.\n"
	    "RESPONSE is created when missing; every answer is saved to it\n"
	    "as soon as it is given.\n\n"
	    "  -c, --checklist=FILE|ID  the checklist of a new RESPONSE\n"
	    "                           (default " CHECKLIST_DEFAULT_ID "), or\n"
	    "                           another version for an existing one\n"
	    "  -l, --lang=LANG          show the texts in LANG (e.g. fr)\n"
	    "  -h, --help               show this help and exit\n\n"
	    "In the program, F1 or ? lists the keys; q or F10 quits.\n"
	    "Needs a terminal of at least 80x24.\n"
	    "Exit: 0 done, 1 invalid checklist or response, 2 usage,\n"
	    "3 read or write error, 4 RESPONSE in use by another sacl.\n",
	    tui_fill_usage);
}

struct tui_fill_opts {
	const char *checklist;
	const char *lang;
	const char *file;
};

/* Returns -1 to go on, or the exit status. */
static int
tui_fill_options(int argc, char **argv, struct tui_fill_opts *o)
{
	static const struct option opts[] = {
		{ "checklist", required_argument, NULL, 'c' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "print-keys", no_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+c:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->checklist = optarg;
			break;
		case 'l':
			o->lang = optarg;
			break;
		case 'h':
			tui_fill_help();
			return TUI_EXIT_OK;
		case 'K':
			tui_keys_print_man(stdout);
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_fill_usage);
		}
	}
	if (argc - optind != 1)
		return tui_cmd_usage(tui_fill_usage);
	o->file = argv[optind];
	return -1;
}

/* Is LANG one the checklist has texts in? When not (the texts then fall
 * back to the default language) the warning, for the status line and
 * stderr; else NULL. Caller frees. */
static char *
tui_fill_check_lang(const struct checklist *cl, const char *lang)
{
	size_t i;
	char *msg;

	for (i = 0; i < cl->nlanguages; i++)
		if (strcmp(cl->languages[i], lang) == 0)
			return NULL;
	msg = checklist_xasprintf("the checklist has no texts in '%s'; "
	    "using '%s'", lang, cl->default_lang);
	tui_cmd_warn("%s", msg);
	return msg;
}

/*
 * Can the screen run here? Asked before RESPONSE is created or opened:
 * a refusal leaves no file behind. setupterm() reads the terminal type
 * as newterm() would, and says why it cannot (the terminfo it loaded is
 * freed: tui_run's newterm() loads its own).
 */
static bool
tui_fill_terminal_ok(void)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tui_cmd_warn("fill needs a terminal; `sacl set` answers from "
		    "scripts");
		return false;
	}
	if (term == NULL || term[0] == '\0') {
		tui_cmd_warn("TERM is not set; set it, e.g. TERM=xterm");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) == OK) {
		del_curterm(cur_term);
		return true;
	}
	if (err == 1)
		tui_cmd_warn("the terminal type '%s' cannot show a full "
		    "screen; set TERM, e.g. TERM=xterm", term);
	else if (err == -1)
		tui_cmd_warn("no terminal database (terminfo) was found for "
		    "'%s'; install ncurses-base or set TERMINFO", term);
	else
		tui_cmd_warn("the terminal type '%s' is unknown; set TERM, "
		    "e.g. TERM=xterm", term);
	return false;
}

/* With the lock held: open or create, then run the screen. */
static int
tui_fill_locked(const struct tui_fill_opts *o)
{
	struct checklist *cl = NULL;
	struct checklist_response *resp = NULL;
	struct checklist_error err;
	bool created = access(o->file, F_OK) != 0;
	int status;

	status = tui_cmd_open_response(o->file, o->checklist, &cl, &resp);
	if (status != TUI_EXIT_OK)
		return status;
	checklist_error_clear(&err);
	if (created && checklist_response_save(resp, o->file, &err) !=
	    CHECKLIST_OK) {
		tui_cmd_error(&err);
		status = tui_cmd_exit_for(err.status);
	} else {
		char *notice = o->lang != NULL ?
		    tui_fill_check_lang(cl, o->lang) : NULL;

		status = tui_run(resp, o->file, o->lang != NULL ? o->lang :
		    resp->lang, notice);
		free(notice);
	}
	checklist_response_free(resp);
	checklist_free(cl);
	return status;
}

int
tui_cmd_fill(int argc, char **argv)
{
	struct tui_fill_opts o = { NULL, NULL, NULL };
	struct checklist_lock *lock = NULL;
	struct checklist_error err;
	int status;

	status = tui_fill_options(argc, argv, &o);
	if (status >= 0)
		return status;
	checklist_error_clear(&err);
	if (checklist_lock_acquire(o.file, &lock, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return err.status == CHECKLIST_ERR_LOCKED ? TUI_EXIT_LOCKED :
		    tui_cmd_exit_for(err.status);
	}
	/* after the lock: "in use" says more than "not a terminal"; before
	 * RESPONSE is made: a refusal leaves nothing behind */
	if (!tui_fill_terminal_ok())
		status = TUI_EXIT_USAGE;
	else
		status = tui_fill_locked(&o);
	checklist_lock_release(lock);
	return status;
}

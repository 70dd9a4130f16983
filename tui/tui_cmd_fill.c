/*
 * tui_cmd_fill.c: `sacl fill [--checklist FILE|ID] [--lang LANG] RESPONSE`,
 * answering a checklist in the terminal. Parses the options, takes the
 * response's lock (refused: the holder is named, exit 4), opens RESPONSE
 * or creates it (saved at once, mode 0600, so that it exists before the
 * first answer), and hands over to the full-screen interface (tui_run).
 * The locale and the terminal are checked before RESPONSE is touched: a
 * refusal (no UTF-8 locale on the system, not a terminal, an unknown
 * TERM) creates nothing. The screen always runs in UTF-8, whatever the
 * user's locale says (LANG=C included), so that text typed, shown and
 * stored stays byte-exact: responses are UTF-8, and ncursesw in a
 * single-byte locale turns every character it cannot convert into '?'.
 * `--print-keys` prints the key table as man(7) text for doc/sacl.1.
 */
#include "config.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "tui/tui.h"
#include "tui/tui_cmd.h"
#define TUI_CURSES_TERM /* setupterm(); last: its macros stay here */
#include "tui/tui_curses.h"

static const char tui_fill_usage[] =
    "sacl fill [--checklist FILE|ID] [--lang LANG] [--present] "
    "[--sections N,N...|--provisions N.N,...] [--agency NAME] "
    "[--from LAST] [--compare EARLIER] RESPONSE";

static void
tui_fill_help(void)
{
	printf(_("Usage: %s\n"
	    "Answer a checklist in the terminal, provision by provision.\n"
	    "RESPONSE is created when missing; every answer is saved to it\n"
	    "as soon as it is given.\n\n"
	    "  -c, --checklist=FILE|ID  the checklist of a new RESPONSE\n"
	    "                           (default %s), or\n"
	    "                           the definition of an existing one\n"
	    "                           (then remembered in RESPONSE)\n"
	    "  -l, --lang=LANG          the texts and the screens in LANG\n"
	    "                           (e.g. fr; recorded in RESPONSE)\n"
	    "  -p, --present            presentation mode for a room: an\n"
	    "                           existing RESPONSE, read-only, one\n"
	    "                           provision a screen (q leaves)\n"
	    "  -s, --sections=9,11      a contribution: answer only these\n"
	    "                           articles (recorded in RESPONSE)\n"
	    "  -P, --provisions=9.1,9.2 the same for provisions\n"
	    "  -a, --agency=NAME        the agency writing the contribution\n"
	    "                           (else asked once)\n"
	    "      --from=LAST          start a new or empty RESPONSE from the\n"
	    "                           answers of LAST (a response or package\n"
	    "                           of a previous cycle), each to review\n"
	    "      --compare=EARLIER    highlight the answers changed since\n"
	    "                           EARLIER (a response or a package)\n"
	    "  -h, --help               show this help and exit\n\n"
	    "In the program, F1 or ? lists the keys, F6 switches the\n"
	    "language; q or F10 quits.\n"
	    "Needs a terminal of at least 80x24, and a UTF-8 locale on the\n"
	    "system (used whatever LANG says, so that text stays exact).\n"
	    "Exit: 0 done, 1 invalid checklist or response, 2 usage (no\n"
	    "terminal, no UTF-8 locale), 3 read or write error, 4 RESPONSE\n"
	    "in use by another sacl.\n"), tui_fill_usage, CHECKLIST_DEFAULT_ID);
}

struct tui_fill_opts {
	const char *checklist;
	const char *lang;
	const char *file;
	bool present;
	const char *sections, *provisions, *agency;
	const char *from;    /* --from LAST, or NULL */
	const char *compare; /* --compare EARLIER, or NULL */
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
		{ "present", no_argument, NULL, 'p' },
		{ "sections", required_argument, NULL, 's' },
		{ "provisions", required_argument, NULL, 'P' },
		{ "agency", required_argument, NULL, 'a' },
		{ "from", required_argument, NULL, 'F' },
		{ "compare", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:l:phs:P:a:", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 's':
			o->sections = optarg;
			break;
		case 'P':
			o->provisions = optarg;
			break;
		case 'a':
			o->agency = optarg;
			break;
		case 'c':
			o->checklist = optarg;
			break;
		case 'l':
			o->lang = optarg;
			tui_i18n_set_lang(optarg);
			break;
		case 'p':
			o->present = true;
			break;
		case 'F':
			o->from = optarg;
			break;
		case 'C':
			o->compare = optarg;
			break;
		case 'h':
			tui_fill_help();
			return TUI_EXIT_OK;
		case 'K':
			tui_i18n_set_lang("en"); /* the man page is English */
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
	msg = checklist_xasprintf(_("the checklist has no texts in '%s'; "
	    "using '%s'"), lang, cl->default_lang);
	tui_cmd_warn("%s", msg);
	return msg;
}

/* Is LC_CTYPE's character set UTF-8? */
static bool
tui_fill_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

/* The user's LC_CTYPE locale name as the environment gives it (LC_ALL,
 * then LC_CTYPE, then LANG), with its character set made UTF-8:
 * "fr_FR.ISO-8859-1@euro" gives "fr_FR.UTF-8@euro". NULL for none, C or
 * POSIX. Caller frees. */
static char *
tui_fill_utf8_name(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v = NULL, *at;
	size_t i, lang;

	for (i = 0; i < sizeof vars / sizeof *vars && (v == NULL ||
	    *v == '\0'); i++)
		v = getenv(vars[i]);
	if (v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	    strcmp(v, "POSIX") == 0 || strchr(v, '/') != NULL)
		return NULL;
	lang = strcspn(v, ".@");
	at = strchr(v, '@');
	return checklist_xasprintf("%.*s.UTF-8%s", (int)lang, v,
	    at != NULL ? at : "");
}

/*
 * Run in UTF-8. When the user's locale is not UTF-8 (LANG=C, POSIX,
 * unset, or a single-byte one), LC_CTYPE becomes a UTF-8 locale, the
 * user's language kept where the system has it; the other categories
 * (messages, dates) stay the user's. None at all: refuse, before RESPONSE
 * is locked or created, and say how to get one.
 */
static bool
tui_fill_locale_ok(void)
{
	const char *fallbacks[] = { NULL, "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	char *mine = tui_fill_utf8_name();
	size_t i;
	bool ok = tui_fill_is_utf8();

	fallbacks[0] = mine;
	for (i = 0; !ok && i < sizeof fallbacks / sizeof *fallbacks; i++)
		ok = fallbacks[i] != NULL &&
		    setlocale(LC_CTYPE, fallbacks[i]) != NULL &&
		    tui_fill_is_utf8();
	free(mine);
	if (!ok) {
		setlocale(LC_CTYPE, "");
		tui_cmd_warn(_("fill needs a UTF-8 locale to keep text exact, "
		    "and this system has none (the character set is %s; "
		    "C.UTF-8 and en_US.UTF-8 were tried); install one "
		    "(Debian: apt-get install locales, then dpkg-reconfigure "
		    "locales) and run it with, e.g., LANG=C.UTF-8"),
		    nl_langinfo(CODESET));
	}
	return ok;
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
		tui_cmd_warn(_("fill needs a terminal; `sacl set` answers from "
		    "scripts"));
		return false;
	}
	if (term == NULL || term[0] == '\0') {
		tui_cmd_warn(_("TERM is not set; set it, e.g. TERM=xterm"));
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) == OK) {
		del_curterm(cur_term);
		return true;
	}
	if (err == 1)
		tui_cmd_warn(_("the terminal type '%s' cannot show a full "
		    "screen; set TERM, e.g. TERM=xterm"), term);
	else if (err == -1)
		tui_cmd_warn(_("no terminal database (terminfo) was found for "
		    "'%s'; install ncurses-base or set TERMINFO"), term);
	else
		tui_cmd_warn(_("the terminal type '%s' is unknown; set TERM, "
		    "e.g. TERM=xterm"), term);
	return false;
}

/* What the status line says at start: that RESPONSE was just created
 * (a misspelt name must not pass unseen), that LANG has no texts; NULL
 * for nothing. Caller frees. */
static char *
tui_fill_notice(const struct tui_fill_opts *o, const struct checklist *cl,
    bool created)
{
	char *lang = o->lang != NULL ? tui_fill_check_lang(cl, o->lang) : NULL;
	char *notice;

	if (!created)
		return lang;
	/* the language first: its text is short, a path may be long */
	notice = checklist_xasprintf(_("%s%sNew response: %s created (%s %s)"),
	    lang != NULL ? lang : "", lang != NULL ? "; " : "", o->file,
	    cl->id, cl->version);
	free(lang);
	return notice;
}

/* --sections, --provisions, --agency recorded in RESP (the scope given
 * replaces the one recorded). -1 when fine (*CHANGED set), else the
 * exit status, said. */
static int
tui_fill_scope(const struct tui_fill_opts *o, struct checklist_response *resp,
    bool *changed)
{
	struct checklist_error err;
	char *a = NULL, *b = NULL, *ids;

	if (o->agency != NULL && o->agency[0] == '\0') {
		tui_cmd_warn(_("--agency: the name is empty"));
		return TUI_EXIT_USAGE;
	}
	checklist_error_clear(&err);
	if ((o->sections != NULL && checklist_scope_parse(resp->cl,
	    o->sections, false, &a, &err) != CHECKLIST_OK) ||
	    (o->provisions != NULL && checklist_scope_parse(resp->cl,
	    o->provisions, true, &b, &err) != CHECKLIST_OK)) {
		tui_cmd_warn("--%s: %s", a != NULL || o->sections == NULL ?
		    "provisions" : "sections", err.message);
		free(a);
		return TUI_EXIT_USAGE;
	}
	ids = a != NULL && b != NULL ? checklist_xasprintf("%s %s", a, b) :
	    NULL;
	checklist_scope_set(resp, ids != NULL ? ids : a != NULL ? a : b,
	    o->agency);
	*changed = a != NULL || b != NULL || o->agency != NULL;
	free(ids);
	free(a);
	free(b);
	return -1;
}

/* --from LAST: RESPONSE must hold no answer yet; then carry. */
static int
tui_fill_carry(const struct tui_fill_opts *o, struct checklist_response *r,
    char **notice)
{
	if (checklist_response_has_answers(r)) {
		tui_cmd_warn(_("%s holds answers already: --from fills only a "
		    "new or empty response (nothing was changed)"), o->file);
		return TUI_EXIT_INVALID;
	}
	return tui_answers_carry(r, o->from, true, notice);
}

/* The language RESP is filled in, recorded: --lang, else the
 * interface's (LANGUAGE, LC_MESSAGES) when the checklist has texts in
 * it, else what RESP says. True when that changed (the caller saves). */
static bool
tui_fill_record_lang(const struct tui_fill_opts *o,
    struct checklist_response *resp)
{
	const char *lang = o->lang != NULL ? o->lang : tui_i18n_pick(resp->cl);

	return lang != NULL && checklist_response_set_lang(resp, lang);
}

/* With the lock held: open or create, then run the screen. */
static int
tui_fill_locked(const struct tui_fill_opts *o)
{
	struct checklist *cl = NULL;
	struct checklist_response *resp = NULL;
	struct checklist_error err;
	bool created = access(o->file, F_OK) != 0, scoped = false;
	struct tui_answers earlier = { 0 };
	char *carried = NULL;
	int status;

	tui_cmd_quiet_new(); /* the status line says it */
	status = tui_cmd_open_response(o->file, o->checklist, !o->present,
	    &cl, &resp);
	if (status != TUI_EXIT_OK)
		return status;
	if (o->present) { /* read-only: nothing created, nothing saved */
		status = !tui_fill_terminal_ok() ? TUI_EXIT_USAGE :
		    tui_run_present(resp, o->file, o->lang != NULL ? o->lang :
		    resp->lang);
		checklist_response_free(resp);
		checklist_free(cl);
		return status;
	}
	/* a scope refused, then no terminal: before RESPONSE is made, so
	 * that a refusal leaves nothing behind */
	if ((status = tui_fill_scope(o, resp, &scoped)) >= 0 ||
	    (status = tui_fill_terminal_ok() ? -1 : TUI_EXIT_USAGE) >= 0) {
		checklist_response_free(resp);
		checklist_free(cl);
		return status;
	}
	checklist_error_clear(&err);
	if (o->from != NULL && (status = tui_fill_carry(o, resp, &carried)) !=
	    TUI_EXIT_OK) {
		/* nothing written */
	} else if ((tui_fill_record_lang(o, resp) || created || scoped ||
	    carried != NULL) &&
	    checklist_response_save(resp, o->file, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		status = tui_cmd_exit_for(err.status);
	} else if (o->compare != NULL && (status = tui_answers_open(o->compare,
	    NULL, &earlier)) != TUI_EXIT_OK) {
		/* said; RESPONSE as it was (or just created) */
	} else {
		char *notice = tui_fill_notice(o, cl, created);

		if (carried != NULL) {
			free(notice);
			notice = carried;
			carried = NULL;
		}
		status = tui_run_opts(resp, o->file, resp->lang, notice,
		    earlier.root);
		free(notice);
	}
	free(carried);
	tui_answers_close(&earlier);
	checklist_response_free(resp);
	checklist_free(cl);
	return status;
}

int
tui_cmd_fill(int argc, char **argv)
{
	struct tui_fill_opts o = { 0 };
	struct checklist_lock *lock = NULL;
	struct checklist_error err;
	int status;

	status = tui_fill_options(argc, argv, &o);
	if (status >= 0)
		return status;
	/* before the lock: a refusal leaves nothing behind */
	if (!tui_fill_locale_ok())
		return TUI_EXIT_USAGE;
	checklist_error_clear(&err);
	if (checklist_lock_acquire(o.file, &lock, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return err.status == CHECKLIST_ERR_LOCKED ? TUI_EXIT_LOCKED :
		    tui_cmd_exit_for(err.status);
	}
	/* after the lock: "in use" says more than "not a terminal" */
	status = tui_fill_locked(&o);
	checklist_lock_release(lock);
	return status;
}

/*
 * tui_cmd_setget.c: `sacl set` and `sacl get`, answers from and to the
 * command line (tests, automation, pre-filling).
 *
 * set takes the response's lock, applies every assignment through the
 * model at once (checklist_response_set_all: each value's type, then
 * every constraint the assignments touch, on the final state, so their
 * order does not matter), and saves once with the same atomic save as
 * the TUI: all or nothing. get reads without the lock
 * (a save replaces the file whole, so a reader never sees half of one)
 * and prints one `ID=VALUE` a line, escaped and sanitised.
 *
 * Assignment syntax (doc/sacl.1): `ID=VALUE`; multiple choice
 * `ID=a,b,c`; the "other" text `ID:other=TEXT`; repeat entries
 * `p9_1/measures[2]/title=TEXT` (entries are created up to the index);
 * `ID=` clears. Values are taken literally (no escapes are undone),
 * except in the lines read with --from, which are in get's escaped
 * form: `sacl get OLD | sacl set --from - NEW` pre-fills NEW from OLD.
 * A file answer is never taken from --from (tui_set_from_confined).
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui_cmd.h"

static const char tui_set_usage[] =
    "sacl set [--checklist FILE|ID] [--from FILE] [--from-last LAST] "
    "[--wait[=SECONDS]] RESPONSE\n"
    "       [ID=VALUE]...";
static const char tui_get_usage[] =
    "sacl get [--checklist FILE|ID] [--wait[=SECONDS]] (RESPONSE|PACKAGE |\n"
    "       --db STORE SUBMISSION) [ID...]";

static void
tui_set_help(void)
{
	printf(_("Usage: %s\n"
	    "Set answers in RESPONSE and save it.\n\n"
	    "  -c, --checklist=FILE|ID  the checklist of a new RESPONSE (one\n"
	    "                           that does not exist is created only\n"
	    "                           with it, e.g. -c %s),\n"
	    "                           or another version for an existing one\n"
	    "      --from-last=LAST     first carry forward the answers of LAST\n"
	    "                           (a response or package of a previous\n"
	    "                           cycle) into a new or empty RESPONSE,\n"
	    "                           each marked to review (as fill --from)\n"
	    "  -f, --from=FILE          also the ID=VALUE lines of FILE (- for\n"
	    "                           standard input), escaped as sacl get\n"
	    "                           prints them; before the command line's\n"
	    "      --wait[=SECONDS]     if RESPONSE is in use, wait until it is\n"
	    "                           free (at most SECONDS, default 60)\n"
	    "  -h, --help               show this help and exit\n\n"
	    "Assignments (all are applied, then every rule they touch is\n"
	    "checked, whatever their order; none is saved if one fails):\n"
	    "  ID=VALUE                 e.g. p9_1/status=partial\n"
	    "  ID=a,b,c                 several choices of a multiple choice\n"
	    "  ID:other=TEXT            the text of an \"other\" choice\n"
	    "  REPEAT[N]/CHILD=VALUE    entry N of a list, created as needed,\n"
	    "                           e.g. p9_1/measures[2]/title=Act 12\n"
	    "  ID=                      clear the answer\n\n"
	    "`sacl info --list CHECKLIST` lists the question ids.\n"
	    "Exit: 0 saved, 1 unknown id or invalid value (nothing saved),\n"
	    "2 usage, 3 read or write error or no RESPONSE, 4 RESPONSE in use.\n"),
	    tui_set_usage, CHECKLIST_DEFAULT_ID);
}

static void
tui_get_help(void)
{
	printf(_("Usage: %s\n"
	    "Print the answers in RESPONSE, one ID=VALUE a line: every\n"
	    "answered question, or the IDs named (a list: all its entries).\n"
	    "A submission PACKAGE, or a SUBMISSION stored in STORE (ID or\n"
	    "ID:REVISION), is read as the secretariat reads it (checked).\n\n"
	    "      --db=STORE           read SUBMISSION from this store\n"
	    "  -c, --checklist=FILE|ID  read RESPONSE with this checklist\n"
	    "      --wait[=SECONDS]     first wait until no process has RESPONSE\n"
	    "                           in use (at most SECONDS, default 60)\n"
	    "  -h, --help               show this help and exit\n\n"
	    "In values, a backslash is written \\\\, a newline \\n, a tab \\t\n"
	    "and a carriage return \\r; other control characters are shown\n"
	    "as visible markers.\n"
	    "Exit: 0 done, 1 unknown id or invalid RESPONSE, 2 usage, 3 read\n"
	    "error or no RESPONSE, 4 still in use after --wait.\n"),
	    tui_get_usage);
}

/* set --from-last LAST, or NULL. */
static const char *tui_set_last;

/* Parse the options. Returns -1 to go on (OPTIND at the operands), or
 * the exit status. */
static int
tui_setget_options(int argc, char **argv, const char *usage,
    void (*help)(void), const char **checklist, const char **from)
{
	static const struct option opts[] = {
		{ "checklist", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "wait", optional_argument, NULL, 'W' },
		{ "from-last", required_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'W':
			if (tui_cmd_wait_option(optarg) != 0)
				return tui_cmd_usage(usage);
			break;
		case 'c':
			*checklist = optarg;
			break;
		case 'L':
			if (from == NULL) /* set only */
				return tui_cmd_usage(usage);
			tui_set_last = optarg;
			break;
		case 'f':
			if (from == NULL)
				return tui_cmd_usage(usage);
			*from = optarg;
			break;
		case 'h':
			help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(usage);
		}
	}
	return -1;
}

/* Print "sacl: ID: reason" for each failure, one a line of ERR. */
static void
tui_set_report(struct checklist_error *err)
{
	char *msg = checklist_sanitize(err->message, true), *line, *save = NULL;

	for (line = strtok_r(msg, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		tui_cmd_warn("%s", line);
	free(msg);
}

/* Apply the "ID=VALUE" of ARGS all at once: every value, then every
 * constraint they touch, so that their order does not matter; on any
 * failure nothing changes and each failure is reported. */
static int
tui_set_apply(struct checklist_response *resp, size_t n, char **args)
{
	struct checklist_error err;
	char **ids = checklist_xcalloc(n + 1, sizeof *ids);
	const char **values = checklist_xcalloc(n + 1, sizeof *values);
	checklist_status st;
	const char *eq;
	size_t i;

	for (i = 0; i < n; i++) {
		eq = strchr(args[i], '=');
		ids[i] = checklist_xstrndup(args[i], (size_t)(eq - args[i]));
		values[i] = eq + 1;
	}
	checklist_error_clear(&err);
	st = checklist_response_set_all(resp, (const char *const *)ids,
	    values, n, &err);
	if (st != CHECKLIST_OK)
		tui_set_report(&err);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(values);
	return st == CHECKLIST_OK ? TUI_EXIT_OK : TUI_EXIT_INVALID;
}

/* Every operand after RESPONSE must be ID=VALUE with a non-empty ID. */
static bool
tui_set_syntax_ok(int n, char **args)
{
	int i;

	for (i = 0; i < n; i++) {
		if (args[i][0] == '=' || strchr(args[i], '=') == NULL) {
			char *s = checklist_sanitize(args[i], false);
			tui_cmd_warn(_("'%s' is not ID=VALUE"), s);
			free(s);
			return false;
		}
	}
	return true;
}

static char *tui_get_question_path(const char *id);

/* --from never takes a file in: its input may come from anyone (another
 * State's response), and a file answer there names a file of this
 * computer. A file question's line is kept only when it changes nothing
 * (the value stored already, as in `sacl get R | sacl set --from - R`);
 * any other is refused, with the way to give the file. The first NFROM
 * of ARGS came from --from. */
static bool
tui_set_from_confined(struct checklist_response *resp, size_t nfrom,
    char **args)
{
	const struct checklist_question *q;
	const char *eq, *cur;
	char *id, *qpath, *s;
	bool ok = true;
	size_t i;

	for (i = 0; i < nfrom; i++) {
		eq = strchr(args[i], '=');
		id = checklist_xstrndup(args[i], (size_t)(eq - args[i]));
		qpath = tui_get_question_path(id);
		q = checklist_find_question(resp->cl, qpath);
		cur = checklist_response_get(resp, id);
		if (q != NULL && q->type == CHECKLIST_Q_FILE && eq[1] != '\0' &&
		    (cur == NULL || strcmp(cur, eq + 1) != 0)) {
			s = checklist_sanitize(id, false);
			tui_cmd_warn(_("%s: a file answer is not taken from --from "
			    "(it would read the file its value names); give the "
			    "file on the command line: sacl set RESPONSE %s=FILE"),
			    s, s);
			free(s);
			ok = false;
		}
		free(qpath);
		free(id);
	}
	return ok;
}

/* A contribution answers only its scope: every ID=VALUE of ARGS outside
 * it is refused, with the scope said. */
static bool
tui_set_in_scope(struct checklist_response *resp, size_t n, char **args)
{
	char *scope = checklist_scope_describe(resp), *id, *s;
	bool ok = true;
	size_t i;

	for (i = 0; scope != NULL && i < n; i++) {
		id = checklist_xstrndup(args[i], strcspn(args[i], "="));
		if (!checklist_scope_path(resp, id)) {
			s = checklist_sanitize(id, false);
			tui_cmd_warn(_("%s: outside this contribution's scope "
			    "(%s): not set"), s, scope);
			free(s);
			ok = false;
		}
		free(id);
	}
	free(scope);
	return ok;
}

/* --from-last: into a response without answers only; then say what
 * was done. */
static int
tui_set_carry(struct checklist_response *resp, const char *file)
{
	char *notice = NULL;
	int status;

	if (checklist_response_has_answers(resp)) {
		tui_cmd_warn(_("%s holds answers already: --from-last fills "
		    "only a new or empty response (nothing was changed)"), file);
		return TUI_EXIT_INVALID;
	}
	status = tui_answers_carry(resp, tui_set_last, false, &notice);
	if (notice != NULL)
		tui_cmd_warn("%s", notice);
	free(notice);
	return status;
}

/* With the lock held: open, apply, save. */
static int
tui_set_locked(const char *file, const char *checklist, size_t nfrom,
    size_t n, char **args)
{
	struct checklist *cl = NULL;
	struct checklist_response *resp = NULL;
	struct checklist_error err;
	int status;

	/* a missing FILE starts a new response only on a CHECKLIST named,
	 * or from the last cycle */
	status = tui_cmd_open_response(file, checklist, checklist != NULL ||
	    tui_set_last != NULL, &cl, &resp);
	if (status == TUI_EXIT_OK && tui_set_last != NULL)
		status = tui_set_carry(resp, file);
	if (status == TUI_EXIT_OK && !tui_set_from_confined(resp, nfrom, args))
		status = TUI_EXIT_INVALID;
	if (status == TUI_EXIT_OK && !tui_set_in_scope(resp, n, args))
		status = TUI_EXIT_INVALID;
	if (status == TUI_EXIT_OK)
		status = tui_set_apply(resp, n, args);
	if (status == TUI_EXIT_OK) {
		checklist_error_clear(&err);
		if (checklist_response_save(resp, file, &err) != CHECKLIST_OK) {
			tui_cmd_error(&err);
			status = tui_cmd_exit_for(err.status);
		}
	}
	tui_heap_leave(cl, resp); /* the command ends */
	return status;
}

/* Standard input, whole, up to CHECKLIST_RESPONSE_MAX bytes. */
static checklist_status
tui_set_read_stdin(char **buf, size_t *len, struct checklist_error *err)
{
	size_t cap = 65536, n = 0, got;
	char *b = checklist_xmalloc(cap + 1);

	while ((got = fread(b + n, 1, cap - n, stdin)) > 0) {
		n += got;
		if (n < cap)
			continue;
		if (cap >= CHECKLIST_RESPONSE_MAX) {
			free(b);
			return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG,
			    "-", 0, 0, _("more than %u bytes"), CHECKLIST_RESPONSE_MAX);
		}
		cap *= 2;
		b = checklist_xrealloc(b, cap + 1);
	}
	if (ferror(stdin)) {
		free(b);
		return checklist_error_set(err, CHECKLIST_ERR_IO, "-", 0, 0,
		    _("cannot read standard input"));
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return CHECKLIST_OK;
}

/* Split BUF (LEN bytes, from FROM) into its ID=VALUE lines, unescaped,
 * appended to *ARGS (*N of them). Empty lines and "#" lines are skipped.
 * Returns 0 or an exit status. */
static int
tui_set_split_lines(const char *from, char *buf, size_t len, char ***args,
    size_t *n)
{
	char *p, *nl;
	size_t line = 0;

	for (p = buf; p < buf + len; p = nl + 1) {
		line++;
		nl = strchr(p, '\n');
		nl = nl != NULL ? nl : p + strlen(p);
		*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0'; /* a CRLF file */
		if (*p == '\0' || *p == '#')
			continue;
		if (*p == '=' || strchr(p, '=') == NULL) {
			tui_cmd_warn(_("%s:%zu: not ID=VALUE"), from, line);
			return TUI_EXIT_INVALID;
		}
		checklist_unescape(strchr(p, '=') + 1);
		*args = checklist_xreallocarray(*args, *n + 1, sizeof **args);
		(*args)[(*n)++] = p;
	}
	return TUI_EXIT_OK;
}

/* The assignments: FROM's lines (when FROM is given), then the N of
 * ARGV. *ARGS and *BUF are the caller's to free. */
static int
tui_set_gather(const char *from, size_t n, char **argv, char ***args,
    size_t *nargs, char **buf)
{
	struct checklist_error err;
	checklist_status st;
	size_t len = 0, i;
	int status = TUI_EXIT_OK;

	*args = NULL;
	*nargs = 0;
	if (from != NULL) {
		checklist_error_clear(&err);
		st = strcmp(from, "-") == 0 ? tui_set_read_stdin(buf, &len,
		    &err) : checklist_read_file(from, CHECKLIST_RESPONSE_MAX,
		    buf, &len, &err);
		if (st != CHECKLIST_OK) {
			tui_cmd_error(&err);
			return tui_cmd_exit_for(st);
		}
		status = tui_set_split_lines(from, *buf, len, args, nargs);
	}
	for (i = 0; i < n; i++) {
		*args = checklist_xreallocarray(*args, *nargs + 1,
		    sizeof **args);
		(*args)[(*nargs)++] = argv[i];
	}
	return status;
}

/* Take the lock on FILE, then open, apply the N ARGS and save. */
static int
tui_set_with_lock(const char *file, const char *checklist, size_t nfrom,
    size_t n, char **args)
{
	struct checklist_lock *lock = NULL;
	int status;

	if ((status = tui_cmd_lock(file, &lock)) != TUI_EXIT_OK)
		return status;
	status = tui_set_locked(file, checklist, nfrom, n, args);
	checklist_lock_release(lock);
	return status;
}

int
tui_cmd_set(int argc, char **argv)
{
	const char *checklist = NULL, *from = NULL;
	char **args = NULL, *buf = NULL, hint[200];
	size_t nargs = 0;
	int status, n;

	status = tui_setget_options(argc, argv, tui_set_usage, tui_set_help,
	    &checklist, &from);
	if (status >= 0)
		return status;
	n = argc - optind - 1;
	if (n < 0 || (n == 0 && from == NULL && tui_set_last == NULL))
		return tui_cmd_usage(tui_set_usage);
	if (!tui_set_syntax_ok(n, argv + optind + 1))
		return tui_cmd_usage(tui_set_usage);
	snprintf(hint, sizeof hint, _("; to start a new one, name its "
	    "checklist: sacl set --checklist %s FILE ..."), CHECKLIST_DEFAULT_ID);
	if (checklist == NULL && tui_set_last == NULL &&
	    (status = tui_cmd_response_present(argv[optind], hint)) !=
	    TUI_EXIT_OK)
		return status;
	/* read --from before taking the lock: stdin may keep us waiting */
	status = tui_set_gather(from, (size_t)n, argv + optind + 1, &args,
	    &nargs, &buf);
	if (status == TUI_EXIT_OK)
		status = tui_set_with_lock(argv[optind], checklist,
		    nargs - (size_t)n, nargs, args);
	free(args);
	free(buf);
	return status;
}

/* One ID=VALUE line, the value escaped reversibly (checklist_escape):
 * safe on a terminal, and read back exactly by set --from. */
static void
tui_get_print(const char *path, const char *value)
{
	char *spath = checklist_sanitize(path, false);
	char *svalue = checklist_escape(value);

	printf("%s=%s\n", spath, svalue);
	free(spath);
	free(svalue);
}

static void tui_get_emit(struct checklist_response *resp,
    const struct checklist_question *q, const char *path, bool all);

/* The children of entry PATH (e.g. "p9_1/measures[2]") of repeat Q. */
static void
tui_get_entry(struct checklist_response *resp,
    const struct checklist_question *q, const char *path)
{
	size_t i;
	char *child;

	for (i = 0; i < q->nchildren; i++) {
		child = checklist_xasprintf("%s/%s", path, q->children[i]->id);
		tui_get_emit(resp, q->children[i], child, false);
		free(child);
	}
}

/* Print question Q at instance PATH: a repeat entry by entry, a choice
 * with its "other" text. ALL: print it even unanswered. */
static void
tui_get_emit(struct checklist_response *resp,
    const struct checklist_question *q, const char *path, bool all)
{
	const char *v;
	char *sub;
	size_t i, n;

	if (q->type == CHECKLIST_Q_REPEAT) {
		n = checklist_response_entries(resp, path);
		for (i = 1; i <= n; i++) {
			sub = checklist_xasprintf("%s[%zu]", path, i);
			tui_get_entry(resp, q, sub);
			free(sub);
		}
		return;
	}
	v = checklist_response_get(resp, path);
	if (v != NULL && (all || v[0] != '\0'))
		tui_get_print(path, v);
	if (!q->other)
		return;
	sub = checklist_xasprintf("%s:%s", path, CHECKLIST_OTHER);
	v = checklist_response_get(resp, sub);
	if (v != NULL && v[0] != '\0')
		tui_get_print(sub, v);
	free(sub);
}

/* ID without its entry indexes and ":other": the question's path. */
static char *
tui_get_question_path(const char *id)
{
	char *out = checklist_xmalloc(strlen(id) + 1), *p = out;
	int depth = 0;

	for (; *id != '\0' && *id != ':'; id++) {
		if (*id == '[')
			depth++;
		else if (*id == ']' && depth > 0)
			depth--;
		else if (depth == 0)
			*p++ = *id;
	}
	*p = '\0';
	return out;
}

/* Print what ID names; 0 or an exit status (unknown ID). */
static int
tui_get_one(struct checklist_response *resp, const char *id)
{
	char *qpath = tui_get_question_path(id);
	const struct checklist_question *q;
	const char *v;
	size_t len = strlen(id);

	q = checklist_find_question(resp->cl, qpath);
	free(qpath);
	if (q != NULL && q->type == CHECKLIST_Q_REPEAT && len > 0 &&
	    id[len - 1] == ']') {
		tui_get_entry(resp, q, id);
		return TUI_EXIT_OK;
	}
	if (q != NULL && (q->type == CHECKLIST_Q_REPEAT ||
	    strchr(id, ':') == NULL)) {
		tui_get_emit(resp, q, id, true);
		return TUI_EXIT_OK;
	}
	v = q != NULL ? checklist_response_get(resp, id) : NULL;
	if (v == NULL) {
		char *s = checklist_sanitize(id, false);
		tui_cmd_warn(_("%s: no such question in %s"), s, resp->cl->id);
		free(s);
		return TUI_EXIT_INVALID;
	}
	tui_get_print(id, v);
	return TUI_EXIT_OK;
}

int
tui_cmd_get(int argc, char **argv)
{
	const char *checklist = NULL;
	struct checklist *cl = NULL;
	struct checklist_response *resp = NULL;
	int status, i;
	size_t k;
	const char *db = tui_cmd_take_db(&argc, argv); /* tui_cmd_attach.c */

	status = tui_setget_options(argc, argv, tui_get_usage, tui_get_help,
	    &checklist, NULL);
	if (status >= 0)
		return status;
	if (argc - optind < 1)
		return tui_cmd_usage(tui_get_usage);
	if (db == NULL &&
	    (status = tui_cmd_wait_free(argv[optind])) != TUI_EXIT_OK)
		return status;
	status = tui_cmd_open_source(db, argv[optind], checklist, &cl, &resp);
	if (status != TUI_EXIT_OK)
		return status;
	for (i = optind + 1; i < argc; i++)
		if (tui_get_one(resp, argv[i]) != TUI_EXIT_OK)
			status = TUI_EXIT_INVALID;
	for (k = 0; argc - optind == 1 && k < cl->nall; k++)
		if (cl->all[k]->parent == NULL)
			tui_get_emit(resp, cl->all[k], cl->all[k]->path, false);
	checklist_response_free(resp);
	checklist_free(cl);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		tui_cmd_warn(_("writing the answers failed"));
		return TUI_EXIT_IO;
	}
	return status;
}

/*
 * tui_cmd_export.c: `sacl export`, the submission package from the
 * command line, and `sacl export --verify`, the package reader.
 *
 * Export holds the response's lock from reading to saving (--wait: for
 * it to be free first): it checks completeness (the list on stderr,
 * exit 5 without --force), saves the response, whose root now carries
 * the submission id and the new revision, then writes the package
 * (export_write: atomic; "-" is standard output). That order keeps the
 * two consistent whatever fails: no package without the saved revision;
 * a package that fails after the save leaves a gap in the revisions,
 * never one revision for two contents. Relative attachment paths start
 * at the response's folder.
 * A package never replaces a file: the default name (with the revision)
 * is always a new file (export_write_new); an existing -o FILE is refused
 * unless --force, like gzip's -f; a symbolic link at -o FILE is refused
 * even with --force (never written through). A missing RESPONSE is an
 * error.
 *
 * Verify reads each package with the one reader (export_read_file) and
 * prints a summary line per package, or the reason it was refused; a
 * sound package whose definition is not here (unknown id, other version,
 * other SHA-256) says which one it needs and gives its own exit status.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/export.h"
#include "tui/tui_cmd.h"

static const char tui_export_usage[] =
    "sacl export [--checklist FILE|ID] [--force] [--wait[=SECONDS]]\n"
    "       [-o FILE|-] RESPONSE\n"
    "       sacl export --verify [--plain] [--ignore-digest] "
    "[--checklist FILE|ID]\n"
    "                            PACKAGE...";

struct tui_export_args {
	const char *checklist, *output;
	bool force, verify, plain, ignore_digest;
};

static void
tui_export_help(void)
{
	printf(_("Usage: %s\n"
	    "Write the submission package of RESPONSE: its answers (those\n"
	    "that are relevant), metadata and attached files, as gzip XML\n"
	    "(doc/response-format.md). RESPONSE then records the new\n"
	    "revision and is saved.\n\n"
	    "  -c, --checklist=FILE|ID  read RESPONSE (or check PACKAGEs)\n"
	    "                           with this checklist (RESPONSE then\n"
	    "                           remembers it)\n"
	    "  -f, --force              export even when required answers\n"
	    "                           are missing or invalid (the package\n"
	    "                           says it is incomplete); replace an\n"
	    "                           existing -o FILE\n"
	    "  -o, --output=FILE        write FILE ('-': standard output); an\n"
	    "                           existing FILE is refused (exit 3)\n"
	    "                           without --force. Default: a new file\n"
	    "                           STATE_CHECKLIST_VERSION_DATE_rN.xml.gz\n"
	    "                           in the current folder, N the revision\n"
	    "                           (-2, -3... added if that name is taken)\n"
	    "      --wait[=SECONDS]     if RESPONSE is in use, wait until it is\n"
	    "                           free (at most SECONDS, default 60)\n"
	    "      --verify             read each PACKAGE back as the\n"
	    "                           secretariat would, and summarise it\n"
	    "      --plain              with --verify: also accept plain XML\n"
	    "      --ignore-digest      with --verify: check against a\n"
	    "                           definition of the package's id and\n"
	    "                           version even when its SHA-256 is not\n"
	    "                           the one the package was filled against\n"
	    "  -h, --help               show this help and exit\n\n"
	    "$SACL_NOW (YYYY-MM-DDTHH:MM:SSZ) fixes the clock.\n"
	    "Exit: 0 done, 1 invalid package or value, 2 usage, 3 read or\n"
	    "write error or no RESPONSE, 4 RESPONSE in use, 5 incomplete\n"
	    "(no --force), 6 a sound package whose checklist definition is\n"
	    "not here (--verify: it says which one it needs).\n"),
	    tui_export_usage);
}

/* Parse the options; -1 to go on (OPTIND at the operands), or a status. */
static int
tui_export_options(int argc, char **argv, struct tui_export_args *a)
{
	static const struct option opts[] = {
		{ "checklist", required_argument, NULL, 'c' },
		{ "force", no_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "verify", no_argument, NULL, 'V' },
		{ "plain", no_argument, NULL, 'P' },
		{ "ignore-digest", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "wait", optional_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:fo:h", opts, NULL)) != -1) {
		switch (c) {
		case 'W':
			if (tui_cmd_wait_option(optarg) != 0)
				return tui_cmd_usage(tui_export_usage);
			break;
		case 'c': a->checklist = optarg; break;
		case 'f': a->force = true; break;
		case 'o': a->output = optarg; break;
		case 'V': a->verify = true; break;
		case 'P': a->plain = true; break;
		case 'D': a->ignore_digest = true; break;
		case 'h':
			tui_export_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_export_usage);
		}
	}
	if (optind >= argc || (!a->verify && argc - optind != 1) ||
	    (a->verify && (a->force || a->output != NULL)) ||
	    ((a->plain || a->ignore_digest) && !a->verify))
		return tui_cmd_usage(tui_export_usage);
	return -1;
}

/* Print the completeness problems on stderr: a summary, and when the
 * export is refused, one line per problem naming the question (its
 * path, then its label). Forced, the summary says only what is missing:
 * whether the package was written is said after the write, never
 * before. */
static void
tui_export_problems(const char *file, const struct checklist *cl,
    const struct export_problems *p, bool forced)
{
	char *s, *path, *reason, *label, missing[96], invalid[96];
	size_t i;

	s = checklist_sanitize(file, false);
	export_problems_counts(p, missing, invalid, sizeof missing);
	if (forced)
		tui_cmd_warn(_("%s: not complete: %s, %s"), s, missing, invalid);
	else
		tui_cmd_warn(_("%s: not complete: %s, %s; use --force to export "
		    "anyway"), s, missing, invalid);
	free(s);
	for (i = 0; !forced && i < p->n; i++) {
		path = checklist_sanitize(p->v[i].path, false);
		reason = checklist_sanitize(p->v[i].reason, false);
		label = checklist_sanitize(export_problem_label(cl, &p->v[i],
		    NULL), false);
		fprintf(stderr, "  %s: %s: %s (%s)\n", path,
		    _(export_problem_kind_name(p->v[i].kind)), reason, label);
		free(path);
		free(reason);
		free(label);
	}
}

/* After a forced export of an incomplete response: what happened. */
static void
tui_export_forced(const char *file, bool written)
{
	char *s = checklist_sanitize(file, false);

	if (written)
		tui_cmd_warn(_("%s: exported anyway, marked incomplete"), s);
	else
		tui_cmd_warn(_("%s: not exported: the package could not be "
		    "written (see above)"), s);
	free(s);
}

/* After an export: what the package left out because the checklist
 * does not ask it (an answer from another version, a hand edit). */
static void
tui_export_strays(const char *file, const struct export_strays *st)
{
	char list[512] = "", *p, *f;
	size_t i, len;

	for (i = 0; i < st->n && i < EXPORT_STRAYS_KEPT; i++) {
		p = checklist_sanitize(st->paths[i], false);
		len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%s", i > 0 ? ", " :
		    "", p);
		free(p);
	}
	if (st->n > EXPORT_STRAYS_KEPT) {
		len = strlen(list);
		snprintf(list + len, sizeof list - len, ", ...");
	}
	f = checklist_sanitize(file, false);
	tui_cmd_warn(P_("%s: %zu element the checklist does not ask was left "
	    "out of the package: %s", "%s: %zu elements the checklist does not "
	    "ask were left out of the package: %s", st->n), f, st->n, list);
	free(f);
}

/* Is A->output a file that exists and may not be replaced, or a
 * symbolic link (never written through)? Then say so (before any work
 * is done). */
static bool
tui_export_output_taken(const struct tui_export_args *a)
{
	struct stat sb;
	char *s;

	if (a->output == NULL || strcmp(a->output, "-") == 0 ||
	    lstat(a->output, &sb) != 0)
		return false;
	s = checklist_sanitize(a->output, false);
	if (S_ISLNK(sb.st_mode))
		tui_cmd_warn(_("%s is a symbolic link; a package is never "
		    "written through one: name another file"), s);
	else if (!a->force)
		tui_cmd_warn(_("%s exists; it is not replaced without --force "
		    "(or leave -o out: the default name is always a new "
		    "file)"), s);
	free(s);
	return S_ISLNK(sb.st_mode) || !a->force;
}

/* What export_options.commit calls: save the stamped response. */
struct tui_export_commit {
	const char *file;
	bool saved;
};

static checklist_status
tui_export_commit(struct checklist_response *r, void *arg,
    struct checklist_error *err)
{
	struct tui_export_commit *c = arg;
	checklist_status st = checklist_response_save(r, c->file, err);

	c->saved = st == CHECKLIST_OK;
	return st;
}

/* The revision RESP records (its root's attribute), for a message. */
static const char *
tui_export_revision(struct checklist_response *resp)
{
	static char buf[32];
	xmlChar *v = xmlGetProp(xmlDocGetRootElement(resp->doc),
	    (const xmlChar *)"revision");

	snprintf(buf, sizeof buf, "%s", v != NULL ? (const char *)v : "?");
	xmlFree(v);
	return buf;
}

/* Write the package of RESP to A->output, or under the default name
 * (a new file: never one that exists), and print the name. */
static int
tui_export_write(struct checklist_response *resp,
    const struct tui_export_args *a, struct export_options *o)
{
	struct checklist_error err;
	char *name = NULL, *s;
	checklist_status st;

	checklist_error_clear(&err);
	o->replace = a->force; /* -o FILE only: the default never replaces */
	if (a->output == NULL)
		st = export_write_new(resp, o, NULL, &name, &err);
	else if (strcmp(a->output, "-") == 0)
		st = export_write_fd(resp, o, STDOUT_FILENO,
		    _("(standard output)"), &err);
	else {
		bool existed = access(a->output, F_OK) == 0;

		st = export_write(resp, o, a->output, &err);
		if (st == CHECKLIST_OK && existed) {
			s = checklist_sanitize(a->output, false);
			tui_cmd_warn(_("%s replaced (--force)"), s);
			free(s);
		}
	}
	if (st != CHECKLIST_OK) {
		tui_cmd_error(&err);
		if (((struct tui_export_commit *)o->commit_arg)->saved)
			tui_cmd_warn(_("no package was written; the response "
			    "records revision %s as used, so the next export "
			    "is the one after (a gap, never a reuse)"),
			    tui_export_revision(resp));
		return tui_cmd_exit_for(st);
	}
	if (a->output == NULL || strcmp(a->output, "-") != 0)
		printf("%s\n", name != NULL ? name : a->output);
	free(name);
	return TUI_EXIT_OK;
}

/* With the lock held: open, check, write, save. */
static int
tui_export_locked(const char *file, const struct tui_export_args *a)
{
	struct checklist *cl = NULL;
	struct checklist_response *resp = NULL;
	struct export_options o = { .force = a->force };
	struct export_problems probs = { 0 };
	struct export_strays strays = { 0 };
	struct tui_export_commit commit = { .file = file };
	char *dir = export_base_dir(file);
	struct checklist_error err;
	bool incomplete = false;
	int status;

	o.base_dir = dir;
	o.strays = &strays;
	o.commit = tui_export_commit; /* the response saved first */
	o.commit_arg = &commit;
	status = tui_export_output_taken(a) ? TUI_EXIT_IO :
	    tui_cmd_open_response(file, a->checklist, false, &cl, &resp);
	checklist_error_clear(&err);
	if (status == TUI_EXIT_OK && checklist_response_submittable(resp, file,
	    &err) != CHECKLIST_OK) {
		char *msg = checklist_sanitize(err.message, false);

		tui_cmd_warn("%s", msg);
		free(msg);
		status = TUI_EXIT_CONFLICTS;
	}
	if (status == TUI_EXIT_OK) {
		export_check(resp, &o, &probs);
		incomplete = probs.n > 0;
		if (incomplete)
			tui_export_problems(file, cl, &probs, a->force);
		if (incomplete && !a->force)
			status = TUI_EXIT_INCOMPLETE;
		o.checked = &probs; /* the writer does not check again */
	}
	if (status == TUI_EXIT_OK)
		status = tui_export_write(resp, a, &o);
	if (status == TUI_EXIT_OK && strays.n > 0)
		tui_export_strays(file, &strays);
	export_strays_free(&strays);
	export_problems_free(&probs);
	if (incomplete && a->force)
		tui_export_forced(file, status == TUI_EXIT_OK);
	checklist_response_free(resp);
	checklist_free(cl);
	free(dir);
	return status;
}

/* One line about a package read back. */
static void
tui_export_summary(const char *file, const struct export_package *p)
{
	char *f = checklist_sanitize(file, false);
	char *state = checklist_sanitize(p->state ? p->state : "-", false);
	char *id = checklist_sanitize(p->submission_id, false);

	printf(P_("%s: ok: checklist %s %s, State %s, submission %s revision "
	    "%lu, %s, %zu/%zu required answered, %zu attachment\n", "%s: ok: "
	    "checklist %s %s, State %s, submission %s revision %lu, %s, "
	    "%zu/%zu required answered, %zu attachments\n", p->nattachments),
	    f, p->cl->id, p->cl->version, state, id, p->revision,
	    p->complete ? _("complete") : _("incomplete"), p->required_answered,
	    p->required, p->nattachments);
	free(f);
	free(state);
	free(id);
}

/* A sound package whose definition is not here: which one it needs
 * (id, version, digest, title) and how to give it, on one line. */
static void
tui_export_need(const char *file, const struct export_need *need,
    bool digest_differs)
{
	char *f = checklist_sanitize(file, false);
	char *id = checklist_sanitize(need->id, false);
	char *version = checklist_sanitize(need->version, false);
	char *title = checklist_sanitize(need->title, false);

	printf(_("%s: structure ok, not checked further: it needs checklist %s "
	    "version %s, sha256 %s (\"%s\"); give that definition with "
	    "--checklist FILE%s\n"), f, id, version,
	    need->sha256 != NULL ? need->sha256 : _("not recorded"), title,
	    digest_differs ? _(", or --ignore-digest to check it against this "
	    "one anyway") : "");
	free(f);
	free(id);
	free(version);
	free(title);
}

/* The worse of two exit statuses of --verify: unreadable, then
 * refused, then a definition missing, then ok. */
static int
tui_export_worse(int a, int b)
{
	static const int rank[] = { TUI_EXIT_OK, TUI_EXIT_UNAVAILABLE,
		TUI_EXIT_INVALID, TUI_EXIT_IO };
	int ra = 0, rb = 0, i;

	for (i = 0; i < 4; i++) {
		ra = rank[i] == a ? i : ra;
		rb = rank[i] == b ? i : rb;
	}
	return rb > ra ? b : a;
}

/* Read one package back: its summary, or why not; its exit status. */
static int
tui_export_verify_one(const char *file, struct export_read_options *o)
{
	struct export_need need = { 0 };
	struct export_package *p;
	struct checklist_error err;
	int status = TUI_EXIT_OK;

	o->need = &need;
	checklist_error_clear(&err);
	if (export_read_file(file, o, &p, &err) == CHECKLIST_OK) {
		tui_export_summary(file, p);
		export_package_free(p);
	} else {
		tui_cmd_error(&err);
		status = tui_cmd_exit_for(err.status);
		if (need.unavailable) {
			tui_export_need(file, &need, need.other_digest);
			status = TUI_EXIT_UNAVAILABLE;
		}
	}
	export_need_clear(&need);
	o->need = NULL;
	return status;
}

/* Read each package back; the worst status wins. */
static int
tui_export_verify(int n, char **files, const struct tui_export_args *a)
{
	struct export_read_options o = { .plain = a->plain,
		.ignore_digest = a->ignore_digest };
	struct checklist *cl = NULL;
	int i, status = TUI_EXIT_OK;

	if (a->checklist != NULL &&
	    (cl = tui_cmd_load_checklist(a->checklist, &status)) == NULL)
		return status != TUI_EXIT_OK ? status : TUI_EXIT_INVALID;
	o.cl = cl;
	for (i = 0; i < n; i++)
		status = tui_export_worse(status,
		    tui_export_verify_one(files[i], &o));
	checklist_free(cl);
	return status;
}

int
tui_cmd_export(int argc, char **argv)
{
	struct tui_export_args a = { 0 };
	struct checklist_lock *lock = NULL;
	int status;

	if ((status = tui_export_options(argc, argv, &a)) >= 0)
		return status;
	if (a.output != NULL && strcmp(a.output, "-") == 0 &&
	    isatty(STDOUT_FILENO)) {
		tui_cmd_warn(_("will not write a compressed package to a "
		    "terminal; use -o FILE"));
		return TUI_EXIT_USAGE;
	}
	if (a.verify)
		return tui_export_verify(argc - optind, argv + optind, &a);
	/* before the lock, which would make a lock file beside it */
	if ((status = tui_cmd_response_present(argv[optind], NULL)) !=
	    TUI_EXIT_OK)
		return status;
	if ((status = tui_cmd_lock(argv[optind], &lock)) != TUI_EXIT_OK)
		return status;
	status = tui_export_locked(argv[optind], &a);
	checklist_lock_release(lock);
	return status;
}

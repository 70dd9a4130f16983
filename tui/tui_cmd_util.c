/*
 * tui_cmd_util.c: what the commands share: printing errors (always
 * through the sanitizer), exit statuses, opening a checklist or a
 * response named on the command line, and --wait[=SECONDS] (set, get,
 * export): while the response's lock is held by a live process, try
 * again with a growing pause (50 ms doubling to 1 s) until it is free or
 * the time is up (then exit 4 as without --wait). A response finds its
 * checklist by the file it remembers (root attribute checklist-source),
 * else by the bundled id; --checklist on an existing response is
 * remembered at once.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <time.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/tui_cmd.h"

void
tui_cmd_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("sacl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
tui_cmd_error(struct checklist_error *err)
{
	char *clean = checklist_sanitize(checklist_error_text(err), false);

	fprintf(stderr, "%s\n", clean);
	free(clean);
}

int
tui_cmd_exit_for(checklist_status st)
{
	switch (st) {
	case CHECKLIST_OK:
		return TUI_EXIT_OK;
	case CHECKLIST_ERR_IO:
		return TUI_EXIT_IO;
	case CHECKLIST_ERR_LOCKED:
		return TUI_EXIT_LOCKED;
	default:
		return TUI_EXIT_INVALID;
	}
}

int
tui_cmd_usage(const char *usage)
{
	fprintf(stderr, _("Usage: %s\nTry the --help option for more.\n"), usage);
	return TUI_EXIT_USAGE;
}

struct checklist *
tui_cmd_load_checklist(const char *arg, int *exit_status)
{
	struct checklist_error err;
	struct checklist *cl = NULL;

	checklist_error_clear(&err);
	if (checklist_load(arg, &cl, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		*exit_status = tui_cmd_exit_for(err.status);
		return NULL;
	}
	*exit_status = TUI_EXIT_OK;
	return cl;
}

static bool
tui_cmd_exists(const char *file)
{
	struct stat st;

	return stat(file, &st) == 0 || errno != ENOENT;
}

/* The response FILE remembers no usable definition of checklist ID
 * (SOURCE, or NULL when it names none; SERR why SOURCE failed) and none
 * is bundled: say where it looked and what to do. */
static void
tui_cmd_no_definition(const char *file, const char *id, const char *source,
    struct checklist_error *serr)
{
	char *f = checklist_sanitize(file, false);
	char *i = checklist_sanitize(id, false);
	char *why = source != NULL ?
	    checklist_sanitize(checklist_error_text(serr), false) : NULL;

	if (source != NULL)
		tui_cmd_warn(_("%s: checklist '%s' is not bundled, and its "
		    "definition is not where the response remembers it "
		    "(checklist-source): %s; give the definition with "
		    "--checklist FILE (the response then remembers FILE)"), f, i,
		    why);
	else
		tui_cmd_warn(_("%s: checklist '%s' is not bundled, and the "
		    "response remembers no definition file (checklist-source); "
		    "give the definition with --checklist FILE (the response "
		    "then remembers FILE)"), f, i);
	free(f);
	free(i);
	free(why);
}

/* The checklist of the existing response FILE, which names ID and
 * remembers SOURCE (or NULL): that file while it still holds checklist
 * ID, else the bundled checklist ID. */
static int
tui_cmd_checklist_remembered(const char *file, const char *id,
    const char *source, struct checklist **cl)
{
	struct checklist_error err, serr;
	struct checklist *from_source = NULL;

	checklist_error_clear(&serr);
	if (source != NULL && checklist_load_file(source, &from_source,
	    &serr) == CHECKLIST_OK) {
		if (strcmp(from_source->id, id) == 0) {
			*cl = from_source;
			return TUI_EXIT_OK;
		}
		checklist_error_set(&serr, CHECKLIST_ERR_NOT_FOUND, source, 0,
		    0, _("it now holds checklist '%s'"), from_source->id);
		checklist_free(from_source);
	}
	checklist_error_clear(&err);
	if (checklist_load(id, cl, &err) == CHECKLIST_OK)
		return TUI_EXIT_OK;
	if (err.status != CHECKLIST_ERR_NOT_FOUND)
		tui_cmd_error(&err); /* a bundled file that does not load */
	else
		tui_cmd_no_definition(file, id, source, &serr);
	return tui_cmd_exit_for(err.status);
}

/* The checklist of an existing response file: OVERRIDE when given, else
 * the one it names. */
static int
tui_cmd_checklist_of(const char *file, const char *override,
    struct checklist **cl)
{
	struct checklist_error err;
	char *id = NULL, *source = NULL;
	int status;

	if (override != NULL || !tui_cmd_exists(file)) {
		*cl = tui_cmd_load_checklist(override ? override :
		    CHECKLIST_DEFAULT_ID, &status);
		return status;
	}
	checklist_error_clear(&err);
	if (checklist_response_peek(file, &id, &source, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		return tui_cmd_exit_for(err.status);
	}
	status = tui_cmd_checklist_remembered(file, id, source, cl);
	free(id);
	free(source);
	return status;
}

/* Does this process hold the lock on FILE (FILE.lock names its pid)?
 * The commands that write take it before opening the response. */
static bool
tui_cmd_lock_is_mine(const char *file)
{
	struct checklist_error err;
	char *lock = checklist_lock_path(file), *buf = NULL;
	size_t len;
	long pid = -1;

	checklist_error_clear(&err);
	if (checklist_read_file(lock, 4096, &buf, &len, &err) == CHECKLIST_OK &&
	    sscanf(buf, "pid=%ld", &pid) != 1)
		pid = -1;
	free(buf);
	free(lock);
	return pid == (long)getpid();
}

/* CL's definition file as a response remembers it (absolute), for
 * messages; sanitised. Caller frees. */
static char *
tui_cmd_source_shown(const struct checklist *cl)
{
	char *abs = realpath(cl->source, NULL);
	char *s = checklist_sanitize(abs != NULL ? abs : cl->source, false);

	free(abs);
	return s;
}

/* RESP (kept in FILE) now remembers another definition: save it now,
 * under the lock (the caller's, or taken for the save), and say so. */
static void
tui_cmd_remember(const char *file, struct checklist_response *resp)
{
	struct checklist_lock *lock = NULL;
	struct checklist_error err;
	char *f, *src;

	checklist_error_clear(&err);
	if ((!tui_cmd_lock_is_mine(file) &&
	    checklist_lock_acquire(file, &lock, &err) != CHECKLIST_OK) ||
	    checklist_response_save(resp, file, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		checklist_lock_release(lock);
		return; /* this run goes on with the definition given */
	}
	checklist_lock_release(lock);
	f = checklist_sanitize(file, false);
	src = tui_cmd_source_shown(resp->cl);
	tui_cmd_warn(_("%s now remembers its checklist definition: %s"), f, src);
	free(f);
	free(src);
}

static bool tui_cmd_quiet_new_flag;

void
tui_cmd_quiet_new(void)
{
	tui_cmd_quiet_new_flag = true;
}

/* A new response to CL in FILE: say which checklist it follows. */
static void
tui_cmd_announce_new(const char *file, const struct checklist *cl)
{
	char *f, *id, *version, *src;

	if (tui_cmd_quiet_new_flag)
		return;
	f = checklist_sanitize(file, false);
	id = checklist_sanitize(cl->id, false);
	version = checklist_sanitize(cl->version, false);
	src = tui_cmd_source_shown(cl);
	tui_cmd_warn(_("New response: %s created (%s %s, from %s)"), f, id,
	    version, src);
	free(f);
	free(id);
	free(version);
	free(src);
}

int
tui_cmd_response_present(const char *file, const char *hint)
{
	char *s;

	if (tui_cmd_exists(file))
		return TUI_EXIT_OK;
	s = checklist_sanitize(file, false);
	tui_cmd_warn(_("%s: no such response file%s"), s, hint != NULL ? hint :
	    "");
	free(s);
	return TUI_EXIT_IO;
}

int
tui_cmd_open_response(const char *file, const char *override, bool create,
    struct checklist **cl, struct checklist_response **resp)
{
	struct checklist_error err;
	int status;

	if (!create && (status = tui_cmd_response_present(file, NULL)) !=
	    TUI_EXIT_OK)
		return status;
	status = tui_cmd_checklist_of(file, override, cl);
	if (status != TUI_EXIT_OK)
		return status;
	if (!tui_cmd_exists(file)) {
		*resp = checklist_response_new(*cl);
		checklist_response_set_file(*resp, file); /* attachments */
		tui_cmd_announce_new(file, *cl);
		return TUI_EXIT_OK;
	}
	checklist_error_clear(&err);
	if (checklist_response_load(*cl, file, resp, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		checklist_free(*cl);
		*cl = NULL;
		return tui_cmd_exit_for(err.status);
	}
	checklist_response_set_file(*resp, file); /* attachments */
	if (override != NULL && checklist_response_remember_source(*resp))
		tui_cmd_remember(file, *resp);
	return TUI_EXIT_OK;
}

void
tui_print_version(FILE *out)
{
	fprintf(out, "sacl %s\n", PACKAGE_VERSION);
	fputs(_("Self-assessment checklist client. Free software.\n"), out);
}

/* --wait: seconds to wait for a lock; < 0: no waiting. */
static double tui_cmd_wait_secs = -1;

int
tui_cmd_wait_option(const char *arg)
{
	char *end;
	double v;

	if (arg == NULL) {
		tui_cmd_wait_secs = TUI_WAIT_DEFAULT;
		return 0;
	}
	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || !isfinite(v) ||
	    v < 0 || v > TUI_WAIT_MAX) {
		tui_cmd_warn(_("--wait: '%s' is not a number of seconds from 0 "
		    "to %d"), arg, TUI_WAIT_MAX);
		return -1;
	}
	tui_cmd_wait_secs = v;
	return 0;
}

static double
tui_cmd_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleep the next pause before DEADLINE; false when the time is up. */
static bool
tui_cmd_backoff(double deadline, double *pause)
{
	double left = deadline - tui_cmd_now(), d;
	struct timespec ts;

	if (left <= 0)
		return false;
	d = *pause < left ? *pause : left;
	ts.tv_sec = (time_t)d;
	ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	*pause = *pause * 2 < 1.0 ? *pause * 2 : 1.0;
	return true;
}

/* Report a lock failure ERR; with a hint about --wait when locked. */
static int
tui_cmd_lock_failed(struct checklist_error *err)
{
	tui_cmd_error(err);
	if (err->status == CHECKLIST_ERR_LOCKED && tui_cmd_wait_secs < 0)
		tui_cmd_warn(_("exit status 4: in use; a script may retry later, "
		    "or use --wait[=SECONDS] to wait for it"));
	else if (err->status == CHECKLIST_ERR_LOCKED)
		tui_cmd_warn(_("still in use after waiting %g s"), tui_cmd_wait_secs);
	return tui_cmd_exit_for(err->status);
}

int
tui_cmd_lock(const char *file, struct checklist_lock **lock)
{
	double deadline = tui_cmd_now() + tui_cmd_wait_secs, pause = 0.05;
	struct checklist_error err;
	checklist_status st;

	for (;;) {
		checklist_error_clear(&err);
		st = checklist_lock_acquire(file, lock, &err);
		if (st != CHECKLIST_ERR_LOCKED || tui_cmd_wait_secs < 0 ||
		    !tui_cmd_backoff(deadline, &pause))
			break;
	}
	return st == CHECKLIST_OK ? TUI_EXIT_OK : tui_cmd_lock_failed(&err);
}

int
tui_cmd_wait_free(const char *file)
{
	double deadline = tui_cmd_now() + tui_cmd_wait_secs, pause = 0.05;
	struct checklist_error err;
	checklist_status st;

	if (tui_cmd_wait_secs < 0)
		return TUI_EXIT_OK; /* get reads without the lock */
	for (;;) {
		checklist_error_clear(&err);
		st = checklist_lock_probe(file, &err);
		if (st != CHECKLIST_ERR_LOCKED ||
		    !tui_cmd_backoff(deadline, &pause))
			break;
	}
	return st == CHECKLIST_OK ? TUI_EXIT_OK : tui_cmd_lock_failed(&err);
}

bool
tui_cmd_is_package(const char *file)
{
	unsigned char b[2] = { 0, 0 };
	FILE *f = fopen(file, "rb");

	if (f == NULL)
		return false;
	if (fread(b, 1, 2, f) != 2)
		b[0] = 0;
	fclose(f);
	return b[0] == 0x1f && b[1] == 0x8b;
}

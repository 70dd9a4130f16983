/*
 * tui_cmd_util.c: what the commands share: printing errors (always
 * through the sanitizer), exit statuses, opening a checklist or a
 * response named on the command line, and --wait[=SECONDS] (set, get,
 * export): while the response's lock is held by a live process, try
 * again with a growing pause (50 ms doubling to 1 s) until it is free or
 * the time is up (then exit 4 as without --wait).
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
	fprintf(stderr, "Usage: %s\nTry the --help option for more.\n", usage);
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

/* The checklist of an existing response file: the one it names. */
static int
tui_cmd_checklist_of(const char *file, const char *override,
    struct checklist **cl)
{
	struct checklist_error err;
	char *id = NULL, *source = NULL;
	struct checklist *from_source = NULL;
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
	/* The file it was made with, if it is still there and still the
	 * same checklist; else the bundled one of that id. */
	if (source != NULL && access(source, R_OK) == 0 &&
	    checklist_load_file(source, &from_source, &err) == CHECKLIST_OK &&
	    strcmp(from_source->id, id) == 0) {
		*cl = from_source;
		status = TUI_EXIT_OK;
	} else {
		checklist_free(from_source);
		*cl = tui_cmd_load_checklist(id, &status);
	}
	free(id);
	free(source);
	return status;
}

int
tui_cmd_response_present(const char *file, const char *hint)
{
	char *s;

	if (tui_cmd_exists(file))
		return TUI_EXIT_OK;
	s = checklist_sanitize(file, false);
	tui_cmd_warn("%s: no such response file%s", s, hint != NULL ? hint :
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
	return TUI_EXIT_OK;
}

void
tui_print_version(FILE *out)
{
	fprintf(out, "sacl %s\n", PACKAGE_VERSION);
	fputs("Self-assessment checklist client. Free software.\n", out);
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
		tui_cmd_warn("--wait: '%s' is not a number of seconds from 0 "
		    "to %d", arg, TUI_WAIT_MAX);
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
		tui_cmd_warn("exit status 4: in use; a script may retry later, "
		    "or use --wait[=SECONDS] to wait for it");
	else if (err->status == CHECKLIST_ERR_LOCKED)
		tui_cmd_warn("still in use after waiting %g s", tui_cmd_wait_secs);
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

/*
 * tui_cmd_merge.c: `sacl merge [--base BASE] [--prefer INPUT] INPUT...
 * -o OUT`, the agencies' contributions brought together into one
 * response (the model: checklist/checklist_merge.c). Every input must be
 * a response to the same checklist and version, none with conflicts
 * left. Conflicts are listed on stderr (value path, provision, question,
 * each value and who gave it); OUT is written atomically under its lock
 * (never over an input) even with conflicts left, marked so: exit 7.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "tui/tui_cmd.h"

static const char tui_merge_usage[] =
    "sacl merge [--base BASE] [--prefer INPUT] INPUT... -o OUT";

static void
tui_merge_help(void)
{
	printf(_("Usage: %s\n"
	    "Bring responses (the agencies' contributions) together into OUT.\n"
	    "Every answer keeps who gave it (agency, file, time).\n\n"
	    "  -b, --base=BASE      the response the inputs started from: an\n"
	    "                       answer changed in one input is taken, one\n"
	    "                       changed differently in two is a conflict\n"
	    "                       (without a base, differing answers are)\n"
	    "  -p, --prefer=INPUT   settle every conflict with INPUT's value\n"
	    "  -o, --output=OUT     the merged response (never an input)\n"
	    "  -c, --checklist=FILE|ID  the definition of the inputs\n"
	    "  -h, --help           show this help and exit\n\n"
	    "Conflicts are listed on stderr; settle them in sacl fill (F7).\n"
	    "Exit: 0 merged, 1 inputs that cannot be merged (other checklists\n"
	    "or versions, conflicts left in one), 2 usage, 3 read or write\n"
	    "error, 4 OUT in use, 7 merged with conflicts left to settle.\n"),
	    tui_merge_usage);
}

struct tui_merge_opts {
	const char *base, *prefer, *out, *checklist;
	int ninputs;
	char **inputs;
};

static int
tui_merge_options(int argc, char **argv, struct tui_merge_opts *o)
{
	static const struct option opts[] = {
		{ "base", required_argument, NULL, 'b' },
		{ "prefer", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "checklist", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "b:p:o:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o->base = optarg; break;
		case 'p': o->prefer = optarg; break;
		case 'o': o->out = optarg; break;
		case 'c': o->checklist = optarg; break;
		case 'h':
			tui_merge_help();
			return TUI_EXIT_OK;
		default:
			return tui_cmd_usage(tui_merge_usage);
		}
	}
	o->ninputs = argc - optind;
	o->inputs = argv + optind;
	if (o->ninputs < 1 || o->out == NULL)
		return tui_cmd_usage(tui_merge_usage);
	return -1;
}

/* Are A and B the same file (B may not exist)? */
static bool
tui_merge_same(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return true;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* OUT is none of the inputs; --prefer names one. -1: fine; else the
 * exit status, said. *PREFER: its index. */
static int
tui_merge_check_files(const struct tui_merge_opts *o, int *prefer)
{
	int i;

	*prefer = -1;
	for (i = 0; i < o->ninputs; i++) {
		if (tui_merge_same(o->out, o->inputs[i]) || (o->base != NULL &&
		    tui_merge_same(o->out, o->base))) {
			tui_cmd_warn(_("%s: OUT is one of the files merged; "
			    "write the merge to a new file"), o->out);
			return TUI_EXIT_USAGE;
		}
		if (o->prefer != NULL && *prefer < 0 &&
		    tui_merge_same(o->prefer, o->inputs[i]))
			*prefer = i;
	}
	if (o->prefer != NULL && *prefer < 0) {
		tui_cmd_warn(_("--prefer %s: not one of the inputs"),
		    o->prefer);
		return TUI_EXIT_USAGE;
	}
	return -1;
}

/* The last part of PATH (borrowed). */
static const char *
tui_merge_base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL && s[1] != '\0' ? s + 1 : path;
}

/* FILE's modification time, ISO 8601 UTC, in BUF. */
static void
tui_merge_time(const char *file, char *buf, size_t size)
{
	struct stat st;
	struct tm tm;
	time_t t = stat(file, &st) == 0 ? st.st_mtime : time(NULL);

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

/* Load FILE as a response to CL (the first input's checklist): another
 * checklist is refused with the reason. */
static int
tui_merge_load(const struct checklist *cl, const char *first,
    const char *file, struct checklist_response **r)
{
	struct checklist_error err;
	char *id = NULL;

	checklist_error_clear(&err);
	if (tui_cmd_response_present(file, NULL) != TUI_EXIT_OK)
		return TUI_EXIT_IO;
	if (checklist_response_peek_checklist(file, &id, &err) ==
	    CHECKLIST_OK && strcmp(id, cl->id) != 0) {
		char *s = checklist_sanitize(id, false);

		tui_cmd_warn(_("%s: a response to checklist '%s', and %s is to "
		    "'%s': only responses to one checklist can be merged"),
		    file, s, first, cl->id);
		free(s);
		free(id);
		return TUI_EXIT_INVALID;
	}
	free(id);
	if (err.status == CHECKLIST_OK &&
	    checklist_response_load(cl, file, r, &err) == CHECKLIST_OK) {
		checklist_response_set_file(*r, file);
		return TUI_EXIT_OK;
	}
	tui_cmd_error(&err);
	return tui_cmd_exit_for(err.status);
}

struct tui_merge_run {
	struct checklist *cl;
	struct checklist_response *base;
	struct checklist_merge_input *in;
	char (*times)[32];
	char **agencies;
	int n;
};

static void
tui_merge_run_free(struct tui_merge_run *m)
{
	int i;

	for (i = 0; i < m->n; i++) {
		checklist_response_free(m->in[i].r);
		free(m->agencies[i]);
	}
	free(m->agencies);
	checklist_response_free(m->base);
	free(m->in);
	free(m->times);
	checklist_free(m->cl);
}

/* Open every input (and the base). */
static int
tui_merge_open(const struct tui_merge_opts *o, struct tui_merge_run *m)
{
	int i, status;

	m->in = checklist_xcalloc((size_t)o->ninputs, sizeof *m->in);
	m->times = checklist_xcalloc((size_t)o->ninputs, sizeof *m->times);
	m->agencies = checklist_xcalloc((size_t)o->ninputs,
	    sizeof *m->agencies);
	status = tui_cmd_open_response(o->inputs[0], o->checklist, false,
	    &m->cl, &m->in[0].r);
	m->n = status == TUI_EXIT_OK ? 1 : 0;
	for (i = 1; status == TUI_EXIT_OK && i < o->ninputs; i++) {
		status = tui_merge_load(m->cl, o->inputs[0], o->inputs[i],
		    &m->in[i].r);
		if (status == TUI_EXIT_OK)
			m->n++;
	}
	for (i = 0; i < m->n; i++) {
		tui_merge_time(o->inputs[i], m->times[i], sizeof m->times[i]);
		m->in[i].file = tui_merge_base_name(o->inputs[i]);
		m->in[i].time = m->times[i];
		m->agencies[i] = checklist_response_agency(m->in[i].r);
		m->in[i].agency = m->agencies[i];
	}
	if (status == TUI_EXIT_OK && o->base != NULL)
		status = tui_merge_load(m->cl, o->inputs[0], o->base, &m->base);
	return status;
}

/* "9.1, Status of implementation" for value PATH. Caller frees. */
static char *
tui_merge_where(const struct checklist *cl, const char *path)
{
	char *id = checklist_xmalloc(strlen(path) + 1), *o = id, *s;
	const struct checklist_question *q;
	const char *p;

	for (p = path; *p != '\0'; p++) {
		if (*p == '[')
			while (p[1] != '\0' && *p != ']')
				p++;
		else
			*o++ = *p;
	}
	*o = '\0';
	q = checklist_find_question(cl, id);
	free(id);
	if (q == NULL)
		return checklist_xstrdup("");
	s = checklist_xasprintf("%s, %s", q->group->number != NULL ?
	    q->group->number : _("front"), checklist_text_get(&q->label, NULL,
	    cl->default_lang));
	o = checklist_sanitize(s, false);
	free(s);
	return o;
}

/* Every conflict of R on stderr: where, then each value and who. */
static void
tui_merge_list(struct checklist_response *r)
{
	struct checklist_conflict *c;
	size_t n = checklist_conflicts(r, &c), i, k;

	for (i = 0; i < n; i++) {
		char *where = tui_merge_where(r->cl, c[i].path);
		char *path = checklist_sanitize(c[i].path, false);

		fprintf(stderr, _("sacl: conflict: %s (%s):\n"), path, where);
		for (k = 0; k < c[i].n; k++) {
			const struct checklist_candidate *d = &c[i].cand[k];
			char *v = checklist_escape(d->value);
			char *ot = d->other != NULL ? checklist_escape(d->other)
			    : NULL;
			char *who = checklist_xasprintf("%s, %s, %s",
			    d->agency ? d->agency : _("no agency"),
			    d->file ? d->file : "?", d->time ? d->time : "?");
			char *w = checklist_sanitize(who, false);

			fprintf(stderr, _("  '%s'%s%s%s from %s\n"), v, ot ?
			    _(" (other: '") : "", ot ? ot : "", ot ? "')" : "",
			    w);
			free(v);
			free(ot);
			free(who);
			free(w);
		}
		free(where);
		free(path);
	}
	checklist_conflicts_free(c, n);
}

/* Merge, list, save OUT (its lock held). */
static int
tui_merge_locked(const struct tui_merge_opts *o, int prefer)
{
	struct tui_merge_run m = { 0 };
	struct checklist_response *out = NULL;
	struct checklist_merge_result res = { 0 };
	struct checklist_error err;
	int status = tui_merge_open(o, &m);
	size_t i;

	checklist_error_clear(&err);
	if (status == TUI_EXIT_OK && checklist_merge(m.cl, m.base, m.in,
	    (size_t)m.n, prefer, &out, &res, &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		status = TUI_EXIT_INVALID;
	}
	if (status == TUI_EXIT_OK) {
		checklist_response_set_file(out, o->out);
		for (i = 0; i < res.nnotes; i++)
			tui_cmd_warn(_("note: %s"), res.notes[i]);
		tui_merge_list(out);
		if (checklist_merge_take_files(out, &err) != CHECKLIST_OK ||
		    checklist_response_save(out, o->out, &err) != CHECKLIST_OK) {
			tui_cmd_error(&err);
			status = tui_cmd_exit_for(err.status);
		}
	}
	if (status == TUI_EXIT_OK && res.conflicts > 0) {
		tui_cmd_warn(P_("%s: %d files merged, %zu conflict left to "
		    "settle (sacl fill %s: F7 on each, or merge again with "
		    "--prefer INPUT); it cannot be exported until then",
		    "%s: %d files merged, %zu conflicts left to settle (sacl "
		    "fill %s: F7 on each, or merge again with --prefer INPUT); "
		    "it cannot be exported until then", res.conflicts),
		    o->out, m.n, res.conflicts, o->out);
		status = TUI_EXIT_CONFLICTS;
	} else if (status == TUI_EXIT_OK) {
		tui_cmd_warn(_("%s: %d files merged, no conflict"), o->out,
		    m.n);
	}
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	tui_merge_run_free(&m);
	return status;
}

int
tui_cmd_merge(int argc, char **argv)
{
	struct tui_merge_opts o = { 0 };
	struct checklist_lock *lock = NULL;
	int status, prefer;

	status = tui_merge_options(argc, argv, &o);
	if (status >= 0)
		return status;
	status = tui_merge_check_files(&o, &prefer);
	if (status >= 0)
		return status;
	if ((status = tui_cmd_lock(o.out, &lock)) != TUI_EXIT_OK)
		return status;
	status = tui_merge_locked(&o, prefer);
	checklist_lock_release(lock);
	return status;
}

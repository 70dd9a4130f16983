/*
 * tui_cmd_diff.c: `sacl diff OLD NEW [--format text|csv]`, the answers
 * of two files (responses or packages) compared value by value
 * (checklist_diff_compare): added, changed, removed, with both values
 * and the provision's number. Text goes out through the sanitizer, CSV
 * cells through export_csv_cell (no formula starts). Two checklists, or
 * two versions of one, are compared by question id, and a header line
 * says so. Exit 0 when equal, 1 when they differ, 2 on any error (diff(1)
 * does the same).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "tui/tui_cmd.h"

static const char tui_diff_usage[] =
    "sacl diff OLD NEW [--format text|csv]";

static void
tui_diff_help(void)
{
	printf(_("Usage: %s\n"
	    "Compare the answers of OLD and NEW (each a response file or a\n"
	    "package), question by question: what was added, changed or\n"
	    "removed, with both values and the provision's number.\n\n"
	    "  -f, --format=text|csv  the output (default text)\n"
	    "  -h, --help             show this help and exit\n\n"
	    "Different checklists (or versions) are compared by question id.\n"
	    "Exit: 0 the same answers, 1 they differ, 2 error.\n"),
	    tui_diff_usage);
}

/* The number of the provision holding group GID, "front" for the front
 * section, "-" when no definition knows it. */
static const char *
tui_diff_number(const struct tui_answers *o, const struct tui_answers *n,
    const char *gid)
{
	const struct checklist_group *g = NULL;

	if (n->cl != NULL)
		g = checklist_find_group(n->cl, gid);
	if (g == NULL && o->cl != NULL)
		g = checklist_find_group(o->cl, gid);
	if (g == NULL)
		return "-";
	return g->number != NULL ? g->number : "front";
}

/* The header line when OLD and NEW are not of one checklist version;
 * NULL when they are. Caller frees. */
static char *
tui_diff_note(const struct tui_answers *o, const struct tui_answers *n)
{
	char *oi, *ov, *ni, *nv, *s;

	if (strcmp(o->id, n->id) == 0 && strcmp(o->version, n->version) == 0)
		return NULL;
	oi = checklist_sanitize(o->id, false);
	ov = checklist_sanitize(o->version, false);
	ni = checklist_sanitize(n->id, false);
	nv = checklist_sanitize(n->version, false);
	s = checklist_xasprintf("# different %s: OLD is %s %s, NEW is %s %s; "
	    "compared by question id", strcmp(o->id, n->id) != 0 ?
	    "checklists" : "versions", oi, ov, ni, nv);
	free(oi);
	free(ov);
	free(ni);
	free(nv);
	return s;
}

static void
tui_diff_text(const struct checklist_diff *d, const struct tui_answers *o,
    const struct tui_answers *n)
{
	size_t i, count[3] = { 0, 0, 0 };

	for (i = 0; i < d->n; i++) {
		const struct checklist_diff_item *it = &d->v[i];
		char *p = checklist_sanitize(it->path, false);
		char *ov = checklist_sanitize(it->old_value, false);
		char *nv = checklist_sanitize(it->new_value, false);

		count[it->kind]++;
		printf("%-8s %s %s\n", checklist_diff_kind_name(it->kind),
		    tui_diff_number(o, n, it->group), p);
		if (it->kind != CHECKLIST_DIFF_ADDED)
			printf("  old: %s\n", ov);
		if (it->kind != CHECKLIST_DIFF_REMOVED)
			printf("  new: %s\n", nv);
		free(p);
		free(ov);
		free(nv);
	}
	printf(P_("%zu difference: %zu added, %zu changed, %zu removed\n",
	    "%zu differences: %zu added, %zu changed, %zu removed\n", d->n),
	    d->n, count[CHECKLIST_DIFF_ADDED],
	    count[CHECKLIST_DIFF_CHANGED], count[CHECKLIST_DIFF_REMOVED]);
}

/* One quoted CSV field (the cell rule of export_csv_cell). */
static void
tui_diff_field(const char *text, bool first)
{
	char *cell = export_csv_cell(text, false), *c;

	fputs(first ? "\"" : ",\"", stdout);
	for (c = cell; *c != '\0'; c++) {
		if (*c == '"')
			putchar('"');
		putchar(*c);
	}
	putchar('"');
	free(cell);
}

static void
tui_diff_csv(const struct checklist_diff *d, const struct tui_answers *o,
    const struct tui_answers *n)
{
	size_t i;

	fputs("change,provision,path,old,new\r\n", stdout);
	for (i = 0; i < d->n; i++) {
		const struct checklist_diff_item *it = &d->v[i];

		tui_diff_field(checklist_diff_kind_name(it->kind), true);
		tui_diff_field(tui_diff_number(o, n, it->group), false);
		tui_diff_field(it->path, false);
		tui_diff_field(it->old_value, false);
		tui_diff_field(it->new_value, false);
		fputs("\r\n", stdout);
	}
}

/* Returns -1 to go on, or the exit status; *CSV from --format. */
static int
tui_diff_options(int argc, char **argv, bool *csv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (c == 'h') {
			tui_diff_help();
			return TUI_EXIT_OK;
		}
		if (c != 'f' || (strcmp(optarg, "text") != 0 &&
		    strcmp(optarg, "csv") != 0))
			return tui_cmd_usage(tui_diff_usage);
		*csv = strcmp(optarg, "csv") == 0;
	}
	if (argc - optind != 2)
		return tui_cmd_usage(tui_diff_usage);
	return -1;
}

int
tui_cmd_diff(int argc, char **argv)
{
	struct tui_answers o, n;
	struct checklist_diff d;
	bool csv = false;
	int status = tui_diff_options(argc, argv, &csv);
	char *note;

	if (status >= 0)
		return status;
	if (tui_answers_open(argv[optind], NULL, &o) != TUI_EXIT_OK)
		return TUI_EXIT_USAGE;
	if (tui_answers_open(argv[optind + 1], NULL, &n) != TUI_EXIT_OK) {
		tui_answers_close(&o);
		return TUI_EXIT_USAGE;
	}
	checklist_diff_compare(o.root, n.root, &d);
	note = tui_diff_note(&o, &n);
	if (note != NULL && csv)
		tui_cmd_warn("%s", note + 2);
	else if (note != NULL)
		printf("%s\n", note);
	if (csv)
		tui_diff_csv(&d, &o, &n);
	else
		tui_diff_text(&d, &o, &n);
	status = d.n == 0 ? TUI_EXIT_OK : 1;
	free(note);
	checklist_diff_free(&d);
	tui_answers_close(&o);
	tui_answers_close(&n);
	return status;
}

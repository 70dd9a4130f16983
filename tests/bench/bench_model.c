/*
 * bench_model.c (make bench): the model's share of sacl's speed and
 * memory, for bench_load.sh. For each definition DEF given: the heap
 * that loading it takes per question (glibc mallinfo2, the model and
 * what the loader keeps) and the model's part of one answer change at
 * that size: apply (checklist_response_set), then what the screen asks
 * for afterwards (the state of the page and its article, the whole
 * progress on the status line), the median of ROUNDS changes, CPU time. Prints "DEF QUESTIONS BYTES MS_PER_CHANGE" a line. Not part of make check.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist/checklist.h"

#define ROUNDS 41

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One change and what a redraw asks of the model after it. */
static void
change(struct checklist_response *r, const char *value)
{
	const struct checklist_group *g = checklist_find_group(r->cl, "p5_1");
	struct checklist_progress p;

	if (checklist_response_set(r, "p5_1/status", value, NULL) !=
	    CHECKLIST_OK)
		abort();
	(void)checklist_state_group(r, g);
	(void)checklist_state_group(r, g->parent);
	checklist_progress_all(r, &p);
}

static int
bench(const char *def)
{
	static const char *const values[] = { "partial", "full" };
	struct checklist_error err;
	struct checklist *cl = NULL;
	struct checklist_response *r;
	double t[ROUNDS], t0;
	size_t before, i;

	checklist_error_clear(&err);
	before = mallinfo2().uordblks;
	if (checklist_load_file(def, &cl, &err) != CHECKLIST_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	printf("%s %zu %zu", def, cl->nall, mallinfo2().uordblks - before);
	r = checklist_response_new(cl);
	change(r, "none"); /* the first screen: everything computed once */
	for (i = 0; i < r->cl->npages; i++)
		(void)checklist_state_group(r, r->cl->pages[i]);
	for (i = 0; i < ROUNDS; i++) {
		t0 = now();
		change(r, values[i % 2]);
		t[i] = now() - t0;
	}
	qsort(t, ROUNDS, sizeof *t, cmp);
	printf(" %.4f\n", t[ROUNDS / 2] * 1000);
	checklist_response_free(r);
	checklist_free(cl);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, st = 0;

	for (i = 1; i < argc; i++)
		st |= bench(argv[i]);
	return st;
}

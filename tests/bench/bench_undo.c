/*
 * bench_undo.c (make bench): what the undo history of `sacl fill` costs
 * per change. Loads definition DEF and response RESP, keeps a history of
 * TUI_UNDO_DEPTH (200) steps, then makes N changes of one answer
 * (p5_1/status, alternating), each noted as the terminal interface
 * notes it (checklist_undo_note after the change). Prints the CPU time
 * of the median change (apply and note), the heap (glibc mallinfo2) and
 * VmRSS the N changes added, and the nodes the history holds. Under
 * callgrind (--toggle-collect=bench_undo_change) it gives the
 * instructions of the changes. Not
 * part of make check.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist/checklist.h"

#define DEPTH 200

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

/* VmRSS of this process, in KiB (0 when unknown). */
static long
rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = 0;

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	if (f != NULL)
		fclose(f);
	return kib;
}

/* One change, noted: what a key that changes an answer asks of the
 * model and its history (callgrind --toggle-collect=bench_undo_change). */
__attribute__((noinline)) static void
bench_undo_change(struct checklist_response *r, struct checklist_undo *u,
    const char *value)
{
	if (checklist_response_set(r, "p5_1/status", value, NULL) !=
	    CHECKLIST_OK)
		abort();
	checklist_undo_note(u);
}

static int
run(struct checklist_response *r, size_t n)
{
	static const char *const values[] = { "partial", "full" };
	struct checklist_undo *u = checklist_undo_new(r, DEPTH);
	double *t = calloc(n + 1, sizeof *t), t0;
	size_t heap = mallinfo2().uordblks, i;
	long rss = rss_kib();

	for (i = 0; i < n; i++) {
		t0 = now();
		bench_undo_change(r, u, values[i % 2]);
		t[i] = now() - t0;
	}
	qsort(t, n, sizeof *t, cmp);
	printf("changes %zu median %.3f ms heap +%zu KiB rss +%ld KiB "
	    "steps %zu held %zu nodes\n", n, n > 0 ? t[n / 2] * 1e3 : 0.0,
	    (mallinfo2().uordblks - heap) / 1024, rss_kib() - rss,
	    checklist_undo_count(u), checklist_undo_held(u));
	for (i = checklist_undo_count(u); i > 0; i--)
		if (!checklist_undo_step(u))
			abort();
	checklist_undo_free(u);
	free(t);
	return 0;
}

int
main(int argc, char **argv)
{
	struct checklist_error err;
	struct checklist *cl = NULL;
	struct checklist_response *r = NULL;
	int rc;

	if (argc != 4) {
		fprintf(stderr, "usage: bench_undo DEF RESPONSE N\n");
		return 2;
	}
	checklist_error_clear(&err);
	if (checklist_load_file(argv[1], &cl, &err) != CHECKLIST_OK ||
	    checklist_response_load(cl, argv[2], &r, &err) != CHECKLIST_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	rc = run(r, (size_t)strtoul(argv[3], NULL, 10));
	checklist_response_free(r);
	checklist_free(cl);
	return rc;
}

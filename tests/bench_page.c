/*
 * bench_page.c: `make bench` for the question page: the cost of a key
 * on a page holding a 200,000-character answer, as a ratio to a key on
 * the same page with short answers, measured in the same run (DESIGN:
 * no timed assertions in `make check`). The keys: Tab and Shift-Tab
 * through the page, typing a word into another text answer and storing
 * it (every store rebuilds and lays out the page), each followed by a
 * full draw, as the application does. Fails (exit 1) when the ratio is
 * over 2 (issue 8's target). Curses runs over /dev/null.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "forms/forms.h"
#include "tests/test_util.h"

#define ROUNDS 300

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
press(struct forms_page *page, wint_t ch, bool iskey)
{
	forms_page_key(page, ch, iskey);
	forms_page_draw(page);
}

/* Seconds for ROUNDS rounds of keys on 1.1 with STEPS as the long text. */
static double
run(struct checklist *cl, WINDOW *win, const char *steps)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct forms_page *page;
	double t0;
	int i;

	checklist_response_set(r, "p1/status", "none", NULL);
	checklist_response_set(r, "p1/steps", steps, NULL);
	page = forms_page_new(r, checklist_find_group(cl, "p1"), win, NULL);
	forms_page_draw(page);
	t0 = now();
	for (i = 0; i < ROUNDS; i++) {
		forms_page_focus(page, "p1/name");
		press(page, L'x', false);       /* starts editing */
		press(page, L'\n', false);      /* stores: rebuild, layout */
		press(page, KEY_BTAB, true);    /* to the long text, above */
		press(page, KEY_BTAB, true);
		press(page, L'\t', false);
		press(page, L'\t', false);
	}
	t0 = now() - t0;
	forms_page_free(page);
	checklist_response_free(r);
	return t0;
}

int
main(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct checklist *cl;
	SCREEN *screen;
	WINDOW *win;
	char *big;
	double shorts, longs, ratio;
	size_t i;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	screen = newterm("xterm", out, in);
	set_term(screen);
	win = newwin(40, 120, 0, 0);
	cl = test_load_fixture("forms-page.xml");
	big = checklist_xmalloc(200001);
	for (i = 0; i < 200000; i++) /* words, spaces, some paragraphs */
		big[i] = i % 997 == 996 ? '\n' : (i % 7 == 6 ? ' ' : 'a');
	big[200000] = '\0';
	shorts = run(cl, win, "Adopt the decree by 2027");
	longs = run(cl, win, big);
	ratio = longs / shorts;
	printf("bench_page: %d rounds: short answers %.3f s, a 200,000-"
	    "character answer %.3f s: ratio %.2f (target <= 2)\n", ROUNDS,
	    shorts, longs, ratio);
	free(big);
	checklist_free(cl);
	delwin(win);
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	return ratio <= 2.0 ? 0 : 1;
}

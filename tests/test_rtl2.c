/*
 * test_rtl2.c: the one layout of a right-to-left text after a head
 * (forms_text_join_rtl): the head kept at the left, the text ending in
 * the last column, cut by display width with a "~" and never inside a
 * character, both sanitised; NULL (the caller's own layout) for a
 * left-to-right text or a head that fills the width. The screens are checked in tmux by
 * tests/e2e_rtl2.sh.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"
#include "tests/test_util.h"

#define AR "\xd9\x84\xd8\xa7" /* two Arabic letters, 2 columns */

static void
check(const char *head, const char *text, int width, const char *want)
{
	char *got = forms_text_join_rtl(head, text, width);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_join(void **state)
{
	(void)state;
	check("> 1. ", AR, 10, "> 1.    " AR);
	check("", AR " 12", 6, " " AR " 12");
	check("> 1. ", AR AR AR, 8, "> 1. " AR "~");  /* cut, then "~" */
	check("> 1. ", AR, 6, "> 1. ~");              /* room for "~" only */
	check("> 1. ", AR, 5, NULL);                  /* the head fills it */
	check("> 1. ", "abc " AR, 20, NULL);          /* left to right */
	check("> 1. ", "", 20, NULL);
	/* a wide character is never cut in half: "~" takes the cell */
	check("x", "\xd9\x84\xe4\xb8\xad", 3, "x\xd9\x84~");
	/* sanitised: a bidi override is shown as its code, not obeyed */
	check("", AR "\xe2\x80\xae", 12, "  " AR "<U+202E>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_rtl.c: what makes a text right to left (forms_text_rtl: its first
 * strong letter), and Up and Down in a right-to-left long text being
 * edited: the caret keeps its column on the screen, each row shifted to
 * end at the box's edge (forms_view_vertical). The drawing itself is
 * checked in tmux by tests/e2e_rtl.sh.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"
#include "tests/test_util.h"

static bool
rtl(const char *s)
{
	return forms_text_rtl(s, strlen(s));
}

static void
test_first_strong_letter(void **state)
{
	(void)state;
	assert_true(rtl("\xd9\x86\xd8\xb9\xd9\x85"));           /* Arabic */
	assert_true(rtl("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"));   /* Hebrew */
	assert_true(rtl("( ) \xd9\x84\xd8\xa7"));     /* marks, then Arabic */
	assert_true(rtl("5.1  \xd9\x84\xd8\xa7 abc"));  /* digits are weak */
	assert_false(rtl("abc \xd9\x84\xd8\xa7"));    /* Latin comes first */
	assert_false(rtl("\xe4\xb8\xad\xe6\x96\x87")); /* Chinese */
	assert_false(rtl(""));
	assert_false(rtl("12 (3) -"));
	/* bytes that are not UTF-8 are skipped, not taken as letters */
	assert_true(rtl("\xff\xfe\xd9\x84"));
	/* only LEN bytes are read */
	assert_false(forms_text_rtl("  \xd9\x84", 2));
	assert_false(forms_text_rtl("\xd9\x84", 1)); /* half a letter */
}

/* Up from CARET in TEXT (a long text, rows of WIDTH cells): the caret's
 * byte offset after it. */
static size_t
up_from(const char *text, size_t caret, int width)
{
	struct forms_buf b;
	size_t at;

	forms_buf_init(&b, text, 4096, true);
	b.caret = caret;
	b.goal = -1;
	assert_true(forms_view_vertical(&b, width, -1));
	at = b.caret;
	forms_buf_free(&b);
	return at;
}

static void
test_up_keeps_screen_column(void **state)
{
	/* two rows: 4 letters, then 2 (2 bytes each), in a box of 10 */
	static const char ar[] = "\xd8\xa7\xd8\xa8\xd8\xac\xd8\xaf\n"
	    "\xd8\xa7\xd8\xa8";
	size_t end = sizeof ar - 1, second = 9;

	(void)state;
	/* right-aligned: row 1 at columns 6-9, row 2 at 8-9 */
	assert_int_equal(up_from(ar, end, 10), 8);        /* column 10 */
	assert_int_equal(up_from(ar, second, 10), 4);     /* column 8 */
	/* left to right, unchanged: the same offset from the left */
	assert_int_equal(up_from("abcd\nab", 7, 10), 2);
	assert_int_equal(up_from("abcd\nab", 5, 10), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_strong_letter),
		cmocka_unit_test(test_up_keeps_screen_column),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

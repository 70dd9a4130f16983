/*
 * test_value.c: the one check of a value against its question's type,
 * and the normal forms values are stored in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/test_util.h"

#define cl test_mini

static bool
ok(const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	return checklist_value_check(checklist_find_question(cl, path), value,
	    &err) == CHECKLIST_OK;
}

static void
test_types(void **state)
{
	(void)state;
	assert_true(ok("p1_1/ta", "yes"));
	assert_false(ok("p1_1/ta", "maybe"));
	assert_true(ok("p1_1/status", "partial"));
	assert_false(ok("p1_1/status", "partial full"));
	assert_false(ok("p1_1/status", "other")); /* no other="true" */
	assert_true(ok("p1_1/ta_forms", "drafting advice other"));
	assert_false(ok("p1_1/ta_forms", "drafting bribes"));
	assert_true(ok("front/staff", "-12"));
	assert_false(ok("front/staff", "12a"));
	assert_false(ok("front/staff", "99999999999999999999999"));
	assert_true(ok("p2_1/ratio", "3.25"));
	assert_false(ok("p2_1/ratio", "3.2.5"));
	assert_false(ok("p2_1/ratio", "."));
	assert_true(ok("p1_1/since", "2024-02-29"));
	assert_false(ok("p1_1/since", "2023-02-29"));
	assert_false(ok("p1_1/since", "2023-13-01"));
	assert_false(ok("p1_1/since", "24-01-01"));
	assert_true(ok("front/state", "Ghana"));
	assert_false(ok("front/state", "two\nlines"));
	assert_false(ok("front/state", "esc\x1b"));
	assert_false(ok("front/state", "bad\xff utf8"));
	assert_true(ok("p1_1/steps", "two\nlines"));
	assert_true(ok("p1_1/status", "")); /* no answer is always valid */
}

static void
test_message(void **state)
{
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_value_check(checklist_find_question(cl,
	    "p1_1/since"), "31/12/2020", &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message,
	    "'31/12/2020' is not a date of the form YYYY-MM-DD");
}

/* The message checklist_value_check gives VALUE for the date p1_1/since. */
static void
check_date_message(const char *value, const char *want)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(checklist_value_check(checklist_find_question(cl,
	    "p1_1/since"), value, &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, want);
}

/* A date says what is wrong with it; "not of the form" only when the
 * shape is wrong. */
static void
test_date_messages(void **state)
{
	(void)state;
	check_date_message("2018-13-45",
	    "'2018-13-45': month 13 is not between 01 and 12");
	check_date_message("2018-00-10",
	    "'2018-00-10': month 00 is not between 01 and 12");
	check_date_message("2018-01-45",
	    "'2018-01-45': day 45: 2018-01 has 31 days");
	check_date_message("2018-04-31",
	    "'2018-04-31': day 31: 2018-04 has 30 days");
	check_date_message("2023-02-29",
	    "'2023-02-29': day 29: 2023-02 has 28 days");
	check_date_message("1900-02-29",
	    "'1900-02-29': day 29: 1900-02 has 28 days");
	check_date_message("2024-02-30",
	    "'2024-02-30': day 30: 2024-02 has 29 days");
	check_date_message("2018-01-00",
	    "'2018-01-00': day 00 is not between 01 and 31");
	check_date_message("0000-01-01", "'0000-01-01': there is no year 0000");
	check_date_message("2018-1-5",
	    "'2018-1-5' is not a date of the form YYYY-MM-DD");
	check_date_message("2018/01/05",
	    "'2018/01/05' is not a date of the form YYYY-MM-DD");
	check_date_message("2018-01-0x",
	    "'2018-01-0x' is not a date of the form YYYY-MM-DD");
	check_date_message(" 018-01-05",
	    "' 018-01-05' is not a date of the form YYYY-MM-DD");
	assert_true(ok("p1_1/since", "2000-02-29"));
	assert_true(ok("p1_1/since", "0001-01-01"));
	assert_true(ok("p1_1/since", "2018-12-31"));
}

static void
check_norm(const char *path, const char *in, const char *want)
{
	char *got = checklist_value_normalize(checklist_find_question(cl, path),
	    in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_normalize(void **state)
{
	(void)state;
	check_norm("p1_1/ta_forms", "other, advice,drafting", "drafting advice other");
	check_norm("p1_1/ta_forms", "advice advice", "advice");
	check_norm("p1_1/ta_forms", "x,advice", "advice x");
	check_norm("p1_1/ta", "Y", "yes");
	check_norm("p1_1/ta", "false", "no");
	check_norm("front/state", "  Ghana ", "Ghana");
	check_norm("p1_1/steps", "  keep\n", "  keep\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_date_messages),
		cmocka_unit_test(test_normalize),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

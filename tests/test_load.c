/*
 * test_load.c: the definition loader. The bundled checklist loads with
 * its expected shape; the small fixture exercises every construct; and
 * every class of error has a fixture whose message and line are checked.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/test_util.h"

struct bad_case {
	const char *file;
	checklist_status status;
	int line;
	const char *message; /* a part of the message */
};

static const struct bad_case bad_cases[] = {
	{ "bad-wellformed.xml", CHECKLIST_ERR_PARSE, 9, "tag mismatch" },
	{ "bad-doctype.xml", CHECKLIST_ERR_PARSE, 2, "DOCTYPE is not allowed" },
	{ "bad-root.xml", CHECKLIST_ERR_SCHEMA, 2, "not a checklist definition" },
	{ "bad-schema.xml", CHECKLIST_ERR_SCHEMA, 6, "'sometimes'" },
	{ "bad-duplicate.xml", CHECKLIST_ERR_SEMANTIC, 10, "duplicate id 'p1'" },
	{ "bad-template.xml", CHECKLIST_ERR_SEMANTIC, 6,
	  "unknown template 'standard'" },
	{ "bad-choices.xml", CHECKLIST_ERR_SEMANTIC, 8,
	  "unknown choice list 'colours'" },
	{ "bad-omit.xml", CHECKLIST_ERR_SEMANTIC, 11, "omits 'z'" },
	{ "bad-xpath.xml", CHECKLIST_ERR_SEMANTIC, 9, "does not compile" },
	{ "bad-unknown-name.xml", CHECKLIST_ERR_SEMANTIC, 9,
	  "'../nosuch' names nothing" },
	{ "bad-function.xml", CHECKLIST_ERR_SEMANTIC, 9,
	  "unknown function 'chosen'" },
	{ "bad-cycle.xml", CHECKLIST_ERR_SEMANTIC, 8, "cycle" },
	{ "bad-default.xml", CHECKLIST_ERR_SEMANTIC, 8,
	  "'maybe' is not one of the choices" },
	{ "bad-lang.xml", CHECKLIST_ERR_SEMANTIC, 6, "language 'fr'" },
	{ "bad-default-lang.xml", CHECKLIST_ERR_SEMANTIC, 2,
	  "default language 'fr'" },
	{ "bad-duplicate-list.xml", CHECKLIST_ERR_SEMANTIC, 5,
	  "duplicate choices id 'c'" },
	{ "bad-choices-twice.xml", CHECKLIST_ERR_SEMANTIC, 11,
	  "both choices=\"c\" and choices of its own" },
};

static void
test_bad_fixtures(void **state)
{
	struct checklist_error err;
	struct checklist *cl;
	size_t i;
	char *path;

	(void)state;
	for (i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad_case *c = &bad_cases[i];

		path = test_fixture(c->file);
		cl = NULL;
		checklist_error_clear(&err);
		print_message("%s\n", c->file);
		assert_int_equal(checklist_load_file(path, &cl, &err), c->status);
		assert_null(cl);
		assert_int_equal(err.line, c->line);
		assert_non_null(strstr(err.message, c->message));
		/* the user sees FILE:LINE: first */
		assert_non_null(strstr(checklist_error_text(&err), c->file));
		free(path);
	}
}

static void
test_missing_file(void **state)
{
	struct checklist_error err;
	struct checklist *cl = NULL;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_file("/nonexistent/x.xml", &cl, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(checklist_error_text(&err),
	    "/nonexistent/x.xml: cannot open"));
	checklist_error_clear(&err);
	assert_int_equal(checklist_load("no-such-checklist", &cl, &err),
	    CHECKLIST_ERR_NOT_FOUND);
}

static void
test_size_cap(void **state)
{
	struct checklist_error err;
	char *buf = NULL, *path = test_fixture("mini.xml");
	size_t len = 0;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(path, 100, &buf, &len, &err),
	    CHECKLIST_ERR_TOO_BIG);
	assert_null(buf);
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(path, 1u << 20, &buf, &len, &err),
	    CHECKLIST_OK);
	assert_true(len > 100);
	assert_int_equal(strlen(buf), len);
	free(buf);
	free(path);
}

static void
test_billion_laughs_refused(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
	    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
	    "<checklist>&lol2;</checklist>\n";
	struct checklist_error err;
	struct checklist *cl = NULL;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(doc, sizeof doc - 1, "lol.xml",
	    &cl, &err), CHECKLIST_ERR_PARSE);
	assert_int_equal(err.line, 2);
	assert_null(cl);
}

static const char *const chapter2_numbers[] = {
	"5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3", "7.1", "7.1(a)",
	"7.1(d)", "7.2", "7.3", "7.4", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6",
	"9.1", "9.1(a)", "9.1(e)", "9.2", "9.2(e)", "9.3", "10", "10(a)",
	"10(b)", "10(c)", "11.1", "11.2", "12.1", "12.2", "12.2(f)", "12.3",
	"12.3(f)", "12.4", "13.1", "13.1(d)", "13.2", "14.1", "14.1(a)",
	"14.1(b)", "14.2", "14.3", "14.3(c)", "14.4", "14.5",
};

static bool
has_number(const struct checklist *cl, const char *number)
{
	size_t i;

	for (i = 0; i < cl->npages; i++)
		if (cl->pages[i]->number != NULL &&
		    strcmp(cl->pages[i]->number, number) == 0)
			return true;
	return false;
}

static void
test_bundled(void **state)
{
	struct checklist *cl = test_load_bundled();
	size_t i;

	(void)state;
	assert_string_equal(cl->id, "uncac-chapter2");
	assert_int_equal(cl->nsections, 10);
	for (i = 0; i < cl->nsections; i++)
		assert_int_equal(atoi(cl->sections[i]->number), (int)i + 5);
	for (i = 0; i < sizeof chapter2_numbers / sizeof *chapter2_numbers; i++) {
		print_message("provision %s\n", chapter2_numbers[i]);
		assert_true(has_number(cl, chapter2_numbers[i]));
	}
	assert_true(checklist_count_provisions(cl) >= 70);
	assert_non_null(cl->front);
	assert_non_null(checklist_find_question(cl, "front/state"));
	assert_non_null(checklist_find_question(cl, "p9_1/status"));
	assert_true(checklist_find_question(cl, "front/state")->nchoices >= 193);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_billion_laughs_refused),
		cmocka_unit_test(test_bundled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_i18n.c: the language a response is filled in (issue 14): set by
 * checklist_response_set_lang (fill --lang, F6), kept in response/@lang
 * through a save, and choosing the rule messages: the question's own
 * <message> in that language, else the model's default message in it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/test_util.h"

static struct checklist_response *
new_response(struct checklist **cl)
{
	struct checklist_response *r;

	*cl = test_load_fixture("i18n.xml");
	r = checklist_response_new(*cl);
	assert_non_null(r);
	return r;
}

/* The language is recorded in the root, once, and serialised. */
static void
test_set_lang_recorded(void **state)
{
	struct checklist *cl;
	struct checklist_response *r = new_response(&cl);
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	assert_string_equal(r->lang, "en");
	assert_true(checklist_response_set_lang(r, "fr"));
	assert_false(checklist_response_set_lang(r, "fr"));
	assert_false(checklist_response_set_lang(r, ""));
	assert_string_equal(r->lang, "fr");
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_serialize(r, &buf, &len, &err),
	    CHECKLIST_OK);
	assert_non_null(strstr(buf, "lang=\"fr\""));
	free(buf);
	checklist_response_free(r);
	checklist_free(cl);
}

/* A rule's message in the response's language. */
static void
test_rule_message_by_lang(void **state)
{
	struct checklist *cl;
	struct checklist_response *r = new_response(&cl);
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "p9_1/received", "2", &err),
	    CHECKLIST_OK);
	assert_int_not_equal(checklist_response_set(r, "p9_1/awarded", "5",
	    &err), CHECKLIST_OK);
	assert_non_null(strstr(err.message, "No more contracts awarded"));
	checklist_response_set_lang(r, "fr");
	checklist_error_clear(&err);
	assert_int_not_equal(checklist_response_set(r, "p9_1/awarded", "5",
	    &err), CHECKLIST_OK);
	assert_non_null(strstr(err.message,
	    "Pas plus de marchés attribués que d'offres reçues."));
	checklist_response_free(r);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_lang_recorded),
		cmocka_unit_test(test_rule_message_by_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

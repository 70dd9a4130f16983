/*
 * test_rules.c: shorthand rules (min, max, min-length, max-length,
 * pattern) judged by checklist_value_check with their default messages
 * in the UN languages and a question's <message> over them, the
 * loader's checks of them (type, bounds, a pattern that does not
 * compile, a default against them, each with its line); roles: found
 * by checklist_role() whatever the ids, inherited from templates, and
 * every misuse refused with its line (issue 9).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/test_util.h"

static struct checklist *rules;

static int
rules_setup(void **state)
{
	(void)state;
	rules = test_load_fixture("rules.xml");
	return 0;
}

static int
rules_teardown(void **state)
{
	(void)state;
	checklist_free(rules);
	return 0;
}

static const struct checklist_question *
question(const char *path)
{
	const struct checklist_question *q = checklist_find_question(rules,
	    path);

	assert_non_null(q);
	return q;
}

/* The message of judging TEXT for PATH in LANG, "" when valid. */
static const char *
judge(const char *path, const char *text, const char *lang)
{
	static struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_value_check_lang(question(path), text, lang, &err) ==
	    CHECKLIST_OK)
		return "";
	assert_int_equal(err.status, CHECKLIST_ERR_VALUE);
	return err.message;
}

static void
test_shorthand_numbers_and_dates(void **state)
{
	(void)state;
	assert_string_equal(question("p52_3/received")->limits.min, "0");
	assert_string_equal(judge("p52_3/received", "0", NULL), "");
	assert_string_equal(judge("p52_3/received", "-1", NULL), "At least 0.");
	assert_string_equal(judge("p52_3/received", "x", NULL),
	    "'x' is not a whole number"); /* the type first */
	assert_string_equal(judge("p52_3/ratio", "1.5", NULL), "");
	assert_string_equal(judge("p52_3/ratio", "-1.5", NULL), "");
	assert_string_equal(judge("p52_3/ratio", "+1.25", NULL), "");
	assert_string_equal(judge("p52_3/ratio", "1.50001", NULL),
	    "At most 1.5.");
	assert_string_equal(judge("p52_3/ratio", "-2", NULL), "At least -1.5.");
	assert_string_equal(judge("p52_3/since", "2000-01-01", NULL), "");
	assert_string_equal(judge("p52_3/since", "1999-12-31", NULL),
	    "Not before 2000-01-01.");
	assert_string_equal(judge("p52_3/since", "2031-01-01", NULL),
	    "Not after 2030-12-31.");
	/* an empty answer is no answer */
	assert_string_equal(judge("p52_3/since", "", NULL), "");
}

static void
test_shorthand_text(void **state)
{
	(void)state;
	/* lengths in characters, not bytes */
	assert_string_equal(judge("p52_3/nick", "Été", NULL), "");
	assert_string_equal(judge("p52_3/nick", "Étés", NULL),
	    "Three letters at most.");
	assert_string_equal(judge("p52_3/code", "A", NULL),
	    "Minimum number of characters: 2.");
	assert_string_equal(judge("p52_3/code", "ABCDE", NULL),
	    "Maximum number of characters: 4.");
	/* XML Schema regular expressions match the whole value */
	assert_string_equal(judge("p52_3/code", "ABC", NULL), "");
	assert_string_equal(judge("p52_3/code", "ABc", NULL),
	    "The answer is not in the expected form.");
	assert_string_equal(judge("intro/mail", "a@b.org", NULL), "");
	assert_string_equal(judge("intro/mail", "a@b", NULL),
	    "The answer is not in the expected form.");
	assert_string_equal(judge("intro/mail", "x a@b.org", NULL),
	    "The answer is not in the expected form.");
}

static void
test_shorthand_languages(void **state)
{
	(void)state;
	assert_string_equal(judge("p52_3/received", "-1", "fr"), "Au moins 0.");
	assert_string_equal(judge("p52_3/received", "-1", "fr-CA"),
	    "Au moins 0.");
	assert_string_equal(judge("p52_3/received", "-1", "es"),
	    "Como mínimo 0.");
	assert_string_equal(judge("p52_3/received", "-1", "ru"),
	    "Не меньше 0.");
	assert_string_equal(judge("p52_3/received", "-1", "ar"),
	    "لا يقل عن 0.");
	assert_string_equal(judge("p52_3/received", "-1", "zh"),
	    "不得小于0。");
	assert_string_equal(judge("p52_3/received", "-1", "de"),
	    "At least 0."); /* none in the program: English */
	assert_string_equal(judge("p52_3/since", "2031-01-01", "fr"),
	    "Pas après le 2030-12-31.");
	assert_string_equal(judge("p52_3/code", "A", "fr"),
	    "Nombre minimal de caractères\u00a0: 2.");
	/* the question's <message>, in the language asked */
	assert_string_equal(judge("p52_3/nick", "Étés", "fr"),
	    "Trois lettres au plus.");
}

/* The response judges with its language: set and valid. */
static void
test_shorthand_in_responses(void **state)
{
	struct checklist_response *r = checklist_response_new(rules);
	struct checklist_error err;

	(void)state;
	free(r->lang);
	r->lang = checklist_xstrdup("fr");
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "p52_3/received", "-4",
	    &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, "Au moins 0.");
	assert_string_equal(checklist_response_get(r, "p52_3/received"), "");
	checklist_response_free(r);
}

/* ----------------------------------------------------- the loader */

/* A definition with BODY as its front section's questions. */
static char *
definition(const char *body)
{
	return checklist_xasprintf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" "
	    "version=\"1\" xml:lang=\"en\" languages=\"en\">\n"
	    "<title>T</title>\n"
	    "<template id=\"tp\">\n"
	    "<question id=\"s\" type=\"single\" role=\"status\"><label>S</label>"
	    "<choice value=\"a\"><label>A</label></choice></question>\n"
	    "</template>\n"
	    "<front id=\"f\"><title>F</title>\n"
	    "%s\n"
	    "</front>\n"
	    "<section id=\"s1\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"p1\" number=\"1.1\" level=\"mandatory\" "
	    "template=\"tp\"><title>P</title>\n"
	    "<question id=\"n\" type=\"integer\"><label>N</label></question>\n"
	    "</provision>\n"
	    "</section>\n"
	    "</checklist>\n", body);
}

/* Loading BODY fails at LINE with a message holding WANT. */
static void
refused(const char *body, int line, const char *want)
{
	char *xml = definition(body);
	struct checklist *cl = NULL;
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_not_equal(checklist_load_memory(xml, strlen(xml), "t.xml",
	    &cl, &err), CHECKLIST_OK);
	assert_null(cl);
	if (strstr(err.message, want) == NULL || err.line != line)
		fail_msg("want line %d '%s', got %s", line, want,
		    checklist_error_text(&err));
	free(xml);
}

#define Q(attrs) "<question id=\"q\" " attrs "><label>Q</label></question>"

static void
test_shorthand_refused_at_load(void **state)
{
	(void)state;
	refused(Q("type=\"text\" pattern=\"[A-\""), 8,
	    "question 'q': pattern=\"[A-\" is not an XML Schema regular "
	    "expression");
	refused(Q("type=\"text\" min=\"1\""), 8,
	    "min applies to integer, decimal and date questions only");
	refused(Q("type=\"integer\" max-length=\"3\""), 8,
	    "max-length applies to text and longtext questions only");
	refused(Q("type=\"boolean\" pattern=\"yes\""), 8,
	    "pattern applies to");
	refused(Q("type=\"integer\" min=\"one\""), 8,
	    "question 'q': min=\"one\" is not valid: 'one' is not a whole "
	    "number");
	refused(Q("type=\"date\" max=\"2024-02-30\""), 8, "max=\"2024-02-30\"");
	refused(Q("type=\"decimal\" min=\"2\" max=\"1.5\""), 8,
	    "min is more than max");
	refused(Q("type=\"text\" min-length=\"5\" max-length=\"4\""), 8,
	    "min-length is more than max-length");
	refused(Q("type=\"text\" pattern=\"[a-z]+\" default=\"ABC\""), 8,
	    "the default is not valid: The answer is not in the expected form.");
	refused(Q("type=\"text\" min-length=\"0\""), 8, "min-length");
}

/* ------------------------------------------------------------ roles */

static void
test_roles_found_whatever_the_ids(void **state)
{
	const struct checklist_group *p52_4 = checklist_find_group(rules,
	    "p52_4");
	const struct checklist_question *q;

	(void)state;
	q = checklist_role(rules, NULL, CHECKLIST_ROLE_STATE);
	assert_non_null(q);
	assert_string_equal(q->path, "intro/country");
	assert_string_equal(q->role, "state");
	q = checklist_role(rules, NULL, CHECKLIST_ROLE_CONTACT_PHONE);
	assert_non_null(q);
	assert_string_equal(q->path, "intro/people/phone_no");
	assert_null(checklist_role(rules, NULL, CHECKLIST_ROLE_FP_PHONE));
	assert_null(checklist_role(rules, NULL, CHECKLIST_ROLE_STATUS));
	/* a template's role is every provision's that uses it */
	q = checklist_role(rules, p52_4, CHECKLIST_ROLE_STATUS);
	assert_non_null(q);
	assert_string_equal(q->path, "p52_4/situation");
	q = checklist_role(rules, checklist_find_group(rules, "p52_3"),
	    CHECKLIST_ROLE_TA_NEEDED);
	assert_non_null(q);
	assert_string_equal(q->path, "p52_3/help_wanted");
	assert_null(checklist_role(rules, p52_4, CHECKLIST_ROLE_STATE));
}

/* A provision's own question replacing a template question keeps its
 * role (it still means the same). */
static void
test_roles_kept_by_replacement(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" "
	    "version=\"1\" xml:lang=\"en\" languages=\"en\">\n"
	    "<title>T</title>\n<template id=\"tp\">\n"
	    "<question id=\"s\" type=\"single\" role=\"status\"><label>S"
	    "</label><choice value=\"a\"><label>A</label></choice></question>\n"
	    "</template>\n"
	    "<section id=\"s1\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"p1\" number=\"1.1\" level=\"mandatory\" "
	    "template=\"tp\"><title>P</title>\n"
	    "<question id=\"s\" type=\"single\"><label>Own</label>"
	    "<choice value=\"b\"><label>B</label></choice></question>\n"
	    "</provision>\n</section>\n</checklist>\n";
	struct checklist *cl = NULL;
	struct checklist_error err;
	const struct checklist_question *q;

	(void)state;
	checklist_error_clear(&err);
	if (checklist_load_memory(doc, sizeof doc - 1, "t.xml", &cl, &err) !=
	    CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	q = checklist_role(cl, checklist_find_group(cl, "p1"),
	    CHECKLIST_ROLE_STATUS);
	assert_non_null(q);
	assert_string_equal(q->path, "p1/s");
	assert_string_equal(q->choices[0].value, "b"); /* the own question */
	checklist_free(cl);
}

/* Every provision of the bundled checklist has the per-provision roles,
 * and its front section the State, the focal point and consent. */
static void
test_roles_bundled(void **state)
{
	struct checklist *cl = test_load_bundled();
	static const char *const roles[] = { "status", "measures", "examples",
	    "good-practice", "good-practice-text", "steps", "timeline",
	    "challenges", "ta-needed", "ta-forms", "ta-received" };
	static const char *const front[] = { "state", "consent",
	    "focal-point-name", "focal-point-email", "contacts",
	    "contact-name", "contact-email" };
	size_t i, k;

	(void)state;
	for (i = 0; i < cl->npages; i++) {
		if (cl->pages[i]->kind != CHECKLIST_G_PROVISION)
			continue;
		for (k = 0; k < sizeof roles / sizeof *roles; k++)
			if (checklist_role(cl, cl->pages[i], roles[k]) == NULL)
				fail_msg("%s has no role %s", cl->pages[i]->id,
				    roles[k]);
	}
	for (k = 0; k < sizeof front / sizeof *front; k++)
		assert_non_null(checklist_role(cl, NULL, front[k]));
	checklist_free(cl);
}

static void
test_roles_refused_at_load(void **state)
{
	(void)state;
	refused(Q("type=\"text\" role=\"country\""), 8,
	    "question 'f/q': role 'country' is not a role");
	refused(Q("type=\"text\" role=\"state\""), 8,
	    "role 'state' needs a question of type single, not text");
	refused(Q("type=\"text\" role=\"focal-point-name\"")
	    "\n<question id=\"r\" type=\"text\" role=\"focal-point-name\">"
	    "<label>R</label></question>", 9,
	    "role 'focal-point-name' is already on 'f/q' (line 8)");
	refused("<question id=\"q\" type=\"single\" role=\"status\">"
	    "<label>Q</label><choice value=\"a\"><label>A</label></choice>"
	    "</question>", 8,
	    "role 'status' belongs on a question of a provision");
	refused("<question id=\"c\" type=\"repeat\"><label>C</label>\n"
	    "<question id=\"n\" type=\"text\" role=\"contact-name\">"
	    "<label>N</label></question></question>", 9,
	    "role 'contact-name' belongs on a question inside the list whose "
	    "role is 'contacts'");
	refused("<question id=\"c\" type=\"repeat\" role=\"contacts\">"
	    "<label>C</label>\n"
	    "<question id=\"n\" type=\"text\" role=\"focal-point-name\">"
	    "<label>N</label></question></question>", 9,
	    "role 'focal-point-name' belongs on a question of the front "
	    "section, not inside a list");
}

/* A provision's own question with the role its template gives. */
static void
test_roles_twice_in_a_provision(void **state)
{
	static const char xml[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" "
	    "version=\"1\" xml:lang=\"en\" languages=\"en\">\n"
	    "<title>T</title>\n"
	    "<template id=\"tp\">\n"
	    "<question id=\"s\" type=\"boolean\" role=\"ta-needed\">"
	    "<label>S</label></question>\n"
	    "</template>\n"
	    "<section id=\"s1\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"p1\" number=\"1.1\" level=\"mandatory\" "
	    "template=\"tp\"><title>P</title>\n"
	    "<question id=\"t\" type=\"boolean\" role=\"ta-needed\">"
	    "<label>T</label></question>\n"
	    "</provision>\n"
	    "</section>\n"
	    "</checklist>\n";
	struct checklist *cl = NULL;
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(xml, strlen(xml), "t.xml", &cl,
	    &err), CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 9);
	assert_non_null(strstr(err.message, "role 'ta-needed' is already on "
	    "'p1/s' (line 5): a role is given once in each provision"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shorthand_numbers_and_dates),
		cmocka_unit_test(test_shorthand_text),
		cmocka_unit_test(test_shorthand_languages),
		cmocka_unit_test(test_shorthand_in_responses),
		cmocka_unit_test(test_shorthand_refused_at_load),
		cmocka_unit_test(test_roles_found_whatever_the_ids),
		cmocka_unit_test(test_roles_kept_by_replacement),
		cmocka_unit_test(test_roles_bundled),
		cmocka_unit_test(test_roles_refused_at_load),
		cmocka_unit_test(test_roles_twice_in_a_provision),
	};

	return cmocka_run_group_tests(tests, rules_setup, rules_teardown);
}

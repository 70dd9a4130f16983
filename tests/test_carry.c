/*
 * test_carry.c: carrying a previous cycle's answers forward (issue 13):
 * matched by question id within the group path across versions, values
 * that no longer fit listed (never dropped silently), the "to review"
 * marks (counted, found, confirmed, dropped by a change), a response
 * with answers refused; and the value-by-value comparison of two
 * responses (sacl diff).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "tests/test_util.h"

#define cl test_mini

/* An older cycle of the mini checklist: version 1, where p1_1 had a
 * question "gone" since, "ta_forms" a choice "training" since renamed,
 * "year" a text, and 1.2 a status moved to another provision. */
static const char old_xml[] =
    "<response checklist=\"mini\" checklist-version=\"1\">"
    "<front><state>Ruritania</state><staff>7</staff></front>"
    "<a1><p1_1><status>partial</status><steps>Draft a law</steps>"
    "<gone>old value</gone>"
    "<laws><entry><title>Act 1</title><year>1999</year></entry>"
    "<entry><title></title><year>many</year></entry>"
    "<entry><title>Act 3</title></entry></laws>"
    "<ta>yes</ta><ta_forms other=\"Peer visits\">training other</ta_forms>"
    "</p1_1></a1>"
    "<a2><p2_1><ok>maybe</ok></p2_1></a2></response>";

static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "old.xml", NULL,
	    XML_PARSE_NONET);

	assert_non_null(doc);
	return doc;
}

/* The reason given for PATH, or NULL when it was not listed. */
static const char *
skipped(const struct checklist_carry *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->nskipped; i++)
		if (strcmp(c->skipped[i].path, path) == 0)
			return c->skipped[i].reason;
	return NULL;
}

static void
test_carry_across_versions(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	xmlDocPtr old = parse(old_xml);
	struct checklist_carry c;
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_carry_apply(r, xmlDocGetRootElement(old),
	    NULL, NULL, &c, &err), CHECKLIST_OK);
	/* matched by id within the group path */
	assert_string_equal(checklist_response_get(r, "front/state"),
	    "Ruritania");
	assert_string_equal(checklist_response_get(r, "front/staff"), "7");
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "partial");
	assert_string_equal(checklist_response_get(r, "p1_1/ta"), "yes");
	/* entries one by one; one whose values all fail is not made */
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 2);
	assert_string_equal(checklist_response_get(r, "p1_1/laws[2]/title"),
	    "Act 3");
	/* what no longer fits is listed with the reason */
	assert_non_null(skipped(&c, "p1_1/gone"));
	assert_non_null(strstr(skipped(&c, "p1_1/gone"), "no such question"));
	assert_non_null(skipped(&c, "p1_1/ta_forms"));
	assert_non_null(strstr(skipped(&c, "p1_1/ta_forms"), "training"));
	assert_non_null(skipped(&c, "p1_1/laws[2]/year"));
	assert_non_null(skipped(&c, "p2_1/ok"));
	assert_null(skipped(&c, "p1_1/status"));
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms"), "");
	assert_string_equal(checklist_response_get(r, "p2_1/ok"), "no");
	/* marks: one per question taken (a repeat once) */
	assert_true(checklist_review_marked(r, "p1_1/status"));
	assert_true(checklist_review_marked(r, "p1_1/laws"));
	assert_false(checklist_review_marked(r, "p1_1/ta_forms"));
	assert_int_equal(c.marked, checklist_review_count(r, NULL));
	checklist_carry_free(&c);
	xmlFreeDoc(old);
	checklist_response_free(r);
}

static void
test_carry_refuses(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	xmlDocPtr old = parse(old_xml);
	xmlDocPtr other = parse("<response checklist=\"maxi\"/>");
	struct checklist_carry c;
	struct checklist_error err;

	(void)state;
	assert_false(checklist_response_has_answers(r)); /* defaults only */
	checklist_error_clear(&err);
	assert_int_equal(checklist_carry_apply(r, xmlDocGetRootElement(other),
	    NULL, NULL, &c, &err), CHECKLIST_ERR_VALUE);
	checklist_carry_free(&c);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "p1_1/status", "none", &err),
	    CHECKLIST_OK);
	assert_true(checklist_response_has_answers(r));
	assert_int_equal(checklist_carry_apply(r, xmlDocGetRootElement(old),
	    NULL, NULL, &c, &err), CHECKLIST_ERR_VALUE);
	assert_non_null(strstr(err.message, "answers already"));
	assert_string_equal(checklist_response_get(r, "front/state"), "");
	checklist_carry_free(&c);
	xmlFreeDoc(old);
	xmlFreeDoc(other);
	checklist_response_free(r);
}

static void
test_review_marks(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	xmlDocPtr old = parse(old_xml);
	const struct checklist_question *q;
	struct checklist_carry c;
	struct checklist_error err;
	size_t n;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_carry_apply(r, xmlDocGetRootElement(old),
	    NULL, NULL, &c, &err), CHECKLIST_OK);
	n = checklist_review_count(r, NULL);
	assert_true(n >= 5);
	q = checklist_review_next(r, NULL);
	assert_non_null(q);
	assert_string_equal(q->path, "front/state");
	q = checklist_review_next(r, q);
	assert_string_equal(q->path, "front/staff");
	/* confirmed */
	assert_true(checklist_review_confirm(r, "front/state"));
	assert_false(checklist_review_confirm(r, "front/state"));
	assert_int_equal(checklist_review_count(r, NULL), n - 1);
	/* the same value again is no change: the mark stays */
	assert_int_equal(checklist_response_set(r, "p1_1/status", "partial",
	    &err), CHECKLIST_OK);
	assert_true(checklist_review_marked(r, "p1_1/status"));
	/* a change ends it: a value, an entry's value, an entry added */
	assert_int_equal(checklist_response_set(r, "p1_1/status", "none",
	    &err), CHECKLIST_OK);
	assert_false(checklist_review_marked(r, "p1_1/status"));
	assert_int_equal(checklist_response_set(r, "p1_1/laws[1]/title",
	    "Act 1 (2001)", &err), CHECKLIST_OK);
	assert_false(checklist_review_marked(r, "p1_1/laws"));
	assert_int_equal(checklist_review_count(r, NULL), n - 3);
	assert_int_equal(checklist_review_count(r, cl->front), 1);
	checklist_carry_free(&c);
	xmlFreeDoc(old);
	checklist_response_free(r);
}

static void
test_diff(void **state)
{
	xmlDocPtr a = parse("<response checklist=\"mini\"><a1><p1_1>"
	    "<status>partial</status><steps>x</steps><laws><entry><title>A"
	    "</title></entry></laws><ta_forms other=\"t\">other</ta_forms>"
	    "</p1_1></a1></response>");
	xmlDocPtr b = parse("<response checklist=\"mini\"><a1><p1_1>"
	    "<status>full</status><steps/><laws><entry><title>A</title>"
	    "</entry><entry><title>B</title></entry></laws>"
	    "<ta_forms other=\"u\">other</ta_forms></p1_1></a1></response>");
	struct checklist_diff d;

	(void)state;
	checklist_diff_compare(xmlDocGetRootElement(a), xmlDocGetRootElement(b),
	    &d);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.v[0].kind, CHECKLIST_DIFF_CHANGED);
	assert_string_equal(d.v[0].path, "p1_1/status");
	assert_string_equal(d.v[0].group, "p1_1");
	assert_string_equal(d.v[0].old_value, "partial");
	assert_int_equal(d.v[1].kind, CHECKLIST_DIFF_REMOVED);
	assert_string_equal(d.v[1].path, "p1_1/steps");
	assert_int_equal(d.v[2].kind, CHECKLIST_DIFF_ADDED);
	assert_string_equal(d.v[2].path, "p1_1/laws[2]/title");
	assert_string_equal(d.v[3].new_value, "other (other: u)");
	checklist_diff_free(&d);
	checklist_diff_compare(xmlDocGetRootElement(a), xmlDocGetRootElement(a),
	    &d);
	assert_int_equal(d.n, 0);
	checklist_diff_free(&d);
	/* the conflicts a merge leaves are no answers */
	xmlFreeDoc(b);
	b = parse("<response checklist=\"mini\"><a1><p1_1>"
	    "<status>partial</status><steps>x</steps><laws><entry><title>A"
	    "</title></entry></laws><ta_forms other=\"t\">other</ta_forms>"
	    "</p1_1></a1><conflicts><conflict path=\"p1_1/status\">"
	    "<candidate>full</candidate></conflict></conflicts></response>");
	checklist_diff_compare(xmlDocGetRootElement(a), xmlDocGetRootElement(b),
	    &d);
	assert_int_equal(d.n, 0);
	checklist_diff_free(&d);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carry_across_versions),
		cmocka_unit_test(test_carry_refuses),
		cmocka_unit_test(test_review_marks),
		cmocka_unit_test(test_diff),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

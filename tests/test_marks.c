/*
 * test_marks.c: the reader of the workshop marks (checklist_marks.h) on
 * a response written by hand as doc/response-format.md says: a value's
 * marks and provenance, an entry's, a path naming nothing, the file as a
 * contribution, the conflicts and their candidates, counts per group,
 * and a response without marks.
 */
#include "config.h"

#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_marks.h"
#include "tests/test_util.h"

static const char marked[] =
    "<response checklist=\"mini\" checklist-version=\"2\" lang=\"en\" "
    "agency=\"Justice\" scope=\"a1 a2\">"
    "<front><state>X</state><staff>3</staff></front>"
    "<a1><p1_1>"
    "<status conflict=\"yes\" from-agency=\"Justice\" from-file=\"j.xml\" "
    "from-time=\"2026-12-01T10:00:00Z\">partial</status><steps/>"
    "<laws review=\"last-cycle\"><entry from-agency=\"Bank\" "
    "review=\"last-cycle\"><title>Act"
    "</title><year review=\"last-cycle\">2001</year></entry></laws>"
    "<ta review=\"other\">yes</ta><ta_forms/><since/></p1_1>"
    "<p1_2><status/><steps/><ta/><ta_forms/><p1_2a><status/><steps/>"
    "<laws/><ta/><ta_forms/></p1_2a></p1_2></a1>"
    "<a2><p2_1><ratio/><ok>no</ok><why/><advice/></p2_1></a2>"
    "<conflicts><conflict path=\"p1_1/status\">"
    "<candidate from-agency=\"Justice\" from-file=\"j.xml\">partial"
    "</candidate><candidate from-agency=\"Bank\" other=\"o\">full"
    "</candidate></conflict><conflict>no path</conflict></conflicts>"
    "</response>";

static struct checklist_response *
test_marks_parse(const char *xml)
{
	struct checklist_response *r = NULL;
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(test_mini, xml, strlen(xml),
	    "marks.xml", &r, &err), CHECKLIST_OK);
	return r;
}

static void
test_marks_value(void **state)
{
	struct checklist_response *r = test_marks_parse(marked);
	struct checklist_marks m;

	(void)state;
	assert_true(checklist_marks_get(r, "p1_1/status", &m));
	assert_true(m.conflict);
	assert_false(m.review);
	assert_string_equal(m.agency, "Justice");
	assert_string_equal(m.file, "j.xml");
	assert_string_equal(m.time, "2026-12-01T10:00:00Z");
	/* the mark is on a page question's element (a repeat's), not
	 * inside it (doc/response-format.md) */
	assert_true(checklist_marks_get(r, "p1_1/laws", &m));
	assert_true(m.review);
	assert_true(checklist_marks_get(r, "p1_1/laws[1]/year", &m));
	assert_false(m.review);
	assert_null(m.agency);
	/* review="other" is not the mark */
	assert_true(checklist_marks_get(r, "p1_1/ta", &m));
	assert_false(m.review);
	assert_false(checklist_marks_any(&m));
	/* an entry */
	assert_true(checklist_marks_get(r, "p1_1/laws[1]", &m));
	assert_false(m.review);
	assert_string_equal(m.agency, "Bank");
	/* nothing there */
	assert_false(checklist_marks_get(r, "p1_1/laws[2]", &m));
	assert_false(checklist_marks_get(r, "p1_1/nothing", &m));
	assert_false(checklist_marks_get(r, "p1_1/laws[0]", &m));
	assert_false(checklist_marks_get(r, "p1_1/status[1]", &m));
	assert_false(m.review || m.conflict);
	checklist_response_free(r);
}

static void
test_marks_file(void **state)
{
	struct checklist_response *r = test_marks_parse(marked);
	struct checklist_conflict *c;
	struct checklist_marks_count n;
	size_t k = checklist_conflicts(r, &c);

	(void)state;
	assert_string_equal(checklist_marks_agency(r), "Justice");
	assert_string_equal(checklist_marks_scope(r), "a1 a2");
	assert_int_equal(k, 1); /* the conflict without a path is skipped */
	assert_string_equal(c[0].path, "p1_1/status");
	assert_int_equal(c[0].n, 2);
	assert_string_equal(c[0].cand[0].value, "partial");
	assert_null(c[0].cand[0].other);
	assert_string_equal(c[0].cand[1].value, "full");
	assert_string_equal(c[0].cand[1].other, "o");
	assert_string_equal(c[0].cand[1].agency, "Bank");
	checklist_conflicts_free(c, k);
	checklist_marks_count_group(r, NULL, &n);
	assert_int_equal(n.conflict, 1);
	assert_int_equal(n.review, 1);
	checklist_marks_count_group(r, checklist_find_group(test_mini, "a2"),
	    &n);
	assert_int_equal(n.conflict + n.review, 0);
	checklist_marks_count_group(r, checklist_find_group(test_mini, "p1_1"),
	    &n);
	assert_int_equal(n.review, 1);
	assert_true(checklist_marks_present(r));
	checklist_response_free(r);
}

/* The hint screens ask before counting group by group: a mark deep in
 * the document, or a lone <conflicts> list, is seen (made here as the
 * model's changes are: the change counter moved). */
static void
test_marks_present(void **state)
{
	struct checklist_response *r;
	xmlNodePtr el;
	const struct checklist_question *q;
	bool other;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		r = checklist_response_new(test_mini);
		assert_false(checklist_marks_present(r));
		el = checklist_path_resolve(r, "p1_1/status", true, &q, &other);
		assert_non_null(el);
		xmlSetProp(el, (const xmlChar *)(i == 0 ? "review" : "conflict"),
		    (const xmlChar *)(i == 0 ? "last-cycle" : "yes"));
		r->changes++;
		assert_true(checklist_marks_present(r));
		checklist_response_free(r);
	}
	r = checklist_response_new(test_mini);
	assert_false(checklist_marks_present(r));
	xmlNewChild(xmlDocGetRootElement(r->doc), NULL,
	    (const xmlChar *)"conflicts", NULL);
	r->changes++;
	assert_true(checklist_marks_present(r));
	checklist_response_free(r);
}

/* Five values given to p1_2/status, each noted in U; after each, marks
 * are PRESENT or not. The walks of the document they cost. */
static unsigned long
values_given(struct checklist_response *r, struct checklist_undo *u,
    bool present)
{
	unsigned long walks = checklist_marks_walks;
	int i;

	for (i = 0; i < 5; i++) {
		test_set(r, "p1_2/status", i % 2 ? "full" : "none");
		checklist_undo_note(u);
		assert_int_equal(checklist_marks_present(r), present);
	}
	return checklist_marks_walks - walks;
}

/* What is known of marks is kept between the changes that can only take
 * them away (values given): no walk of the document at each key; what
 * may bring one back (an undo, a carry) is seen. */
static void
test_marks_kept(void **state)
{
	struct checklist_response *r = checklist_response_new(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, 8);
	const struct checklist_question *q;
	bool other;

	(void)state;
	xmlSetProp(checklist_path_resolve(r, "p1_1/status", true, &q, &other),
	    (const xmlChar *)"review", (const xmlChar *)"last-cycle");
	r->changes++;
	checklist_undo_note(u);
	assert_true(checklist_marks_present(r));
	values_given(r, u, true); /* some: asked again after each */
	test_set(r, "p1_1/status", "full"); /* the mark goes with it */
	checklist_undo_note(u);
	assert_false(checklist_marks_present(r));
	assert_int_equal(values_given(r, u, false), 0); /* none: known */
	while (checklist_undo_step(u)) /* back to the mark */
		if (strcmp(checklist_response_get(r, "p1_1/status"), "") == 0)
			break;
	assert_true(checklist_marks_present(r));
	checklist_undo_free(u);
	checklist_response_free(r);
}

static void
test_marks_none(void **state)
{
	struct checklist_response *r = checklist_response_new(test_mini);
	struct checklist_conflict *c;
	struct checklist_marks_count n;
	struct checklist_marks m;

	(void)state;
	assert_null(checklist_marks_agency(r));
	assert_null(checklist_marks_scope(r));
	assert_int_equal(checklist_conflicts(r, &c), 0);
	checklist_conflicts_free(c, 0);
	assert_true(checklist_marks_get(r, "p1_1/status", &m));
	assert_false(checklist_marks_any(&m));
	checklist_marks_count_group(r, NULL, &n);
	assert_int_equal(n.conflict + n.review, 0);
	assert_false(checklist_marks_present(r));
	checklist_response_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_value),
		cmocka_unit_test(test_marks_file),
		cmocka_unit_test(test_marks_present),
		cmocka_unit_test(test_marks_kept),
		cmocka_unit_test(test_marks_none),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

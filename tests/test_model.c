/*
 * test_model.c: what the loader builds from the small fixture: template
 * expansion (copies, in-place overrides, omissions, additions), nested
 * items, paths, reading order, levels and themes, and texts in several
 * languages with their fallback; the look-up indexes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/test_util.h"

static const char *
qid(const struct checklist_group *g, size_t i)
{
	assert_true(i < g->nquestions);
	return g->questions[i]->id;
}

static void
test_template_expansion(void **state)
{
	struct checklist *cl = test_load_fixture("mini.xml");
	struct checklist_group *p11 = checklist_find_group(cl, "p1_1");
	struct checklist_group *p12 = checklist_find_group(cl, "p1_2");
	struct checklist_group *p21 = checklist_find_group(cl, "p2_1");

	(void)state;
	assert_non_null(p11);
	/* the template's five, then the provision's own addition */
	assert_int_equal(p11->nquestions, 6);
	assert_string_equal(qid(p11, 0), "status");
	assert_string_equal(qid(p11, 2), "laws");
	assert_string_equal(qid(p11, 5), "since");
	/* omit removes 'laws'; 'steps' is replaced in place, as text */
	assert_int_equal(p12->nquestions, 4);
	assert_string_equal(qid(p12, 1), "steps");
	assert_int_equal(p12->questions[1]->type, CHECKLIST_Q_TEXT);
	assert_string_equal(p12->questions[1]->relevant, "../status = 'none'");
	assert_string_equal(qid(p12, 2), "ta");
	/* no template: only its own */
	assert_int_equal(p21->nquestions, 4);
	/* copies are independent: choices resolved for each */
	assert_int_equal(p11->questions[0]->nchoices, 3);
	assert_true(p11->questions[0] != p12->questions[0]);
	checklist_free(cl);
}

static void
test_structure(void **state)
{
	struct checklist *cl = test_load_fixture("mini.xml");
	struct checklist_group *item = checklist_find_group(cl, "p1_2a");
	struct checklist_question *year;

	(void)state;
	assert_int_equal(cl->nsections, 2);
	assert_int_equal(cl->npages, 5); /* front, 1.1, 1.2, 1.2(a), 2.1 */
	assert_ptr_equal(cl->pages[0], cl->front);
	assert_ptr_equal(cl->pages[3], item);
	assert_int_equal(item->depth, 2);
	assert_string_equal(item->parent->id, "p1_2");
	assert_int_equal(checklist_count_provisions(cl), 4);
	assert_int_equal(cl->nall, 25);
	year = checklist_find_question(cl, "p1_1/laws/year");
	assert_non_null(year);
	assert_string_equal(year->parent->id, "laws");
	assert_ptr_equal(year->group, checklist_find_group(cl, "p1_1"));
	assert_int_equal(checklist_find_group(cl, "p2_1")->level,
	    CHECKLIST_LEVEL_CONSIDER);
	assert_string_equal(checklist_find_group(cl, "p1_2")->theme, "bodies");
	assert_string_equal(checklist_level_name(CHECKLIST_LEVEL_OPTIONAL),
	    "optional");
	assert_null(checklist_find_question(cl, "p1_2/laws"));
	assert_null(checklist_find_group(cl, "nope"));
	checklist_free(cl);
}

static void
test_languages(void **state)
{
	struct checklist *cl = test_load_fixture("mini.xml");
	struct checklist_question *st = checklist_find_question(cl, "p1_1/status");

	(void)state;
	assert_int_equal(cl->nlanguages, 3);
	assert_string_equal(cl->default_lang, "en");
	assert_string_equal(checklist_text_get(&cl->title, "fr", "en"),
	    "Mini liste");
	assert_string_equal(checklist_text_get(&st->label, "zh", "en"),
	    "实施状况");
	/* no French label: the default language */
	assert_string_equal(checklist_text_get(&st->label, "fr", "en"), "Status");
	assert_string_equal(checklist_text_get(&st->choices[0].label, "fr", "en"),
	    "Entièrement");
	assert_string_equal(checklist_text_get(&st->hint, NULL, NULL), "Pick one.");
	checklist_free(cl);
}

static void
test_sanitize(void **state)
{
	char *s;

	(void)state;
	s = checklist_sanitize("a\x1b[31mb\xe2\x80\xae" "c\xe4\xb8\xad\xff", false);
	assert_string_equal(s, "a<U+001B>[31mb<U+202E>c\xe4\xb8\xad\xef\xbf\xbd");
	free(s);
	s = checklist_sanitize("one\ntwo\x7f", true);
	assert_string_equal(s, "one\ntwo<U+007F>");
	free(s);
	s = checklist_sanitize("one\ntwo", false);
	assert_string_equal(s, "one<U+000A>two");
	free(s);
}

/* The look-ups through the indexes built at load give what a scan of the
 * model gives, for every question and group of CL; the same with the
 * indexes taken away (the scan a checklist not from the loader uses). */
static void
check_lookups(struct checklist *cl)
{
	void *ix = cl->priv;
	size_t i, j, pass;

	assert_non_null(ix); /* built once, at load */
	for (pass = 0; pass < 2; pass++) {
		cl->priv = pass == 0 ? ix : NULL;
		for (i = 0; i < cl->nall; i++)
			assert_ptr_equal(checklist_find_question(cl,
			    cl->all[i]->path), cl->all[i]);
		for (i = 0; i < cl->npages; i++)
			assert_ptr_equal(checklist_find_group(cl,
			    cl->pages[i]->id), cl->pages[i]);
		for (i = 0; i < cl->nsections; i++) {
			assert_ptr_equal(checklist_find_group(cl,
			    cl->sections[i]->id), cl->sections[i]);
			for (j = 0; j < cl->sections[i]->nchildren; j++)
				assert_ptr_equal(checklist_find_group(cl,
				    cl->sections[i]->children[j]->id),
				    cl->sections[i]->children[j]);
		}
		assert_null(checklist_find_question(cl, "nosuch/question"));
		assert_null(checklist_find_question(cl, ""));
		assert_null(checklist_find_group(cl, "nosuch"));
	}
	cl->priv = ix;
}

static void
test_indexes(void **state)
{
	struct checklist *cl = test_load_bundled();

	(void)state;
	assert_true(cl->nall > 100);
	check_lookups(cl);
	checklist_free(cl);
	cl = test_load_fixture("asset-recovery.xml");
	assert_true(cl->nall > 0);
	check_lookups(cl);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template_expansion),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_indexes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_deps.c: the dependency index (checklist_deps.c) follows every
 * expression, those that read a group's element as a whole
 * (string(..), normalize-space(.) on a group) and those whose reads
 * cannot be told (steps after a filter, the root) included: what each
 * expression reads, and which expressions one change re-evaluates,
 * counted per expression, with the cached progress equal to a fresh
 * computation. Also: a batch (checklist_response_set_all) evaluates
 * each constraint it may have changed once, not every constraint
 * twice; and the "to review" mark has one reader.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_marks.h"
#include "tests/test_util.h"

#define HEAD "<?xml version=\"1.0\"?>\n" \
	"<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" version=\"1\"" \
	" xml:lang=\"en\" languages=\"en\">\n<title>T</title>\n"
#define TEXT(id, attrs) "<question id=\"" id "\" type=\"text\" " attrs \
	"><label>L</label></question>\n"

/* Provision a: a status, a note, a list; provision b reads a as a
 * whole (y), reads anything (z's constraint, steps after a filter) and
 * reads a/status alone (u); provision d is asked when anything in a is
 * answered (its relevance reads a's element); m's relevance reads its
 * own element; front f and provision g are read by nothing but z. */
static const char definition[] = HEAD
    "<front id=\"f\"><title>F</title>" TEXT("x", "") "</front>\n"
    "<section id=\"s\" number=\"1\"><title>S</title>\n"
    "<provision id=\"a\" number=\"1\" level=\"mandatory\"><title>A</title>"
    "<question id=\"status\" type=\"single\"><label>S</label>"
    "<choice value=\"full\"><label>Full</label></choice>"
    "<choice value=\"none\"><label>None</label></choice></question>\n"
    TEXT("note", "")
    "<question id=\"list\" type=\"repeat\"><label>L</label>"
    TEXT("t", "") "</question>\n"
    TEXT("k1", "constraint=\"../status = 'full' or true()\"")
    TEXT("k2", "constraint=\"string-length(string(..)) &lt; 40\"")
    TEXT("k3", "constraint=\"normalize-space(../..) != 'zz'\"")
    TEXT("k4", "constraint=\"count(//t) &gt;= 0\"")
    TEXT("k5", "constraint=\"string(/response) != 'zz'\"")
    TEXT("k6", "constraint=\"count(/response/*) &gt; 0\"")
    TEXT("k7", "constraint=\"(../status | ../note)[../x = '1'] or true()\"")
    TEXT("k8", "constraint=\"count((../status | ../note)/text()) &gt;= 0\"")
    TEXT("k9", "constraint=\"string-length() &lt; 9\"")
    TEXT("k10", "constraint=\"../note/text() != 'zz'\"")
    TEXT("k11", "constraint=\"count(following::text()) &gt;= 0\"")
    TEXT("k12", "constraint=\"count(../list/entry) &gt;= 0\"")
    TEXT("k13", "constraint=\"count(ancestor::*) &gt; 0\"")
    TEXT("k14", "constraint=\"count(..//text()) &gt;= 0\"")
    TEXT("k15", "constraint=\"id('k') or true()\"")
    "</provision>\n"
    "<provision id=\"b\" number=\"2\" level=\"mandatory\"><title>B</title>"
    TEXT("y", "relevant=\"normalize-space(../../a) != ''\"")
    TEXT("z", "constraint=\"count((../../a | ../../g)/*) &gt;= 0\"")
    TEXT("u", "relevant=\"../../a/status = 'full'\"")
    "</provision>\n"
    "<provision id=\"d\" number=\"3\" level=\"mandatory\" "
    "relevant=\"string(../a) != ''\"><title>D</title>" TEXT("w", "")
    "</provision>\n"
    "<provision id=\"m\" number=\"4\" level=\"mandatory\" "
    "relevant=\"normalize-space(.) != 'stop'\"><title>M</title>"
    TEXT("mq", "") "</provision>\n"
    "<provision id=\"g\" number=\"5\" level=\"mandatory\"><title>G</title>"
    TEXT("v", "") "</provision>\n"
    "</section>\n</checklist>\n";

static struct checklist *
load(void)
{
	return test_load_string(definition);
}

static struct checklist_qpriv *
qpriv(struct checklist *cl, const char *path)
{
	struct checklist_question *q = checklist_find_question(cl, path);

	assert_non_null(q);
	return q->priv;
}

static struct checklist_expr *
gexpr(struct checklist *cl, const char *id)
{
	struct checklist_group *g = checklist_find_group(cl, id);

	assert_non_null(g);
	return ((struct checklist_gpriv *)g->priv)->relevant;
}

static void
test_what_expressions_read(void **state)
{
	static const char *const want[][2] = {
		{ "a/k1", "reads=a/status" },
		{ "a/k2", "whole=a" },
		{ "a/k3", "whole=s" },
		{ "a/k4", "reads=a/list/t walks" },
		{ "a/k5", "any" },
		{ "a/k6", "whole=f,s" },
		{ "a/k7", "reads=a/status,a/note any" },
		{ "a/k8", "reads=a/status,a/note any" },
		{ "a/k9", "reads=a/k9" },
		{ "a/k10", "reads=a/note" },
		{ "a/k11", "reads=a/k11 any walks" },
		{ "a/k12", "reads=a/list walks" },
		{ "a/k13", "whole=s,a any" },
		{ "a/k14", "whole=a walks" },
		{ "a/k15", "any" },
		{ "b/z", "whole=a,g any" },
	};
	struct checklist *cl = load();
	char got[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		test_expr_reads(qpriv(cl, want[i][0])->constraint, got,
		    sizeof got);
		if (strcmp(got, want[i][1]) != 0)
			fail_msg("%s: \"%s\", not \"%s\"", want[i][0], got,
			    want[i][1]);
	}
	test_expr_reads(qpriv(cl, "b/y")->relevant, got, sizeof got);
	assert_string_equal(got, "whole=a");
	test_expr_reads(qpriv(cl, "b/u")->relevant, got, sizeof got);
	assert_string_equal(got, "reads=a/status");
	test_expr_reads(gexpr(cl, "d"), got, sizeof got);
	assert_string_equal(got, "whole=a");
	test_expr_reads(gexpr(cl, "m"), got, sizeof got);
	assert_string_equal(got, "whole=m");
	checklist_free(cl);
}

/* Which expressions may walk the entries of a list (checklist_cost.c
 * fills the lists of the worst case only for them): a child step from
 * the list's element, a step down or across (descendant, following);
 * not a step that only selects the list's element, goes up or stays. */
static void
test_what_expressions_walk(void **state)
{
	static const char *const walk[] = { "a/k4", "a/k11", "a/k12",
	    "a/k14" };
	static const char *const stay[] = { "a/k1", "a/k2", "a/k3", "a/k5",
	    "a/k6", "a/k9", "a/k10", "a/k13" };
	struct checklist *cl = load();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof walk / sizeof *walk; i++)
		if (!qpriv(cl, walk[i])->constraint->walks_lists)
			fail_msg("%s does not walk the list", walk[i]);
	for (i = 0; i < sizeof stay / sizeof *stay; i++)
		if (qpriv(cl, stay[i])->constraint->walks_lists)
			fail_msg("%s walks a list", stay[i]);
	assert_false(qpriv(cl, "b/u")->relevant->walks_lists);
	assert_false(gexpr(cl, "d")->walks_lists);
	checklist_free(cl);
}

static unsigned long
revals(struct checklist *cl, const char *path)
{
	return qpriv(cl, path)->relevant->evals;
}

static unsigned long
cevals(struct checklist *cl, const char *path)
{
	return qpriv(cl, path)->constraint->evals;
}

static void
all_states(struct checklist_response *r, struct checklist_progress *p)
{
	size_t i;

	for (i = 0; i < r->cl->npages; i++)
		(void)checklist_state_group(r, r->cl->pages[i]);
	checklist_progress_all(r, p);
}

/* The cached progress is the one computed afresh. */
static void
same_as_fresh(struct checklist_response *r, const struct checklist_progress *p)
{
	struct checklist_progress fresh;
	unsigned long changes = r->changes;

	checklist_pcache_forget(r);
	all_states(r, &fresh);
	assert_memory_equal(p, &fresh, sizeof fresh);
	assert_int_equal(r->changes, changes);
}

/* A condition reading provision a's element as a whole flips when a
 * question inside a changes: the cache must not keep the old result. */
static void
test_group_reader_flips(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	const struct checklist_group *d = checklist_find_group(cl, "d");
	struct checklist_progress p;

	(void)state;
	test_set(r, "b/z", "1"); /* its constraint is evaluated from now on */
	all_states(r, &p);
	assert_int_equal(checklist_state_group(r, d),
	    CHECKLIST_STATE_NOT_RELEVANT);
	test_evals_zero(cl);
	test_set(r, "a/note", "hello");
	all_states(r, &p);
	/* d, asked now, and b/y, relevant now */
	assert_int_not_equal(checklist_state_group(r, d),
	    CHECKLIST_STATE_NOT_RELEVANT);
	assert_true(checklist_response_relevant(r, "b/y"));
	same_as_fresh(r, &p);
	checklist_response_free(r);
	checklist_free(cl);
}

/* Which expressions one change re-evaluates, exactly. */
static void
test_change_reevaluates_readers(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_progress p;

	(void)state;
	test_set(r, "b/z", "1");
	all_states(r, &p);
	/* a question of a: what reads a whole or anything, and the status
	 * readers not (a/note is not the status) */
	test_evals_zero(cl);
	test_set(r, "a/note", "hello");
	all_states(r, &p);
	assert_int_equal(gexpr(cl, "d")->evals, 1);
	assert_int_equal(revals(cl, "b/y"), 1);
	assert_int_equal(cevals(cl, "b/z"), 1);
	assert_int_equal(revals(cl, "b/u"), 0);
	assert_int_equal(gexpr(cl, "m")->evals, 0);
	same_as_fresh(r, &p);
	/* the front: only what reads anything */
	test_evals_zero(cl);
	test_set(r, "f/x", "x");
	all_states(r, &p);
	assert_int_equal(cevals(cl, "b/z"), 1);
	assert_int_equal(gexpr(cl, "d")->evals, 0);
	assert_int_equal(revals(cl, "b/y"), 0);
	assert_int_equal(revals(cl, "b/u"), 0);
	assert_int_equal(gexpr(cl, "m")->evals, 0);
	same_as_fresh(r, &p);
	/* m's own question: m's relevance (it reads its own element) */
	test_evals_zero(cl);
	test_set(r, "m/mq", "stop");
	all_states(r, &p);
	assert_int_equal(gexpr(cl, "m")->evals, 1);
	assert_int_equal(gexpr(cl, "d")->evals, 0);
	assert_int_equal(revals(cl, "b/y"), 0);
	assert_int_equal(checklist_state_group(r, checklist_find_group(cl,
	    "m")), CHECKLIST_STATE_NOT_RELEVANT);
	same_as_fresh(r, &p);
	/* the status: its plain reader too */
	test_evals_zero(cl);
	test_set(r, "a/status", "full");
	all_states(r, &p);
	assert_int_equal(revals(cl, "b/u"), 1);
	assert_int_equal(revals(cl, "b/y"), 1);
	same_as_fresh(r, &p);
	checklist_response_free(r);
	checklist_free(cl);
}

/* After a change, the whole progress counts again the shares of the
 * pages the change may have changed only (it summed every page's). */
static void
test_total_counts_touched_pages(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_progress p;

	(void)state;
	all_states(r, &p);
	assert_true(cl->npages >= 6);
	/* m/mq: page m (its relevance reads its own element), pages a and
	 * b (k5, k7, ... and z's constraint read anything) */
	checklist_progress_shares = 0;
	test_set(r, "m/mq", "x");
	checklist_progress_all(r, &p);
	assert_int_equal(checklist_progress_shares, 3);
	same_as_fresh(r, &p);
	all_states(r, &p);
	/* a/note: page a, page b (y reads a whole, z anything), page d
	 * (its relevance reads a whole) */
	checklist_progress_shares = 0;
	test_set(r, "a/note", "hello");
	checklist_progress_all(r, &p);
	assert_int_equal(checklist_progress_shares, 3);
	assert_int_equal(p.answered, 2);
	same_as_fresh(r, &p);
	/* nothing changed: nothing counted again */
	checklist_progress_shares = 0;
	checklist_progress_all(r, &p);
	assert_int_equal(checklist_progress_shares, 0);
	checklist_response_free(r);
	checklist_free(cl);
}

static const char *const probes[] = { "a/k1", "a/k2", "a/k3", "a/k4",
	"a/k5", "a/k6", "a/k7", "a/k8", "a/k9", "a/k10", "a/k11", "a/k12",
	"a/k13", "a/k14", "a/k15", "b/z" };

static checklist_status
set_all(struct checklist_response *r, const char *path, const char *value,
    struct checklist_error *err)
{
	checklist_error_clear(err);
	return checklist_response_set_all(r, &path, &value, 1, err);
}

/* A batch evaluates the constraints it may have changed, once: those of
 * the values stored and of their readers (a group above them read as a
 * whole, anything); it used to evaluate every constraint twice. */
static void
test_batch_checks_readers_once(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_error err;
	unsigned long want;
	char key[16];
	size_t i;

	(void)state;
	test_set(r, "a/note", "n"); /* for k10 */
	for (i = 0; i < sizeof probes / sizeof *probes; i++)
		test_set(r, probes[i], "1"); /* constraints apply to values */
	test_evals_zero(cl);
	checklist_batch_pages_walked = 0;
	assert_int_equal(set_all(r, "g/v", "x", &err), CHECKLIST_OK);
	/* the pages holding those constraints and the value stored: a, b
	 * and g, not every page */
	assert_int_equal(checklist_batch_pages_walked, 3);
	assert_true(cl->npages > 3);
	/* g/v is read by: s as a whole (k3, k6, k13), anything (k5, k7,
	 * k8, k11, k13, k15, z) */
	for (i = 0; i < sizeof probes / sizeof *probes; i++) {
		snprintf(key, sizeof key, " %s ", probes[i]);
		want = strstr(" a/k3 a/k5 a/k6 a/k7 a/k8 a/k11 a/k13 a/k15 b/z ",
		    key) != NULL;
		if (cevals(cl, probes[i]) != want)
			fail_msg("%s: %lu evaluations, not %lu", probes[i],
			    cevals(cl, probes[i]), want);
	}
	/* a question of a: what reads a (k2, k14: a whole; k1 not) */
	test_evals_zero(cl);
	assert_int_equal(set_all(r, "a/note", "m", &err), CHECKLIST_OK);
	assert_int_equal(cevals(cl, "a/k2"), 1);
	assert_int_equal(cevals(cl, "a/k14"), 1);
	assert_int_equal(cevals(cl, "a/k1"), 0);
	assert_int_equal(cevals(cl, "a/k12"), 0);
	checklist_response_free(r);
	checklist_free(cl);
}

/* A constraint reading a group as a whole, broken by a value stored
 * below the group, refuses the batch (and not when it was broken
 * already). */
static void
test_batch_group_reader_refuses(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_error err;

	(void)state;
	test_set(r, "a/k2", "ok");
	assert_int_equal(set_all(r, "a/note", "a note of more than forty "
	    "characters, surely", &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, "a/k2: the value does not satisfy "
	    "the rule string-length(string(..)) < 40");
	assert_string_equal(checklist_response_get(r, "a/note"), "");
	/* broken by hand first: a batch that does not make it worse passes */
	test_set(r, "a/list[1]/t", "a list entry of more than forty characters");
	assert_int_equal(set_all(r, "a/note", "n", &err), CHECKLIST_OK);
	checklist_response_free(r);
	checklist_free(cl);
}

/* A response with review attributes where the two readers of the mark
 * disagreed: review="yes" (fill showed it, render did not), marks on an
 * entry and on a question inside it (render and the overview counted
 * them, the list and r/F8 did not). */
static const char reviewed[] =
    "<response checklist=\"mini\" checklist-version=\"2\" lang=\"en\">"
    "<front><state>X</state><staff>3</staff></front>"
    "<a1><p1_1><status review=\"yes\">partial</status><steps/>"
    "<laws review=\"last-cycle\"><entry review=\"last-cycle\"><title>Act"
    "</title><year review=\"last-cycle\">2001</year></entry></laws>"
    "<ta review=\"last-cycle\">yes</ta><ta_forms/><since/></p1_1>"
    "<p1_2><status/><steps/><ta/><ta_forms/><p1_2a>"
    "<status review=\"last-cycle\">full</status><steps/>"
    "<laws/><ta/><ta_forms/></p1_2a></p1_2></a1>"
    "<a2><p2_1><ratio/><ok>no</ok><why/><advice/></p2_1></a2>"
    "</response>";

/* Does every reader say the same of PATH? */
static bool
review_at(struct checklist_response *r, const char *path)
{
	struct checklist_marks m;
	bool marked = checklist_review_marked(r, path);

	assert_true(checklist_marks_get(r, path, &m));
	assert_int_equal(m.review, marked);
	return marked;
}

static void
test_review_one_reader(void **state)
{
	struct checklist *mini = test_load_fixture("mini.xml");
	struct checklist_response *r = NULL;
	struct checklist_error err;
	struct checklist_marks_count c;
	struct checklist_marks m;
	const struct checklist_question *q;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(mini, reviewed,
	    strlen(reviewed), "r.xml", &r, &err), CHECKLIST_OK);
	assert_false(review_at(r, "p1_1/status")); /* not "last-cycle" */
	assert_true(review_at(r, "p1_1/laws"));
	assert_true(review_at(r, "p1_1/ta"));
	assert_true(review_at(r, "p1_2a/status"));
	/* inside a repeat: no mark (and no way for r/F8 to reach it) */
	assert_true(checklist_marks_get(r, "p1_1/laws[1]", &m));
	assert_false(m.review);
	assert_true(checklist_marks_get(r, "p1_1/laws[1]/year", &m));
	assert_false(m.review);
	/* the counts of the list, of the overview and render agree */
	checklist_marks_count_group(r, NULL, &c);
	assert_int_equal(checklist_review_count(r, NULL), 3);
	assert_int_equal(c.review, 3);
	checklist_marks_count_group(r, checklist_find_group(mini, "a1"), &c);
	assert_int_equal(c.review, 3);
	checklist_marks_count_group(r, checklist_find_group(mini, "p1_2a"),
	    &c);
	assert_int_equal(c.review, checklist_review_count(r,
	    checklist_find_group(mini, "p1_2a")));
	/* r goes to the marks only; F8 confirms only a mark */
	q = checklist_review_next(r, NULL);
	assert_non_null(q);
	assert_string_equal(q->path, "p1_1/laws");
	assert_string_equal(checklist_review_next(r, q)->path, "p1_1/ta");
	assert_false(checklist_review_confirm(r, "p1_1/status"));
	assert_true(checklist_review_confirm(r, "p1_1/ta"));
	assert_int_equal(checklist_review_count(r, NULL), 2);
	checklist_response_free(r);
	checklist_free(mini);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_what_expressions_read),
		cmocka_unit_test(test_what_expressions_walk),
		cmocka_unit_test(test_group_reader_flips),
		cmocka_unit_test(test_total_counts_touched_pages),
		cmocka_unit_test(test_change_reevaluates_readers),
		cmocka_unit_test(test_batch_checks_readers_once),
		cmocka_unit_test(test_batch_group_reader_refuses),
		cmocka_unit_test(test_review_one_reader),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

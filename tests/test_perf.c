/*
 * test_perf.c: what keeps sacl fast at any size (issue 12), checked on
 * the model: a template's questions are shared by the provisions that
 * ask them (one text, one compiled expression), and one answer change
 * re-evaluates exactly the expressions that read the question changed
 * (the dependency index), counted per expression; a repeat's entries
 * are found by index after removals and moves; opening a response
 * parses it once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

#define HEAD "<?xml version=\"1.0\"?>\n" \
	"<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" version=\"1\"" \
	" xml:lang=\"en\" languages=\"en\">\n<title>T</title>\n"

/* Template "std": a status, steps asked when the status is not "full",
 * a note whose constraint reads the status; provisions a, b, c using
 * it (c with its own note), d relevant when a's status is "full", and
 * a front question x that nothing reads. */
static const char definition[] = HEAD
    "<template id=\"std\">\n"
    "<question id=\"status\" type=\"single\" required=\"true\">"
    "<label>Status</label>"
    "<choice value=\"full\"><label>Full</label></choice>"
    "<choice value=\"none\"><label>None</label></choice></question>\n"
    "<question id=\"steps\" type=\"text\" relevant=\"../status != 'full'\">"
    "<label>Steps</label></question>\n"
    "<question id=\"note\" type=\"text\" constraint=\". = '' or "
    "../status != ''\"><label>Note</label></question>\n"
    "</template>\n"
    "<front id=\"f\"><title>F</title>"
    "<question id=\"x\" type=\"text\"><label>X</label></question>"
    "<question id=\"list\" type=\"repeat\"><label>L</label>"
    "<question id=\"t\" type=\"text\"><label>T</label></question>"
    "</question></front>\n"
    "<section id=\"s\" number=\"1\"><title>S</title>\n"
    "<provision id=\"a\" number=\"1\" level=\"mandatory\" template=\"std\">"
    "<title>A</title></provision>\n"
    "<provision id=\"b\" number=\"2\" level=\"mandatory\" template=\"std\">"
    "<title>B</title></provision>\n"
    "<provision id=\"c\" number=\"3\" level=\"mandatory\" template=\"std\">"
    "<title>C</title><question id=\"note\" type=\"text\">"
    "<label>Own note</label></question></provision>\n"
    "<provision id=\"d\" number=\"4\" level=\"mandatory\" "
    "relevant=\"../a/status = 'full'\"><title>D</title>"
    "<question id=\"y\" type=\"text\"><label>Y</label></question>"
    "</provision>\n"
    "</section>\n</checklist>\n";

static struct checklist *
load(void)
{
	return test_load_string(definition);
}

static struct checklist_question *
q_(struct checklist *cl, const char *path)
{
	struct checklist_question *q = checklist_find_question(cl, path);

	assert_non_null(q);
	return q;
}

static struct checklist_expr *
expr(struct checklist *cl, const char *path, bool constraint)
{
	struct checklist_qpriv *p = q_(cl, path)->priv;

	return constraint ? p->constraint : p->relevant;
}

static void
test_template_shared(void **state)
{
	struct checklist *cl = load();
	struct checklist_question *a = q_(cl, "a/status"),
	    *b = q_(cl, "b/status");

	(void)state;
	/* one text, one choice list, one compiled expression */
	assert_non_null(a->shared);
	assert_ptr_equal(a->shared, b->shared);
	assert_ptr_equal(a->label.str[0], b->label.str[0]);
	assert_ptr_equal(a->choices, b->choices);
	assert_ptr_equal(expr(cl, "a/steps", false)->comp,
	    expr(cl, "b/steps", false)->comp);
	/* each its own path, group and reads */
	assert_string_equal(a->path, "a/status");
	assert_string_equal(b->path, "b/status");
	assert_ptr_equal(expr(cl, "a/steps", false)->reads[0], a);
	assert_ptr_equal(expr(cl, "b/steps", false)->reads[0], b);
	/* a provision's own question is its own */
	assert_null(q_(cl, "c/note")->shared);
	assert_string_equal(checklist_text_get(&q_(cl, "c/note")->label,
	    NULL, "en"), "Own note");
	assert_non_null(q_(cl, "c/status")->shared);
	checklist_free(cl);
}

static unsigned long
gevals(struct checklist *cl, const char *id)
{
	struct checklist_gpriv *g = checklist_find_group(cl, id)->priv;

	return g->relevant->evals;
}

static void
all_states(struct checklist_response *r, struct checklist_progress *p)
{
	size_t i;

	for (i = 0; i < r->cl->npages; i++)
		(void)checklist_state_group(r, r->cl->pages[i]);
	checklist_progress_all(r, p);
}

static void
test_change_reevaluates_dependents(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_progress p, fresh;

	(void)state;
	all_states(r, &p);
	test_evals_zero(cl);
	assert_int_equal(checklist_response_set(r, "a/status", "full", NULL),
	    CHECKLIST_OK);
	all_states(r, &p);
	/* what reads a/status: a's steps and note, d's relevance */
	assert_int_equal(expr(cl, "a/steps", false)->evals, 1);
	assert_int_equal(expr(cl, "a/note", true)->evals, 0); /* empty note */
	assert_int_equal(gevals(cl, "d"), 1);
	/* nothing else */
	assert_int_equal(expr(cl, "b/steps", false)->evals, 0);
	assert_int_equal(expr(cl, "c/steps", false)->evals, 0);
	/* a change that nothing reads: no evaluation at all */
	test_evals_zero(cl);
	assert_int_equal(checklist_response_set(r, "f/x", "hello", NULL),
	    CHECKLIST_OK);
	all_states(r, &p);
	assert_int_equal(expr(cl, "a/steps", false)->evals, 0);
	assert_int_equal(expr(cl, "b/steps", false)->evals, 0);
	assert_int_equal(gevals(cl, "d"), 0);
	/* a note given: its constraint, and nothing else */
	test_evals_zero(cl);
	assert_int_equal(checklist_response_set(r, "a/note", "n", NULL),
	    CHECKLIST_OK);
	test_evals_zero(cl); /* the set itself checks the constraint */
	all_states(r, &p);
	assert_int_equal(expr(cl, "a/note", true)->evals, 1);
	assert_int_equal(expr(cl, "a/steps", false)->evals, 0);
	assert_int_equal(expr(cl, "b/note", true)->evals, 0);
	assert_int_equal(gevals(cl, "d"), 0);
	/* the counts are those of a fresh computation */
	checklist_pcache_forget(r);
	all_states(r, &fresh);
	assert_memory_equal(&p, &fresh, sizeof p);
	assert_int_equal(p.answered, 3);
	assert_int_equal(checklist_state_group(r, checklist_find_group(cl, "d")),
	    CHECKLIST_STATE_NOT_STARTED);
	checklist_response_free(r);
	checklist_free(cl);
}

/* Changes the index cannot follow (entries, undo) start afresh. */
static void
test_other_changes_recompute(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_undo *u = checklist_undo_new(r, 4);
	struct checklist_progress p;

	(void)state;
	all_states(r, &p);
	assert_int_equal(checklist_state_group(r, checklist_find_group(cl, "d")),
	    CHECKLIST_STATE_NOT_RELEVANT);
	assert_int_equal(checklist_response_set(r, "a/status", "full", NULL),
	    CHECKLIST_OK);
	checklist_undo_note(u);
	all_states(r, &p);
	assert_int_equal(checklist_state_group(r, checklist_find_group(cl, "d")),
	    CHECKLIST_STATE_NOT_STARTED);
	assert_true(checklist_undo_step(u));
	all_states(r, &p);
	assert_int_equal(checklist_state_group(r, checklist_find_group(cl, "d")),
	    CHECKLIST_STATE_NOT_RELEVANT);
	assert_int_equal(p.answered, 0);
	checklist_undo_free(u);
	checklist_response_free(r);
	checklist_free(cl);
}

static const char *
entry_value(struct checklist_response *r, size_t k)
{
	char path[64];

	snprintf(path, sizeof path, "f/list[%zu]/t", k);
	return checklist_response_get(r, path);
}

/* Entries found by index stay right, read in any order and after
 * entries are removed or moved (the last one found is remembered). */
static void
test_entries_by_index(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl);
	char path[64], value[32];
	size_t k;

	(void)state;
	for (k = 1; k <= 300; k++) {
		snprintf(path, sizeof path, "f/list[%zu]/t", k);
		snprintf(value, sizeof value, "v%zu", k);
		assert_int_equal(checklist_response_set(r, path, value, NULL),
		    CHECKLIST_OK);
	}
	assert_int_equal(checklist_response_entries(r, "f/list"), 300);
	for (k = 300; k >= 1; k--) {
		snprintf(value, sizeof value, "v%zu", k);
		assert_string_equal(entry_value(r, k), value);
	}
	assert_string_equal(entry_value(r, 200), "v200");
	assert_int_equal(checklist_response_remove_entry(r, "f/list", 100,
	    NULL), CHECKLIST_OK);
	assert_string_equal(entry_value(r, 200), "v201");
	assert_string_equal(entry_value(r, 100), "v101");
	assert_int_equal(checklist_response_move_entry(r, "f/list", 1, 250,
	    NULL), CHECKLIST_OK);
	assert_string_equal(entry_value(r, 250), "v1");
	assert_string_equal(entry_value(r, 1), "v2");
	assert_null(entry_value(r, 300));
	checklist_response_free(r);
	checklist_free(cl);
}

/* Opening a response (peek at the checklist it names, then load it)
 * parses it once; a file changed in between is read as it is now. */
static void
test_open_parses_once(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = checklist_response_new(cl), *back;
	struct checklist_error err;
	char *dir = test_tmpdir(), *file, *id = NULL, *source = NULL;
	unsigned long before;

	(void)state;
	file = checklist_xasprintf("%s/r.xml", dir);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "f/x", "one", NULL),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_save(r, file, &err), CHECKLIST_OK);
	before = checklist_xml_parses;
	assert_int_equal(checklist_response_peek(file, &id, &source, &err),
	    CHECKLIST_OK);
	assert_string_equal(id, "t");
	assert_int_equal(checklist_response_load(cl, file, &back, &err),
	    CHECKLIST_OK);
	assert_int_equal(checklist_xml_parses - before, 1);
	assert_string_equal(checklist_response_get(back, "f/x"), "one");
	checklist_response_free(back);
	free(id);
	free(source);
	/* changed between the peek and the load: the new bytes count */
	assert_int_equal(checklist_response_peek(file, &id, &source, &err),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_set(r, "f/x", "two", NULL),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_save(r, file, &err), CHECKLIST_OK);
	assert_int_equal(checklist_response_load(cl, file, &back, &err),
	    CHECKLIST_OK);
	assert_string_equal(checklist_response_get(back, "f/x"), "two");
	checklist_response_free(back);
	free(id);
	free(source);
	checklist_response_free(r);
	test_rmtree(dir);
	free(dir);
	free(file);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template_shared),
		cmocka_unit_test(test_change_reevaluates_dependents),
		cmocka_unit_test(test_other_changes_recompute),
		cmocka_unit_test(test_entries_by_index),
		cmocka_unit_test(test_open_parses_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

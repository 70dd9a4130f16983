/*
 * test_undo_delta.c: the undo history (checklist_undo.c) keeps per step
 * only what the change touched, and takes every step back exactly.
 * (1) Exactness: hundreds of varied changes through the public model
 * (values, choices with their "other" text, entries added, moved and
 * removed, review marks confirmed, refused values, the language), each
 * noted, then all undone: the serialised document equals, byte for byte
 * but the root's attributes (the file's, kept as they are: see
 * test_root_kept), the one saved after the note before, at each step
 * back; an undo right
 * after a note (the refusal of a change over a cap) too. (2) Cost: N
 * changes of one answer on a large response hold O(N x question), not
 * O(N x document) (checklist_undo_held). (3) What the model cannot
 * localise (a change nobody said where, a conflict settled, a mark on a
 * page's element) is a whole-document step, undone exactly; what
 * changed without a change counted goes with the step before. Also: the
 * progress kept between changes is true after an undo.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_random.h"
#include "tests/test_util.h"

/* R's document serialised, the root's attributes left out (an undo
 * keeps them as they are: they are the file's, not answers). */
static char *
ser(struct checklist_response *r)
{
	char *buf = NULL, *tag, *end;
	size_t len;

	assert_int_equal(checklist_response_serialize(r, &buf, &len, NULL),
	    CHECKLIST_OK);
	tag = strstr(buf, "<response");
	assert_non_null(tag);
	end = strchr(tag, '>');
	assert_non_null(end);
	memmove(tag + 9, end, strlen(end) + 1);
	return buf;
}

/* The nodes of R's document, as checklist_undo_held counts them. */
static size_t
doc_nodes(xmlNodePtr el)
{
	size_t n = 1;
	xmlAttrPtr a;
	xmlNodePtr c;

	for (a = el->type == XML_ELEMENT_NODE ? el->properties : NULL;
	    a != NULL; a = a->next)
		n += 1 + (a->children != NULL);
	for (c = el->children; c != NULL; c = c->next)
		n += doc_nodes(c);
	return n;
}

/* Random changes, each noted; the document after each step kept; then
 * every step undone, each compared with the document before it. */
static void
exact_run(unsigned long s, size_t changes)
{
	struct checklist_response *r = test_marked_response(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, changes + 1);
	char **saved = checklist_xcalloc(changes + 1, sizeof *saved), *now;
	size_t n = 0, i;

	test_random_seed(s);
	saved[n++] = ser(r);
	for (i = 0; i < changes; i++) {
		test_random_change(r);
		checklist_undo_note(u);
		if (checklist_undo_count(u) < n)
			continue; /* nothing counted: no step */
		assert_int_equal(checklist_undo_count(u), n);
		saved[n++] = ser(r);
		if (test_pick(10) == 0) { /* refused by a cap: taken back at once */
			assert_true(checklist_undo_step(u));
			now = ser(r);
			assert_string_equal(now, saved[n - 2]);
			free(now);
			free(saved[--n]);
		}
	}
	assert_true(n > changes / 2);
	/* localised steps: far less than a document each */
	assert_true(checklist_undo_held(u) < (n - 1) *
	    doc_nodes(xmlDocGetRootElement(r->doc)) / 4);
	while (n > 1) {
		assert_true(checklist_undo_step(u));
		now = ser(r);
		assert_string_equal(now, saved[n - 2]);
		free(now);
		free(saved[--n]);
	}
	assert_false(checklist_undo_step(u));
	free(saved[0]);
	free(saved);
	checklist_undo_free(u);
	checklist_response_free(r);
}

static void
test_exact(void **state)
{
	(void)state;
	exact_run(1, 300);
	exact_run(42, 300);
	exact_run(20261202, 300);
}

/* The history keeps only the steps it may: the oldest go first, and what
 * is left is undone exactly. */
static void
test_depth(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, 3);
	char *saved[8], *now;
	size_t i;

	(void)state;
	for (i = 0; i < 8; i++) {
		saved[i] = ser(r);
		test_set(r, "front/state", i % 2 ? "A" : "B");
		assert_int_equal(checklist_response_add_entry(r, "p1_1/laws",
		    NULL, NULL), CHECKLIST_OK);
		checklist_undo_note(u);
	}
	assert_int_equal(checklist_undo_count(u), 3);
	for (i = 7; i >= 5; i--) {
		assert_true(checklist_undo_step(u));
		now = ser(r);
		assert_string_equal(now, saved[i]);
		free(now);
	}
	assert_false(checklist_undo_step(u));
	for (i = 0; i < 8; i++)
		free(saved[i]);
	checklist_undo_free(u);
	checklist_response_free(r);
}

/* N changes of one answer hold N small steps, not N documents. */
static void
test_bounded(void **state)
{
	struct checklist *cl = test_large_checklist(300);
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_undo *u = checklist_undo_new(r, 200);
	size_t whole = doc_nodes(xmlDocGetRootElement(r->doc)), i, held;
	char *first = ser(r), *now;

	(void)state;
	assert_true(whole > 3000);
	for (i = 0; i < 100; i++) {
		test_set(r, "p150/q5", i % 2 ? "yes" : "no");
		checklist_undo_note(u);
	}
	held = checklist_undo_held(u);
	assert_int_equal(checklist_undo_count(u), 100);
	/* one element and its text a step (the first: the element alone) */
	assert_true(held <= 100 * 2);
	assert_true(held < whole);
	while (checklist_undo_step(u))
		;
	assert_int_equal(checklist_undo_held(u), 0);
	now = ser(r);
	assert_string_equal(now, first);
	free(now);
	free(first);
	checklist_undo_free(u);
	checklist_response_free(r);
	checklist_free(cl);
}

/* STEP: one change; it must be a whole-document step, undone exactly. */
static void
whole_step(struct checklist_response *r,
    void (*step)(struct checklist_response *))
{
	struct checklist_undo *u = checklist_undo_new(r, 8);
	char *before, *after, *now;

	test_set(r, "front/state", "before");
	checklist_undo_note(u);
	before = ser(r);
	step(r);
	checklist_undo_note(u);
	after = ser(r);
	assert_string_not_equal(before, after);
	assert_int_equal(checklist_undo_count(u), 2);
	assert_true(checklist_undo_held(u) >=
	    doc_nodes(xmlDocGetRootElement(r->doc)) - 8);
	assert_true(checklist_undo_step(u));
	now = ser(r);
	assert_string_equal(now, before);
	free(now);
	/* and the step before it, localised, still exact */
	assert_true(checklist_undo_step(u));
	assert_string_equal(checklist_response_get(r, "front/state"), "");
	free(before);
	free(after);
	checklist_undo_free(u);
	checklist_response_free(r);
}

/* A change made without the model's word (the counter moved). */
static void
unknown_change(struct checklist_response *r)
{
	xmlNewChild(xmlDocGetRootElement(r->doc), NULL,
	    (const xmlChar *)"note", (const xmlChar *)"x");
	r->changes++;
}

static void
settle(struct checklist_response *r)
{
	assert_int_equal(checklist_conflict_settle(r, "p1_1/status", "full",
	    NULL, NULL, NULL), CHECKLIST_OK);
}

static void
set_page_marked(struct checklist_response *r)
{
	test_set(r, "p1_1/status", "none");
}

static void
test_fallback(void **state)
{
	struct checklist_response *r;
	const struct checklist_question *q;
	bool other;
	xmlNodePtr list, c;

	(void)state;
	whole_step(test_marked_response(test_mini), unknown_change);
	/* a conflict a merge left: settling it removes the root's list */
	r = test_marked_response(test_mini);
	xmlSetProp(checklist_path_resolve(r, "p1_1/status", false, &q, &other),
	    (const xmlChar *)CHECKLIST_ATTR_CONFLICT, (const xmlChar *)"yes");
	list = xmlNewChild(xmlDocGetRootElement(r->doc), NULL,
	    (const xmlChar *)"conflicts", NULL);
	c = xmlNewChild(list, NULL, (const xmlChar *)"conflict", NULL);
	xmlSetProp(c, (const xmlChar *)"path", (const xmlChar *)"p1_1/status");
	xmlNewChild(c, NULL, (const xmlChar *)"candidate",
	    (const xmlChar *)"full");
	xmlNewChild(c, NULL, (const xmlChar *)"candidate",
	    (const xmlChar *)"none");
	whole_step(r, settle);
	/* a mark to review on a page's element, dropped by a change there */
	r = test_marked_response(test_mini);
	xmlSetProp(checklist_group_node(r, checklist_find_group(test_mini,
	    "p1_1")), (const xmlChar *)CHECKLIST_ATTR_REVIEW,
	    (const xmlChar *)"last-cycle");
	whole_step(r, set_page_marked);
}

/* What changed since the last note without a change counted (touched,
 * or not said where) is taken back with the step before it. */
static void
test_uncounted(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, 8);
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el;
	char *before, *now;
	int all;

	(void)state;
	for (all = 0; all < 2; all++) {
		before = ser(r);
		test_set(r, "p1_1/status", all ? "none" : "full");
		checklist_undo_note(u);
		el = checklist_path_resolve(r, "p1_1/ta", false, &q, &other);
		xmlNodeAddContent(el, (const xmlChar *)"yes");
		if (all)
			checklist_touch_all(r);
		else
			checklist_touch(r, q);
		checklist_undo_note(u); /* nothing counted: no step */
		assert_int_equal(checklist_undo_count(u), 1);
		assert_true(checklist_undo_step(u));
		now = ser(r);
		assert_string_equal(now, before);
		free(now);
		free(before);
	}
	checklist_undo_free(u);
	checklist_response_free(r);
}

/* The root's attributes stay as they are through an undo: the language
 * chosen with F6, a contribution's agency recorded after the history
 * began, the revision an export wrote; a counted change of them alone is
 * no step. */
static void
test_root_kept(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, 8);
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	xmlChar *v;

	(void)state;
	checklist_scope_set(r, NULL, "Central Bank");
	test_set(r, "p1_1/status", "full");
	checklist_undo_note(u);
	assert_int_equal(checklist_undo_count(u), 1);
	(void)checklist_response_set_lang(r, "fr");
	xmlSetProp(root, (const xmlChar *)"revision", (const xmlChar *)"3");
	r->changes++; /* counted, the root's attributes alone: no step */
	checklist_undo_note(u);
	assert_int_equal(checklist_undo_count(u), 1);
	assert_true(checklist_undo_step(u));
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "");
	root = xmlDocGetRootElement(r->doc);
	v = xmlGetProp(root, (const xmlChar *)"agency");
	assert_string_equal((const char *)v, "Central Bank");
	xmlFree(v);
	v = xmlGetProp(root, (const xmlChar *)"lang");
	assert_string_equal((const char *)v, "fr");
	xmlFree(v);
	v = xmlGetProp(root, (const xmlChar *)"revision");
	assert_string_equal((const char *)v, "3");
	xmlFree(v);
	assert_false(checklist_undo_step(u));
	/* a whole-document step keeps them too */
	test_set(r, "p1_1/status", "none");
	checklist_touch_all(r);
	checklist_undo_note(u);
	checklist_scope_set(r, NULL, "Justice");
	assert_true(checklist_undo_step(u));
	v = xmlGetProp(xmlDocGetRootElement(r->doc), (const xmlChar *)"agency");
	assert_string_equal((const char *)v, "Justice");
	xmlFree(v);
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "");
	checklist_undo_free(u);
	checklist_response_free(r);
}

/* After an undo, the progress kept between changes is the progress
 * computed afresh. */
static void
test_progress(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	struct checklist_undo *u = checklist_undo_new(r, 8);
	struct checklist_progress kept, fresh;
	const struct checklist_group *g = checklist_find_group(test_mini,
	    "p1_2a");

	(void)state;
	checklist_progress_all(r, &kept);
	test_set(r, "p1_2/status", "full"); /* p1_2a no longer relevant */
	checklist_undo_note(u);
	test_set(r, "p1_1/status", "none");
	checklist_undo_note(u);
	checklist_progress_all(r, &kept);
	assert_int_equal(checklist_state_group(r, g),
	    CHECKLIST_STATE_NOT_RELEVANT);
	assert_true(checklist_undo_step(u));
	assert_true(checklist_undo_step(u));
	checklist_progress_all(r, &kept);
	assert_int_not_equal(checklist_state_group(r, g),
	    CHECKLIST_STATE_NOT_RELEVANT);
	checklist_pcache_forget(r);
	checklist_progress_all(r, &fresh);
	assert_memory_equal(&kept, &fresh, sizeof kept);
	checklist_undo_free(u);
	checklist_response_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_fallback),
		cmocka_unit_test(test_uncounted),
		cmocka_unit_test(test_root_kept),
		cmocka_unit_test(test_progress),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

/*
 * test_pieces.c: a response saved again is serialised from the pieces
 * of its last save (checklist_pieces.c), byte for byte what a whole
 * serialisation writes, at the cost of what changed.
 * (1) Exactness: after every one of hundreds of random changes (values,
 * "other" texts, entries added, moved and removed, review marks, the
 * language), undos, root attributes changed, a change nobody said
 * where, the save's bytes equal libxml2's whole serialisation. (2) Cost:
 * a change of one answer writes one segment again, and makes nothing
 * whole; a response saved once makes no pieces. The elements a save's
 * cap counts are kept with the pieces, true after every save. (3) A response read
 * from a file (its line breaks kept as text, which libxml2 does not
 * indent) and text among a page's elements: exact too. (4) A document
 * with something that looks like a mark keeps whole serialisations,
 * still exact.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_random.h"
#include "tests/test_util.h"

/* Save R (serialise it) and check the bytes against a whole dump. */
static void
save_exact(struct checklist_response *r)
{
	char *saved = NULL, *whole = NULL;
	size_t slen = 0, wlen = 0;

	assert_int_equal(checklist_response_serialize(r, &saved, &slen, NULL),
	    CHECKLIST_OK);
	assert_int_equal(checklist_doc_dump(r->doc, true, &whole, &wlen),
	    CHECKLIST_OK);
	assert_int_equal(slen, wlen);
	assert_int_equal(strlen(saved), slen);
	assert_string_equal(saved, whole);
	/* the elements the save's cap counts: kept with the pieces */
	assert_int_equal(checklist_response_elements(r),
	    checklist_xml_elements(xmlDocGetRootElement(r->doc)));
	free(saved);
	free(whole);
}

/* A change made without the model's word: only right after a save
 * (with nothing else touched since) can it be seen, and it is. */
static void
untold_change(struct checklist_response *r)
{
	xmlNewChild(xmlDocGetRootElement(r->doc), NULL,
	    (const xmlChar *)"note", (const xmlChar *)"untold");
	r->changes++;
}

static void
random_run(struct checklist_response *r, unsigned long seed,
    size_t changes)
{
	struct checklist_undo *u = checklist_undo_new(r, 16);
	unsigned long builds = checklist_pieces_builds;
	unsigned long redone = checklist_pieces_redumped;
	char where[32];
	size_t i;

	test_random_seed(seed);
	save_exact(r);
	for (i = 0; i < changes; i++) {
		switch (test_pick(20)) {
		case 0:
			checklist_undo_step(u);
			break;
		case 1:
			checklist_scope_set(r, NULL, test_pick(2) ? "Ministry" :
			    "Agency");
			break;
		case 2:
			snprintf(where, sizeof where, "p1_%zu/status",
			    test_pick(2) + 1);
			checklist_response_set_resume(r, where);
			break;
		case 3:
			untold_change(r);
			break;
		default:
			test_random_change(r);
		}
		checklist_undo_note(u);
		save_exact(r);
	}
	/* the pieces did the work: a few whole documents, many segments */
	assert_true(checklist_pieces_builds - builds < changes / 4);
	assert_true(checklist_pieces_redumped - redone > changes / 2);
	checklist_undo_free(u);
	checklist_response_free(r);
}

static void
test_exact(void **state)
{
	(void)state;
	random_run(test_marked_response(test_mini), 1, 400);
	random_run(test_marked_response(test_mini), 7, 400);
	random_run(test_marked_response(test_mini), 20261202, 400);
}

/* R saved, and read back as `sacl fill` reads its file. */
static struct checklist_response *
read_back(struct checklist_response *r)
{
	struct checklist_response *back = NULL;
	struct checklist_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(checklist_response_serialize(r, &buf, &len, NULL),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_parse(test_mini, buf, len,
	    "r.xml", &back, &err), CHECKLIST_OK);
	free(buf);
	checklist_response_free(r);
	return back;
}

/* Text between a section's elements: libxml2 indents nothing below
 * it, not even in its pages that hold no text, nor the entries the
 * random changes add to a list there (p1_1/laws). */
static struct checklist_response *
text_in_section(struct checklist_response *r)
{
	const struct checklist_group *g = checklist_find_group(test_mini,
	    "p1_1");
	xmlNodePtr sec = checklist_group_el_under(xmlDocGetRootElement(r->doc),
	    g->parent);

	assert_non_null(sec);
	xmlNodeAddContent(sec, (const xmlChar *)"stray text");
	checklist_touch_all(r);
	return r;
}

static void
test_exact_unindented(void **state)
{
	struct checklist_response *r;

	(void)state;
	r = test_marked_response(test_mini);
	test_set(r, "p1_1/status", "full");
	assert_int_equal(checklist_response_add_entry(r, "p1_1/laws", NULL,
	    NULL), CHECKLIST_OK);
	random_run(read_back(r), 11, 400);
	random_run(text_in_section(test_marked_response(test_mini)), 12, 400);
}

/* One answer changed: one segment written again, nothing whole. */
static void
test_cost(void **state)
{
	struct checklist *cl = test_large_checklist(300);
	struct checklist_response *r = checklist_response_new(cl);
	unsigned long builds, redone;
	char path[32];
	size_t i;

	(void)state;
	builds = checklist_pieces_builds;
	save_exact(r);
	assert_int_equal(checklist_pieces_builds, builds); /* saved once */
	save_exact(r);
	assert_int_equal(checklist_pieces_builds, builds + 1);
	for (i = 0; i < 50; i++) {
		snprintf(path, sizeof path, "p%zu/q%zu", i * 7 % 300, i % 10);
		redone = checklist_pieces_redumped;
		test_set(r, path, i % 2 ? "yes <&> oui" : "нет, 不");
		save_exact(r);
		assert_int_equal(checklist_pieces_redumped, redone + 1);
	}
	/* several answers between two saves, not in document order */
	redone = checklist_pieces_redumped;
	test_set(r, "p200/q9", "last of three");
	test_set(r, "p3/q0", "first of three, a longer value than it was");
	test_set(r, "p150/q4", "");
	test_set(r, "p200/q9", "last of three, again");
	save_exact(r);
	assert_int_equal(checklist_pieces_redumped, redone + 3);
	test_set(r, "p150/q4", "x");
	save_exact(r);
	/* nothing changed: nothing written again */
	redone = checklist_pieces_redumped;
	save_exact(r);
	assert_int_equal(checklist_pieces_redumped, redone);
	/* a change the model could not localise: whole, then pieces again */
	checklist_touch_all(r);
	save_exact(r);
	assert_int_equal(checklist_pieces_builds, builds + 2);
	test_set(r, "p3/q3", "after");
	redone = checklist_pieces_redumped;
	save_exact(r);
	assert_int_equal(checklist_pieces_redumped, redone + 1);
	assert_int_equal(checklist_pieces_builds, builds + 2);
	checklist_response_free(r);
	checklist_free(cl);
}

/* A question's element moved, gone, made again: each said by
 * checklist_touch() alone, each seen. */
static void
test_moved(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	const struct checklist_question *q;
	xmlNodePtr el, page;
	bool other;

	(void)state;
	save_exact(r);
	save_exact(r);
	el = checklist_path_resolve(r, "p1_1/status", false, &q, &other);
	assert_non_null(el);
	page = el->parent;
	xmlUnlinkNode(el);
	xmlAddChild(page, el); /* last of its page now */
	checklist_touch(r, q);
	r->changes++;
	save_exact(r);
	save_exact(r);
	xmlUnlinkNode(el);
	xmlFreeNode(el);
	checklist_touch(r, q);
	r->changes++;
	save_exact(r);
	save_exact(r);
	test_set(r, "p1_1/status", "full"); /* made again, at the end */
	save_exact(r);
	test_set(r, "p1_1/status", "none");
	save_exact(r);
	checklist_response_free(r);
}

/* R, already saved twice, with ODD put in it: its pieces are refused
 * (the whole serialisation is not theirs) and every save is exact. */
static void
refused_run(struct checklist_response *r, void (*odd)(xmlNodePtr root))
{
	unsigned long builds;
	size_t i;

	odd(xmlDocGetRootElement(r->doc));
	checklist_touch_all(r);
	save_exact(r);
	save_exact(r);
	builds = checklist_pieces_builds;
	for (i = 0; i < 20; i++) {
		test_random_change(r);
		save_exact(r);
	}
	assert_int_equal(checklist_pieces_builds, builds); /* not tried again */
	checklist_response_free(r);
}

static void
mark_in_comment(xmlNodePtr root)
{
	xmlAddChild(root, xmlNewComment((const xmlChar *)
	    " <sacl.piece.0/> "));
}

static void
mark_as_element(xmlNodePtr root)
{
	xmlNewChild(root, NULL, (const xmlChar *)"sacl.piece.1", NULL);
}

/* The test aid: a change the model told wrongly (another question
 * touched) makes pieces that differ from the whole; under
 * checklist_save_check that is counted and the whole written. */
static void
test_check(void **state)
{
	struct checklist_response *r = test_marked_response(test_mini);
	const struct checklist_question *q, *other;
	char *saved = NULL, *whole = NULL;
	size_t slen, wlen;
	xmlNodePtr el;
	bool o;

	(void)state;
	save_exact(r);
	save_exact(r);
	el = checklist_path_resolve(r, "p1_2/status", false, &q, &o);
	checklist_path_resolve(r, "p1_1/status", false, &other, &o);
	xmlNodeSetContent(el, (const xmlChar *)"none");
	checklist_touch(r, other); /* told wrongly */
	r->changes++;
	checklist_save_check = true;
	assert_int_equal(checklist_response_serialize(r, &saved, &slen, NULL),
	    CHECKLIST_OK);
	checklist_save_check = false;
	assert_int_equal(checklist_save_mismatches, 1);
	assert_int_equal(checklist_doc_dump(r->doc, true, &whole, &wlen),
	    CHECKLIST_OK);
	assert_string_equal(saved, whole); /* the whole was given */
	checklist_save_mismatches = 0;
	free(saved);
	free(whole);
	checklist_response_free(r);
}

static void
test_refused(void **state)
{
	(void)state;
	test_random_seed(3);
	refused_run(test_marked_response(test_mini), mark_in_comment);
	refused_run(test_marked_response(test_mini), mark_as_element);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_exact_unindented),
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

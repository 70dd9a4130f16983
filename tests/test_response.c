/*
 * test_response.c: the response document: skeleton and defaults, set and
 * get by path, refusals that change nothing, repeat entries, "other"
 * texts, conditions (relative, absolute, on groups, selected()) evaluated
 * against small response documents, progress and states, reading a
 * response back, and rules between answers whatever their order
 * (checklist_response_set_all, issue 9).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

#define cl test_mini

static checklist_status
set(struct checklist_response *r, const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	return checklist_response_set(r, path, value, &err);
}

static void
test_defaults_and_values(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);

	(void)state;
	assert_string_equal(checklist_response_get(r, "front/staff"), "3");
	assert_string_equal(checklist_response_get(r, "p2_1/ok"), "no");
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "");
	assert_null(checklist_response_get(r, "p1_1/nothing"));
	assert_null(checklist_response_get(r, "a1/status")); /* a section */
	assert_int_equal(set(r, "p1_1/status", "partial"), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "partial");
	assert_int_equal(set(r, "p1_1/ta", "y"), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/ta"), "yes");
	assert_int_equal(set(r, "front/state", "A & B <C>"), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "front/state"), "A & B <C>");
	/* refusals change nothing */
	assert_int_equal(set(r, "p1_1/status", "bogus"), CHECKLIST_ERR_VALUE);
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "partial");
	assert_int_equal(set(r, "p9/x", "1"), CHECKLIST_ERR_NOT_FOUND);
	assert_int_equal(set(r, "p1_1/laws", "x"), CHECKLIST_ERR_VALUE);
	assert_int_equal(set(r, "p1_1/status:other", "x"), CHECKLIST_ERR_NOT_FOUND);
	/* clearing */
	assert_int_equal(set(r, "p1_1/status", ""), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "");
	checklist_response_free(r);
}

static void
test_other_text(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);

	(void)state;
	assert_int_equal(set(r, "p1_1/ta_forms", "other,drafting"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/ta_forms:other", "peer review"),
	    CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms"),
	    "drafting other");
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms:other"),
	    "peer review");
	assert_int_equal(set(r, "p1_1/ta_forms:other", "two\nlines"),
	    CHECKLIST_ERR_VALUE);
	checklist_response_free(r);
}

/* Issue 8 item 9: "other" chosen needs its text; unticked, it goes. */
static void
test_other_untick_and_missing(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_group *g = checklist_find_group(cl, "p1_1");
	struct checklist_progress before, p;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/ta", "yes"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting"), CHECKLIST_OK);
	assert_false(checklist_response_other_missing(r, "p1_1/ta_forms"));
	checklist_progress_group(r, g, &before);
	assert_int_equal(before.required, before.required_answered);
	/* ticked without its text: a required answer missing, though the
	 * question is optional */
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting,other"),
	    CHECKLIST_OK);
	assert_true(checklist_response_other_missing(r, "p1_1/ta_forms"));
	checklist_progress_group(r, g, &p);
	assert_int_equal(p.required, before.required + 1);
	assert_int_equal(p.required_answered, before.required_answered);
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_PARTIAL);
	assert_int_equal(set(r, "p1_1/ta_forms:other", "Ghost text"),
	    CHECKLIST_OK);
	assert_false(checklist_response_other_missing(r, "p1_1/ta_forms"));
	checklist_progress_group(r, g, &p);
	assert_int_equal(p.required, before.required);
	assert_int_equal(p.required_answered, before.required_answered);
	/* a refused value changes nothing, the text included */
	assert_int_equal(set(r, "p1_1/ta_forms", "bogus"), CHECKLIST_ERR_VALUE);
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms:other"),
	    "Ghost text");
	/* unticked: the text is gone from the model and the file */
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting"), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms:other"),
	    "");
	assert_int_equal(checklist_response_serialize(r, &buf, &len, NULL),
	    CHECKLIST_OK);
	assert_null(strstr(buf, "Ghost text"));
	free(buf);
	/* ticked again: the text is asked for again */
	assert_int_equal(set(r, "p1_1/ta_forms", "other"), CHECKLIST_OK);
	assert_true(checklist_response_other_missing(r, "p1_1/ta_forms"));
	assert_false(checklist_response_other_missing(r, "p1_1/status"));
	assert_false(checklist_response_other_missing(r, "p1_1/nothing"));
	/* a text for "other" while "other" is not chosen: refused alone,
	 * and in a batch whatever the order, unless "other" comes too */
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/ta_forms:other", "Unseen"),
	    CHECKLIST_ERR_VALUE);
	assert_string_equal(checklist_response_get(r, "p1_1/ta_forms:other"),
	    "");
	{
		const char *paths[] = { "p1_1/ta_forms:other", "p1_1/ta_forms" };
		const char *bad[] = { "Seen", "drafting" };
		const char *good[] = { "Seen", "drafting other" };
		struct checklist_error err;

		checklist_error_clear(&err);
		assert_int_not_equal(checklist_response_set_all(r, paths, bad,
		    2, &err), CHECKLIST_OK);
		assert_non_null(strstr(err.message, "not chosen"));
		assert_string_equal(checklist_response_get(r,
		    "p1_1/ta_forms:other"), "");
		checklist_error_clear(&err);
		assert_int_equal(checklist_response_set_all(r, paths, good, 2,
		    &err), CHECKLIST_OK);
		assert_string_equal(checklist_response_get(r,
		    "p1_1/ta_forms:other"), "Seen");
	}
	checklist_response_free(r);
}

static void
test_entries_and_constraint(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_error err;
	size_t idx = 0;

	(void)state;
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 0);
	/* refused values and unknown questions make no entries */
	assert_int_equal(set(r, "p1_1/laws[3]/year", "1800"), CHECKLIST_ERR_VALUE);
	assert_int_equal(set(r, "p1_1/laws[3]/year", "soon"), CHECKLIST_ERR_VALUE);
	assert_int_equal(set(r, "p1_1/laws[3]/nope", "1"), CHECKLIST_ERR_NOT_FOUND);
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 0);
	assert_int_equal(set(r, "p1_1/laws[2]/title", "Second"), CHECKLIST_OK);
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 2);
	assert_string_equal(checklist_response_get(r, "p1_1/laws[1]/title"), "");
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "p1_1/laws[2]/year", "1800",
	    &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, "A year between 1900 and 2100.");
	assert_string_equal(checklist_response_get(r, "p1_1/laws[2]/year"), "");
	assert_int_equal(set(r, "p1_1/laws[2]/year", "2001"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/laws[1]/title", "First"), CHECKLIST_OK);
	assert_int_equal(checklist_response_add_entry(r, "p1_1/laws", &idx, NULL),
	    CHECKLIST_OK);
	assert_int_equal(idx, 3);
	assert_int_equal(checklist_response_move_entry(r, "p1_1/laws", 1, 3, NULL),
	    CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/laws[1]/title"),
	    "Second");
	assert_string_equal(checklist_response_get(r, "p1_1/laws[3]/title"),
	    "First");
	assert_int_equal(checklist_response_remove_entry(r, "p1_1/laws", 2, NULL),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 2);
	assert_string_equal(checklist_response_get(r, "p1_1/laws[2]/title"),
	    "First");
	assert_int_equal(checklist_response_remove_entry(r, "p1_1/laws", 9, NULL),
	    CHECKLIST_ERR_NOT_FOUND);
	assert_null(checklist_response_get(r, "p1_1/laws[0]/title"));
	/* a typo cannot make a million entries */
	assert_int_equal(set(r, "p1_1/laws[1001]/title", "x"),
	    CHECKLIST_ERR_NOT_FOUND);
	assert_int_equal(checklist_response_entries(r, "p1_1/laws"), 2);
	assert_int_equal(set(r, "p1_1/laws[1000]/title", "Last"), CHECKLIST_OK);
	assert_int_equal(checklist_response_add_entry(r, "p1_1/laws", &idx, NULL),
	    CHECKLIST_ERR_VALUE);
	assert_null(checklist_response_get(r, "p1_1/laws[x]/title"));
	checklist_response_free(r);
}

static void
test_relevance(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_group *item = checklist_find_group(cl, "p1_2a");

	(void)state;
	assert_false(checklist_response_relevant(r, "p1_1/steps"));
	assert_int_equal(set(r, "p1_1/status", "partial"), CHECKLIST_OK);
	assert_true(checklist_response_relevant(r, "p1_1/steps"));
	assert_int_equal(set(r, "p1_1/steps", "Draft a law"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	assert_false(checklist_response_relevant(r, "p1_1/steps"));
	/* kept, though not relevant */
	assert_string_equal(checklist_response_get(r, "p1_1/steps"), "Draft a law");
	/* a group's condition hides its questions */
	assert_true(checklist_response_group_relevant(r, item));
	assert_int_equal(set(r, "p1_2/status", "full"), CHECKLIST_OK);
	assert_false(checklist_response_group_relevant(r, item));
	assert_false(checklist_response_relevant(r, "p1_2a/status"));
	assert_int_equal(checklist_state_group(r, item),
	    CHECKLIST_STATE_NOT_RELEVANT);
	/* absolute paths, and a default taking part */
	assert_false(checklist_response_relevant(r, "p2_1/why"));
	assert_int_equal(set(r, "p1_1/status", "none"), CHECKLIST_OK);
	assert_true(checklist_response_relevant(r, "p2_1/why"));
	assert_int_equal(set(r, "p2_1/ok", "yes"), CHECKLIST_OK);
	assert_false(checklist_response_relevant(r, "p2_1/why"));
	/* selected() */
	assert_false(checklist_response_relevant(r, "p2_1/advice"));
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting advice"), CHECKLIST_OK);
	assert_true(checklist_response_relevant(r, "p2_1/advice"));
	assert_int_equal(set(r, "p1_1/ta_forms", "drafting"), CHECKLIST_OK);
	assert_false(checklist_response_relevant(r, "p2_1/advice"));
	checklist_response_free(r);
}

/* Conditions against a response document read from text. */
static void
test_conditions_on_document(void **state)
{
	static const char doc[] =
	    "<response checklist=\"mini\" checklist-version=\"2\" lang=\"en\">"
	    "<a1><p1_1><status>none</status><ta>yes</ta>"
	    "<ta_forms>advice</ta_forms></p1_1></a1></response>";
	struct checklist_response *r = NULL;
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(cl, doc, sizeof doc - 1,
	    "doc.xml", &r, &err), CHECKLIST_OK);
	assert_true(checklist_response_relevant(r, "p1_1/steps"));
	assert_true(checklist_response_relevant(r, "p1_1/ta_forms"));
	assert_true(checklist_response_relevant(r, "p2_1/advice"));
	assert_true(checklist_response_relevant(r, "p2_1/why")); /* ok: no */
	/* the skeleton was completed: missing elements are there */
	assert_string_equal(checklist_response_get(r, "front/state"), "");
	assert_string_equal(checklist_response_get(r, "p2_1/ok"), "no");
	checklist_response_free(r);
}

static void
test_progress(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_group *g = checklist_find_group(cl, "p1_1");
	struct checklist_progress p;

	(void)state;
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_NOT_STARTED);
	checklist_progress_group(r, g, &p);
	assert_int_equal(p.relevant, 4); /* status, laws, ta, since */
	assert_int_equal(p.required, 2);
	assert_int_equal(p.answered, 0);
	assert_int_equal(set(r, "p1_1/status", "partial"), CHECKLIST_OK);
	checklist_progress_group(r, g, &p);
	assert_int_equal(p.relevant, 5); /* and steps */
	assert_int_equal(p.required_answered, 1);
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_PARTIAL);
	/* every required answer given: complete, optional ones empty */
	assert_int_equal(set(r, "p1_1/ta", "no"), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_COMPLETE);
	assert_int_equal(set(r, "p1_1/steps", "More"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/since", "2020-01-01"), CHECKLIST_OK);
	/* an entry whose required title is missing */
	assert_int_equal(set(r, "p1_1/laws[1]/year", "2020"), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_PARTIAL);
	assert_int_equal(set(r, "p1_1/laws[1]/title", "Act"), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(r, g), CHECKLIST_STATE_COMPLETE);
	/* a section adds up its provisions */
	checklist_progress_group(r, checklist_find_group(cl, "a1"), &p);
	assert_true(p.required > 2);
	checklist_progress_all(r, &p);
	assert_int_equal(p.invalid, 0);
	assert_true(p.answered >= 6);
	checklist_response_free(r);
}

/* An article sums up its provisions: untouched ones never make it
 * INVALID; an answer not valid does, whatever else is given. */
static void
test_states(void **state)
{
	static const char doc[] =
	    "<response checklist=\"mini\" checklist-version=\"2\" lang=\"en\">"
	    "<a1><p1_1><status>full</status><ta>no</ta><laws><entry>"
	    "<title>Act</title><year>1800</year></entry></laws></p1_1></a1>"
	    "</response>";
	struct checklist_response *r = checklist_response_new(cl), *bad = NULL;
	struct checklist_group *a1 = checklist_find_group(cl, "a1");
	struct checklist_group *p12 = checklist_find_group(cl, "p1_2");
	struct checklist_error err;

	(void)state;
	assert_int_equal(checklist_state_group(r, a1),
	    CHECKLIST_STATE_NOT_STARTED);
	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/ta", "no"), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(r,
	    checklist_find_group(cl, "p1_1")), CHECKLIST_STATE_COMPLETE);
	/* 1.2 and 1.2(a) untouched: started, not INVALID */
	assert_int_equal(checklist_state_group(r, p12),
	    CHECKLIST_STATE_NOT_STARTED);
	assert_int_equal(checklist_state_group(r, a1), CHECKLIST_STATE_PARTIAL);
	/* 1.2 complete, 1.2(a) no longer relevant: the article is complete */
	assert_int_equal(set(r, "p1_2/status", "full"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_2/ta", "yes"), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(r,
	    checklist_find_group(cl, "p1_2a")), CHECKLIST_STATE_NOT_RELEVANT);
	assert_int_equal(checklist_state_group(r, a1),
	    CHECKLIST_STATE_COMPLETE);
	checklist_response_free(r);
	/* a year its constraint refuses, read from a file */
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(cl, doc, sizeof doc - 1,
	    "doc.xml", &bad, &err), CHECKLIST_OK);
	assert_int_equal(checklist_state_group(bad,
	    checklist_find_group(cl, "p1_1")), CHECKLIST_STATE_INVALID);
	assert_int_equal(checklist_state_group(bad, a1),
	    CHECKLIST_STATE_INVALID);
	assert_int_equal(checklist_state_group(bad, p12),
	    CHECKLIST_STATE_NOT_STARTED);
	checklist_response_free(bad);
}

static void
test_round_trip_and_refusals(void **state)
{
	struct checklist_response *r = checklist_response_new(cl), *back = NULL;
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(set(r, "p1_1/steps", "line 1\nline 2 & <3>"),
	    CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/laws[1]/title", "Act"), CHECKLIST_OK);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_serialize(r, &buf, &len, &err),
	    CHECKLIST_OK);
	assert_int_equal(checklist_response_parse(cl, buf, len, "r.xml", &back,
	    &err), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(back, "p1_1/steps"),
	    "line 1\nline 2 & <3>");
	assert_string_equal(checklist_response_get(back, "p1_1/laws[1]/title"),
	    "Act");
	checklist_response_free(back);
	back = NULL;
	/* another checklist's response */
	buf[strstr(buf, "checklist=\"mini\"") - buf + 11] = 'M';
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(cl, buf, len, "r.xml", &back,
	    &err), CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "for checklist 'Mini'"));
	/* a torn file */
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(cl, buf, len / 2, "r.xml",
	    &back, &err), CHECKLIST_ERR_DAMAGED);
	assert_true(err.line > 0);
	assert_null(back);
	free(buf);
	checklist_response_free(r);
}

/* R's file with FROM replaced by TO, read back: its status. */
static checklist_status
read_edited(const char *from, const char *to, struct checklist_error *err)
{
	struct checklist_response *r = checklist_response_new(cl), *back = NULL;
	char *buf = NULL, *at, *edited;
	size_t len = 0;
	checklist_status st;

	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/laws[1]/title", "Act"), CHECKLIST_OK);
	assert_int_equal(checklist_response_serialize(r, &buf, &len, NULL),
	    CHECKLIST_OK);
	at = strstr(buf, from);
	assert_non_null(at);
	edited = checklist_xasprintf("%.*s%s%s", (int)(at - buf), buf, to,
	    at + strlen(from));
	checklist_error_clear(err);
	st = checklist_response_parse(cl, edited, strlen(edited), "r.xml",
	    &back, err);
	assert_true((st == CHECKLIST_OK) == (back != NULL));
	checklist_response_free(back);
	checklist_response_free(r);
	free(edited);
	free(buf);
	return st;
}

/* A section, provision or question given twice under one parent is
 * refused, both lines named: every reader takes the first, and another
 * tool could take the second. What the checklist does not know is left
 * alone, and each entry of a list holds its own questions. */
static void
test_given_twice(void **state)
{
	struct checklist_error err;

	(void)state;
	assert_int_equal(read_edited("<status>full</status>",
	    "<status>full</status>\n<status>none</status>", &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "<status> is given twice in "
	    "<p1_1>"));
	assert_int_equal(err.line, 10); /* the second; the first at 9 */
	assert_non_null(strstr(err.message, "first at line 9"));
	/* the second out of the questions' order (found by the index) */
	assert_int_equal(read_edited("<steps/>", "<steps/><status>none</status>",
	    &err), CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "<status> is given twice in "
	    "<p1_1>"));
	assert_int_equal(read_edited("<p1_2>", "<p1_2/><p1_2>", &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "<p1_2> is given twice in <a1>"));
	assert_int_equal(read_edited("<front>", "<front/><front>", &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_int_equal(read_edited("<title>Act</title>",
	    "<title>Act</title><title>Other</title>", &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "<title> is given twice in "
	    "<entry>"));
	/* accepted: two entries, a title each; an unknown element twice;
	 * the same question in two provisions */
	assert_int_equal(read_edited("<entry>",
	    "<entry><title>Two</title></entry><entry>", &err), CHECKLIST_OK);
	assert_int_equal(read_edited("<steps/>", "<steps/><note/><note/>",
	    &err), CHECKLIST_OK);
	assert_int_equal(read_edited("<status>full</status>",
	    "<status>full</status><p1_2a/>", &err), CHECKLIST_OK);
}

/* S with the first FROM replaced by TO (S freed). */
static char *
replaced(char *s, const char *from, const char *to)
{
	char *at = strstr(s, from), *out;

	assert_non_null(at);
	out = checklist_xasprintf("%.*s%s%s", (int)(at - s), s, to,
	    at + strlen(from));
	free(s);
	return out;
}

/* A new response's file with FROM replaced by TO (and FROM2 by TO2),
 * read back: the caller's. */
static struct checklist_response *
edited_back(const char *from, const char *to, const char *from2,
    const char *to2)
{
	struct checklist_response *r = checklist_response_new(cl), *back = NULL;
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(checklist_response_serialize(r, &buf, &len, NULL),
	    CHECKLIST_OK);
	buf = replaced(buf, from, to);
	if (from2 != NULL)
		buf = replaced(buf, from2, to2);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(cl, buf, strlen(buf),
	    "r.xml", &back, &err), CHECKLIST_OK);
	checklist_response_free(r);
	free(buf);
	return back;
}

static size_t
count_named(xmlNodePtr parent, const char *name)
{
	size_t n = 0;

	for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
		n += c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0;
	return n;
}

/* The groups' elements are kept from one walk of their parent's
 * children: found in any order, made once when missing (not found
 * again by a walk of their own), and an element named like a group
 * under another parent is not taken for it. */
static void
test_group_elements(void **state)
{
	struct checklist_response *r;
	xmlNodePtr root, a1;

	(void)state;
	/* an element named like the item p1_2a under a1, before p1_1: not
	 * taken for p1_2a, whose own element is inside p1_2 */
	r = edited_back("<p1_1>", "<p1_2a/><p1_1>", NULL, NULL);
	assert_int_equal(set(r, "p1_2a/status", "none"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	a1 = checklist_group_node(r, checklist_find_group(cl, "a1"));
	assert_null(checklist_child_named(a1, "p1_2a")->children);
	assert_string_equal(checklist_response_get(r, "p1_2a/status"), "none");
	assert_string_equal(checklist_response_get(r, "p1_1/status"), "full");
	checklist_response_free(r);
	/* p1_2 missing (its element renamed), a p1_2 under the root: made
	 * once, under a1, not found again by a walk of its own */
	r = edited_back("<p1_2>", "<p1_2x>", "</p1_2>", "</p1_2x>");
	root = xmlDocGetRootElement(r->doc);
	xmlNewChild(root, NULL, (const xmlChar *)"p1_2", NULL);
	assert_int_equal(set(r, "p1_2/status", "none"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_2/ta", "yes"), CHECKLIST_OK);
	a1 = checklist_group_node(r, checklist_find_group(cl, "a1"));
	assert_int_equal(count_named(a1, "p1_2"), 1);
	assert_int_equal(count_named(root, "p1_2"), 1);
	assert_null(root->last->children); /* the one under the root */
	assert_string_equal(checklist_response_get(r, "p1_2/status"), "none");
	checklist_response_free(r);
}

/* A page's question elements are kept from one walk: found out of
 * their order, and after an undo put another element in the place of
 * one, that one (no element made twice, none freed used). */
static void
test_question_elements(void **state)
{
	struct checklist_response *r;
	struct checklist_undo *u;
	xmlNodePtr p;

	(void)state;
	r = edited_back("<steps/>", "", "<status/>", "<steps/><status/>");
	u = checklist_undo_new(r, 4);
	assert_int_equal(set(r, "p1_1/steps", "Draft"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_1/status", "partial"), CHECKLIST_OK);
	checklist_undo_note(u);
	assert_int_equal(set(r, "p1_1/steps", "Enact"), CHECKLIST_OK);
	checklist_undo_note(u);
	assert_true(checklist_undo_step(u)); /* steps is "Draft" again */
	assert_string_equal(checklist_response_get(r, "p1_1/steps"), "Draft");
	assert_int_equal(set(r, "p1_1/steps", "Review"), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p1_1/steps"),
	    "Review");
	assert_string_equal(checklist_response_get(r, "p1_1/status"),
	    "partial");
	p = checklist_group_node(r, checklist_find_group(cl, "p1_1"));
	assert_int_equal(count_named(p, "steps"), 1);
	assert_int_equal(count_named(p, "status"), 1);
	checklist_undo_free(u);
	checklist_response_free(r);
	/* an element missing from the file: made once by the reader, at the
	 * end, and that one is given the value */
	r = edited_back("<steps/>", "<stepz/>", NULL, NULL);
	assert_int_equal(set(r, "p1_1/steps", "Draft"), CHECKLIST_OK);
	p = checklist_group_node(r, checklist_find_group(cl, "p1_1"));
	assert_int_equal(count_named(p, "steps"), 1);
	assert_string_equal((const char *)p->last->name, "steps");
	assert_string_equal(checklist_response_get(r, "p1_1/steps"), "Draft");
	checklist_response_free(r);
}

/* The root's list of conflicts is found in the walk that keeps the
 * groups' elements, wherever it is among the root's children; settling
 * its last conflict removes it, and the next value given does not look
 * at it again. */
static void
test_conflicts_found(void **state)
{
	struct checklist_response *r;
	xmlNodePtr root;

	(void)state;
	r = edited_back("<front>", "<conflicts><conflict path=\"p1_1/status\">"
	    "<candidate>full</candidate><candidate>none</candidate>"
	    "</conflict></conflicts><front>", "<status/>",
	    "<status conflict=\"yes\"/>");
	root = xmlDocGetRootElement(r->doc);
	assert_int_equal(count_named(root, "conflicts"), 1);
	assert_int_equal(set(r, "front/state", "X"), CHECKLIST_OK);
	assert_int_equal(count_named(root, "conflicts"), 1); /* not settled */
	assert_int_equal(set(r, "p1_1/status", "full"), CHECKLIST_OK);
	assert_int_equal(count_named(root, "conflicts"), 0);
	assert_int_equal(set(r, "p1_1/status", "none"), CHECKLIST_OK);
	assert_int_equal(set(r, "p1_2/status", "none"), CHECKLIST_OK);
	assert_int_equal(count_named(root, "conflicts"), 0);
	checklist_response_free(r);
}

/* Issue 9: rules hold whatever the order of the answers. */
static checklist_status
set_all(struct checklist_response *r, struct checklist_error *err,
    size_t n, const char *const *paths, const char *const *values)
{
	checklist_error_clear(err);
	return checklist_response_set_all(r, paths, values, n, err);
}

#define EXECUTED_MSG "p52_3/executed: No more requests executed than received."

static void
test_rules_whatever_the_order(void **state)
{
	struct checklist *rcl = test_load_fixture("rules.xml");
	struct checklist_response *r = checklist_response_new(rcl);
	struct checklist_error err;
	static const char *const er[] = { "p52_3/executed", "p52_3/received" };
	static const char *const re[] = { "p52_3/received", "p52_3/executed" };
	static const char *const v53[] = { "5", "3" }, *const v35[] = { "3",
	    "5" }, *const v57[] = { "5", "7" };
	unsigned long changes;

	(void)state;
	/* executed=5 received=3 and the reverse: both refused */
	assert_int_equal(set_all(r, &err, 2, er, v53), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, EXECUTED_MSG);
	assert_int_equal(set_all(r, &err, 2, re, v35), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, EXECUTED_MSG);
	assert_string_equal(checklist_response_get(r, "p52_3/executed"), "");
	assert_string_equal(checklist_response_get(r, "p52_3/received"), "");
	assert_int_equal(r->changes, 0);
	/* a valid final state, in either order */
	assert_int_equal(set_all(r, &err, 2, er, v57), CHECKLIST_OK);
	assert_string_equal(checklist_response_get(r, "p52_3/executed"), "5");
	assert_int_equal(set_all(r, &err, 2, re, (const char *const[]){ "6",
	    "6" }), CHECKLIST_OK);
	/* lowering received later: refused, nothing changed */
	changes = r->changes;
	assert_int_equal(set_all(r, &err, 1, re, (const char *const[]){ "4" }),
	    CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, EXECUTED_MSG);
	assert_string_equal(checklist_response_get(r, "p52_3/received"), "6");
	assert_int_equal(r->changes, changes);
	checklist_response_free(r);
	checklist_free(rcl);
}

static void
test_rules_every_failure_named(void **state)
{
	struct checklist *rcl = test_load_fixture("rules.xml");
	struct checklist_response *r = checklist_response_new(rcl);
	struct checklist_error err;
	static const char *const p[] = { "p52_3/executed", "p52_3/pending",
	    "p52_3/received" };

	(void)state;
	assert_int_equal(set_all(r, &err, 3, p, (const char *const[]){ "5",
	    "6", "3" }), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, EXECUTED_MSG "\n"
	    "p52_3/pending: No more requests pending than received.");
	/* a type error stops the batch at once, earlier values undone */
	assert_int_equal(set_all(r, &err, 2, p, (const char *const[]){ "1",
	    "x" }), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message,
	    "p52_3/pending: 'x' is not a whole number");
	assert_string_equal(checklist_response_get(r, "p52_3/executed"), "");
	/* unknown paths are named, escaped */
	assert_int_equal(set_all(r, &err, 1, (const char *const[]){
	    "p52_3/no\nsuch" }, (const char *const[]){ "1" }),
	    CHECKLIST_ERR_NOT_FOUND);
	assert_non_null(strstr(err.message, "p52_3/no\\nsuch: "));
	assert_null(strchr(err.message, '\n'));
	checklist_response_free(r);
	checklist_free(rcl);
}

/* One value at a time (the terminal interface): the store of A is kept
 * even when it breaks B, which then shows not valid with its message; a
 * batch that does not make B worse is not refused for it. */
static void
test_rules_single_store_marks_other(void **state)
{
	struct checklist *rcl = test_load_fixture("rules.xml");
	struct checklist_response *r = checklist_response_new(rcl);
	struct checklist_error err;

	(void)state;
	assert_int_equal(set(r, "p52_3/received", "5"), CHECKLIST_OK);
	assert_int_equal(set(r, "p52_3/executed", "5"), CHECKLIST_OK);
	assert_int_equal(set(r, "p52_3/received", "2"), CHECKLIST_OK);
	checklist_error_clear(&err);
	assert_false(checklist_response_valid(r, "p52_3/executed", &err));
	assert_string_equal(err.message,
	    "No more requests executed than received.");
	assert_int_equal(checklist_state_group(r, checklist_find_group(rcl,
	    "p52_3")), CHECKLIST_STATE_INVALID);
	assert_int_equal(set_all(r, &err, 1, (const char *const[]){
	    "p52_3/code" }, (const char *const[]){ "AB" }), CHECKLIST_OK);
	/* setting executed again checks it */
	assert_int_equal(set_all(r, &err, 1, (const char *const[]){
	    "p52_3/executed" }, (const char *const[]){ "5" }),
	    CHECKLIST_ERR_VALUE);
	assert_int_equal(set_all(r, &err, 1, (const char *const[]){
	    "p52_3/executed" }, (const char *const[]){ "2" }), CHECKLIST_OK);
	assert_true(checklist_response_valid(r, "p52_3/executed", &err));
	checklist_response_free(r);
	checklist_free(rcl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_values),
		cmocka_unit_test(test_other_text),
		cmocka_unit_test(test_other_untick_and_missing),
		cmocka_unit_test(test_entries_and_constraint),
		cmocka_unit_test(test_relevance),
		cmocka_unit_test(test_conditions_on_document),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_round_trip_and_refusals),
		cmocka_unit_test(test_given_twice),
		cmocka_unit_test(test_group_elements),
		cmocka_unit_test(test_question_elements),
		cmocka_unit_test(test_conflicts_found),
		cmocka_unit_test(test_rules_whatever_the_order),
		cmocka_unit_test(test_rules_every_failure_named),
		cmocka_unit_test(test_rules_single_store_marks_other),
	};

	return cmocka_run_group_tests(tests, test_mini_setup,
	    test_mini_teardown);
}

/*
 * test_caps.c: the XML reader's caps on work (issue 11), with hostile
 * documents built here: each is refused with the cap named, within a
 * generous bound on CPU time and memory (getrusage), and documents at
 * the caps still parse. Also: a response over a list's cap, a save
 * over the response's size cap, a costly condition.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

/* A growing buffer of text. */
struct buf {
	char *p;
	size_t n, cap;
};

static void
put(struct buf *b, const char *s)
{
	size_t k = strlen(s);

	if (b->n + k + 1 > b->cap) {
		b->cap = (b->n + k + 1) * 2;
		b->p = checklist_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, k + 1);
	b->n += k;
}

static double
cpu_seconds(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 +
	    (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static long
max_rss_kib(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

/* Parse B as KIND: refused, the message holding WANT, in bounds. */
static void
refused(struct buf *b, const struct checklist_xml_caps *caps,
    const char *want)
{
	struct checklist_error err;
	xmlDocPtr doc = NULL;
	double t0 = cpu_seconds();

	checklist_error_clear(&err);
	assert_int_not_equal(checklist_xml_parse_capped(b->p, b->n, "t.xml",
	    caps, &doc, &err), CHECKLIST_OK);
	assert_null(doc);
	if (strstr(err.message, want) == NULL)
		fail_msg("'%s' lacks '%s'", err.message, want);
	assert_true(cpu_seconds() - t0 < 5.0);
	assert_true(max_rss_kib() < 256 * 1024);
	free(b->p);
	memset(b, 0, sizeof *b);
}

static void
test_elements(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	put(&b, "<r>");
	for (i = 0; i < 3000000; i++)
		put(&b, "<entry/>");
	put(&b, "</r>");
	refused(&b, &checklist_caps_package,
	    "more than 202000 elements (the cap for a package)");
}

static void
test_attributes(void **state)
{
	struct buf b = { 0 };
	char a[32];
	size_t i;

	(void)state;
	/* 120,000 attributes: held back past the tag cap, never checked */
	put(&b, "<r ");
	for (i = 0; i < 120000; i++) {
		snprintf(a, sizeof a, "a%zu=\">\" ", i);
		put(&b, a);
	}
	put(&b, "/>");
	refused(&b, &checklist_caps_response, "bytes in one tag");
	put(&b, "<r ");
	for (i = 0; i < 65; i++) {
		snprintf(a, sizeof a, "a%zu='' ", i);
		put(&b, a);
	}
	put(&b, "/>");
	refused(&b, &checklist_caps_definition,
	    "more than 64 attributes on one element (the cap for a "
	    "definition)");
}

static void
test_pis_comments_depth(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	put(&b, "<r>");
	for (i = 0; i < 1000000; i++)
		put(&b, "<?p x?>");
	put(&b, "</r>");
	refused(&b, &checklist_caps_response, "more than 100 processing "
	    "instructions (the cap for a response)");
	put(&b, "<r>");
	for (i = 0; i < 1000000; i++)
		put(&b, "<!--c-->");
	put(&b, "</r>");
	refused(&b, &checklist_caps_response, "more than 10000 comments");
	for (i = 0; i < 41; i++)
		put(&b, "<a>");
	for (i = 0; i < 41; i++)
		put(&b, "</a>");
	refused(&b, &checklist_caps_response, "more than 40 levels");
	put(&b, "<r><!--");
	for (i = 0; i < 70000; i++)
		put(&b, "x");
	put(&b, "--></r>");
	refused(&b, &checklist_caps_response, "bytes in one tag, comment");
}

/* At the caps, and a long text (never held back), parse. */
static void
test_at_the_caps(void **state)
{
	struct checklist_error err;
	struct buf b = { 0 };
	xmlDocPtr doc = NULL;
	size_t i;
	char a[32];

	(void)state;
	put(&b, "<r ");
	for (i = 0; i < 63; i++) {
		snprintf(a, sizeof a, "a%zu='' ", i);
		put(&b, a);
	}
	put(&b, "><!--c--><?p?>");
	for (i = 0; i < 38; i++)
		put(&b, "<a>");
	for (i = 0; i < 300000; i++)
		put(&b, "text ");
	for (i = 0; i < 38; i++)
		put(&b, "</a>");
	for (i = 0; i < CHECKLIST_RESPONSE_ELEMENTS_MAX - 40; i++)
		put(&b, "<e/>");
	put(&b, "</r>");
	checklist_error_clear(&err);
	assert_int_equal(checklist_xml_parse_capped(b.p, b.n, "t.xml",
	    &checklist_caps_response, &doc, &err), CHECKLIST_OK);
	xmlFreeDoc(doc);
	free(b.p);
}

/* A list of 1001 entries is refused on read, as set refuses it. */
static void
test_entries_on_read(void **state)
{
	struct checklist *cl = test_load_bundled();
	struct checklist_response *r = checklist_response_new(cl), *back = NULL;
	struct checklist_error err;
	const struct checklist_question *q;
	bool other;
	xmlNodePtr rep;
	char *buf;
	size_t len, i, idx;

	(void)state;
	checklist_error_clear(&err);
	for (i = 0; i < CHECKLIST_ENTRIES_MAX; i++)
		assert_int_equal(checklist_response_add_entry(r, "p5_1/measures",
		    &idx, &err), CHECKLIST_OK);
	assert_int_not_equal(checklist_response_add_entry(r, "p5_1/measures",
	    &idx, &err), CHECKLIST_OK);
	rep = checklist_path_resolve(r, "p5_1/measures", false, &q, &other);
	assert_non_null(rep);
	xmlNewChild(rep, NULL, (const xmlChar *)"entry", NULL);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_serialize(r, &buf, &len, &err),
	    CHECKLIST_OK);
	assert_int_not_equal(checklist_response_parse(cl, buf, len, "r.xml",
	    &back, &err), CHECKLIST_OK);
	assert_non_null(strstr(err.message, "more than 1000 entries"));
	free(buf);
	checklist_response_free(r);
	checklist_free(cl);
}

/* The bundled checklist's conditions are cheap; the check is bounded. */
static void
test_cost_bundled(void **state)
{
	struct checklist *cl = test_load_bundled();
	struct checklist_error err;
	double t0 = cpu_seconds();

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_cost_check(cl, &err), CHECKLIST_OK);
	assert_true(cpu_seconds() - t0 < 5.0);
	checklist_free(cl);
}

/* A definition whose provision p holds a note, a list of 60 questions
 * and a question k with CONSTRAINT; the list's first question has
 * INSIDE as its constraint. */
static struct checklist *
cost_definition(const char *constraint, const char *inside)
{
	struct buf b = { NULL, 0, 0 };
	struct checklist *cl;
	char line[512];
	int i;

	put(&b, "<?xml version=\"1.0\"?>\n<checklist xmlns=\"urn:x-sacl:"
	    "checklist:1\" id=\"t\" version=\"1\" xml:lang=\"en\" "
	    "languages=\"en\"><title>T</title><section id=\"s\" number=\"1\">"
	    "<title>S</title><provision id=\"p\" number=\"1\" level=\""
	    "mandatory\"><title>P</title><question id=\"note\" type=\"text\">"
	    "<label>N</label></question><question id=\"list\" type=\"repeat\">"
	    "<label>L</label>");
	for (i = 0; i < 60; i++) {
		snprintf(line, sizeof line, "<question id=\"c%d\" type=\"text\""
		    "%s%s%s><label>C</label></question>", i, i == 0 ?
		    " constraint=\"" : "", i == 0 ? inside : "", i == 0 ? "\"" :
		    "");
		put(&b, line);
	}
	snprintf(line, sizeof line, "</question><question id=\"k\" type=\""
	    "text\" constraint=\"%s\"><label>K</label></question>"
	    "</provision></section></checklist>\n", constraint);
	put(&b, line);
	cl = test_load_string(b.p);
	free(b.p);
	return cl;
}

/* The cost check fills the lists of its worst case only when a
 * condition may walk their entries: a costly walk by child steps alone
 * is still refused, a local condition costs one entry per list. */
static void
test_cost_fill_when_walked(void **state)
{
	static const struct {
		const char *k, *inside;
		unsigned long entries;
		const char *refused; /* the question named, or NULL */
	} cases[] = {
		/* 1,000 entries of 60 questions each: 60,000 operations */
		{ "count(../list/entry/*) &gt;= 0", ". = ''", 1000, "p/k" },
		{ "count(../list) = 1 and ../note != 'x'", ". = ''", 1, NULL },
		{ ". = ''", "count(../../entry/c1) &gt;= 0", 1000,
		    "p/list/c0" },
		{ ". = ''", "../../../note != 'x'", 1, NULL },
		{ "count(/descendant::c1) &gt;= 0", ". = ''", 1000, "p/k" },
	};
	char want[100];
	struct checklist_error err;
	struct checklist *cl;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		cl = cost_definition(cases[i].k, cases[i].inside);
		checklist_error_clear(&err);
		checklist_cost_entries = 0;
		if ((checklist_cost_check(cl, &err) == CHECKLIST_OK) !=
		    (cases[i].refused == NULL) ||
		    checklist_cost_entries != cases[i].entries)
			fail_msg("case %zu: %s, %lu entries (%s)", i,
			    cases[i].refused == NULL ? "refused" : "taken",
			    checklist_cost_entries, err.message);
		snprintf(want, sizeof want, "%s: its constraint condition is "
		    "too costly", cases[i].refused);
		if (cases[i].refused != NULL)
			assert_non_null(strstr(err.message, want));
		checklist_free(cl);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elements),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_pis_comments_depth),
		cmocka_unit_test(test_at_the_caps),
		cmocka_unit_test(test_entries_on_read),
		cmocka_unit_test(test_cost_bundled),
		cmocka_unit_test(test_cost_fill_when_walked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

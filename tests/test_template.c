/*
 * test_template.c: templates whose questions vary by the provision's
 * level (doc/checklist-format.md, Templates): the variant for a level
 * replaces the default in its place, a variant without a default is
 * asked at its levels only, omit and a provision's own question still
 * apply, and two questions claiming one level are refused at the
 * template's line. Also the definition's SHA-256 kept at load, and
 * large definitions (3,000 lists, a template of 3,000 questions): the
 * same first error and questions, for look-ups by id that grow only as
 * the definition does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

#define HEAD "<?xml version=\"1.0\"?>\n" \
	"<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" version=\"1\"" \
	" xml:lang=\"en\" languages=\"en fr\">\n<title>T</title>\n"

/* A template with a status question, its variant for "consider" and
 * "optional", a question for "consider" only, and a plain one; then one
 * provision per level, plus the given extra provision XML. */
static char *
definition(const char *extra)
{
	return checklist_xasprintf(HEAD
	    "<template id=\"std\">\n"                                 /* 4 */
	    "<question id=\"status\" type=\"single\">"
	    "<label>Status</label>"
	    "<choice value=\"full\"><label>Full</label></choice>"
	    "</question>\n"                                           /* 5 */
	    "<question id=\"when\" type=\"date\" level=\"consider\">"
	    "<label>When considered</label></question>\n"             /* 6 */
	    "<question id=\"status\" type=\"single\" level=\"consider optional\">"
	    "<label>Considered?</label><label xml:lang=\"fr\">Envisagé ?"
	    "</label>"
	    "<choice value=\"full\"><label>Considered, adopted</label></choice>"
	    "<choice value=\"never\"><label>Never considered</label></choice>"
	    "</question>\n"                                           /* 7 */
	    "<question id=\"note\" type=\"text\"><label>Note</label></question>\n"
	    "</template>\n"
	    "<section id=\"s\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"pm\" number=\"1\" level=\"mandatory\" "
	    "template=\"std\"><title>M</title></provision>\n"
	    "<provision id=\"pc\" number=\"2\" level=\"consider\" "
	    "template=\"std\"><title>C</title></provision>\n"
	    "<provision id=\"po\" number=\"3\" level=\"optional\" "
	    "template=\"std\"><title>O</title></provision>\n"
	    "%s</section>\n</checklist>\n", extra);
}

static struct checklist *
load(const char *xml, struct checklist_error *err)
{
	struct checklist *cl = NULL;

	checklist_error_clear(err);
	if (checklist_load_memory(xml, strlen(xml), "t.xml", &cl, err) !=
	    CHECKLIST_OK)
		return NULL;
	return cl;
}

/* The ids of G's questions, space-separated. */
static char *
ids(const struct checklist_group *g)
{
	char *s = checklist_xstrdup(""), *t;
	size_t i;

	for (i = 0; i < g->nquestions; i++) {
		t = checklist_xasprintf("%s%s%s", s, i ? " " : "",
		    g->questions[i]->id);
		free(s);
		s = t;
	}
	return s;
}

static void
assert_ids(const struct checklist *cl, const char *group, const char *want)
{
	char *got = ids(checklist_find_group(cl, group));

	assert_string_equal(got, want);
	free(got);
}

static void
test_variant_by_level(void **state)
{
	struct checklist_error err;
	char *xml = definition("");
	struct checklist *cl = load(xml, &err);
	const struct checklist_question *q;

	(void)state;
	if (cl == NULL)
		fail_msg("%s", checklist_error_text(&err));
	/* the default where no variant claims the level */
	assert_ids(cl, "pm", "status note");
	q = checklist_find_question(cl, "pm/status");
	assert_string_equal(checklist_text_get(&q->label, "en", "en"),
	    "Status");
	assert_int_equal(q->nchoices, 1);
	/* the variant in the default's place; a question of its own */
	assert_ids(cl, "pc", "status when note");
	q = checklist_find_question(cl, "pc/status");
	assert_string_equal(checklist_text_get(&q->label, "fr", "en"),
	    "Envisagé ?");
	assert_int_equal(q->nchoices, 2);
	assert_string_equal(q->choices[1].value, "never");
	assert_int_equal(q->line, 7);
	/* one variant serves two levels */
	assert_ids(cl, "po", "status note");
	q = checklist_find_question(cl, "po/status");
	assert_string_equal(checklist_text_get(&q->label, "en", "en"),
	    "Considered?");
	checklist_free(cl);
	free(xml);
}

/* omit names a question of the template at any level; a provision's own
 * question replaces the variant chosen for it. */
static void
test_variant_omit_and_own(void **state)
{
	struct checklist_error err;
	char *xml = definition(
	    "<provision id=\"px\" number=\"4\" level=\"mandatory\" "
	    "template=\"std\"><title>X</title><omit question=\"when\"/>"
	    "<omit question=\"note\"/></provision>\n"
	    "<provision id=\"py\" number=\"5\" level=\"consider\" "
	    "template=\"std\"><title>Y</title><omit question=\"when\"/>"
	    "<question id=\"status\" type=\"boolean\"><label>Own</label>"
	    "</question></provision>\n");
	struct checklist *cl = load(xml, &err);

	(void)state;
	if (cl == NULL)
		fail_msg("%s", checklist_error_text(&err));
	assert_ids(cl, "px", "status");
	assert_ids(cl, "py", "status note");
	assert_int_equal(checklist_find_question(cl, "py/status")->type,
	    CHECKLIST_Q_BOOLEAN);
	checklist_free(cl);
	free(xml);
}

struct bad_template {
	const char *questions;
	int line;
	const char *message;
};

/* Two questions of one id for one level: refused at the second, naming
 * the first, whether a provision uses the template or not. */
static void
test_variant_clash(void **state)
{
	static const struct bad_template cases[] = {
		{ "<question id=\"a\" type=\"text\"><label>A</label></question>\n"
		  "<question id=\"a\" type=\"date\"><label>A</label></question>\n",
		  6, "template 'u': a second question 'a' without level (the "
		  "first is at line 5)" },
		{ "<question id=\"a\" type=\"text\" level=\"optional consider\">"
		  "<label>A</label></question>\n"
		  "<question id=\"a\" type=\"date\" level=\"consider\">"
		  "<label>A</label></question>\n",
		  6, "template 'u': a second question 'a' for level consider "
		  "(the first is at line 5)" },
	};
	struct checklist_error err;
	char *xml;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		xml = checklist_xasprintf(HEAD "<template id=\"u\">\n%s"
		    "</template>\n<section id=\"s\" number=\"1\"><title>S"
		    "</title><provision id=\"p\" number=\"1\" level=\"mandatory\">"
		    "<title>P</title><question id=\"q\" type=\"text\"><label>Q"
		    "</label></question></provision></section></checklist>\n",
		    cases[i].questions);
		assert_null(load(xml, &err));
		assert_int_equal(err.status, CHECKLIST_ERR_SEMANTIC);
		assert_int_equal(err.line, cases[i].line);
		if (strstr(err.message, cases[i].message) == NULL)
			fail_msg("'%s' lacks '%s'", err.message,
			    cases[i].message);
		free(xml);
	}
}

/* A level that is not one: the schema says so. */
static void
test_variant_unknown_level(void **state)
{
	struct checklist_error err;
	char *xml = checklist_xasprintf(HEAD "<template id=\"u\">\n"
	    "<question id=\"a\" type=\"text\" level=\"shall\"><label>A</label>"
	    "</question>\n</template>\n<section id=\"s\" number=\"1\"><title>S"
	    "</title><provision id=\"p\" number=\"1\" level=\"mandatory\" "
	    "template=\"u\"><title>P</title></provision></section>"
	    "</checklist>\n");

	(void)state;
	assert_null(load(xml, &err));
	assert_int_equal(err.status, CHECKLIST_ERR_SCHEMA);
	assert_int_equal(err.line, 5);
	free(xml);
}

/* The SHA-256 of the bytes loaded, as sha256sum(1) gives it. */
static void
test_definition_digest(void **state)
{
	struct checklist_error err;
	char *xml = definition("");
	struct checklist *cl = load(xml, &err);
	char want[65];

	(void)state;
	assert_non_null(cl);
	checklist_sha256_hex(xml, strlen(xml), want);
	assert_string_equal(cl->sha256, want);
	checklist_sha256_hex("abc", 3, want);
	assert_string_equal(want, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	checklist_free(cl);
	free(xml);
}

/* The second checklist of the tests: a "shall consider" provision asks
 * the variant, a "shall" one the default. */
static void
test_asset_recovery(void **state)
{
	struct checklist *cl = test_load_fixture("asset-recovery.xml");

	(void)state;
	assert_ids(cl, "p52_1", "status measures steps ta_needed");
	assert_ids(cl, "p52_5", "status considered_on measures steps "
	    "ta_needed");
	assert_ids(cl, "p52_2", "");
	assert_int_equal(checklist_find_question(cl, "p58/status")->nchoices,
	    4);
	checklist_free(cl);
}

/* What a template gives a provision is worked out once per template and
 * level, not again for each of the 60 provisions that use it (it was a
 * walk of the template per question per provision). */
static void
test_variant_once_per_level(void **state)
{
	struct checklist_error err;
	char *many = checklist_xstrdup(""), *t, *xml;
	struct checklist *cl;
	unsigned long before;
	int i;

	(void)state;
	for (i = 0; i < 60; i++) {
		t = checklist_xasprintf("%s<provision id=\"x%d\" number=\"9.%d\" "
		    "level=\"%s\" template=\"std\"><title>X</title>"
		    "</provision>\n", many, i, i, i % 2 ? "consider" :
		    "mandatory");
		free(many);
		many = t;
	}
	xml = definition(many);
	before = checklist_template_lookups;
	cl = load(xml, &err);
	assert_non_null(cl);
	/* three levels, three distinct ids in the template */
	assert_int_equal(checklist_template_lookups - before, 3 * 3);
	assert_ids(cl, "x1", "status when note");
	assert_ids(cl, "x2", "status note");
	assert_string_equal(checklist_text_get(&checklist_find_question(cl,
	    "x1/status")->label, "en", NULL), "Considered?");
	checklist_free(cl);
	free(xml);
	free(many);
}

/* ------------------------------------------------ large definitions */

/* A stream the definitions below are written to (open_memstream: the
 * text grows in place), and its text when done (caller frees). */
struct text {
	FILE *f;
	char *s;
	size_t len;
};

static void
text_open(struct text *t)
{
	t->s = NULL;
	t->f = open_memstream(&t->s, &t->len);
	assert_non_null(t->f);
}

static char *
text_close(struct text *t)
{
	assert_int_equal(fclose(t->f), 0);
	return t->s;
}

/* A definition of N choice lists c0.., then EXTRA (more lists or
 * templates) at the end; a provision asks one question, of list cN-1.
 * Line of list cI: 4 + I. */
static char *
many_lists(int n, const char *extra)
{
	struct text t;
	int i;

	text_open(&t);
	fputs(HEAD, t.f);
	for (i = 0; i < n; i++)
		fprintf(t.f, "<choices id=\"c%d\"><choice value=\"a%d\"><label>A"
		    "</label></choice></choices>\n", i, i);
	fprintf(t.f, "%s<section id=\"s\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"p\" number=\"1\" level=\"mandatory\"><title>P"
	    "</title><question id=\"q\" type=\"single\" choices=\"c%d\"><label>"
	    "Q</label></question></provision>\n</section>\n</checklist>\n",
	    extra, n - 1);
	return text_close(&t);
}

/* A duplicate list or template id after 3,000 lists is still found, and
 * the message names the first element with it (the index keeps the
 * first, as the walk of all lists did). */
static void
test_duplicate_after_many(void **state)
{
	static const struct {
		const char *extra, *message;
		int line;
	} cases[] = {
		{ "<choices id=\"c2999\"><choice value=\"z\"><label>Z</label>"
		  "</choice></choices>\n", "duplicate choices id 'c2999': the "
		  "one at line 3003 has it already", 3004 },
		{ "<choices id=\"c0\"><choice value=\"z\"><label>Z</label>"
		  "</choice></choices>\n<choices id=\"c1\"><choice value=\"z\">"
		  "<label>Z</label></choice></choices>\n", "duplicate choices "
		  "id 'c0': the one at line 4 has it already", 3004 },
		{ "<template id=\"t\"><question id=\"x\" type=\"text\"><label>X"
		  "</label></question></template>\n<template id=\"u\"><question "
		  "id=\"x\" type=\"text\"><label>X</label></question></template>\n"
		  "<template id=\"t\"><question id=\"x\" type=\"text\"><label>X"
		  "</label></question></template>\n", "duplicate template id "
		  "'t': the one at line 3004 has it already", 3006 },
	};
	struct checklist_error err;
	char *xml;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		xml = many_lists(3000, cases[i].extra);
		assert_null(load(xml, &err));
		assert_int_equal(err.status, CHECKLIST_ERR_SEMANTIC);
		assert_int_equal(err.line, cases[i].line);
		assert_string_equal(err.message, cases[i].message);
		free(xml);
	}
	/* without the duplicate: the last list is found */
	xml = many_lists(3000, "");
	checklist_free(load(xml, &err));
	assert_int_equal(err.status, CHECKLIST_OK);
	free(xml);
}

/* A template of N questions q0.. (q7 has a variant for "consider",
 * after the others) and a provision of LEVEL using it that omits every
 * third question from q3 on, then writes its own of every fifth from q5
 * on, and one more. */
static char *
big_template(int n, const char *level)
{
	struct text t;
	int i;

	text_open(&t);
	fputs(HEAD "<template id=\"big\">\n", t.f);
	for (i = 0; i < n; i++)
		fprintf(t.f, "<question id=\"q%d\" type=\"text\"><label>T%d"
		    "</label></question>\n", i, i);
	fprintf(t.f, "<question id=\"q7\" type=\"date\" level=\"consider\">"
	    "<label>V</label></question>\n</template>\n<section id=\"s\" "
	    "number=\"1\"><title>S</title>\n<provision id=\"p\" number=\"1\" "
	    "level=\"%s\" template=\"big\"><title>P</title>\n", level);
	for (i = 3; i < n; i += 3)
		fprintf(t.f, "<omit question=\"q%d\"/>\n", i);
	for (i = 5; i < n; i += 5)
		fprintf(t.f, "<question id=\"q%d\" type=\"text\"><label>O%d"
		    "</label></question>\n", i, i);
	fputs("<question id=\"extra\" type=\"text\"><label>E</label>"
	    "</question>\n</provision>\n</section>\n</checklist>\n", t.f);
	return text_close(&t);
}

/* The questions a provision of LEVEL gets from big_template(N): in the
 * template's order, omitted ones out, replaced ones in place (theirs),
 * its own new ones last (those of omitted ids among them). */
static void
assert_big_template(int n, const char *level)
{
	char *xml = big_template(n, level), *want, *got;
	const struct checklist_question *q;
	struct checklist_error err;
	struct checklist *cl;
	struct text t;
	int i;

	cl = load(xml, &err);
	assert_non_null(cl);
	text_open(&t);
	for (i = 0; i < n; i++)
		if (i < 3 || i % 3 != 0)
			fprintf(t.f, "q%d ", i);
	for (i = 15; i < n; i += 15) /* omitted, then its own: a new one */
		fprintf(t.f, "q%d ", i);
	fputs("extra", t.f);
	want = text_close(&t);
	got = ids(checklist_find_group(cl, "p"));
	assert_string_equal(got, want);
	q = checklist_find_question(cl, "p/q10");
	assert_null(q->shared);
	assert_string_equal(checklist_text_get(&q->label, "en", NULL), "O10");
	q = checklist_find_question(cl, "p/q7");
	assert_int_equal(q->type, strcmp(level, "consider") == 0 ?
	    CHECKLIST_Q_DATE : CHECKLIST_Q_TEXT);
	assert_string_equal(checklist_text_get(&checklist_find_question(cl,
	    "p/q2999")->label, "en", NULL), "T2999");
	checklist_free(cl);
	free(got);
	free(want);
	free(xml);
}

static void
test_big_template(void **state)
{
	(void)state;
	assert_big_template(3000, "mandatory");
	assert_big_template(3000, "consider");
}

/* The look-ups by id while building grow as the definition does: twice
 * the lists, templates and questions cost about twice the look-ups (a
 * walk of what came before made it four times). */
static unsigned long
probes(char *xml)
{
	struct checklist_error err;
	unsigned long before = checklist_build_probes;

	checklist_free(load(xml, &err));
	assert_int_equal(err.status, CHECKLIST_OK);
	free(xml);
	return checklist_build_probes - before;
}

static void
test_lookups_linear(void **state)
{
	unsigned long small, large;

	(void)state;
	small = probes(big_template(1000, "consider"));
	large = probes(big_template(2000, "consider"));
	assert_true(small >= 1000);
	assert_true(large <= 2 * small + 64);
	small = probes(many_lists(1000, ""));
	large = probes(many_lists(2000, ""));
	assert_true(small >= 1000);
	assert_true(large <= 2 * small + 64);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variant_by_level),
		cmocka_unit_test(test_variant_omit_and_own),
		cmocka_unit_test(test_variant_clash),
		cmocka_unit_test(test_variant_unknown_level),
		cmocka_unit_test(test_definition_digest),
		cmocka_unit_test(test_asset_recovery),
		cmocka_unit_test(test_variant_once_per_level),
		cmocka_unit_test(test_duplicate_after_many),
		cmocka_unit_test(test_big_template),
		cmocka_unit_test(test_lookups_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

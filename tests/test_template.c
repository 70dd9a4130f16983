/*
 * test_template.c: templates whose questions vary by the provision's
 * level (doc/checklist-format.md, Templates): the variant for a level
 * replaces the default in its place, a variant without a default is
 * asked at its levels only, omit and a provision's own question still
 * apply, and two questions claiming one level are refused at the
 * template's line. Also the definition's SHA-256 kept at load.
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_validate.c: what `sacl validate` catches and how it says it. For
 * every error of the stricter validator a fixture whose message, line
 * and (where libxml2 gives one) column are checked; the warnings a
 * loaded checklist carries; the chain of a cycle; and the XForms
 * functions conditions may call, evaluated by libxml2.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

struct bad_case {
	const char *file;
	int line, column;
	const char *message; /* the whole message, or its start */
};

static const struct bad_case bad_cases[] = {
	{ "bad-arity.xml", 9, 0, "question p1/ta_forms, attribute relevant: "
	  "calls selected() with 1 argument; it takes 2" },
	{ "bad-variable.xml", 9, 0, "question p1/what, attribute relevant: "
	  "uses the variable $needed: conditions have no variables" },
	{ "bad-path.xml", 10, 0, "question p52_5/why, attribute relevant: "
	  "'/response/art53' names nothing: /response has no front section "
	  "or section 'art53'" },
	{ "bad-sibling.xml", 15, 0, "question p1/cases/contact, attribute "
	  "relevant: '../fp_name' names nothing: an entry of p1/cases has no "
	  "question 'fp_name'" },
	{ "bad-unknown-name.xml", 9, 0, "question p1/b, attribute relevant: "
	  "'../nosuch' names nothing: provision 'p1' has no question or item "
	  "'nosuch'" },
	{ "bad-function.xml", 9, 0, "question p1/b, attribute relevant: calls "
	  "an unknown function 'chosen'" },
	{ "bad-self-cycle.xml", 8, 0, "question p1/egmont, attribute relevant: "
	  "whether it is asked depends on its own answer, in a cycle: "
	  "p1/egmont (line 8) -> p1/egmont (line 8)" },
	{ "bad-cycle.xml", 8, 0, "question p1/a, attribute relevant: whether "
	  "it is asked depends on its own answer, in a cycle: p1/a (line 8) "
	  "-> p1/b (line 9) -> p1/a (line 8)" },
	{ "bad-label-twice.xml", 11, 0, "question 'a' has a second <label> in "
	  "'fr' (the first is at line 10): give one text per language" },
	{ "bad-no-default-text.xml", 9, 0, "question 'a' has <label> texts but "
	  "none in 'en', the default language" },
	{ "bad-list-twice.xml", 7, 0, "choice list 'sizes' has the value "
	  "'small' twice (the first at line 5)" },
	{ "bad-default-other.xml", 8, 0, "question p1/a, attribute default: "
	  "'other' cannot be a default" },
	{ "bad-in-template.xml", 6, 0, "template 'std', question 'steps' (in "
	  "p1, p2), attribute relevant: '../stauts' names nothing" },
	{ "bad-regex.xml", 8, 0, "question p1/email, attribute constraint: the "
	  "pattern '[a-z+@' of regex() is not a valid XML Schema regular "
	  "expression" },
	{ "bad-deep.xml", 8, 0, "question p1/a, attribute constraint: \". = "
	  "'v1' or" },
	{ "bad-xpath.xml", 9, 0, "question p1/b, attribute relevant: \"../a = "
	  "= 'yes'\" does not compile at character 8: invalid expression" },
	{ "bad-duplicate.xml", 10, 0, "duplicate id 'p1': the provision at "
	  "line 6 has it already" },
	{ "bad-duplicate-list.xml", 5, 0, "duplicate choices id 'c': the one at "
	  "line 4 has it already" },
	{ "bad-wellformed.xml", 9, 16, "Opening and ending tag mismatch" },
	{ "bad-doctype.xml", 2, 21, "a DOCTYPE is not allowed" },
	/* libxml2 2.9.14 gives schema errors on a tree a line, no column */
	{ "bad-schema.xml", 6, 0, "Element 'provision', attribute 'level'" },
};

static void
test_bad_fixtures(void **state)
{
	struct checklist_error err;
	struct checklist *cl;
	size_t i;
	char *path;

	(void)state;
	for (i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad_case *c = &bad_cases[i];

		path = test_fixture(c->file);
		cl = NULL;
		checklist_error_clear(&err);
		print_message("%s\n", c->file);
		assert_int_not_equal(checklist_load_file(path, &cl, &err),
		    CHECKLIST_OK);
		assert_null(cl);
		if (strncmp(err.message, c->message, strlen(c->message)) != 0)
			fail_msg("%s: got '%s'", c->file, err.message);
		assert_int_equal(err.line, c->line);
		assert_int_equal(err.column, c->column);
		free(path);
	}
}

static void
test_cycle_through_group(void **state)
{
	static const char doc[] =
	    "<checklist xmlns='urn:x-sacl:checklist:1' id='c' version='1'\n"
	    " xml:lang='en' languages='en'><title>C</title>\n"
	    "<section id='s' number='1'><title>S</title>\n"
	    "<provision id='p' number='1' level='mandatory'\n"
	    " relevant=\"q = 'yes'\"><title>P</title>\n"
	    "<question id='q' type='boolean'><label>Q</label></question>\n"
	    "</provision></section></checklist>\n";
	struct checklist_error err;
	struct checklist *cl = NULL;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(doc, sizeof doc - 1, "c.xml",
	    &cl, &err), CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 6);
	assert_non_null(strstr(err.message, "cycle: p/q (line 6) -> p/q"));
}

/* Names resolve from where they stand: the same name elsewhere is no
 * cycle, and "." on another question is none either. */
static void
test_no_false_cycle(void **state)
{
	static const char doc[] =
	    "<checklist xmlns='urn:x-sacl:checklist:1' id='c' version='1'\n"
	    " xml:lang='en' languages='en'><title>C</title>\n"
	    "<section id='s' number='1'><title>S</title>\n"
	    "<provision id='p1' number='1' level='mandatory'><title>P</title>\n"
	    "<question id='a' type='boolean'\n"
	    " relevant=\"/response/s/p2/a = 'yes'\"><label>A</label></question>\n"
	    "</provision>\n"
	    "<provision id='p2' number='2' level='mandatory'><title>P</title>\n"
	    "<question id='a' type='boolean'><label>A</label></question>\n"
	    "<question id='b' type='text' constraint=\". = '' or ../a = 'yes'\">\n"
	    "<label>B</label></question>\n"
	    "</provision></section></checklist>\n";
	struct checklist_error err;
	struct checklist *cl = NULL;
	const struct checklist_qpriv *p;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(doc, sizeof doc - 1, "c.xml",
	    &cl, &err), CHECKLIST_OK);
	p = checklist_find_question(cl, "p1/a")->priv;
	assert_int_equal(p->relevant->nreads, 1);
	assert_ptr_equal(p->relevant->reads[0],
	    checklist_find_question(cl, "p2/a"));
	p = checklist_find_question(cl, "p2/b")->priv;
	assert_int_equal(p->constraint->nreads, 2);
	checklist_free(cl);
}

static void
test_warnings(void **state)
{
	struct checklist *cl = test_load_fixture("warn-template.xml");
	static const struct {
		int line;
		const char *message;
	} want[] = {
		{ 4, "template 'unused' is used by no provision" },
		{ 9, "question 'never' of template 'std' is omitted or replaced "
		  "by every provision that uses the template: it is never asked" },
		{ 17, "provision 'p2' asks nothing: it has no template, no "
		  "questions and no items" },
		{ 21, "section 's2' asks nothing: none of its provisions has a "
		  "question" },
	};
	size_t i;

	(void)state;
	assert_int_equal(cl->nwarnings, sizeof want / sizeof *want);
	for (i = 0; i < cl->nwarnings; i++) {
		assert_int_equal(cl->warnings[i].line, want[i].line);
		assert_string_equal(cl->warnings[i].message, want[i].message);
		assert_non_null(strstr(checklist_error_text(&cl->warnings[i]),
		    "warn-template.xml:"));
	}
	checklist_free(cl);
}

static void
test_bundled_clean(void **state)
{
	struct checklist *cl = test_load_bundled();

	(void)state;
	assert_int_equal(cl->nwarnings, 0);
	checklist_free(cl);
	cl = test_load_fixture("mini.xml");
	assert_int_equal(cl->nwarnings, 0);
	checklist_free(cl);
}

/* ------------------------------------- many texts and choices in one place */

/* The head of a definition to F, in languages en, and x-a, x-z, x-l1 to
 * x-l2999 when LANGS, up to provision p1, whose question 'q' is to
 * begin at line 5 (its children from line 6 on, one a line). */
static void
many_head(FILE *f, bool langs)
{
	size_t i;

	fputs("<checklist xmlns='urn:x-sacl:checklist:1' id='c' version='1' "
	    "xml:lang='en' languages='en", f);
	for (i = 1; langs && i < 3000; i++)
		fprintf(f, "%s x-l%zu", i == 1 ? " x-a x-z" : "", i);
	fputs("'><title>C</title>\n<section id='s' number='1'><title>S</title>\n"
	    "<provision id='p1' number='1' level='mandatory'><title>P</title>\n"
	    "<!-- line 4 -->\n", f);
}

/* Load the definition in F (an open_memstream of BUF, SIZE); the error
 * it is refused with in ERR. */
static checklist_status
many_load(FILE *f, char **buf, size_t *size, struct checklist_error *err)
{
	struct checklist *cl = NULL;
	checklist_status st;

	assert_int_equal(fclose(f), 0);
	checklist_error_clear(err);
	st = checklist_load_memory(*buf, *size, "many.xml", &cl, err);
	checklist_free(cl);
	free(*buf);
	return st;
}

/* N labels of question q, from line 6: the I-th in language LANG[I]
 * (NULL: the default language). */
static checklist_status
many_labels(size_t n, const char *(*lang)(size_t), struct checklist_error *err)
{
	char *buf = NULL;
	size_t size = 0, i;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	many_head(f, true);
	fputs("<question id='q' type='single'>\n", f);
	for (i = 0; i < n; i++)
		if (lang(i) == NULL)
			fprintf(f, "<label>L%zu</label>\n", i);
		else
			fprintf(f, "<label xml:lang='%s'>L%zu</label>\n", lang(i), i);
	fputs("<choice value='a'><label>A</label></choice>\n"
	    "</question></provision></section></checklist>\n", f);
	return many_load(f, &buf, &size, err);
}

/* 3,000 labels, each in a language of its own but the last two. */
static const char *
many_lang_last_two(size_t i)
{
	static char lang[32];

	if (i == 0)
		return NULL;
	snprintf(lang, sizeof lang, "x-l%zu", i >= 2998 ? (size_t)2998 : i);
	return lang;
}

/* The first repeat in document order is 'x-z' (lines 16 and 1506),
 * though 'x-a' (lines 26 and 3005) sorts first. */
static const char *
many_lang_order(size_t i)
{
	static char lang[32];

	if (i == 0)
		return NULL;
	if (i == 10 || i == 1500)
		return "x-z";
	if (i == 20 || i == 2999)
		return "x-a";
	snprintf(lang, sizeof lang, "x-l%zu", i);
	return lang;
}

static void
test_many_labels(void **state)
{
	struct checklist_error err;

	(void)state;
	assert_int_equal(many_labels(3000, many_lang_last_two, &err),
	    CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 3005);
	assert_string_equal(err.message, "question 'q' has a second <label> in "
	    "'x-l2998' (the first is at line 3004): give one text per language");
	assert_int_equal(many_labels(3000, many_lang_order, &err),
	    CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 1506);
	assert_string_equal(err.message, "question 'q' has a second <label> in "
	    "'x-z' (the first is at line 16): give one text per language");
}

/* A definition whose list 'many' has N choices v0, v1, ... from line 2,
 * one a line, then (when EXTRA is not NULL) one more of value EXTRA. */
static checklist_status
many_list(size_t n, const char *extra, struct checklist_error *err)
{
	char *buf = NULL;
	size_t size = 0, i;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	fputs("<checklist xmlns='urn:x-sacl:checklist:1' id='c' version='1' "
	    "xml:lang='en' languages='en'><title>C</title><choices id='many'>\n",
	    f);
	for (i = 0; i < n; i++)
		fprintf(f, "<choice value='v%zu'><label>V</label></choice>\n", i);
	if (extra != NULL)
		fprintf(f, "<choice value='%s'><label>V</label></choice>\n", extra);
	fputs("</choices><section id='s' number='1'><title>S</title>\n"
	    "<provision id='p1' number='1' level='mandatory'><title>P</title>\n"
	    "<question id='q' type='single' choices='many'><label>Q</label>"
	    "</question></provision></section></checklist>\n", f);
	return many_load(f, &buf, &size, err);
}

static void
test_many_list_choices(void **state)
{
	struct checklist_error err;

	(void)state;
	/* v999, the 1,000th (line 1001), again as the 3,001st (line 3002) */
	assert_int_equal(many_list(3000, "v999", &err), CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 3002);
	assert_string_equal(err.message, "choice list 'many' has the value "
	    "'v999' twice (the first at line 1001)");
	assert_int_equal(many_list(3000, NULL, &err), CHECKLIST_OK);
}

/* Question q with N choices of its own v0, v1, ... then EXTRA (when not
 * NULL); with other="true" and a choice 'other' before the OTHER-th
 * choice when OTHER is not SIZE_MAX. */
static checklist_status
many_own(size_t n, const char *extra, size_t other,
    struct checklist_error *err)
{
	char *buf = NULL;
	size_t size = 0, i;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	many_head(f, false);
	fprintf(f, "<question id='q' type='single'%s><label>Q</label>\n",
	    other == SIZE_MAX ? "" : " other='true'");
	for (i = 0; i <= n; i++) {
		if (i == other)
			fputs("<choice value='other'><label>O</label></choice>\n", f);
		if (i == n && extra != NULL)
			fprintf(f, "<choice value='%s'><label>V</label></choice>\n",
			    extra);
		else if (i < n)
			fprintf(f, "<choice value='v%zu'><label>V</label></choice>\n",
			    i);
	}
	fputs("</question></provision></section></checklist>\n", f);
	return many_load(f, &buf, &size, err);
}

static void
test_many_own_choices(void **state)
{
	struct checklist_error err;

	(void)state;
	assert_int_equal(many_own(3000, "v999", SIZE_MAX, &err),
	    CHECKLIST_ERR_SEMANTIC);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.message, "question p1/q lists the choice 'v999' "
	    "twice");
	/* the first mistake in the order of the choices is told */
	assert_int_equal(many_own(3000, "v999", 3000, &err),
	    CHECKLIST_ERR_SEMANTIC);
	assert_string_equal(err.message, "question p1/q has other=\"true\" and "
	    "a choice 'other'");
	assert_int_equal(many_own(3000, "v999", 3001, &err),
	    CHECKLIST_ERR_SEMANTIC);
	assert_string_equal(err.message, "question p1/q lists the choice 'v999' "
	    "twice");
	assert_int_equal(many_own(3000, NULL, SIZE_MAX, &err), CHECKLIST_OK);
}

/* The repeats are found by sorting, not by comparing every pair: twice
 * the choices cost about twice the comparisons (n log n: 2.2 times;
 * every pair: 4 times). */
static void
test_many_linear(void **state)
{
	struct checklist_error err;
	unsigned long small, big;

	(void)state;
	checklist_dups_compares = 0;
	assert_int_equal(many_list(3000, "v999", &err), CHECKLIST_ERR_SEMANTIC);
	small = checklist_dups_compares;
	checklist_dups_compares = 0;
	assert_int_equal(many_list(6000, "v999", &err), CHECKLIST_ERR_SEMANTIC);
	big = checklist_dups_compares;
	print_message("compares: %lu for 3,000 choices, %lu for 6,000\n", small,
	    big);
	assert_true(small > 0);
	assert_true(small < 3001UL * 13 * 2);
	assert_true(big * 10 < small * 25);
	checklist_dups_compares = 0;
	assert_int_equal(many_own(6000, NULL, SIZE_MAX, &err), CHECKLIST_OK);
	assert_true(checklist_dups_compares < 6000UL * 14 * 2);
}

/* ------------------------------------------------------------ functions */

/* Evaluate SRC with <v>VALUE</v> as the context node. */
static xmlXPathObjectPtr
eval(const char *src, const char *value)
{
	struct checklist_error err;
	struct checklist_expr *e = NULL;
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)"v",
	    (const xmlChar *)value);
	xmlXPathObjectPtr res;

	xmlDocSetRootElement(doc, root);
	checklist_error_clear(&err);
	if (checklist_expr_compile(src, "t", 1, "test", &e, &err) != CHECKLIST_OK)
		fail_msg("%s", err.message);
	res = checklist_expr_eval_object(e, doc, root);
	checklist_xpath_forget(doc);
	checklist_expr_free(e);
	xmlFreeDoc(doc);
	return res;
}

static void
want_string(const char *src, const char *value, const char *want)
{
	xmlXPathObjectPtr res = eval(src, value);
	xmlChar *s;

	print_message("%s\n", src);
	assert_non_null(res);
	s = xmlXPathCastToString(res);
	assert_string_equal((const char *)s, want);
	xmlFree(s);
	xmlXPathFreeObject(res);
}

static void
want_number(const char *src, const char *value, double want)
{
	xmlXPathObjectPtr res = eval(src, value);
	double n;

	print_message("%s\n", src);
	assert_non_null(res);
	n = xmlXPathCastToNumber(res);
	xmlXPathFreeObject(res);
	if (isnan(want))
		assert_true(isnan(n));
	else
		assert_true(fabs(n - want) < 1e-9);
}

static void
want_bool(const char *src, const char *value, bool want)
{
	xmlXPathObjectPtr res = eval(src, value);

	print_message("%s\n", src);
	assert_non_null(res);
	assert_int_equal(xmlXPathCastToBoolean(res) != 0, want);
	xmlXPathFreeObject(res);
}

static void
test_regex(void **state)
{
	static const char email[] = "regex(., '[^@ ]+@[^@ ]+\\.[a-z]{2,}')";

	(void)state;
	want_bool(email, "fp@example.org", true);
	want_bool(email, "fp@example.org", true); /* the cached pattern */
	want_bool(email, "fp at example.org", false);
	want_bool("regex(., 'b')", "abc", false); /* the whole value */
	want_bool("regex(., '\\d{4}')", "2024", true);
	assert_null(eval("regex(., '[a-')", "a")); /* refused: false */
	assert_true(checklist_xpath_regex_ok("[a-z]+"));
	assert_false(checklist_xpath_regex_ok("[a-"));
}

static void
test_strings_and_choices(void **state)
{
	(void)state;
	want_number("string-length(.)", "héllo", 5);
	want_number("string-length('')", "", 0);
	want_number("count-selected(.)", "a b  c", 3);
	want_number("count-selected(.)", "", 0);
	want_string("selected-at(., 1)", "a b c", "b");
	want_string("selected-at(., 0)", "a b c", "a");
	want_string("selected-at(., 5)", "a", "");
	want_bool("selected(., 'b')", "a b c", true);
	want_bool("selected(., 'ab')", "a b c", false);
	want_string("if(. = 'x', 'yes', 'no')", "x", "yes");
	want_number("if(false(), 1, 2)", "", 2);
	want_string("coalesce(., 'none')", "", "none");
	want_string("coalesce(., 'none')", "some", "some");
}

static void
test_numbers(void **state)
{
	(void)state;
	want_number("int(.)", "2.7", 2);
	want_number("int(.)", "-2.7", -2);
	want_number("int('x')", "", NAN);
	want_number("round(.)", "2.5", 3);
	want_number("round(.)", "-2.5", -2);
	want_number("round(., 1)", "1.25", 1.3);
	want_number("round(., 2)", "3.14159", 3.14);
	want_number("round(., -2)", "1234", 1200);
}

static void
test_dates(void **state)
{
	(void)state;
	setenv("SACL_NOW", "2026-11-30T12:00:00Z", 1);
	want_string("today()", "", "2026-11-30");
	unsetenv("SACL_NOW");
	want_number("decimal-date-time(.)", "1970-01-02", 1);
	want_number("decimal-date-time(.)", "2024-02-29", 19782);
	want_number("decimal-date-time(.)", "1970-01-01T12:00:00Z", 0.5);
	want_number("decimal-date-time(.)", "1970-01-01T12:00:00+02:00",
	    10.0 / 24);
	want_number("decimal-date-time(.)", "2023-02-29", NAN);
	want_number("decimal-date(.)", "1969-12-31", -1);
	want_string("date(19782)", "", "2024-02-29");
	want_string("date(-1)", "", "1969-12-31");
	want_string("date(.)", "2024-02-29", "2024-02-29");
	want_string("date(.)", "yesterday", "");
	want_bool("decimal-date-time(.) < decimal-date-time('2024-03-01')",
	    "2024-02-29", true);
	want_bool("decimal-date-time(.) <= decimal-date-time(today())",
	    "2999-01-01", false);
}

/* A constraint with the new functions, through the public API. */
static void
test_constraint_in_use(void **state)
{
	static const char doc[] =
	    "<checklist xmlns='urn:x-sacl:checklist:1' id='c' version='1'\n"
	    " xml:lang='en' languages='en'><title>C</title>\n"
	    "<front id='front'><title>F</title>\n"
	    "<question id='email' type='text'\n"
	    " constraint=\"regex(., '[^@ ]+@[^@ ]+') and string-length(.) &lt; 30\">\n"
	    "<label>E</label><message>An e-mail address.</message></question>\n"
	    "<question id='start' type='date'><label>S</label></question>\n"
	    "<question id='end' type='date' constraint=\"decimal-date-time(.) "
	    "&gt;= decimal-date-time(../start)\"><label>E</label></question>\n"
	    "</front>\n"
	    "<section id='s' number='1'><title>S</title>\n"
	    "<provision id='p' number='1' level='mandatory'><title>P</title>\n"
	    "<question id='q' type='boolean'><label>Q</label></question>\n"
	    "</provision></section></checklist>\n";
	struct checklist_error err;
	struct checklist *cl = NULL;
	struct checklist_response *r;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(doc, sizeof doc - 1, "c.xml",
	    &cl, &err), CHECKLIST_OK);
	r = checklist_response_new(cl);
	assert_int_equal(checklist_response_set(r, "front/email", "no-at-sign",
	    &err), CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, "An e-mail address.");
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "front/email", "fp@gov.example",
	    &err), CHECKLIST_OK);
	assert_int_equal(checklist_response_set(r, "front/start", "2024-03-01",
	    &err), CHECKLIST_OK);
	assert_int_equal(checklist_response_set(r, "front/end", "2024-02-29",
	    &err), CHECKLIST_ERR_VALUE);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, "front/end", "2024-03-02",
	    &err), CHECKLIST_OK);
	checklist_response_free(r);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_cycle_through_group),
		cmocka_unit_test(test_no_false_cycle),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_bundled_clean),
		cmocka_unit_test(test_many_labels),
		cmocka_unit_test(test_many_list_choices),
		cmocka_unit_test(test_many_own_choices),
		cmocka_unit_test(test_many_linear),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_strings_and_choices),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_constraint_in_use),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

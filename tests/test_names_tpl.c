/*
 * test_names_tpl.c: the conditions of a template's copies are resolved
 * once per shape of provision, and the other copies take what the first
 * read at the same places (checklist_names_copy.c). What every
 * expression reads, and the dependency index built from it, are those
 * of the full resolution of each copy (checklist_names_copies(false)),
 * for templates with a variant, a provision's own question, an
 * omission, items inside a provision, paths leaving the template,
 * absolute paths and paths into another provision; an error in a
 * template's condition names the same copies, at the same line, as the
 * full resolution; and the number of full resolutions is one per
 * expression of the template (and per expression written in place),
 * not one per copy.
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
#define TEXT(id, attrs) "<question id=\"" id "\" type=\"text\" " attrs \
	"><label>L</label></question>\n"
#define PROV(id, level, tpl, inner) "<provision id=\"" id "\" number=\"" \
	id "\" level=\"" level "\" template=\"" tpl "\"><title>P</title>" \
	inner "</provision>\n"

/* Template std: a status with a variant for "consider"; a repeat with a
 * variant for "optional" (another shape) and one for "consider" (the
 * same numbers of elements, names in another order); conditions reading the
 * provision, an entry, the provision as a whole, below it (..//), its
 * ancestors, outside it (../../p0, /response/...), and a provision
 * named by id (../../p1). p4 adds a question, p5 omits one, p6
 * replaces one, p7 and p8 hold two items each using template alt,
 * whose conditions read the provision holding them. */
static const char definition[] = HEAD
    "<template id=\"std\">\n"
    "<question id=\"status\" type=\"single\"><label>S</label>"
    "<choice value=\"full\"><label>F</label></choice>"
    "<choice value=\"partial\"><label>P</label></choice></question>\n"
    "<question id=\"status\" level=\"consider\" type=\"single\">"
    "<label>S</label><choice value=\"yes\"><label>Y</label></choice>"
    "</question>\n"
    TEXT("steps", "relevant=\"../status = 'partial'\"")
    "<question id=\"laws\" type=\"repeat\" relevant=\"../status != ''\">"
    "<label>L</label>"
    TEXT("title", "constraint=\"../../../status != '' or . != ''\"")
    TEXT("year", "relevant=\"../title != ''\"")
    "</question>\n"
    TEXT("laws", "level=\"optional\" relevant=\"../status != 'x'\"")
    "<question id=\"laws\" level=\"consider\" type=\"repeat\">"
    "<label>L</label>" TEXT("year", "") TEXT("title", "") "</question>\n"
    TEXT("whole", "constraint=\"string-length(string(..)) &lt; 900\"")
    TEXT("abs", "relevant=\"/response/s/p0/x = 'yes'\"")
    TEXT("up", "relevant=\"../../p0/x = 'yes'\"")
    TEXT("other", "relevant=\"count(../../p1/status) &gt;= 0\"")
    TEXT("anc", "constraint=\"count(ancestor::*) &gt; 0\"")
    TEXT("below", "constraint=\"count(..//status) &gt;= 0\"")
    TEXT("sib", "constraint=\"count(preceding-sibling::*) &gt;= 0\"")
    TEXT("all", "constraint=\"count(../*) &gt;= 0\"")
    TEXT("lt", "relevant=\"count(..//title) &gt; 0\"")
    "</template>\n"
    "<template id=\"alt\">\n"
    TEXT("a", "") TEXT("title", "")
    TEXT("b", "relevant=\"../a = 'x' and ../../status != ''\"")
    TEXT("d", "relevant=\"count(../../*) &gt; 0\"")
    TEXT("c", "constraint=\". != ../b\"")
    "</template>\n"
    "<section id=\"s\" number=\"1\"><title>S</title>\n"
    "<provision id=\"p0\" number=\"0\" level=\"mandatory\"><title>P</title>"
    TEXT("x", "") TEXT("y", "relevant=\"../x = 'yes'\"") "</provision>\n"
    PROV("p1", "mandatory", "std", "")
    PROV("p2", "mandatory", "std", "")
    PROV("p3", "consider", "std", "")
    PROV("p4", "mandatory", "std", TEXT("extra", "relevant=\"../status = 'full'\""))
    PROV("p5", "mandatory", "std", "<omit question=\"steps\"/>")
    PROV("p6", "mandatory", "std", TEXT("whole", ""))
    PROV("p7", "optional", "std",
        PROV("p7a", "optional", "alt", "") PROV("p7b", "optional", "alt", ""))
    PROV("p8", "optional", "std",
        PROV("p8a", "optional", "alt", "") PROV("p8b", "optional", "alt", ""))
    "</section>\n</checklist>\n";

/* Load XML (NULL: the bundled checklist) with the copies taken (ON) or
 * each resolved in full; the full resolutions and the copies taken
 * during the load. */
static struct checklist *
load(const char *xml, bool on, unsigned long *full, unsigned long *taken)
{
	unsigned long f0, t0, f1, t1;
	struct checklist *cl;

	checklist_names_copies(on);
	checklist_names_counts(&f0, &t0);
	cl = xml != NULL ? test_load_string(xml) : test_load_bundled();
	checklist_names_counts(&f1, &t1);
	checklist_names_copies(true);
	*full = f1 - f0;
	*taken = t1 - t0;
	return cl;
}

static void
same_lists(const struct checklist_deps_lists *a,
    const struct checklist_deps_lists *b, size_t nkeys)
{
	size_t k;

	for (k = 0; k <= nkeys; k++)
		assert_int_equal(a->off[k], b->off[k]);
	for (k = 0; k < a->off[nkeys]; k++)
		assert_int_equal(a->list[k], b->list[k]);
}

/* (1) Every expression of XML (NULL: the bundled checklist) reads what
 * its full resolution reads, in the same order; the dependency indexes
 * are equal. */
static void
same_reads(const char *xml)
{
	unsigned long full_on, taken_on, full_off, taken_off;
	struct checklist *fast = load(xml, true, &full_on, &taken_on);
	struct checklist *slow = load(xml, false, &full_off, &taken_off);
	const struct checklist_deps *df, *ds;
	const struct checklist_qpriv *pf, *ps;
	char a[1024], b[1024];
	size_t i;

	assert_int_equal(fast->nall, slow->nall);
	for (i = 0; i < fast->nall; i++) {
		pf = fast->all[i]->priv;
		ps = slow->all[i]->priv;
		assert_string_equal(fast->all[i]->path, slow->all[i]->path);
		test_expr_reads(pf->relevant, a, sizeof a);
		test_expr_reads(ps->relevant, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("%s relevant: %s, in full %s",
			    fast->all[i]->path, a, b);
		test_expr_reads(pf->constraint, a, sizeof a);
		test_expr_reads(ps->constraint, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("%s constraint: %s, in full %s",
			    fast->all[i]->path, a, b);
	}
	df = checklist_index_deps(fast);
	ds = checklist_index_deps(slow);
	assert_non_null(df);
	assert_non_null(ds);
	same_lists(&df->q_by_q, &ds->q_by_q, df->nall);
	same_lists(&df->g_by_q, &ds->g_by_q, df->nall);
	same_lists(&df->q_by_g, &ds->q_by_g, df->ngroups);
	same_lists(&df->g_by_g, &ds->g_by_g, df->ngroups);
	same_lists(&df->anyq, &ds->anyq, 1);
	same_lists(&df->anyg, &ds->anyg, 1);
	/* some copies were taken; none without them */
	assert_true(taken_on > 0);
	assert_int_equal(taken_off, 0);
	assert_int_equal(full_on + taken_on, full_off);
	checklist_free(fast);
	checklist_free(slow);
}

static void
test_copies_read_as_resolved(void **state)
{
	/* ancestor::laws finds the repeat, and in p2 the section too */
	static const char ancestor[] = HEAD "<template id=\"r\">\n"
	    "<question id=\"laws\" type=\"repeat\"><label>L</label>"
	    TEXT("title", "constraint=\"count(ancestor::laws) &gt; 0\"")
	    "</question>\n" TEXT("n", "relevant=\"../laws != ''\"")
	    "</template>\n"
	    "<section id=\"s\" number=\"1\"><title>S</title>\n"
	    PROV("p1", "mandatory", "r", "") PROV("p3", "mandatory", "r", "")
	    "</section>\n<section id=\"laws\" number=\"2\"><title>S</title>\n"
	    PROV("p2", "mandatory", "r", "") "</section>\n</checklist>\n";

	(void)state;
	same_reads(definition);
	same_reads(ancestor);
	same_reads(NULL);
}

/* A few of the reads themselves: a variant's copy reads its own
 * provision's variant; a path into p1 reads p1 from every copy. */
static void
test_copies_read_their_own(void **state)
{
	static const char *const want[][2] = {
		{ "p3/steps", "reads=p3/status" },
		{ "p8a/b", "reads=p8a/a,p8/status" },
		{ "p2/laws/title", "reads=p2/status,p2/laws/title" },
		{ "p6/steps", "reads=p6/status" },
		{ "p2/other", "reads=p1/status" },
		{ "p5/up", "reads=p0/x" },
		{ "p7b/c", "reads=p7b/c,p7b/b" },
		{ "p7/lt", "reads=p7a/title,p7b/title walks" },
		{ "p4/all", "reads=p4/status,p4/steps,p4/laws,p4/whole,p4/abs,"
		  "p4/up,p4/other,p4/anc,p4/below,p4/sib,p4/all,p4/lt,p4/extra" },
		{ "p3/lt", "reads=p3/laws/title walks" },
	};
	unsigned long full, taken;
	struct checklist *cl = load(definition, true, &full, &taken);
	const struct checklist_question *q;
	const struct checklist_qpriv *p;
	char got[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		q = checklist_find_question(cl, want[i][0]);
		assert_non_null(q);
		p = q->priv;
		test_expr_reads(p->relevant != NULL ? p->relevant :
		    p->constraint, got, sizeof got);
		if (strcmp(got, want[i][1]) != 0)
			fail_msg("%s: %s, not %s", want[i][0], got, want[i][1]);
	}
	checklist_free(cl);
}

/* (3) Template t has three conditions that stay in their provision and
 * one absolute path; four provisions use it, and p0 has two conditions
 * of its own. Resolved in full: the three once, the absolute path in
 * every copy, p0's two: 3 + 4 + 2; the 3 x 3 others taken. */
static void
test_one_resolution_per_template(void **state)
{
	static const char doc[] = HEAD
	    "<template id=\"t\">\n"
	    TEXT("a", "")
	    TEXT("b", "relevant=\"../a = 'x'\"")
	    TEXT("c", "constraint=\". != ../b\"")
	    TEXT("d", "relevant=\"string(..) != ''\"")
	    TEXT("e", "relevant=\"/response/s/p0/x = 'y'\"")
	    "</template>\n"
	    "<section id=\"s\" number=\"1\"><title>S</title>\n"
	    "<provision id=\"p0\" number=\"0\" level=\"mandatory\"><title>P"
	    "</title>" TEXT("x", "constraint=\". != 'z'\"")
	    TEXT("y", "relevant=\"../x = 'yes'\"") "</provision>\n"
	    PROV("p1", "mandatory", "t", "") PROV("p2", "consider", "t", "")
	    PROV("p3", "optional", "t", "") PROV("p4", "mandatory", "t", "")
	    "</section>\n</checklist>\n";
	unsigned long full, taken;
	struct checklist *cl;

	(void)state;
	cl = load(doc, true, &full, &taken);
	assert_int_equal(full, 3 + 4 + 2);
	assert_int_equal(taken, 3 * 3);
	checklist_free(cl);
	cl = load(doc, false, &full, &taken);
	assert_int_equal(full, 4 * 4 + 2);
	assert_int_equal(taken, 0);
	checklist_free(cl);
}

/* Load XML both ways: the same error, at the same line and column. */
static void
same_error(const char *xml, const char *want)
{
	struct checklist_error on, off;
	struct checklist *cl = NULL;

	checklist_error_clear(&on);
	checklist_error_clear(&off);
	assert_int_equal(checklist_load_memory(xml, strlen(xml), "t.xml", &cl,
	    &on), CHECKLIST_ERR_SEMANTIC);
	assert_null(cl);
	checklist_names_copies(false);
	assert_int_equal(checklist_load_memory(xml, strlen(xml), "t.xml", &cl,
	    &off), CHECKLIST_ERR_SEMANTIC);
	checklist_names_copies(true);
	assert_null(cl);
	assert_string_equal(on.message, off.message);
	assert_int_equal(on.line, off.line);
	assert_int_equal(on.column, off.column);
	if (strstr(on.message, want) == NULL)
		fail_msg("got '%s', not '%s'", on.message, want);
}

#define BAD(prov) HEAD "<template id=\"e\">\n" TEXT("a", "") \
	TEXT("x", "relevant=\"../extra = 'y'\"") "</template>\n" \
	"<section id=\"s\" number=\"1\"><title>S</title>\n" prov \
	"</section>\n</checklist>\n"
#define EXTRA TEXT("extra", "")

/* (2) A condition of a template naming nothing in some copies: every
 * copy where it fails is named, as in full, whether the first copy
 * failed (p1, p3) or succeeded (p1 has the question: p2, p3 fail;
 * p1 is named: p2, p3 fail). */
static void
test_errors_name_each_copy(void **state)
{
	static const char first_fails[] = BAD(PROV("p1", "mandatory", "e", "")
	    PROV("p2", "mandatory", "e", EXTRA) PROV("p3", "mandatory", "e", ""));
	static const char later_fail[] = BAD(PROV("p1", "mandatory", "e", EXTRA)
	    PROV("p2", "mandatory", "e", "") PROV("p3", "mandatory", "e", "")
	    PROV("p4", "mandatory", "e", EXTRA));
	static const char self[] = HEAD "<template id=\"e\">\n" TEXT("a", "")
	    TEXT("x", "relevant=\"count(../self::p1) = 1\"") "</template>\n"
	    "<section id=\"s\" number=\"1\"><title>S</title>\n"
	    PROV("p1", "mandatory", "e", "") PROV("p2", "mandatory", "e", "")
	    PROV("p3", "mandatory", "e", "") "</section>\n</checklist>\n";
	static const char outside[] = HEAD "<template id=\"e\">\n" TEXT("a", "")
	    TEXT("x", "relevant=\"../../p2/a = 'y'\"") "</template>\n"
	    "<section id=\"s\" number=\"1\"><title>S</title>\n"
	    PROV("p1", "mandatory", "e", "") PROV("p3", "mandatory", "e", "")
	    "</section>\n</checklist>\n";

	(void)state;
	same_error(first_fails, "template 'e', question 'x' (in p1, p3), "
	    "attribute relevant: '../extra' names nothing: provision 'p1' has "
	    "no question or item 'extra'");
	same_error(later_fail, "template 'e', question 'x' (in p2, p3), "
	    "attribute relevant: '../extra' names nothing: provision 'p2' has "
	    "no question or item 'extra'");
	/* p1 is named: its copies are not taken from p1's */
	same_error(self, "template 'e', question 'x' (in p2, p3), attribute "
	    "relevant: '../self::p1' names nothing: no self::p1 from there");
	same_error(outside, "template 'e', question 'x' (in p1, p3), "
	    "attribute relevant: '../../p2' names nothing: section 's' has no "
	    "provision 'p2'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copies_read_as_resolved),
		cmocka_unit_test(test_copies_read_their_own),
		cmocka_unit_test(test_one_resolution_per_template),
		cmocka_unit_test(test_errors_name_each_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

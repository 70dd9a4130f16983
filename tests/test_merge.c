/*
 * test_merge.c: workshops in the model (issue 13): contributions (scope
 * and agency), merging responses with and without a base, repeat entries
 * merged as entries, provenance kept through a second merge, conflicts
 * recorded, settled (and settled by a value set by hand), and what can
 * go out as a submission.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

static struct checklist *cl;

static int
setup(void **state)
{
	(void)state;
	cl = test_load_bundled();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	checklist_free(cl);
	return 0;
}

/* The attribute NAME of the element of PATH in R, "" when absent. */
static char *
attr(struct checklist_response *r, const char *path, const char *name)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr n = checklist_path_resolve(r, path, false, &q, &other);
	xmlChar *v;
	char *out;

	assert_non_null(n);
	v = xmlGetProp(n, (const xmlChar *)name);
	out = strdup(v != NULL ? (const char *)v : "");
	xmlFree(v);
	return out;
}

static void
assert_attr(struct checklist_response *r, const char *path,
    const char *name, const char *want)
{
	char *v = attr(r, path, name);

	if (strcmp(v, want) != 0)
		fail_msg("%s @%s: '%s', not '%s'", path, name, v, want);
	free(v);
}

static struct checklist_response *
contribution(const char *agency)
{
	struct checklist_response *r = checklist_response_new(cl);

	checklist_scope_set(r, NULL, agency);
	return r;
}

static struct checklist_response *
merge(struct checklist_response *base, struct checklist_response **rs,
    const char **files, size_t n, int prefer,
    struct checklist_merge_result *res)
{
	struct checklist_merge_input in[4];
	struct checklist_response *out = NULL;
	struct checklist_error err;
	size_t i;

	for (i = 0; i < n; i++) {
		in[i].r = rs[i];
		in[i].file = files[i];
		in[i].time = "2026-12-01T10:00:00Z";
		in[i].agency = NULL;
	}
	checklist_error_clear(&err);
	if (checklist_merge(cl, base, in, n, prefer, &out, res, &err) !=
	    CHECKLIST_OK)
		fail_msg("merge: %s", err.message);
	return out;
}

static void
test_no_base(void **state)
{
	struct checklist_response *r[2] = { contribution("Justice"),
	    contribution("Bank") }, *out;
	const char *files[2] = { "justice.xml", "bank.xml" };
	struct checklist_merge_result res;
	struct checklist_conflict *c;
	size_t n;

	(void)state;
	test_set(r[0], "p9_1/status", "full");
	test_set(r[1], "p11_1/status", "partial");
	test_set(r[0], "p9_1/examples", "Justice says");
	test_set(r[1], "p9_1/examples", "Bank says");
	out = merge(NULL, r, files, 2, -1, &res);
	assert_string_equal(checklist_response_get(out, "p9_1/status"), "full");
	assert_string_equal(checklist_response_get(out, "p11_1/status"),
	    "partial");
	assert_attr(out, "p9_1/status", "from-agency", "Justice");
	assert_attr(out, "p9_1/status", "from-file", "justice.xml");
	assert_attr(out, "p9_1/status", "from-time", "2026-12-01T10:00:00Z");
	assert_attr(out, "p11_1/status", "from-agency", "Bank");
	/* differing values: a conflict, none kept for now, both listed */
	assert_int_equal(res.conflicts, 1);
	assert_string_equal(checklist_response_get(out, "p9_1/examples"), "");
	assert_true(checklist_conflict_at(out, "p9_1/examples"));
	n = checklist_conflicts(out, &c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].path, "p9_1/examples");
	assert_int_equal(c[0].n, 2);
	assert_string_equal(c[0].cand[0].value, "Justice says");
	assert_string_equal(c[0].cand[0].agency, "Justice");
	assert_string_equal(c[0].cand[1].value, "Bank says");
	assert_string_equal(c[0].cand[1].agency, "Bank");
	assert_int_equal(checklist_conflicts_in(out,
	    checklist_find_group(cl, "art9")), 1);
	assert_int_equal(checklist_conflicts_in(out,
	    checklist_find_group(cl, "art11")), 0);
	checklist_conflicts_free(c, n);
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	/* --prefer: the preferred input's value, said in a note */
	out = merge(NULL, r, files, 2, 1, &res);
	assert_int_equal(res.conflicts, 0);
	assert_int_equal(res.nnotes, 1);
	assert_string_equal(checklist_response_get(out, "p9_1/examples"),
	    "Bank says");
	assert_false(checklist_conflict_at(out, "p9_1/examples"));
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	checklist_response_free(r[0]);
	checklist_response_free(r[1]);
}

static void
test_base(void **state)
{
	struct checklist_response *base = checklist_response_new(cl), *r[2];
	const char *files[2] = { "j.xml", "b.xml" };
	struct checklist_merge_result res;
	struct checklist_response *out;
	xmlDocPtr copy;

	(void)state;
	test_set(base, "p9_1/status", "partial");
	test_set(base, "p9_2/status", "partial");
	test_set(base, "p9_3/status", "partial");
	r[0] = contribution("Justice");
	r[1] = contribution("Bank");
	copy = xmlCopyDoc(base->doc, 1);
	checklist_response_replace_doc(r[0], copy);
	checklist_response_replace_doc(r[1], xmlCopyDoc(base->doc, 1));
	checklist_scope_set(r[0], NULL, "Justice");
	checklist_scope_set(r[1], NULL, "Bank");
	test_set(r[0], "p9_1/status", "full");     /* changed in one: taken */
	test_set(r[0], "p9_2/status", "full");     /* changed in both... */
	test_set(r[1], "p9_2/status", "none");     /* ...differently: conflict */
	test_set(r[0], "p9_3/status", "none");     /* changed alike in both */
	test_set(r[1], "p9_3/status", "none");
	out = merge(base, r, files, 2, -1, &res);
	assert_string_equal(checklist_response_get(out, "p9_1/status"), "full");
	assert_attr(out, "p9_1/status", "from-agency", "Justice");
	assert_string_equal(checklist_response_get(out, "p9_2/status"),
	    "partial"); /* the base's, for now */
	assert_true(checklist_conflict_at(out, "p9_2/status"));
	assert_string_equal(checklist_response_get(out, "p9_3/status"), "none");
	assert_false(checklist_conflict_at(out, "p9_3/status"));
	assert_int_equal(res.conflicts, 1);
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	/* --prefer an input that kept the base's value: the base's */
	test_set(r[1], "p9_2/status", "partial");
	test_set(r[0], "p9_1/status", "none");
	test_set(r[1], "p9_1/status", "full");
	out = merge(base, r, files, 2, 1, &res);
	assert_string_equal(checklist_response_get(out, "p9_1/status"), "full");
	assert_int_equal(res.conflicts, 0);
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	checklist_response_free(base);
	checklist_response_free(r[0]);
	checklist_response_free(r[1]);
}

static void
test_entries(void **state)
{
	struct checklist_response *r[2] = { contribution("Justice"),
	    contribution("Bank") }, *out;
	const char *files[2] = { "j.xml", "b.xml" };
	struct checklist_merge_result res;

	(void)state;
	test_set(r[0], "p9_1/measures[1]/title", "Procurement Act");
	test_set(r[0], "p9_1/measures[1]/reference", "No. 12/2019");
	test_set(r[0], "p9_1/measures[2]/title", "Decree 5");
	test_set(r[1], "p9_1/measures[1]/title", "Audit Law");
	test_set(r[1], "p9_1/measures[2]/title", "Procurement Act");
	test_set(r[1], "p9_1/measures[2]/reference", "No. 12/2019");
	test_set(r[1], "p9_1/measures[2]/date", "2019-03-01");
	out = merge(NULL, r, files, 2, -1, &res);
	/* the same law cited by both: once, with what each said of it */
	assert_int_equal(checklist_response_entries(out, "p9_1/measures"), 3);
	assert_string_equal(checklist_response_get(out,
	    "p9_1/measures[1]/title"), "Procurement Act");
	assert_string_equal(checklist_response_get(out,
	    "p9_1/measures[1]/date"), "2019-03-01");
	assert_string_equal(checklist_response_get(out,
	    "p9_1/measures[2]/title"), "Decree 5");
	assert_string_equal(checklist_response_get(out,
	    "p9_1/measures[3]/title"), "Audit Law");
	assert_int_equal(res.conflicts, 0);
	checklist_merge_result_free(&res);
	checklist_response_free(out);
	checklist_response_free(r[0]);
	checklist_response_free(r[1]);
}

static void
test_second_merge(void **state)
{
	struct checklist_response *r[2] = { contribution("Justice"),
	    contribution("Bank") }, *m1, *m2, *s[2];
	const char *files[2] = { "j.xml", "b.xml" };
	const char *files2[2] = { "round1.xml", "health.xml" };
	struct checklist_merge_result res;

	(void)state;
	test_set(r[0], "p9_1/status", "full");
	test_set(r[1], "p11_1/status", "none");
	m1 = merge(NULL, r, files, 2, -1, &res);
	checklist_merge_result_free(&res);
	s[0] = m1;
	s[1] = contribution("Health");
	test_set(s[1], "p12_1/status", "partial");
	m2 = merge(NULL, s, files2, 2, -1, &res);
	/* who first gave an answer stays, not the file merged in between */
	assert_attr(m2, "p9_1/status", "from-agency", "Justice");
	assert_attr(m2, "p9_1/status", "from-file", "j.xml");
	assert_attr(m2, "p11_1/status", "from-agency", "Bank");
	assert_attr(m2, "p12_1/status", "from-agency", "Health");
	assert_attr(m2, "p12_1/status", "from-file", "health.xml");
	assert_int_equal(res.conflicts, 0);
	checklist_merge_result_free(&res);
	checklist_response_free(m1);
	checklist_response_free(m2);
	checklist_response_free(s[1]);
	checklist_response_free(r[0]);
	checklist_response_free(r[1]);
}

static void
test_settle(void **state)
{
	struct checklist_response *r[2] = { contribution("Justice"),
	    contribution("Bank") }, *out, *again;
	const char *files[2] = { "j.xml", "b.xml" };
	struct checklist_merge_result res;
	struct checklist_conflict *c;
	struct checklist_error err;
	size_t n;

	(void)state;
	test_set(r[0], "p9_1/status", "full");
	test_set(r[1], "p9_1/status", "none");
	test_set(r[0], "p9_2/status", "full");
	test_set(r[1], "p9_2/status", "none");
	out = merge(NULL, r, files, 2, -1, &res);
	assert_int_equal(res.conflicts, 2);
	checklist_merge_result_free(&res);
	/* refused as a submission, and as an input of another merge */
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_submittable(out, "m.xml", &err),
	    CHECKLIST_ERR_VALUE);
	assert_non_null(strstr(err.message, "m.xml has 2 conflicts"));
	assert_non_null(strstr(err.message, "p9_1/status"));
	/* settle one: the second value, with its provenance */
	n = checklist_conflicts(out, &c);
	checklist_error_clear(&err);
	assert_int_equal(checklist_conflict_settle(out, "p9_1/status",
	    c[0].cand[1].value, NULL, &c[0].cand[1], &err), CHECKLIST_OK);
	checklist_conflicts_free(c, n);
	assert_string_equal(checklist_response_get(out, "p9_1/status"), "none");
	assert_false(checklist_conflict_at(out, "p9_1/status"));
	assert_attr(out, "p9_1/status", "from-agency", "Bank");
	assert_int_equal(checklist_conflicts(out, &c), 1);
	checklist_conflicts_free(c, 1);
	/* a value set by hand settles the other; <conflicts> goes */
	test_set(out, "p9_2/status", "partial");
	assert_false(checklist_conflict_at(out, "p9_2/status"));
	assert_attr(out, "p9_2/status", "from-agency", "");
	assert_int_equal(checklist_conflicts(out, &c), 0);
	assert_null(strstr((const char *)xmlDocGetRootElement(
	    out->doc)->last->name, "conflicts"));
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_submittable(out, "m.xml", &err),
	    CHECKLIST_OK);
	/* and it merges again */
	checklist_response_free(r[1]);
	r[1] = out;
	again = merge(NULL, r, files, 2, -1, &res);
	checklist_merge_result_free(&res);
	checklist_response_free(again);
	checklist_response_free(out);
	checklist_response_free(r[0]);
}

static void
test_scope(void **state)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct checklist_error err;
	char *ids = NULL, *d;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_scope_parse(cl, "9, 11", false, &ids, &err),
	    CHECKLIST_OK);
	assert_string_equal(ids, "art9 art11");
	free(ids);
	assert_int_equal(checklist_scope_parse(cl, "9.1,9.1(a)", true, &ids,
	    &err), CHECKLIST_OK);
	assert_string_equal(ids, "p9_1 p9_1a");
	checklist_scope_set(r, ids, "Justice");
	free(ids);
	assert_true(checklist_scope_has(r, checklist_find_group(cl, "p9_1")));
	assert_false(checklist_scope_has(r, checklist_find_group(cl, "p9_2")));
	assert_false(checklist_scope_has(r, cl->front));
	assert_true(checklist_scope_path(r, "p9_1/measures[2]/title"));
	assert_false(checklist_scope_path(r, "p9_2/status"));
	d = checklist_scope_describe(r);
	assert_string_equal(d, "provisions 9.1, 9.1(a)");
	free(d);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_submittable(r, "j.xml", &err),
	    CHECKLIST_ERR_VALUE);
	assert_string_equal(err.message, "j.xml is a contribution of Justice "
	    "(provisions 9.1, 9.1(a)), not a submission: merge it first "
	    "(sacl merge)");
	/* unknown numbers: refused with the valid ones */
	checklist_error_clear(&err);
	assert_int_equal(checklist_scope_parse(cl, "9,15", false, &ids, &err),
	    CHECKLIST_ERR_NOT_FOUND);
	assert_null(ids);
	assert_non_null(strstr(err.message, "no article '15'"));
	assert_non_null(strstr(err.message, "5, 6, 7, 8, 9, 10, 11, 12, 13, "
	    "14"));
	checklist_response_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_base),
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_second_merge),
		cmocka_unit_test(test_settle),
		cmocka_unit_test(test_scope),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

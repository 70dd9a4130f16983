/*
 * test_export_once.c: an export does each piece of work once (issue
 * 12): export_check walks the response and counts the progress in the
 * same walk, and the writer's copy of the answers reads the relevance
 * it found, so that each condition and each constraint is evaluated
 * once per element for a whole export (check + build), not once by the
 * check, again by the progress and again by the copy. The progress and
 * the package are those of the separate computations.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "checklist/checklist_internal.h"
#include "export/export.h"
#include "tests/test_util.h"

#define HEAD "<?xml version=\"1.0\"?>\n" \
	"<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" version=\"1\"" \
	" xml:lang=\"en\" languages=\"en\">\n<title>T</title>\n"

/* Template "std": a status, steps asked when it is not "full", a note
 * with a constraint; a front list whose second column is asked when
 * the first is given. */
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
    "<question id=\"list\" type=\"repeat\"><label>L</label>"
    "<question id=\"t\" type=\"text\"><label>T</label></question>"
    "<question id=\"u\" type=\"text\" relevant=\"../t != ''\">"
    "<label>U</label></question>"
    "</question></front>\n"
    "<section id=\"s\" number=\"1\"><title>S</title>\n"
    "<provision id=\"a\" number=\"1\" level=\"mandatory\" template=\"std\">"
    "<title>A</title></provision>\n"
    "<provision id=\"b\" number=\"2\" level=\"mandatory\" template=\"std\">"
    "<title>B</title></provision>\n"
    "</section>\n</checklist>\n";

static struct checklist_expr *
expr(struct checklist *cl, const char *path, bool constraint)
{
	struct checklist_question *q = checklist_find_question(cl, path);
	struct checklist_qpriv *p;

	assert_non_null(q);
	p = q->priv;
	return constraint ? p->constraint : p->relevant;
}

/* The XML inside gzip bytes BUF (LEN). Caller frees. */
static char *
inflated(const char *buf, size_t len)
{
	z_stream zs;
	size_t cap = 1 << 20;
	char *out = malloc(cap);

	assert_non_null(out);
	memset(&zs, 0, sizeof zs);
	assert_int_equal(inflateInit2(&zs, 31), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)buf;
	zs.avail_in = (uInt)len;
	zs.next_out = (Bytef *)out;
	zs.avail_out = (uInt)cap - 1;
	assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
	out[zs.total_out] = '\0';
	inflateEnd(&zs);
	return out;
}

static void
test_export_evaluates_once(void **state)
{
	struct checklist_error err;
	struct checklist *cl = NULL;
	struct checklist_response *r;
	struct export_problems probs;
	struct export_options o = { 0 };
	struct checklist_progress fresh;
	char *buf = NULL, *buf2 = NULL, *xml;
	size_t len = 0, len2 = 0;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(definition, strlen(definition),
	    "t.xml", &cl, &err), CHECKLIST_OK);
	r = checklist_response_new(cl);
	test_set(r, "a/status", "none");
	test_set(r, "a/steps", "Adopt the act");
	test_set(r, "a/note", "n");
	test_set(r, "b/status", "none");
	test_set(r, "b/steps", "gone-text"); /* no longer asked below */
	test_set(r, "b/status", "full");
	test_set(r, "f/list[1]/t", "first");
	test_set(r, "f/list[1]/u", "kept-text");
	o.force = true;
	o.now = 1800000000;
	checklist_pcache_forget(r);
	test_evals_zero(cl);
	export_check(r, &o, &probs);
	o.checked = &probs;
	assert_int_equal(export_build(r, &o, &buf, &len, &err), CHECKLIST_OK);
	/* check and build: each condition and constraint once */
	assert_int_equal(expr(cl, "a/steps", false)->evals, 1);
	assert_int_equal(expr(cl, "b/steps", false)->evals, 1);
	assert_int_equal(expr(cl, "f/list/u", false)->evals, 1);
	assert_int_equal(expr(cl, "a/note", true)->evals, 1);
	/* the progress counted in the walk is checklist_progress_all's */
	checklist_pcache_forget(r);
	checklist_progress_all(r, &fresh);
	assert_memory_equal(&probs.progress, &fresh, sizeof fresh);
	assert_int_equal(fresh.answered, 7); /* the list counts, and each value */
	/* the package: the same as one built evaluating everything again */
	o.checked = NULL;
	assert_int_equal(export_build(r, &o, &buf2, &len2, &err),
	    CHECKLIST_OK);
	assert_int_equal(len, len2);
	assert_memory_equal(buf, buf2, len);
	xml = inflated(buf, len);
	assert_null(strstr(xml, "gone-text"));
	assert_non_null(strstr(xml, "kept-text"));
	assert_non_null(strstr(xml, "Adopt the act"));
	free(xml);
	free(buf);
	free(buf2);
	export_problems_free(&probs);
	checklist_response_free(r);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_evaluates_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

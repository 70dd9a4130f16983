/*
 * test_load.c: the definition loader. The bundled checklist loads with
 * its expected shape; the small fixture exercises every construct; and
 * every class of error has a fixture whose message and line are checked.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

struct bad_case {
	const char *file;
	checklist_status status;
	int line;
	const char *message; /* a part of the message */
};

static const struct bad_case bad_cases[] = {
	{ "bad-wellformed.xml", CHECKLIST_ERR_PARSE, 9, "tag mismatch" },
	{ "bad-doctype.xml", CHECKLIST_ERR_PARSE, 2, "DOCTYPE is not allowed" },
	{ "bad-root.xml", CHECKLIST_ERR_SCHEMA, 2, "not a checklist definition" },
	{ "bad-schema.xml", CHECKLIST_ERR_SCHEMA, 6, "'sometimes'" },
	{ "bad-duplicate.xml", CHECKLIST_ERR_SEMANTIC, 10, "duplicate id 'p1'" },
	{ "bad-template.xml", CHECKLIST_ERR_SEMANTIC, 6,
	  "unknown template 'standard'" },
	{ "bad-choices.xml", CHECKLIST_ERR_SEMANTIC, 8,
	  "unknown choice list 'colours'" },
	{ "bad-omit.xml", CHECKLIST_ERR_SEMANTIC, 11, "omits 'z'" },
	{ "bad-xpath.xml", CHECKLIST_ERR_SEMANTIC, 9, "does not compile" },
	{ "bad-unknown-name.xml", CHECKLIST_ERR_SEMANTIC, 9,
	  "'../nosuch' names nothing" },
	{ "bad-function.xml", CHECKLIST_ERR_SEMANTIC, 9,
	  "unknown function 'chosen'" },
	{ "bad-cycle.xml", CHECKLIST_ERR_SEMANTIC, 8, "cycle" },
	{ "bad-default.xml", CHECKLIST_ERR_SEMANTIC, 8,
	  "'maybe' is not one of the choices" },
	{ "bad-lang.xml", CHECKLIST_ERR_SEMANTIC, 6, "language 'fr'" },
	{ "bad-default-lang.xml", CHECKLIST_ERR_SEMANTIC, 2,
	  "default language 'fr'" },
	{ "bad-duplicate-list.xml", CHECKLIST_ERR_SEMANTIC, 5,
	  "duplicate choices id 'c'" },
	{ "bad-choices-twice.xml", CHECKLIST_ERR_SEMANTIC, 11,
	  "both choices=\"c\" and choices of its own" },
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
		assert_int_equal(checklist_load_file(path, &cl, &err), c->status);
		assert_null(cl);
		assert_int_equal(err.line, c->line);
		assert_non_null(strstr(err.message, c->message));
		/* the user sees FILE:LINE: first */
		assert_non_null(strstr(checklist_error_text(&err), c->file));
		free(path);
	}
}

static void
test_missing_file(void **state)
{
	struct checklist_error err;
	struct checklist *cl = NULL;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_file("/nonexistent/x.xml", &cl, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(checklist_error_text(&err),
	    "/nonexistent/x.xml: cannot open"));
	checklist_error_clear(&err);
	assert_int_equal(checklist_load("no-such-checklist", &cl, &err),
	    CHECKLIST_ERR_NOT_FOUND);
}

static void
test_size_cap(void **state)
{
	struct checklist_error err;
	char *buf = NULL, *path = test_fixture("mini.xml");
	size_t len = 0;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(path, 100, &buf, &len, &err),
	    CHECKLIST_ERR_TOO_BIG);
	assert_null(buf);
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(path, 1u << 20, &buf, &len, &err),
	    CHECKLIST_OK);
	assert_true(len > 100);
	assert_int_equal(strlen(buf), len);
	free(buf);
	free(path);
}

static void
test_billion_laughs_refused(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
	    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
	    "<checklist>&lol2;</checklist>\n";
	struct checklist_error err;
	struct checklist *cl = NULL;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(doc, sizeof doc - 1, "lol.xml",
	    &cl, &err), CHECKLIST_ERR_PARSE);
	assert_int_equal(err.line, 2);
	assert_null(cl);
}

static const char *const chapter2_numbers[] = {
	"5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3", "7.1", "7.1(a)",
	"7.1(d)", "7.2", "7.3", "7.4", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6",
	"9.1", "9.1(a)", "9.1(e)", "9.2", "9.2(e)", "9.3", "10", "10(a)",
	"10(b)", "10(c)", "11.1", "11.2", "12.1", "12.2", "12.2(f)", "12.3",
	"12.3(f)", "12.4", "13.1", "13.1(d)", "13.2", "14.1", "14.1(a)",
	"14.1(b)", "14.2", "14.3", "14.3(c)", "14.4", "14.5",
};

static bool
has_number(const struct checklist *cl, const char *number)
{
	size_t i;

	for (i = 0; i < cl->npages; i++)
		if (cl->pages[i]->number != NULL &&
		    strcmp(cl->pages[i]->number, number) == 0)
			return true;
	return false;
}

static void
test_bundled(void **state)
{
	struct checklist *cl = test_load_bundled();
	size_t i;

	(void)state;
	assert_string_equal(cl->id, "uncac-chapter2");
	assert_int_equal(cl->nsections, 10);
	for (i = 0; i < cl->nsections; i++)
		assert_int_equal(atoi(cl->sections[i]->number), (int)i + 5);
	for (i = 0; i < sizeof chapter2_numbers / sizeof *chapter2_numbers; i++) {
		print_message("provision %s\n", chapter2_numbers[i]);
		assert_true(has_number(cl, chapter2_numbers[i]));
	}
	assert_true(checklist_count_provisions(cl) >= 70);
	assert_non_null(cl->front);
	assert_non_null(checklist_find_question(cl, "front/state"));
	assert_non_null(checklist_find_question(cl, "p9_1/status"));
	assert_true(checklist_find_question(cl, "front/state")->nchoices >= 193);
	checklist_free(cl);
}

/* ------------------------------------------- a file parsed as read */

#define BUNDLED SACL_SRCDATADIR "/uncac-chapter2.xml"

/* A file is read a piece at a time (CHECKLIST_XML_READ bytes): the
 * bundled checklist is several pieces. Loaded from its file it is the
 * checklist loaded from its bytes, digest included. */
static void
test_streamed_same(void **state)
{
	struct checklist_error err;
	struct checklist *f = NULL, *m = NULL;
	char *buf, hex[65];
	size_t len;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(BUNDLED, 1u << 24, &buf, &len,
	    &err), CHECKLIST_OK);
	assert_true(len > 3 * CHECKLIST_XML_READ);
	assert_int_equal(checklist_load_file(BUNDLED, &f, &err), CHECKLIST_OK);
	assert_int_equal(checklist_load_memory(buf, len, BUNDLED, &m, &err),
	    CHECKLIST_OK);
	checklist_sha256_hex(buf, len, hex);
	assert_string_equal(f->sha256, hex);
	assert_string_equal(m->sha256, hex);
	assert_int_equal(f->nall, m->nall);
	assert_int_equal(f->npages, m->npages);
	assert_string_equal(checklist_text_get(&f->all[f->nall - 1]->label,
	    "fr", NULL), checklist_text_get(&m->all[m->nall - 1]->label, "fr",
	    NULL));
	checklist_free(f);
	checklist_free(m);
	free(buf);
}

/* An error in the third piece read names its line. */
static void
test_streamed_error_line(void **state)
{
	struct checklist_error err;
	struct checklist *cl = NULL;
	char *buf, *at, *dir, *path;
	size_t len;
	int line = 1;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(BUNDLED, 1u << 24, &buf, &len,
	    &err), CHECKLIST_OK);
	at = strstr(buf + 2 * CHECKLIST_XML_READ + 100, "</label>");
	assert_non_null(at);
	memcpy(at, "</lobel>", 8);
	for (char *c = buf; c < at; c++)
		line += *c == '\n';
	dir = test_tmpdir();
	path = checklist_xasprintf("%s/broken.xml", dir);
	test_write_file(path, buf, len);
	assert_int_equal(checklist_load_file(path, &cl, &err),
	    CHECKLIST_ERR_PARSE);
	assert_null(cl);
	print_message("%s\n", checklist_error_text(&err));
	assert_int_equal(err.line, line);
	assert_non_null(strstr(checklist_error_text(&err), "lobel"));
	free(path);
	free(dir);
	free(buf);
}

static void
test_streamed_seen(void *arg, const char *buf, size_t len)
{
	(void)buf;
	*(size_t *)arg += len;
}

/* Bytes past the cap stop the reading: no document, the cap named. */
static void
test_streamed_cap(void **state)
{
	struct checklist_error err;
	xmlDocPtr doc = NULL;
	size_t seen = 0, len;
	char *buf;
	int fd;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(BUNDLED, 1u << 24, &buf, &len,
	    &err), CHECKLIST_OK);
	free(buf);
	assert_int_equal(checklist_open_file(BUNDLED, 1u << 24, &fd, &err),
	    CHECKLIST_OK);
	assert_int_equal(checklist_xml_parse_fd(fd, "big.xml", 100000,
	    &checklist_caps_definition, test_streamed_seen, &seen, &doc, &err),
	    CHECKLIST_ERR_TOO_BIG);
	close(fd);
	assert_null(doc);
	assert_true(seen <= 100000);
	assert_non_null(strstr(checklist_error_text(&err),
	    "big.xml: file is larger than the limit of 100000 bytes"));
	/* under the cap: every byte seen, in one document */
	checklist_error_clear(&err);
	seen = 0;
	assert_int_equal(checklist_open_file(BUNDLED, 1u << 24, &fd, &err),
	    CHECKLIST_OK);
	assert_int_equal(checklist_xml_parse_fd(fd, "big.xml", 1u << 24,
	    &checklist_caps_definition, test_streamed_seen, &seen, &doc, &err),
	    CHECKLIST_OK);
	close(fd);
	assert_non_null(doc);
	assert_int_equal(seen, len);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_billion_laughs_refused),
		cmocka_unit_test(test_bundled),
		cmocka_unit_test(test_streamed_same),
		cmocka_unit_test(test_streamed_error_line),
		cmocka_unit_test(test_streamed_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

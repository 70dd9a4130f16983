/*
 * test_attach.c: a file question's file taken in when it is given
 * (issue 8, item 10): copied into RESPONSE.files beside the response with
 * its SHA-256, the value naming the copy; a relative path resolved from
 * the current folder; names that never overwrite another file; refusals
 * (missing, not a regular file, over a cap, no response file) that
 * change nothing; and reading a copy back (lost, changed, never taken
 * in). The bundled checklist's p5_1/measures[N]/file is the question.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

#define Q1 "p5_1/measures[1]/file"
#define Q2 "p5_1/measures[2]/file"
#define Q3 "p5_1/measures[3]/file"
/* sha256sum of "hello\n" */
#define HELLO_SHA \
	"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
#define MIB (1024u * 1024)

static struct checklist *bundled;

struct fx {
	char *dir;   /* scratch folder */
	char *src;   /* DIR/src: the user's files */
	char *resp;  /* DIR/resp/answers.xml */
	struct checklist_response *r;
};

static char *
in(const struct fx *f, const char *name)
{
	return checklist_xasprintf("%s/%s", f->dir, name);
}

static void
put(const struct fx *f, const char *name, const char *text)
{
	char *p = in(f, name);

	test_write_file(p, text, strlen(text));
	free(p);
}

/* A file of SIZE zero bytes (sparse), NAME in F's folder. */
static void
put_big(const struct fx *f, const char *name, off_t size)
{
	char *p = in(f, name);
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, size), 0);
	assert_int_equal(close(fd), 0);
	free(p);
}

static checklist_status
set(struct fx *f, const char *path, const char *value,
    struct checklist_error *err)
{
	checklist_error_clear(err);
	return checklist_response_set(f->r, path, value, err);
}

/* Set PATH to the file NAME of F's folder (absolute); assert success. */
static void
take(struct fx *f, const char *path, const char *name)
{
	struct checklist_error err;
	char *p = in(f, name);

	if (set(f, path, p, &err) != CHECKLIST_OK)
		fail_msg("%s: %s", p, checklist_error_text(&err));
	free(p);
}

static char *
attr(struct fx *f, const char *path, const char *name)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(f->r, path, false, &q, &other);

	assert_non_null(el);
	return checklist_xml_attr(el, name);
}

static int
setup(void **state)
{
	struct fx *f = checklist_xcalloc(1, sizeof *f);
	char *p;

	f->dir = test_tmpdir();
	f->src = in(f, "src");
	p = in(f, "resp");
	assert_int_equal(mkdir(f->src, 0700), 0);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
	f->resp = in(f, "resp/answers.xml");
	f->r = checklist_response_new(bundled);
	checklist_response_set_file(f->r, f->resp);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	test_rmtree(f->dir);
	checklist_response_free(f->r);
	free(f->dir);
	free(f->src);
	free(f->resp);
	free(f);
	return 0;
}

static void
test_taken_in(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct stat sb;
	char *copy = in(f, "resp/answers.xml.files/law.pdf"), *sha, *buf;
	size_t len;

	put(f, "src/law.pdf", "hello\n");
	take(f, Q1, "src/law.pdf");
	assert_string_equal(checklist_response_get(f->r, Q1),
	    "answers.xml.files/law.pdf");
	sha = attr(f, Q1, CHECKLIST_ATTR_SHA256);
	assert_string_equal(sha, HELLO_SHA);
	free(sha);
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_size, 6);
	assert_int_equal(sb.st_mode & 077, 0);
	/* the original goes; the copy is what is read back */
	put(f, "src/law.pdf", "changed");
	checklist_error_clear(&err);
	assert_int_equal(checklist_attach_read(f->r, Q1, NULL, MIB, &buf, &len,
	    &err), CHECKLIST_OK);
	assert_int_equal(len, 6);
	assert_memory_equal(buf, "hello\n", 6);
	free(buf);
	/* the same value again changes nothing */
	assert_int_equal(set(f, Q1, "answers.xml.files/law.pdf", &err),
	    CHECKLIST_OK);
	sha = attr(f, Q1, CHECKLIST_ATTR_SHA256);
	assert_string_equal(sha, HELLO_SHA);
	free(sha);
	/* cleared: no checksum left behind */
	assert_int_equal(set(f, Q1, "", &err), CHECKLIST_OK);
	assert_null(attr(f, Q1, CHECKLIST_ATTR_SHA256));
	free(copy);
}

static void
test_relative_from_cwd(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	char *old = getcwd(NULL, 0);

	put(f, "src/strat.pdf", "hello\n");
	assert_int_equal(chdir(f->src), 0);
	assert_int_equal(set(f, Q1, "./strat.pdf", &err), CHECKLIST_OK);
	assert_int_equal(chdir(old), 0);
	assert_string_equal(checklist_response_get(f->r, Q1),
	    "answers.xml.files/strat.pdf");
	free(old);
}

static void
test_unique_names(void **state)
{
	struct fx *f = *state;
	char *p = in(f, "src/b"), *two;

	assert_int_equal(mkdir(p, 0700), 0);
	put(f, "src/law.pdf", "hello\n");
	put(f, "src/b/law.pdf", "another law\n");
	take(f, Q1, "src/law.pdf");
	take(f, Q2, "src/b/law.pdf");
	assert_string_equal(checklist_response_get(f->r, Q2),
	    "answers.xml.files/law-2.pdf");
	/* the same bytes again: the copy there is used, none is added */
	take(f, Q3, "src/law.pdf");
	assert_string_equal(checklist_response_get(f->r, Q3),
	    "answers.xml.files/law.pdf");
	two = in(f, "resp/answers.xml.files/law-3.pdf");
	assert_int_equal(access(two, F_OK), -1);
	free(two);
	/* a hidden name is not kept hidden */
	put(f, "src/.secret", "s");
	take(f, Q3, "src/.secret");
	assert_string_equal(checklist_response_get(f->r, Q3),
	    "answers.xml.files/_.secret");
	free(p);
}

/* Setting PATH to NAME is refused with a message holding NEEDLE, and
 * nothing changes: no value, no entry, no copy. */
static void
refused(struct fx *f, const char *name, checklist_status status,
    const char *needle)
{
	struct checklist_error err;
	char *p = in(f, name), *copies = in(f, "resp/answers.xml.files");

	assert_int_equal(set(f, Q1, p, &err), status);
	if (strstr(err.message, needle) == NULL)
		fail_msg("'%s' lacks '%s'", err.message, needle);
	assert_non_null(strstr(err.message, p)); /* names the file */
	assert_int_equal(checklist_response_entries(f->r, "p5_1/measures"), 0);
	assert_int_equal(access(copies, F_OK), -1);
	free(copies);
	free(p);
}

static void
test_refusals(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct checklist_response *alone;

	refused(f, "src/nothere.pdf", CHECKLIST_ERR_VALUE, ": no such file");
	refused(f, "src", CHECKLIST_ERR_VALUE, ": not a regular file");
	put_big(f, "src/big.pdf", 8 * (off_t)MIB);
	refused(f, "src/big.pdf", CHECKLIST_ERR_TOO_BIG,
	    ": 8 MiB is over the 7 MiB cap for one attachment");
	/* a response that does not know its file cannot keep a copy */
	put(f, "src/law.pdf", "hello\n");
	alone = checklist_response_new(bundled);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(alone, Q1, f->src, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(err.message, "the response has no file yet"));
	assert_int_equal(checklist_response_entries(alone, "p5_1/measures"), 0);
	checklist_response_free(alone);
}

static void
test_total_cap(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	char *p;

	put_big(f, "src/a.pdf", 7 * (off_t)MIB);
	put_big(f, "src/b.pdf", 7 * (off_t)MIB);
	put_big(f, "src/c.pdf", 7 * (off_t)MIB);
	put_big(f, "src/d.pdf", 7 * (off_t)MIB);
	take(f, Q1, "src/a.pdf");
	take(f, Q2, "src/b.pdf");
	take(f, Q3, "src/c.pdf");
	p = in(f, "src/d.pdf");
	assert_int_equal(set(f, "p5_1/measures[4]/file", p, &err),
	    CHECKLIST_ERR_TOO_BIG);
	assert_non_null(strstr(err.message, "over the 25 MiB cap in all"));
	/* replacing one file counts without the one it replaces */
	assert_int_equal(set(f, Q2, p, &err), CHECKLIST_OK);
	free(p);
}

static void
test_copy_lost_or_changed(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	const struct checklist_question *q;
	bool other;
	char *copy = in(f, "resp/answers.xml.files/law.pdf"), *buf;
	size_t len;

	put(f, "src/law.pdf", "hello\n");
	take(f, Q1, "src/law.pdf");
	test_write_file(copy, "HELLO\n", 6);
	checklist_error_clear(&err);
	assert_int_equal(checklist_attach_read(f->r, Q1, NULL, MIB, &buf, &len,
	    &err), CHECKLIST_ERR_VALUE);
	assert_null(buf);
	assert_non_null(strstr(err.message, "has changed since it was taken"));
	assert_int_equal(unlink(copy), 0);
	checklist_error_clear(&err);
	assert_int_equal(checklist_attach_read(f->r, Q1, NULL, MIB, &buf, &len,
	    &err), CHECKLIST_ERR_IO);
	assert_non_null(strstr(err.message, "is missing"));
	/* a path stored by an older sacl, never taken in */
	xmlUnsetProp(checklist_path_resolve(f->r, Q1, false, &q, &other),
	    (const xmlChar *)CHECKLIST_ATTR_SHA256);
	checklist_error_clear(&err);
	assert_int_equal(checklist_attach_read(f->r, Q1, NULL, MIB, &buf, &len,
	    &err), CHECKLIST_ERR_VALUE);
	assert_non_null(strstr(err.message, "never taken in"));
	free(copy);
}

static int
group_setup(void **state)
{
	(void)state;
	bundled = test_load_bundled();
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	checklist_free(bundled);
	return 0;
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_taken_in),
		T(test_relative_from_cwd),
		T(test_unique_names),
		T(test_refusals),
		T(test_total_cap),
		T(test_copy_lost_or_changed),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

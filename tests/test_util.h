/*
 * test_util.h: what the cmocka tests share: fixtures by name, loading
 * them, and writing scratch files in a private temporary folder.
 */
#ifndef SACL_TEST_UTIL_H
#define SACL_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "checklist/checklist.h"

/* The path of fixture NAME (tests/fixtures/NAME). Caller frees. */
char *test_fixture(const char *name);
/* Load fixture NAME; fails the test if it does not load. */
struct checklist *test_load_fixture(const char *name);
/* Load the bundled checklist; fails the test if it does not load. */
struct checklist *test_load_bundled(void);
/* The mini fixture, loaded once per group by test_mini_setup() and
 * freed by test_mini_teardown() (cmocka group setup and teardown). */
extern struct checklist *test_mini;
int test_mini_setup(void **state);
int test_mini_teardown(void **state);

/* A new private folder for scratch files. Caller frees (and may leave
 * the folder: it lives under $TMPDIR). */
char *test_tmpdir(void);
/* Remove DIR (made by test_tmpdir) and all it holds; fails the test if
 * it cannot. */
void test_rmtree(const char *dir);
/* Write LEN bytes of DATA to PATH; fails the test on error. */
void test_write_file(const char *path, const char *data, size_t len);
/* Load the definition XML (held in memory, named t.xml); fails the
 * test if it does not load. */
struct checklist *test_load_string(const char *xml);
/* Set PATH to VALUE in R; fails the test when it is refused. */
void test_set(struct checklist_response *r, const char *path,
    const char *value);
/* "reads=P,P whole=G,G any walks" for expression E (checklist_expr:
 * what it reads, parts left out when empty; "" for NULL) in BUF. */
struct checklist_expr;
void test_expr_reads(const struct checklist_expr *e, char *buf, size_t size);
/* Every expression's evaluation count (checklist_expr evals) to zero. */
void test_evals_zero(struct checklist *cl);

#endif /* SACL_TEST_UTIL_H */

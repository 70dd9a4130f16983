/*
 * test_util.c: fixtures and scratch files for the cmocka tests.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "tests/test_util.h"

char *
test_fixture(const char *name)
{
	const char *dir = getenv("FIXTURES");

	return checklist_xasprintf("%s/%s", dir && *dir ? dir :
	    SACL_SRCDATADIR "/../tests/fixtures", name);
}

struct checklist *
test_load_fixture(const char *name)
{
	struct checklist_error err;
	struct checklist *cl = NULL;
	char *path = test_fixture(name);

	checklist_error_clear(&err);
	if (checklist_load_file(path, &cl, &err) != CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	free(path);
	return cl;
}

struct checklist *
test_load_bundled(void)
{
	struct checklist_error err;
	struct checklist *cl = NULL;

	checklist_error_clear(&err);
	if (checklist_load(CHECKLIST_DEFAULT_ID, &cl, &err) != CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	return cl;
}

struct checklist *test_mini;

int
test_mini_setup(void **state)
{
	(void)state;
	test_mini = test_load_fixture("mini.xml");
	return 0;
}

int
test_mini_teardown(void **state)
{
	(void)state;
	checklist_free(test_mini);
	test_mini = NULL;
	return 0;
}

char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = checklist_xasprintf("%s/sacl-test-XXXXXX",
	    base && *base ? base : "/tmp");

	if (mkdtemp(tmpl) == NULL)
		fail_msg("mkdtemp failed");
	return tmpl;
}

void
test_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

void
test_rmtree(const char *dir)
{
	char *cmd = checklist_xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

struct checklist *
test_load_string(const char *xml)
{
	struct checklist_error err;
	struct checklist *cl = NULL;

	checklist_error_clear(&err);
	if (checklist_load_memory(xml, strlen(xml), "t.xml", &cl, &err) !=
	    CHECKLIST_OK)
		fail_msg("%s", err.message);
	return cl;
}

void
test_set(struct checklist_response *r, const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_response_set(r, path, value, &err) != CHECKLIST_OK)
		fail_msg("%s=%s: %s", path, value, err.message);
}

void
test_evals_zero(struct checklist *cl)
{
	struct checklist_qpriv *p;
	struct checklist_gpriv *g;
	size_t i;

	for (i = 0; i < cl->nall; i++) {
		p = cl->all[i]->priv;
		if (p->relevant != NULL)
			p->relevant->evals = 0;
		if (p->constraint != NULL)
			p->constraint->evals = 0;
	}
	for (i = 0; i < cl->npages; i++)
		if ((g = cl->pages[i]->priv) != NULL && g->relevant != NULL)
			g->relevant->evals = 0;
}

void
test_expr_reads(const struct checklist_expr *e, char *buf, size_t size)
{
	size_t k, n = 0;

	buf[0] = '\0';
	if (e == NULL)
		return;
	for (k = 0; k < e->nreads; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", k ? "," :
		    "reads=", e->reads[k]->path);
	for (k = 0; k < e->nwhole; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", k ? "," :
		    n ? " whole=" : "whole=", e->whole[k]->id);
	if (e->reads_any)
		n += (size_t)snprintf(buf + n, size - n, "%sany", n ? " " :
		    "");
	if (e->walks_lists)
		snprintf(buf + n, size - n, "%swalks", n ? " " : "");
}

/*
 * test_forms.c: the question page of forms/ driven headless. Curses runs
 * on a newterm() screen over /dev/null; keys go in through
 * forms_page_key() and the test asserts what reached the response and
 * what the page answered (FORMS_*), not what was drawn. The chooser of a
 * long list reads its own keys with wget_wch(): they are queued before
 * with unget_wch() and ungetch() (feed()).
 * Fixture: tests/fixtures/forms-page.xml.
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "forms/forms.h"
#include "tests/test_util.h"

struct ctx {
	SCREEN *screen;
	FILE *out, *in;
	WINDOW *win;
	struct checklist *cl;
	struct checklist_response *r;
	struct forms_page *page;
};

static struct ctx *
ctx_new(const char *group, const char *lang, int rows, int cols)
{
	struct ctx *c = checklist_xcalloc(1, sizeof *c);

	c->out = fopen("/dev/null", "w");
	c->in = fopen("/dev/null", "r");
	assert_non_null(c->out);
	assert_non_null(c->in);
	c->screen = newterm("xterm", c->out, c->in);
	assert_non_null(c->screen);
	set_term(c->screen);
	c->win = newwin(rows, cols, 0, 0);
	assert_non_null(c->win);
	c->cl = test_load_fixture("forms-page.xml");
	c->r = checklist_response_new(c->cl);
	c->page = forms_page_new(c->r, checklist_find_group(c->cl, group),
	    c->win, lang);
	assert_non_null(c->page);
	forms_page_draw(c->page);
	return c;
}

static void
ctx_free(struct ctx *c)
{
	forms_page_free(c->page);
	checklist_response_free(c->r);
	checklist_free(c->cl);
	delwin(c->win);
	endwin();
	delscreen(c->screen);
	fclose(c->out);
	fclose(c->in);
	free(c);
}

static enum forms_reaction
key(struct ctx *c, wint_t ch)
{
	enum forms_reaction re = forms_page_key(c->page, ch, false);

	forms_page_draw(c->page);
	return re;
}

static enum forms_reaction
fkey(struct ctx *c, int k)
{
	enum forms_reaction re = forms_page_key(c->page, (wint_t)k, true);

	forms_page_draw(c->page);
	return re;
}

/* Type S (UTF-8) one character at a time. */
static void
type(struct ctx *c, const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, 256), i;

	assert_true(n != (size_t)-1);
	for (i = 0; i < n; i++)
		assert_int_equal(key(c, (wint_t)w[i]), FORMS_HANDLED);
}

static const char *
get(struct ctx *c, const char *path)
{
	const char *v = checklist_response_get(c->r, path);

	assert_non_null(v);
	return v;
}

static void
focus(struct ctx *c, const char *path)
{
	assert_true(forms_page_focus(c->page, path));
	assert_string_equal(forms_page_current_path(c->page), path);
}

static void
test_text_commits(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/name");
	assert_false(forms_page_editing(c->page));
	assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
	assert_true(forms_page_editing(c->page));
	type(c, "Integrity plan");
	assert_string_equal(get(c, "p1/name"), "");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/name"), "Integrity plan");
	assert_string_equal(forms_page_current_path(c->page), "p1/name");
	/* Editing again and leaving with Tab commits and moves on. */
	key(c, L'\n');
	fkey(c, KEY_BACKSPACE);
	fkey(c, KEY_BACKSPACE);
	fkey(c, KEY_BACKSPACE);
	fkey(c, KEY_BACKSPACE);
	fkey(c, KEY_BACKSPACE);
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "Integrity");
	assert_string_not_equal(forms_page_current_path(c->page), "p1/name");
	/* A resize while typing (a new window, as the application makes)
	 * keeps what was typed and the edit. */
	focus(c, "p1/name");
	key(c, L'\n');
	type(c, " plan");
	{
		WINDOW *old = c->win;

		c->win = newwin(30, 120, 0, 0);
		forms_page_resize(c->page, c->win);
		delwin(old);
	}
	assert_true(forms_page_editing(c->page));
	forms_page_draw(c->page);
	type(c, "s");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "Integrity plans");
	ctx_free(c);
}

static void
test_invalid_integer_refused(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/staff");
	key(c, L'\n');
	type(c, "abc");
	assert_int_equal(key(c, L'\n'), FORMS_INVALID);
	assert_non_null(forms_page_message(c->page));
	assert_true(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/staff"), "");
	/* Cannot leave with Down either: told again, still editing. */
	assert_int_equal(fkey(c, KEY_DOWN), FORMS_INVALID);
	assert_string_equal(forms_page_current_path(c->page), "p1/staff");
	/* The constraint (XPath) refuses a negative number, with its message. */
	key(c, (wint_t)('u' & 0x1f));
	type(c, "-5");
	assert_int_equal(key(c, L'\n'), FORMS_INVALID);
	assert_non_null(strstr(forms_page_message(c->page), "zero or more"));
	assert_string_equal(get(c, "p1/staff"), "");
	/* Esc gives the stored value back and ends the edit. */
	assert_int_equal(key(c, 27), FORMS_HANDLED);
	assert_false(forms_page_editing(c->page));
	assert_null(forms_page_message(c->page));
	assert_string_equal(get(c, "p1/staff"), "");
	key(c, L'\n');
	type(c, "12");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/staff"), "12");
	ctx_free(c);
}

static void
test_commit_keeps_editing(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	/* The idle save: stored, the edit goes on where it was. */
	focus(c, "p1/name");
	key(c, L'\n');
	type(c, "abc");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "abc");
	assert_true(forms_page_editing(c->page));
	type(c, "d");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/name"), "abcd");
	/* The caret stays where it was, not at the end. */
	key(c, L'\n');
	fkey(c, KEY_LEFT);
	type(c, "X");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "abcXd");
	type(c, "Y");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "abcXYd");
	/* Nothing typed: nothing to store, still editing. */
	key(c, L'\n');
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_HANDLED);
	assert_true(forms_page_editing(c->page));
	key(c, 27);
	/* An unfinished value is not stored and not commented on. */
	focus(c, "p1/staff");
	key(c, L'\n');
	type(c, "1x");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_INVALID);
	assert_true(forms_page_editing(c->page));
	assert_null(forms_page_message(c->page));
	assert_string_equal(get(c, "p1/staff"), "");
	fkey(c, KEY_BACKSPACE);
	type(c, "2");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/staff"), "12");
	assert_true(forms_page_editing(c->page));
	/* The caller's plain commit ends the edit; refused, it stays. */
	type(c, "x");
	assert_int_equal(forms_page_commit(c->page), FORMS_INVALID);
	assert_non_null(forms_page_message(c->page));
	assert_true(forms_page_editing(c->page));
	fkey(c, KEY_BACKSPACE);
	type(c, "3");
	assert_int_equal(forms_page_commit(c->page), FORMS_CHANGED);
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/staff"), "123");
	ctx_free(c);
}

/* A new window of ROWS x COLS for the page, as the application makes. */
static void
resize_to(struct ctx *c, int rows, int cols)
{
	WINDOW *old = c->win;

	c->win = newwin(rows, cols, 0, 0);
	assert_non_null(c->win);
	forms_page_resize(c->page, c->win);
	delwin(old);
	forms_page_draw(c->page);
}

static void
test_blank_kept(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	/* A blank typed last survives a resize (libformw pads with them). */
	focus(c, "p1/name");
	key(c, L'\n');
	type(c, "half ");
	resize_to(c, 30, 120);
	assert_true(forms_page_editing(c->page));
	type(c, "and rest");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "half and rest");
	/* ...and the idle save. */
	key(c, L'\n');
	key(c, (wint_t)('u' & 0x1f));
	type(c, "one ");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "one");
	type(c, "two");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "one two");
	/* The caret survives a resize too. */
	key(c, L'\n');
	fkey(c, KEY_LEFT);
	fkey(c, KEY_LEFT);
	resize_to(c, 24, 80);
	type(c, "X");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "one tXwo");
	/* Long text on several rows: the same. */
	checklist_response_set(c->r, "p1/status", "none", NULL);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	key(c, L'\n');
	type(c, "half ");
	resize_to(c, 30, 120);
	type(c, "and rest");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "half and rest");
	type(c, " ");
	resize_to(c, 24, 80);
	type(c, "too");
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "half and rest too");
	/* ...and in one-line mode (wide characters), paragraphs kept. */
	focus(c, "p1/steps");
	key(c, L'\n');
	fkey(c, KEY_END);
	key(c, L'\n');
	type(c, "中文 ");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	/* the blank typed last is stored as typed (long text is kept
	 * byte-exact; only one-line values are trimmed by the model) */
	assert_string_equal(get(c, "p1/steps"), "half and rest too\n中文 ");
	type(c, "x");
	resize_to(c, 30, 120);
	type(c, " y");
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "half and rest too\n中文 x y");
	ctx_free(c);
}

static void
test_escape_restores(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/name");
	key(c, L'\n');
	type(c, "X");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	key(c, L'\n');
	type(c, "YZ");
	assert_int_equal(key(c, 27), FORMS_HANDLED);
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/name"), "X");
	/* Committing without a change changes nothing. */
	key(c, L'\n');
	assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
	ctx_free(c);
}

static void
test_relevance_live(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	assert_false(forms_page_focus(c->page, "p1/steps"));
	focus(c, "p1/status");
	assert_int_equal(fkey(c, KEY_RIGHT), FORMS_HANDLED);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/status"), "partial");
	/* The focus stays on the status; the dependent question is next. */
	assert_string_equal(forms_page_current_path(c->page), "p1/status");
	assert_int_equal(fkey(c, KEY_DOWN), FORMS_HANDLED);
	assert_string_equal(forms_page_current_path(c->page), "p1/steps");
	/* Back to "Fully": the question goes away at once. */
	fkey(c, KEY_UP);
	fkey(c, KEY_LEFT);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/status"), "full");
	assert_false(forms_page_focus(c->page, "p1/steps"));
	/* Space on the selected option clears a single choice. */
	focus(c, "p1/status");
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/status"), "");
	ctx_free(c);
}

static void
test_multiple_and_other(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/ta_forms");
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_forms"), "drafting");
	fkey(c, KEY_RIGHT);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_forms"), "drafting training");
	fkey(c, KEY_LEFT);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_forms"), "training");
	assert_false(forms_page_focus(c->page, "p1/ta_forms:other"));
	focus(c, "p1/ta_forms");
	fkey(c, KEY_END);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_forms"), "training other");
	/* "Other" opened its text field, right after the list. */
	fkey(c, KEY_DOWN);
	assert_string_equal(forms_page_current_path(c->page),
	    "p1/ta_forms:other");
	key(c, L'\n');
	type(c, "peer review");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_forms:other"), "peer review");
	/* Boolean: a list of two. */
	focus(c, "p1/ta_needed");
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/ta_needed"), "yes");
	ctx_free(c);
}

static void
test_repeat(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/laws");
	assert_int_equal(key(c, L'a'), FORMS_CHANGED);
	assert_int_equal(checklist_response_entries(c->r, "p1/laws"), 1);
	assert_string_equal(forms_page_current_path(c->page),
	    "p1/laws[1]/title");
	key(c, L'\n');
	type(c, "Integrity Act");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/laws[1]/title"), "Integrity Act");
	/* The constraint of a child is checked in its entry. */
	fkey(c, KEY_DOWN);
	assert_string_equal(forms_page_current_path(c->page),
	    "p1/laws[1]/link");
	key(c, L'\n');
	type(c, "ftp://x");
	assert_int_equal(key(c, L'\n'), FORMS_INVALID);
	assert_string_equal(get(c, "p1/laws[1]/link"), "");
	key(c, 27);
	/* A second entry, then move it up. */
	focus(c, "p1/laws[1]");
	assert_int_equal(key(c, L'a'), FORMS_CHANGED);
	key(c, L'\n');
	type(c, "Procurement Act");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	focus(c, "p1/laws[2]");
	assert_int_equal(key(c, L'K'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/laws[1]/title"), "Procurement Act");
	assert_string_equal(get(c, "p1/laws[2]/title"), "Integrity Act");
	assert_string_equal(forms_page_current_path(c->page), "p1/laws[1]");
	assert_int_equal(key(c, L'J'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/laws[2]/title"), "Procurement Act");
	/* Delete asks first; n keeps it, y deletes. */
	focus(c, "p1/laws[1]");
	assert_int_equal(key(c, L'd'), FORMS_HANDLED);
	assert_non_null(strstr(forms_page_message(c->page), "y/n"));
	assert_int_equal(key(c, L'n'), FORMS_HANDLED);
	assert_int_equal(checklist_response_entries(c->r, "p1/laws"), 2);
	assert_int_equal(key(c, L'd'), FORMS_HANDLED);
	assert_int_equal(key(c, L'y'), FORMS_CHANGED);
	assert_int_equal(checklist_response_entries(c->r, "p1/laws"), 1);
	assert_string_equal(get(c, "p1/laws[1]/title"), "Procurement Act");
	ctx_free(c);
}

static void
test_longtext_inline(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	assert_int_equal(checklist_response_set(c->r, "p1/status", "none",
	    NULL), CHECKLIST_OK);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	assert_int_equal(key(c, (wint_t)('e' & 0x1f)), FORMS_EDITOR);
	key(c, L'\n');
	type(c, "Adopt the decree");
	key(c, L'\n'); /* a new paragraph inside the text */
	type(c, "by 2027");
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "Adopt the decree\nby 2027");
	/* The text goes back into the field and out again unchanged. */
	focus(c, "p1/steps");
	key(c, L'\n');
	assert_int_equal(key(c, L'\t'), FORMS_HANDLED);
	assert_string_equal(get(c, "p1/steps"), "Adopt the decree\nby 2027");
	/* A wide character typed into a long text, the caret kept. */
	focus(c, "p1/steps");
	key(c, L'\n');
	fkey(c, KEY_UP);
	fkey(c, KEY_END);
	type(c, " 中文");
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"),
	    "Adopt the decree 中文\nby 2027");
	/* Wide characters over several rows, in and out. */
	assert_int_equal(checklist_response_set(c->r, "p1/steps",
	    "修订采购法的实施条例并培训所有采购官员以及审计人员和监督机构的工作人员"
	    "修订采购法的实施条例并培训所有采购官员以及审计人员和监督机构的工作人员\n第二段",
	    NULL), CHECKLIST_OK);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	key(c, L'\n');
	type(c, "加");
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"),
	    "修订采购法的实施条例并培训所有采购官员以及审计人员和监督机构的工作人员"
	    "修订采购法的实施条例并培训所有采购官员以及审计人员和监督机构的工作人员\n第二段加");
	ctx_free(c);
}

static void
test_external_editor(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);
	char *dir = test_tmpdir();
	char *script = checklist_xasprintf("%s/ed.sh", dir);
	static const char body[] =
	    "#!/bin/sh\nprintf 'first\\n\\nsecond line\\n' > \"$1\"\n";

	(void)state;
	test_write_file(script, body, sizeof body - 1);
	assert_int_equal(chmod(script, 0700), 0);
	setenv("VISUAL", script, 1);
	checklist_response_set(c->r, "p1/status", "none", NULL);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	assert_int_equal(key(c, (wint_t)('e' & 0x1f)), FORMS_EDITOR);
	assert_int_equal(forms_page_edit_external(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "first\n\nsecond line");
	unsetenv("VISUAL");
	free(script);
	free(dir);
	ctx_free(c);
}

static void
test_keys_left_to_the_caller(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	focus(c, "p1/name");
	/* a letter on a text question starts editing it: never a command */
	assert_int_equal(key(c, L'q'), FORMS_HANDLED);
	assert_true(forms_page_editing(c->page));
	assert_int_equal(key(c, L'/'), FORMS_HANDLED);
	assert_int_equal(key(c, 27), FORMS_HANDLED); /* Esc: nothing kept */
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/name"), "");
	assert_int_equal(fkey(c, KEY_NPAGE), FORMS_IGNORED);
	assert_int_equal(fkey(c, KEY_F(1)), FORMS_IGNORED);
	assert_int_equal(key(c, 27), FORMS_IGNORED);
	focus(c, "p1/status");
	assert_int_equal(key(c, L'q'), FORMS_IGNORED);
	assert_string_equal(get(c, "p1/status"), "");
	ctx_free(c);
}

/* Replace FROM by TO in the response, through its serialized form. */
static void
put_raw(struct ctx *c, const char *from, const char *to)
{
	struct checklist_response *r2 = NULL;
	struct checklist_error err;
	char *buf = NULL, *hit, *edited;
	size_t len = 0;

	checklist_error_clear(&err);
	assert_int_equal(checklist_response_serialize(c->r, &buf, &len, &err),
	    CHECKLIST_OK);
	hit = strstr(buf, from);
	assert_non_null(hit);
	edited = checklist_xasprintf("%.*s%s%s", (int)(hit - buf), buf, to,
	    hit + strlen(from));
	assert_int_equal(checklist_response_parse(c->cl, edited,
	    strlen(edited), "raw", &r2, &err), CHECKLIST_OK);
	checklist_response_free(c->r);
	c->r = r2;
	free(edited);
	free(buf);
}

/* Is the wide string S on some row of the page's window? */
static bool
on_screen(struct ctx *c, const wchar_t *s)
{
	wchar_t row[512];
	int y, rows, cols;

	getmaxyx(c->win, rows, cols);
	for (y = 0; y < rows; y++) {
		if (mvwinnwstr(c->win, y, 0, row, cols < 511 ? cols : 511) ==
		    ERR)
			continue;
		if (wcsstr(row, s) != NULL)
			return true;
	}
	return false;
}

static void
test_drawn_text(void **state)
{
	struct ctx *c = ctx_new("front", "zh", 24, 80);

	(void)state;
	/* The label in the answering language, the required mark. */
	assert_true(on_screen(c, L"* 国家名称"));
	forms_page_free(c->page);
	/* An answer from a file is shown sanitized, never raw: a bidi
	 * override put straight into the document (the model would refuse
	 * it). */
	assert_int_equal(checklist_response_set(c->r, "p1/name", "AXB", NULL),
	    CHECKLIST_OK);
	put_raw(c, "AXB", "A\xe2\x80\xae" "B");
	c->page = forms_page_new(c->r, checklist_find_group(c->cl, "p1"),
	    c->win, NULL);
	forms_page_draw(c->page);
	assert_true(on_screen(c, L"1.1  National policy"));
	assert_true(on_screen(c, L"A<U+202E>B"));
	/* A stored value its check refuses is shown with the reason. */
	forms_page_free(c->page);
	assert_int_equal(checklist_response_set(c->r, "p1/staff", "5", NULL),
	    CHECKLIST_OK);
	put_raw(c, "<staff>5</staff>", "<staff>-5</staff>");
	c->page = forms_page_new(c->r, checklist_find_group(c->cl, "p1"),
	    c->win, NULL);
	forms_page_draw(c->page);
	assert_true(on_screen(c, L"! Give a number of people, zero or more."));
	/* Opened and left untouched, it does not trap the focus. */
	focus(c, "p1/staff");
	key(c, L'\n');
	assert_int_equal(key(c, L'\t'), FORMS_HANDLED);
	assert_string_equal(forms_page_current_path(c->page), "p1/name");
	assert_string_equal(get(c, "p1/staff"), "-5");
	/* A question out of relevance is not drawn; it is once relevant. */
	assert_false(on_screen(c, L"Steps needed"));
	focus(c, "p1/status");
	fkey(c, KEY_END);
	key(c, L' ');
	assert_true(on_screen(c, L"Steps needed"));
	ctx_free(c);
}

static void
test_wide_and_small(void **state)
{
	struct ctx *c = ctx_new("front", "zh", 10, 40);

	(void)state;
	focus(c, "front/state");
	key(c, L'\n');
	type(c, "中华人民共和国");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "front/state"), "中华人民共和国");
	/* Moving and erasing among wide characters, past the field's width. */
	key(c, L'\n');
	type(c, "修订采购法的实施条例并培训所有采购官员以及审计人员和监督机构的");
	fkey(c, KEY_LEFT);
	fkey(c, KEY_LEFT);
	type(c, "X");
	fkey(c, KEY_HOME);
	fkey(c, KEY_DC);
	fkey(c, KEY_END);
	type(c, "Z");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "front/state"), "华人民共和国修订采购法的实施条例"
	    "并培训所有采购官员以及审计人员和监督机X构的Z");
	/* Arabic with its marks, typed: kept on their letters. */
	key(c, L'\n');
	fkey(c, KEY_HOME);
	key(c, (wint_t)('k' & 0x1f));
	type(c, "مَرحبا بالعالم");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "front/state"), "مَرحبا بالعالم");
	/* A decomposed value is edited inline, byte-exact: Left steps over
	 * "e" and its accent together. */
	assert_int_equal(checklist_response_set(c->r, "front/state",
	    "e\xcc\x81t\xc3\xa9", NULL), CHECKLIST_OK);
	assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
	fkey(c, KEY_HOME);
	fkey(c, KEY_RIGHT);
	type(c, "X");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "front/state"), "e\xcc\x81Xt\xc3\xa9");
	/* A long provision page in a small window still works. */
	forms_page_free(c->page);
	c->page = forms_page_new(c->r, checklist_find_group(c->cl, "p1"),
	    c->win, NULL);
	focus(c, "p1/laws");
	forms_page_draw(c->page);
	assert_int_equal(key(c, L'a'), FORMS_CHANGED);
	key(c, L'\n');
	type(c, "法律");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/laws[1]/title"), "法律");
	wresize(c->win, 24, 100);
	forms_page_resize(c->page, c->win);
	forms_page_draw(c->page);
	assert_string_equal(forms_page_current_path(c->page),
	    "p1/laws[1]/title");
	/* Far too small: nothing breaks, an edit is refused with a reason. */
	wresize(c->win, 3, 20);
	forms_page_resize(c->page, c->win);
	focus(c, "p1/name");
	assert_int_not_equal(key(c, L'\n'), FORMS_CHANGED);
	key(c, 27);
	fkey(c, KEY_DOWN);
	fkey(c, KEY_UP);
	ctx_free(c);
}

/* Keys for the chooser's own loop, read in this order: the characters of
 * S (UTF-8), then the keys given (a character, or a KEY_ code), 0 last.
 * The queue is a stack: they go in last first. */
static void
feed(const char *s, ...)
{
	wchar_t w[128];
	int keys[16], k, nk = 0;
	size_t n = mbstowcs(w, s, 128);
	va_list ap;

	assert_true(n != (size_t)-1);
	va_start(ap, s);
	while ((k = va_arg(ap, int)) != 0 && nk < 16)
		keys[nk++] = k;
	va_end(ap);
	while (nk-- > 0)
		assert_int_equal(keys[nk] >= KEY_MIN ? ungetch(keys[nk]) :
		    unget_wch((wchar_t)keys[nk]), OK);
	while (n-- > 0)
		assert_int_equal(unget_wch(w[n]), OK);
}

/* Open the chooser of the focused list with Enter, after feed(). */
static enum forms_reaction
choose(struct ctx *c)
{
	return key(c, L'\n');
}

static void
test_long_single(void **state)
{
	struct ctx *c = ctx_new("p2", NULL, 24, 80);

	(void)state;
	focus(c, "p2/country");
	/* Only the value and a hint: no grid of options. */
	assert_true(on_screen(c, L"(none chosen)"));
	assert_true(on_screen(c, L"Enter: choose from 15 options"));
	assert_false(on_screen(c, L"Algeria"));
	/* A few letters, Enter: the option they find, stored. */
	feed("gha\n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "GHA");
	assert_true(on_screen(c, L"Ghana (GHA)"));
	/* The code in capitals; the start of a name before a match inside
	 * one ("ger": Germany, not Algeria); Backspace; a wide character. */
	feed("NGA\n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "NGA");
	feed("ger\n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "DEU");
	feed("spx", KEY_BACKSPACE, 'a', '\n', 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "ESP");
	feed("中\n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "CHN");
	/* Moving among the matches: "gu" is Guatemala, then Guinea. */
	feed("gu", KEY_DOWN, ' ', 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "GIN");
	/* Opened on the value: Enter keeps it, changing nothing. */
	feed("\n", 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_string_equal(get(c, "p2/country"), "GIN");
	/* Nothing matches: Enter picks nothing. */
	feed("zzz\n", 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_string_equal(get(c, "p2/country"), "GIN");
	/* Up and Down on the page leave the list at once. */
	assert_int_equal(fkey(c, KEY_DOWN), FORMS_HANDLED);
	assert_string_equal(forms_page_current_path(c->page), "p2/langs");
	ctx_free(c);
}

static void
test_long_escape(void **state)
{
	struct ctx *c = ctx_new("p2", NULL, 24, 80);
	wint_t ch = 0;

	(void)state;
	assert_int_equal(checklist_response_set(c->r, "p2/country", "GHA",
	    NULL), CHECKLIST_OK);
	forms_page_refresh(c->page);
	focus(c, "p2/country");
	/* Esc ends the chooser there (the X after it is still queued) and
	 * the value stays. */
	feed("arg\x1bX", 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_string_equal(get(c, "p2/country"), "GHA");
	assert_int_equal(wget_wch(c->win, &ch), OK);
	assert_int_equal(ch, L'X');
	/* A resize closes it too and is given back to the caller. */
	feed("ni", KEY_RESIZE, '\n', 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_string_equal(get(c, "p2/country"), "GHA");
	assert_int_equal(wget_wch(c->win, &ch), KEY_CODE_YES);
	assert_int_equal(ch, KEY_RESIZE);
	flushinp();
	/* Delete on the page clears the value. */
	assert_int_equal(fkey(c, KEY_DC), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "");
	assert_int_equal(fkey(c, KEY_DC), FORMS_HANDLED);
	ctx_free(c);
}

static void
test_long_other_and_small(void **state)
{
	struct ctx *c = ctx_new("p2", NULL, 24, 80);

	(void)state;
	focus(c, "p2/country");
	/* "Other" is the last option; its text follows the list. */
	feed("", KEY_END, '\n', 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "other");
	fkey(c, KEY_DOWN);
	assert_string_equal(forms_page_current_path(c->page),
	    "p2/country:other");
	key(c, L'\n');
	type(c, "Atlantis");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country:other"), "Atlantis");
	focus(c, "p2/country");
	feed("peru\n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/country"), "PER");
	assert_false(forms_page_focus(c->page, "p2/country:other"));
	/* A window with no room for the chooser: a message, nothing else. */
	wresize(c->win, 5, 40);
	forms_page_resize(c->page, c->win);
	focus(c, "p2/country");
	feed("gha\n", 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_non_null(strstr(forms_page_message(c->page), "too small"));
	assert_string_equal(get(c, "p2/country"), "PER");
	flushinp();
	ctx_free(c);
}

static void
test_long_multiple(void **state)
{
	struct ctx *c = ctx_new("p2", NULL, 24, 80);

	(void)state;
	focus(c, "p2/langs");
	forms_page_draw(c->page);
	assert_true(on_screen(c, L"Space marks"));
	/* Space marks two, Ctrl-U clears what was typed, Enter stores both,
	 * in the order of the options. */
	feed("spa \x15" "fre \n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/langs"), "french spanish");
	assert_true(on_screen(c, L"French; Spanish"));
	/* Marked, then Esc: nothing changes. */
	feed("ara \x1b", 0);
	assert_int_equal(choose(c), FORMS_HANDLED);
	assert_string_equal(get(c, "p2/langs"), "french spanish");
	/* Reopened where it was left (French): Space unmarks it. */
	feed(" \n", 0);
	assert_int_equal(choose(c), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/langs"), "spanish");
	/* Space on the page opens it too; moving with Home and PgDn. */
	feed("", KEY_HOME, ' ', KEY_NPAGE, KEY_NPAGE, ' ', '\n', 0);
	assert_int_equal(key(c, L' '), FORMS_CHANGED);
	assert_string_equal(get(c, "p2/langs"), "arabic spanish turkish");
	ctx_free(c);
}

/* Typed text of any script is stored byte for byte; Left, Backspace and
 * Delete take a grapheme cluster whole. */
static void
test_clusters_exact(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);
	static const char *const texts[] = {
		"ที่ดิน",                          /* Thai, marks stacked */
		"Cafe\xcc\x81 Zoe\xcc\x88",     /* decomposed Latin */
		"\xd9\x85\xd9\x8e\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", /* Arabic + fatha */
		"采购法",                            /* CJK */
		"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb ok", /* ZWJ */
		"\xe2\x9d\xa4\xef\xb8\x8f \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", /* VS, tone */
		"\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf", /* Persian ZWNJ */
		"two  spaces   kept",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		focus(c, "p1/name");
		key(c, L'\n');
		key(c, (wint_t)('u' & 0x1f));
		type(c, texts[i]);
		assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
		assert_string_equal(get(c, "p1/name"), texts[i]);
		/* in and out again untouched: nothing changes */
		key(c, L'\n');
		assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
		assert_string_equal(get(c, "p1/name"), texts[i]);
	}
	/* Backspace takes "e" with its accent; Left steps over the emoji. */
	focus(c, "p1/name");
	key(c, L'\n');
	key(c, (wint_t)('u' & 0x1f));
	type(c, "Cafe\xcc\x81");
	fkey(c, KEY_BACKSPACE);
	type(c, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	fkey(c, KEY_LEFT);
	type(c, "<");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"),
	    "Caf<\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	ctx_free(c);
}

/* A stored value holding zero-width and bidi characters is shown with
 * markers but edited from what is stored: Enter twice changes nothing. */
static void
test_markers_not_written_back(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);
	static const char v[] = "a\xe2\x80\x8c" "b \xe2\x80\xaeRTL\xe2\x80\xac";

	(void)state;
	assert_int_equal(checklist_response_set(c->r, "p1/name", v, NULL),
	    CHECKLIST_OK);
	forms_page_refresh(c->page);
	focus(c, "p1/name");
	assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
	assert_int_equal(key(c, L'\n'), FORMS_HANDLED);
	assert_string_equal(get(c, "p1/name"), v);
	key(c, L'\n');
	fkey(c, KEY_END);
	type(c, "!");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"),
	    "a\xe2\x80\x8c" "b \xe2\x80\xaeRTL\xe2\x80\xac!");
	ctx_free(c);
}

/* A paste goes in at once: in one line, newlines are spaces; in a long
 * text they stay; nowhere is a line of it a command. */
static void
test_paste(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);
	static const char three[] = "one\ntwo n x\r\nthree";

	(void)state;
	focus(c, "p1/name");
	assert_int_equal(forms_page_paste(c->page, three, sizeof three - 1),
	    FORMS_IGNORED); /* no field being edited */
	assert_string_equal(get(c, "p1/name"), "");
	key(c, L'\n');
	assert_int_equal(forms_page_paste(c->page, three, sizeof three - 1),
	    FORMS_HANDLED);
	assert_true(forms_page_editing(c->page));
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "one two n x three");
	checklist_response_set(c->r, "p1/status", "none", NULL);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	key(c, L'\n');
	forms_page_paste(c->page, three, sizeof three - 1);
	assert_int_equal(key(c, L'\t'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/steps"), "one\ntwo n x\nthree");
	ctx_free(c);
}

/* Esc after an idle save gives back the value from before the edit. */
static void
test_escape_after_idle_save(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	checklist_response_set(c->r, "p1/name", "Original", NULL);
	forms_page_refresh(c->page);
	focus(c, "p1/name");
	key(c, L'\n');
	type(c, " XYZ");
	assert_int_equal(forms_page_commit_keep(c->page), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/name"), "Original XYZ");
	assert_true(forms_page_editing(c->page));
	assert_int_equal(key(c, 27), FORMS_CHANGED);
	assert_false(forms_page_editing(c->page));
	assert_string_equal(get(c, "p1/name"), "Original");
	ctx_free(c);
}

/* Down leaves a long text from its last row, Up from its first. */
static void
test_longtext_rows_leave(void **state)
{
	struct ctx *c = ctx_new("p1", NULL, 24, 80);

	(void)state;
	checklist_response_set(c->r, "p1/status", "none", NULL);
	forms_page_refresh(c->page);
	focus(c, "p1/steps");
	type(c, "line one");
	key(c, L'\n');
	type(c, "line two");
	assert_int_equal(fkey(c, KEY_UP), FORMS_HANDLED); /* to row one */
	assert_string_equal(forms_page_current_path(c->page), "p1/steps");
	assert_int_equal(fkey(c, KEY_DOWN), FORMS_HANDLED); /* row two */
	assert_int_equal(fkey(c, KEY_DOWN), FORMS_CHANGED); /* out */
	assert_false(forms_page_editing(c->page));
	assert_string_equal(forms_page_current_path(c->page), "p1/staff");
	assert_string_equal(get(c, "p1/steps"), "line one\nline two");
	type(c, "7");
	assert_int_equal(key(c, L'\n'), FORMS_CHANGED);
	assert_string_equal(get(c, "p1/staff"), "7");
	ctx_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_commits),
		cmocka_unit_test(test_clusters_exact),
		cmocka_unit_test(test_markers_not_written_back),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_escape_after_idle_save),
		cmocka_unit_test(test_longtext_rows_leave),
		cmocka_unit_test(test_invalid_integer_refused),
		cmocka_unit_test(test_commit_keeps_editing),
		cmocka_unit_test(test_blank_kept),
		cmocka_unit_test(test_escape_restores),
		cmocka_unit_test(test_relevance_live),
		cmocka_unit_test(test_multiple_and_other),
		cmocka_unit_test(test_repeat),
		cmocka_unit_test(test_longtext_inline),
		cmocka_unit_test(test_external_editor),
		cmocka_unit_test(test_keys_left_to_the_caller),
		cmocka_unit_test(test_drawn_text),
		cmocka_unit_test(test_wide_and_small),
		cmocka_unit_test(test_long_single),
		cmocka_unit_test(test_long_escape),
		cmocka_unit_test(test_long_other_and_small),
		cmocka_unit_test(test_long_multiple),
	};

	setenv("TERM", "xterm", 1);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

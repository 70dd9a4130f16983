/*
 * test_tui_nav.c: what `sacl fill` decides without a screen: the order
 * of the navigator and its filters, the next and previous provision, the
 * next required question still unanswered (across pages, following
 * relevance), finding a provision by number, search, display width, and
 * the key table (no key bound twice, every action described, the man
 * page listing exactly the table). Uses tests/fixtures/tui-nav.xml.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

#include "test_util.h"
#include "tui/tui.h"

struct fixture {
	struct checklist *cl;
	struct checklist_response *r;
};

static int
setup(void **state)
{
	struct fixture *f = checklist_xcalloc(1, sizeof *f);

	f->cl = test_load_fixture("tui-nav.xml");
	f->r = checklist_response_new(f->cl);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	checklist_response_free(f->r);
	checklist_free(f->cl);
	free(f);
	return 0;
}

static void
set(struct checklist_response *r, const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(checklist_response_set(r, path, value, &err),
	    CHECKLIST_OK);
}

/* The ids of the visible entries, "front a1 p1_1 ...". */
static char *
entries(struct checklist_response *r, const struct tui_filter *flt)
{
	struct tui_entry *e;
	size_t n = tui_order_entries(r, flt, &e), i;
	char buf[512] = "";

	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, e[i].group->id);
	}
	free(e);
	return checklist_xstrdup(buf);
}

static void
assert_entries(struct checklist_response *r, const struct tui_filter *flt,
    const char *want)
{
	char *got = entries(r, flt);

	assert_string_equal(got, want);
	free(got);
}

static void
test_entries_filters(void **state)
{
	struct fixture *f = *state;
	struct tui_filter flt = { CHECKLIST_LEVEL_NONE, NULL, false };

	assert_entries(f->r, &flt, "front a1 p1_1 p1_2 p1_2a a2 p2_1");
	flt.level = CHECKLIST_LEVEL_MANDATORY;
	assert_entries(f->r, &flt, "front a1 p1_1");
	flt.level = CHECKLIST_LEVEL_OPTIONAL;
	assert_entries(f->r, &flt, "front a1 p1_2 p1_2a");
	flt.level = CHECKLIST_LEVEL_CONSIDER;
	assert_entries(f->r, &flt, "front a2 p2_1");
	flt.level = CHECKLIST_LEVEL_NONE;
	flt.theme = "bodies";
	assert_entries(f->r, &flt, "a1 p1_2 p1_2a");
	flt.theme = "policy";
	assert_entries(f->r, &flt, "a1 p1_1 a2 p2_1");
	flt.theme = "nothing-has-it";
	assert_entries(f->r, &flt, "");
}

static void
test_unfinished(void **state)
{
	struct fixture *f = *state;
	struct tui_filter flt = { CHECKLIST_LEVEL_NONE, NULL, true };

	set(f->r, "p1_1/status", "full");
	set(f->r, "p1_1/note", "done");
	set(f->r, "front/state", "AUT");
	assert_int_equal(checklist_state_group(f->r,
	    checklist_find_group(f->cl, "p1_1")), CHECKLIST_STATE_COMPLETE);
	assert_entries(f->r, &flt, "a1 p1_2 p1_2a a2 p2_1");
	/* a parent stays listed for a child that is unfinished */
	set(f->r, "p1_2/status", "yes");
	assert_entries(f->r, &flt, "a1 p1_2 p1_2a a2 p2_1");
	set(f->r, "p1_2a/status", "no");
	assert_entries(f->r, &flt, "a2 p2_1");
	/* the markers tell every state apart */
	assert_string_not_equal(tui_state_marker(CHECKLIST_STATE_COMPLETE),
	    tui_state_marker(CHECKLIST_STATE_PARTIAL));
	assert_string_not_equal(tui_state_marker(CHECKLIST_STATE_INVALID),
	    tui_state_marker(CHECKLIST_STATE_NOT_STARTED));
	assert_string_not_equal(tui_state_marker(CHECKLIST_STATE_NOT_RELEVANT),
	    tui_state_marker(CHECKLIST_STATE_NOT_STARTED));
}

static enum checklist_state
state_of(struct fixture *f, const char *group)
{
	return checklist_state_group(f->r, checklist_find_group(f->cl, group));
}

static const char *
marker_of(struct fixture *f, const char *group)
{
	return tui_state_marker(state_of(f, group));
}

/* [x] once every required answer is given, optional ones empty; [ ]
 * untouched, never turning the article into [!]; [~] started with a
 * required answer missing; [-] not relevant. */
static void
test_marks(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(marker_of(f, "p1_1"), "[ ]");
	assert_string_equal(marker_of(f, "a1"), "[ ]");
	set(f->r, "p1_1/status", "partial"); /* steps, required, now asked */
	assert_string_equal(marker_of(f, "p1_1"), "[~]");
	assert_string_equal(marker_of(f, "a1"), "[~]");
	set(f->r, "p1_1/steps", "A law");
	assert_string_equal(marker_of(f, "p1_1"), "[x]"); /* note empty */
	/* 1.2 and 1.2(a) untouched: the article is started, not [!] */
	assert_string_equal(marker_of(f, "p1_2"), "[ ]");
	assert_string_equal(marker_of(f, "a1"), "[~]");
	set(f->r, "p1_2/status", "yes");
	set(f->r, "p1_2a/status", "no");
	assert_string_equal(marker_of(f, "a1"), "[x]");
	assert_int_equal(state_of(f, "a2"), CHECKLIST_STATE_NOT_STARTED);
	/* every state has a mark of its own */
	assert_string_equal(tui_state_marker(CHECKLIST_STATE_INVALID), "[!]");
	assert_string_equal(tui_state_marker(CHECKLIST_STATE_NOT_RELEVANT),
	    "[-]");
	assert_string_not_equal(checklist_state_name(CHECKLIST_STATE_INVALID),
	    checklist_state_name(CHECKLIST_STATE_PARTIAL));
}

static const char *
step_id(struct fixture *f, const struct tui_filter *flt, const char *from,
    int dir)
{
	const struct checklist_group *g = tui_order_step(f->r, flt,
	    from != NULL ? checklist_find_group(f->cl, from) : NULL, dir);

	return g != NULL ? g->id : "(none)";
}

static void
test_step(void **state)
{
	struct fixture *f = *state;
	struct tui_filter flt = { CHECKLIST_LEVEL_NONE, NULL, false };

	assert_string_equal(step_id(f, &flt, NULL, 1), "front");
	assert_string_equal(step_id(f, &flt, "front", 1), "p1_1");
	assert_string_equal(step_id(f, &flt, "p1_1", 1), "p1_2");
	assert_string_equal(step_id(f, &flt, "p1_2", 1), "p1_2a");
	assert_string_equal(step_id(f, &flt, "p1_2a", 1), "p2_1");
	assert_string_equal(step_id(f, &flt, "p2_1", 1), "(none)");
	assert_string_equal(step_id(f, &flt, "p2_1", -1), "p1_2a");
	assert_string_equal(step_id(f, &flt, "front", -1), "(none)");
	assert_string_equal(step_id(f, &flt, NULL, -1), "p2_1");
	flt.level = CHECKLIST_LEVEL_OPTIONAL; /* steps skip what is hidden */
	assert_string_equal(step_id(f, &flt, "front", 1), "p1_2");
	assert_string_equal(step_id(f, &flt, "p1_2a", 1), "(none)");
	assert_string_equal(step_id(f, &flt, "p1_2", -1), "front");
	/* an article opens its first page */
	assert_ptr_equal(tui_order_page_of(checklist_find_group(f->cl, "a2")),
	    checklist_find_group(f->cl, "p2_1"));
}

static const char *
next_path(struct fixture *f, const char *page, const char *after)
{
	const struct checklist_question *q = tui_order_next_required(f->r,
	    checklist_find_group(f->cl, page),
	    after != NULL ? checklist_find_question(f->cl, after) : NULL);

	return q != NULL ? q->path : "(none)";
}

static void
test_next_required(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(next_path(f, "front", NULL), "front/state");
	assert_string_equal(next_path(f, "front", "front/state"),
	    "p1_1/status");
	/* steps is required but not relevant until status is partial */
	assert_string_equal(next_path(f, "p1_1", "p1_1/status"),
	    "p1_2/status");
	set(f->r, "p1_1/status", "partial");
	assert_string_equal(next_path(f, "p1_1", "p1_1/status"), "p1_1/steps");
	set(f->r, "p1_1/steps", "draft a law");
	set(f->r, "p1_2/status", "no");
	assert_string_equal(next_path(f, "p1_1", NULL), "p1_2a/status");
	/* a repeat is answered once it has an entry */
	assert_string_equal(next_path(f, "p2_1", "p2_1/ok"), "p2_1/laws");
	set(f->r, "p2_1/laws[1]/title", "Act 1");
	/* from the last page it wraps round to the front */
	assert_string_equal(next_path(f, "p2_1", "p2_1/ok"), "front/state");
	set(f->r, "front/state", "AUT");
	set(f->r, "p1_2a/status", "yes");
	/* only p2_1/ok is left: found from anywhere, even itself */
	assert_string_equal(next_path(f, "p2_1", "p2_1/ok"), "p2_1/ok");
	assert_string_equal(next_path(f, "front", NULL), "p2_1/ok");
	set(f->r, "p2_1/ok", "yes");
	assert_string_equal(next_path(f, "front", NULL), "(none)");
}

static void
test_find_number(void **state)
{
	struct fixture *f = *state;
	const struct checklist_group *item = checklist_find_group(f->cl,
	    "p1_2a");

	assert_ptr_equal(tui_order_find_number(f->cl, "1.2(a)"), item);
	assert_ptr_equal(tui_order_find_number(f->cl, "1.2a"), item);
	assert_ptr_equal(tui_order_find_number(f->cl, " 1.2 (A) "), item);
	assert_ptr_equal(tui_order_find_number(f->cl, "2"),
	    checklist_find_group(f->cl, "a2"));
	assert_null(tui_order_find_number(f->cl, "9.1"));
	assert_null(tui_order_find_number(f->cl, "1.21"));
}

static void
test_themes_levels(void **state)
{
	struct fixture *f = *state;
	const char **themes;
	size_t n = tui_order_themes(f->cl, &themes);

	assert_int_equal(n, 2);
	assert_string_equal(themes[0], "policy");
	assert_string_equal(themes[1], "bodies");
	free(themes);
	assert_int_equal(tui_order_next_level(CHECKLIST_LEVEL_NONE),
	    CHECKLIST_LEVEL_MANDATORY);
	assert_int_equal(tui_order_next_level(CHECKLIST_LEVEL_OPTIONAL),
	    CHECKLIST_LEVEL_NONE);
}

/* Levels in the Convention's words; themes readable. */
static void
test_level_theme_labels(void **state)
{
	char *s;

	(void)state;
	assert_string_equal(tui_level_label(CHECKLIST_LEVEL_MANDATORY),
	    "shall");
	assert_string_equal(tui_level_label(CHECKLIST_LEVEL_CONSIDER),
	    "shall consider");
	assert_string_equal(tui_level_label(CHECKLIST_LEVEL_OPTIONAL), "may");
	assert_string_equal(tui_level_label(CHECKLIST_LEVEL_NONE),
	    "all levels");
	s = tui_theme_label("public-sector");
	assert_string_equal(s, "Public sector");
	free(s);
	s = tui_theme_label("conflict-of-interest");
	assert_string_equal(s, "Conflict of interest");
	free(s);
}

/* Is there a hit on PAGE with PATH (NULL: a title hit) among HITS? */
static bool
has_hit(struct tui_hit *hits, size_t n, const char *page, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(hits[i].group->id, page) == 0 &&
		    (path == NULL ? hits[i].path == NULL :
		    hits[i].path != NULL && strcmp(hits[i].path, path) == 0))
			return true;
	return false;
}

static void
test_find(void **state)
{
	struct fixture *f = *state;
	struct tui_hit *hits;
	size_t n;

	n = tui_find(f->r, NULL, "preventive", &hits);
	assert_int_equal(n, 1);
	assert_true(has_hit(hits, n, "p1_2", NULL));
	assert_non_null(strstr(hits[0].text, "1.2"));
	tui_find_free(hits, n);
	/* an article's title opens its first page */
	n = tui_find(f->r, NULL, "ARTICLE TWO", &hits);
	assert_true(has_hit(hits, n, "p2_1", NULL));
	tui_find_free(hits, n);
	/* labels of relevant questions only; answers, in repeats too */
	n = tui_find(f->r, NULL, "steps needed", &hits);
	assert_int_equal(n, 0);
	tui_find_free(hits, n);
	set(f->r, "p1_1/status", "partial");
	set(f->r, "p2_1/laws[2]/title", "Integrity Act");
	n = tui_find(f->r, NULL, "steps needed", &hits);
	assert_true(has_hit(hits, n, "p1_1", "p1_1/steps"));
	tui_find_free(hits, n);
	n = tui_find(f->r, NULL, "integrity", &hits);
	assert_int_equal(n, 1);
	assert_true(has_hit(hits, n, "p2_1", "p2_1/laws[2]/title"));
	assert_non_null(strstr(hits[0].text, "Title: Integrity Act"));
	tui_find_free(hits, n);
	n = tui_find(f->r, NULL, "", &hits);
	assert_int_equal(n, 0);
	tui_find_free(hits, n);
}

/* A hit in a long answer shows the words around the match, "..." or
 * "…" on both sides, on one line, controls made visible. */
static void
test_find_window(void **state)
{
	struct fixture *f = *state;
	struct tui_hit *hits;
	const char *utf8[] = { "C.UTF-8", "C" };
	size_t n, k;

	for (k = 0; k < 2; k++) {
		if (setlocale(LC_CTYPE, utf8[k]) == NULL)
			continue;
		set(f->r, "p1_1/details", "The first paragraph says nothing "
		    "of interest at all, really nothing.\nThen the answer names "
		    "the Integrity Commission\u200b, which was set up in 2019 "
		    "and reports to parliament every year since then.");
		n = tui_find(f->r, NULL, "integrity commission", &hits);
		assert_int_equal(n, 1);
		assert_non_null(strstr(hits[0].text, "Integrity Commission"));
		assert_null(strstr(hits[0].text, "first paragraph"));
		assert_null(strstr(hits[0].text, "every year since then"));
		assert_non_null(strstr(hits[0].text, "Details: "));
		assert_non_null(strstr(hits[0].text, k == 0 ? "\u2026" : "..."));
		assert_null(strchr(hits[0].text, '\n'));
		assert_null(strstr(hits[0].text, "\u200b"));
		assert_true(tui_text_width(strstr(hits[0].text, "Details: ")) <
		    80);
		tui_find_free(hits, n);
	}
	setlocale(LC_CTYPE, "C");
}

static void
test_text_width(void **state)
{
	char *s;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	assert_int_equal(tui_text_width("abc"), 3);
	assert_int_equal(tui_text_width("实施状况"), 8);
	s = tui_text_fit("实施状况", 5, false); /* never half a character */
	assert_string_equal(s, "实施~");
	free(s);
	s = tui_text_fit("实施", 6, true);
	assert_string_equal(s, "实施  ");
	free(s);
	s = tui_text_fit("a\x1b[2Jb\nc", 40, false);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\n'));
	free(s);
	/* a table's cells: columns, not bytes (18 bytes, 9 columns) */
	s = tui_text_cell("Конфликты", 10, true);
	assert_string_equal(s, " Конфликты");
	free(s);
	s = tui_text_cell("待复核", 9, true);
	assert_string_equal(s, "   待复核");
	free(s);
	s = tui_text_cell("Статья 5", 10, false);
	assert_string_equal(s, "Статья 5  ");
	free(s);
	s = tui_text_cell("المادة 15", 6, false); /* cut, never in a letter */
	assert_int_equal(tui_text_width(s), 6);
	assert_non_null(strstr(s, "~"));
	free(s);
	setlocale(LC_CTYPE, "C");
}

static void
test_wrap(void **state)
{
	char **lines = NULL;
	size_t n = 0, i;

	(void)state;
	tui_text_wrap("one two three four\nfive", 9, &lines, &n);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "one two");
	assert_string_equal(lines[1], "three");
	assert_string_equal(lines[2], "four");
	assert_string_equal(lines[3], "five");
	for (i = 0; i < n; i++)
		assert_true(tui_text_width(lines[i]) <= 9);
	tui_lines_free(lines, n);
}

static void
test_key_table(void **state)
{
	bool described[TUI_ACT_COUNT] = { false }, bound[TUI_ACT_COUNT] = {
	    false };
	size_t i, j;
	int a;

	(void)state;
	assert_true(tui_nkeys > 10);
	for (i = 0; i < tui_nkeys; i++) {
		assert_true(tui_keys[i].name != NULL && tui_keys[i].name[0]);
		assert_int_not_equal(tui_keys[i].action, TUI_ACT_NONE);
		bound[tui_keys[i].action] = true;
		if (tui_keys[i].desc != NULL)
			described[tui_keys[i].action] = true;
		if (tui_keys[i].scope == TUI_SCOPE_PAGE)
			continue; /* the page's own keys: documentation */
		/* no printable key is a command outside the list */
		if (!tui_keys[i].iskey && tui_keys[i].key >= ' ' &&
		    tui_keys[i].key != 127)
			assert_int_equal(tui_keys[i].scope, TUI_SCOPE_NAV);
		for (j = 0; j < i; j++) /* one key, one meaning */
			if (tui_keys[j].scope != TUI_SCOPE_PAGE &&
			    tui_keys[j].key == tui_keys[i].key &&
			    tui_keys[j].iskey == tui_keys[i].iskey)
				fail_msg("key %s bound twice", tui_keys[i].name);
	}
	for (a = 1; a < TUI_ACT_COUNT; a++) {
		if (!bound[a])
			fail_msg("action %d has no key", a);
		if (!described[a])
			fail_msg("action %d has no description", a);
		assert_non_null(tui_action_desc((enum tui_action)a));
	}
	assert_int_equal(tui_key_lookup('q', false, TUI_SCOPE_NAV),
	    TUI_ACT_QUIT);
	assert_int_equal(tui_key_lookup('q', false, TUI_SCOPE_COMMAND),
	    TUI_ACT_NONE); /* on a page, q is a letter */
	assert_int_equal(tui_key_lookup(0x1a, false, TUI_SCOPE_GLOBAL),
	    TUI_ACT_UNDO);
	assert_int_equal(tui_key_lookup(KEY_F(1), true, TUI_SCOPE_GLOBAL),
	    TUI_ACT_HELP);
	assert_int_equal(tui_key_lookup('q', false, TUI_SCOPE_GLOBAL),
	    TUI_ACT_NONE); /* a letter never beats a text field */
	assert_int_equal(tui_key_lookup('q', true, TUI_SCOPE_COMMAND),
	    TUI_ACT_NONE);
}

/* doc/sacl.1 carries the table exactly as tui_keys_print_man() prints. */
static void
test_man_page(void **state)
{
	const char *top = getenv("TOP_SRCDIR");
	char *path, *want = NULL, *man;
	size_t wlen = 0, mlen;
	struct checklist_error err;
	FILE *mem;

	(void)state;
	if (top == NULL)
		skip();
	mem = open_memstream(&want, &wlen);
	assert_non_null(mem);
	tui_keys_print_man(mem);
	fclose(mem);
	path = checklist_xasprintf("%s/doc/sacl.1", top);
	checklist_error_clear(&err);
	assert_int_equal(checklist_read_file(path, 1u << 20, &man, &mlen,
	    &err), CHECKLIST_OK);
	if (strstr(man, want) == NULL)
		fail_msg("doc/sacl.1 lacks the key table; paste the output of "
		    "`sacl fill --print-keys` between its key markers");
	free(man);
	free(want);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_entries_filters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unfinished, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_required, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_find_number, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_themes_levels, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_window, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_marks, setup, teardown),
		cmocka_unit_test(test_level_theme_labels),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_key_table),
		cmocka_unit_test(test_man_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

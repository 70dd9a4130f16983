/*
 * tui_nav.c: the navigator, a libmenuw list of the front section, the
 * articles, their provisions and lettered items (indented), each line
 * starting with its state's marker ("[x]" every required answer given,
 * "[~]" started with a required answer missing, "[!]" an answer not
 * valid, "[ ]" not started, "[-]" not relevant; `m` shows the legend)
 * so that it reads in monochrome; colours only add to it. Each
 * item's userptr points back to its group (as kconfig's menus do).
 * libmenu keeps the order, the current line and the scrolling; its
 * items are one column wide, and each visible line's text is made when
 * it comes on screen and drawn over its row (tui_nav_overlay), so that
 * 3,000 provisions cost what a screenful does. The list is built anew
 * when which lines appear (tui_order.c) or the window change; when an
 * answer changes and the same lines remain, it is kept and the lines'
 * texts are made again as they are shown. A right-to-left title
 * (Arabic) is right-aligned: the marker and the number stay where they
 * are on every line, the title ends in the list's last column.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_marks.h"
#include "tui/tui_app.h"

struct tui_nav {
	MENU *menu;
	ITEM **items;
	struct tui_entry *entries;
	size_t n;
	WINDOW *sub;
	const struct checklist_group *current; /* kept while detached */
	bool stale; /* hidden when last asked to rebuild: built when drawn */
	/* The lines' texts: libmenu is given one-column names (it measures
	 * and draws every item at each post: 160 million instructions for
	 * 3,000 provisions of 60 columns), and the visible rows are drawn
	 * over, each from SHOWN, made when it first comes on screen after
	 * update GEN (SEEN: the update it was made for). Kept between
	 * rebuilds while the same provisions are listed in the same order
	 * (an answer changed). */
	char **shown;
	unsigned long *seen, gen;
	int width; /* the lines' width */
	/* what the entries were listed for: the response's document and its
	 * scope (a contribution's provisions); with no filter on states, an
	 * answer changed lists the same entries (their states taken again
	 * as their lines are made) */
	const void *listed_doc;
	char *listed_scope;
	/* answers to review, counted for the heading of the response's
	 * REVIEW_DOC as it was at change REVIEW_AT (a walk of the whole
	 * response: once per change, not at every draw) */
	size_t review;
	const void *review_doc;
	unsigned long review_at;
};

struct tui_nav *
tui_nav_new(void)
{
	return checklist_xcalloc(1, sizeof(struct tui_nav));
}

void
tui_nav_detach(struct tui_nav *nav)
{
	size_t i;

	if (nav == NULL)
		return;
	if (nav->menu != NULL) {
		nav->current = tui_nav_current(nav);
		unpost_menu(nav->menu);
		free_menu(nav->menu);
		nav->menu = NULL;
	}
	for (i = 0; i < nav->n; i++) {
		free_item(nav->items[i]);
		free(nav->shown[i]);
	}
	free(nav->items);
	free(nav->shown);
	free(nav->seen);
	free(nav->entries);
	free(nav->listed_scope);
	nav->listed_scope = NULL;
	nav->listed_doc = NULL;
	nav->items = NULL;
	nav->shown = NULL;
	nav->seen = NULL;
	nav->entries = NULL;
	nav->n = 0;
	if (nav->sub != NULL)
		delwin(nav->sub);
	nav->sub = NULL;
}

void
tui_nav_free(struct tui_nav *nav)
{
	tui_nav_detach(nav);
	free(nav);
}

/* Spaces before an entry's marker: provisions and items indented. */
static int
tui_nav_depth(const struct checklist_group *g)
{
	return g->kind == CHECKLIST_G_FRONT ? 0 : 2 * g->depth;
}

/* One line of the list, exactly WIDTH columns wide. MARKED: the
 * response may hold marks (checklist_marks_present), to be counted. */
static char *
tui_nav_line(struct tui_app *app, const struct tui_entry *e, int width,
    bool marked)
{
	char *name = tui_group_name(app, e->group);
	const char *title = checklist_text_get(&e->group->title, app->lang,
	    app->cl->default_lang);
	const char *mark = marked &&
	    checklist_conflicts_in(app->resp, e->group) > 0 ?
	    TUI_CONFLICT_MARK " " : "";
	char *head, *line, marks[40] = "";
	size_t review = marked ? tui_review_in(app, e->group) : 0;

	/* R2: two answers carried from the last cycle to review; ~: an
	 * answer changed since the file compared with (fill --compare) */
	if (review > 0)
		snprintf(marks, sizeof marks, " R%zu", review);
	if (tui_changed_in(app, e->group))
		strncat(marks, " ~", sizeof marks - strlen(marks) - 1);
	if (e->group->kind == CHECKLIST_G_FRONT)
		head = checklist_xasprintf("%s%s %s", tui_state_marker(e->state),
		    marks, mark);
	else
		head = checklist_xasprintf("%*s%s %s%s%s  ",
		    tui_nav_depth(e->group), "", tui_state_marker(e->state),
		    mark, name, marks);
	line = tui_text_join_rtl(head, title, width, true);
	free(head);
	free(name);
	return line;
}

/* The answers to review in the whole response, for the heading. */
static size_t
tui_nav_review(struct tui_nav *nav, struct tui_app *app)
{
	if (nav->review_doc != app->resp->doc ||
	    nav->review_at != app->resp->changes) {
		nav->review = checklist_marks_present(app->resp) ?
		    checklist_review_count(app->resp, NULL) : 0;
		nav->review_doc = app->resp->doc;
		nav->review_at = app->resp->changes;
	}
	return nav->review;
}

/* The heading: what the list shows under the filters. */
static char *
tui_nav_heading(struct tui_nav *nav, struct tui_app *app)
{
	const struct tui_filter *f = &app->filter;
	char *theme = f->theme != NULL ? tui_theme_label(f->theme) : NULL;
	size_t review = tui_nav_review(nav, app);
	char count[48] = "";
	char *s;

	if (review > 0)
		snprintf(count, sizeof count, P_(", %zu to review (r)",
		    ", %zu to review (r)", review), review);
	s = checklist_xasprintf(_("Provisions: %s%s%s%s%s"),
	    tui_level_label(f->level), theme != NULL ? _(", theme ") : "",
	    theme != NULL ? theme : "", f->unfinished ? _(", unfinished only") :
	    "", count);

	free(theme);
	return s;
}

/* One item per entry, its name one column (the line is drawn over it:
 * tui_nav_overlay), its userptr the group. */
static void
tui_nav_make_items(struct tui_nav *nav, int width)
{
	size_t i;

	nav->items = checklist_xcalloc(nav->n + 1, sizeof *nav->items);
	nav->shown = checklist_xcalloc(nav->n + 1, sizeof *nav->shown);
	nav->seen = checklist_xcalloc(nav->n + 1, sizeof *nav->seen);
	nav->width = width;
	nav->gen = 1; /* every line to be made */
	for (i = 0; i < nav->n; i++) {
		nav->items[i] = new_item(" ", "");
		if (nav->items[i] == NULL)
			checklist_fatal(_("cannot make a menu item"));
		set_item_userptr(nav->items[i],
		    (void *)(uintptr_t)nav->entries[i].group);
	}
}

/* The entries were listed for the response as it is now. */
static void
tui_nav_listed(struct tui_nav *nav, struct tui_app *app)
{
	free(nav->listed_scope);
	nav->listed_scope = checklist_scope_ids(app->resp);
	nav->listed_doc = app->resp->doc;
}

/* The list as it stands kept, when the same provisions are listed in
 * the same order at WIDTH (an answer changed): the lines, with their
 * states, to be made again as they come on screen (tui_nav_overlay), and
 * no new menu (libmenu measures and draws every item at each post: 140
 * million instructions at 3,000 provisions). False: build it anew. */
static bool
tui_nav_update(struct tui_nav *nav, struct tui_app *app, int width)
{
	struct tui_entry *entries;
	char *scope;
	size_t n, i;
	bool same;

	if (nav->menu == NULL || nav->stale || width != nav->width)
		return false;
	scope = checklist_scope_ids(app->resp);
	same = nav->listed_doc == app->resp->doc && (scope == NULL ?
	    nav->listed_scope == NULL : nav->listed_scope != NULL &&
	    strcmp(scope, nav->listed_scope) == 0);
	free(scope);
	if (same && !app->filter.unfinished) {
		nav->gen++; /* the same entries: lines and states made anew */
		return true;
	}
	n = tui_order_entries(app->resp, &app->filter, &entries);
	for (i = 0; n == nav->n && i < n; i++)
		if (entries[i].group != nav->entries[i].group)
			break;
	if (n != nav->n || i < n) {
		free(entries);
		return false;
	}
	free(nav->entries);
	nav->entries = entries;
	nav->gen++;
	tui_nav_listed(nav, app);
	return true;
}

/* Entry I's line on ROW of the list, made again if not since the last
 * update, over what libmenu drew there (its one-column name). */
static void
tui_nav_overlay_row(struct tui_nav *nav, struct tui_app *app, int row,
    size_t i, bool current, int *marked)
{
	if (nav->seen[i] != nav->gen) {
		if (*marked < 0) /* a walk of the response: once a draw */
			*marked = checklist_marks_present(app->resp);
		nav->entries[i].state = checklist_state_group(app->resp,
		    nav->entries[i].group);
		free(nav->shown[i]);
		nav->shown[i] = tui_nav_line(app, &nav->entries[i],
		    nav->width, *marked != 0);
		nav->seen[i] = nav->gen;
	}
	wattrset(nav->sub, current ? A_REVERSE : A_NORMAL);
	mvwaddstr(nav->sub, row, 0, nav->shown[i]);
	wattrset(nav->sub, A_NORMAL);
}

/* The visible rows' lines. */
static void
tui_nav_overlay(struct tui_nav *nav, struct tui_app *app)
{
	int rows = getmaxy(nav->sub), top = top_row(nav->menu), i;
	int cur = item_index(current_item(nav->menu)), marked = -1;

	for (i = 0; i < rows && (size_t)(top + i) < nav->n; i++)
		tui_nav_overlay_row(nav, app, i, (size_t)(top + i),
		    top + i == cur, &marked);
}

void
tui_nav_rebuild(struct tui_nav *nav, struct tui_app *app,
    const struct checklist_group *select)
{
	int height, width;

	if (select == NULL)
		select = tui_nav_current(nav);
	if (!app->too_small && app->nav_win != NULL &&
	    (app->split || app->nav_focus) &&
	    tui_nav_update(nav, app, getmaxx(app->nav_win) -
	    (app->split ? 1 : 0))) {
		tui_nav_select(nav, select);
		return;
	}
	tui_nav_detach(nav);
	nav->current = select;
	/* a list not shown (80 columns, the page in front) is built when it
	 * is drawn: a change costs nothing here */
	nav->stale = !app->split && !app->nav_focus;
	if (app->too_small || app->nav_win == NULL || nav->stale)
		return;
	werase(app->nav_win);
	height = getmaxy(app->nav_win) - 1;
	width = getmaxx(app->nav_win) - (app->split ? 1 : 0);
	nav->n = tui_order_entries(app->resp, &app->filter, &nav->entries);
	tui_nav_listed(nav, app);
	if (nav->n == 0)
		return;
	tui_nav_make_items(nav, width);
	/* the menu is shaped before it is given its items where libmenu
	 * allows it (each of these calls measures every item again once
	 * there are items); the format needs the items */
	nav->menu = new_menu(NULL);
	nav->sub = derwin(app->nav_win, height, width, 1, 0);
	if (nav->menu == NULL || nav->sub == NULL ||
	    set_menu_win(nav->menu, app->nav_win) != E_OK ||
	    set_menu_sub(nav->menu, nav->sub) != E_OK ||
	    set_menu_mark(nav->menu, "") != E_OK ||
	    menu_opts_off(nav->menu, O_SHOWDESC) != E_OK ||
	    set_menu_fore(nav->menu, A_REVERSE) != E_OK ||
	    set_menu_back(nav->menu, A_NORMAL) != E_OK ||
	    set_menu_items(nav->menu, nav->items) != E_OK ||
	    set_menu_format(nav->menu, height, 1) != E_OK)
		checklist_fatal(_("cannot make the list of provisions"));
	post_menu(nav->menu);
	tui_nav_select(nav, select);
}

/* Colour the markers of the visible lines (not the current one, which
 * libmenu shows in reverse). Every line's marker is set, a dim one back
 * to no colour: a line may have scrolled into a place coloured before,
 * and the list is not posted again at each draw. */
static void
tui_nav_colour(struct tui_nav *nav, struct tui_app *app)
{
	int rows = getmaxy(nav->sub), top = top_row(nav->menu), i;
	int cur = item_index(current_item(nav->menu));
	chtype a;

	if (!app->colour)
		return;
	for (i = 0; i < rows && (size_t)(top + i) < nav->n; i++) {
		const struct tui_entry *e = &nav->entries[top + i];
		enum tui_role role = e->state == CHECKLIST_STATE_COMPLETE ?
		    TUI_ROLE_COMPLETE : e->state == CHECKLIST_STATE_INVALID ?
		    TUI_ROLE_MISSING : e->state == CHECKLIST_STATE_PARTIAL ?
		    TUI_ROLE_PARTIAL : TUI_ROLE_DIM;

		if (top + i == cur)
			continue;
		a = role == TUI_ROLE_DIM ? A_NORMAL : tui_attr(app, role);
		mvwchgat(nav->sub, i, tui_nav_depth(e->group), 3,
		    (attr_t)(a & ~A_COLOR), (short)PAIR_NUMBER(a), NULL);
	}
}

void
tui_nav_draw(struct tui_nav *nav, struct tui_app *app)
{
	int width = getmaxx(app->nav_win), height = getmaxy(app->nav_win);
	char *head, *line;

	if (nav->stale)
		tui_nav_rebuild(nav, app, nav->current);
	head = tui_nav_heading(nav, app);
	line = tui_text_fit(head, width - (app->split ? 1 : 0), true);
	wattrset(app->nav_win, A_BOLD | A_UNDERLINE);
	mvwaddstr(app->nav_win, 0, 0, line);
	wattrset(app->nav_win, A_NORMAL);
	free(head);
	free(line);
	if (app->split)
		mvwvline(app->nav_win, 0, width - 1, ACS_VLINE, height);
	if (nav->menu == NULL) {
		mvwaddnstr(app->nav_win, 2, 1,
		    _("Nothing matches: l, t and u change what is listed."),
		    width - 2);
		return;
	}
	/* not posted again: libmenu draws every item into its pad at each
	 * post; the visible lines are drawn over its one-column names, and
	 * their markers' colours set anew */
	tui_nav_overlay(nav, app);
	tui_nav_colour(nav, app);
}

unsigned
tui_nav_move(struct tui_nav *nav, enum tui_action action)
{
	int req;

	if (nav->menu == NULL)
		return TUI_R_NONE;
	switch (action) {
	case TUI_ACT_UP: req = REQ_UP_ITEM; break;
	case TUI_ACT_DOWN: req = REQ_DOWN_ITEM; break;
	case TUI_ACT_PREV_PROV: req = REQ_SCR_UPAGE; break; /* a screenful */
	case TUI_ACT_NEXT_PROV: req = REQ_SCR_DPAGE; break;
	case TUI_ACT_FIRST: req = REQ_FIRST_ITEM; break;
	case TUI_ACT_LAST: req = REQ_LAST_ITEM; break;
	default: return TUI_R_NONE;
	}
	if (menu_driver(nav->menu, req) != E_OK) {
		if (req == REQ_SCR_DPAGE)
			menu_driver(nav->menu, REQ_LAST_ITEM);
		else if (req == REQ_SCR_UPAGE)
			menu_driver(nav->menu, REQ_FIRST_ITEM);
	}
	nav->current = tui_nav_current(nav);
	return TUI_R_DRAW;
}

const struct checklist_group *
tui_nav_current(const struct tui_nav *nav)
{
	ITEM *it;

	if (nav->menu == NULL)
		return nav->current;
	it = current_item(nav->menu);
	return it != NULL ? item_userptr(it) : nav->current;
}

void
tui_nav_select(struct tui_nav *nav, const struct checklist_group *g)
{
	size_t i;

	if (nav->menu == NULL) {
		nav->current = g;
		return;
	}
	for (; g != NULL; g = g->parent) { /* hidden: its nearest parent */
		for (i = 0; i < nav->n; i++)
			if (nav->entries[i].group == g)
				break;
		if (i < nav->n) {
			set_current_item(nav->menu, nav->items[i]);
			nav->current = g;
			return;
		}
	}
}

size_t
tui_nav_count(const struct tui_nav *nav)
{
	return nav->n;
}

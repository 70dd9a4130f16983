/*
 * tui_present.c: the presentation mode (`sacl fill --present`, F9): one
 * provision a screen for a room and a projector, read-only. The answers
 * come from the same view as `sacl render` (export_render.h: labels,
 * choices by their labels, list entries, workshop marks), laid out in a
 * centred column of at most TUI_PRESENT_COLS columns, with a blank line
 * between questions, labels bold, values plain, marks in reverse. A
 * right-to-left text (Arabic) ends at the column's right edge, a
 * heading's number kept at its left.
 *
 * The mode runs its own loop and never hands a key to the page or to
 * the key table: Left/Right, PgUp/PgDn (and [ ]) move by provision,
 * Up/Down scroll, Home/End go to the first and last provision, o shows
 * the overview; every other key (letters, Space, Enter, Delete, Ctrl-Z,
 * a paste) only says that nothing can be changed here. q, F10 or Ctrl-C
 * ask before leaving; F9 leaves at once when it came from fill.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_render.h"
#include "tui/tui_app.h"

#define TUI_PRESENT_COLS 100 /* the widest line of text */
#define CTRL_KEY(c) ((wint_t)((c) & 0x1f))

struct tui_pline {
	char *text;
	chtype attr;
};

struct tui_present {
	struct tui_app *app;
	struct export_view view;
	const struct checklist_group *g;  /* the page shown */
	struct tui_filter all;            /* every page, in reading order */
	struct tui_pline *lines;
	size_t n, top;
	int width;                        /* the lines were built for it */
	bool from_fill;                   /* F9 came from fill */
	char note[200];                   /* the footer's word, for a key */
};

static void
tui_present_add(struct tui_present *p, const char *text, int indent,
    chtype attr)
{
	char **w = NULL;
	size_t i, n = 0;

	tui_text_wrap_rtl(text, p->width - indent, &w, &n);
	p->lines = checklist_xreallocarray(p->lines, p->n + n + 1,
	    sizeof *p->lines);
	for (i = 0; i < n; i++) {
		p->lines[p->n].text = checklist_xasprintf("%*s%s", indent, "",
		    w[i]);
		p->lines[p->n++].attr = attr;
	}
	tui_lines_free(w, n);
}

/* NAME and TITLE as a heading: a right-to-left TITLE that fits on one
 * line right-aligned after NAME, else wrapped as any text. */
static void
tui_present_heading(struct tui_present *p, const char *name,
    const char *title, chtype attr)
{
	char *s = export_view_heading(name, title), *head, *line = NULL;

	if (tui_text_width(s) <= p->width) {
		head = checklist_xasprintf("%s ", name);
		line = forms_text_join_rtl(head, title, p->width);
		free(head);
	}
	if (line != NULL) {
		p->lines = checklist_xreallocarray(p->lines, p->n + 1,
		    sizeof *p->lines);
		p->lines[p->n].text = line;
		p->lines[p->n++].attr = attr;
	} else
		tui_present_add(p, s, 0, attr);
	free(s);
}

static void
tui_present_free_lines(struct tui_present *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->lines[i].text);
	free(p->lines);
	p->lines = NULL;
	p->n = p->top = 0;
}

static void
tui_present_marks(struct tui_present *p, const struct export_vmarks *m,
    int indent)
{
	char *from = export_vmarks_from(m), *line;

	if (m->conflict || m->review) {
		line = checklist_xasprintf("%s%s%s", m->conflict ?
		    _(" CONFLICT: to settle ") : "", m->conflict && m->review ?
		    " " : "", m->review ?
		    _(" TO REVIEW: from the last cycle ") : "");
		tui_present_add(p, line, indent, A_REVERSE | A_BOLD);
		free(line);
	}
	if (from != NULL)
		tui_present_add(p, from, indent, A_NORMAL);
	free(from);
}

static void tui_present_answers(struct tui_present *p,
    const struct export_vanswer *a, size_t n, int indent);

static void
tui_present_entries(struct tui_present *p, const struct export_vanswer *a,
    int indent)
{
	size_t i;
	char *head;

	if (a->nentries == 0)
		tui_present_add(p, a->missing ? _("(no entry - required)") :
		    _("(no entry)"), indent, a->missing ?
		    tui_attr(p->app, TUI_ROLE_MISSING) : A_NORMAL);
	for (i = 0; i < a->nentries; i++) {
		head = checklist_xasprintf(_("Entry %zu of %zu"), i + 1,
		    a->nentries);
		tui_present_add(p, head, indent, A_UNDERLINE);
		free(head);
		tui_present_marks(p, &a->entries[i].marks, indent + 2);
		tui_present_answers(p, a->entries[i].answers, a->entries[i].n,
		    indent + 2);
	}
}

static void
tui_present_answers(struct tui_present *p, const struct export_vanswer *a,
    size_t n, int indent)
{
	size_t i;

	for (i = 0; i < n; i++) {
		tui_present_add(p, a[i].label, indent, A_BOLD);
		tui_present_marks(p, &a[i].marks, indent + 4);
		if (a[i].q->type == CHECKLIST_Q_REPEAT)
			tui_present_entries(p, &a[i], indent + 4);
		else if (a[i].value[0] != '\0')
			tui_present_add(p, a[i].value, indent + 4, A_NORMAL);
		else
			tui_present_add(p, a[i].missing ? _("(no answer - "
			    "required)") : _("(no answer)"), indent + 4,
			    a[i].missing ?
			    tui_attr(p->app, TUI_ROLE_MISSING) : A_DIM);
		tui_present_add(p, "", 0, A_NORMAL); /* large spacing */
	}
}

/* "3 of 5 required answered [####....]" for P. Caller frees. */
static char *
tui_present_progress(const char *what, const struct checklist_progress *p)
{
	char *bar = tui_progress_bar(p->required_answered, p->required, 22);
	char *s = checklist_xasprintf(_("%s %s %zu of %zu required answered"),
	    what, bar, p->required_answered, p->required);

	free(bar);
	return s;
}

/* The lines of the page shown, for the current width. */
static void
tui_present_build(struct tui_present *p)
{
	const struct export_varticle *art = NULL;
	const struct export_vpage *pg = export_view_page(&p->view, p->g, &art);
	char *s;

	tui_present_free_lines(p);
	if (pg == NULL)
		return;
	tui_present_heading(p, art->name, art->title,
	    tui_attr(p->app, TUI_ROLE_DIM) | A_BOLD);
	if (pg->g != art->g)
		tui_present_heading(p, pg->name, pg->title,
		    A_BOLD | A_UNDERLINE);
	tui_present_add(p, "", 0, A_NORMAL);
	s = tui_present_progress(_("Provision:"), &pg->p);
	tui_present_add(p, s, 0, A_NORMAL);
	free(s);
	s = tui_present_progress(_("Article:  "), &art->p);
	tui_present_add(p, s, 0, A_NORMAL);
	free(s);
	tui_present_add(p, "", 0, A_NORMAL);
	if (!pg->relevant)
		tui_present_add(p, _("(not asked: not relevant now)"), 0,
		    A_DIM);
	tui_present_answers(p, pg->answers, pg->n, 0);
}

/* A bar across the screen at row Y (the header, the keys). */
static void
tui_present_bar(int y, const char *text)
{
	char *fit = tui_text_fit(text, COLS, true);

	wattrset(stdscr, A_REVERSE | A_BOLD);
	mvwaddstr(stdscr, y, 0, fit);
	wattrset(stdscr, A_NORMAL);
	free(fit);
}

static void
tui_present_draw(struct tui_present *p)
{
	int body = LINES - 3, x0, y;
	size_t i;
	char *head;

	p->width = COLS - 4 < TUI_PRESENT_COLS ? COLS - 4 : TUI_PRESENT_COLS;
	if (p->lines == NULL)
		tui_present_build(p);
	x0 = (COLS - p->width) / 2;
	werase(stdscr);
	head = checklist_xasprintf(_(" PRESENTATION (read-only)   %s"),
	    p->note[0] != '\0' ? p->note : _("nothing can be changed here"));
	tui_present_bar(0, head);
	free(head);
	for (y = 0, i = p->top; y < body && i < p->n; y++, i++) {
		wattrset(stdscr, p->lines[i].attr);
		mvwaddstr(stdscr, 2 + y, x0, p->lines[i].text);
	}
	wattrset(stdscr, A_NORMAL);
	tui_present_bar(LINES - 1, p->top + (size_t)body < p->n ?
	    _(" Left/Right/PgUp/PgDn: provision  Up/Down: scroll (more)  o: "
	    "overview  q: leave") : _(" Left/Right/PgUp/PgDn: provision  "
	    "Up/Down: scroll  o: overview  q: leave"));
	wnoutrefresh(stdscr);
	doupdate();
}

/* Another page (DIR: +1, -1; 0 with END: the last, else the first). */
static void
tui_present_move(struct tui_present *p, int dir, bool end)
{
	const struct checklist_group *g;

	if (dir == 0)
		g = tui_order_step(p->app->resp, &p->all, NULL, end ? -1 : 1);
	else
		g = tui_order_step(p->app->resp, &p->all, p->g, dir);
	if (g == NULL) {
		snprintf(p->note, sizeof p->note, "%s", dir > 0 ?
		    _("This is the last provision.") :
		    _("This is the first provision."));
		return;
	}
	p->g = g;
	tui_present_free_lines(p);
}

static void
tui_present_scroll(struct tui_present *p, int by)
{
	size_t body = LINES > 3 ? (size_t)(LINES - 3) : 1;
	size_t max = p->n > body ? p->n - body : 0;

	if (by < 0)
		p->top = p->top > (size_t)-by ? p->top - (size_t)-by : 0;
	else
		p->top = p->top + (size_t)by < max ? p->top + (size_t)by : max;
}

/* q, F10, Ctrl-C: leave, after asking. */
static bool
tui_present_leave(struct tui_present *p)
{
	return tui_dialog_yesno(p->app, p->from_fill ? _("Leave the "
	    "presentation and go back to the answers?") : _("Leave the "
	    "presentation (and sacl)?"));
}

/* What a key does; true to leave. */
static bool
tui_present_key(struct tui_present *p, wint_t ch, bool iskey)
{
	p->note[0] = '\0';
	if (iskey && (ch == KEY_RIGHT || ch == KEY_NPAGE))
		tui_present_move(p, 1, false);
	else if (!iskey && ch == L']')
		tui_present_move(p, 1, false);
	else if ((iskey && (ch == KEY_LEFT || ch == KEY_PPAGE)) ||
	    (!iskey && ch == L'['))
		tui_present_move(p, -1, false);
	else if (iskey && (ch == KEY_HOME || ch == KEY_END))
		tui_present_move(p, 0, ch == KEY_END);
	else if (iskey && (ch == KEY_DOWN || ch == KEY_UP))
		tui_present_scroll(p, ch == KEY_DOWN ? 1 : -1);
	else if (!iskey && ch == L'o')
		tui_overview_show(p->app);
	else if (iskey && ch == KEY_F(9) && p->from_fill)
		return true;
	else if ((iskey && (ch == KEY_F(10) || ch == KEY_F(9))) ||
	    (!iskey && (ch == L'q' || ch == CTRL_KEY('c'))))
		return tui_present_leave(p);
	else if (iskey && ch == KEY_F(1))
		snprintf(p->note, sizeof p->note, "%s",
		    _("Keys: Left/Right or PgUp/PgDn move, Up/Down scroll, "
		    "o overview, q leaves."));
	else
		snprintf(p->note, sizeof p->note, "%s",
		    _("Read-only: that key changes nothing here (q leaves)."));
	return false;
}

/* One event; true to leave. */
static bool
tui_present_event(struct tui_present *p)
{
	struct tui_in ev;
	bool leave = false;

	if (!tui_app_event(p->app, &ev))
		return false;
	if (ev.kind == TUI_IN_KEY && ev.ch == KEY_RESIZE) {
		clearok(curscr, TRUE);
		tui_app_layout(p->app); /* for when the mode ends */
		tui_present_free_lines(p);
	} else if (ev.kind == TUI_IN_CHAR || ev.kind == TUI_IN_KEY)
		leave = tui_present_key(p, ev.ch, ev.kind == TUI_IN_KEY);
	else if (ev.kind == TUI_IN_PASTE)
		snprintf(p->note, sizeof p->note, "%s",
		    _("Read-only: a paste changes nothing here (q leaves)."));
	else
		snprintf(p->note, sizeof p->note, "%s",
		    _("Read-only: that key changes nothing here (q leaves)."));
	tui_in_clear(&ev);
	return leave;
}

/* The page to start at: the one open, else the one chosen in the list,
 * else the first. */
static const struct checklist_group *
tui_present_start(struct tui_app *app)
{
	const struct checklist_group *g = app->group;

	if (g == NULL && app->nav != NULL && tui_nav_count(app->nav) > 0)
		g = tui_order_page_of(tui_nav_current(app->nav));
	if (g == NULL)
		g = app->cl->npages > 0 ? app->cl->pages[0] : NULL;
	return g;
}

unsigned
tui_present_run(struct tui_app *app, bool from_fill)
{
	struct tui_present p;
	unsigned r = TUI_R_NONE;
	bool leave = false;

	if (!tui_app_leave(app, &r)) /* a value being typed, not valid */
		return r | TUI_R_DRAW;
	memset(&p, 0, sizeof p);
	p.app = app;
	p.from_fill = from_fill;
	p.all.level = CHECKLIST_LEVEL_NONE;
	p.g = tui_present_start(app);
	export_view_build(app->resp, app->lang, &p.view);
	curs_set(0);
	while (!leave && app->signal == 0) {
		if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
			app->too_small = true;
			tui_app_draw(app); /* says the size needed */
		} else
			tui_present_draw(&p);
		leave = tui_present_event(&p);
		if (app->signal == 0)
			app->signal = tui_signal_pending();
	}
	tui_present_free_lines(&p);
	export_view_free(&p.view);
	if (p.g != NULL && !app->too_small) /* fill goes on where we were */
		r |= tui_app_open(app, p.g, NULL);
	clearok(curscr, TRUE);
	return r | TUI_R_LAYOUT | TUI_R_DRAW | TUI_R_NAV;
}

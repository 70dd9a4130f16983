/*
 * tui_app.h: the screens of `sacl fill`, shared by tui/tui_*.c only.
 *
 * One struct tui_app holds the state of the run. Key handlers return a
 * reaction (what must be redone) and the one loop in tui_app.c redraws,
 * htop style; modal screens (dialogs, help, search, progress) run their
 * own small loop and ask the application to lay out and redraw behind
 * them after a resize.
 *
 * Ownership: the app borrows the response, the file name and the
 * language; it owns its windows, the navigator and the page.
 */
#ifndef SACL_TUI_APP_H
#define SACL_TUI_APP_H

#include <stdbool.h>
#include <time.h>

#include "tui/tui.h"
#include "forms/forms.h"
#include "tui/tui_input.h"

/* The smallest screen drawn; below it the user is told the size. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24
/* From this width the navigator sits beside the page. */
#define TUI_SPLIT_COLS 100
#define TUI_NAV_MIN_COLS 24
/* Seconds of idle typing after which the field is committed and saved. */
#define TUI_IDLE_SAVE 3
/* Changes that Ctrl-Z can take back. */
#define TUI_UNDO_DEPTH 200
/* The loop wakes this often (ms) to look at signals and idle time. */
#define TUI_TICK_MS 500

/* What a handler asks the loop to redo (bits). */
enum tui_reaction {
	TUI_R_NONE = 0,
	TUI_R_DRAW = 1,   /* redraw the screen */
	TUI_R_LAYOUT = 2, /* the size changed: new windows */
	TUI_R_NAV = 4,    /* states or filters changed: rebuild the list */
};

/* Colours, or monochrome attributes when NO_COLOR or no colours. */
enum tui_role {
	TUI_ROLE_TITLE,
	TUI_ROLE_STATUS,
	TUI_ROLE_ERROR,
	TUI_ROLE_DIALOG,
	TUI_ROLE_COMPLETE,
	TUI_ROLE_PARTIAL,
	TUI_ROLE_MISSING,
	TUI_ROLE_DIM,
	TUI_ROLE_COUNT
};

struct tui_nav;

struct tui_app {
	struct checklist_response *resp;
	const struct checklist *cl;
	const char *file;
	const char *lang;
	WINDOW *title_win, *nav_win, *page_win, *status_win;
	struct tui_nav *nav;
	struct checklist_undo *undo; /* the changes of this run */
	struct forms_page *page;
	const struct checklist_group *group; /* the page shown */
	char *resume;        /* at start: the value path to focus, once */
	struct tui_filter filter;
	const char **themes;
	size_t nthemes;
	size_t theme;        /* 0: every theme, else themes[theme - 1] */
	bool nav_focus;      /* keys go to the navigator */
	bool split;          /* navigator beside the page */
	bool too_small;
	bool colour;
	bool dirty;          /* changes not yet saved */
	bool readonly;       /* browse: no change, never saved (FILE: a title) */
	bool present;        /* fill --present: the presentation, then end */
	xmlNodePtr earlier;  /* --compare: the earlier answers, or NULL */
	char *changed;       /* the value paths that differ from them, each
	                      * between '\n's (tui_compare_refresh); owned */
	bool show_changed;   /* `d`: highlight them */
	char message[1024];  /* shown in the status line until the next key */
	bool message_error;
	time_t last_typed;   /* a field being edited since... */
	int signal;          /* the signal that ends the run, or 0 */
	bool quit;
};

/* tui_app.c */
chtype tui_attr(const struct tui_app *app, enum tui_role role);
void tui_app_layout(struct tui_app *app);
void tui_app_draw(struct tui_app *app);
/* Save the response now; on failure keep it in memory, say so and how
 * to retry. Returns true when saved. */
bool tui_app_save(struct tui_app *app);
/* Commit the field being edited and save when it changed something. */
unsigned tui_app_commit(struct tui_app *app);
/* The same before leaving the field; false when the value typed is
 * refused (the page's message says why): the user stays to fix it or
 * to press Esc. *R gets the reaction. */
bool tui_app_leave(struct tui_app *app, unsigned *r);
/* Leave the current page (committing) and open G's page; focus the
 * value PATH when not NULL. Gives the page the keys. */
unsigned tui_app_open(struct tui_app *app, const struct checklist_group *g,
    const char *path);
/* Alt+letter: the list's letter command. */
unsigned tui_app_alt(struct tui_app *app, wint_t ch);
/* Pasted text: into the field being edited, else ignored with a word. */
unsigned tui_app_paste(struct tui_app *app, const char *text, size_t len);
/* Read one input event with the loop's timeout (tui_input.h): false when
 * none came. The caller frees EV with tui_in_clear(). */
bool tui_app_event(struct tui_app *app, struct tui_in *ev);
/* Read one key with the loop's timeout: OK, KEY_CODE_YES or ERR (also
 * for what is no key: a paste, an Alt key, a sequence dropped). */
int tui_app_getkey(struct tui_app *app, wint_t *ch);
/* Pasted TEXT (LEN bytes of UTF-8) into the field being edited; with no
 * field being edited it is ignored and the status line says so. Pasted
 * text never reaches the commands. Returns a reaction. */
unsigned tui_app_paste(struct tui_app *app, const char *text, size_t len);
/* After a resize inside a modal screen: lay out and draw behind it. */
void tui_app_behind(struct tui_app *app);

/* tui_act.c: what the actions of the key table do. */
unsigned tui_act(struct tui_app *app, enum tui_action action);
unsigned tui_act_quit(struct tui_app *app);
/* The answer with the focus, in full, in the pager (F5, v). */
void tui_view_show(struct tui_app *app);

/* tui_workshop.c: contributions and conflicts. */
/* A contribution without its agency: ask it once (saved, not undone). */
void tui_workshop_ask_agency(struct tui_app *app);
unsigned tui_workshop_next_conflict(struct tui_app *app); /* c */
unsigned tui_workshop_settle(struct tui_app *app);        /* F7 */
/* tui_review.c: answers to review (fill --from), compared (--compare). */
unsigned tui_review_next(struct tui_app *app);
unsigned tui_review_confirm(struct tui_app *app);
unsigned tui_compare_toggle(struct tui_app *app);
/* The answers of G to review (an article: of its pages). */
size_t tui_review_in(struct tui_app *app, const struct checklist_group *g);
/* Has G (an article: any of its pages) an answer changed and shown? */
bool tui_changed_in(struct tui_app *app, const struct checklist_group *g);
/* Give a new page the highlighting. */
void tui_review_page(struct tui_app *app);
/* Compare the answers with APP->earlier again (at start, after each
 * save). */
void tui_compare_refresh(struct tui_app *app);

/* tui_nav.c: the navigator. */
struct tui_nav *tui_nav_new(void);
void tui_nav_free(struct tui_nav *nav);
/* Let go of the window (before it is deleted): the list is rebuilt on
 * the next tui_nav_rebuild(). */
void tui_nav_detach(struct tui_nav *nav);
/* Rebuild the list for the window (after a layout, a change or a new
 * filter), keeping SELECT (or the current entry) selected. */
void tui_nav_rebuild(struct tui_nav *nav, struct tui_app *app,
    const struct checklist_group *select);
void tui_nav_draw(struct tui_nav *nav, struct tui_app *app);
/* A navigator action (TUI_ACT_UP...); returns a reaction. */
unsigned tui_nav_move(struct tui_nav *nav, enum tui_action action);
const struct checklist_group *tui_nav_current(const struct tui_nav *nav);
void tui_nav_select(struct tui_nav *nav, const struct checklist_group *g);
size_t tui_nav_count(const struct tui_nav *nav);

/* tui_status.c: the title line, the status line and messages. */
void tui_status_draw(struct tui_app *app);
void tui_title_draw(struct tui_app *app);
void tui_message(struct tui_app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "Art. 9", "9.1(a)" or the front section's title: for the screen. */
char *tui_group_name(const struct tui_app *app,
    const struct checklist_group *g);

/* tui_dialog.c: modal screens. */
void tui_dialog_message(struct tui_app *app, const char *title,
    const char *text);
bool tui_dialog_yesno(struct tui_app *app, const char *question);
/* A line of input; NULL when cancelled. Caller frees. */
char *tui_dialog_prompt(struct tui_app *app, const char *label);
/* Choose one of LINES; -1 when cancelled. PgDn and PgUp beyond the
 * list go to its last and first line. */
int tui_dialog_list(struct tui_app *app, const char *title, char **lines,
    size_t n);
/* The same, FOOT (NULL: the usual) on its last line; a letter in KEYS
 * (NULL: none) closes it too, returning -2 with that letter in *KEY. */
int tui_dialog_list_keys(struct tui_app *app, const char *title,
    const char *foot, char **lines, size_t n, const char *keys, wint_t *key);
/* Show LINES (already wrapped for WIDTH, see tui_dialog_width) in a
 * scrolling window until q, Esc or Enter. */
void tui_dialog_pager(struct tui_app *app, const char *title,
    char **(*build)(struct tui_app *app, int width, size_t *n));

/* tui_help.c, tui_search.c, tui_progress.c */
void tui_help_show(struct tui_app *app);
/* What the marks of the list (and of repeat entries) mean, in a box. */
void tui_legend_show(struct tui_app *app);
unsigned tui_search_run(struct tui_app *app);
unsigned tui_goto_run(struct tui_app *app);
void tui_progress_show(struct tui_app *app);
/* The overview for a room (o): per article, progress, open required
 * questions, conflicts, answers to review (tui_overview.c). */
void tui_overview_show(struct tui_app *app);
/* The presentation mode (F9, fill --present; tui_present.c): read-only,
 * one provision a screen, until left (FROM_FILL: F9 leaves at once, q
 * asks; else q asks). Returns a reaction; opens the last page shown. */
unsigned tui_present_run(struct tui_app *app, bool from_fill);
/* "[#####.....]" WIDTH columns for DONE of TOTAL. Caller frees. */
char *tui_progress_bar(size_t done, size_t total, int width);

/* tui_lang.c: F6, another language for the texts and the screens,
 * recorded in the response; the page and its focus stay. */
unsigned tui_lang_run(struct tui_app *app);

/* tui_export.c: `x`, what is incomplete, then the package. */
unsigned tui_export_run(struct tui_app *app);

/* tui_signal.c */
void tui_signal_install(void);
/* The signal caught (SIGHUP, SIGTERM, SIGINT), or 0. */
int tui_signal_pending(void);
void tui_signal_restore(void);

#endif /* SACL_TUI_APP_H */

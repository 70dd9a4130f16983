/*
 * tui_input.c: one input event at a time for `sacl fill` (tui_input.h):
 * escape sequences curses did not know, dropped whole; Alt keys; bracketed
 * paste on and off, and read to its end marker; bursts of text taken as
 * a paste.
 *
 * How it reads: wget_wch() with keypad on does the terminfo and
 * define_key() matching. When it gives back a lone ESC, either Esc was
 * pressed (curses already waited ESCDELAY for more) or a sequence it did
 * not know is left in its queue: what follows is looked at without
 * waiting, and ESC [ or ESC O starts a sequence that is read to its final
 * byte (0x40-0x7E, each byte waited for no longer than ESCDELAY) and
 * dropped. After a character of text the look ahead does not wait
 * either: only text already there makes a burst; once in a burst, a gap
 * of TUI_IN_GAP_MS ends it (a terminal writing a long paste in pieces).
 *
 * Events read ahead and not yet given (the key that ended a burst, the
 * letters of a short burst) wait in a small queue; reads happen only
 * when it is empty, so that curses' own push back (unget_wch) keeps the
 * order.
 *
 * Known limits: a sequence split by a slow link after its ESC, longer
 * than ESCDELAY, is seen as Esc and text; an ESC typed and followed
 * within ESCDELAY by '[' or 'O' is dropped with what follows.
 */
#include "config.h"

#define TUI_CURSES_TERM 1
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist.h"
#include "tui/tui_input.h"

#define TUI_ESC 27
/* In a burst, the longest gap between two characters. */
#define TUI_IN_GAP_MS 1
/* In a bracketed paste, the longest wait for the rest (a lost end). */
#define TUI_IN_PASTE_WAIT_MS 1000
/* The longest unknown sequence dropped as one. */
#define TUI_IN_SEQ_MAX 32
#define TUI_IN_QUEUE 8

static struct tui_in tui_in_queue[TUI_IN_QUEUE];
static size_t tui_in_qhead, tui_in_qlen;
static bool tui_in_bp_wanted, tui_in_bp_on;

/* Text being gathered: UTF-8, CR LF as one line end. */
struct tui_in_text {
	char *buf;
	size_t len, cap;
	bool cr, truncated;
};

static void
tui_in_push(const struct tui_in *ev)
{
	if (tui_in_qlen == TUI_IN_QUEUE) { /* cannot happen: bursts are short */
		free(ev->text);
		return;
	}
	tui_in_queue[(tui_in_qhead + tui_in_qlen++) % TUI_IN_QUEUE] = *ev;
}

static bool
tui_in_pop(struct tui_in *ev)
{
	if (tui_in_qlen == 0)
		return false;
	*ev = tui_in_queue[tui_in_qhead];
	tui_in_qhead = (tui_in_qhead + 1) % TUI_IN_QUEUE;
	tui_in_qlen--;
	return true;
}

/* Text a paste may hold: a tab, a line end, a printable character. */
static bool
tui_in_is_text(wint_t ch)
{
	return ch == L'\t' || ch == L'\n' || ch == L'\r' ||
	    (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0));
}

static bool
tui_in_is_break(wint_t ch)
{
	return ch == L'\t' || ch == L'\n' || ch == L'\r';
}

static void
tui_in_text_add(struct tui_in_text *t, wint_t ch)
{
	bool after_cr = t->cr;

	t->cr = ch == L'\r';
	if (ch == L'\n' && after_cr)
		return;
	if (ch == L'\r')
		ch = L'\n';
	if (!tui_in_is_text(ch))
		return;
	if (t->len + 5 > TUI_IN_PASTE_MAX) {
		t->truncated = true;
		return;
	}
	tui_in_utf8_put(&t->buf, &t->len, &t->cap, ch);
}

/* Give T as the paste event EV; T's buffer goes to EV. */
static void
tui_in_text_event(struct tui_in_text *t, struct tui_in *ev, bool bracketed)
{
	if (t->buf == NULL)
		tui_in_utf8_put(&t->buf, &t->len, &t->cap, 0);
	ev->kind = TUI_IN_PASTE;
	ev->ch = 0;
	ev->text = t->buf;
	ev->len = t->len;
	ev->truncated = t->truncated;
	ev->bracketed = bracketed;
}

static int
tui_in_get(WINDOW *win, int ms, wint_t *ch)
{
	wtimeout(win, ms);
	return wget_wch(win, ch);
}

/* Between ESC [200~ and ESC [201~. */
static void
tui_in_bracketed(WINDOW *win, struct tui_in *ev)
{
	struct tui_in_text t = { NULL, 0, 0, false, false };
	struct tui_in resize = { TUI_IN_KEY, KEY_RESIZE, NULL, 0, false,
	    false };
	wint_t ch;
	int rc;

	while ((rc = tui_in_get(win, TUI_IN_PASTE_WAIT_MS, &ch)) != ERR) {
		if (rc != KEY_CODE_YES)
			tui_in_text_add(&t, ch);
		else if (ch == TUI_KEY_PASTE_END)
			break;
		else if (ch == KEY_ENTER)
			tui_in_text_add(&t, L'\n');
		else if ((ch = (wint_t)tui_in_plain_key((int)ch)) >
		    TUI_KEY_KEYPAD && ch < TUI_KEY_KEYPAD + 128)
			tui_in_text_add(&t, ch - TUI_KEY_KEYPAD);
		else if (ch == KEY_RESIZE)
			tui_in_push(&resize);
		/* any other key inside a paste is no text: dropped */
	}
	tui_in_text_event(&t, ev, true);
}

/* A key code from curses, as an event. */
static void
tui_in_key(WINDOW *win, int code, struct tui_in *ev)
{
	if (code == TUI_KEY_PASTE_BEGIN) {
		tui_in_bracketed(win, ev);
		return;
	}
	code = code == TUI_KEY_PASTE_END ? 0 : tui_in_plain_key(code);
	if (code > TUI_KEY_KEYPAD && code < TUI_KEY_KEYPAD + 128) {
		ev->kind = TUI_IN_CHAR;
		ev->ch = (wint_t)(code - TUI_KEY_KEYPAD);
		return;
	}
	ev->kind = code == 0 ? TUI_IN_NONE : TUI_IN_KEY;
	ev->ch = (wint_t)code;
}

/* After ESC [ or ESC O: read the rest of the sequence and drop it. A
 * byte that cannot be part of it goes back to curses. */
static void
tui_in_skip(WINDOW *win, wint_t intro)
{
	int wait = get_escdelay(), n, rc;
	wint_t ch;

	for (n = 0; n < TUI_IN_SEQ_MAX; n++) {
		rc = tui_in_get(win, wait, &ch);
		if (rc == ERR)
			return;
		if (rc == KEY_CODE_YES) {
			ungetch((int)ch);
			return;
		}
		if (ch < 0x20 || ch > 0x7e) {
			unget_wch((wchar_t)ch);
			return;
		}
		if (n == 0 && intro == L'[' && ch == L'[')
			continue; /* the Linux console's ESC [[ A */
		if (ch >= 0x40)
			return; /* the final byte */
	}
}

/* A lone ESC from curses: Esc, an Alt key, or an unknown sequence. */
static void
tui_in_esc(WINDOW *win, struct tui_in *ev)
{
	wint_t ch;
	int rc;

	do /* ESC ESC...: one Esc, or Alt and what follows */
		rc = tui_in_get(win, 0, &ch);
	while (rc == OK && ch == TUI_ESC);
	if (rc == ERR) {
		ev->kind = TUI_IN_CHAR;
		ev->ch = TUI_ESC;
	} else if (rc == KEY_CODE_YES) {
		tui_in_key(win, (int)ch, ev); /* Alt and a key: the key */
	} else if (ch == L'[' || ch == L'O') {
		tui_in_skip(win, ch);
		ev->kind = TUI_IN_NONE;
	} else {
		ev->kind = TUI_IN_ALT;
		ev->ch = ch == L'\r' ? L'\n' : ch;
	}
}

/* One event, its first byte waited for MS (curses' meaning). */
static bool
tui_in_raw(WINDOW *win, int ms, struct tui_in *ev)
{
	wint_t ch;
	int rc = tui_in_get(win, ms, &ch);

	memset(ev, 0, sizeof *ev);
	if (rc == ERR)
		return false;
	if (rc == KEY_CODE_YES)
		tui_in_key(win, (int)ch, ev);
	else if (ch == TUI_ESC)
		tui_in_esc(win, ev);
	else {
		ev->kind = TUI_IN_CHAR;
		ev->ch = ch;
	}
	return true;
}

static void
tui_in_char_event(struct tui_in *ev, wint_t ch)
{
	memset(ev, 0, sizeof *ev);
	ev->kind = TUI_IN_CHAR;
	ev->ch = ch == L'\r' ? L'\n' : ch;
}

/* EV is a character of text: gather what is already waiting behind it.
 * A paste, or the characters one by one, the first in EV. */
static void
tui_in_burst(WINDOW *win, struct tui_in *ev)
{
	struct tui_in_text t = { NULL, 0, 0, false, false };
	struct tui_in next;
	wint_t first[TUI_IN_BURST_MIN];
	size_t n = 0, i;
	bool brk = tui_in_is_break(ev->ch), stop = false;

	first[n++] = ev->ch;
	tui_in_text_add(&t, ev->ch);
	while (tui_in_raw(win, n > 1 ? TUI_IN_GAP_MS : 0, &next)) {
		if (next.kind != TUI_IN_CHAR || !tui_in_is_text(next.ch)) {
			stop = true;
			break;
		}
		if (n < TUI_IN_BURST_MIN)
			first[n] = next.ch;
		n++;
		brk = brk || tui_in_is_break(next.ch);
		tui_in_text_add(&t, next.ch);
	}
	if (n > 1 && (brk || n >= TUI_IN_BURST_MIN)) {
		tui_in_text_event(&t, ev, false);
	} else {
		free(t.buf);
		tui_in_char_event(ev, first[0]);
		for (i = 1; i < n; i++) {
			struct tui_in c;

			tui_in_char_event(&c, first[i]);
			tui_in_push(&c);
		}
	}
	if (stop)
		tui_in_push(&next);
}

bool
tui_input_read(WINDOW *win, struct tui_in *ev)
{
	int delay = wgetdelay(win);
	bool got;

	if (tui_in_pop(ev))
		return true;
	got = tui_in_raw(win, delay, ev);
	if (got && ev->kind == TUI_IN_CHAR && tui_in_is_text(ev->ch))
		tui_in_burst(win, ev);
	else if (got && ev->kind == TUI_IN_CHAR)
		tui_in_char_event(ev, ev->ch);
	wtimeout(win, delay);
	return got;
}

void
tui_in_clear(struct tui_in *ev)
{
	free(ev->text);
	memset(ev, 0, sizeof *ev);
}

/* ------------------------------------------------- bracketed paste */

/* Does the terminal plausibly know bracketed paste? */
static bool
tui_in_bp_supported(void)
{
	static const char *const names[] = { "xterm*", "screen*", "tmux*",
	    "rxvt*", "putty*", "vte*", "foot*", "alacritty*", "kitty*" };
	const char *term = getenv("TERM");
	char *be = tigetstr("BE");
	size_t i;

	if (be != NULL && be != (char *)-1)
		return true;
	for (i = 0; term != NULL && i < sizeof names / sizeof names[0]; i++)
		if (fnmatch(names[i], term, 0) == 0)
			return true;
	return false;
}

/* Through curses' output: flushed by the next refresh or endwin(). */
static void
tui_in_bp(bool on)
{
	if (!tui_in_bp_wanted || tui_in_bp_on == on)
		return;
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
	tui_in_bp_on = on;
}

bool
tui_input_bracketed(void)
{
	return tui_in_bp_on;
}

void
tui_input_start(void)
{
	nonl(); /* CR stays CR: CR LF in a paste is one line end */
	tui_in_define_keys();
	tui_in_bp_wanted = tui_in_bp_supported();
	tui_in_bp(true);
}

void
tui_input_suspend(void)
{
	tui_in_bp(false);
}

void
tui_input_resume(void)
{
	tui_in_bp(true);
}

void
tui_input_stop(void)
{
	struct tui_in ev;

	tui_in_bp(false);
	while (tui_in_pop(&ev))
		tui_in_clear(&ev);
}

/* ------------------------------------------------------------ UTF-8 */

void
tui_in_utf8_put(char **buf, size_t *len, size_t *cap, wint_t wc)
{
	unsigned char b[4];
	size_t n;

	if (wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff))
		wc = 0xfffd;
	if (wc < 0x80) {
		b[0] = (unsigned char)wc;
		n = 1;
	} else if (wc < 0x800) {
		b[0] = (unsigned char)(0xc0 | (wc >> 6));
		n = 2;
	} else if (wc < 0x10000) {
		b[0] = (unsigned char)(0xe0 | (wc >> 12));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xf0 | (wc >> 18));
		n = 4;
	}
	for (size_t i = 1; i < n; i++)
		b[i] = (unsigned char)(0x80 | ((wc >> (6 * (n - 1 - i))) & 0x3f));
	if (*len + n + 1 > *cap) {
		*cap = *cap < 64 ? 64 : *cap * 2;
		*buf = checklist_xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, b, wc == 0 ? 0 : n);
	*len += wc == 0 ? 0 : n;
	(*buf)[*len] = '\0';
}

size_t
tui_in_utf8_get(const char *s, size_t n, wint_t *wc)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need, i;
	wint_t c;

	if (u[0] < 0x80) {
		*wc = u[0];
		return 1;
	}
	need = u[0] >= 0xf0 && u[0] < 0xf5 ? 4 : u[0] >= 0xe0 ? 3 :
	    u[0] >= 0xc2 ? 2 : 0;
	if (need == 0 || need > n)
		goto bad;
	c = u[0] & (0x3f >> (need - 1));
	for (i = 1; i < need; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if ((need == 3 && c < 0x800) || (need == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*wc = c;
	return need;
bad:
	*wc = 0xfffd;
	return 1;
}

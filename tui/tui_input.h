/*
 * tui_input.h: the keyboard of `sacl fill`, one event at a time.
 *
 * Between the terminal and the key table sit three things curses does
 * not do by itself:
 *
 * - Keys. Terminfo is read as before (keypad), and on top of it the
 *   sequences that xterm, screen, tmux, rxvt, the Linux console and PuTTY
 *   actually send for Home, End, Insert, Delete, PgUp, PgDn, the arrows,
 *   F1-F12 and Shift-Tab are taught to curses (define_key, never over a
 *   terminfo key): Home under tmux with TERM=xterm-256color is ESC [1~
 *   whatever terminfo says. A key with Shift, Ctrl or Alt held is the
 *   plain key. An escape sequence still unknown is dropped whole (an
 *   event of kind TUI_IN_NONE), never split into Esc and letters that
 *   would run as commands; Esc and one character is an Alt key; Esc
 *   alone is Esc.
 * - Bracketed paste. Where the terminal plausibly has it (TERM xterm*,
 *   screen*, tmux*, rxvt*, putty*, vte*, foot*, alacritty*, kitty*, or
 *   terminfo's BE capability) it is turned on at start and after a
 *   suspension, off before curses lets the terminal go; what arrives
 *   between ESC [200~ and ESC [201~ is one paste event.
 * - Bursts. Without bracketed paste a paste arrives as keys faster than
 *   anyone types: text already waiting when a character is read, that
 *   holds a line end or a tab or is TUI_IN_BURST_MIN characters or more,
 *   is a paste event too. A key typed alone is never delayed (the look
 *   ahead does not wait); a short burst of letters is given as keys.
 *
 * Text is kept as it came (UTF-8 encoded from the wide characters), but
 * line ends become '\n' (CR, CR LF, LF and the Enter key alike), a tab
 * stays a tab, and other control characters are dropped.
 *
 * The module keeps a little state of its own (events read ahead, whether
 * bracketed paste is on): one terminal per process, as curses has.
 */
#ifndef SACL_TUI_INPUT_H
#define SACL_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/tui_curses.h"

/* A paste is cut at this many bytes; the rest is read and dropped. */
#define TUI_IN_PASTE_MAX (1024 * 1024)
/* A burst of this many characters is a paste even without a line end. */
#define TUI_IN_BURST_MIN 4

enum tui_in_kind {
	TUI_IN_NONE,  /* nothing to do: an unknown sequence, dropped */
	TUI_IN_CHAR,  /* a character typed (Enter is '\n') */
	TUI_IN_KEY,   /* a curses key code (KEY_HOME...) */
	TUI_IN_ALT,   /* Esc and a character: Alt with that character */
	TUI_IN_PASTE, /* pasted text */
};

struct tui_in {
	enum tui_in_kind kind;
	wint_t ch;        /* CHAR, ALT: the character; KEY: its code */
	char *text;       /* PASTE: UTF-8, NUL-terminated, owned; else NULL */
	size_t len;       /* PASTE: bytes in text */
	bool truncated;   /* PASTE: longer than TUI_IN_PASTE_MAX, cut */
	bool bracketed;   /* PASTE: the terminal said so (else a burst) */
};

/* After newterm() and keypad(): teach curses the keys, turn bracketed
 * paste on where the terminal has it. */
void tui_input_start(void);
/* Before endwin() for an external program: bracketed paste off. */
void tui_input_suspend(void);
/* After reset_prog_mode(): bracketed paste on again. */
void tui_input_resume(void);
/* Before endwin() at the end (or on the fatal path): paste off, events
 * read ahead freed. Harmless when called twice. */
void tui_input_stop(void);
/* Is bracketed paste on? */
bool tui_input_bracketed(void);

/* Read one event from WIN into EV; WIN's timeout applies to the first
 * byte only. False when nothing came (a timeout, an error): EV is then
 * TUI_IN_NONE. The caller frees EV with tui_in_clear(). */
bool tui_input_read(WINDOW *win, struct tui_in *ev);
/* Free the text of EV and make it TUI_IN_NONE. */
void tui_in_clear(struct tui_in *ev);

/* Inside the module (tui_input_keys.c), and for the tests. */
/* Private key codes, above terminfo's extended keys: the markers of a
 * bracketed paste, and a key of the numeric keypad in application mode
 * (TUI_KEY_KEYPAD + the ASCII character printed on it). */
#define TUI_KEY_PASTE_BEGIN 0x6000
#define TUI_KEY_PASTE_END 0x6001
#define TUI_KEY_KEYPAD 0x6100
/* Teach curses the sequences (after newterm). */
void tui_in_define_keys(void);
/* A key with a modifier (KEY_SLEFT, xterm's kLFT5...) as the plain key;
 * 0 for an extended key of no plain meaning; else CODE. */
int tui_in_plain_key(int code);
/* Append the character WC to the UTF-8 text BUF of *LEN bytes (room for
 * *CAP, grown as needed, NUL-terminated): how a paste's text is built,
 * whatever the locale. */
void tui_in_utf8_put(char **buf, size_t *len, size_t *cap, wint_t wc);
/* Decode one UTF-8 character of S (N bytes left, N > 0) into *WC;
 * returns the bytes used (an invalid byte: 1, *WC = U+FFFD): how a paste
 * is read back by its receivers. */
size_t tui_in_utf8_get(const char *s, size_t n, wint_t *wc);

#endif /* SACL_TUI_INPUT_H */

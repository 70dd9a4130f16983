/*
 * tui_input_keys.c: the escape sequences terminals send for keys, taught
 * to curses on top of terminfo (see tui_input.h), and the private key
 * codes they come back as.
 *
 * A sequence already in terminfo keeps its meaning (key_defined); the
 * rest: CSI (ESC [) and SS3 (ESC O) forms of the arrows, Home, End, F1-F4;
 * ESC [n~ for Home, Insert, Delete, End, PgUp, PgDn (1-6, rxvt's 7 and 8)
 * and F1-F12 (PuTTY's and rxvt's 11-15, then 17-21, 23, 24); the Linux
 * console's ESC [[A..E for F1-F5; Shift-Tab ESC [Z; keypad Enter ESC OM;
 * the numeric keypad in application mode (ESC Op..Oy and friends) as the
 * characters printed on it; and each of these with a modifier (xterm's
 * ESC [1;5D, ESC [3;2~, ESC O5P; rxvt's ESC [3^, ESC [3$, ESC [3@, ESC Oa,
 * ESC [a) as the plain key. Bracketed paste's two markers get private
 * codes.
 *
 * Where terminfo does know a sequence but under another name, the name is
 * read back: extended keys with modifiers (xterm's kLFT5, the Linux
 * console's kcbt2 for ESC [Z) are the plain key; vt220's Find and Select
 * (ESC [1~, ESC [4~) are Home and End, as every emulator sends them;
 * PuTTY's keypad PF1-PF4 (ESC OP..OS, which tmux and others send for
 * F1-F4) are F1-F4, its other keypad keys their characters.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/tui_input.h"

/* The final letters of CSI 1;m X and of SS3 X. */
static const struct {
	char c;
	int key;
} tui_in_letters[] = {
	{ 'A', KEY_UP }, { 'B', KEY_DOWN }, { 'C', KEY_RIGHT },
	{ 'D', KEY_LEFT }, { 'H', KEY_HOME }, { 'F', KEY_END },
	{ 'P', KEY_F(1) }, { 'Q', KEY_F(2) }, { 'R', KEY_F(3) },
	{ 'S', KEY_F(4) },
};

/* CSI n ~ (and rxvt's CSI n ^, $, @). */
static const struct {
	int n;
	int key;
} tui_in_tilde[] = {
	{ 1, KEY_HOME }, { 2, KEY_IC }, { 3, KEY_DC }, { 4, KEY_END },
	{ 5, KEY_PPAGE }, { 6, KEY_NPAGE }, { 7, KEY_HOME }, { 8, KEY_END },
	{ 11, KEY_F(1) }, { 12, KEY_F(2) }, { 13, KEY_F(3) },
	{ 14, KEY_F(4) }, { 15, KEY_F(5) }, { 17, KEY_F(6) },
	{ 18, KEY_F(7) }, { 19, KEY_F(8) }, { 20, KEY_F(9) },
	{ 21, KEY_F(10) }, { 23, KEY_F(11) }, { 24, KEY_F(12) },
};

/* Sequences of no family above. */
static const struct {
	const char *seq;
	int key;
} tui_in_fixed[] = {
	{ "\033[Z", KEY_BTAB },
	{ "\033OM", KEY_ENTER },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	/* rxvt: Shift-arrows, Ctrl-arrows */
	{ "\033[a", KEY_UP }, { "\033[b", KEY_DOWN },
	{ "\033[c", KEY_RIGHT }, { "\033[d", KEY_LEFT },
	{ "\033Oa", KEY_UP }, { "\033Ob", KEY_DOWN },
	{ "\033Oc", KEY_RIGHT }, { "\033Od", KEY_LEFT },
	{ "\033[200~", TUI_KEY_PASTE_BEGIN },
	{ "\033[201~", TUI_KEY_PASTE_END },
};

/* The numeric keypad in application mode: SS3 letter, character. */
static const char tui_in_keypad[][2] = {
	{ 'j', '*' }, { 'k', '+' }, { 'l', ',' }, { 'm', '-' }, { 'n', '.' },
	{ 'o', '/' }, { 'p', '0' }, { 'q', '1' }, { 'r', '2' }, { 's', '3' },
	{ 't', '4' }, { 'u', '5' }, { 'v', '6' }, { 'w', '7' }, { 'x', '8' },
	{ 'y', '9' }, { 'X', '=' },
};

/* Teach curses SEQ as KEY unless terminfo (or an earlier call) has it. */
static void
tui_in_define(const char *seq, int key)
{
	if (key_defined(seq) == 0)
		define_key(seq, key);
}

static void
tui_in_define_letters(void)
{
	char seq[16];
	size_t i;
	int m;

	for (i = 0; i < sizeof tui_in_letters / sizeof tui_in_letters[0];
	    i++) {
		char c = tui_in_letters[i].c;
		int key = tui_in_letters[i].key;

		snprintf(seq, sizeof seq, "\033O%c", c);
		tui_in_define(seq, key);
		if (key < KEY_F(1)) { /* CSI P..S are not keys */
			snprintf(seq, sizeof seq, "\033[%c", c);
			tui_in_define(seq, key);
		}
		for (m = 2; m <= 8; m++) {
			snprintf(seq, sizeof seq, "\033[1;%d%c", m, c);
			tui_in_define(seq, key);
			snprintf(seq, sizeof seq, "\033O%d%c", m, c);
			tui_in_define(seq, key);
		}
	}
}

static void
tui_in_define_tilde(void)
{
	static const char rxvt[] = "^$@";
	char seq[16];
	size_t i, j;
	int m;

	for (i = 0; i < sizeof tui_in_tilde / sizeof tui_in_tilde[0]; i++) {
		int n = tui_in_tilde[i].n, key = tui_in_tilde[i].key;

		snprintf(seq, sizeof seq, "\033[%d~", n);
		tui_in_define(seq, key);
		for (m = 2; m <= 8; m++) {
			snprintf(seq, sizeof seq, "\033[%d;%d~", n, m);
			tui_in_define(seq, key);
		}
		for (j = 0; rxvt[j] != '\0'; j++) {
			snprintf(seq, sizeof seq, "\033[%d%c", n, rxvt[j]);
			tui_in_define(seq, key);
		}
	}
}

void
tui_in_define_keys(void)
{
	char seq[8];
	size_t i;

	for (i = 0; i < sizeof tui_in_fixed / sizeof tui_in_fixed[0]; i++)
		tui_in_define(tui_in_fixed[i].seq, tui_in_fixed[i].key);
	for (i = 0; i < sizeof tui_in_keypad / sizeof tui_in_keypad[0]; i++) {
		snprintf(seq, sizeof seq, "\033O%c", tui_in_keypad[i][0]);
		tui_in_define(seq, TUI_KEY_KEYPAD + tui_in_keypad[i][1]);
	}
	tui_in_define_letters();
	tui_in_define_tilde();
}

/* Terminfo's extended key names (kLFT5: Ctrl-Left in xterm's entry). */
static int
tui_in_extended(int code)
{
	static const struct {
		const char *prefix;
		int key;
	} names[] = {
		{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT },
		{ "kRIT", KEY_RIGHT }, { "kHOM", KEY_HOME }, { "kEND", KEY_END },
		{ "kIC", KEY_IC }, { "kDC", KEY_DC }, { "kNXT", KEY_NPAGE },
		{ "kPRV", KEY_PPAGE }, { "kcbt", KEY_BTAB }, /* linux: kcbt2 */
	};
	/* PuTTY's keypad: ESC OP..OS are the VT100's PF1-PF4, which every
	 * other terminal (and tmux) sends for F1-F4 */
	static const struct {
		const char *name;
		int key;
	} keypad[] = {
		{ "kpNUM", KEY_F(1) }, { "kpDIV", KEY_F(2) },
		{ "kpMUL", KEY_F(3) }, { "kpSUB", KEY_F(4) },
		{ "kpADD", TUI_KEY_KEYPAD + '+' }, { "kpDOT", TUI_KEY_KEYPAD + '.' },
		{ "kpCMA", TUI_KEY_KEYPAD + ',' }, { "kpZRO", TUI_KEY_KEYPAD + '0' },
	};
	const char *name = keyname(code);
	size_t i, n;

	if (name == NULL)
		return 0;
	for (i = 0; i < sizeof keypad / sizeof keypad[0]; i++)
		if (strcmp(name, keypad[i].name) == 0)
			return keypad[i].key;
	if (strncmp(name, "kp", 2) == 0 && name[2] >= '1' && name[2] <= '9' &&
	    name[3] == '\0')
		return TUI_KEY_KEYPAD + name[2];
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		n = strlen(names[i].prefix);
		if (strncmp(name, names[i].prefix, n) == 0 &&
		    strspn(name + n, "0123456789") == strlen(name + n))
			return names[i].key;
	}
	return 0;
}

int
tui_in_plain_key(int code)
{
	/* Shifted keys; and the VT220's Find and Select, where every
	 * emulator has Home and End (vt220's terminfo: khome none, kfnd
	 * ESC [1~) */
	static const int alias[][2] = {
		{ KEY_FIND, KEY_HOME }, { KEY_SELECT, KEY_END },
		{ KEY_SLEFT, KEY_LEFT }, { KEY_SRIGHT, KEY_RIGHT },
		{ KEY_SR, KEY_UP }, { KEY_SF, KEY_DOWN },
		{ KEY_SHOME, KEY_HOME }, { KEY_SEND, KEY_END },
		{ KEY_SIC, KEY_IC }, { KEY_SDC, KEY_DC },
		{ KEY_SNEXT, KEY_NPAGE }, { KEY_SPREVIOUS, KEY_PPAGE },
	};
	size_t i;

	for (i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (code == alias[i][0])
			return alias[i][1];
	if (code >= TUI_KEY_PASTE_BEGIN)
		return code; /* ours */
	if (code > KEY_MAX)
		return tui_in_extended(code);
	return code;
}

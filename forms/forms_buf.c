/*
 * forms_buf.c: the text of a value being edited, kept as the user's
 * bytes, and its caret.
 *
 * The buffer holds UTF-8 exactly as typed or pasted: nothing is
 * normalised, padded, trimmed or replaced while editing, so that what
 * goes into the response is byte for byte what the user wrote (Thai
 * with its marks, decomposed Latin, emoji joined by ZWJ, runs of
 * spaces). The caret is a byte offset and moves by grapheme cluster: a
 * base character with the zero-width characters that follow it
 * (combining marks, variation selectors, emoji modifiers, ZWJ and what
 * it joins), so that Left, Right, Backspace and Delete never split what
 * the user sees as one character.
 *
 * Known limits: clusters are found from wcwidth() and a few code point
 * ranges, not the full Unicode segmentation rules (UAX #29): regional
 * indicator pairs (flags) and Hangul syllables built from conjoining
 * jamo with spacing parts count as several clusters. That only moves the
 * caret more often than needed; no byte is ever lost.
 *
 * No curses here: forms_field.c draws the buffer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "forms/forms_internal.h"

#define ZWJ 0x200D

/* The code point at S[I] (LEN bytes in all); *K gets its length. Bytes
 * that are not UTF-8 are one "character" each (U+FFFD). */
static wchar_t
cp_at(const char *s, size_t len, size_t i, size_t *k)
{
	mbstate_t st;
	wchar_t c;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&c, s + i, len - i, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*k = 1;
		return s[i] == '\0' ? L'\0' : (wchar_t)0xFFFD;
	}
	*k = n;
	return c;
}

/* The start of the code point before byte I (I > 0). */
static size_t
cp_prev(const char *s, size_t i)
{
	size_t j = i - 1, back = 0;

	while (j > 0 && back < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) {
		j--;
		back++;
	}
	return j;
}

/* Does C join the cluster before it? */
bool
forms_buf_extends(wchar_t c)
{
	if (c < 0x300 || c == L'\n')
		return false;
	if (c == ZWJ || c == 0x200C || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F))
		return true;
	return wcwidth(c) == 0;
}

size_t
forms_buf_next(const char *s, size_t len, size_t i)
{
	wchar_t c, prev;
	size_t k;

	if (i >= len)
		return len;
	prev = cp_at(s, len, i, &k);
	i += k;
	if (prev == L'\n')
		return i;
	while (i < len) {
		c = cp_at(s, len, i, &k);
		if (!forms_buf_extends(c) && prev != ZWJ)
			break;
		if (c == L'\n')
			break;
		prev = c;
		i += k;
	}
	return i;
}

size_t
forms_buf_prev(const char *s, size_t len, size_t i)
{
	size_t j, p, k;
	wchar_t c;

	if (i == 0)
		return 0;
	j = cp_prev(s, i);
	while (j > 0) {
		c = cp_at(s, len, j, &k);
		if (c == L'\n')
			break;
		p = cp_prev(s, j);
		if (!forms_buf_extends(c) && cp_at(s, len, p, &k) != ZWJ)
			break;
		if (cp_at(s, len, p, &k) == L'\n')
			break;
		j = p;
	}
	return j;
}

void
forms_buf_init(struct forms_buf *b, const char *text, size_t max,
    bool multiline)
{
	memset(b, 0, sizeof *b);
	b->len = strlen(text);
	b->cap = b->len + 64;
	b->text = checklist_xmalloc(b->cap);
	memcpy(b->text, text, b->len + 1);
	b->caret = b->len;
	b->max = max;
	b->multiline = multiline;
	b->goal = -1;
}

void
forms_buf_free(struct forms_buf *b)
{
	free(b->text);
	memset(b, 0, sizeof *b);
}

/* The bytes of S to insert, as the field takes them: in one line a
 * newline (CR, LF or CRLF) or a tab is a space and other controls are
 * dropped; in a long text CR and CRLF are LF. Caller frees. */
static char *
buf_clean(const char *s, size_t n, bool multiline, size_t *outlen)
{
	char *out = checklist_xmalloc(n + 1);
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (c == '\r' || c == '\n')
			out[o++] = multiline ? '\n' : ' ';
		else if (c == '\t')
			out[o++] = multiline ? '\t' : ' ';
		else if (c < 0x20 || c == 0x7f)
			continue;
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

enum forms_buf_status
forms_buf_insert(struct forms_buf *b, const char *s, size_t n)
{
	size_t k;
	char *clean = buf_clean(s, n, b->multiline, &k);

	if (b->len + k > b->max) {
		free(clean);
		return FORMS_BUF_FULL;
	}
	if (b->len + k + 1 > b->cap) {
		b->cap = (b->len + k + 1) * 2;
		b->text = checklist_xrealloc(b->text, b->cap);
	}
	memmove(b->text + b->caret + k, b->text + b->caret,
	    b->len - b->caret + 1);
	memcpy(b->text + b->caret, clean, k);
	b->len += k;
	b->caret += k;
	b->goal = -1;
	free(clean);
	return k > 0 ? FORMS_BUF_CHANGED : FORMS_BUF_SAME;
}

enum forms_buf_status
forms_buf_insert_wc(struct forms_buf *b, wchar_t c)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, c, &st);
	if (n == (size_t)-1)
		return FORMS_BUF_SAME;
	return forms_buf_insert(b, mb, n);
}

/* Remove bytes [FROM, TO). */
static enum forms_buf_status
buf_cut(struct forms_buf *b, size_t from, size_t to)
{
	if (to <= from)
		return FORMS_BUF_SAME;
	memmove(b->text + from, b->text + to, b->len - to + 1);
	b->len -= to - from;
	b->caret = from;
	b->goal = -1;
	return FORMS_BUF_CHANGED;
}

enum forms_buf_status
forms_buf_backspace(struct forms_buf *b)
{
	return buf_cut(b, forms_buf_prev(b->text, b->len, b->caret), b->caret);
}

enum forms_buf_status
forms_buf_delete(struct forms_buf *b)
{
	return buf_cut(b, b->caret, forms_buf_next(b->text, b->len, b->caret));
}

/* The start and end of the logical line (paragraph) holding the caret. */
static size_t
line_start(const struct forms_buf *b)
{
	size_t i = b->caret;

	while (i > 0 && b->text[i - 1] != '\n')
		i--;
	return i;
}

static size_t
line_end(const struct forms_buf *b)
{
	const char *nl = memchr(b->text + b->caret, '\n', b->len - b->caret);

	return nl != NULL ? (size_t)(nl - b->text) : b->len;
}

enum forms_buf_status
forms_buf_kill_line(struct forms_buf *b)
{
	return buf_cut(b, b->caret, line_end(b));
}

enum forms_buf_status
forms_buf_clear(struct forms_buf *b)
{
	return buf_cut(b, 0, b->len);
}

void
forms_buf_left(struct forms_buf *b)
{
	b->caret = forms_buf_prev(b->text, b->len, b->caret);
	b->goal = -1;
}

void
forms_buf_right(struct forms_buf *b)
{
	b->caret = forms_buf_next(b->text, b->len, b->caret);
	b->goal = -1;
}

void
forms_buf_home(struct forms_buf *b)
{
	b->caret = line_start(b);
	b->goal = -1;
}

void
forms_buf_end(struct forms_buf *b)
{
	b->caret = line_end(b);
	b->goal = -1;
}

/*
 * forms_wrap.c: text measured by display width, for labels, help and
 * values in any script. Every string on its way to the screen goes
 * through checklist_sanitize() first (definitions and responses may come
 * from outside), then becomes wide characters; widths come from wcwidth(),
 * lines break at spaces where possible and never inside a character.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "forms/forms_internal.h"

/* S sanitized, as a wide string (never NULL; caller frees). Bytes the
 * locale cannot convert (a non-UTF-8 locale) become '?'. */
wchar_t *
forms_wcs(const char *s, bool keep_newlines)
{
	char *clean = checklist_sanitize(s ? s : "", keep_newlines);
	size_t n = strlen(clean), i = 0;
	wchar_t *w = checklist_xreallocarray(NULL, n + 1, sizeof *w);
	const char *p = clean;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (*p != '\0') {
		size_t k = mbrtowc(&w[i], p, n - (size_t)(p - clean), &st);

		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			w[i] = L'?';
			k = 1;
		}
		p += k;
		i++;
	}
	w[i] = L'\0';
	free(clean);
	return w;
}

/* Cells of C: unprintable characters (the sanitizer left none) count 1. */
int
forms_cwidth(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

int
forms_wcswidth(const wchar_t *s, size_t n)
{
	int w = 0;
	size_t i;

	for (i = 0; i < n && s[i] != L'\0'; i++)
		w += forms_cwidth(s[i]);
	return w;
}

/* How many characters of S (at most N) fit in MAXW cells; *USED gets
 * their width. Never cuts a wide character. */
size_t
forms_fit(const wchar_t *s, size_t n, int maxw, int *used)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n && s[i] != L'\0'; i++) {
		int cw = forms_cwidth(s[i]);

		if (w + cw > maxw)
			break;
		w += cw;
	}
	if (used != NULL)
		*used = w;
	return i;
}

/* Is C a right-to-left letter: Hebrew, Arabic, Syriac, Thaana, N'Ko and
 * their supplements and presentation forms (Unicode bidi classes R and
 * AL, by block: no table of every character, no new dependency)? */
static bool
forms_rtl_char(wchar_t c)
{
	unsigned long u = (unsigned long)c;

	return (u >= 0x0590 && u <= 0x08FF) || (u >= 0xFB1D && u <= 0xFDFF) ||
	    (u >= 0xFE70 && u <= 0xFEFF) || (u >= 0x10800 && u <= 0x10FFF) ||
	    (u >= 0x1E800 && u <= 0x1EFFF);
}

bool
forms_rtl(const wchar_t *s)
{
	for (; *s != L'\0'; s++) {
		if (forms_rtl_char(*s))
			return true;
		if (iswalpha((wint_t)*s)) /* a strong left-to-right letter */
			return false;
	}
	return false;
}

/* The same for LEN bytes of UTF-8 at S, read only up to the first
 * strong letter (a long answer costs what comes before it). */
bool
forms_text_rtl(const char *s, size_t len)
{
	mbstate_t st;
	wchar_t c;
	size_t i = 0, k;

	memset(&st, 0, sizeof st);
	while (i < len && s[i] != '\0') {
		k = mbrtowc(&c, s + i, len - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			i++;
			continue;
		}
		if (forms_rtl_char(c))
			return true;
		if (iswalpha((wint_t)c))
			return false;
		i += k;
	}
	return false;
}

/* The wide string W as UTF-8 (the locale's multibyte). Caller frees. */
static char *
wcs_to_mb(const wchar_t *w)
{
	size_t n = wcslen(w), i, o = 0, k;
	char *out = checklist_xmalloc(n * MB_CUR_MAX + 1);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (i = 0; i < n; i++) {
		k = wcrtomb(out + o, w[i], &st);
		if (k == (size_t)-1) {
			memset(&st, 0, sizeof st);
			out[o] = '?';
			k = 1;
		}
		o += k;
	}
	out[o] = '\0';
	return out;
}

char *
forms_text_join_rtl(const char *head, const char *text, int width)
{
	wchar_t *h, *t, *line;
	size_t hn, k;
	int hw, tw;
	char *out;

	if (text == NULL || !forms_text_rtl(text, strlen(text)))
		return NULL;
	h = forms_wcs(head, false);
	hn = wcslen(h);
	hw = forms_wcswidth(h, hn);
	if (hw >= width) {
		free(h);
		return NULL;
	}
	t = forms_wcs(text, false);
	k = forms_fit(t, wcslen(t), width - hw, &tw);
	if (t[k] != L'\0') { /* too long: what fits in one cell less, "~" */
		k = forms_fit(t, k, width - hw - 1, &tw);
		t[k++] = L'~';
		tw++;
	}
	t[k] = L'\0';
	line = checklist_xreallocarray(NULL, hn + (size_t)width + k + 1,
	    sizeof *line);
	wmemcpy(line, h, hn);
	wmemset(line + hn, L' ', (size_t)(width - hw - tw));
	wmemcpy(line + hn + (size_t)(width - hw - tw), t, k + 1);
	out = wcs_to_mb(line);
	free(line);
	free(t);
	free(h);
	return out;
}

static void
lines_push(struct forms_lines *l, size_t start, size_t len)
{
	l->start = checklist_xreallocarray(l->start, l->n + 1,
	    sizeof *l->start);
	l->len = checklist_xreallocarray(l->len, l->n + 1, sizeof *l->len);
	l->width = checklist_xreallocarray(l->width, l->n + 1,
	    sizeof *l->width);
	l->start[l->n] = start;
	l->len[l->n] = len;
	l->width[l->n] = forms_wcswidth(l->text + start, len);
	l->n++;
}

/* One line from I: returns where the next line starts. */
static size_t
wrap_one(struct forms_lines *l, size_t i, int width)
{
	const wchar_t *t = l->text;
	size_t start = i, space = 0;
	bool have_space = false;
	int w = 0;

	while (t[i] != L'\0' && t[i] != L'\n') {
		int cw = forms_cwidth(t[i]);

		if (w + cw > width)
			break;
		if (t[i] == L' ') {
			space = i;
			have_space = true;
		}
		w += cw;
		i++;
	}
	if (t[i] == L'\0' || t[i] == L'\n') {
		lines_push(l, start, i - start);
		return t[i] == L'\n' ? i + 1 : i;
	}
	if (have_space && space > start) {
		lines_push(l, start, space - start);
		return space + 1;
	}
	if (i == start)
		i++; /* a character wider than the line: show it anyway */
	lines_push(l, start, i - start);
	return i;
}

/* Wrap S (sanitized) into lines of at most WIDTH cells. With
 * KEEP_NEWLINES a newline ends a line; otherwise it is a space. */
void
forms_wrap(struct forms_lines *l, const char *s, int width,
    bool keep_newlines)
{
	size_t i = 0;

	memset(l, 0, sizeof *l);
	l->text = forms_wcs(s, keep_newlines);
	if (width < 1)
		width = 1;
	while (l->text[i] != L'\0')
		i = wrap_one(l, i, width);
}

/* The same, for the first MAXROWS rows only: a long answer shown in a
 * few rows costs what those rows hold, not the whole text. */
void
forms_wrap_rows(struct forms_lines *l, const char *s, int width,
    bool keep_newlines, size_t maxrows)
{
	size_t len = s != NULL ? strlen(s) : 0, cut, i = 0;
	char *head;

	if (width < 1)
		width = 1;
	cut = maxrows * ((size_t)width + 2) * 4 + 64; /* 4: UTF-8 */
	if (len <= cut) {
		forms_wrap(l, s, width, keep_newlines);
		return;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--; /* not inside a character */
	head = checklist_xstrndup(s, cut);
	memset(l, 0, sizeof *l);
	l->text = forms_wcs(head, keep_newlines);
	free(head);
	while (l->text[i] != L'\0' && l->n < maxrows)
		i = wrap_one(l, i, width);
}

void
forms_lines_free(struct forms_lines *l)
{
	free(l->text);
	free(l->start);
	free(l->len);
	free(l->width);
	memset(l, 0, sizeof *l);
}

/*
 * tui_text.c: text on its way to the screen. Every string passes
 * checklist_sanitize() first (answers and non-bundled definitions are
 * untrusted), then is measured, cut and wrapped by display width, so that
 * a Chinese or Arabic label is never cut inside a character and a wide
 * character takes its two columns. A right-to-left line (Arabic) is
 * right-aligned by the one helper forms_text_join_rtl. Uses the C library's multibyte
 * functions under the locale set in main().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "forms/forms.h"
#include "tui/tui.h"

/* Decode one character at S (LEN bytes left): its byte length (at least
 * 1) and display width (at least 0; unprintable as 1). */
static size_t
tui_text_char(const char *s, size_t len, int *width)
{
	mbstate_t st;
	wchar_t wc;
	size_t k;
	int w;

	if ((unsigned char)*s < 0x80) { /* ASCII: one byte, one column (a
		                         * control character shows as one) */
		*width = 1;
		return 1;
	}
	memset(&st, 0, sizeof st);
	k = mbrtowc(&wc, s, len, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*width = 1;
		return 1;
	}
	w = wcwidth(wc);
	*width = w < 0 ? 1 : w;
	return k;
}

int
tui_text_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int total = 0, w;

	while (i < len) {
		i += tui_text_char(s + i, len - i, &w);
		total += w;
	}
	return total;
}

/* Sanitise S and turn newlines and tabs into spaces. */
static char *
tui_text_clean(const char *s, bool keep_newlines)
{
	char *t = checklist_sanitize(s != NULL ? s : "", keep_newlines);
	char *p;

	for (p = t; *p != '\0'; p++)
		if (*p == '\t' || (!keep_newlines && *p == '\n'))
			*p = ' ';
	return t;
}

char *
tui_text_fit(const char *s, int width, bool pad)
{
	char *t = tui_text_clean(s, false);
	size_t len = strlen(t), i = 0, k;
	int used = 0, w;
	char *out;

	if (width < 0)
		width = 0;
	if (tui_text_width(t) > width) {
		/* keep what fits in WIDTH - 1 columns, then the "~" */
		while (i < len) {
			k = tui_text_char(t + i, len - i, &w);
			if (used + w > width - 1)
				break;
			i += k;
			used += w;
		}
		t[i] = '\0';
		if (width > 0) {
			t[i] = '~';
			t[i + 1] = '\0'; /* fits: a character had >= 1 byte */
			used++;
		}
	} else
		used = tui_text_width(t);
	if (!pad || used >= width)
		return t;
	out = checklist_xmalloc(strlen(t) + (size_t)(width - used) + 1);
	strcpy(out, t);
	memset(out + strlen(t), ' ', (size_t)(width - used));
	out[strlen(t) + (size_t)(width - used)] = '\0';
	free(t);
	return out;
}

char *
tui_text_join_rtl(const char *head, const char *text, int width, bool pad)
{
	char *line = forms_text_join_rtl(head, text, width), *raw;

	if (line != NULL)
		return line;
	raw = checklist_xasprintf("%s%s", head, text);
	line = tui_text_fit(raw, width, pad);
	free(raw);
	return line;
}

/* LEN bytes at S as one line of a wrapped paragraph; RTL: spaces
 * before it, so that it ends at WIDTH columns. */
static void
tui_text_wrap_line(const char *s, size_t len, int width, bool rtl,
    char ***lines, size_t *n)
{
	char *line = checklist_xstrndup(s, len), *aligned;
	int w = tui_text_width(line);

	if (rtl && w < width) {
		aligned = checklist_xasprintf("%*s%s", width - w, "", line);
		free(line);
		line = aligned;
	}
	tui_lines_add(lines, n, line);
	free(line);
}

/* Wrap one paragraph P (no newline) at WIDTH columns; RTL: each line
 * right-aligned. */
static void
tui_text_wrap_para(const char *p, int width, bool rtl, char ***lines,
    size_t *n)
{
	size_t len = strlen(p), start = 0, i, brk, k;
	int used, w;

	while (start < len || len == 0) {
		used = 0;
		brk = 0;
		for (i = start; i < len; i += k) {
			k = tui_text_char(p + i, len - i, &w);
			if (used + w > width)
				break;
			used += w;
			if (p[i] == ' ')
				brk = i;
		}
		if (i < len && brk > start)
			i = brk; /* cut at the last space */
		if (i == start && i < len) /* one character wider than WIDTH */
			i += tui_text_char(p + i, len - i, &w);
		tui_text_wrap_line(p + start, i - start, width, rtl, lines,
		    n);
		while (i < len && p[i] == ' ')
			i++;
		start = i;
		if (len == 0)
			break;
	}
}

static void
tui_text_wrap_all(const char *s, int width, bool rtl, char ***lines,
    size_t *n)
{
	char *t = tui_text_clean(s, true), *p = t, *nl;

	if (width < 1)
		width = 1;
	for (;;) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		tui_text_wrap_para(p, width, rtl && forms_text_rtl(p,
		    strlen(p)), lines, n);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(t);
}

char *
tui_text_cell(const char *s, int width, bool right)
{
	char *t = tui_text_fit(s, width, !right), *out;
	int w = tui_text_width(t);

	if (!right || w >= width)
		return t;
	out = checklist_xasprintf("%*s%s", width - w, "", t);
	free(t);
	return out;
}

void
tui_text_wrap(const char *s, int width, char ***lines, size_t *n)
{
	tui_text_wrap_all(s, width, false, lines, n);
}

void
tui_text_wrap_rtl(const char *s, int width, char ***lines, size_t *n)
{
	tui_text_wrap_all(s, width, true, lines, n);
}

void
tui_lines_add(char ***lines, size_t *n, const char *line)
{
	*lines = checklist_xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = checklist_xstrdup(line);
}

void
tui_lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

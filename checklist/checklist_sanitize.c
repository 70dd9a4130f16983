/*
 * checklist_sanitize.c: the one sanitizer (DESIGN.md §5). Text from a
 * file someone else wrote reaches a terminal, a CSV cell or an HTML page
 * only through here: controls, DEL, C1 controls, bidirectional overrides
 * and zero-width characters become visible markers; bytes that are not
 * UTF-8 become U+FFFD; everything else, wide characters included, stays.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "checklist/checklist.h"

/* Decode one UTF-8 sequence at S; returns its length, 0 if invalid. */
static size_t
checklist_utf8_decode(const unsigned char *s, unsigned long *cp)
{
	size_t n, i;
	unsigned long min[] = { 0, 0x80, 0x800, 0x10000 };

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	n = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 :
	    (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (n == 0)
		return 0;
	*cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min[n - 1] || *cp > 0x10ffff ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return n;
}

/* Should code point CP be shown as a marker? */
static bool
checklist_sanitize_hidden(unsigned long cp, bool keep_newlines)
{
	if (cp == '\n')
		return !keep_newlines;
	if (cp == '\t')
		return !keep_newlines;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x200b && cp <= 0x200f) || /* zero width, LRM, RLM */
	    (cp >= 0x202a && cp <= 0x202e) || /* bidi embeddings, overrides */
	    (cp >= 0x2060 && cp <= 0x2069) || /* word joiner, bidi isolates */
	    cp == 0xfeff || cp == 0x061c;
}

char *
checklist_sanitize(const char *s, bool keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cap = strlen(s) * 10 + 1, len = 0, n;
	char *out = checklist_xmalloc(cap);
	unsigned long cp;

	while (*p) {
		n = checklist_utf8_decode(p, &cp);
		if (n == 0) {
			len += (size_t)snprintf(out + len, cap - len, "\xef\xbf\xbd");
			p++;
		} else if (checklist_sanitize_hidden(cp, keep_newlines)) {
			len += (size_t)snprintf(out + len, cap - len, "<U+%04lX>", cp);
			p += n;
		} else {
			memcpy(out + len, p, n);
			len += n;
			p += n;
		}
	}
	out[len] = '\0';
	return out;
}

/* The escaped form of one decoded character, into OUT; its length. */
static size_t
checklist_escape_one(const unsigned char *p, size_t n, unsigned long cp,
    char *out)
{
	const char *rep = cp == '\\' ? "\\\\" : cp == '\n' ? "\\n" :
	    cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : NULL;

	if (n == 0)
		return (size_t)sprintf(out, "\\x%02X", p[0]);
	if (rep != NULL) {
		memcpy(out, rep, 2);
		return 2;
	}
	if (checklist_sanitize_hidden(cp, false))
		return (size_t)sprintf(out, "\\u%04lX", cp);
	memcpy(out, p, n);
	return n;
}

char *
checklist_escape(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cap = strlen(s) * 6 + 1, len = 0, n;
	char *out = checklist_xmalloc(cap);
	unsigned long cp = 0;

	while (*p) {
		n = checklist_utf8_decode(p, &cp);
		len += checklist_escape_one(p, n, cp, out + len);
		p += n > 0 ? n : 1;
	}
	out[len] = '\0';
	return out;
}

/* The value of the N hex digits at S, or -1. */
static long
checklist_hex(const char *s, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Write code point CP as UTF-8 at OUT; its length. */
static size_t
checklist_utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

void
checklist_unescape(char *s)
{
	char *out = s;
	long v;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] != '\0' && strchr("\\ntr", s[1])) {
			*out++ = s[1] == 'n' ? '\n' : s[1] == 't' ? '\t' :
			    s[1] == 'r' ? '\r' : '\\';
			s += 2;
		} else if (s[0] == '\\' && s[1] == 'u' &&
		    (v = checklist_hex(s + 2, 4)) >= 0 &&
		    !(v >= 0xd800 && v <= 0xdfff)) {
			out += checklist_utf8_encode((unsigned long)v, out);
			s += 6; /* 6 bytes read, at most 3 written */
		} else if (s[0] == '\\' && s[1] == 'x' &&
		    (v = checklist_hex(s + 2, 2)) >= 0) {
			*out++ = (char)v;
			s += 4;
		} else
			*out++ = *s++;
	}
	*out = '\0';
}

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

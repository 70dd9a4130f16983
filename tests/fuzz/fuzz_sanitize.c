/*
 * fuzz_sanitize.c: the one sanitizer and the reversible escape on any
 * bytes. Properties: what checklist_sanitize gives holds no C0 control
 * (but '\n' and '\t' when asked to keep newlines), no DEL, no C1
 * control, no bidi control or zero-width character, and is valid UTF-8; checklist_escape gives one
 * line of printable ASCII or UTF-8 with the same guarantees, and
 * checklist_unescape gives the input back.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "tests/fuzz/fuzz.h"

/* Is S valid UTF-8, free of controls (C0 but '\n' and '\t' when NL,
 * DEL, C1), of bidi controls and of zero-width characters? */
static bool
fuzz_clean(const unsigned char *s, bool nl)
{
	unsigned c;
	int n, i;

	while (*s != '\0') {
		if (*s < 0x80) {
			if ((*s < 0x20 && !(nl && (*s == '\n' || *s == '\t'))) ||
			    *s == 0x7f)
				return false;
			s++;
			continue;
		}
		n = (*s & 0xe0) == 0xc0 ? 1 : (*s & 0xf0) == 0xe0 ? 2 :
		    (*s & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0)
			return false;
		c = *s & (0x3f >> n);
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (s[i] & 0x3f);
		}
		if ((c >= 0x80 && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) ||
		    (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2060 && c <= 0x2069) || c == 0xfeff || c == 0x061c)
			return false;
		s += n + 1;
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_string(data, size), *s, *e;

	s = checklist_sanitize(in, false);
	fuzz_assert(fuzz_clean((const unsigned char *)s, false));
	free(s);
	s = checklist_sanitize(in, true);
	fuzz_assert(fuzz_clean((const unsigned char *)s, true));
	free(s);
	e = checklist_escape(in);
	fuzz_assert(fuzz_clean((const unsigned char *)e, false));
	checklist_unescape(e);
	fuzz_assert(strcmp(e, in) == 0);
	free(e);
	free(in);
	return 0;
}

/*
 * fuzz_util.c: the helpers of fuzz.h.
 */
#include "config.h"

#include <string.h>

#include "tests/fuzz/fuzz.h"

const struct checklist *
fuzz_bundled(void)
{
	static struct checklist *cl;
	struct checklist_error err;

	if (cl == NULL) {
		checklist_error_clear(&err);
		if (checklist_load(CHECKLIST_DEFAULT_ID, &cl, &err) !=
		    CHECKLIST_OK) {
			fprintf(stderr, "fuzz: %s\n", checklist_error_text(&err));
			abort();
		}
	}
	return cl;
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = checklist_xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

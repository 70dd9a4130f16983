/*
 * fuzz_response.c: the response loader on any bytes, against the
 * bundled checklist; what loads is then serialised, measured (every
 * condition evaluated) and must load again from its own serialisation.
 */
#include "config.h"

#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct checklist *cl = fuzz_bundled();
	struct checklist_response *r = NULL, *again = NULL;
	struct checklist_progress p;
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	checklist_error_clear(&err);
	if (checklist_response_parse(cl, (const char *)data, size, "fuzz.xml",
	    &r, &err) != CHECKLIST_OK) {
		fuzz_assert(r == NULL && err.message[0] != '\0');
		return 0;
	}
	checklist_progress_all(r, &p);
	fuzz_assert(p.answered <= p.relevant);
	fuzz_assert(checklist_response_serialize(r, &buf, &len, &err) ==
	    CHECKLIST_OK);
	fuzz_assert(checklist_response_parse(cl, buf, len, "again.xml",
	    &again, &err) == CHECKLIST_OK);
	checklist_response_free(again);
	checklist_response_free(r);
	free(buf);
	return 0;
}

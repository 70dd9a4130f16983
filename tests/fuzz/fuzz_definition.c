/*
 * fuzz_definition.c: the definition loader on any bytes: safe parse,
 * the embedded schema, semantic checks, conditions compiled.
 */
#include "config.h"

#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checklist *cl = NULL;
	struct checklist_error err;
	struct checklist_response *r;
	checklist_status st;

	checklist_error_clear(&err);
	st = checklist_load_memory((const char *)data, size, "fuzz.xml", &cl,
	    &err);
	fuzz_assert((st == CHECKLIST_OK) == (cl != NULL));
	fuzz_assert(st == CHECKLIST_OK || err.message[0] != '\0');
	if (cl != NULL) { /* a loaded definition makes a usable response */
		r = checklist_response_new(cl);
		checklist_response_free(r);
	}
	checklist_free(cl);
	return 0;
}

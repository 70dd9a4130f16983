/*
 * fuzz_package.c: the package reader on any bytes (gzip or plain XML):
 * capped inflate, safe parse, the embedded schema, the answers checked
 * against the bundled checklist.
 */
#include "config.h"

#include "export/export.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct export_read_options o = { .plain = true };
	struct export_package *p = NULL;
	struct checklist_error err;
	checklist_status st;

	o.cl = fuzz_bundled();
	checklist_error_clear(&err);
	st = export_read_memory((const char *)data, size, "fuzz.xml.gz", &o,
	    &p, &err);
	fuzz_assert((st == CHECKLIST_OK) == (p != NULL));
	fuzz_assert(st == CHECKLIST_OK || err.message[0] != '\0');
	if (p != NULL) {
		fuzz_assert(p->response != NULL);
		fuzz_assert(p->required_answered <= p->required);
		export_package_free(p);
	}
	return 0;
}

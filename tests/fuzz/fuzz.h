/*
 * fuzz.h: what the libFuzzer harnesses of tests/fuzz/ share. Each
 * fuzz_*.c defines LLVMFuzzerTestOneInput(); it is linked either with
 * libFuzzer (configure --enable-fuzz CC=clang; `make fuzz`) or with
 * fuzz_replay.c, a main() that feeds it the files named on its command
 * line (tests/fuzz/regress.sh replays the seeds and every crash found,
 * tests/fuzz/regress/TARGET/, in `make check`).
 *
 * A harness aborts (fuzz_assert) when a property fails; sanitizers
 * catch the rest. Inputs never name files: nothing reads the disk but
 * the bundled checklist, loaded once.
 */
#ifndef SACL_FUZZ_H
#define SACL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "checklist/checklist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message when COND is false: a finding. */
#define fuzz_assert(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, \
		    __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The bundled checklist, loaded on first use (aborts if it cannot be:
 * a broken build, not a finding). Borrowed. */
const struct checklist *fuzz_bundled(void);
/* DATA as a NUL-terminated string (inner NULs kept). Caller frees. */
char *fuzz_string(const uint8_t *data, size_t size);

#endif /* SACL_FUZZ_H */

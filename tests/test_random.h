/*
 * test_random.h: responses changed at random through the public model,
 * for the tests that check what changes leave behind (the undo history,
 * the pieces a save is made of), and a large plain definition.
 */
#ifndef SACL_TEST_RANDOM_H
#define SACL_TEST_RANDOM_H

#include <stddef.h>

#include "checklist/checklist.h"

/* A response to MINI (tests/fixtures/mini.xml) with marks to review on
 * a few answers, as a carry forward leaves them. Caller frees. */
struct checklist_response *test_marked_response(
    const struct checklist *mini);
/* The generator test_pick() and test_random_change() draw from. */
void test_random_seed(unsigned long s);
/* A number below N. */
size_t test_pick(size_t n);
/* One random change of a test_marked_response() (values, choices with
 * their "other" text, entries added, moved and removed, review marks
 * confirmed, the language), or an attempt refused, or none at all. */
void test_random_change(struct checklist_response *r);
/* A definition of NPROV provisions of ten text questions each (q0 to
 * q9 in p0 to pNPROV-1). Caller frees. */
struct checklist *test_large_checklist(size_t nprov);

#endif /* SACL_TEST_RANDOM_H */

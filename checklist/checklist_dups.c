/*
 * checklist_dups.c: the first repeated key of a list, found in
 * n log n (a sorted copy of the positions, then neighbours compared)
 * rather than by comparing every key with every earlier one: a
 * definition is untrusted input and may give thousands of texts or
 * choices in one place. The answer is the one the pairwise loop gave:
 * the first key, in order, that repeats an earlier one, and the first
 * key it repeats.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

unsigned long checklist_dups_compares;

struct checklist_dups_item {
	const char *key;
	size_t pos;
};

/* By key, then by position: equal keys are then neighbours, the first
 * in order first. */
static int
checklist_dups_cmp(const void *a, const void *b)
{
	const struct checklist_dups_item *x = a, *y = b;
	int c;

	checklist_dups_compares++;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

bool
checklist_dups_first(const char *const *keys, size_t n, size_t *at,
    size_t *first)
{
	struct checklist_dups_item *items;
	size_t i, m = 0;
	bool found = false;

	if (n < 2)
		return false;
	items = checklist_xreallocarray(NULL, n, sizeof *items);
	for (i = 0; i < n; i++)
		if (keys[i] != NULL) {
			items[m].key = keys[i];
			items[m++].pos = i;
		}
	qsort(items, m, sizeof *items, checklist_dups_cmp);
	/* items[i] starts a run of equal keys: its second is a repeat. */
	for (i = 0; i + 1 < m; i++) {
		if (i > 0 && strcmp(items[i - 1].key, items[i].key) == 0)
			continue;
		if (strcmp(items[i].key, items[i + 1].key) != 0)
			continue;
		if (!found || items[i + 1].pos < *at) {
			*at = items[i + 1].pos;
			*first = items[i].pos;
			found = true;
		}
	}
	free(items);
	return found;
}

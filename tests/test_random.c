/*
 * test_random.c: responses changed at random through the public model
 * (see test_random.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "checklist/checklist_internal.h"
#include "tests/test_random.h"
#include "tests/test_util.h"

/* A mini response with marks to review on a few answers, as a carry
 * forward leaves them. */
struct checklist_response *
test_marked_response(const struct checklist *mini)
{
	struct checklist_response *r = checklist_response_new(mini);
	static const char *const paths[] = { "p1_1/status", "p1_1/ta",
	    "p1_1/laws", "p1_2/status", "p2_1/ratio", "front/state" };
	const struct checklist_question *q;
	bool other;
	size_t i;

	for (i = 0; i < sizeof paths / sizeof *paths; i++)
		xmlSetProp(checklist_path_resolve(r, paths[i], false, &q,
		    &other), (const xmlChar *)CHECKLIST_ATTR_REVIEW,
		    (const xmlChar *)"last-cycle");
	return r;
}

static unsigned long seed;

void
test_random_seed(unsigned long s)
{
	seed = s;
}

size_t
test_pick(size_t n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)((seed >> 33) % n);
}

void
test_random_change(struct checklist_response *r)
{
	static const char *const status[] = { "", "full", "partial", "none" };
	static const char *const forms[] = { "", "drafting", "advice other",
	    "other", "drafting advice" };
	static const char *const texts[] = { "", "a", "b c", "<&>", "2001",
	    "1800", "x" };
	static const char *const reviewed[] = { "p1_1/status", "p1_1/ta",
	    "p1_1/laws", "p1_2/status", "p2_1/ratio", "front/state" };
	static const char *const langs[] = { "en", "fr", "zh" };
	char path[64];
	size_t n = checklist_response_entries(r, "p1_1/laws");

	switch (test_pick(12)) {
	case 0: (void)checklist_response_set(r, "p1_1/status",
		    status[test_pick(4)], NULL); break;
	case 1: (void)checklist_response_set(r, "p1_1/ta_forms",
		    forms[test_pick(5)], NULL); break;
	case 2: (void)checklist_response_set(r, "p1_1/ta_forms:other",
		    texts[test_pick(7)], NULL); break;
	case 3: (void)checklist_response_add_entry(r, "p1_1/laws", NULL,
		    NULL); break;
	case 4:
		snprintf(path, sizeof path, "p1_1/laws[%zu]/%s",
		    test_pick(n + 1) + 1, test_pick(2) ? "title" : "year");
		(void)checklist_response_set(r, path, texts[test_pick(7)], NULL);
		break;
	case 5: (void)checklist_response_move_entry(r, "p1_1/laws",
		    test_pick(n + 1) + 1, test_pick(n + 1) + 1, NULL); break;
	case 6: (void)checklist_response_remove_entry(r, "p1_1/laws",
		    test_pick(n + 1) + 1, NULL); break;
	case 7: (void)checklist_review_confirm(r, reviewed[test_pick(6)]); break;
	case 8: (void)checklist_response_set(r, test_pick(2) ? "front/state" :
		    "front/staff", texts[test_pick(7)], NULL); break;
	case 9: (void)checklist_response_set(r, test_pick(2) ? "p2_1/ratio" :
		    "p1_2a/status", test_pick(2) ? "1.5" : "none", NULL); break;
	case 10: (void)checklist_response_set_lang(r, langs[test_pick(3)]); break;
	default: (void)checklist_response_set(r, "p1_2/ta", test_pick(2) ? "yes" :
		    "no", NULL); break;
	}
}

struct checklist *
test_large_checklist(size_t nprov)
{
	size_t cap = 1200 * nprov + 1024, len, i, k;
	char *xml = checklist_xmalloc(cap);
	struct checklist *cl;

	len = (size_t)snprintf(xml, cap, "<?xml version=\"1.0\"?>\n<checklist "
	    "xmlns=\"urn:x-sacl:checklist:1\" id=\"big\" version=\"1\" "
	    "xml:lang=\"en\" languages=\"en\">\n<title>T</title>\n<section "
	    "id=\"s\" number=\"1\"><title>S</title>\n");
	for (i = 0; i < nprov; i++) {
		len += (size_t)snprintf(xml + len, cap - len, "<provision "
		    "id=\"p%zu\" number=\"%zu\" level=\"mandatory\"><title>P"
		    "</title>", i, i + 1);
		for (k = 0; k < 10; k++)
			len += (size_t)snprintf(xml + len, cap - len,
			    "<question id=\"q%zu\" type=\"text\">"
			    "<label>L</label></question>", k);
		len += (size_t)snprintf(xml + len, cap - len, "</provision>\n");
	}
	snprintf(xml + len, cap - len, "</section>\n</checklist>\n");
	cl = test_load_string(xml);
	free(xml);
	return cl;
}


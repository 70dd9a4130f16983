/*
 * fuzz_condition.c: a condition evaluated against a response. The input
 * is the condition (its first line) and assignments PATH=VALUE (the
 * lines after it, at most 16). The condition becomes the relevance of
 * one question and the constraint of another in a small definition of
 * every kind of question; when the definition loads (validate's checks
 * passed), the assignments are made (each may be refused) and both are
 * evaluated, with the progress of the whole response.
 */
#include "config.h"

#include <string.h>

#include "tests/fuzz/fuzz.h"

static const char fuzz_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"fz\" version=\"1\""
    " xml:lang=\"en\" languages=\"en\">\n<title>F</title>\n"
    "<front id=\"front\"><title>F</title>"
    "<question id=\"state\" type=\"text\"><label>S</label></question>"
    "</front>\n<section id=\"s1\" number=\"1\"><title>S</title>\n"
    "<provision id=\"p1\" number=\"1.1\" level=\"mandatory\">"
    "<title>P</title>\n"
    "<question id=\"a\" type=\"text\"><label>A</label></question>\n"
    "<question id=\"n\" type=\"integer\"><label>N</label></question>\n"
    "<question id=\"d\" type=\"decimal\"><label>D</label></question>\n"
    "<question id=\"t\" type=\"date\"><label>T</label></question>\n"
    "<question id=\"b\" type=\"boolean\"><label>B</label></question>\n"
    "<question id=\"c\" type=\"single\" other=\"true\"><label>C</label>"
    "<choice value=\"x\"><label>X</label></choice>"
    "<choice value=\"y\"><label>Y</label></choice></question>\n"
    "<question id=\"m\" type=\"multiple\"><label>M</label>"
    "<choice value=\"x\"><label>X</label></choice>"
    "<choice value=\"y\"><label>Y</label></choice></question>\n"
    "<question id=\"l\" type=\"repeat\"><label>L</label>"
    "<question id=\"e\" type=\"text\"><label>E</label></question>"
    "<question id=\"q\" type=\"text\" relevant=\"";
static const char fuzz_mid[] =
    "\"><label>Q</label></question></question>\n"
    "<question id=\"k\" type=\"text\" constraint=\"";
static const char fuzz_tail[] =
    "\"><label>K</label></question>\n"
    "</provision></section></checklist>\n";

/* EXPR (LEN bytes) escaped for an attribute value, appended to B. */
static void
fuzz_attr(char *b, size_t *n, const char *expr, size_t len)
{
	const char *rep;
	size_t i;

	for (i = 0; i < len; i++) {
		switch (expr[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '"': rep = "&quot;"; break;
		default: rep = NULL; break;
		}
		if (rep != NULL) {
			memcpy(b + *n, rep, strlen(rep));
			*n += strlen(rep);
		} else
			b[(*n)++] = expr[i];
	}
}

/* The definition with condition EXPR (LEN bytes). Caller frees. */
static char *
fuzz_definition(const char *expr, size_t len, size_t *out)
{
	char *b = checklist_xmalloc(sizeof fuzz_head + sizeof fuzz_mid +
	    sizeof fuzz_tail + 12 * len);
	size_t n = 0;

	memcpy(b, fuzz_head, sizeof fuzz_head - 1);
	n = sizeof fuzz_head - 1;
	fuzz_attr(b, &n, expr, len);
	memcpy(b + n, fuzz_mid, sizeof fuzz_mid - 1);
	n += sizeof fuzz_mid - 1;
	fuzz_attr(b, &n, expr, len);
	memcpy(b + n, fuzz_tail, sizeof fuzz_tail - 1);
	n += sizeof fuzz_tail - 1;
	*out = n;
	return b;
}

/* Make the assignments of LINES ("PATH=VALUE\n"...), at most 16. */
static void
fuzz_assign(struct checklist_response *r, char *lines)
{
	struct checklist_error err;
	char *line, *save = NULL, *eq;
	int k = 0;

	for (line = strtok_r(lines, "\n", &save); line != NULL && k < 16;
	    line = strtok_r(NULL, "\n", &save), k++) {
		if ((eq = strchr(line, '=')) == NULL)
			continue;
		*eq = '\0';
		checklist_error_clear(&err);
		(void)checklist_response_set(r, line, eq + 1, &err);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_string(data, size), *nl = strchr(in, '\n'), *def;
	size_t elen = nl != NULL ? (size_t)(nl - in) : strlen(in), dlen;
	struct checklist *cl = NULL;
	struct checklist_response *r;
	struct checklist_progress p;
	struct checklist_error err;

	def = fuzz_definition(in, elen, &dlen);
	checklist_error_clear(&err);
	if (elen <= 4096 && checklist_load_memory(def, dlen, "fuzz.xml", &cl,
	    &err) == CHECKLIST_OK) {
		r = checklist_response_new(cl);
		if (nl != NULL)
			fuzz_assign(r, nl + 1);
		(void)checklist_response_relevant(r, "p1/l[1]/q");
		(void)checklist_response_valid(r, "p1/k", &err);
		checklist_progress_all(r, &p);
		checklist_response_free(r);
		checklist_free(cl);
	}
	free(def);
	free(in);
	return 0;
}

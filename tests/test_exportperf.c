/*
 * test_exportperf.c: export and export --verify do their work once, and
 * the faster paths give what the slower ones gave (issue 12).
 *
 *  - Reading a package parses XML once: its answers become the response
 *    from a copy of their element (checklist_response_adopt), not by
 *    serialising them and parsing the bytes again; the response read is
 *    the one the old way gave, and a response's cap on elements still
 *    holds for answers that come in a package. Its values are checked
 *    against their questions once, not again when the completeness is
 *    recomputed.
 *  - checklist_doc_dump writes what xmlDocDumpFormatMemoryEnc writes,
 *    byte for byte (text with every character libxml2 escapes, at the
 *    edges of its buffers too), and the package built with it is the
 *    one written before (its XML is libxml2's serialisation of itself).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "checklist/checklist_internal.h"
#include "export/export.h"
#include "export/export_internal.h"
#include "tests/test_util.h"

static const char definition[] =
    "<?xml version=\"1.0\"?>\n"
    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"t\" version=\"1\""
    " xml:lang=\"en\" languages=\"en\">\n<title>T</title>\n"
    "<front id=\"f\"><title>F</title>"
    "<question id=\"list\" type=\"repeat\"><label>L</label>"
    "<question id=\"t\" type=\"text\"><label>T</label></question>"
    "</question></front>\n"
    "<section id=\"s\" number=\"1\"><title>S</title>\n"
    "<provision id=\"a\" number=\"1\" level=\"mandatory\">"
    "<title>A</title>"
    "<question id=\"status\" type=\"single\" required=\"true\">"
    "<label>Status</label>"
    "<choice value=\"full\"><label>Full</label></choice>"
    "<choice value=\"none\"><label>None</label></choice></question>\n"
    "<question id=\"steps\" type=\"longtext\"><label>Steps</label>"
    "</question>\n"
    "<question id=\"gone\" type=\"text\" relevant=\"../status = 'none'\">"
    "<label>Gone</label></question>\n"
    "</provision>\n</section>\n</checklist>\n";

/* Every character libxml2 escapes in text, and some it does not. */
#define TRICKY "a & b < c > d\r\nline two ]]> \"q\" 'q' \xc3\xa9 \xe4\xb8\xad\t."

static struct checklist *
load(void)
{
	return test_load_string(definition);
}

/* A response of CL with tricky values, and its package (force: the
 * clock fixed). *BUF, *LEN: the gzip bytes (caller frees). */
static struct checklist_response *
packaged(struct checklist *cl, char **buf, size_t *len)
{
	struct checklist_response *r = checklist_response_new(cl);
	struct export_options o = { 0 };
	struct checklist_error err;

	test_set(r, "a/status", "full");
	test_set(r, "a/steps", TRICKY);
	test_set(r, "f/list[1]/t", "first & <last>");
	test_set(r, "f/list[2]/t", "\xd0\xb6");
	o.force = true;
	o.now = 1800000000;
	checklist_error_clear(&err);
	assert_int_equal(export_build(r, &o, buf, len, &err), CHECKLIST_OK);
	return r;
}

/* The response the reader made before: the answers' element copied,
 * serialised, parsed again. */
static struct checklist_response *
read_the_old_way(const struct export_package *p)
{
	struct checklist_response *r = NULL;
	struct checklist_error err;
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlChar *mem = NULL;
	int size = 0;

	xmlDocSetRootElement(doc, xmlDocCopyNode(p->answers, doc, 1));
	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	xmlFreeDoc(doc);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_parse(p->cl, (const char *)mem,
	    (size_t)size, "old", &r, &err), CHECKLIST_OK);
	xmlFree(mem);
	return r;
}

static void
test_verify_parses_once(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r, *old;
	struct export_read_options ro = { 0 };
	struct export_package *p = NULL;
	struct checklist_error err;
	char *buf = NULL, *a = NULL, *b = NULL;
	size_t len = 0, alen, blen;
	unsigned long before, checks;
	struct export_problems probs;
	xmlNodePtr sec;

	(void)state;
	r = packaged(cl, &buf, &len);
	ro.cl = cl;
	checklist_error_clear(&err);
	before = checklist_xml_parses;
	checks = export_value_checks;
	assert_int_equal(export_read_memory(buf, len, "p.xml.gz", &ro, &p,
	    &err), CHECKLIST_OK);
	/* the package's XML, once: not its answers a second time */
	assert_int_equal(checklist_xml_parses - before, 1);
	/* each value checked once (export_answers_check), not again by
	 * the completeness recomputed (export_check) */
	assert_int_equal(export_value_checks - checks, 0);
	assert_true(p->complete);
	/* the writer's check does check them: the four values answered */
	export_check(r, NULL, &probs);
	assert_int_equal(export_value_checks - checks, 4);
	export_problems_free(&probs);
	assert_non_null(p->response);
	assert_string_equal(checklist_response_get(p->response, "a/steps"),
	    TRICKY);
	assert_string_equal(checklist_response_get(p->response, "f/list[1]/t"),
	    "first & <last>");
	/* the answers as sent stay as sent: no skeleton added to them */
	sec = checklist_child_named(p->answers, "s");
	assert_non_null(sec);
	assert_non_null(sec = checklist_child_named(sec, "a"));
	assert_null(checklist_child_named(sec, "gone"));
	assert_string_equal(checklist_response_get(p->response, "a/gone"), "");
	/* the response is the one the old way read, byte for byte */
	old = read_the_old_way(p);
	assert_int_equal(checklist_response_serialize(p->response, &a, &alen,
	    &err), CHECKLIST_OK);
	assert_int_equal(checklist_response_serialize(old, &b, &blen, &err),
	    CHECKLIST_OK);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	assert_string_equal(p->response->lang, old->lang);
	free(a);
	free(b);
	checklist_response_free(old);
	export_package_free(p);
	checklist_response_free(r);
	free(buf);
	checklist_free(cl);
}

/* A document whose root <response> holds N elements in all. */
static xmlDocPtr
response_of(size_t n)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)"response",
	    NULL), s;
	size_t i;

	xmlDocSetRootElement(doc, root);
	xmlSetProp(root, (const xmlChar *)"checklist", (const xmlChar *)"t");
	s = xmlNewChild(root, NULL, (const xmlChar *)"x", NULL);
	for (i = 2; i < n; i++)
		xmlNewChild(s, NULL, (const xmlChar *)"y", NULL);
	return doc;
}

static void
test_adopt_caps(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r = NULL;
	struct checklist_error err;

	(void)state;
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_adopt(cl, response_of(
	    CHECKLIST_RESPONSE_ELEMENTS_MAX), "p", &r, &err), CHECKLIST_OK);
	checklist_response_free(r);
	r = NULL;
	assert_int_equal(checklist_response_adopt(cl, response_of(
	    CHECKLIST_RESPONSE_ELEMENTS_MAX + 1), "p", &r, &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_null(r);
	assert_non_null(strstr(err.message, "elements (the cap for a "
	    "response)"));
	/* and the checks of the root, as a parse has them */
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_adopt(cl, xmlReadMemory(
	    "<response checklist=\"other\"/>", 29, NULL, NULL, 0), "p", &r,
	    &err), CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "not 't'"));
	checklist_free(cl);
}

/* checklist_doc_dump (FORMAT) must be xmlDocDumpFormatMemoryEnc. */
static void
same_dump(xmlDocPtr doc, bool format)
{
	xmlChar *mem = NULL;
	int size = 0;
	char *buf = NULL;
	size_t len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", format);
	assert_int_equal(checklist_doc_dump(doc, format, &buf, &len),
	    CHECKLIST_OK);
	assert_int_equal(len, (size_t)size);
	assert_memory_equal(buf, mem, len);
	assert_int_equal(buf[len], '\0');
	free(buf);
	xmlFree(mem);
}

static void
test_dump_is_libxml2s(void **state)
{
	static const char xml[] = "<?xml version=\"1.0\"?>\n"
	    "<?pi data?><r a=\"x &amp; &lt; &#10; &#9; &quot; \xc3\xa9\">"
	    "<!-- c --><e/><e b=\"1\">t &amp; &lt; &gt; &#13; \xe4\xb8\xad"
	    "</e><![CDATA[ <raw> & ]]><n><m>x</m><m/></n>tail</r>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, 0);
	xmlNodePtr root, big;
	char *text;
	size_t i, n = 300000;

	(void)state;
	assert_non_null(doc);
	same_dump(doc, true);
	same_dump(doc, false);
	/* long texts: replacements at every offset of libxml2's chunks */
	root = xmlDocGetRootElement(doc);
	text = malloc(n + 1);
	assert_non_null(text);
	for (i = 0; i < n; i++)
		text[i] = "abc&<>\r\xc3\xa9 xyz"[(i * 7 + i / 13) % 13];
	text[n] = '\0';
	for (i = 0; i + 1 < n; i++) /* no half characters */
		if ((unsigned char)text[i] == 0xc3 &&
		    (unsigned char)text[i + 1] != 0xa9)
			text[i] = 'q';
	for (i = 1; i < n; i++)
		if ((unsigned char)text[i] == 0xa9 &&
		    (unsigned char)text[i - 1] != 0xc3)
			text[i] = 'w';
	big = xmlNewChild(root, NULL, (const xmlChar *)"big", NULL);
	xmlNodeAddContent(big, (const xmlChar *)text);
	memset(text, '&', 70000);
	text[70000] = '\0';
	xmlNewTextChild(root, NULL, (const xmlChar *)"amps",
	    (const xmlChar *)text);
	same_dump(doc, true);
	same_dump(doc, false);
	free(text);
	xmlFreeDoc(doc);
}

/* The XML inside gzip bytes BUF (LEN); *N its length. Caller frees. */
static char *
inflated(const char *buf, size_t len, size_t *n)
{
	z_stream zs;
	size_t cap = 1 << 20;
	char *out = malloc(cap);

	assert_non_null(out);
	memset(&zs, 0, sizeof zs);
	assert_int_equal(inflateInit2(&zs, 31), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)buf;
	zs.avail_in = (uInt)len;
	zs.next_out = (Bytef *)out;
	zs.avail_out = (uInt)cap - 1;
	assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
	*n = zs.total_out;
	out[*n] = '\0';
	inflateEnd(&zs);
	return out;
}

static void
test_package_bytes(void **state)
{
	struct checklist *cl = load();
	struct checklist_response *r;
	char *buf = NULL, *xml;
	size_t len = 0, n;
	xmlDocPtr doc;
	xmlChar *mem = NULL;
	int size = 0;

	(void)state;
	r = packaged(cl, &buf, &len);
	xml = inflated(buf, len, &n);
	/* libxml2's serialisation of the package is the package */
	doc = xmlReadMemory(xml, (int)n, NULL, NULL, 0);
	assert_non_null(doc);
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	assert_int_equal((size_t)size, n);
	assert_memory_equal(mem, xml, n);
	assert_non_null(strstr(xml, "a &amp; b &lt; c &gt; d&#13;\nline"));
	xmlFree(mem);
	xmlFreeDoc(doc);
	free(xml);
	free(buf);
	checklist_response_free(r);
	checklist_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verify_parses_once),
		cmocka_unit_test(test_adopt_caps),
		cmocka_unit_test(test_dump_is_libxml2s),
		cmocka_unit_test(test_package_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * checklist_xml.c: the one safe way XML from outside is parsed and
 * checked (DESIGN.md §5). Bytes come from memory, never a path; options
 * are NONET and BIG_LINES and nothing else; a DOCTYPE is refused while
 * parsing, before any entity is declared; the external entity loader
 * refuses everything; catalogs are off; libxml2's messages are captured
 * by a structured handler (the first error is kept) and never printed.
 *
 * Known limits: the schema is trusted (built in) and parsed once.
 */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "checklist/checklist_internal.h"

struct checklist_xml_sink {
	struct checklist_error *err;
	const char *name;
	checklist_status status;
};

/* Schema messages name elements as {namespace}name: ours need no
 * namespace to be understood. */
static void
checklist_xml_unqualify(char *msg)
{
	static const char *const ns[] = {
		"{" CHECKLIST_NS "}", "{urn:x-sacl:package:1}",
	};
	size_t i, n;
	char *p;

	for (i = 0; i < sizeof ns / sizeof *ns; i++) {
		n = strlen(ns[i]);
		while ((p = strstr(msg, ns[i])) != NULL)
			memmove(p, p + n, strlen(p + n) + 1);
	}
}

static void
checklist_xml_error(void *data, xmlErrorPtr e)
{
	struct checklist_xml_sink *sink = data;
	char msg[sizeof sink->err->message];
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	checklist_xml_unqualify(msg);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	checklist_error_set(sink->err, sink->status, sink->name, e->line,
	    e->int2, "%s", msg);
}

static xmlParserInputPtr
checklist_xml_no_entity(const char *url, const char *id,
    xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL; /* nothing from outside, ever */
}

static void
checklist_xml_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	xmlInitParser();
#ifdef LIBXML_CATALOG_ENABLED
	xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
#endif
	xmlSetExternalEntityLoader(checklist_xml_no_entity);
}

/* SAX hook: a DOCTYPE stops the parse at once, with its line. */
static void
checklist_xml_doctype(void *data, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = data;
	struct checklist_xml_sink *sink = ctxt->_private;

	(void)name;
	(void)ext;
	(void)sys;
	checklist_error_set(sink->err, CHECKLIST_ERR_PARSE, sink->name,
	    ctxt->input ? ctxt->input->line : 0,
	    ctxt->input ? ctxt->input->col : 0,
	    "a DOCTYPE is not allowed (no DTDs, no entities)");
	xmlStopParser(ctxt);
}

checklist_status
checklist_xml_parse(const char *buf, size_t len, const char *name,
    xmlDocPtr *doc, struct checklist_error *err)
{
	struct checklist_xml_sink sink = { err, name, CHECKLIST_ERR_PARSE };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr d;

	assert(err != NULL);
	checklist_xml_init();
	if (len > (size_t)INT32_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0, 0,
		    "document too large");
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		checklist_fatal("out of memory (XML parser)");
	ctxt->_private = &sink;
	ctxt->sax->internalSubset = checklist_xml_doctype;
	xmlSetStructuredErrorFunc(&sink, checklist_xml_error);
	d = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (d != NULL && (err->status != CHECKLIST_OK || !ctxt->wellFormed)) {
		xmlFreeDoc(d);
		d = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (d == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    "not well-formed XML");
	if (xmlDocGetRootElement(d) == NULL) {
		xmlFreeDoc(d);
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    "no root element");
	}
	*doc = d;
	return CHECKLIST_OK;
}

/* The schema is built in and trusted: parse it once per process. */
static xmlSchemaPtr
checklist_xml_schema(const char *xsd, size_t len)
{
	static const char *cached_src;
	static xmlSchemaPtr cached;
	xmlSchemaParserCtxtPtr pctxt;

	if (cached != NULL && cached_src == xsd)
		return cached;
	pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)len);
	if (pctxt == NULL)
		checklist_fatal("cannot read a built-in schema");
	xmlSchemaSetParserStructuredErrors(pctxt, NULL, NULL);
	if (cached != NULL)
		xmlSchemaFree(cached);
	cached = xmlSchemaParse(pctxt);
	cached_src = xsd;
	xmlSchemaFreeParserCtxt(pctxt);
	if (cached == NULL)
		checklist_fatal("a built-in schema does not compile");
	return cached;
}

checklist_status
checklist_xml_validate(xmlDocPtr doc, const char *xsd, size_t len,
    const char *name, struct checklist_error *err)
{
	struct checklist_xml_sink sink = { err, name, CHECKLIST_ERR_SCHEMA };
	xmlSchemaValidCtxtPtr vctxt;
	int rc;

	assert(err != NULL);
	checklist_xml_init();
	vctxt = xmlSchemaNewValidCtxt(checklist_xml_schema(xsd, len));
	if (vctxt == NULL)
		checklist_fatal("out of memory (schema validation)");
	xmlSchemaSetValidStructuredErrors(vctxt, checklist_xml_error, &sink);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc == 0)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name, 0, 0,
	    "does not validate against the schema");
}

char *
checklist_xml_attr(xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = checklist_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
checklist_xml_text(xmlNodePtr node)
{
	xmlChar *v = xmlNodeGetContent(node);
	char *s = checklist_xstrdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

bool
checklist_xml_is(xmlNodePtr node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	    node->ns != NULL &&
	    strcmp((const char *)node->ns->href, CHECKLIST_NS) == 0 &&
	    strcmp((const char *)node->name, name) == 0;
}

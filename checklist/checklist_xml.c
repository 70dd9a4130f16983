/*
 * checklist_xml.c: the one safe way XML from outside is parsed and
 * checked (DESIGN.md §5). Bytes come from memory or from a descriptor
 * checklist_read.c opened, never a path; options are NONET and
 * BIG_LINES and nothing else (DESIGN.md §5); a DOCTYPE is refused while
 * parsing, before any entity is declared; the external entity loader
 * refuses everything; catalogs are off; libxml2's messages are captured
 * by a structured handler (the first error is kept) and never printed.
 *
 * While it parses, hooks in front of libxml2's tree builder count what
 * the document holds against the caps of its kind (checklist_limits.h):
 * elements, attributes on one element, depth, processing instructions,
 * comments; the first cap passed stops the parser at once. The bytes are
 * fed to a push parser a piece at a time, so that a start tag held back
 * longer than its cap is refused before libxml2 2.9 checks its attributes
 * for duplicates (in time quadratic in their number).
 *
 * Known limits: the schema is trusted (built in) and parsed once; the
 * tag cap relies on the push parser holding back an unfinished tag (as
 * libxml2 2.9 to 2.12 do); a text is never held back, so is not capped
 * here but by the document's size.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

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
	const struct checklist_xml_caps *caps; /* NULL: not parsing */
	size_t elements, pis, comments, depth;
	startElementNsSAX2Func start;   /* libxml2's own handlers, called */
	endElementNsSAX2Func end;       /* once an event is counted */
	processingInstructionSAXFunc pi;
	commentSAXFunc comment;
};

const struct checklist_xml_caps checklist_caps_definition = {
	N_("definition"), CHECKLIST_DEFINITION_ELEMENTS_MAX,
	CHECKLIST_XML_ATTRIBUTES_MAX, CHECKLIST_XML_DEPTH_MAX,
	CHECKLIST_XML_PIS_MAX, CHECKLIST_XML_COMMENTS_MAX,
};
const struct checklist_xml_caps checklist_caps_response = {
	N_("response"), CHECKLIST_RESPONSE_ELEMENTS_MAX,
	CHECKLIST_XML_ATTRIBUTES_MAX, CHECKLIST_XML_DEPTH_MAX,
	CHECKLIST_XML_PIS_MAX, CHECKLIST_XML_COMMENTS_MAX,
};
const struct checklist_xml_caps checklist_caps_package = {
	N_("package"), CHECKLIST_PACKAGE_ELEMENTS_MAX,
	CHECKLIST_XML_ATTRIBUTES_MAX, CHECKLIST_XML_DEPTH_MAX,
	CHECKLIST_XML_PIS_MAX, CHECKLIST_XML_COMMENTS_MAX,
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

/* A document that ends with elements still open: libxml2's push parser
 * says "Extra content at the end of the document", which misleads; say
 * which element the file ends inside, and where it was opened. */
static bool
checklist_xml_cut_short(struct checklist_xml_sink *sink, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = e->ctxt;

	if (e->domain != XML_FROM_PARSER || e->code != XML_ERR_DOCUMENT_END ||
	    ctxt == NULL || ctxt->nameNr <= 0 || ctxt->name == NULL ||
	    ctxt->node == NULL)
		return false;
	checklist_error_set(sink->err, sink->status, sink->name, e->line,
	    e->int2, _("the file ends inside <%.60s>, opened on line %ld: it "
	    "is cut short or incomplete"), (const char *)ctxt->name,
	    xmlGetLineNo(ctxt->node));
	return true;
}

static void
checklist_xml_error(void *data, xmlErrorPtr e)
{
	struct checklist_xml_sink *sink = data;
	char msg[sizeof sink->err->message];
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (checklist_xml_cut_short(sink, e))
		return;
	if (e->code == XML_ERR_NO_MEMORY) /* as any allocation that fails */
		checklist_fatal(_("out of memory (XML parser)"));
	if (e->message == NULL) /* none could be made */
		snprintf(msg, sizeof msg, _("libxml2 error %d"), e->code);
	else
		snprintf(msg, sizeof msg, "%s", e->message);
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

/* What libxml2 says outside a parse or a validation, where no handler
 * of ours is set (a buffer it could not grow, out of memory): nothing
 * on the terminal. The failure itself comes back as a status, which the
 * caller turns into its own message. */
static void
checklist_xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
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
	xmlSetGenericErrorFunc(NULL, checklist_xml_quiet);
}

/* The parser context behind a SAX callback's DATA, and our sink. */
#define CHECKLIST_XML_SINK(ctxt) \
	((struct checklist_xml_sink *)((xmlParserCtxtPtr)(ctxt))->_private)

/* Stop the parse at once with MSG at the parser's position. */
static void
checklist_xml_stop(xmlParserCtxtPtr ctxt, checklist_status status,
    const char *msg)
{
	struct checklist_xml_sink *sink = CHECKLIST_XML_SINK(ctxt);

	checklist_error_set(sink->err, status, sink->name,
	    ctxt->input ? ctxt->input->line : 0,
	    ctxt->input ? ctxt->input->col : 0, "%s", msg);
	xmlStopParser(ctxt);
}

/* Stop: "more than N WHAT (the cap for a KIND)". */
static void
checklist_xml_over(xmlParserCtxtPtr ctxt, size_t n, const char *what)
{
	char msg[200];

	snprintf(msg, sizeof msg, _("more than %zu %s (the cap for a %s)"), n,
	    _(what), _(CHECKLIST_XML_SINK(ctxt)->caps->kind));
	checklist_xml_stop(ctxt, CHECKLIST_ERR_TOO_BIG, msg);
}

/* SAX hook: a DOCTYPE stops the parse at once, with its line. */
static void
checklist_xml_doctype(void *data, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	checklist_xml_stop(data, CHECKLIST_ERR_PARSE, _("a DOCTYPE is not "
	    "allowed (no DTDs, no entities)"));
}

/* SAX hooks: count elements, attributes, depth, processing instructions
 * and comments against the caps, before libxml2 builds anything. */
static void
checklist_xml_start(void *data, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int natts,
    int ndefaulted, const xmlChar **atts)
{
	struct checklist_xml_sink *sink = CHECKLIST_XML_SINK(data);
	const struct checklist_xml_caps *c = sink->caps;

	if (++sink->elements > c->elements)
		checklist_xml_over(data, c->elements, N_("elements"));
	else if ((size_t)natts + (size_t)nns > c->attributes)
		checklist_xml_over(data, c->attributes,
		    N_("attributes on one element"));
	else if (++sink->depth > c->depth)
		checklist_xml_over(data, c->depth,
		    N_("levels of elements nested in one another"));
	else
		sink->start(data, local, prefix, uri, nns, ns, natts,
		    ndefaulted, atts);
}

static void
checklist_xml_end(void *data, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct checklist_xml_sink *sink = CHECKLIST_XML_SINK(data);

	if (sink->depth > 0)
		sink->depth--;
	sink->end(data, local, prefix, uri);
}

static void
checklist_xml_pi(void *data, const xmlChar *target, const xmlChar *text)
{
	struct checklist_xml_sink *sink = CHECKLIST_XML_SINK(data);

	if (++sink->pis > sink->caps->pis)
		checklist_xml_over(data, sink->caps->pis,
		    "processing instructions");
	else
		sink->pi(data, target, text);
}

static void
checklist_xml_comment(void *data, const xmlChar *text)
{
	struct checklist_xml_sink *sink = CHECKLIST_XML_SINK(data);

	if (++sink->comments > sink->caps->comments)
		checklist_xml_over(data, sink->caps->comments,
		    "comments");
	else
		sink->comment(data, text);
}

/* Put the counting hooks in front of libxml2's tree builder. */
static void
checklist_xml_hook(xmlParserCtxtPtr ctxt, struct checklist_xml_sink *sink)
{
	xmlSAXHandlerPtr sax = ctxt->sax;

	ctxt->_private = sink;
	sink->start = sax->startElementNs;
	sink->end = sax->endElementNs;
	sink->pi = sax->processingInstruction;
	sink->comment = sax->comment;
	sax->internalSubset = checklist_xml_doctype;
	sax->startElementNs = checklist_xml_start;
	sax->endElementNs = checklist_xml_end;
	sax->processingInstruction = checklist_xml_pi;
	sax->comment = checklist_xml_comment;
}

/*
 * Feed BUF to a push parser a piece at a time. Between pieces, what the
 * parser holds back unparsed is one start tag, comment or processing
 * instruction waiting for its end: over CHECKLIST_XML_TAG_MAX bytes it
 * is refused, before libxml2 checks its attributes (in quadratic time).
 * Text is parsed as it comes and is never held back that long.
 */
#define CHECKLIST_XML_PIECE 4096

/* One push parse under way: what counts its events against the caps,
 * and libxml2's context. */
struct checklist_xml_push {
	struct checklist_xml_sink sink;
	xmlParserCtxtPtr ctxt;
};

static void
checklist_xml_push_begin(struct checklist_xml_push *p, const char *name,
    const struct checklist_xml_caps *caps, struct checklist_error *err)
{
	struct checklist_xml_sink sink = { err, name, CHECKLIST_ERR_PARSE,
	    caps, 0, 0, 0, 0, NULL, NULL, NULL, NULL };

	assert(err != NULL && caps != NULL);
	checklist_xml_init();
	checklist_xml_parses++;
	p->sink = sink;
	xmlSetStructuredErrorFunc(&p->sink, checklist_xml_error);
	p->ctxt = xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL);
	if (p->ctxt == NULL)
		checklist_fatal(_("out of memory (XML parser)"));
	xmlCtxtUseOptions(p->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	checklist_xml_hook(p->ctxt, &p->sink);
}

/* Feed BUF; false once the parse is over (an error, or the end). */
static bool
checklist_xml_push_feed(struct checklist_xml_push *p, const char *buf,
    size_t len)
{
	xmlParserCtxtPtr ctxt = p->ctxt;
	size_t off, n;

	for (off = 0; off < len && p->sink.err->status == CHECKLIST_OK &&
	    ctxt->instate != XML_PARSER_EOF; off += n) {
		n = len - off < CHECKLIST_XML_PIECE ? len - off :
		    CHECKLIST_XML_PIECE;
		xmlParseChunk(ctxt, buf + off, (int)n, 0);
		if (ctxt->input != NULL && ctxt->input->end - ctxt->input->cur >
		    (ptrdiff_t)CHECKLIST_XML_TAG_MAX)
			checklist_xml_over(ctxt, CHECKLIST_XML_TAG_MAX, "bytes "
			    "in one tag, comment or processing instruction");
	}
	return p->sink.err->status == CHECKLIST_OK &&
	    ctxt->instate != XML_PARSER_EOF;
}

/* Finish the parse: the document in *DOC, or the first error. */
static checklist_status
checklist_xml_push_end(struct checklist_xml_push *p, xmlDocPtr *doc)
{
	struct checklist_error *err = p->sink.err;
	const char *name = p->sink.name;
	xmlParserCtxtPtr ctxt = p->ctxt;
	xmlDocPtr d;

	if (err->status == CHECKLIST_OK && ctxt->instate != XML_PARSER_EOF)
		xmlParseChunk(ctxt, NULL, 0, 1);
	xmlSetStructuredErrorFunc(NULL, NULL);
	d = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (d != NULL && (err->status != CHECKLIST_OK || !ctxt->wellFormed)) {
		xmlFreeDoc(d);
		d = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (d == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("not well-formed XML"));
	if (xmlDocGetRootElement(d) == NULL) {
		xmlFreeDoc(d);
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("no root element"));
	}
	*doc = d;
	return CHECKLIST_OK;
}

checklist_status
checklist_xml_parse(const char *buf, size_t len, const char *name,
    xmlDocPtr *doc, struct checklist_error *err)
{
	return checklist_xml_parse_capped(buf, len, name,
	    &checklist_caps_package, doc, err);
}

unsigned long checklist_xml_parses;

checklist_status
checklist_xml_parse_capped(const char *buf, size_t len, const char *name,
    const struct checklist_xml_caps *caps, xmlDocPtr *doc,
    struct checklist_error *err)
{
	struct checklist_xml_push p;

	if (len > (size_t)INT32_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0, 0,
		    _("document too large"));
	checklist_xml_push_begin(&p, name, caps, err);
	checklist_xml_push_feed(&p, buf, len);
	return checklist_xml_push_end(&p, doc);
}

checklist_status
checklist_xml_parse_fd(int fd, const char *name, size_t max,
    const struct checklist_xml_caps *caps,
    void (*seen)(void *, const char *, size_t), void *arg, xmlDocPtr *doc,
    struct checklist_error *err)
{
	struct checklist_xml_push p;
	char buf[CHECKLIST_XML_READ];
	size_t total = 0;
	ssize_t got;

	if (max > (size_t)INT32_MAX)
		max = (size_t)INT32_MAX;
	checklist_xml_push_begin(&p, name, caps, err);
	for (;;) {
		got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
			    _("cannot read: %s"), strerror(errno));
		else if (got > 0 && (total += (size_t)got) > max)
			checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0,
			    0, _("file is larger than the limit of %zu bytes"),
			    max);
		if (got <= 0 || err->status != CHECKLIST_OK)
			break;
		if (seen != NULL)
			seen(arg, buf, (size_t)got);
		if (!checklist_xml_push_feed(&p, buf, (size_t)got))
			break;
	}
	checklist_xml_push_end(&p, doc);
	return err->status;
}

/* Notes (in *DATA, a bool) that libxml2 ran out of memory. */
static void
checklist_xml_note_oom(void *data, xmlErrorPtr e)
{
	if (e != NULL && e->code == XML_ERR_NO_MEMORY)
		*(bool *)data = true;
}

/* The schema is built in and trusted: parse it once per process. It
 * fails to compile only when memory runs out (its own errors are
 * caught by the tests), which libxml2 says through the global
 * handler. */
static xmlSchemaPtr
checklist_xml_schema(const char *xsd, size_t len)
{
	static const char *cached_src;
	static xmlSchemaPtr cached;
	xmlSchemaParserCtxtPtr pctxt;
	bool oom = false;

	if (cached != NULL && cached_src == xsd)
		return cached;
	pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)len);
	if (pctxt == NULL)
		checklist_fatal(_("out of memory (XML parser)"));
	xmlSchemaSetParserStructuredErrors(pctxt, checklist_xml_note_oom, &oom);
	if (cached != NULL)
		xmlSchemaFree(cached);
	xmlSetStructuredErrorFunc(&oom, checklist_xml_note_oom);
	cached = xmlSchemaParse(pctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	cached_src = xsd;
	xmlSchemaFreeParserCtxt(pctxt);
	if (cached == NULL)
		checklist_fatal(oom ? _("out of memory (XML parser)") :
		    _("a built-in schema does not compile"));
	return cached;
}

checklist_status
checklist_xml_validate(xmlDocPtr doc, const char *xsd, size_t len,
    const char *name, struct checklist_error *err)
{
	struct checklist_xml_sink sink = { .err = err, .name = name,
	    .status = CHECKLIST_ERR_SCHEMA };
	xmlSchemaValidCtxtPtr vctxt;
	int rc;

	assert(err != NULL);
	checklist_xml_init();
	vctxt = xmlSchemaNewValidCtxt(checklist_xml_schema(xsd, len));
	if (vctxt == NULL)
		checklist_fatal(_("out of memory (schema validation)"));
	xmlSchemaSetValidStructuredErrors(vctxt, checklist_xml_error, &sink);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc == 0)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name, 0, 0,
	    _("does not validate against the schema"));
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

/* Is NODE's attribute NAME (no namespace) VALUE? Read in place: no
 * copy for the plain case of one text node. */
bool
checklist_xml_attr_eq(xmlNodePtr node, const char *name, const char *value)
{
	xmlAttrPtr a = xmlHasNsProp(node, (const xmlChar *)name, NULL);
	xmlChar *v;
	bool same;

	if (a == NULL)
		return false;
	if (a->children != NULL && a->children->next == NULL &&
	    a->children->type == XML_TEXT_NODE && a->children->content != NULL)
		return strcmp((const char *)a->children->content, value) == 0;
	v = xmlGetNoNsProp(node, (const xmlChar *)name);
	same = v != NULL && strcmp((const char *)v, value) == 0;
	xmlFree(v);
	return same;
}

/* Do A and B have the same attributes, in the same order? */
bool
checklist_xml_attrs_same(xmlNodePtr a, xmlNodePtr b)
{
	xmlAttrPtr x = a->properties, y = b->properties;
	xmlChar *vx, *vy;
	bool same = true;

	for (; same && x != NULL && y != NULL; x = x->next, y = y->next) {
		if (!xmlStrEqual(x->name, y->name) ||
		    (x->ns == NULL) != (y->ns == NULL) ||
		    (x->ns != NULL && !xmlStrEqual(x->ns->href, y->ns->href)))
			return false;
		vx = xmlNodeGetContent((xmlNodePtr)x);
		vy = xmlNodeGetContent((xmlNodePtr)y);
		same = xmlStrEqual(vx, vy);
		xmlFree(vx);
		xmlFree(vy);
	}
	return same && x == NULL && y == NULL;
}

size_t
checklist_xml_elements(xmlNodePtr el)
{
	size_t n = 1;
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += checklist_xml_elements(c);
	return n;
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

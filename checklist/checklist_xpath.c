/*
 * checklist_xpath.c: conditions and constraints are XPath 1.0, compiled
 * and evaluated by libxml2 against the response document. This file
 * compiles them (capturing libxml2's message), lists the element names
 * their location paths use (from libxml2's own dump of the compiled
 * expression, so that no second parser of XPath exists here), and
 * evaluates them with the question's element as the context node.
 *
 * One extension function, as in XForms: selected(nodeset, 'value') is
 * true when the node's space-separated value holds that token.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal.h"

static void
checklist_xpath_selected(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *token, *value;
	const char *p;
	size_t tlen;
	bool found = false;

	CHECK_ARITY(2);
	token = xmlXPathPopString(ctxt);
	value = xmlXPathPopString(ctxt);
	tlen = token ? strlen((const char *)token) : 0;
	for (p = (const char *)value; p != NULL && *p != '\0' && tlen > 0;) {
		size_t n;

		p += strspn(p, " \t\r\n");
		n = strcspn(p, " \t\r\n");
		if (n == tlen && memcmp(p, token, n) == 0)
			found = true;
		p += n;
	}
	xmlFree(token);
	xmlFree(value);
	xmlXPathReturnBoolean(ctxt, found);
}

static xmlXPathContextPtr
checklist_xpath_context(xmlDocPtr doc)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);

	if (x == NULL)
		checklist_fatal("out of memory (XPath context)");
	xmlXPathRegisterFunc(x, (const xmlChar *)"selected",
	    checklist_xpath_selected);
	return x;
}

struct checklist_xpath_sink {
	char message[512];
};

static void
checklist_xpath_error(void *data, xmlErrorPtr e)
{
	struct checklist_xpath_sink *sink = data;

	if (sink->message[0] == '\0' && e != NULL && e->message != NULL) {
		snprintf(sink->message, sizeof sink->message, "%s", e->message);
		sink->message[strcspn(sink->message, "\n")] = '\0';
	}
}

/* Add the names of the compiled expression's steps on element axes. */
static void
checklist_expr_names(struct checklist_expr *e)
{
	char *dump = NULL, *line, *save = NULL, *p;
	size_t size = 0;
	FILE *f = open_memstream(&dump, &size);

	if (f == NULL)
		checklist_fatal("out of memory (open_memstream)");
	xmlXPathDebugDumpCompExpr(f, e->comp, 0);
	fclose(f);
	for (line = strtok_r(dump, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((p = strstr(line, "FUNCTION ")) != NULL) {
			p += strlen("FUNCTION ");
			e->funcs = checklist_xreallocarray(e->funcs,
			    e->nfuncs + 1, sizeof *e->funcs);
			e->funcs[e->nfuncs++] = checklist_xstrndup(p,
			    strcspn(p, "("));
			continue;
		}
		if (strstr(line, "COLLECT") == NULL ||
		    strstr(line, "'attributes'") != NULL ||
		    (p = strstr(line, "'name' ")) == NULL)
			continue;
		p += strlen("'name' ");
		p = strchr(p, ' '); /* past the node type */
		if (p == NULL || *++p == '\0')
			continue;
		e->names = checklist_xreallocarray(e->names, e->nnames + 1,
		    sizeof *e->names);
		e->names[e->nnames++] = checklist_xstrdup(p);
	}
	free(dump);
}

checklist_status
checklist_expr_compile(const char *source, const char *name, int line,
    struct checklist_expr **out, struct checklist_error *err)
{
	struct checklist_xpath_sink sink = { "" };
	xmlXPathContextPtr x = checklist_xpath_context(NULL);
	xmlXPathCompExprPtr comp;
	struct checklist_expr *e;

	x->error = checklist_xpath_error;
	x->userData = &sink;
	comp = xmlXPathCtxtCompile(x, (const xmlChar *)source);
	xmlXPathFreeContext(x);
	if (comp == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name, line,
		    0, "the XPath expression \"%s\" does not compile: %s", source,
		    sink.message[0] ? sink.message : "invalid expression");
	e = checklist_xcalloc(1, sizeof *e);
	e->source = checklist_xstrdup(source);
	e->comp = comp;
	checklist_expr_names(e);
	*out = e;
	return CHECKLIST_OK;
}

void
checklist_expr_free(struct checklist_expr *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nnames; i++)
		free(e->names[i]);
	free(e->names);
	for (i = 0; i < e->nfuncs; i++)
		free(e->funcs[i]);
	free(e->funcs);
	free(e->source);
	xmlXPathFreeCompExpr(e->comp);
	free(e);
}

/* One context per document, kept: evaluation runs for every question
 * on every redraw. */
static xmlXPathContextPtr checklist_xpath_cached;

static void
checklist_xpath_quiet(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

bool
checklist_expr_eval(const struct checklist_expr *e, xmlDocPtr doc,
    xmlNodePtr node, bool on_error)
{
	xmlXPathObjectPtr res;
	int b;

	if (checklist_xpath_cached == NULL || checklist_xpath_cached->doc != doc) {
		if (checklist_xpath_cached != NULL)
			xmlXPathFreeContext(checklist_xpath_cached);
		checklist_xpath_cached = checklist_xpath_context(doc);
		checklist_xpath_cached->error = checklist_xpath_quiet;
	}
	checklist_xpath_cached->node = node;
	res = xmlXPathCompiledEval(e->comp, checklist_xpath_cached);
	if (res == NULL)
		return on_error;
	b = xmlXPathCastToBoolean(res);
	xmlXPathFreeObject(res);
	return b != 0;
}

void
checklist_xpath_forget(xmlDocPtr doc)
{
	if (checklist_xpath_cached != NULL && checklist_xpath_cached->doc == doc) {
		xmlXPathFreeContext(checklist_xpath_cached);
		checklist_xpath_cached = NULL;
	}
}

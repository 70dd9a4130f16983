/*
 * checklist_xpath.c: conditions and constraints are XPath 1.0, compiled
 * and evaluated by libxml2 against the response document. This file
 * holds the one table of the functions a condition may call (with how
 * many arguments each takes), registers them on every evaluation
 * context, compiles expressions (capturing libxml2's message and the
 * position it gives) and evaluates them with the question's element as
 * the context node. The extension functions live in
 * checklist_xpath_func.c; what an expression reads is worked out in
 * checklist_xop.c and checklist_names.c.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal.h"

/* XPath 1.0's core functions (libxml2's), then the XForms ones of ODK
 * Collect that sacl adds. round() is replaced: XForms gives it a second
 * argument, the number of digits; so are contains(), substring-before()
 * and substring-after(), by the same in linear time. */
static const struct checklist_xpath_func checklist_xpath_funcs[] = {
	{ "last", 0, 0, NULL },
	{ "position", 0, 0, NULL },
	{ "count", 1, 1, NULL },
	{ "id", 1, 1, NULL },
	{ "local-name", 0, 1, NULL },
	{ "namespace-uri", 0, 1, NULL },
	{ "name", 0, 1, NULL },
	{ "string", 0, 1, NULL },
	{ "concat", 2, -1, NULL },
	{ "starts-with", 2, 2, NULL },
	{ "contains", 2, 2, checklist_xpath_contains },
	{ "substring-before", 2, 2, checklist_xpath_before },
	{ "substring-after", 2, 2, checklist_xpath_after },
	{ "substring", 2, 3, NULL },
	{ "string-length", 0, 1, NULL },
	{ "normalize-space", 0, 1, NULL },
	{ "translate", 3, 3, NULL },
	{ "boolean", 1, 1, NULL },
	{ "not", 1, 1, NULL },
	{ "true", 0, 0, NULL },
	{ "false", 0, 0, NULL },
	{ "lang", 1, 1, NULL },
	{ "number", 0, 1, NULL },
	{ "sum", 1, 1, NULL },
	{ "floor", 1, 1, NULL },
	{ "ceiling", 1, 1, NULL },
	{ "round", 1, 2, checklist_xpath_round },
	{ "selected", 2, 2, checklist_xpath_selected },
	{ "count-selected", 1, 1, checklist_xpath_count_selected },
	{ "selected-at", 2, 2, checklist_xpath_selected_at },
	{ "if", 3, 3, checklist_xpath_if },
	{ "coalesce", 2, 2, checklist_xpath_coalesce },
	{ "regex", 2, 2, checklist_xpath_regex },
	{ "today", 0, 0, checklist_xpath_today },
	{ "int", 1, 1, checklist_xpath_int },
	{ "date", 1, 1, checklist_xpath_date },
	{ "decimal-date-time", 1, 1, checklist_xpath_decimal_date_time },
	{ "decimal-date", 1, 1, checklist_xpath_decimal_date_time },
};

const struct checklist_xpath_func *
checklist_xpath_func_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof checklist_xpath_funcs /
	    sizeof *checklist_xpath_funcs; i++)
		if (strcmp(checklist_xpath_funcs[i].name, name) == 0)
			return &checklist_xpath_funcs[i];
	return NULL;
}

static xmlXPathContextPtr
checklist_xpath_context(xmlDocPtr doc)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	const struct checklist_xpath_func *f;
	size_t i;

	if (x == NULL)
		checklist_fatal(_("out of memory (XPath context)"));
	for (i = 0; i < sizeof checklist_xpath_funcs /
	    sizeof *checklist_xpath_funcs; i++) {
		f = &checklist_xpath_funcs[i];
		if (f->fn == NULL)
			continue;
		/* an entry already there (round) must go first */
		xmlXPathRegisterFunc(x, (const xmlChar *)f->name, NULL);
		if (xmlXPathRegisterFunc(x, (const xmlChar *)f->name,
		    f->fn) != 0)
			checklist_fatal(_("out of memory (XPath functions)"));
	}
	return x;
}

const char *
checklist_xpath_error_text(const xmlError *e)
{
	static const struct {
		int code;
		const char *text;
	} texts[] = {
		{ XML_XPATH_NUMBER_ERROR, "a malformed number" },
		{ XML_XPATH_UNFINISHED_LITERAL_ERROR, "a string with no closing quote" },
		{ XML_XPATH_START_LITERAL_ERROR, "a string expected" },
		{ XML_XPATH_VARIABLE_REF_ERROR, "a malformed variable" },
		{ XML_XPATH_UNDEF_VARIABLE_ERROR, "a variable, which conditions do not have" },
		{ XML_XPATH_INVALID_PREDICATE_ERROR, "a malformed [predicate]" },
		{ XML_XPATH_EXPR_ERROR, "invalid expression" },
		{ XML_XPATH_UNCLOSED_ERROR, "a bracket or parenthesis not closed" },
		{ XML_XPATH_UNKNOWN_FUNC_ERROR, "an unknown function" },
		{ XML_XPATH_INVALID_OPERAND, "an operand of the wrong type" },
		{ XML_XPATH_INVALID_TYPE, "a value of the wrong type" },
		{ XML_XPATH_INVALID_ARITY, "a wrong number of arguments" },
		{ XML_XPATH_UNDEF_PREFIX_ERROR, "a namespace prefix, which the response does not have" },
		{ XML_XPATH_INVALID_CHAR_ERROR, "a character XPath does not allow" },
	};
	size_t i;

	if (e == NULL)
		return "invalid expression";
	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		if (e->code == texts[i].code)
			return texts[i].text;
	return e->message != NULL ? e->message : "invalid expression";
}

struct checklist_xpath_sink {
	char message[512];
	int offset; /* in the expression, where libxml2 stopped; -1 */
};

static void
checklist_xpath_error(void *data, xmlErrorPtr e)
{
	struct checklist_xpath_sink *sink = data;

	if (sink->message[0] == '\0' && e != NULL) {
		snprintf(sink->message, sizeof sink->message, "%s",
		    checklist_xpath_error_text(e));
		sink->message[strcspn(sink->message, "\n")] = '\0';
		sink->offset = e->domain == XML_FROM_XPATH ? e->int1 : -1;
	}
}

/* One context for every compilation (making one registers the whole
 * function table: a tenth of loading a large definition). */
static xmlXPathContextPtr checklist_xpath_compiler;

checklist_status
checklist_expr_compile(const char *source, const char *name, int line,
    const char *what, struct checklist_expr **out,
    struct checklist_error *err)
{
	struct checklist_xpath_sink sink = { "", -1 };
	xmlXPathContextPtr x;
	xmlXPathCompExprPtr comp;
	struct checklist_expr *e;
	char at[64] = "";

	if (checklist_xpath_compiler == NULL)
		checklist_xpath_compiler = checklist_xpath_context(NULL);
	x = checklist_xpath_compiler;
	x->error = checklist_xpath_error;
	x->userData = &sink;
	comp = xmlXPathCtxtCompile(x, (const xmlChar *)source);
	x->userData = NULL;
	if (comp == NULL) {
		if (sink.offset >= 0 && (size_t)sink.offset <= strlen(source))
			snprintf(at, sizeof at, " at character %d",
			    sink.offset + 1);
		return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name, line,
		    0, _("%s: \"%s\" does not compile%s: %s"), what, source, at,
		    sink.message[0] ? sink.message : "invalid expression");
	}
	if (checklist_cost_shape(source, name, line, what, err) !=
	    CHECKLIST_OK) {
		xmlXPathFreeCompExpr(comp);
		return err->status;
	}
	e = checklist_xcalloc(1, sizeof *e);
	e->source = checklist_xstrdup(source);
	e->comp = comp;
	*out = e;
	return CHECKLIST_OK;
}

void
checklist_expr_free(struct checklist_expr *e)
{
	if (e == NULL)
		return;
	free(e->reads);
	free(e->whole);
	if (!e->borrowed) {
		free(e->source);
		xmlXPathFreeCompExpr(e->comp);
	}
	free(e);
}

struct checklist_expr *
checklist_expr_borrow(const struct checklist_expr *e)
{
	struct checklist_expr *b = checklist_xcalloc(1, sizeof *b);

	b->source = e->source;
	b->comp = e->comp;
	b->borrowed = true;
	return b;
}

/* One context per document, kept: evaluation runs for every question
 * on every redraw. */
static xmlXPathContextPtr checklist_xpath_cached;
/* XPath operations one evaluation may take (libxml2 2.9.11 and later). */
static unsigned long checklist_xpath_op_limit = CHECKLIST_XPATH_OPS_MAX;

static void
checklist_xpath_quiet(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

xmlXPathObjectPtr
checklist_expr_eval_object(const struct checklist_expr *e, xmlDocPtr doc,
    xmlNodePtr node)
{
	if (checklist_xpath_cached == NULL || checklist_xpath_cached->doc != doc) {
		if (checklist_xpath_cached != NULL)
			xmlXPathFreeContext(checklist_xpath_cached);
		checklist_xpath_cached = checklist_xpath_context(doc);
		checklist_xpath_cached->error = checklist_xpath_quiet;
	}
	checklist_xpath_cached->node = node;
	/* a count for tests, not part of the expression's value */
	((struct checklist_expr *)(uintptr_t)e)->evals++;
#if LIBXML_VERSION >= 20911
	/* a cost bound on each evaluation: over it, an evaluation error */
	checklist_xpath_cached->opLimit = checklist_xpath_op_limit;
	checklist_xpath_cached->opCount = 0;
#endif
	return xmlXPathCompiledEval(e->comp, checklist_xpath_cached);
}

unsigned long
checklist_expr_last_ops(void)
{
#if LIBXML_VERSION >= 20911
	return checklist_xpath_cached != NULL ?
	    checklist_xpath_cached->opCount : 0;
#else
	return 0;
#endif
}

void
checklist_expr_set_op_limit(unsigned long limit)
{
	checklist_xpath_op_limit = limit;
}

bool
checklist_expr_eval(const struct checklist_expr *e, xmlDocPtr doc,
    xmlNodePtr node, bool on_error)
{
	xmlXPathObjectPtr res = checklist_expr_eval_object(e, doc, node);
	int b;

	if (res == NULL)
		return on_error;
	b = xmlXPathCastToBoolean(res);
	xmlXPathFreeObject(res);
	return b != 0;
}

void
checklist_xpath_forget(xmlDocPtr doc)
{
	checklist_path_memo_forget();
	if (checklist_xpath_cached != NULL && checklist_xpath_cached->doc == doc) {
		xmlXPathFreeContext(checklist_xpath_cached);
		checklist_xpath_cached = NULL;
	}
}

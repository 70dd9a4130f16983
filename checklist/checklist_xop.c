/*
 * checklist_xop.c: the operations of a compiled XPath expression, as a
 * tree, so that the checks of a definition can see every function it
 * calls, every variable and every location path with its steps.
 *
 * libxml2 keeps its compiled form private (xmlXPathStepOp in xpath.c);
 * what it offers is a dump of it, xmlXPathDebugDumpCompExpr(): one
 * operation a line, indented two spaces per level, children after their
 * parent. Reading that dump is reading libxml2's own parse, so no second
 * parser of XPath exists here. What this relies on, seen in 2.9.14:
 * - a step is "COLLECT  'AXIS' 'TEST' 'TYPE' [PREFIX:]NAME"; its first
 *   child is its input (the step before, NODE for the context node, ROOT
 *   for "/", or any other expression), a second child its predicates;
 * - "FUNCTION [PREFIX:]NAME(N args)", "VARIABLE NAME";
 * - a literal is "ELEM Object is a ...", followed by a copy of whatever
 *   libxml2 compiled just before it: the copy is dropped;
 * - literals are shown with blanks as spaces, so none spans two lines;
 * - a pure location path is compiled into a "streaming" form with no
 *   dump: the expression is compiled again in parentheses, which turns
 *   that off and changes nothing else;
 * - indentation stops growing at 25 levels: a deeper expression is
 *   refused (NULL), for the tree cannot be known.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal.h"

/* The deepest level the dump shows as it is. */
#define CHECKLIST_XOP_DEPTH_MAX 24

static struct checklist_xop *
checklist_xop_new(enum checklist_xop_kind kind)
{
	struct checklist_xop *op = checklist_xcalloc(1, sizeof *op);

	op->kind = kind;
	return op;
}

void
checklist_xop_free(struct checklist_xop *op)
{
	size_t i;

	if (op == NULL)
		return;
	for (i = 0; i < op->nkids; i++)
		checklist_xop_free(op->kids[i]);
	free(op->kids);
	free(op->axis);
	free(op->test);
	free(op->name);
	free(op->text);
	free(op);
}

/* The XPath name of an axis as the dump spells it. */
static const char *
checklist_xop_axis(const char *dumped)
{
	static const char *const map[][2] = {
		{ "ancestors", "ancestor" },
		{ "ancestors-or-self", "ancestor-or-self" },
		{ "attributes", "attribute" },
		{ "following-siblings", "following-sibling" },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(dumped, map[i][0]) == 0)
			return map[i][1];
	return dumped;
}

/* "COLLECT  'child' 'name' 'node' x": AXIS, TEST, TYPE, NAME. */
static void
checklist_xop_collect(struct checklist_xop *op, const char *line)
{
	char axis[32] = "", test[16] = "", type[16] = "";
	const char *name;
	int used = 0;

	if (sscanf(line, "COLLECT '%31[^']' '%15[^']' '%15[^']' %n", axis, test,
	    type, &used) < 3 || used == 0)
		used = (int)strlen(line);
	name = line + used;
	op->axis = checklist_xstrdup(checklist_xop_axis(axis));
	if (strcmp(test, "name") == 0) {
		op->test = checklist_xstrdup(name);
		op->element_step = true;
	} else if (strcmp(test, "all") == 0) {
		op->test = checklist_xstrdup("*");
		op->element_step = true;
	} else if (strcmp(test, "namespace") == 0) {
		op->test = checklist_xasprintf("%s*", name);
		op->element_step = true;
	} else if (strcmp(test, "PI") == 0) {
		op->test = checklist_xasprintf("processing-instruction()");
	} else {
		op->test = checklist_xasprintf("%s()", type);
		op->element_step = strcmp(type, "node") == 0;
	}
	if (strcmp(op->axis, "attribute") == 0 ||
	    strcmp(op->axis, "namespace") == 0)
		op->element_step = false;
}

static struct checklist_xop *
checklist_xop_line(const char *line)
{
	struct checklist_xop *op;
	int nargs = 0;
	size_t n;

	if (strncmp(line, "COLLECT ", 8) == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_COLLECT);
		checklist_xop_collect(op, line);
	} else if (strncmp(line, "FUNCTION ", 9) == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_FUNCTION);
		n = strcspn(line + 9, "(");
		op->name = checklist_xstrndup(line + 9, n);
		if (sscanf(line + 9 + n, "(%d args)", &nargs) == 1)
			op->nargs = nargs;
	} else if (strncmp(line, "VARIABLE ", 9) == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_VARIABLE);
		op->name = checklist_xstrdup(line + 9);
	} else if (strncmp(line, "ELEM ", 5) == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_VALUE);
		op->text = checklist_xstrdup(line + 5);
	} else if (strcmp(line, "NODE") == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_NODE);
	} else if (strcmp(line, "ROOT") == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_ROOT);
	} else if (strcmp(line, "PREDICATE") == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_PREDICATE);
	} else if (strcmp(line, "FILTER") == 0) {
		op = checklist_xop_new(CHECKLIST_XOP_FILTER);
	} else {
		op = checklist_xop_new(CHECKLIST_XOP_OTHER);
		op->name = checklist_xstrdup(line);
	}
	return op;
}

static void
checklist_xop_adopt(struct checklist_xop *parent, struct checklist_xop *kid)
{
	parent->kids = checklist_xreallocarray(parent->kids, parent->nkids + 1,
	    sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
}

static void
checklist_xop_quiet(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

/* The dump of SOURCE in parentheses (never streamed), or NULL. */
static char *
checklist_xop_dump(const char *source)
{
	char *wrapped = checklist_xasprintf("(%s)", source), *dump = NULL;
	xmlXPathContextPtr x = xmlXPathNewContext(NULL);
	xmlXPathCompExprPtr comp;
	size_t size = 0;
	FILE *f;

	if (x == NULL)
		checklist_fatal(_("out of memory (XPath context)"));
	x->error = checklist_xop_quiet; /* it compiled once already */
	comp = xmlXPathCtxtCompile(x, (const xmlChar *)wrapped);
	xmlXPathFreeContext(x);
	free(wrapped);
	if (comp == NULL)
		return NULL;
	if ((f = open_memstream(&dump, &size)) == NULL)
		checklist_fatal(_("out of memory (open_memstream)"));
	xmlXPathDebugDumpCompExpr(f, comp, 0);
	fclose(f);
	xmlXPathFreeCompExpr(comp);
	return dump;
}

/* Build the tree from the dump's lines; false when too deep to know. */
static bool
checklist_xop_build(char *dump, struct checklist_xop *top)
{
	struct checklist_xop *stack[CHECKLIST_XOP_DEPTH_MAX + 2];
	char *line, *save = NULL;
	size_t indent, depth, last = 0, skip = 0;
	bool ok = true;

	stack[0] = top;
	for (line = strtok_r(dump, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		indent = strspn(line, " ");
		if (indent < 2 || indent % 2 != 0)
			continue; /* the heading line */
		depth = indent / 2;
		if (depth > CHECKLIST_XOP_DEPTH_MAX || depth > last + 1) {
			ok = false;
			break;
		}
		last = depth;
		if (skip != 0 && depth > skip)
			continue; /* the copy under a literal */
		skip = 0;
		stack[depth] = checklist_xop_line(line + indent);
		checklist_xop_adopt(stack[depth - 1], stack[depth]);
		if (stack[depth]->kind == CHECKLIST_XOP_VALUE)
			skip = depth;
	}
	return ok;
}

struct checklist_xop *
checklist_xop_read(const char *source)
{
	struct checklist_xop *top = checklist_xop_new(CHECKLIST_XOP_OTHER);
	char *dump = checklist_xop_dump(source);

	if (dump == NULL || !checklist_xop_build(dump, top)) {
		checklist_xop_free(top);
		top = NULL;
	}
	free(dump);
	return top;
}

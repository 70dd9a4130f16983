/*
 * checklist_names.c: the one resolution of names in conditions. A
 * skeleton instance of the checklist is built (every group and question
 * element, one entry in every repeat), and each location path of an
 * expression, as libxml2 compiled it (checklist_xop.c), is evaluated by
 * libxml2 on that skeleton from the element the expression is written
 * on. A path that selects nothing there can select nothing in any
 * response: it is an error. What it selects are the questions the
 * expression reads, which the cycle check follows.
 *
 * Also checked here: every function is one of the table's
 * (checklist_xpath.c), called with a number of arguments it takes; no
 * variables; a regex() pattern given as a literal compiles.
 *
 * Known limits: the steps after a filter expression ("(a | b)/c",
 * "f()/c") and the paths inside its predicate are not checked; attribute
 * and text() steps are not checked, only the element they start from.
 * What such unchecked parts read is not known: the expression is marked
 * as reading anything (reads_any). A path that selects a group's
 * element reads the group as a whole (whole[]; the root: anything), for
 * the dependency index (checklist_deps.c); the cycle check follows
 * question reads only.
 *
 * The copies of a template's question share its expressions: each is
 * resolved here once per shape of provision, the other copies taking
 * what it read at the same places of their own provision
 * (checklist_names_copy.c); while that first copy is resolved, each
 * step notes whether it stayed inside the provision
 * (checklist_names_local).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal_names.h"

/* ----------------------------------------------------------- failing */

static void checklist_names_fail(struct checklist_names *nm,
    const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
checklist_names_fail(struct checklist_names *nm, const char *fmt, ...)
{
	va_list ap;

	if (nm->failed)
		return;
	nm->failed = true;
	va_start(ap, fmt);
	vsnprintf(nm->msg, nm->size, fmt, ap);
	va_end(ap);
}

/* What element N of the skeleton is, for "... has no 'x'". */
static void
checklist_names_describe(xmlNodePtr n, char *buf, size_t size)
{
	const struct checklist_names_tag *t = n->_private;

	if (n->type == XML_DOCUMENT_NODE)
		snprintf(buf, size, "above /response there is only response:");
	else if (t == NULL)
		snprintf(buf, size, "/response has no front section or section");
	else if (t->g != NULL && t->g->kind == CHECKLIST_G_FRONT)
		snprintf(buf, size, "the front section '%s' has no question",
		    t->g->id);
	else if (t->g != NULL && t->g->kind == CHECKLIST_G_SECTION)
		snprintf(buf, size, "section '%s' has no provision", t->g->id);
	else if (t->g != NULL)
		snprintf(buf, size, "provision '%s' has no question or item",
		    t->g->id);
	else if (t->entry)
		snprintf(buf, size, "an entry of %s has no question",
		    t->q->path);
	else if (t->q->type == CHECKLIST_Q_REPEAT)
		snprintf(buf, size, "%s holds only its entries (entry), not",
		    t->q->path);
	else
		snprintf(buf, size, "question %s holds only its value, not",
		    t->q->path);
}

/* ------------------------------------------------------------- paths */

/* A path being resolved: the XPath to evaluate (full axis syntax) and
 * the same as the author would write it, for messages. */
struct checklist_names_path {
	char xpath[2048];
	char shown[1024];
};

/* Append the strings of the NULL-terminated list to the string in BUF
 * (of SIZE), cut at its end: paths are built a step at a time, for
 * every step of every condition. */
static void
checklist_names_put(char *buf, size_t size, const char *s, ...)
{
	size_t len = strlen(buf), n;
	va_list ap;

	va_start(ap, s);
	for (; s != NULL; s = va_arg(ap, const char *)) {
		n = strlen(s);
		if (n > size - 1 - len)
			n = size - 1 - len;
		memcpy(buf + len, s, n);
		len += n;
	}
	buf[len] = '\0';
	va_end(ap);
}

static void
checklist_names_append(struct checklist_names_path *p,
    const struct checklist_xop *step)
{
	size_t n = strlen(p->xpath);
	const char *sep = n == 0 || p->xpath[n - 1] == '/' ? "" : "/";

	checklist_names_put(p->xpath, sizeof p->xpath, sep, step->axis, "::",
	    step->test, (const char *)NULL);
	n = strlen(p->shown);
	sep = n == 0 || p->shown[n - 1] == '/' ? "" : "/";
	if (strcmp(step->axis, "child") == 0)
		checklist_names_put(p->shown, sizeof p->shown, sep, step->test,
		    (const char *)NULL);
	else if (strcmp(step->axis, "attribute") == 0)
		checklist_names_put(p->shown, sizeof p->shown, sep, "@",
		    step->test, (const char *)NULL);
	else if (strcmp(step->test, "node()") == 0 &&
	    strcmp(step->axis, "parent") == 0)
		checklist_names_put(p->shown, sizeof p->shown, sep, "..",
		    (const char *)NULL);
	else if (strcmp(step->test, "node()") == 0 &&
	    strcmp(step->axis, "self") == 0)
		checklist_names_put(p->shown, sizeof p->shown, sep, ".",
		    (const char *)NULL);
	else
		checklist_names_put(p->shown, sizeof p->shown, sep, step->axis,
		    "::", step->test, (const char *)NULL);
}

/* Is WORD one of the blank-separated words of LIST (" a b ")? */
static bool
checklist_names_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	if (n == 0)
		return false;
	for (p = strstr(list, word); p != NULL; p = strstr(p + 1, word))
		if (p[-1] == ' ' && p[n] == ' ')
			return true;
	return false;
}

/* Is N inside the group the check stands in (nm->root)? */
static bool
checklist_names_inside(const struct checklist_names *nm, xmlNodePtr n)
{
	const struct checklist_names_tag *t = n->type == XML_ELEMENT_NODE ?
	    n->_private : NULL;

	return t != NULL && t->pre >= nm->root->pre && t->pre < nm->root->end;
}

/* Note that the check tests the name TEST (copy.c compares it with the
 * ids of the groups, the one part of a shape left out of it). */
static void
checklist_names_tested(struct checklist_names *nm, const char *test)
{
	size_t i;

	if (strcmp(test, "node()") == 0 || strcmp(test, "*") == 0)
		return;
	for (i = 0; i < nm->ntests; i++)
		if (strcmp(nm->tests[i], test) == 0)
			return;
	if (nm->ntests == sizeof nm->tests / sizeof *nm->tests)
		nm->local = false;
	else
		nm->tests[nm->ntests++] = test;
}

/* Did step S, from the nodes of PREV to those of OUT, look only inside
 * the group the check stands in, and depend on nothing but its shape
 * and the names it tests? Not when an axis may leave it (ancestor,
 * following, the parent or siblings of the group's own element):
 * nm->local false. */
static void
checklist_names_local(struct checklist_names *nm, xmlNodeSetPtr prev,
    const struct checklist_xop *s, xmlNodeSetPtr out)
{
	bool at_root = false;
	int i;

	if (nm->root == NULL || !nm->local)
		return;
	for (i = 0; prev != NULL && i < prev->nodeNr; i++) {
		nm->local &= checklist_names_inside(nm, prev->nodeTab[i]);
		at_root |= prev->nodeTab[i] == nm->root->node;
	}
	for (i = 0; out != NULL && i < out->nodeNr; i++)
		nm->local &= checklist_names_inside(nm, out->nodeTab[i]);
	checklist_names_tested(nm, s->test);
	if (checklist_names_word(" child descendant self descendant-or-self "
	    "attribute namespace ", s->axis))
		return;
	if (checklist_names_word(" parent following-sibling "
	    "preceding-sibling ", s->axis))
		nm->local &= !at_root;
	else
		nm->local = false;
}

/* Note in the expression when step S, taken from the nodes of PREV,
 * may walk the entries of a list, so that its cost grows with the
 * entries a response holds (checklist_cost.c): a child step from a
 * list's element, a sibling step from an entry, and any step down or
 * across that may enter a list (descendant, following, preceding). Up
 * (parent, ancestor), self and attribute steps never walk entries. */
static void
checklist_names_reach(struct checklist_names *nm, xmlNodeSetPtr prev,
    const struct checklist_xop *s)
{
	const struct checklist_names_tag *t;
	bool child = strcmp(s->axis, "child") == 0;
	int i;

	if (checklist_names_word(" self parent ancestor ancestor-or-self "
	    "attribute namespace ", s->axis))
		return;
	if (!child && !checklist_names_word(" following-sibling "
	    "preceding-sibling ", s->axis)) {
		nm->e->walks_lists = true;
		return;
	}
	for (i = 0; prev != NULL && i < prev->nodeNr; i++) {
		t = prev->nodeTab[i]->type == XML_ELEMENT_NODE ?
		    prev->nodeTab[i]->_private : NULL;
		if (t != NULL && t->q != NULL && (child ? !t->entry &&
		    t->q->type == CHECKLIST_Q_REPEAT : t->entry))
			nm->e->walks_lists = true;
	}
}

/* Step S taken from every node of PREV (a node set): what "PREV/S"
 * selects, without evaluating PREV again. NULL: S does not compile
 * (said in the check's message). The caller frees. */
static xmlXPathObjectPtr
checklist_names_from(struct checklist_names *nm,
    const struct checklist_names_path *p, xmlXPathObjectPtr prev,
    const struct checklist_xop *s)
{
	char step[300] = "";
	xmlXPathCompExprPtr comp;
	xmlNodeSetPtr out;
	xmlXPathObjectPtr res;
	int i;

	checklist_names_put(step, sizeof step, s->axis, "::", s->test,
	    (const char *)NULL);
	checklist_names_last_error[0] = '\0';
	if ((comp = checklist_names_compiled(nm, step)) == NULL) {
		checklist_names_fail(nm, _("'%s' cannot be resolved: %s"),
		    p->shown, checklist_names_last_error[0] ?
		    checklist_names_last_error : "not a path");
		return NULL;
	}
	if ((out = xmlXPathNodeSetCreate(NULL)) == NULL)
		checklist_fatal(_("out of memory (names)"));
	for (i = 0; prev->nodesetval != NULL && i < prev->nodesetval->nodeNr;
	    i++) {
		nm->x->node = prev->nodesetval->nodeTab[i];
		res = xmlXPathCompiledEval(comp, nm->x);
		if (res != NULL && res->type == XPATH_NODESET &&
		    xmlXPathNodeSetMerge(out, res->nodesetval) == NULL)
			checklist_fatal(_("out of memory (names)"));
		xmlXPathFreeObject(res);
	}
	checklist_names_local(nm, prev->nodesetval, s, out);
	checklist_names_reach(nm, prev->nodesetval, s);
	return xmlXPathWrapNodeSet(out);
}

/* Evaluate P at the context node: its node set, or NULL (an error, said
 * in the check's message). The caller frees. */
static xmlXPathObjectPtr
checklist_names_eval(struct checklist_names *nm,
    const struct checklist_names_path *p)
{
	xmlXPathObjectPtr res = NULL;
	xmlXPathCompExprPtr comp;

	checklist_names_last_error[0] = '\0';
	nm->x->node = nm->context;
	comp = checklist_names_compiled(nm, p->xpath[0] ? p->xpath :
	    "self::node()");
	if (comp != NULL)
		res = xmlXPathCompiledEval(comp, nm->x);
	if (res != NULL && res->type != XPATH_NODESET) {
		xmlXPathFreeObject(res);
		res = NULL;
	}
	if (res == NULL)
		checklist_names_fail(nm, _("'%s' cannot be resolved: %s"),
		    p->shown, checklist_names_last_error[0] ?
		    checklist_names_last_error : "not a path");
	return res;
}

static bool
checklist_names_empty(xmlXPathObjectPtr res)
{
	return res->nodesetval == NULL || res->nodesetval->nodeNr == 0;
}

static void
checklist_names_read(struct checklist_names *nm, xmlNodeSetPtr set)
{
	struct checklist_expr *e = nm->e;
	const struct checklist_names_tag *t;
	int i;
	size_t k;

	for (i = 0; set != NULL && i < set->nodeNr; i++) {
		t = set->nodeTab[i]->type == XML_ELEMENT_NODE ?
		    set->nodeTab[i]->_private : NULL;
		if (t == NULL || t->q == NULL) { /* a group, the root: all below */
			checklist_expr_read_group(e, t != NULL ? t->g : NULL);
			continue;
		}
		for (k = 0; k < e->nreads && e->reads[k] != t->q; k++)
			;
		if (k < e->nreads)
			continue;
		e->reads = checklist_xreallocarray(e->reads, e->nreads + 1,
		    sizeof *e->reads);
		e->reads[e->nreads++] = t->q;
	}
}

static void checklist_names_walk(struct checklist_names *nm,
    const struct checklist_xop *op, const struct checklist_names_path *base);

/* One more step S after PREV (which selects something): fail when the
 * step selects nothing. */
static bool
checklist_names_step(struct checklist_names *nm,
    struct checklist_names_path *p, const struct checklist_xop *s,
    xmlXPathObjectPtr *prev)
{
	char what[300];
	xmlXPathObjectPtr res;

	checklist_names_append(p, s);
	if ((res = checklist_names_from(nm, p, *prev, s)) == NULL)
		return false;
	if (checklist_names_empty(res)) {
		checklist_names_describe((*prev)->nodesetval->nodeTab[0], what,
		    sizeof what);
		if (strcmp(s->axis, "child") == 0)
			checklist_names_fail(nm, _("'%s' names nothing: %s '%s'"),
			    p->shown, what, s->test);
		else
			checklist_names_fail(nm, _("'%s' names nothing: no %s::%s "
			    "from there"), p->shown, s->axis, s->test);
		xmlXPathFreeObject(res);
		return false;
	}
	xmlXPathFreeObject(*prev);
	*prev = res;
	return true;
}

/* A location path: STEPS (N of them, first to last) from START (the
 * context node, the root, or another expression). */
static void
checklist_names_path(struct checklist_names *nm,
    const struct checklist_xop **steps, size_t n,
    const struct checklist_xop *start, const struct checklist_names_path *base)
{
	struct checklist_names_path p = { "", "" };
	xmlXPathObjectPtr cur;
	size_t i, k;

	if (start->kind == CHECKLIST_XOP_ROOT) {
		nm->local = false; /* from outside the group */
		snprintf(p.xpath, sizeof p.xpath, "/");
		snprintf(p.shown, sizeof p.shown, "/");
	} else if (start->kind == CHECKLIST_XOP_NODE && base != NULL) {
		p = *base;
	} else {
		checklist_names_walk(nm, start, base);
		nm->e->reads_any = true; /* what these steps read: not known */
		for (i = 0; i < n; i++)
			for (k = 1; k < steps[i]->nkids; k++)
				checklist_names_walk(nm, steps[i]->kids[k], NULL);
		return; /* steps after a filter: not checked */
	}
	if ((cur = checklist_names_eval(nm, &p)) == NULL)
		return;
	for (i = 0; i < n && steps[i]->element_step && !nm->failed; i++) {
		if (!checklist_names_step(nm, &p, steps[i], &cur))
			break;
		for (k = 1; k < steps[i]->nkids; k++)
			checklist_names_walk(nm, steps[i]->kids[k], &p);
	}
	/* an attribute or text() step reads the element it starts from;
	 * any other step past the elements, anything */
	if (i < n && !nm->failed)
		checklist_names_reach(nm, cur->nodesetval, steps[i]);
	if (i < n && (i + 1 < n || steps[i]->nkids > 1 ||
	    strstr(" child self attribute namespace descendant "
	    "descendant-or-self ", steps[i]->axis) == NULL))
		nm->e->reads_any = true;
	if (!nm->failed)
		checklist_names_read(nm, cur->nodesetval);
	xmlXPathFreeObject(cur);
}

static void
checklist_names_chain(struct checklist_names *nm,
    const struct checklist_xop *top, const struct checklist_names_path *base)
{
	const struct checklist_xop *steps[64], *c;
	size_t n = 0, i;

	for (c = top; c->kind == CHECKLIST_XOP_COLLECT && c->nkids > 0 &&
	    n < sizeof steps / sizeof *steps; c = c->kids[0])
		steps[n++] = c;
	if (c->kind == CHECKLIST_XOP_COLLECT) {
		checklist_names_fail(nm, _("a path of more than %zu steps"),
		    sizeof steps / sizeof *steps);
		return;
	}
	for (i = 0; i < n / 2; i++) { /* first step first */
		const struct checklist_xop *t = steps[i];

		steps[i] = steps[n - 1 - i];
		steps[n - 1 - i] = t;
	}
	checklist_names_path(nm, steps, n, c, base);
}

/* ------------------------------------------------ functions, literals */

/* How libxml2 shows a string literal in its dump (40 bytes at most,
 * blanks as spaces, bytes past ASCII as #XX, "..." when longer). */
static void
checklist_names_dumped(const char *s, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && i < 40 && len + 4 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			buf[len++] = ' ';
		else if (c >= 0x80)
			len += (size_t)snprintf(buf + len, size - len, "#%X", c);
		else
			buf[len++] = (char)c;
		buf[len] = '\0';
	}
	if (i == 40 && len + 4 < size)
		snprintf(buf + len, size - len, "...");
}

/* The literal of SOURCE that libxml2 showed as SHOWN, copied, or NULL.
 * XPath 1.0 literals are '...' or "..." with no escapes, and quotes
 * appear nowhere else: finding them is not parsing. */
static char *
checklist_names_literal(const char *source, const char *shown)
{
	const char *p = source, *end;
	char buf[200];

	while ((p = strpbrk(p, "'\"")) != NULL) {
		if ((end = strchr(p + 1, *p)) == NULL)
			return NULL;
		checklist_names_dumped(p + 1, (size_t)(end - p - 1), buf,
		    sizeof buf);
		if (strcmp(buf, shown) == 0)
			return checklist_xstrndup(p + 1, (size_t)(end - p - 1));
		p = end + 1;
	}
	return NULL;
}

/* regex(value, 'pattern'): a literal pattern must compile. */
static void
checklist_names_regex(struct checklist_names *nm,
    const struct checklist_xop *fn)
{
	static const char prefix[] = "Object is a string : ";
	const struct checklist_xop *arg;
	char *pattern;

	if (fn->nkids != 1 || (arg = fn->kids[0])->nkids != 2 ||
	    (arg = arg->kids[1])->kind != CHECKLIST_XOP_VALUE ||
	    strncmp(arg->text, prefix, sizeof prefix - 1) != 0)
		return;
	pattern = checklist_names_literal(nm->source,
	    arg->text + sizeof prefix - 1);
	if (pattern != NULL && !checklist_xpath_regex_ok(pattern))
		checklist_names_fail(nm, _("the pattern '%s' of regex() is not a "
		    "valid XML Schema regular expression"), pattern);
	free(pattern);
}

static void
checklist_names_function(struct checklist_names *nm,
    const struct checklist_xop *op)
{
	const struct checklist_xpath_func *f;
	char takes[64];

	if (strchr(op->name, ':') != NULL) {
		checklist_names_fail(nm, _("calls an unknown function '%s' "
		    "(conditions have no namespaces)"), op->name);
		return;
	}
	if ((f = checklist_xpath_func_find(op->name)) == NULL) {
		checklist_names_fail(nm, _("calls an unknown function '%s'"),
		    op->name);
		return;
	}
	if (op->nargs >= f->min_args &&
	    (f->max_args < 0 || op->nargs <= f->max_args)) {
		if (strcmp(f->name, "regex") == 0)
			checklist_names_regex(nm, op);
		return;
	}
	if (f->max_args < 0)
		snprintf(takes, sizeof takes, _("at least %d"), f->min_args);
	else if (f->max_args == f->min_args)
		snprintf(takes, sizeof takes, "%d", f->min_args);
	else
		snprintf(takes, sizeof takes, _("%d or %d"), f->min_args,
		    f->max_args);
	checklist_names_fail(nm, P_("calls %s() with %d argument; it takes %s",
	    "calls %s() with %d arguments; it takes %s", op->nargs), op->name,
	    op->nargs, takes);
}

/* ------------------------------------------------------------- walk */

/* Check OP and what it holds; BASE is the path relative paths start
 * from ("" the context node; NULL unknown: not checked). */
static void
checklist_names_walk(struct checklist_names *nm,
    const struct checklist_xop *op, const struct checklist_names_path *base)
{
	xmlXPathObjectPtr res;
	size_t i;

	if (nm->failed)
		return;
	switch (op->kind) {
	case CHECKLIST_XOP_COLLECT:
		checklist_names_chain(nm, op, base);
		return;
	case CHECKLIST_XOP_VARIABLE:
		checklist_names_fail(nm, _("uses the variable $%s: conditions have "
		    "no variables; name the question by its path (../%s)"),
		    op->name, op->name);
		return;
	case CHECKLIST_XOP_FUNCTION:
		checklist_names_function(nm, op);
		if (strcmp(op->name, "id") == 0) /* any element, by its ID */
			nm->e->reads_any = true;
		/* string() and the like, with no argument, read "." */
		if (op->nargs != 0 || strstr(" string string-length "
		    "normalize-space number ", op->name) == NULL)
			break;
		/* FALLTHROUGH */
	case CHECKLIST_XOP_NODE: /* "." alone: reads where it stands */
		if (base != NULL && (res = checklist_names_eval(nm, base)) != NULL) {
			checklist_names_read(nm, res->nodesetval);
			xmlXPathFreeObject(res);
		}
		break;
	case CHECKLIST_XOP_FILTER: /* the predicate's context: not known */
		for (i = 0; i < op->nkids; i++)
			checklist_names_walk(nm, op->kids[i], i == 0 ? base : NULL);
		return;
	default:
		break;
	}
	for (i = 0; i < op->nkids; i++)
		checklist_names_walk(nm, op->kids[i], base);
}

bool
checklist_names_check(struct checklist_names *nm, struct checklist_expr *e,
    xmlNodePtr context, char *msg, size_t size)
{
	const struct checklist_names_tag *t = context->_private;

	/* a template's question: resolved once per shape of provision */
	if (e->borrowed && t != NULL && t->q != NULL && !t->entry)
		return checklist_names_copy_check(nm, e, context, msg, size);
	return checklist_names_resolve(nm, e, context, msg, size);
}

bool
checklist_names_resolve(struct checklist_names *nm, struct checklist_expr *e,
    xmlNodePtr context, char *msg, size_t size)
{
	static const struct checklist_names_path here = { "", "" };
	const struct checklist_xop *ops = checklist_names_xops(nm, e->source);

	checklist_names_full++;
	nm->e = e;
	nm->source = e->source;
	nm->context = context;
	nm->msg = msg;
	nm->size = size;
	nm->failed = false;
	e->nreads = 0;
	e->nwhole = 0;
	e->reads_any = false;
	e->walks_lists = false;
	if (ops == NULL)
		checklist_names_fail(nm, _("\"%s\" nests deeper than sacl can check "
		    "(24 levels); write it more simply, or split it"), e->source);
	else
		checklist_names_walk(nm, ops, &here);
	return !nm->failed;
}

/*
 * checklist_cost.c: the conditions of an untrusted definition, with a
 * cost bound, in two parts.
 *
 * The shape (every load, as each expression compiles): libxml2 counts
 * the nodes a step visits against its operation limit, but not the work
 * of merging the node sets a step makes from several input nodes (each
 * node added is checked against all those already there) nor of
 * comparing two node sets (every pair): both grow with the product of
 * the sizes, which a response controls. So a condition may not
 *   - take a step on an axis other than child, attribute or self from
 *     more than one node: `//x//y`, `//x/..`, `../../entry/title/
 *     following-sibling::*` are refused; `../preceding-sibling::x`,
 *     `/descendant::x`, `ancestor::x` (from one node) are not;
 *   - compare two node sets neither of which is one node at most:
 *     `../a = ../b` is refused (a response may repeat an element), `. =
 *     ../b` and `../a = string(../b)` are not.
 * "One node": the context node, the root, or a self or parent step from
 * one node. What is left costs at most a constant times the nodes
 * visited, which the operation limit bounds.
 *
 * The measure (`sacl validate`): every evaluation stops past
 * CHECKLIST_XPATH_OPS_MAX operations (checklist_xpath.c, libxml2's own
 * operation limit); here a definition is refused one of whose conditions
 * could not stay within its bounds on the largest response the caps
 * allow.
 *
 * The worst case is built: a new response whose lists (those not inside
 * another list) are filled in turn, an entry at a time, up to
 * CHECKLIST_ENTRIES_MAX each or until the response holds
 * CHECKLIST_RESPONSE_ELEMENTS_MAX elements. That fill is made only when
 * a condition may walk the entries of a list (a step from a list's
 * element to its children, between entries, or down or across: noted
 * by checklist_names_reach) or reads what cannot be told; the other
 * conditions visit the same nodes whatever a list holds, and each list
 * then gets one entry, where the conditions inside it are evaluated.
 * Either way a condition's instances are counted as in the full fill.
 *
 * Each condition (relevant, constraint; of groups too) is evaluated once
 * at its first instance, its operations counted; it is refused when one
 * evaluation passes CHECKLIST_XPATH_OPS_MAX, or when that count times
 * the instances it is evaluated at (the entries of its lists) passes
 * CHECKLIST_XPATH_WORK_MAX, naming the question.
 *
 * Known limits: one evaluation at one instance stands for all (an
 * expression whose cost depends on the values is measured on empty
 * answers); lists inside lists keep one entry; before libxml2 2.9.11 no
 * operation is counted and nothing is refused here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

/* ------------------------------------------------------------ shape */

/* Is OP at most one node, whatever the response? HERE: is the context
 * node one node (not inside the predicate of a step that selects many:
 * the predicate is evaluated at each of them, and the check of names,
 * checklist_names.c, resolves its paths from all of them at once). */
static bool
checklist_cost_one(const struct checklist_xop *op, bool here)
{
	switch (op->kind) {
	case CHECKLIST_XOP_NODE:
		return here;
	case CHECKLIST_XOP_ROOT:
		return true;
	case CHECKLIST_XOP_COLLECT:
		return (strcmp(op->axis, "self") == 0 ||
		    strcmp(op->axis, "parent") == 0) && op->nkids > 0 &&
		    checklist_cost_one(op->kids[0], here);
	case CHECKLIST_XOP_OTHER:
		return strcmp(op->name, "SORT") == 0 && op->nkids == 1 &&
		    checklist_cost_one(op->kids[0], here);
	default:
		return false;
	}
}

/* Is OP a node set (of any size)? */
static bool
checklist_cost_nodeset(const struct checklist_xop *op)
{
	switch (op->kind) {
	case CHECKLIST_XOP_NODE:
	case CHECKLIST_XOP_ROOT:
	case CHECKLIST_XOP_COLLECT:
	case CHECKLIST_XOP_FILTER:
		return true;
	case CHECKLIST_XOP_FUNCTION:
		return strcmp(op->name, "id") == 0;
	case CHECKLIST_XOP_OTHER:
		if (strcmp(op->name, "UNION") == 0)
			return true;
		return strcmp(op->name, "SORT") == 0 && op->nkids == 1 &&
		    checklist_cost_nodeset(op->kids[0]);
	default:
		return false;
	}
}

/* OP as XPath, for a message ("/descendant::x/following::*"). */
static void
checklist_cost_render(const struct checklist_xop *op, char *buf, size_t size)
{
	size_t len;

	if (op->kind == CHECKLIST_XOP_ROOT) {
		snprintf(buf, size, "/");
	} else if (op->kind != CHECKLIST_XOP_COLLECT) {
		snprintf(buf, size, op->kind == CHECKLIST_XOP_NODE ? "." : "(...)");
	} else {
		buf[0] = '\0';
		if (op->nkids > 0 && op->kids[0]->kind != CHECKLIST_XOP_NODE)
			checklist_cost_render(op->kids[0], buf, size);
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s::%s",
		    len > 0 && buf[len - 1] != '/' ? "/" : "", op->axis,
		    op->test);
	}
}

/* The first part of OP whose cost no cap bounds, described in MSG;
 * HERE as for checklist_cost_one(). */
static bool
checklist_cost_unbounded(const struct checklist_xop *op, bool here,
    char *msg, size_t size)
{
	char path[200];
	size_t i;

	if (op->kind == CHECKLIST_XOP_COLLECT && op->nkids > 0 &&
	    strcmp(op->axis, "child") != 0 &&
	    strcmp(op->axis, "attribute") != 0 &&
	    strcmp(op->axis, "self") != 0 &&
	    !checklist_cost_one(op->kids[0], here)) {
		if (op->kids[0]->kind == CHECKLIST_XOP_NODE)
			snprintf(path, sizeof path, "%s", _("the predicate of "
			    "a step that selects many nodes"));
		else
			checklist_cost_render(op, path, sizeof path);
		snprintf(msg, size, _("the step %s::%s in %s starts from many "
		    "nodes: start a step on the %s axis from one node (., .., "
		    "/), or use child steps"), op->axis, op->test, path,
		    op->axis);
		return true;
	}
	if (op->kind == CHECKLIST_XOP_OTHER && op->nkids == 2 &&
	    (strncmp(op->name, "EQUAL ", 6) == 0 ||
	    strncmp(op->name, "CMP ", 4) == 0) &&
	    checklist_cost_nodeset(op->kids[0]) &&
	    checklist_cost_nodeset(op->kids[1]) &&
	    !checklist_cost_one(op->kids[0], here) &&
	    !checklist_cost_one(op->kids[1], here)) {
		snprintf(msg, size, _("it compares two node sets (%s), each of "
		    "which may hold many nodes: compare a node set with a value "
		    "instead (../a = string(../b))"),
		    strchr(op->name, ' ') + 1);
		return true;
	}
	for (i = 0; i < op->nkids; i++)
		if (checklist_cost_unbounded(op->kids[i], i > 0 &&
		    op->kind == CHECKLIST_XOP_COLLECT ?
		    checklist_cost_one(op, here) : here, msg, size))
			return true;
	return false;
}

checklist_status
checklist_cost_shape(const char *source, const char *name, int line,
    const char *what, struct checklist_error *err)
{
	struct checklist_xop *ops = checklist_xop_read(source);
	char msg[400];
	bool bad;

	if (ops == NULL)
		return CHECKLIST_OK; /* too deep: the names check refuses it */
	bad = checklist_cost_unbounded(ops, true, msg, sizeof msg);
	checklist_xop_free(ops);
	if (!bad)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name, line, 0,
	    _("%s: \"%s\" has a cost no cap can bound on a full response: "
	    "%s"), what, source, msg);
}

/* ------------------------------------------------------------ measure */

/* The worst case's plan: how many entries each top-level list gets
 * (by the list's index in cl->all; 0 for the other questions) when the
 * lists are filled in turn, an entry each round, up to
 * CHECKLIST_ENTRIES_MAX each or until the response would hold
 * CHECKLIST_RESPONSE_ELEMENTS_MAX elements, ELEMENTS of which are its
 * skeleton's. Caller frees. */
static size_t *
checklist_cost_plan(const struct checklist *cl, size_t elements)
{
	size_t *plan = checklist_xcalloc(cl->nall + 1, sizeof *plan);
	size_t *tops = checklist_xcalloc(cl->nall + 1, sizeof *tops);
	size_t i, n = 0, round;

	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->type == CHECKLIST_Q_REPEAT &&
		    cl->all[i]->parent == NULL)
			tops[n++] = i;
	for (round = 0; round < CHECKLIST_ENTRIES_MAX; round++)
		for (i = 0; i < n; i++) {
			if (elements >= CHECKLIST_RESPONSE_ELEMENTS_MAX)
				goto done;
			plan[tops[i]]++;
			elements += 1 + cl->all[tops[i]]->nchildren;
		}
done:
	free(tops);
	return plan;
}

/* Give each top-level list of R the entries PLAN says, MOST at most
 * (entries made as checklist_response_add_entry makes them, without
 * looking each list up again). */
static void
checklist_cost_fill(struct checklist_response *r, const size_t *plan,
    size_t most)
{
	const struct checklist *cl = r->cl;
	const struct checklist_question *q, *found;
	xmlNodePtr list, e;
	size_t i, k, n;
	bool other;

	for (i = 0; i < cl->nall; i++) {
		if (plan[i] == 0)
			continue;
		q = cl->all[i];
		list = checklist_path_resolve(r, q->path, true, &found, &other);
		for (n = 0; list != NULL && n < plan[i] && n < most; n++) {
			checklist_cost_entries++;
			e = xmlNewChild(list, NULL, (const xmlChar *)"entry",
			    NULL);
			if (e == NULL)
				checklist_fatal(_("out of memory (response)"));
			for (k = 0; k < q->nchildren; k++)
				checklist_skeleton_question(e, q->children[k]);
		}
	}
}

/* How many instances Q has in the worst case: the entries PLAN gives the
 * top-level list above it (a list inside a list keeps one entry), 1 for
 * a question in no list. */
static size_t
checklist_cost_instances(const struct checklist_question *q,
    const size_t *plan)
{
	const struct checklist_qpriv *top;

	if (q->parent == NULL)
		return 1;
	while (q->parent != NULL)
		q = q->parent;
	top = q->priv;
	return top != NULL && plan[top->index] > 0 ? plan[top->index] : 1;
}

/* Q's first instance path ("p/rep[1]/child"). Caller frees. */
static char *
checklist_cost_path(const struct checklist_question *q)
{
	char *up, *path;

	if (q->parent == NULL)
		return checklist_xstrdup(q->path);
	up = checklist_cost_path(q->parent);
	path = checklist_xasprintf("%s[1]/%s", up, q->id);
	free(up);
	return path;
}

/* Evaluate E at EL, unbounded, and judge its cost. */
static checklist_status
checklist_cost_expr(struct checklist_response *r, const char *name,
    int line, const char *what, const char *path, size_t instances,
    const struct checklist_expr *e, xmlNodePtr el,
    struct checklist_error *err)
{
	unsigned long ops;

	if (e == NULL || el == NULL)
		return CHECKLIST_OK;
	xmlXPathFreeObject(checklist_expr_eval_object(e, r->doc, el));
	ops = checklist_expr_last_ops();
	if (ops <= CHECKLIST_XPATH_OPS_MAX &&
	    (double)ops * (double)instances <= (double)CHECKLIST_XPATH_WORK_MAX)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name, line, 0,
	    P_("%s: its %s condition is too costly on a full response: %lu "
	    "operations, evaluated %zu time (the caps: %lu operations for "
	    "one evaluation, %lu in all)", "%s: its %s condition is too "
	    "costly on a full response: %lu operations, evaluated %zu times "
	    "(the caps: %lu operations for one evaluation, %lu in all)",
	    instances), path, what, ops, instances,
	    (unsigned long)CHECKLIST_XPATH_OPS_MAX,
	    (unsigned long)CHECKLIST_XPATH_WORK_MAX);
}

/* Every condition of question Q. */
static checklist_status
checklist_cost_question(struct checklist_response *r, const char *name,
    const struct checklist_question *q, const size_t *plan,
    struct checklist_error *err)
{
	const struct checklist_qpriv *p = q->priv;
	const struct checklist_question *found;
	size_t instances = checklist_cost_instances(q, plan);
	char *path;
	bool other;
	xmlNodePtr el;
	checklist_status st;

	if (p == NULL || (p->relevant == NULL && p->constraint == NULL))
		return CHECKLIST_OK;
	/* a page's question: its element kept by the response's look-ups,
	 * no path to write and walk */
	if (q->parent == NULL && (el = checklist_group_node(r, q->group)) !=
	    NULL)
		el = checklist_question_node_found(r, q->group, el, q);
	else
		el = NULL;
	if (el == NULL) {
		path = checklist_cost_path(q);
		el = checklist_path_resolve(r, path, true, &found, &other);
		free(path);
	}
	st = checklist_cost_expr(r, name, q->line, "relevant", q->path,
	    instances, p->relevant, el, err);
	if (st == CHECKLIST_OK)
		st = checklist_cost_expr(r, name, q->line, "constraint",
		    q->path, instances, p->constraint, el, err);
	return st;
}

/* The condition of group G. */
static checklist_status
checklist_cost_group(struct checklist_response *r, const char *name,
    const struct checklist_group *g, struct checklist_error *err)
{
	const struct checklist_gpriv *gp = g->priv;

	if (gp == NULL || gp->relevant == NULL)
		return CHECKLIST_OK;
	return checklist_cost_expr(r, name, g->line, "relevant", g->id, 1,
	    gp->relevant, checklist_group_node(r, g), err);
}

static bool
checklist_cost_walks(const struct checklist_expr *e)
{
	return e != NULL && (e->walks_lists || e->reads_any);
}

/* May a condition of CL walk the entries of a list (or may what it
 * reads not be told)? Only then does the worst case need its lists
 * full: the other conditions visit the same nodes whatever the entries. */
static bool
checklist_cost_lists(const struct checklist *cl)
{
	const struct checklist_qpriv *p;
	const struct checklist_gpriv *gp;
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if ((p = cl->all[i]->priv) != NULL &&
		    (checklist_cost_walks(p->relevant) ||
		    checklist_cost_walks(p->constraint)))
			return true;
	for (i = 0; i < cl->nsections; i++)
		if ((gp = cl->sections[i]->priv) != NULL &&
		    checklist_cost_walks(gp->relevant))
			return true;
	for (i = 0; i < cl->npages; i++)
		if ((gp = cl->pages[i]->priv) != NULL &&
		    checklist_cost_walks(gp->relevant))
			return true;
	return false;
}

unsigned long checklist_cost_entries;

checklist_status
checklist_cost_check(const struct checklist *cl, struct checklist_error *err)
{
	struct checklist_response *r = checklist_response_new(cl);
	const char *name = cl->source != NULL ? cl->source : cl->id;
	size_t *plan = checklist_cost_plan(cl, cl->nall + cl->npages);
	checklist_status st = CHECKLIST_OK;
	size_t i;

	/* the entries' names interned, not copied: the fill makes up to
	 * CHECKLIST_RESPONSE_ELEMENTS_MAX elements of a few names */
	if (r->doc->dict == NULL && (r->doc->dict = xmlDictCreate()) == NULL)
		checklist_fatal(_("out of memory (response)"));
	/* one entry per list, where the conditions inside are evaluated,
	 * unless a condition's cost grows with the entries */
	checklist_cost_fill(r, plan, checklist_cost_lists(cl) ?
	    CHECKLIST_ENTRIES_MAX : 1);
	/* one past the cap: an evaluation stopped there is seen to pass it */
	checklist_expr_set_op_limit(CHECKLIST_XPATH_OPS_MAX + 1);
	for (i = 0; st == CHECKLIST_OK && i < cl->nsections; i++)
		st = checklist_cost_group(r, name, cl->sections[i], err);
	for (i = 0; st == CHECKLIST_OK && i < cl->npages; i++)
		st = checklist_cost_group(r, name, cl->pages[i], err);
	for (i = 0; st == CHECKLIST_OK && i < cl->nall; i++)
		st = checklist_cost_question(r, name, cl->all[i], plan, err);
	checklist_expr_set_op_limit(CHECKLIST_XPATH_OPS_MAX);
	checklist_response_free(r);
	free(plan);
	return st;
}

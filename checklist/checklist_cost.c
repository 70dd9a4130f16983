/*
 * checklist_cost.c: the conditions of an untrusted definition, with a
 * cost bound. Every evaluation stops past CHECKLIST_XPATH_OPS_MAX
 * operations (checklist_xpath.c, libxml2's own operation limit); here
 * `sacl validate` refuses a definition one of whose conditions could not
 * stay within its bounds on the largest response the caps allow.
 *
 * The worst case is built: a new response whose lists (those not inside
 * another list) are filled in turn, an entry at a time, up to
 * CHECKLIST_ENTRIES_MAX each or until the response holds
 * CHECKLIST_RESPONSE_ELEMENTS_MAX elements. Each condition (relevant,
 * constraint; of groups too) is evaluated once at its first instance,
 * its operations counted; it is refused when one
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

/* Fill the top-level lists of R in turn, an entry each round, up to
 * the caps (entries made as checklist_response_add_entry makes them,
 * without looking each list up again). */
static void
checklist_cost_fill(struct checklist_response *r, size_t elements)
{
	const struct checklist *cl = r->cl;
	const struct checklist_question *q, *found;
	xmlNodePtr *lists = checklist_xcalloc(cl->nall + 1, sizeof *lists);
	xmlNodePtr e;
	size_t i, k, round;
	bool other;

	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->type == CHECKLIST_Q_REPEAT &&
		    cl->all[i]->parent == NULL)
			lists[i] = checklist_path_resolve(r, cl->all[i]->path,
			    true, &found, &other);
	for (round = 0; round < CHECKLIST_ENTRIES_MAX; round++)
		for (i = 0; i < cl->nall; i++) {
			if (lists[i] == NULL)
				continue;
			if (elements >= CHECKLIST_RESPONSE_ELEMENTS_MAX)
				goto done;
			q = cl->all[i];
			e = xmlNewChild(lists[i], NULL, (const xmlChar *)"entry",
			    NULL);
			if (e == NULL)
				checklist_fatal("out of memory (response)");
			for (k = 0; k < q->nchildren; k++)
				checklist_skeleton_question(e, q->children[k]);
			elements += 1 + q->nchildren;
		}
done:
	free(lists);
}

/* Q's first instance path ("p/rep[1]/child"), and how many instances it
 * has in R (the entries of the lists above it). Caller frees. */
static char *
checklist_cost_path(struct checklist_response *r,
    const struct checklist_question *q, size_t *instances)
{
	char *up, *path;
	size_t n;

	if (q->parent == NULL) {
		*instances = 1;
		return checklist_xstrdup(q->path);
	}
	up = checklist_cost_path(r, q->parent, instances);
	n = checklist_response_entries(r, up);
	*instances *= n > 0 ? n : 1;
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
	    "%s: its %s condition is too costly on a full response: %lu "
	    "operations, evaluated %zu time%s (the caps: %lu operations for "
	    "one evaluation, %lu in all)", path, what, ops, instances,
	    instances == 1 ? "" : "s", (unsigned long)CHECKLIST_XPATH_OPS_MAX,
	    (unsigned long)CHECKLIST_XPATH_WORK_MAX);
}

/* Every condition of question Q. */
static checklist_status
checklist_cost_question(struct checklist_response *r, const char *name,
    const struct checklist_question *q, struct checklist_error *err)
{
	const struct checklist_qpriv *p = q->priv;
	const struct checklist_question *found;
	size_t instances;
	char *path;
	bool other;
	xmlNodePtr el;
	checklist_status st;

	if (p == NULL || (p->relevant == NULL && p->constraint == NULL))
		return CHECKLIST_OK;
	path = checklist_cost_path(r, q, &instances);
	el = checklist_path_resolve(r, path, true, &found, &other);
	st = checklist_cost_expr(r, name, q->line, "relevant", q->path,
	    instances, p->relevant, el, err);
	if (st == CHECKLIST_OK)
		st = checklist_cost_expr(r, name, q->line, "constraint",
		    q->path, instances, p->constraint, el, err);
	free(path);
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

checklist_status
checklist_cost_check(const struct checklist *cl, struct checklist_error *err)
{
	struct checklist_response *r = checklist_response_new(cl);
	const char *name = cl->source != NULL ? cl->source : cl->id;
	checklist_status st = CHECKLIST_OK;
	size_t i;

	checklist_cost_fill(r, cl->nall + cl->npages);
	/* one past the cap: an evaluation stopped there is seen to pass it */
	checklist_expr_set_op_limit(CHECKLIST_XPATH_OPS_MAX + 1);
	for (i = 0; st == CHECKLIST_OK && i < cl->nsections; i++)
		st = checklist_cost_group(r, name, cl->sections[i], err);
	for (i = 0; st == CHECKLIST_OK && i < cl->npages; i++)
		st = checklist_cost_group(r, name, cl->pages[i], err);
	for (i = 0; st == CHECKLIST_OK && i < cl->nall; i++)
		st = checklist_cost_question(r, name, cl->all[i], err);
	checklist_expr_set_op_limit(CHECKLIST_XPATH_OPS_MAX);
	checklist_response_free(r);
	return st;
}

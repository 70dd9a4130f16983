/*
 * checklist_semantic.c: what the schema cannot check. Ids unique where
 * they become sibling elements of the response; choices and children
 * where the type needs them; defaults valid for their question;
 * conditions that compile, name only elements the response has, and do
 * not depend on each other in a cycle.
 *
 * Known limit: a name in a condition is resolved by scope (the question's
 * repeat entry, its group, the groups above, the front section), not by
 * following the exact path; a condition is checked to name existing
 * elements, and its dependencies for the cycle check are those names.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_sem {
	struct checklist *cl;
	struct checklist_error *err;
	const char *name;
};

static void checklist_sem_fail(struct checklist_sem *s, int line,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
checklist_sem_fail(struct checklist_sem *s, int line, const char *fmt, ...)
{
	char msg[sizeof s->err->message];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	checklist_error_set(s->err, CHECKLIST_ERR_SEMANTIC, s->name, line, 0,
	    "%s", msg);
}

/* ---------------------------------------------------- unique ids */

static bool
checklist_sem_seen(const char **seen, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(seen[i], id) == 0)
			return true;
	return false;
}

/* Group ids are element names and the public ids' first part: unique in
 * the whole checklist. */
static void
checklist_sem_group_ids(struct checklist_sem *s)
{
	struct checklist *cl = s->cl;
	const char **seen = checklist_xcalloc(cl->npages + cl->nsections + 1,
	    sizeof *seen);
	size_t n = 0, i;

	for (i = 0; i < cl->nsections; i++) {
		if (checklist_sem_seen(seen, n, cl->sections[i]->id))
			checklist_sem_fail(s, cl->sections[i]->line,
			    "duplicate id '%s'", cl->sections[i]->id);
		seen[n++] = cl->sections[i]->id;
	}
	for (i = 0; i < cl->npages; i++) {
		if (checklist_sem_seen(seen, n, cl->pages[i]->id))
			checklist_sem_fail(s, cl->pages[i]->line,
			    "duplicate id '%s'", cl->pages[i]->id);
		seen[n++] = cl->pages[i]->id;
	}
	free(seen);
}

static void
checklist_sem_sibling_ids(struct checklist_sem *s,
    struct checklist_question **qs, size_t nq, const char *where)
{
	size_t i, j;

	for (i = 0; i < nq; i++)
		for (j = 0; j < i; j++)
			if (strcmp(qs[i]->id, qs[j]->id) == 0)
				checklist_sem_fail(s, qs[i]->line,
				    "duplicate question id '%s' in '%s'",
				    qs[i]->id, where);
}

/* ------------------------------------------------ question shape */

static void
checklist_sem_choices(struct checklist_sem *s, struct checklist_question *q)
{
	bool choice = q->type == CHECKLIST_Q_SINGLE ||
	    q->type == CHECKLIST_Q_MULTIPLE;
	size_t i, j;

	if (choice && q->nchoices == 0)
		checklist_sem_fail(s, q->line,
		    "choice question '%s' has no choices", q->id);
	if (!choice && q->nchoices > 0)
		checklist_sem_fail(s, q->line,
		    "question '%s' of type %s cannot have choices", q->id,
		    checklist_qtype_name(q->type));
	if (!choice && q->other)
		checklist_sem_fail(s, q->line,
		    "question '%s' of type %s cannot have other=\"true\"", q->id,
		    checklist_qtype_name(q->type));
	for (i = 0; i < q->nchoices; i++) {
		if (q->other && strcmp(q->choices[i].value, CHECKLIST_OTHER) == 0)
			checklist_sem_fail(s, q->line,
			    "question '%s' has other=\"true\" and a choice '%s'",
			    q->id, CHECKLIST_OTHER);
		for (j = 0; j < i; j++)
			if (strcmp(q->choices[i].value, q->choices[j].value) == 0)
				checklist_sem_fail(s, q->line,
				    "question '%s' lists the choice '%s' twice",
				    q->id, q->choices[i].value);
	}
}

static void
checklist_sem_question(struct checklist_sem *s, struct checklist_question *q)
{
	struct checklist_error verr;

	checklist_sem_choices(s, q);
	if (q->type == CHECKLIST_Q_REPEAT && q->nchildren == 0)
		checklist_sem_fail(s, q->line,
		    "repeat question '%s' has no questions inside", q->id);
	if (q->type != CHECKLIST_Q_REPEAT && q->nchildren > 0)
		checklist_sem_fail(s, q->line,
		    "question '%s' of type %s cannot hold questions", q->id,
		    checklist_qtype_name(q->type));
	if (q->type == CHECKLIST_Q_REPEAT)
		checklist_sem_sibling_ids(s, q->children, q->nchildren, q->path);
	checklist_error_clear(&verr);
	if (q->default_value != NULL && q->type == CHECKLIST_Q_REPEAT)
		checklist_sem_fail(s, q->line,
		    "repeat question '%s' cannot have a default", q->id);
	else if (q->default_value != NULL &&
	    checklist_value_check(q, q->default_value, &verr) != CHECKLIST_OK)
		checklist_sem_fail(s, q->line, "the default of '%s' is not valid: %s",
		    q->id, verr.message);
}

/* Question ids and the ids of child provisions share the element. */
static void
checklist_sem_group(struct checklist_sem *s, struct checklist_group *g)
{
	size_t i, j;

	checklist_sem_sibling_ids(s, g->questions, g->nquestions, g->id);
	for (i = 0; i < g->nchildren; i++)
		for (j = 0; j < g->nquestions; j++)
			if (strcmp(g->children[i]->id, g->questions[j]->id) == 0)
				checklist_sem_fail(s, g->children[i]->line,
				    "id '%s' is both a question and a provision in '%s'",
				    g->children[i]->id, g->id);
}

/* ------------------------------------------------------ conditions */

static bool
checklist_sem_known_name(const struct checklist *cl, const char *name)
{
	size_t i;

	if (strcmp(name, "response") == 0 || strcmp(name, "entry") == 0)
		return true;
	for (i = 0; i < cl->nsections; i++)
		if (strcmp(cl->sections[i]->id, name) == 0)
			return true;
	for (i = 0; i < cl->npages; i++)
		if (strcmp(cl->pages[i]->id, name) == 0)
			return true;
	for (i = 0; i < cl->nall; i++)
		if (strcmp(cl->all[i]->id, name) == 0)
			return true;
	return false;
}

static struct checklist_expr *
checklist_sem_compile(struct checklist_sem *s, const char *source,
    const char *owner, int line)
{
	static const char *const core[] = {
		"last", "position", "count", "id", "local-name",
		"namespace-uri", "name", "string", "concat", "starts-with",
		"contains", "substring-before", "substring-after", "substring",
		"string-length", "normalize-space", "translate", "boolean", "not",
		"true", "false", "lang", "number", "sum", "floor", "ceiling",
		"round", "selected",
	};
	struct checklist_expr *e = NULL;
	size_t i, k;

	if (source == NULL || checklist_expr_compile(source, s->name, line, &e,
	    s->err) != CHECKLIST_OK)
		return NULL;
	for (i = 0; i < e->nnames; i++)
		if (!checklist_sem_known_name(s->cl, e->names[i]))
			checklist_sem_fail(s, line,
			    "the condition of '%s' names '%s', which is not a "
			    "question or group of this checklist", owner,
			    e->names[i]);
	for (i = 0; i < e->nfuncs; i++) {
		for (k = 0; k < sizeof core / sizeof *core; k++)
			if (strcmp(e->funcs[i], core[k]) == 0)
				break;
		if (k == sizeof core / sizeof *core)
			checklist_sem_fail(s, line,
			    "the condition of '%s' calls an unknown function '%s'",
			    owner, e->funcs[i]);
	}
	return e;
}

static void
checklist_sem_compile_question(struct checklist_sem *s,
    struct checklist_question *q)
{
	struct checklist_qpriv *p = checklist_xcalloc(1, sizeof *p);

	q->priv = p;
	p->relevant = checklist_sem_compile(s, q->relevant, q->path, q->line);
	p->constraint = checklist_sem_compile(s, q->constraint, q->path,
	    q->line);
}

static void
checklist_sem_compile_group(struct checklist_sem *s, struct checklist_group *g)
{
	struct checklist_gpriv *p = checklist_xcalloc(1, sizeof *p);

	g->priv = p;
	p->relevant = checklist_sem_compile(s, g->relevant, g->id, g->line);
}

/* ---------------------------------------------------------- cycles */

static struct checklist_question *
checklist_sem_in(struct checklist_question **qs, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(qs[i]->id, id) == 0)
			return qs[i];
	return NULL;
}

/* The question NAME most likely means (see the known limit at the top):
 * in the repeat entry REP, then in group FROM and the groups above it,
 * then in the front section; HINT is a group the same expression names. */
static struct checklist_question *
checklist_sem_resolve(const struct checklist *cl,
    const struct checklist_question *rep, const struct checklist_group *from,
    const char *name, const struct checklist_group *hint)
{
	const struct checklist_group *g;
	struct checklist_question *r = NULL;

	if (hint != NULL)
		r = checklist_sem_in(hint->questions, hint->nquestions, name);
	if (r == NULL && rep != NULL)
		r = checklist_sem_in(rep->children, rep->nchildren, name);
	for (g = from; r == NULL && g != NULL; g = g->parent)
		r = checklist_sem_in(g->questions, g->nquestions, name);
	if (r == NULL && cl->front != NULL)
		r = checklist_sem_in(cl->front->questions,
		    cl->front->nquestions, name);
	return r;
}

typedef bool checklist_sem_visitor(const struct checklist *,
    struct checklist_question *, unsigned char *);

/* Call FN for every question that expression E reads, E being written on
 * a question inside repeat REP (or NULL) of group FROM. A group's own
 * condition is resolved from the group above it: a group cannot hang on
 * its own answers. */
static bool
checklist_sem_each_dep(const struct checklist *cl,
    const struct checklist_question *rep, const struct checklist_group *from,
    const struct checklist_expr *e, checklist_sem_visitor *fn,
    unsigned char *color)
{
	const struct checklist_group *hint = NULL;
	struct checklist_question *r;
	size_t i;

	if (e == NULL)
		return true;
	for (i = 0; i < e->nnames && hint == NULL; i++)
		hint = checklist_find_group(cl, e->names[i]);
	for (i = 0; i < e->nnames; i++)
		if ((r = checklist_sem_resolve(cl, rep, from, e->names[i],
		    hint)) != NULL && !fn(cl, r, color))
			return false;
	return true;
}

static size_t
checklist_sem_index(const struct checklist *cl,
    const struct checklist_question *q)
{
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if (cl->all[i] == q)
			return i;
	return 0;
}

/* Depth-first search: 0 white, 1 on the stack, 2 done. False: a cycle. */
static bool
checklist_sem_visit(const struct checklist *cl, struct checklist_question *q,
    unsigned char *color)
{
	size_t me = checklist_sem_index(cl, q);
	const struct checklist_question *up;
	const struct checklist_group *g;
	struct checklist_gpriv *gp;

	if (color[me] == 1)
		return false;
	if (color[me] == 2)
		return true;
	color[me] = 1;
	for (up = q; up != NULL; up = up->parent)
		if (!checklist_sem_each_dep(cl, up->parent, q->group,
		    ((struct checklist_qpriv *)up->priv)->relevant,
		    checklist_sem_visit, color))
			return false;
	for (g = q->group; g != NULL; g = g->parent)
		if ((gp = g->priv) != NULL &&
		    !checklist_sem_each_dep(cl, NULL, g->parent, gp->relevant,
		    checklist_sem_visit, color))
			return false;
	color[me] = 2;
	return true;
}

static void
checklist_sem_cycles(struct checklist_sem *s)
{
	unsigned char *color = checklist_xcalloc(s->cl->nall + 1, 1);
	size_t i;

	for (i = 0; i < s->cl->nall; i++)
		if (color[i] == 0 && !checklist_sem_visit(s->cl, s->cl->all[i],
		    color)) {
			checklist_sem_fail(s, s->cl->all[i]->line,
			    "the conditions of '%s' depend on each other in a "
			    "cycle", s->cl->all[i]->path);
			break;
		}
	free(color);
}

/* -------------------------------------------------------------- all */

checklist_status
checklist_semantic_check(struct checklist *cl, struct checklist_error *err)
{
	struct checklist_sem s = { cl, err, cl->source };
	size_t i;

	checklist_sem_group_ids(&s);
	for (i = 0; i < cl->nsections; i++) {
		checklist_sem_group(&s, cl->sections[i]);
		checklist_sem_compile_group(&s, cl->sections[i]);
	}
	for (i = 0; i < cl->npages; i++) {
		checklist_sem_group(&s, cl->pages[i]);
		checklist_sem_compile_group(&s, cl->pages[i]);
	}
	for (i = 0; i < cl->nall; i++) {
		checklist_sem_question(&s, cl->all[i]);
		checklist_sem_compile_question(&s, cl->all[i]);
	}
	if (err->status == CHECKLIST_OK)
		checklist_sem_cycles(&s);
	return err->status;
}

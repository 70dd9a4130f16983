/*
 * checklist_batch.c: several values set at once, all or nothing, with
 * the constraints checked on the final state, so that the order of the
 * assignments does not matter (`sacl set A=5 B=3` and `sacl set B=3
 * A=5` mean the same).
 *
 * Which constraints to check: a constraint's result can only change
 * when a value it reads changes, so "every constraint that reads a
 * changed value and now fails" is the set of constraints that held
 * before the batch and fail after it, plus those of the questions the
 * batch stored. That is computed exactly by evaluating every constraint
 * before and after, without a dependency analysis of XPath (which can
 * read anything: "//x", "count(../../node())", "../../p5_1/y"). A constraint
 * that already failed and still fails, on a question the batch did not
 * set, does not refuse the batch: it was not made worse, and export
 * refuses until it is fixed (as when the terminal interface stored the
 * answer that broke it). Cost: one copy of the document and two
 * evaluations of each constraint in the response, a few milliseconds
 * for the 300-odd questions of chapter II.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

/* Elements: the ones whose constraint fails, the ones the batch set. */
struct checklist_nodes {
	size_t n;
	xmlNodePtr *v;
};

static void
checklist_nodes_add(struct checklist_nodes *s, xmlNodePtr el)
{
	s->v = checklist_xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = el;
}

static bool
checklist_nodes_has(const struct checklist_nodes *s, xmlNodePtr el)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == el)
			return true;
	return false;
}

/* What a walk over the constraints does with each failing one. */
struct checklist_batch_walk {
	struct checklist_response *r;
	struct checklist_nodes *failing;     /* before: collect them */
	const struct checklist_nodes *before; /* after: judge them */
	const struct checklist_nodes *set;
	struct checklist_error *err;
	size_t nfailed;
};

/* "PATH[N]" or "PATH/ID" built as the walk goes down. */
static void checklist_batch_questions(struct checklist_batch_walk *w,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    const char *prefix);

static void checklist_batch_line(struct checklist_error *err,
    const char *path, const char *message);

static void
checklist_batch_one(struct checklist_batch_walk *w,
    const struct checklist_question *q, xmlNodePtr el, const char *path)
{
	struct checklist_error e;
	xmlNodePtr c;
	size_t i = 0;
	char *sub;

	if (q->type == CHECKLIST_Q_REPEAT) {
		for (c = el->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			sub = checklist_xasprintf("%s[%zu]", path, ++i);
			checklist_batch_questions(w, q->children, q->nchildren,
			    c, sub);
			free(sub);
		}
		return;
	}
	checklist_error_clear(&e);
	if (q->constraint == NULL ||
	    checklist_path_constraint(w->r, q, el, &e) == CHECKLIST_OK)
		return;
	if (w->failing != NULL) {
		checklist_nodes_add(w->failing, el);
		return;
	}
	if (checklist_nodes_has(w->before, el) && !checklist_nodes_has(w->set,
	    el))
		return; /* already failing, and not set: not made worse */
	w->nfailed++;
	checklist_batch_line(w->err, path, e.message);
}

static void
checklist_batch_questions(struct checklist_batch_walk *w,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    const char *prefix)
{
	xmlNodePtr el;
	size_t i;
	char *path;

	for (i = 0; i < n; i++) {
		if ((el = checklist_child_named(parent, qs[i]->id)) == NULL)
			continue;
		path = checklist_xasprintf("%s/%s", prefix, qs[i]->id);
		checklist_batch_one(w, qs[i], el, path);
		free(path);
	}
}

/* Walk every constraint of the response, page by page. */
static void
checklist_batch_walk(struct checklist_batch_walk *w)
{
	const struct checklist *cl = w->r->cl;
	const struct checklist_group *g;
	size_t i;

	for (i = 0; i < cl->npages; i++) {
		g = cl->pages[i];
		checklist_batch_questions(w, g->questions, g->nquestions,
		    checklist_group_node(w->r, g), g->id);
	}
}

/* Append "PATH: MESSAGE" as a line of ERR's message (PATH escaped, the
 * message on one line), if it fits. */
static void
checklist_batch_line(struct checklist_error *err, const char *path,
    const char *message)
{
	char *p = checklist_escape(path), *line, *c;
	size_t have = strlen(err->message), len;

	line = checklist_xasprintf("%s%s: %s", have > 0 ? "\n" : "", p,
	    message);
	for (c = line + (have > 0); *c != '\0'; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	len = strlen(line);
	if (have + len < sizeof err->message)
		memcpy(err->message + have, line, len + 1);
	err->status = CHECKLIST_ERR_VALUE;
	free(line);
	free(p);
}

/* Put R's document back to SNAP (R's own is dropped). */
static void
checklist_batch_restore(struct checklist_response *r, xmlDocPtr snap)
{
	checklist_response_replace_doc(r, snap);
}

/* Store each value in turn, type-checked, constraints not yet; the
 * elements set go to SET. */
static checklist_status
checklist_batch_store(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_nodes *set, struct checklist_error *err)
{
	struct checklist_error e;
	xmlNodePtr el;
	size_t i;

	for (i = 0; i < n; i++) {
		checklist_error_clear(&e);
		if (checklist_path_set(r, paths[i], values[i], false, &el,
		    &e) != CHECKLIST_OK) {
			checklist_batch_line(err, paths[i], e.message);
			err->status = e.status;
			return e.status;
		}
		checklist_nodes_add(set, el);
	}
	return CHECKLIST_OK;
}

/* Every "other" text given is still there at the end: "other" chosen
 * (a text whose choice lacks it would be dropped, or sent unseen). */
static checklist_status
checklist_batch_others(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_error *err)
{
	const char *colon, *now;
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		colon = strrchr(paths[i], ':');
		if (colon == NULL || strcmp(colon, ":other") != 0 ||
		    values[i][0] == '\0')
			continue;
		now = checklist_response_get(r, paths[i]);
		if (now != NULL && strcmp(now, values[i]) == 0)
			continue;
		checklist_batch_line(err, paths[i], CHECKLIST_OTHER_NOT_CHOSEN);
		bad++;
	}
	return bad > 0 ? CHECKLIST_ERR_VALUE : CHECKLIST_OK;
}

checklist_status
checklist_response_set_all(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_error *err)
{
	struct checklist_nodes before = { 0 }, set = { 0 };
	struct checklist_batch_walk w = { 0 };
	struct checklist_error local;
	unsigned long changes = r->changes;
	xmlDocPtr snap = xmlCopyDoc(r->doc, 1);
	checklist_status st;

	if (snap == NULL)
		checklist_fatal(_("out of memory (response)"));
	if (err == NULL)
		err = &local;
	checklist_error_clear(err);
	w.r = r;
	w.failing = &before;
	checklist_batch_walk(&w);
	st = checklist_batch_store(r, paths, values, n, &set, err);
	if (st == CHECKLIST_OK)
		st = checklist_batch_others(r, paths, values, n, err);
	if (st == CHECKLIST_OK) {
		w.failing = NULL;
		w.before = &before;
		w.set = &set;
		w.err = err;
		checklist_batch_walk(&w);
		st = w.nfailed > 0 ? CHECKLIST_ERR_VALUE : CHECKLIST_OK;
	}
	if (st != CHECKLIST_OK) {
		checklist_batch_restore(r, snap);
		r->changes = changes;
	} else {
		xmlFreeDoc(snap);
		r->changes = changes + (n > 0);
	}
	checklist_pcache_forget(r); /* the counter went back or jumped */
	free(before.v);
	free(set.v);
	return st;
}

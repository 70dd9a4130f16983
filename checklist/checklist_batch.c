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
 * batch stored. One walk over the final state finds them: it evaluates
 * the constraints of the values stored and those the dependency index
 * (checklist_deps.c, which follows every expression: a path it cannot
 * tell counts as reading everything) says may have changed; any other
 * cannot have changed, so it is not made worse whatever it says. A
 * constraint that fails now, on a value the batch did not store, is
 * evaluated once more on the copy of the document kept from before the
 * batch: one that already failed there does not refuse the batch (it
 * was not made worse, and export refuses until it is fixed, as when the
 * terminal interface stored the answer that broke it). Without an index
 * every constraint is evaluated. Cost: one copy of the document, the
 * constraints that read a changed value once (each constraint of the
 * response was evaluated twice before), on the pages that hold them
 * only.
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

/* The walk over the constraints of the final state. */
struct checklist_batch_walk {
	struct checklist_response *r;
	xmlDocPtr snap;                    /* the document before */
	const unsigned char *affected;     /* by question index, or NULL */
	const struct checklist_nodes *set; /* the elements stored */
	struct checklist_error *err;
	size_t nfailed;
	xmlHashTablePtr old_groups; /* the groups' elements in SNAP */
};

/* "PATH[N]" or "PATH/ID" built as the walk goes down; OLD_PARENT is the
 * element of the document before matching PARENT, or NULL. */
static void checklist_batch_questions(struct checklist_batch_walk *w,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    xmlNodePtr old_parent, const char *prefix);

static void checklist_batch_line(struct checklist_error *err,
    const char *path, const char *message);

/* Did Q's constraint fail on OLD, its element before the batch? */
static bool
checklist_batch_failed_before(struct checklist_batch_walk *w,
    const struct checklist_question *q, xmlNodePtr old)
{
	struct checklist_error e;
	xmlDocPtr now = w->r->doc;
	bool failed;

	if (old == NULL)
		return false;
	checklist_error_clear(&e);
	w->r->doc = w->snap;
	failed = checklist_path_constraint(w->r, q, old, &e) != CHECKLIST_OK;
	w->r->doc = now;
	return failed;
}

/* The next element among SIBLINGS (itself included), or NULL. */
static xmlNodePtr
checklist_batch_element(xmlNodePtr siblings)
{
	while (siblings != NULL && siblings->type != XML_ELEMENT_NODE)
		siblings = siblings->next;
	return siblings;
}

static void
checklist_batch_entries(struct checklist_batch_walk *w,
    const struct checklist_question *q, xmlNodePtr el, xmlNodePtr old,
    const char *path)
{
	xmlNodePtr c, o = old != NULL ? checklist_batch_element(old->children) :
	    NULL;
	size_t i = 0;
	char *sub;

	for (c = el->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		sub = checklist_xasprintf("%s[%zu]", path, ++i);
		checklist_batch_questions(w, q->children, q->nchildren, c, o,
		    sub);
		free(sub);
		if (o != NULL)
			o = checklist_batch_element(o->next);
	}
}

static void
checklist_batch_one(struct checklist_batch_walk *w,
    const struct checklist_question *q, xmlNodePtr el, xmlNodePtr old,
    const char *path)
{
	const struct checklist_qpriv *p = q->priv;
	struct checklist_error e;
	bool stored;

	if (q->type == CHECKLIST_Q_REPEAT) {
		checklist_batch_entries(w, q, el, old, path);
		return;
	}
	if (q->constraint == NULL)
		return;
	if (w->affected != NULL && !w->affected[p->index])
		return; /* not stored, reads nothing that changed */
	stored = checklist_nodes_has(w->set, el);
	checklist_error_clear(&e);
	if (checklist_path_constraint(w->r, q, el, &e) == CHECKLIST_OK)
		return;
	if (!stored && checklist_batch_failed_before(w, q, old))
		return; /* already failing, and not set: not made worse */
	w->nfailed++;
	checklist_batch_line(w->err, path, e.message);
}

static void
checklist_batch_questions(struct checklist_batch_walk *w,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    xmlNodePtr old_parent, const char *prefix)
{
	xmlNodePtr el, old, el_at = NULL, old_at = NULL;
	size_t i;
	char *path;

	for (i = 0; i < n; i++) { /* each looked for from the last found */
		if ((el = checklist_child_named_from(parent, qs[i]->id,
		    el_at)) == NULL)
			continue;
		el_at = el;
		old = old_parent != NULL ? checklist_child_named_from(
		    old_parent, qs[i]->id, old_at) : NULL;
		old_at = old != NULL ? old : old_at;
		path = checklist_xasprintf("%s/%s", prefix, qs[i]->id);
		checklist_batch_one(w, qs[i], el, old, path);
		free(path);
	}
}

/* The element of group G in the document before, or NULL. */
static xmlNodePtr
checklist_batch_old_group(struct checklist_batch_walk *w,
    const struct checklist_group *g)
{
	if (w->old_groups == NULL) /* one walk of SNAP for every page */
		w->old_groups = checklist_group_els(xmlDocGetRootElement(
		    w->snap), w->r->cl);
	return xmlHashLookup(w->old_groups, (const xmlChar *)g->id);
}

/* The pages holding a question whose constraint may have changed (by
 * group index: caller frees), or NULL: all of them (no index). */
static unsigned char *
checklist_batch_pages(const struct checklist_batch_walk *w)
{
	const struct checklist *cl = w->r->cl;
	const struct checklist_question *q;
	unsigned char *pages;
	size_t i;

	if (w->affected == NULL)
		return NULL;
	pages = checklist_xcalloc(cl->nsections + cl->npages + 1, 1);
	for (i = 0; i < cl->nall; i++) {
		if (!w->affected[i])
			continue;
		for (q = cl->all[i]; q->parent != NULL; q = q->parent)
			;
		if (q->group == NULL || q->group->priv == NULL) {
			free(pages); /* not a page's: walk them all */
			return NULL;
		}
		pages[((const struct checklist_gpriv *)q->group->priv)->index] = 1;
	}
	return pages;
}

unsigned long checklist_batch_pages_walked;

/* Walk the constraints of the response that may have changed, page by
 * page: the pages holding none are not walked (at 50,000 questions,
 * walking all of them for one value cost 90 million instructions). */
static void
checklist_batch_walk(struct checklist_batch_walk *w)
{
	const struct checklist *cl = w->r->cl;
	const struct checklist_group *g;
	unsigned char *pages = checklist_batch_pages(w);
	size_t i;

	for (i = 0; i < cl->npages; i++) {
		g = cl->pages[i];
		if (pages != NULL && !pages[((const struct checklist_gpriv *)
		    g->priv)->index])
			continue;
		checklist_batch_pages_walked++;
		checklist_batch_questions(w, g->questions, g->nquestions,
		    checklist_group_node(w->r, g), checklist_batch_old_group(w,
		    g), g->id);
	}
	free(pages);
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
 * elements set go to SET, their questions to QS. */
static checklist_status
checklist_batch_store(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_nodes *set, const struct checklist_question **qs,
    struct checklist_error *err)
{
	struct checklist_error e;
	xmlNodePtr el;
	bool other;
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
		(void)checklist_path_resolve(r, paths[i], false, &qs[i], &other);
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

/* The questions whose constraint is to be checked when the N questions
 * QS were stored: theirs, and those that may have changed; by question
 * index (caller frees), or NULL: all. */
static unsigned char *
checklist_batch_affected(const struct checklist *cl,
    const struct checklist_question *const *qs, size_t n)
{
	unsigned char *mark = checklist_xcalloc(cl->nall + 1, 1);
	size_t i;

	if (!checklist_deps_affected(cl, qs, n, mark)) {
		free(mark);
		return NULL;
	}
	for (i = 0; i < n; i++)
		mark[((const struct checklist_qpriv *)qs[i]->priv)->index] = 1;
	return mark;
}

/* The final state's constraints against those before (SNAP). */
static checklist_status
checklist_batch_check(struct checklist_response *r, xmlDocPtr snap,
    const struct checklist_nodes *set, const struct checklist_question **qs,
    struct checklist_error *err)
{
	struct checklist_batch_walk w = { 0 };
	unsigned char *affected = checklist_batch_affected(r->cl, qs, set->n);

	w.r = r;
	w.snap = snap;
	w.affected = affected;
	w.set = set;
	w.err = err;
	checklist_batch_walk(&w);
	xmlHashFree(w.old_groups, NULL);
	checklist_xpath_forget(snap);
	free(affected);
	return w.nfailed > 0 ? CHECKLIST_ERR_VALUE : CHECKLIST_OK;
}

checklist_status
checklist_response_set_all(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_error *err)
{
	struct checklist_nodes set = { 0 };
	const struct checklist_question **qs = checklist_xcalloc(n + 1,
	    sizeof *qs);
	struct checklist_error local;
	unsigned long changes = r->changes;
	xmlDocPtr snap;
	checklist_status st;
	size_t i;

	if (err == NULL)
		err = &local;
	checklist_error_clear(err);
	for (i = 0; i < r->cl->npages; i++) /* made before, as the walk makes */
		(void)checklist_group_node(r, r->cl->pages[i]);
	if ((snap = xmlCopyDoc(r->doc, 1)) == NULL)
		checklist_fatal(_("out of memory (response)"));
	st = checklist_batch_store(r, paths, values, n, &set, qs, err);
	if (st == CHECKLIST_OK)
		st = checklist_batch_others(r, paths, values, n, err);
	if (st == CHECKLIST_OK)
		st = checklist_batch_check(r, snap, &set, qs, err);
	if (st != CHECKLIST_OK) {
		checklist_batch_restore(r, snap);
		r->changes = changes;
	} else {
		xmlFreeDoc(snap);
		r->changes = changes + (n > 0);
	}
	checklist_pcache_forget(r); /* the counter went back or jumped */
	free(set.v);
	free(qs);
	return st;
}

/*
 * checklist_progress.c: relevance in place (a question's condition, the
 * repeats and groups above it) and progress: per page, per section and
 * overall, counted on relevant questions only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

/* G's own condition (not those above it), kept in the cache C. */
static bool
checklist_group_own(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_pcache *c)
{
	struct checklist_gpriv *p = g->priv;
	bool yes;

	if (p == NULL || p->relevant == NULL)
		return true;
	if (c != NULL && c->gown[p->index] >= 0)
		return c->gown[p->index] != 0;
	yes = checklist_expr_eval(p->relevant, r->doc,
	    checklist_group_node(r, g), false);
	if (c != NULL)
		c->gown[p->index] = yes;
	return yes;
}

bool
checklist_response_group_relevant(struct checklist_response *r,
    const struct checklist_group *g)
{
	struct checklist_pcache *c = checklist_pcache_get(r);

	for (; g != NULL; g = g->parent)
		if (!checklist_group_own(r, g, c))
			return false;
	return true;
}

/* Q's condition and those of the repeats above it, not its groups'. */
static bool
checklist_node_relevant_here(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr node)
{
	struct checklist_qpriv *p;

	for (; q != NULL && node != NULL; q = q->parent) {
		if ((p = q->priv) != NULL && p->relevant != NULL &&
		    !checklist_expr_eval(p->relevant, r->doc, node, false))
			return false;
		if (q->parent != NULL && node->parent != NULL)
			node = node->parent->parent; /* entry, then repeat */
	}
	return true;
}

bool
checklist_node_relevant(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr node)
{
	return checklist_node_relevant_here(r, q, node) &&
	    checklist_response_group_relevant(r, q->group);
}

bool
checklist_response_relevant(struct checklist_response *r, const char *path)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);

	return el != NULL && checklist_node_relevant(r, q, el);
}

/* ---------------------------------------------------------- progress */

static bool
checklist_progress_answered(const struct checklist_question *q, xmlNodePtr el)
{
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (q->type == CHECKLIST_Q_REPEAT ? c->type == XML_ELEMENT_NODE :
		    (c->content != NULL && c->content[0] != '\0'))
			return true;
	return false;
}

static bool
checklist_progress_invalid(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el)
{
	struct checklist_qpriv *p = q->priv;
	xmlChar *v;
	bool bad;

	if (q->type == CHECKLIST_Q_REPEAT)
		return false;
	v = xmlNodeGetContent(el);
	bad = checklist_value_check(q, (const char *)v, NULL) != CHECKLIST_OK;
	xmlFree(v);
	if (!bad && p != NULL && p->constraint != NULL)
		bad = !checklist_expr_eval(p->constraint, r->doc, el, false);
	return bad;
}

static void checklist_progress_questions(struct checklist_response *r,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    struct checklist_progress *p);

static void
checklist_progress_one(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el,
    struct checklist_progress *p)
{
	bool answered, unspecified;
	xmlNodePtr e;

	/* its groups are relevant: the caller looked */
	if (!checklist_node_relevant_here(r, q, el))
		return;
	answered = checklist_progress_answered(q, el);
	/* "other" chosen makes its text a required answer */
	unspecified = checklist_node_other_missing(q, el);
	p->relevant++;
	p->answered += answered;
	p->required += q->required || unspecified;
	p->required_answered += q->required && answered && !unspecified;
	p->invalid += answered && checklist_progress_invalid(r, q, el);
	if (q->type != CHECKLIST_Q_REPEAT)
		return;
	for (e = el->children; e != NULL; e = e->next)
		if (e->type == XML_ELEMENT_NODE)
			checklist_progress_questions(r, q->children,
			    q->nchildren, e, p);
}

static void
checklist_progress_questions(struct checklist_response *r,
    struct checklist_question *const *qs, size_t n, xmlNodePtr parent,
    struct checklist_progress *p)
{
	xmlNodePtr c;
	size_t i;

	for (i = 0; i < n; i++)
		for (c = parent->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)c->name, qs[i]->id) == 0) {
				checklist_progress_one(r, qs[i], c, p);
				break;
			}
}

void
checklist_progress_add(struct checklist_progress *p,
    const struct checklist_progress *sub)
{
	p->relevant += sub->relevant;
	p->answered += sub->answered;
	p->required += sub->required;
	p->required_answered += sub->required_answered;
	p->invalid += sub->invalid;
}

/* The counts of page G's questions (G relevant), from the cache where
 * nothing they depend on changed (checklist_deps.c). */
static void
checklist_progress_page(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p)
{
	struct checklist_pcache *c = checklist_pcache_get(r);
	xmlNodePtr node;
	size_t i, qi, gi;

	if (c == NULL) {
		checklist_progress_questions(r, g->questions, g->nquestions,
		    checklist_group_node(r, g), p);
		return;
	}
	gi = ((const struct checklist_gpriv *)g->priv)->index;
	if (!c->pok[gi]) {
		node = checklist_group_node(r, g);
		memset(&c->pc[gi], 0, sizeof c->pc[gi]);
		for (i = 0; i < g->nquestions; i++) {
			qi = ((const struct checklist_qpriv *)
			    g->questions[i]->priv)->index;
			if (!c->qok[qi]) {
				memset(&c->qc[qi], 0, sizeof c->qc[qi]);
				checklist_progress_questions(r, &g->questions[i],
				    1, node, &c->qc[qi]);
				c->qok[qi] = 1;
			}
			checklist_progress_add(&c->pc[gi], &c->qc[qi]);
		}
		c->pok[gi] = 1;
	}
	*p = c->pc[gi];
}

static void checklist_progress_tree(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p);

void
checklist_progress_group(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p)
{
	size_t i;

	memset(p, 0, sizeof *p);
	if (g->kind == CHECKLIST_G_SECTION) {
		struct checklist_progress sub;

		/* its pages: the provisions below it (pages are every group
		 * but the sections); not a scan of every page */
		for (i = 0; i < g->nchildren; i++) {
			checklist_progress_tree(r, g->children[i], &sub);
			checklist_progress_add(p, &sub);
		}
		return;
	}
	if (!checklist_response_group_relevant(r, g))
		return;
	checklist_progress_page(r, g, p);
}

/* G and the groups below it (all pages), added up. */
static void
checklist_progress_tree(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p)
{
	struct checklist_progress sub;
	size_t i;

	checklist_progress_group(r, g, p);
	for (i = 0; i < g->nchildren; i++) {
		checklist_progress_tree(r, g->children[i], &sub);
		checklist_progress_add(p, &sub);
	}
}

/* Pages whose share of the whole was counted (tests: a change counts
 * again the pages it may have changed, not every page). */
unsigned long checklist_progress_shares;

/* Page G's share of the whole response's counts: its own, if it is in
 * the response's scope (a contribution counts its scope only). */
static void
checklist_progress_share(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p)
{
	checklist_progress_shares++;
	memset(p, 0, sizeof *p);
	if (checklist_scope_has(r, g))
		checklist_progress_group(r, g, p);
}

static void
checklist_progress_sub(struct checklist_progress *p,
    const struct checklist_progress *sub)
{
	p->relevant -= sub->relevant;
	p->answered -= sub->answered;
	p->required -= sub->required;
	p->required_answered -= sub->required_answered;
	p->invalid -= sub->invalid;
}

/* Count again, in C's total, the shares of the pages of G and below. */
static void
checklist_progress_recount(struct checklist_response *r,
    struct checklist_pcache *c, const struct checklist_group *g)
{
	size_t gi = ((const struct checklist_gpriv *)g->priv)->index, i;

	if (g->kind != CHECKLIST_G_SECTION) {
		checklist_progress_sub(&c->total, &c->share[gi]);
		checklist_progress_share(r, g, &c->share[gi]);
		checklist_progress_add(&c->total, &c->share[gi]);
	}
	for (i = 0; i < g->nchildren; i++)
		checklist_progress_recount(r, c, g->children[i]);
}

/* The whole in C: every page's share counted, or, once it is, those of
 * the pages a change since may have changed (checklist_deps_touch). */
static void
checklist_progress_total(struct checklist_response *r,
    struct checklist_pcache *c)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	const struct checklist_group *g;
	size_t i, gi;

	for (i = 0; c->total_ok && i < c->nstale; i++)
		checklist_progress_recount(r, c, d->groups[c->stale_list[i]]);
	for (i = 0; i < c->nstale; i++)
		c->stale[c->stale_list[i]] = 0;
	c->nstale = 0;
	if (c->total_ok)
		return;
	memset(&c->total, 0, sizeof c->total);
	for (i = 0; i < r->cl->npages; i++) {
		g = r->cl->pages[i];
		gi = ((const struct checklist_gpriv *)g->priv)->index;
		checklist_progress_share(r, g, &c->share[gi]);
		checklist_progress_add(&c->total, &c->share[gi]);
	}
	c->total_ok = true;
}

void
checklist_progress_all(struct checklist_response *r,
    struct checklist_progress *p)
{
	struct checklist_pcache *c = checklist_pcache_get(r);
	struct checklist_progress sub;
	size_t i;

	if (c != NULL) {
		checklist_progress_total(r, c);
		*p = c->total;
		return;
	}
	memset(p, 0, sizeof *p);
	for (i = 0; i < r->cl->npages; i++) {
		checklist_progress_share(r, r->cl->pages[i], &sub);
		checklist_progress_add(p, &sub);
	}
}

/* ------------------------------------------------------------- states */

/*
 * The one rule for the marks (checklist.h, enum checklist_state). A page
 * is judged on its counts: nothing relevant, nothing answered, an answer
 * not valid, a required answer missing, else complete (optional answers
 * may stay empty).
 */
static enum checklist_state
checklist_state_counts(const struct checklist_progress *p)
{
	if (p->relevant == 0)
		return CHECKLIST_STATE_NOT_RELEVANT;
	if (p->answered == 0)
		return CHECKLIST_STATE_NOT_STARTED;
	if (p->invalid > 0)
		return CHECKLIST_STATE_INVALID;
	if (p->required_answered < p->required)
		return CHECKLIST_STATE_PARTIAL;
	return CHECKLIST_STATE_COMPLETE;
}

/* The state of page G, its own questions only. */
static enum checklist_state
checklist_state_page(struct checklist_response *r,
    const struct checklist_group *g)
{
	struct checklist_progress p;

	if (!checklist_response_group_relevant(r, g))
		return CHECKLIST_STATE_NOT_RELEVANT;
	checklist_progress_group(r, g, &p);
	return checklist_state_counts(&p);
}

/*
 * A group without questions of its own (an article) summarises the pages
 * below it: the pages not relevant left out, any page with an answer not
 * valid makes it INVALID, all untouched NOT_STARTED, all complete
 * COMPLETE, else PARTIAL. An untouched page never makes it INVALID.
 */
static enum checklist_state
checklist_state_summary(struct checklist_response *r,
    const struct checklist_group *g)
{
	bool any = false, all_untouched = true, all_complete = true;
	enum checklist_state s = CHECKLIST_STATE_NOT_RELEVANT;
	size_t i;

	const struct checklist_group **stack, *d;
	size_t n = 0, max = 16;

	/* the pages within G: G unless a section, and every group below
	 * (a walk of G's tree, not a scan of every page) */
	stack = checklist_xcalloc(max, sizeof *stack);
	stack[n++] = g;
	while (n > 0) {
		d = stack[--n];
		for (i = d->nchildren; i > 0; i--) {
			if (n == max)
				stack = checklist_xreallocarray(stack, max *= 2,
				    sizeof *stack);
			stack[n++] = d->children[i - 1];
		}
		if (d->kind == CHECKLIST_G_SECTION)
			continue;
		s = checklist_state_page(r, d);
		if (s == CHECKLIST_STATE_NOT_RELEVANT)
			continue;
		if (s == CHECKLIST_STATE_INVALID)
			break;
		any = true;
		all_untouched &= s == CHECKLIST_STATE_NOT_STARTED;
		all_complete &= s == CHECKLIST_STATE_COMPLETE;
	}
	free(stack);
	if (s == CHECKLIST_STATE_INVALID)
		return CHECKLIST_STATE_INVALID;
	if (!any)
		return CHECKLIST_STATE_NOT_RELEVANT;
	return all_untouched ? CHECKLIST_STATE_NOT_STARTED : all_complete ?
	    CHECKLIST_STATE_COMPLETE : CHECKLIST_STATE_PARTIAL;
}

enum checklist_state
checklist_state_group(struct checklist_response *r,
    const struct checklist_group *g)
{
	if (g->kind == CHECKLIST_G_SECTION || g->nquestions == 0)
		return checklist_state_summary(r, g);
	return checklist_state_page(r, g);
}

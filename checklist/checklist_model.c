/*
 * checklist_model.c: the model's small services: multilingual texts,
 * look-ups by id and path (through indexes built once at load), names of enumerations, and freeing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

void
checklist_text_take(struct checklist_text *t, const char *lang, char *str)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->lang[i], lang) == 0) {
			free(t->str[i]);
			t->str[i] = str;
			return;
		}
	t->lang = checklist_xreallocarray(t->lang, t->n + 1, sizeof *t->lang);
	t->str = checklist_xreallocarray(t->str, t->n + 1, sizeof *t->str);
	t->lang[t->n] = checklist_xstrdup(lang);
	t->str[t->n] = str;
	t->n++;
}

void
checklist_text_add(struct checklist_text *t, const char *lang,
    const char *str)
{
	checklist_text_take(t, lang, checklist_xstrdup(str));
}

static void
checklist_text_copy(struct checklist_text *dst, const struct checklist_text *src)
{
	size_t i;

	memset(dst, 0, sizeof *dst);
	for (i = 0; i < src->n; i++)
		checklist_text_add(dst, src->lang[i], src->str[i]);
}

void
checklist_text_free(struct checklist_text *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->lang[i]);
		free(t->str[i]);
	}
	free(t->lang);
	free(t->str);
	memset(t, 0, sizeof *t);
}

const char *
checklist_text_get(const struct checklist_text *t, const char *lang,
    const char *deflang)
{
	const char *want[2] = { lang, deflang };
	size_t i, k;

	for (k = 0; k < 2; k++) {
		if (want[k] == NULL)
			continue;
		for (i = 0; i < t->n; i++)
			if (strcmp(t->lang[i], want[k]) == 0)
				return t->str[i];
	}
	return t->n > 0 ? t->str[0] : "";
}

/* A deep copy of Q (a template's question applied to a provision);
 * paths, owners and compiled conditions are set later. */
struct checklist_question *
checklist_question_clone(const struct checklist_question *q)
{
	struct checklist_question *c = checklist_xcalloc(1, sizeof *c);
	size_t i;

	*c = *q;
	c->id = checklist_xstrdup(q->id);
	c->path = NULL;
	c->relevant = q->relevant ? checklist_xstrdup(q->relevant) : NULL;
	c->constraint = q->constraint ? checklist_xstrdup(q->constraint) : NULL;
	c->default_value = q->default_value ?
	    checklist_xstrdup(q->default_value) : NULL;
	c->role = q->role ? checklist_xstrdup(q->role) : NULL;
	checklist_limits_copy(&c->limits, &q->limits);
	checklist_text_copy(&c->label, &q->label);
	checklist_text_copy(&c->hint, &q->hint);
	checklist_text_copy(&c->constraint_msg, &q->constraint_msg);
	c->choices = checklist_xcalloc(q->nchoices, sizeof *c->choices);
	for (i = 0; i < q->nchoices; i++) {
		c->choices[i].value = checklist_xstrdup(q->choices[i].value);
		checklist_text_copy(&c->choices[i].label, &q->choices[i].label);
	}
	c->children = checklist_xcalloc(q->nchildren, sizeof *c->children);
	for (i = 0; i < q->nchildren; i++) {
		c->children[i] = checklist_question_clone(q->children[i]);
		c->children[i]->parent = c;
	}
	c->priv = NULL;
	c->shared = NULL;
	return c;
}

/* A question of a provision borrowing from PROTO, a template's question
 * (struct checklist_question, SHARED): a struct of its own, and child
 * questions of its own borrowing from PROTO's children. */
struct checklist_question *
checklist_question_share(struct checklist_question *proto)
{
	struct checklist_question *c = checklist_xmalloc(sizeof *c);
	size_t i;

	*c = *proto;
	c->shared = proto;
	c->path = NULL;
	c->group = NULL;
	c->parent = NULL;
	c->priv = NULL;
	c->children = proto->nchildren > 0 ? checklist_xcalloc(
	    proto->nchildren, sizeof *c->children) : NULL;
	for (i = 0; i < proto->nchildren; i++) {
		c->children[i] = checklist_question_share(proto->children[i]);
		c->children[i]->parent = c;
	}
	return c;
}

static void
checklist_qpriv_free(struct checklist_qpriv *p)
{
	if (p == NULL)
		return;
	checklist_expr_free(p->relevant);
	checklist_expr_free(p->constraint);
	free(p);
}

/* A question borrowing from a template's: what is its own only. */
static void
checklist_question_free_shared(struct checklist_question *q)
{
	size_t i;

	for (i = 0; i < q->nchildren; i++)
		checklist_question_free(q->children[i]);
	free(q->children);
	checklist_qpriv_free(q->priv);
	free(q->path);
	free(q);
}

void
checklist_question_free(struct checklist_question *q)
{
	size_t i;

	if (q == NULL)
		return;
	if (q->shared != NULL) {
		checklist_question_free_shared(q);
		return;
	}
	for (i = 0; i < q->nchildren; i++)
		checklist_question_free(q->children[i]);
	free(q->children);
	for (i = 0; i < q->nchoices; i++) {
		free(q->choices[i].value);
		checklist_text_free(&q->choices[i].label);
	}
	free(q->choices);
	checklist_text_free(&q->label);
	checklist_text_free(&q->hint);
	checklist_text_free(&q->constraint_msg);
	checklist_qpriv_free(q->priv);
	free(q->id);
	free(q->path);
	free(q->relevant);
	free(q->constraint);
	free(q->default_value);
	free(q->role);
	checklist_limits_free(&q->limits);
	free(q);
}

static void
checklist_group_free(struct checklist_group *g)
{
	struct checklist_gpriv *p;
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nquestions; i++)
		checklist_question_free(g->questions[i]);
	for (i = 0; i < g->nchildren; i++)
		checklist_group_free(g->children[i]);
	free(g->questions);
	free(g->children);
	checklist_text_free(&g->title);
	checklist_text_free(&g->help);
	if ((p = g->priv) != NULL) {
		checklist_expr_free(p->relevant);
		free(p);
	}
	free(g->id);
	free(g->number);
	free(g->theme);
	free(g->relevant);
	free(g);
}

void
checklist_free(struct checklist *cl)
{
	size_t i;

	if (cl == NULL)
		return;
	checklist_group_free(cl->front);
	for (i = 0; i < cl->nsections; i++)
		checklist_group_free(cl->sections[i]);
	checklist_index_free(cl); /* after the questions borrowing from it */
	free(cl->sections);
	free(cl->pages);
	free(cl->all);
	for (i = 0; i < cl->nlanguages; i++)
		free(cl->languages[i]);
	free(cl->languages);
	checklist_text_free(&cl->title);
	checklist_text_free(&cl->description);
	free(cl->id);
	free(cl->version);
	free(cl->default_lang);
	free(cl->source);
	free(cl->warnings);
	free(cl);
}


/* ------------------------------------------------------------ indexes */

/* The look-up indexes (cl->priv), built once at load: question paths
 * and group ids, each entry the first in reading order with its key. */
struct checklist_index {
	xmlHashTablePtr questions; /* path -> struct checklist_question */
	xmlHashTablePtr groups;    /* id -> struct checklist_group */
	/* the templates' questions that provisions borrow from (SHARED),
	 * owned here, freed last */
	size_t nshared;
	struct checklist_question **shared;
	struct checklist_deps *deps; /* who reads what (checklist_deps.c) */
};

static struct checklist_index *
checklist_index_get(struct checklist *cl)
{
	if (cl->priv == NULL)
		cl->priv = checklist_xcalloc(1, sizeof(struct checklist_index));
	return cl->priv;
}

const struct checklist_deps *
checklist_index_deps(const struct checklist *cl)
{
	const struct checklist_index *ix = cl->priv;

	return ix != NULL ? ix->deps : NULL;
}

void
checklist_index_set_deps(struct checklist *cl, struct checklist_deps *d)
{
	struct checklist_index *ix = checklist_index_get(cl);

	checklist_deps_free(ix->deps);
	ix->deps = d;
}

void
checklist_shared_add(struct checklist *cl, struct checklist_question *proto)
{
	struct checklist_index *ix = checklist_index_get(cl);

	ix->shared = checklist_xreallocarray(ix->shared, ix->nshared + 1,
	    sizeof *ix->shared);
	ix->shared[ix->nshared++] = proto;
}

/* Add KEY -> V unless KEY is there already (the first one stays). */
static void
checklist_index_add(xmlHashTablePtr h, const char *key, void *v)
{
	if (xmlHashAddEntry(h, (const xmlChar *)key, v) != 0 &&
	    xmlHashLookup(h, (const xmlChar *)key) == NULL)
		checklist_fatal(_("out of memory (index)"));
}

void
checklist_index_build(struct checklist *cl)
{
	struct checklist_index *ix = checklist_index_get(cl);
	size_t i;

	xmlHashFree(ix->questions, NULL);
	xmlHashFree(ix->groups, NULL);
	ix->questions = xmlHashCreate((int)(cl->nall + 16));
	ix->groups = xmlHashCreate((int)(cl->npages + cl->nsections + 16));
	if (ix->questions == NULL || ix->groups == NULL)
		checklist_fatal(_("out of memory (index)"));
	if (cl->front != NULL)
		checklist_index_add(ix->groups, cl->front->id, cl->front);
	for (i = 0; i < cl->nsections; i++)
		checklist_index_add(ix->groups, cl->sections[i]->id,
		    cl->sections[i]);
	for (i = 0; i < cl->npages; i++)
		checklist_index_add(ix->groups, cl->pages[i]->id, cl->pages[i]);
	for (i = 0; i < cl->nall; i++)
		checklist_index_add(ix->questions, cl->all[i]->path, cl->all[i]);
}

void
checklist_index_free(struct checklist *cl)
{
	struct checklist_index *ix = cl->priv;
	size_t i;

	if (ix == NULL)
		return;
	xmlHashFree(ix->questions, NULL);
	xmlHashFree(ix->groups, NULL);
	checklist_deps_free(ix->deps);
	for (i = 0; i < ix->nshared; i++)
		checklist_question_free(ix->shared[i]);
	free(ix->shared);
	free(ix);
	cl->priv = NULL;
}

/* Linear look-ups: for a checklist not built by the loader (no index). */
static struct checklist_question *
checklist_find_question_scan(const struct checklist *cl, const char *path)
{
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if (strcmp(cl->all[i]->path, path) == 0)
			return cl->all[i];
	return NULL;
}

static struct checklist_group *
checklist_find_group_scan(const struct checklist *cl, const char *id)
{
	size_t i;

	for (i = 0; i < cl->nsections; i++)
		if (strcmp(cl->sections[i]->id, id) == 0)
			return cl->sections[i];
	for (i = 0; i < cl->npages; i++)
		if (strcmp(cl->pages[i]->id, id) == 0)
			return cl->pages[i];
	return NULL;
}

struct checklist_question *
checklist_find_question(const struct checklist *cl, const char *path)
{
	const struct checklist_index *ix = cl->priv;

	if (ix == NULL || ix->questions == NULL)
		return checklist_find_question_scan(cl, path);
	return xmlHashLookup(ix->questions, (const xmlChar *)path);
}

struct checklist_group *
checklist_find_group(const struct checklist *cl, const char *id)
{
	const struct checklist_index *ix = cl->priv;

	if (ix == NULL || ix->groups == NULL)
		return checklist_find_group_scan(cl, id);
	return xmlHashLookup(ix->groups, (const xmlChar *)id);
}

size_t
checklist_count_provisions(const struct checklist *cl)
{
	size_t i, n = 0;

	for (i = 0; i < cl->npages; i++)
		if (cl->pages[i]->kind == CHECKLIST_G_PROVISION)
			n++;
	return n;
}

static const char *const checklist_qtype_names[] = {
	"boolean", "single", "multiple", "text", "longtext", "integer",
	"decimal", "date", "file", "repeat",
};

const char *
checklist_qtype_name(enum checklist_qtype t)
{
	return checklist_qtype_names[t];
}

int
checklist_qtype_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof checklist_qtype_names / sizeof *checklist_qtype_names; i++)
		if (strcmp(s, checklist_qtype_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
checklist_level_name(enum checklist_level l)
{
	static const char *const names[] = {
		"none", "mandatory", "consider", "optional",
	};
	return names[l];
}

const char *
checklist_state_name(enum checklist_state s)
{
	static const char *const names[] = {
		N_("not started (no answer yet)"),
		N_("started, a required answer missing"),
		N_("an answer not valid (it breaks a rule of its question)"),
		N_("complete (all required answers given; optional may be "
		    "empty)"),
		N_("not relevant (nothing is asked here now)"),
	};
	return _(names[s]);
}

/*
 * checklist_build_tpl.c: templates, while the model is built. A
 * <template> is indexed under its id and its questions read
 * (checklist_template.c); a provision that names it gets, for its level,
 * each template question's variant for that level or its default, in the
 * place of the question's first appearance, then loses what it omits.
 * A template question is built once and shared by every provision that
 * asks it (checklist_question_share); what a template gives a level is
 * worked out once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_build.h"

/* A template question that could not be built (its error is set). */
static char checklist_build_failed;

/* Has the template of provision P (its element) a question ID, for any
 * level? */
static bool
checklist_build_template_has(struct checklist_builder *b, xmlNodePtr p,
    const char *id)
{
	char *name = checklist_xml_attr(p, "template");
	const struct checklist_build_tpl *t = checklist_build_named(
	    b->templates, name);

	free(name);
	return t != NULL && checklist_template_has(b->tpl_questions, t->t, id);
}

/* The question written at template element N, built once and shared
 * by every provision asking it (NULL when it could not be built). */
static struct checklist_question *
checklist_build_proto(struct checklist_builder *b, xmlNodePtr n)
{
	struct checklist_question *q;
	char key[32];
	void *had;

	snprintf(key, sizeof key, "%p", (void *)n);
	checklist_build_probes++;
	had = xmlHashLookup(b->protos, (const xmlChar *)key);
	if (had != NULL)
		return had != &checklist_build_failed ? had : NULL;
	q = checklist_build_question(b, n);
	if (xmlHashAddEntry(b->protos, (const xmlChar *)key,
	    q != NULL ? (void *)q : &checklist_build_failed) != 0)
		checklist_fatal(_("out of memory (index)"));
	if (q != NULL)
		checklist_shared_add(b->cl, q);
	return q;
}

/* What template T gives a provision of level L: for each id, in the
 * place of its first question in T, the variant for L or the default
 * (built once per template question). Worked out once per T and L. */
static const struct checklist_build_pick *
checklist_build_pick(struct checklist_builder *b, struct checklist_build_tpl *t,
    enum checklist_level l)
{
	struct checklist_build_pick *p;
	struct checklist_question *q;
	xmlNodePtr c, v;
	char *id;

	if (t->picks[l] != NULL)
		return t->picks[l];
	p = t->picks[l] = checklist_xcalloc(1, sizeof *p);
	each_child(c, t->t) {
		id = checklist_xml_attr(c, "id");
		v = id == NULL || checklist_template_seen(b->tpl_questions, t->t,
		    c, id) ? NULL : checklist_template_variant(b->tpl_questions,
		    t->t, id, l);
		free(id);
		if (v == NULL || (q = checklist_build_proto(b, v)) == NULL)
			continue;
		p->q = checklist_xreallocarray(p->q, p->n + 1, sizeof *p->q);
		p->q[p->n++] = q;
	}
	return p;
}

/* Template T's questions for G, at its level, borrowing from the
 * template's. */
static void
checklist_build_template_questions(struct checklist_builder *b,
    struct checklist_group *g, xmlHashTablePtr ids,
    struct checklist_build_tpl *t)
{
	const struct checklist_build_pick *p = checklist_build_pick(b, t,
	    g->level);
	struct checklist_question *q;
	size_t i;

	for (i = 0; i < p->n; i++) {
		q = checklist_question_share(p->q[i]);
		q->group = g;
		checklist_build_add_question(g, ids, q);
	}
}

void
checklist_build_template(struct checklist_builder *b,
    struct checklist_group *g, xmlHashTablePtr ids, xmlNodePtr n)
{
	char *name = checklist_xml_attr(n, "template");
	struct checklist_build_tpl *t;

	if (name == NULL)
		return;
	t = checklist_build_named(b->templates, name);
	if (t == NULL)
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    checklist_build_line(n), 0,
		    _("provision '%s' uses an unknown template '%s'"), g->id, name);
	free(name);
	if (t != NULL)
		checklist_build_template_questions(b, g, ids, t);
}

void
checklist_build_omit(struct checklist_builder *b, struct checklist_group *g,
    xmlHashTablePtr ids, xmlNodePtr n)
{
	char *id = checklist_xml_attr(n, "question");
	ssize_t at = checklist_build_find(ids, id);

	if (at < 0 && checklist_build_template_has(b, n->parent, id)) {
		/* a variant for other levels only: nothing to take out */
	} else if (at < 0) {
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    checklist_build_line(n), 0,
		    _("provision '%s' omits '%s', which its template does not have"),
		    g->id, id);
	} else {
		checklist_question_free(g->questions[at]);
		g->questions[at] = NULL;
		xmlHashRemoveEntry(ids, (const xmlChar *)id, NULL);
	}
	free(id);
}

static xmlNodePtr
checklist_build_tpl_node(void *v)
{
	return ((struct checklist_build_tpl *)v)->t;
}

void
checklist_build_tpl_free(void *v, const xmlChar *id)
{
	struct checklist_build_tpl *t = v;
	size_t l;

	(void)id;
	for (l = 0; l < sizeof t->picks / sizeof t->picks[0]; l++)
		if (t->picks[l] != NULL) {
			free(t->picks[l]->q);
			free(t->picks[l]);
		}
	free(t);
}

/* Template C: indexed under its id (the duplicate reported first), then
 * its questions indexed and checked. */
void
checklist_build_template_def(struct checklist_builder *b, xmlNodePtr c)
{
	struct checklist_build_tpl *t = checklist_xcalloc(1, sizeof *t);
	bool added = checklist_build_collect(b, b->templates, c, t,
	    checklist_build_tpl_node);

	t->t = c;
	checklist_template_read(b->tpl_questions, c, b->name, b->err);
	if (!added)
		checklist_build_tpl_free(t, NULL);
}

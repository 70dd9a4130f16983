/*
 * checklist_build.c: from a schema-valid definition document to the
 * model. The schema has already checked the shape; this file builds the
 * root, groups, questions and texts and resolves the choice lists;
 * templates and their omissions are applied by checklist_build_tpl.c,
 * and paths, pages and the list of all questions are laid out by
 * checklist_layout.c. Conditions, duplicates and defaults are checked
 * afterwards (checklist_semantic.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_build.h"

int
checklist_build_line(xmlNodePtr n)
{
	return (int)xmlGetLineNo(n);
}

void
checklist_build_text(struct checklist_builder *b, struct checklist_text *t,
    xmlNodePtr n)
{
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang",
	    (const xmlChar *)CHECKLIST_XML_NS);
	char *s = checklist_xml_text(n);
	size_t i;

	for (i = 0; lang != NULL && i < b->cl->nlanguages; i++)
		if (strcmp(b->cl->languages[i], (const char *)lang) == 0)
			break;
	if (lang != NULL && i == b->cl->nlanguages)
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    checklist_build_line(n), 0,
		    _("language '%s' is not in the checklist's languages"),
		    (const char *)lang);
	checklist_text_take(t, lang ? (const char *)lang : b->cl->default_lang,
	    s);
	xmlFree(lang);
}

static bool
checklist_build_bool(xmlNodePtr n, const char *attr)
{
	char *v = checklist_xml_attr(n, attr);
	bool yes = v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);

	free(v);
	return yes;
}

/* An empty index (freed with xmlHashFree). Small at first: there is
 * one per group; libxml2 grows it as it fills. */
xmlHashTablePtr
checklist_build_hash(void)
{
	xmlHashTablePtr h = xmlHashCreate(16);

	if (h == NULL)
		checklist_fatal(_("out of memory (index)"));
	return h;
}

unsigned long checklist_build_probes;

/* The template or choice list named ID in H, or NULL. */
void *
checklist_build_named(xmlHashTablePtr h, const char *id)
{
	checklist_build_probes++;
	return id != NULL ? xmlHashLookup(h, (const xmlChar *)id) : NULL;
}

static void
checklist_build_choice(struct checklist_builder *b,
    struct checklist_question *q, xmlNodePtr n)
{
	struct checklist_choice *c;
	xmlNodePtr t;

	q->choices = checklist_xreallocarray(q->choices, q->nchoices + 1,
	    sizeof *q->choices);
	c = &q->choices[q->nchoices++];
	memset(c, 0, sizeof *c);
	c->value = checklist_xml_attr(n, "value");
	each_child(t, n)
		if (checklist_xml_is(t, "label"))
			checklist_build_text(b, &c->label, t);
}

static checklist_status
checklist_build_choice_list(struct checklist_builder *b,
    struct checklist_question *q, xmlNodePtr n)
{
	char *ref = checklist_xml_attr(n, "choices");
	xmlNodePtr list, c;

	if (ref == NULL)
		return CHECKLIST_OK;
	each_child(c, n)
		if (checklist_xml_is(c, "choice")) {
			checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
			    checklist_build_line(c), 0, _("question '%s' has both "
			    "choices=\"%s\" and choices of its own"), q->id, ref);
			free(ref);
			return CHECKLIST_ERR_SEMANTIC;
		}
	list = checklist_build_named(b->choices, ref);
	if (list == NULL) {
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    checklist_build_line(n), 0,
		    _("question '%s' names an unknown choice list '%s'"), q->id, ref);
		free(ref);
		return CHECKLIST_ERR_SEMANTIC;
	}
	free(ref);
	each_child(c, list)
		checklist_build_choice(b, q, c);
	return CHECKLIST_OK;
}

/* The line of the <template> that N is written in, or 0: messages about
 * its questions name the template, not a provision that uses it. */
static int
checklist_build_template_line(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (checklist_xml_is(n, "template"))
			return checklist_build_line(n);
	return 0;
}

static void
checklist_build_question_child(struct checklist_builder *b,
    struct checklist_question *q, xmlNodePtr c)
{
	struct checklist_question *child;

	if (checklist_xml_is(c, "label"))
		checklist_build_text(b, &q->label, c);
	else if (checklist_xml_is(c, "hint"))
		checklist_build_text(b, &q->hint, c);
	else if (checklist_xml_is(c, "message"))
		checklist_build_text(b, &q->constraint_msg, c);
	else if (checklist_xml_is(c, "choice"))
		checklist_build_choice(b, q, c);
	else if (checklist_xml_is(c, "question") &&
	    (child = checklist_build_question(b, c)) != NULL) {
		q->children = checklist_xreallocarray(q->children,
		    q->nchildren + 1, sizeof *q->children);
		q->children[q->nchildren++] = child;
		child->parent = q;
	}
}

/* A length (schema-checked: a positive integer) or 0 when absent. */
static size_t
checklist_build_size(xmlNodePtr n, const char *attr)
{
	char *v = checklist_xml_attr(n, attr);
	size_t len = v != NULL ? (size_t)strtoul(v, NULL, 10) : 0;

	free(v);
	return len;
}

/* The shorthand rules (checked against the type, and the pattern
 * compiled, in checklist_shorthand.c). */
static void
checklist_build_limits(struct checklist_question *q, xmlNodePtr n)
{
	q->limits.min = checklist_xml_attr(n, "min");
	q->limits.max = checklist_xml_attr(n, "max");
	q->limits.min_length = checklist_build_size(n, "min-length");
	q->limits.max_length = checklist_build_size(n, "max-length");
	q->limits.pattern = checklist_xml_attr(n, "pattern");
}

struct checklist_question *
checklist_build_question(struct checklist_builder *b, xmlNodePtr n)
{
	struct checklist_question *q = checklist_xcalloc(1, sizeof *q);
	char *type = checklist_xml_attr(n, "type");
	xmlNodePtr c;

	q->id = checklist_xml_attr(n, "id");
	q->type = (enum checklist_qtype)checklist_qtype_parse(type);
	free(type);
	q->line = checklist_build_line(n);
	q->template_line = checklist_build_template_line(n);
	q->required = checklist_build_bool(n, "required");
	q->other = checklist_build_bool(n, "other");
	q->relevant = checklist_xml_attr(n, "relevant");
	q->constraint = checklist_xml_attr(n, "constraint");
	q->default_value = checklist_xml_attr(n, "default");
	q->role = checklist_xml_attr(n, "role");
	checklist_build_limits(q, n);
	if (checklist_build_choice_list(b, q, n) != CHECKLIST_OK) {
		checklist_question_free(q);
		return NULL;
	}
	each_child(c, n)
		checklist_build_question_child(b, q, c);
	return q;
}

/* A group's questions while it is built (IDS): id -> its place in
 * g->questions, plus one (an index holds no NULL). Made and freed by
 * checklist_build_group; an omitted question leaves a NULL place there,
 * closed up when the group is done (checklist_build_close_up). */
void
checklist_build_add_question(struct checklist_group *g, xmlHashTablePtr ids,
    struct checklist_question *q)
{
	g->questions = checklist_xreallocarray(g->questions,
	    g->nquestions + 1, sizeof *g->questions);
	g->questions[g->nquestions++] = q;
	/* AddEntry (libxml2 2.9 grows an index on adding, not on
	 * updating); were the id there already, the first place stays */
	if (q->id != NULL && xmlHashAddEntry(ids, (const xmlChar *)q->id,
	    (void *)(uintptr_t)g->nquestions) != 0 &&
	    xmlHashLookup(ids, (const xmlChar *)q->id) == NULL)
		checklist_fatal(_("out of memory (index)"));
}

/* The place of question ID in G's questions (IDS), or -1. */
ssize_t
checklist_build_find(xmlHashTablePtr ids, const char *id)
{
	uintptr_t at = id != NULL ? (uintptr_t)xmlHashLookup(ids,
	    (const xmlChar *)id) : 0;

	checklist_build_probes++;
	return (ssize_t)at - 1;
}

/* G's questions without the places its omissions left. */
static void
checklist_build_close_up(struct checklist_group *g)
{
	size_t i, n = 0;

	for (i = 0; i < g->nquestions; i++)
		if (g->questions[i] != NULL)
			g->questions[n++] = g->questions[i];
	g->nquestions = n;
}

static void
checklist_build_add_group(struct checklist_group *parent,
    struct checklist_group *g)
{
	parent->children = checklist_xreallocarray(parent->children,
	    parent->nchildren + 1, sizeof *parent->children);
	parent->children[parent->nchildren++] = g;
	g->parent = parent;
	g->depth = parent->depth + 1;
}

/* A provision's own question: replaces the template's of the same id in
 * place (keeping its role, unless it declares one: the question still
 * means the same), or comes after the others. */
static void
checklist_build_own_question(struct checklist_builder *b,
    struct checklist_group *g, xmlHashTablePtr ids, xmlNodePtr n)
{
	struct checklist_question *q = checklist_build_question(b, n);
	ssize_t at;

	if (q == NULL)
		return;
	q->group = g;
	at = checklist_build_find(ids, q->id);
	/* a question from the template (SHARED) may be replaced */
	if (at >= 0 && g->questions[at]->shared != NULL) {
		if (q->role == NULL && g->questions[at]->role != NULL)
			q->role = checklist_xstrdup(g->questions[at]->role);
		checklist_question_free(g->questions[at]);
		g->questions[at] = q;
	} else if (at >= 0) {
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    q->line, 0, _("duplicate question id '%s' in '%s': the "
		    "question at line %d has it already"), q->id, g->id,
		    g->questions[at]->line);
		checklist_question_free(q);
	} else {
		checklist_build_add_question(g, ids, q);
	}
}

static enum checklist_level
checklist_build_level(xmlNodePtr n)
{
	char *v = checklist_xml_attr(n, "level");
	enum checklist_level l = CHECKLIST_LEVEL_NONE;

	if (v != NULL && strcmp(v, "mandatory") == 0)
		l = CHECKLIST_LEVEL_MANDATORY;
	else if (v != NULL && strcmp(v, "consider") == 0)
		l = CHECKLIST_LEVEL_CONSIDER;
	else if (v != NULL && strcmp(v, "optional") == 0)
		l = CHECKLIST_LEVEL_OPTIONAL;
	free(v);
	return l;
}

static struct checklist_group *
checklist_build_group(struct checklist_builder *b, xmlNodePtr n,
    enum checklist_gkind kind, struct checklist_group *parent)
{
	struct checklist_group *g = checklist_xcalloc(1, sizeof *g);
	xmlHashTablePtr ids = checklist_build_hash();
	xmlNodePtr c;

	g->kind = kind;
	g->id = checklist_xml_attr(n, "id");
	g->number = checklist_xml_attr(n, "number");
	g->theme = checklist_xml_attr(n, "theme");
	g->relevant = checklist_xml_attr(n, "relevant");
	g->level = checklist_build_level(n);
	g->line = checklist_build_line(n);
	if (parent != NULL)
		checklist_build_add_group(parent, g);
	checklist_build_template(b, g, ids, n);
	each_child(c, n) {
		if (checklist_xml_is(c, "title"))
			checklist_build_text(b, &g->title, c);
		else if (checklist_xml_is(c, "help"))
			checklist_build_text(b, &g->help, c);
		else if (checklist_xml_is(c, "omit"))
			checklist_build_omit(b, g, ids, c);
		else if (checklist_xml_is(c, "question"))
			checklist_build_own_question(b, g, ids, c);
		else if (checklist_xml_is(c, "provision"))
			checklist_build_group(b, c, CHECKLIST_G_PROVISION, g);
	}
	xmlHashFree(ids, NULL);
	checklist_build_close_up(g);
	return g;
}

/* ------------------------------------------------------------- root */

static void
checklist_build_languages(struct checklist *cl, xmlNodePtr root)
{
	char *v = checklist_xml_attr(root, "languages");
	char *save = NULL, *tok;

	for (tok = strtok_r(v, " \t\r\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\r\n", &save)) {
		cl->languages = checklist_xreallocarray(cl->languages,
		    cl->nlanguages + 1, sizeof *cl->languages);
		cl->languages[cl->nlanguages++] = checklist_xstrdup(tok);
	}
	free(v);
}

static void
checklist_build_default_lang(struct checklist_builder *b, xmlNodePtr root)
{
	size_t i;

	for (i = 0; i < b->cl->nlanguages; i++)
		if (strcmp(b->cl->languages[i], b->cl->default_lang) == 0)
			return;
	checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
	    checklist_build_line(root), 0, _("the default language '%s' "
	    "(xml:lang) is not in languages"), b->cl->default_lang);
}

/* Index NODE (a <choices> or <template>) in H as V under its id, unless
 * the id is taken: then the first stays, and the error names its
 * element, FIRST_OF(its value). False when V was not indexed. */
bool
checklist_build_collect(struct checklist_builder *b, xmlHashTablePtr h,
    xmlNodePtr node, void *v, xmlNodePtr (*first_of)(void *))
{
	char *id = checklist_xml_attr(node, "id");
	void *first = checklist_build_named(h, id);
	bool added = false;

	if (first != NULL)
		checklist_error_set(b->err, CHECKLIST_ERR_SEMANTIC, b->name,
		    checklist_build_line(node), 0, _("duplicate %s id '%s': the "
		    "one at line %d has it already"), (const char *)node->name,
		    id, checklist_build_line(first_of(first)));
	else if (id != NULL && xmlHashAddEntry(h, (const xmlChar *)id, v) != 0)
		checklist_fatal(_("out of memory (index)"));
	else
		added = id != NULL;
	free(id);
	return added;
}

static xmlNodePtr
checklist_build_choices_node(void *v)
{
	return v;
}

static void
checklist_build_root_child(struct checklist_builder *b, xmlNodePtr c)
{
	struct checklist *cl = b->cl;

	if (checklist_xml_is(c, "title"))
		checklist_build_text(b, &cl->title, c);
	else if (checklist_xml_is(c, "description"))
		checklist_build_text(b, &cl->description, c);
	else if (checklist_xml_is(c, "choices"))
		checklist_build_collect(b, b->choices, c, c,
		    checklist_build_choices_node);
	else if (checklist_xml_is(c, "template"))
		checklist_build_template_def(b, c);
	else if (checklist_xml_is(c, "front"))
		cl->front = checklist_build_group(b, c, CHECKLIST_G_FRONT, NULL);
	else if (checklist_xml_is(c, "section")) {
		cl->sections = checklist_xreallocarray(cl->sections,
		    cl->nsections + 1, sizeof *cl->sections);
		cl->sections[cl->nsections++] = checklist_build_group(b, c,
		    CHECKLIST_G_SECTION, NULL);
	}
}

checklist_status
checklist_build(xmlDocPtr doc, const char *name, struct checklist **out,
    struct checklist_error *err)
{
	struct checklist_builder b = { 0 };
	xmlNodePtr root = xmlDocGetRootElement(doc), c;
	xmlChar *lang;

	b.cl = checklist_xcalloc(1, sizeof *b.cl);
	b.name = name;
	b.err = err;
	b.cl->source = checklist_xstrdup(name);
	b.cl->id = checklist_xml_attr(root, "id");
	b.cl->version = checklist_xml_attr(root, "version");
	lang = xmlGetNsProp(root, (const xmlChar *)"lang",
	    (const xmlChar *)CHECKLIST_XML_NS);
	if (lang == NULL)
		checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name,
		    (int)xmlGetLineNo(root), 0,
		    _("the checklist has no xml:lang (its default language)"));
	b.cl->default_lang = checklist_xstrdup(lang ? (char *)lang : "en");
	xmlFree(lang);
	checklist_build_languages(b.cl, root);
	checklist_build_default_lang(&b, root);
	b.choices = checklist_build_hash();
	b.templates = checklist_build_hash();
	b.protos = checklist_build_hash();
	b.tpl_questions = checklist_template_index_new();
	each_child(c, root)
		checklist_build_root_child(&b, c);
	xmlHashFree(b.choices, NULL);
	xmlHashFree(b.templates, checklist_build_tpl_free);
	xmlHashFree(b.protos, NULL);
	checklist_template_index_free(b.tpl_questions);
	checklist_layout(b.cl);
	if (err->status != CHECKLIST_OK) {
		checklist_free(b.cl);
		return err->status;
	}
	*out = b.cl;
	return CHECKLIST_OK;
}

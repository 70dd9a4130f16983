/*
 * checklist_semantic.c: what the schema cannot check, over the built
 * model. Ids unique where they become sibling elements of the response
 * (each duplicate says where the first one is); choices and children
 * where the type needs them; defaults valid for their question; then
 * the conditions: they compile, call known functions with the right
 * number of arguments, name only what exists from where they stand
 * (checklist_names.c) and do not depend on each other in a cycle
 * (checklist_cycle.c). The rules on texts and choice lists are checked
 * on the document (checklist_texts.c).
 *
 * Messages name the question and the attribute. A question written in
 * a template is named by the template, at its line there, with the
 * provisions where the mistake shows: not blamed on the first provision
 * that uses the template.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_sem {
	struct checklist *cl;
	xmlDocPtr doc;
	struct checklist_error *err;
	const char *name;
	struct checklist_names *nm;
	int attr; /* the attribute checklist_sem_names_fail() looks at */
	struct checklist_sem_tpl *tpl; /* the templates, read first */
	size_t ntpl;
	const struct checklist_question *who_q; /* whom who[] names */
	char who[300];
};

/* A template of the document: the line it is written at, its id. */
struct checklist_sem_tpl {
	int line;
	char *id;
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

/* ------------------------------------------------------ who is who */

/* The templates of the document (their line and id), read before the
 * tree is freed: every question written in a template asks which one. */
static void
checklist_sem_templates(struct checklist_sem *s)
{
	xmlNodePtr c;
	xmlAttrPtr a;

	for (c = xmlDocGetRootElement(s->doc)->children; c != NULL; c = c->next) {
		if (!checklist_xml_is(c, "template") ||
		    (a = xmlHasProp(c, (const xmlChar *)"id")) == NULL ||
		    a->children == NULL || a->children->content == NULL)
			continue;
		s->tpl = checklist_xreallocarray(s->tpl, s->ntpl + 1,
		    sizeof *s->tpl);
		s->tpl[s->ntpl].line = (int)xmlGetLineNo(c);
		s->tpl[s->ntpl++].id = checklist_xstrdup((const char *)
		    a->children->content);
	}
}

/* The id of the template written at LINE. */
static const char *
checklist_sem_template_id(struct checklist_sem *s, int line)
{
	size_t i;

	for (i = 0; i < s->ntpl; i++)
		if (s->tpl[i].line == line)
			return s->tpl[i].id;
	return "?";
}

/* Q's path within its provision: "status", "laws/year". */
static const char *
checklist_sem_local(const struct checklist_question *q)
{
	const char *slash = strchr(q->path, '/');

	return slash ? slash + 1 : q->path;
}

/* "question P", or "template 'T', question 'ID'" for a question written
 * in a template. */
static void
checklist_sem_owner(struct checklist_sem *s, const struct checklist_question *q,
    char *buf, size_t size)
{
	if (q->template_line > 0)
		snprintf(buf, size, "template '%s', question '%s'",
		    checklist_sem_template_id(s, q->template_line),
		    checklist_sem_local(q));
	else
		snprintf(buf, size, "question %s", q->path);
}

/* checklist_sem_owner(Q), made when a message needs it (once per
 * question), not for every question checked. */
static const char *
checklist_sem_who(struct checklist_sem *s, const struct checklist_question *q)
{
	if (s->who_q != q) {
		checklist_sem_owner(s, q, s->who, sizeof s->who);
		s->who_q = q;
	}
	return s->who;
}

static const char *
checklist_sem_kind(const struct checklist_group *g)
{
	return g->kind == CHECKLIST_G_FRONT ? "front section" :
	    g->kind == CHECKLIST_G_SECTION ? "section" : "provision";
}

/* The same question of the same template in another provision. */
static bool
checklist_sem_twin(const struct checklist_question *a,
    const struct checklist_question *b)
{
	return a->template_line == b->template_line && a->line == b->line &&
	    strcmp(checklist_sem_local(a), checklist_sem_local(b)) == 0;
}

/* " (in p1, p2 and 3 more)": the provisions holding a twin of Q for
 * which FAILS is true (all of them when FAILS is NULL). */
static void
checklist_sem_users(struct checklist_sem *s, const struct checklist_question *q,
    bool (*fails)(struct checklist_sem *, struct checklist_question *),
    char *buf, size_t size)
{
	size_t i, shown = 0, more = 0, len;

	len = (size_t)snprintf(buf, size, " (in");
	for (i = 0; i < s->cl->nall; i++) {
		struct checklist_question *t = s->cl->all[i];

		if (!checklist_sem_twin(q, t) || (fails && !fails(s, t)))
			continue;
		if (shown++ < 6 && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s %s",
			    shown > 1 ? "," : "", t->group->id);
		else
			more++;
	}
	if (more > 0 && len < size)
		len += (size_t)snprintf(buf + len, size - len, " and %zu more",
		    more);
	if (len < size)
		snprintf(buf + len, size - len, ")");
}

/* ---------------------------------------------------- unique ids */

/* Group ids are element names and the public ids' first part: unique in
 * the whole checklist. The index holds the first group with each id. */
static void
checklist_sem_group_id(struct checklist_sem *s, struct checklist_group *g)
{
	struct checklist_group *first = checklist_find_group(s->cl, g->id);

	if (first != NULL && first != g)
		checklist_sem_fail(s, g->line, _("duplicate id '%s': the %s at "
		    "line %d has it already"), g->id, checklist_sem_kind(first),
		    first->line);
}

static void
checklist_sem_group_ids(struct checklist_sem *s)
{
	size_t i;

	for (i = 0; i < s->cl->nsections; i++)
		checklist_sem_group_id(s, s->cl->sections[i]);
	for (i = 0; i < s->cl->npages; i++)
		checklist_sem_group_id(s, s->cl->pages[i]);
}

/* Sibling questions have paths that differ only by their ids: the
 * index holds the first question with each path. */
static void
checklist_sem_sibling_ids(struct checklist_sem *s,
    struct checklist_question **qs, size_t nq, const char *where)
{
	struct checklist_question *first;
	size_t i;

	for (i = 0; i < nq; i++)
		if ((first = checklist_find_question(s->cl, qs[i]->path)) != NULL &&
		    first != qs[i])
			checklist_sem_fail(s, qs[i]->line,
			    _("duplicate question id '%s' in '%s': the "
			    "question at line %d has it already"),
			    qs[i]->id, where, first->line);
}

/* ------------------------------------------------ question shape */

/* The index of the first choice of Q that repeats an earlier one, or
 * Q->nchoices when none does (n log n). */
static size_t
checklist_sem_choice_twice(const struct checklist_question *q)
{
	const char **values;
	size_t i, at, was;

	if (q->nchoices < 2)
		return q->nchoices;
	values = checklist_xreallocarray(NULL, q->nchoices, sizeof *values);
	for (i = 0; i < q->nchoices; i++)
		values[i] = q->choices[i].value;
	if (!checklist_dups_first(values, q->nchoices, &at, &was))
		at = q->nchoices;
	free(values);
	return at;
}

static void
checklist_sem_choices(struct checklist_sem *s, struct checklist_question *q)
{
	bool choice = q->type == CHECKLIST_Q_SINGLE ||
	    q->type == CHECKLIST_Q_MULTIPLE;
	size_t i, twice = checklist_sem_choice_twice(q);

	if (choice && q->nchoices == 0)
		checklist_sem_fail(s, q->line, _("%s: a choice question with no "
		    "choices"), checklist_sem_who(s, q));
	if (!choice && q->nchoices > 0)
		checklist_sem_fail(s, q->line, _("%s: a question of type %s cannot "
		    "have choices"), checklist_sem_who(s, q),
		    checklist_qtype_name(q->type));
	if (!choice && q->other)
		checklist_sem_fail(s, q->line, _("%s: a question of type %s cannot "
		    "have other=\"true\""), checklist_sem_who(s, q),
		    checklist_qtype_name(q->type));
	/* In the order of the choices, as the first error is kept. */
	for (i = 0; i < q->nchoices && i <= twice; i++) {
		if (q->other && strcmp(q->choices[i].value, CHECKLIST_OTHER) == 0)
			checklist_sem_fail(s, q->line, _("%s has other=\"true\" and "
			    "a choice '%s'"), checklist_sem_who(s, q),
			    CHECKLIST_OTHER);
		if (i == twice)
			checklist_sem_fail(s, q->line, _("%s lists the "
			    "choice '%s' twice"), checklist_sem_who(s, q),
			    q->choices[i].value);
	}
}

/* Does the default of Q choose "other", which has no text to go with
 * it in a new response? */
static bool
checklist_sem_default_other(const struct checklist_question *q)
{
	const char *p = q->default_value;
	size_t n, len = strlen(CHECKLIST_OTHER);

	while (q->other && p != NULL && *p != '\0') {
		p += strspn(p, " \t\r\n,");
		n = strcspn(p, " \t\r\n,");
		if (n == len && strncmp(p, CHECKLIST_OTHER, len) == 0)
			return true;
		p += n;
	}
	return false;
}

static void
checklist_sem_default(struct checklist_sem *s, struct checklist_question *q)
{
	struct checklist_error verr;

	if (q->default_value == NULL)
		return;
	checklist_error_clear(&verr);
	if (q->type == CHECKLIST_Q_REPEAT)
		checklist_sem_fail(s, q->line, _("%s, attribute default: a repeat "
		    "cannot have a default"), checklist_sem_who(s, q));
	else if (checklist_sem_default_other(q))
		checklist_sem_fail(s, q->line, _("%s, attribute default: 'other' "
		    "cannot be a default (its text would be missing); default "
		    "to one of the choices"), checklist_sem_who(s, q));
	else if (checklist_value_check(q, q->default_value, &verr) !=
	    CHECKLIST_OK)
		checklist_sem_fail(s, q->line, _("%s, attribute default: not valid: "
		    "%s"), checklist_sem_who(s, q), verr.message);
}

static void
checklist_sem_question(struct checklist_sem *s, struct checklist_question *q)
{

	checklist_sem_choices(s, q);
	if (q->type == CHECKLIST_Q_REPEAT && q->nchildren == 0)
		checklist_sem_fail(s, q->line, _("%s: a repeat with no questions "
		    "inside"), checklist_sem_who(s, q));
	if (q->type != CHECKLIST_Q_REPEAT && q->nchildren > 0)
		checklist_sem_fail(s, q->line, _("%s: a question of type %s cannot "
		    "hold questions"), checklist_sem_who(s, q),
		    checklist_qtype_name(q->type));
	if (q->type == CHECKLIST_Q_REPEAT)
		checklist_sem_sibling_ids(s, q->children, q->nchildren, q->path);
	checklist_sem_default(s, q);
}

/* Question ids and the ids of child provisions share the element. */
static void
checklist_sem_group(struct checklist_sem *s, struct checklist_group *g)
{
	struct checklist_question *q;
	char path[600];
	size_t i;

	checklist_sem_sibling_ids(s, g->questions, g->nquestions, g->id);
	for (i = 0; i < g->nchildren; i++) {
		snprintf(path, sizeof path, "%s/%s", g->id, g->children[i]->id);
		if ((q = checklist_find_question(s->cl, path)) != NULL &&
		    q->group == g)
			checklist_sem_fail(s, g->children[i]->line,
			    _("id '%s' is both a question (line %d) and a "
			    "provision in '%s'"), g->children[i]->id,
			    q->line, g->id);
	}
}

/* ------------------------------------------------------ conditions */

static const char *const checklist_sem_attrs[] = { "relevant", "constraint" };

static struct checklist_expr **
checklist_sem_slot(struct checklist_question *q, int attr)
{
	struct checklist_qpriv *p = q->priv;

	return attr == 0 ? &p->relevant : &p->constraint;
}

/* "template 'T', question 'x' (in p1, p2), attribute constraint". */
static void
checklist_sem_what(struct checklist_sem *s, struct checklist_question *q,
    int attr, bool (*fails)(struct checklist_sem *, struct checklist_question *),
    char *buf, size_t size)
{
	char users[300] = "";
	size_t len;

	checklist_sem_owner(s, q, buf, size);
	if (q->template_line > 0)
		checklist_sem_users(s, q, fails, users, sizeof users);
	len = strlen(buf);
	snprintf(buf + len, size - len, "%s, attribute %s", users,
	    checklist_sem_attrs[attr]);
}

/* A question from a template borrows the compiled expressions of the
 * template's question (compiled once, on the first provision asking
 * it): true when it did. One that does not compile is compiled again
 * for each question, for the message. */
static bool
checklist_sem_borrow(struct checklist_sem *s, struct checklist_question *q,
    int attr)
{
	struct checklist_question *proto = q->shared;
	struct checklist_error quiet;
	struct checklist_expr **slot;

	if (proto == NULL)
		return false;
	if (proto->priv == NULL) {
		proto->priv = checklist_xcalloc(1, sizeof(struct checklist_qpriv));
		checklist_error_clear(&quiet);
		if (proto->relevant != NULL)
			checklist_expr_compile(proto->relevant, s->name,
			    proto->line, "", checklist_sem_slot(proto, 0), &quiet);
		if (proto->constraint != NULL)
			checklist_expr_compile(proto->constraint, s->name,
			    proto->line, "", checklist_sem_slot(proto, 1), &quiet);
	}
	if (*(slot = checklist_sem_slot(proto, attr)) == NULL)
		return false;
	*checklist_sem_slot(q, attr) = checklist_expr_borrow(*slot);
	return true;
}

static void
checklist_sem_compile_question(struct checklist_sem *s,
    struct checklist_question *q)
{
	const char *src[2] = { q->relevant, q->constraint };
	char what[700];
	int attr;

	struct checklist_error quiet;

	/* the message names the provisions using a template's question:
	 * a scan of every question, made only when it fails */
	for (attr = 0; attr < 2; attr++) {
		checklist_error_clear(&quiet);
		if (src[attr] == NULL || checklist_sem_borrow(s, q, attr) ||
		    checklist_expr_compile(src[attr],
		    s->name, q->line, "", checklist_sem_slot(q, attr),
		    &quiet) == CHECKLIST_OK || s->err->status != CHECKLIST_OK)
			continue;
		checklist_sem_what(s, q, attr, NULL, what, sizeof what);
		checklist_expr_compile(src[attr], s->name, q->line, what,
		    checklist_sem_slot(q, attr), s->err);
	}
}

static void
checklist_sem_compile_group(struct checklist_sem *s, struct checklist_group *g)
{
	struct checklist_gpriv *p = g->priv;
	char what[300];

	if (g->relevant == NULL)
		return;
	snprintf(what, sizeof what, "%s %s, attribute relevant",
	    checklist_sem_kind(g), g->id);
	checklist_expr_compile(g->relevant, s->name, g->line, what,
	    &p->relevant, s->err);
}

/* Does the expression of Q that S->attr names fail the names check? */
static bool
checklist_sem_names_fail(struct checklist_sem *s, struct checklist_question *q)
{
	struct checklist_expr *e = *checklist_sem_slot(q, s->attr);
	char msg[512];

	return e != NULL && !checklist_names_check(s->nm, e,
	    checklist_names_question(s->nm, q), msg, sizeof msg);
}

static void
checklist_sem_names_question(struct checklist_sem *s,
    struct checklist_question *q)
{
	char msg[512], what[700];
	struct checklist_expr *e;
	int attr;

	for (attr = 0; attr < 2; attr++) {
		e = *checklist_sem_slot(q, attr);
		if (e == NULL || checklist_names_check(s->nm, e,
		    checklist_names_question(s->nm, q), msg, sizeof msg))
			continue;
		s->attr = attr;
		checklist_sem_what(s, q, attr, checklist_sem_names_fail, what,
		    sizeof what);
		checklist_sem_fail(s, q->line, "%s: %s", what, msg);
		/* the twins recomputed their reads: put this one's back */
		checklist_names_check(s->nm, e, checklist_names_question(s->nm,
		    q), msg, sizeof msg);
	}
}

static void
checklist_sem_names_group(struct checklist_sem *s, struct checklist_group *g)
{
	struct checklist_gpriv *p = g->priv;
	char msg[512];

	if (p->relevant != NULL && !checklist_names_check(s->nm, p->relevant,
	    checklist_names_group(s->nm, g), msg, sizeof msg))
		checklist_sem_fail(s, g->line, _("%s %s, attribute relevant: %s"),
		    checklist_sem_kind(g), g->id, msg);
}

static void
checklist_sem_cycles(struct checklist_sem *s)
{
	const struct checklist_question *at;
	char chain[700], who[300];

	if (!checklist_cycle_find(s->cl, &at, chain, sizeof chain))
		return;
	checklist_sem_owner(s, at, who, sizeof who);
	checklist_sem_fail(s, at->line, _("%s, attribute relevant: whether it is "
	    "asked depends on its own answer, in a cycle: %s"), who, chain);
}

/* -------------------------------------------------------------- all */

/* Every group, sections included, in reading order. */
static void
checklist_sem_each_group(struct checklist_sem *s,
    void (*fn)(struct checklist_sem *, struct checklist_group *))
{
	struct checklist_group *p, *sec;
	size_t i;

	for (i = 0; i < s->cl->npages; i++) {
		/* a section comes just before its first page */
		p = s->cl->pages[i];
		sec = p->parent;
		if (sec != NULL && sec->kind == CHECKLIST_G_SECTION &&
		    sec->children[0] == p)
			fn(s, sec);
		fn(s, p);
	}
}

static void
checklist_sem_priv(struct checklist_sem *s, struct checklist_group *g)
{
	(void)s;
	if (g->priv == NULL)
		g->priv = checklist_xcalloc(1, sizeof(struct checklist_gpriv));
}

static void
checklist_sem_conditions(struct checklist_sem *s)
{
	size_t i;

	for (i = 0; i < s->cl->nall; i++)
		checklist_sem_compile_question(s, s->cl->all[i]);
	checklist_sem_each_group(s, checklist_sem_compile_group);
	if (s->err->status != CHECKLIST_OK)
		return;
	s->nm = checklist_names_new(s->cl);
	for (i = 0; i < s->cl->nall; i++)
		checklist_sem_names_question(s, s->cl->all[i]);
	checklist_sem_each_group(s, checklist_sem_names_group);
	if (s->err->status == CHECKLIST_OK)
		checklist_sem_cycles(s);
	if (s->err->status == CHECKLIST_OK)
		checklist_index_set_deps(s->cl, checklist_deps_build(s->cl));
	checklist_names_free(s->nm);
	s->nm = NULL;
}

checklist_status
checklist_semantic_check(struct checklist *cl, xmlDocPtr doc,
    struct checklist_error *err)
{
	struct checklist_sem s = { cl, doc, err, cl->source, NULL, 0, NULL, 0,
	    NULL, "" };
	struct checklist_qpriv *p;
	size_t i;

	checklist_sem_templates(&s);
	xmlFreeDoc(doc); /* nothing more is read from it */
	s.doc = NULL;
	checklist_index_build(cl);
	for (i = 0; i < cl->nall; i++) {
		p = checklist_xcalloc(1, sizeof *p);
		p->index = i;
		cl->all[i]->priv = p;
	}
	checklist_sem_each_group(&s, checklist_sem_priv);
	checklist_sem_group_ids(&s);
	checklist_sem_each_group(&s, checklist_sem_group);
	for (i = 0; i < cl->nall; i++)
		checklist_sem_question(&s, cl->all[i]);
	if (err->status == CHECKLIST_OK)
		checklist_sem_conditions(&s);
	for (i = 0; i < s.ntpl; i++)
		free(s.tpl[i].id);
	free(s.tpl);
	return err->status;
}

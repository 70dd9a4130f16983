/*
 * export_check.c: the completeness check run before an export.
 *
 * It lists, in reading order, every relevant required question left
 * unanswered (a required repeat with no entry included; an "other"
 * chosen without its text, as PATH:other), every answer that is no
 * longer valid (its type or constraint fails: a condition elsewhere
 * changed), and every attached file whose copy is missing, changed or
 * over the cap. Each
 * problem carries the value path and the question's page, so that the
 * TUI can jump to it and the command line can print it.
 *
 * The same walk counts the progress (as checklist_progress_all does)
 * and remembers the value paths found relevant, which the writer's copy
 * of the answers reads instead of evaluating every condition again
 * (export_answers.c): each condition and constraint is evaluated once
 * per export, each element looked up once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"

struct export_check_ctx {
	struct checklist_response *r;
	const struct export_options *opts;
	struct export_problems *out;
};

const char *
export_problem_kind_name(enum export_problem_kind k)
{
	switch (k) {
	case EXPORT_PROBLEM_MISSING:
		return N_("missing"); /* English; marked for the CLI's list */
	case EXPORT_PROBLEM_INVALID:
		return N_("invalid");
	case EXPORT_PROBLEM_FILE:
		return N_("file");
	}
	return "?";
}

const char *
export_problem_label(const struct checklist *cl,
    const struct export_problem *p, const char *lang)
{
	return checklist_text_get(&p->question->label, lang,
	    cl->default_lang);
}

static void
export_check_add(struct export_check_ctx *c, enum export_problem_kind kind,
    const struct checklist_question *q, const char *path, char *reason)
{
	struct export_problems *out = c->out;
	struct export_problem *p;

	out->v = checklist_xreallocarray(out->v, out->n + 1, sizeof *out->v);
	p = &out->v[out->n++];
	p->kind = kind;
	p->path = checklist_xstrdup(path);
	p->reason = reason;
	p->question = q;
	p->group = q->group;
	if (kind == EXPORT_PROBLEM_MISSING)
		out->missing++;
	else
		out->invalid++;
}

/* A file question's copy must be there, unchanged and within the cap
 * now, not only when the package is written. */
static void
export_check_file(struct export_check_ctx *c,
    const struct checklist_question *q, const char *path)
{
	struct checklist_error e;
	size_t max = c->opts->attach_file_max ? c->opts->attach_file_max :
	    EXPORT_ATTACH_FILE_MAX, len;
	char *data;

	checklist_error_clear(&e);
	if (checklist_attach_read(c->r, path, c->opts->base_dir, max, &data,
	    &len, &e) != CHECKLIST_OK)
		export_check_add(c, EXPORT_PROBLEM_FILE, q, path,
		    checklist_xasprintf(_("attached file: %s"), e.message));
	else
		free(data);
}

void
export_relevant_add(struct export_problems *p, const char *path)
{
	if (p->relevant == NULL &&
	    (p->relevant = xmlHashCreate(1024)) == NULL)
		checklist_fatal(_("out of memory (relevant paths)"));
	/* a path twice (never: each element is walked once) is kept once */
	xmlHashAddEntry(p->relevant, EXPORT_XC(path), p);
}

int
export_relevant_has(const struct export_problems *p, const char *path)
{
	if (p == NULL || p->relevant == NULL)
		return -1;
	return xmlHashLookup(p->relevant, EXPORT_XC(path)) != NULL;
}

void
export_relevant_free(struct export_problems *p)
{
	xmlHashFree(p->relevant, NULL);
	p->relevant = NULL;
}

char *
export_path_sub(const char *path, size_t index, const char *id)
{
	size_t plen = strlen(path), ilen = id != NULL ? strlen(id) : 0;
	char digits[24], *s, *o;
	size_t nd = 0;

	for (; index > 0; index /= 10)
		digits[nd++] = (char)('0' + index % 10);
	s = checklist_xmalloc(plen + (nd ? nd + 2 : 0) + (id ? ilen + 1 : 0) +
	    1);
	memcpy(s, path, plen);
	o = s + plen;
	if (nd > 0) {
		*o++ = '[';
		while (nd > 0)
			*o++ = digits[--nd];
		*o++ = ']';
	}
	if (id != NULL) {
		*o++ = '/';
		memcpy(o, id, ilen);
		o += ilen;
	}
	*o = '\0';
	return s;
}

/* Has Q's element EL an answer? (as checklist_progress_all counts) */
static bool
export_check_answered(const struct checklist_question *q, xmlNodePtr el)
{
	xmlNodePtr n;

	for (n = el->children; n != NULL; n = n->next)
		if (q->type == CHECKLIST_Q_REPEAT ? n->type == XML_ELEMENT_NODE :
		    (n->content != NULL && n->content[0] != '\0'))
			return true;
	return false;
}

unsigned long export_value_checks;

/* V against Q's type and limits, counted (export_value_checks). */
static checklist_status
export_value_check(const struct checklist_question *q, const char *v,
    const char *lang, struct checklist_error *e)
{
	export_value_checks++;
	return checklist_value_check_lang(q, v, lang, e);
}

/* The value of question Q (not a repeat) in element EL, at PATH; true
 * when it is answered but not valid. */
static bool
export_check_value(struct export_check_ctx *c,
    const struct checklist_question *q, xmlNodePtr el, const char *path)
{
	struct checklist_error e;
	const char *v = checklist_path_value(el, false);
	char *other;

	if (v == NULL || v[0] == '\0') {
		if (q->required)
			export_check_add(c, EXPORT_PROBLEM_MISSING, q, path,
			    checklist_xstrdup(_("required, not answered")));
		return false;
	}
	checklist_error_clear(&e);
	if ((!c->opts->values_checked && export_value_check(q, v, c->r->lang,
	    &e) != CHECKLIST_OK) ||
	    checklist_path_constraint(c->r, q, el, &e) != CHECKLIST_OK) {
		export_check_add(c, EXPORT_PROBLEM_INVALID, q, path,
		    checklist_xstrdup(e.message[0] != '\0' ? e.message :
		    _("not valid")));
		return true;
	}
	if (checklist_node_other_missing(q, el)) {
		other = checklist_xasprintf("%s:%s", path, CHECKLIST_OTHER);
		export_check_add(c, EXPORT_PROBLEM_MISSING, q, other,
		    checklist_xstrdup(_("\"other\" is chosen: say what it is "
		    "(required)")));
		free(other);
	}
	if (q->type == CHECKLIST_Q_FILE && !c->opts->embedded)
		export_check_file(c, q, path);
	return false;
}

static void export_check_node(struct export_check_ctx *c,
    const struct checklist_question *q, xmlNodePtr el, const char *path,
    struct checklist_progress *p);

/* The entries of repeat Q (element EL, at PATH), counted in P. */
static void
export_check_entries(struct export_check_ctx *c,
    const struct checklist_question *q, xmlNodePtr el, const char *path,
    struct checklist_progress *p)
{
	xmlNodePtr e, child;
	size_t i = 0, k;
	char *sub;

	for (e = el->children; e != NULL; e = e->next) {
		if (e->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)e->name, "entry") != 0)
			continue;
		i++;
		for (k = 0; k < q->nchildren; k++) {
			child = checklist_child_named(e, q->children[k]->id);
			if (child == NULL)
				continue;
			sub = export_path_sub(path, i, q->children[k]->id);
			export_check_node(c, q->children[k], child, sub, p);
			free(sub);
		}
	}
	if (i == 0 && q->required)
		export_check_add(c, EXPORT_PROBLEM_MISSING, q, path,
		    checklist_xstrdup(_("required, no entry yet")));
}

/* Question Q in its element EL at PATH (indexes included; the repeats
 * and groups above it relevant): its problems, and its counts added to
 * P as checklist_progress_all counts them, in the same walk (one
 * evaluation of each condition and constraint, one look-up of each
 * element). A relevant PATH is remembered for the writer. */
static void
export_check_node(struct export_check_ctx *c,
    const struct checklist_question *q, xmlNodePtr el, const char *path,
    struct checklist_progress *p)
{
	const struct checklist_qpriv *qp = q->priv;
	bool answered, unspecified, invalid;

	if (qp != NULL && qp->relevant != NULL &&
	    !checklist_expr_eval(qp->relevant, c->r->doc, el, false))
		return;
	export_relevant_add(c->out, path);
	answered = export_check_answered(q, el);
	unspecified = checklist_node_other_missing(q, el);
	p->relevant++;
	p->answered += answered;
	p->required += q->required || unspecified;
	p->required_answered += q->required && answered && !unspecified;
	if (q->type == CHECKLIST_Q_REPEAT) {
		export_check_entries(c, q, el, path, p);
		return;
	}
	invalid = export_check_value(c, q, el, path);
	p->invalid += answered && invalid;
}

void
export_check(struct checklist_response *r, const struct export_options *opts,
    struct export_problems *out)
{
	static const struct export_options defaults;
	struct export_check_ctx c = { r, opts != NULL ? opts : &defaults, out };
	const struct checklist *cl = r->cl;
	const struct checklist_question *q;
	struct checklist_progress sub;
	xmlNodePtr el;
	bool other;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < cl->nall; i++) {
		if (cl->all[i]->parent != NULL ||
		    !checklist_response_group_relevant(r, cl->all[i]->group))
			continue;
		el = checklist_path_resolve(r, cl->all[i]->path, false, &q,
		    &other);
		if (el == NULL)
			continue;
		memset(&sub, 0, sizeof sub);
		export_check_node(&c, cl->all[i], el, cl->all[i]->path, &sub);
		/* the pages of the scope (a contribution counts its own) */
		if (cl->all[i]->group->kind != CHECKLIST_G_SECTION &&
		    checklist_scope_has(r, cl->all[i]->group))
			checklist_progress_add(&out->progress, &sub);
	}
}

void
export_problems_free(struct export_problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].reason);
	}
	free(p->v);
	export_relevant_free(p);
	memset(p, 0, sizeof *p);
}

void
export_problems_counts(const struct export_problems *p, char *missing,
    char *invalid, size_t size)
{
	snprintf(missing, size, P_("%zu required answer missing",
	    "%zu required answers missing", p->missing), p->missing);
	snprintf(invalid, size, P_("%zu answer not valid",
	    "%zu answers not valid", p->invalid), p->invalid);
}

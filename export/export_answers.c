/*
 * export_answers.c: the answers part of a package.
 *
 * The response document is walked alongside the model: the root's
 * children are the front section and the sections (by id), a group's
 * children its provisions or items and its questions (by id), a repeat's
 * children <entry> elements holding the child questions. One walker
 * serves both directions:
 *
 *  - writing: a copy of the response without the groups and questions
 *    that are not relevant, file questions holding their attachment's
 *    name instead of a local path;
 *  - reading: a check of a package's answers against the checklist it
 *    names: unknown or repeated elements, values outside their type or
 *    choices (checklist_value_check, the one rule), stray text.
 *
 * Known limits: attributes other than `other` on question elements are
 * left to checklist_response_adopt(); relevance is not re-evaluated on
 * reading (the sender left out what was not relevant).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"

enum export_walk_action { EXPORT_KEEP, EXPORT_REMOVE, EXPORT_STOP };

struct export_walk;
struct export_walk_ops {
	enum export_walk_action (*group)(struct export_walk *w,
	    const struct checklist_group *g, xmlNodePtr el);
	enum export_walk_action (*question)(struct export_walk *w,
	    const struct checklist_question *q, xmlNodePtr el,
	    const char *path);
	/* An element that matches nothing (WHAT says how); STOP or REMOVE. */
	enum export_walk_action (*stray)(struct export_walk *w, xmlNodePtr el,
	    const char *where, const char *what);
};

struct export_walk {
	const struct export_walk_ops *ops;
	const struct checklist *cl;
	struct checklist_response *r;    /* writing */
	struct export_attach_set *set;   /* writing */
	const struct export_problems *probs; /* writing: what is relevant */
	const char *name;                /* reading: the package's name */
	struct export_strays *strays;    /* writing: what is left out */
	struct checklist_error *err;
	bool stopped;
};

static void export_walk_group(struct export_walk *w,
    const struct checklist_group *g, xmlNodePtr el);

/* Apply ACTION to EL; true when the walk goes on into EL. */
static bool
export_walk_act(struct export_walk *w, enum export_walk_action a,
    xmlNodePtr el)
{
	if (a == EXPORT_STOP) {
		w->stopped = true;
		return false;
	}
	if (a == EXPORT_REMOVE) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
		return false;
	}
	return true;
}

/* Is there an element named like EL before it among its siblings? */
static bool
export_walk_repeated(xmlNodePtr el)
{
	xmlNodePtr p;

	for (p = el->prev; p != NULL; p = p->prev)
		if (p->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(p->name, el->name))
			return true;
	return false;
}

/* Stray text (not white space) among elements. */
static bool
export_walk_text(xmlNodePtr n)
{
	const xmlChar *s;

	if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
		return false;
	for (s = n->content; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return true;
	return false;
}

/* Check the children of EL that the walk does not handle: text, and
 * elements repeated. Returns false when the walk stops. */
static bool
export_walk_plain(struct export_walk *w, xmlNodePtr n, const char *where)
{
	if (export_walk_text(n))
		return export_walk_act(w, w->ops->stray(w, n, where, "text"),
		    n);
	if (n->type == XML_ELEMENT_NODE && export_walk_repeated(n))
		return export_walk_act(w,
		    w->ops->stray(w, n, where, "repeated element"), n);
	return n->type == XML_ELEMENT_NODE;
}

/* The entries of repeat Q (element EL, value path PATH). */
static void
export_walk_question(struct export_walk *w,
    const struct checklist_question *q, xmlNodePtr el, const char *path);

static void
export_walk_entry(struct export_walk *w, const struct checklist_question *q,
    xmlNodePtr entry, const char *path)
{
	xmlNodePtr n, next;
	size_t k;
	char *sub;

	for (n = entry->children; n != NULL && !w->stopped; n = next) {
		next = n->next;
		if (!export_walk_plain(w, n, path))
			continue;
		for (k = 0; k < q->nchildren; k++)
			if (xmlStrEqual(n->name, EXPORT_XC(q->children[k]->id)))
				break;
		if (k == q->nchildren || n->ns != NULL) {
			export_walk_act(w, w->ops->stray(w, n, path,
			    "unknown question"), n);
			continue;
		}
		sub = export_path_sub(path, 0, q->children[k]->id);
		export_walk_question(w, q->children[k], n, sub);
		free(sub);
	}
}

static void
export_walk_question(struct export_walk *w,
    const struct checklist_question *q, xmlNodePtr el, const char *path)
{
	xmlNodePtr n, next;
	size_t i = 0;
	char *sub;

	if (!export_walk_act(w, w->ops->question(w, q, el, path), el) ||
	    q->type != CHECKLIST_Q_REPEAT)
		return;
	for (n = el->children; n != NULL && !w->stopped; n = next) {
		next = n->next;
		if (export_walk_text(n)) {
			export_walk_act(w, w->ops->stray(w, n, path, "text"),
			    n);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrEqual(n->name, EXPORT_XC("entry")) ||
		    n->ns != NULL) {
			export_walk_act(w, w->ops->stray(w, n, path,
			    "not an entry of a repeat"), n);
			continue;
		}
		sub = export_path_sub(path, ++i, NULL);
		export_walk_entry(w, q, n, sub);
		free(sub);
	}
}

/* The group or question of G named like element N; NULL for none. */
static bool
export_walk_child(struct export_walk *w, const struct checklist_group *g,
    xmlNodePtr n)
{
	size_t k;

	if (n->ns != NULL)
		return false;
	for (k = 0; k < g->nchildren; k++)
		if (xmlStrEqual(n->name, EXPORT_XC(g->children[k]->id))) {
			export_walk_group(w, g->children[k], n);
			return true;
		}
	for (k = 0; k < g->nquestions; k++)
		if (xmlStrEqual(n->name, EXPORT_XC(g->questions[k]->id))) {
			export_walk_question(w, g->questions[k], n,
			    g->questions[k]->path);
			return true;
		}
	return false;
}

static void
export_walk_group(struct export_walk *w, const struct checklist_group *g,
    xmlNodePtr el)
{
	xmlNodePtr n, next;

	if (!export_walk_act(w, w->ops->group(w, g, el), el))
		return;
	for (n = el->children; n != NULL && !w->stopped; n = next) {
		next = n->next;
		if (export_walk_plain(w, n, g->id) &&
		    !export_walk_child(w, g, n))
			export_walk_act(w, w->ops->stray(w, n, g->id,
			    "unknown question or provision"), n);
	}
}

/* The top group (front or section) named like element N, or NULL. */
static const struct checklist_group *
export_walk_top(const struct checklist *cl, xmlNodePtr n)
{
	size_t k;

	if (n->ns != NULL)
		return NULL;
	if (cl->front != NULL && xmlStrEqual(n->name, EXPORT_XC(cl->front->id)))
		return cl->front;
	for (k = 0; k < cl->nsections; k++)
		if (xmlStrEqual(n->name, EXPORT_XC(cl->sections[k]->id)))
			return cl->sections[k];
	return NULL;
}

/* Walk the <response> element ROOT. */
static void
export_walk_response(struct export_walk *w, xmlNodePtr root)
{
	const struct checklist_group *g;
	xmlNodePtr n, next;

	for (n = root->children; n != NULL && !w->stopped; n = next) {
		next = n->next;
		if (!export_walk_plain(w, n, "response"))
			continue;
		if ((g = export_walk_top(w->cl, n)) != NULL)
			export_walk_group(w, g, n);
		else
			export_walk_act(w, w->ops->stray(w, n, "response",
			    "unknown section"), n);
	}
}

/* ------------------------------------------------------------ writing */

static enum export_walk_action
export_copy_group(struct export_walk *w, const struct checklist_group *g,
    xmlNodePtr el)
{
	return checklist_response_group_relevant(w->r, g) ? EXPORT_KEEP :
	    EXPORT_REMOVE;
}

/* Relevant questions stay; a file question's value becomes the name of
 * its attachment (the file itself goes to the attachments). */
static enum export_walk_action
export_copy_question(struct export_walk *w,
    const struct checklist_question *q, xmlNodePtr el, const char *path)
{
	/* export_check's finding when it kept one, else evaluated here */
	int known = export_relevant_has(w->probs, path);
	const char *v;
	char *name;

	if (known == 0 || (known < 0 && !checklist_response_relevant(w->r,
	    path)))
		return EXPORT_REMOVE;
	if (q->type != CHECKLIST_Q_FILE)
		return EXPORT_KEEP;
	v = checklist_response_get(w->r, path);
	if (v == NULL || v[0] == '\0')
		return EXPORT_KEEP;
	name = export_attach_add(w->set, path, v, w->err);
	if (name == NULL)
		return EXPORT_STOP;
	xmlNodeSetContent(el, NULL);
	xmlNodeAddContent(el, EXPORT_XC(name));
	xmlUnsetProp(el, EXPORT_XC(CHECKLIST_ATTR_SHA256)); /* crc32 says it */
	free(name);
	return EXPORT_KEEP;
}

/* Whatever the model does not know is not exported; it is listed. */
static enum export_walk_action
export_copy_stray(struct export_walk *w, xmlNodePtr el, const char *where,
    const char *what)
{
	struct export_strays *s = w->strays;

	(void)what;
	if (s == NULL)
		return EXPORT_REMOVE;
	if (s->n < EXPORT_STRAYS_KEPT)
		s->paths[s->n] = checklist_xasprintf("%s/%s", where,
		    el->type == XML_ELEMENT_NODE ? (const char *)el->name :
		    "text()");
	s->n++;
	return EXPORT_REMOVE;
}

void
export_strays_free(struct export_strays *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n && i < EXPORT_STRAYS_KEPT; i++)
		free(s->paths[i]);
	memset(s, 0, sizeof *s);
}

static const struct export_walk_ops export_copy_ops = {
	export_copy_group, export_copy_question, export_copy_stray,
};

xmlNodePtr
export_answers_copy(struct checklist_response *r,
    const struct export_problems *probs, struct export_attach_set *set,
    struct export_strays *strays, struct checklist_error *err)
{
	struct export_walk w = { &export_copy_ops, r->cl, r, set, probs,
	    NULL, strays, err, false };
	xmlNodePtr root;

	root = xmlDocCopyNode(xmlDocGetRootElement(r->doc), set->parent->doc,
	    1);
	if (root == NULL)
		checklist_fatal(_("out of memory (copying the answers)"));
	/* where the definition lies on this machine is nobody else's affair */
	xmlUnsetProp(root, (const xmlChar *)"checklist-source");
	export_walk_response(&w, root);
	if (w.stopped) {
		xmlFreeNode(root);
		return NULL;
	}
	return root;
}

/* ------------------------------------------------------------ reading */

static enum export_walk_action
export_check_group(struct export_walk *w, const struct checklist_group *g,
    xmlNodePtr el)
{
	return EXPORT_KEEP;
}

/* The `other` attribute: only on choice questions that allow it. */
static enum export_walk_action
export_check_other(struct export_walk *w, const struct checklist_question *q,
    xmlNodePtr el, const char *path)
{
	xmlChar *other = xmlGetProp(el, EXPORT_XC("other"));
	bool bad;

	if (other == NULL)
		return EXPORT_KEEP;
	bad = !q->other || xmlStrlen(other) > CHECKLIST_TEXT_MAX;
	xmlFree(other);
	if (!bad)
		return EXPORT_KEEP;
	checklist_error_set(w->err, CHECKLIST_ERR_VALUE, w->name,
	    (int)xmlGetLineNo(el), 0, _("%s: an \"other\" text where none is "
	    "allowed, or too long"), path);
	return EXPORT_STOP;
}

static enum export_walk_action
export_check_question(struct export_walk *w,
    const struct checklist_question *q, xmlNodePtr el, const char *path)
{
	struct checklist_error e;
	const xmlChar *v;
	xmlChar *owned;
	xmlNodePtr n;
	checklist_status st;

	if (q->type == CHECKLIST_Q_REPEAT)
		return EXPORT_KEEP;
	for (n = el->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return export_walk_act(w, w->ops->stray(w, n, path,
			    "element inside a value"), n) ? EXPORT_KEEP :
			    EXPORT_STOP;
	/* one text child, as written: its content, borrowed */
	n = el->children;
	v = n != NULL && n->next == NULL && (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE) ? n->content : NULL;
	owned = n != NULL && v == NULL ? xmlNodeGetContent(el) : NULL;
	checklist_error_clear(&e);
	st = checklist_value_check(q, v != NULL ? (const char *)v :
	    owned != NULL ? (const char *)owned : "", &e);
	xmlFree(owned);
	if (st != CHECKLIST_OK) {
		checklist_error_set(w->err, CHECKLIST_ERR_VALUE, w->name,
		    (int)xmlGetLineNo(el), 0, "%s: %s", path, e.message);
		return EXPORT_STOP;
	}
	return export_check_other(w, q, el, path);
}

static enum export_walk_action
export_check_stray(struct export_walk *w, xmlNodePtr el, const char *where,
    const char *what)
{
	if (el->type == XML_ELEMENT_NODE && strncmp(what, "unknown", 7) == 0)
		checklist_error_set(w->err, CHECKLIST_ERR_NOT_FOUND, w->name,
		    (int)xmlGetLineNo(el), 0, _("%s '%.64s' in %s: not in "
		    "checklist %s version %s"), what, (const char *)el->name,
		    where, w->cl->id, w->cl->version);
	else if (el->type == XML_ELEMENT_NODE)
		checklist_error_set(w->err, CHECKLIST_ERR_NOT_FOUND, w->name,
		    (int)xmlGetLineNo(el), 0, _("%s '%.64s' in %s"), what,
		    (const char *)el->name, where);
	else
		checklist_error_set(w->err, CHECKLIST_ERR_VALUE, w->name,
		    (int)xmlGetLineNo(el), 0, _("unexpected %s in %s"), what,
		    where);
	return EXPORT_STOP;
}

static const struct export_walk_ops export_check_ops = {
	export_check_group, export_check_question, export_check_stray,
};

checklist_status
export_answers_check(const struct checklist *cl, xmlNodePtr el,
    const char *name, struct checklist_error *err)
{
	struct export_walk w = { &export_check_ops, cl, NULL, NULL, NULL, name,
	    NULL, err, false };

	export_walk_response(&w, el);
	return w.stopped ? err->status : CHECKLIST_OK;
}

/*
 * checklist_response.c: the response document, an XForms-like instance
 * (doc/response-format.md): root <response checklist= checklist-version=
 * lang=>, then one element per front section, section, provision and
 * question, nested like the definition; repeat questions hold <entry>
 * elements. New responses get the skeleton with defaults; loaded ones
 * get the elements a newer definition added.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_save.h"


xmlNodePtr
checklist_skeleton_question(xmlNodePtr parent,
    const struct checklist_question *q)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)q->id, NULL);

	if (n == NULL)
		checklist_fatal(_("out of memory (response)"));
	if (q->default_value != NULL && q->type != CHECKLIST_Q_REPEAT)
		xmlNodeAddContent(n, (const xmlChar *)q->default_value);
	return n;
}

xmlNodePtr
checklist_child_named(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c;

	for (c = parent->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

xmlNodePtr
checklist_child_named_from(xmlNodePtr parent, const char *name,
    xmlNodePtr from)
{
	xmlNodePtr c;

	for (c = from != NULL ? from : parent->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	for (c = parent->children; c != from && c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* Add the elements of G's children groups found under EL to H. */
static void
checklist_group_els_add(xmlHashTablePtr h, const struct checklist *cl,
    xmlNodePtr el, const struct checklist_group *g)
{
	const struct checklist_group *c;
	xmlNodePtr n;

	for (n = el->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || (c = checklist_find_group(cl,
		    (const char *)n->name)) == NULL || c->parent != g ||
		    xmlHashLookup(h, n->name) != NULL)
			continue;
		if (xmlHashAddEntry(h, n->name, n) != 0)
			checklist_fatal(_("out of memory (index)"));
		if (c->nchildren > 0)
			checklist_group_els_add(h, cl, n, c);
	}
}

xmlHashTablePtr
checklist_group_els(xmlNodePtr root, const struct checklist *cl)
{
	xmlHashTablePtr h = xmlHashCreate((int)(cl->npages + cl->nsections +
	    16));

	if (h == NULL)
		checklist_fatal(_("out of memory (index)"));
	if (root != NULL)
		checklist_group_els_add(h, cl, root, NULL);
	return h;
}

xmlNodePtr
checklist_group_el_under(xmlNodePtr root, const struct checklist_group *g)
{
	xmlNodePtr parent = g->parent != NULL ?
	    checklist_group_el_under(root, g->parent) : root;

	return parent != NULL ? checklist_child_named(parent, g->id) : NULL;
}

/* Make sure every question of G has its element, in G's element. */
static void
checklist_skeleton_group(struct checklist_response *r,
    const struct checklist_group *g)
{
	xmlNodePtr gn = checklist_group_node(r, g);
	size_t i;

	for (i = 0; i < g->nquestions; i++) /* kept: no walk for each */
		if (checklist_question_node_found(r, g, gn,
		    g->questions[i]) == NULL)
			checklist_question_node_made(r, g, g->questions[i],
			    checklist_skeleton_question(gn, g->questions[i]));
	for (i = 0; i < g->nchildren; i++)
		checklist_skeleton_group(r, g->children[i]);
}

static void
checklist_skeleton(struct checklist_response *r)
{
	size_t i;

	if (r->cl->front != NULL)
		checklist_skeleton_group(r, r->cl->front);
	for (i = 0; i < r->cl->nsections; i++)
		checklist_skeleton_group(r, r->cl->sections[i]);
}

static struct checklist_response *
checklist_response_wrap(const struct checklist *cl, xmlDocPtr doc)
{
	struct checklist_response *r = checklist_xcalloc(1, sizeof *r);

	r->cl = cl;
	r->doc = doc;
	r->lang = checklist_xstrdup(cl->default_lang);
	return r;
}

/* Remember the definition file, so that `sacl fill RESPONSE` finds a
 * checklist that is not bundled without being told again; true when the
 * attribute changed. */
static bool
checklist_response_source(xmlNodePtr root, const struct checklist *cl)
{
	char *abs = realpath(cl->source, NULL);
	char *old = checklist_xml_attr(root, "checklist-source");
	bool changed = abs != NULL && (old == NULL || strcmp(old, abs) != 0);

	if (changed)
		xmlSetProp(root, (const xmlChar *)"checklist-source",
		    (const xmlChar *)abs);
	free(abs);
	free(old);
	return changed;
}

bool
checklist_response_remember_source(struct checklist_response *r)
{
	/* not an answer: r->changes stays (nothing to undo) */
	return checklist_response_source(xmlDocGetRootElement(r->doc), r->cl);
}

bool
checklist_response_set_lang(struct checklist_response *r, const char *lang)
{
	if (lang == NULL || lang[0] == '\0' ||
	    (r->lang != NULL && strcmp(r->lang, lang) == 0))
		return false;
	free(r->lang);
	r->lang = checklist_xstrdup(lang);
	/* not an answer: r->changes stays (nothing to undo) */
	xmlSetProp(xmlDocGetRootElement(r->doc), (const xmlChar *)"lang",
	    (const xmlChar *)lang);
	return true;
}

struct checklist_response *
checklist_response_new(const struct checklist *cl)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root;
	struct checklist_response *r;

	if (doc == NULL)
		checklist_fatal(_("out of memory (response)"));
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"response", NULL);
	xmlDocSetRootElement(doc, root);
	xmlSetProp(root, (const xmlChar *)"checklist", (const xmlChar *)cl->id);
	xmlSetProp(root, (const xmlChar *)"checklist-version",
	    (const xmlChar *)cl->version);
	xmlSetProp(root, (const xmlChar *)"lang",
	    (const xmlChar *)cl->default_lang);
	checklist_response_source(root, cl);
	r = checklist_response_wrap(cl, doc);
	checklist_skeleton(r);
	return r;
}

static checklist_status
checklist_response_check_root(const struct checklist *cl, xmlNodePtr root,
    const char *name, struct checklist_error *err)
{
	char *id;
	checklist_status st = CHECKLIST_OK;

	if (root->ns != NULL || strcmp((const char *)root->name, "response") != 0)
		return checklist_error_set(err, CHECKLIST_ERR_DAMAGED, name,
		    (int)xmlGetLineNo(root), 0,
		    _("not a sacl response file (the root must be <response>)"));
	id = checklist_xml_attr(root, "checklist");
	if (id == NULL || strcmp(id, cl->id) != 0)
		st = checklist_error_set(err, CHECKLIST_ERR_DAMAGED, name,
		    (int)xmlGetLineNo(root), 0,
		    _("this response is for checklist '%s', not '%s'"),
		    id ? id : "(none)", cl->id);
	free(id);
	return st;
}

/* Every list within CHECKLIST_ENTRIES_MAX entries, as set keeps it
 * (the parser's caps bound the depth of this walk). */
static checklist_status
checklist_response_check_entries(xmlNodePtr el, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr c;
	size_t n = 0;

	for (c = el->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "entry") == 0 &&
		    ++n > CHECKLIST_ENTRIES_MAX)
			return checklist_error_set(err, CHECKLIST_ERR_DAMAGED,
			    name, (int)xmlGetLineNo(c), 0, _("more than %d entries "
			    "in the list <%.64s> (the cap for a list)"),
			    CHECKLIST_ENTRIES_MAX, (const char *)el->name);
		if (checklist_response_check_entries(c, name, err) !=
		    CHECKLIST_OK)
			return err->status;
	}
	return CHECKLIST_OK;
}

/* The document checklist_response_peek() parsed last, with the bytes
 * and name it was parsed from: opening a response (peek, then load)
 * parses it once. Taken by the next parse of the same bytes under the
 * same name, dropped by the next peek. */
static struct {
	char *name;
	char *buf;
	size_t len;
	xmlDocPtr doc;
} checklist_peeked;

static void
checklist_peeked_drop(void)
{
	free(checklist_peeked.name);
	free(checklist_peeked.buf);
	xmlFreeDoc(checklist_peeked.doc);
	memset(&checklist_peeked, 0, sizeof checklist_peeked);
}

/* The peeked document when BUF (LEN bytes) named NAME is what it was
 * parsed from (the same bytes give the same document), else NULL. */
static xmlDocPtr
checklist_peeked_take(const char *buf, size_t len, const char *name)
{
	xmlDocPtr doc = checklist_peeked.doc;

	if (doc == NULL || checklist_peeked.len != len ||
	    strcmp(checklist_peeked.name, name) != 0 ||
	    memcmp(checklist_peeked.buf, buf, len) != 0)
		return NULL;
	checklist_peeked.doc = NULL;
	checklist_peeked_drop();
	return doc;
}

/* The response made of DOC (owned: freed when refused), once its root
 * and its lists pass the checks of a response read from bytes. */
static checklist_status
checklist_response_take(const struct checklist *cl, xmlDocPtr doc,
    const char *name, struct checklist_response **out,
    struct checklist_error *err)
{
	struct checklist_response *r;
	char *lang;

	if (checklist_response_check_root(cl, xmlDocGetRootElement(doc), name,
	    err) != CHECKLIST_OK || checklist_response_check_entries(
	    xmlDocGetRootElement(doc), name, err) != CHECKLIST_OK ||
	    checklist_response_check_twice(cl, doc, name, err) !=
	    CHECKLIST_OK) {
		checklist_path_memo_forget();
		xmlFreeDoc(doc);
		return err->status;
	}
	r = checklist_response_wrap(cl, doc);
	lang = checklist_xml_attr(xmlDocGetRootElement(doc), "lang");
	if (lang != NULL) {
		free(r->lang);
		r->lang = lang;
	}
	checklist_skeleton(r);
	*out = r;
	return CHECKLIST_OK;
}

checklist_status
checklist_response_parse(const struct checklist *cl, const char *buf,
    size_t len, const char *name, struct checklist_response **out,
    struct checklist_error *err)
{
	xmlDocPtr doc = checklist_peeked_take(buf, len, name);

	if (doc == NULL && checklist_xml_parse_capped(buf, len, name,
	    &checklist_caps_response, &doc, err) != CHECKLIST_OK) {
		err->status = CHECKLIST_ERR_DAMAGED;
		return err->status;
	}
	return checklist_response_take(cl, doc, name, out, err);
}

/* The first element under EL (EL included) past the *LEFT elements a
 * response may hold, or NULL; *LEFT counts down. The depth is the
 * parser's cap on the document EL came from. */
static xmlNodePtr
checklist_response_over(xmlNodePtr el, size_t *left)
{
	xmlNodePtr c, over;

	if (*left == 0)
		return el;
	(*left)--;
	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    (over = checklist_response_over(c, left)) != NULL)
			return over;
	return NULL;
}

checklist_status
checklist_response_adopt(const struct checklist *cl, xmlDocPtr doc,
    const char *name, struct checklist_response **out,
    struct checklist_error *err)
{
	size_t left = checklist_caps_response.elements;
	xmlNodePtr over = checklist_response_over(xmlDocGetRootElement(doc),
	    &left);

	if (over != NULL) {
		checklist_error_set(err, CHECKLIST_ERR_DAMAGED, name,
		    (int)xmlGetLineNo(over), 0, _("more than %zu %s (the cap "
		    "for a %s)"), checklist_caps_response.elements,
		    _("elements"), _(checklist_caps_response.kind));
		xmlFreeDoc(doc);
		return err->status;
	}
	return checklist_response_take(cl, doc, name, out, err);
}

checklist_status
checklist_response_peek_checklist(const char *file, char **id,
    struct checklist_error *err)
{
	checklist_status st = checklist_response_peek(file, id, NULL, err);

	checklist_peeked_drop(); /* no load follows (a check before saving) */
	return st;
}

checklist_status
checklist_response_peek(const char *file, char **id, char **source,
    struct checklist_error *err)
{
	char *buf;
	size_t len;
	xmlDocPtr doc;
	checklist_status st;

	struct checklist_error perr;

	st = checklist_read_file(file, CHECKLIST_RESPONSE_MAX, &buf, &len, err);
	if (st == CHECKLIST_ERR_TOO_BIG) {
		checklist_error_clear(err);
		return checklist_response_too_big(file, err);
	}
	if (st != CHECKLIST_OK)
		return st;
	checklist_error_clear(&perr);
	checklist_peeked_drop();
	st = checklist_xml_parse_capped(buf, len, file,
	    &checklist_caps_response, &doc, &perr);
	if (st != CHECKLIST_OK) {
		free(buf);
		return checklist_response_damaged(file, &perr, err);
	}
	*id = checklist_xml_attr(xmlDocGetRootElement(doc), "checklist");
	if (source != NULL)
		*source = checklist_xml_attr(xmlDocGetRootElement(doc),
		    "checklist-source");
	/* kept for the load that follows (checklist_response_parse) */
	checklist_peeked.name = checklist_xstrdup(file);
	checklist_peeked.buf = buf;
	checklist_peeked.len = len;
	checklist_peeked.doc = doc;
	if (*id == NULL) {
		checklist_error_set(&perr, CHECKLIST_ERR_DAMAGED, file, 0, 0,
		    _("no checklist named in it (attribute 'checklist')"));
		return checklist_response_damaged(file, &perr, err);
	}
	return CHECKLIST_OK;
}

void
checklist_response_replace_doc(struct checklist_response *r, xmlDocPtr doc)
{
	checklist_group_nodes_forget(r);
	checklist_xpath_forget(r->doc);
	xmlFreeDoc(r->doc);
	r->doc = doc;
	checklist_touch_all(r);
}

void
checklist_response_free(struct checklist_response *r)
{
	if (r == NULL)
		return;
	checklist_group_nodes_forget(r);
	checklist_xpath_forget(r->doc);
	checklist_attach_forget(r);
	checklist_pcache_forget(r);
	checklist_pieces_free(r);
	xmlFreeDoc(r->doc);
	free(r->lang);
	free(r);
}

checklist_status
checklist_response_serialize(struct checklist_response *r, char **buf,
    size_t *len, struct checklist_error *err)
{
	if (checklist_pieces_serialize(r, buf, len) != CHECKLIST_OK)
		return checklist_error_set(err, CHECKLIST_ERR_IO, NULL, 0, 0,
		    _("cannot serialise the response"));
	return CHECKLIST_OK;
}

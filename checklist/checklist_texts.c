/*
 * checklist_texts.c: rules of the format checked on the definition
 * document itself, where each text and choice still has its own line:
 * - one text per language in one place (two <label xml:lang="fr"> on
 *   one question is a mistake: which one would be shown?);
 * - wherever a text is given, one in the default language (the text
 *   shown when a translation is missing);
 * - no value twice in a <choices> list, whether a question uses the
 *   list or not; the mistake is reported at the list.
 * A text's language is its xml:lang, or the default language.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

struct checklist_texts {
	const char *name;
	const char *deflang;
	struct checklist_error *err;
};

static const char *const checklist_text_elements[] = {
	"title", "description", "help", "label", "hint", "message",
};

static bool
checklist_texts_is_text(xmlNodePtr n)
{
	size_t i;

	for (i = 0; i < sizeof checklist_text_elements /
	    sizeof *checklist_text_elements; i++)
		if (checklist_xml_is(n, checklist_text_elements[i]))
			return true;
	return false;
}

/* The language of text element N (caller frees). */
static char *
checklist_texts_lang(struct checklist_texts *t, xmlNodePtr n)
{
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang",
	    (const xmlChar *)CHECKLIST_XML_NS);
	char *s = checklist_xstrdup(lang ? (const char *)lang : t->deflang);

	xmlFree(lang);
	return s;
}

/* "question 'status'", "choice 'full'", "the checklist". */
static void
checklist_texts_place(xmlNodePtr owner, char *buf, size_t size)
{
	char *id = checklist_xml_attr(owner, "id");
	char *value = checklist_xml_attr(owner, "value");

	if (checklist_xml_is(owner, "checklist"))
		snprintf(buf, size, "the checklist");
	else if (id != NULL || value != NULL)
		snprintf(buf, size, "%s '%s'", (const char *)owner->name,
		    id ? id : value);
	else
		snprintf(buf, size, "%s", (const char *)owner->name);
	free(id);
	free(value);
}

/* The texts named like FIRST among OWNER's children, from FIRST on. */
static void
checklist_texts_kind(struct checklist_texts *t, xmlNodePtr owner,
    xmlNodePtr first)
{
	xmlNodePtr a, b;
	char *la, *lb, place[200];
	bool deflang = false;

	checklist_texts_place(owner, place, sizeof place);
	for (a = first; a != NULL; a = a->next) {
		if (a->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(a->name, first->name))
			continue;
		la = checklist_texts_lang(t, a);
		deflang |= strcmp(la, t->deflang) == 0;
		for (b = first; b != a; b = b->next) {
			if (b->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(b->name, first->name))
				continue;
			lb = checklist_texts_lang(t, b);
			if (strcmp(la, lb) == 0)
				checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC,
				    t->name, (int)xmlGetLineNo(a), 0, _("%s has a "
				    "second <%s> in '%s' (the first is at line %ld): "
				    "give one text per language"), place,
				    (const char *)a->name, la, xmlGetLineNo(b));
			free(lb);
		}
		free(la);
	}
	if (!deflang)
		checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC, t->name,
		    (int)xmlGetLineNo(first), 0, _("%s has <%s> texts but none in "
		    "'%s', the default language"), place,
		    (const char *)first->name, t->deflang);
}

/* A value twice in the <choices> list LIST. */
static void
checklist_texts_list(struct checklist_texts *t, xmlNodePtr list)
{
	xmlNodePtr a, b;
	char *va, *vb, *id;

	for (a = list->children; a != NULL; a = a->next) {
		if (!checklist_xml_is(a, "choice"))
			continue;
		va = checklist_xml_attr(a, "value");
		for (b = list->children; b != a && va != NULL; b = b->next) {
			if (!checklist_xml_is(b, "choice"))
				continue;
			vb = checklist_xml_attr(b, "value");
			id = checklist_xml_attr(list, "id");
			if (vb != NULL && strcmp(va, vb) == 0)
				checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC,
				    t->name, (int)xmlGetLineNo(a), 0, _("choice list "
				    "'%s' has the value '%s' twice (the first at "
				    "line %ld)"), id ? id : "?", va,
				    xmlGetLineNo(b));
			free(vb);
			free(id);
		}
		free(va);
	}
}

static void
checklist_texts_walk(struct checklist_texts *t, xmlNodePtr n)
{
	xmlNodePtr c, d;

	if (checklist_xml_is(n, "choices"))
		checklist_texts_list(t, n);
	for (c = n->children; c != NULL; c = c->next) {
		if (!checklist_texts_is_text(c))
			continue;
		for (d = n->children; d != c; d = d->next)
			if (d->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(d->name, c->name))
				break;
		if (d == c) /* the first of its kind here */
			checklist_texts_kind(t, n, c);
	}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !checklist_texts_is_text(c))
			checklist_texts_walk(t, c);
}

checklist_status
checklist_texts_check(xmlDocPtr doc, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlChar *lang = xmlGetNsProp(root, (const xmlChar *)"lang",
	    (const xmlChar *)CHECKLIST_XML_NS);
	struct checklist_texts t = { name, NULL, err };

	if (lang == NULL)
		return CHECKLIST_OK; /* said when the model is built */
	t.deflang = (const char *)lang;
	checklist_texts_walk(&t, root);
	xmlFree(lang);
	return err->status;
}

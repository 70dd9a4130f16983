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
 * Each check is n log n in the texts or choices of one place (repeats
 * found by checklist_dups_first); the owner's name is formatted only
 * for the error reported.
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

#define CHECKLIST_TEXT_KINDS (sizeof checklist_text_elements / \
    sizeof *checklist_text_elements)

/* Which text element N is (an index in checklist_text_elements), or
 * -1 when N is no text. */
static int
checklist_texts_kind_of(xmlNodePtr n)
{
	size_t i;

	for (i = 0; i < CHECKLIST_TEXT_KINDS; i++)
		if (checklist_xml_is(n, checklist_text_elements[i]))
			return (int)i;
	return -1;
}

/* The language of text element N (caller frees with xmlFree, or NULL:
 * the default language). */
static xmlChar *
checklist_texts_lang(xmlNodePtr n)
{
	return xmlGetNsProp(n, (const xmlChar *)"lang",
	    (const xmlChar *)CHECKLIST_XML_NS);
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

/* The elements named like FIRST among its next siblings, from FIRST
 * on, each with the value of attribute ATTR (NULL: xml:lang), read once
 * each: the pairs are then compared without reading again. */
struct checklist_texts_set {
	size_t n, size;
	xmlNodePtr *nodes;
	xmlChar **values;
};

static void
checklist_texts_gather(struct checklist_texts_set *set, xmlNodePtr first,
    const char *attr)
{
	xmlNodePtr a;

	memset(set, 0, sizeof *set);
	for (a = first; a != NULL; a = a->next) {
		if (a->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(a->name, first->name))
			continue;
		if (set->n == set->size) {
			set->size = set->size ? 2 * set->size : 16;
			set->nodes = checklist_xreallocarray(set->nodes, set->size,
			    sizeof *set->nodes);
			set->values = checklist_xreallocarray(set->values,
			    set->size, sizeof *set->values);
		}
		set->nodes[set->n] = a;
		set->values[set->n++] = attr == NULL ? checklist_texts_lang(a) :
		    xmlGetNoNsProp(a, (const xmlChar *)attr);
	}
}

static void
checklist_texts_release(struct checklist_texts_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		xmlFree(set->values[i]);
	free(set->values);
	free(set->nodes);
}

/* The texts named like FIRST among OWNER's children, from FIRST on. */
static void
checklist_texts_kind(struct checklist_texts *t, xmlNodePtr owner,
    xmlNodePtr first)
{
	struct checklist_texts_set set;
	const char **langs;
	char place[200];
	bool deflang = false;
	size_t i, at, was;

	checklist_texts_gather(&set, first, NULL);
	langs = checklist_xreallocarray(NULL, set.n, sizeof *langs);
	for (i = 0; i < set.n; i++) {
		langs[i] = set.values[i] ? (const char *)set.values[i] :
		    t->deflang;
		deflang |= strcmp(langs[i], t->deflang) == 0;
	}
	if (checklist_dups_first(langs, set.n, &at, &was)) {
		checklist_texts_place(owner, place, sizeof place);
		checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC, t->name,
		    (int)xmlGetLineNo(set.nodes[at]), 0, _("%s has a "
		    "second <%s> in '%s' (the first is at line %ld): "
		    "give one text per language"), place,
		    (const char *)first->name, langs[at],
		    xmlGetLineNo(set.nodes[was]));
	}
	if (!deflang) {
		checklist_texts_place(owner, place, sizeof place);
		checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC, t->name,
		    (int)xmlGetLineNo(first), 0, _("%s has <%s> texts but none in "
		    "'%s', the default language"), place,
		    (const char *)first->name, t->deflang);
	}
	free(langs);
	checklist_texts_release(&set);
}

/* A value twice in the <choices> list LIST. */
static void
checklist_texts_list(struct checklist_texts *t, xmlNodePtr list)
{
	struct checklist_texts_set set;
	xmlNodePtr first;
	char *id;
	size_t at, was;

	for (first = list->children; first != NULL &&
	    !checklist_xml_is(first, "choice"); first = first->next)
		;
	if (first == NULL)
		return;
	checklist_texts_gather(&set, first, "value");
	if (checklist_dups_first((const char *const *)set.values, set.n, &at,
	    &was)) {
		id = checklist_xml_attr(list, "id");
		checklist_error_set(t->err, CHECKLIST_ERR_SEMANTIC,
		    t->name, (int)xmlGetLineNo(set.nodes[at]), 0,
		    _("choice list '%s' has the value '%s' twice (the "
		    "first at line %ld)"), id ? id : "?",
		    (const char *)set.values[at], xmlGetLineNo(set.nodes[was]));
		free(id);
	}
	checklist_texts_release(&set);
}

static void
checklist_texts_walk(struct checklist_texts *t, xmlNodePtr n)
{
	xmlNodePtr c;
	bool seen[CHECKLIST_TEXT_KINDS] = { false };
	int k;

	if (checklist_xml_is(n, "choices"))
		checklist_texts_list(t, n);
	for (c = n->children; c != NULL; c = c->next)
		if ((k = checklist_texts_kind_of(c)) >= 0 && !seen[k]) {
			seen[k] = true; /* the first of its kind here */
			checklist_texts_kind(t, n, c);
		}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    checklist_texts_kind_of(c) < 0)
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

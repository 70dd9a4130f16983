/*
 * checklist_template.c: the questions of a template that vary by the
 * provision's level (doc/checklist-format.md, "Questions that vary by
 * level"). A template question without `level` is the default of its
 * id; one with `level="L..."` the variant for those levels. These
 * helpers read the template's elements as the schema left them; the
 * builder (checklist_build.c) copies the question chosen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

#define each_child(c, n) \
	for ((c) = (n)->children; (c) != NULL; (c) = (c)->next) \
		if ((c)->type == XML_ELEMENT_NODE)

/* Does the template question N apply to level L? Its `level` attribute
 * lists the levels it is the variant for; without one it is the
 * default, for every level no variant claims (*DEFAULT set). */
static bool
checklist_template_for_level(xmlNodePtr n, enum checklist_level l,
    bool *is_default)
{
	char *v = checklist_xml_attr(n, "level");
	char *save = NULL, *tok;
	bool yes = false;

	*is_default = v == NULL;
	for (tok = v != NULL ? strtok_r(v, " \t\r\n", &save) : NULL;
	    tok != NULL && !yes; tok = strtok_r(NULL, " \t\r\n", &save))
		yes = strcmp(tok, checklist_level_name(l)) == 0;
	free(v);
	return yes;
}

/* Is there a question with id ID among T's children before N? */
bool
checklist_template_seen(xmlNodePtr t, xmlNodePtr n, const char *id)
{
	xmlNodePtr c;

	each_child(c, t) {
		if (c == n)
			break;
		if (checklist_xml_attr_eq(c, "id", id))
			return true;
	}
	return false;
}

/* The question of template T with id ID that a provision of level L
 * asks: the variant for L, else the default, else none. */
unsigned long checklist_template_lookups;

xmlNodePtr
checklist_template_variant(xmlNodePtr t, const char *id, enum checklist_level l)
{
	xmlNodePtr c, fallback = NULL;
	bool is_default;

	checklist_template_lookups++;

	each_child(c, t) {
		if (!checklist_xml_attr_eq(c, "id", id))
			continue;
		if (checklist_template_for_level(c, l, &is_default))
			return c;
		if (is_default)
			fallback = c;
	}
	return fallback;
}

/* Is question N's id ID? */
static bool
checklist_template_same_id(xmlNodePtr n, const char *id)
{
	return checklist_xml_attr_eq(n, "id", id);
}

/* Do questions C and D (of one id) both claim a level? The level
 * (CHECKLIST_LEVEL_NONE: both are defaults), or -1 when they do not. */
static int
checklist_template_clash(xmlNodePtr c, xmlNodePtr d)
{
	static const enum checklist_level levels[] = {
		CHECKLIST_LEVEL_MANDATORY, CHECKLIST_LEVEL_CONSIDER,
		CHECKLIST_LEVEL_OPTIONAL,
	};
	bool def_c, def_d;
	size_t i;

	for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (checklist_template_for_level(c, levels[i], &def_c) &&
		    checklist_template_for_level(d, levels[i], &def_d))
			return (int)levels[i];
	checklist_template_for_level(c, CHECKLIST_LEVEL_NONE, &def_c);
	checklist_template_for_level(d, CHECKLIST_LEVEL_NONE, &def_d);
	return def_c && def_d ? (int)CHECKLIST_LEVEL_NONE : -1;
}

/* Two questions of template T with one id are variants: at most one
 * default, and no level claimed twice. Checked when the template is
 * read, whether a provision uses it or not. */
void
checklist_template_check(xmlNodePtr t, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr c, d;
	char *id, *tid = checklist_xml_attr(t, "id");
	int clash;

	each_child(c, t) {
		id = checklist_xml_attr(c, "id");
		for (d = t->children; d != c; d = d->next) {
			if (d->type != XML_ELEMENT_NODE ||
			    !checklist_template_same_id(d, id) ||
			    (clash = checklist_template_clash(c, d)) < 0)
				continue;
			checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name,
			    (int)xmlGetLineNo(c), 0, _("template '%s': a second "
			    "question '%s' %s%s (the first is at line %d)"), tid,
			    id, clash == CHECKLIST_LEVEL_NONE ? "without level" :
			    "for level ", clash == CHECKLIST_LEVEL_NONE ? "" :
			    checklist_level_name((enum checklist_level)clash),
			    (int)xmlGetLineNo(d));
			break;
		}
		free(id);
	}
	free(tid);
}

bool
checklist_template_has(xmlNodePtr t, const char *id)
{
	xmlNodePtr c;
	char *v;
	bool has = false;

	each_child(c, t) {
		v = checklist_xml_attr(c, "id");
		has |= strcmp(v, id) == 0;
		free(v);
	}
	return has;
}

/*
 * checklist_template.c: the questions of a template that vary by the
 * provision's level (doc/checklist-format.md, "Questions that vary by
 * level"). A template question without `level` is the default of its
 * id; one with `level="L..."` the variant for those levels. Each
 * template is read once into an index of the templates' questions by
 * id (checked as it is read); the builder (checklist_build.c) then asks
 * it which question a provision of a level gets, in constant time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

#define each_child(c, n) \
	for ((c) = (n)->children; (c) != NULL; (c) = (c)->next) \
		if ((c)->type == XML_ELEMENT_NODE)

#define CHECKLIST_TEMPLATE_NLEVELS (CHECKLIST_LEVEL_OPTIONAL + 1)

/* The questions of one id in a template, as far as it has been read.
 * CLAIM[L] (L a provision level) is the first question for level L;
 * CLAIM[CHECKLIST_LEVEL_NONE] the first default (no `level`). AT[] are
 * their places among the template's children, to tell which came
 * first. */
struct checklist_template_id {
	xmlNodePtr first;        /* the first question of the id */
	xmlNodePtr last_default; /* the last default (a provision's pick) */
	xmlNodePtr claim[CHECKLIST_TEMPLATE_NLEVELS];
	size_t at[CHECKLIST_TEMPLATE_NLEVELS];
};

/* The templates' questions by id: (question id, template element's
 * address as text) -> struct checklist_template_id, owned by the index
 * (freed with it by checklist_template_index_free). One for all the
 * templates of a definition: an index each would cost more than the
 * few questions most templates have. */
struct checklist_template_index {
	xmlHashTablePtr ids;
};

/* The key naming template T in the index. */
struct checklist_template_key {
	char s[32];
};

static struct checklist_template_key
checklist_template_key(xmlNodePtr t)
{
	struct checklist_template_key k;

	snprintf(k.s, sizeof k.s, "%p", (void *)t);
	return k;
}

/* The entry of question ID of template T, or NULL. */
static struct checklist_template_id *
checklist_template_get(const struct checklist_template_index *ix,
    xmlNodePtr t, const char *id)
{
	struct checklist_template_key k = checklist_template_key(t);

	checklist_build_probes++;
	return id != NULL ? xmlHashLookup2(ix->ids, (const xmlChar *)id,
	    (const xmlChar *)k.s) : NULL;
}

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

/* The levels question C claims: CLAIMS[L] for each provision level it
 * is the variant for, CLAIMS[CHECKLIST_LEVEL_NONE] when a default. */
static void
checklist_template_claims(xmlNodePtr c, bool claims[])
{
	enum checklist_level l;
	bool is_default;

	for (l = CHECKLIST_LEVEL_MANDATORY; l <= CHECKLIST_LEVEL_OPTIONAL; l++)
		claims[l] = checklist_template_for_level(c, l, &is_default);
	claims[CHECKLIST_LEVEL_NONE] = is_default;
}

/* The first question before C (of C's id, whose entry is E) that claims
 * a level C claims, or NULL. */
static xmlNodePtr
checklist_template_first_clash(const struct checklist_template_id *e,
    const bool claims[])
{
	xmlNodePtr d = NULL;
	size_t l, at = 0;

	for (l = 0; l < CHECKLIST_TEMPLATE_NLEVELS; l++)
		if (claims[l] && e->claim[l] != NULL && (d == NULL ||
		    e->at[l] < at)) {
			d = e->claim[l];
			at = e->at[l];
		}
	return d;
}

/* Two questions of one id are variants: at most one default, and no
 * level claimed twice. C (of template TID) clashes with D, before it. */
static void
checklist_template_report(xmlNodePtr c, xmlNodePtr d, const char *tid,
    const char *name, struct checklist_error *err)
{
	int clash = checklist_template_clash(c, d);
	char *id = checklist_xml_attr(c, "id");

	checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, name,
	    (int)xmlGetLineNo(c), 0, _("template '%s': a second "
	    "question '%s' %s%s (the first is at line %d)"), tid,
	    id, clash == CHECKLIST_LEVEL_NONE ? "without level" :
	    "for level ", clash == CHECKLIST_LEVEL_NONE ? "" :
	    checklist_level_name((enum checklist_level)clash),
	    (int)xmlGetLineNo(d));
	free(id);
}

/* The entry of question ID of template T, made if new. */
static struct checklist_template_id *
checklist_template_entry(struct checklist_template_index *ix, xmlNodePtr t,
    const char *id)
{
	struct checklist_template_key k = checklist_template_key(t);
	struct checklist_template_id *e = checklist_template_get(ix, t, id);

	if (e != NULL)
		return e;
	e = checklist_xcalloc(1, sizeof *e);
	if (xmlHashAddEntry2(ix->ids, (const xmlChar *)id,
	    (const xmlChar *)k.s, e) != 0)
		checklist_fatal(_("out of memory (index)"));
	return e;
}

/* Index question C, the AT-th child of template T; report its clash
 * with a question of its id before it, if any. */
static void
checklist_template_add(struct checklist_template_index *ix, xmlNodePtr t,
    xmlNodePtr c, size_t at, const char *name, struct checklist_error *err)
{
	char *id = checklist_xml_attr(c, "id"), *tid;
	struct checklist_template_id *e;
	bool claims[CHECKLIST_TEMPLATE_NLEVELS];
	xmlNodePtr d;
	size_t l;

	if (id == NULL)
		return;
	e = checklist_template_entry(ix, t, id);
	free(id);
	checklist_template_claims(c, claims);
	if ((d = checklist_template_first_clash(e, claims)) != NULL) {
		tid = checklist_xml_attr(t, "id");
		checklist_template_report(c, d, tid, name, err);
		free(tid);
	}
	if (e->first == NULL)
		e->first = c;
	if (claims[CHECKLIST_LEVEL_NONE])
		e->last_default = c;
	for (l = 0; l < CHECKLIST_TEMPLATE_NLEVELS; l++)
		if (claims[l] && e->claim[l] == NULL) {
			e->claim[l] = c;
			e->at[l] = at;
		}
}

struct checklist_template_index *
checklist_template_index_new(void)
{
	struct checklist_template_index *ix = checklist_xcalloc(1, sizeof *ix);

	ix->ids = xmlHashCreate(64);
	if (ix->ids == NULL)
		checklist_fatal(_("out of memory (index)"));
	return ix;
}

/* Read template T into IX: its questions by id, and the check that two
 * of one id are variants (else ERR gets "NAME:LINE: template 'T': a
 * second question ..." at the second, naming the first it clashes
 * with). */
void
checklist_template_read(struct checklist_template_index *ix, xmlNodePtr t,
    const char *name, struct checklist_error *err)
{
	xmlNodePtr c;
	size_t at = 0;

	each_child(c, t)
		checklist_template_add(ix, t, c, at++, name, err);
}

static void
checklist_template_id_free(void *e, const xmlChar *key)
{
	(void)key;
	free(e);
}

void
checklist_template_index_free(struct checklist_template_index *ix)
{
	if (ix == NULL)
		return;
	xmlHashFree(ix->ids, checklist_template_id_free);
	free(ix);
}

/* Is there a question with id ID before N (a question of template T)? */
bool
checklist_template_seen(const struct checklist_template_index *ix,
    xmlNodePtr t, xmlNodePtr n, const char *id)
{
	const struct checklist_template_id *e = checklist_template_get(ix, t,
	    id);

	return e != NULL && e->first != n;
}

/* The question of id ID that a provision of level L asks: the first
 * variant for L, else the (last) default, else none. No variant claims
 * CHECKLIST_LEVEL_NONE (the schema has no such level name). */
unsigned long checklist_template_lookups;

xmlNodePtr
checklist_template_variant(const struct checklist_template_index *ix,
    xmlNodePtr t, const char *id, enum checklist_level l)
{
	const struct checklist_template_id *e = checklist_template_get(ix, t,
	    id);

	checklist_template_lookups++;
	if (e == NULL)
		return NULL;
	if (l != CHECKLIST_LEVEL_NONE && e->claim[l] != NULL)
		return e->claim[l];
	return e->last_default;
}

bool
checklist_template_has(const struct checklist_template_index *ix,
    xmlNodePtr t, const char *id)
{
	return checklist_template_get(ix, t, id) != NULL;
}

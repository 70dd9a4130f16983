/*
 * checklist_merge_list.c: the lists of a merge (repeat questions, a
 * law's title, reference, date...) merged entry by entry: an entry is
 * known by its first two one-line answers folded (case, spaces), else by
 * all its answers; the entries of the base come first, then those only
 * inputs have, in their order; each entry's answers are merged like any
 * other (checklist_merge.c). Then the files a merge's answers name are
 * taken into the output's attachment folder.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal_merge.h"

/* One entry of the output: the base's and each input's. */
struct checklist_mslot {
	char *key;
	xmlNodePtr base;
	xmlNodePtr *in;
};

/* Words of S lower-cased, one space between them, appended to OUT. */
static void
checklist_merge_fold(const char *s, char **out, size_t *len)
{
	bool space = false;

	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = *len > 0;
			continue;
		}
		*out = checklist_xrealloc(*out, *len + 3);
		if (space)
			(*out)[(*len)++] = ' ';
		space = false;
		(*out)[(*len)++] = (char)tolower((unsigned char)*s);
		(*out)[*len] = '\0';
	}
}

/* The value of E's child ID folded onto KEY, then a separator. */
static void
checklist_merge_key_add(xmlNodePtr e, const char *id, char **key,
    size_t *len)
{
	xmlNodePtr c = checklist_child_named(e, id);
	char *t = c != NULL ? checklist_xml_text(c) : checklist_xstrdup("");

	checklist_merge_fold(t, key, len);
	*key = checklist_xrealloc(*key, *len + 2);
	(*key)[(*len)++] = '\x1f';
	(*key)[*len] = '\0';
	free(t);
}

/* The key of entry E of repeat Q: its first two one-line answers, else
 * all its answers. Caller frees. */
static char *
checklist_merge_key(const struct checklist_question *q, xmlNodePtr e)
{
	char *key = checklist_xstrdup("#");
	size_t len = 1, i, used = 0;

	for (i = 0; i < q->nchildren && used < 2; i++)
		if (q->children[i]->type == CHECKLIST_Q_TEXT) {
			checklist_merge_key_add(e, q->children[i]->id, &key,
			    &len);
			used++;
		}
	if (strspn(key + 1, "\x1f") == len - 1) { /* no title, no reference */
		key[0] = '*';
		key[1] = '\0';
		len = 1;
		for (i = 0; i < q->nchildren; i++)
			checklist_merge_key_add(e, q->children[i]->id, &key,
			    &len);
	}
	return key;
}

/* The entries of repeat element REP, in order. Caller frees. */
static size_t
checklist_merge_entries(xmlNodePtr rep, xmlNodePtr **out)
{
	xmlNodePtr c;
	size_t n = 0;

	*out = NULL;
	for (c = rep != NULL ? rep->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, XC("entry"))) {
			*out = checklist_xreallocarray(*out, n + 1,
			    sizeof **out);
			(*out)[n++] = c;
		}
	return n;
}

struct checklist_mslots {
	struct checklist_mslot *v;
	size_t n;
};

/* The slot for entry E of input I (-1: the base): the first of KEY that
 * has none from I yet, else a new one. */
static void
checklist_merge_slot(struct checklist_merge *m, struct checklist_mslots *s,
    const struct checklist_question *q, xmlNodePtr e, int i)
{
	char *key = checklist_merge_key(q, e);
	size_t k;

	for (k = 0; i >= 0 && k < s->n; k++)
		if (strcmp(s->v[k].key, key) == 0 && s->v[k].in[i] == NULL) {
			s->v[k].in[i] = e;
			free(key);
			return;
		}
	s->v = checklist_xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n].key = key;
	s->v[s->n].base = i < 0 ? e : NULL;
	s->v[s->n].in = checklist_xcalloc(m->n, sizeof *s->v[s->n].in);
	if (i >= 0)
		s->v[s->n].in[i] = e;
	s->n++;
}

/* Is entry E (of repeat Q) as the base's entry B? */
static bool
checklist_merge_same_entry(xmlNodePtr e, xmlNodePtr b)
{
	char *x = checklist_xml_text(e), *y = checklist_xml_text(b);
	bool same = strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

/* A base entry some inputs removed: gone when no input changed it,
 * else kept; said either way. True when kept. */
static bool
checklist_merge_removed(struct checklist_merge *m, struct checklist_mslot *s,
    const char *path, size_t at)
{
	size_t i, gone = m->n, changed = m->n;
	char *t;

	for (i = 0; i < m->n; i++) {
		if (s->in[i] == NULL && gone == m->n)
			gone = i;
		else if (s->in[i] != NULL && changed == m->n &&
		    !checklist_merge_same_entry(s->in[i], s->base))
			changed = i;
	}
	if (gone == m->n)
		return true;
	t = checklist_xml_text(s->base);
	checklist_merge_note(m, changed == m->n ?
	    checklist_xasprintf(_("%s[%zu]: an entry (%.40s) removed by %s: "
	    "left out"), path, at, t, m->in[gone].file) :
	    checklist_xasprintf(_("%s[%zu]: an entry (%.40s) removed by %s "
	    "but changed by %s: kept"), path, at, t, m->in[gone].file,
	    m->in[changed].file));
	free(t);
	return changed != m->n;
}

/* Make the output entry of slot S (index AT) in OUT and merge into it. */
static void
checklist_merge_entry(struct checklist_merge *m,
    const struct checklist_question *q, xmlNodePtr out,
    struct checklist_mslot *s, const char *path, size_t at)
{
	xmlNodePtr e = xmlNewChild(out, NULL, XC("entry"), NULL), *ins;
	size_t i, k;
	int first = -1;
	char *sub;

	if (e == NULL)
		checklist_fatal(_("out of memory (merge)"));
	ins = checklist_xcalloc(m->n, sizeof *ins);
	for (i = 0; i < m->n && first < 0; i++)
		if (s->in[i] != NULL)
			first = (int)i;
	checklist_merge_stamp(m, e, s->base != NULL ? s->base : s->in[first],
	    s->base != NULL ? -1 : first);
	for (k = 0; k < q->nchildren; k++) {
		const struct checklist_question *c = q->children[k];
		xmlNodePtr oc = checklist_skeleton_question(e, c);

		for (i = 0; i < m->n; i++)
			ins[i] = s->in[i] != NULL ?
			    checklist_child_named(s->in[i], c->id) : NULL;
		sub = checklist_xasprintf("%s[%zu]/%s", path, at, c->id);
		xmlNodeSetContent(oc, NULL);
		checklist_merge_question(m, c, oc, ins, s->base != NULL ?
		    checklist_child_named(s->base, c->id) : NULL, sub);
		free(sub);
	}
	free(ins);
}

void
checklist_merge_list(struct checklist_merge *m,
    const struct checklist_question *q, xmlNodePtr out, xmlNodePtr *ins,
    xmlNodePtr base, const char *path)
{
	struct checklist_mslots s = { NULL, 0 };
	xmlNodePtr *es;
	size_t n, i, k, at = 0;

	n = checklist_merge_entries(base, &es);
	for (k = 0; k < n; k++)
		checklist_merge_slot(m, &s, q, es[k], -1);
	free(es);
	for (i = 0; i < m->n; i++) {
		n = checklist_merge_entries(ins[i], &es);
		for (k = 0; k < n; k++)
			checklist_merge_slot(m, &s, q, es[k], (int)i);
		free(es);
	}
	for (k = 0; k < s.n; k++) {
		if (at >= CHECKLIST_ENTRIES_MAX)
			checklist_merge_note(m, checklist_xasprintf(
			    _("%s: more than %d entries: the rest left out"),
			    path,
			    CHECKLIST_ENTRIES_MAX));
		else if (s.v[k].base == NULL ||
		    checklist_merge_removed(m, &s.v[k], path, at + 1))
			checklist_merge_entry(m, q, out, &s.v[k], path, ++at);
		if (at >= CHECKLIST_ENTRIES_MAX && s.v[k].base == NULL)
			k = s.n - 1;
	}
	for (k = 0; k < s.n; k++) {
		free(s.v[k].key);
		free(s.v[k].in);
	}
	free(s.v);
}

/* --------------------------------------------------------- the files */

/* Take in the file at PATH (element EL) when its value is absolute. */
static checklist_status
checklist_merge_take_one(struct checklist_response *out, xmlNodePtr el,
    const char *path, struct checklist_error *err)
{
	char *v = checklist_xml_text(el), *from[3];
	checklist_status st = CHECKLIST_OK;
	size_t k;

	/* a conflicted value waits: settling it takes its file in */
	if (v[0] == '/' && xmlHasProp(el, XC(CHECKLIST_ATTR_CONFLICT)) ==
	    NULL) {
		for (k = 0; k < 3; k++)
			from[k] = checklist_xml_attr(el, checklist_merge_from[k]);
		xmlNodeSetContent(el, NULL);
		st = checklist_response_set(out, path, v, err);
		if (st != CHECKLIST_OK)
			xmlNodeAddContent(el, XC(v)); /* as it was */
		for (k = 0; k < 3; k++) {
			if (from[k] != NULL)
				xmlSetProp(el, XC(checklist_merge_from[k]),
				    XC(from[k]));
			free(from[k]);
		}
	}
	free(v);
	return st;
}

/* The file answers of question Q (element EL, value path PATH). */
static checklist_status
checklist_merge_take_q(struct checklist_response *out,
    const struct checklist_question *q, xmlNodePtr el, const char *path,
    struct checklist_error *err)
{
	xmlNodePtr *es;
	size_t n, i, k;
	char *sub;
	checklist_status st = CHECKLIST_OK;

	if (el == NULL)
		return CHECKLIST_OK;
	if (q->type == CHECKLIST_Q_FILE)
		return checklist_merge_take_one(out, el, path, err);
	if (q->type != CHECKLIST_Q_REPEAT)
		return CHECKLIST_OK;
	n = checklist_merge_entries(el, &es);
	for (i = 0; i < n && st == CHECKLIST_OK; i++)
		for (k = 0; k < q->nchildren && st == CHECKLIST_OK; k++) {
			sub = checklist_xasprintf("%s[%zu]/%s", path, i + 1,
			    q->children[k]->id);
			st = checklist_merge_take_q(out, q->children[k],
			    checklist_child_named(es[i], q->children[k]->id),
			    sub, err);
			free(sub);
		}
	free(es);
	return st;
}

checklist_status
checklist_merge_take_files(struct checklist_response *out,
    struct checklist_error *err)
{
	const struct checklist *cl = out->cl;
	const struct checklist_question *q;
	checklist_status st = CHECKLIST_OK;
	size_t i, k;
	bool other;

	for (i = 0; i < cl->npages && st == CHECKLIST_OK; i++)
		for (k = 0; k < cl->pages[i]->nquestions && st == CHECKLIST_OK;
		    k++) {
			const char *path = cl->pages[i]->questions[k]->path;

			st = checklist_merge_take_q(out,
			    cl->pages[i]->questions[k], checklist_path_resolve(
			    out, path, false, &q, &other), path, err);
		}
	return st;
}

/*
 * checklist_merge.c: several agencies' responses to one checklist made
 * into one (sacl merge; doc/response-format.md, "Workshops").
 *
 * The checklist is walked, not the documents: every question of every
 * page, in reading order. A value is compared across the inputs (its
 * text and its "other" text; a file by its checksum): with a base, the
 * inputs that changed it count; without, those that gave one. One value
 * among them is taken, with its provenance (the from-* attributes it
 * already had, else its input's); several are a conflict: the element
 * keeps the base's value (or none), is marked conflict="yes", and every
 * value goes in <conflicts> with who gave it. Lists (repeats) are merged
 * entry by entry, an entry known by its first two one-line answers (a
 * law's title and reference), else by all its answers.
 *
 * Known limits: an entry whose key an input changed is taken as a new
 * entry (and the old one as removed by that input: left out when no
 * other input changed it, said in a note); relevance is not looked at
 * (values are merged whether asked or not).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal_merge.h"

/* One value as an input has it (copies of its element's strings). */
struct checklist_mval {
	xmlNodePtr el; /* NULL: the input takes no part */
	char *value, *other, *sha;
};

const char *const checklist_merge_from[3] = {
	CHECKLIST_ATTR_FROM_AGENCY, CHECKLIST_ATTR_FROM_FILE,
	CHECKLIST_ATTR_FROM_TIME,
};

static void
checklist_mval_read(xmlNodePtr el, struct checklist_mval *v)
{
	v->el = el;
	v->value = el != NULL ? checklist_xml_text(el) : NULL;
	v->other = el != NULL ? checklist_xml_attr(el, "other") : NULL;
	v->sha = el != NULL ? checklist_xml_attr(el, CHECKLIST_ATTR_SHA256) :
	    NULL;
}

static void
checklist_mval_free(struct checklist_mval *v)
{
	free(v->value);
	free(v->other);
	free(v->sha);
}

static bool
checklist_mval_empty(const struct checklist_mval *v)
{
	return (v->value == NULL || v->value[0] == '\0') &&
	    (v->other == NULL || v->other[0] == '\0');
}

static bool
checklist_merge_streq(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The same answer? A file by the checksum of its copy. */
static bool
checklist_mval_eq(const struct checklist_mval *a,
    const struct checklist_mval *b)
{
	if (a->sha != NULL && b->sha != NULL)
		return strcmp(a->sha, b->sha) == 0;
	return checklist_merge_streq(a->value, b->value) &&
	    checklist_merge_streq(a->other, b->other);
}

/* Put on TO the provenance of FROM (an input's element) when it has
 * one, else input I's (I -1: the base's element only). */
void
checklist_merge_stamp(struct checklist_merge *m, xmlNodePtr to,
    xmlNodePtr from, int i)
{
	const char *mine[3] = { NULL, NULL, NULL };
	char *v, *root = NULL;
	size_t k;
	bool has = false;

	for (k = 0; k < 3; k++)
		has |= from != NULL && xmlHasProp(from,
		    XC(checklist_merge_from[k])) != NULL;
	if (!has && i >= 0) {
		if (m->in[i].agency == NULL)
			root = checklist_response_agency(m->in[i].r);
		mine[0] = m->in[i].agency != NULL ? m->in[i].agency : root;
		mine[1] = m->in[i].file;
		mine[2] = m->in[i].time;
	}
	for (k = 0; k < 3; k++) {
		v = has ? checklist_xml_attr(from, checklist_merge_from[k]) :
		    (mine[k] != NULL ? checklist_xstrdup(mine[k]) : NULL);
		if (v != NULL)
			xmlSetProp(to, XC(checklist_merge_from[k]), XC(v));
		free(v);
	}
	free(root);
}

/* Store V in EL (its value, "other" text, checksum). A file's value
 * names the copy beside input I's file: made absolute, as sacl set
 * would be given it. */
static void
checklist_merge_put(struct checklist_merge *m, xmlNodePtr el,
    const struct checklist_mval *v, struct checklist_response *from)
{
	const char *dir = from != NULL ? checklist_response_dir(from) : NULL;
	char *value = v->value != NULL ? checklist_xstrdup(v->value) : NULL;

	if (v->sha != NULL && value != NULL && value[0] != '/' && dir != NULL) {
		free(value);
		value = checklist_xasprintf("%s/%s", dir, v->value);
	}
	xmlNodeSetContent(el, NULL);
	if (value != NULL && value[0] != '\0')
		xmlNodeAddContent(el, XC(value));
	if (v->other != NULL)
		xmlSetProp(el, XC("other"), XC(v->other));
	if (v->sha != NULL)
		xmlSetProp(el, XC(CHECKLIST_ATTR_SHA256), XC(v->sha));
	free(value);
}

/* The root's <conflicts>, made (last) when missing. */
static xmlNodePtr
checklist_merge_conflicts(struct checklist_merge *m)
{
	xmlNodePtr root = xmlDocGetRootElement(m->out->doc);
	xmlNodePtr c = checklist_conflicts_found(m->out);

	if (c != NULL)
		return c;
	if ((c = xmlNewChild(root, NULL, XC("conflicts"), NULL)) == NULL)
		checklist_fatal(_("out of memory (merge)"));
	checklist_conflicts_kept(m->out, c);
	return c;
}

/* Record the conflict at PATH among the distinct values D[0..ND). */
static void
checklist_merge_conflict(struct checklist_merge *m, xmlNodePtr el,
    const char *path, const struct checklist_mval *v, const int *d, size_t nd)
{
	xmlNodePtr c = xmlNewChild(checklist_merge_conflicts(m), NULL,
	    XC("conflict"), NULL);
	size_t k;

	xmlSetProp(c, XC("path"), XC(path));
	for (k = 0; k < nd; k++) {
		xmlNodePtr cand = xmlNewChild(c, NULL, XC("candidate"), NULL);

		checklist_merge_stamp(m, cand, v[d[k]].el, d[k]);
		checklist_merge_put(m, cand, &v[d[k]], m->in[d[k]].r);
	}
	xmlSetProp(el, XC(CHECKLIST_ATTR_CONFLICT), XC("yes"));
	checklist_marks_added(m->out);
	m->res->conflicts++;
}

void
checklist_merge_note(struct checklist_merge *m, char *note)
{
	m->res->notes = checklist_xreallocarray(m->res->notes,
	    m->res->nnotes + 1, sizeof *m->res->notes);
	m->res->notes[m->res->nnotes++] = note;
}

/* Settle with --prefer: the preferred input's value, when it gave one
 * (with a base: whatever it holds). True when taken. */
static bool
checklist_merge_prefer(struct checklist_merge *m, xmlNodePtr el,
    const char *path, const struct checklist_mval *v, const int *d, size_t nd,
    bool base)
{
	int p = m->prefer;
	size_t k;

	if (p < 0 || v[p].el == NULL || (!base && checklist_mval_empty(&v[p])))
		return false;
	checklist_merge_put(m, el, &v[p], m->in[p].r);
	checklist_merge_stamp(m, el, v[p].el, p);
	for (k = 0; k < nd; k++)
		if (!checklist_mval_eq(&v[d[k]], &v[p]))
			checklist_merge_note(m, checklist_xasprintf(
			    _("%s: took the value of %s (--prefer) over that "
			    "of %s"), path,
			    m->in[p].file, m->in[d[k]].file));
	return true;
}

/* Merge one value: EL in the output, V[i] each input's, B the base's
 * (B->el NULL: no base for it). */
static void
checklist_merge_leaf(struct checklist_merge *m, xmlNodePtr el,
    const char *path, struct checklist_mval *v, struct checklist_mval *b)
{
	int *d = checklist_xcalloc(m->n + 1, sizeof *d);
	size_t nd = 0, i, k;

	for (i = 0; i < m->n; i++) {
		if (v[i].el == NULL || (b->el != NULL ?
		    checklist_mval_eq(&v[i], b) : checklist_mval_empty(&v[i])))
			continue; /* takes no part, unchanged, or gives none */
		for (k = 0; k < nd && !checklist_mval_eq(&v[d[k]], &v[i]); k++)
			;
		if (k == nd)
			d[nd++] = (int)i;
	}
	if (b->el == NULL && nd != 1)
		xmlNodeSetContent(el, NULL); /* none, or none for now */
	if (b->el != NULL && (nd != 1)) { /* the base's for now */
		checklist_merge_put(m, el, b, m->base);
		if (nd == 0)
			checklist_merge_stamp(m, el, b->el, -1);
	}
	if (nd == 1) {
		checklist_merge_put(m, el, &v[d[0]], m->in[d[0]].r);
		checklist_merge_stamp(m, el, v[d[0]].el, d[0]);
	} else if (nd > 1 && !checklist_merge_prefer(m, el, path, v, d, nd,
	    b->el != NULL))
		checklist_merge_conflict(m, el, path, v, d, nd);
	free(d);
}

void
checklist_merge_question(struct checklist_merge *m,
    const struct checklist_question *q, xmlNodePtr out, xmlNodePtr *ins,
    xmlNodePtr base, const char *path)
{
	struct checklist_mval *v, b;
	size_t i;

	if (q->type == CHECKLIST_Q_REPEAT) {
		checklist_merge_list(m, q, out, ins, base, path);
		return;
	}
	v = checklist_xcalloc(m->n, sizeof *v);
	for (i = 0; i < m->n; i++)
		checklist_mval_read(ins[i], &v[i]);
	checklist_mval_read(base, &b);
	checklist_merge_leaf(m, out, path, v, &b);
	for (i = 0; i < m->n; i++)
		checklist_mval_free(&v[i]);
	checklist_mval_free(&b);
	free(v);
}

/* --------------------------------------------------------- the whole */

/* Merge the questions of page G. */
static void
checklist_merge_page(struct checklist_merge *m,
    const struct checklist_group *g)
{
	xmlNodePtr *ins = checklist_xcalloc(m->n, sizeof *ins), out;
	const struct checklist_question *q;
	size_t i, k;
	bool other;

	for (k = 0; k < g->nquestions; k++) {
		const char *path = g->questions[k]->path;

		out = checklist_path_resolve(m->out, path, true, &q, &other);
		for (i = 0; i < m->n; i++)
			ins[i] = checklist_path_resolve(m->in[i].r, path, false,
			    &q, &other);
		if (out == NULL)
			continue;
		if (q->type == CHECKLIST_Q_REPEAT)
			while (out->children != NULL) {
				xmlNodePtr c = out->children;

				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
		checklist_merge_question(m, g->questions[k], out, ins,
		    m->base != NULL ? checklist_path_resolve(m->base, path,
		    false, &q, &other) : NULL, path);
	}
	free(ins);
}

/* Can IN go into a merge with CL? Same version, no conflict left. */
static checklist_status
checklist_merge_check(const struct checklist *cl,
    struct checklist_response *r, const char *file,
    struct checklist_error *err)
{
	char *v = checklist_xml_attr(xmlDocGetRootElement(r->doc),
	    "checklist-version");
	struct checklist_conflict *c;
	size_t n;

	if (v != NULL && strcmp(v, cl->version) != 0) {
		checklist_error_set(err, CHECKLIST_ERR_VALUE, file, 0, 0,
		    _("a response to version %.64s of checklist %s, the others "
		    "are to version %s: merge responses to one version"),
		    v, cl->id, cl->version);
		free(v);
		return err->status;
	}
	free(v);
	n = checklist_conflicts(r, &c);
	checklist_conflicts_free(c, n);
	if (n > 0)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, file, 0, 0,
		    P_("%zu conflict left from an earlier merge: settle it "
		    "first (sacl fill, F7)", "%zu conflicts left from an "
		    "earlier merge: settle them first (sacl fill, F7)", n), n);
	return CHECKLIST_OK;
}

/* The root attributes the output keeps: from the base, else from the
 * first input that has each. */
static void
checklist_merge_root(struct checklist_merge *m)
{
	static const char *const keep[] = { "lang", "submission-id",
	    "revision", "created" };
	xmlNodePtr root = xmlDocGetRootElement(m->out->doc);
	size_t k, i;
	char *v;

	for (k = 0; k < sizeof keep / sizeof *keep; k++) {
		v = m->base != NULL ? checklist_xml_attr(xmlDocGetRootElement(
		    m->base->doc), keep[k]) : NULL;
		for (i = 0; v == NULL && i < m->n; i++)
			v = checklist_xml_attr(xmlDocGetRootElement(
			    m->in[i].r->doc), keep[k]);
		if (v != NULL)
			xmlSetProp(root, XC(keep[k]), XC(v));
		if (v != NULL && strcmp(keep[k], "lang") == 0) {
			free(m->out->lang);
			m->out->lang = v;
		} else {
			free(v);
		}
	}
}

void
checklist_merge_result_free(struct checklist_merge_result *res)
{
	size_t i;

	for (i = 0; i < res->nnotes; i++)
		free(res->notes[i]);
	free(res->notes);
	memset(res, 0, sizeof *res);
}

checklist_status
checklist_merge(const struct checklist *cl, struct checklist_response *base,
    const struct checklist_merge_input *in, size_t n, int prefer,
    struct checklist_response **out, struct checklist_merge_result *res,
    struct checklist_error *err)
{
	struct checklist_merge m = { base, in, n, prefer, NULL, res, err };
	size_t i;

	memset(res, 0, sizeof *res);
	*out = NULL;
	if (base != NULL && checklist_merge_check(cl, base, _("the base"),
	    err) != CHECKLIST_OK)
		return err->status;
	for (i = 0; i < n; i++)
		if (in[i].r->cl != cl || checklist_merge_check(cl, in[i].r,
		    in[i].file, err) != CHECKLIST_OK)
			return checklist_error_set(err, CHECKLIST_ERR_VALUE,
			    in[i].file, 0, 0,
			    _("not a response to checklist %s"), cl->id);
	m.out = checklist_response_new(cl);
	checklist_merge_root(&m);
	for (i = 0; i < cl->npages; i++)
		checklist_merge_page(&m, cl->pages[i]);
	checklist_touch_all(m.out);
	m.out->changes++;
	*out = m.out;
	return CHECKLIST_OK;
}


/*
 * checklist_diff.c: the answers of a response as a flat list of values,
 * and the comparison of two such lists (`sacl diff`, `sacl fill
 * --compare`, and carry forward's list of what it did not take).
 *
 * The walk needs no definition, so that two versions of a checklist (or
 * two checklists) compare by question id: in a response document an
 * element without element children is a value; an element whose element
 * children are all <entry> is a repeat; any other element is a group.
 * A value is named by its value path: the id of the nearest group, the
 * question's id, and for entries the repeat's id with the entry's index
 * ("p9_1/status", "p9_1/measures[2]/title"), as `sacl get` names it.
 *
 * The <conflicts> element `sacl merge` may leave as the root's last
 * child holds candidates, not answers: it is left out.
 *
 * Known limits: an empty repeat is seen as an empty value (which it
 * is); an entry holding a group (no checklist has one) is walked as a
 * group.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

static bool
checklist_flat_has_elements(xmlNodePtr el)
{
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* Are EL's element children all (and at least one) <entry>? */
static bool
checklist_flat_is_repeat(xmlNodePtr el)
{
	xmlNodePtr c;
	bool any = false;

	for (c = el->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "entry") != 0)
			return false;
		any = true;
	}
	return any;
}

static void
checklist_flat_add(struct checklist_flat *f, xmlNodePtr el, char *path,
    const char *group)
{
	struct checklist_flat_item *it;

	f->v = checklist_xreallocarray(f->v, f->n + 1, sizeof *f->v);
	it = &f->v[f->n++];
	it->path = path;
	it->group = checklist_xstrdup(group);
	it->value = checklist_xml_text(el);
	it->other = checklist_xml_attr(el, "other");
	it->sha256 = checklist_xml_attr(el, CHECKLIST_ATTR_SHA256);
	it->el = el;
}

static void checklist_flat_group(struct checklist_flat *f, xmlNodePtr el,
    const char *gid);

/* The entries of repeat REP, whose value path is PREFIX. */
static void
checklist_flat_entries(struct checklist_flat *f, xmlNodePtr rep,
    const char *prefix, const char *gid)
{
	xmlNodePtr e, c;
	size_t i = 0;
	char *p;

	for (e = rep->children; e != NULL; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			continue;
		i++;
		for (c = e->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			p = checklist_xasprintf("%s[%zu]/%s", prefix, i,
			    (const char *)c->name);
			if (!checklist_flat_has_elements(c))
				checklist_flat_add(f, c, p, gid);
			else if (checklist_flat_is_repeat(c)) {
				checklist_flat_entries(f, c, p, gid);
				free(p);
			} else {
				free(p);
				checklist_flat_group(f, c,
				    (const char *)c->name);
			}
		}
	}
}

static void
checklist_flat_group(struct checklist_flat *f, xmlNodePtr el,
    const char *gid)
{
	xmlNodePtr c;
	char *p;

	for (c = el->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || (el == f->root &&
		    strcmp((const char *)c->name, "conflicts") == 0))
			continue; /* the merge's list of conflicts: no answer */
		if (checklist_flat_has_elements(c) &&
		    !checklist_flat_is_repeat(c)) {
			checklist_flat_group(f, c, (const char *)c->name);
			continue;
		}
		p = checklist_xasprintf("%s/%s", gid, (const char *)c->name);
		if (checklist_flat_is_repeat(c)) {
			checklist_flat_entries(f, c, p, gid);
			free(p);
		} else {
			checklist_flat_add(f, c, p, gid);
		}
	}
}

void
checklist_flat_read(xmlNodePtr root, struct checklist_flat *out)
{
	memset(out, 0, sizeof *out);
	out->root = root;
	if (root != NULL)
		checklist_flat_group(out, root, (const char *)root->name);
}

char *
checklist_raw_value(xmlNodePtr root, const char *path)
{
	struct checklist_flat f;
	char *v = NULL;
	size_t i;

	checklist_flat_read(root, &f);
	for (i = 0; i < f.n && v == NULL; i++)
		if (strcmp(f.v[i].path, path) == 0)
			v = checklist_xstrdup(f.v[i].value);
	checklist_flat_free(&f);
	return v;
}

checklist_status
checklist_response_read_raw(const char *file, xmlDocPtr *doc,
    struct checklist_error *err)
{
	xmlNodePtr root;
	checklist_status st;
	size_t len;
	char *buf;

	*doc = NULL;
	st = checklist_read_file(file, CHECKLIST_RESPONSE_MAX, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	st = checklist_xml_parse_capped(buf, len, file,
	    &checklist_caps_response, doc, err);
	free(buf);
	if (st != CHECKLIST_OK)
		return st;
	root = xmlDocGetRootElement(*doc);
	if (root != NULL && root->ns == NULL &&
	    strcmp((const char *)root->name, "response") == 0 &&
	    xmlHasProp(root, (const xmlChar *)"checklist") != NULL)
		return CHECKLIST_OK;
	xmlFreeDoc(*doc);
	*doc = NULL;
	return checklist_error_set(err, CHECKLIST_ERR_PARSE, file, 0, 0,
	    _("not a response file (its root is not <response checklist=...>) "
	    "nor a package"));
}

void
checklist_response_names(xmlNodePtr root, char **id, char **version)
{
	*id = checklist_xml_attr(root, "checklist");
	*version = checklist_xml_attr(root, "checklist-version");
	if (*id == NULL)
		*id = checklist_xstrdup("?");
	if (*version == NULL)
		*version = checklist_xstrdup("?");
}

void
checklist_flat_free(struct checklist_flat *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].path);
		free(f->v[i].group);
		free(f->v[i].value);
		free(f->v[i].other);
		free(f->v[i].sha256);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ compare */

static int
checklist_flat_cmp(const void *a, const void *b)
{
	const struct checklist_flat_item *const *x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

/* F's items sorted by path, for checklist_flat_find. Caller frees. */
static const struct checklist_flat_item **
checklist_flat_index(const struct checklist_flat *f)
{
	const struct checklist_flat_item **ix;
	size_t i;

	ix = checklist_xcalloc(f->n + 1, sizeof *ix);
	for (i = 0; i < f->n; i++)
		ix[i] = &f->v[i];
	qsort(ix, f->n, sizeof *ix, checklist_flat_cmp);
	return ix;
}

static int
checklist_flat_cmp_key(const void *key, const void *b)
{
	const struct checklist_flat_item *const *y = b;

	return strcmp(key, (*y)->path);
}

static const struct checklist_flat_item *
checklist_flat_find(const struct checklist_flat_item **ix, size_t n,
    const char *path)
{
	const struct checklist_flat_item *const *hit;

	hit = bsearch(path, ix, n, sizeof *ix, checklist_flat_cmp_key);
	return hit != NULL ? *hit : NULL;
}

/* The value shown: "VALUE (other: TEXT)" when there is an "other"
 * text; "" for none. Caller frees. */
static char *
checklist_diff_show(const struct checklist_flat_item *it)
{
	if (it == NULL)
		return checklist_xstrdup("");
	if (it->other != NULL && it->other[0] != '\0')
		return checklist_xasprintf("%s (other: %s)", it->value,
		    it->other);
	return checklist_xstrdup(it->value);
}

static bool
checklist_diff_empty(const struct checklist_flat_item *it)
{
	return it == NULL || (it->value[0] == '\0' &&
	    (it->other == NULL || it->other[0] == '\0'));
}

/* The last component of a file answer's value (a response keeps the
 * copy's path, a package the attachment's name). */
static const char *
checklist_diff_base(const char *v)
{
	const char *slash = strrchr(v, '/');

	return slash != NULL ? slash + 1 : v;
}

static bool
checklist_diff_same(const struct checklist_flat_item *a,
    const struct checklist_flat_item *b)
{
	char *x, *y;
	bool same;

	if (checklist_diff_empty(a) || checklist_diff_empty(b))
		return checklist_diff_empty(a) == checklist_diff_empty(b);
	if (a->sha256 != NULL && b->sha256 != NULL)
		return strcmp(a->sha256, b->sha256) == 0;
	if (a->sha256 != NULL || b->sha256 != NULL) /* a file, one side a
	                                            * package's name */
		return strcmp(checklist_diff_base(a->value),
		    checklist_diff_base(b->value)) == 0;
	x = checklist_diff_show(a);
	y = checklist_diff_show(b);
	same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

static void
checklist_diff_add(struct checklist_diff *d, enum checklist_diff_kind k,
    const struct checklist_flat_item *o, const struct checklist_flat_item *n)
{
	struct checklist_diff_item *it;

	d->v = checklist_xreallocarray(d->v, d->n + 1, sizeof *d->v);
	it = &d->v[d->n++];
	it->kind = k;
	it->path = checklist_xstrdup(n != NULL ? n->path : o->path);
	it->group = checklist_xstrdup(n != NULL ? n->group : o->group);
	it->old_value = checklist_diff_empty(o) ? checklist_xstrdup("") :
	    checklist_diff_show(o);
	it->new_value = checklist_diff_empty(n) ? checklist_xstrdup("") :
	    checklist_diff_show(n);
}

void
checklist_diff_flat(const struct checklist_flat *of,
    const struct checklist_flat *nf, struct checklist_diff *out)
{
	const struct checklist_flat_item **oix = checklist_flat_index(of);
	const struct checklist_flat_item **nix = checklist_flat_index(nf);
	const struct checklist_flat_item *o, *n;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < nf->n; i++) {
		n = &nf->v[i];
		o = checklist_flat_find(oix, of->n, n->path);
		if (checklist_diff_same(o, n))
			continue;
		checklist_diff_add(out, checklist_diff_empty(o) ?
		    CHECKLIST_DIFF_ADDED : checklist_diff_empty(n) ?
		    CHECKLIST_DIFF_REMOVED : CHECKLIST_DIFF_CHANGED, o, n);
	}
	for (i = 0; i < of->n; i++) {
		o = &of->v[i];
		if (!checklist_diff_empty(o) &&
		    checklist_flat_find(nix, nf->n, o->path) == NULL)
			checklist_diff_add(out, CHECKLIST_DIFF_REMOVED, o, NULL);
	}
	free(oix);
	free(nix);
}

void
checklist_diff_compare(xmlNodePtr old_root, xmlNodePtr new_root,
    struct checklist_diff *out)
{
	struct checklist_flat of, nf;

	checklist_flat_read(old_root, &of);
	checklist_flat_read(new_root, &nf);
	checklist_diff_flat(&of, &nf, out);
	checklist_flat_free(&of);
	checklist_flat_free(&nf);
}

void
checklist_diff_free(struct checklist_diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].group);
		free(d->v[i].old_value);
		free(d->v[i].new_value);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

const char *
checklist_diff_kind_name(enum checklist_diff_kind k)
{
	switch (k) {
	case CHECKLIST_DIFF_ADDED: return "added";
	case CHECKLIST_DIFF_CHANGED: return "changed";
	default: return "removed";
	}
}

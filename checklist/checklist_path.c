/*
 * checklist_path.c: value paths ("p9_1/status", "p9_1/measures[2]/title",
 * "front/state:other") resolved to the response's elements; getting and
 * setting values (type check, then the XPath constraint); repeat entries;
 * relevance of a question in place.
 *
 * Path grammar: GROUP "/" STEP ("/" STEP)* [":other"], where STEP is a
 * question id, followed by "[N]" (N >= 1) when it is a repeat crossed on
 * the way to one of its questions.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

#define CHECKLIST_STR_(x) #x
#define CHECKLIST_STR(x) CHECKLIST_STR_(x)
/* The longest path without entry indexes looked up in the index. */
#define CHECKLIST_PATH_KEY 256

/* A new last child of PARENT named NAME. */
static xmlNodePtr
checklist_path_make(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (c == NULL)
		checklist_fatal(_("out of memory (response)"));
	return c;
}

static xmlNodePtr
checklist_path_child(xmlNodePtr parent, const char *name, bool create)
{
	xmlNodePtr c = checklist_child_named(parent, name);

	return c != NULL || !create ? c : checklist_path_make(parent, name);
}

static xmlNodePtr checklist_group_node_kept(struct checklist_response *r,
    const struct checklist_group *g, bool make);

/* The element of G, found (or, with MAKE, made) among its parent's
 * children; NULL when absent and not made. */
static xmlNodePtr
checklist_group_find(struct checklist_response *r,
    const struct checklist_group *g, bool make)
{
	xmlNodePtr parent = g->parent == NULL ? xmlDocGetRootElement(r->doc) :
	    checklist_group_node_kept(r, g->parent, make);
	xmlNodePtr el = parent != NULL ?
	    checklist_path_child(parent, g->id, false) : NULL;

	if (el != NULL || !make || parent == NULL)
		return el;
	checklist_touch_all(r); /* a group's element made: not a question's */
	return checklist_path_child(parent, g->id, true);
}

/* The groups' elements kept on a response (R->gnodes), by the
 * dependency index's number of the group, for the document DOC. A
 * group's element, once there, stays until its document is freed: only
 * entries and conflict notes are ever removed; a response whose document
 * is replaced forgets them (checklist_group_nodes_forget), and they are
 * not used for another document. */
struct checklist_gnodes {
	xmlDocPtr doc;
	bool *filled; /* by the parent group's number, the root's last:
	               * whether its element's children were all kept */
	xmlNodePtr *qnode; /* by the question's number (cl->all): the
	                    * element of a page-level question, once found;
	                    * forgotten when a change touches it (it may be
	                    * another then: checklist_touch), and looked for
	                    * again from the element before it; or known
	                    * absent (CHECKLIST_ABSENT) */
	bool *qfilled; /* by the group's number: its questions' elements
	                * kept from one walk of its element's children */
	xmlNodePtr conflicts; /* the root's <conflicts>, seen in the walk of
	                       * the root's children (filled[ngroups]) or
	                       * told (checklist_conflicts_kept) */
	xmlNodePtr node[];
};

/* Where G's element is kept, or NULL: not kept (a checklist not made by
 * the loader). */
static xmlNodePtr *
checklist_group_slot(struct checklist_response *r,
    const struct checklist_group *g)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	const struct checklist_gpriv *gp = g->priv;
	struct checklist_gnodes *kept = r->gnodes;

	if (d == NULL || gp == NULL || gp->index >= d->ngroups ||
	    d->groups[gp->index] != g)
		return NULL;
	if (kept != NULL && kept->doc != r->doc)
		checklist_group_nodes_forget(r);
	if ((kept = r->gnodes) == NULL) {
		kept = r->gnodes = checklist_xcalloc(1, sizeof *kept +
		    (d->ngroups + 1) * sizeof(xmlNodePtr));
		kept->doc = r->doc;
		kept->filled = checklist_xcalloc(d->ngroups + 1, sizeof(bool));
		kept->qnode = checklist_xcalloc(r->cl->nall + 1,
		    sizeof(xmlNodePtr));
		kept->qfilled = checklist_xcalloc(d->ngroups + 1, sizeof(bool));
	}
	return &kept->node[gp->index];
}

/* Keep, in one walk of the children of P (the element of G's parent,
 * or the root), the element of every group found there: the first
 * child named by a group's id whose parent is P's group. Finding each
 * group's element with its own walk would cost the square of the
 * groups under one parent (10,000 provisions in one section). Once per
 * parent and document; a group absent then is looked for as before. */
static void
checklist_group_nodes_fill(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr p)
{
	const struct checklist_deps *d = checklist_index_deps(r->cl);
	const struct checklist_group *h;
	struct checklist_gnodes *kept = r->gnodes;
	size_t at = g->parent == NULL ? d->ngroups :
	    ((const struct checklist_gpriv *)g->parent->priv)->index;
	xmlNodePtr c, *slot;

	if (kept->filled[at])
		return;
	kept->filled[at] = true;
	for (c = p->children; c != NULL; c = c->next) {
		if (g->parent == NULL && kept->conflicts == NULL &&
		    c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, (const xmlChar *)"conflicts"))
			kept->conflicts = c;
		if (c->type != XML_ELEMENT_NODE || (h = checklist_find_group(
		    r->cl, (const char *)c->name)) == NULL ||
		    h->parent != g->parent ||
		    (slot = checklist_group_slot(r, h)) == NULL)
			continue;
		if (*slot == NULL)
			*slot = c;
	}
}

/* G's element, kept once found; made when missing with MAKE. */
static xmlNodePtr
checklist_group_node_kept(struct checklist_response *r,
    const struct checklist_group *g, bool make)
{
	xmlNodePtr *slot = checklist_group_slot(r, g), p;

	if (slot == NULL)
		return checklist_group_find(r, g, make);
	if (*slot != NULL)
		return *slot;
	p = g->parent == NULL ? xmlDocGetRootElement(r->doc) :
	    checklist_group_node_kept(r, g->parent, make);
	if (p == NULL)
		return NULL;
	checklist_group_nodes_fill(r, g, p);
	if (*slot == NULL && make) {
		/* absent: the walk saw every child, and a group's element is
		 * made here only, its slot kept at once */
		checklist_touch_all(r); /* not a question's element */
		*slot = checklist_path_make(p, g->id);
	}
	return *slot;
}

xmlNodePtr
checklist_group_node(struct checklist_response *r,
    const struct checklist_group *g)
{
	return checklist_group_node_kept(r, g, true);
}

xmlNodePtr
checklist_group_node_found(struct checklist_response *r,
    const struct checklist_group *g)
{
	return checklist_group_node_kept(r, g, false);
}

void
checklist_group_nodes_forget(struct checklist_response *r)
{
	struct checklist_gnodes *kept = r->gnodes;

	if (kept != NULL) {
		free(kept->filled);
		free(kept->qnode);
		free(kept->qfilled);
	}
	free(kept);
	r->gnodes = NULL;
}

/* The first group of the root (its element's walk keeps the root's
 * children), or NULL. */
static const struct checklist_group *
checklist_conflicts_group(const struct checklist *cl)
{
	return cl->front != NULL ? cl->front : cl->nsections > 0 ?
	    cl->sections[0] : NULL;
}

xmlNodePtr
checklist_conflicts_found(struct checklist_response *r)
{
	const struct checklist_group *g = checklist_conflicts_group(r->cl);
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	struct checklist_gnodes *kept;

	if (root == NULL)
		return NULL;
	if (g == NULL || checklist_group_slot(r, g) == NULL)
		return checklist_child_named(root, "conflicts");
	checklist_group_nodes_fill(r, g, root);
	kept = r->gnodes;
	/* one made since, untold, is the root's last child */
	if (kept->conflicts == NULL && root->last != NULL &&
	    root->last->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(root->last->name, (const xmlChar *)"conflicts"))
		kept->conflicts = root->last;
	return kept->conflicts;
}

void
checklist_conflicts_kept(struct checklist_response *r, xmlNodePtr list)
{
	const struct checklist_group *g = checklist_conflicts_group(r->cl);

	if (g != NULL && checklist_group_slot(r, g) != NULL)
		((struct checklist_gnodes *)r->gnodes)->conflicts = list;
}

/* Where the element of Q (a page-level question of group G) is kept,
 * or NULL: not kept. */
static xmlNodePtr *
checklist_question_slot(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q)
{
	const struct checklist_qpriv *p = q->priv;

	if (checklist_group_slot(r, g) == NULL || p == NULL ||
	    p->index >= r->cl->nall || r->cl->all[p->index] != q)
		return NULL;
	return &((struct checklist_gnodes *)r->gnodes)->qnode[p->index];
}

void
checklist_question_node_forget(struct checklist_response *r,
    const struct checklist_question *q)
{
	const struct checklist_qpriv *p = q->priv;
	struct checklist_gnodes *kept = r->gnodes;

	if (kept != NULL && kept->doc == r->doc && p != NULL &&
	    p->index < r->cl->nall)
		kept->qnode[p->index] = NULL;
}

const struct checklist_question *
checklist_question_named(const struct checklist *cl,
    const struct checklist_group *g, const struct checklist_question *up,
    const char *id)
{
	struct checklist_question *const *qs = up ? up->children : g->questions;
	size_t i, n = up ? up->nchildren : g->nquestions;
	char key[CHECKLIST_PATH_KEY];
	const struct checklist_question *q;

	if ((size_t)snprintf(key, sizeof key, "%s/%s", up ? up->path : g->id,
	    id) < sizeof key) {
		q = checklist_find_question(cl, key);
		return q != NULL && q->parent == up && (up != NULL ||
		    q->group == g) ? q : NULL;
	}
	for (i = 0; i < n; i++) /* too long for the key: a scan */
		if (strcmp(qs[i]->id, id) == 0)
			return qs[i];
	return NULL;
}

/* A kept question's element known absent: the walk of its group's
 * element did not find it (NULL: not known, or forgotten). */
static xmlNode checklist_absent_el;
#define CHECKLIST_ABSENT (&checklist_absent_el)

/* Keep the elements of G's questions found among the children of its
 * element NODE, in one walk (each the first child of its name), once
 * per group and document; those not found are known absent. */
static void
checklist_question_els_fill(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node)
{
	struct checklist_gnodes *kept = r->gnodes;
	size_t gi = ((const struct checklist_gpriv *)g->priv)->index, i = 0;
	const struct checklist_question *q;
	xmlNodePtr c, *slot;

	if (kept->qfilled[gi])
		return;
	kept->qfilled[gi] = true;
	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		/* in a response sacl wrote, the next question's */
		q = i < g->nquestions && strcmp((const char *)c->name,
		    g->questions[i]->id) == 0 ? g->questions[i++] :
		    checklist_question_named(r->cl, g, NULL,
		    (const char *)c->name);
		if (q != NULL && (slot = checklist_question_slot(r, g, q)) !=
		    NULL && *slot == NULL)
			*slot = c;
	}
	for (i = 0; i < g->nquestions; i++)
		if ((slot = checklist_question_slot(r, g, g->questions[i])) !=
		    NULL && *slot == NULL)
			*slot = CHECKLIST_ABSENT;
}

/* The element kept of the page-level question of G before Q, or NULL. */
static xmlNodePtr
checklist_question_before(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q)
{
	const struct checklist_question *b;
	xmlNodePtr *slot;
	size_t i = ((const struct checklist_qpriv *)q->priv)->index;

	while (i-- > 0 && (b = r->cl->all[i])->parent != NULL)
		; /* a list's questions come after the list */
	if (i == (size_t)-1 || b->group != g ||
	    (slot = checklist_question_slot(r, g, b)) == NULL ||
	    *slot == CHECKLIST_ABSENT)
		return NULL;
	return *slot;
}

/* The element of Q, a page-level question of group G, under G's element
 * NODE: kept (a walk of NODE's children for each would cost the square
 * of a page's questions); one absent or forgotten is looked for from the
 * element of the question before, and made when missing with CREATE. */
static xmlNodePtr
checklist_question_el(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q, bool create)
{
	xmlNodePtr *slot = checklist_question_slot(r, g, q);

	if (slot == NULL)
		return checklist_path_child(node, q->id, create);
	if (*slot == NULL)
		checklist_question_els_fill(r, g, node);
	if (*slot == CHECKLIST_ABSENT)
		return create ? (*slot = checklist_path_make(node, q->id)) :
		    NULL;
	if (*slot == NULL) /* forgotten: from the one before Q's, where
	                    * sacl writes it */
		*slot = checklist_child_named_from(node, q->id,
		    checklist_question_before(r, g, q));
	if (*slot == NULL && create)
		*slot = checklist_path_make(node, q->id);
	return *slot;
}

xmlNodePtr
checklist_question_node_found(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q)
{
	return checklist_question_el(r, g, node, q, false);
}

void
checklist_question_node_made(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q,
    xmlNodePtr el)
{
	xmlNodePtr *slot = checklist_question_slot(r, g, q);

	if (slot != NULL)
		*slot = el;
}

/* The last entry found (checklist_path_entry): repeat element, index,
 * entry. Forgotten whenever entries are removed, moved or taken back,
 * and when a response's document is freed (checklist_xpath_forget). */
static struct {
	xmlNodePtr rep;
	size_t n;
	xmlNodePtr entry;
} checklist_path_memo;

/* The Nth (1-based) <entry> of a repeat element, or NULL. */
static xmlNodePtr
checklist_path_entry(xmlNodePtr rep, size_t n)
{
	xmlNodePtr c = rep->children;
	size_t k = n;

	/* entries are read in order (export, progress): go on from the
	 * last one found in this repeat, not from the first */
	if (checklist_path_memo.rep == rep && checklist_path_memo.n <= n) {
		c = checklist_path_memo.entry;
		k = n - checklist_path_memo.n + 1;
	}
	for (; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "entry") == 0 && --k == 0) {
			checklist_path_memo.rep = rep;
			checklist_path_memo.n = n;
			checklist_path_memo.entry = c;
			return c;
		}
	return NULL;
}

void
checklist_path_memo_forget(void)
{
	memset(&checklist_path_memo, 0, sizeof checklist_path_memo);
}

static size_t
checklist_path_count(xmlNodePtr rep)
{
	xmlNodePtr c;
	size_t n = 0;

	for (c = rep->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "entry") == 0)
			n++;
	return n;
}

static xmlNodePtr
checklist_path_new_entry(xmlNodePtr rep, const struct checklist_question *q)
{
	xmlNodePtr e = xmlNewChild(rep, NULL, (const xmlChar *)"entry", NULL);
	size_t i;

	if (e == NULL)
		checklist_fatal(_("out of memory (response)"));
	for (i = 0; i < q->nchildren; i++)
		checklist_skeleton_question(e, q->children[i]);
	return e;
}

/* The question a walk reaches, by its path without entry indexes
 * ("p1/laws/title", in KEY: the walk's steps so far, *KLEN bytes,
 * extended here by ID) in the checklist's index; when KEY would not
 * fit, by a scan of QS (the questions of the group or list walked,
 * UP: the list, or NULL for the group G's own). */
static const struct checklist_question *
checklist_path_find(const struct checklist *cl, char *key, size_t *klen,
    const struct checklist_group *g, const struct checklist_question *up,
    const char *id, size_t len)
{
	struct checklist_question *const *qs = up ? up->children : g->questions;
	size_t i, n = up ? up->nchildren : g->nquestions;
	const struct checklist_question *q;

	if (*klen + 1 + len < CHECKLIST_PATH_KEY) {
		key[(*klen)++] = '/';
		memcpy(key + *klen, id, len);
		key[*klen += len] = '\0';
		q = checklist_find_question(cl, key);
		return q != NULL && q->parent == up && (up != NULL ||
		    q->group == g) ? q : NULL;
	}
	*klen = CHECKLIST_PATH_KEY; /* too long: scans from here on */
	for (i = 0; i < n; i++)
		if (strlen(qs[i]->id) == len && memcmp(qs[i]->id, id, len) == 0)
			return qs[i];
	return NULL;
}

/* Split "name[N]" into NAME (LEN bytes) and N (0 when absent). False
 * when the brackets are malformed. */
static bool
checklist_path_step(const char *s, size_t slen, size_t *len, size_t *n)
{
	const char *b = memchr(s, '[', slen);
	char *end;
	unsigned long v;

	*n = 0;
	*len = slen;
	if (b == NULL)
		return true;
	if (s[slen - 1] != ']' || b == s)
		return false;
	errno = 0;
	v = strtoul(b + 1, &end, 10);
	if (errno != 0 || end != s + slen - 1 || v == 0 ||
	    v > CHECKLIST_ENTRIES_MAX ||
	    b[1] < '1' || b[1] > '9')
		return false;
	*len = (size_t)(b - s);
	*n = (size_t)v;
	return true;
}

/* The entries a resolution made, one run at the end of each list it
 * crossed, so that a refused value can take them back. */
struct checklist_made {
	size_t n;
	xmlNodePtr first[8];
};

/* Step into the entry N of repeat element EL (question Q), making the
 * missing entries when CREATE (and noting them in MADE, if given). */
static xmlNodePtr
checklist_path_into(xmlNodePtr el, const struct checklist_question *q,
    size_t n, bool create, struct checklist_made *made)
{
	xmlNodePtr e, first = NULL;

	if (q->type != CHECKLIST_Q_REPEAT || n == 0)
		return NULL;
	if ((e = checklist_path_entry(el, n)) != NULL || !create)
		return e;
	while (checklist_path_count(el) < n) {
		e = checklist_path_new_entry(el, q);
		if (first == NULL)
			first = e;
	}
	if (made != NULL && made->n < sizeof made->first / sizeof *made->first)
		made->first[made->n++] = first;
	return e;
}

/* Take back the entries MADE noted, innermost first. */
static void
checklist_path_unmake(struct checklist_made *made)
{
	xmlNodePtr e, next;

	checklist_path_memo_forget();
	while (made->n > 0)
		for (e = made->first[--made->n]; e != NULL; e = next) {
			next = e->next;
			xmlUnlinkNode(e);
			xmlFreeNode(e);
		}
}

static xmlNodePtr
checklist_path_walk(struct checklist_response *r,
    const struct checklist_group *g, const char *rest, bool create,
    const struct checklist_question **qout, struct checklist_made *made)
{
	char key[CHECKLIST_PATH_KEY];
	size_t klen = strlen(g->id), slen, len, n;
	xmlNodePtr node = checklist_group_node(r, g), el = NULL;
	const struct checklist_question *q = NULL, *up = NULL;
	const char *slash;

	if (klen < sizeof key)
		memcpy(key, g->id, klen + 1);
	else
		klen = sizeof key;
	for (;;) {
		slash = strchr(rest, '/');
		slen = slash ? (size_t)(slash - rest) : strlen(rest);
		if (slen == 0 || !checklist_path_step(rest, slen, &len, &n) ||
		    (q = checklist_path_find(r->cl, key, &klen, g, up, rest,
		    len)) == NULL)
			return NULL;
		if (create) /* what is made or set is under Q's page-level
		             * element: the first Q */
			checklist_touch(r, q);
		if ((el = up == NULL ? checklist_question_el(r, g, node, q,
		    create) : checklist_path_child(node, q->id, create)) == NULL)
			return NULL;
		if (slash == NULL)
			break;
		if ((node = checklist_path_into(el, q, n, create, made)) == NULL)
			return NULL;
		up = q;
		rest = slash + 1;
	}
	if (n != 0)
		return NULL;
	*qout = q;
	return el;
}

static xmlNodePtr
checklist_path_resolve_made(struct checklist_response *r, const char *path,
    bool create, const struct checklist_question **q, bool *other,
    struct checklist_made *made)
{
	char *copy = checklist_xstrdup(path), *colon, *slash;
	const struct checklist_group *g;
	const struct checklist_question *found = NULL;
	xmlNodePtr el = NULL;

	*other = false;
	colon = strrchr(copy, ':');
	if (colon != NULL && strcmp(colon, ":other") == 0) {
		*colon = '\0';
		*other = true;
	}
	slash = strchr(copy, '/');
	if (slash != NULL) {
		*slash = '\0';
		g = checklist_find_group(r->cl, copy);
		if (g != NULL && g->kind != CHECKLIST_G_SECTION)
			el = checklist_path_walk(r, g, slash + 1, create, &found,
			    made);
	}
	free(copy);
	if (el == NULL || (*other && !found->other))
		return NULL;
	*q = found;
	return el;
}

xmlNodePtr
checklist_path_resolve(struct checklist_response *r, const char *path,
    bool create, const struct checklist_question **q, bool *other)
{
	return checklist_path_resolve_made(r, path, create, q, other, NULL);
}

/* ------------------------------------------------------------ values */

/* The element's text, as one text node (borrowed from the document). */
const char *
checklist_path_value(xmlNodePtr el, bool other)
{
	xmlAttrPtr a;
	xmlChar *all;

	if (other) {
		a = xmlHasProp(el, (const xmlChar *)"other");
		return a && a->children && a->children->content ?
		    (const char *)a->children->content : "";
	}
	if (el->children == NULL)
		return "";
	if (el->children->next != NULL || (el->children->type != XML_TEXT_NODE &&
	    el->children->type != XML_CDATA_SECTION_NODE)) {
		all = xmlNodeGetContent(el);
		xmlNodeSetContent(el, NULL);
		xmlNodeAddContent(el, all);
		xmlFree(all);
	}
	return el->children && el->children->content ?
	    (const char *)el->children->content : "";
}

static void
checklist_path_prop(xmlNodePtr el, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		xmlUnsetProp(el, (const xmlChar *)name);
	else
		xmlSetProp(el, (const xmlChar *)name, (const xmlChar *)value);
}

static void
checklist_path_store(xmlNodePtr el, bool other, const char *value)
{
	if (other) {
		checklist_path_prop(el, "other", value);
		return;
	}
	xmlNodeSetContent(el, NULL);
	if (*value != '\0')
		xmlNodeAddContent(el, (const xmlChar *)value); /* raw text */
}

/* Is "other" one of the space-separated tokens of VALUE? */
bool
checklist_path_has_other(const char *value)
{
	size_t n = strlen(CHECKLIST_OTHER), len;

	for (;;) {
		value += strspn(value, " ");
		if (*value == '\0')
			return false;
		len = strcspn(value, " ");
		if (len == n && memcmp(value, CHECKLIST_OTHER, n) == 0)
			return true;
		value += len;
	}
}

bool
checklist_node_other_missing(const struct checklist_question *q,
    xmlNodePtr el)
{
	return q->other && q->type != CHECKLIST_Q_REPEAT &&
	    checklist_path_has_other(checklist_path_value(el, false)) &&
	    checklist_path_value(el, true)[0] == '\0';
}

bool
checklist_response_other_missing(struct checklist_response *r,
    const char *path)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);

	return el != NULL && checklist_node_other_missing(q, el);
}

const char *
checklist_response_get(struct checklist_response *r, const char *path)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);

	if (el == NULL || (q->type == CHECKLIST_Q_REPEAT && !other))
		return el == NULL ? NULL : "";
	return checklist_path_value(el, other);
}

checklist_status
checklist_path_constraint(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el,
    struct checklist_error *err)
{
	struct checklist_qpriv *p = q->priv;

	if (p == NULL || p->constraint == NULL ||
	    checklist_path_value(el, false)[0] == '\0' ||
	    checklist_expr_eval(p->constraint, r->doc, el, false))
		return CHECKLIST_OK;
	if (q->constraint_msg.n > 0)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    "%s", checklist_text_get(&q->constraint_msg, r->lang,
		    r->cl->default_lang));
	return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
	    _("the value does not satisfy the rule %s"), q->constraint);
}

/* VALUE's type and shorthand rules, messages in R's language. */
static checklist_status
checklist_path_check(struct checklist_response *r,
    const struct checklist_question *q, bool other, const char *value,
    struct checklist_error *err)
{
	struct checklist_question text = { 0 };

	if (!other)
		return checklist_value_check_lang(q, value, r->lang, err);
	text.type = CHECKLIST_Q_TEXT;
	return checklist_value_check(&text, value, err);
}

/* What a change may touch in an element, kept to be put back. */
struct checklist_path_saved {
	char *value, *other, *sha256;
};

static void
checklist_path_save(xmlNodePtr el, struct checklist_path_saved *s)
{
	s->value = checklist_xstrdup(checklist_path_value(el, false));
	s->other = checklist_xml_attr(el, "other");
	s->sha256 = checklist_xml_attr(el, CHECKLIST_ATTR_SHA256);
}

/* Does EL hold another value (or "other" text) than S kept? */
static bool
checklist_path_differs(xmlNodePtr el, const struct checklist_path_saved *s)
{
	char *other = checklist_xml_attr(el, "other");
	bool differs = strcmp(s->value, checklist_path_value(el, false)) != 0 ||
	    (other == NULL) != (s->other == NULL) ||
	    (other != NULL && strcmp(other, s->other) != 0);

	free(other);
	return differs;
}

/* Put back what S kept (when RESTORE), and free it. */
static void
checklist_path_saved_end(xmlNodePtr el, struct checklist_path_saved *s,
    bool restore)
{
	if (restore) {
		checklist_path_store(el, false, s->value);
		checklist_path_prop(el, "other", s->other);
		checklist_path_prop(el, CHECKLIST_ATTR_SHA256, s->sha256);
	}
	free(s->value);
	free(s->other);
	free(s->sha256);
}

/* Store VALUE, with the rules that go with a value: a choice without
 * "other" loses its "other" text (unticked, it would still be sent); a
 * file question records the checksum of the copy it names (SHA256, or
 * NULL for a value kept as it was), none once cleared. */
static void
checklist_path_apply(xmlNodePtr el, const struct checklist_question *q,
    bool other, const char *value, const char *sha256)
{
	checklist_path_store(el, other, value);
	if (other)
		return;
	if (q->other && !checklist_path_has_other(value))
		checklist_path_prop(el, "other", NULL);
	if (q->type == CHECKLIST_Q_FILE && (sha256 != NULL || *value == '\0'))
		checklist_path_prop(el, CHECKLIST_ATTR_SHA256, sha256);
}

/* Is NORM a file to take in: a file question's new value? */
static bool
checklist_path_takes_in(const struct checklist_question *q, xmlNodePtr el,
    bool other, const char *norm)
{
	return q->type == CHECKLIST_Q_FILE && !other && *norm != '\0' &&
	    strcmp(norm, checklist_path_value(el, false)) != 0;
}

/* Store VALUE (normalised) at EL if it passes its type and (with
 * CONSTRAINT) its constraint (a file question's file taken in, see
 * checklist.h); else leave EL as it was. */
static checklist_status
checklist_path_store_checked(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el, bool other,
    const char *value, bool constraint, struct checklist_error *err)
{
	struct checklist_attach_copy copy = { 0 };
	struct checklist_path_saved saved;
	char *norm;
	checklist_status st;

	norm = other ? checklist_xstrdup(value) : checklist_value_normalize(q,
	    value);
	st = checklist_path_check(r, q, other, norm, err);
	if (st == CHECKLIST_OK && other && constraint && *norm != '\0' &&
	    !checklist_path_has_other(checklist_path_value(el, false)))
		st = checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    "%s", CHECKLIST_OTHER_NOT_CHOSEN);
	if (st == CHECKLIST_OK && checklist_path_takes_in(q, el, other, norm))
		st = checklist_attach_prepare(r, el, norm, &copy, err);
	if (st == CHECKLIST_OK) {
		checklist_path_save(el, &saved);
		checklist_path_apply(el, q, other, copy.stored != NULL ?
		    copy.stored : norm, copy.stored != NULL ? copy.sha256 :
		    NULL);
		if (!other && constraint)
			st = checklist_path_constraint(r, q, el, err);
		if (st == CHECKLIST_OK && copy.stored != NULL)
			st = checklist_attach_commit(r, &copy, err);
		if (st == CHECKLIST_OK && checklist_path_differs(el, &saved))
			checklist_review_drop(r, q, el);
		checklist_path_saved_end(el, &saved, st != CHECKLIST_OK);
	}
	checklist_attach_copy_free(&copy);
	free(norm);
	return st;
}

checklist_status
checklist_response_set(struct checklist_response *r, const char *path,
    const char *value, struct checklist_error *err)
{
	xmlNodePtr el;

	return checklist_path_set(r, path, value, true, &el, err);
}

checklist_status
checklist_path_set(struct checklist_response *r, const char *path,
    const char *value, bool constraint, xmlNodePtr *changed,
    struct checklist_error *err)
{
	const struct checklist_question *q;
	struct checklist_made made = { 0 };
	bool other;
	xmlNodePtr el = checklist_path_resolve_made(r, path, true, &q, &other,
	    &made);
	checklist_status st;
	char *before;

	*changed = NULL;
	if (el == NULL || q->type == CHECKLIST_Q_REPEAT)
		checklist_path_unmake(&made);
	if (el == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0,
		    0, _("no question '%s' in checklist %s%s"), path, r->cl->id,
		    strchr(path, '[') == NULL ? "" : " (entries of a list are "
		    "numbered from 1 to " CHECKLIST_STR(CHECKLIST_ENTRIES_MAX) ")");
	if (q->type == CHECKLIST_Q_REPEAT)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("'%s' is a list of entries: set its questions, as in "
		    "%s[1]/%s"), path, path, q->children[0]->id);
	before = checklist_xstrdup(checklist_path_value(el, other));
	st = checklist_path_store_checked(r, q, el, other, value, constraint,
	    err);
	if (st == CHECKLIST_OK) {
		r->changes++;
		checklist_deps_touch(r, q); /* what reads Q is computed again */
		*changed = el;
		/* a value given by hand settles its conflict, and is no
		 * longer the one the merge took from an agency */
		if (strcmp(before, checklist_path_value(el, other)) != 0)
			checklist_conflict_forget(r, el, path);
	} else {
		checklist_path_unmake(&made); /* on failure nothing changes */
	}
	free(before);
	return st;
}


bool
checklist_response_valid(struct checklist_response *r, const char *path,
    struct checklist_error *err)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);

	if (el == NULL) {
		checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
		    _("no question '%s'"), path);
		return false;
	}
	if (q->type == CHECKLIST_Q_REPEAT && !other)
		return true;
	return checklist_path_check(r, q, other, checklist_path_value(el,
	    other), err) == CHECKLIST_OK && (other ||
	    checklist_path_constraint(r, q, el, err) == CHECKLIST_OK);
}

/* ----------------------------------------------------------- entries */

static xmlNodePtr
checklist_path_repeat(struct checklist_response *r, const char *repeat,
    const struct checklist_question **q, struct checklist_error *err)
{
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, repeat, false, q, &other);

	if (el == NULL || other || (*q)->type != CHECKLIST_Q_REPEAT) {
		checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
		    _("no list of entries '%s'"), repeat);
		return NULL;
	}
	return el;
}

size_t
checklist_response_entries(struct checklist_response *r, const char *repeat)
{
	const struct checklist_question *q;
	xmlNodePtr el = checklist_path_repeat(r, repeat, &q, NULL);

	return el != NULL ? checklist_path_count(el) : 0;
}

checklist_status
checklist_response_add_entry(struct checklist_response *r,
    const char *repeat, size_t *index, struct checklist_error *err)
{
	const struct checklist_question *q;
	xmlNodePtr el = checklist_path_repeat(r, repeat, &q, err);

	if (el == NULL)
		return CHECKLIST_ERR_NOT_FOUND;
	if (checklist_path_count(el) >= CHECKLIST_ENTRIES_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("'%s' holds the most entries a list may hold (%d)"), repeat,
		    CHECKLIST_ENTRIES_MAX);
	checklist_touch(r, q);
	checklist_path_new_entry(el, q);
	checklist_review_drop(r, q, el);
	if (index != NULL)
		*index = checklist_path_count(el);
	r->changes++;
	return CHECKLIST_OK;
}

checklist_status
checklist_response_remove_entry(struct checklist_response *r,
    const char *repeat, size_t index, struct checklist_error *err)
{
	const struct checklist_question *q;
	xmlNodePtr el = checklist_path_repeat(r, repeat, &q, err), e;

	if (el == NULL)
		return CHECKLIST_ERR_NOT_FOUND;
	if ((e = checklist_path_entry(el, index)) == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0,
		    0, _("'%s' has no entry %zu"), repeat, index);
	checklist_touch(r, q);
	checklist_path_memo_forget();
	xmlUnlinkNode(e);
	xmlFreeNode(e);
	checklist_review_drop(r, q, el);
	r->changes++;
	return CHECKLIST_OK;
}

checklist_status
checklist_response_move_entry(struct checklist_response *r,
    const char *repeat, size_t from, size_t to, struct checklist_error *err)
{
	const struct checklist_question *q;
	xmlNodePtr el = checklist_path_repeat(r, repeat, &q, err), e, at;

	if (el == NULL)
		return CHECKLIST_ERR_NOT_FOUND;
	e = checklist_path_entry(el, from);
	at = checklist_path_entry(el, to);
	if (e == NULL || at == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0,
		    0, _("'%s' has no entry %zu"), repeat, e == NULL ? from : to);
	if (e == at)
		return CHECKLIST_OK;
	checklist_touch(r, q);
	checklist_path_memo_forget();
	xmlUnlinkNode(e);
	if (from < to)
		xmlAddNextSibling(at, e);
	else
		xmlAddPrevSibling(at, e);
	checklist_review_drop(r, q, el);
	r->changes++;
	return CHECKLIST_OK;
}

/*
 * checklist_path.c: value paths ("p9_1/status", "p9_1/measures[2]/title",
 * "front/state:other") resolved to the response's elements, and the
 * entries of a repeat (added, removed, moved). Values are got and set in
 * checklist_path_values.c, the elements of groups and questions kept in
 * checklist_path_elements.c.
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
#include "checklist/checklist_internal_path.h"

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
void
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

xmlNodePtr
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

/*
 * checklist_merge_conflict.c: the conflicts a merge left in a response
 * (doc/response-format.md, "Workshops"): listed from the root's last
 * child <conflicts>, one <conflict path=> per value path holding its
 * <candidate> values with their provenance; settled one by one (the
 * value stored, the marks removed) or forgotten when the value is set
 * by hand.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

#define CHECKLIST_XC(s) ((const xmlChar *)(s))

static const char *const checklist_from_attrs[] = {
	CHECKLIST_ATTR_FROM_AGENCY, CHECKLIST_ATTR_FROM_FILE,
	CHECKLIST_ATTR_FROM_TIME,
};

/* The root's <conflicts>, NULL when none. */
static xmlNodePtr
checklist_conflicts_node(struct checklist_response *r)
{
	return checklist_conflicts_found(r);
}

static void
checklist_candidate_read(xmlNodePtr n, struct checklist_candidate *c)
{
	c->value = checklist_xml_text(n);
	c->other = checklist_xml_attr(n, "other");
	c->agency = checklist_xml_attr(n, CHECKLIST_ATTR_FROM_AGENCY);
	c->file = checklist_xml_attr(n, CHECKLIST_ATTR_FROM_FILE);
	c->time = checklist_xml_attr(n, CHECKLIST_ATTR_FROM_TIME);
}

/* Read one <conflict> into C (false when it has no path). */
static bool
checklist_conflict_read(xmlNodePtr n, struct checklist_conflict *c)
{
	xmlNodePtr k;

	c->path = checklist_xml_attr(n, "path");
	c->n = 0;
	c->cand = NULL;
	if (c->path == NULL)
		return false;
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(k->name, CHECKLIST_XC("candidate")))
			continue;
		c->cand = checklist_xreallocarray(c->cand, c->n + 1,
		    sizeof *c->cand);
		checklist_candidate_read(k, &c->cand[c->n++]);
	}
	return true;
}

size_t
checklist_conflicts(struct checklist_response *r,
    struct checklist_conflict **out)
{
	xmlNodePtr list = checklist_conflicts_node(r), n;
	size_t count = 0;

	*out = NULL;
	if (list == NULL)
		return 0;
	for (n = list->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(n->name, CHECKLIST_XC("conflict")))
			continue;
		*out = checklist_xreallocarray(*out, count + 1, sizeof **out);
		if (checklist_conflict_read(n, &(*out)[count]))
			count++;
	}
	return count;
}

void
checklist_conflicts_free(struct checklist_conflict *c, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < c[i].n; k++) {
			free(c[i].cand[k].value);
			free(c[i].cand[k].other);
			free(c[i].cand[k].agency);
			free(c[i].cand[k].file);
			free(c[i].cand[k].time);
		}
		free(c[i].cand);
		free(c[i].path);
	}
	free(c);
}

size_t
checklist_conflicts_in(struct checklist_response *r,
    const struct checklist_group *g)
{
	xmlNodePtr list = checklist_conflicts_node(r), n;
	const struct checklist_group *at;
	size_t count = 0;
	char *p, *id;

	for (n = list != NULL ? list->children : NULL; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    (p = checklist_xml_attr(n, "path")) == NULL)
			continue;
		id = checklist_xstrndup(p, strcspn(p, "/"));
		for (at = checklist_find_group(r->cl, id); at != NULL &&
		    at != g; at = at->parent)
			;
		count += at != NULL;
		free(id);
		free(p);
	}
	return count;
}

/* PATH without ":other": the path of its element. Caller frees. */
static char *
checklist_conflict_key(const char *path)
{
	size_t n = strlen(path), k = strlen(":other");

	if (n > k && strcmp(path + n - k, ":other") == 0)
		n -= k;
	return checklist_xstrndup(path, n);
}

bool
checklist_conflict_at(struct checklist_response *r, const char *path)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);
	xmlChar *v;
	bool at;

	if (el == NULL)
		return false;
	v = xmlGetProp(el, CHECKLIST_XC(CHECKLIST_ATTR_CONFLICT));
	at = v != NULL && xmlStrEqual(v, CHECKLIST_XC("yes"));
	xmlFree(v);
	return at;
}

void
checklist_conflict_forget(struct checklist_response *r, xmlNodePtr el,
    const char *path)
{
	xmlNodePtr list, n, next;
	char *key;
	size_t i;

	xmlUnsetProp(el, CHECKLIST_XC(CHECKLIST_ATTR_CONFLICT));
	for (i = 0; i < sizeof checklist_from_attrs / sizeof *checklist_from_attrs;
	    i++)
		xmlUnsetProp(el, CHECKLIST_XC(checklist_from_attrs[i]));
	if (checklist_marks_none(r))
		return; /* no list: not looked for among the root's children */
	list = checklist_conflicts_node(r);
	key = checklist_conflict_key(path);
	for (n = list != NULL ? list->children : NULL; n != NULL; n = next) {
		xmlChar *p = xmlGetProp(n, CHECKLIST_XC("path"));

		next = n->next;
		if (p != NULL && xmlStrEqual(p, CHECKLIST_XC(key))) {
			checklist_touch_all(r); /* the root's list */
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		xmlFree(p);
	}
	if (list != NULL && xmlFirstElementChild(list) == NULL) {
		checklist_touch_all(r);
		xmlUnlinkNode(list);
		xmlFreeNode(list);
		checklist_conflicts_kept(r, NULL);
	}
	free(key);
}

/* Write FROM's provenance on EL (none when FROM is NULL). */
static void
checklist_conflict_from(xmlNodePtr el, const struct checklist_candidate *from)
{
	const char *v[3] = { NULL, NULL, NULL };
	size_t i;

	if (from != NULL) {
		v[0] = from->agency;
		v[1] = from->file;
		v[2] = from->time;
	}
	for (i = 0; i < 3; i++)
		if (v[i] != NULL)
			xmlSetProp(el, CHECKLIST_XC(checklist_from_attrs[i]),
			    CHECKLIST_XC(v[i]));
}

checklist_status
checklist_conflict_settle(struct checklist_response *r, const char *path,
    const char *value, const char *other,
    const struct checklist_candidate *from, struct checklist_error *err)
{
	const struct checklist_question *q;
	bool isother;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &isother);
	char *opath;
	checklist_status st;

	if (el == NULL || isother)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0,
		    0, _("no value '%s' to settle"), path);
	st = checklist_response_set(r, path, value, err);
	if (st == CHECKLIST_OK && other != NULL && q->other) {
		opath = checklist_xasprintf("%s:other", path);
		st = checklist_response_set(r, opath, other, err);
		free(opath);
	}
	if (st != CHECKLIST_OK)
		return st;
	checklist_conflict_forget(r, el, path);
	checklist_conflict_from(el, from);
	checklist_touch(r, q); /* the marks and provenance on EL */
	r->changes++; /* the marks went even when the value stayed */
	return CHECKLIST_OK;
}

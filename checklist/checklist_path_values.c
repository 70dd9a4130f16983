/*
 * checklist_path_values.c: a question's value got, checked (its type,
 * then its XPath constraint) and set, at a path resolved by
 * checklist_path.c; a refused value leaves the response as it was,
 * entries made on the way included.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_path.h"
#include "checklist/checklist_internal_rules.h"

#define CHECKLIST_STR_(x) #x
#define CHECKLIST_STR(x) CHECKLIST_STR_(x)

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

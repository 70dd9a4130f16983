/*
 * checklist_scope.c: a response as a contribution of one agency to a
 * workshop (doc/response-format.md, "Workshops"): the articles or
 * provisions it was given (root attribute scope, group ids), the agency
 * writing it (root attribute agency), and whether a response can go out
 * as a submission (not a contribution, no conflict left).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

/* Is the word W (length N) one of the space-separated words of LIST? */
static bool
checklist_scope_word(const char *list, const char *w, size_t n)
{
	const char *p = list;

	while (*p != '\0') {
		size_t len;

		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (len == n && len > 0 && strncmp(p, w, n) == 0)
			return true;
		p += len;
	}
	return false;
}

/* The group of kind KIND numbered NUMBER below G (G included), or NULL. */
static const struct checklist_group *
checklist_scope_find(const struct checklist_group *g, const char *number,
    enum checklist_gkind kind)
{
	const struct checklist_group *f;
	size_t i;

	if (g->kind == kind && g->number != NULL &&
	    strcmp(g->number, number) == 0)
		return g;
	for (i = 0; i < g->nchildren; i++)
		if ((f = checklist_scope_find(g->children[i], number, kind)))
			return f;
	return NULL;
}

/* "5, 6, 7..." every number of KIND (cut short past SIZE bytes). */
static void
checklist_scope_valid(const struct checklist_group *g,
    enum checklist_gkind kind, char *buf, size_t size)
{
	size_t i, len = strlen(buf);

	if (g->kind == kind && g->number != NULL && len + 16 < size)
		snprintf(buf + len, size - len, "%s%s", len > 0 ? ", " : "",
		    g->number);
	for (i = 0; i < g->nchildren; i++)
		checklist_scope_valid(g->children[i], kind, buf, size);
}

checklist_status
checklist_scope_parse(const struct checklist *cl, const char *list,
    bool provisions, char **ids, struct checklist_error *err)
{
	enum checklist_gkind kind = provisions ? CHECKLIST_G_PROVISION :
	    CHECKLIST_G_SECTION;
	char *copy = checklist_xstrdup(list), *tok, *save = NULL, valid[768];
	const struct checklist_group *g = NULL;
	size_t i, len = 0;

	*ids = checklist_xcalloc(1, strlen(list) * 8 + 64);
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		for (i = 0, g = NULL; g == NULL && i < cl->nsections; i++)
			g = checklist_scope_find(cl->sections[i], tok, kind);
		if (g == NULL)
			break;
		if (!checklist_scope_word(*ids, g->id, strlen(g->id)))
			len += (size_t)sprintf(*ids + len, "%s%s",
			    len > 0 ? " " : "", g->id);
	}
	if (g == NULL || len == 0) {
		valid[0] = '\0';
		for (i = 0; i < cl->nsections; i++)
			checklist_scope_valid(cl->sections[i], kind, valid,
			    sizeof valid);
		checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
		    provisions ? _("no provision '%s' in checklist %s; the "
		    "provisions are: %s") : _("no article '%s' in checklist "
		    "%s; the articles are: %s"), tok ? tok : list, cl->id,
		    valid);
		free(*ids);
		*ids = NULL;
	}
	free(copy);
	return *ids != NULL ? CHECKLIST_OK : err->status;
}

void
checklist_scope_set(struct checklist_response *r, const char *ids,
    const char *agency)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);

	if (ids != NULL)
		xmlSetProp(root, (const xmlChar *)CHECKLIST_ATTR_SCOPE,
		    (const xmlChar *)ids);
	if (agency != NULL)
		xmlSetProp(root, (const xmlChar *)CHECKLIST_ATTR_AGENCY,
		    (const xmlChar *)agency);
}

char *
checklist_scope_ids(struct checklist_response *r)
{
	return checklist_xml_attr(xmlDocGetRootElement(r->doc),
	    CHECKLIST_ATTR_SCOPE);
}

char *
checklist_response_agency(struct checklist_response *r)
{
	return checklist_xml_attr(xmlDocGetRootElement(r->doc),
	    CHECKLIST_ATTR_AGENCY);
}

bool
checklist_scope_has(struct checklist_response *r,
    const struct checklist_group *g)
{
	xmlChar *ids = xmlGetProp(xmlDocGetRootElement(r->doc),
	    (const xmlChar *)CHECKLIST_ATTR_SCOPE);
	bool in = ids == NULL;

	for (; !in && g != NULL; g = g->parent)
		in = checklist_scope_word((const char *)ids, g->id,
		    strlen(g->id));
	xmlFree(ids);
	return in;
}

bool
checklist_scope_path(struct checklist_response *r, const char *path)
{
	char *id = checklist_xmalloc(strlen(path) + 1), *o = id;
	const struct checklist_question *q;
	const char *p;

	for (p = path; *p != '\0' && *p != ':'; p++) {
		if (*p == '[') { /* entry indexes are not in question ids */
			p += strcspn(p, "]");
			if (*p == '\0')
				break;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	q = checklist_find_question(r->cl, id);
	free(id);
	return q == NULL || checklist_scope_has(r, q->group);
}

char *
checklist_scope_describe(struct checklist_response *r)
{
	char *ids = checklist_scope_ids(r), *tok, *save = NULL, *out;
	char buf[768] = "";
	bool sections = true;
	const struct checklist_group *g;

	if (ids == NULL)
		return NULL;
	for (tok = strtok_r(ids, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(buf);

		g = checklist_find_group(r->cl, tok);
		sections &= g != NULL && g->kind == CHECKLIST_G_SECTION;
		if (len + 80 < sizeof buf)
			snprintf(buf + len, sizeof buf - len, "%s%.64s",
			    len > 0 ? ", " : "", g != NULL && g->number != NULL ?
			    g->number : tok);
	}
	out = checklist_xasprintf(sections ? _("articles %s") :
	    _("provisions %s"), buf);
	free(ids);
	return out;
}

/* "p9_1/status (2 values), p11_1/examples (2 values)"; NULL for none. */
static char *
checklist_scope_conflict_list(struct checklist_response *r, size_t *count)
{
	struct checklist_conflict *c;
	size_t n = checklist_conflicts(r, &c), i;
	char buf[640] = "";

	for (i = 0; i < n; i++) {
		size_t len = strlen(buf);

		if (len + 100 >= sizeof buf) {
			snprintf(buf + len, sizeof buf - len, ", ...");
			break;
		}
		snprintf(buf + len, sizeof buf - len, "%s%.64s (%zu values)",
		    i > 0 ? ", " : "", c[i].path, c[i].n);
	}
	checklist_conflicts_free(c, n);
	*count = n;
	return n > 0 ? checklist_xstrdup(buf) : NULL;
}

checklist_status
checklist_response_submittable(struct checklist_response *r,
    const char *name, struct checklist_error *err)
{
	char *scope = checklist_scope_describe(r), *agency, *list;
	size_t n;

	if (scope != NULL) {
		agency = checklist_response_agency(r);
		checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("%s is a contribution of %.200s (%s), not a submission: "
		    "merge it first (sacl merge)"), name, agency != NULL ?
		    agency : _("an unnamed agency"), scope);
		free(agency);
		free(scope);
		return err->status;
	}
	list = checklist_scope_conflict_list(r, &n);
	if (list == NULL)
		return CHECKLIST_OK;
	checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
	    P_("%s has %zu conflict to settle first (sacl fill: F7 on it, "
	    "or sacl merge --prefer): %s", "%s has %zu conflicts to settle "
	    "first (sacl fill: F7 on each, or sacl merge --prefer): %s", n),
	    name, n, list);
	free(list);
	return err->status;
}

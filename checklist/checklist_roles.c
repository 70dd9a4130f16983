/*
 * checklist_roles.c: what a question means to the program, declared by
 * the definition's attribute role (doc/checklist-format.md) instead of
 * ids fixed in code. The table below is the one list of roles: their
 * names, where each may stand and the question types it takes. The
 * loader checks every role against it (an unknown role, a role out of
 * its place, twice in its scope or on the wrong type is an error with
 * its line); export and every other room ask checklist_role().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

/* Where a role may stand, and the scope in which it is unique. */
enum checklist_role_scope {
	CHECKLIST_SCOPE_FRONT,     /* a front question; once per checklist */
	CHECKLIST_SCOPE_CONTACT,   /* in the "contacts" repeat; once */
	CHECKLIST_SCOPE_PROVISION, /* a provision's question; once in it */
};

#define T(x) (1u << CHECKLIST_Q_##x)
#define T_TEXTS (T(TEXT) | T(LONGTEXT))

static const struct {
	const char *name;
	enum checklist_role_scope scope;
	unsigned types;
} checklist_roles[] = {
	{ CHECKLIST_ROLE_STATE, CHECKLIST_SCOPE_FRONT, T(SINGLE) },
	{ CHECKLIST_ROLE_CONSENT, CHECKLIST_SCOPE_FRONT, T(BOOLEAN) },
	{ CHECKLIST_ROLE_FP_NAME, CHECKLIST_SCOPE_FRONT, T(TEXT) },
	{ CHECKLIST_ROLE_FP_TITLE, CHECKLIST_SCOPE_FRONT, T(TEXT) },
	{ CHECKLIST_ROLE_FP_ORG, CHECKLIST_SCOPE_FRONT, T(TEXT) },
	{ CHECKLIST_ROLE_FP_EMAIL, CHECKLIST_SCOPE_FRONT, T(TEXT) },
	{ CHECKLIST_ROLE_FP_PHONE, CHECKLIST_SCOPE_FRONT, T(TEXT) },
	{ CHECKLIST_ROLE_CONTACTS, CHECKLIST_SCOPE_FRONT, T(REPEAT) },
	{ CHECKLIST_ROLE_CONTACT_NAME, CHECKLIST_SCOPE_CONTACT, T(TEXT) },
	{ CHECKLIST_ROLE_CONTACT_TITLE, CHECKLIST_SCOPE_CONTACT, T(TEXT) },
	{ CHECKLIST_ROLE_CONTACT_ORG, CHECKLIST_SCOPE_CONTACT, T(TEXT) },
	{ CHECKLIST_ROLE_CONTACT_EMAIL, CHECKLIST_SCOPE_CONTACT, T(TEXT) },
	{ CHECKLIST_ROLE_CONTACT_PHONE, CHECKLIST_SCOPE_CONTACT, T(TEXT) },
	{ CHECKLIST_ROLE_STATUS, CHECKLIST_SCOPE_PROVISION, T(SINGLE) },
	{ CHECKLIST_ROLE_MEASURES, CHECKLIST_SCOPE_PROVISION, T(REPEAT) },
	{ CHECKLIST_ROLE_EXAMPLES, CHECKLIST_SCOPE_PROVISION,
	    T_TEXTS | T(REPEAT) },
	{ CHECKLIST_ROLE_GOOD_PRACTICE, CHECKLIST_SCOPE_PROVISION, T(BOOLEAN) },
	{ CHECKLIST_ROLE_GOOD_PRACTICE_TEXT, CHECKLIST_SCOPE_PROVISION,
	    T_TEXTS },
	{ CHECKLIST_ROLE_STEPS, CHECKLIST_SCOPE_PROVISION, T_TEXTS },
	{ CHECKLIST_ROLE_TIMELINE, CHECKLIST_SCOPE_PROVISION,
	    T_TEXTS | T(DATE) },
	{ CHECKLIST_ROLE_CHALLENGES, CHECKLIST_SCOPE_PROVISION, T(MULTIPLE) },
	{ CHECKLIST_ROLE_TA_NEEDED, CHECKLIST_SCOPE_PROVISION, T(BOOLEAN) },
	{ CHECKLIST_ROLE_TA_FORMS, CHECKLIST_SCOPE_PROVISION, T(MULTIPLE) },
	{ CHECKLIST_ROLE_TA_RECEIVED, CHECKLIST_SCOPE_PROVISION,
	    T_TEXTS | T(REPEAT) },
	{ CHECKLIST_ROLE_AUTH_NAME, CHECKLIST_SCOPE_PROVISION, T_TEXTS },
	{ CHECKLIST_ROLE_AUTH_ADDRESS, CHECKLIST_SCOPE_PROVISION, T_TEXTS },
	{ CHECKLIST_ROLE_AUTH_CONTACT, CHECKLIST_SCOPE_PROVISION, T_TEXTS },
};
#define CHECKLIST_NROLES (sizeof checklist_roles / sizeof checklist_roles[0])

static ssize_t
checklist_roles_find(const char *name)
{
	size_t i;

	for (i = 0; i < CHECKLIST_NROLES; i++)
		if (strcmp(checklist_roles[i].name, name) == 0)
			return (ssize_t)i;
	return -1;
}

/* "single" or "text or longtext". Caller frees. */
static char *
checklist_roles_types(unsigned types)
{
	char *s = checklist_xstrdup(""), *t;
	int k;

	for (k = CHECKLIST_Q_BOOLEAN; k <= CHECKLIST_Q_REPEAT; k++) {
		if (!(types & (1u << k)))
			continue;
		t = checklist_xasprintf("%s%s%s", s, *s ? " or " : "",
		    checklist_qtype_name((enum checklist_qtype)k));
		free(s);
		s = t;
	}
	return s;
}

static checklist_status
checklist_roles_fail(const struct checklist *cl,
    const struct checklist_question *q, struct checklist_error *err,
    const char *why)
{
	return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, cl->source,
	    q->line, 0, _("question '%s': role '%s' %s"), q->path, q->role, why);
}

/* Is Q where its role (of SCOPE) may stand? */
static bool
checklist_roles_placed(const struct checklist_question *q,
    enum checklist_role_scope scope)
{
	switch (scope) {
	case CHECKLIST_SCOPE_FRONT:
		return q->parent == NULL && q->group->kind == CHECKLIST_G_FRONT;
	case CHECKLIST_SCOPE_CONTACT:
		return q->parent != NULL && q->parent->parent == NULL &&
		    q->parent->role != NULL &&
		    strcmp(q->parent->role, CHECKLIST_ROLE_CONTACTS) == 0 &&
		    q->group->kind == CHECKLIST_G_FRONT;
	case CHECKLIST_SCOPE_PROVISION:
		return q->parent == NULL &&
		    q->group->kind == CHECKLIST_G_PROVISION;
	}
	return false;
}

static const char *const checklist_roles_where[] = {
	N_("belongs on a question of the front section, not inside a list"),
	N_("belongs on a question inside the list whose role is 'contacts'"),
	N_("belongs on a question of a provision (or its template), not "
	    "inside a list"),
};

/* The question before Q (in CL's reading order) with Q's role in the
 * same scope, or NULL. Q is where its role belongs (checked first), and
 * so is every earlier question with the role (checked before Q): among
 * Q's siblings, the questions of its group or of its repeat's entry. */
static const struct checklist_question *
checklist_roles_earlier(const struct checklist *cl,
    const struct checklist_question *q, enum checklist_role_scope scope)
{
	struct checklist_question *const *sib = q->parent != NULL ?
	    q->parent->children : q->group->questions;
	const struct checklist_question *o;
	size_t i, n = q->parent != NULL ? q->parent->nchildren :
	    q->group->nquestions;

	(void)cl;
	(void)scope;
	for (i = 0; i < n && sib[i] != q; i++) {
		o = sib[i];
		if (o->role != NULL && strcmp(o->role, q->role) == 0)
			return o;
	}
	return NULL;
}

static checklist_status
checklist_roles_question(const struct checklist *cl,
    const struct checklist_question *q, struct checklist_error *err)
{
	const struct checklist_question *o;
	ssize_t k = checklist_roles_find(q->role);
	char *why;

	if (k < 0)
		return checklist_roles_fail(cl, q, err, _("is not a role (see "
		    "the roles in doc/checklist-format.md)"));
	if (!(checklist_roles[k].types & (1u << q->type))) {
		char *types = checklist_roles_types(checklist_roles[k].types);

		why = checklist_xasprintf(_("needs a question of type %s, not "
		    "%s"), types, checklist_qtype_name(q->type));
		free(types);
	} else if (!checklist_roles_placed(q, checklist_roles[k].scope)) {
		why = checklist_xstrdup(
		    _(checklist_roles_where[checklist_roles[k].scope]));
	} else if ((o = checklist_roles_earlier(cl, q,
	    checklist_roles[k].scope)) != NULL) {
		why = checklist_xasprintf(
		    checklist_roles[k].scope == CHECKLIST_SCOPE_PROVISION ?
		    _("is already on '%s' (line %d): a role is given once in "
		    "each provision") : _("is already on '%s' (line %d): a "
		    "role is given once in a checklist"), o->path, o->line);
	} else {
		return CHECKLIST_OK;
	}
	checklist_roles_fail(cl, q, err, why);
	free(why);
	return err->status;
}

checklist_status
checklist_roles_check(struct checklist *cl, struct checklist_error *err)
{
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->role != NULL &&
		    checklist_roles_question(cl, cl->all[i], err) !=
		    CHECKLIST_OK)
			return err->status;
	return CHECKLIST_OK;
}

const struct checklist_question *
checklist_role(const struct checklist *cl, const struct checklist_group *g,
    const char *role)
{
	size_t i;

	if (g != NULL) {
		for (i = 0; i < g->nquestions; i++)
			if (g->questions[i]->role != NULL &&
			    strcmp(g->questions[i]->role, role) == 0)
				return g->questions[i];
		return NULL;
	}
	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->role != NULL &&
		    cl->all[i]->group->kind == CHECKLIST_G_FRONT &&
		    strcmp(cl->all[i]->role, role) == 0)
			return cl->all[i];
	return NULL;
}

/*
 * checklist_internal_rules.h: what the model's files share about rules
 * that hold whatever the order of the answers (checklist_batch.c),
 * shorthand rules (checklist_shorthand.c) and roles
 * (checklist_roles.c). Not used outside checklist/.
 */
#ifndef SACL_CHECKLIST_INTERNAL_RULES_H
#define SACL_CHECKLIST_INTERNAL_RULES_H

#include <libxml/tree.h>

#include "checklist/checklist.h"

/* Set one value (path.c): its type always, its own constraint only with
 * CONSTRAINT. *CHANGED is the element stored into (NULL on failure). On
 * failure nothing changes. */
checklist_status checklist_path_set(struct checklist_response *r,
    const char *path, const char *value, bool constraint,
    xmlNodePtr *changed, struct checklist_error *err);

/* Check the shorthand attributes of every question of CL against its
 * type, and compile its pattern (shorthand.c): at load, after the
 * semantic checks. */
checklist_status checklist_shorthand_check(struct checklist *cl,
    struct checklist_error *err);
/* Free what L holds; copy SRC into DST (the pattern compiled anew). */
void checklist_limits_free(struct checklist_limits *l);
void checklist_limits_copy(struct checklist_limits *dst,
    const struct checklist_limits *src);

/* The kinds of shorthand rule, for their default messages. */
enum checklist_limit_kind {
	CHECKLIST_LIMIT_MIN,        /* a number */
	CHECKLIST_LIMIT_MAX,
	CHECKLIST_LIMIT_MIN_DATE,
	CHECKLIST_LIMIT_MAX_DATE,
	CHECKLIST_LIMIT_MIN_LENGTH,
	CHECKLIST_LIMIT_MAX_LENGTH,
	CHECKLIST_LIMIT_PATTERN,
	CHECKLIST_LIMIT_NKINDS,
};
/* The default message of KIND in LANG (English when the program has
 * none in it): a printf format with one %s (the bound), except for
 * PATTERN, which has none. */
const char *checklist_limit_message(enum checklist_limit_kind kind,
    const char *lang);

/* Check the roles of CL: known, in their place, once, of the right type
 * (roles.c): at load, after the semantic checks. */
checklist_status checklist_roles_check(struct checklist *cl,
    struct checklist_error *err);

#endif /* SACL_CHECKLIST_INTERNAL_RULES_H */

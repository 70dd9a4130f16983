/*
 * export_check.c: the completeness check run before an export.
 *
 * It lists, in reading order, every relevant required question left
 * unanswered (a required repeat with no entry included; an "other"
 * chosen without its text, as PATH:other), every answer that is no
 * longer valid (its type or constraint fails: a condition elsewhere
 * changed), and every attached file whose copy is missing, changed or
 * over the cap. Each
 * problem carries the value path and the question's page, so that the
 * TUI can jump to it and the command line can print it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"

struct export_check_ctx {
	struct checklist_response *r;
	const struct export_options *opts;
	struct export_problems *out;
};

const char *
export_problem_kind_name(enum export_problem_kind k)
{
	switch (k) {
	case EXPORT_PROBLEM_MISSING:
		return N_("missing"); /* English; marked for the CLI's list */
	case EXPORT_PROBLEM_INVALID:
		return N_("invalid");
	case EXPORT_PROBLEM_FILE:
		return N_("file");
	}
	return "?";
}

const char *
export_problem_label(const struct checklist *cl,
    const struct export_problem *p, const char *lang)
{
	return checklist_text_get(&p->question->label, lang,
	    cl->default_lang);
}

static void
export_check_add(struct export_check_ctx *c, enum export_problem_kind kind,
    const struct checklist_question *q, const char *path, char *reason)
{
	struct export_problems *out = c->out;
	struct export_problem *p;

	out->v = checklist_xreallocarray(out->v, out->n + 1, sizeof *out->v);
	p = &out->v[out->n++];
	p->kind = kind;
	p->path = checklist_xstrdup(path);
	p->reason = reason;
	p->question = q;
	p->group = q->group;
	if (kind == EXPORT_PROBLEM_MISSING)
		out->missing++;
	else
		out->invalid++;
}

/* A file question's copy must be there, unchanged and within the cap
 * now, not only when the package is written. */
static void
export_check_file(struct export_check_ctx *c,
    const struct checklist_question *q, const char *path)
{
	struct checklist_error e;
	size_t max = c->opts->attach_file_max ? c->opts->attach_file_max :
	    EXPORT_ATTACH_FILE_MAX, len;
	char *data;

	checklist_error_clear(&e);
	if (checklist_attach_read(c->r, path, c->opts->base_dir, max, &data,
	    &len, &e) != CHECKLIST_OK)
		export_check_add(c, EXPORT_PROBLEM_FILE, q, path,
		    checklist_xasprintf(_("attached file: %s"), e.message));
	else
		free(data);
}

/* One value path of a question that is not a repeat. */
static void
export_check_value(struct export_check_ctx *c,
    const struct checklist_question *q, const char *path)
{
	struct checklist_error e;
	const char *v = checklist_response_get(c->r, path);
	char *other;

	if (v == NULL || v[0] == '\0') {
		if (q->required)
			export_check_add(c, EXPORT_PROBLEM_MISSING, q, path,
			    checklist_xstrdup(_("required, not answered")));
		return;
	}
	checklist_error_clear(&e);
	if (!checklist_response_valid(c->r, path, &e)) {
		export_check_add(c, EXPORT_PROBLEM_INVALID, q, path,
		    checklist_xstrdup(e.message[0] != '\0' ? e.message :
		    _("not valid")));
		return;
	}
	if (checklist_response_other_missing(c->r, path)) {
		other = checklist_xasprintf("%s:%s", path, CHECKLIST_OTHER);
		export_check_add(c, EXPORT_PROBLEM_MISSING, q, other,
		    checklist_xstrdup(_("\"other\" is chosen: say what it is "
		    "(required)")));
		free(other);
	}
	if (q->type == CHECKLIST_Q_FILE && !c->opts->embedded)
		export_check_file(c, q, path);
}

/* Question Q at PATH (indexes included), and a repeat's entries. */
static void
export_check_question(struct export_check_ctx *c,
    const struct checklist_question *q, const char *path)
{
	size_t i, k, n;
	char *sub;

	if (!checklist_response_relevant(c->r, path))
		return;
	if (q->type != CHECKLIST_Q_REPEAT) {
		export_check_value(c, q, path);
		return;
	}
	n = checklist_response_entries(c->r, path);
	if (n == 0 && q->required)
		export_check_add(c, EXPORT_PROBLEM_MISSING, q, path,
		    checklist_xstrdup("required, no entry yet"));
	for (i = 1; i <= n; i++)
		for (k = 0; k < q->nchildren; k++) {
			sub = checklist_xasprintf("%s[%zu]/%s", path, i,
			    q->children[k]->id);
			export_check_question(c, q->children[k], sub);
			free(sub);
		}
}

void
export_check(struct checklist_response *r, const struct export_options *opts,
    struct export_problems *out)
{
	static const struct export_options defaults;
	struct export_check_ctx c = { r, opts != NULL ? opts : &defaults, out };
	const struct checklist *cl = r->cl;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < cl->nall; i++)
		if (cl->all[i]->parent == NULL &&
		    checklist_response_group_relevant(r, cl->all[i]->group))
			export_check_question(&c, cl->all[i], cl->all[i]->path);
	checklist_progress_all(r, &out->progress);
}

void
export_problems_free(struct export_problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].reason);
	}
	free(p->v);
	memset(p, 0, sizeof *p);
}

void
export_problems_counts(const struct export_problems *p, char *missing,
    char *invalid, size_t size)
{
	snprintf(missing, size, P_("%zu required answer missing",
	    "%zu required answers missing", p->missing), p->missing);
	snprintf(invalid, size, P_("%zu answer not valid",
	    "%zu answers not valid", p->invalid), p->invalid);
}

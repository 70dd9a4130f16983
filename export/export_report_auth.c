/*
 * export_report_auth.c: `--what authorities`: the directory of the
 * authorities that can assist other States (UNCAC article 6(3)). One
 * row per provision of a current submission that answers a question
 * with the role "authority-name", "authority-address" or
 * "authority-contact": State, code, provision, authority, address,
 * contact, as answered (untrusted: the renderers sanitise); by State,
 * then provision in the definition's order. One query for the three.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

#define EXPORT_AU_NFIELDS 3

static const char *const export_au_roles[EXPORT_AU_NFIELDS + 1] = {
	CHECKLIST_ROLE_AUTH_NAME, CHECKLIST_ROLE_AUTH_ADDRESS,
	CHECKLIST_ROLE_AUTH_CONTACT, NULL,
};

struct export_au_row {
	sqlite3_int64 sub;
	const struct checklist_group *group;
	char *state, *code, *prov;
	char *field[EXPORT_AU_NFIELDS];   /* owned, or NULL */
};

struct export_au {
	const struct export_report_options *o;
	size_t nrows;
	struct export_au_row *rows;
};

/* The row of R's submission and provision, added when new. */
static struct export_au_row *
export_au_row(struct export_au *a, const struct export_roles_row *r)
{
	struct export_au_row *w = a->nrows > 0 ? &a->rows[a->nrows - 1] :
	    NULL;

	/* rows come by State, submission and provision */
	if (w != NULL && w->sub == r->sub && w->group == r->group)
		return w;
	a->rows = checklist_xreallocarray(a->rows, a->nrows + 1,
	    sizeof *a->rows);
	w = &a->rows[a->nrows++];
	memset(w, 0, sizeof *w);
	w->sub = r->sub;
	w->group = r->group;
	w->state = checklist_xstrdup(r->state);
	w->code = checklist_xstrdup(r->code);
	w->prov = export_roles_provision(r, a->o->lang);
	return w;
}

static void
export_au_answer(const struct export_roles_row *r, void *arg)
{
	struct export_au *a = arg;
	struct export_au_row *w = export_au_row(a, r);
	size_t k;

	for (k = 0; k < EXPORT_AU_NFIELDS; k++)
		if (r->question->role != NULL &&
		    strcmp(r->question->role, export_au_roles[k]) == 0) {
			free(w->field[k]);
			w->field[k] = checklist_xstrdup(r->value);
		}
}

static void
export_au_table(struct export_rdoc *d, struct export_au *a)
{
	const char *h[] = { _("State"), _("Code"), _("Provision"),
	    _("Authority"), _("Address"), _("Contact") };
	const char *cells[6];
	struct export_rtable *t = export_rdoc_table(d,
	    _("Authorities that can assist other States"), 6, h);
	size_t i, k;

	for (i = 0; i < a->nrows; i++) {
		cells[0] = a->rows[i].state;
		cells[1] = a->rows[i].code;
		cells[2] = a->rows[i].prov;
		for (k = 0; k < EXPORT_AU_NFIELDS; k++)
			cells[3 + k] = a->rows[i].field[k];
		export_rtable_add(t, cells);
	}
}

checklist_status
export_report_authorities(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	struct export_au a;
	size_t i, k;

	memset(&a, 0, sizeof a);
	a.o = o;
	d->title = checklist_xstrdup(_("Competent authorities (article 6(3))"));
	if (export_roles_need(s, o, CHECKLIST_ROLE_AUTH_NAME, err) !=
	    CHECKLIST_OK)
		return err->status;
	if (export_roles_each(s, o, export_au_roles, false,
	    EXPORT_ROLES_BY_STATE, export_au_answer, &a, err) == CHECKLIST_OK)
		export_au_table(d, &a);
	for (i = 0; i < a.nrows; i++) {
		free(a.rows[i].state);
		free(a.rows[i].code);
		free(a.rows[i].prov);
		for (k = 0; k < EXPORT_AU_NFIELDS; k++)
			free(a.rows[i].field[k]);
	}
	free(a.rows);
	return err->status;
}

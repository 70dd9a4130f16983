/*
 * export_report_texts.c: the reports of what States wrote.
 * `--what practices`: the good practices (role "good-practice-text"),
 * by provision (in the definition's order) and State, with their text. `--what measures`: the legal
 * library, each law, regulation or policy cited in an entry of a list
 * with the role "measures", its columns the questions of one entry as
 * the definition labels them (title, reference, date, link...), a file
 * question saying whether its text is attached (`sacl attachments`
 * extracts it); by provision in the definition's order, then State,
 * with the checklist (id and version) each came from.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

struct export_pr {
	const struct export_report_options *o;
	struct export_rtable *t;
};

static void
export_pr_answer(const struct export_roles_row *r, void *arg)
{
	struct export_pr *p = arg;
	char *prov = export_roles_provision(r, p->o->lang);
	const char *cells[4] = { prov, r->state, r->code, r->value };

	export_rtable_add(p->t, cells);
	free(prov);
}

checklist_status
export_report_practices(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	const char *h[] = { _("Provision"), _("State"), _("Code"),
	    _("Good practice") };
	const char *roles[] = { CHECKLIST_ROLE_GOOD_PRACTICE_TEXT, NULL };
	struct export_pr p = { o, NULL };

	d->title = checklist_xstrdup(_("Good practices"));
	if (export_roles_need(s, o, CHECKLIST_ROLE_GOOD_PRACTICE_TEXT, err) !=
	    CHECKLIST_OK)
		return err->status;
	p.t = export_rdoc_table(d, _("Good practices reported"), 4, h);
	return export_roles_each(s, o, roles, false,
	    EXPORT_ROLES_BY_PROVISION, export_pr_answer, &p, err);
}

/* The measures being collected: one entry at a time. Columns: provision,
 * State, code, the questions of one entry of the first list seen of
 * its checklist, then the checklist. A second checklist whose entries
 * have the same columns shares the table (and the CSV); one with other
 * columns gets its own table. */
struct export_me {
	const struct export_report_options *o;
	struct export_rdoc *d;
	const struct checklist *cl;            /* of the rows being read */
	const struct checklist_question *list; /* its first list seen */
	size_t table, ncols;                   /* in D, once made */
	sqlite3_int64 sub;
	const struct checklist_group *group;
	size_t entry;
	char **cells;                          /* NCOLS, owned from 3 */
	char *state, *code, *prov;
};

/* Emit the entry being collected, if any. */
static void
export_me_flush(struct export_me *m)
{
	size_t i;

	if (m->group != NULL) {
		m->cells[0] = m->prov;
		m->cells[1] = m->state;
		m->cells[2] = m->code;
		export_rtable_add(&m->d->tables[m->table],
		    (const char *const *)m->cells);
	}
	for (i = 3; m->cells != NULL && i + 1 < m->ncols; i++) {
		free(m->cells[i]);
		m->cells[i] = NULL;
	}
	free(m->state);
	free(m->code);
	free(m->prov);
	m->state = m->code = m->prov = NULL;
	m->group = NULL;
}

/* The column heads for LIST of CL. Caller frees the array. */
static const char **
export_me_heads(struct export_me *m, const struct checklist_question *list,
    const struct checklist *cl)
{
	const char **h = checklist_xcalloc(list->nchildren + 4, sizeof *h);
	size_t i;

	h[0] = _("Provision");
	h[1] = _("State");
	h[2] = _("Code");
	for (i = 0; i < list->nchildren; i++)
		h[i + 3] = list->children[i]->type == CHECKLIST_Q_FILE ?
		    _("Text attached") : checklist_text_get(
		    &list->children[i]->label, m->o->lang, cl->default_lang);
	h[list->nchildren + 3] = _("Checklist");
	return h;
}

/* The first list of a checklist: its table, the one before when its
 * columns are the same. */
static void
export_me_table(struct export_me *m, const struct checklist_question *list,
    const struct checklist *cl)
{
	const char **h = export_me_heads(m, list, cl);
	const struct export_rtable *t = m->cells != NULL ?
	    &m->d->tables[m->table] : NULL;
	size_t i, n = list->nchildren + 4;
	bool same = t != NULL && t->ncols == n;

	for (i = 0; same && i < n; i++)
		same = strcmp(t->head[i], h[i]) == 0;
	m->cl = cl;
	m->list = list;
	if (!same) {
		export_rdoc_table(m->d, _("Measures cited"), n, h);
		m->table = m->d->ntables - 1;
		if (m->cells != NULL) /* the rest went with the last flush */
			free(m->cells[m->ncols - 1]);
		m->ncols = n;
		free(m->cells);
		m->cells = checklist_xcalloc(n, sizeof *m->cells);
	}
	free(m->cells[n - 1]);
	m->cells[n - 1] = checklist_xasprintf("%s %s", cl->id, cl->version);
	free(h);
}

static void
export_me_answer(const struct export_roles_row *r, void *arg)
{
	struct export_me *m = arg;
	const struct checklist_question *q = r->question, *p = q->parent;
	size_t i;

	if (p == NULL || p->role == NULL ||
	    strcmp(p->role, CHECKLIST_ROLE_MEASURES) != 0)
		return;
	if (m->group != r->group || m->sub != r->sub || m->entry != r->entry)
		export_me_flush(m);
	if (m->cl != r->cl)
		export_me_table(m, p, r->cl);
	if (m->group == NULL) {
		m->group = r->group;
		m->sub = r->sub;
		m->entry = r->entry;
		m->state = checklist_xstrdup(r->state);
		m->code = checklist_xstrdup(r->code);
		m->prov = export_roles_provision(r, m->o->lang);
	}
	for (i = 0; i < m->list->nchildren; i++)
		if (strcmp(m->list->children[i]->id, q->id) == 0) {
			free(m->cells[i + 3]);
			m->cells[i + 3] = checklist_xstrdup(q->type ==
			    CHECKLIST_Q_FILE ? _("yes") : r->value);
		}
}

checklist_status
export_report_measures(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	struct export_me m;
	size_t i;

	memset(&m, 0, sizeof m);
	m.o = o;
	m.d = d;
	d->title = checklist_xstrdup(_("Measures cited (legal library)"));
	if (export_roles_need(s, o, CHECKLIST_ROLE_MEASURES, err) ==
	    CHECKLIST_OK)
		export_roles_each(s, o, NULL, true, EXPORT_ROLES_BY_PROVISION,
		    export_me_answer, &m, err);
	if (err->status != CHECKLIST_OK)
		m.group = NULL; /* not emitted */
	export_me_flush(&m);
	for (i = 3; m.cells != NULL && i < m.ncols; i++)
		free(m.cells[i]);
	free(m.cells);
	return err->status;
}

/*
 * export_report_texts.c: the reports of what States wrote.
 * `--what practices`: the good practices (role "good-practice-text"),
 * by State and provision, with their text. `--what measures`: the legal
 * library, each law, regulation or policy cited in an entry of a list
 * with the role "measures", its columns the questions of one entry as
 * the definition labels them (title, reference, date, link...), a file
 * question saying whether its text is attached (`sacl attachments`
 * extracts it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

static void
export_pr_answer(const struct export_roles_row *r, void *arg)
{
	struct export_rtable *t = arg;
	char *prov = export_roles_provision(r, NULL);
	const char *cells[4] = { prov, r->state, r->code, r->value };

	export_rtable_add(t, cells);
	free(prov);
}

checklist_status
export_report_practices(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	const char *h[] = { "Provision", "State", "Code", "Good practice" };
	struct export_rtable *t;

	d->title = checklist_xstrdup("Good practices");
	if (export_roles_need(s, o, CHECKLIST_ROLE_GOOD_PRACTICE_TEXT, err) !=
	    CHECKLIST_OK)
		return err->status;
	t = export_rdoc_table(d, "Good practices reported", 4, h);
	return export_roles_each(s, o, CHECKLIST_ROLE_GOOD_PRACTICE_TEXT,
	    false, export_pr_answer, t, err);
}

/* The measures being collected: one entry at a time. */
struct export_me {
	const struct export_report_options *o;
	struct export_rdoc *d;
	const struct checklist_question *list; /* the first list seen */
	struct export_rtable *t;
	sqlite3_int64 sub;
	const struct checklist_group *group;
	size_t entry;
	char **cells;                          /* 3 + children, owned */
	char *state, *code, *prov;
};

/* Emit the entry being collected, if any. */
static void
export_me_flush(struct export_me *m)
{
	size_t i, n = m->list != NULL ? m->list->nchildren : 0;

	if (m->group != NULL) {
		m->cells[0] = m->prov;
		m->cells[1] = m->state;
		m->cells[2] = m->code;
		export_rtable_add(m->t, (const char *const *)m->cells);
	}
	for (i = 3; m->cells != NULL && i < n + 3; i++) {
		free(m->cells[i]);
		m->cells[i] = NULL;
	}
	free(m->state);
	free(m->code);
	free(m->prov);
	m->state = m->code = m->prov = NULL;
	m->group = NULL;
}

/* The table, made on the first list seen (its questions are columns). */
static void
export_me_table(struct export_me *m, const struct checklist_question *list,
    const struct checklist *cl)
{
	const char **h = checklist_xcalloc(list->nchildren + 3, sizeof *h);
	size_t i;

	h[0] = "Provision";
	h[1] = "State";
	h[2] = "Code";
	for (i = 0; i < list->nchildren; i++)
		h[i + 3] = list->children[i]->type == CHECKLIST_Q_FILE ?
		    "Text attached" : checklist_text_get(
		    &list->children[i]->label, m->o->lang, cl->default_lang);
	m->list = list;
	m->t = export_rdoc_table(m->d, "Measures cited", list->nchildren + 3,
	    h);
	m->cells = checklist_xcalloc(list->nchildren + 3, sizeof *m->cells);
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
	if (m->list == NULL)
		export_me_table(m, p, r->cl);
	if (m->group != r->group || m->sub != r->sub || m->entry != r->entry) {
		export_me_flush(m);
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
			    CHECKLIST_Q_FILE ? "yes" : r->value);
		}
}

checklist_status
export_report_measures(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	struct export_me m;

	memset(&m, 0, sizeof m);
	m.o = o;
	m.d = d;
	d->title = checklist_xstrdup("Measures cited (legal library)");
	if (export_roles_need(s, o, CHECKLIST_ROLE_MEASURES, err) ==
	    CHECKLIST_OK && export_roles_each(s, o, NULL, true,
	    export_me_answer, &m, err) == CHECKLIST_OK)
		export_me_flush(&m);
	else if (m.cells != NULL)
		export_me_flush(&m);
	free(m.cells);
	free(m.state);
	free(m.code);
	free(m.prov);
	return err->status;
}

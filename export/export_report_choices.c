/*
 * export_report_choices.c: `--what assistance` (role "ta-forms", the
 * forms of technical assistance asked for) and `--what challenges` (role
 * "challenges"): multiple choices counted, by choice (a bar chart in
 * HTML) and by provision and choice, with the States that chose them;
 * CSV gives one row per State, provision and choice, with the "other"
 * text.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_report_roles.h"

/* A count with the States behind it (rows of one provision come by
 * State: a State is added once). STATES[i] grows by doubling (LEN,
 * CAP): thousands of States. */
struct export_tally {
	size_t n;
	char **keys, **states, **last;
	size_t *count, *len, *cap;
	size_t *order;  /* the provision's place in its definition */
};

struct export_ch {
	const struct export_report_options *o;
	struct export_tally by_choice, by_prov;
	struct export_rtable *detail;
};

static void
export_tally_add(struct export_tally *t, const char *key, size_t order,
    const char *code, const char *state)
{
	size_t i, need;

	for (i = 0; i < t->n && strcmp(t->keys[i], key) != 0; i++)
		;
	if (i == t->n) {
		t->keys = checklist_xreallocarray(t->keys, ++t->n,
		    sizeof *t->keys);
		t->states = checklist_xreallocarray(t->states, t->n,
		    sizeof *t->states);
		t->last = checklist_xreallocarray(t->last, t->n,
		    sizeof *t->last);
		t->count = checklist_xreallocarray(t->count, t->n,
		    sizeof *t->count);
		t->len = checklist_xreallocarray(t->len, t->n, sizeof *t->len);
		t->cap = checklist_xreallocarray(t->cap, t->n, sizeof *t->cap);
		t->order = checklist_xreallocarray(t->order, t->n,
		    sizeof *t->order);
		t->order[i] = order;
		t->keys[i] = checklist_xstrdup(key);
		t->states[i] = checklist_xstrdup("");
		t->last[i] = checklist_xstrdup("");
		t->count[i] = t->len[i] = 0;
		t->cap[i] = 1;
	}
	t->count[i]++;
	if (strcmp(t->last[i], code) == 0)
		return;
	need = t->len[i] + strlen(state) + 3;
	if (need > t->cap[i]) {
		t->cap[i] = need * 2;
		t->states[i] = checklist_xrealloc(t->states[i], t->cap[i]);
	}
	t->len[i] += (size_t)snprintf(t->states[i] + t->len[i],
	    t->cap[i] - t->len[i], "%s%s", t->len[i] > 0 ? ", " : "", state);
	free(t->last[i]);
	t->last[i] = checklist_xstrdup(code);
}

static void
export_tally_free(struct export_tally *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->keys[i]);
		free(t->states[i]);
		free(t->last[i]);
	}
	free(t->keys);
	free(t->states);
	free(t->last);
	free(t->count);
	free(t->len);
	free(t->cap);
	free(t->order);
}

/* An entry of a tally and its provision's place, to sort. */
struct export_tally_at {
	size_t order, i;
};

/* By provision in the definition's order, then as first met. */
static int
export_tally_cmp(const void *x, const void *y)
{
	const struct export_tally_at *a = x, *b = y;

	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The indices of T's entries in provision order. Caller frees. */
static size_t *
export_tally_sorted(const struct export_tally *t)
{
	struct export_tally_at *at = checklist_xcalloc(t->n + 1, sizeof *at);
	size_t *v = checklist_xcalloc(t->n + 1, sizeof *v), i;

	for (i = 0; i < t->n; i++) {
		at[i].order = t->order[i];
		at[i].i = i;
	}
	qsort(at, t->n, sizeof *at, export_tally_cmp);
	for (i = 0; i < t->n; i++)
		v[i] = at[i].i;
	free(at);
	return v;
}

/* One choice VALUE of R. */
static void
export_ch_one(struct export_ch *c, const struct export_roles_row *r,
    const char *value)
{
	const char *label = strcmp(value, CHECKLIST_OTHER) == 0 ? _("Other") :
	    export_roles_choice(r->cl, r->question, value, c->o->lang);
	char *prov = export_roles_provision(r, c->o->lang);
	char *key = checklist_xasprintf("%s\t%s", prov, label);
	const char *cells[5];

	export_tally_add(&c->by_choice, label, 0, r->code, r->state);
	export_tally_add(&c->by_prov, key, r->order, r->code, r->state);
	cells[0] = r->state;
	cells[1] = r->code;
	cells[2] = r->group->number;
	cells[3] = label;
	cells[4] = strcmp(value, CHECKLIST_OTHER) == 0 ? r->other : "";
	export_rtable_add(c->detail, cells);
	free(prov);
	free(key);
}

static void
export_ch_answer(const struct export_roles_row *r, void *arg)
{
	char *v = checklist_xstrdup(r->value), *tok, *save = NULL;

	for (tok = strtok_r(v, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		export_ch_one(arg, r, tok);
	free(v);
}

/* The tables from the tallies. */
static void
export_ch_tables(struct export_rdoc *d, struct export_ch *c,
    const char *what)
{
	const char *h1[] = { what, _("Count"), _("States") };
	const char *h2[] = { _("Provision"), what, _("Count"),
	    _("States") };
	const char *cells[4];
	struct export_rtable *t1, *t2;
	char num[32], *tab;
	size_t i, k, *sorted;

	t1 = export_rdoc_table(d, what, 3, h1);
	t1->chart = true;
	t1->numeric[1] = true;
	for (i = 0; i < c->by_choice.n; i++) {
		snprintf(num, sizeof num, "%zu", c->by_choice.count[i]);
		cells[0] = c->by_choice.keys[i];
		cells[1] = num;
		cells[2] = c->by_choice.states[i];
		export_rtable_add(t1, cells);
	}
	t2 = export_rdoc_table(d, _("By provision"), 4, h2);
	t2->numeric[2] = true;
	sorted = export_tally_sorted(&c->by_prov);
	for (k = 0; k < c->by_prov.n; k++) {
		i = sorted[k];
		tab = strchr(c->by_prov.keys[i], '\t');
		*tab = '\0';
		snprintf(num, sizeof num, "%zu", c->by_prov.count[i]);
		cells[0] = c->by_prov.keys[i];
		cells[1] = tab + 1;
		cells[2] = num;
		cells[3] = c->by_prov.states[i];
		export_rtable_add(t2, cells);
		*tab = '\t';
	}
	free(sorted);
}

checklist_status
export_report_choices(struct export_store *s,
    const struct export_report_options *o, struct export_rdoc *d,
    struct checklist_error *err)
{
	bool ta = strcmp(o->what, "assistance") == 0;
	const char *role = ta ? CHECKLIST_ROLE_TA_FORMS :
	    CHECKLIST_ROLE_CHALLENGES;
	const char *what = ta ? _("Form of assistance") : _("Challenge");
	const char *dh[] = { _("State"), _("Code"), _("Provision"),
	    what, _("Other") };
	const char *roles[] = { role, NULL };
	struct export_ch c;

	memset(&c, 0, sizeof c);
	c.o = o;
	d->title = checklist_xstrdup(ta ? _("Technical assistance needed") :
	    _("Challenges met"));
	if (export_roles_need(s, o, role, err) != CHECKLIST_OK)
		return err->status;
	c.detail = export_rdoc_table(d, d->title, 5, dh);
	c.detail->csv_only = true;
	d->csv_table = 0;
	if (export_roles_each(s, o, roles, false, EXPORT_ROLES_BY_STATE,
	    export_ch_answer, &c, err) == CHECKLIST_OK)
		export_ch_tables(d, &c, what);
	export_tally_free(&c.by_choice);
	export_tally_free(&c.by_prov);
	return err->status;
}

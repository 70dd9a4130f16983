/*
 * export_render.c: the walk of `sacl render` and of the presentation
 * mode: a response into a view (export_render.h), article by article,
 * page by page, relevant questions only, each value as a person reads
 * it (choices by their labels, "Yes"/"No"), with its workshop marks
 * (checklist_marks.h), and the conflicts left by a merge. Only reads the
 * response.
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_render.h"

static char *
export_view_text(const struct checklist_text *t, const char *lang,
    const struct checklist *cl)
{
	return checklist_xstrdup(checklist_text_get(t, lang, cl->default_lang));
}

static char *
export_view_dup(const char *s)
{
	return s != NULL ? checklist_xstrdup(s) : NULL;
}

static void
export_view_marks(struct checklist_response *r, const char *path,
    struct export_vmarks *vm)
{
	struct checklist_marks m;

	checklist_marks_get(r, path, &m);
	vm->review = m.review;
	vm->conflict = m.conflict;
	vm->agency = export_view_dup(m.agency);
	vm->file = export_view_dup(m.file);
	vm->time = export_view_dup(m.time);
}

/* The label of choice VALUE of Q, or VALUE. */
static const char *
export_view_choice(const struct checklist_question *q, const char *value,
    const char *lang, const char *deflang)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++)
		if (strcmp(q->choices[i].value, value) == 0)
			return checklist_text_get(&q->choices[i].label, lang,
			    deflang);
	return value;
}

/* VALUE of choice question Q by its labels, "; " between them; "other"
 * as "Other: TEXT". Caller frees. */
static char *
export_view_choices(const struct checklist_question *q, const char *value,
    const char *other, const char *lang, const char *deflang)
{
	char *out = checklist_xstrdup(""), *tok, *save = NULL, *copy, *more;
	const char *label;

	copy = checklist_xstrdup(value);
	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, CHECKLIST_OTHER) == 0)
			label = NULL;
		else
			label = export_view_choice(q, tok, lang, deflang);
		if (label == NULL)
			more = checklist_xasprintf(_("%s%sOther: %s"), out,
			    *out != '\0' ? "; " : "", other);
		else
			more = checklist_xasprintf("%s%s%s", out,
			    *out != '\0' ? "; " : "", label);
		free(out);
		out = more;
	}
	free(copy);
	return out;
}

/* The value at PATH as shown. Caller frees. */
static char *
export_view_value(struct checklist_response *r,
    const struct checklist_question *q, const char *path, const char *lang)
{
	const char *v = checklist_response_get(r, path);
	char *opath;
	char *out;

	if (v == NULL || *v == '\0')
		return checklist_xstrdup("");
	if (q->type == CHECKLIST_Q_BOOLEAN)
		return checklist_xstrdup(strcmp(v, "yes") == 0 ? _("Yes") :
		    strcmp(v, "no") == 0 ? _("No") : v);
	if (q->type != CHECKLIST_Q_SINGLE && q->type != CHECKLIST_Q_MULTIPLE)
		return checklist_xstrdup(v);
	opath = checklist_xasprintf("%s:other", path);
	out = export_view_choices(q, v, q->other ?
	    checklist_response_get(r, opath) : "", lang, r->cl->default_lang);
	free(opath);
	return out;
}

static size_t export_view_answers(struct checklist_response *r,
    struct checklist_question *const *qs, size_t nq, const char *prefix,
    const char *lang, struct export_vanswer **out);

static void
export_view_repeat(struct checklist_response *r, struct export_vanswer *a,
    const char *lang)
{
	size_t i, n = checklist_response_entries(r, a->path);
	struct export_ventry *e;

	a->entries = checklist_xcalloc(n > 0 ? n : 1, sizeof *a->entries);
	a->nentries = n;
	for (i = 0; i < n; i++) {
		e = &a->entries[i];
		e->path = checklist_xasprintf("%s[%zu]", a->path, i + 1);
		export_view_marks(r, e->path, &e->marks);
		e->n = export_view_answers(r, a->q->children, a->q->nchildren,
		    e->path, lang, &e->answers);
	}
	a->missing = a->q->required && n == 0;
}

static void
export_view_answer(struct checklist_response *r,
    const struct checklist_question *q, const char *path, const char *lang,
    struct export_vanswer *a)
{
	memset(a, 0, sizeof *a);
	a->q = q;
	a->path = checklist_xstrdup(path);
	a->label = export_view_text(&q->label, lang, r->cl);
	export_view_marks(r, path, &a->marks);
	if (q->type == CHECKLIST_Q_REPEAT) {
		a->value = checklist_xstrdup("");
		export_view_repeat(r, a, lang);
		return;
	}
	a->value = export_view_value(r, q, path, lang);
	a->missing = (q->required && a->value[0] == '\0') ||
	    checklist_response_other_missing(r, path);
}

/* The relevant questions QS under PREFIX (a group id or an entry path). */
static size_t
export_view_answers(struct checklist_response *r,
    struct checklist_question *const *qs, size_t nq, const char *prefix,
    const char *lang, struct export_vanswer **out)
{
	size_t i, n = 0;
	char *path;

	*out = checklist_xcalloc(nq > 0 ? nq : 1, sizeof **out);
	for (i = 0; i < nq; i++) {
		path = checklist_xasprintf("%s/%s", prefix, qs[i]->id);
		if (checklist_response_relevant(r, path))
			export_view_answer(r, qs[i], path, lang, &(*out)[n++]);
		free(path);
	}
	return n;
}

/* Required answers missing in A (N of them), entries included. */
static size_t
export_view_count_missing(const struct export_vanswer *a, size_t n)
{
	size_t i, j, m = 0;

	for (i = 0; i < n; i++) {
		m += a[i].missing;
		for (j = 0; j < a[i].nentries; j++)
			m += export_view_count_missing(a[i].entries[j].answers,
			    a[i].entries[j].n);
	}
	return m;
}

static void
export_view_page_build(struct checklist_response *r,
    const struct checklist_group *g, const char *lang, struct export_vpage *p)
{
	memset(p, 0, sizeof *p);
	p->g = g;
	p->relevant = checklist_response_group_relevant(r, g);
	if (g->kind == CHECKLIST_G_FRONT) {
		p->name = export_view_text(&g->title, lang, r->cl);
		p->title = checklist_xstrdup("");
	} else {
		p->name = checklist_xstrdup(g->number != NULL ? g->number :
		    g->id);
		p->title = export_view_text(&g->title, lang, r->cl);
	}
	checklist_progress_group(r, g, &p->p);
	if (p->relevant)
		p->n = export_view_answers(r, g->questions, g->nquestions,
		    g->id, lang, &p->answers);
	p->missing = export_view_count_missing(p->answers, p->n);
}

/* The pages at and below G (a provision and its lettered items). */
static void
export_view_pages(struct checklist_response *r,
    const struct checklist_group *g, const char *lang,
    struct export_varticle *a)
{
	size_t i;

	if (g->nquestions > 0) {
		a->pages = checklist_xreallocarray(a->pages, a->npages + 1,
		    sizeof *a->pages);
		export_view_page_build(r, g, lang, &a->pages[a->npages]);
		a->missing += a->pages[a->npages++].missing;
	}
	for (i = 0; i < g->nchildren; i++)
		export_view_pages(r, g->children[i], lang, a);
}

static void
export_view_article(struct checklist_response *r,
    const struct checklist_group *g, const char *lang,
    struct export_varticle *a)
{
	size_t i;

	memset(a, 0, sizeof *a);
	a->g = g;
	if (g->kind == CHECKLIST_G_FRONT) {
		a->name = export_view_text(&g->title, lang, r->cl);
		a->title = checklist_xstrdup("");
	} else {
		a->name = checklist_xasprintf(_("Article %s"), g->number != NULL ?
		    g->number : g->id);
		a->title = export_view_text(&g->title, lang, r->cl);
	}
	checklist_progress_group(r, g, &a->p);
	checklist_marks_count_group(r, g, &a->marks);
	if (g->kind == CHECKLIST_G_FRONT || g->nquestions > 0)
		export_view_pages(r, g, lang, a);
	else
		for (i = 0; i < g->nchildren; i++)
			export_view_pages(r, g->children[i], lang, a);
}

/* "from AGENCY (FILE, TIME)", or NULL when all three are NULL. */
static char *
export_view_from(const char *agency, const char *file, const char *time)
{
	if (agency == NULL && file == NULL && time == NULL)
		return NULL;
	return checklist_xasprintf(_("from %s%s%s%s%s%s"),
	    agency != NULL ? agency : _("(agency not said)"),
	    file != NULL || time != NULL ? " (" : "",
	    file != NULL ? file : "",
	    file != NULL && time != NULL ? ", " : "",
	    time != NULL ? time : "",
	    file != NULL || time != NULL ? ")" : "");
}

/* The question path of value path PATH: no "[N]", no ":other". */
static char *
export_view_qpath(const char *path)
{
	char *out = checklist_xstrdup(path), *w = out;
	const char *p;

	for (p = path; *p != '\0' && *p != ':'; p++) {
		if (*p == '[') {
			while (*p != '\0' && *p != ']')
				p++;
			if (*p == '\0')
				break;
			continue;
		}
		*w++ = *p;
	}
	*w = '\0';
	return out;
}

/* Candidate K of a conflict on Q (NULL: unknown) as shown. */
static char *
export_view_candidate(struct checklist_response *r,
    const struct checklist_question *q, const struct checklist_candidate *k,
    const char *lang)
{
	const char *o = k->other != NULL ? k->other : "";

	if (q != NULL && q->type == CHECKLIST_Q_BOOLEAN)
		return checklist_xstrdup(strcmp(k->value, "yes") == 0 ? _("Yes") :
		    strcmp(k->value, "no") == 0 ? _("No") : k->value);
	if (q != NULL && (q->type == CHECKLIST_Q_SINGLE ||
	    q->type == CHECKLIST_Q_MULTIPLE))
		return export_view_choices(q, k->value, o, lang,
		    r->cl->default_lang);
	return checklist_xstrdup(k->value);
}

static void
export_view_conflicts(struct checklist_response *r, const char *lang,
    struct export_view *v)
{
	struct checklist_conflict *c;
	const struct checklist_question *q;
	size_t i, j, n = checklist_conflicts(r, &c);
	struct export_vconflict *vc;
	char *qpath;

	v->conflicts = checklist_xcalloc(n > 0 ? n : 1, sizeof *v->conflicts);
	v->nconflicts = n;
	for (i = 0; i < n; i++) {
		vc = &v->conflicts[i];
		vc->path = checklist_xstrdup(c[i].path);
		qpath = export_view_qpath(c[i].path);
		q = checklist_find_question(r->cl, qpath);
		vc->label = q != NULL ? export_view_text(&q->label, lang,
		    r->cl) : checklist_xstrdup(c[i].path);
		free(qpath);
		vc->n = c[i].n;
		vc->values = checklist_xcalloc(vc->n + 1, sizeof *vc->values);
		for (j = 0; j < vc->n; j++) {
			char *from = export_view_from(c[i].cand[j].agency,
			    c[i].cand[j].file, c[i].cand[j].time);
			char *shown = export_view_candidate(r, q,
			    &c[i].cand[j], lang);

			vc->values[j] = checklist_xasprintf("%s%s%s", shown,
			    from != NULL ? ", " : "", from != NULL ? from : "");
			free(shown);
			free(from);
		}
	}
	checklist_conflicts_free(c, n);
}

void
export_view_build(struct checklist_response *r, const char *lang,
    struct export_view *v)
{
	const struct checklist *cl = r->cl;
	const struct checklist_question *sq;
	const char *agency = checklist_marks_agency(r), *state = "";
	size_t i, n = cl->nsections + (cl->front != NULL);

	memset(v, 0, sizeof *v);
	v->lang = checklist_xstrdup(lang != NULL ? lang : cl->default_lang);
	v->title = export_view_text(&cl->title, lang, cl);
	sq = checklist_role(cl, NULL, CHECKLIST_ROLE_STATE);
	if (sq != NULL && checklist_response_get(r, sq->path) != NULL)
		state = checklist_response_get(r, sq->path);
	v->meta = checklist_xasprintf("%s %s%s%s%s%s", cl->id, cl->version,
	    *state != '\0' ? _(", State: ") : "", state,
	    agency != NULL ? _(", contribution of ") : "",
	    agency != NULL ? agency : "");
	checklist_marks_count_group(r, NULL, &v->marks);
	v->articles = checklist_xcalloc(n > 0 ? n : 1, sizeof *v->articles);
	if (cl->front != NULL)
		export_view_article(r, cl->front, lang, &v->articles[v->narticles++]);
	for (i = 0; i < cl->nsections; i++)
		export_view_article(r, cl->sections[i], lang,
		    &v->articles[v->narticles++]);
	/* the sum of the rows shown (a contribution's progress elsewhere
	 * is its scope's only: here, the whole checklist is shown) */
	for (i = 0; i < v->narticles; i++) {
		v->missing += v->articles[i].missing;
		checklist_progress_add(&v->p, &v->articles[i].p);
	}
	export_view_conflicts(r, lang, v);
}

char *
export_vmarks_from(const struct export_vmarks *m)
{
	return export_view_from(m->agency, m->file, m->time);
}

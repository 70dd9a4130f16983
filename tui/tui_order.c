/*
 * tui_order.c: the order in which `sacl fill` walks a checklist, without
 * a screen: the navigator's entries under the filters (obligation level,
 * theme, unfinished only), the next and previous provision, the next
 * required question still unanswered, and finding a provision by its
 * number. The states and relevance come from the model; nothing here is
 * decided twice.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui.h"

bool
tui_order_is_page(const struct checklist_group *g)
{
	return g != NULL && g->nquestions > 0;
}

const struct checklist_group *
tui_order_page_of(const struct checklist_group *g)
{
	size_t i;

	if (g == NULL || tui_order_is_page(g))
		return g;
	for (i = 0; i < g->nchildren; i++) {
		const struct checklist_group *p =
		    tui_order_page_of(g->children[i]);
		if (p != NULL)
			return p;
	}
	return NULL;
}

/* The theme of G, or of the nearest group above it that has one. */
static const char *
tui_order_theme(const struct checklist_group *g)
{
	for (; g != NULL; g = g->parent)
		if (g->theme != NULL)
			return g->theme;
	return NULL;
}

bool
tui_order_accepts(struct checklist_response *r, const struct tui_filter *f,
    const struct checklist_group *g)
{
	const char *theme = tui_order_theme(g);
	enum checklist_state s;

	if (g->kind == CHECKLIST_G_SECTION)
		return false; /* an article is shown for its provisions */
	if (!checklist_scope_has(r, g))
		return false; /* a contribution: its articles only */
	if (f->level != CHECKLIST_LEVEL_NONE && g->kind != CHECKLIST_G_FRONT &&
	    g->level != f->level)
		return false;
	if (f->theme != NULL && (theme == NULL || strcmp(theme, f->theme) != 0))
		return false;
	if (f->unfinished) {
		s = checklist_state_group(r, g);
		if (s == CHECKLIST_STATE_COMPLETE ||
		    s == CHECKLIST_STATE_NOT_RELEVANT)
			return false;
	}
	return true;
}

/* The list being made: N entries, room for CAP. */
struct tui_order_list {
	struct tui_entry *e;
	size_t n, cap;
};

/* Append G and its children to L when visible; true if any was. */
static bool
tui_order_collect(struct checklist_response *r, const struct tui_filter *f,
    const struct checklist_group *g, struct tui_order_list *l)
{
	size_t at = l->n, i;
	bool any = false;

	if (l->n == l->cap) { /* G's place: a parent before its children */
		l->cap = l->cap < 64 ? 64 : 2 * l->cap;
		l->e = checklist_xreallocarray(l->e, l->cap, sizeof *l->e);
	}
	l->n++;
	for (i = 0; i < g->nchildren; i++)
		any |= tui_order_collect(r, f, g->children[i], l);
	if (!any && !tui_order_accepts(r, f, g)) {
		l->n = at; /* G had no visible children: they added nothing */
		return false;
	}
	l->e[at].group = g;
	l->e[at].state = checklist_state_group(r, g);
	return true;
}

size_t
tui_order_entries(struct checklist_response *r, const struct tui_filter *f,
    struct tui_entry **out)
{
	const struct checklist *cl = r->cl;
	struct tui_order_list l = { NULL, 0, 0 };
	size_t i;

	if (cl->front != NULL && f->theme == NULL)
		tui_order_collect(r, f, cl->front, &l);
	for (i = 0; i < cl->nsections; i++)
		tui_order_collect(r, f, cl->sections[i], &l);
	*out = l.e;
	return l.n;
}

/* The index of G in the checklist's pages, or npages. */
static size_t
tui_order_page_index(const struct checklist *cl,
    const struct checklist_group *g)
{
	size_t i;

	for (i = 0; i < cl->npages; i++)
		if (cl->pages[i] == g)
			return i;
	return cl->npages;
}

const struct checklist_group *
tui_order_step(struct checklist_response *r, const struct tui_filter *f,
    const struct checklist_group *current, int dir)
{
	const struct checklist *cl = r->cl;
	ptrdiff_t np = (ptrdiff_t)cl->npages;
	ptrdiff_t i = (ptrdiff_t)tui_order_page_index(cl, current);

	if (i == np) /* no current page: start beyond the end opposite DIR */
		i = dir > 0 ? -1 : np;
	for (;;) {
		i += dir > 0 ? 1 : -1;
		if (i < 0 || i >= np)
			return NULL;
		if (cl->pages[i] == cl->front && f->theme != NULL)
			continue;
		if (tui_order_accepts(r, f, cl->pages[i]))
			return cl->pages[i];
	}
}

bool
tui_order_answered(struct checklist_response *r,
    const struct checklist_question *q)
{
	const char *v;

	if (q->type == CHECKLIST_Q_REPEAT)
		return checklist_response_entries(r, q->path) > 0;
	v = checklist_response_get(r, q->path);
	return v != NULL && v[0] != '\0' &&
	    !checklist_response_other_missing(r, q->path);
}

/* Is Q on its page a required question still waiting for an answer? An
 * "other" chosen without its text is one, required or not. */
static bool
tui_order_wanted(struct checklist_response *r,
    const struct checklist_question *q)
{
	return (q->required || checklist_response_other_missing(r, q->path)) &&
	    checklist_response_relevant(r, q->path) &&
	    !tui_order_answered(r, q);
}

/* The first wanted question of page G from index FROM on. */
static const struct checklist_question *
tui_order_wanted_from(struct checklist_response *r,
    const struct checklist_group *g, size_t from)
{
	size_t i;

	if (!checklist_scope_has(r, g) ||
	    !checklist_response_group_relevant(r, g))
		return NULL;
	for (i = from; i < g->nquestions; i++)
		if (tui_order_wanted(r, g->questions[i]))
			return g->questions[i];
	return NULL;
}

const struct checklist_question *
tui_order_next_required(struct checklist_response *r,
    const struct checklist_group *page, const struct checklist_question *after)
{
	const struct checklist *cl = r->cl;
	const struct checklist_question *q;
	size_t start = tui_order_page_index(cl, page), k, from = 0, i;

	if (cl->npages == 0)
		return NULL;
	if (start == cl->npages)
		start = 0;
	else if (after != NULL) {
		while (after->parent != NULL) /* inside a repeat: the repeat */
			after = after->parent;
		for (i = 0; i < page->nquestions; i++)
			if (page->questions[i] == after)
				from = i + 1;
	}
	for (k = 0; k <= cl->npages; k++) {
		const struct checklist_group *g =
		    cl->pages[(start + k) % cl->npages];
		/* the last round: PAGE again, from its top */
		q = tui_order_wanted_from(r, g, k == 0 ? from : 0);
		if (q != NULL)
			return q;
	}
	return NULL;
}

size_t
tui_order_themes(const struct checklist *cl, const char ***out)
{
	size_t n = 0, i, j;

	*out = NULL;
	for (i = 0; i < cl->npages; i++) {
		const char *t = tui_order_theme(cl->pages[i]);

		if (t == NULL)
			continue;
		for (j = 0; j < n && strcmp((*out)[j], t) != 0; j++)
			;
		if (j < n)
			continue;
		*out = checklist_xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = t;
	}
	return n;
}

enum checklist_level
tui_order_next_level(enum checklist_level l)
{
	switch (l) {
	case CHECKLIST_LEVEL_NONE:
		return CHECKLIST_LEVEL_MANDATORY;
	case CHECKLIST_LEVEL_MANDATORY:
		return CHECKLIST_LEVEL_CONSIDER;
	case CHECKLIST_LEVEL_CONSIDER:
		return CHECKLIST_LEVEL_OPTIONAL;
	case CHECKLIST_LEVEL_OPTIONAL:
	default:
		return CHECKLIST_LEVEL_NONE;
	}
}

/* The marks of the list, readable in monochrome and on a vt100; what
 * each means is checklist_state_name()'s and the legend's (`m`). */
const char *
tui_state_marker(enum checklist_state s)
{
	switch (s) {
	case CHECKLIST_STATE_NOT_STARTED:
		return "[ ]";
	case CHECKLIST_STATE_PARTIAL:
		return "[~]";
	case CHECKLIST_STATE_INVALID:
		return "[!]";
	case CHECKLIST_STATE_COMPLETE:
		return "[x]";
	case CHECKLIST_STATE_NOT_RELEVANT:
	default:
		return "[-]";
	}
}

const char *
tui_level_label(enum checklist_level l)
{
	switch (l) {
	case CHECKLIST_LEVEL_MANDATORY:
		return _("shall");
	case CHECKLIST_LEVEL_CONSIDER:
		return _("shall consider");
	case CHECKLIST_LEVEL_OPTIONAL:
		return _("may");
	case CHECKLIST_LEVEL_NONE:
	default:
		return _("all levels");
	}
}

/* The format gives a theme no text of its own: its id is made readable,
 * the first letter capitalised, hyphens and underscores as spaces. */
char *
tui_theme_label(const char *theme)
{
	char *s = checklist_xstrdup(theme), *p;

	for (p = s; *p != '\0'; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* "9.1(a)" and "9.1a" and "9.1 (A)" compare equal: letters, digits and
 * dots only, case folded. */
static bool
tui_order_same_number(const char *a, const char *b)
{
	for (;;) {
		while (*a != '\0' && !isalnum((unsigned char)*a) && *a != '.')
			a++;
		while (*b != '\0' && !isalnum((unsigned char)*b) && *b != '.')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

static const struct checklist_group *
tui_order_find_in(const struct checklist_group *g, const char *number)
{
	size_t i;

	if (g->number != NULL && tui_order_same_number(g->number, number))
		return g;
	for (i = 0; i < g->nchildren; i++) {
		const struct checklist_group *h =
		    tui_order_find_in(g->children[i], number);
		if (h != NULL)
			return h;
	}
	return NULL;
}

const struct checklist_group *
tui_order_find_number(const struct checklist *cl, const char *number)
{
	size_t i;

	for (i = 0; i < cl->nsections; i++) {
		const struct checklist_group *g =
		    tui_order_find_in(cl->sections[i], number);
		if (g != NULL)
			return g;
	}
	return NULL;
}

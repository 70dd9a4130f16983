/*
 * tui_find.c: search (`/`) without a screen. Looks for a string in the
 * provision and article numbers and titles, the question labels, and the
 * answers (repeat entries and "other" texts included), and returns hits
 * that say which page to open and which value to focus. ASCII letters
 * match in either case; other characters match exactly.
 */
#include "config.h"

#include <string.h>

#include "tui/tui.h"

/* Enough for any screen; a search that matches more is too vague. */
#define TUI_FIND_MAX 500

struct tui_find {
	struct checklist_response *r;
	const char *lang;
	const char *needle;
	struct tui_hit *hits;
	size_t n;
};

static bool
tui_find_match(const struct tui_find *f, const char *hay)
{
	return hay != NULL && strcasestr(hay, f->needle) != NULL;
}

static void
tui_find_add(struct tui_find *f, const struct checklist_group *g,
    const struct checklist_question *q, const char *path, const char *text)
{
	struct tui_hit *h;
	const struct checklist_group *page = tui_order_page_of(g);

	if (f->n >= TUI_FIND_MAX || page == NULL)
		return;
	f->hits = checklist_xreallocarray(f->hits, f->n + 1, sizeof *f->hits);
	h = &f->hits[f->n++];
	h->group = page;
	h->q = q;
	h->path = path != NULL ? checklist_xstrdup(path) : NULL;
	h->text = checklist_sanitize(text, false);
}

/* The number of G, "9.1", or the front section's title. */
static const char *
tui_find_where(const struct tui_find *f, const struct checklist_group *g)
{
	return g->number != NULL ? g->number : checklist_text_get(&g->title,
	    f->lang, f->r->cl->default_lang);
}

/* The number and title of G, "9.1  Title". Caller frees. */
static char *
tui_find_heading(const struct tui_find *f, const struct checklist_group *g)
{
	const char *title = checklist_text_get(&g->title, f->lang,
	    f->r->cl->default_lang);

	if (g->number == NULL)
		return checklist_xstrdup(title);
	return checklist_xasprintf("%s%s  %s", g->kind == CHECKLIST_G_SECTION ?
	    "Art. " : "", g->number, title);
}

/* The answers of Q at VALUE path PATH (entries of a repeat in turn). */
static void
tui_find_values(struct tui_find *f, const struct checklist_question *q,
    const char *path)
{
	const char *label = checklist_text_get(&q->label, f->lang,
	    f->r->cl->default_lang);
	size_t i, j, n;
	const char *v;
	char *sub, *text;

	if (q->type == CHECKLIST_Q_REPEAT) {
		n = checklist_response_entries(f->r, path);
		for (i = 1; i <= n; i++)
			for (j = 0; j < q->nchildren; j++) {
				sub = checklist_xasprintf("%s[%zu]/%s", path, i,
				    q->children[j]->id);
				tui_find_values(f, q->children[j], sub);
				free(sub);
			}
		return;
	}
	for (i = 0; i < 2; i++) {
		sub = i == 0 ? checklist_xstrdup(path) :
		    checklist_xasprintf("%s:%s", path, CHECKLIST_OTHER);
		v = checklist_response_get(f->r, sub);
		if (v != NULL && v[0] != '\0' && tui_find_match(f, v)) {
			text = checklist_xasprintf("%s  %s: %s",
			    tui_find_where(f, q->group), label, v);
			tui_find_add(f, q->group, q, sub, text);
			free(text);
		}
		free(sub);
	}
}

/* The labels of Q and the questions of its entries. */
static void
tui_find_labels(struct tui_find *f, const struct checklist_question *q)
{
	const char *label = checklist_text_get(&q->label, f->lang,
	    f->r->cl->default_lang);
	const struct checklist_question *top = q;
	char *text;
	size_t i;

	while (top->parent != NULL)
		top = top->parent;
	if (tui_find_match(f, label) && checklist_response_relevant(f->r,
	    top->path)) {
		text = checklist_xasprintf("%s  %s", tui_find_where(f,
		    q->group), label);
		tui_find_add(f, q->group, q, top->path, text);
		free(text);
	}
	for (i = 0; i < q->nchildren; i++)
		tui_find_labels(f, q->children[i]);
}

static void
tui_find_group(struct tui_find *f, const struct checklist_group *g)
{
	char *head = tui_find_heading(f, g);
	size_t i;

	if (tui_find_match(f, head))
		tui_find_add(f, g, NULL, NULL, head);
	free(head);
	for (i = 0; i < g->nquestions; i++)
		tui_find_labels(f, g->questions[i]);
	for (i = 0; i < g->nquestions; i++)
		tui_find_values(f, g->questions[i], g->questions[i]->path);
	for (i = 0; i < g->nchildren; i++)
		tui_find_group(f, g->children[i]);
}

size_t
tui_find(struct checklist_response *r, const char *lang, const char *needle,
    struct tui_hit **out)
{
	struct tui_find f = { r, lang, needle, NULL, 0 };
	size_t i;

	*out = NULL;
	if (needle == NULL || needle[0] == '\0')
		return 0;
	if (r->cl->front != NULL)
		tui_find_group(&f, r->cl->front);
	for (i = 0; i < r->cl->nsections; i++)
		tui_find_group(&f, r->cl->sections[i]);
	*out = f.hits;
	return f.n;
}

void
tui_find_free(struct tui_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(hits[i].path);
		free(hits[i].text);
	}
	free(hits);
}

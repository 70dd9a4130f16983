/*
 * tui_find.c: search (`/`) without a screen. Looks for a string in the
 * provision and article numbers and titles, the question labels, and the
 * answers (repeat entries and "other" texts included), and returns hits
 * that say which page to open and which value to focus. ASCII letters
 * match in either case; other characters match exactly. A hit in an
 * answer shows the words around the match, not the answer's start.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/tui.h"

/* Enough for any screen; a search that matches more is too vague. */
#define TUI_FIND_MAX 500
/* An answer's hit shows this many columns of it, the match starting
 * about TUI_FIND_BEFORE columns in; a label is cut at TUI_FIND_LABEL. */
#define TUI_FIND_WINDOW 60
#define TUI_FIND_BEFORE 24
#define TUI_FIND_LABEL 32

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

/* "…" where the locale can write it, else "...". */
static const char *
tui_find_ellipsis(void)
{
	return wcwidth(L'\u2026') == 1 ? "\u2026" : "...";
}

/* The display width of the character at S[I], stepping I past it. */
static int
tui_find_cwidth(const char *s, size_t *i)
{
	char one[8];
	size_t k = 1;

	while (s[*i + k] != '\0' && ((unsigned char)s[*i + k] & 0xc0) == 0x80 &&
	    k < sizeof one - 1)
		k++;
	memcpy(one, s + *i, k);
	one[k] = '\0';
	*i += k;
	return tui_text_width(one);
}

/* The start of the window: back from AT by about TUI_FIND_BEFORE
 * columns, then on to the start of a word when one is near. */
static size_t
tui_find_window_start(const char *s, size_t at)
{
	size_t start = at, j;
	int used = 0;

	while (start > 0 && used < TUI_FIND_BEFORE) {
		do
			start--;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80);
		j = start;
		used += tui_find_cwidth(s, &j);
	}
	if (start == 0)
		return 0;
	for (j = start; j < at && s[j] != ' '; j++)
		;
	return j < at ? j + 1 : start;
}

/*
 * About TUI_FIND_WINDOW columns of the answer V around the match of the
 * needle, sanitised, on one line, "…" marking what is left out on either
 * side. Caller frees.
 */
static char *
tui_find_window(const struct tui_find *f, const char *v)
{
	char *flat = checklist_xstrdup(v), *clean, *hit, *out, *p;
	size_t start, end, len;
	int used = 0;

	for (p = flat; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	clean = checklist_sanitize(flat, false);
	free(flat);
	len = strlen(clean);
	hit = strcasestr(clean, f->needle);
	start = hit != NULL ? tui_find_window_start(clean,
	    (size_t)(hit - clean)) : 0;
	for (end = start; end < len && used < TUI_FIND_WINDOW;)
		used += tui_find_cwidth(clean, &end);
	if (hit != NULL && end < (size_t)(hit - clean) + strlen(f->needle))
		end = (size_t)(hit - clean) + strlen(f->needle);
	out = checklist_xasprintf("%s%.*s%s", start > 0 ?
	    tui_find_ellipsis() : "", (int)(end - start), clean + start,
	    end < len ? tui_find_ellipsis() : "");
	free(clean);
	return out;
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
	    _("Art. ") : "", g->number, title);
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
	char *sub, *text, *cut, *window;

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
			cut = tui_text_fit(label, TUI_FIND_LABEL, false);
			window = tui_find_window(f, v);
			text = checklist_xasprintf("%s  %s: %s",
			    tui_find_where(f, q->group), cut, window);
			tui_find_add(f, q->group, q, sub, text);
			free(text);
			free(window);
			free(cut);
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
	char *head;
	size_t i;

	if (g->kind != CHECKLIST_G_SECTION && !checklist_scope_has(f->r, g))
		return; /* a contribution finds in its scope only */
	head = tui_find_heading(f, g);
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

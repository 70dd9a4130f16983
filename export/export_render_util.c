/*
 * export_render_util.c: what the walk of export_render.c leaves to its
 * users: freeing a view, finding a page in it, the missing answers of a
 * page, the heading of a group, choosing the writer, and the writers'
 * growing string and wrapping by display width (sanitised first).
 */
#include "config.h"
#include "checklist/sacl_i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_render.h"

static void
export_vmarks_free(struct export_vmarks *m)
{
	free(m->agency);
	free(m->file);
	free(m->time);
}

static void
export_vanswers_free(struct export_vanswer *a, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < a[i].nentries; j++) {
			free(a[i].entries[j].path);
			export_vmarks_free(&a[i].entries[j].marks);
			export_vanswers_free(a[i].entries[j].answers,
			    a[i].entries[j].n);
		}
		free(a[i].entries);
		free(a[i].path);
		free(a[i].label);
		free(a[i].value);
		export_vmarks_free(&a[i].marks);
	}
	free(a);
}

void
export_view_free(struct export_view *v)
{
	size_t i, j;

	for (i = 0; i < v->narticles; i++) {
		struct export_varticle *a = &v->articles[i];

		for (j = 0; j < a->npages; j++) {
			free(a->pages[j].name);
			free(a->pages[j].title);
			export_vanswers_free(a->pages[j].answers, a->pages[j].n);
		}
		free(a->pages);
		free(a->name);
		free(a->title);
	}
	free(v->articles);
	for (i = 0; i < v->nconflicts; i++) {
		for (j = 0; j < v->conflicts[i].n; j++)
			free(v->conflicts[i].values[j]);
		free(v->conflicts[i].values);
		free(v->conflicts[i].path);
		free(v->conflicts[i].label);
	}
	free(v->conflicts);
	free(v->title);
	free(v->meta);
	free(v->lang);
	memset(v, 0, sizeof *v);
}

const struct export_vpage *
export_view_page(const struct export_view *v, const struct checklist_group *g,
    const struct export_varticle **art)
{
	size_t i, j;

	for (i = 0; i < v->narticles; i++)
		for (j = 0; j < v->articles[i].npages; j++)
			if (v->articles[i].pages[j].g == g) {
				if (art != NULL)
					*art = &v->articles[i];
				return &v->articles[i].pages[j];
			}
	return NULL;
}

static void
export_view_missing_add(const struct export_vanswer *a, size_t n,
    const struct export_vanswer ***out, size_t *count)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (a[i].missing) {
			*out = checklist_xreallocarray(*out, *count + 1,
			    sizeof **out);
			(*out)[(*count)++] = &a[i];
		}
		for (j = 0; j < a[i].nentries; j++)
			export_view_missing_add(a[i].entries[j].answers,
			    a[i].entries[j].n, out, count);
	}
}

size_t
export_view_missing(const struct export_vpage *p,
    const struct export_vanswer ***out)
{
	size_t n = 0;

	*out = NULL;
	export_view_missing_add(p->answers, p->n, out, &n);
	return n;
}

void
export_view_each_missing(const struct export_view *v,
    void (*fn)(void *ctx, const struct export_vpage *p,
    const struct export_vanswer *a), void *ctx)
{
	const struct export_vanswer **m;
	size_t i, j, k, nm;

	for (i = 0; i < v->narticles; i++)
		for (j = 0; j < v->articles[i].npages; j++) {
			nm = export_view_missing(&v->articles[i].pages[j], &m);
			for (k = 0; k < nm; k++)
				fn(ctx, &v->articles[i].pages[j], m[k]);
			free(m);
		}
}

char *
export_view_missing_text(const struct export_vpage *p)
{
	const struct export_vanswer **m;
	size_t i, n = export_view_missing(p, &m);
	struct export_sb b = { NULL, 0, 0 };

	for (i = 0; i < n; i++)
		export_sb_addf(&b, "%s%s%s", i > 0 ? "; " : "", m[i]->label,
		    strchr(m[i]->path, '[') != NULL ? _(" (in an entry)") : "");
	free(m);
	return b.s;
}

char *
export_view_heading(const char *name, const char *title)
{
	return checklist_xasprintf("%s%s%s", name, *title != '\0' ? " " : "",
	    title);
}

char *
export_render(const struct export_view *v, enum export_render_format format,
    int width, size_t *len)
{
	switch (format) {
	case EXPORT_RENDER_HTML:
		return export_render_html_view(v, len);
	case EXPORT_RENDER_MARKDOWN:
		return export_render_markdown(v, len);
	case EXPORT_RENDER_TEXT:
	default:
		return export_render_text_view(v, width > 0 ? width : 80, len);
	}
}

void
export_sb_add(struct export_sb *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = checklist_xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void
export_sb_addf(struct export_sb *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		checklist_fatal(_("out of memory"));
	va_end(ap);
	export_sb_add(b, s);
	free(s);
}

/* One line of TEXT (no newline) wrapped at WIDTH columns on spaces; a
 * word longer than WIDTH is cut by display width. */
static void
export_wrap_line(const char *text, int width, char ***lines, size_t *n)
{
	const char *p = text, *brk;
	size_t w, cw, len, at;

	do {
		w = 0;
		brk = NULL;
		at = 0;
		while (p[at] != '\0') {
			cw = export_text_step(p + at, &len);
			if (w + cw > (size_t)width && at > 0)
				break;
			if (p[at] == ' ')
				brk = p + at;
			w += cw;
			at += len;
		}
		if (p[at] != '\0' && brk != NULL && brk > p)
			at = (size_t)(brk - p);
		*lines = checklist_xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = checklist_xstrndup(p, at);
		p += at;
		while (*p == ' ')
			p++;
	} while (*p != '\0');
}

void
export_wrap(const char *text, int width, char ***lines, size_t *n)
{
	char *clean = checklist_sanitize(text, true), *line, *save = NULL;
	char *copy = clean;

	if (width < 10)
		width = 10;
	for (line = strsep(&copy, "\n"); line != NULL;
	    line = strsep(&copy, "\n"))
		export_wrap_line(line, width, lines, n);
	(void)save;
	free(clean);
}

/*
 * checklist_alloc.c: the one allocation family. It never returns NULL:
 * out of memory there is nothing sensible left to do but restore the
 * terminal (the fatal hook), say so and exit.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist.h"

static void (*checklist_fatal_hook)(void);

void
checklist_set_fatal_hook(void (*hook)(void))
{
	checklist_fatal_hook = hook;
}

_Noreturn void
checklist_fatal(const char *fmt, ...)
{
	va_list ap;

	if (checklist_fatal_hook != NULL)
		checklist_fatal_hook();
	/* "sacl" is the program's name; FMT comes translated (callers
	 * write checklist_fatal(_("..."))) */
	fputs("sacl: ", stderr);
	/* TRANSLATORS: after "sacl: ", before what went wrong */
	fputs(_("fatal: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(70);
}

void *
checklist_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		checklist_fatal(_("out of memory (%zu bytes)"), n);
	return p;
}

void *
checklist_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		checklist_fatal(_("out of memory (%zu x %zu bytes)"), n, size);
	return p;
}

void *
checklist_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		checklist_fatal(_("out of memory (%zu bytes)"), n);
	return q;
}

void *
checklist_xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		checklist_fatal(_("allocation overflow (%zu x %zu)"), n, size);
	return checklist_xrealloc(p, n * size);
}

char *
checklist_xstrdup(const char *s)
{
	return checklist_xstrndup(s, strlen(s));
}

char *
checklist_xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = checklist_xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
checklist_xjoin(const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
	char *p = checklist_xmalloc(na + ns + nb + 1);

	memcpy(p, a, na);
	memcpy(p + na, sep, ns);
	memcpy(p + na + ns, b, nb + 1);
	return p;
}

char *
checklist_xasprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		checklist_fatal(_("bad format: %s"), fmt);
	p = checklist_xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

/*
 * export_attachments.c: the files of a package written to a folder of
 * the secretariat's disk (sacl attachments).
 *
 * An attachment's name comes from outside: it never becomes a path as it
 * stands (DESIGN.md §5). export_safe_name() keeps its last component,
 * passes it through the one sanitizer (controls, bidi overrides and
 * zero-width characters become visible markers), replaces what shells
 * and other systems read specially, and bounds its length. Each file is
 * created with O_EXCL | O_NOFOLLOW: an existing file is never replaced
 * nor followed; a name taken gets "-2", "-3"... before its extension.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_store.h"

#define EXPORT_NAME_MAX 100
#define EXPORT_NAME_TRIES 1000

/* Cut S to at most MAX bytes at a UTF-8 character boundary. */
static void
export_name_cut(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	s[n] = '\0';
}

char *
export_safe_name(const char *name)
{
	const char *base = name, *p;
	char *s, *q;

	for (p = name; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	s = checklist_sanitize(base, false);
	for (q = s; *q != '\0'; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f ||
		    strchr("/\\:*?\"<>|", *q) != NULL)
			*q = '_';
	if (s[0] == '.' || s[0] == '-' || s[0] == '~')
		s[0] = '_';
	export_name_cut(s, EXPORT_NAME_MAX);
	if (s[0] == '\0') {
		free(s);
		s = checklist_xstrdup("attachment");
	}
	return s;
}

/* NAME with "-N" before its extension (the last '.', not the first
 * character). Caller frees. */
static char *
export_name_numbered(const char *name, int n)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || dot == name)
		return checklist_xasprintf("%s-%d", name, n);
	return checklist_xasprintf("%.*s-%d%s", (int)(dot - name), name, n,
	    dot);
}

/* Write LEN bytes of DATA to a new file in DIR named NAME or a numbered
 * variant; *WRITTEN is the path made (caller frees). */
static checklist_status
export_attachment_save(const char *dir, const char *name,
    const unsigned char *data, size_t len, char **written,
    struct checklist_error *err)
{
	char *try = NULL, *path = NULL;
	int fd = -1, n;
	ssize_t w;
	size_t off = 0;

	for (n = 1; n <= EXPORT_NAME_TRIES && fd < 0; n++) {
		free(path);
		free(try);
		try = n == 1 ? checklist_xstrdup(name) :
		    export_name_numbered(name, n);
		path = checklist_xasprintf("%s/%s", dir, try);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	free(try);
	if (fd < 0) {
		checklist_error_set(err, CHECKLIST_ERR_IO, path, 0, 0,
		    _("cannot create: %s"), strerror(errno));
		free(path);
		return CHECKLIST_ERR_IO;
	}
	while (off < len && (w = write(fd, data + off, len - off)) > 0)
		off += (size_t)w;
	if (close(fd) != 0 || off < len) {
		checklist_error_set(err, CHECKLIST_ERR_IO, path, 0, 0,
		    _("cannot write: %s"), strerror(errno));
		unlink(path);
		free(path);
		return CHECKLIST_ERR_IO;
	}
	*written = path;
	return CHECKLIST_OK;
}

checklist_status
export_attachments_save(const struct export_package *p, const char *dir,
    char ***written, size_t *n, struct checklist_error *err)
{
	const struct export_attachment *a;
	char *name, *path;
	size_t i;

	*written = NULL;
	*n = 0;
	for (i = 0; i < p->nattachments; i++) {
		a = &p->attachments[i];
		name = export_safe_name(a->name);
		if (export_attachment_save(dir, name, a->data, a->size, &path,
		    err) != CHECKLIST_OK) {
			free(name);
			return err->status;
		}
		free(name);
		*written = checklist_xreallocarray(*written, *n + 1,
		    sizeof **written);
		(*written)[(*n)++] = path;
	}
	return CHECKLIST_OK;
}

/*
 * export_write.c: put a package in a file, and name it.
 *
 * The file is written whole or not at all: a temporary file in the same
 * folder (mode 0600: a package holds personal data), written, flushed to
 * disk, closed (checked), then renamed over the target. Only then does
 * the response learn the new revision (and its creation time, when it
 * had none), so that a failed export leaves it as it was.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_internal.h"

/* Write all of BUF to FD; false with errno set on failure. */
static bool
export_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Record in R's root what the package just written says. */
static void
export_write_stamp(struct checklist_response *r, time_t now)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	char buf[32];
	xmlChar *v;

	snprintf(buf, sizeof buf, "%lu", export_response_revision(r) + 1);
	xmlSetProp(root, EXPORT_XC(EXPORT_ATTR_REVISION), EXPORT_XC(buf));
	v = xmlGetProp(root, EXPORT_XC(EXPORT_ATTR_CREATED));
	if (v == NULL) {
		export_iso_time(now, buf, sizeof buf);
		xmlSetProp(root, EXPORT_XC(EXPORT_ATTR_CREATED),
		    EXPORT_XC(buf));
	}
	xmlFree(v);
	r->changes++;
}

/* Build, then write to FILE (FD < 0) or to FD, then stamp R. */
static checklist_status
export_write_to(struct checklist_response *r,
    const struct export_options *opts, const char *file, int fd,
    struct checklist_error *err)
{
	static const struct export_options defaults;
	struct export_options fixed = opts != NULL ? *opts : defaults;
	checklist_status st;
	size_t len;
	char *buf;

	fixed.now = export_now(fixed.now); /* one clock: package and stamp */
	st = export_build(r, &fixed, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	if (fd < 0)
		st = checklist_write_atomic(file, buf, len, false, err);
	else if (!export_write_all(fd, buf, len))
		st = checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    "cannot write: %s", strerror(errno));
	free(buf);
	if (st == CHECKLIST_OK)
		export_write_stamp(r, fixed.now);
	return st;
}

checklist_status
export_write(struct checklist_response *r, const struct export_options *opts,
    const char *file, struct checklist_error *err)
{
	return export_write_to(r, opts, file, -1, err);
}

checklist_status
export_write_fd(struct checklist_response *r,
    const struct export_options *opts, int fd, const char *name,
    struct checklist_error *err)
{
	return export_write_to(r, opts, name, fd, err);
}

/* Append S to B, every character outside [A-Za-z0-9.-] as '-'. */
static void
export_name_part(char *b, size_t size, const char *s)
{
	size_t n = strlen(b);

	for (; *s != '\0' && n + 1 < size; s++)
		b[n++] = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' ?
		    *s : '-';
	b[n] = '\0';
}

char *
export_default_name(struct checklist_response *r, time_t now)
{
	const char *state = export_meta_state(r);
	char b[256] = "", date[32];

	export_iso_time(export_now(now), date, sizeof date);
	date[10] = '\0';
	export_name_part(b, 64, state != NULL ? state : "XXX");
	strcat(b, "_");
	export_name_part(b, sizeof b - 40, r->cl->id);
	strcat(b, "_");
	export_name_part(b, sizeof b - 30, r->cl->version);
	strcat(b, "_");
	strcat(b, date);
	strcat(b, ".xml.gz");
	return checklist_xstrdup(b);
}

char *
export_base_dir(const char *file)
{
	return checklist_dirname(file);
}

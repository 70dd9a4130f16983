/*
 * export_write.c: put a package in a file, and name it.
 *
 * The file is written whole or not at all: a temporary file in the same
 * folder (mode 0600: a package holds personal data), written, flushed to
 * disk, closed (checked), then given its name. Only then does the
 * response learn the new revision (and its creation time, when it had
 * none), so that a failed export leaves it as it was.
 *
 * A package never replaces a file: the temporary file gets its name with
 * link(), which fails with EEXIST when the name is taken, even by a file
 * made a moment ago by another process (where the file system has no
 * hard links, rename with RENAME_NOREPLACE, which fails the same way).
 * The default name carries the package's revision, and when it is taken
 * all the same (a copy of the response, a response put back from its
 * .bak) the next free "-2", "-3"... Only a caller that asks
 * (export_options.replace) replaces an existing FILE, atomically.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_internal.h"

/* How many names export_write_new tries: NAME, NAME-2 ... */
#define EXPORT_NAME_TRIES 99

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

/* The default name without ".xml.gz": STATE_CHECKLIST_VERSION_DATE_rN,
 * N the revision of the package export_build makes now. */
static char *
export_name_stem(struct checklist_response *r, time_t now)
{
	const char *state = export_meta_state(r);
	char b[256] = "", date[32];

	export_iso_time(export_now(now), date, sizeof date);
	date[10] = '\0';
	export_name_part(b, 64, state != NULL ? state : "XXX");
	strcat(b, "_");
	export_name_part(b, sizeof b - 60, r->cl->id);
	strcat(b, "_");
	export_name_part(b, sizeof b - 50, r->cl->version);
	snprintf(b + strlen(b), sizeof b - strlen(b), "_%s_r%lu", date,
	    export_response_revision(r) + 1);
	return checklist_xstrdup(b);
}

/* BUF in a new temporary file beside FILE (FILE.tmp-XXXXXX, mode 0600),
 * flushed to disk and closed. *TMP: its name (caller frees); nothing is
 * left behind on failure. */
static checklist_status
export_write_temp(const char *file, const char *buf, size_t len,
    char **tmp, struct checklist_error *err)
{
	char *name = checklist_xasprintf("%s.tmp-XXXXXX", file);
	int fd = mkostemp(name, O_CLOEXEC), e = 0;

	if (fd < 0) {
		e = errno;
		free(name);
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    "cannot create a file in that folder: %s", strerror(e));
	}
	errno = 0;
	if (!export_write_all(fd, buf, len) || fsync(fd) != 0)
		e = errno != 0 ? errno : EIO;
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e != 0) {
		unlink(name);
		free(name);
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    "cannot write: %s", strerror(e));
	}
	*tmp = name;
	return CHECKLIST_OK;
}

/* Give the temporary file TMP the name FILE without ever replacing a
 * file of that name. 0 (TMP is gone) or an errno (EEXIST: taken). */
static int
export_write_claim(const char *tmp, const char *file)
{
	int e;

	if (link(tmp, file) == 0) {
		unlink(tmp);
		return 0;
	}
	e = errno;
	if (e != EPERM && e != ENOTSUP && e != EOPNOTSUPP && e != EMLINK &&
	    e != ENOSYS)
		return e;
	/* no hard links here (FAT, some network file systems) */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, file, RENAME_NOREPLACE) == 0)
		return 0;
	return errno == EINVAL || errno == ENOSYS ? e : errno;
}

/* fsync the folder of FILE, so that its new name is on disk. Folders
 * that cannot be synced (EINVAL) are let be. 0 or an errno. */
static int
export_write_sync_dir(const char *file)
{
	char *dir = checklist_dirname(file);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), e = 0;

	free(dir);
	if (fd < 0)
		return errno;
	if (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP)
		e = errno;
	close(fd);
	return e;
}

/* The I-th name to try (from 1) in DIR (NULL: the current folder) for
 * the package whose name without ".xml.gz" is STEM. Caller frees. */
static char *
export_write_nth_name(const char *dir, const char *stem, int i)
{
	char num[16] = "";

	if (i > 1)
		snprintf(num, sizeof num, "-%d", i);
	return checklist_xasprintf("%s%s%s%s.xml.gz", dir != NULL ? dir : "",
	    dir != NULL ? "/" : "", stem, num);
}

/* Put BUF at the first free one of the N names export_write_nth_name
 * gives for DIR and STEM, or at FILE when STEM is NULL (N is then 1).
 * Nothing is ever replaced. *PATH: the name taken (caller frees). */
static checklist_status
export_write_new_file(const char *file, const char *dir, const char *stem,
    int n, const char *buf, size_t len, char **path,
    struct checklist_error *err)
{
	char *name = stem != NULL ? export_write_nth_name(dir, stem, 1) :
	    checklist_xstrdup(file), *tmp = NULL;
	checklist_status st = export_write_temp(name, buf, len, &tmp, err);
	int i, e = EEXIST;

	for (i = 1; st == CHECKLIST_OK && i <= n; i++) {
		if (i > 1) {
			free(name);
			name = export_write_nth_name(dir, stem, i);
		}
		if ((e = export_write_claim(tmp, name)) != EEXIST)
			break;
	}
	if (st == CHECKLIST_OK && e != 0) {
		unlink(tmp);
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0, "%s",
		    e != EEXIST ? strerror(e) : stem == NULL ? "the file exists "
		    "and is not replaced" : "this name and the next ones are "
		    "taken; nothing was replaced");
	} else if (st == CHECKLIST_OK && (e = export_write_sync_dir(name)) != 0)
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
		    "written, but the folder could not be flushed to disk: %s",
		    strerror(e));
	free(tmp);
	if (st == CHECKLIST_OK)
		*path = name;
	else
		free(name);
	return st;
}

/* Build the package of R, with OPTS' clock fixed in *FIXED (one clock:
 * package, name and stamp). *BUF: caller frees. */
static checklist_status
export_write_build(struct checklist_response *r,
    const struct export_options *opts, struct export_options *fixed,
    char **buf, size_t *len, struct checklist_error *err)
{
	static const struct export_options defaults;

	*fixed = opts != NULL ? *opts : defaults;
	fixed->now = export_now(fixed->now);
	return export_build(r, fixed, buf, len, err);
}

checklist_status
export_write(struct checklist_response *r, const struct export_options *opts,
    const char *file, struct checklist_error *err)
{
	struct export_options fixed;
	checklist_status st;
	char *buf, *path = NULL;
	size_t len;

	st = export_write_build(r, opts, &fixed, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	if (fixed.replace)
		st = checklist_write_atomic(file, buf, len, false, err);
	else
		st = export_write_new_file(file, NULL, NULL, 1, buf, len, &path,
		    err);
	free(buf);
	free(path);
	if (st == CHECKLIST_OK)
		export_write_stamp(r, fixed.now);
	return st;
}

checklist_status
export_write_new(struct checklist_response *r,
    const struct export_options *opts, const char *dir, char **path,
    struct checklist_error *err)
{
	struct export_options fixed;
	checklist_status st;
	char *buf, *stem;
	size_t len;

	*path = NULL;
	st = export_write_build(r, opts, &fixed, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	stem = export_name_stem(r, fixed.now);
	st = export_write_new_file(NULL, dir, stem, EXPORT_NAME_TRIES, buf,
	    len, path, err);
	free(stem);
	free(buf);
	if (st == CHECKLIST_OK)
		export_write_stamp(r, fixed.now);
	return st;
}

checklist_status
export_write_fd(struct checklist_response *r,
    const struct export_options *opts, int fd, const char *name,
    struct checklist_error *err)
{
	struct export_options fixed;
	checklist_status st;
	char *buf;
	size_t len;

	st = export_write_build(r, opts, &fixed, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	if (!export_write_all(fd, buf, len))
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
		    "cannot write: %s", strerror(errno));
	free(buf);
	if (st == CHECKLIST_OK)
		export_write_stamp(r, fixed.now);
	return st;
}

char *
export_default_name(struct checklist_response *r, time_t now)
{
	char *stem = export_name_stem(r, now);
	char *name = checklist_xasprintf("%s.xml.gz", stem);

	free(stem);
	return name;
}

char *
export_base_dir(const char *file)
{
	return checklist_dirname(file);
}

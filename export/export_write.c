/*
 * export_write.c: put a package in a file, and name it.
 *
 * The file is written whole or not at all: a temporary file in the same
 * folder (mode 0600: a package holds personal data), written, flushed to
 * disk, given its name, closed. The temporary file holds an flock until
 * then, so that the temporary files of killed exports (FILE.tmp-XXXXXX)
 * can be told from live ones and are swept at the next export into that
 * folder (checklist_sweep_temps: free flock, over a minute old).
 *
 * The revision: with export_options.commit (the command line), the
 * response is stamped with the new revision and saved before any byte
 * of the package is written; a failed save writes no package, and a
 * package that then fails leaves only a gap in the revisions, never the
 * same revision for two contents. Without it, the response learns the
 * new revision after the package is written, and the caller saves it.
 *
 * A package never replaces a file: the temporary file gets its name with
 * link(), which fails with EEXIST when the name is taken, even by a file
 * made a moment ago by another process (where the file system has no
 * hard links, rename with RENAME_NOREPLACE, which fails the same way).
 * The default name carries the package's revision, and when it is taken
 * all the same (a copy of the response, a response put back from its
 * .bak) the next free "-2", "-3"... Only a caller that asks
 * (export_options.replace) replaces an existing FILE, atomically, and
 * never through a symbolic link (checklist_write_atomic refuses one);
 * link() never follows one either (a link at the name is "taken").
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

/* Put attribute NAME of ROOT back to V (NULL: remove it). */
static void
export_write_restore(xmlNodePtr root, const char *name, const xmlChar *v)
{
	if (v != NULL)
		xmlSetProp(root, EXPORT_XC(name), v);
	else
		xmlUnsetProp(root, EXPORT_XC(name));
}

/* With OPTS->commit: stamp R and let the caller save it, before the
 * package is written; on failure R is put back as it was. */
static checklist_status
export_write_commit(struct checklist_response *r,
    const struct export_options *opts, struct checklist_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	xmlChar *rev, *created;
	checklist_status st;

	if (opts->commit == NULL)
		return CHECKLIST_OK;
	rev = xmlGetProp(root, EXPORT_XC(EXPORT_ATTR_REVISION));
	created = xmlGetProp(root, EXPORT_XC(EXPORT_ATTR_CREATED));
	export_write_stamp(r, opts->now);
	st = opts->commit(r, opts->commit_arg, err);
	if (st != CHECKLIST_OK) {
		export_write_restore(root, EXPORT_ATTR_REVISION, rev);
		export_write_restore(root, EXPORT_ATTR_CREATED, created);
	}
	xmlFree(rev);
	xmlFree(created);
	return st;
}

/* After the package is written: stamp R, unless the commit did. */
static void
export_write_done(struct checklist_response *r,
    const struct export_options *opts)
{
	if (opts->commit == NULL)
		export_write_stamp(r, opts->now);
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
 * flocked, flushed to disk. *TMP: its name (caller frees), *FD: still
 * open, holding the flock (the caller closes it once the file is named);
 * nothing is left behind on failure. */
static checklist_status
export_write_temp(const char *file, const char *buf, size_t len,
    char **tmp, int *fd, struct checklist_error *err)
{
	char *name = checklist_xasprintf("%s.tmp-XXXXXX", file);
	int e = 0;

	*fd = mkostemp(name, O_CLOEXEC);
	if (*fd < 0) {
		e = errno;
		free(name);
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("cannot create a file in that folder: %s"), strerror(e));
	}
	(void)flock(*fd, LOCK_EX | LOCK_NB); /* new: nobody else has it */
	errno = 0;
	if (!export_write_all(*fd, buf, len) || fsync(*fd) != 0)
		e = errno != 0 ? errno : EIO;
	if (e != 0) {
		unlink(name);
		close(*fd);
		*fd = -1;
		free(name);
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("cannot write: %s"), strerror(e));
	}
	*tmp = name;
	return CHECKLIST_OK;
}

/* Sweep the temporary files killed exports left beside FILE: those of
 * default names (*.xml.gz) and of FILE's own name. */
static void
export_write_sweep(const char *file)
{
	char *dir = checklist_dirname(file);
	const char *slash = strrchr(file, '/');

	checklist_sweep_temps(dir, ".xml.gz");
	checklist_sweep_temps(dir, slash != NULL ? slash + 1 : file);
	free(dir);
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
	checklist_status st;
	int i, e = EEXIST, fd = -1;

	export_write_sweep(name);
	st = export_write_temp(name, buf, len, &tmp, &fd, err);
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
	}
	if (fd >= 0 && close(fd) != 0 && st == CHECKLIST_OK)
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
		    _("written, but closing it failed: %s"), strerror(errno));
	if (st == CHECKLIST_OK && (e = export_write_sync_dir(name)) != 0)
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
		    _("written, but the folder could not be flushed to disk: %s"),
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
	char *buf = NULL, *path = NULL;
	size_t len;

	st = export_write_build(r, opts, &fixed, &buf, &len, err);
	if (st == CHECKLIST_OK)
		st = export_write_commit(r, &fixed, err);
	if (st != CHECKLIST_OK) {
		free(buf);
		return st;
	}
	if (fixed.replace) {
		export_write_sweep(file);
		st = checklist_write_atomic(file, buf, len, 0, err);
	} else
		st = export_write_new_file(file, NULL, NULL, 1, buf, len, &path,
		    err);
	free(buf);
	free(path);
	if (st == CHECKLIST_OK)
		export_write_done(r, &fixed);
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
	stem = export_name_stem(r, fixed.now); /* before the stamp */
	st = export_write_commit(r, &fixed, err);
	if (st == CHECKLIST_OK)
		st = export_write_new_file(NULL, dir, stem, EXPORT_NAME_TRIES,
		    buf, len, path, err);
	free(stem);
	free(buf);
	if (st == CHECKLIST_OK)
		export_write_done(r, &fixed);
	return st;
}

checklist_status
export_write_fd(struct checklist_response *r,
    const struct export_options *opts, int fd, const char *name,
    struct checklist_error *err)
{
	struct export_options fixed;
	checklist_status st;
	char *buf = NULL;
	size_t len;

	st = export_write_build(r, opts, &fixed, &buf, &len, err);
	if (st == CHECKLIST_OK)
		st = export_write_commit(r, &fixed, err);
	if (st == CHECKLIST_OK && !export_write_all(fd, buf, len))
		st = checklist_error_set(err, CHECKLIST_ERR_IO, name, 0, 0,
		    _("cannot write: %s"), strerror(errno));
	free(buf);
	if (st == CHECKLIST_OK)
		export_write_done(r, &fixed);
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

/*
 * checklist_save.c: saving a response file so that no answer is ever
 * lost (DESIGN.md §6), and loading it back.
 *
 * A save never writes over the response itself. It serialises the
 * document in memory, writes FILE.tmp-XXXXXX beside FILE (mode 0600),
 * handles short writes and EINTR, fsyncs and checks close; then it keeps
 * the previous FILE as FILE.bak (a hard link, or a copy where the file
 * system has none, put in place by rename so that FILE.bak is never half
 * written either), renames the temporary file over FILE and fsyncs the
 * folder. At every instant FILE is a whole version, the old or the new:
 * a SIGKILL or a power cut in the middle leaves at worst a stray
 * FILE.tmp-XXXXXX. When a step fails before the rename, the temporary
 * file is removed, FILE is untouched and the error says how to retry.
 *
 * Whose file it is: a new FILE is made mode 0600; an existing one keeps
 * its owner, group and mode (the temporary file is given them before the
 * rename), and when they cannot be kept (another user's file) nothing is
 * written. A file its owner may not write (no owner write bit, e.g. 0444)
 * or the user may not (access W_OK) is refused with the reason, for root
 * too: a read-only response stays as it is.
 *
 * Symbolic links: a response FILE that is a link is followed on purpose
 * (CHECKLIST_WRITE_FOLLOW: the target is replaced, the link stays; the
 * lock is on the target too). Every other file the program writes whole
 * (packages replaced with --force, attachment copies) is never written
 * through a link: a link at FILE is refused. Temporary files are made
 * with O_EXCL (mkostemp) and hold an flock while they are written, so
 * that a sweeper can tell a killed writer's file from a live one's.
 *
 * Known limits: the folder must allow creating files.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checklist/checklist.h"
#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_save.h"

static checklist_write_fn checklist_save_write = write;
static checklist_fsync_fn checklist_save_fsync = fsync;
static int (*checklist_save_link)(const char *, const char *) = link;

void
checklist_save_set_hooks(checklist_write_fn write_fn,
    checklist_fsync_fn fsync_fn)
{
	checklist_save_write = write_fn != NULL ? write_fn : write;
	checklist_save_fsync = fsync_fn != NULL ? fsync_fn : fsync;
}

void
checklist_save_set_link_hook(int (*link_fn)(const char *from,
    const char *to))
{
	checklist_save_link = link_fn != NULL ? link_fn : link;
}

/* What a user can do about errno E. */
static const char *
checklist_save_hint(int e)
{
	switch (e) {
	case ENOSPC:
	case EDQUOT:
		return _("free some space on that disk (or save to another "
		    "folder) and save again");
	case EROFS:
		return _("the folder is on a read-only file system: make it "
		    "writable or save to another folder");
	case EACCES:
	case EPERM:
		return _("you may not write in that folder: fix its "
		    "permissions or save to another folder");
	case EIO:
		return _("the disk reported an error: check it, then save "
		    "again (or save to another disk)");
	default:
		return _("save again");
	}
}

/* Record a failed STEP of saving FILE, with errno E. */
static checklist_status
checklist_save_fail(struct checklist_error *err, const char *file,
    const char *step, int e)
{
	return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
	    _("could not save: %s: %s; the previous version of the file is "
	    "intact; %s"), _(step), strerror(e), checklist_save_hint(e));
}

/* Write all of BUF to FD through the hook. 0 or an errno. */
static int
checklist_save_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = checklist_save_write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno != 0 ? errno : EIO;
		if (n == 0)
			return ENOSPC; /* no progress: treat as a full disk */
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Give the new file FD the owner, group and mode of LIKE (NULL: a new
 * file, 0600). 0 or an errno (EPERM: the owner cannot be kept). */
static int
checklist_save_owner(int fd, const struct stat *like)
{
	struct stat sb;

	if (like == NULL)
		return fchmod(fd, 0600) == 0 ? 0 : errno;
	if (fstat(fd, &sb) != 0)
		return errno;
	if ((sb.st_uid != like->st_uid || sb.st_gid != like->st_gid) &&
	    fchown(fd, like->st_uid, like->st_gid) != 0)
		return errno;
	return fchmod(fd, like->st_mode & 0777) == 0 ? 0 : errno;
}

/* The refusal to replace a file whose owner or group (LIKE) the user
 * cannot give the new version. */
static checklist_status
checklist_save_not_owner(struct checklist_error *err, const char *file,
    const struct stat *like)
{
	if (like->st_uid != geteuid())
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not written: the file belongs to another user (uid %ld),"
		    " and saving would make it yours; it was left as it is"),
		    (long)like->st_uid);
	return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
	    _("not written: the file's group (gid %ld) is not one of yours, "
	    "and saving would change it; it was left as it is"),
	    (long)like->st_gid);
}

/* Write BUF to a new temporary file beside TARGET, with the owner and
 * mode of LIKE (NULL: 0600), synced and closed. It holds an flock while
 * it is written (a killed writer's is free: checklist_sweep_temps). On
 * success *TMP is its name (caller frees); on failure nothing is left
 * behind. */
static checklist_status
checklist_save_temp(const char *target, const char *buf, size_t len,
    const struct stat *like, char **tmp, struct checklist_error *err,
    const char *file)
{
	char *name = checklist_xasprintf("%s.tmp-XXXXXX", target);
	const char *step = N_("writing the new version");
	int fd, e = 0;

	fd = mkostemp(name, O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		free(name);
		return checklist_save_fail(err, file,
		    _("creating a temporary file"), e);
	}
	(void)flock(fd, LOCK_EX | LOCK_NB); /* new: nobody else has it */
	if ((e = checklist_save_owner(fd, like)) != 0)
		step = N_("giving the new version the file's owner and mode");
	if (e == 0)
		e = checklist_save_write_all(fd, buf, len);
	if (e == 0 && checklist_save_fsync(fd) != 0) {
		e = errno;
		step = N_("flushing the new version to disk");
	}
	if (e != 0)
		unlink(name); /* before close: a sweeper never sees it free */
	if (close(fd) != 0 && e == 0) {
		e = errno;
		step = N_("closing the new version");
		unlink(name);
	}
	free(e != 0 ? name : NULL);
	if (e == EPERM && like != NULL)
		return checklist_save_not_owner(err, file, like);
	if (e != 0)
		return checklist_save_fail(err, file, step, e);
	*tmp = name;
	return CHECKLIST_OK;
}

/* Copy TARGET to BAK through a temporary file and rename (for file
 * systems without hard links). */
static checklist_status
checklist_save_copy_backup(const char *target, const char *bak,
    const struct stat *like, struct checklist_error *err, const char *file)
{
	struct checklist_error rerr;
	char *buf = NULL, *tmp = NULL;
	size_t len = 0;
	checklist_status st;

	checklist_error_clear(&rerr);
	st = checklist_read_file(target, CHECKLIST_RESPONSE_MAX, &buf, &len,
	    &rerr);
	if (st != CHECKLIST_OK)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("could not save: keeping the previous version as %s: %s;"
		    " the file is intact; save again"), bak, rerr.message);
	st = checklist_save_temp(bak, buf, len, like, &tmp, err, file);
	free(buf);
	if (st != CHECKLIST_OK)
		return st;
	if (rename(tmp, bak) != 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		return checklist_save_fail(err, file,
		    _("keeping the previous version"), e);
	}
	free(tmp);
	return CHECKLIST_OK;
}

/* Keep the current TARGET (if any) as TARGET.bak, replacing the older
 * one in a single rename so that a .bak, once there, is always whole. */
static checklist_status
checklist_save_backup(const char *target, const struct stat *like,
    struct checklist_error *err, const char *file)
{
	char *bak = checklist_xasprintf("%s.bak", target);
	char *link_tmp = checklist_xasprintf("%s.bak-new-%ld", target,
	    (long)getpid());
	checklist_status st = CHECKLIST_OK;
	int e;

	unlink(link_tmp); /* a leftover of a killed process with our pid */
	if (checklist_save_link(target, link_tmp) == 0) {
		if (rename(link_tmp, bak) != 0) {
			e = errno;
			unlink(link_tmp);
			st = checklist_save_fail(err, file,
			    _("keeping the previous version"), e);
		}
	} else if (errno != ENOENT) {
		e = errno;
		if (e == EPERM || e == ENOTSUP || e == EMLINK || e == ENOSYS)
			st = checklist_save_copy_backup(target, bak, like,
			    err, file);
		else
			st = checklist_save_fail(err, file,
			    _("keeping the previous version"), e);
	}
	free(link_tmp);
	free(bak);
	return st;
}

/* fsync the folder holding PATH, so that the rename itself is durable.
 * File systems that cannot sync a folder (EINVAL) are let be. */
static int
checklist_save_sync_dir(const char *path)
{
	char *dir = checklist_dirname(path);
	int fd, e = 0;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return errno;
	if (checklist_save_fsync(fd) != 0 && errno != EINVAL &&
	    errno != ENOTSUP)
		e = errno;
	close(fd);
	return e;
}

/* The path to replace: FILE itself, or the file a symbolic link names. */
static char *
checklist_save_target(const char *file)
{
	struct stat sb;
	char *real;

	if (lstat(file, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		real = realpath(file, NULL);
		if (real != NULL) {
			char *copy = checklist_xstrdup(real);
			free(real);
			return copy;
		}
	}
	return checklist_xstrdup(file);
}

/* May the existing file TARGET (SB: its stat) be replaced? A regular
 * file its owner may write and the user may write. FILE names it. */
static checklist_status
checklist_save_may_replace(const char *target, const struct stat *sb,
    struct checklist_error *err, const char *file)
{
	if (!S_ISREG(sb->st_mode))
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not written: %s is not a regular file"), target);
	if (access(target, W_OK) != 0 && errno == EROFS)
		return checklist_save_fail(err, file, _("checking the file"),
		    EROFS);
	if ((sb->st_mode & S_IWUSR) == 0)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not written: the file is read-only (mode %04o): it was "
		    "left as it is; to change it, make it writable first "
		    "(chmod u+w)"), (unsigned)(sb->st_mode & 07777));
	if (access(target, W_OK) != 0)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not written: you may not write this file (owner uid %ld,"
		    " mode %04o): %s; it was left as it is"),
		    (long)sb->st_uid, (unsigned)(sb->st_mode & 07777),
		    strerror(errno));
	if (geteuid() != 0 && sb->st_uid != geteuid())
		return checklist_save_not_owner(err, file, sb);
	return CHECKLIST_OK;
}

/* Where FILE is to be written, per FLAGS: *TARGET (caller frees) and,
 * when a file is there, its stat in *SB (*EXISTS). Refuses a symbolic
 * link unless CHECKLIST_WRITE_FOLLOW, and a file that may not be
 * replaced. */
static checklist_status
checklist_save_resolve(const char *file, unsigned flags, char **target,
    struct stat *sb, bool *exists, struct checklist_error *err)
{
	checklist_status st = CHECKLIST_OK;

	*target = (flags & CHECKLIST_WRITE_FOLLOW) != 0 ?
	    checklist_save_target(file) : checklist_xstrdup(file);
	*exists = lstat(*target, sb) == 0;
	if (*exists && S_ISLNK(sb->st_mode))
		st = checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not written: %s is a symbolic link, and sacl never "
		    "writes through one: name the file itself, or remove the "
		    "link"), (flags & CHECKLIST_WRITE_FOLLOW) != 0 ?
		    "its target" : "it");
	else if (*exists)
		st = checklist_save_may_replace(*target, sb, err, file);
	if (st != CHECKLIST_OK) {
		free(*target);
		*target = NULL;
	}
	return st;
}

checklist_status
checklist_file_writable(const char *file, struct checklist_error *err)
{
	struct stat sb;
	char *target = NULL;
	bool exists;
	checklist_status st;

	st = checklist_save_resolve(file, CHECKLIST_WRITE_FOLLOW, &target,
	    &sb, &exists, err);
	free(target);
	return st;
}

/* Rename TMP over TARGET and sync the folder; TMP is consumed. */
static checklist_status
checklist_save_commit(char *tmp, const char *target,
    struct checklist_error *err, const char *file)
{
	int e;

	if (rename(tmp, target) != 0) {
		e = errno;
		unlink(tmp);
		free(tmp);
		return checklist_save_fail(err, file,
		    _("replacing the file with the new version"), e);
	}
	free(tmp);
	e = checklist_save_sync_dir(target);
	if (e != 0)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("the new version was written but the folder could not "
		    "be flushed to disk: %s; %s"), strerror(e),
		    checklist_save_hint(e));
	return CHECKLIST_OK;
}

checklist_status
checklist_write_atomic(const char *file, const char *buf, size_t len,
    unsigned flags, struct checklist_error *err)
{
	char *tmp = NULL, *target = NULL;
	struct stat sb;
	bool exists;
	checklist_status st;

	st = checklist_save_resolve(file, flags, &target, &sb, &exists, err);
	if (st != CHECKLIST_OK)
		return st;
	st = checklist_save_temp(target, buf, len, exists ? &sb : NULL, &tmp,
	    err, file);
	if (st == CHECKLIST_OK) {
		if ((flags & CHECKLIST_WRITE_BACKUP) != 0)
			st = checklist_save_backup(target, exists ? &sb : NULL,
			    err, file);
		if (st != CHECKLIST_OK) {
			unlink(tmp);
			free(tmp);
		} else
			st = checklist_save_commit(tmp, target, err, file);
	}
	free(target);
	return st;
}

/* What is saved must be readable: within the caps every reader of a
 * response applies (checklist_limits.h), checked before the file is
 * touched, so that a change that would break one is refused when it is
 * made and the file stays as it was. */
static checklist_status
checklist_save_caps(struct checklist_response *r, size_t len,
    const char *file, struct checklist_error *err)
{
	size_t n;

	if (len > CHECKLIST_RESPONSE_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, file, 0,
		    0, _("not saved: the response would be %.1f MiB, over the "
		    "cap of %u MiB for a response; the file keeps its previous "
		    "answers (shorten long texts or remove list entries)"),
		    (double)len / (1024 * 1024), CHECKLIST_RESPONSE_MAX >> 20);
	n = checklist_response_elements(r);
	if (n > CHECKLIST_RESPONSE_ELEMENTS_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, file, 0,
		    0, _("not saved: the response would hold %zu elements, over "
		    "the cap of %u for a response; the file keeps its previous "
		    "answers (remove list entries)"), n,
		    CHECKLIST_RESPONSE_ELEMENTS_MAX);
	return CHECKLIST_OK;
}

checklist_status
checklist_response_save(struct checklist_response *r, const char *file,
    struct checklist_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	checklist_status st;

	st = checklist_response_serialize(r, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	st = checklist_save_caps(r, len, file, err);
	if (st == CHECKLIST_OK)
		st = checklist_write_atomic(file, buf, len,
		    CHECKLIST_WRITE_BACKUP | CHECKLIST_WRITE_FOLLOW, err);
	free(buf);
	return st;
}

/* Does NAME end in SUFFIX ".tmp-" and mkstemp's six characters? */
static bool
checklist_sweep_match(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix) + 5, i;

	if (n < s + 6 || strncmp(name + n - 6 - s, suffix, s - 5) != 0 ||
	    strncmp(name + n - 11, ".tmp-", 5) != 0)
		return false;
	for (i = n - 6; i < n; i++)
		if (!isalnum((unsigned char)name[i]))
			return false;
	return true;
}

/* Remove NAME in folder DFD if it is a regular file over a minute old
 * whose flock is free (its writer is gone). */
static void
checklist_sweep_one(int dfd, const char *name)
{
	struct stat a, b;
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK);

	if (fd < 0)
		return;
	if (fstat(fd, &a) == 0 && S_ISREG(a.st_mode) &&
	    a.st_mtime + 60 < time(NULL) &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		unlinkat(dfd, name, 0);
	close(fd);
}

void
checklist_sweep_temps(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir != NULL ? dir : ".");
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (checklist_sweep_match(e->d_name, suffix))
			checklist_sweep_one(dirfd(d), e->d_name);
	closedir(d);
}

char *
checklist_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return checklist_xstrdup(".");
	if (slash == path)
		return checklist_xstrdup("/");
	return checklist_xstrndup(path, (size_t)(slash - path));
}

/* Turn the parse error PERR of FILE into ERR: damaged, with the reason
 * and where to recover from. Neither file is touched. */
checklist_status
checklist_response_damaged(const char *file,
    const struct checklist_error *perr, struct checklist_error *err)
{
	char *bak = checklist_xasprintf("%s.bak", file);
	bool have_bak = access(bak, F_OK) == 0;
	checklist_status st;

	st = checklist_error_set(err, CHECKLIST_ERR_DAMAGED,
	    perr->file[0] != '\0' ? perr->file : file, perr->line,
	    perr->column, _("damaged response file: %s; it was left as it is;"
	    " %s %s%s"), perr->message, have_bak ?
	    "the previous version is in" : "there is no previous version",
	    have_bak ? bak : "", have_bak ? " (check it with `sacl get`, "
	    "then copy it over the damaged file)" : "to recover from");
	free(bak);
	return st;
}

checklist_status
checklist_response_too_big(const char *file, struct checklist_error *err)
{
	struct checklist_error perr;

	checklist_error_clear(&perr);
	checklist_error_set(&perr, CHECKLIST_ERR_TOO_BIG, file, 0, 0, _("it is "
	    "larger than the cap of %u MiB for a response (sacl refuses a "
	    "change that would make it so large; or remove long texts or "
	    "list entries by hand to bring it under)"), CHECKLIST_RESPONSE_MAX >> 20);
	return checklist_response_damaged(file, &perr, err);
}

/* Is FILE, which did not load against CL, a readable response to
 * another checklist (a wrong --checklist, not a damaged file)? */
static bool
checklist_load_other(const struct checklist *cl, const char *file)
{
	struct checklist_error ignored;
	char *id = NULL;
	bool other;

	checklist_error_clear(&ignored);
	if (checklist_response_peek_checklist(file, &id, &ignored) !=
	    CHECKLIST_OK)
		return false;
	other = id != NULL && strcmp(id, cl->id) != 0;
	free(id);
	return other;
}

checklist_status
checklist_response_load(const struct checklist *cl, const char *file,
    struct checklist_response **out, struct checklist_error *err)
{
	struct checklist_error perr;
	char *buf = NULL;
	size_t len = 0;
	checklist_status st;

	*out = NULL;
	checklist_error_clear(&perr);
	st = checklist_read_file(file, CHECKLIST_RESPONSE_MAX, &buf, &len,
	    &perr);
	if (st == CHECKLIST_ERR_TOO_BIG)
		return checklist_response_too_big(file, err);
	if (st != CHECKLIST_OK)
		return checklist_error_set(err, st, perr.file, perr.line,
		    perr.column, "%s", perr.message);
	st = checklist_response_parse(cl, buf, len, file, out, &perr);
	free(buf);
	if (st == CHECKLIST_OK)
		return st;
	*out = NULL;
	/* a response to another checklist: NOT_FOUND, not damaged */
	if (st == CHECKLIST_ERR_NOT_FOUND || checklist_load_other(cl, file))
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND,
		    perr.file[0] != '\0' ? perr.file : file, perr.line,
		    perr.column, "%s", perr.message);
	return checklist_response_damaged(file, &perr, err);
}

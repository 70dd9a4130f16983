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
 * Known limits: a symbolic link FILE is followed (the target is
 * replaced, the link stays); the folder must allow creating files; the
 * owner and mode of an existing FILE are not kept (responses are 0600).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checklist/checklist.h"
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
		return "free some space on that disk (or save to another "
		    "folder) and save again";
	case EROFS:
		return "the folder is on a read-only file system: make it "
		    "writable or save to another folder";
	case EACCES:
	case EPERM:
		return "you may not write in that folder: fix its "
		    "permissions or save to another folder";
	case EIO:
		return "the disk reported an error: check it, then save "
		    "again (or save to another disk)";
	default:
		return "save again";
	}
}

/* Record a failed STEP of saving FILE, with errno E. */
static checklist_status
checklist_save_fail(struct checklist_error *err, const char *file,
    const char *step, int e)
{
	return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
	    "could not save: %s: %s; the previous version of the file is "
	    "intact; %s", step, strerror(e), checklist_save_hint(e));
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

/* Write BUF to a new temporary file beside TARGET, synced and closed.
 * On success *TMP is its name (caller frees); on failure nothing is
 * left behind. */
static checklist_status
checklist_save_temp(const char *target, const char *buf, size_t len,
    char **tmp, struct checklist_error *err, const char *file)
{
	char *name = checklist_xasprintf("%s.tmp-XXXXXX", target);
	const char *step = "writing the new version";
	int fd, e = 0;

	fd = mkostemp(name, O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		free(name);
		return checklist_save_fail(err, file,
		    "creating a temporary file", e);
	}
	if (fchmod(fd, 0600) != 0)
		e = errno;
	if (e == 0)
		e = checklist_save_write_all(fd, buf, len);
	if (e == 0 && checklist_save_fsync(fd) != 0) {
		e = errno;
		step = "flushing the new version to disk";
	}
	if (close(fd) != 0 && e == 0) {
		e = errno;
		step = "closing the new version";
	}
	if (e != 0) {
		unlink(name);
		free(name);
		return checklist_save_fail(err, file, step, e);
	}
	*tmp = name;
	return CHECKLIST_OK;
}

/* Copy TARGET to BAK through a temporary file and rename (for file
 * systems without hard links). */
static checklist_status
checklist_save_copy_backup(const char *target, const char *bak,
    struct checklist_error *err, const char *file)
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
		    "could not save: keeping the previous version as %s: %s;"
		    " the file is intact; save again", bak, rerr.message);
	st = checklist_save_temp(bak, buf, len, &tmp, err, file);
	free(buf);
	if (st != CHECKLIST_OK)
		return st;
	if (rename(tmp, bak) != 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		return checklist_save_fail(err, file,
		    "keeping the previous version", e);
	}
	free(tmp);
	return CHECKLIST_OK;
}

/* Keep the current TARGET (if any) as TARGET.bak, replacing the older
 * one in a single rename so that a .bak, once there, is always whole. */
static checklist_status
checklist_save_backup(const char *target, struct checklist_error *err,
    const char *file)
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
			    "keeping the previous version", e);
		}
	} else if (errno != ENOENT) {
		e = errno;
		if (e == EPERM || e == ENOTSUP || e == EMLINK || e == ENOSYS)
			st = checklist_save_copy_backup(target, bak, err,
			    file);
		else
			st = checklist_save_fail(err, file,
			    "keeping the previous version", e);
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
		    "replacing the file with the new version", e);
	}
	free(tmp);
	e = checklist_save_sync_dir(target);
	if (e != 0)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    "the new version was written but the folder could not "
		    "be flushed to disk: %s; %s", strerror(e),
		    checklist_save_hint(e));
	return CHECKLIST_OK;
}

checklist_status
checklist_write_atomic(const char *file, const char *buf, size_t len,
    bool keep_backup, struct checklist_error *err)
{
	char *tmp = NULL, *target = checklist_save_target(file);
	checklist_status st;

	st = checklist_save_temp(target, buf, len, &tmp, err, file);
	if (st == CHECKLIST_OK) {
		if (keep_backup)
			st = checklist_save_backup(target, err, file);
		if (st != CHECKLIST_OK) {
			unlink(tmp);
			free(tmp);
		} else
			st = checklist_save_commit(tmp, target, err, file);
	}
	free(target);
	return st;
}

/* Elements under EL, EL included. */
static size_t
checklist_save_count(xmlNodePtr el)
{
	size_t n = 1;
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += checklist_save_count(c);
	return n;
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
		    0, "not saved: the response would be %.1f MiB, over the "
		    "cap of %u MiB for a response; the file keeps its previous "
		    "answers (shorten long texts or remove list entries)",
		    (double)len / (1024 * 1024), CHECKLIST_RESPONSE_MAX >> 20);
	n = checklist_save_count(xmlDocGetRootElement(r->doc));
	if (n > CHECKLIST_RESPONSE_ELEMENTS_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, file, 0,
		    0, "not saved: the response would hold %zu elements, over "
		    "the cap of %u for a response; the file keeps its previous "
		    "answers (remove list entries)", n,
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
		st = checklist_write_atomic(file, buf, len, true, err);
	free(buf);
	return st;
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
	    perr->column, "damaged response file: %s; it was left as it is;"
	    " %s %s%s", perr->message, have_bak ?
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
	checklist_error_set(&perr, CHECKLIST_ERR_TOO_BIG, file, 0, 0, "it is "
	    "larger than the cap of %u MiB for a response (sacl refuses a "
	    "change that would make it so large; or remove long texts or "
	    "list entries by hand to bring it under)", CHECKLIST_RESPONSE_MAX >> 20);
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

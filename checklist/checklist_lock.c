/*
 * checklist_lock.c: one writer at a time on a response file.
 *
 * The lock is on the file, not on the name it is reached by: FILE is
 * resolved to its real path (symbolic links in it and in its folders
 * followed, as the save follows them), and the lock is REAL.lock beside
 * that. Two writers, one through a link and one through the real name,
 * thus meet at one lock. (A hard link is another name for the same
 * inode only until the first save, which replaces the file.)
 *
 * The lock file is REAL.lock, mode 0600, holding
 * three lines: "pid=N", "host=NAME", "since=YYYY-MM-DDTHH:MM:SSZ". It is
 * made whole under a temporary name, flock()ed, then hard-linked to
 * FILE.lock: the link is the exclusive creation (it fails with EEXIST
 * like O_EXCL), and nobody ever sees a lock file without its contents.
 * Where the file system has no hard links, O_EXCL creation is used.
 *
 * The holder keeps an flock() on the file for as long as it holds the
 * lock; the kernel drops it when the process dies, however it dies. So
 * a lock file whose flock can be taken was left by a dead holder, or by
 * one on another host (flock does not cross every network file system).
 * It is taken over when it names this host and its pid is gone (or is
 * a zombie, or now belongs to a process started after the lock was
 * made), or when its contents are unreadable and over 5 s old (the
 * O_EXCL fallback writes them after creating the file). Otherwise:
 * CHECKLIST_ERR_LOCKED, naming pid, host, since when and what is known
 * of that process (running; on another host: cannot be told). A .lock
 * that is a symbolic link was not made by sacl (it makes none): it is
 * never opened through, and is reported, dangling or not. A taker holds
 * the stale file's flock while it removes it and checks that the name
 * still leads to the file it inspected, so two takers cannot both win.
 *
 * Whoever takes the lock also sweeps what killed writers of FILE left
 * beside it: FILE.tmp-XXXXXX, FILE.bak.tmp-XXXXXX and FILE.bak-new-PID
 * (only the holder of the lock writes those, so none of them is in use),
 * and lock temporaries older than a minute.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checklist/checklist.h"

struct checklist_lock {
	char *path; /* FILE.lock */
	int fd;     /* holds the flock */
};

/* What a lock file says. */
struct checklist_lock_info {
	long pid;
	char host[256];
	char since[64];
	time_t since_t;
	bool parsed;
	bool young; /* written less than 5 s ago */
	bool flocked; /* its flock is held: the holder runs */
	bool remote;  /* names another host */
	char *link;   /* the lock is a symbolic link: its target (owned) */
	bool dangling; /* ... leading nowhere */
};

enum checklist_lock_verdict { LOCK_TAKEN, LOCK_RETRY, LOCK_HELD, LOCK_FAIL };

static void
checklist_lock_hostname(char *buf, size_t n)
{
	if (gethostname(buf, n) != 0)
		snprintf(buf, n, "localhost");
	buf[n - 1] = '\0';
}

/* The contents of a new lock file for this process. */
static char *
checklist_lock_contents(void)
{
	char host[256], since[64];
	time_t now = time(NULL);
	struct tm tm;

	checklist_lock_hostname(host, sizeof host);
	gmtime_r(&now, &tm);
	strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return checklist_xasprintf("pid=%ld\nhost=%s\nsince=%s\n",
	    (long)getpid(), host, since);
}

/* Write S whole to FD. 0 or an errno. */
static int
checklist_lock_write(int fd, const char *s)
{
	size_t len = strlen(s);
	ssize_t n;

	while (len > 0) {
		n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : ENOSPC;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Fallback for file systems without hard links: O_EXCL creation. */
static enum checklist_lock_verdict
checklist_lock_create_excl(const char *path, int *out, int *e)
{
	char *text;
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		*e = errno;
		return errno == EEXIST ? LOCK_RETRY : LOCK_FAIL;
	}
	text = checklist_lock_contents();
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 ||
	    (*e = checklist_lock_write(fd, text)) != 0) {
		*e = *e != 0 ? *e : errno;
		free(text);
		unlink(path);
		close(fd);
		return LOCK_FAIL;
	}
	free(text);
	*out = fd;
	return LOCK_TAKEN;
}

/* Make a whole, flocked lock file and link it to PATH. LOCK_TAKEN (*OUT
 * is its descriptor), LOCK_RETRY when PATH exists, LOCK_FAIL (*E). */
static enum checklist_lock_verdict
checklist_lock_create(const char *path, int *out, int *e)
{
	char *tmp = checklist_xasprintf("%s.tmp-XXXXXX", path);
	char *text = checklist_lock_contents();
	enum checklist_lock_verdict v = LOCK_TAKEN;
	int fd = mkostemp(tmp, O_CLOEXEC); /* no child keeps the flock */

	*e = 0;
	if (fd < 0) {
		*e = errno;
		v = LOCK_FAIL;
	} else if (fchmod(fd, 0600) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0
	    || (*e = checklist_lock_write(fd, text)) != 0
	    || fsync(fd) != 0) {
		*e = *e != 0 ? *e : errno;
		v = LOCK_FAIL;
	} else if (link(tmp, path) != 0) {
		*e = errno;
		v = errno == EEXIST ? LOCK_RETRY : LOCK_FAIL;
	}
	if (fd >= 0)
		unlink(tmp);
	if (v != LOCK_TAKEN && fd >= 0)
		close(fd);
	if (v == LOCK_TAKEN)
		*out = fd;
	free(tmp);
	free(text);
	if (v == LOCK_FAIL && (*e == EPERM || *e == ENOTSUP || *e == EMLINK))
		return checklist_lock_create_excl(path, out, e);
	return v;
}

/* Parse the contents of a lock file read from FD. */
static void
checklist_lock_read_info(int fd, struct checklist_lock_info *info)
{
	char buf[1024], host[256], *line, *save = NULL;
	ssize_t n;
	struct tm tm;

	free(info->link);
	memset(info, 0, sizeof *info);
	n = pread(fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "pid=", 4) == 0)
			info->pid = strtol(line + 4, NULL, 10);
		else if (strncmp(line, "host=", 5) == 0)
			snprintf(info->host, sizeof info->host, "%s", line + 5);
		else if (strncmp(line, "since=", 6) == 0)
			snprintf(info->since, sizeof info->since, "%s",
			    line + 6);
	}
	memset(&tm, 0, sizeof tm);
	if (info->since[0] != '\0' &&
	    strptime(info->since, "%Y-%m-%dT%H:%M:%SZ", &tm) != NULL)
		info->since_t = timegm(&tm);
	info->parsed = info->pid > 0 && info->host[0] != '\0' &&
	    info->since_t > 0;
	checklist_lock_hostname(host, sizeof host);
	info->remote = info->parsed && strcmp(host, info->host) != 0;
}

/* When process PID started (seconds since the epoch), from /proc; -1
 * when unknown. *STATE gets its state letter ('Z': a zombie, dead). */
static time_t
checklist_lock_pid_start(long pid, char *state)
{
	char path[64], buf[1024], *p;
	unsigned long long ticks = 0, btime = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	p = fgets(buf, sizeof buf, f) != NULL ? strrchr(buf, ')') : NULL;
	fclose(f);
	*state = p != NULL && p[1] == ' ' ? p[2] : '?';
	/* after "(comm)": state is field 3, starttime field 22 */
	for (i = 2; p != NULL && i < 22; i++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %llu", &ticks) != 1)
		return -1;
	if ((f = fopen("/proc/stat", "r")) == NULL)
		return -1;
	while (fgets(buf, sizeof buf, f) != NULL)
		if (sscanf(buf, "btime %llu", &btime) == 1)
			break;
	fclose(f);
	if (btime == 0)
		return -1;
	return (time_t)(btime + ticks / (unsigned long long)sysconf(_SC_CLK_TCK));
}

/* Is the holder INFO (whose flock is gone) certainly dead? */
static bool
checklist_lock_stale(const struct checklist_lock_info *info)
{
	char host[256], state = '?';
	time_t start;

	if (!info->parsed) /* a live holder writes it at once */
		return !info->young;
	checklist_lock_hostname(host, sizeof host);
	if (strcmp(host, info->host) != 0)
		return false; /* info->remote */
	if (kill((pid_t)info->pid, 0) != 0 && errno == ESRCH)
		return true;
	start = checklist_lock_pid_start(info->pid, &state);
	if (state == 'Z')
		return true; /* died, not yet waited for */
	return start > 0 && start > info->since_t + 2; /* pid reused */
}

/* What is known of the holder INFO, for the message. */
static const char *
checklist_lock_whether(const struct checklist_lock_info *in)
{
	if (in->flocked)
		return _("that process is running and holds the lock");
	if (in->remote)
		return _("on another host: whether it still runs cannot be "
		    "told from here");
	return _("that process is running");
}

static checklist_status
checklist_lock_held(const char *file, const char *lock,
    const struct checklist_lock_info *in, struct checklist_error *err)
{
	if (in->link != NULL)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("%s is a symbolic link to %s%s; sacl never makes one, so "
		    "it is not a lock: remove it (rm %s), then try again"),
		    lock, in->link, in->dangling ?
		    _(", which does not exist (a dangling link)") : "", lock);
	if (!in->parsed)
		return checklist_error_set(err, CHECKLIST_ERR_LOCKED, file, 0,
		    0, _("%s is in use by another sacl process (its lock %s was "
		    "made a moment ago and is still being written)"), file,
		    lock);
	return checklist_error_set(err, CHECKLIST_ERR_LOCKED, file, 0, 0,
	    _("%s is in use by sacl (pid %ld on %s since %s; %s); try again "
	    "once it is done%s%s"), file, in->pid, in->host, in->since,
	    checklist_lock_whether(in), in->remote ? _("; if no sacl runs "
	    "as that pid on that host any more, remove ") : "",
	    in->remote ? lock : "");
}

char *
checklist_lock_path(const char *file)
{
	char *real = realpath(file, NULL), *dir, *rdir, *out;
	const char *slash = strrchr(file, '/');

	if (real != NULL) {
		out = checklist_xasprintf("%s.lock", real);
		free(real);
		return out;
	}
	dir = checklist_dirname(file);
	rdir = realpath(dir, NULL);
	out = rdir != NULL ? checklist_xasprintf("%s/%s.lock",
	    strcmp(rdir, "/") == 0 ? "" : rdir, slash ? slash + 1 : file) :
	    checklist_xasprintf("%s.lock", file);
	free(rdir);
	free(dir);
	return out;
}

/* PATH is a symbolic link: record its target, and whether it dangles. */
static void
checklist_lock_read_link(const char *path, struct checklist_lock_info *info)
{
	char buf[PATH_MAX];
	ssize_t n = readlink(path, buf, sizeof buf - 1);
	struct stat sb;

	buf[n > 0 ? n : 0] = '\0';
	free(info->link);
	info->link = checklist_sanitize(buf, false);
	info->dangling = stat(path, &sb) != 0;
}

/* Is FD still the file at PATH? */
static bool
checklist_lock_same(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* PATH exists: find out whether its holder lives. LOCK_RETRY when it
 * was stale and is now removed (or vanished meanwhile). */
static enum checklist_lock_verdict
checklist_lock_inspect(const char *path, struct checklist_lock_info *info,
    bool take, int *e)
{
	enum checklist_lock_verdict v = LOCK_HELD;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0 && errno == ELOOP) {
		checklist_lock_read_link(path, info);
		return LOCK_HELD; /* reported, never removed */
	}
	if (fd < 0) {
		*e = errno;
		return errno == ENOENT ? LOCK_RETRY : LOCK_FAIL;
	}
	checklist_lock_read_info(fd, info);
	info->flocked = true;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		struct stat sb;

		checklist_lock_read_info(fd, info); /* now settled */
		info->young = fstat(fd, &sb) == 0 &&
		    sb.st_mtime + 5 > time(NULL);
		if (!checklist_lock_same(fd, path))
			v = LOCK_RETRY;
		else if (checklist_lock_stale(info)) {
			v = LOCK_RETRY;
			if (take && unlink(path) != 0 && errno != ENOENT) {
				*e = errno;
				v = LOCK_FAIL;
			}
		}
	}
	close(fd);
	return v;
}

/* Is S PREFIX followed by mkstemp's six characters and nothing more? */
static bool
checklist_lock_is_temp(const char *s, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (strncmp(s, prefix, n) != 0 || strlen(s) != n + 6)
		return false;
	for (i = n; i < n + 6; i++)
		if (!isalnum((unsigned char)s[i]))
			return false;
	return true;
}

/* Is REST (what follows FILE's name) a leftover of a killed writer? */
static bool
checklist_lock_leftover(const char *rest, int dirfd, const char *name)
{
	struct stat sb;

	if (checklist_lock_is_temp(rest, ".tmp-") ||
	    checklist_lock_is_temp(rest, ".bak.tmp-") ||
	    strncmp(rest, ".bak-new-", 9) == 0)
		return true;
	return checklist_lock_is_temp(rest, ".lock.tmp-") &&
	    fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(sb.st_mode) && sb.st_mtime + 60 < time(NULL);
}

/* Remove the leftovers of killed writers of FILE (we hold its lock). */
static void
checklist_lock_sweep(const char *file)
{
	const char *slash = strrchr(file, '/'), *base;
	char *dir;
	DIR *d;
	struct dirent *e;
	size_t blen;

	dir = slash == NULL ? checklist_xstrdup(".") : slash == file ?
	    checklist_xstrdup("/") :
	    checklist_xstrndup(file, (size_t)(slash - file));
	base = slash == NULL ? file : slash + 1;
	blen = strlen(base);
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strncmp(e->d_name, base, blen) == 0 &&
			    checklist_lock_leftover(e->d_name + blen, dirfd(d),
			    e->d_name))
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	free(dir);
}

/* The leftovers of killed writers beside the real FILE of lock PATH. */
static void
checklist_lock_sweep_for(const char *path)
{
	char *real = checklist_xstrndup(path, strlen(path) - 5); /* .lock */

	checklist_lock_sweep(real);
	free(real);
}

checklist_status
checklist_lock_acquire(const char *file, struct checklist_lock **out,
    struct checklist_error *err)
{
	char *path;
	struct checklist_lock_info info;
	enum checklist_lock_verdict v = LOCK_RETRY;
	int fd = -1, e = 0, tries;
	checklist_status st;

	*out = NULL;
	if ((st = checklist_file_writable(file, err)) != CHECKLIST_OK)
		return st;
	path = checklist_lock_path(file);
	memset(&info, 0, sizeof info);
	for (tries = 0; tries < 8 && v == LOCK_RETRY; tries++) {
		v = checklist_lock_create(path, &fd, &e);
		if (v == LOCK_RETRY)
			v = checklist_lock_inspect(path, &info, true, &e);
	}
	if (v == LOCK_TAKEN) {
		*out = checklist_xcalloc(1, sizeof **out);
		(*out)->path = path;
		(*out)->fd = fd;
		checklist_lock_sweep_for(path);
		return CHECKLIST_OK;
	}
	if (v == LOCK_FAIL)
		st = checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("cannot lock %s: %s (the lock is %s)"), file, strerror(e),
		    path);
	else
		st = checklist_lock_held(file, path, &info, err);
	free(info.link);
	free(path);
	return st;
}

checklist_status
checklist_lock_probe(const char *file, struct checklist_error *err)
{
	char *path = checklist_lock_path(file);
	struct checklist_lock_info info;
	enum checklist_lock_verdict v;
	checklist_status st = CHECKLIST_OK;
	int e = 0;

	memset(&info, 0, sizeof info);
	v = checklist_lock_inspect(path, &info, false, &e);
	if (v == LOCK_HELD)
		st = checklist_lock_held(file, path, &info, err);
	free(info.link);
	free(path);
	return st;
}

void
checklist_lock_release(struct checklist_lock *lock)
{
	if (lock == NULL)
		return;
	if (checklist_lock_same(lock->fd, lock->path))
		unlink(lock->path);
	close(lock->fd);
	free(lock->path);
	free(lock);
}

/*
 * test_save.c: saving and loading a response file, and its lock.
 *
 * The save path is driven through injected failures (short writes,
 * EINTR, ENOSPC and EIO from the write and fsync hooks, the kernel's own
 * ENOSPC from /dev/full), a real full file system and a real read-only
 * one (small tmpfs mounts in a private mount namespace, when this
 * process may make them; else those two tests are skipped), and a
 * damaged file. Each failure must leave the previous file byte for byte.
 * The lock: refusal while held (here and by a live child), takeover
 * from a child that died holding it, from a reused pid, from an
 * unreadable lock file, and refusal of another host's lock.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "checklist/checklist.h"
#include "checklist/checklist_internal_save.h"

static const char save_definition[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<checklist xmlns='urn:x-sacl:checklist:1' id='save-test' version='1'"
    " xml:lang='en' languages='en'>\n"
    " <title>Save test</title>\n"
    " <section id='a1' number='1'><title>One</title>\n"
    "  <provision id='p1' number='1.1' level='mandatory'><title>P</title>\n"
    "   <question id='status' type='single'><label>Status</label>\n"
    "    <choice value='full'><label>Full</label></choice>\n"
    "    <choice value='none'><label>None</label></choice>\n"
    "   </question>\n"
    "   <question id='notes' type='longtext'><label>Notes</label></question>\n"
    "   <question id='measures' type='repeat'><label>Measures</label>\n"
    "    <question id='title' type='text'><label>Title</label></question>\n"
    "   </question>\n"
    "  </provision>\n"
    " </section>\n"
    "</checklist>\n";

struct save_fixture {
	char dir[64];
	char file[128];
	struct checklist *cl;
	struct checklist_response *r;
};

static bool save_can_mount; /* in a private mount namespace, as root */

static int
save_rm_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	return remove(path);
}

static void
save_set(struct checklist_response *r, const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_response_set(r, path, value, &err) != CHECKLIST_OK)
		fail_msg("set %s: %s", path, checklist_error_text(&err));
}

static int
save_setup(void **state)
{
	struct save_fixture *f = checklist_xcalloc(1, sizeof *f);
	struct checklist_error err;

	snprintf(f->dir, sizeof f->dir, "/tmp/sacl-test-save-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->file, sizeof f->file, "%s/answers.xml", f->dir);
	checklist_error_clear(&err);
	if (checklist_load_memory(save_definition, strlen(save_definition),
	    "save-test.xml", &f->cl, &err) != CHECKLIST_OK) {
		fprintf(stderr, "%s\n", checklist_error_text(&err));
		return -1;
	}
	f->r = checklist_response_new(f->cl);
	*state = f;
	return 0;
}

static int
save_teardown(void **state)
{
	struct save_fixture *f = *state;

	checklist_save_set_hooks(NULL, NULL);
	checklist_save_set_link_hook(NULL);
	umount2(f->dir, MNT_DETACH); /* when a test mounted one there */
	nftw(f->dir, save_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	checklist_response_free(f->r);
	checklist_free(f->cl);
	free(f);
	return 0;
}

/* The whole contents of PATH (caller frees), NULL when unreadable. */
static char *
save_slurp(const char *path, size_t *len)
{
	struct checklist_error err;
	char *buf = NULL;

	checklist_error_clear(&err);
	if (checklist_read_file(path, 1u << 26, &buf, len, &err) !=
	    CHECKLIST_OK)
		return NULL;
	return buf;
}

/* Entries of DIR other than . and .. */
static int
save_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
save_ok(struct save_fixture *f)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_response_save(f->r, f->file, &err) != CHECKLIST_OK)
		fail_msg("save: %s", checklist_error_text(&err));
}

static struct checklist_response *
save_load_ok(struct save_fixture *f, const char *file)
{
	struct checklist_response *r = NULL;
	struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_response_load(f->cl, file, &r, &err) != CHECKLIST_OK)
		fail_msg("load %s: %s", file, checklist_error_text(&err));
	return r;
}

static void
test_save_round_trip(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r;
	struct stat sb;

	save_set(f->r, "p1/status", "full");
	save_set(f->r, "p1/notes", "two\nlines & <markup> \"quoted\"");
	save_set(f->r, "p1/measures[2]/title", "Act 12");
	save_ok(f);
	assert_int_equal(stat(f->file, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	r = save_load_ok(f, f->file);
	assert_string_equal(checklist_response_get(r, "p1/status"), "full");
	assert_string_equal(checklist_response_get(r, "p1/notes"),
	    "two\nlines & <markup> \"quoted\"");
	assert_int_equal(checklist_response_entries(r, "p1/measures"), 2);
	assert_string_equal(checklist_response_get(r, "p1/measures[2]/title"),
	    "Act 12");
	checklist_response_free(r);
	assert_int_equal(save_count_entries(f->dir), 1); /* no .bak, no tmp */
}

static void
test_save_keeps_backup(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r;
	char *bak = checklist_xasprintf("%s.bak", f->file);
	struct stat sb;

	save_set(f->r, "p1/status", "full");
	save_ok(f);
	save_set(f->r, "p1/status", "none");
	save_ok(f);
	save_set(f->r, "p1/notes", "third");
	save_ok(f);
	r = save_load_ok(f, bak); /* the version before the last save */
	assert_string_equal(checklist_response_get(r, "p1/status"), "none");
	assert_string_equal(checklist_response_get(r, "p1/notes"), "");
	checklist_response_free(r);
	r = save_load_ok(f, f->file);
	assert_string_equal(checklist_response_get(r, "p1/notes"), "third");
	checklist_response_free(r);
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(save_count_entries(f->dir), 2); /* FILE, FILE.bak */
	free(bak);
}

static int
save_link_eperm(const char *from, const char *to)
{
	errno = EPERM; /* as on a file system without hard links */
	return -1;
}

static void
test_save_backup_by_copy(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r;
	char *bak = checklist_xasprintf("%s.bak", f->file), *old, *copy;
	struct stat a, b;
	size_t olen, clen;

	save_set(f->r, "p1/status", "full");
	save_ok(f);
	old = save_slurp(f->file, &olen);
	save_set(f->r, "p1/status", "none");
	checklist_save_set_link_hook(save_link_eperm);
	save_ok(f);
	checklist_save_set_link_hook(NULL);
	copy = save_slurp(bak, &clen);
	assert_non_null(copy);
	assert_int_equal(clen, olen);
	assert_memory_equal(copy, old, olen);
	assert_int_equal(stat(f->file, &a), 0);
	assert_int_equal(stat(bak, &b), 0);
	assert_int_equal(b.st_mode & 07777, 0600);
	assert_true(a.st_ino != b.st_ino);
	r = save_load_ok(f, f->file);
	assert_string_equal(checklist_response_get(r, "p1/status"), "none");
	checklist_response_free(r);
	assert_int_equal(save_count_entries(f->dir), 2); /* no temp left */
	free(old);
	free(copy);
	free(bak);
}

/* Hooks: at most 7 bytes a call, and EINTR every third call. */
static int save_calls;
static ssize_t
save_write_short(int fd, const void *buf, size_t n)
{
	if (++save_calls % 3 == 0) {
		errno = EINTR;
		return -1;
	}
	return write(fd, buf, n < 7 ? n : 7);
}

static void
test_save_short_writes(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r;

	save_set(f->r, "p1/notes", "a longer text written 7 bytes at a time");
	save_calls = 0;
	checklist_save_set_hooks(save_write_short, NULL);
	save_ok(f);
	checklist_save_set_hooks(NULL, NULL);
	assert_true(save_calls > 20);
	r = save_load_ok(f, f->file);
	assert_string_equal(checklist_response_get(r, "p1/notes"),
	    "a longer text written 7 bytes at a time");
	checklist_response_free(r);
}

/* Hooks: a partial write, then the errno in save_fail_errno. */
static int save_fail_errno;
static ssize_t
save_write_fail(int fd, const void *buf, size_t n)
{
	if (save_calls++ == 0)
		return write(fd, buf, n / 2);
	errno = save_fail_errno;
	return -1;
}

static int
save_fsync_fail(int fd)
{
	errno = EIO;
	return -1;
}

static int save_devfull = -1;
static ssize_t
save_write_devfull(int fd, const void *buf, size_t n)
{
	return write(save_devfull, buf, n); /* the kernel says ENOSPC */
}

/* Save a first version, change it, make the save fail through the
 * hooks, and check the failure: status, message, old bytes, no temp. */
static void
save_expect_failure(struct save_fixture *f, checklist_write_fn w,
    checklist_fsync_fn s, const char *needle)
{
	struct checklist_error err;
	char *before, *after;
	size_t blen, alen;

	save_set(f->r, "p1/status", "full");
	save_ok(f);
	before = save_slurp(f->file, &blen);
	assert_non_null(before);
	save_set(f->r, "p1/notes", "this change must not reach the disk");
	save_calls = 0;
	checklist_save_set_hooks(w, s);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_save(f->r, f->file, &err),
	    CHECKLIST_ERR_IO);
	checklist_save_set_hooks(NULL, NULL);
	assert_non_null(strstr(err.message, needle));
	assert_non_null(strstr(err.message, "intact"));
	after = save_slurp(f->file, &alen);
	assert_non_null(after);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	assert_int_equal(save_count_entries(f->dir), 1); /* temp removed */
	free(before);
	free(after);
}

static void
test_save_enospc_write(void **state)
{
	save_fail_errno = ENOSPC;
	save_expect_failure(*state, save_write_fail, NULL, "No space left");
}

static void
test_save_eio_write(void **state)
{
	save_fail_errno = EIO;
	save_expect_failure(*state, save_write_fail, NULL, "disk reported");
}

static void
test_save_eio_fsync(void **state)
{
	save_expect_failure(*state, NULL, save_fsync_fail, "flushing");
}

static void
test_save_dev_full(void **state)
{
	save_devfull = open("/dev/full", O_WRONLY);
	if (save_devfull < 0)
		skip();
	save_expect_failure(*state, save_write_devfull, NULL,
	    "No space left");
	close(save_devfull);
}

/* A real full file system: a 64 KiB tmpfs filled up. */
static void
test_save_full_fs(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_error err;
	char *before, *after, *filler, big[16384];
	size_t blen, alen;
	int fd;

	if (!save_can_mount ||
	    mount("tmpfs", f->dir, "tmpfs", 0, "size=64k,mode=0700") != 0)
		skip();
	save_set(f->r, "p1/status", "full");
	save_ok(f);
	before = save_slurp(f->file, &blen);
	assert_non_null(before);
	filler = checklist_xasprintf("%s/filler", f->dir);
	fd = open(filler, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	memset(big, 'x', sizeof big);
	while (write(fd, big, sizeof big) > 0)
		;
	close(fd);
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	save_set(f->r, "p1/notes", big);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_save(f->r, f->file, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(err.message, "No space left"));
	after = save_slurp(f->file, &alen);
	assert_non_null(after);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	assert_int_equal(save_count_entries(f->dir), 2); /* FILE, filler */
	unlink(filler); /* room again: the next save works */
	save_ok(f);
	free(filler);
	free(before);
	free(after);
}

/* A read-only folder: a tmpfs remounted read-only (root ignores chmod). */
static void
test_save_read_only(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_error err;
	char *before, *after;
	size_t blen, alen;

	if (!save_can_mount ||
	    mount("tmpfs", f->dir, "tmpfs", 0, "size=1m,mode=0700") != 0)
		skip();
	save_set(f->r, "p1/status", "full");
	save_ok(f);
	before = save_slurp(f->file, &blen);
	assert_int_equal(mount("tmpfs", f->dir, "tmpfs",
	    MS_REMOUNT | MS_RDONLY, "size=1m,mode=0700"), 0);
	save_set(f->r, "p1/status", "none");
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_save(f->r, f->file, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(err.message, "read-only"));
	assert_non_null(strstr(err.message, "intact"));
	after = save_slurp(f->file, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(before);
	free(after);
}

/* Write LEN bytes of S to PATH. */
static void
save_write_file(const char *path, const char *s, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

static void
test_save_damaged(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r = NULL;
	struct checklist_error err;
	char *good, *bak = checklist_xasprintf("%s.bak", f->file), *again;
	size_t glen, alen;
	static const char torn[] = "<response checklist='save-test'><p1><st";

	save_set(f->r, "p1/status", "full");
	save_ok(f);
	save_ok(f); /* now FILE.bak exists too */
	good = save_slurp(bak, &glen);
	save_write_file(f->file, torn, sizeof torn - 1);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_load(f->cl, f->file, &r, &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_null(r);
	assert_non_null(strstr(err.message, bak));
	/* neither file was touched */
	again = save_slurp(f->file, &alen);
	assert_int_equal(alen, sizeof torn - 1);
	assert_memory_equal(again, torn, alen);
	free(again);
	again = save_slurp(bak, &alen);
	assert_int_equal(alen, glen);
	assert_memory_equal(again, good, glen);
	free(again);
	/* without a .bak, the message says there is none */
	unlink(bak);
	checklist_error_clear(&err);
	assert_int_equal(checklist_response_load(f->cl, f->file, &r, &err),
	    CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "no previous version"));
	free(good);
	free(bak);
}

/* A response to another checklist is not a damaged file. */
static void
test_save_load_other_checklist(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r = NULL;
	struct checklist_error err;
	struct checklist *other = NULL;
	char *def = checklist_xstrdup(save_definition);

	memcpy(strstr(def, "id='save-test'"), "id='save-aaaa'", 14);
	checklist_error_clear(&err);
	assert_int_equal(checklist_load_memory(def, strlen(def), "other.xml",
	    &other, &err), CHECKLIST_OK);
	save_ok(f);
	save_ok(f); /* with a .bak */
	checklist_error_clear(&err);
	assert_int_not_equal(checklist_response_load(other, f->file, &r,
	    &err), CHECKLIST_OK);
	assert_null(r);
	assert_int_not_equal(err.status, CHECKLIST_ERR_DAMAGED);
	assert_non_null(strstr(err.message, "save-test"));
	assert_null(strstr(err.message, ".bak"));
	checklist_free(other);
	free(def);
}

static void
test_save_load_missing(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_response *r = NULL;
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(checklist_response_load(f->cl, f->file, &r, &err),
	    CHECKLIST_ERR_IO);
	assert_null(r);
}

/* ------------------------------------------------------------- locks */

static void
test_lock_held_here(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_lock *a = NULL, *b = NULL;
	struct checklist_error err;
	char *lockfile = checklist_xasprintf("%s.lock", f->file);
	char *text, pid[64];
	size_t len;
	struct stat sb;

	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &a, &err),
	    CHECKLIST_OK);
	assert_int_equal(stat(lockfile, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	text = save_slurp(lockfile, &len);
	snprintf(pid, sizeof pid, "pid=%ld\n", (long)getpid());
	assert_non_null(strstr(text, pid));
	assert_non_null(strstr(text, "since="));
	free(text);
	assert_int_equal(checklist_lock_acquire(f->file, &b, &err),
	    CHECKLIST_ERR_LOCKED);
	assert_null(b);
	snprintf(pid, sizeof pid, "(pid %ld on ", (long)getpid());
	assert_non_null(strstr(err.message, pid));
	assert_non_null(strstr(err.message, "is in use by sacl"));
	checklist_lock_release(a);
	assert_int_equal(stat(lockfile, &sb), -1);
	free(lockfile);
}

static void
test_lock_dead_child(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_lock *l = NULL;
	struct checklist_error err;
	char *lockfile = checklist_xasprintf("%s.lock", f->file), *text;
	char pid[64];
	size_t len;
	int status;
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) { /* take the lock and die holding it */
		struct checklist_lock *c = NULL;
		_exit(checklist_lock_acquire(f->file, &c, NULL) ==
		    CHECKLIST_OK ? 0 : 1);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(access(lockfile, F_OK), 0); /* left behind */
	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &l, &err),
	    CHECKLIST_OK);
	text = save_slurp(lockfile, &len);
	snprintf(pid, sizeof pid, "pid=%ld\n", (long)getpid());
	assert_non_null(strstr(text, pid)); /* ours now */
	free(text);
	checklist_lock_release(l);
	free(lockfile);
}

/* A holder that died but was not waited for yet (a zombie) is dead. */
static void
test_lock_zombie_child(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_lock *l = NULL;
	struct checklist_error err;
	int status;
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		struct checklist_lock *c = NULL;
		_exit(checklist_lock_acquire(f->file, &c, NULL) ==
		    CHECKLIST_OK ? 0 : 1);
	}
	/* wait for it to exit without reaping it */
	assert_int_equal(waitid(P_PID, (id_t)child, NULL, WEXITED | WNOWAIT),
	    0);
	assert_int_equal(kill(child, 0), 0); /* a zombie still "exists" */
	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &l, &err),
	    CHECKLIST_OK);
	checklist_lock_release(l);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void
test_lock_live_child(void **state)
{
	struct save_fixture *f = *state;
	struct checklist_lock *l = NULL;
	struct checklist_error err;
	int up[2], down[2], status;
	char c = 0, pid[64];
	pid_t child;

	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) { /* hold the lock until the parent closes DOWN */
		struct checklist_lock *cl = NULL;
		close(down[1]); /* else the read below never sees EOF */
		close(up[0]);
		c = checklist_lock_acquire(f->file, &cl, NULL) == CHECKLIST_OK;
		(void)!write(up[1], &c, 1);
		(void)!read(down[0], &c, 1);
		checklist_lock_release(cl);
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	alarm(20); /* a hang is a failure */
	assert_int_equal(read(up[0], &c, 1), 1);
	assert_int_equal(c, 1);
	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &l, &err),
	    CHECKLIST_ERR_LOCKED);
	snprintf(pid, sizeof pid, "(pid %ld on ", (long)child);
	assert_non_null(strstr(err.message, pid));
	close(down[1]);
	assert_int_equal(waitpid(child, &status, 0), child);
	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &l, &err),
	    CHECKLIST_OK);
	checklist_lock_release(l);
	close(up[0]);
	alarm(0);
}

/* A lock file written by hand: CONTENTS; then acquire and expect WANT. */
static void
lock_expect(struct save_fixture *f, const char *contents,
    checklist_status want, const char *needle)
{
	char *lockfile = checklist_xasprintf("%s.lock", f->file);
	struct checklist_lock *l = NULL;
	struct checklist_error err;

	save_write_file(lockfile, contents, strlen(contents));
	checklist_error_clear(&err);
	assert_int_equal(checklist_lock_acquire(f->file, &l, &err), want);
	if (needle != NULL)
		assert_non_null(strstr(err.message, needle));
	checklist_lock_release(l);
	if (want != CHECKLIST_OK)
		assert_int_equal(access(lockfile, F_OK), 0); /* kept */
	free(lockfile);
}

static void
test_lock_other_host(void **state)
{
	lock_expect(*state, "pid=1\nhost=elsewhere.example\n"
	    "since=2026-01-02T03:04:05Z\n", CHECKLIST_ERR_LOCKED,
	    "(pid 1 on elsewhere.example since 2026-01-02T03:04:05Z; on "
	    "another host");
}

static void
test_lock_reused_pid(void **state)
{
	char host[256], *text;

	/* pid 1 lives, but started long after this lock was made */
	gethostname(host, sizeof host);
	host[sizeof host - 1] = '\0';
	text = checklist_xasprintf("pid=1\nhost=%s\n"
	    "since=2000-01-01T00:00:00Z\n", host);
	lock_expect(*state, text, CHECKLIST_OK, NULL);
	free(text);
}

static void
test_lock_live_pid_no_flock(void **state)
{
	char host[256], *text;

	/* our parent lives and started before "now": held (we trust pid
	 * and host when the file has no flock, e.g. over some NFS) */
	gethostname(host, sizeof host);
	host[sizeof host - 1] = '\0';
	text = checklist_xasprintf("pid=%ld\nhost=%s\n"
	    "since=2099-01-01T00:00:00Z\n", (long)getppid(), host);
	lock_expect(*state, text, CHECKLIST_ERR_LOCKED, "is in use by sacl");
	free(text);
}

static void
test_lock_unreadable(void **state)
{
	struct save_fixture *f = *state;
	char *lockfile = checklist_xasprintf("%s.lock", f->file);
	struct timespec old[2] = { { 0, UTIME_OMIT }, { 0, 0 } };
	struct checklist_lock *l = NULL;

	/* just made: maybe being written by a holder */
	lock_expect(f, "", CHECKLIST_ERR_LOCKED, "another sacl process");
	/* a minute old and still empty: nobody will write it */
	old[1].tv_sec = time(NULL) - 60;
	assert_int_equal(utimensat(AT_FDCWD, lockfile, old, 0), 0);
	assert_int_equal(checklist_lock_acquire(f->file, &l, NULL),
	    CHECKLIST_OK);
	checklist_lock_release(l);
	free(lockfile);
}

/* Taking the lock sweeps what killed writers of that file left. */
static void
test_lock_sweeps_leftovers(void **state)
{
	struct save_fixture *f = *state;
	static const char *const gone[] = { ".tmp-abcDE9", ".bak-new-99",
		".bak.tmp-Zz0123" };
	static const char *const kept[] = { ".tmp-toolong", ".tmpx-abcdef",
		".lock.tmp-abcdef" /* too young */ };
	struct checklist_lock *l = NULL;
	char *p, *other = checklist_xasprintf("%s/other.xml.tmp-abcdef",
	    f->dir);
	size_t i;

	for (i = 0; i < 3; i++) {
		p = checklist_xasprintf("%s%s", f->file, gone[i]);
		save_write_file(p, "x", 1);
		free(p);
	}
	for (i = 0; i < 3; i++) {
		p = checklist_xasprintf("%s%s", f->file, kept[i]);
		save_write_file(p, "x", 1);
		free(p);
	}
	save_write_file(other, "x", 1);
	assert_int_equal(checklist_lock_acquire(f->file, &l, NULL),
	    CHECKLIST_OK);
	for (i = 0; i < 3; i++) {
		p = checklist_xasprintf("%s%s", f->file, gone[i]);
		assert_int_equal(access(p, F_OK), -1);
		free(p);
	}
	for (i = 0; i < 3; i++) {
		p = checklist_xasprintf("%s%s", f->file, kept[i]);
		assert_int_equal(access(p, F_OK), 0);
		free(p);
	}
	assert_int_equal(access(other, F_OK), 0);
	checklist_lock_release(l);
	free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_round_trip,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_keeps_backup,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_backup_by_copy,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_short_writes,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_enospc_write,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_eio_write,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_eio_fsync,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_dev_full,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_full_fs,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_read_only,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_damaged,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_load_other_checklist,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_save_load_missing,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_held_here,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_dead_child,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_zombie_child,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_live_child,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_other_host,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_reused_pid,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_live_pid_no_flock,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_unreadable,
		    save_setup, save_teardown),
		cmocka_unit_test_setup_teardown(test_lock_sweeps_leftovers,
		    save_setup, save_teardown),
	};

	/* Mounts made here vanish with this process and are seen by no one
	 * else. Without the privilege, the two mount tests are skipped. */
	save_can_mount = geteuid() == 0 && unshare(CLONE_NEWNS) == 0 &&
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * checklist_attach.c: a file question's file, taken in when it is given.
 *
 * The path the user gives is resolved from the current folder and made
 * absolute, checked (a regular file that can be read, within the caps),
 * read, and copied into the response's attachment folder: RESPONSE.files
 * beside the response file (checklist_attach_dir, the one rule). The
 * value stored is the copy's path relative to the response's folder, so
 * that export finds it where it finds every relative attachment path,
 * and the copy's SHA-256 (nettle) is recorded beside it in the attribute
 * sha256, so that a copy changed or lost later is caught. Moving or
 * deleting the original afterwards loses nothing.
 *
 * A copy is written atomically (checklist_write_atomic) under a name no
 * other file in the folder has ("law.pdf", then "law-2.pdf", ...); a
 * file already there with the same bytes is used again. Copies are never
 * deleted here: an undo may bring back a value that names one.
 *
 * Known limits: the total cap counts every copy the response names,
 * relevant or not; a copy made for a value refused afterwards (a second
 * failure in the same `sacl set`) stays in the folder, unnamed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "checklist/checklist_internal.h"

#define CHECKLIST_ATTACH_SUFFIX ".files"
#define CHECKLIST_ATTACH_NAME_MAX 160 /* bytes of a copy's name */
#define CHECKLIST_ATTACH_TRIES 999    /* "name-2" ... "name-999" */
#define CHECKLIST_MIB (1024u * 1024)

#define checklist_attach_fail(err, st, ...) \
	checklist_error_set((err), (st), NULL, 0, 0, __VA_ARGS__)

/* ------------------------------------------------- where files live */

void
checklist_response_set_file(struct checklist_response *r, const char *file)
{
	struct checklist_rpriv *p;
	char *dir = checklist_dirname(file), *abs = realpath(dir, NULL);
	const char *slash = strrchr(file, '/');

	checklist_attach_forget(r);
	p = checklist_xcalloc(1, sizeof *p);
	p->dir = checklist_xstrdup(abs != NULL ? abs : dir);
	p->name = checklist_xstrdup(slash != NULL ? slash + 1 : file);
	free(abs);
	free(dir);
	r->priv = p;
}

const char *
checklist_response_dir(const struct checklist_response *r)
{
	const struct checklist_rpriv *p = r->priv;

	return p != NULL ? p->dir : NULL;
}

void
checklist_attach_forget(struct checklist_response *r)
{
	struct checklist_rpriv *p = r->priv;

	if (p == NULL)
		return;
	free(p->dir);
	free(p->name);
	free(p);
	r->priv = NULL;
}

char *
checklist_attach_dir(const char *response_file)
{
	return checklist_xasprintf("%s%s", response_file,
	    CHECKLIST_ATTACH_SUFFIX);
}

/* ---------------------------------------------------------- helpers */

void
checklist_sha256_digest_hex(struct sha256_ctx *ctx, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_digest(ctx, sizeof d, d);
	for (i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * sizeof d] = '\0';
}

void
checklist_sha256_hex(const char *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	checklist_sha256_digest_hex(&ctx, out);
}

/* N bytes for people: "10 MiB", "12.4 MiB", "3.0 KiB", "17 bytes". */
static const char *
checklist_attach_size(size_t n, char *buf, size_t size)
{
	if (n >= CHECKLIST_MIB && n % CHECKLIST_MIB == 0)
		snprintf(buf, size, "%zu MiB", n / CHECKLIST_MIB);
	else if (n >= CHECKLIST_MIB)
		snprintf(buf, size, "%.1f MiB", (double)n / CHECKLIST_MIB);
	else if (n >= 1024)
		snprintf(buf, size, "%.1f KiB", (double)n / 1024);
	else
		snprintf(buf, size, P_("%zu byte", "%zu bytes", n), n);
	return buf;
}

/* PATH made absolute from the current folder. Caller frees. */
static char *
checklist_attach_absolute(const char *path)
{
	char *cwd;
	char *abs;

	if (path[0] == '/')
		return checklist_xstrdup(path);
	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	cwd = getcwd(NULL, 0);
	if (cwd == NULL)
		return checklist_xstrdup(path);
	abs = checklist_xasprintf("%s/%s", cwd, path);
	free(cwd);
	return abs;
}

/* Read FILE, a file given to take in, under the per-file cap. */
static checklist_status
checklist_attach_load(const char *file, char **data, size_t *len,
    struct checklist_error *err)
{
	struct checklist_error e;
	struct stat sb;
	char a[32], b[32];

	if (stat(file, &sb) != 0)
		return checklist_attach_fail(err, CHECKLIST_ERR_VALUE, "%s: %s",
		    file, errno == ENOENT || errno == ENOTDIR ? "no such file" :
		    strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return checklist_attach_fail(err, CHECKLIST_ERR_VALUE,
		    _("%s: not a regular file"), file);
	if ((unsigned long long)sb.st_size > CHECKLIST_ATTACH_FILE_MAX)
		return checklist_attach_fail(err, CHECKLIST_ERR_TOO_BIG,
		    _("%s: %s is over the %s cap for one attachment"), file,
		    checklist_attach_size((size_t)sb.st_size, a, sizeof a),
		    checklist_attach_size(CHECKLIST_ATTACH_FILE_MAX, b,
		    sizeof b));
	if (access(file, R_OK) != 0)
		return checklist_attach_fail(err, CHECKLIST_ERR_VALUE,
		    _("%s: cannot be read: %s"), file, strerror(errno));
	checklist_error_clear(&e);
	if (checklist_read_file(file, CHECKLIST_ATTACH_FILE_MAX, data, len,
	    &e) != CHECKLIST_OK)
		return checklist_attach_fail(err, e.status, "%s",
		    checklist_error_text(&e));
	return CHECKLIST_OK;
}

/* The bytes of the copies the elements under NODE name, but SKIP's. */
static size_t
checklist_attach_taken(const char *dir, xmlNodePtr node, xmlNodePtr skip)
{
	xmlNodePtr c;
	struct stat sb;
	size_t sum = 0;
	char *v, *f;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || c == skip)
			continue;
		sum += checklist_attach_taken(dir, c, skip);
		if (!xmlHasProp(c, (const xmlChar *)CHECKLIST_ATTR_SHA256))
			continue;
		v = checklist_xml_text(c);
		f = v[0] == '/' ? checklist_xstrdup(v) :
		    checklist_xasprintf("%s/%s", dir, v);
		if (v[0] != '\0' && stat(f, &sb) == 0 && S_ISREG(sb.st_mode))
			sum += (size_t)sb.st_size;
		free(f);
		free(v);
	}
	return sum;
}

static checklist_status
checklist_attach_total(struct checklist_response *r, xmlNodePtr el,
    const char *file, size_t len, struct checklist_error *err)
{
	size_t taken = checklist_attach_taken(checklist_response_dir(r),
	    xmlDocGetRootElement(r->doc), el);
	char a[32], b[32], c[32];

	if (taken + len <= CHECKLIST_ATTACH_TOTAL_MAX)
		return CHECKLIST_OK;
	return checklist_attach_fail(err, CHECKLIST_ERR_TOO_BIG, _("%s: %s would "
	    "take the attached files to %s, over the %s cap in all"), file,
	    checklist_attach_size(len, a, sizeof a),
	    checklist_attach_size(taken + len, b, sizeof b),
	    checklist_attach_size(CHECKLIST_ATTACH_TOTAL_MAX, c, sizeof c));
}

/* ------------------------------------------------------ naming copies */

/* The name of FILE's copy: its last component, not hidden, not too
 * long (cut on a character boundary, the extension kept). */
static char *
checklist_attach_name(const char *file)
{
	const char *base = strrchr(file, '/'), *dot;
	size_t n, ext;
	char *name;

	base = base != NULL ? base + 1 : file;
	if (base[0] == '\0')
		base = "file";
	name = checklist_xasprintf("%s%s", base[0] == '.' ? "_" : "", base);
	n = strlen(name);
	if (n <= CHECKLIST_ATTACH_NAME_MAX)
		return name;
	dot = strrchr(name, '.');
	ext = dot != NULL && strlen(dot) <= 16 ? strlen(dot) : 0;
	n = CHECKLIST_ATTACH_NAME_MAX - ext;
	while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
		n--;
	memmove(name + n, name + strlen(name) - ext, ext + 1);
	return name;
}

/* NAME with "-K" before its extension (K > 1), or NAME. Caller frees. */
static char *
checklist_attach_variant(const char *name, int k)
{
	const char *dot = strrchr(name, '.');

	if (k == 1)
		return checklist_xstrdup(name);
	if (dot == NULL || dot == name)
		return checklist_xasprintf("%s-%d", name, k);
	return checklist_xasprintf("%.*s-%d%s", (int)(dot - name), name, k,
	    dot);
}

/* Does FILE hold exactly the bytes whose SHA-256 is SHA (LEN bytes)? */
static bool
checklist_attach_same(const char *file, size_t len, const char *sha)
{
	struct checklist_error e;
	char *buf, mine[65];
	size_t n;
	bool same;

	checklist_error_clear(&e);
	if (checklist_read_file(file, len, &buf, &n, &e) != CHECKLIST_OK)
		return false;
	checklist_sha256_hex(buf, n, mine);
	same = n == len && strcmp(mine, sha) == 0;
	free(buf);
	return same;
}

/* Choose C's name in DIR: the first free variant of NAME, or one that
 * holds the same bytes already. Fills C->target, C->present, *CHOSEN. */
static checklist_status
checklist_attach_pick(const char *dir, const char *name,
    struct checklist_attach_copy *c, char **chosen,
    struct checklist_error *err)
{
	struct stat sb;
	char *v;
	int k;

	for (k = 1; k <= CHECKLIST_ATTACH_TRIES; k++) {
		v = checklist_attach_variant(name, k);
		c->target = checklist_xasprintf("%s/%s", dir, v);
		if (lstat(c->target, &sb) != 0 && errno == ENOENT) {
			*chosen = v;
			return CHECKLIST_OK;
		}
		if (S_ISREG(sb.st_mode) && (size_t)sb.st_size == c->len &&
		    checklist_attach_same(c->target, c->len, c->sha256)) {
			c->present = true;
			*chosen = v;
			return CHECKLIST_OK;
		}
		free(v);
		free(c->target);
		c->target = NULL;
	}
	return checklist_attach_fail(err, CHECKLIST_ERR_IO, _("%s: no free name "
	    "for another copy of %s"), dir, name);
}

/* ------------------------------------------------------- taking in */

checklist_status
checklist_attach_prepare(struct checklist_response *r, xmlNodePtr el,
    const char *value, struct checklist_attach_copy *c,
    struct checklist_error *err)
{
	const struct checklist_rpriv *p = r->priv;
	char *file, *dir = NULL, *name = NULL, *chosen = NULL;
	checklist_status st;

	memset(c, 0, sizeof *c);
	if (p == NULL)
		return checklist_attach_fail(err, CHECKLIST_ERR_IO, _("%s: no "
		    "folder to keep a copy in: the response has no file yet"),
		    value);
	file = checklist_attach_absolute(value);
	st = checklist_attach_load(file, &c->data, &c->len, err);
	if (st == CHECKLIST_OK)
		st = checklist_attach_total(r, el, file, c->len, err);
	if (st == CHECKLIST_OK) {
		checklist_sha256_hex(c->data, c->len, c->sha256);
		dir = checklist_xasprintf("%s/%s%s", p->dir, p->name,
		    CHECKLIST_ATTACH_SUFFIX);
		name = checklist_attach_name(file);
		st = checklist_attach_pick(dir, name, c, &chosen, err);
	}
	if (st == CHECKLIST_OK)
		c->stored = checklist_xasprintf("%s%s/%s", p->name,
		    CHECKLIST_ATTACH_SUFFIX, chosen);
	free(chosen);
	free(name);
	free(dir);
	free(file);
	if (st != CHECKLIST_OK)
		checklist_attach_copy_free(c);
	return st;
}

/* Make the attachment folder of C's target (mode 0700), durably. */
/* The same for bytes that come with a name, not from a file (a
 * package's embedded attachment carried forward): NAME is only a name,
 * reduced to its last component like any file's; the same caps. C takes
 * a copy of DATA. */
checklist_status
checklist_attach_prepare_bytes(struct checklist_response *r, xmlNodePtr el,
    const char *name, const char *data, size_t len,
    struct checklist_attach_copy *c, struct checklist_error *err)
{
	const struct checklist_rpriv *p = r->priv;
	char *dir = NULL, *base = NULL, *chosen = NULL, a[32], b[32];
	checklist_status st;

	memset(c, 0, sizeof *c);
	if (p == NULL)
		return checklist_attach_fail(err, CHECKLIST_ERR_IO, "%s: no "
		    "folder to keep a copy in: the response has no file yet",
		    name);
	if (len > CHECKLIST_ATTACH_FILE_MAX)
		return checklist_attach_fail(err, CHECKLIST_ERR_TOO_BIG,
		    "%s: %s is over the %s cap for one attachment", name,
		    checklist_attach_size(len, a, sizeof a),
		    checklist_attach_size(CHECKLIST_ATTACH_FILE_MAX, b,
		    sizeof b));
	st = checklist_attach_total(r, el, name, len, err);
	if (st == CHECKLIST_OK) {
		c->data = checklist_xmalloc(len + 1);
		memcpy(c->data, data, len);
		c->len = len;
		checklist_sha256_hex(c->data, c->len, c->sha256);
		dir = checklist_xasprintf("%s/%s%s", p->dir, p->name,
		    CHECKLIST_ATTACH_SUFFIX);
		base = checklist_attach_name(name);
		st = checklist_attach_pick(dir, base, c, &chosen, err);
	}
	if (st == CHECKLIST_OK)
		c->stored = checklist_xasprintf("%s%s/%s", p->name,
		    CHECKLIST_ATTACH_SUFFIX, chosen);
	free(chosen);
	free(base);
	free(dir);
	if (st != CHECKLIST_OK)
		checklist_attach_copy_free(c);
	return st;
}

static checklist_status
checklist_attach_mkdir(const char *target, struct checklist_error *err)
{
	char *dir = checklist_dirname(target), *up = checklist_dirname(dir);
	checklist_status st = CHECKLIST_OK;
	int fd;

	if (mkdir(dir, 0700) == 0) {
		fd = open(up, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			(void)fsync(fd); /* the new folder's name, on disk */
			close(fd);
		}
	} else if (errno != EEXIST)
		st = checklist_attach_fail(err, CHECKLIST_ERR_IO,
		    _("%s: cannot make the folder for attached files: %s"), dir,
		    strerror(errno));
	free(up);
	free(dir);
	return st;
}

checklist_status
checklist_attach_commit(struct checklist_response *r,
    const struct checklist_attach_copy *c, struct checklist_error *err)
{
	checklist_status st;

	(void)r;
	if (c->present)
		return CHECKLIST_OK;
	st = checklist_attach_mkdir(c->target, err);
	if (st == CHECKLIST_OK)
		st = checklist_write_atomic(c->target, c->data, c->len, false,
		    err);
	return st;
}

void
checklist_attach_copy_free(struct checklist_attach_copy *c)
{
	free(c->data);
	free(c->target);
	free(c->stored);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------ reading a copy back */

/* The copy EL names, as a path (BASE_DIR, else R's folder). */
static char *
checklist_attach_copy_path(struct checklist_response *r, const char *value,
    const char *base_dir)
{
	const char *base = base_dir != NULL ? base_dir :
	    checklist_response_dir(r);

	if (value[0] == '/' || base == NULL || base[0] == '\0')
		return checklist_xstrdup(value);
	return checklist_xasprintf("%s/%s", base, value);
}

/* Does VALUE name a copy in R's own attachment folder, as taking in
 * stores it ("RESPONSE.files/NAME")? Never an absolute path, "..", or
 * another folder: a value a foreign response carries (set --from, a
 * hand edit) must not make export read a file of this computer. */
static bool
checklist_attach_confined(const struct checklist_response *r,
    const char *value)
{
	const struct checklist_rpriv *p = r->priv;
	const char *slash = strchr(value, '/');
	size_t n, k = strlen(CHECKLIST_ATTACH_SUFFIX);

	if (slash == NULL || strchr(slash + 1, '/') != NULL ||
	    slash[1] == '\0' || strcmp(slash + 1, ".") == 0 ||
	    strcmp(slash + 1, "..") == 0)
		return false;
	n = (size_t)(slash - value);
	if (n <= k || strncmp(slash - k, CHECKLIST_ATTACH_SUFFIX, k) != 0)
		return false;
	return p == NULL || (strlen(p->name) == n - k &&
	    strncmp(value, p->name, n - k) == 0);
}

/* Read FILE, the copy, with the caller's cap; say what is wrong. */
static checklist_status
checklist_attach_read_copy(const char *file, size_t max, char **buf,
    size_t *len, struct checklist_error *err)
{
	struct checklist_error e;
	struct stat sb;
	char a[32], b[32];

	memset(&sb, 0, sizeof sb);
	if (stat(file, &sb) != 0 && errno == ENOENT)
		return checklist_attach_fail(err, CHECKLIST_ERR_IO, _("the copy "
		    "%s is missing; give the file again"), file);
	checklist_error_clear(&e);
	if (checklist_read_file(file, max, buf, len, &e) == CHECKLIST_OK)
		return CHECKLIST_OK;
	if (e.status == CHECKLIST_ERR_TOO_BIG)
		return checklist_attach_fail(err, e.status, _("%s: %s is over "
		    "the %s cap for one attachment"), file,
		    checklist_attach_size((size_t)sb.st_size, a, sizeof a),
		    checklist_attach_size(max, b, sizeof b));
	return checklist_attach_fail(err, e.status, "%s",
	    checklist_error_text(&e));
}

checklist_status
checklist_attach_read(struct checklist_response *r, const char *path,
    const char *base_dir, size_t max, char **buf, size_t *len,
    struct checklist_error *err)
{
	const struct checklist_question *q;
	bool other;
	xmlNodePtr el = checklist_path_resolve(r, path, false, &q, &other);
	char *value, *sha, *file, mine[65];
	checklist_status st;

	*buf = NULL;
	if (el == NULL || other || q->type != CHECKLIST_Q_FILE)
		return checklist_attach_fail(err, CHECKLIST_ERR_NOT_FOUND,
		    _("no file question '%s'"), path);
	value = checklist_xml_text(el);
	sha = checklist_xml_attr(el, CHECKLIST_ATTR_SHA256);
	file = checklist_attach_copy_path(r, value, base_dir);
	if (value[0] == '\0')
		st = checklist_attach_fail(err, CHECKLIST_ERR_NOT_FOUND,
		    _("no file given"));
	else if (sha == NULL)
		st = checklist_attach_fail(err, CHECKLIST_ERR_VALUE, _("%s was "
		    "never taken in (no copy is kept beside the response); "
		    "give the file again"), value);
	else if (!checklist_attach_confined(r, value))
		st = checklist_attach_fail(err, CHECKLIST_ERR_VALUE, _("%s is "
		    "not a copy kept beside the response (in its folder "
		    "RESPONSE%s/); give the file again"), value,
		    CHECKLIST_ATTACH_SUFFIX);
	else
		st = checklist_attach_read_copy(file, max, buf, len, err);
	if (st == CHECKLIST_OK) {
		checklist_sha256_hex(*buf, *len, mine);
		if (strcmp(mine, sha) != 0) {
			st = checklist_attach_fail(err, CHECKLIST_ERR_VALUE,
			    _("the copy %s has changed since it was taken in "
			    "(its SHA-256 is not the one recorded); give the "
			    "file again"), file);
			free(*buf);
			*buf = NULL;
		}
	}
	free(file);
	free(sha);
	free(value);
	return st;
}

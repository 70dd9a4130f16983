/*
 * export_gzip.c: gzip in and out, with zlib's deflate and inflate
 * (windowBits 31: the gzip wrapper only, never the auto-detecting 47).
 *
 * Writing is reproducible: the gzip header carries no file name, no
 * comment, a modification time of 0 and a fixed OS byte, so that equal
 * input gives equal bytes (with the same zlib). Level 6, gzip's own
 * default: level 9 took 10-20% more time for a package 0.07% smaller
 * (prose; tests/bench/bench_load.sh: the size against gzip -6), in one
 * call over the whole input into a buffer of deflateBound's size.
 *
 * Reading is for untrusted files: it refuses what does not start with
 * the gzip magic, a stream that stops early (truncated), a bad CRC or
 * length (zlib checks both trailers), bytes after the end of the stream
 * (a second member included: we write one), and output beyond a size cap
 * or beyond a ratio to the input size (a "zip bomb"). Known limits: one
 * member only; the header's optional fields are accepted and ignored.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <zlib.h>

#include "export/export_internal.h"

/* The OS byte we write: 255, "unknown" (RFC 1952), the same everywhere. */
#define EXPORT_GZIP_OS 255
/* The deflate level: gzip -6 (zlib's default). */
#define EXPORT_GZIP_LEVEL 6
/* Output starts at this much and doubles while inflating. */
#define EXPORT_GZIP_CHUNK (256u * 1024)
/* export_gunzip_run's result when a cap was hit (not a zlib code). */
#define EXPORT_GZIP_OVER (-100)

checklist_status
export_gzip(const char *in, size_t len, char **out, size_t *outlen,
    struct checklist_error *err)
{
	z_stream zs;
	gz_header head;
	uLong bound;
	int rc;

	memset(&zs, 0, sizeof zs);
	memset(&head, 0, sizeof head);
	if (len > UINT_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, NULL, 0,
		    0, _("package of %zu bytes is too big to compress"), len);
	if (deflateInit2(&zs, EXPORT_GZIP_LEVEL, Z_DEFLATED, 31, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		checklist_fatal(_("deflateInit2 failed"));
	head.time = 0;
	head.os = EXPORT_GZIP_OS;
	if (deflateSetHeader(&zs, &head) != Z_OK)
		checklist_fatal(_("deflateSetHeader failed"));
	bound = deflateBound(&zs, (uLong)len) + 64;
	*out = checklist_xmalloc(bound);
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)len;
	zs.next_out = (Bytef *)*out;
	zs.avail_out = (uInt)bound;
	rc = deflate(&zs, Z_FINISH);
	if (rc != Z_STREAM_END)
		checklist_fatal(_("deflate did not finish (%d)"), rc);
	*outlen = zs.total_out;
	deflateEnd(&zs);
	return CHECKLIST_OK;
}

/* Is the output over either cap? Sets ERR when it is. */
static bool
export_gunzip_over(const struct export_gunzip_caps *caps, size_t inlen,
    size_t produced, const char *name, struct checklist_error *err)
{
	if (produced > caps->max_out) {
		checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0, 0,
		    _("inflates past the %.1f MiB cap for a package (more than "
		    "%zu bytes once inflated): refused unread"),
		    (double)caps->max_out / (1024 * 1024), caps->max_out);
		return true;
	}
	if (caps->max_ratio != 0 && produced > caps->ratio_floor &&
	    produced / caps->max_ratio > inlen) {
		checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0, 0,
		    _("inflates more than %zu:1 (%zu bytes from %zu): refused as "
		    "a compression bomb"), caps->max_ratio, produced, inlen);
		return true;
	}
	return false;
}

/* The message for an inflate failure. */
static checklist_status
export_gunzip_fail(int rc, z_stream *zs, const char *name,
    struct checklist_error *err)
{
	if (rc == Z_BUF_ERROR || rc == Z_OK)
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("truncated gzip stream (ends after %lu bytes)"),
		    (unsigned long)zs->total_in);
	if (rc == Z_DATA_ERROR && zs->msg != NULL &&
	    strcmp(zs->msg, "incorrect data check") == 0)
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("corrupt gzip stream: CRC-32 does not match"));
	return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
	    _("corrupt gzip stream: %s"),
	    zs->msg != NULL ? zs->msg : "inflate failed");
}

/* Inflate all of ZS's input into *BUF (grown as needed). */
static int
export_gunzip_run(z_stream *zs, const struct export_gunzip_caps *caps,
    size_t inlen, char **buf, size_t *cap, const char *name,
    struct checklist_error *err)
{
	int rc;

	for (;;) {
		if (zs->total_out == *cap) { /* doubling: linear copying */
			*cap = *cap < EXPORT_GZIP_CHUNK ? EXPORT_GZIP_CHUNK :
			    *cap * 2;
			if (*cap > caps->max_out + 1) /* one byte past: "over" */
				*cap = caps->max_out + 1;
			*buf = checklist_xrealloc(*buf, *cap + 1);
		}
		zs->next_out = (Bytef *)*buf + zs->total_out;
		zs->avail_out = (uInt)(*cap - zs->total_out);
		rc = inflate(zs, Z_NO_FLUSH);
		if (export_gunzip_over(caps, inlen, zs->total_out, name, err))
			return EXPORT_GZIP_OVER;
		if (rc == Z_MEM_ERROR)
			checklist_fatal(_("inflate: out of memory"));
		if (rc == Z_STREAM_END || rc == Z_DATA_ERROR ||
		    rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
			return rc;
		if (rc == Z_BUF_ERROR && zs->avail_in == 0)
			return rc; /* wants more input: there is none */
	}
}

/* The room to make at once for inflating IN (LEN bytes): the size its
 * trailer gives (modulo 2^32, untrusted: more room is made when it lies
 * low), never more than either cap allows, so that a package is
 * inflated without copying it as the buffer grows. */
static size_t
export_gunzip_hint(const char *in, size_t len,
    const struct export_gunzip_caps *caps)
{
	const unsigned char *t = (const unsigned char *)in + len - 4;
	size_t size;

	if (len < 18) /* the header and the trailer */
		return 0;
	size = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
	    (size_t)t[3] << 24;
	if (size > caps->max_out)
		size = caps->max_out;
	if (caps->max_ratio != 0 && size > caps->ratio_floor &&
	    size / caps->max_ratio > len)
		size = caps->ratio_floor;
	return size;
}

checklist_status
export_gunzip(const char *in, size_t len, const char *name,
    const struct export_gunzip_caps *caps, char **out, size_t *outlen,
    struct checklist_error *err)
{
	z_stream zs;
	size_t cap = 0;
	char *buf = NULL;
	checklist_status st;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len < 2 || (unsigned char)in[0] != 0x1f ||
	    (unsigned char)in[1] != 0x8b)
		return checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("not a gzip file (no gzip magic bytes)"));
	if (len > UINT_MAX)
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, name, 0,
		    0, _("file too big"));
	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, 31) != Z_OK)
		checklist_fatal(_("inflateInit2 failed"));
	if ((cap = export_gunzip_hint(in, len, caps)) > 0)
		buf = checklist_xmalloc(cap + 1);
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)len;
	rc = export_gunzip_run(&zs, caps, len, &buf, &cap, name, err);
	if (rc != Z_STREAM_END) {
		st = rc == EXPORT_GZIP_OVER ? CHECKLIST_ERR_TOO_BIG :
		    export_gunzip_fail(rc, &zs, name, err);
		inflateEnd(&zs);
		free(buf);
		return st;
	}
	if (zs.avail_in != 0) {
		checklist_error_set(err, CHECKLIST_ERR_PARSE, name, 0, 0,
		    _("%u bytes of trailing data after the gzip stream"),
		    zs.avail_in);
		inflateEnd(&zs);
		free(buf);
		return CHECKLIST_ERR_PARSE;
	}
	buf[zs.total_out] = '\0';
	*out = buf;
	*outlen = zs.total_out;
	inflateEnd(&zs);
	return CHECKLIST_OK;
}

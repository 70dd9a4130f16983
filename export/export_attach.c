/*
 * export_attach.c: the files attached to a package (the laws cited...).
 *
 * Each file question's copy (taken in beside the response when it was
 * given: checklist_attach.c) is read with a size cap and its SHA-256
 * checked, embedded in base64 inside an <attachment> element with its
 * name (the last component of the value, never a path: folders stay
 * private), media
 * type (by extension), size and CRC-32 (zlib's crc32), and counted
 * against a cap on the total. Reading checks everything back: strict
 * base64, the size, the CRC. An attachment's name is untrusted and never
 * becomes a path here.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "export/export_internal.h"

static const char export_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *
export_base64_encode(const unsigned char *data, size_t len)
{
	char *out = checklist_xmalloc((len + 2) / 3 * 4 + 1);
	size_t i, o = 0;
	uint32_t v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 |
		    data[i + 2];
		out[o++] = export_b64[v >> 18 & 63];
		out[o++] = export_b64[v >> 12 & 63];
		out[o++] = export_b64[v >> 6 & 63];
		out[o++] = export_b64[v & 63];
	}
	if (i < len) {
		v = (uint32_t)data[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)data[i + 1] << 8;
		out[o++] = export_b64[v >> 18 & 63];
		out[o++] = export_b64[v >> 12 & 63];
		out[o++] = i + 1 < len ? export_b64[v >> 6 & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return out;
}

/* The 6-bit value of each byte: -1 for white space, -2 for anything
 * else ('=' included: it is handled before). Filled on first use. */
static signed char export_b64_values[256];

static const signed char *
export_b64_table(void)
{
	static bool ready;
	size_t i;

	if (!ready) {
		memset(export_b64_values, -2, sizeof export_b64_values);
		for (i = 0; i < 64; i++)
			export_b64_values[(unsigned char)export_b64[i]] =
			    (signed char)i;
		export_b64_values[' '] = export_b64_values['\t'] = -1;
		export_b64_values['\n'] = export_b64_values['\r'] = -1;
		ready = true;
	}
	return export_b64_values;
}

/* Decode TEXT's base64 into BUF (room for strlen(TEXT) / 4 * 3 + 3): one
 * pass, one table lookup a byte. The count of bytes written, or -1 when
 * TEXT is not strict base64 (padding only at the end, nothing but white
 * space besides the alphabet). */
static long
export_b64_run(const unsigned char *text, unsigned char *buf)
{
	const signed char *t = export_b64_table();
	size_t n = 0, pad = 0, o = 0;
	uint32_t acc = 0;
	int v;

	for (; *text != '\0'; text++) {
		/* four letters at once, while there is no blank or padding
		 * (every line but a lone last one); && stops at the NUL */
		while ((n & 3) == 0 && t[text[0]] >= 0 && t[text[1]] >= 0 &&
		    t[text[2]] >= 0 && t[text[3]] >= 0 && pad == 0) {
			acc = (uint32_t)t[text[0]] << 18 |
			    (uint32_t)t[text[1]] << 12 |
			    (uint32_t)t[text[2]] << 6 | (uint32_t)t[text[3]];
			buf[o++] = (unsigned char)(acc >> 16);
			buf[o++] = (unsigned char)(acc >> 8);
			buf[o++] = (unsigned char)acc;
			text += 4;
		}
		acc = (n & 3) == 0 ? 0 : acc;
		if (*text == '\0')
			break;
		if ((v = t[*text]) >= 0 && pad == 0) {
			acc = acc << 6 | (uint32_t)v;
			if ((++n & 3) == 0) {
				buf[o++] = (unsigned char)(acc >> 16);
				buf[o++] = (unsigned char)(acc >> 8);
				buf[o++] = (unsigned char)acc;
				acc = 0;
			}
		} else if (*text == '=') {
			pad++;
		} else if (v != -1) {
			return -1;
		}
	}
	if ((n + pad) % 4 != 0 || pad > 2 || (pad != 0 && n % 4 + pad != 4) ||
	    n % 4 == 1)
		return -1;
	if (n % 4 == 2) {
		buf[o++] = (unsigned char)(acc >> 4);
	} else if (n % 4 == 3) {
		buf[o++] = (unsigned char)(acc >> 10);
		buf[o++] = (unsigned char)(acc >> 2);
	}
	return (long)o;
}

bool
export_base64_decode(const char *text, unsigned char **out, size_t *len)
{
	unsigned char *buf = checklist_xmalloc(strlen(text) / 4 * 3 + 3);
	long o = export_b64_run((const unsigned char *)text, buf);

	if (o < 0) {
		free(buf);
		*out = NULL;
		*len = 0;
		return false;
	}
	*out = buf;
	*len = (size_t)o;
	return true;
}

uint32_t
export_crc32(const unsigned char *data, size_t len)
{
	uLong crc = crc32(0L, Z_NULL, 0);

	while (len > 0) {
		uInt chunk = len > 1u << 30 ? 1u << 30 : (uInt)len;

		crc = crc32(crc, data, chunk);
		data += chunk;
		len -= chunk;
	}
	return (uint32_t)crc;
}

static const struct {
	const char *ext, *type;
} export_media_types[] = {
	{ "pdf", "application/pdf" },
	{ "doc", "application/msword" },
	{ "docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document" },
	{ "xls", "application/vnd.ms-excel" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet" },
	{ "odt", "application/vnd.oasis.opendocument.text" },
	{ "ods", "application/vnd.oasis.opendocument.spreadsheet" },
	{ "rtf", "application/rtf" },
	{ "txt", "text/plain" },
	{ "csv", "text/csv" },
	{ "htm", "text/html" },
	{ "html", "text/html" },
	{ "xml", "application/xml" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "zip", "application/zip" },
};

const char *
export_media_type(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t i;

	if (dot != NULL)
		for (i = 0; i < sizeof export_media_types /
		    sizeof export_media_types[0]; i++)
			if (strcasecmp(dot + 1, export_media_types[i].ext) == 0)
				return export_media_types[i].type;
	return "application/octet-stream";
}

char *
export_base_name(const char *path)
{
	const char *p, *last = path;

	for (p = path; *p != '\0'; p++)
		if ((*p == '/' || *p == '\\') && p[1] != '\0')
			last = p + 1;
	p = last + strcspn(last, "/\\");
	return checklist_xstrndup(last, (size_t)(p - last));
}

/* Read the copy VALUE names under the per-file cap, its checksum
 * checked (the model's one reader of copies). */
static checklist_status
export_attach_load(struct export_attach_set *set, const char *path,
    char **data, size_t *len, struct checklist_error *err)
{
	struct checklist_error e;
	checklist_status st;

	checklist_error_clear(&e);
	st = checklist_attach_read(set->r, path, set->base_dir, set->file_max,
	    data, len, &e);
	if (st != CHECKLIST_OK)
		checklist_error_set(err, st, NULL, 0, 0, _("%s: attached file: %s"),
		    path, e.message);
	return st;
}

/* Append the <attachment> element for DATA. */
static void
export_attach_element(struct export_attach_set *set, const char *path,
    const char *name, const char *data, size_t len)
{
	xmlNodePtr el;
	char num[32], *b64;

	b64 = export_base64_encode((const unsigned char *)data, len);
	el = xmlNewChild(set->parent, NULL, EXPORT_XC("attachment"), NULL);
	xmlNodeAddContent(el, EXPORT_XC(b64));
	snprintf(num, sizeof num, "a%zu", set->count);
	xmlNewProp(el, EXPORT_XC("id"), EXPORT_XC(num));
	xmlNewProp(el, EXPORT_XC("question"), EXPORT_XC(path));
	xmlNewProp(el, EXPORT_XC("name"), EXPORT_XC(name));
	xmlNewProp(el, EXPORT_XC("media-type"),
	    EXPORT_XC(export_media_type(name)));
	snprintf(num, sizeof num, "%zu", len);
	xmlNewProp(el, EXPORT_XC("size"), EXPORT_XC(num));
	snprintf(num, sizeof num, "%08x",
	    (unsigned)export_crc32((const unsigned char *)data, len));
	xmlNewProp(el, EXPORT_XC("crc32"), EXPORT_XC(num));
	free(b64);
}

char *
export_attach_add(struct export_attach_set *set, const char *path,
    const char *value, struct checklist_error *err)
{
	char *data, *name;
	size_t len;

	if (export_attach_load(set, path, &data, &len, err) !=
	    CHECKLIST_OK)
		return NULL;
	if (set->total + len > set->total_max) {
		checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, NULL, 0, 0,
		    _("%s: attaching %s would take the attached files over the "
		    "cap of %zu bytes in all"), path, value, set->total_max);
		free(data);
		return NULL;
	}
	set->total += len;
	set->count++;
	name = export_base_name(value);
	export_attach_element(set, path, name, data, len);
	free(data);
	return name;
}

/* An attribute's value, copied; NULL when absent. */
static char *
export_attach_prop(xmlNodePtr el, const char *attr)
{
	xmlChar *v = xmlGetProp(el, EXPORT_XC(attr));
	char *s = v != NULL ? checklist_xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* Decode EL's content into A and check it against A's size and CRC. */
static checklist_status
export_attach_decode(xmlNodePtr el, const char *name,
    struct export_attachment *a, struct checklist_error *err)
{
	xmlNodePtr t = el->children;
	xmlChar *text = NULL;
	size_t len;
	bool ok;

	/* one text node (as written): decoded where it is, not copied */
	if (t == NULL || t->next != NULL || t->type != XML_TEXT_NODE)
		text = xmlNodeGetContent(el);
	ok = export_base64_decode(text != NULL ? (const char *)text :
	    t != NULL && t->content != NULL ? (const char *)t->content : "",
	    &a->data, &len);
	xmlFree(text);
	if (!ok)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(el), 0, _("attachment %s: not valid base64"),
		    a->id);
	if (len != a->size)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(el), 0, _("attachment %s: %zu bytes, but "
		    "its size says %zu"), a->id, len, a->size);
	if (export_crc32(a->data, len) != a->crc32)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(el), 0, _("attachment %s: CRC-32 does not "
		    "match its content"), a->id);
	return CHECKLIST_OK;
}

checklist_status
export_attach_read(xmlNodePtr el, const char *name,
    struct export_attachment *a, struct checklist_error *err)
{
	char *size, *crc;

	memset(a, 0, sizeof *a);
	a->id = export_attach_prop(el, "id");
	a->path = export_attach_prop(el, "question");
	a->name = export_attach_prop(el, "name");
	a->media_type = export_attach_prop(el, "media-type");
	size = export_attach_prop(el, "size");
	crc = export_attach_prop(el, "crc32");
	/* The schema made every attribute present and well-formed. */
	assert(a->id != NULL && a->path != NULL && a->name != NULL &&
	    a->media_type != NULL && size != NULL && crc != NULL);
	a->size = (size_t)strtoull(size, NULL, 10);
	a->crc32 = (uint32_t)strtoul(crc, NULL, 16);
	free(size);
	free(crc);
	return export_attach_decode(el, name, a, err);
}

void
export_attachment_clear(struct export_attachment *a)
{
	free(a->id);
	free(a->path);
	free(a->name);
	free(a->media_type);
	free(a->data);
	memset(a, 0, sizeof *a);
}

/*
 * checklist_dump.c: a document serialised as libxml2's
 * xmlDocDumpFormatMemoryEnc(doc, ..., "UTF-8", format) writes it, byte
 * for byte, in less time: the response at every save, the package at
 * every export (a megabyte of prose each at 10,000 questions).
 *
 * libxml2 escapes text one byte at a time, testing each against the four
 * characters it replaces (<, >, & and carriage return), about a third of
 * the whole serialisation. Here its save context is given an escaping
 * function that copies the runs between those characters at once (the
 * same replacements: &lt; &gt; &amp; &#13;), and writes into one buffer
 * grown by doubling, handed to the caller without a copy. Everything
 * else (declaration, indentation, attributes, comments, CDATA) is
 * libxml2's own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>

#include "checklist/checklist_internal.h"

/* The bytes libxml2 replaces in text, and by what. */
static const char *
checklist_dump_entity(unsigned char c)
{
	switch (c) {
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '&': return "&amp;";
	case '\r': return "&#13;";
	}
	return NULL;
}

/* 1 for a byte checklist_dump_entity replaces. */
static const unsigned char checklist_dump_special[256] = {
	['<'] = 1, ['>'] = 1, ['&'] = 1, ['\r'] = 1,
};

/* How many bytes from P on (before END) need no escaping. END is never
 * past the room left for output: libxml2 hands over the whole rest of a
 * text at each call, a few KiB of room each time, so a scan to the end
 * of the text at each call would make a long text cost its square. */
static size_t
checklist_dump_run(const unsigned char *p, const unsigned char *end)
{
	size_t n;

	for (n = 0; p + n < end && !checklist_dump_special[p[n]]; n++)
		;
	return n;
}

/* xmlCharEncodingOutputFunc: escape IN (*INLEN bytes) into OUT (room
 * for *OUTLEN); both set to what was used. Like libxml2's
 * xmlEscapeContent, it stops where an entity would not fit. */
static int
checklist_dump_escape(unsigned char *out, int *outlen, const xmlChar *in,
    int *inlen)
{
	const unsigned char *p = in, *end = in + *inlen;
	unsigned char *o = out, *oend = out + *outlen;
	const char *ent;
	size_t run, n;

	while (p < end && o < oend) {
		n = (size_t)(oend - o); /* the output's room bounds the scan */
		run = checklist_dump_run(p, (size_t)(end - p) < n ? end : p + n);
		memcpy(o, p, run);
		o += run;
		p += run;
		if (p == end || o == oend)
			break;
		ent = checklist_dump_entity(*p);
		n = strlen(ent);
		if ((size_t)(oend - o) < n)
			break;
		memcpy(o, ent, n);
		o += n;
		p++;
	}
	*outlen = (int)(o - out);
	*inlen = (int)(p - in);
	return 0;
}

struct checklist_dump_buf {
	char *b;
	size_t len, cap;
};

/* xmlOutputWriteCallback: append. */
static int
checklist_dump_write(void *ctx, const char *s, int n)
{
	struct checklist_dump_buf *d = ctx;

	if (n <= 0)
		return 0;
	if (d->len + (size_t)n + 1 > d->cap) {
		while (d->len + (size_t)n + 1 > d->cap)
			d->cap = d->cap < 65536 ? 65536 : d->cap * 2;
		d->b = checklist_xrealloc(d->b, d->cap);
	}
	memcpy(d->b + d->len, s, (size_t)n);
	d->len += (size_t)n;
	return n;
}

static int
checklist_dump_close(void *ctx)
{
	(void)ctx;
	return 0;
}

checklist_status
checklist_doc_dump(xmlDocPtr doc, bool format, char **buf, size_t *len)
{
	struct checklist_dump_buf d = { NULL, 0, 0 };
	xmlSaveCtxtPtr ctxt = xmlSaveToIO(checklist_dump_write,
	    checklist_dump_close, &d, "UTF-8",
	    (format ? XML_SAVE_FORMAT : 0) | XML_SAVE_AS_XML);
	long rc;

	*buf = NULL;
	*len = 0;
	if (ctxt == NULL)
		return CHECKLIST_ERR_IO;
	xmlSaveSetEscape(ctxt, checklist_dump_escape);
	rc = xmlSaveDoc(ctxt, doc);
	if (xmlSaveClose(ctxt) < 0 || rc < 0 || d.len == 0) {
		free(d.b);
		return CHECKLIST_ERR_IO;
	}
	d.b[d.len] = '\0';
	*buf = d.b;
	*len = d.len;
	return CHECKLIST_OK;
}

/* ---------------------------------------- elements one after another */

struct checklist_dump_nodes {
	struct checklist_dump_buf buf;
	xmlSaveCtxtPtr ctxt[2]; /* not indented, indented */
	bool failed;
};

struct checklist_dump_nodes *
checklist_dump_nodes_new(void)
{
	struct checklist_dump_nodes *d = checklist_xcalloc(1, sizeof *d);
	int i;

	for (i = 0; i < 2; i++) {
		d->ctxt[i] = xmlSaveToIO(checklist_dump_write,
		    checklist_dump_close, &d->buf, "UTF-8",
		    (i ? XML_SAVE_FORMAT : 0) | XML_SAVE_AS_XML);
		if (d->ctxt[i] == NULL)
			d->failed = true;
		else
			xmlSaveSetEscape(d->ctxt[i], checklist_dump_escape);
	}
	return d;
}

size_t
checklist_dump_nodes_add(struct checklist_dump_nodes *d, xmlNodePtr el,
    bool format)
{
	xmlSaveCtxtPtr ctxt = d->ctxt[format];

	if (!d->failed && (xmlSaveTree(ctxt, el) < 0 || xmlSaveFlush(ctxt) < 0))
		d->failed = true;
	return d->buf.len;
}

size_t
checklist_dump_nodes_append(struct checklist_dump_nodes *d, const char *s,
    size_t n)
{
	if (n > 0 && !d->failed)
		checklist_dump_write(&d->buf, s, (int)n);
	return d->buf.len;
}

char *
checklist_dump_nodes_end(struct checklist_dump_nodes *d, size_t *len)
{
	char *b = d->buf.b;
	int i;

	for (i = 0; i < 2; i++)
		if (d->ctxt[i] != NULL && xmlSaveClose(d->ctxt[i]) < 0)
			d->failed = true;
	if (d->failed) {
		free(b);
		b = NULL;
	} else if (b == NULL) {
		b = checklist_xcalloc(1, 1);
	}
	*len = d->failed ? 0 : d->buf.len;
	free(d);
	return b;
}

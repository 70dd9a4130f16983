/*
 * checklist_pieces_make.c: cutting a response's document into the
 * pieces its saves are made of (checklist_pieces.c), at about the cost
 * of one more serialisation.
 *
 * The segments (the elements of the page-level questions) are written
 * one after the other by one libxml2 save context (xmlSaveTree), which
 * writes an element as the whole document's dump does when its bytes do
 * not depend on its depth: not indented, or with nothing to indent in
 * it; the others by xmlNodeDumpOutput at their depth. The gaps come from
 * one dump of the document with every segment's element hollowed for the
 * while (its name a numbered mark, no attributes, no children: written
 * "<sacl.piece.N/>"), cut at the marks. Joined, the pieces must give the
 * whole serialisation byte for byte, or none are kept.
 *
 * libxml2 indents an element's children only when no text is among them
 * (then nothing below is indented either): whether a segment is written
 * indented is read from the elements above it, as libxml2 reads it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>

#include "checklist/checklist_internal_pieces.h"

#define CHECKLIST_PIECE_MARK "sacl.piece."
/* A mark's name: the prefix, up to 10 digits, NUL. */
#define CHECKLIST_PIECE_NAME (sizeof CHECKLIST_PIECE_MARK + 11)

/* ------------------------------------------------- how it is written */

/* Does libxml2 indent EL's children (no text, CDATA or entity among
 * them)? */
static bool
checklist_pieces_indented(xmlNodePtr el)
{
	xmlNodePtr c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE ||
		    c->type == XML_ENTITY_REF_NODE)
			return false;
	return true;
}

/* An element above a segment, and whether libxml2 indents in it: it
 * and every element above it indent their children. */
struct checklist_pieces_up {
	xmlNodePtr el;
	bool indented;
};
#define CHECKLIST_PIECES_DEPTH 16

/* How libxml2 writes segment EL within the whole document: indented (1)
 * when every element above it is, else (0) as it is, with no indentation
 * or line added. -1: too deep to tell. SEEN (CHECKLIST_PIECES_DEPTH
 * places) keeps the elements above the last segment asked about, so
 * that each is looked at once for segments met in document order. */
static int
checklist_pieces_format(xmlNodePtr el, struct checklist_pieces_up *seen)
{
	struct checklist_pieces_up up[CHECKLIST_PIECES_DEPTH] = { { 0 } };
	xmlNodePtr chain[CHECKLIST_PIECES_DEPTH];
	size_t n = 0, i = CHECKLIST_PIECES_DEPTH, k;
	bool above = true; /* at the first element seen before, or the top */

	for (el = el->parent; el != NULL && el->type == XML_ELEMENT_NODE;
	    el = el->parent) {
		for (i = 0; i < CHECKLIST_PIECES_DEPTH; i++)
			if (seen[i].el == el)
				break;
		if (i < CHECKLIST_PIECES_DEPTH) {
			above = seen[i].indented;
			break;
		}
		if (n == CHECKLIST_PIECES_DEPTH)
			return -1;
		chain[n++] = el;
	}
	for (k = n; k-- > 0;) {
		above = above && checklist_pieces_indented(chain[k]);
		up[k].el = chain[k];
		up[k].indented = above;
	}
	for (; i < CHECKLIST_PIECES_DEPTH && n < CHECKLIST_PIECES_DEPTH; i++)
		up[n++] = seen[i];
	memcpy(seen, up, sizeof up);
	return above;
}

/* EL's place among its siblings, walking on from FROM (at place AT)
 * when EL comes after it: the elements of a group's questions are met
 * in order, so that all of them cost one walk of the group. */
static size_t
checklist_pieces_sib_after(xmlNodePtr el, xmlNodePtr from, size_t at)
{
	xmlNodePtr c;

	if (from != NULL && from->parent == el->parent)
		for (c = from; c != NULL; c = c->next, at++)
			if (c == el)
				return at;
	return checklist_pieces_sib(el);
}

/* ------------------------------------------------------- the segments */

/* Append segment EL of piece E to D: by D's save context when its bytes
 * do not depend on its depth, else at its depth; E's place in D's bytes
 * set. False when libxml2 failed. */
static bool
checklist_pieces_write(struct checklist_dump_nodes *d, xmlDocPtr doc,
    xmlNodePtr el, struct checklist_piece *e)
{
	xmlOutputBufferPtr out;
	bool ok;

	e->off = checklist_dump_nodes_append(d, NULL, 0);
	if (!e->format || !checklist_pieces_indented(el) ||
	    el->children == NULL) {
		e->len = checklist_dump_nodes_add(d, el, e->format) - e->off;
		return true;
	}
	if ((out = xmlAllocOutputBuffer(NULL)) == NULL)
		return false;
	xmlNodeDumpOutput(out, doc, el, e->level, 1, "UTF-8");
	ok = out->error == 0;
	if (ok)
		e->len = checklist_dump_nodes_append(d, (const char *)
		    xmlOutputBufferGetContent(out),
		    (size_t)xmlOutputBufferGetSize(out)) - e->off;
	xmlOutputBufferClose(out);
	return ok;
}

/* P's pieces, numbered in all[] order, for the page-level questions of
 * R that have an element (EL, by piece number): how and where each is
 * written, its segment in P->segs. False when one cannot be. */
static bool
checklist_pieces_segments(struct checklist_response *r,
    struct checklist_pieces *p, xmlNodePtr *el)
{
	const struct checklist *cl = r->cl;
	struct checklist_dump_nodes *d = checklist_dump_nodes_new();
	struct checklist_pieces_up seen[CHECKLIST_PIECES_DEPTH] = { { 0 } };
	struct checklist_piece *e;
	xmlNodePtr last = NULL;
	size_t i, k = 0, at = 0, len;
	bool ok = true;

	p->p = checklist_xcalloc(cl->nall + 1, sizeof *p->p);
	p->of_q = checklist_xcalloc(cl->nall + 1, sizeof *p->of_q);
	for (i = 0; ok && i < cl->nall; i++) {
		if (cl->all[i]->parent != NULL ||
		    (el[k] = checklist_pieces_el(r, cl->all[i])) == NULL)
			continue;
		e = &p->p[k];
		e->q = i;
		e->level = checklist_pieces_level(el[k]);
		e->format = checklist_pieces_format(el[k], seen);
		e->sib = at = checklist_pieces_sib_after(el[k], last, at);
		e->elems = checklist_xml_elements(el[k]);
		last = el[k];
		/* numbered as touches say, and written as the whole is */
		ok = checklist_pieces_index(cl->all[i]) == i && e->format >= 0 &&
		    checklist_pieces_write(d, r->doc, el[k], e);
		p->of_q[i] = (uint32_t)++k;
	}
	p->n = k;
	p->segs = checklist_dump_nodes_end(d, &len);
	return ok && p->segs != NULL;
}

/* ------------------------------------------------------- the gaps */

/* What a hollowed element had. */
struct checklist_pieces_hollow {
	const xmlChar *name;
	xmlNsPtr ns, nsdef;
	xmlAttrPtr props;
	xmlNodePtr children, last;
};

/* Hollow EL for a while: named NAME, nothing in it; H keeps what it
 * had. */
static void
checklist_pieces_hollow(xmlNodePtr el, const char *name,
    struct checklist_pieces_hollow *h)
{
	h->name = el->name;
	h->ns = el->ns;
	h->nsdef = el->nsDef;
	h->props = el->properties;
	h->children = el->children;
	h->last = el->last;
	el->name = (const xmlChar *)name;
	el->ns = el->nsDef = NULL;
	el->properties = NULL;
	el->children = el->last = NULL;
}

static void
checklist_pieces_fill(xmlNodePtr el, const struct checklist_pieces_hollow *h)
{
	el->name = h->name;
	el->ns = h->ns;
	el->nsDef = h->nsdef;
	el->properties = h->props;
	el->children = h->children;
	el->last = h->last;
}

/* Write mark K's name at NAME (CHECKLIST_PIECE_NAME bytes). */
static void
checklist_pieces_name(char *name, size_t k)
{
	char digits[24];
	size_t n = 0;

	do
		digits[n++] = (char)('0' + k % 10);
	while ((k /= 10) > 0);
	memcpy(name, CHECKLIST_PIECE_MARK, sizeof CHECKLIST_PIECE_MARK - 1);
	name += sizeof CHECKLIST_PIECE_MARK - 1;
	while (n > 0)
		*name++ = digits[--n];
	*name = '\0';
}

/* The whole document dumped with each segment's element (EL, by piece
 * number) hollowed and named by its number: P->skel, *LEN bytes. The
 * document is as it was after. */
static bool
checklist_pieces_skeleton(struct checklist_response *r,
    struct checklist_pieces *p, xmlNodePtr *el, size_t *len)
{
	struct checklist_pieces_hollow *h = checklist_xcalloc(p->n + 1,
	    sizeof *h);
	char *names = checklist_xmalloc((p->n + 1) * CHECKLIST_PIECE_NAME);
	size_t k;
	bool ok;

	for (k = 0; k < p->n; k++) {
		checklist_pieces_name(names + k * CHECKLIST_PIECE_NAME, k);
		checklist_pieces_hollow(el[k], names + k * CHECKLIST_PIECE_NAME,
		    &h[k]);
	}
	ok = checklist_doc_dump(r->doc, true, &p->skel, len) == CHECKLIST_OK;
	/* the elements: the skeleton's, each mark one, and the segments' */
	p->elems = checklist_xml_elements(xmlDocGetRootElement(r->doc)) - p->n;
	for (k = 0; k < p->n; k++) {
		checklist_pieces_fill(el[k], &h[k]);
		p->elems += p->p[k].elems;
	}
	free(names);
	free(h);
	return ok;
}

/* The number written at S (digits, then "/>"), at most MAX - 1; *END
 * after the "/>". -1 when there is none. */
static long
checklist_pieces_number(const char *s, size_t max, const char **end)
{
	size_t k = 0, n = 0;

	while (s[n] >= '0' && s[n] <= '9' && n < 10)
		k = k * 10 + (size_t)(s[n++] - '0');
	if (n == 0 || k >= max || s[n] != '/' || s[n + 1] != '>')
		return -1;
	*end = s + n + 2;
	return (long)k;
}

/* Cut P->skel (LEN bytes) into the gaps at its marks (each piece's
 * number once, nothing else looking like one) and put the pieces in
 * document order. */
static bool
checklist_pieces_cut(struct checklist_pieces *p, size_t len)
{
	struct checklist_piece *in_doc = checklist_xcalloc(p->n + 1,
	    sizeof *in_doc);
	unsigned char *met = checklist_xcalloc(p->n + 1, 1);
	const char *s = p->skel, *m = NULL, *after;
	const size_t ml = sizeof CHECKLIST_PIECE_MARK; /* with its '<' */
	size_t pos = 0, j;
	long k;

	for (j = 0; j <= p->n; j++) {
		m = memmem(s + pos, len - pos, "<" CHECKLIST_PIECE_MARK, ml);
		if (m == NULL || j == p->n ||
		    (k = checklist_pieces_number(m + ml, p->n, &after)) < 0 ||
		    met[k])
			break;
		met[k] = 1;
		in_doc[j] = p->p[k];
		in_doc[j].gap = pos;
		in_doc[j].gaplen = (size_t)(m - s) - pos;
		pos = (size_t)(after - s);
	}
	free(met);
	if (j != p->n || m != NULL) {
		free(in_doc);
		return false;
	}
	free(p->p);
	p->p = in_doc;
	for (j = 0; j < p->n; j++)
		p->of_q[p->p[j].q] = (uint32_t)(j + 1);
	p->tail = pos;
	p->taillen = len - pos;
	return true;
}

/* ----------------------------------------------------- the bytes */

/* P's pieces as made, joined: *BUF (caller frees), *LEN bytes. */
static void
checklist_pieces_join(const struct checklist_pieces *p, char **buf,
    size_t *len)
{
	const struct checklist_piece *e;
	size_t total = p->taillen, at = 0, k;
	char *b;

	for (k = 0; k < p->n; k++)
		total += p->p[k].gaplen + p->p[k].len;
	b = checklist_xmalloc(total + 1);
	for (k = 0; k < p->n; k++) {
		e = &p->p[k];
		memcpy(b + at, p->skel + e->gap, e->gaplen);
		at += e->gaplen;
		memcpy(b + at, p->segs + e->off, e->len);
		at += e->len;
	}
	memcpy(b + at, p->skel + p->tail, p->taillen);
	b[total] = '\0';
	*buf = b;
	*len = total;
}

/* P's pieces, made and found right, keep the bytes of WHOLE (LEN):
 * each segment's place in them, and no more the gaps and segments
 * apart. */
static void
checklist_pieces_keep(struct checklist_pieces *p, const char *whole,
    size_t len)
{
	size_t k, at = 0;

	p->at = checklist_xcalloc(p->n + 1, sizeof *p->at);
	for (k = 0; k < p->n; k++) {
		at += p->p[k].gaplen;
		p->at[k] = at;
		at += p->p[k].len;
	}
	p->bytes = checklist_xmalloc(len + 1);
	memcpy(p->bytes, whole, len);
	p->bytes[len] = '\0';
	p->blen = len;
	free(p->skel);
	free(p->segs);
	p->skel = p->segs = NULL;
}

/* ------------------------------------------------------------ making */

bool
checklist_pieces_make(struct checklist_response *r,
    struct checklist_pieces *p, const char *whole, size_t len)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	xmlNodePtr *el = checklist_xcalloc(r->cl->nall + 1, sizeof *el);
	size_t skel_len = 0, jlen = 0;
	char *joined = NULL;
	bool ok;

	checklist_pieces_builds++;
	ok = root != NULL && checklist_pieces_segments(r, p, el) &&
	    checklist_pieces_skeleton(r, p, el, &skel_len) &&
	    checklist_pieces_cut(p, skel_len);
	free(el);
	if (ok) {
		checklist_pieces_join(p, &joined, &jlen);
		ok = jlen == len && memcmp(joined, whole, len) == 0;
		free(joined);
	}
	if (!ok)
		return false;
	checklist_pieces_keep(p, whole, len);
	p->doc = r->doc;
	p->attrs = xmlDocCopyNode(root, NULL, 2);
	if (p->attrs == NULL)
		checklist_fatal(_("out of memory (response)"));
	p->dirty = checklist_xcalloc(p->n + 1, sizeof *p->dirty);
	p->is_dirty = checklist_xcalloc(p->n + 1, 1);
	p->ready = true;
	return true;
}

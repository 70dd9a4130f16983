/*
 * checklist_pieces.c: a response saved again and again (every committed
 * change in the terminal UI, DESIGN.md §6) is serialised at the cost of
 * what changed since its last save, not of the whole document.
 *
 * The bytes of the last save are kept in pieces: the element of each
 * page-level question (a segment, as libxml2 writes that element at its
 * depth: xmlNodeDumpOutput) and the bytes between two segments (a gap:
 * declaration, root and group tags, indentation, what no question
 * holds). A save writes again only the segments of the questions the
 * model said it touched (checklist_touch(), as for the undo history)
 * and splices them into the last save's bytes, copied in a few large
 * runs; the whole file is still written and synced.
 *
 * Anything else makes the next save a whole serialisation, after which
 * the pieces are made again: a change not said where (the change counter
 * moved with nothing touched), checklist_touch_all() (a group's element
 * made, the conflicts list, the document replaced), a touched question
 * whose element was made or is gone, the root's attributes changed (its
 * language, where to reopen...).
 *
 * Byte for byte, always: the pieces are made from the document
 * (checklist_pieces_make.c) and accepted only when, joined, they equal
 * the whole serialisation just made; a document that cannot be cut so
 * (something in it looks like a mark) keeps whole serialisations. A
 * response saved once (every command but `fill`) never makes pieces:
 * they are made at its second save. The elements the save's cap counts
 * are kept with them too (checklist_response_elements()).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>

#include "checklist/checklist_internal_pieces.h"

unsigned long checklist_pieces_redumped;
unsigned long checklist_pieces_builds;
bool checklist_save_check;
unsigned long checklist_save_mismatches;

/* ------------------------------------------------------------ helpers */

static void
checklist_pieces_clear(struct checklist_pieces *p)
{
	free(p->p);
	free(p->at);
	free(p->bytes);
	free(p->skel);
	free(p->segs);
	free(p->of_q);
	free(p->dirty);
	free(p->is_dirty);
	xmlFreeNode(p->attrs);
	p->p = NULL;
	p->bytes = p->skel = p->segs = NULL;
	p->at = NULL;
	p->of_q = NULL;
	p->dirty = NULL;
	p->is_dirty = NULL;
	p->attrs = NULL;
	p->doc = NULL;
	p->n = p->ndirty = p->elems = 0;
	p->ready = p->all = false;
}

size_t
checklist_pieces_index(const struct checklist_question *q)
{
	const struct checklist_qpriv *qp;

	while (q != NULL && q->parent != NULL)
		q = q->parent;
	qp = q != NULL ? q->priv : NULL;
	return qp != NULL ? qp->index : (size_t)-1;
}

xmlNodePtr
checklist_pieces_el(struct checklist_response *r,
    const struct checklist_question *q)
{
	xmlNodePtr g = q->group != NULL ?
	    checklist_group_node_found(r, q->group) : NULL;

	return g != NULL ? checklist_child_named(g, q->id) : NULL;
}

size_t
checklist_pieces_sib(xmlNodePtr el)
{
	size_t n = 0;

	for (el = el->prev; el != NULL; el = el->prev)
		n++;
	return n;
}

int
checklist_pieces_level(xmlNodePtr el)
{
	int level = 0;

	for (el = el->parent; el != NULL && el->type == XML_ELEMENT_NODE;
	    el = el->parent)
		level++;
	return level;
}

/* ----------------------------------------------------- touching */

void
checklist_pieces_touch(struct checklist_response *r,
    const struct checklist_question *q)
{
	struct checklist_pieces *p = r->pieces;
	size_t i = checklist_pieces_index(q), k;

	if (p == NULL || !p->ready || p->all)
		return;
	if (i == (size_t)-1 || i >= r->cl->nall || p->of_q[i] == 0) {
		p->all = true; /* an element the pieces do not hold */
		return;
	}
	k = p->of_q[i] - 1;
	if (!p->is_dirty[k]) {
		p->is_dirty[k] = 1;
		p->dirty[p->ndirty++] = k;
	}
}

void
checklist_pieces_touch_all(struct checklist_response *r)
{
	struct checklist_pieces *p = r->pieces;

	if (p != NULL)
		p->all = true;
}

void
checklist_pieces_free(struct checklist_response *r)
{
	struct checklist_pieces *p = r->pieces;

	if (p == NULL)
		return;
	checklist_pieces_clear(p);
	free(p);
	r->pieces = NULL;
}

/* ------------------------------------------------------------ saving */

/* Do P's pieces, with the touched segments written again, give R's
 * document? What they cannot tell says no. */
static bool
checklist_pieces_current(struct checklist_response *r,
    const struct checklist_pieces *p)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);

	return p->ready && !p->all && p->doc == r->doc && root != NULL &&
	    (r->changes == p->changes || p->ndirty > 0) &&
	    checklist_xml_attrs_same(root, p->attrs);
}

/* The touched segment E (its element EL) written again: *OUT, *LEN
 * bytes (caller frees); false when libxml2 failed. */
static bool
checklist_pieces_redump(struct checklist_response *r,
    const struct checklist_piece *e, xmlNodePtr el, char **out, size_t *len)
{
	xmlOutputBufferPtr o = xmlAllocOutputBuffer(NULL);

	if (o == NULL)
		return false;
	xmlNodeDumpOutput(o, r->doc, el, e->level, e->format, "UTF-8");
	if (o->error != 0) {
		xmlOutputBufferClose(o);
		return false;
	}
	*len = (size_t)xmlOutputBufferGetSize(o);
	*out = checklist_xmalloc(*len + 1);
	memcpy(*out, xmlOutputBufferGetContent(o), *len);
	xmlOutputBufferClose(o);
	return true;
}

static int
checklist_pieces_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The touched segments written again (P->dirty, put in document order):
 * FRESH[i], FLEN[i] bytes; false when one of them is gone or is not
 * where it was, or libxml2 failed. Their elements counted again. */
static bool
checklist_pieces_redo(struct checklist_response *r,
    struct checklist_pieces *p, char **fresh, size_t *flen)
{
	struct checklist_piece *e;
	xmlNodePtr el;
	size_t i, n;

	qsort(p->dirty, p->ndirty, sizeof *p->dirty, checklist_pieces_cmp);
	for (i = 0; i < p->ndirty; i++) {
		e = &p->p[p->dirty[i]];
		el = checklist_pieces_el(r, r->cl->all[e->q]);
		if (el == NULL || checklist_pieces_level(el) != e->level ||
		    checklist_pieces_sib(el) != e->sib ||
		    !checklist_pieces_redump(r, e, el, &fresh[i], &flen[i]))
			return false;
		n = checklist_xml_elements(el);
		p->elems = p->elems - e->elems + n;
		e->elems = n;
		checklist_pieces_redumped++;
	}
	return true;
}

/* P's bytes with the touched segments (P->dirty, in document order)
 * replaced by FRESH (FLEN bytes each): large runs copied, not pieces;
 * the places of the segments after each moved. */
static void
checklist_pieces_splice(struct checklist_pieces *p, char **fresh,
    const size_t *flen)
{
	struct checklist_piece *e;
	size_t total = p->blen, pos = 0, at = 0, i, k;
	ptrdiff_t delta = 0;
	char *b;

	for (i = 0; i < p->ndirty; i++)
		total = total - p->p[p->dirty[i]].len + flen[i];
	b = checklist_xmalloc(total + 1);
	for (i = 0; i < p->ndirty; i++) {
		k = p->dirty[i];
		memcpy(b + at, p->bytes + pos, p->at[k] - pos);
		at += p->at[k] - pos;
		memcpy(b + at, fresh[i], flen[i]);
		at += flen[i];
		pos = p->at[k] + p->p[k].len;
	}
	memcpy(b + at, p->bytes + pos, p->blen - pos);
	b[total] = '\0';
	for (i = 0, k = p->ndirty > 0 ? p->dirty[0] : p->n; k < p->n; k++) {
		p->at[k] = (size_t)((ptrdiff_t)p->at[k] + delta);
		if (i < p->ndirty && p->dirty[i] == k) {
			e = &p->p[k];
			delta += (ptrdiff_t)flen[i] - (ptrdiff_t)e->len;
			e->len = flen[i];
			p->is_dirty[k] = 0;
			i++;
		}
	}
	free(p->bytes);
	p->bytes = b;
	p->blen = total;
	p->ndirty = 0;
}

/* Save from P: the touched segments written again, the bytes spliced,
 * a copy for the caller in *BUF (*LEN). False: the pieces cannot. */
static bool
checklist_pieces_save(struct checklist_response *r,
    struct checklist_pieces *p, char **buf, size_t *len)
{
	char **fresh = checklist_xcalloc(p->ndirty + 1, sizeof *fresh);
	size_t *flen = checklist_xcalloc(p->ndirty + 1, sizeof *flen), i, n;
	bool ok = checklist_pieces_redo(r, p, fresh, flen);

	n = p->ndirty;
	if (ok) {
		checklist_pieces_splice(p, fresh, flen);
		*buf = checklist_xmalloc(p->blen + 1);
		memcpy(*buf, p->bytes, p->blen + 1);
		*len = p->blen;
	}
	for (i = 0; i < n; i++)
		free(fresh[i]);
	free(fresh);
	free(flen);
	return ok;
}

size_t
checklist_response_elements(struct checklist_response *r)
{
	const struct checklist_pieces *p = r->pieces;

	if (p != NULL && checklist_pieces_current(r, p) && p->ndirty == 0 &&
	    r->changes == p->changes)
		return p->elems;
	return checklist_xml_elements(xmlDocGetRootElement(r->doc));
}

/* The test aid checklist_save_check: *BUF (*LEN), made from P, against
 * the whole serialisation; when they differ, the whole takes its place
 * and the pieces go. */
static void
checklist_pieces_check(struct checklist_response *r,
    struct checklist_pieces *p, char **buf, size_t *len)
{
	char *whole = NULL;
	size_t wlen = 0;

	if (checklist_doc_dump(r->doc, true, &whole, &wlen) != CHECKLIST_OK)
		return;
	if (wlen == *len && memcmp(whole, *buf, wlen) == 0) {
		free(whole);
		return;
	}
	checklist_save_mismatches++;
	free(*buf);
	*buf = whole;
	*len = wlen;
	checklist_pieces_clear(p);
}

checklist_status
checklist_pieces_serialize(struct checklist_response *r, char **buf,
    size_t *len)
{
	struct checklist_pieces *p = r->pieces;
	bool idle;

	if (p == NULL)
		p = r->pieces = checklist_xcalloc(1, sizeof *p);
	p->saves++;
	if (checklist_pieces_current(r, p) &&
	    checklist_pieces_save(r, p, buf, len)) {
		p->changes = r->changes;
		p->idle = false;
		if (checklist_save_check)
			checklist_pieces_check(r, p, buf, len);
		return CHECKLIST_OK;
	}
	/* pieces made at the last save and dropped before any use are not
	 * made again at once: a run of such saves pays half of them */
	idle = p->ready && p->idle;
	checklist_pieces_clear(p);
	if (checklist_doc_dump(r->doc, true, buf, len) != CHECKLIST_OK)
		return CHECKLIST_ERR_IO;
	if (p->off || p->saves < 2 || idle || checklist_index_deps(r->cl) ==
	    NULL)
		return CHECKLIST_OK;
	if (!checklist_pieces_make(r, p, *buf, *len)) {
		checklist_pieces_clear(p);
		p->off = true; /* a document not written in pieces */
		return CHECKLIST_OK;
	}
	p->changes = r->changes;
	p->idle = true;
	return CHECKLIST_OK;
}

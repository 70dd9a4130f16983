/*
 * checklist_internal_pieces.h: the pieces a response's last save was
 * made of (see checklist_pieces.c), shared by checklist_pieces.c (saving
 * from them, what changes touch) and checklist_pieces_make.c (making
 * them from the document). They hang on the response (R->pieces), which
 * owns them: checklist_pieces_free() with it.
 */
#ifndef SACL_CHECKLIST_INTERNAL_PIECES_H
#define SACL_CHECKLIST_INTERNAL_PIECES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checklist/checklist_internal.h"

/* A segment: the element of a page-level question, as the whole
 * document's dump writes it. */
struct checklist_piece {
	size_t q;           /* its question: index in all[] */
	int level;          /* its element's depth (the root's is 0) */
	int format;         /* indented (1), or written as it is (0) */
	size_t sib;         /* its element's place among its siblings */
	size_t off, len;    /* its bytes: at AT[] in BYTES (while made: OFF
	                     * in SEGS) */
	size_t gap, gaplen; /* while made: the bytes before it, in SKEL */
	size_t elems;       /* the elements in it */
};

struct checklist_pieces {
	unsigned long saves;   /* of this response */
	bool off;              /* pieces refused for this response */
	bool ready;            /* the pieces are the last save's */
	bool all;              /* checklist_touch_all since */
	bool idle;             /* made at the last save, not used since */
	xmlDocPtr doc;         /* the document they are of */
	xmlNodePtr attrs;      /* the root as saved, attributes only */
	unsigned long changes; /* R->changes at the last save */
	char *bytes;           /* the last save's, BLEN of them */
	size_t blen;
	size_t *at;            /* by piece: where its segment is in BYTES (an
	                        * array apart: a save moves all after the
	                        * first touched, in one pass over memory) */
	char *skel, *segs;     /* while made: the gaps, the segments */
	size_t tail, taillen;  /* while made: the gap after the last one */
	size_t n, elems;       /* pieces; elements in the document */
	struct checklist_piece *p;   /* in document order */
	uint32_t *of_q;       /* by index in all[]: piece number + 1, or 0 */
	size_t ndirty;
	size_t *dirty;        /* piece numbers touched since, N at most */
	unsigned char *is_dirty;
};

/* Make P (cleared) the pieces of R's document, whose whole
 * serialisation is WHOLE (LEN bytes): true when, joined, they give it
 * byte for byte (else P holds what to clear). */
bool checklist_pieces_make(struct checklist_response *r,
    struct checklist_pieces *p, const char *whole, size_t len);
/* The element of page-level question Q in R, as a change finds it, or
 * NULL; never made. */
xmlNodePtr checklist_pieces_el(struct checklist_response *r,
    const struct checklist_question *q);
/* The index in all[] of Q's page-level question, or (size_t)-1. */
size_t checklist_pieces_index(const struct checklist_question *q);
/* EL's place among its parent's children (all kinds of node). */
size_t checklist_pieces_sib(xmlNodePtr el);
/* EL's depth: the root element's is 0. */
int checklist_pieces_level(xmlNodePtr el);

#endif /* SACL_CHECKLIST_INTERNAL_PIECES_H */

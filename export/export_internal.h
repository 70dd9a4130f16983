/*
 * export_internal.h: what the export room's files share and nobody else
 * uses (tests excepted). The public contract is export.h.
 */
#ifndef SACL_EXPORT_INTERNAL_H
#define SACL_EXPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "export/export.h"

/* A C string as libxml2's const xmlChar * (BAD_CAST drops const). */
#define EXPORT_XC(s) ((const xmlChar *)(s))

/* ------------------------------------------------------- export_gzip.c */

struct export_gunzip_caps {
	size_t max_out;     /* refuse more output than this */
	size_t max_ratio;   /* refuse output > max_ratio * input; 0: none */
	size_t ratio_floor; /* ... once the output is over this */
};

/* Compress IN reproducibly (fixed header). Caller frees *OUT. */
checklist_status export_gzip(const char *in, size_t len, char **out,
    size_t *outlen, struct checklist_error *err);
/* Inflate one gzip member, refusing what the file's comment lists.
 * *OUT is NUL-terminated; caller frees. NAME names IN in messages. */
checklist_status export_gunzip(const char *in, size_t len, const char *name,
    const struct export_gunzip_caps *caps, char **out, size_t *outlen,
    struct checklist_error *err);

/* ----------------------------------------------------- export_attach.c */

/* Base64 (RFC 4648, no line breaks). Caller frees. */
char *export_base64_encode(const unsigned char *data, size_t len);
/* Decode TEXT, skipping XML white space; false on anything else that is
 * not base64 or on bad padding. Caller frees *OUT (NULL on failure). */
bool export_base64_decode(const char *text, unsigned char **out,
    size_t *len);
uint32_t export_crc32(const unsigned char *data, size_t len);
/* The media type for a file name, by its extension (a small table;
 * "application/octet-stream" otherwise). Borrowed. */
const char *export_media_type(const char *name);
/* The last component of PATH (after the last '/' or '\\'). Caller frees. */
char *export_base_name(const char *path);

/* The attachments being collected for one package. */
struct export_attach_set {
	struct checklist_response *r; /* whose files */
	xmlNodePtr parent;  /* the <attachments> element */
	size_t count, total;
	size_t file_max, total_max;
	const char *base_dir;
};
/* Read the copy the file question at PATH names (value VALUE), check
 * its SHA-256 and the caps, append an <attachment> to SET->parent. Returns its name (the
 * value the package's answers hold) or NULL with ERR set. Caller frees. */
char *export_attach_add(struct export_attach_set *set, const char *path,
    const char *value, struct checklist_error *err);
/* Decode and check one <attachment> element of a package into A. */
checklist_status export_attach_read(xmlNodePtr el, const char *name,
    struct export_attachment *a, struct checklist_error *err);
void export_attachment_clear(struct export_attachment *a);

/* ---------------------------------------------------- export_package.c */

/* The built-in package schema (generated from data/response.xsd); check
 * with checklist_xml_validate(). */
extern const unsigned char export_response_xsd[];
extern const size_t export_response_xsd_len;
/* The revision of the last export written from R (root attribute
 * revision; 0 when none or not a number below 10^9). */
unsigned long export_response_revision(struct checklist_response *r);

/* ------------------------------------------------------ export_check.c */

/* The value paths export_check found relevant (P->relevant): PATH is
 * one; is PATH one (-1: P keeps none, evaluate); free them. */
void export_relevant_add(struct export_problems *p, const char *path);
int export_relevant_has(const struct export_problems *p, const char *path);
void export_relevant_free(struct export_problems *p);
/* How many values export_check has checked against their questions
 * (for tests: a package's are not checked twice). */
extern unsigned long export_value_checks;
/* PATH, then "[INDEX]" when INDEX is not 0, then "/ID" when ID is not
 * NULL: a value path one step down, without printf. Caller frees. */
char *export_path_sub(const char *path, size_t index, const char *id);

/* ---------------------------------------------------- export_answers.c */

/* A copy of R's document without the questions and groups that are not
 * relevant (as PROBS, export_check's of R unchanged since, found them,
 * when it kept them; NULL: evaluated); file questions hold their
 * attachment's name, the files are added to SET; what the checklist
 * does not ask is left out, and listed in STRAYS unless NULL. Caller
 * frees (xmlFreeNode) the returned <response>. */
xmlNodePtr export_answers_copy(struct checklist_response *r,
    const struct export_problems *probs, struct export_attach_set *set,
    struct export_strays *strays, struct checklist_error *err);
/* Check the <response> element EL of a package against CL: unknown
 * elements, values outside their type or choices. NAME for messages. */
checklist_status export_answers_check(const struct checklist *cl,
    xmlNodePtr el, const char *name, struct checklist_error *err);

/* --------------------------------------------------------- export_meta.c */

/* UTC ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" of T into BUF (at least 21). */
void export_iso_time(time_t t, char *buf, size_t size);
/* Parse that form; false when TEXT is not it. */
bool export_parse_time(const char *text, time_t *t);
/* The front section's State code answer, or NULL. Borrowed from R. */
const char *export_meta_state(struct checklist_response *r);
/* Append the <metadata> element of R's package to PKG. */
void export_meta_add(xmlNodePtr pkg, struct checklist_response *r,
    const struct export_problems *probs, const char *submission_id,
    unsigned long revision, time_t now);

/* ------------------------------------------------------ export_recheck.c */

/* Step 8 of the reader: P's metadata against what its answers give; a
 * disagreement refuses P (each named in ERR). Nothing for a package
 * read raw. */
checklist_status export_recheck(const struct export_package *p,
    const char *name, struct checklist_error *err);

/* Attributes of the response root that export keeps. */
#define EXPORT_ATTR_SUBMISSION "submission-id"
#define EXPORT_ATTR_REVISION "revision"
#define EXPORT_ATTR_CREATED "created"

#endif /* SACL_EXPORT_INTERNAL_H */

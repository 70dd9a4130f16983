/*
 * checklist_internal.h: what the model's files share and nobody else
 * sees: the safe XML reader, the XPath helpers, the builders and the
 * private parts of the model. Not installed, not used outside checklist/.
 * (export/ may use the checklist_xml_* safe reader: one reader of XML
 * from outside for the whole program.)
 */
#ifndef SACL_CHECKLIST_INTERNAL_H
#define SACL_CHECKLIST_INTERNAL_H

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "checklist/checklist.h"

#define CHECKLIST_NS "urn:x-sacl:checklist:1"
#define CHECKLIST_XML_NS "http://www.w3.org/XML/1998/namespace"

/* ----------------------------------------------------- safe XML (xml.c) */

/* Parse BUF (LEN bytes) as XML with the options of DESIGN.md §5 only:
 * no network, no DTD, no entities expanded; a DOCTYPE is refused. NAME
 * is used in messages ("NAME:LINE:COL: ..."). Caller frees *DOC. */
checklist_status checklist_xml_parse(const char *buf, size_t len,
    const char *name, xmlDocPtr *doc, struct checklist_error *err);
/* Validate DOC against the schema in XSD (LEN bytes, trusted: built in).
 * The first error, with its line, goes to ERR. */
checklist_status checklist_xml_validate(xmlDocPtr doc, const char *xsd,
    size_t len, const char *name, struct checklist_error *err);
/* An attribute's value, copied (caller frees), or NULL. */
char *checklist_xml_attr(xmlNodePtr node, const char *name);
/* An element's text content, copied (caller frees), never NULL. */
char *checklist_xml_text(xmlNodePtr node);
/* Is NODE an element named NAME in the checklist namespace? */
bool checklist_xml_is(xmlNodePtr node, const char *name);

/* The built-in definition schema (generated from data/checklist.xsd). */
extern const unsigned char checklist_xsd[];
extern const size_t checklist_xsd_len;

/* -------------------------------------------------- building (build.c) */

/* Build the model from a schema-valid DOC. Semantic errors go to ERR. */
checklist_status checklist_build(xmlDocPtr doc, const char *name,
    struct checklist **out, struct checklist_error *err);
/* Semantic checks over a built model (semantic.c). */
checklist_status checklist_semantic_check(struct checklist *cl,
    struct checklist_error *err);

/* ---------------------------------------------------- XPath (xpath.c) */

/* A compiled condition: the expression and where it was written. */
struct checklist_expr {
	char *source;
	xmlXPathCompExprPtr comp;
	size_t nnames;
	char **names; /* element names its location paths name */
	size_t nfuncs;
	char **funcs; /* functions it calls */
};

/* Compile SOURCE; on error ERR gets "NAME:LINE: ... : reason". */
checklist_status checklist_expr_compile(const char *source, const char *name,
    int line, struct checklist_expr **out, struct checklist_error *err);
void checklist_expr_free(struct checklist_expr *e);
/* Evaluate E as a boolean with NODE as the context node. An evaluation
 * error counts as false (and as true for constraints: see the caller). */
bool checklist_expr_eval(const struct checklist_expr *e, xmlDocPtr doc,
    xmlNodePtr node, bool on_error);

/* Forget the evaluation context kept for DOC (it is being freed). */
void checklist_xpath_forget(xmlDocPtr doc);

/* Private parts hung on the model's void *priv. */
struct checklist_qpriv {
	struct checklist_expr *relevant;
	struct checklist_expr *constraint;
};
struct checklist_gpriv {
	struct checklist_expr *relevant;
};

/* ---------------------------------------------- responses (path.c) */

/* The instance element of group G in R, creating it when missing. */
xmlNodePtr checklist_group_node(struct checklist_response *r,
    const struct checklist_group *g);
/* Resolve a value path to its element (and question). With CREATE,
 * missing entries and elements are made. NULL when PATH names nothing;
 * *OTHER is set when the path ends in ":other". */
xmlNodePtr checklist_path_resolve(struct checklist_response *r,
    const char *path, bool create, const struct checklist_question **q,
    bool *other);
/* Add the skeleton elements of Q (and its children, for one entry) under
 * PARENT, with defaults. */
xmlNodePtr checklist_skeleton_question(xmlNodePtr parent,
    const struct checklist_question *q);
/* Is NODE (the element of Q) relevant: Q's condition and those above. */
bool checklist_node_relevant(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr node);

/* Is "other" chosen in EL (the element of Q) without its text? */
bool checklist_node_other_missing(const struct checklist_question *q,
    xmlNodePtr el);
/* Does the value in EL satisfy Q's constraint (true when it has none or
 * is empty)? On false, ERR says why. */
checklist_status checklist_path_constraint(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el,
    struct checklist_error *err);

/* ------------------------------------------ attachments (attach.c) */

/* Hung on a response's priv: where it is kept. */
struct checklist_rpriv {
	char *dir;  /* absolute folder of the response file */
	char *name; /* its last component */
};

/* A file being taken in: checked and read, not yet copied. */
struct checklist_attach_copy {
	char *data;   /* the file's bytes (LEN) */
	size_t len;
	char *target; /* where the copy goes (absolute) */
	char *stored; /* the value to store: TARGET relative to the folder */
	char sha256[65];
	bool present; /* TARGET already holds these bytes: nothing to write */
};

/* Check and read the file VALUE names (from the current folder) for the
 * file question element EL, and choose its copy's name. */
checklist_status checklist_attach_prepare(struct checklist_response *r,
    xmlNodePtr el, const char *value, struct checklist_attach_copy *c,
    struct checklist_error *err);
/* Write the copy C prepared (atomically, never over another file). */
checklist_status checklist_attach_commit(struct checklist_response *r,
    const struct checklist_attach_copy *c, struct checklist_error *err);
void checklist_attach_copy_free(struct checklist_attach_copy *c);
/* The SHA-256 of DATA as 64 lower-case hex digits (nettle); the one
 * helper for checksums, shared with the secretariat's store. */
void checklist_sha256_hex(const char *data, size_t len, char out[65]);
/* Free what checklist_response_set_file() hung on R. */
void checklist_attach_forget(struct checklist_response *r);

/* ------------------------------------------------------ misc (model.c) */

void checklist_text_add(struct checklist_text *t, const char *lang,
    const char *str);
void checklist_text_free(struct checklist_text *t);
void checklist_question_free(struct checklist_question *q);
struct checklist_question *checklist_question_clone(
    const struct checklist_question *q);
/* The question type named S, or -1. */
int checklist_qtype_parse(const char *s);

#endif /* SACL_CHECKLIST_INTERNAL_H */

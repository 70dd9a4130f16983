/*
 * checklist_internal.h: what the model's files share and nobody else
 * sees: the safe XML reader, the XPath helpers, the builders and the
 * private parts of the model. Not installed, not used outside checklist/.
 * (export/ may use the checklist_xml_* safe reader: one reader of XML
 * from outside for the whole program.)
 */
#ifndef SACL_CHECKLIST_INTERNAL_H
#define SACL_CHECKLIST_INTERNAL_H

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "checklist/checklist.h"

#define CHECKLIST_NS "urn:x-sacl:checklist:1"
#define CHECKLIST_XML_NS "http://www.w3.org/XML/1998/namespace"

/* ----------------------------------------------------- safe XML (xml.c) */

/* Parse BUF (LEN bytes) as XML with the options of DESIGN.md §5 only:
 * no network, no DTD, no entities expanded; a DOCTYPE is refused. NAME
 * is used in messages ("NAME:LINE:COL: ..."). Caller frees *DOC.
 * Counted while parsing against CAPS (checklist_caps_definition,
 * _response, _package): the first cap passed stops the parse, status
 * CHECKLIST_ERR_TOO_BIG and a message naming the cap. */
checklist_status checklist_xml_parse_capped(const char *buf, size_t len,
    const char *name, const struct checklist_xml_caps *caps, xmlDocPtr *doc,
    struct checklist_error *err);
/* Documents parsed so far by checklist_xml_parse_capped (for tests). */
extern unsigned long checklist_xml_parses;
/* The same with the caps of a package (the largest). */
checklist_status checklist_xml_parse(const char *buf, size_t len,
    const char *name, xmlDocPtr *doc, struct checklist_error *err);
/* The same, the bytes read from FD (opened by checklist_open_file())
 * CHECKLIST_XML_READ at a time and fed to the parser as they come, with
 * no copy of the whole file: over MAX bytes is CHECKLIST_ERR_TOO_BIG.
 * SEEN (or NULL) is given each piece read, in order, before it is
 * parsed (a digest of the bytes). */
#define CHECKLIST_XML_READ 65536
checklist_status checklist_xml_parse_fd(int fd, const char *name,
    size_t max, const struct checklist_xml_caps *caps,
    void (*seen)(void *, const char *, size_t), void *arg, xmlDocPtr *doc,
    struct checklist_error *err);
/* Open FILE to read it, refusing what is not a regular file or is over
 * MAX bytes (as checklist_read_file() does). Caller closes *FD. */
checklist_status checklist_open_file(const char *file, size_t max, int *fd,
    struct checklist_error *err);
/* Validate DOC against the schema in XSD (LEN bytes, trusted: built in).
 * The first error, with its line, goes to ERR. */
checklist_status checklist_xml_validate(xmlDocPtr doc, const char *xsd,
    size_t len, const char *name, struct checklist_error *err);
/* An attribute's value, copied (caller frees), or NULL. */
char *checklist_xml_attr(xmlNodePtr node, const char *name);
/* Is NODE's attribute NAME (no namespace) VALUE? (no copy) */
bool checklist_xml_attr_eq(xmlNodePtr node, const char *name,
    const char *value);
/* Do elements A and B have the same attributes (names, namespaces,
 * values), in the same order? */
bool checklist_xml_attrs_same(xmlNodePtr a, xmlNodePtr b);
/* The elements under EL, EL included. */
size_t checklist_xml_elements(xmlNodePtr el);
/* An element's text content, copied (caller frees), never NULL. */
char *checklist_xml_text(xmlNodePtr node);
/* Is NODE an element named NAME in the checklist namespace? */
bool checklist_xml_is(xmlNodePtr node, const char *name);

/* The built-in definition schema (generated from data/checklist.xsd). */
extern const unsigned char checklist_xsd[];
extern const size_t checklist_xsd_len;

/* -------------------------------------------------- building (build.c) */
/* Variant look-ups made so far (tests: once per template and level). */
extern unsigned long checklist_template_lookups;
/* Look-ups by id in the builder's indexes made so far (build.c and
 * template.c; tests: a constant number per element, none growing with
 * the number of lists, templates or questions before it). */
extern unsigned long checklist_build_probes;

/* Build the model from a schema-valid DOC. Semantic errors go to ERR. */
checklist_status checklist_build(xmlDocPtr doc, const char *name,
    struct checklist **out, struct checklist_error *err);
/* Templates whose questions vary by level (template.c): the questions
 * of a definition's templates by template and id, made empty when the
 * build starts and freed (checklist_template_index_free) by the builder
 * when it ends; it points into the templates' trees. */
struct checklist_template_index;
struct checklist_template_index *checklist_template_index_new(void);
void checklist_template_index_free(struct checklist_template_index *ix);
/* Index the questions of the <template> element T. Questions of one id
 * must be variants: at most one default, no level claimed twice; else
 * ERR gets "NAME:LINE: template 'T': a second question ..." at the
 * second. */
void checklist_template_read(struct checklist_template_index *ix,
    xmlNodePtr t, const char *name, struct checklist_error *err);
/* The question of id ID of (read) template T a provision of level L
 * asks: the variant for L, else the default, else NULL. */
xmlNodePtr checklist_template_variant(
    const struct checklist_template_index *ix, xmlNodePtr t, const char *id,
    enum checklist_level l);
/* Is there a question of id ID in template T before N (one of T's
 * questions)? */
bool checklist_template_seen(const struct checklist_template_index *ix,
    xmlNodePtr t, xmlNodePtr n, const char *id);
/* Has template T a question of id ID, at any level? */
bool checklist_template_has(const struct checklist_template_index *ix,
    xmlNodePtr t, const char *id);
/* Semantic checks over a built model (semantic.c); DOC is its
 * definition, for the templates' names and lines: taken, freed once
 * they are read (before the names are resolved on a skeleton, which
 * takes the tree's memory). */
checklist_status checklist_semantic_check(struct checklist *cl, xmlDocPtr doc,
    struct checklist_error *err);

/* ---------------------------------------------------- XPath (xpath.c) */

/* A compiled condition: the expression, and what the checks of the
 * definition found it reads (checklist_names.c). */
struct checklist_expr {
	char *source;
	xmlXPathCompExprPtr comp;
	bool borrowed; /* SOURCE and COMP are a template question's (its
	                * SHARED's expression, freed with it): this one's own
	                * are READS only (checklist_expr_borrow) */
	unsigned long evals; /* evaluations so far (tests count them) */
	size_t nreads;
	const struct checklist_question **reads; /* the questions it reads (their
	                                    * values), each once; borrowed */
	size_t nwhole;
	const struct checklist_group **whole; /* the groups whose element it
	                                    * reads as a whole (string(..),
	                                    * string(../..) on an article): all
	                                    * their questions; each once */
	bool reads_any; /* what it reads cannot be told (the steps after a
	                 * filter, a relative path in a filter's predicate, the
	                 * root, id()): any change may change its result */
	bool walks_lists; /* a step of it may walk the entries of a list
	                   * (checklist_names_reach): its cost grows with
	                   * them (checklist_cost.c) */
};

/* Compile SOURCE; on error ERR gets "NAME:LINE: WHAT: ... : reason",
 * WHAT naming the question and attribute (e.g. "question p1/a,
 * attribute relevant"). */
checklist_status checklist_expr_compile(const char *source, const char *name,
    int line, const char *what, struct checklist_expr **out,
    struct checklist_error *err);
void checklist_expr_free(struct checklist_expr *e);
/* An expression of its own (for its reads) with the source and compiled
 * form of E, which must outlive it. */
struct checklist_expr *checklist_expr_borrow(const struct checklist_expr *e);
/* Evaluate E as a boolean with NODE as the context node. An evaluation
 * error counts as false (and as true for constraints: see the caller). */
bool checklist_expr_eval(const struct checklist_expr *e, xmlDocPtr doc,
    xmlNodePtr node, bool on_error);
/* Evaluate E with NODE as the context node; the result (NULL on an
 * error) is the caller's to free with xmlXPathFreeObject(). */
xmlXPathObjectPtr checklist_expr_eval_object(const struct checklist_expr *e,
    xmlDocPtr doc, xmlNodePtr node);

/* The operations the last evaluation took (0 where libxml2 cannot say,
 * before 2.9.11); each evaluation stops with an error past the limit,
 * CHECKLIST_XPATH_OPS_MAX unless set otherwise (0: none; for the cost
 * check of checklist_cost.c). */
unsigned long checklist_expr_last_ops(void);
void checklist_expr_set_op_limit(unsigned long limit);

/* What libxml2's XPath error E means, in words (its XPath errors come
 * with a code and no message). */
const char *checklist_xpath_error_text(const xmlError *e);

/* Forget the evaluation context kept for DOC (it is being freed), and
 * the entry checklist_path_entry() found last. */
void checklist_xpath_forget(xmlDocPtr doc);
/* Forget the entry found last (entries were removed or moved). */
void checklist_path_memo_forget(void);

/* The functions a condition may call: the one table, used to register
 * them on every evaluation context and to check calls in definitions.
 * MAX_ARGS -1: any number. FN NULL: XPath 1.0 core, libxml2's own. */
struct checklist_xpath_func {
	const char *name;
	int min_args, max_args;
	xmlXPathFunction fn;
};
/* The entry for NAME, or NULL when conditions may not call it. */
const struct checklist_xpath_func *checklist_xpath_func_find(
    const char *name);

/* The extension functions (xpath_func.c), in the XForms vocabulary as
 * ODK Collect has it; doc/checklist-format.md says what each does. */
void checklist_xpath_selected(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_count_selected(xmlXPathParserContextPtr ctxt,
    int nargs);
void checklist_xpath_selected_at(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_if(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_coalesce(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_regex(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_today(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_int(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_round(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_contains(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_before(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_after(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_date(xmlXPathParserContextPtr ctxt, int nargs);
void checklist_xpath_decimal_date_time(xmlXPathParserContextPtr ctxt,
    int nargs);
/* Does PATTERN compile as an XML Schema regular expression? */
bool checklist_xpath_regex_ok(const char *pattern);

/* ------------------------------------- what expressions read (xop.c) */

/* One operation of a compiled expression, as libxml2 dumps it. */
enum checklist_xop_kind {
	CHECKLIST_XOP_OTHER,     /* operators, SORT, ARG... */
	CHECKLIST_XOP_COLLECT,   /* a location step; kids[0] its input */
	CHECKLIST_XOP_NODE,      /* the context node */
	CHECKLIST_XOP_ROOT,      /* the document root */
	CHECKLIST_XOP_FUNCTION,
	CHECKLIST_XOP_VARIABLE,
	CHECKLIST_XOP_VALUE,     /* a literal; TEXT as libxml2 shows it */
	CHECKLIST_XOP_PREDICATE, /* [...] of a step */
	CHECKLIST_XOP_FILTER,    /* [...] of another expression */
};

struct checklist_xop {
	enum checklist_xop_kind kind;
	char *axis;  /* COLLECT: the XPath axis ("child", "parent"...) */
	char *test;  /* COLLECT: the node test ("x", "*", "node()"...) */
	bool element_step; /* COLLECT: selects elements (or any node) */
	char *name;  /* FUNCTION, VARIABLE: the name, with its prefix */
	char *text;  /* VALUE: libxml2's rendering of the literal */
	int nargs;   /* FUNCTION */
	size_t nkids;
	struct checklist_xop **kids;
};

/* The operations of SOURCE (a valid expression) as a tree, read from
 * libxml2's own dump of its compiled form (no second parser of XPath).
 * NULL when the expression nests deeper than the dump shows (24
 * levels). Free with checklist_xop_free(). */
struct checklist_xop *checklist_xop_read(const char *source);
void checklist_xop_free(struct checklist_xop *op);
/* Refuse SOURCE (a valid expression) when its cost grows faster than
 * the nodes it visits (checklist_cost.c): an error naming WHAT, at
 * NAME:LINE. */
checklist_status checklist_cost_shape(const char *source, const char *name,
    int line, const char *what, struct checklist_error *err);
/* The entries the last checklist_cost_check() made (tests: none when
 * no condition walks the entries of a list). */
extern unsigned long checklist_cost_entries;

/* ---------------------------------------- resolving names (names.c) */

/* A skeleton instance of a checklist (every element, one entry in every
 * repeat) against which the paths of its expressions are resolved. */
struct checklist_names;
struct checklist_names *checklist_names_new(const struct checklist *cl);
void checklist_names_free(struct checklist_names *nm);
/* The skeleton element of question Q, or of group G. */
xmlNodePtr checklist_names_question(struct checklist_names *nm,
    const struct checklist_question *q);
xmlNodePtr checklist_names_group(struct checklist_names *nm,
    const struct checklist_group *g);
/* Check E, evaluated at CONTEXT (a skeleton element): functions known
 * and called with their number of arguments, no variables, every path
 * selecting something; fill E->reads. False, with MSG (SIZE bytes)
 * saying why, on the first problem. */
bool checklist_names_check(struct checklist_names *nm,
    struct checklist_expr *e, xmlNodePtr context, char *msg, size_t size);
/* For tests: whether the expressions of a template's copies may be
 * taken from the first copy of the same shape (true unless set
 * otherwise), and how many expressions were resolved in full and how
 * many taken so, since the program started. */
void checklist_names_copies(bool on);
void checklist_names_counts(unsigned long *full, unsigned long *taken);

/* Private parts hung on the model's void *priv. */
struct checklist_qpriv {
	struct checklist_expr *relevant;
	struct checklist_expr *constraint;
	size_t index; /* in the checklist's all[] */
};
struct checklist_gpriv {
	struct checklist_expr *relevant;
	size_t index; /* a number of its own (the cycle check sets it) */
};

/* The look-up indexes behind checklist_find_question() and
 * checklist_find_group() (checklist_model.c), on cl->priv: built once by
 * the semantic check, freed by checklist_free(). Without them the
 * look-ups scan. The first question (group) in reading order wins a
 * duplicate key; the semantic check reports duplicates. */
void checklist_index_build(struct checklist *cl);
void checklist_index_free(struct checklist *cl);
/* Hand PROTO, a template's question that provisions share (their
 * questions' SHARED), to CL, which frees it after every question
 * borrowing from it (checklist_free). */
void checklist_shared_add(struct checklist *cl,
    struct checklist_question *proto);

/* ------------------------------------------ dependencies (deps.c) */

/* Lists by key: for key K, LIST[OFF[K]..OFF[K + 1]). */
struct checklist_deps_lists {
	size_t *off, *list;
};
/* Who reads what, built at load from the expressions' reads (owned by
 * the checklist's index, freed with it). Questions are numbered by
 * their index in all[], groups sections first, then pages (GROUPS;
 * their gpriv index). By question I: Q_BY_Q the questions whose
 * relevance or constraint reads it, G_BY_Q the groups whose relevance
 * does; by group J read as a whole (every question below it): Q_BY_G,
 * G_BY_G; ANYQ and ANYG (key 0) those whose reads cannot be told, which
 * every change reaches. */
struct checklist_deps {
	size_t nall, ngroups;
	const struct checklist_group **groups;
	struct checklist_deps_lists q_by_q, g_by_q, q_by_g, g_by_g;
	struct checklist_deps_lists anyq, anyg;
};
struct checklist_deps *checklist_deps_build(struct checklist *cl);
void checklist_deps_free(struct checklist_deps *d);
/* E reads the element of group G as a whole (G NULL: the root or the
 * document, so anything): called by the names check (names.c). */
void checklist_expr_read_group(struct checklist_expr *e,
    const struct checklist_group *g);
/* Mark in QMARK (CL->nall bytes, by index in all[]) every question
 * whose relevance or constraint may change when the N questions of
 * CHANGED change (with the repeats above them). False (nothing marked)
 * without a dependency index: then any may. */
bool checklist_deps_affected(const struct checklist *cl,
    const struct checklist_question *const *changed, size_t n,
    unsigned char *qmark);
/* CL's dependency index, or NULL (a checklist not made by the loader). */
const struct checklist_deps *checklist_index_deps(const struct checklist *cl);
void checklist_index_set_deps(struct checklist *cl, struct checklist_deps *d);

/* What progress keeps on a response (its CACHE, owned by it, freed by
 * checklist_pcache_forget), true for r->changes == SYNCED: by question
 * of a page (index in all[]) its counts QC when QOK; by group index a
 * page's sum PC of its questions' counts when POK, and the group's own
 * relevance GOWN (-1: not known). */
struct checklist_pcache {
	unsigned long synced;
	unsigned char *qok, *pok;
	struct checklist_progress *qc, *pc;
	signed char *gown;
	/* the whole response's counts TOTAL when TOTAL_OK, each page's
	 * SHARE of it (by group index); the NSTALE groups of STALE_LIST
	 * (flagged in STALE) have pages whose shares are to be counted
	 * again (checklist_progress_all) */
	bool total_ok;
	struct checklist_progress total, *share;
	unsigned char *stale;
	size_t *stale_list, nstale;
	/* marks (to review, conflicts) in the document: 0 none, 1 some, -1
	 * not known (checklist_marks_present). A change the cache survives
	 * only takes marks away (none stays known, some is asked again);
	 * what may bring one says so (checklist_marks_added) */
	signed char marks;
};
/* R's cache, emptied when R changed otherwise than by a touched change;
 * NULL without a dependency index. */
struct checklist_pcache *checklist_pcache_get(struct checklist_response *r);
/* Pages a batch walked to check constraints (for tests). */
extern unsigned long checklist_batch_pages_walked;
/* Pages whose share of the whole progress was counted (for tests). */
extern unsigned long checklist_progress_shares;
void checklist_pcache_forget(struct checklist_response *r);
/* Walks of a whole document for marks (for tests). */
extern unsigned long checklist_marks_walks;
/* Is R's document known to hold no mark (and no conflicts list)? No
 * walk: false when not known. */
bool checklist_marks_none(struct checklist_response *r);
/* R's document may hold a mark it did not before (set by a carry, a
 * merge, an undo putting an element back). */
void checklist_marks_added(struct checklist_response *r);
/* Q's value changed (r->changes was just bumped): drop from the cache
 * only what depends on Q: its page question, the questions whose
 * relevance or constraint reads Q (or a repeat above it), the groups
 * whose relevance does. */
void checklist_deps_touch(struct checklist_response *r,
    const struct checklist_question *q);

/* ---------------------------------------------------- cycles (cycle.c) */

/* Is there a cycle among relevance conditions (a question whose
 * relevance depends, through the questions that its conditions and
 * those of the groups and repeats above it read, on its own value)?
 * Needs every expression's reads (checklist_names_check). When there
 * is one: true, *AT the question where it was found and CHAIN (SIZE
 * bytes) the whole chain, each question with its line. */
bool checklist_cycle_find(const struct checklist *cl,
    const struct checklist_question **at, char *chain, size_t size);

/* ------------------------------------------ the document (texts.c) */

/* Rules checked on the definition document itself: one text per
 * language per place, a text in the default language wherever a text
 * is given, no value twice in a choices list. */
checklist_status checklist_texts_check(xmlDocPtr doc, const char *name,
    struct checklist_error *err);

/* ------------------------------------ repeated keys (dups.c) */

/* Comparisons of keys made so far (tests: n log n, not n squared). */
extern unsigned long checklist_dups_compares;
/* Of the N KEYS (a NULL key is skipped), the first, in order, equal to
 * an earlier one: true, *AT its index and *FIRST the index of the
 * first key it repeats; false when no key repeats. n log n. */
bool checklist_dups_first(const char *const *keys, size_t n, size_t *at,
    size_t *first);

/* --------------------------------------------- warnings (warn.c) */

/* Add to CL's warnings what is legal but surely not meant: a template
 * no provision uses, a template question no provision asks, a section
 * or provision that asks nothing. DOC is CL's definition. */
void checklist_warn_collect(struct checklist *cl, xmlDocPtr doc);

/* ------------------------------------ what changes touch (undo.c) */

/* Tell R's undo history (when R has one: R->touched) that a change
 * touches the element of Q's page-level question (Q, or the repeat
 * holding it, with its entries): before or after the change, before the
 * next checklist_undo_note(). Every function that changes a response's
 * document says what it touches by one of these two; saying too much
 * costs only a copy. */
void checklist_touch(struct checklist_response *r,
    const struct checklist_question *q);
/* ... that a change touches what no question's element holds (a group's
 * element made, the conflicts list, the whole document replaced): the
 * step keeps the whole document. The root's attributes need neither:
 * the history compares them at each note. */
void checklist_touch_all(struct checklist_response *r);

/* ------------------------------- elements one after another (dump.c) */

/* Elements written one after the other into one buffer, each as the
 * save of its document writes it at depth 0 (checklist_doc_dump's
 * escaping), indented or not: an element whose bytes do not depend on
 * its depth is written so as within the whole document. */
struct checklist_dump_nodes;
struct checklist_dump_nodes *checklist_dump_nodes_new(void);
/* Append EL (FORMAT: indented); the buffer's length after it. */
size_t checklist_dump_nodes_add(struct checklist_dump_nodes *d,
    xmlNodePtr el, bool format);
/* Append N bytes of S; the buffer's length after them. */
size_t checklist_dump_nodes_append(struct checklist_dump_nodes *d,
    const char *s, size_t n);
/* Free D; its bytes (caller frees, never NULL on success), *LEN of
 * them; NULL when libxml2 failed on any. */
char *checklist_dump_nodes_end(struct checklist_dump_nodes *d, size_t *len);

/* --------------------------------- the last save, in pieces (pieces.c) */

/* R's document serialised as checklist_doc_dump(R->doc, true, ..) does,
 * byte for byte: from the second call on, at the cost of the page-level
 * questions touched since the last call (checklist_touch()), the rest
 * kept from it. *BUF: caller frees. */
checklist_status checklist_pieces_serialize(struct checklist_response *r,
    char **buf, size_t *len);
/* Page-level question Q's element changed (checklist_touch() says it);
 * ... or what no question's element holds (checklist_touch_all()). */
void checklist_pieces_touch(struct checklist_response *r,
    const struct checklist_question *q);
void checklist_pieces_touch_all(struct checklist_response *r);
/* The elements in R's document: kept by the pieces (for a save right
 * after its serialisation, the document unchanged), else counted. */
size_t checklist_response_elements(struct checklist_response *r);
void checklist_pieces_free(struct checklist_response *r);
/* Segments written again, and pieces made (whole documents cut), so
 * far (for tests). */
extern unsigned long checklist_pieces_redumped, checklist_pieces_builds;

/* ---------------------------------- a response read (response_twice.c) */

/* Each section, provision and question of CL given once under its
 * parent in DOC (a response read from NAME); else CHECKLIST_ERR_DAMAGED
 * naming both lines. Elements CL does not know are not looked at. */
checklist_status checklist_response_check_twice(const struct checklist *cl,
    xmlDocPtr doc, const char *name, struct checklist_error *err);

/* ---------------------------------------------- responses (path.c) */

/* The instance element of group G in R, creating it when missing. */
xmlNodePtr checklist_group_node(struct checklist_response *r,
    const struct checklist_group *g);
/* The same, never made: NULL when absent. */
xmlNodePtr checklist_group_node_found(struct checklist_response *r,
    const struct checklist_group *g);
/* Forget the groups' elements kept on R (its document is being
 * replaced or freed). */
void checklist_group_nodes_forget(struct checklist_response *r);
/* The root's <conflicts> (the list of a merge's conflicts), or NULL:
 * found in the walk of the root's children that keeps the groups'
 * elements, not by a walk of its own at each value given. */
xmlNodePtr checklist_conflicts_found(struct checklist_response *r);
/* The root's <conflicts> is LIST now (made, or NULL: removed). */
void checklist_conflicts_kept(struct checklist_response *r, xmlNodePtr list);
/* Question ID of group G (UP NULL) or of list UP, or NULL, from the
 * checklist's index (a scan for a path too long for its key). */
const struct checklist_question *checklist_question_named(
    const struct checklist *cl, const struct checklist_group *g,
    const struct checklist_question *up, const char *id);
/* The element of Q, a page-level question of G, under G's element NODE,
 * never made (NULL: absent), kept as value paths keep it; and EL, just
 * made there for Q (the skeleton), told as its element. */
xmlNodePtr checklist_question_node_found(struct checklist_response *r,
    const struct checklist_group *g, xmlNodePtr node,
    const struct checklist_question *q);
void checklist_question_node_made(struct checklist_response *r,
    const struct checklist_group *g, const struct checklist_question *q,
    xmlNodePtr el);
/* Forget the element kept for Q, a page-level question: a change touched
 * it, and another may have taken its place (checklist_touch, an undo). */
void checklist_question_node_forget(struct checklist_response *r,
    const struct checklist_question *q);
/* Put DOC (taken) in place of R's document, which is freed, with what
 * was kept about it forgotten: the one way to replace a document. */
void checklist_response_replace_doc(struct checklist_response *r,
    xmlDocPtr doc);
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
/* The same for LEN bytes of DATA named NAME (only its last component
 * is used), e.g. a package's embedded attachment. */
checklist_status checklist_attach_prepare_bytes(struct checklist_response *r,
    xmlNodePtr el, const char *name, const char *data, size_t len,
    struct checklist_attach_copy *c, struct checklist_error *err);
/* Write the copy C prepared (atomically, never over another file). */
checklist_status checklist_attach_commit(struct checklist_response *r,
    const struct checklist_attach_copy *c, struct checklist_error *err);
void checklist_attach_copy_free(struct checklist_attach_copy *c);
/* The SHA-256 of DATA as 64 lower-case hex digits (nettle); the one
 * helper for checksums, shared with the secretariat's store. */
void checklist_sha256_hex(const char *data, size_t len, char out[65]);
/* The same for the bytes given to CTX (nettle's sha256_update) so far. */
struct sha256_ctx;
void checklist_sha256_digest_hex(struct sha256_ctx *ctx, char out[65]);
/* Free what checklist_response_set_file() hung on R. */
void checklist_attach_forget(struct checklist_response *r);

/* ------------------------------------------------------ misc (model.c) */

void checklist_text_add(struct checklist_text *t, const char *lang,
    const char *str);
/* The same, taking STR (malloc'd) rather than copying it. */
void checklist_text_take(struct checklist_text *t, const char *lang,
    char *str);
void checklist_text_free(struct checklist_text *t);
void checklist_question_free(struct checklist_question *q);
struct checklist_question *checklist_question_clone(
    const struct checklist_question *q);
/* A provision's question made from PROTO (a template's, owned by the
 * checklist): borrows its texts, choices, rules and expressions; see
 * struct checklist_question's SHARED. Free with checklist_question_free. */
struct checklist_question *checklist_question_share(
    struct checklist_question *proto);
/* The question type named S, or -1. */
int checklist_qtype_parse(const char *s);

/* The text of "other" without "other" chosen: refused by a single set
 * and by a batch on its final state (it would be sent unseen). */
#define CHECKLIST_OTHER_NOT_CHOSEN "the text of \"other\" is given, but " \
	"\"other\" is not chosen: choose it too (or leave the text out)"
bool checklist_path_has_other(const char *value);
/* The first child element of PARENT named NAME, or NULL. */
xmlNodePtr checklist_child_named(xmlNodePtr parent, const char *name);
/* The same, looked for from FROM (a child of PARENT, or NULL) on, then
 * from the first child up to FROM: a walk asking for PARENT's children
 * in their order, each time from the one found before, finds each at
 * once. A response has one element of a name under one parent
 * (checklist_response_twice.c), the one found either way. */
xmlNodePtr checklist_child_named_from(xmlNodePtr parent, const char *name,
    xmlNodePtr from);
/* The elements of the groups under ROOT (a document's root element),
 * found as checklist_group_el_under() finds them, in one walk: a table
 * from a group's id to its element, for a walk of every group of a
 * document other than the response's own. Caller frees with
 * xmlHashFree(H, NULL). */
xmlHashTablePtr checklist_group_els(xmlNodePtr root,
    const struct checklist *cl);
/* The element of group G under ROOT (a document's root element), by the
 * ids of G and the groups above it, as checklist_group_node() finds it
 * but never made and not kept: NULL when absent. For documents other
 * than a response's own (a copy, the one before, an old cycle's). */
xmlNodePtr checklist_group_el_under(xmlNodePtr root,
    const struct checklist_group *g);
/* A change of the answer at EL (the element of Q, or of the repeat Q
 * when entries change) ends its "to review" mark (checklist_carry.c):
 * removes @review from EL and its ancestors (one above Q's page-level
 * element is told to the undo as touching all). */
void checklist_review_drop(struct checklist_response *r,
    const struct checklist_question *q, xmlNodePtr el);
/* The value (or with OTHER the "other" text) of element EL; borrowed. */
const char *checklist_path_value(xmlNodePtr el, bool other);

/* ------------------------------------ answers as a flat list (diff.c) */

/* One value of a response document, by its value path. */
struct checklist_flat_item {
	char *path, *group, *value;
	char *other, *sha256; /* the attributes, or NULL */
	xmlNodePtr el;        /* borrowed from the document walked */
};
struct checklist_flat {
	size_t n;
	struct checklist_flat_item *v; /* in document order */
	xmlNodePtr root;               /* the <response> walked; borrowed */
};
/* Every value under ROOT (a <response>), without a definition. */
void checklist_flat_read(xmlNodePtr root, struct checklist_flat *out);
void checklist_flat_free(struct checklist_flat *f);
/* checklist_diff_compare on lists already read. */
void checklist_diff_flat(const struct checklist_flat *of,
    const struct checklist_flat *nf, struct checklist_diff *out);

#endif /* SACL_CHECKLIST_INTERNAL_H */

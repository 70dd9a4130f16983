/*
 * checklist.h: the model room's one public header.
 *
 * The model of a checklist definition (sections, provisions, questions,
 * choices, multilingual texts), its secure loader, the response document
 * that holds the answers (an XForms-like XML instance: one element per
 * question, nested like the definition), validation of a value against
 * its question, relevance and constraints evaluated as XPath 1.0 by
 * libxml2, progress, and saving a response file safely.
 *
 * This room knows no curses, no zlib and no SQLite, and never prints:
 * every function that can fail for a reason a user can cause returns a
 * checklist_status and fills a struct checklist_error.
 *
 * Ownership: a struct checklist owns every group, question, choice and
 * text reachable from it; they live until checklist_free(). A response
 * borrows its checklist (which must outlive it) and owns its document.
 * Strings returned as `const char *` are borrowed from their owner;
 * strings returned as `char *` belong to the caller (free()).
 */
#ifndef SACL_CHECKLIST_H
#define SACL_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "checklist/checklist_limits.h"
#include "checklist/sacl_i18n.h"

/* ---------------------------------------------------------------- errors */

typedef enum checklist_status {
	CHECKLIST_OK = 0,
	CHECKLIST_ERR_IO,        /* could not read or write a file */
	CHECKLIST_ERR_TOO_BIG,   /* an input over its size cap */
	CHECKLIST_ERR_PARSE,     /* not well-formed, DOCTYPE, entity */
	CHECKLIST_ERR_SCHEMA,    /* does not validate against the XSD */
	CHECKLIST_ERR_SEMANTIC,  /* duplicate id, unknown template, cycle... */
	CHECKLIST_ERR_NOT_FOUND, /* unknown checklist id, question id */
	CHECKLIST_ERR_VALUE,     /* a value not valid for its question */
	CHECKLIST_ERR_LOCKED,    /* another process holds the response */
	CHECKLIST_ERR_DAMAGED,   /* a response file that cannot be read */
} checklist_status;

/*
 * One error: where (file, line, column; 0 when unknown) and what.
 * checklist_error_text() gives "FILE:LINE:COL: message" (or the shorter
 * forms when line or column is unknown), the form users see.
 */
struct checklist_error {
	checklist_status status;
	char file[512];
	int line;
	int column;
	char message[1024];
	char text[1600]; /* filled by checklist_error_text() */
};

/* Clear ERR to "no error". ERR may be NULL (then nothing happens). */
void checklist_error_clear(struct checklist_error *err);
/* Set ERR (unless it already holds an error: the first error wins).
 * FILE may be NULL. Returns STATUS, so that callers can `return` it. */
checklist_status checklist_error_set(struct checklist_error *err,
    checklist_status status, const char *file, int line, int column,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Overwrite ERR whatever it held (for retries that supersede). */
checklist_status checklist_error_reset(struct checklist_error *err,
    checklist_status status, const char *file, int line, int column,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* "FILE:LINE:COL: message"; borrowed from ERR. */
const char *checklist_error_text(struct checklist_error *err);

/* ----------------------------------------------------------------- texts */

/* A text in several languages (label, hint, help, title). */
struct checklist_text {
	size_t n;
	char **lang; /* BCP 47 tags, as in xml:lang */
	char **str;
};

/* The text in LANG, else in the checklist's default language DEFLANG,
 * else the first one, else "". Borrowed. LANG and DEFLANG may be NULL. */
const char *checklist_text_get(const struct checklist_text *t,
    const char *lang, const char *deflang);

/* -------------------------------------------------------------- the model */

enum checklist_qtype {
	CHECKLIST_Q_BOOLEAN,  /* "yes" / "no" */
	CHECKLIST_Q_SINGLE,   /* one choice value */
	CHECKLIST_Q_MULTIPLE, /* choice values separated by one space */
	CHECKLIST_Q_TEXT,     /* one line */
	CHECKLIST_Q_LONGTEXT, /* several lines */
	CHECKLIST_Q_INTEGER,
	CHECKLIST_Q_DECIMAL,
	CHECKLIST_Q_DATE,     /* YYYY-MM-DD */
	CHECKLIST_Q_FILE,     /* a path to a file to attach */
	CHECKLIST_Q_REPEAT,   /* a list of entries of child questions */
};

enum checklist_level {
	CHECKLIST_LEVEL_NONE,      /* front matter, no obligation */
	CHECKLIST_LEVEL_MANDATORY, /* "shall" */
	CHECKLIST_LEVEL_CONSIDER,  /* "shall consider" / "endeavour" */
	CHECKLIST_LEVEL_OPTIONAL,  /* "may", illustrative lists */
};

enum checklist_gkind {
	CHECKLIST_G_FRONT,     /* the front section: asked once */
	CHECKLIST_G_SECTION,   /* an article */
	CHECKLIST_G_PROVISION, /* a paragraph, or a lettered item in one */
};

/* The value a choice question stores when "other" is chosen; the text
 * the user specified lives in the element's `other` attribute. */
#define CHECKLIST_OTHER "other"

/* Longest values, most entries of a list: see checklist_limits.h. */

struct checklist_choice {
	char *value; /* an XML NMTOKEN */
	struct checklist_text label;
};

struct checklist_group;

/*
 * A question's shorthand rules, its attributes min, max, min-length,
 * max-length and pattern: checked with its type by checklist_value_check
 * (so the forms, the command line and export all apply them), each with
 * a default message in the user's language unless the question has a
 * <message>. The loader checks that they fit the question's type.
 */
struct checklist_limits {
	char *min, *max;   /* bounds of a number or a date (inclusive), or NULL */
	size_t min_length; /* in characters (not bytes); 0 when absent */
	size_t max_length;
	char *pattern;     /* an XML Schema regular expression matched against
	                    * the whole value, or NULL */
	void *regexp;      /* PATTERN compiled (libxml2's xmlRegexp) */
};

struct checklist_question {
	char *id;   /* local id, an NCName: the element name in the instance */
	char *path; /* public id: "PROVISION/QUESTION", repeat children
	             * "PROVISION/REPEAT/CHILD" (entries: "REPEAT[N]") */
	enum checklist_qtype type;
	struct checklist_text label, hint, constraint_msg;
	bool required;
	bool other;            /* choice questions: "other, please specify" */
	char *relevant;        /* XPath 1.0 or NULL */
	char *constraint;      /* XPath 1.0 or NULL */
	char *default_value;   /* or NULL */
	char *role;            /* what it means to the program (see
	                        * checklist_role()), or NULL */
	struct checklist_limits limits;
	size_t nchoices;
	struct checklist_choice *choices;
	size_t nchildren;      /* repeat: the questions of one entry */
	struct checklist_question **children;
	struct checklist_question *parent; /* the repeat holding it, or NULL */
	struct checklist_group *group;     /* the group holding it */
	int line;                          /* in the definition file */
	int template_line; /* the line of the <template> it was written in
	                    * (its children too), 0 when written in place */
	/* A question a provision takes from a template: SHARED is the
	 * template's question (owned by the checklist, one for every
	 * provision asking it, freed by checklist_free()) and this
	 * question borrows its id, texts, choices, rules and compiled
	 * expressions. Its own: PATH, GROUP, PARENT, CHILDREN (the array
	 * and the child questions, which borrow from SHARED's children)
	 * and PRIV. NULL for a question written in place. */
	struct checklist_question *shared;
	void *priv;                        /* the model's compiled XPath */
};

struct checklist_group {
	enum checklist_gkind kind;
	char *id;     /* an NCName: the element name in the instance */
	char *number; /* "9", "9.1", "9.1(a)"; NULL for the front section */
	struct checklist_text title, help;
	enum checklist_level level;
	char *theme;    /* or NULL */
	char *relevant; /* XPath 1.0 or NULL */
	size_t nquestions;
	struct checklist_question **questions;
	size_t nchildren; /* sections hold provisions; provisions items */
	struct checklist_group **children;
	struct checklist_group *parent;
	int depth; /* 0 for sections and front, 1 for provisions, 2 items */
	int line;
	void *priv;
};

struct checklist {
	char *id;
	char *version;
	char *default_lang;
	size_t nlanguages;
	char **languages; /* the languages the texts are given in */
	struct checklist_text title, description;
	char *source; /* the file it was loaded from */
	char sha256[65]; /* SHA-256 of the definition's bytes as loaded, 64
	                  * lower-case hex digits: which definition it is */
	struct checklist_group *front; /* or NULL */
	size_t nsections;
	struct checklist_group **sections;
	/* Every group that holds questions, in reading order: the front
	 * section, then each provision and its items. Navigation walks this. */
	size_t npages;
	struct checklist_group **pages;
	/* Every question in reading order, repeat children included. */
	size_t nall;
	struct checklist_question **all;
	/* What the loader found legal but surely not meant (a template no
	 * provision uses, a section that asks nothing...), in the order
	 * found: status CHECKLIST_OK, FILE:LINE and message, shown with
	 * checklist_error_text(). Loading succeeds with warnings. */
	size_t nwarnings;
	struct checklist_error *warnings;
	void *priv;
};

/* Caps on what the loader accepts (a definition not bundled is
 * untrusted): CHECKLIST_DEFINITION_MAX, CHECKLIST_RESPONSE_MAX and the
 * others in checklist_limits.h. */

/* Load and check the definition in FILE (see doc/checklist-format.md):
 * bounded read, safe parse, the embedded XSD, then semantic checks.
 * On success *OUT is a checklist to free with checklist_free(). */
checklist_status checklist_load_file(const char *file, struct checklist **out,
    struct checklist_error *err);
/* The same from bytes; NAME is used in messages. */
checklist_status checklist_load_memory(const char *buf, size_t len,
    const char *name, struct checklist **out, struct checklist_error *err);
/* ARG is a file path (it contains a '/' or ends in ".xml") or the id of a
 * bundled checklist, looked up in the data folders (see
 * checklist_data_path). */
checklist_status checklist_load(const char *arg, struct checklist **out,
    struct checklist_error *err);
void checklist_free(struct checklist *cl);
/* Is every condition of CL cheap enough on the largest response the caps
 * allow (checklist_limits.h: CHECKLIST_XPATH_OPS_MAX for one evaluation,
 * CHECKLIST_XPATH_WORK_MAX at all its instances)? Else an error naming
 * the question or group. Costs up to a second: for `sacl validate`, not
 * for every load (each evaluation is bounded anyway). */
checklist_status checklist_cost_check(const struct checklist *cl,
    struct checklist_error *err);

/* The path of the bundled file NAME (e.g. "uncac-chapter2.xml"): the
 * folder in $SACL_DATADIR, beside the executable's data/, the installed
 * data folder, then the source tree's. Caller frees; NULL if none. */
char *checklist_data_path(const char *name);

/* The id of the bundled checklist used when none is named. */
#define CHECKLIST_DEFAULT_ID "uncac-chapter2"

/* Look-ups; NULL when absent. */
struct checklist_question *checklist_find_question(const struct checklist *cl,
    const char *path);
struct checklist_group *checklist_find_group(const struct checklist *cl,
    const char *id);

const char *checklist_qtype_name(enum checklist_qtype t);  /* "boolean"... */
const char *checklist_level_name(enum checklist_level l); /* "mandatory"... */
/* Count provisions (groups of kind PROVISION, items included). */
size_t checklist_count_provisions(const struct checklist *cl);

/* ------------------------------------------------------ value validation */

/*
 * Is TEXT a valid value for Q by its type and its shorthand rules
 * (struct checklist_limits; not its constraint, which needs the
 * response)? "" is always valid (no answer). On failure fills
 * ERR (status CHECKLIST_ERR_VALUE) with a message for the user. This is
 * the one place where a value's validity is decided: the forms and the
 * command line call it.
 */
checklist_status checklist_value_check(const struct checklist_question *q,
    const char *text, struct checklist_error *err);
/* The same, with the messages of shorthand rules (struct
 * checklist_limits) in LANG (a BCP 47 tag; NULL: English) unless the
 * question has a <message>. */
checklist_status checklist_value_check_lang(const struct checklist_question *q,
    const char *text, const char *lang, struct checklist_error *err);
/* Put TEXT in canonical form (multiple choice: commas or spaces become
 * one space, order of the definition; boolean: "yes"/"no" from y/n/true/
 * false/1/0; trims spaces around one-line values). Caller frees. */
char *checklist_value_normalize(const struct checklist_question *q,
    const char *text);

/* ------------------------------------------------------------- responses */

struct checklist_response {
	const struct checklist *cl;
	xmlDocPtr doc;   /* root <response>; see doc/response-format.md */
	char *lang;      /* the language the user answers in */
	unsigned long changes; /* bumped by every successful change */
	void *priv;      /* the model's: the file it is kept in */
	void *cache;     /* the model's: progress kept between changes */
	void *gnodes;    /* the model's: the groups' elements, once found */
	void *touched;   /* the undo history's (checklist_undo_new() hangs
	                  * it, _free() takes it off): what changes touched
	                  * since its last note; NULL without a history */
	void *pieces;    /* the model's: the last save's bytes, in pieces */
};

/* A new response to CL: the skeleton instance, defaults filled in. */
struct checklist_response *checklist_response_new(const struct checklist *cl);
/* Read a response from bytes (NAME for messages). The checklist it names
 * must be CL (id; a different version is accepted when its questions
 * still resolve: missing elements are added; unknown ones are kept in
 * the document, never read, and not exported). A section, provision or
 * question given twice under one parent is refused (CHECKLIST_ERR_DAMAGED,
 * both lines named). */
checklist_status checklist_response_parse(const struct checklist *cl,
    const char *buf, size_t len, const char *name,
    struct checklist_response **out, struct checklist_error *err);
/* The same from a document already parsed (the answers of a package, not
 * parsed again): DOC is taken (freed when refused); the caps of a
 * response's parse that DOC's own parse did not apply (the number of
 * elements) are checked on it. */
checklist_status checklist_response_adopt(const struct checklist *cl,
    xmlDocPtr doc, const char *name, struct checklist_response **out,
    struct checklist_error *err);
/* The checklist id a response file names, without loading it. Caller
 * frees. */
checklist_status checklist_response_peek_checklist(const char *file,
    char **id, struct checklist_error *err);
/* The same, and the definition file the response was made with (its
 * root attribute checklist-source, or NULL when absent). The document
 * parsed is kept (until the next peek) for the load of the same bytes
 * that follows (checklist_response_load), which does not parse again. */
checklist_status checklist_response_peek(const char *file, char **id,
    char **source, struct checklist_error *err);
/* Remember R's checklist file (realpath of R->cl->source) in R's root
 * attribute checklist-source, so that later commands find it; true when
 * that changed (the caller saves). */
bool checklist_response_remember_source(struct checklist_response *r);
/* R is being filled in language LANG (a BCP 47 tag, copied): R->lang and
 * the root's attribute lang; rule messages follow it. True when that
 * changed (the caller saves). */
bool checklist_response_set_lang(struct checklist_response *r,
    const char *lang);
void checklist_response_free(struct checklist_response *r);
/* Serialise to memory (UTF-8, indented). Caller frees *BUF. */
checklist_status checklist_response_serialize(struct checklist_response *r,
    char **buf, size_t *len, struct checklist_error *err);
/* DOC serialised as xmlDocDumpFormatMemoryEnc(DOC, .., "UTF-8", FORMAT)
 * does, byte for byte, faster (checklist_dump.c). *BUF (caller frees)
 * ends with a NUL not counted in *LEN. */
checklist_status checklist_doc_dump(xmlDocPtr doc, bool format, char **buf,
    size_t *len);
/* A test aid (SACL_CHECK_SAVES=1, doc/sacl.1): when set, every save that
 * a response's pieces make (checklist_pieces.c) is compared with the
 * whole serialisation; a difference is counted in
 * checklist_save_mismatches and the whole is written instead. */
extern bool checklist_save_check;
extern unsigned long checklist_save_mismatches;

/*
 * Values are named by a question path with entry indexes where a repeat
 * is crossed: "p9_1/status", "p9_1/measures[2]/title" (1-based). The
 * "other" text of a choice question is "PATH:other".
 */
/* The stored value, "" when unanswered, NULL when PATH names nothing.
 * Borrowed until the next change. */
const char *checklist_response_get(struct checklist_response *r,
    const char *path);
/* Check (type, then constraint against the response) and store VALUE
 * (normalised); "" clears the answer. Creates repeat entries up to the
 * index named. On failure nothing changes. Two rules hold for every
 * caller (the command line, --from, the forms):
 * - a choice value without "other" clears the "other" text;
 * - a file question's VALUE is a path to a file, resolved from the
 *   current folder, which is taken in at once: checked (a regular file
 *   that can be read, within CHECKLIST_ATTACH_FILE_MAX and, with the
 *   other files taken in, CHECKLIST_ATTACH_TOTAL_MAX), copied into the
 *   response's attachment folder (checklist_attach_dir) under a name no
 *   other file has, and stored as that copy's path relative to the
 *   response's folder, with its SHA-256 in the attribute sha256. This
 *   needs checklist_response_set_file() first. VALUE equal to the value
 *   stored already changes nothing. */
checklist_status checklist_response_set(struct checklist_response *r,
    const char *path, const char *value, struct checklist_error *err);
/*
 * Set N values at once (PATHS[i] to VALUES[i]), all or nothing, so that
 * the order of the assignments does not matter. Each value is checked by
 * its type and stored in turn (as by checklist_response_set: normalised,
 * files taken in, entries made); then the constraints are checked on the
 * final state: the constraint of every question the batch stored, and
 * every other constraint that held before the batch and fails after it
 * (it reads a value the batch changed). A constraint that failed before
 * and still fails, on a question not set, is left to export, as it is
 * in the terminal interface. On any failure R is as it was (files taken
 * in stay in the attachment folder, unused) and ERR's message has one
 * line "PATH: reason" for each failure, '\n' between lines (PATH
 * escaped as by checklist_escape; as many lines as fit). Cost: a copy of
 * the document and two evaluations of every constraint of the response.
 */
checklist_status checklist_response_set_all(struct checklist_response *r,
    const char *const *paths, const char *const *values, size_t n,
    struct checklist_error *err);
/* Tell R the file it is kept in (FILE as named: absolute, or relative
 * to the current folder, which is made absolute now). Whoever opens a
 * response to change it calls this once, before any set. */
void checklist_response_set_file(struct checklist_response *r,
    const char *file);
/* The absolute folder of R's file; NULL before set_file. Borrowed. */
const char *checklist_response_dir(const struct checklist_response *r);
/* Is "other" chosen at PATH (a choice question that allows it) while its
 * text is empty? Such an answer is a required answer missing, whether
 * the question itself is required or not. */
bool checklist_response_other_missing(struct checklist_response *r,
    const char *path);
/* Repeat entries: count, append (returns the new 1-based index), remove,
 * move (entry FROM to position TO). REPEAT is the repeat's path with
 * indexes of outer repeats, e.g. "p9_1/measures". */
size_t checklist_response_entries(struct checklist_response *r,
    const char *repeat);
checklist_status checklist_response_add_entry(struct checklist_response *r,
    const char *repeat, size_t *index, struct checklist_error *err);
checklist_status checklist_response_remove_entry(struct checklist_response *r,
    const char *repeat, size_t index, struct checklist_error *err);
checklist_status checklist_response_move_entry(struct checklist_response *r,
    const char *repeat, size_t from, size_t to, struct checklist_error *err);

/* Is the question at PATH relevant now (its own condition and those of
 * every group and repeat above it)? PATH as for _get. */
bool checklist_response_relevant(struct checklist_response *r,
    const char *path);
bool checklist_response_group_relevant(struct checklist_response *r,
    const struct checklist_group *g);
/* Does the stored value at PATH satisfy its type and constraint? On
 * false, ERR says why. */
bool checklist_response_valid(struct checklist_response *r, const char *path,
    struct checklist_error *err);

/* The value path last visited in `sacl fill` (root attribute `resume`),
 * or NULL when none or it names nothing now. Caller frees. */
char *checklist_response_resume(struct checklist_response *r);
/* Remember PATH as the place to reopen at; true when it changed (the
 * caller saves). Not a change of the answers. */
bool checklist_response_set_resume(struct checklist_response *r,
    const char *path);

/* ------------------------------------------------------------------ roles */
/*
 * What a question means to the program (the State, consent, a
 * provision's status...) is declared in the definition by the attribute
 * role (doc/checklist-format.md), never by an id fixed in code. The
 * loader checks each role's place, uniqueness and type:
 * - front roles, once per checklist, on questions of the front section;
 * - contact roles, once each, on the questions of the entry of the
 *   repeat whose role is "contacts";
 * - provision roles, once per provision (a template's role is every
 *   provision's that uses it).
 */
#define CHECKLIST_ROLE_STATE "state"                 /* single */
#define CHECKLIST_ROLE_CONSENT "consent"             /* boolean */
#define CHECKLIST_ROLE_FP_NAME "focal-point-name"    /* text */
#define CHECKLIST_ROLE_FP_TITLE "focal-point-title"
#define CHECKLIST_ROLE_FP_ORG "focal-point-organization"
#define CHECKLIST_ROLE_FP_EMAIL "focal-point-email"
#define CHECKLIST_ROLE_FP_PHONE "focal-point-phone"
#define CHECKLIST_ROLE_CONTACTS "contacts"           /* repeat */
#define CHECKLIST_ROLE_CONTACT_NAME "contact-name"   /* text, in contacts */
#define CHECKLIST_ROLE_CONTACT_TITLE "contact-title"
#define CHECKLIST_ROLE_CONTACT_ORG "contact-organization"
#define CHECKLIST_ROLE_CONTACT_EMAIL "contact-email"
#define CHECKLIST_ROLE_CONTACT_PHONE "contact-phone"
#define CHECKLIST_ROLE_STATUS "status"               /* single */
#define CHECKLIST_ROLE_MEASURES "measures"           /* repeat */
#define CHECKLIST_ROLE_GOOD_PRACTICE "good-practice" /* boolean */
#define CHECKLIST_ROLE_GOOD_PRACTICE_TEXT "good-practice-text"
#define CHECKLIST_ROLE_TA_NEEDED "ta-needed"         /* boolean */
#define CHECKLIST_ROLE_TA_FORMS "ta-forms"           /* multiple */
#define CHECKLIST_ROLE_TA_RECEIVED "ta-received"
#define CHECKLIST_ROLE_CHALLENGES "challenges"       /* multiple */
#define CHECKLIST_ROLE_EXAMPLES "examples"
#define CHECKLIST_ROLE_STEPS "steps"
#define CHECKLIST_ROLE_TIMELINE "timeline"
/* The authority that can assist other States (UNCAC 6.3): text or
 * longtext, on a provision's questions. */
#define CHECKLIST_ROLE_AUTH_NAME "authority-name"
#define CHECKLIST_ROLE_AUTH_ADDRESS "authority-address"
#define CHECKLIST_ROLE_AUTH_CONTACT "authority-contact"

/* The question that has ROLE: with G NULL, a front or contact role of
 * CL; else a provision role in provision G (its own questions). NULL
 * when no question has it. */
const struct checklist_question *checklist_role(const struct checklist *cl,
    const struct checklist_group *g, const char *role);

/* -------------------------------------------- carry forward and review */
/*
 * `sacl fill --from LAST`: the answers of a previous cycle (a response,
 * or the answers of a package, as a raw <response> element: possibly of
 * an older version of the checklist) put into a new response R, matched
 * by question id within the group path (front/art9/p9_1 ... status;
 * repeats entry by entry). Each value is normalised and checked against
 * R's checklist (checklist_value_check: type, choices, shorthand rules);
 * what no longer fits is not taken and listed with the reason, never
 * dropped silently. Constraints are not checked here (a value read from
 * a file never is): a failing one shows as an invalid answer, as for any
 * response read. Each answer taken marks its question element (a repeat:
 * the repeat's element) with review="last-cycle" (doc/response-format.md)
 * until it is confirmed (checklist_review_confirm) or changed (any set,
 * entry added, removed or moved drops the mark).
 */
#define CHECKLIST_ATTR_REVIEW "review"
#define CHECKLIST_REVIEW_LAST "last-cycle"

/* An answer of the last cycle not taken: its value path, its value as it
 * was (untrusted: sanitise before showing), and why. */
struct checklist_carry_skip {
	char *path, *value, *reason;
};
struct checklist_carry {
	size_t taken;    /* values taken (an "other" text counts with its
	                  * choice; a repeat entry's values each) */
	size_t marked;   /* questions marked to review */
	size_t nskipped;
	struct checklist_carry_skip *skipped;
};
/* Supplies the bytes of the attachment that the last cycle's file
 * answer at PATH names (VALUE: its value there): false when there are
 * none (a response file: attachments come only from a package). DATA and
 * NAME are borrowed until the next call. */
typedef bool (*checklist_carry_file_fn)(void *arg, const char *path,
    const char *value, const char **data, size_t *len, const char **name);

/* Read the response file FILE as it stands, without a definition (for
 * carry forward and diff: it may be of another version): bounded read
 * (CHECKLIST_RESPONSE_MAX), the safe parser with the caps of a response;
 * its root must be <response checklist="...">. Caller frees *DOC
 * (xmlFreeDoc). */
checklist_status checklist_response_read_raw(const char *file,
    xmlDocPtr *doc, struct checklist_error *err);
/* The checklist id and version a <response> element ROOT names ("?"
 * when absent; untrusted: sanitise before showing). Caller frees. */
void checklist_response_names(xmlNodePtr root, char **id, char **version);

/* Carry LAST (the root <response> of a previous cycle's answers, which
 * must name R's checklist id) into R, which must hold no answer yet
 * (else CHECKLIST_ERR_VALUE and R unchanged) and know its file
 * (checklist_response_set_file) when files are carried. FILE may be
 * NULL (no attachment is carried). OUT is filled (free with
 * checklist_carry_free). */
checklist_status checklist_carry_apply(struct checklist_response *r,
    xmlNodePtr last, checklist_carry_file_fn file, void *arg,
    struct checklist_carry *out, struct checklist_error *err);
void checklist_carry_free(struct checklist_carry *c);
/* Does R hold any answer (a value, an "other" text, an entry)? */
bool checklist_response_has_answers(struct checklist_response *r);

/* Is the answer to Q (a question of a page, not a repeat's child) marked
 * to review? PATH as for _get (Q's path when not inside a repeat). The
 * rule is the marks reader's (checklist_marks_get): review="last-cycle"
 * only. */
bool checklist_review_marked(struct checklist_response *r, const char *path);
/* Confirm it: remove the mark; true when there was one (a change: note
 * it for undo and save). */
bool checklist_review_confirm(struct checklist_response *r, const char *path);
/* The answers marked to review: in all R, or in page G only. */
size_t checklist_review_count(struct checklist_response *r,
    const struct checklist_group *g);
/* The first question marked to review after question AFTER (NULL: from
 * the start), in reading order, wrapping around; NULL when none. */
const struct checklist_question *checklist_review_next(
    struct checklist_response *r, const struct checklist_question *after);

/* ------------------------------------------------------------------ diff */
/*
 * Compare the answers of two responses (or packages' answers), given as
 * their raw root <response> elements, value by value: each element
 * without element children is a value, named by its value path (the
 * group's id, the question's id, entries numbered: "p9_1/status",
 * "p9_1/measures[2]/title"), so that two versions of a checklist, or two
 * checklists, are compared by question id. An "other" text is part of
 * its value; a file compares by its recorded SHA-256 when both have one,
 * else by the last component of its value (a package holds the
 * attachment's name, a response the copy's path).
 */
enum checklist_diff_kind {
	CHECKLIST_DIFF_ADDED, CHECKLIST_DIFF_CHANGED, CHECKLIST_DIFF_REMOVED,
};
struct checklist_diff_item {
	enum checklist_diff_kind kind;
	char *path;   /* value path */
	char *group;  /* the id of the group holding it */
	char *old_value, *new_value; /* "" when none; an "other" text as
	                              * "VALUE (other: TEXT)" */
};
struct checklist_diff {
	size_t n;
	struct checklist_diff_item *v; /* in NEW's order, then removals */
};
void checklist_diff_compare(xmlNodePtr old_root, xmlNodePtr new_root,
    struct checklist_diff *out);
void checklist_diff_free(struct checklist_diff *d);
/* The value at value path PATH in the raw <response> ROOT, named as the
 * diff names values, or NULL when none is there. Caller frees. */
char *checklist_raw_value(xmlNodePtr root, const char *path);
const char *checklist_diff_kind_name(enum checklist_diff_kind k);

/* ------------------------------------------------------------------ undo */
/*
 * The history of a response's changes, for taking them back one by one
 * (the terminal interface's undo). It borrows R, which must outlive it,
 * and hangs on R->touched the record of what R's changes touch (taken
 * off by checklist_undo_free(); one history per response). It owns one
 * copy of R's document as last noted and, for each of up to DEPTH
 * steps, only what the step changed as it was before: the elements of
 * the questions a change touched (a page's question, a list with its
 * entries), the root's attributes, or the whole document for a change
 * the model could not localise. Call checklist_undo_note() after
 * changes (any number of them since the last note make one step).
 */
struct checklist_undo;
struct checklist_undo *checklist_undo_new(struct checklist_response *r,
    size_t depth);
void checklist_undo_free(struct checklist_undo *u);
void checklist_undo_note(struct checklist_undo *u);
/* Steps that can be taken back. */
size_t checklist_undo_count(const struct checklist_undo *u);
/* The nodes (elements, attributes, texts) the steps keep, beside the one
 * copy of the document: for tests and measures of what the history
 * costs. */
size_t checklist_undo_held(const struct checklist_undo *u);
/* Put the response back as it was before its last noted change (a change
 * not yet noted is the one taken back), byte for byte. False when there
 * is none. The caller saves, as after any change. */
bool checklist_undo_step(struct checklist_undo *u);

/* ------------------------------------------------------------ attachments */

/* Caps on attached files (CHECKLIST_ATTACH_FILE_MAX, _TOTAL_MAX): see
 * checklist_limits.h. */
/* The attribute of a file question's element holding the SHA-256 (64
 * lower-case hex digits) of the copy its value names. */
#define CHECKLIST_ATTR_SHA256 "sha256"

/* The one rule for where a response's files live: the folder
 * RESPONSE.files beside the response file RESPONSE ("answers.xml" keeps
 * its files in "answers.xml.files/"). Caller frees. */
char *checklist_attach_dir(const char *response_file);
/* Read the copy that the file question at PATH names (its value is
 * relative to BASE_DIR, or to R's folder when BASE_DIR is NULL), at most
 * MAX bytes, and check it against its recorded SHA-256. A value never
 * taken in (no checksum), a missing copy, a changed one: an error whose
 * message says which and what to do. Caller frees *BUF. */
checklist_status checklist_attach_read(struct checklist_response *r,
    const char *path, const char *base_dir, size_t max, char **buf,
    size_t *len, struct checklist_error *err);

/* ---------------------------------------------------------------- progress */

/* What the marks of a page say, decided in one place
 * (checklist_state_group); relevant questions only. */
enum checklist_state {
	CHECKLIST_STATE_NOT_STARTED,  /* untouched: no answer at all */
	CHECKLIST_STATE_PARTIAL,      /* some answers; a required one missing */
	CHECKLIST_STATE_INVALID,      /* an answer not valid: its constraint
	                               * fails, or its value no longer is */
	CHECKLIST_STATE_COMPLETE,     /* every required answer given and valid
	                               * (optional ones may be empty) */
	CHECKLIST_STATE_NOT_RELEVANT, /* nothing in it is asked now */
};

struct checklist_progress {
	size_t relevant;          /* relevant questions (repeat = one) */
	size_t answered;          /* of those, answered */
	size_t required;          /* relevant required questions, and
	                           * "other" chosen without its text */
	size_t required_answered;
	size_t invalid;           /* answered but no longer valid */
};

/* Progress of one group (a page: its own questions only; a section: its
 * provisions and items), and of the whole response. */
void checklist_progress_group(struct checklist_response *r,
    const struct checklist_group *g, struct checklist_progress *p);
/* Add SUB's counts to P. */
void checklist_progress_add(struct checklist_progress *p,
    const struct checklist_progress *sub);
void checklist_progress_all(struct checklist_response *r,
    struct checklist_progress *p);
/* The state of G: a page's from its own questions; an article's (or any
 * group without questions: a heading that only groups lettered items)
 * sums up the pages below it: any INVALID makes
 * it INVALID, all untouched NOT_STARTED, all complete COMPLETE, else
 * PARTIAL; pages not relevant are left out. */
enum checklist_state checklist_state_group(struct checklist_response *r,
    const struct checklist_group *g);
const char *checklist_state_name(enum checklist_state s);

/* ------------------------------------------------------------- workshops */
/*
 * Contributions, provenance and conflicts (doc/response-format.md, the
 * marks shared by merge, carry-forward and render): a response whose
 * root has `scope` (group ids, space-separated) is a contribution of
 * the agency in `agency`, not a submission. Answers merged by
 * checklist_merge() carry from-agency, from-file, from-time; values that
 * differ carry conflict="yes" and are listed in the root's last child
 * <conflicts>.
 */
#define CHECKLIST_ATTR_SCOPE "scope"
#define CHECKLIST_ATTR_AGENCY "agency"
#define CHECKLIST_ATTR_FROM_AGENCY "from-agency"
#define CHECKLIST_ATTR_FROM_FILE "from-file"
#define CHECKLIST_ATTR_FROM_TIME "from-time"
#define CHECKLIST_ATTR_CONFLICT "conflict"

/* The group ids of the articles (PROVISIONS false) or provisions named by
 * LIST, numbers separated by commas ("9,11", "9.1,9.2"), as one
 * space-separated string in *IDS (caller frees). An unknown number: an
 * error listing the valid ones. */
checklist_status checklist_scope_parse(const struct checklist *cl,
    const char *list, bool provisions, char **ids,
    struct checklist_error *err);
/* Record R as a contribution: scope IDS (NULL: keep), AGENCY (NULL:
 * keep). Not an answer (nothing to undo); the caller saves. */
void checklist_scope_set(struct checklist_response *r, const char *ids,
    const char *agency);
/* R's scope, agency (root attributes), NULL when none. Caller frees. */
char *checklist_scope_ids(struct checklist_response *r);
char *checklist_response_agency(struct checklist_response *r);
/* Is G (or a group above it) in R's scope? True when R has none. */
bool checklist_scope_has(struct checklist_response *r,
    const struct checklist_group *g);
/* Is the value PATH in R's scope (its question's group)? */
bool checklist_scope_path(struct checklist_response *r, const char *path);
/* "articles 9, 11" or "provisions 9.1, 9.2"; NULL without scope. Caller
 * frees. */
char *checklist_scope_describe(struct checklist_response *r);
/* Can R be exported as a submission? Not a contribution, no conflict
 * left; else ERR (CHECKLIST_ERR_VALUE) says which, NAME (R's file) in
 * the message. */
checklist_status checklist_response_submittable(struct checklist_response *r,
    const char *name, struct checklist_error *err);

/* One value a merge found for a conflicted path. */
struct checklist_candidate {
	char *value;  /* the value (a choice's "other" text apart) */
	char *other;  /* the "other" text, or NULL */
	char *agency, *file, *time; /* who gave it, each NULL when unknown */
};
struct checklist_conflict {
	char *path;   /* the value path: "p9_1/status" */
	size_t n;
	struct checklist_candidate *cand;
};
/* The conflicts recorded in R, in document order. Free with
 * checklist_conflicts_free(). */
size_t checklist_conflicts(struct checklist_response *r,
    struct checklist_conflict **out);
void checklist_conflicts_free(struct checklist_conflict *c, size_t n);
/* The conflicts of R in group G (its pages and theirs below). */
size_t checklist_conflicts_in(struct checklist_response *r,
    const struct checklist_group *g);
/* Is the element of PATH marked conflict="yes"? */
bool checklist_conflict_at(struct checklist_response *r, const char *path);
/* Settle the conflict at PATH: store VALUE and OTHER (NULL: none) as
 * checklist_response_set would (checked; the provenance FROM, NULL: the
 * user's own, is written on it) and remove the marks. One change. */
checklist_status checklist_conflict_settle(struct checklist_response *r,
    const char *path, const char *value, const char *other,
    const struct checklist_candidate *from, struct checklist_error *err);
/* Remove the conflict marks of the element EL of value PATH (a value
 * set by hand settles its conflict). */
void checklist_conflict_forget(struct checklist_response *r, xmlNodePtr el,
    const char *path);

/* One input of a merge: its response (borrowed), the basename of its
 * file, its time (ISO 8601 UTC) and agency (NULL: its root's). */
struct checklist_merge_input {
	struct checklist_response *r;
	const char *file;
	const char *time;
	const char *agency;
};
/* What a merge found besides the values: notes (one line each, e.g. an
 * entry removed), and the number of conflicts left unsettled. */
struct checklist_merge_result {
	size_t conflicts;
	size_t nnotes;
	char **notes;
};
void checklist_merge_result_free(struct checklist_merge_result *res);
/*
 * Merge the N inputs IN (responses to CL, none with conflicts left, of
 * CL's version) into OUT (a new response to CL). With BASE (may be
 * NULL): three-way, a value changed in one input is taken, changed
 * differently in two is a conflict; without: differing non-empty values
 * are conflicts. Repeat entries are matched by their first two one-line
 * answers (a law's title and reference) and merged as entries. PREFER
 * (an index into IN, or -1) settles every conflict where that input
 * gave a value. Every value taken keeps its provenance (from-*), or gets
 * its input's. Fails (nothing made) on inputs of other checklists.
 */
checklist_status checklist_merge(const struct checklist *cl,
    struct checklist_response *base, const struct checklist_merge_input *in,
    size_t n, int prefer, struct checklist_response **out,
    struct checklist_merge_result *res, struct checklist_error *err);
/* The files the answers of a merge OUT name (copies beside the inputs,
 * their absolute paths) taken into OUT's attachment folder, as sacl set
 * takes a file in; provenance kept. Needs checklist_response_set_file()
 * first. On failure ERR names the answer. */
checklist_status checklist_merge_take_files(struct checklist_response *out,
    struct checklist_error *err);

/* --------------------------------------------------------------- saving */

/*
 * Save R to FILE atomically (DESIGN.md §6): serialise in memory, write
 * FILE.tmp-XXXXXX in the same folder (mode 0600), fsync, close, link the
 * old FILE to FILE.bak, rename over FILE, fsync the folder. On any
 * failure FILE is untouched and ERR says what happened.
 */
checklist_status checklist_response_save(struct checklist_response *r,
    const char *file, struct checklist_error *err);
/* Flags of checklist_write_atomic. */
#define CHECKLIST_WRITE_BACKUP 1u /* keep the previous FILE as FILE.bak */
#define CHECKLIST_WRITE_FOLLOW 2u /* FILE may be a symbolic link: replace
                                   * its target (responses only); else a
                                   * link at FILE is refused */
/* Write LEN bytes of BUF to FILE by the same atomic path (temporary
 * file beside it, fsync, rename, folder fsync). A new FILE is mode 0600;
 * an existing one keeps its owner, group and mode, and one its owner or
 * the user may not write is refused (nothing written). For every file
 * the program writes whole: responses, packages, attachment copies. */
checklist_status checklist_write_atomic(const char *file, const char *buf,
    size_t len, unsigned flags, struct checklist_error *err);
/* Could a response FILE be saved (CHECKLIST_OK when it does not exist)?
 * The checks checklist_write_atomic makes first, for refusing early. */
checklist_status checklist_file_writable(const char *file,
    struct checklist_error *err);
/* Remove in folder DIR (NULL: ".") the temporary files NAMESUFFIX.tmp-
 * XXXXXX that killed writers left: only regular files over a minute old
 * whose writer's flock is gone (live writers hold one). E.g. SUFFIX
 * ".xml.gz" for packages. */
void checklist_sweep_temps(const char *dir, const char *suffix);
/* The folder part of PATH ("." for a bare name, "/" for the root).
 * Caller frees. */
char *checklist_dirname(const char *path);
/* Read FILE (size-capped) and parse it against CL. A damaged file gives
 * CHECKLIST_ERR_DAMAGED with the reason and the name of FILE.bak. */
checklist_status checklist_response_load(const struct checklist *cl,
    const char *file, struct checklist_response **out,
    struct checklist_error *err);

/* An advisory lock keeping two processes off one response file. */
struct checklist_lock;
/* Take the lock on FILE: the file itself, whatever name (symbolic
 * link) it is reached by: REAL.lock beside its real path, holding pid,
 * host, time. A lock left by a dead process on this host is taken over.
 * Held by a live one: CHECKLIST_ERR_LOCKED and a message naming pid,
 * host, since when and whether that process runs. A FILE that may not be
 * written (checklist_file_writable) is refused first (CHECKLIST_ERR_IO),
 * as is a .lock that is a symbolic link (dangling or not). */
checklist_status checklist_lock_acquire(const char *file,
    struct checklist_lock **out, struct checklist_error *err);
/* The path of FILE's lock: its real path (symbolic links resolved; for
 * a file not made yet, its folder's) and ".lock". Caller frees. */
char *checklist_lock_path(const char *file);
/* Is FILE's lock held by a live process? CHECKLIST_ERR_LOCKED (the same
 * message) or CHECKLIST_OK; takes nothing, removes nothing. */
checklist_status checklist_lock_probe(const char *file,
    struct checklist_error *err);
void checklist_lock_release(struct checklist_lock *lock);

/* ------------------------------------------------------ bounded reading */

/* Read FILE whole into a NUL-terminated buffer, refusing more than MAX
 * bytes. Caller frees *BUF. */
checklist_status checklist_read_file(const char *file, size_t max,
    char **buf, size_t *len, struct checklist_error *err);

/* The SHA-256 of LEN bytes of DATA as 64 lower-case hex digits and a
 * NUL in OUT (nettle): the one digest of attachments and definitions. */
void checklist_sha256_hex(const char *data, size_t len, char out[65]);

/* ------------------------------------------------------------ sanitizer */

/*
 * The one sanitizer of DESIGN.md §5, for text from outside on its way to
 * a terminal, a CSV cell, an HTML page or a log: C0 and C1 controls, DEL,
 * bidi overrides and zero-width characters become visible markers
 * (the code point in angle brackets: "<U+001B>", "<U+202E>");
 * bytes that are not UTF-8 become U+FFFD; wide characters stay. With
 * KEEP_NEWLINES, '\n' stays (long text shown on several lines).
 * Caller frees.
 */
char *checklist_sanitize(const char *s, bool keep_newlines);
/*
 * S on one line, safe for a terminal and reversible (what `sacl get`
 * prints and `sacl set --from` reads back): a backslash is "\\", a
 * newline "\n", a tab "\t", a CR "\r", every character the sanitizer
 * would mark "\uXXXX" and a byte that is not UTF-8 "\xNN".
 * checklist_unescape() undoes it in place (other backslashes stay).
 * Caller frees.
 */
char *checklist_escape(const char *s);
void checklist_unescape(char *s);

/* ------------------------------------------------------------ allocation */

/* The one allocation family: never returns NULL. On exhaustion it runs
 * the fatal hook (the TUI's restores the terminal), says so on stderr
 * and exits 70. */
void *checklist_xmalloc(size_t n);
void *checklist_xcalloc(size_t n, size_t size);
void *checklist_xrealloc(void *p, size_t n);
void *checklist_xreallocarray(void *p, size_t n, size_t size);
char *checklist_xstrdup(const char *s);
char *checklist_xstrndup(const char *s, size_t n);
char *checklist_xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* A, SEP and B in one new string (no format to read: paths are joined
 * for every question). Caller frees. */
char *checklist_xjoin(const char *a, const char *sep, const char *b);
/* Run HOOK before dying (one hook; NULL removes it). */
void checklist_set_fatal_hook(void (*hook)(void));
/* Die: the hook, "sacl: fatal: MESSAGE" on stderr (FMT translated by
 * the caller: checklist_fatal(_("...")); "fatal" too), exit 70. For the
 * impossible only; everything a user can cause is a status instead. */
_Noreturn void checklist_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif /* SACL_CHECKLIST_H */

/*
 * export.h: the export room's one public header: the submission package.
 *
 * A package is one gzip-compressed XML document (doc/response-format.md,
 * schema data/response.xsd, namespace urn:x-sacl:package:1) holding the
 * metadata of a submission, the answers (a copy of the response document
 * without the questions that are not relevant) and the attached files
 * (base64, with name, media type, size and CRC-32).
 *
 * Writing: export_check() lists what keeps a response from being
 * complete; export_build() makes the package bytes; export_write() puts
 * them in a file and stamps the response (submission id, revision), which
 * the caller then saves with checklist_response_save().
 *
 * Reading: export_read_file() is the one reader of packages that come
 * from outside (intake, merge, diff): bounded read, capped inflate, safe
 * parse, the embedded schema, then a check of the answers against the
 * checklist version the package names (and, when the package carries
 * one, the SHA-256 of the definition it was filled against).
 *
 * This room is the only one that links zlib. It never prints: failures
 * come back as a checklist_status and a struct checklist_error whose
 * text is one line "FILE: reason" (or "FILE:LINE:COL: reason").
 */
#ifndef SACL_EXPORT_H
#define SACL_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "checklist/checklist.h"

/* The package's XML namespace and format version. */
#define EXPORT_NS "urn:x-sacl:package:1"
#define EXPORT_FORMAT "1"

/* Caps (bytes) used when the options leave them 0. */
#define EXPORT_ATTACH_FILE_MAX CHECKLIST_ATTACH_FILE_MAX   /* one file */
#define EXPORT_ATTACH_TOTAL_MAX CHECKLIST_ATTACH_TOTAL_MAX /* all of them */
/* a package file as read, once inflated, inflated : compressed (the one
 * table of caps: checklist/checklist_limits.h) */
#define EXPORT_READ_MAX CHECKLIST_PACKAGE_READ_MAX
#define EXPORT_INFLATE_MAX CHECKLIST_PACKAGE_INFLATE_MAX
#define EXPORT_RATIO_MAX CHECKLIST_PACKAGE_RATIO_MAX
#define EXPORT_RATIO_FLOOR (1024u * 1024)      /* no ratio check below */

/* The environment variable that fixes the clock ("YYYY-MM-DDTHH:MM:SSZ"),
 * for reproducible packages in tests. */
#define EXPORT_NOW_ENV "SACL_NOW"

/* ------------------------------------------------------- completeness */

enum export_problem_kind {
	EXPORT_PROBLEM_MISSING, /* a required relevant question unanswered */
	EXPORT_PROBLEM_INVALID, /* an answer no longer valid */
	EXPORT_PROBLEM_FILE,    /* an attached file that cannot be read */
};

struct export_problem {
	enum export_problem_kind kind;
	char *path;   /* value path, e.g. "p9_1/measures[2]/title"; owned */
	char *reason; /* one line for the user; owned */
	const struct checklist_question *question; /* borrowed from the model */
	const struct checklist_group *group;       /* the page to jump to */
};

struct export_problems {
	size_t n;
	struct export_problem *v;     /* in reading order; owned */
	struct checklist_progress progress;
	size_t missing, invalid;      /* counts by kind (FILE counts invalid) */
	/* export_check's: the value paths it found relevant (an
	 * xmlHashTable), read by the writer instead of evaluating every
	 * condition again; NULL: the writer evaluates. Owned. */
	void *relevant;
};

/* What a response holds that its checklist does not ask (an element of
 * a name it does not know, text between elements), left out of the
 * package when it is written: an answer from another version of the
 * checklist, a hand edit. */
#define EXPORT_STRAYS_KEPT 5
struct export_strays {
	size_t n;                        /* how many were left out */
	char *paths[EXPORT_STRAYS_KEPT]; /* the first ones, as "front/fax"
	                                  * or "p5_1/text()"; owned */
};
void export_strays_free(struct export_strays *s);

/* Options for checking and writing; zeroed means the defaults. */
struct export_options {
	bool force;           /* write even when export_check finds problems */
	bool embedded;        /* the files are a package's, checked as it is
	                       * read: export_check leaves them alone */
	bool values_checked;  /* every value was checked against its
	                       * question's type and limits already (a
	                       * package's answers, and the definition's
	                       * defaults at load): export_check counts them
	                       * valid without checking each again (the
	                       * constraints are still evaluated) */
	const char *base_dir; /* where relative attachment paths start; NULL:
	                       * the response's folder (set_file), else the
	                       * current directory */
	time_t now;           /* export time; 0: $SACL_NOW, else the clock */
	bool replace;         /* export_write may replace an existing FILE */
	size_t attach_file_max, attach_total_max;
	/* Called by export_write* once the package is built and R stamped
	 * with its revision, before any byte of the package is written: the
	 * caller saves R there. A failed commit writes no package and leaves
	 * R as it was; a package that fails after a commit only skips that
	 * revision (a gap is harmless; a revision used twice is not). NULL:
	 * R is stamped after the package is written, and saved by the
	 * caller. */
	checklist_status (*commit)(struct checklist_response *r, void *arg,
	    struct checklist_error *err);
	void *commit_arg;
	/* The problems export_check() found for the response being written,
	 * which has not changed since: the writers use them instead of
	 * checking again. NULL: they check. Borrowed. */
	const struct export_problems *checked;
	/* Where the writers list what they leave out for the checklist does
	 * not ask it (emptied first); NULL: not listed. Borrowed. */
	struct export_strays *strays;
};

/* Fill OUT with the problems of R, in reading order (OPTS may be NULL).
 * OUT is complete when OUT->n == 0. Free with export_problems_free(). */
void export_check(struct checklist_response *r,
    const struct export_options *opts, struct export_problems *out);
void export_problems_free(struct export_problems *p);
/* P's two counts in words, each in a buffer of SIZE bytes: MISSING
 * "N required answers missing", INVALID "N answers not valid" (the
 * plural of the interface's language). */
void export_problems_counts(const struct export_problems *p, char *missing,
    char *invalid, size_t size);
/* "missing", "invalid", "file": English (N_-marked: _() to show it). */
const char *export_problem_kind_name(enum export_problem_kind k);
/* The label of P's question in LANG (NULL: the default language of CL,
 * its checklist), to name it beside its path ("Status of
 * implementation"); borrowed. */
const char *export_problem_label(const struct checklist *cl,
    const struct export_problem *p, const char *lang);

/* -------------------------------------------------------------- writing */

/*
 * Build the package of R in memory: gzip bytes in *BUF (caller frees).
 * Without OPTS->force an incomplete response is refused (status
 * CHECKLIST_ERR_VALUE, the message counts the problems). R is changed in
 * one way only: a submission id is created and stored in its root
 * (attribute submission-id) when it has none. The package carries the
 * next revision (root attribute revision + 1); the revision in R moves
 * only in export_write().
 */
checklist_status export_build(struct checklist_response *r,
    const struct export_options *opts, char **buf, size_t *len,
    struct checklist_error *err);
/* export_build, then write FILE whole or not at all (a temporary file
 * in the same folder, mode 0600, given its name at the end), then store
 * the new revision (and the creation time when missing) in R's root (or
 * before, see OPTS->commit). An existing FILE is never replaced
 * (CHECKLIST_ERR_IO, R unchanged), even one made by another process
 * meanwhile, unless OPTS->replace, and a symbolic link at FILE never
 * (never written through). Temporary files killed exports left in the
 * folder are swept (checklist_sweep_temps). */
checklist_status export_write(struct checklist_response *r,
    const struct export_options *opts, const char *file,
    struct checklist_error *err);
/* The same under the default name in folder DIR (NULL: the current
 * folder, the name then without a folder): export_default_name(), or
 * when a file has it, the first free of NAME-2.xml.gz, NAME-3.xml.gz...
 * (up to 99); never a replaced file. *PATH: the file written (caller
 * frees; NULL on failure). */
checklist_status export_write_new(struct checklist_response *r,
    const struct export_options *opts, const char *dir, char **path,
    struct checklist_error *err);
/* The same to the open descriptor FD (e.g. standard output); NAME names
 * it in messages. FD stays open. */
checklist_status export_write_fd(struct checklist_response *r,
    const struct export_options *opts, int fd, const char *name,
    struct checklist_error *err);
/* The default file name: "STATE_CHECKLIST_VERSION_YYYY-MM-DD_rN.xml.gz",
 * STATE the front section's State code ("XXX" when none), N the revision
 * of the next package (one more than the response's), each part reduced
 * to [A-Za-z0-9.-]. NOW as in the options. Caller frees. */
char *export_default_name(struct checklist_response *r, time_t now);
/* The folder of the response file FILE, where its relative attachment
 * paths start ("." for a bare name): the copies taken in live below it
 * (checklist_attach_dir). Caller frees. */
char *export_base_dir(const char *file);
/* The time OPTS->now stands for (see struct export_options). */
time_t export_now(time_t now);

/* -------------------------------------------------------------- reading */

/* The definition a package says it was filled against (its metadata),
 * as sent: untrusted, sanitise before showing. */
struct export_need {
	char *id, *version;
	char *sha256; /* NULL when the package carries none */
	char *title;
	/* The package was refused for want of that definition alone: its
	 * structure is sound (steps 1 to 4), but no definition of that id
	 * and version is here, or the one here has another digest. */
	bool unavailable;
	bool other_digest; /* ... because the one here has another digest */
};
/* Free what NEED holds and zero it. */
void export_need_clear(struct export_need *need);

struct export_read_options {
	bool plain;        /* also accept uncompressed XML */
	/* Check the answers against CL (it must be the id and version the
	 * package names); NULL: load the id the package names. Borrowed. */
	const struct checklist *cl;
	/* Accept a definition of the package's id and version whose
	 * SHA-256 is not the one the package names (by default refused). */
	bool ignore_digest;
	/* When not NULL, filled once the metadata are read, even when the
	 * package is then refused (caller clears with export_need_clear). */
	struct export_need *need;
	size_t max_read, max_inflate, max_ratio, ratio_floor; /* 0: default */
	/* Carry forward and diff: when the definition the package names is
	 * not here (another version of CL's checklist, another digest, or
	 * with CL NULL no definition of that id and version), read it all
	 * the same as raw answers: steps 1 to 4 as always, the <response>
	 * must name the checklist and version of the metadata, every
	 * attachment is decoded and checked (size, CRC-32) and must be the
	 * value at its path in the answers, one per path; but the answers
	 * are not checked against a definition (the caller checks each
	 * value it takes against its own) and P->response stays NULL. With
	 * CL given, its id must still be the package's. */
	bool other_version;
};

struct export_attachment {
	char *id;         /* "a1"... */
	char *path;       /* the value path of its file question */
	char *name;       /* the file's name as sent: untrusted, never a path */
	char *media_type;
	size_t size;
	uint32_t crc32;
	unsigned char *data; /* SIZE bytes, decoded and checked */
};

struct export_package {
	struct checklist *cl_owned; /* loaded by the reader, or NULL */
	const struct checklist *cl; /* the checklist the answers follow */
	struct checklist_response *response; /* the answers; NULL when read
	                                      * raw (other_version) */
	xmlNodePtr answers;         /* the <response> element of the answers
	                             * (borrowed from DOC); always set */
	bool raw;                   /* read raw: see other_version */
	xmlDocPtr doc;              /* the whole package document */
	/* Metadata, as sent (untrusted: sanitise before showing). */
	char *checklist_id, *checklist_version, *state, *lang;
	char *checklist_sha256;  /* or NULL: an older package without one */
	char *checklist_title;   /* the definition's title, or "" */
	char *created, *exported, *program, *submission_id;
	unsigned long revision;
	bool complete, consent;
	size_t required, required_answered, invalid;
	size_t nattachments;
	struct export_attachment *attachments;
};

/* Read the package in FILE (see the file's top comment for the steps).
 * OPTS may be NULL. On success *OUT is freed with export_package_free(). */
checklist_status export_read_file(const char *file,
    const struct export_read_options *opts, struct export_package **out,
    struct checklist_error *err);
/* The same from bytes; NAME names them in messages. */
checklist_status export_read_memory(const char *buf, size_t len,
    const char *name, const struct export_read_options *opts,
    struct export_package **out, struct checklist_error *err);
void export_package_free(struct export_package *p);

/* ------------------------------------------------------------- CSV */

/* One CSV cell's text, sanitised and made safe for spreadsheets: the one
 * rule (export_report_csv.c). Caller frees. */
char *export_csv_cell(const char *text, bool numeric);

#endif /* SACL_EXPORT_H */

/*
 * export_store.h: the secretariat's intake, beside the package (export.h):
 * the store (one SQLite file, doc/store-format.md), importing packages
 * into it, reading them back, and the reports across States.
 *
 * A second public header in the export room because the intake is the
 * only part that links SQLite: who only writes packages includes
 * export.h and never sees it.
 *
 * Every package is untrusted: it is read by the one reader
 * (export_read_memory: capped inflate, safe parse, schema, every answer
 * re-checked against the exact definition it names) before anything is
 * stored, and each package is stored in one transaction, so that a
 * refused or killed import leaves the store as it was before it.
 *
 * Nothing here prints: failures come back as a checklist_status and a
 * struct checklist_error ("FILE: reason").
 */
#ifndef SACL_EXPORT_STORE_H
#define SACL_EXPORT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "checklist/checklist.h"
#include "export/export.h"

/* The schema version this program writes (PRAGMA user_version). */
#define EXPORT_STORE_VERSION 3

struct export_store;

/* Open the store FILE, creating it (mode 0600) when CREATE and missing,
 * and bring its schema up to EXPORT_STORE_VERSION. A store written by a
 * newer program is refused. Close with export_store_close(). */
checklist_status export_store_open(const char *file, bool create,
    struct export_store **out, struct checklist_error *err);
void export_store_close(struct export_store *s);

/* ---------------------------------------------------------------- import */

enum export_import_result {
	EXPORT_IMPORT_STORED,      /* a new submission (or an older revision,
	                            * kept as history) */
	EXPORT_IMPORT_SUPERSEDING, /* stored, and now the current one of its
	                            * State and checklist in place of another */
	EXPORT_IMPORT_ALREADY,     /* the same bytes were stored before */
	EXPORT_IMPORT_REFUSED,     /* not stored; the error says why */
};

/* Import the package in FILE (its bytes read with the reader's cap).
 * RECEIVED is the time of receipt (0: $SACL_NOW, else the clock). The
 * result is in *RESULT; CHECKLIST_OK unless refused. */
checklist_status export_import_file(struct export_store *s, const char *file,
    time_t received, enum export_import_result *result,
    struct checklist_error *err);
/* Register the definition in FILE (untrusted: the loader checks it):
 * its id, version, SHA-256 digest and bytes. The same again is
 * EXPORT_IMPORT_ALREADY; the same id and version with other bytes is
 * refused. */
checklist_status export_store_register(struct export_store *s,
    const char *file, enum export_import_result *result,
    struct checklist_error *err);

/* The definition ID at VERSION: a registered one, else a bundled one of
 * that version. Borrowed from S (kept until it is closed). */
checklist_status export_store_checklist(struct export_store *s,
    const char *id, const char *version, const struct checklist **out,
    struct checklist_error *err);

/* The same, loaded anew for the caller (who frees it). */
checklist_status export_store_checklist_copy(struct export_store *s,
    const char *id, const char *version, struct checklist **out,
    struct checklist_error *err);

/* --------------------------------------------------------- reading back */

/* The package of submission SUB ("ID" for its newest revision, or
 * "ID:REVISION"; ID may be shortened to a unique prefix of at least 8
 * characters), read again from its original bytes by the one reader.
 * Free *OUT with export_package_free(). */
checklist_status export_store_read(struct export_store *s, const char *sub,
    struct export_package **out, struct checklist_error *err);

/* A stored submission, as `sacl browse` lists it. */
struct export_store_entry {
	char *state;          /* its State code, "" when none */
	char *state_label;    /* the State's name in its definition */
	char *submission;     /* the submission id */
	long long revision;
	char *received;       /* when it came in (ISO 8601) */
	bool complete, current; /* current: what reports use */
	size_t required, required_answered;
};

/* Every stored submission, by State, newest first: *OUT (N entries;
 * free with export_store_list_free()). */
checklist_status export_store_list(struct export_store *s,
    struct export_store_entry **out, size_t *n, struct checklist_error *err);
void export_store_list_free(struct export_store_entry *v, size_t n);

/* --------------------------------------------------------------- reports */

enum export_report_format {
	EXPORT_FORMAT_TEXT,
	EXPORT_FORMAT_CSV,
	EXPORT_FORMAT_HTML,
};

struct export_report_options {
	const char *what;      /* "submissions", "status"... */
	enum export_report_format format;
	const char *checklist; /* only this checklist id, or NULL */
	char **states;         /* only these State codes (NSTATES), or none */
	size_t nstates;
	char **provisions;     /* only these provision numbers, or none */
	size_t nprovisions;
	const char *lang;      /* labels in this language; NULL: each
	                        * checklist's default */
	int width;             /* text: columns to fit (0: no limit) */
	time_t now;            /* "made on" (0: $SACL_NOW, else the clock) */
};

/* The names --what accepts, NULL-terminated. */
extern const char *const export_report_names[];

/* Make the report O asks for from S: *BUF (LEN bytes; caller frees) in
 * O->format. An unknown O->what is CHECKLIST_ERR_NOT_FOUND. */
checklist_status export_report(struct export_store *s,
    const struct export_report_options *o, char **buf, size_t *len,
    struct checklist_error *err);

/* ----------------------------------------------------------- safe names */

/* A file name for an attachment named NAME (untrusted) that is safe to
 * create in a folder: the last component only, no control, bidi or
 * zero-width character, no leading dot, at most 100 bytes, never empty,
 * never "." or "..". Caller frees. */
char *export_safe_name(const char *name);

/* Write each attachment of P to a new file in the folder DIR under its
 * safe name (a taken name gets "-2", "-3"... before its extension;
 * nothing is replaced). *WRITTEN: the N paths made (caller frees each
 * and the array), also those made before a failure. */
checklist_status export_attachments_save(const struct export_package *p,
    const char *dir, char ***written, size_t *n, struct checklist_error *err);

#endif /* SACL_EXPORT_STORE_H */

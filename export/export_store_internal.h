/*
 * export_store_internal.h: what the intake's files share (the store, the
 * import, the reports) and nobody else uses. The public contract is
 * export_store.h; the tables are described in doc/store-format.md.
 */
#ifndef SACL_EXPORT_STORE_INTERNAL_H
#define SACL_EXPORT_STORE_INTERNAL_H

#include <sqlite3.h>

#include "export/export_store.h"

/* A definition loaded once per store handle. */
struct export_store_cl {
	char *id, *version, *digest;
	struct checklist *cl;
};

struct export_store {
	sqlite3 *db;
	char *file;
	size_t ncl;
	struct export_store_cl *cls; /* definitions loaded so far */
};

/* ------------------------------------------------------ export_store.c */

/* Set ERR from S's last SQLite error, naming the store; returns
 * CHECKLIST_ERR_IO. WHAT says what was being done. */
checklist_status export_store_fail(struct export_store *s, const char *what,
    struct checklist_error *err);
/* Prepare SQL (fatal on failure: our SQL is fixed). Caller finalizes. */
sqlite3_stmt *export_store_prepare(struct export_store *s, const char *sql);
/* Run SQL without results; CHECKLIST_OK or ERR set. */
checklist_status export_store_exec(struct export_store *s, const char *sql,
    struct checklist_error *err);
/* Column I of ST as text, "" for NULL. Borrowed until the next step. */
const char *export_store_text(sqlite3_stmt *st, int i);
/* Bind text (NULL binds NULL); SQLITE_TRANSIENT copies. */
void export_store_bind(sqlite3_stmt *st, int i, const char *text);

/* -------------------------------------------------- export_store_read.c */

/* The row id of submission SUB (see export_store_read), or 0 with ERR
 * set. */
sqlite3_int64 export_store_find(struct export_store *s, const char *sub,
    struct checklist_error *err);

/* ----------------------------------------------------- export_import.c */

/* The row of the submissions table being written for a package. */
struct export_import_row {
	sqlite3_int64 package, submission;
};
/* Insert P's answers and attachments for submission row SUB. */
checklist_status export_import_answers(struct export_store *s,
    sqlite3_int64 sub, const struct export_package *p,
    struct checklist_error *err);
/* Migration: fill not_relevant for each submission that has no row
 * there (stored before the table existed), from its package's bytes. */
checklist_status export_store_refill(struct export_store *s,
    struct checklist_error *err);
/* Mark which submission of P's State (or submission id) and checklist
 * is current (column submissions.current), after P was stored. */
checklist_status export_store_set_current(struct export_store *s,
    const struct export_package *p, struct checklist_error *err);

#endif /* SACL_EXPORT_STORE_INTERNAL_H */

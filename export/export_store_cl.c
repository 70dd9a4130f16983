/*
 * export_store_cl.c: the definitions a store checks packages against.
 *
 * A package names a checklist by id and version. The definition used is
 * the one registered in the store (sacl import --checklist FILE: table
 * checklists, the bytes kept), else the bundled one of that id when its
 * version is the same. Each is loaded once per handle (loading checks
 * it: schema, semantics, conditions) and kept with the SHA-256 of its
 * bytes, its digest.
 *
 * A registered definition may not shadow a bundled one of the same id
 * and version with other bytes, nor one registered before.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"
#include "export/export_store_internal.h"

/* Is ID a checklist id that can name a bundled file (letters, digits,
 * '.', '_', '-'; not a path, not a hidden file)? The package schema
 * says so too; this keeps the rule where the path is made. */
static bool
export_store_id_ok(const char *id)
{
	size_t n = strlen(id);

	return n > 0 && n < 100 && id[0] != '.' &&
	    strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._-") == n;
}

/* The bytes of the bundled definition ID, or NULL. Caller frees. */
static char *
export_store_bundled(const char *id, size_t *len)
{
	char *name, *path, *buf = NULL;
	struct checklist_error e;

	if (!export_store_id_ok(id))
		return NULL;
	name = checklist_xasprintf("%s.xml", id);
	path = checklist_data_path(name);
	free(name);
	checklist_error_clear(&e);
	if (path != NULL && checklist_read_file(path,
	    CHECKLIST_DEFINITION_MAX, &buf, len, &e) != CHECKLIST_OK)
		buf = NULL;
	free(path);
	return buf;
}

/* The registered bytes of ID at VERSION, or NULL. Caller frees. */
static char *
export_store_registered(struct export_store *s, const char *id,
    const char *version, size_t *len)
{
	sqlite3_stmt *st = export_store_prepare(s, "SELECT definition FROM "
	    "checklists WHERE checklist_id = ?1 AND version = ?2");
	char *buf = NULL;

	export_store_bind(st, 1, id);
	export_store_bind(st, 2, version);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		buf = checklist_xmalloc(*len + 1);
		if (*len > 0)
			memcpy(buf, sqlite3_column_blob(st, 0), *len);
		buf[*len] = '\0';
	}
	sqlite3_finalize(st);
	return buf;
}

/* Keep CL (digest of BUF) in S's cache; returns it. */
static const struct checklist *
export_store_keep(struct export_store *s, struct checklist *cl,
    const char *buf, size_t len)
{
	struct export_store_cl *c;
	char hex[65];

	checklist_sha256_hex(buf, len, hex);
	s->cls = checklist_xreallocarray(s->cls, s->ncl + 1, sizeof *s->cls);
	c = &s->cls[s->ncl++];
	c->id = checklist_xstrdup(cl->id);
	c->version = checklist_xstrdup(cl->version);
	c->digest = checklist_xstrdup(hex);
	c->cl = cl;
	return cl;
}

/* The cached definition ID at VERSION, or NULL. */
static const struct export_store_cl *
export_store_cached(const struct export_store *s, const char *id,
    const char *version)
{
	size_t i;

	for (i = 0; i < s->ncl; i++)
		if (strcmp(s->cls[i].id, id) == 0 &&
		    strcmp(s->cls[i].version, version) == 0)
			return &s->cls[i];
	return NULL;
}

/* Not found: say what to register. */
static checklist_status
export_store_unknown(const char *id, const char *version,
    struct checklist_error *err)
{
	char *sid = checklist_sanitize(id, false);
	char *sv = checklist_sanitize(version, false);

	checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, NULL, 0, 0,
	    _("unknown checklist '%s' version '%s': register its definition "
	    "first (sacl import --db STORE --checklist FILE)"), sid, sv);
	free(sid);
	free(sv);
	return CHECKLIST_ERR_NOT_FOUND;
}

/* Load ID at VERSION (registered, else bundled) into *OUT; its bytes in
 * *BUF (caller frees both). */
static checklist_status
export_store_load(struct export_store *s, const char *id,
    const char *version, struct checklist **out, char **buf, size_t *len,
    struct checklist_error *err)
{
	char *name;
	checklist_status st;

	*out = NULL;
	*buf = export_store_registered(s, id, version, len);
	if (*buf == NULL)
		*buf = export_store_bundled(id, len);
	if (*buf == NULL)
		return export_store_unknown(id, version, err);
	name = checklist_xasprintf("%s %s", id, version);
	st = checklist_load_memory(*buf, *len, name, out, err);
	free(name);
	if (st == CHECKLIST_OK && strcmp((*out)->version, version) != 0) {
		checklist_free(*out);
		*out = NULL;
		st = export_store_unknown(id, version, err);
	}
	if (st != CHECKLIST_OK) {
		free(*buf);
		*buf = NULL;
	}
	return st;
}

checklist_status
export_store_checklist(struct export_store *s, const char *id,
    const char *version, const struct checklist **out,
    struct checklist_error *err)
{
	const struct export_store_cl *c = export_store_cached(s, id, version);
	struct checklist *cl;
	char *buf;
	size_t len = 0;

	if (c != NULL) {
		*out = c->cl;
		return CHECKLIST_OK;
	}
	if (export_store_load(s, id, version, &cl, &buf, &len, err) !=
	    CHECKLIST_OK)
		return err->status;
	*out = export_store_keep(s, cl, buf, len);
	free(buf);
	return CHECKLIST_OK;
}

checklist_status
export_store_checklist_copy(struct export_store *s, const char *id,
    const char *version, struct checklist **out, struct checklist_error *err)
{
	char *buf;
	size_t len = 0;

	if (export_store_load(s, id, version, out, &buf, &len, err) !=
	    CHECKLIST_OK)
		return err->status;
	free(buf);
	return CHECKLIST_OK;
}

/* The digest registered or bundled for CL's id and version, or NULL.
 * Caller frees. */
static char *
export_store_known_digest(struct export_store *s, const struct checklist *cl)
{
	struct checklist *b = NULL;
	struct checklist_error e;
	char *buf, hex[65];
	size_t len = 0;

	buf = export_store_registered(s, cl->id, cl->version, &len);
	if (buf == NULL && (buf = export_store_bundled(cl->id, &len)) != NULL) {
		checklist_error_clear(&e);
		if (checklist_load_memory(buf, len, cl->id, &b, &e) !=
		    CHECKLIST_OK || strcmp(b->version, cl->version) != 0) {
			free(buf);
			buf = NULL;
		}
		checklist_free(b);
	}
	if (buf == NULL)
		return NULL;
	checklist_sha256_hex(buf, len, hex);
	free(buf);
	return checklist_xstrdup(hex);
}

/* Insert CL (BUF, digest HEX) into the checklists table. */
static checklist_status
export_store_insert_cl(struct export_store *s, const struct checklist *cl,
    const char *buf, size_t len, const char *hex, struct checklist_error *err)
{
	sqlite3_stmt *st = export_store_prepare(s, "INSERT INTO checklists "
	    "(checklist_id, version, digest, definition, registered) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)");
	char now[32];
	int rc;

	export_iso_time(export_now(0), now, sizeof now);
	export_store_bind(st, 1, cl->id);
	export_store_bind(st, 2, cl->version);
	export_store_bind(st, 3, hex);
	sqlite3_bind_blob(st, 4, buf, (int)len, SQLITE_STATIC);
	export_store_bind(st, 5, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CHECKLIST_OK :
	    export_store_fail(s, _("registering the checklist"), err);
}

/* Within the write transaction: compare with what is known, insert. */
static checklist_status
export_store_register_cl(struct export_store *s, const struct checklist *cl,
    const char *buf, size_t len, enum export_import_result *result,
    struct checklist_error *err)
{
	char hex[65], *known;

	checklist_sha256_hex(buf, len, hex);
	known = export_store_known_digest(s, cl);
	if (known != NULL && strcmp(known, hex) == 0)
		*result = EXPORT_IMPORT_ALREADY;
	else if (known != NULL)
		checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, NULL, 0, 0,
		    _("conflict: checklist '%s' version '%s' is already known "
		    "with other contents (digest %.12s...); give the new one "
		    "another version"), cl->id, cl->version, known);
	else if (export_store_insert_cl(s, cl, buf, len, hex, err) ==
	    CHECKLIST_OK)
		*result = EXPORT_IMPORT_STORED;
	free(known);
	return err->status;
}

checklist_status
export_store_register(struct export_store *s, const char *file,
    enum export_import_result *result, struct checklist_error *err)
{
	struct checklist *cl = NULL;
	char *buf;
	size_t len;

	*result = EXPORT_IMPORT_REFUSED;
	if (checklist_read_file(file, CHECKLIST_DEFINITION_MAX, &buf, &len,
	    err) != CHECKLIST_OK)
		return err->status;
	if (checklist_load_memory(buf, len, file, &cl, err) == CHECKLIST_OK &&
	    export_store_exec(s, "BEGIN IMMEDIATE", err) == CHECKLIST_OK) {
		if (export_store_register_cl(s, cl, buf, len, result, err) ==
		    CHECKLIST_OK)
			export_store_exec(s, "COMMIT", err);
		if (err->status != CHECKLIST_OK) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			*result = EXPORT_IMPORT_REFUSED;
		}
	}
	checklist_free(cl);
	free(buf);
	return err->status;
}

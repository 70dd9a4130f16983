/*
 * checklist_load.c: loading a checklist definition, by path or by the id
 * of a bundled one. Bounded read (a file is parsed as it is read), safe
 * parse, the built-in schema, the model, the rules on texts and lists,
 * the semantic checks: the first error stops it and is returned. A
 * loaded checklist carries the warnings found (legal, but surely not
 * meant).
 * The SHA-256 of the bytes loaded is kept in the model (struct
 * checklist, sha256): a package names the definition it was filled
 * against by it.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlschemastypes.h>
#include <nettle/sha2.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

/* Is attribute NAME of type string in data/checklist.xsd (its value
 * kept as written)? Every other one is a token, name or number, whose
 * whitespace the schema collapses before it checks the value. */
static bool
checklist_load_kept(const xmlChar *name)
{
	static const char *const kept[] = { "constraint", "default", "number",
		"pattern", "relevant" };
	size_t i;

	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (xmlStrEqual(name, (const xmlChar *)kept[i]))
			return true;
	return false;
}

/* Collapse the whitespace of the token attributes below EL as the schema
 * read them (type="single\r" is valid, and is "single"), so that the
 * builder sees the value that was validated. */
static void
checklist_load_collapse(xmlNodePtr el)
{
	xmlAttrPtr a;
	xmlNodePtr c;

	for (; el != NULL; el = el->next) {
		if (el->type != XML_ELEMENT_NODE)
			continue;
		for (a = el->properties; a != NULL; a = a->next) {
			const xmlChar *v;
			xmlChar *w;

			if (checklist_load_kept(a->name))
				continue;
			/* the value is its one text child (no DTD, no entity
			 * reference): read in place, copied only to change */
			v = a->children != NULL && a->children->next == NULL &&
			    a->children->type == XML_TEXT_NODE ?
			    a->children->content : NULL;
			w = v != NULL ? xmlSchemaCollapseString(v) : NULL;
			if (w != NULL) /* NULL: nothing to collapse */
				xmlNodeSetContent((xmlNodePtr)a, w);
			xmlFree(w);
		}
		for (c = el->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE) {
				checklist_load_collapse(c);
				break; /* the call walks C's siblings */
			}
	}
}

/* The checklist DOC (freed here) holds, once it has passed the schema,
 * the model's build and every check. The tree is freed as soon as the
 * checks that read it are done, before the names of the conditions are
 * resolved on a skeleton of their own: the skeleton takes the tree's
 * memory, not more. */
static checklist_status
checklist_load_doc(xmlDocPtr doc, const char *name, struct checklist **out,
    struct checklist_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct checklist *cl = NULL;

	if (!checklist_xml_is(root, "checklist")) {
		checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(root), 0,
		    _("not a checklist definition (the root must be <checklist> "
		    "in namespace %s)"), CHECKLIST_NS);
		xmlFreeDoc(doc);
		return err->status;
	}
	if (checklist_xml_validate(doc, (const char *)checklist_xsd,
	    checklist_xsd_len, name, err) != CHECKLIST_OK ||
	    (checklist_load_collapse(root), false) ||
	    checklist_build(doc, name, &cl, err) != CHECKLIST_OK ||
	    checklist_texts_check(doc, name, err) != CHECKLIST_OK) {
		checklist_free(cl);
		xmlFreeDoc(doc);
		return err->status;
	}
	checklist_warn_collect(cl, doc);
	/* the semantic check frees DOC once it has read the templates */
	if (checklist_semantic_check(cl, doc, err) != CHECKLIST_OK ||
	    checklist_shorthand_check(cl, err) != CHECKLIST_OK ||
	    checklist_roles_check(cl, err) != CHECKLIST_OK) {
		checklist_free(cl);
		return err->status;
	}
	*out = cl;
	return CHECKLIST_OK;
}

checklist_status
checklist_load_memory(const char *buf, size_t len, const char *name,
    struct checklist **out, struct checklist_error *err)
{
	xmlDocPtr doc = NULL;

	if (checklist_xml_parse_capped(buf, len, name,
	    &checklist_caps_definition, &doc, err) != CHECKLIST_OK ||
	    checklist_load_doc(doc, name, out, err) != CHECKLIST_OK)
		return err->status;
	checklist_sha256_hex(buf, len, (*out)->sha256);
	return CHECKLIST_OK;
}

static void
checklist_load_digest(void *ctx, const char *buf, size_t len)
{
	sha256_update(ctx, len, (const uint8_t *)buf);
}

/* The file is parsed as it is read, never held whole: a definition of
 * 50,000 questions is 7.6 MB the loader need not copy nor touch twice. */
checklist_status
checklist_load_file(const char *file, struct checklist **out,
    struct checklist_error *err)
{
	struct sha256_ctx sha;
	xmlDocPtr doc = NULL;
	checklist_status st;
	int fd;

	st = checklist_open_file(file, CHECKLIST_DEFINITION_MAX, &fd, err);
	if (st != CHECKLIST_OK)
		return st;
	sha256_init(&sha);
	st = checklist_xml_parse_fd(fd, file, CHECKLIST_DEFINITION_MAX,
	    &checklist_caps_definition, checklist_load_digest, &sha, &doc, err);
	close(fd);
	if (st != CHECKLIST_OK ||
	    checklist_load_doc(doc, file, out, err) != CHECKLIST_OK)
		return err->status;
	checklist_sha256_digest_hex(&sha, (*out)->sha256);
	return CHECKLIST_OK;
}

static bool
checklist_is_path(const char *arg)
{
	size_t n = strlen(arg);

	return strchr(arg, '/') != NULL ||
	    (n > 4 && strcmp(arg + n - 4, ".xml") == 0);
}

checklist_status
checklist_load(const char *arg, struct checklist **out,
    struct checklist_error *err)
{
	char *name, *path;
	checklist_status st;

	if (checklist_is_path(arg))
		return checklist_load_file(arg, out, err);
	name = checklist_xasprintf("%s.xml", arg);
	path = checklist_data_path(name);
	free(name);
	if (path == NULL)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, arg, 0, 0,
		    _("no bundled checklist has this id (looked in $SACL_DATADIR, "
		    "%s and the source tree)"), SACL_PKGDATADIR);
	st = checklist_load_file(path, out, err);
	free(path);
	return st;
}

/* The folder "data" beside the running executable (a build tree). */
static char *
checklist_exe_data_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return checklist_xasprintf("%s/data", exe);
}

char *
checklist_data_path(const char *name)
{
	const char *env = getenv("SACL_DATADIR");
	char *dirs[4], *found = NULL, *p;
	size_t i;

	dirs[0] = env && *env ? checklist_xstrdup(env) : NULL;
	dirs[1] = checklist_exe_data_dir();
	dirs[2] = checklist_xstrdup(SACL_PKGDATADIR);
	dirs[3] = checklist_xstrdup(SACL_SRCDATADIR);
	for (i = 0; i < 4; i++) {
		if (dirs[i] == NULL || found != NULL)
			continue;
		p = checklist_xasprintf("%s/%s", dirs[i], name);
		if (access(p, R_OK) == 0)
			found = p;
		else
			free(p);
	}
	for (i = 0; i < 4; i++)
		free(dirs[i]);
	return found;
}

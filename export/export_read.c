/*
 * export_read.c: the one reader of packages that come from outside.
 *
 * A package is untrusted. In order, each step refusing with one line
 * "FILE: reason" (or "FILE:LINE:COL: reason"):
 *  1. the file is read with a size cap (checklist_read_file);
 *  2. it must be gzip (plain XML only when asked for) and is inflated
 *     with caps on output size and ratio (export_gzip.c);
 *  3. the XML is parsed safely (checklist_xml_parse: no network, no DTD,
 *     no entities, DOCTYPE refused);
 *  4. it must validate against the embedded data/response.xsd;
 *  5. the checklist it names must be one we have, at the same version,
 *     and when the package names the SHA-256 of the definition it was
 *     filled against, the same definition (unless told to ignore it);
 *  6. its answers are checked against that checklist (export_answers.c),
 *     then read as a response (checklist_response_adopt: the checks of
 *     checklist_response_parse on a copy of the element, not parsed again);
 *  7. each attachment is decoded and checked (size, CRC-32) and must be
 *     the value of the file question it names;
 *  8. the metadata must be what the answers give: State, completeness
 *     and its counts, language, submission, consent, focal point
 *     (export_recheck.c).
 * With other_version (carry forward, diff), a package whose definition
 * is not here at its version passes steps 5 and 6 as raw answers
 * (export.h says what is still checked); step 7 then finds each
 * attachment's value in the raw answers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"

/* The first child element of EL named NAME (package namespace). */
static xmlNodePtr
export_read_child(xmlNodePtr el, const char *name)
{
	xmlNodePtr n;

	for (n = el != NULL ? el->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, EXPORT_XC(name)))
			return n;
	return NULL;
}

/* The text of metadata child NAME, copied; NULL when absent. */
static char *
export_read_text(xmlNodePtr md, const char *name)
{
	xmlNodePtr n = export_read_child(md, name);

	return n != NULL ? checklist_xml_text(n) : NULL;
}

/* An attribute of metadata child NAME as a count. */
static size_t
export_read_count(xmlNodePtr el, const char *attr)
{
	char *v = checklist_xml_attr(el, attr);
	size_t n = v != NULL ? (size_t)strtoull(v, NULL, 10) : 0;

	free(v);
	return n;
}

/* Fill P's metadata from the schema-valid document P->doc. */
static void
export_read_meta(struct export_package *p)
{
	xmlNodePtr md = export_read_child(xmlDocGetRootElement(p->doc),
	    "metadata");
	xmlNodePtr el;
	char *v, *w;

	el = export_read_child(md, "checklist");
	p->checklist_id = checklist_xml_attr(el, "id");
	p->checklist_version = checklist_xml_attr(el, "version");
	p->checklist_sha256 = checklist_xml_attr(el, "sha256");
	p->checklist_title = checklist_xml_text(el);
	el = export_read_child(md, "state");
	p->state = el != NULL ? checklist_xml_attr(el, "code") : NULL;
	p->lang = export_read_text(md, "language");
	p->created = export_read_text(md, "created");
	p->exported = export_read_text(md, "exported");
	el = export_read_child(md, "program");
	v = checklist_xml_attr(el, "name");
	w = checklist_xml_attr(el, "version");
	p->program = checklist_xasprintf("%s %s", v, w);
	free(v);
	free(w);
	el = export_read_child(md, "submission");
	p->submission_id = checklist_xml_attr(el, "id");
	p->revision = (unsigned long)export_read_count(el, "revision");
	v = export_read_text(md, "consent-to-publish");
	p->consent = strcmp(v, "yes") == 0;
	free(v);
	el = export_read_child(md, "completeness");
	v = checklist_xml_attr(el, "complete");
	p->complete = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
	free(v);
	p->required = export_read_count(el, "required");
	p->required_answered = export_read_count(el, "required-answered");
	p->invalid = export_read_count(el, "invalid");
}

/* Tell the caller which definition P needs (OPTS->need). */
static void
export_read_need(const struct export_package *p, struct export_need *need)
{
	if (need == NULL)
		return;
	export_need_clear(need);
	need->id = checklist_xstrdup(p->checklist_id);
	need->version = checklist_xstrdup(p->checklist_version);
	need->sha256 = p->checklist_sha256 != NULL ?
	    checklist_xstrdup(p->checklist_sha256) : NULL;
	need->title = checklist_xstrdup(p->checklist_title);
}

void
export_need_clear(struct export_need *need)
{
	free(need->id);
	free(need->version);
	free(need->sha256);
	free(need->title);
	memset(need, 0, sizeof *need);
}

/* The definition here must be the one the package was filled against:
 * same SHA-256, when the package names one. */
static checklist_status
export_read_digest(const struct export_package *p,
    const struct export_read_options *o, const char *name,
    struct checklist_error *err)
{
	if (o->ignore_digest || p->checklist_sha256 == NULL ||
	    strcmp(p->checklist_sha256, p->cl->sha256) == 0)
		return CHECKLIST_OK;
	if (o->need != NULL)
		o->need->other_digest = true;
	return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, name, 0, 0,
	    _("checklist '%s' version '%s' here (%s, sha256 %s) is not the "
	    "definition the package was filled against (sha256 %s): the same "
	    "id and version, other contents"), p->checklist_id,
	    p->checklist_version, p->cl->source, p->cl->sha256[0] != '\0' ?
	    p->cl->sha256 : "unknown", p->checklist_sha256);
}

/* Step 5: the checklist P names, from OPTS or loaded by id. */
static checklist_status
export_read_checklist(struct export_package *p,
    const struct export_read_options *o, const char *name,
    struct checklist_error *err)
{
	struct checklist_error e;

	if (o->cl != NULL) {
		p->cl = o->cl;
	} else {
		checklist_error_clear(&e);
		/* The schema's id pattern keeps it from being a path. */
		if (checklist_load(p->checklist_id, &p->cl_owned, &e) !=
		    CHECKLIST_OK)
			return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND,
			    name, 0, 0, _("unknown checklist '%s': %s"),
			    p->checklist_id, e.message);
		p->cl = p->cl_owned;
	}
	if (strcmp(p->cl->id, p->checklist_id) != 0 ||
	    strcmp(p->cl->version, p->checklist_version) != 0)
		return checklist_error_set(err, CHECKLIST_ERR_NOT_FOUND, name,
		    0, 0, _("checklist '%s' version '%s' is not available (have "
		    "'%s' version '%s')"), p->checklist_id, p->checklist_version,
		    p->cl->id, p->cl->version);
	return export_read_digest(p, o, name, err);
}

/* The <response> inside <answers> must name the same checklist. */
static checklist_status
export_read_response_el(struct export_package *p, const char *name,
    xmlNodePtr *out, struct checklist_error *err)
{
	xmlNodePtr el = export_read_child(export_read_child(
	    xmlDocGetRootElement(p->doc), "answers"), "response");
	char *id, *version;
	bool same;

	if (el == NULL || el->ns != NULL)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name, 0,
		    0, _("the answers hold no <response> element in no "
		    "namespace"));
	id = checklist_xml_attr(el, "checklist");
	version = checklist_xml_attr(el, "checklist-version");
	same = id != NULL && version != NULL &&
	    strcmp(id, p->checklist_id) == 0 &&
	    strcmp(version, p->checklist_version) == 0;
	free(id);
	free(version);
	if (!same)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(el), 0, _("the answers do not name the "
		    "checklist and version of the metadata"));
	*out = el;
	return CHECKLIST_OK;
}

/* Step 6: check the answers, then read them as a response: a copy of
 * the element as the root of a document of its own (P->answers stays
 * as sent; the response gains the skeleton's elements), not parsed
 * again (checklist_response_adopt). */
static checklist_status
export_read_answers(struct export_package *p, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr el = NULL, root;
	xmlDocPtr doc;
	checklist_status st;

	if ((st = export_read_response_el(p, name, &el, err)) != CHECKLIST_OK)
		return st;
	p->answers = el;
	if (p->raw)
		return CHECKLIST_OK;
	if ((st = export_answers_check(p->cl, el, name, err)) != CHECKLIST_OK)
		return st;
	doc = xmlNewDoc(EXPORT_XC("1.0"));
	root = doc != NULL ? xmlDocCopyNode(el, doc, 1) : NULL;
	if (root == NULL)
		checklist_fatal(_("out of memory (reading the answers)"));
	/* as a parse of the file would have it: declared UTF-8 */
	doc->encoding = xmlStrdup(EXPORT_XC("UTF-8"));
	xmlDocSetRootElement(doc, root);
	return checklist_response_adopt(p->cl, doc, name, &p->response, err);
}

/* The question a value path names: PATH without its entry indexes. */
static const struct checklist_question *
export_read_question(const struct checklist *cl, const char *path)
{
	const struct checklist_question *q;
	char *bare = checklist_xmalloc(strlen(path) + 1), *o = bare;

	for (; *path != '\0'; path++) {
		if (*path == '[')
			path += strcspn(path, "]");
		else
			*o++ = *path;
		if (*path == '\0')
			break;
	}
	*o = '\0';
	q = checklist_find_question(cl, bare);
	free(bare);
	return q;
}

/* Read raw: A's path must name a value of the answers that is A's name. */
static bool
export_read_raw_owner(const struct export_package *p,
    const struct export_attachment *a)
{
	char *v = checklist_raw_value(p->answers, a->path);
	bool ok = v != NULL && strcmp(v, a->name) == 0;

	free(v);
	return ok;
}

/* Attachment A (element N) must be the value of a file question, and
 * the only attachment of that question. */
static checklist_status
export_read_attachment_owner(struct export_package *p, xmlNodePtr n,
    const struct export_attachment *a, const char *name,
    struct checklist_error *err)
{
	const struct checklist_question *q = p->raw ? NULL :
	    export_read_question(p->cl, a->path);
	const char *v = p->raw ? NULL : checklist_response_get(p->response,
	    a->path);
	size_t i;

	if (p->raw ? !export_read_raw_owner(p, a) : (q == NULL ||
	    q->type != CHECKLIST_Q_FILE || v == NULL ||
	    strcmp(v, a->name) != 0))
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, name,
		    (int)xmlGetLineNo(n), 0, _("attachment %s: its question does "
		    "not name it"), a->id);
	for (i = 0; &p->attachments[i] != a; i++)
		if (strcmp(p->attachments[i].path, a->path) == 0)
			return checklist_error_set(err, CHECKLIST_ERR_SCHEMA,
			    name, (int)xmlGetLineNo(n), 0, _("attachment %s: a "
			    "second file for one question"), a->id);
	return CHECKLIST_OK;
}

/* Step 7: the attachments. */
static checklist_status
export_read_attachments(struct export_package *p, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr n, list = export_read_child(xmlDocGetRootElement(p->doc),
	    "attachments");
	struct export_attachment *a;

	for (n = list != NULL ? list->children : NULL; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		p->attachments = checklist_xreallocarray(p->attachments,
		    p->nattachments + 1, sizeof *p->attachments);
		a = &p->attachments[p->nattachments++];
		if (export_attach_read(n, name, a, err) != CHECKLIST_OK ||
		    export_read_attachment_owner(p, n, a, name, err) !=
		    CHECKLIST_OK)
			return err->status;
	}
	return CHECKLIST_OK;
}

/* Step 5 failed for want of the definition: go on raw (other_version),
 * unless CL is given and of another checklist, or the failure was not
 * about the definition. */
static checklist_status
export_read_go_raw(struct export_package *p,
    const struct export_read_options *o, const char *name,
    struct checklist_error *err)
{
	if (err == NULL || err->status != CHECKLIST_ERR_NOT_FOUND)
		return err != NULL ? err->status : CHECKLIST_ERR_NOT_FOUND;
	if (o->cl != NULL && strcmp(o->cl->id, p->checklist_id) != 0)
		return checklist_error_reset(err, CHECKLIST_ERR_VALUE, name, 0,
		    0, "the package is of checklist '%s', not '%s'",
		    p->checklist_id, o->cl->id);
	checklist_error_clear(err);
	p->raw = true;
	p->cl = o->cl != NULL ? o->cl : p->cl_owned;
	return CHECKLIST_OK;
}

/* Step 4: validate DOC. The base64 of each attachment (one text node, as
 * written: up to 35 MB in all) is taken out while the schema is checked,
 * and put back: step 7 decodes it strictly in one pass, which the
 * schema's check of xs:base64Binary (a copy, then a second pass) would
 * only repeat. An attachment's empty content is valid base64 for the
 * schema; anything else about it is checked as always. */
static checklist_status
export_read_validate(xmlDocPtr doc, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr n, list = export_read_child(xmlDocGetRootElement(doc),
	    "attachments");
	xmlNodePtr *held = NULL; /* attachment, its text, ... */
	size_t nheld = 0, i;
	checklist_status st;

	for (n = list != NULL ? list->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    n->children->next == NULL &&
		    n->children->type == XML_TEXT_NODE) {
			held = checklist_xreallocarray(held, nheld + 2,
			    sizeof *held);
			held[nheld++] = n;
			held[nheld++] = n->children;
			xmlUnlinkNode(n->children);
		}
	st = checklist_xml_validate(doc, (const char *)export_response_xsd,
	    export_response_xsd_len, name, err);
	for (i = 0; i < nheld; i += 2)
		if (xmlAddChild(held[i], held[i + 1]) != held[i + 1])
			checklist_fatal(_("out of memory (attachments)"));
	free(held);
	return st;
}

/* Steps 2 to 4: inflate (or take plain XML), parse, validate. */
static checklist_status
export_read_doc(const char *buf, size_t len, const char *name,
    const struct export_read_options *o, xmlDocPtr *doc,
    struct checklist_error *err)
{
	struct export_gunzip_caps caps = {
		o->max_inflate ? o->max_inflate : EXPORT_INFLATE_MAX,
		o->max_ratio ? o->max_ratio : EXPORT_RATIO_MAX,
		o->ratio_floor ? o->ratio_floor : EXPORT_RATIO_FLOOR,
	};
	bool gz = len >= 2 && (unsigned char)buf[0] == 0x1f &&
	    (unsigned char)buf[1] == 0x8b;
	char *xml = NULL;
	size_t xlen;
	checklist_status st;

	if (gz || !o->plain) {
		st = export_gunzip(buf, len, name, &caps, &xml, &xlen, err);
		if (st != CHECKLIST_OK)
			return st;
		buf = xml;
		len = xlen;
	}
	st = checklist_xml_parse(buf, len, name, doc, err);
	free(xml);
	if (st != CHECKLIST_OK)
		return st;
	st = export_read_validate(*doc, name, err);
	if (st != CHECKLIST_OK) {
		xmlFreeDoc(*doc);
		*doc = NULL;
	}
	return st;
}

checklist_status
export_read_memory(const char *buf, size_t len, const char *name,
    const struct export_read_options *opts, struct export_package **out,
    struct checklist_error *err)
{
	static const struct export_read_options defaults;
	const struct export_read_options *o = opts != NULL ? opts : &defaults;
	struct export_package *p = checklist_xcalloc(1, sizeof *p);
	checklist_status st;

	*out = NULL;
	if ((st = export_read_doc(buf, len, name, o, &p->doc, err)) ==
	    CHECKLIST_OK) {
		export_read_meta(p);
		export_read_need(p, o->need);
		st = export_read_checklist(p, o, name, err);
		if (st != CHECKLIST_OK && o->other_version)
			st = export_read_go_raw(p, o, name, err);
		if (st != CHECKLIST_OK && o->need != NULL)
			o->need->unavailable = true;
		if (st == CHECKLIST_OK &&
		    (st = export_read_answers(p, name, err)) == CHECKLIST_OK &&
		    (st = export_read_attachments(p, name, err)) ==
		    CHECKLIST_OK)
			st = export_recheck(p, name, err);
	}
	if (st != CHECKLIST_OK) {
		export_package_free(p);
		return st;
	}
	*out = p;
	return CHECKLIST_OK;
}

checklist_status
export_read_file(const char *file, const struct export_read_options *opts,
    struct export_package **out, struct checklist_error *err)
{
	size_t max = opts != NULL && opts->max_read ? opts->max_read :
	    EXPORT_READ_MAX;
	checklist_status st;
	size_t len;
	char *buf;

	*out = NULL;
	st = checklist_read_file(file, max, &buf, &len, err);
	if (st != CHECKLIST_OK)
		return st;
	st = export_read_memory(buf, len, file, opts, out, err);
	free(buf);
	return st;
}

void
export_package_free(struct export_package *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nattachments; i++)
		export_attachment_clear(&p->attachments[i]);
	free(p->attachments);
	if (p->response != NULL)
		checklist_response_free(p->response);
	if (p->cl_owned != NULL)
		checklist_free(p->cl_owned);
	xmlFreeDoc(p->doc);
	free(p->checklist_id);
	free(p->checklist_version);
	free(p->checklist_sha256);
	free(p->checklist_title);
	free(p->state);
	free(p->lang);
	free(p->created);
	free(p->exported);
	free(p->program);
	free(p->submission_id);
	free(p);
}

/*
 * export_package.c: build the submission package and write it.
 *
 * The package document (doc/response-format.md) is put together in
 * memory: <metadata> (export_meta.c), <answers> (a pruned copy of the
 * response, export_answers.c) and <attachments> (export_attach.c). It is
 * checked against the embedded data/response.xsd before anything leaves
 * (a package that does not validate is our bug, not the user's), then
 * serialised and gzip-compressed reproducibly (export_gzip.c).
 *
 * The response keeps two things across exports in its root element: the
 * submission id (made once, random) and the revision (one more at each
 * export written), plus the creation time when the response file does
 * not record one.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"

/* A random version 4 UUID, lower case. */
static void
export_new_uuid(char *buf, size_t size)
{
	unsigned char b[16];

	if (getentropy(b, sizeof b) != 0)
		checklist_fatal(_("no random bytes: %s"), strerror(errno));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(buf, size, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* Is S a UUID as the schema wants it? */
static bool
export_is_uuid(const char *s)
{
	size_t i;

	if (strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++)
		if (i == 8 || i == 13 || i == 18 || i == 23 ? s[i] != '-' :
		    strchr("0123456789abcdef", s[i]) == NULL || s[i] == '\0')
			return false;
	return true;
}

/* R's submission id, created and stored when missing. Caller frees. */
static char *
export_submission_id(struct checklist_response *r)
{
	xmlNodePtr root = xmlDocGetRootElement(r->doc);
	xmlChar *v = xmlGetProp(root, EXPORT_XC(EXPORT_ATTR_SUBMISSION));
	char buf[40];

	if (v != NULL && export_is_uuid((const char *)v)) {
		snprintf(buf, sizeof buf, "%s", (const char *)v);
		xmlFree(v);
		return checklist_xstrdup(buf);
	}
	xmlFree(v);
	export_new_uuid(buf, sizeof buf);
	xmlSetProp(root, EXPORT_XC(EXPORT_ATTR_SUBMISSION), EXPORT_XC(buf));
	return checklist_xstrdup(buf);
}

unsigned long
export_response_revision(struct checklist_response *r)
{
	xmlChar *v = xmlGetProp(xmlDocGetRootElement(r->doc),
	    EXPORT_XC(EXPORT_ATTR_REVISION));
	unsigned long n = 0;
	char *end;

	if (v != NULL) {
		errno = 0;
		n = strtoul((const char *)v, &end, 10);
		if (errno != 0 || *end != '\0' || n >= 1000000000ul)
			n = 0;
	}
	xmlFree(v);
	return n;
}

/* Set ATTR of R's root to N. */
static void
export_stamp(xmlNodePtr root, const char *attr, unsigned long n)
{
	char num[32];

	snprintf(num, sizeof num, "%lu", n);
	xmlSetProp(root, EXPORT_XC(attr), EXPORT_XC(num));
}

/* Put the pruned answers under ANSWERS; the copy names the package's
 * submission and revision. */
static checklist_status
export_add_answers(xmlNodePtr answers, struct checklist_response *r,
    const struct export_options *o, const struct export_problems *probs,
    struct export_attach_set *set, const char *id, unsigned long rev,
    struct checklist_error *err)
{
	xmlNodePtr resp;

	export_strays_free(o->strays); /* a second build lists them again */
	resp = export_answers_copy(r, probs, set, o->strays, err);

	if (resp == NULL)
		return err->status;
	/* The answers are in no namespace: say so, or they would fall in
	 * the package's default namespace when read back. */
	xmlNewNs(resp, EXPORT_XC(""), NULL);
	xmlSetProp(resp, EXPORT_XC(EXPORT_ATTR_SUBMISSION), EXPORT_XC(id));
	export_stamp(resp, EXPORT_ATTR_REVISION, rev);
	xmlAddChild(answers, resp);
	return CHECKLIST_OK;
}

/* The package document of R. */
static checklist_status
export_doc(struct checklist_response *r, const struct export_options *o,
    const struct export_problems *probs, time_t now, xmlDocPtr *out,
    struct checklist_error *err)
{
	struct export_attach_set set;
	xmlDocPtr doc = xmlNewDoc(EXPORT_XC("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, EXPORT_XC("package"), NULL);
	xmlNodePtr answers;
	char *id = export_submission_id(r);
	unsigned long rev = export_response_revision(r) + 1;
	checklist_status st;

	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, EXPORT_XC(EXPORT_NS), NULL));
	xmlNewProp(root, EXPORT_XC("format"), EXPORT_XC(EXPORT_FORMAT));
	export_meta_add(root, r, probs, id, rev, now);
	answers = xmlNewChild(root, NULL, EXPORT_XC("answers"), NULL);
	memset(&set, 0, sizeof set);
	set.parent = xmlNewChild(root, NULL, EXPORT_XC("attachments"), NULL);
	set.file_max = o->attach_file_max ? o->attach_file_max :
	    EXPORT_ATTACH_FILE_MAX;
	set.total_max = o->attach_total_max ? o->attach_total_max :
	    EXPORT_ATTACH_TOTAL_MAX;
	set.base_dir = o->base_dir;
	set.r = r;
	st = export_add_answers(answers, r, o, probs, &set, id, rev, err);
	free(id);
	if (st != CHECKLIST_OK) {
		xmlFreeDoc(doc);
		return st;
	}
	*out = doc;
	return CHECKLIST_OK;
}

/* Refuse an incomplete response unless forced. */
static checklist_status
export_refuse(const struct export_problems *p, struct checklist_error *err)
{
	char missing[96], invalid[96];

	export_problems_counts(p, missing, invalid, sizeof missing);
	return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
	    _("the response is not complete: %s, %s (first: %s: %s)"), missing,
	    invalid, p->v[0].path, p->v[0].reason);
}

/* What the reader would refuse is never written, --force or not: a value
 * outside its type's rules (control characters, bytes not UTF-8, too
 * long: a hand-edited response). Each one's path is listed. */
static checklist_status
export_refuse_unreadable(struct checklist_response *r,
    const struct export_problems *p, struct checklist_error *err)
{
	struct checklist_error e;
	char list[512] = "";
	const char *v;
	size_t i, n = 0, used = 0;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].kind != EXPORT_PROBLEM_INVALID ||
		    p->v[i].question == NULL ||
		    (v = checklist_response_get(r, p->v[i].path)) == NULL)
			continue;
		checklist_error_clear(&e);
		if (checklist_value_check(p->v[i].question, v, &e) ==
		    CHECKLIST_OK)
			continue;
		if (n++ < 8 && used + strlen(p->v[i].path) + 3 < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%s%s", used > 0 ? ", " : "", p->v[i].path);
	}
	if (n == 0)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
	    P_("%zu answer outside the rules of its question, never exported, "
	    "not even with --force (the package could not be read back): "
	    "%s%s; correct or clear it (sacl get shows them)", "%zu answers "
	    "outside the rules of their questions, never exported, not even "
	    "with --force (the package could not be read back): %s%s; "
	    "correct or clear them (sacl get shows them)", n), n, list,
	    n > 8 ? ", ..." : "");
}

/* What export writes, any reader of packages must take: within the
 * inflate cap of checklist_limits.h. */
static checklist_status
export_check_size(size_t size, struct checklist_error *err)
{
	if (size <= EXPORT_INFLATE_MAX)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, NULL, 0, 0,
	    _("the package would be %.1f MiB once inflated, over the cap of "
	    "%.1f MiB that every reader applies; nothing is written"),
	    (double)size / (1024 * 1024),
	    (double)EXPORT_INFLATE_MAX / (1024 * 1024));
}

/* Validate DOC against the package schema, serialise, compress. */
static checklist_status
export_finish(xmlDocPtr doc, char **buf, size_t *len,
    struct checklist_error *err)
{
	struct checklist_error e;
	char *mem = NULL;
	size_t size = 0;
	checklist_status st;

	checklist_error_clear(&e);
	if (checklist_xml_validate(doc, (const char *)export_response_xsd,
	    export_response_xsd_len, "package", &e) != CHECKLIST_OK)
		return checklist_error_set(err, CHECKLIST_ERR_SCHEMA, NULL, 0,
		    0, _("internal error: the package does not validate: %s"),
		    checklist_error_text(&e));
	if (checklist_doc_dump(doc, true, &mem, &size) != CHECKLIST_OK)
		checklist_fatal(_("out of memory (serialising the package)"));
	st = export_check_size(size, err);
	if (st == CHECKLIST_OK)
		st = export_gzip(mem, size, buf, len, err);
	free(mem);
	return st;
}

checklist_status
export_build(struct checklist_response *r, const struct export_options *opts,
    char **buf, size_t *len, struct checklist_error *err)
{
	static const struct export_options defaults;
	const struct export_options *o = opts != NULL ? opts : &defaults;
	struct export_problems own = { 0 };
	const struct export_problems *probs = o->checked;
	xmlDocPtr doc;
	checklist_status st;

	*buf = NULL;
	*len = 0;
	/* a contribution, or conflicts left: never a submission, forced
	 * or not (the callers say it first, with the file's name) */
	if (checklist_response_submittable(r, "the response", err) !=
	    CHECKLIST_OK)
		return err->status;
	if (probs == NULL) { /* else checked by the caller: not twice */
		export_check(r, o, &own);
		probs = &own;
	}
	if (probs->n > 0 && (st = export_refuse_unreadable(r, probs, err)) !=
	    CHECKLIST_OK) {
		export_problems_free(&own);
		return st;
	}
	if (probs->n > 0 && !o->force) {
		st = export_refuse(probs, err);
		export_problems_free(&own);
		return st;
	}
	st = export_doc(r, o, probs, export_now(o->now), &doc, err);
	export_problems_free(&own);
	if (st != CHECKLIST_OK)
		return st;
	st = export_finish(doc, buf, len, err);
	xmlFreeDoc(doc);
	return st;
}

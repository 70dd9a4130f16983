/*
 * export_recheck.c: step 8 of the package reader (export_read.c): what
 * the metadata claim, recomputed from the answers.
 *
 * A package's <metadata> say what the answers are (State, completeness
 * and its counts, language, submission, consent, focal point) so that a
 * reader need not open them; they are also the easiest part to edit by
 * hand. The reader believes none of it: it builds the metadata the
 * writer would have written for these answers (export_meta_add, the one
 * writer, on export_check's problems, the one checker) and compares them
 * with the package's, element by element. Each disagreement is named;
 * any refuses the package. What the answers cannot tell (when it was
 * exported, by which program, the definition's title) is not compared;
 * the definition itself was checked by step 5.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"
#include "export/export_internal.h"

#define RECHECK_MAX_SAID 8 /* disagreements named in the message */

/* Elements of <metadata> not derived from the answers. */
static bool
export_recheck_skipped(const xmlChar *name)
{
	static const char *const skip[] = { "exported", "program",
		"checklist" /* id and version: step 5; the title: ours */ };
	size_t i;

	for (i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if (xmlStrEqual(name, EXPORT_XC(skip[i])))
			return true;
	return false;
}

/* The first child element of EL named NAME, or NULL. */
static xmlNodePtr
export_recheck_child(xmlNodePtr el, const xmlChar *name)
{
	xmlNodePtr n;

	for (n = el != NULL ? el->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, name))
			return n;
	return NULL;
}

/* EL as one line: its attributes and text, its children's the same
 * (the indentation between elements aside); what two elements are
 * compared by. Caller frees. */
static char *
export_recheck_flat(xmlNodePtr el)
{
	xmlBufferPtr b = xmlBufferCreate();
	xmlNodePtr n;
	xmlAttrPtr a;
	char *out;

	if (b == NULL)
		checklist_fatal(_("out of memory (metadata)"));
	for (a = el->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

		xmlBufferWriteChar(b, " ");
		xmlBufferWriteCHAR(b, a->name);
		xmlBufferWriteChar(b, "=");
		xmlBufferWriteQuotedString(b, v != NULL ? v : EXPORT_XC(""));
		xmlFree(v);
	}
	for (n = el->children; n != NULL; n = n->next)
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && !xmlIsBlankNode(n)) {
			xmlBufferWriteChar(b, " ");
			xmlBufferWriteCHAR(b, n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			char *sub = export_recheck_flat(n);

			xmlBufferWriteChar(b, " <");
			xmlBufferWriteCHAR(b, n->name);
			xmlBufferWriteChar(b, sub);
			xmlBufferWriteChar(b, ">");
			free(sub);
		}
	out = checklist_xstrdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return out;
}

/* Add "NAME: the package says X, the answers Y" to LIST (N said). */
static void
export_recheck_say(char **list, size_t *n, const xmlChar *name,
    const char *said, const char *derived)
{
	char *s, *a, *b, *more;

	if ((*n)++ >= RECHECK_MAX_SAID)
		return;
	a = checklist_sanitize(said != NULL ? said : "nothing", false);
	b = checklist_sanitize(derived != NULL ? derived : "nothing", false);
	s = checklist_xasprintf("<%s> says%s, the answers give%s",
	    (const char *)name, a, b);
	more = checklist_xasprintf("%s%s%s", *list != NULL ? *list : "",
	    *list != NULL ? "; " : "", s);
	free(*list);
	*list = more;
	free(s);
	free(a);
	free(b);
}

/* Compare the package's metadata MD with DERIVED; the disagreements in
 * *LIST, counted in the return value. */
static size_t
export_recheck_compare(xmlNodePtr md, xmlNodePtr derived, char **list)
{
	xmlNodePtr d, m;
	size_t n = 0;
	char *a, *b;

	for (d = derived->children; d != NULL; d = d->next) {
		if (d->type != XML_ELEMENT_NODE ||
		    export_recheck_skipped(d->name))
			continue;
		m = export_recheck_child(md, d->name);
		b = export_recheck_flat(d);
		a = m != NULL ? export_recheck_flat(m) : NULL;
		if (a == NULL || strcmp(a, b) != 0)
			export_recheck_say(list, &n, d->name, a, b);
		free(a);
		free(b);
	}
	for (m = md->children; m != NULL; m = m->next)
		if (m->type == XML_ELEMENT_NODE &&
		    export_recheck_child(derived, m->name) == NULL) {
			a = export_recheck_flat(m);
			export_recheck_say(list, &n, m->name, a, NULL);
			free(a);
		}
	return n;
}

/* The root attribute NAME of P's answers, or NULL. Caller frees. */
static char *
export_recheck_attr(const struct export_package *p, const char *name)
{
	return checklist_xml_attr(p->answers, name);
}

/* The metadata the writer would give P's answers, in a scratch
 * document (caller frees it); *MD its <metadata>. */
static xmlDocPtr
export_recheck_derive(const struct export_package *p, xmlNodePtr *md)
{
	/* export_answers_check passed every value of the answers */
	static const struct export_options embedded = { .embedded = true,
	    .values_checked = true };
	struct export_problems probs;
	xmlDocPtr doc = xmlNewDoc(EXPORT_XC("1.0"));
	xmlNodePtr pkg = xmlNewDocNode(doc, NULL, EXPORT_XC("package"), NULL);
	char *id = export_recheck_attr(p, EXPORT_ATTR_SUBMISSION);
	char *rev = export_recheck_attr(p, EXPORT_ATTR_REVISION);
	char *end = NULL;
	unsigned long revision = p->revision;

	if (rev != NULL) {
		revision = strtoul(rev, &end, 10);
		if (end == rev || *end != '\0')
			revision = 0; /* says so as a disagreement */
	}
	xmlDocSetRootElement(doc, pkg);
	export_check(p->response, &embedded, &probs);
	export_meta_add(pkg, p->response, &probs, id != NULL ? id :
	    p->submission_id, revision, time(NULL));
	export_problems_free(&probs);
	*md = export_recheck_child(pkg, EXPORT_XC("metadata"));
	free(id);
	free(rev);
	return doc;
}

checklist_status
export_recheck(const struct export_package *p, const char *name,
    struct checklist_error *err)
{
	xmlNodePtr md, derived, created;
	xmlDocPtr doc;
	char *list = NULL, *stamp;
	size_t n;
	checklist_status st = CHECKLIST_OK;

	if (p->raw || p->response == NULL)
		return CHECKLIST_OK; /* other_version: said in export.h */
	md = export_recheck_child(xmlDocGetRootElement(p->doc),
	    EXPORT_XC("metadata"));
	doc = export_recheck_derive(p, &derived);
	/* an older response without its creation time: the writer put the
	 * time of the export there, which the answers cannot tell */
	stamp = export_recheck_attr(p, EXPORT_ATTR_CREATED);
	if (stamp == NULL && (created = export_recheck_child(derived,
	    EXPORT_XC("created"))) != NULL) {
		xmlUnlinkNode(created);
		xmlFreeNode(created);
		if ((created = export_recheck_child(md,
		    EXPORT_XC("created"))) != NULL)
			xmlAddChild(derived, xmlCopyNode(created, 1));
	}
	free(stamp);
	if (md == NULL || derived == NULL) /* the schema requires it */
		checklist_fatal(_("a package without metadata passed the "
		    "schema"));
	n = export_recheck_compare(md, derived, &list);
	if (n > 0)
		st = checklist_error_set(err, CHECKLIST_ERR_VALUE, name, 0, 0,
		    P_("the metadata contradict the answers (%zu "
		    "disagreement): %s%s", "the metadata contradict the "
		    "answers (%zu disagreements): %s%s", n), n, list,
		    n > RECHECK_MAX_SAID ? "; ..." : "");
	free(list);
	xmlFreeDoc(doc);
	return st;
}

/*
 * export_meta.c: the <metadata> element of a package, and the clock.
 *
 * The metadata say what the package is without reading the answers:
 * which checklist and version, which State, whom to contact, when it was
 * made, by which program, which submission and revision, whether it may
 * be published and how complete it is.
 *
 * The State, focal point, contacts and consent come from the answers
 * of the questions that have their roles (checklist_role(); roles are
 * declared in the definition, doc/checklist-format.md): "state" (a single
 * choice whose values are State codes), "focal-point-name", "-title",
 * "-organization", "-email", "-phone", the repeat "contacts" (with
 * "contact-name", "-title", "-organization", "-email", "-phone" on its
 * questions) and the boolean "consent". A checklist without one of these
 * roles just leaves its part of the metadata out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/export_internal.h"

/* A person element's children, in schema order, and the roles of the
 * questions that fill them: the focal point's, a contact's. */
static const struct {
	const char *element, *focal, *contact;
} export_person_fields[] = {
	{ "name", CHECKLIST_ROLE_FP_NAME, CHECKLIST_ROLE_CONTACT_NAME },
	{ "title", CHECKLIST_ROLE_FP_TITLE, CHECKLIST_ROLE_CONTACT_TITLE },
	{ "organization", CHECKLIST_ROLE_FP_ORG, CHECKLIST_ROLE_CONTACT_ORG },
	{ "email", CHECKLIST_ROLE_FP_EMAIL, CHECKLIST_ROLE_CONTACT_EMAIL },
	{ "phone", CHECKLIST_ROLE_FP_PHONE, CHECKLIST_ROLE_CONTACT_PHONE },
};
#define EXPORT_NPERSON \
	(sizeof export_person_fields / sizeof export_person_fields[0])
/* The schema's limits on metadata (data/response.xsd). */
#define EXPORT_LINE_MAX 2000
#define EXPORT_CONTACTS_MAX 1000

void
export_iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

bool
export_parse_time(const char *text, time_t *t)
{
	struct tm tm;
	char tail;

	memset(&tm, 0, sizeof tm);
	if (sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2dZ%c", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tail) != 6 ||
	    strlen(text) != 20)
		return false;
	if (tm.tm_year < 1970 || tm.tm_mon < 1 || tm.tm_mon > 12 ||
	    tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*t = timegm(&tm);
	return *t != (time_t)-1;
}

time_t
export_now(time_t now)
{
	const char *env = getenv(EXPORT_NOW_ENV);
	time_t t;

	if (now != 0)
		return now;
	if (env != NULL && export_parse_time(env, &t))
		return t;
	return time(NULL);
}

/* The answer to the front question with ROLE ("" when none). */
static const char *
export_meta_role(struct checklist_response *r, const char *role)
{
	const struct checklist_question *q = checklist_role(r->cl, NULL, role);
	const char *v;

	if (q == NULL || q->parent != NULL)
		return "";
	v = checklist_response_get(r, q->path);
	return v != NULL ? v : "";
}

const char *
export_meta_state(struct checklist_response *r)
{
	const char *v = export_meta_role(r, CHECKLIST_ROLE_STATE);

	return v[0] != '\0' ? v : NULL;
}

/* Add <state code="CODE">NAME</state> when the State is answered. */
static void
export_meta_add_state(xmlNodePtr md, struct checklist_response *r)
{
	const char *code = export_meta_state(r), *label = "";
	const struct checklist_question *q;
	xmlNodePtr el;
	size_t i;

	if (code == NULL)
		return;
	/* the loader made sure it is a single choice: the code is one of
	 * its values, an NMTOKEN */
	q = checklist_role(r->cl, NULL, CHECKLIST_ROLE_STATE);
	for (i = 0; i < q->nchoices; i++)
		if (strcmp(q->choices[i].value, code) == 0)
			label = checklist_text_get(&q->choices[i].label,
			    r->lang, r->cl->default_lang);
	el = xmlNewTextChild(md, NULL, EXPORT_XC("state"), EXPORT_XC(label));
	xmlNewProp(el, EXPORT_XC("code"), EXPORT_XC(code));
}

/* The answer to the question with ROLE: a front question (ENTRY NULL),
 * or one in ENTRY ("front/contacts[N]") of the contacts list. */
static const char *
export_meta_person_value(struct checklist_response *r, const char *role,
    const char *entry)
{
	const struct checklist_question *q;
	const char *v;
	char *path;

	if (entry == NULL)
		return export_meta_role(r, role);
	q = checklist_role(r->cl, NULL, role);
	if (q == NULL || q->parent == NULL)
		return "";
	path = checklist_xasprintf("%s/%s", entry, q->id);
	v = checklist_response_get(r, path);
	free(path);
	return v != NULL ? v : "";
}

/* Add a person element: each field answered, of the focal point (ENTRY
 * NULL) or of the contact in ENTRY ("front/contacts[N]"). */
static void
export_meta_add_person(xmlNodePtr parent, const char *element,
    struct checklist_response *r, const char *entry)
{
	xmlNodePtr el = NULL;
	const char *v;
	size_t i;

	for (i = 0; i < EXPORT_NPERSON; i++) {
		v = export_meta_person_value(r, entry == NULL ?
		    export_person_fields[i].focal :
		    export_person_fields[i].contact, entry);
		if (v[0] == '\0' || strlen(v) > EXPORT_LINE_MAX)
			continue; /* not a one-line answer: not for metadata */
		if (el == NULL)
			el = xmlNewChild(parent, NULL, EXPORT_XC(element),
			    NULL);
		xmlNewTextChild(el, NULL,
		    EXPORT_XC(export_person_fields[i].element), EXPORT_XC(v));
	}
}

/* Add <contacts> with one <contact> per entry of the contacts list. */
static void
export_meta_add_contacts(xmlNodePtr md, struct checklist_response *r)
{
	const struct checklist_question *q = checklist_role(r->cl, NULL,
	    CHECKLIST_ROLE_CONTACTS);
	xmlNodePtr el;
	char *entry;
	size_t i, n;

	n = q != NULL ? checklist_response_entries(r, q->path) : 0;
	if (n == 0)
		return;
	el = xmlNewChild(md, NULL, EXPORT_XC("contacts"), NULL);
	for (i = 1; i <= n && i <= EXPORT_CONTACTS_MAX; i++) {
		entry = checklist_xasprintf("%s[%zu]", q->path, i);
		export_meta_add_person(el, "contact", r, entry);
		free(entry);
	}
	/* A contact with nothing answered adds no element: keep the
	 * schema's "at least one" by removing an empty list. */
	if (el->children == NULL) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
	}
}

/* The language the answers were given in. */
static const char *
export_meta_lang(struct checklist_response *r)
{
	if (r->lang != NULL && r->lang[0] != '\0')
		return r->lang;
	return r->cl->default_lang != NULL ? r->cl->default_lang : "en";
}

/* Add an element holding a number as text, or as attribute ATTR. */
static void
export_meta_num(xmlNodePtr el, const char *attr, size_t n)
{
	char num[32];

	snprintf(num, sizeof num, "%zu", n);
	xmlNewProp(el, EXPORT_XC(attr), EXPORT_XC(num));
}

/* Add <completeness .../> from PROBS. */
static void
export_meta_add_completeness(xmlNodePtr md,
    const struct export_problems *probs)
{
	xmlNodePtr el = xmlNewChild(md, NULL, EXPORT_XC("completeness"), NULL);

	xmlNewProp(el, EXPORT_XC("complete"),
	    EXPORT_XC(probs->n == 0 ? "true" : "false"));
	export_meta_num(el, "relevant", probs->progress.relevant);
	export_meta_num(el, "answered", probs->progress.answered);
	export_meta_num(el, "required", probs->progress.required);
	export_meta_num(el, "required-answered",
	    probs->progress.required_answered);
	export_meta_num(el, "missing", probs->missing);
	export_meta_num(el, "invalid", probs->invalid);
}

/* Add the times: created (the response's, else NOW) and exported. */
static void
export_meta_add_times(xmlNodePtr md, struct checklist_response *r,
    time_t now)
{
	xmlChar *created = xmlGetProp(xmlDocGetRootElement(r->doc),
	    EXPORT_XC(EXPORT_ATTR_CREATED));
	char buf[32];
	time_t t;

	export_iso_time(now, buf, sizeof buf);
	if (created != NULL && export_parse_time((const char *)created, &t))
		export_iso_time(t, buf, sizeof buf);
	xmlNewTextChild(md, NULL, EXPORT_XC("created"), EXPORT_XC(buf));
	export_iso_time(now, buf, sizeof buf);
	xmlNewTextChild(md, NULL, EXPORT_XC("exported"), EXPORT_XC(buf));
	xmlFree(created);
}

/* The definition the answers were filled against, in <checklist>: its
 * SHA-256 (attribute sha256) and its title in the default language
 * (the text, at most EXPORT_LINE_MAX bytes, cut between characters). */
static void
export_meta_add_definition(xmlNodePtr el, const struct checklist *cl)
{
	const char *title = checklist_text_get(&cl->title, NULL,
	    cl->default_lang);
	size_t n = strlen(title);

	if (cl->sha256[0] != '\0')
		xmlNewProp(el, EXPORT_XC("sha256"), EXPORT_XC(cl->sha256));
	while (n > EXPORT_LINE_MAX ||
	    (n > 0 && ((unsigned char)title[n] & 0xc0) == 0x80))
		n--;
	xmlNodeAddContentLen(el, EXPORT_XC(title), (int)n);
}

void
export_meta_add(xmlNodePtr pkg, struct checklist_response *r,
    const struct export_problems *probs, const char *submission_id,
    unsigned long revision, time_t now)
{
	xmlNodePtr md = xmlNewChild(pkg, NULL, EXPORT_XC("metadata"), NULL);
	xmlNodePtr el;
	const char *consent;
	char num[32];

	el = xmlNewChild(md, NULL, EXPORT_XC("checklist"), NULL);
	xmlNewProp(el, EXPORT_XC("id"), EXPORT_XC(r->cl->id));
	xmlNewProp(el, EXPORT_XC("version"), EXPORT_XC(r->cl->version));
	export_meta_add_definition(el, r->cl);
	export_meta_add_state(md, r);
	export_meta_add_person(md, "focal-point", r, NULL);
	export_meta_add_contacts(md, r);
	xmlNewTextChild(md, NULL, EXPORT_XC("language"),
	    EXPORT_XC(export_meta_lang(r)));
	export_meta_add_times(md, r, now);
	el = xmlNewChild(md, NULL, EXPORT_XC("program"), NULL);
	xmlNewProp(el, EXPORT_XC("name"), EXPORT_XC(PACKAGE_NAME));
	xmlNewProp(el, EXPORT_XC("version"), EXPORT_XC(PACKAGE_VERSION));
	el = xmlNewChild(md, NULL, EXPORT_XC("submission"), NULL);
	xmlNewProp(el, EXPORT_XC("id"), EXPORT_XC(submission_id));
	snprintf(num, sizeof num, "%lu", revision);
	xmlNewProp(el, EXPORT_XC("revision"), EXPORT_XC(num));
	consent = export_meta_role(r, CHECKLIST_ROLE_CONSENT);
	xmlNewTextChild(md, NULL, EXPORT_XC("consent-to-publish"),
	    EXPORT_XC(strcmp(consent, "yes") == 0 ||
	    strcmp(consent, "no") == 0 ? consent : "unanswered"));
	export_meta_add_completeness(md, probs);
}

/*
 * checklist_carry.c: carry a previous cycle's answers forward into a new
 * response (`sacl fill --from LAST`), and the "to review" marks they
 * bear until confirmed or changed (checklist.h, doc/response-format.md).
 *
 * The current definition leads: each of its questions is looked up in
 * the last cycle's document by the ids of its groups and its own id, so
 * that a question moved to another provision is not matched, and one
 * dropped since leaves its old value unmatched. Every value of the old
 * document that was not taken (unfit, or no longer asked) is listed:
 * a second pass over the old document (checklist_flat_read) finds those
 * the walk never reached.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "checklist/checklist_internal.h"

struct checklist_carry_walk {
	struct checklist_response *r;
	checklist_carry_file_fn file;
	void *arg;
	struct checklist_carry *out;
	char **seen; /* value paths of the old document dealt with */
	size_t nseen;
};

static void
checklist_carry_seen(struct checklist_carry_walk *w, const char *path)
{
	w->seen = checklist_xreallocarray(w->seen, w->nseen + 1,
	    sizeof *w->seen);
	w->seen[w->nseen++] = checklist_xstrdup(path);
}

static void checklist_carry_skip(struct checklist_carry *c, const char *path,
    const char *value, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
checklist_carry_skip(struct checklist_carry *c, const char *path,
    const char *value, const char *fmt, ...)
{
	struct checklist_carry_skip *s;
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c->skipped = checklist_xreallocarray(c->skipped, c->nskipped + 1,
	    sizeof *c->skipped);
	s = &c->skipped[c->nskipped++];
	s->path = checklist_xstrdup(path);
	s->value = checklist_xstrdup(value);
	s->reason = checklist_xstrdup(buf);
}

/* A file answer: its bytes from the package, taken in like any file. */
static bool
checklist_carry_file(struct checklist_carry_walk *w, xmlNodePtr dst,
    const char *path, const char *value)
{
	struct checklist_attach_copy c;
	struct checklist_error e;
	const char *data = NULL, *name = NULL;
	size_t len = 0;

	if (w->file == NULL || !w->file(w->arg, path, value, &data, &len,
	    &name)) {
		checklist_carry_skip(w->out, path, value,
		    _("an attached file is carried only from a package, which "
		    "holds its bytes: attach it again"));
		return false;
	}
	checklist_error_clear(&e);
	if (checklist_attach_prepare_bytes(w->r, dst, name, data, len, &c,
	    &e) != CHECKLIST_OK || checklist_attach_commit(w->r, &c, &e) !=
	    CHECKLIST_OK) {
		checklist_carry_skip(w->out, path, value, "%s", e.message);
		checklist_attach_copy_free(&c);
		return false;
	}
	xmlNodeSetContent(dst, NULL);
	xmlNodeAddContent(dst, (const xmlChar *)c.stored);
	xmlSetProp(dst, (const xmlChar *)CHECKLIST_ATTR_SHA256,
	    (const xmlChar *)c.sha256);
	checklist_attach_copy_free(&c);
	return true;
}

/* The "other" text OTHER of SRC, when the value NORM taken allows it. */
static void
checklist_carry_other(struct checklist_carry_walk *w,
    const struct checklist_question *q, xmlNodePtr dst, const char *path,
    const char *norm, const char *other)
{
	char *p;

	if (other == NULL || other[0] == '\0')
		return;
	if (q->other && checklist_path_has_other(norm)) {
		xmlSetProp(dst, (const xmlChar *)"other",
		    (const xmlChar *)other);
		return;
	}
	p = checklist_xasprintf("%s:other", path);
	checklist_carry_skip(w->out, p, other, "%s", q->other ?
	    _("\"other\" is not chosen now") : _("\"other\" is not offered "
	    "now"));
	free(p);
}

/* A value not taken for REASON, its "other" text (lost with it) shown. */
static void
checklist_carry_unfit(struct checklist_carry_walk *w, const char *path,
    const char *value, const char *other, const char *reason)
{
	char *shown = other != NULL && other[0] != '\0' ?
	    checklist_xasprintf("%s (other: %s)", value, other) :
	    checklist_xstrdup(value);

	checklist_carry_skip(w->out, path, shown, "%s", reason);
	free(shown);
}

/* One value: SRC (old) into DST (new) at PATH; true when taken. */
static bool
checklist_carry_value(struct checklist_carry_walk *w,
    const struct checklist_question *q, xmlNodePtr src, xmlNodePtr dst,
    const char *path)
{
	char *v = checklist_xml_text(src), *other = checklist_xml_attr(src,
	    "other"), *norm = NULL;
	struct checklist_error e;
	bool taken = false;

	checklist_carry_seen(w, path);
	checklist_error_clear(&e);
	if (v[0] == '\0') {
		if (other != NULL && other[0] != '\0')
			checklist_carry_other(w, q, dst, path, "", other);
	} else if (q->type == CHECKLIST_Q_FILE) {
		taken = checklist_carry_file(w, dst, path, v);
	} else if (checklist_value_check(q, (norm =
	    checklist_value_normalize(q, v)), &e) != CHECKLIST_OK) {
		checklist_carry_unfit(w, path, v, other, e.message);
	} else {
		xmlNodeSetContent(dst, NULL);
		xmlNodeAddContent(dst, (const xmlChar *)norm);
		checklist_carry_other(w, q, dst, path, norm, other);
		taken = true;
	}
	w->out->taken += taken;
	free(norm);
	free(other);
	free(v);
	return taken;
}

static bool checklist_carry_question(struct checklist_carry_walk *w,
    const struct checklist_question *q, xmlNodePtr src_parent,
    const char *prefix, const char *old_prefix);

/* A repeat: its old entries one by one, an entry kept when it took
 * anything. */
static bool
checklist_carry_repeat(struct checklist_carry_walk *w,
    const struct checklist_question *q, xmlNodePtr src, const char *path,
    const char *old_path)
{
	struct checklist_error e;
	xmlNodePtr en;
	size_t i, old = 0, k;
	bool any, taken = false;
	char *p, *op;

	for (en = src->children; en != NULL; en = en->next) {
		if (en->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)en->name, "entry") != 0)
			continue;
		old++;
		checklist_error_clear(&e);
		if (checklist_response_add_entry(w->r, path, &i, &e) !=
		    CHECKLIST_OK)
			break; /* the cap: the rest is listed as not taken */
		p = checklist_xasprintf("%s[%zu]", path, i);
		op = checklist_xasprintf("%s[%zu]", old_path, old);
		for (any = false, k = 0; k < q->nchildren; k++)
			any |= checklist_carry_question(w, q->children[k], en,
			    p, op);
		if (!any)
			checklist_response_remove_entry(w->r, path, i, &e);
		taken |= any;
		free(op);
		free(p);
	}
	return taken;
}

/* Question Q, whose old element is a child of SRC_PARENT; PREFIX is the
 * value path of the group or entry holding it in the new response,
 * OLD_PREFIX in the old one (entries not taken make them differ). */
static bool
checklist_carry_question(struct checklist_carry_walk *w,
    const struct checklist_question *q, xmlNodePtr src_parent,
    const char *prefix, const char *old_prefix)
{
	xmlNodePtr src = checklist_child_named(src_parent, q->id), dst;
	const struct checklist_question *dq;
	char *path = checklist_xasprintf("%s/%s", prefix, q->id);
	char *old_path = checklist_xasprintf("%s/%s", old_prefix, q->id);
	bool other, taken = false;

	if (src == NULL) {
		free(old_path);
		free(path);
		return false;
	}
	if (q->type == CHECKLIST_Q_REPEAT) {
		taken = checklist_carry_repeat(w, q, src, path, old_path);
	} else {
		dst = checklist_path_resolve(w->r, path, true, &dq, &other);
		taken = dst != NULL && checklist_carry_value(w, q, src, dst,
		    old_path);
	}
	if (taken && q->parent == NULL) {
		dst = checklist_path_resolve(w->r, path, false, &dq, &other);
		if (dst != NULL) {
			xmlSetProp(dst, (const xmlChar *)CHECKLIST_ATTR_REVIEW,
			    (const xmlChar *)CHECKLIST_REVIEW_LAST);
			checklist_marks_added(w->r);
			w->out->marked++;
		}
	}
	free(old_path);
	free(path);
	return taken;
}

static bool
checklist_carry_was_seen(const struct checklist_carry_walk *w,
    const char *path)
{
	size_t i;

	for (i = 0; i < w->nseen; i++)
		if (strcmp(w->seen[i], path) == 0)
			return true;
	return false;
}

/* IT was never reached: no such question now, or one asked elsewhere
 * (its provision moved to another article) or in an entry beyond the
 * cap on entries. */
static void
checklist_carry_leftover(struct checklist_carry_walk *w,
    const struct checklist_flat_item *it)
{
	const struct checklist *cl = w->r->cl;
	char *bare = checklist_xmalloc(strlen(it->path) + 1), *o = bare;
	const char *p;

	for (p = it->path; *p != '\0'; p++) {
		if (*p == '[')
			p += strcspn(p, "]");
		else
			*o++ = *p;
		if (*p == '\0')
			break;
	}
	*o = '\0';
	if (checklist_find_question(cl, bare) == NULL)
		checklist_carry_skip(w->out, it->path, it->value, _("no such "
		    "question in %s version %s"), cl->id, cl->version);
	else
		checklist_carry_skip(w->out, it->path, it->value, _("not where "
		    "%s version %s asks it now (its provision moved, or an "
		    "entry beyond the most a list may hold)"), cl->id,
		    cl->version);
	free(bare);
}

/* Every value of the old document the walk never reached. */
static void
checklist_carry_leftovers(struct checklist_carry_walk *w, xmlNodePtr last)
{
	struct checklist_flat f;
	size_t i;

	checklist_flat_read(last, &f);
	for (i = 0; i < f.n; i++) {
		if ((f.v[i].value[0] == '\0' && (f.v[i].other == NULL ||
		    f.v[i].other[0] == '\0')) ||
		    checklist_carry_was_seen(w, f.v[i].path))
			continue;
		checklist_carry_leftover(w, &f.v[i]);
	}
	checklist_flat_free(&f);
}

checklist_status
checklist_carry_apply(struct checklist_response *r, xmlNodePtr last,
    checklist_carry_file_fn file, void *arg, struct checklist_carry *out,
    struct checklist_error *err)
{
	struct checklist_carry_walk w = { r, file, arg, out, NULL, 0 };
	const struct checklist *cl = r->cl;
	char *id = checklist_xml_attr(last, "checklist");
	size_t i, k;
	xmlHashTablePtr groups;
	xmlNodePtr g;
	bool same = id != NULL && strcmp(id, cl->id) == 0;

	memset(out, 0, sizeof *out);
	free(id);
	if (!same)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("the last cycle's answers are not of checklist '%s'"),
		    cl->id);
	if (checklist_response_has_answers(r))
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("the response holds answers already: carry the last "
		    "cycle forward only into a new or empty response"));
	groups = checklist_group_els(last, cl); /* one walk, not one a page */
	for (i = 0; i < cl->npages; i++) {
		g = xmlHashLookup(groups, (const xmlChar *)cl->pages[i]->id);
		for (k = 0; g != NULL && k < cl->pages[i]->nquestions; k++)
			checklist_carry_question(&w, cl->pages[i]->questions[k],
			    g, cl->pages[i]->id, cl->pages[i]->id);
	}
	xmlHashFree(groups, NULL);
	checklist_carry_leftovers(&w, last);
	for (i = 0; i < w.nseen; i++)
		free(w.seen[i]);
	free(w.seen);
	checklist_touch_all(r);
	r->changes++;
	return CHECKLIST_OK;
}

void
checklist_carry_free(struct checklist_carry *c)
{
	size_t i;

	for (i = 0; i < c->nskipped; i++) {
		free(c->skipped[i].path);
		free(c->skipped[i].value);
		free(c->skipped[i].reason);
	}
	free(c->skipped);
	memset(c, 0, sizeof *c);
}

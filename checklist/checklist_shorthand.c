/*
 * checklist_shorthand.c: the shorthand rules of questions (attributes
 * min, max, min-length, max-length, pattern; doc/checklist-format.md):
 * their default messages in the United Nations' languages, and their
 * checks at load: each fits its question's type, bounds are values of
 * that type and in order, a pattern compiles (libxml2's XML Schema
 * regular expressions: no regex engine of our own), a default obeys
 * them. Values are judged against them in checklist_value.c, the one
 * judge of a value.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

/*
 * The default messages, by language: English first (the fallback). A
 * checklist in another language gets English unless its question has a
 * <message>. The lengths are said as "number of characters: N" where a
 * plural would depend on N (Russian, Arabic, French for 1).
 */
static const struct {
	const char *lang;
	const char *msg[CHECKLIST_LIMIT_NKINDS];
} checklist_limit_messages[] = {
	{ "en", { "At least %s.", "At most %s.", "Not before %s.",
	    "Not after %s.", "Minimum number of characters: %s.",
	    "Maximum number of characters: %s.",
	    "The answer is not in the expected form." } },
	{ "fr", { "Au moins %s.", "Au plus %s.", "Pas avant le %s.",
	    "Pas après le %s.", "Nombre minimal de caractères\u00a0: %s.",
	    "Nombre maximal de caractères\u00a0: %s.",
	    "La réponse n'a pas la forme attendue." } },
	{ "es", { "Como mínimo %s.", "Como máximo %s.", "No antes del %s.",
	    "No después del %s.", "Número mínimo de caracteres: %s.",
	    "Número máximo de caracteres: %s.",
	    "La respuesta no tiene el formato esperado." } },
	{ "ru", { "Не меньше %s.", "Не больше %s.", "Не ранее %s.",
	    "Не позднее %s.", "Минимальное число символов: %s.",
	    "Максимальное число символов: %s.",
	    "Ответ не соответствует требуемому формату." } },
	{ "ar", { "لا يقل عن %s.", "لا يزيد على %s.", "ليس قبل %s.",
	    "ليس بعد %s.", "الحد الأدنى لعدد الأحرف: %s.",
	    "الحد الأقصى لعدد الأحرف: %s.",
	    "الإجابة ليست بالصيغة المطلوبة." } },
	{ "zh", { "不得小于%s。", "不得大于%s。", "不得早于%s。", "不得晚于%s。",
	    "至少%s个字符。", "最多%s个字符。", "答案格式不符合要求。" } },
};
#define CHECKLIST_NLIMIT_LANGS \
	(sizeof checklist_limit_messages / sizeof checklist_limit_messages[0])

const char *
checklist_limit_message(enum checklist_limit_kind kind, const char *lang)
{
	size_t i, n;

	assert(kind < CHECKLIST_LIMIT_NKINDS);
	for (i = 0; lang != NULL && i < CHECKLIST_NLIMIT_LANGS; i++) {
		n = strlen(checklist_limit_messages[i].lang);
		/* "fr" and "fr-CA" alike */
		if (strncmp(lang, checklist_limit_messages[i].lang, n) == 0 &&
		    (lang[n] == '\0' || lang[n] == '-'))
			return checklist_limit_messages[i].msg[kind];
	}
	return checklist_limit_messages[0].msg[kind];
}

/* ------------------------------------------------------- model */

void
checklist_limits_free(struct checklist_limits *l)
{
	free(l->min);
	free(l->max);
	free(l->pattern);
	if (l->regexp != NULL)
		xmlRegFreeRegexp(l->regexp);
	memset(l, 0, sizeof *l);
}

void
checklist_limits_copy(struct checklist_limits *dst,
    const struct checklist_limits *src)
{
	*dst = *src;
	dst->min = src->min ? checklist_xstrdup(src->min) : NULL;
	dst->max = src->max ? checklist_xstrdup(src->max) : NULL;
	dst->pattern = src->pattern ? checklist_xstrdup(src->pattern) : NULL;
	dst->regexp = src->regexp && src->pattern ?
	    xmlRegexpCompile((const xmlChar *)src->pattern) : NULL;
}

/* ------------------------------------------------------- checks */

/* Keeps libxml2's first message about a pattern (never printed). */
static void
checklist_shorthand_error(void *data, xmlErrorPtr e)
{
	char *msg = data;
	size_t n;

	if (msg[0] != '\0' || e == NULL || e->message == NULL)
		return;
	snprintf(msg, 256, "%s", e->message);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
}

static checklist_status
checklist_shorthand_fail(const struct checklist *cl,
    const struct checklist_question *q, struct checklist_error *err,
    const char *what, const char *why)
{
	return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, cl->source,
	    q->line, 0, _("question '%s': %s %s"), q->id, what, why);
}

static checklist_status
checklist_shorthand_pattern(const struct checklist *cl,
    struct checklist_question *q, struct checklist_error *err)
{
	char why[256] = "";

	if (q->shared != NULL && q->shared->limits.regexp == NULL &&
	    q->shared->limits.pattern == q->limits.pattern) {
		/* compiled once, into the template's question it borrows */
		if (checklist_shorthand_pattern(cl, q->shared, err) !=
		    CHECKLIST_OK)
			return err->status;
	}
	if (q->shared != NULL && q->shared->limits.regexp != NULL) {
		q->limits.regexp = q->shared->limits.regexp;
		return CHECKLIST_OK;
	}
	xmlSetStructuredErrorFunc(why, checklist_shorthand_error);
	q->limits.regexp = xmlRegexpCompile((const xmlChar *)q->limits.pattern);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (q->limits.regexp != NULL)
		return CHECKLIST_OK;
	return checklist_error_set(err, CHECKLIST_ERR_SEMANTIC, cl->source,
	    q->line, 0, _("question '%s': pattern=\"%s\" is not an XML Schema "
	    "regular expression%s%s"), q->id, q->limits.pattern,
	    why[0] ? ": " : "", why);
}

/* A bound (min or max) must be a value of Q's type. */
static checklist_status
checklist_shorthand_bound(const struct checklist *cl,
    const struct checklist_question *q, const char *attr, const char *v,
    struct checklist_error *err)
{
	struct checklist_question t = *q;
	struct checklist_error e;
	char *what;
	checklist_status st = CHECKLIST_OK;

	memset(&t.limits, 0, sizeof t.limits);
	checklist_error_clear(&e);
	if (checklist_value_check(&t, v, &e) != CHECKLIST_OK) {
		what = checklist_xasprintf("%s=\"%s\" is not valid:", attr, v);
		st = checklist_shorthand_fail(cl, q, err, what, e.message);
		free(what);
	}
	return st;
}

/* Which rules Q's type takes: bounds on numbers and dates, lengths on
 * text, patterns on both. */
static checklist_status
checklist_shorthand_fits(const struct checklist *cl,
    const struct checklist_question *q, struct checklist_error *err)
{
	const struct checklist_limits *l = &q->limits;
	bool number = q->type == CHECKLIST_Q_INTEGER ||
	    q->type == CHECKLIST_Q_DECIMAL || q->type == CHECKLIST_Q_DATE;
	bool text = q->type == CHECKLIST_Q_TEXT ||
	    q->type == CHECKLIST_Q_LONGTEXT;

	if ((l->min != NULL || l->max != NULL) && !number)
		return checklist_shorthand_fail(cl, q, err, l->min ? _("min") : _("max"),
		    _("applies to integer, decimal and date questions only"));
	if ((l->min_length || l->max_length) && !text)
		return checklist_shorthand_fail(cl, q, err, l->min_length ?
		    _("min-length") : _("max-length"),
		    _("applies to text and longtext questions only"));
	if (l->pattern != NULL && !text && !number)
		return checklist_shorthand_fail(cl, q, err, _("pattern"),
		    _("applies to text, longtext, integer, decimal and date "
		    "questions only"));
	return CHECKLIST_OK;
}

/* Bounds of the type and in order. */
static checklist_status
checklist_shorthand_order(const struct checklist *cl,
    const struct checklist_question *q, struct checklist_error *err)
{
	const struct checklist_limits *l = &q->limits;
	struct checklist_question t = *q;
	struct checklist_error e;

	if ((l->min && checklist_shorthand_bound(cl, q, "min", l->min, err)) ||
	    (l->max && checklist_shorthand_bound(cl, q, "max", l->max, err)))
		return err->status;
	if (l->min_length && l->max_length && l->min_length > l->max_length)
		return checklist_shorthand_fail(cl, q, err, _("min-length"),
		    _("is more than max-length"));
	if (l->min == NULL || l->max == NULL)
		return CHECKLIST_OK;
	memset(&t.limits, 0, sizeof t.limits);
	t.limits.max = l->max;
	checklist_error_clear(&e);
	if (checklist_value_check(&t, l->min, &e) != CHECKLIST_OK)
		return checklist_shorthand_fail(cl, q, err, _("min"),
		    _("is more than max"));
	return CHECKLIST_OK;
}

static checklist_status
checklist_shorthand_question(const struct checklist *cl,
    struct checklist_question *q, struct checklist_error *err)
{
	struct checklist_error e;

	if (checklist_shorthand_fits(cl, q, err) != CHECKLIST_OK ||
	    checklist_shorthand_order(cl, q, err) != CHECKLIST_OK)
		return err->status;
	if (q->limits.pattern != NULL && q->limits.regexp == NULL &&
	    checklist_shorthand_pattern(cl, q, err) != CHECKLIST_OK)
		return err->status;
	checklist_error_clear(&e);
	if (q->default_value != NULL && q->type != CHECKLIST_Q_REPEAT &&
	    checklist_value_check(q, q->default_value, &e) != CHECKLIST_OK)
		return checklist_shorthand_fail(cl, q, err,
		    _("the default is not valid:"), e.message);
	return CHECKLIST_OK;
}

checklist_status
checklist_shorthand_check(struct checklist *cl, struct checklist_error *err)
{
	size_t i;

	for (i = 0; i < cl->nall; i++)
		if (checklist_shorthand_question(cl, cl->all[i], err) !=
		    CHECKLIST_OK)
			return err->status;
	return CHECKLIST_OK;
}

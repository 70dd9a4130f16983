/*
 * checklist_value.c: the one place where a value's validity for its
 * question is decided, by type and by the shorthand rules min, max,
 * min-length, max-length and pattern (constraints, which need the
 * response, are in checklist_path.c). The forms' field types, the
 * command line and export all call checklist_value_check(), so a rule
 * is written once.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlregexp.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal.h"
#include "checklist/checklist_internal_rules.h"

#define checklist_value_fail(err, ...) \
	checklist_error_set((err), CHECKLIST_ERR_VALUE, NULL, 0, 0, __VA_ARGS__)

static bool
checklist_value_has_choice(const struct checklist_question *q, const char *v,
    size_t n)
{
	size_t i;

	if (q->other && strlen(CHECKLIST_OTHER) == n &&
	    memcmp(v, CHECKLIST_OTHER, n) == 0)
		return true;
	for (i = 0; i < q->nchoices; i++)
		if (strlen(q->choices[i].value) == n &&
		    memcmp(q->choices[i].value, v, n) == 0)
			return true;
	return false;
}

/* Is S valid UTF-8 with no control characters but (when MULTILINE)
 * newlines and tabs? */
static bool
checklist_value_clean(const char *s, bool multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i;

	while (*p) {
		if (*p < 0x80) {
			if ((*p < 0x20 && !(multiline && (*p == '\n' ||
			    *p == '\t' || *p == '\r'))) || *p == 0x7f)
				return false;
			p++;
			continue;
		}
		n = (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		    (*p & 0xf8) == 0xf0 ? 3 : 0;
		if (n == 0 || (n == 1 && *p < 0xc2))
			return false;
		for (i = 1; i <= n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		if (*p == 0xc2 && p[1] < 0xa0) /* C1 controls */
			return false;
		p += n + 1;
	}
	return true;
}

static checklist_status
checklist_value_choices(const struct checklist_question *q, const char *text,
    struct checklist_error *err)
{
	const char *p = text;
	size_t n, count = 0;

	while (*p) {
		p += strspn(p, " ");
		if (*p == '\0')
			break;
		n = strcspn(p, " ");
		if (!checklist_value_has_choice(q, p, n)) {
			char *bad = checklist_xstrndup(p, n);

			checklist_value_fail(err, _("'%s' is not one of the choices"),
			    bad);
			free(bad);
			return CHECKLIST_ERR_VALUE;
		}
		count++;
		p += n;
	}
	if (q->type == CHECKLIST_Q_SINGLE && count > 1)
		return checklist_value_fail(err, _("choose only one"));
	return CHECKLIST_OK;
}

static bool
checklist_value_integer(const char *s)
{
	char *end;

	errno = 0;
	(void)strtoll(s, &end, 10);
	return errno == 0 && end != s && *end == '\0' && !isspace((unsigned char)*s);
}

static bool
checklist_value_decimal(const char *s)
{
	const char *p = s;
	size_t digits = 0;

	if (*p == '-' || *p == '+')
		p++;
	while (isdigit((unsigned char)*p))
		p++, digits++;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	return digits > 0 && digits <= 30 && *p == '\0';
}

/* Does S have the shape YYYY-MM-DD (ten characters, digits and two
 * dashes)? Its numbers in *Y, *M, *D. */
static bool
checklist_value_date_shape(const char *s, int *y, int *m, int *d)
{
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return true;
}

/* The days in month M (1-12) of year Y, in the proleptic Gregorian
 * calendar (as xs:date). */
static int
checklist_value_month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* A date: the shape first, then what is wrong with it, said plainly
 * (the month out of range, or the days that month has). */
static checklist_status
checklist_value_date(const char *s, struct checklist_error *err)
{
	int y, m, d, n;

	if (!checklist_value_date_shape(s, &y, &m, &d))
		return checklist_value_fail(err,
		    _("'%s' is not a date of the form YYYY-MM-DD"), s);
	if (y < 1)
		return checklist_value_fail(err,
		    _("'%s': there is no year 0000"), s);
	if (m < 1 || m > 12)
		return checklist_value_fail(err,
		    _("'%s': month %02d is not between 01 and 12"), s, m);
	n = checklist_value_month_days(y, m);
	if (d < 1)
		return checklist_value_fail(err,
		    _("'%s': day 00 is not between 01 and %d"), s, n);
	if (d > n)
		return checklist_value_fail(err,
		    _("'%s': day %02d: %04d-%02d has %d days"), s, d, y, m, n);
	return CHECKLIST_OK;
}

static checklist_status
checklist_value_text(const struct checklist_question *q, const char *text,
    struct checklist_error *err)
{
	bool multi = q->type == CHECKLIST_Q_LONGTEXT;
	size_t max = multi ? CHECKLIST_LONGTEXT_MAX : CHECKLIST_TEXT_MAX;

	if (strlen(text) > max)
		return checklist_error_set(err, CHECKLIST_ERR_VALUE, NULL, 0, 0,
		    _("too long: at most %zu bytes"), max);
	if (!checklist_value_clean(text, multi))
		return checklist_value_fail(err, "%s", multi ?
		    _("control characters or invalid UTF-8 are not allowed") :
		    _("one line, without control characters or invalid UTF-8"));
	return CHECKLIST_OK;
}

static checklist_status checklist_value_type(
    const struct checklist_question *q, const char *text,
    struct checklist_error *err);

/* ------------------------------------------------------ shorthand rules */

/* The number S (an integer or decimal value already checked), by
 * libxml2's XPath rule: the same number a constraint would compare, in
 * any locale. */
static double
checklist_value_number(const char *s)
{
	return xmlXPathStringEvalNumber((const xmlChar *)(*s == '+' ? s + 1 :
	    s));
}

/* Is A < B (SIGN -1) or A > B (SIGN 1)? Numbers by value, dates (YYYY-
 * MM-DD, checked) as strings. */
static bool
checklist_value_beyond(const struct checklist_question *q, const char *a,
    const char *b, int sign)
{
	double x, y;
	int c;

	if (q->type == CHECKLIST_Q_DATE) {
		c = strcmp(a, b);
		return sign < 0 ? c < 0 : c > 0;
	}
	x = checklist_value_number(a);
	y = checklist_value_number(b);
	return sign < 0 ? x < y : x > y;
}

/* The characters (code points) of UTF-8 S. */
static size_t
checklist_value_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Fail with Q's <message> in LANG, else the default of KIND with BOUND. */
static checklist_status
checklist_value_limit_fail(const struct checklist_question *q,
    enum checklist_limit_kind kind, const char *bound, const char *lang,
    struct checklist_error *err)
{
	if (q->constraint_msg.n > 0)
		return checklist_value_fail(err, "%s", checklist_text_get(
		    &q->constraint_msg, lang, NULL));
	if (kind == CHECKLIST_LIMIT_PATTERN)
		return checklist_value_fail(err, "%s",
		    checklist_limit_message(kind, lang));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return checklist_value_fail(err, checklist_limit_message(kind, lang),
	    bound);
#pragma GCC diagnostic pop
}

/* TEXT (valid by type, not empty) against Q's shorthand rules. */
static checklist_status
checklist_value_limits(const struct checklist_question *q, const char *text,
    const char *lang, struct checklist_error *err)
{
	const struct checklist_limits *l = &q->limits;
	bool date = q->type == CHECKLIST_Q_DATE;
	char num[32];
	size_t n;

	if (l->min != NULL && checklist_value_beyond(q, text, l->min, -1))
		return checklist_value_limit_fail(q, date ?
		    CHECKLIST_LIMIT_MIN_DATE : CHECKLIST_LIMIT_MIN, l->min,
		    lang, err);
	if (l->max != NULL && checklist_value_beyond(q, text, l->max, 1))
		return checklist_value_limit_fail(q, date ?
		    CHECKLIST_LIMIT_MAX_DATE : CHECKLIST_LIMIT_MAX, l->max,
		    lang, err);
	n = l->min_length || l->max_length ? checklist_value_chars(text) : 0;
	if (l->min_length > 0 && n < l->min_length) {
		snprintf(num, sizeof num, "%zu", l->min_length);
		return checklist_value_limit_fail(q,
		    CHECKLIST_LIMIT_MIN_LENGTH, num, lang, err);
	}
	if (l->max_length > 0 && n > l->max_length) {
		snprintf(num, sizeof num, "%zu", l->max_length);
		return checklist_value_limit_fail(q,
		    CHECKLIST_LIMIT_MAX_LENGTH, num, lang, err);
	}
	if (l->regexp != NULL && xmlRegexpExec(l->regexp,
	    (const xmlChar *)text) != 1)
		return checklist_value_limit_fail(q, CHECKLIST_LIMIT_PATTERN,
		    NULL, lang, err);
	return CHECKLIST_OK;
}

checklist_status
checklist_value_check(const struct checklist_question *q, const char *text,
    struct checklist_error *err)
{
	return checklist_value_check_lang(q, text, NULL, err);
}

checklist_status
checklist_value_check_lang(const struct checklist_question *q,
    const char *text, const char *lang, struct checklist_error *err)
{
	checklist_status st = checklist_value_type(q, text, err);

	if (st != CHECKLIST_OK || text == NULL || *text == '\0')
		return st;
	return checklist_value_limits(q, text, lang, err);
}

/* TEXT against Q's type only. */
static checklist_status
checklist_value_type(const struct checklist_question *q, const char *text,
    struct checklist_error *err)
{
	if (text == NULL || *text == '\0')
		return CHECKLIST_OK;
	switch (q->type) {
	case CHECKLIST_Q_BOOLEAN:
		if (strcmp(text, "yes") != 0 && strcmp(text, "no") != 0)
			return checklist_value_fail(err, _("answer yes or no"));
		return CHECKLIST_OK;
	case CHECKLIST_Q_SINGLE:
	case CHECKLIST_Q_MULTIPLE:
		return checklist_value_choices(q, text, err);
	case CHECKLIST_Q_INTEGER:
		return checklist_value_integer(text) ? CHECKLIST_OK :
		    checklist_value_fail(err, _("'%s' is not a whole number"), text);
	case CHECKLIST_Q_DECIMAL:
		return checklist_value_decimal(text) ? CHECKLIST_OK :
		    checklist_value_fail(err, _("'%s' is not a number"), text);
	case CHECKLIST_Q_DATE:
		return checklist_value_date(text, err);
	case CHECKLIST_Q_REPEAT:
		return checklist_value_fail(err,
		    _("a list of entries has no value of its own"));
	case CHECKLIST_Q_TEXT:
	case CHECKLIST_Q_LONGTEXT:
	case CHECKLIST_Q_FILE:
		return checklist_value_text(q, text, err);
	}
	return checklist_value_fail(err, _("unknown question type"));
}

static char *
checklist_value_trim(const char *text)
{
	size_t n;

	text += strspn(text, " \t");
	n = strlen(text);
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	return checklist_xstrndup(text, n);
}

static char *
checklist_value_boolean(const char *t)
{
	static const char *const yes[] = { "yes", "y", "true", "1" };
	static const char *const no[] = { "no", "n", "false", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (strcasecmp(t, yes[i]) == 0)
			return checklist_xstrdup("yes");
		if (strcasecmp(t, no[i]) == 0)
			return checklist_xstrdup("no");
	}
	return checklist_xstrdup(t);
}

/* Choices in the order of the definition, "other" last, each once;
 * unknown tokens are kept at the end so that the check can name them. */
static char *
checklist_value_multiple(const struct checklist_question *q, const char *t)
{
	char *copy = checklist_xstrdup(t), *out, *tok, *save = NULL;
	size_t i, cap = strlen(t) + 2, len = 0;
	const char *v;

	out = checklist_xcalloc(1, cap + 1);
	for (i = 0; i <= q->nchoices; i++) {
		v = i < q->nchoices ? q->choices[i].value : CHECKLIST_OTHER;
		for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
		    tok = strtok_r(NULL, ", \t", &save))
			if (strcmp(tok, v) == 0 && len + strlen(v) + 1 <= cap) {
				len += (size_t)sprintf(out + len, "%s%s",
				    len ? " " : "", v);
				break;
			}
		strcpy(copy, t);
	}
	for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save))
		if (!checklist_value_has_choice(q, tok, strlen(tok)) &&
		    len + strlen(tok) + 1 <= cap)
			len += (size_t)sprintf(out + len, "%s%s", len ? " " : "", tok);
	free(copy);
	return out;
}

char *
checklist_value_normalize(const struct checklist_question *q,
    const char *text)
{
	char *t, *r;

	if (q->type == CHECKLIST_Q_LONGTEXT)
		return checklist_xstrdup(text);
	t = checklist_value_trim(text);
	if (q->type == CHECKLIST_Q_BOOLEAN)
		r = checklist_value_boolean(t);
	else if (q->type == CHECKLIST_Q_MULTIPLE || q->type == CHECKLIST_Q_SINGLE)
		r = checklist_value_multiple(q, t);
	else
		return t;
	free(t);
	return r;
}

/*
 * checklist_xpath_func.c: the functions sacl adds to XPath 1.0 for
 * conditions and constraints, named and meant as in ODK Collect's
 * XForms, so that authors who know XLSForm feel at home. Each is an
 * ordinary libxml2 extension function (registered from the one table in
 * checklist_xpath.c); regular expressions are libxml2's XML Schema ones.
 *
 * Dates are strings YYYY-MM-DD in the response; XPath 1.0 compares
 * strings with < as numbers (NaN), so dates are compared as numbers of
 * days: decimal-date-time(.) < decimal-date-time(today()).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/globals.h>
#include <libxml/hash.h>
#include <libxml/xmlregexp.h>
#include <libxml/xpathInternals.h>

#include "checklist/checklist_internal.h"

/* ---------------------------------------------------- multiple choice */

/* Call FN on each space-separated token of VALUE until it returns true. */
static void
checklist_xpath_tokens(const char *value,
    bool (*fn)(const char *tok, size_t n, void *arg), void *arg)
{
	const char *p = value;
	size_t n;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t\r\n");
		n = strcspn(p, " \t\r\n");
		if (n > 0 && fn(p, n, arg))
			return;
		p += n;
	}
}

struct checklist_xpath_find {
	const char *token;
	bool found;
	long count, at;
	const char *hit;
	size_t hitlen;
};

static bool
checklist_xpath_match(const char *tok, size_t n, void *arg)
{
	struct checklist_xpath_find *f = arg;

	if (f->token != NULL && strlen(f->token) == n &&
	    memcmp(tok, f->token, n) == 0)
		f->found = true;
	if (f->count++ == f->at) {
		f->hit = tok;
		f->hitlen = n;
	}
	return f->found;
}

/* selected(value, choice): does the space-separated VALUE hold CHOICE? */
void
checklist_xpath_selected(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct checklist_xpath_find f = { NULL, false, 0, -1, NULL, 0 };
	xmlChar *token, *value;

	CHECK_ARITY(2);
	token = xmlXPathPopString(ctxt);
	value = xmlXPathPopString(ctxt);
	f.token = token != NULL && token[0] != '\0' ? (const char *)token : NULL;
	if (f.token != NULL)
		checklist_xpath_tokens((const char *)value, checklist_xpath_match,
		    &f);
	xmlFree(token);
	xmlFree(value);
	xmlXPathReturnBoolean(ctxt, f.found);
}

/* count-selected(value): how many choices VALUE holds. */
void
checklist_xpath_count_selected(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct checklist_xpath_find f = { NULL, false, 0, -1, NULL, 0 };
	xmlChar *value;

	CHECK_ARITY(1);
	value = xmlXPathPopString(ctxt);
	checklist_xpath_tokens((const char *)value, checklist_xpath_match, &f);
	xmlFree(value);
	xmlXPathReturnNumber(ctxt, (double)f.count);
}

/* selected-at(value, n): the choice at 0-based position N, or "". */
void
checklist_xpath_selected_at(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct checklist_xpath_find f = { NULL, false, 0, -1, NULL, 0 };
	xmlChar *value, *out;
	double n;

	CHECK_ARITY(2);
	n = xmlXPathPopNumber(ctxt);
	value = xmlXPathPopString(ctxt);
	if (n >= 0 && n < 1e9 && n == (double)(long)n) {
		f.at = (long)n;
		checklist_xpath_tokens((const char *)value,
		    checklist_xpath_match, &f);
	}
	out = xmlStrndup(f.hit ? (const xmlChar *)f.hit : (const xmlChar *)"",
	    (int)f.hitlen);
	xmlFree(value);
	xmlXPathReturnString(ctxt, out);
}

/* ------------------------------------------------------------ strings */

/* contains(), substring-before(), substring-after() of XPath 1.0, the
 * same but in linear time: libxml2's own search (xmlStrstr) compares at
 * every position, so two long texts of a response (200,000 bytes each)
 * would cost billions of steps that no operation limit counts; the C
 * library's strstr is linear. WHICH: 0 contains, 1 before, 2 after. */
static void
checklist_xpath_search(xmlXPathParserContextPtr ctxt, int nargs, int which)
{
	xmlChar *needle, *hay;
	const char *at;

	CHECK_ARITY(2);
	needle = xmlXPathPopString(ctxt);
	hay = xmlXPathPopString(ctxt);
	if (needle == NULL || hay == NULL) {
		xmlFree(needle);
		xmlFree(hay);
		XP_ERROR(XPATH_MEMORY_ERROR);
	}
	at = strstr((const char *)hay, (const char *)needle);
	if (which == 0)
		xmlXPathReturnBoolean(ctxt, at != NULL);
	else if (which == 1)
		xmlXPathReturnString(ctxt, xmlStrndup(hay, at != NULL ?
		    (int)(at - (const char *)hay) : 0));
	else
		xmlXPathReturnString(ctxt, xmlStrdup(at != NULL ?
		    (const xmlChar *)at + xmlStrlen(needle) :
		    (const xmlChar *)""));
	xmlFree(needle);
	xmlFree(hay);
}

void
checklist_xpath_contains(xmlXPathParserContextPtr ctxt, int nargs)
{
	checklist_xpath_search(ctxt, nargs, 0);
}

void
checklist_xpath_before(xmlXPathParserContextPtr ctxt, int nargs)
{
	checklist_xpath_search(ctxt, nargs, 1);
}

void
checklist_xpath_after(xmlXPathParserContextPtr ctxt, int nargs)
{
	checklist_xpath_search(ctxt, nargs, 2);
}

/* ------------------------------------------------------------ choosing */

/* if(condition, a, b): A when CONDITION is true, else B (both are
 * evaluated, as in XForms). */
void
checklist_xpath_if(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr a, b;
	int cond;

	CHECK_ARITY(3);
	b = valuePop(ctxt);
	a = valuePop(ctxt);
	cond = xmlXPathPopBoolean(ctxt);
	if (a == NULL || b == NULL) {
		xmlXPathFreeObject(a);
		xmlXPathFreeObject(b);
		XP_ERROR(XPATH_STACK_ERROR);
	}
	valuePush(ctxt, cond ? a : b);
	xmlXPathFreeObject(cond ? b : a);
}

/* coalesce(a, b): A as a string when it is not empty, else B. */
void
checklist_xpath_coalesce(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *a, *b;

	CHECK_ARITY(2);
	b = xmlXPathPopString(ctxt);
	a = xmlXPathPopString(ctxt);
	if (a != NULL && a[0] != '\0') {
		xmlFree(b);
		xmlXPathReturnString(ctxt, a);
	} else {
		xmlFree(a);
		xmlXPathReturnString(ctxt, b);
	}
}

/* ------------------------------------------------------------ regex */

/* Compiled patterns, kept: a constraint is evaluated on every redraw.
 * At most this many; past it patterns are compiled for each call. */
#define CHECKLIST_REGEX_CACHE 256
static xmlHashTablePtr checklist_regex_cache;

static void
checklist_regex_quiet(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

/* Compile PATTERN with libxml2's messages silenced (they would go to a
 * terminal that curses owns). NULL when it does not compile. */
static xmlRegexpPtr
checklist_regex_compile(const char *pattern)
{
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlRegexpPtr re;

	xmlSetStructuredErrorFunc(NULL, checklist_regex_quiet);
	re = xmlRegexpCompile((const xmlChar *)pattern);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	return re;
}

bool
checklist_xpath_regex_ok(const char *pattern)
{
	xmlRegexpPtr re = checklist_regex_compile(pattern);

	xmlRegFreeRegexp(re);
	return re != NULL;
}

/* regex(value, pattern): does the whole of VALUE match PATTERN, an XML
 * Schema regular expression (implicitly anchored at both ends)? */
void
checklist_xpath_regex(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *pattern, *value;
	xmlRegexpPtr re = NULL;
	bool cached = false;
	int rc;

	CHECK_ARITY(2);
	pattern = xmlXPathPopString(ctxt);
	value = xmlXPathPopString(ctxt);
	if (checklist_regex_cache == NULL &&
	    (checklist_regex_cache = xmlHashCreate(16)) == NULL)
		checklist_fatal(_("out of memory (regex cache)"));
	if (pattern != NULL)
		re = xmlHashLookup(checklist_regex_cache, pattern);
	if (re != NULL)
		cached = true;
	else if (pattern != NULL &&
	    (re = checklist_regex_compile((const char *)pattern)) != NULL &&
	    xmlHashSize(checklist_regex_cache) < CHECKLIST_REGEX_CACHE &&
	    xmlHashAddEntry(checklist_regex_cache, pattern, re) == 0)
		cached = true;
	rc = re != NULL ? xmlRegexpExec(re, value ? value : (const xmlChar *)"") : -1;
	if (!cached)
		xmlRegFreeRegexp(re);
	xmlFree(pattern);
	xmlFree(value);
	if (rc < 0)
		XP_ERROR(XPATH_EXPR_ERROR); /* a pattern that does not compile */
	xmlXPathReturnBoolean(ctxt, rc == 1);
}

/* ------------------------------------------------------------ numbers */

/* XPath's own floor() or ceiling() of X (no libm of our own). */
static double
checklist_xpath_call1(xmlXPathParserContextPtr ctxt, xmlXPathFunction fn,
    double x)
{
	xmlXPathReturnNumber(ctxt, x);
	fn(ctxt, 1);
	return xmlXPathPopNumber(ctxt);
}

/* int(x): X without its fraction, towards zero. */
void
checklist_xpath_int(xmlXPathParserContextPtr ctxt, int nargs)
{
	double x;

	CHECK_ARITY(1);
	x = xmlXPathPopNumber(ctxt);
	x = checklist_xpath_call1(ctxt, x < 0 ? xmlXPathCeilingFunction :
	    xmlXPathFloorFunction, x);
	xmlXPathReturnNumber(ctxt, x);
}

/* round(x) as XPath 1.0 (halves up, towards positive infinity);
 * round(x, digits) the same at DIGITS places after the point (a
 * negative DIGITS rounds to tens, hundreds...). */
void
checklist_xpath_round(xmlXPathParserContextPtr ctxt, int nargs)
{
	double x, digits = 0, scale = 1;
	int i;

	if (nargs != 1 && nargs != 2)
		XP_ERROR(XPATH_INVALID_ARITY);
	if (nargs == 2)
		digits = xmlXPathPopNumber(ctxt);
	x = xmlXPathPopNumber(ctxt);
	if (!(digits > -300 && digits < 300))
		digits = 0; /* NaN too */
	for (i = 0; i < (int)digits; i++)
		scale *= 10;
	for (i = 0; i > (int)digits; i--)
		scale /= 10;
	x = checklist_xpath_call1(ctxt, xmlXPathRoundFunction, x * scale) /
	    scale;
	xmlXPathReturnNumber(ctxt, x);
}

/* -------------------------------------------------------------- dates */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
checklist_days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
checklist_civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Is the first 10 bytes of S a date that exists (the type's own rule)? */
static bool
checklist_xpath_is_date(const char *s, long *days)
{
	struct checklist_question dq = { 0 };
	char date[11];
	int y, m, d;

	if (strlen(s) < 10)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	dq.type = CHECKLIST_Q_DATE;
	if (checklist_value_check(&dq, date, NULL) != CHECKLIST_OK ||
	    sscanf(date, "%d-%d-%d", &y, &m, &d) != 3)
		return false;
	*days = checklist_days_from_civil(y, m, d);
	return true;
}

/* The time of day in S (after the date: "THH:MM[:SS][Z|+HH:MM|-HH:MM]")
 * as a fraction of a day, or NaN when it is not one. */
static double
checklist_xpath_time(const char *s)
{
	int h = 0, mi = 0, sec = 0, oh = 0, om = 0, used = 0;
	char sign = 0;

	if (*s == '\0')
		return 0;
	if (sscanf(s, "T%2d:%2d%n", &h, &mi, &used) != 2)
		return NAN;
	s += used;
	if (sscanf(s, ":%2d%n", &sec, &used) == 1)
		s += used;
	if (*s == 'Z')
		s++;
	else if ((*s == '+' || *s == '-') &&
	    sscanf(s, "%c%2d:%2d%n", &sign, &oh, &om, &used) == 3)
		s += used;
	if (*s != '\0' || h > 23 || mi > 59 || sec > 59 || oh > 14 || om > 59)
		return NAN;
	return (h * 3600.0 + mi * 60 + sec -
	    (sign == '-' ? -1 : sign ? 1 : 0) * (oh * 3600.0 + om * 60)) /
	    86400.0;
}

/* decimal-date-time(v): days since 1970-01-01T00:00Z of the date (or
 * date and time) V, with the time as a fraction; NaN when V is not one. */
void
checklist_xpath_decimal_date_time(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *v;
	long days;
	double t = NAN;

	CHECK_ARITY(1);
	v = xmlXPathPopString(ctxt);
	if (v != NULL && checklist_xpath_is_date((const char *)v, &days))
		t = (double)days + checklist_xpath_time((const char *)v + 10);
	xmlFree(v);
	xmlXPathReturnNumber(ctxt, t);
}

/* date(v): a number of days since 1970-01-01 as the date YYYY-MM-DD; a
 * date (or date and time) as its date; anything else "". */
void
checklist_xpath_date(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr o;
	char buf[64] = "";
	long y, m, d, days;
	double n;

	CHECK_ARITY(1);
	o = valuePop(ctxt);
	if (o == NULL)
		XP_ERROR(XPATH_STACK_ERROR);
	if (o->type == XPATH_NUMBER) {
		n = o->floatval;
		if (n > -1e8 && n < 1e8) {
			checklist_civil_from_days((long)n - (n < (long)n),
			    &y, &m, &d);
			if (y >= 1 && y <= 9999)
				snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y,
				    m, d);
		}
	} else {
		xmlChar *s = xmlXPathCastToString(o);

		if (s != NULL && checklist_xpath_is_date((const char *)s, &days))
			snprintf(buf, sizeof buf, "%.10s", (const char *)s);
		xmlFree(s);
	}
	xmlXPathFreeObject(o);
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)buf));
}

/* today(): the date today, YYYY-MM-DD, local time; $SACL_NOW
 * (YYYY-MM-DDTHH:MM:SSZ, as for exports) fixes it for tests. */
void
checklist_xpath_today(xmlXPathParserContextPtr ctxt, int nargs)
{
	const char *env = getenv("SACL_NOW");
	char buf[32];
	long days;
	time_t now;
	struct tm tm;

	CHECK_ARITY(0);
	if (env != NULL && checklist_xpath_is_date(env, &days)) {
		snprintf(buf, sizeof buf, "%.10s", env);
	} else {
		now = time(NULL);
		if (localtime_r(&now, &tm) == NULL ||
		    strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0)
			XP_ERROR(XPATH_EXPR_ERROR);
	}
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)buf));
}

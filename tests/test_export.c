/*
 * test_export.c: the submission package. Writing (completeness check,
 * refusal of an incomplete export, an "other" without its text, relevance
 * pruning, attachments (copies lost or changed) and their caps, determinism, a golden file, revisions), and reading back:
 * the round trip and one test per refusal, with every damaged or
 * hostile file generated here.
 *
 * Golden file: tests/golden/export-mini.xml, the inflated package of
 * the "mini" checklist below with the clock and submission id fixed.
 * Regenerate with SACL_UPDATE_GOLDEN=1 (then read the diff).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/export.h"
#include "export/export_internal.h"
#include "tests/test_util.h"

static const char mini_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<checklist xmlns=\"urn:x-sacl:checklist:1\" id=\"mini\" version=\"2\""
    " languages=\"en\" xml:lang=\"en\">\n"
    " <title>Mini</title>\n"
    " <choices id=\"states\">\n"
    "  <choice value=\"AUT\"><label>Austria</label></choice>\n"
    "  <choice value=\"FRA\"><label>France</label></choice>\n"
    " </choices>\n"
    " <front id=\"front\">\n"
    "  <title>Front</title>\n"
    "  <question id=\"state\" role=\"state\" type=\"single\""
    " required=\"true\" choices=\"states\"><label>State</label>"
    "</question>\n"
    "  <question id=\"fp_name\" role=\"focal-point-name\" type=\"text\""
    " required=\"true\"><label>Name</label></question>\n"
    "  <question id=\"fp_email\" role=\"focal-point-email\""
    " type=\"text\"><label>E-mail</label></question>\n"
    "  <question id=\"contacts\" role=\"contacts\" type=\"repeat\">"
    "<label>Contacts</label>\n"
    "   <question id=\"name\" role=\"contact-name\" type=\"text\""
    " required=\"true\"><label>Name</label></question>\n"
    "   <question id=\"email\" role=\"contact-email\" type=\"text\">"
    "<label>E-mail</label></question>\n"
    "  </question>\n"
    "  <question id=\"consent\" role=\"consent\" type=\"boolean\""
    " required=\"true\"><label>Consent</label></question>\n"
    " </front>\n"
    " <section id=\"art1\" number=\"1\">\n"
    "  <title>Article 1</title>\n"
    "  <provision id=\"p1\" number=\"1.1\" level=\"mandatory\">\n"
    "   <title>Provision 1</title>\n"
    "   <question id=\"status\" type=\"single\" required=\"true\">"
    "<label>Status</label>\n"
    "    <choice value=\"full\"><label>Full</label></choice>\n"
    "    <choice value=\"none\"><label>None</label></choice>\n"
    "   </question>\n"
    "   <question id=\"steps\" type=\"longtext\""
    " relevant=\"../status = 'none'\"><label>Steps</label></question>\n"
    "   <question id=\"challenges\" type=\"multiple\" other=\"true\">"
    "<label>Challenges</label>\n"
    "    <choice value=\"coordination\"><label>Coordination</label></choice>\n"
    "    <choice value=\"resources\"><label>Resources</label></choice>\n"
    "   </question>\n"
    "   <question id=\"measures\" type=\"repeat\"><label>Measures</label>\n"
    "    <question id=\"title\" type=\"text\" required=\"true\">"
    "<label>Title</label></question>\n"
    "    <question id=\"file\" type=\"file\"><label>File</label></question>\n"
    "   </question>\n"
    "   <question id=\"cases\" type=\"integer\"><label>Cases</label>"
    "</question>\n"
    "  </provision>\n"
    " </section>\n"
    "</checklist>\n";

#define FIXED_NOW "2026-11-30T12:00:00Z"
#define FIXED_ID "0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"

struct fx {
	struct checklist *cl;
	struct checklist_response *r;
	char dir[64];
	struct export_options opts;
	struct export_read_options ropts;
};

/* ------------------------------------------------------------ helpers */

static void
set(struct checklist_response *r, const char *path, const char *value)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (checklist_response_set(r, path, value, &err) != CHECKLIST_OK)
		fail_msg("set %s=%s: %s", path, value,
		    checklist_error_text(&err));
}

static void
write_file(const char *file, const void *data, size_t len)
{
	FILE *f = fopen(file, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The attachment's bytes: every byte value, so base64 meets them all. */
static void
attachment_bytes(unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 7 + i / 256);
}

/* Answer everything required, plus a few others and an attachment. */
static void
fill(struct fx *f)
{
	unsigned char bytes[1000];
	char *file = checklist_xasprintf("%s/law 12.pdf", f->dir);

	attachment_bytes(bytes, sizeof bytes);
	write_file(file, bytes, sizeof bytes);
	set(f->r, "front/state", "AUT");
	set(f->r, "front/fp_name", "Anna Example");
	set(f->r, "front/fp_email", "anna@example.org");
	set(f->r, "front/contacts[1]/name", "Ben <Second> & Co");
	set(f->r, "front/consent", "yes");
	set(f->r, "p1/status", "full");
	set(f->r, "p1/challenges", "coordination other");
	set(f->r, "p1/challenges:other", "Elections \"soon\"");
	set(f->r, "p1/measures[1]/title", "Act 12 of 2020");
	set(f->r, "p1/measures[1]/file", file); /* taken in: copied */
	set(f->r, "p1/measures[2]/title", "Decree 3");
	set(f->r, "p1/cases", "42");
	assert_int_equal(unlink(file), 0); /* the copy is what counts */
	free(file);
}

static int
setup(void **state)
{
	struct fx *f = checklist_xcalloc(1, sizeof *f);
	struct checklist_error err;
	char *resp;

	checklist_error_clear(&err);
	if (checklist_load_memory(mini_xml, strlen(mini_xml), "mini.xml",
	    &f->cl, &err) != CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	f->r = checklist_response_new(f->cl);
	snprintf(f->dir, sizeof f->dir, "/tmp/sacl-export-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->opts.base_dir = f->dir;
	f->ropts.cl = f->cl;
	resp = checklist_xasprintf("%s/answers.xml", f->dir);
	checklist_response_set_file(f->r, resp);
	free(resp);
	setenv(EXPORT_NOW_ENV, FIXED_NOW, 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	test_rmtree(f->dir);
	checklist_response_free(f->r);
	checklist_free(f->cl);
	free(f);
	return 0;
}

/* Build the package of F's response; assert success. */
static void
build(struct fx *f, char **buf, size_t *len)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	if (export_build(f->r, &f->opts, buf, len, &err) != CHECKLIST_OK)
		fail_msg("build: %s", checklist_error_text(&err));
}

/* Inflate BUF (trusted: our own package) into a string. */
static char *
inflate_all(const char *buf, size_t len)
{
	struct export_gunzip_caps caps = { 1u << 30, 0, 0 };
	struct checklist_error err;
	size_t n;
	char *xml;

	checklist_error_clear(&err);
	assert_int_equal(export_gunzip(buf, len, "t", &caps, &xml, &n, &err),
	    CHECKLIST_OK);
	return xml;
}

/* Compress XML. */
static void
deflate_str(const char *xml, char **buf, size_t *len)
{
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(export_gzip(xml, strlen(xml), buf, len, &err),
	    CHECKLIST_OK);
}

/* XML with the first FROM replaced by TO (FROM must be there). */
static char *
replace(const char *xml, const char *from, const char *to)
{
	const char *p = strstr(xml, from);

	if (p == NULL)
		fail_msg("'%s' is not in the package", from);
	return checklist_xasprintf("%.*s%s%s", (int)(p - xml), xml, to,
	    p + strlen(from));
}

/* A package of F with FROM replaced by TO in its XML. */
static void
tampered(struct fx *f, const char *from, const char *to, char **buf,
    size_t *len)
{
	char *pkg, *xml, *bad;
	size_t plen;

	build(f, &pkg, &plen);
	xml = inflate_all(pkg, plen);
	bad = replace(xml, from, to);
	deflate_str(bad, buf, len);
	free(pkg);
	free(xml);
	free(bad);
}

/* Read BUF; assert it is refused with STATUS and a message holding
 * NEEDLE; returns nothing. */
static void
refused(struct fx *f, const char *buf, size_t len,
    const struct export_read_options *o, checklist_status status,
    const char *needle)
{
	struct export_package *p = NULL;
	struct checklist_error err;
	const char *text;

	checklist_error_clear(&err);
	assert_int_equal(export_read_memory(buf, len, "in.xml.gz",
	    o != NULL ? o : &f->ropts, &p, &err), status);
	assert_null(p);
	text = checklist_error_text(&err);
	if (strstr(text, needle) == NULL)
		fail_msg("message '%s' lacks '%s'", text, needle);
	assert_non_null(strstr(text, "in.xml.gz"));
	assert_null(strchr(text, '\n'));
}

/* ------------------------------------------------- completeness check */

static void
test_check_lists_missing(void **state)
{
	struct fx *f = *state;
	struct export_problems p;

	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 4);
	assert_int_equal(p.missing, 4);
	assert_string_equal(p.v[0].path, "front/state");
	assert_string_equal(p.v[1].path, "front/fp_name");
	assert_string_equal(p.v[2].path, "front/consent");
	assert_string_equal(p.v[3].path, "p1/status");
	assert_int_equal(p.v[3].kind, EXPORT_PROBLEM_MISSING);
	assert_string_equal(p.v[3].group->id, "p1");
	export_problems_free(&p);
	fill(f);
	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.progress.required, p.progress.required_answered);
	export_problems_free(&p);
}

/* The copy of fill()'s attachment, as a path. */
static char *
copy_path(struct fx *f)
{
	return checklist_xasprintf("%s/answers.xml.files/law 12.pdf", f->dir);
}

static void
test_check_repeat_child_and_file(void **state)
{
	struct fx *f = *state;
	struct export_problems p;
	char *copy = copy_path(f);

	fill(f);
	set(f->r, "p1/measures[3]/title", ""); /* an entry, title missing */
	/* the copy lost after it was taken in */
	assert_int_equal(unlink(copy), 0);
	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.v[0].path, "p1/measures[1]/file");
	assert_int_equal(p.v[0].kind, EXPORT_PROBLEM_FILE);
	assert_non_null(strstr(p.v[0].reason, "is missing"));
	assert_string_equal(p.v[1].path, "p1/measures[3]/title");
	assert_int_equal(p.v[1].kind, EXPORT_PROBLEM_MISSING);
	export_problems_free(&p);
	free(copy);
}

static void
test_changed_copy_refused(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct export_problems p;
	char *copy = copy_path(f), *buf;
	size_t len;

	fill(f);
	write_file(copy, "not the law", 11);
	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].kind, EXPORT_PROBLEM_FILE);
	assert_non_null(strstr(p.v[0].reason, "has changed"));
	export_problems_free(&p);
	/* forced, still not written: a changed file is never sent */
	f->opts.force = true;
	checklist_error_clear(&err);
	assert_int_equal(export_build(f->r, &f->opts, &buf, &len, &err),
	    CHECKLIST_ERR_VALUE);
	assert_null(buf);
	assert_non_null(strstr(err.message, "p1/measures[1]/file"));
	free(copy);
}

static void
test_other_without_text_missing(void **state)
{
	struct fx *f = *state;
	struct export_problems p;

	fill(f);
	set(f->r, "p1/challenges:other", "");
	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.missing, 1);
	assert_int_equal(p.v[0].kind, EXPORT_PROBLEM_MISSING);
	assert_string_equal(p.v[0].path, "p1/challenges:other");
	assert_string_equal(p.v[0].group->id, "p1");
	assert_int_equal(p.progress.required, p.progress.required_answered + 1);
	export_problems_free(&p);
	/* unticked: nothing missing, and no ghost text in the package */
	set(f->r, "p1/challenges:other", "Ghost text");
	set(f->r, "p1/challenges", "coordination");
	export_check(f->r, &f->opts, &p);
	assert_int_equal(p.n, 0);
	export_problems_free(&p);
	assert_string_equal(checklist_response_get(f->r, "p1/challenges:other"),
	    "");
}

static void
test_refuse_incomplete_unless_forced(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct export_package *p;
	char *buf;
	size_t len;

	checklist_error_clear(&err);
	assert_int_equal(export_build(f->r, &f->opts, &buf, &len, &err),
	    CHECKLIST_ERR_VALUE);
	assert_null(buf);
	assert_non_null(strstr(err.message, "4 required answers missing"));
	f->opts.force = true;
	build(f, &buf, &len);
	checklist_error_clear(&err);
	assert_int_equal(export_read_memory(buf, len, "x", &f->ropts, &p, &err),
	    CHECKLIST_OK);
	assert_false(p->complete);
	assert_int_equal(p->required, 4);
	assert_int_equal(p->required_answered, 0);
	export_package_free(p);
	free(buf);
}

/* ------------------------------------------------------------ writing */

static void
test_round_trip(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct export_package *p;
	unsigned char bytes[1000];
	char *buf;
	size_t len, i;
	static const char *const paths[] = {
		"front/state", "front/fp_name", "front/fp_email",
		"front/contacts[1]/name", "front/consent", "p1/status",
		"p1/challenges", "p1/challenges:other", "p1/measures[1]/title",
		"p1/measures[2]/title", "p1/cases",
	};

	fill(f);
	build(f, &buf, &len);
	checklist_error_clear(&err);
	if (export_read_memory(buf, len, "x", &f->ropts, &p, &err) !=
	    CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++)
		assert_string_equal(checklist_response_get(p->response,
		    paths[i]), checklist_response_get(f->r, paths[i]));
	assert_int_equal(checklist_response_entries(p->response,
	    "p1/measures"), 2);
	assert_string_equal(checklist_response_get(p->response,
	    "p1/measures[1]/file"), "law 12.pdf");
	assert_int_equal(p->nattachments, 1);
	assert_string_equal(p->attachments[0].name, "law 12.pdf");
	assert_string_equal(p->attachments[0].media_type, "application/pdf");
	assert_string_equal(p->attachments[0].path, "p1/measures[1]/file");
	attachment_bytes(bytes, sizeof bytes);
	assert_int_equal(p->attachments[0].size, sizeof bytes);
	assert_memory_equal(p->attachments[0].data, bytes, sizeof bytes);
	assert_string_equal(p->state, "AUT");
	assert_string_equal(p->checklist_id, "mini");
	assert_string_equal(p->exported, FIXED_NOW);
	assert_int_equal(p->revision, 1);
	assert_true(p->consent);
	assert_true(p->complete);
	export_package_free(p);
	free(buf);
}

static void
test_not_relevant_left_out(void **state)
{
	struct fx *f = *state;
	char *buf, *xml;
	size_t len;

	fill(f);
	set(f->r, "p1/status", "none");
	set(f->r, "p1/steps", "Draft a law");
	build(f, &buf, &len);
	xml = inflate_all(buf, len);
	assert_non_null(strstr(xml, "<steps>Draft a law</steps>"));
	free(xml);
	free(buf);
	set(f->r, "p1/status", "full"); /* steps no longer relevant */
	assert_string_equal(checklist_response_get(f->r, "p1/steps"),
	    "Draft a law");
	build(f, &buf, &len);
	xml = inflate_all(buf, len);
	assert_null(strstr(xml, "Draft a law"));
	assert_null(strstr(xml, "<steps"));
	/* The local folder of the attachment stays home. */
	assert_null(strstr(xml, f->dir));
	free(xml);
	free(buf);
}

static void
test_deterministic(void **state)
{
	struct fx *f = *state;
	char *a, *b;
	size_t alen, blen;

	fill(f);
	build(f, &a, &alen);
	build(f, &b, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	/* gzip header: magic, deflate, no flags, mtime 0, OS 255. */
	assert_int_equal((unsigned char)a[0], 0x1f);
	assert_int_equal((unsigned char)a[1], 0x8b);
	assert_int_equal(a[2], 8);
	assert_int_equal(a[3], 0);
	assert_int_equal(a[4] | a[5] | a[6] | a[7], 0);
	assert_int_equal((unsigned char)a[9], 255);
	free(a);
	free(b);
}

/* The package's XML with the program version and the definition's
 * SHA-256 made neutral (the fixture may change; the digest is tested
 * on its own). */
static char *
golden_text(struct fx *f)
{
	char *buf, *xml, *out, *digest;
	size_t len;

	xmlSetProp(xmlDocGetRootElement(f->r->doc), EXPORT_XC("submission-id"),
	    EXPORT_XC(FIXED_ID));
	build(f, &buf, &len);
	xml = inflate_all(buf, len);
	out = replace(xml, "version=\"" PACKAGE_VERSION "\"",
	    "version=\"@VERSION@\"");
	free(xml);
	digest = checklist_xasprintf("sha256=\"%s\"", f->cl->sha256);
	xml = replace(out, digest, "sha256=\"@SHA256@\"");
	free(out);
	free(digest);
	free(buf);
	return xml;
}

static void
test_golden(void **state)
{
	struct fx *f = *state;
	const char *top = getenv("TOP_SRCDIR");
	char *file, *want, *got;
	size_t len;
	struct checklist_error err;

	fill(f);
	got = golden_text(f);
	file = checklist_xasprintf("%s/tests/golden/export-mini.xml",
	    top != NULL ? top : ".");
	if (getenv("SACL_UPDATE_GOLDEN") != NULL)
		write_file(file, got, strlen(got));
	checklist_error_clear(&err);
	if (checklist_read_file(file, 1u << 20, &want, &len, &err) !=
	    CHECKLIST_OK)
		fail_msg("%s", checklist_error_text(&err));
	assert_string_equal(got, want);
	free(want);
	free(got);
	free(file);
}

static void
test_write_revisions(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	struct export_package *p;
	char *file = checklist_xasprintf("%s/out.xml.gz", f->dir);
	xmlNodePtr root = xmlDocGetRootElement(f->r->doc);
	xmlChar *id1, *id2, *rev;
	struct stat st;

	fill(f);
	checklist_error_clear(&err);
	assert_int_equal(export_write(f->r, &f->opts, file, &err),
	    CHECKLIST_OK);
	id1 = xmlGetProp(root, EXPORT_XC("submission-id"));
	assert_non_null(id1);
	assert_int_equal(strlen((const char *)id1), 36);
	/* an existing file is never replaced unless asked */
	assert_int_equal(export_write(f->r, &f->opts, file, &err),
	    CHECKLIST_ERR_IO);
	assert_non_null(strstr(err.message, "not replaced"));
	rev = xmlGetProp(root, EXPORT_XC("revision"));
	assert_string_equal(rev, "1");
	xmlFree(rev);
	checklist_error_clear(&err);
	f->opts.replace = true;
	assert_int_equal(export_write(f->r, &f->opts, file, &err),
	    CHECKLIST_OK);
	f->opts.replace = false;
	id2 = xmlGetProp(root, EXPORT_XC("submission-id"));
	rev = xmlGetProp(root, EXPORT_XC("revision"));
	assert_string_equal(id1, id2);
	assert_string_equal(rev, "2");
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 077, 0);
	assert_int_equal(export_read_file(file, &f->ropts, &p, &err),
	    CHECKLIST_OK);
	assert_int_equal(p->revision, 2);
	assert_string_equal(p->submission_id, (const char *)id1);
	export_package_free(p);
	xmlFree(id1);
	xmlFree(id2);
	xmlFree(rev);
	free(file);
}

static void
test_default_name(void **state)
{
	struct fx *f = *state;
	char *name;

	name = export_default_name(f->r, 0);
	assert_string_equal(name, "XXX_mini_2_2026-11-30_r1.xml.gz");
	free(name);
	fill(f);
	name = export_default_name(f->r, 0);
	assert_string_equal(name, "AUT_mini_2_2026-11-30_r1.xml.gz");
	free(name);
}

/* The default name is always a new file: the revision in it, and when
 * that name is taken all the same, the next free "-2"; nothing replaced. */
static void
test_write_new(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	char *path, *want, *first = NULL, *before = NULL, *after = NULL;
	size_t n1, n2;

	fill(f);
	checklist_error_clear(&err);
	assert_int_equal(export_write_new(f->r, &f->opts, f->dir, &path,
	    &err), CHECKLIST_OK);
	want = checklist_xasprintf("%s/AUT_mini_2_2026-11-30_r1.xml.gz",
	    f->dir);
	assert_string_equal(path, want);
	free(want);
	first = path;
	assert_int_equal(checklist_read_file(first, 1 << 20, &before, &n1,
	    &err), CHECKLIST_OK);
	/* the response put back as it was before that export: r1 again */
	xmlUnsetProp(xmlDocGetRootElement(f->r->doc), EXPORT_XC("revision"));
	set(f->r, "p1/cases", "43"); /* other bytes */
	assert_int_equal(export_write_new(f->r, &f->opts, f->dir, &path,
	    &err), CHECKLIST_OK);
	want = checklist_xasprintf("%s/AUT_mini_2_2026-11-30_r1-2.xml.gz",
	    f->dir);
	assert_string_equal(path, want);
	free(want);
	free(path);
	assert_int_equal(checklist_read_file(first, 1 << 20, &after, &n2,
	    &err), CHECKLIST_OK);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(first);
	free(before);
	free(after);
}

static void
test_attachment_caps(void **state)
{
	struct fx *f = *state;
	struct checklist_error err;
	char *buf;
	size_t len;

	fill(f);
	f->opts.attach_file_max = 999;
	checklist_error_clear(&err);
	assert_int_equal(export_build(f->r, &f->opts, &buf, &len, &err),
	    CHECKLIST_ERR_VALUE); /* the check lists it first */
	assert_non_null(strstr(err.message, "cap for one attachment"));
	f->opts.force = true;
	checklist_error_clear(&err);
	assert_int_equal(export_build(f->r, &f->opts, &buf, &len, &err),
	    CHECKLIST_ERR_TOO_BIG);
	assert_non_null(strstr(err.message, "cap for one attachment"));
	f->opts.attach_file_max = 0;
	f->opts.attach_total_max = 500;
	checklist_error_clear(&err);
	assert_int_equal(export_build(f->r, &f->opts, &buf, &len, &err),
	    CHECKLIST_ERR_TOO_BIG);
	assert_non_null(strstr(err.message, "in all"));
}

/* ------------------------------------------------------------ reading */

static void
test_refuse_bomb(void **state)
{
	struct fx *f = *state;
	size_t n = 16u << 20, len;
	char *zeros = checklist_xcalloc(1, n), *buf;
	struct checklist_error err;

	checklist_error_clear(&err);
	assert_int_equal(export_gzip(zeros, n, &buf, &len, &err), CHECKLIST_OK);
	assert_true(len * 1000 < n); /* the file really is over 1000:1 */
	refused(f, buf, len, NULL, CHECKLIST_ERR_TOO_BIG, "1000:1");
	free(buf);
	free(zeros);
}

static void
test_refuse_over_size_cap(void **state)
{
	struct fx *f = *state;
	struct export_read_options o = f->ropts;
	char *buf;
	size_t len;

	fill(f);
	build(f, &buf, &len);
	o.max_inflate = 2000;
	refused(f, buf, len, &o, CHECKLIST_ERR_TOO_BIG, "more than 2000 bytes");
	free(buf);
}

static void
test_refuse_truncated(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	build(f, &buf, &len);
	refused(f, buf, len / 2, NULL, CHECKLIST_ERR_PARSE, "truncated");
	refused(f, buf, len - 4, NULL, CHECKLIST_ERR_PARSE, "truncated");
	free(buf);
}

static void
test_refuse_bad_crc(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	build(f, &buf, &len);
	buf[len - 8] ^= 0x01; /* the first byte of the CRC-32 trailer */
	refused(f, buf, len, NULL, CHECKLIST_ERR_PARSE, "CRC-32");
	free(buf);
}

static void
test_refuse_trailing_garbage(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	build(f, &buf, &len);
	buf = checklist_xrealloc(buf, len + 7);
	memcpy(buf + len, "garbage", 7);
	refused(f, buf, len + 7, NULL, CHECKLIST_ERR_PARSE, "trailing");
	free(buf);
}

static void
test_refuse_not_gzip_unless_plain(void **state)
{
	struct fx *f = *state;
	struct export_read_options o = f->ropts;
	struct export_package *p;
	struct checklist_error err;
	char *buf, *xml;
	size_t len;

	fill(f);
	build(f, &buf, &len);
	xml = inflate_all(buf, len);
	refused(f, xml, strlen(xml), NULL, CHECKLIST_ERR_PARSE, "not a gzip");
	o.plain = true;
	checklist_error_clear(&err);
	assert_int_equal(export_read_memory(xml, strlen(xml), "x", &o, &p,
	    &err), CHECKLIST_OK);
	assert_string_equal(p->state, "AUT");
	export_package_free(p);
	free(xml);
	free(buf);
}

static void
test_refuse_doctype_entity(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<package ", "<!DOCTYPE package [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]>\n<package ", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_PARSE, "DOCTYPE");
	free(buf);
}

static void
test_refuse_schema(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<consent-to-publish>yes", "<consent-to-publish>maybe",
	    &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_SCHEMA, "consent-to-publish");
	free(buf);
}

static void
test_refuse_unknown_version(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<checklist id=\"mini\" version=\"2\"",
	    "<checklist id=\"mini\" version=\"3\"", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_NOT_FOUND,
	    "checklist 'mini' version '3' is not available");
	free(buf);
}

/* The package names the definition it was filled against: id, version,
 * title and the SHA-256 of the file as loaded. */
static void
test_package_names_definition(void **state)
{
	struct fx *f = *state;
	char *buf, *xml, *want;
	size_t len;

	fill(f);
	assert_int_equal(strlen(f->cl->sha256), 64);
	build(f, &buf, &len);
	xml = inflate_all(buf, len);
	want = checklist_xasprintf("<checklist id=\"mini\" version=\"2\" "
	    "sha256=\"%s\">Mini</checklist>", f->cl->sha256);
	if (strstr(xml, want) == NULL)
		fail_msg("no '%s' in the package", want);
	free(want);
	free(xml);
	free(buf);
}

/* Same id and version, another definition: refused, saying both
 * digests, unless told to ignore the digest; the caller learns which
 * definition the package needs. */
static void
test_refuse_other_digest(void **state)
{
	struct fx *f = *state;
	struct export_read_options o = f->ropts;
	struct export_need need = { 0 };
	struct export_package *p = NULL;
	struct checklist_error err;
	char *buf, *from, *to;
	size_t len;

	fill(f);
	from = checklist_xasprintf("sha256=\"%s\"", f->cl->sha256);
	to = checklist_xasprintf("sha256=\"%064d\"", 0);
	tampered(f, from, to, &buf, &len);
	o.need = &need;
	refused(f, buf, len, &o, CHECKLIST_ERR_NOT_FOUND, "is not the "
	    "definition the package was filled against (sha256 0000");
	assert_true(need.unavailable);
	assert_true(need.other_digest);
	assert_string_equal(need.id, "mini");
	assert_string_equal(need.version, "2");
	assert_string_equal(need.title, "Mini");
	assert_int_equal(strspn(need.sha256, "0"), 64);
	export_need_clear(&need);
	o.ignore_digest = true;
	checklist_error_clear(&err);
	assert_int_equal(export_read_memory(buf, len, "in.xml.gz", &o, &p,
	    &err), CHECKLIST_OK);
	assert_non_null(p);
	assert_int_equal(strspn(p->checklist_sha256, "0"), 64);
	assert_false(need.unavailable);
	export_need_clear(&need);
	export_package_free(p);
	free(buf);
	free(from);
	free(to);
}

/* A package written before packages named their definition's digest
 * is still read. */
static void
test_read_without_digest(void **state)
{
	struct fx *f = *state;
	struct export_package *p = NULL;
	struct checklist_error err;
	char *buf, *from;
	size_t len;

	fill(f);
	from = checklist_xasprintf(" sha256=\"%s\"", f->cl->sha256);
	tampered(f, from, "", &buf, &len);
	checklist_error_clear(&err);
	assert_int_equal(export_read_memory(buf, len, "in.xml.gz", &f->ropts,
	    &p, &err), CHECKLIST_OK);
	assert_null(p->checklist_sha256);
	export_package_free(p);
	free(buf);
	free(from);
}

static void
test_refuse_unknown_checklist(void **state)
{
	struct fx *f = *state;
	struct export_read_options o = f->ropts;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<checklist id=\"mini\"", "<checklist id=\"nosuch\"", &buf,
	    &len);
	o.cl = NULL; /* look it up by id, as the intake does */
	refused(f, buf, len, &o, CHECKLIST_ERR_NOT_FOUND,
	    "unknown checklist 'nosuch'");
	free(buf);
}

static void
test_refuse_unknown_question(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<cases>", "<bogus>1</bogus><cases>", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_NOT_FOUND, "'bogus' in p1");
	free(buf);
}

static void
test_refuse_value_outside_choices(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<status>full</status>", "<status>maybe</status>", &buf,
	    &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_VALUE, "p1/status");
	free(buf);
	tampered(f, "<cases>42</cases>", "<cases>many</cases>", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_VALUE, "p1/cases");
	free(buf);
}

static void
test_refuse_repeated_or_stray(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "<cases>42</cases>", "<cases>42</cases><cases>7</cases>",
	    &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_NOT_FOUND,
	    "repeated element 'cases' in p1");
	free(buf);
	tampered(f, "<status>full</status>",
	    "<status other=\"x\">full</status>", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_VALUE, "\"other\" text");
	free(buf);
	tampered(f, "<cases>42</cases>", "<cases>42<b>1</b></cases>", &buf,
	    &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_NOT_FOUND,
	    "element inside a value 'b' in p1/cases");
	free(buf);
	tampered(f, "<art1>", "<art1>text", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_VALUE, "unexpected text in "
	    "art1");
	free(buf);
}

/* A second copy of the attachment, for the same question. */
static void
test_refuse_second_attachment(void **state)
{
	struct fx *f = *state;
	char *pkg, *xml, *two, *bad, *buf;
	const char *a, *b;
	size_t plen, len;

	fill(f);
	build(f, &pkg, &plen);
	xml = inflate_all(pkg, plen);
	a = strstr(xml, "<attachment id=\"a1\"");
	b = strstr(xml, "</attachments>");
	assert_true(a != NULL && b != NULL && a < b);
	two = checklist_xasprintf("%.*s<attachment id=\"a2\"%s", (int)(b - a),
	    a, a + strlen("<attachment id=\"a1\""));
	bad = checklist_xasprintf("%.*s%s", (int)(a - xml), xml, two);
	deflate_str(bad, &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_SCHEMA,
	    "a second file for one question");
	free(buf);
	free(bad);
	free(two);
	free(xml);
	free(pkg);
}

static void
test_refuse_bad_attachment(void **state)
{
	struct fx *f = *state;
	char *buf;
	size_t len;

	fill(f);
	tampered(f, "size=\"1000\"", "size=\"999\"", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_SCHEMA, "size says 999");
	free(buf);
	tampered(f, "name=\"law 12.pdf\"", "name=\"other.pdf\"", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_SCHEMA,
	    "question does not name it");
	free(buf);
	/* A non-file question whose value happens to be the name. */
	tampered(f, "question=\"p1/measures[1]/file\" name=\"law 12.pdf\"",
	    "question=\"p1/status\" name=\"full\"", &buf, &len);
	refused(f, buf, len, NULL, CHECKLIST_ERR_SCHEMA,
	    "question does not name it");
	free(buf);
}

/* -------------------------------------------------------- primitives */

static void
test_base64(void **state)
{
	static const char *const enc[] = { "", "AA==", "AAE=", "AAEC",
	    "AAECAw==" };
	unsigned char in[4] = { 0, 1, 2, 3 }, *out;
	size_t n, len;
	char *s;

	(void)state;
	for (n = 0; n <= 4; n++) {
		s = export_base64_encode(in, n);
		assert_string_equal(s, enc[n]);
		assert_true(export_base64_decode(s, &out, &len));
		assert_int_equal(len, n);
		assert_memory_equal(out, in, n);
		free(out);
		free(s);
	}
	assert_true(export_base64_decode("AA\nEC", &out, &len));
	assert_int_equal(len, 3);
	free(out);
	assert_false(export_base64_decode("AA=C", &out, &len));
	assert_false(export_base64_decode("A", &out, &len));
	assert_false(export_base64_decode("AA*C", &out, &len));
	assert_false(export_base64_decode("AAA===", &out, &len));
}

static void
test_crc_and_media(void **state)
{
	char *b;

	(void)state;
	/* The CRC-32 check value of RFC 1952's polynomial. */
	assert_int_equal(export_crc32((const unsigned char *)"123456789", 9),
	    0xcbf43926u);
	assert_string_equal(export_media_type("A.DOCX"),
	    "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document");
	assert_string_equal(export_media_type("noext"),
	    "application/octet-stream");
	b = export_base_name("C:\\laws\\act.pdf");
	assert_string_equal(b, "act.pdf");
	free(b);
	b = export_base_name("/home/x/act 2.pdf");
	assert_string_equal(b, "act 2.pdf");
	free(b);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_check_lists_missing),
		T(test_check_repeat_child_and_file),
		T(test_changed_copy_refused),
		T(test_other_without_text_missing),
		T(test_refuse_incomplete_unless_forced),
		T(test_round_trip),
		T(test_not_relevant_left_out),
		T(test_deterministic),
		T(test_golden),
		T(test_write_revisions),
		T(test_default_name),
		T(test_write_new),
		T(test_attachment_caps),
		T(test_refuse_bomb),
		T(test_refuse_over_size_cap),
		T(test_refuse_truncated),
		T(test_refuse_bad_crc),
		T(test_refuse_trailing_garbage),
		T(test_refuse_not_gzip_unless_plain),
		T(test_refuse_doctype_entity),
		T(test_refuse_schema),
		T(test_refuse_unknown_version),
		T(test_refuse_unknown_checklist),
		T(test_package_names_definition),
		T(test_refuse_other_digest),
		T(test_read_without_digest),
		T(test_refuse_unknown_question),
		T(test_refuse_value_outside_choices),
		T(test_refuse_repeated_or_stray),
		T(test_refuse_bad_attachment),
		T(test_refuse_second_attachment),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_crc_and_media),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * export_render.h: a response as a document for people (`sacl render`,
 * the presentation mode of `sacl fill`): the whole checklist walked
 * provision by provision into a view (labels, not codes; choices by
 * their labels; repeats as entries), with the progress per article, the
 * workshop marks (checklist_marks.h: conflicts, to review, provenance)
 * and the questions still unanswered; then the view written as HTML
 * (one self-contained page, built as a libxml2 tree), text fitted to a
 * width, or Markdown with every value escaped.
 *
 * Texts in the view are raw (a response may come from outside): every
 * writer sanitises them on the way out, and so must any other user.
 *
 * Ownership: a view owns every string in it; it borrows the checklist's
 * groups and questions (the checklist must outlive it).
 */
#ifndef SACL_EXPORT_RENDER_H
#define SACL_EXPORT_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist/checklist.h"
#include "checklist/checklist_marks.h"

/* The marks of a value or an entry, copied. */
struct export_vmarks {
	bool review, conflict;
	char *agency, *file, *time; /* or NULL */
};

struct export_ventry;

/* One question's answer as shown. */
struct export_vanswer {
	const struct checklist_question *q;
	char *path;        /* value path */
	char *label;       /* the question's label */
	char *value;       /* choices by their labels, "" when unanswered */
	bool missing;      /* required (or "other" without text), no answer */
	struct export_vmarks marks;
	size_t nentries;   /* a repeat: its entries */
	struct export_ventry *entries;
};

struct export_ventry {
	char *path;        /* "p9_1/measures[2]" */
	struct export_vmarks marks;
	size_t n;
	struct export_vanswer *answers; /* its relevant child questions */
};

/* A page (the front section, a provision, a lettered item). */
struct export_vpage {
	const struct checklist_group *g;
	char *name;        /* "9.1(a)", or the front section's title */
	char *title;       /* the provision's title, or "" */
	bool relevant;
	struct checklist_progress p;
	size_t n;
	struct export_vanswer *answers; /* relevant questions only */
	size_t missing;    /* required answers missing here */
};

/* An article (or the front section, one page). */
struct export_varticle {
	const struct checklist_group *g;
	char *name;        /* "Article 9", or the front section's title */
	char *title;
	struct checklist_progress p;
	struct checklist_marks_count marks;
	size_t missing;
	size_t npages;
	struct export_vpage *pages;
};

struct export_vconflict {
	char *path, *label; /* the value path; its question's label */
	size_t n;
	char **values;      /* each candidate "VALUE (agency, file, time)" */
};

struct export_view {
	char *title;       /* the checklist's title */
	char *meta;        /* checklist id and version, State, agency */
	char *lang;        /* the texts' language */
	struct checklist_progress p;
	struct checklist_marks_count marks;
	size_t missing;
	size_t narticles;
	struct export_varticle *articles; /* the front section first */
	size_t nconflicts;
	struct export_vconflict *conflicts;
};

/* Walk R into V, texts in LANG (NULL: the checklist's default). Free V
 * with export_view_free(). */
void export_view_build(struct checklist_response *r, const char *lang,
    struct export_view *v);
void export_view_free(struct export_view *v);
/* The page of V showing group G, or NULL. */
const struct export_vpage *export_view_page(const struct export_view *v,
    const struct checklist_group *g, const struct export_varticle **art);
/* The answers of page P still missing (required, or "other" without
 * its text), those in list entries included, in reading order: *OUT
 * (caller frees the array; the answers are P's). Returns the count. */
size_t export_view_missing(const struct export_vpage *p,
    const struct export_vanswer ***out);
/* "Status; Title (entry 2)": the labels of page P's missing answers,
 * or NULL when none is. Caller frees. */
char *export_view_missing_text(const struct export_vpage *p);
/* FN(CTX, P, A) for each required question A still unanswered, page P
 * by page in reading order: the one walk of the renders' lists of what
 * is missing. */
void export_view_each_missing(const struct export_view *v,
    void (*fn)(void *ctx, const struct export_vpage *p,
    const struct export_vanswer *a), void *ctx);

/* "NAME TITLE", or NAME alone when TITLE is empty. Caller frees. */
char *export_view_heading(const char *name, const char *title);
/* "from Justice (justice.xml, 2026-12-01T10:00:00Z)", or NULL when M
 * has no provenance. Caller frees. Raw: sanitise to show. */
char *export_vmarks_from(const struct export_vmarks *m);

enum export_render_format {
	EXPORT_RENDER_TEXT,
	EXPORT_RENDER_MARKDOWN,
	EXPORT_RENDER_HTML,
};

/* V as bytes in FORMAT (text fitted to WIDTH columns, 0: 80). Caller
 * frees; *LEN its length. */
char *export_render(const struct export_view *v,
    enum export_render_format format, int width, size_t *len);

/* Writers (export_render_text.c, _md.c, _html.c). */
char *export_render_text_view(const struct export_view *v, int width,
    size_t *len);
char *export_render_markdown(const struct export_view *v, size_t *len);
char *export_render_html_view(const struct export_view *v, size_t *len);

/* A growing string for the writers. */
struct export_sb {
	char *s;
	size_t len, cap;
};
void export_sb_add(struct export_sb *b, const char *s);
void export_sb_addf(struct export_sb *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Display width of UTF-8 S (wide characters count 2); of its first
 * character, whose length in bytes goes to *N (export_report_text.c). */
size_t export_text_width(const char *s);
size_t export_text_step(const char *s, size_t *n);

/* Lines of TEXT (sanitised, newlines kept) wrapped to WIDTH columns,
 * appended to *LINES (grown) and *N. For the text writer and the
 * presentation screen. */
void export_wrap(const char *text, int width, char ***lines, size_t *n);

#endif /* SACL_EXPORT_RENDER_H */

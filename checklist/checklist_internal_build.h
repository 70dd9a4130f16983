/*
 * checklist_internal_build.h: private to checklist/: what the build of
 * the model shares between its files (checklist_build.c: root, groups,
 * questions, texts and choice lists; checklist_build_tpl.c: templates;
 * checklist_layout.c: paths and pages). The builder lives for one
 * checklist_build(); what it indexes points into the definition's
 * document, which it does not own.
 */
#ifndef SACL_CHECKLIST_INTERNAL_BUILD_H
#define SACL_CHECKLIST_INTERNAL_BUILD_H

#include <stdbool.h>
#include <sys/types.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "checklist/checklist_internal.h"

/* What building needs besides the model: the named lists and templates,
 * by id. The indexes are made when the build starts and freed when it
 * ends (checklist_build); the first element of an id is the one named. */
struct checklist_builder {
	struct checklist *cl;
	const char *name;
	struct checklist_error *err;
	xmlHashTablePtr choices;   /* id -> its first <choices> element */
	xmlHashTablePtr templates; /* id -> struct checklist_build_tpl (owned) */
	struct checklist_template_index *tpl_questions; /* (owned) */
	/* the templates' questions built so far (SHARED of the provisions'
	 * questions): template question element (its address, as text) ->
	 * the question, or &checklist_build_failed; the questions are the
	 * checklist's, handed to it as made */
	xmlHashTablePtr protos;
};

/* A template's questions, in the order a provision of a level asks them
 * (templates' own, to share). */
struct checklist_build_pick {
	struct checklist_question **q;
	size_t n;
};

/* A template: its element, and what it gives a provision of each level,
 * worked out at its first such provision (the same for all the
 * others). */
struct checklist_build_tpl {
	xmlNodePtr t;
	struct checklist_build_pick *picks[CHECKLIST_LEVEL_OPTIONAL + 1];
};

/* For each element child C of N. */
#define each_child(c, n) \
	for ((c) = (n)->children; (c) != NULL; (c) = (c)->next) \
		if ((c)->type == XML_ELEMENT_NODE)

/* checklist_build.c */
int checklist_build_line(xmlNodePtr n);
/* An empty index (freed with xmlHashFree), small at first. */
xmlHashTablePtr checklist_build_hash(void);
/* The template or choice list named ID in H, or NULL. */
void *checklist_build_named(xmlHashTablePtr h, const char *id);
/* The text at element N, in its language, into T. */
void checklist_build_text(struct checklist_builder *b,
    struct checklist_text *t, xmlNodePtr n);
/* The question at element N (NULL, its error set, when it cannot be). */
struct checklist_question *checklist_build_question(
    struct checklist_builder *b, xmlNodePtr n);
/* Q appended to G's questions, its place noted in IDS. */
void checklist_build_add_question(struct checklist_group *g,
    xmlHashTablePtr ids, struct checklist_question *q);
/* The place of question ID in G's questions (IDS), or -1. */
ssize_t checklist_build_find(xmlHashTablePtr ids, const char *id);
/* NODE indexed in H as V under its id, unless taken (then an error);
 * false when V was not indexed. */
bool checklist_build_collect(struct checklist_builder *b, xmlHashTablePtr h,
    xmlNodePtr node, void *v, xmlNodePtr (*first_of)(void *));

/* checklist_build_tpl.c */
/* Template element C indexed under its id, its questions read. */
void checklist_build_template_def(struct checklist_builder *b, xmlNodePtr c);
/* The questions of provision N's template (if any) given to G. */
void checklist_build_template(struct checklist_builder *b,
    struct checklist_group *g, xmlHashTablePtr ids, xmlNodePtr n);
/* The <omit> N of provision G: its template's question taken out. */
void checklist_build_omit(struct checklist_builder *b,
    struct checklist_group *g, xmlHashTablePtr ids, xmlNodePtr n);
/* Free a struct checklist_build_tpl (an xmlHashDeallocator). */
void checklist_build_tpl_free(void *v, const xmlChar *id);

/* checklist_layout.c */
/* Paths, pages and the list of all questions of CL, once built. */
void checklist_layout(struct checklist *cl);

#endif

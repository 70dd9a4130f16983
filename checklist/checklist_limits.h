/*
 * checklist_limits.h: every cap on what sacl reads and writes, in one
 * table (doc/response-format.md, "Caps"). The writers (set, the terminal
 * interface, export) refuse a change or a package that would break one of
 * these caps, when it is made; the readers (definitions, responses,
 * packages) refuse any input over them, counting while they parse, so
 * that no input costs more than its caps allow, whatever its shape.
 *
 * Consistency, checked at compile time below: a package holds a response
 * (at most CHECKLIST_RESPONSE_MAX), its attachments in base64 (at most
 * CHECKLIST_ATTACH_TOTAL_MAX before encoding) and its metadata, so the
 * package's inflate cap is at least the sum of the three; a response
 * holds at most CHECKLIST_RESPONSE_ELEMENTS_MAX elements, and a package
 * that many plus its metadata and attachments.
 */
#ifndef SACL_CHECKLIST_LIMITS_H
#define SACL_CHECKLIST_LIMITS_H

#include <stddef.h>

/* ----------------------------------------------------------- values */

/* Longest values accepted, in bytes. */
#define CHECKLIST_TEXT_MAX 2000
#define CHECKLIST_LONGTEXT_MAX 200000
/* Most entries one list (repeat) may hold: by set and the forms, and by
 * every reader. */
#define CHECKLIST_ENTRIES_MAX 1000

/* ------------------------------------------------------------- files */

/* A definition file, a response file (as saved: set, the forms and the
 * terminal interface refuse a change that would make it larger). */
#define CHECKLIST_DEFINITION_MAX (16u * 1024 * 1024)
#define CHECKLIST_RESPONSE_MAX (16u * 1024 * 1024)

/* Attached files, checked when a file is taken in and again at export:
 * one file, and all the files of a response. One file's base64 is one
 * text node of the package, and libxml2 refuses a text node over
 * XML_MAX_TEXT_LENGTH (10,000,000 bytes) unless told XML_PARSE_HUGE,
 * which is never used: so 7 MiB (9.8 MB in base64), not 10. */
#define CHECKLIST_ATTACH_FILE_MAX (7u * 1024 * 1024)
#define CHECKLIST_ATTACH_TOTAL_MAX (25u * 1024 * 1024)
/* Most attachments (file answers) in one package. */
#define CHECKLIST_ATTACH_COUNT_MAX 1000u

/* Bytes of N bytes in base64 (one line, as the package writes it). */
#define CHECKLIST_BASE64_LEN(n) (((n) + 2) / 3 * 4)
/* Room for a package's metadata and the markup around its answers and
 * attachments (names, sizes, checksums, deeper indentation). */
#define CHECKLIST_PACKAGE_META_MAX (2u * 1024 * 1024)

/* A package: the file as read, and once inflated. */
#define CHECKLIST_PACKAGE_READ_MAX (48u * 1024 * 1024)
#define CHECKLIST_PACKAGE_INFLATE_MAX (CHECKLIST_RESPONSE_MAX + \
	CHECKLIST_BASE64_LEN(CHECKLIST_ATTACH_TOTAL_MAX) + \
	CHECKLIST_PACKAGE_META_MAX)
#define CHECKLIST_PACKAGE_RATIO_MAX 1000u /* inflated : compressed */

/* -------------------------------------------------- parsing (work) */

/*
 * What one document may hold, counted while it is parsed; the parser
 * stops at the first cap passed, with a message naming it. Attributes
 * count namespace declarations too; a start tag is also limited in bytes
 * (libxml2 2.9 checks an element's attributes for duplicates in time
 * quadratic in their number, before any count can be taken).
 */
struct checklist_xml_caps {
	const char *kind;     /* "definition", "response", "package" */
	size_t elements;      /* in the whole document */
	size_t attributes;    /* on one element */
	size_t depth;         /* elements nested in one another */
	size_t pis;           /* processing instructions */
	size_t comments;
};

#define CHECKLIST_DEFINITION_ELEMENTS_MAX 200000u
#define CHECKLIST_RESPONSE_ELEMENTS_MAX 200000u
#define CHECKLIST_PACKAGE_ELEMENTS_MAX (CHECKLIST_RESPONSE_ELEMENTS_MAX + \
	CHECKLIST_ATTACH_COUNT_MAX + 1000u)
#define CHECKLIST_XML_ATTRIBUTES_MAX 64u
#define CHECKLIST_XML_DEPTH_MAX 40u
#define CHECKLIST_XML_PIS_MAX 100u
#define CHECKLIST_XML_COMMENTS_MAX 10000u
/* Bytes of one start tag, comment or processing instruction. */
#define CHECKLIST_XML_TAG_MAX (64u * 1024)

/* The caps of each kind of document (checklist_xml.c). */
extern const struct checklist_xml_caps checklist_caps_definition;
extern const struct checklist_xml_caps checklist_caps_response;
extern const struct checklist_xml_caps checklist_caps_package;

/* ---------------------------------------------------- conditions */

/* XPath operations one evaluation of a condition may take (libxml2's
 * operation limit: past it, the evaluation fails); and the operations of
 * one condition at all its instances (a list's child is evaluated once
 * per entry). validate refuses a definition one of whose conditions
 * passes either on a response filled to the caps (checklist_cost.c). */
#define CHECKLIST_XPATH_OPS_MAX 50000ul
#define CHECKLIST_XPATH_WORK_MAX 10000000ul

/* ------------------------------------------------ consistency */

_Static_assert(CHECKLIST_PACKAGE_INFLATE_MAX >= CHECKLIST_RESPONSE_MAX +
    CHECKLIST_BASE64_LEN(CHECKLIST_ATTACH_TOTAL_MAX) +
    CHECKLIST_PACKAGE_META_MAX, "a package at the caps must inflate");
_Static_assert(CHECKLIST_BASE64_LEN(CHECKLIST_ATTACH_FILE_MAX) <= 10000000,
    "one attachment's base64 within libxml2's XML_MAX_TEXT_LENGTH");
_Static_assert(CHECKLIST_ATTACH_FILE_MAX <= CHECKLIST_ATTACH_TOTAL_MAX,
    "one attachment within the total");
_Static_assert(CHECKLIST_PACKAGE_ELEMENTS_MAX >=
    CHECKLIST_RESPONSE_ELEMENTS_MAX + CHECKLIST_ATTACH_COUNT_MAX,
    "a package holds a response and its attachments");
_Static_assert(CHECKLIST_LONGTEXT_MAX < CHECKLIST_RESPONSE_MAX,
    "one long text fits in a response");

#endif

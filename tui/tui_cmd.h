/*
 * tui_cmd.h: the command line. tui_main.c dispatches `sacl COMMAND ...`
 * to one tui_cmd_* function per command, each in its own file. They
 * parse their options (getopt_long), call the libraries, print what the
 * libraries return, and give the exit status documented in doc/sacl.1.
 */
#ifndef SACL_TUI_CMD_H
#define SACL_TUI_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "checklist/checklist.h"

/* Exit statuses (doc/sacl.1, EXIT STATUS). */
enum tui_exit {
	TUI_EXIT_OK = 0,
	TUI_EXIT_INVALID = 1,  /* invalid input: a definition, a value, a file */
	TUI_EXIT_USAGE = 2,    /* bad command line */
	TUI_EXIT_IO = 3,       /* a file could not be read or written */
	TUI_EXIT_LOCKED = 4,   /* another process holds the response file */
	TUI_EXIT_INCOMPLETE = 5, /* export refused: required answers missing */
	TUI_EXIT_UNAVAILABLE = 6, /* verify: a sound package whose checklist
	                           * definition is not here */
	TUI_EXIT_CONFLICTS = 7, /* merge: conflicts left to settle; export
	                         * refused: a contribution, or conflicts */
};

/* Each command: ARGV[0] is the command's name. Returns an exit status. */
int tui_cmd_fill(int argc, char **argv);
int tui_cmd_validate(int argc, char **argv);
int tui_cmd_info(int argc, char **argv);
int tui_cmd_set(int argc, char **argv);
int tui_cmd_get(int argc, char **argv);
int tui_cmd_export(int argc, char **argv);
int tui_cmd_import(int argc, char **argv);
int tui_cmd_report(int argc, char **argv);
int tui_cmd_attachments(int argc, char **argv);
int tui_cmd_browse(int argc, char **argv);
int tui_cmd_render(int argc, char **argv);
int tui_cmd_merge(int argc, char **argv);
int tui_cmd_diff(int argc, char **argv);

/* Set up glibc's heap before anything large is loaded (tui_heap.c):
 * fast bins off and, where memory is not limited, a reserve marked for
 * huge pages; says nothing, changes no result. */
void tui_heap_prepare(void);
/* CL and RESP (NULL: none), no longer used by a command about to end,
 * are left for the exit to take back with the whole heap (once: a second
 * call frees its own at once, as does a build with a sanitizer);
 * tui_heap.c. */
void tui_heap_leave(struct checklist *cl, struct checklist_response *resp);

/* Shared by the commands (tui_cmd_util.c). */

/* Is FILE a package (gzip magic), rather than a response? */
bool tui_cmd_is_package(const char *file);

/* "sacl: MESSAGE" on stderr. Untrusted text must go through
 * checklist_sanitize() (the message of a checklist_error already has). */
void tui_cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print ERR's "FILE:LINE:COL: message" on stderr, sanitised. */
void tui_cmd_error(struct checklist_error *err);
/* The exit status for a library status. */
int tui_cmd_exit_for(checklist_status st);
/* Print the usage line of a command and hint at --help; returns 2. */
int tui_cmd_usage(const char *usage);
/* Load the checklist named by ARG (a path or a bundled id); on failure
 * print the error. */
struct checklist *tui_cmd_load_checklist(const char *arg, int *exit_status);
/* 0 when the response file FILE exists; else print "sacl: FILE: no such
 * response file" and HINT (NULL: none) and return TUI_EXIT_IO. */
int tui_cmd_response_present(const char *file, const char *hint);
/* Load the checklist the response file FILE names (or OVERRIDE when
 * given), then the response; prints errors. A missing FILE is a new
 * response when CREATE (on OVERRIDE, else the default checklist), an
 * error otherwise; a new response is said on stderr ("New response:
 * FILE created (ID VERSION, from DEFINITION)") unless
 * tui_cmd_quiet_new() was called. OVERRIDE on an existing FILE is
 * remembered in it (checklist-source) and saved at once, under the lock
 * (the caller's or one taken for the save). */
int tui_cmd_open_response(const char *file, const char *override,
    bool create, struct checklist **cl, struct checklist_response **resp);
/* Say nothing on stderr when tui_cmd_open_response() creates a response
 * (`sacl fill` says it on its status line). */
void tui_cmd_quiet_new(void);

/* `sacl get`'s sources (tui_cmd_attach.c): take "--db STORE" (or
 * "--db=STORE") out of ARGV, before getopt sees it; NULL when absent. */
const char *tui_cmd_take_db(int *argc, char **argv);
/* Open what ARG names for reading: with DB, the stored submission ARG;
 * else a package file (gzip), or a response file as
 * tui_cmd_open_response does. Packages are read by the one reader (with
 * CHECKLIST when given). The caller frees *CL and *RESP. */
int tui_cmd_open_source(const char *db, const char *arg,
    const char *checklist, struct checklist **cl,
    struct checklist_response **resp);

/* --wait[=SECONDS] (set, get, export): ARG NULL is the default. 0, or
 * -1 after printing why ARG is not a number of seconds. */
#define TUI_WAIT_DEFAULT 60 /* seconds, --wait alone */
#define TUI_WAIT_MAX 86400
int tui_cmd_wait_option(const char *arg);
/* Take FILE's lock (waiting as --wait said); on failure print the error
 * (and how to retry) and return the exit status (4: in use). */
int tui_cmd_lock(const char *file, struct checklist_lock **lock);
/* With --wait: wait until no live process holds FILE's lock (get reads
 * what a writer finished). Without: 0 at once. */
int tui_cmd_wait_free(const char *file);

/* The answers of another file (tui_cmd_answers.c): a package (read by
 * export_read_file, an older version of CL's checklist as raw answers;
 * CL may be NULL) or a response file (bounded, safe parse). */
struct export_package;
struct tui_answers {
	struct export_package *pkg;   /* a package, or NULL */
	xmlDocPtr doc;                /* a response file's, or NULL */
	xmlNodePtr root;              /* the <response> element; borrowed */
	struct checklist *cl_owned;
	const struct checklist *cl;   /* its definition when here, or NULL */
	char *id, *version;           /* as the answers say (untrusted) */
};
/* Open FILE; on failure print why and return the exit status. */
int tui_answers_open(const char *file, const struct checklist *cl,
    struct tui_answers *a);
void tui_answers_close(struct tui_answers *a);
/* `fill --from FROM` (SCREEN) and `set --from-last FROM`: carry FROM's answers into the new or empty R;
 * what was not taken is printed on stderr; *NOTICE (caller frees) says
 * what was done, for the status line. Prints errors; an exit status. */
int tui_answers_carry(struct checklist_response *r, const char *from,
    bool screen, char **notice);

/* Print VERSION information. */
void tui_print_version(FILE *out);

#endif /* SACL_TUI_CMD_H */

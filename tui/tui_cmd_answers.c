/*
 * tui_cmd_answers.c: the answers of another file, for carry forward
 * (`sacl fill --from LAST`), `sacl fill --compare EARLIER` and `sacl
 * diff`. A package is read by the one reader of packages (export_read,
 * with other_version: an older version of the checklist is read as raw
 * answers, see export.h); a response file is read with its size cap and
 * the safe parser, its root must be a <response>. Either way the caller
 * gets the raw <response> element, walked by question id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checklist/checklist.h"
#include "export/export.h"
#include "tui/tui_cmd.h"

/* The definition a response file names (for provision numbers only):
 * the one it remembers, else the bundled one of its id; NULL if none. */
static struct checklist *
tui_answers_definition(const char *file)
{
	struct checklist_error e;
	struct checklist *cl = NULL;
	char *id = NULL, *source = NULL;

	checklist_error_clear(&e);
	if (checklist_response_peek(file, &id, &source, &e) == CHECKLIST_OK) {
		if (source == NULL || checklist_load(source, &cl, &e) !=
		    CHECKLIST_OK || strcmp(cl->id, id) != 0) {
			checklist_free(cl);
			cl = NULL;
			checklist_error_clear(&e);
			if (checklist_load(id, &cl, &e) != CHECKLIST_OK)
				cl = NULL;
		}
	}
	free(id);
	free(source);
	return cl;
}

static checklist_status
tui_answers_response(const char *file, struct tui_answers *a,
    struct checklist_error *err)
{
	checklist_status st = checklist_response_read_raw(file, &a->doc, err);

	if (st != CHECKLIST_OK)
		return st;
	a->root = xmlDocGetRootElement(a->doc);
	a->cl_owned = tui_answers_definition(file);
	a->cl = a->cl_owned;
	return CHECKLIST_OK;
}

int
tui_answers_open(const char *file, const struct checklist *cl,
    struct tui_answers *a)
{
	struct export_read_options o = { 0 };
	struct checklist_error err;
	checklist_status st;

	memset(a, 0, sizeof *a);
	checklist_error_clear(&err);
	if (tui_cmd_is_package(file)) {
		o.cl = cl;
		o.other_version = true;
		st = export_read_file(file, &o, &a->pkg, &err);
		if (st == CHECKLIST_OK) {
			a->root = a->pkg->answers;
			a->cl = a->pkg->cl;
		}
	} else {
		st = tui_answers_response(file, a, &err);
	}
	if (st != CHECKLIST_OK) {
		tui_cmd_error(&err);
		tui_answers_close(a);
		return tui_cmd_exit_for(st);
	}
	checklist_response_names(a->root, &a->id, &a->version);
	return TUI_EXIT_OK;
}

void
tui_answers_close(struct tui_answers *a)
{
	export_package_free(a->pkg);
	xmlFreeDoc(a->doc);
	checklist_free(a->cl_owned);
	free(a->id);
	free(a->version);
	memset(a, 0, sizeof *a);
}

/* The attachment of a package's file answer at PATH. */
static bool
tui_answers_file(void *arg, const char *path, const char *value,
    const char **data, size_t *len, const char **name)
{
	const struct export_package *p = arg;
	size_t i;

	(void)value;
	for (i = 0; p != NULL && i < p->nattachments; i++)
		if (strcmp(p->attachments[i].path, path) == 0) {
			*data = (const char *)p->attachments[i].data;
			*len = p->attachments[i].size;
			*name = p->attachments[i].name;
			return true;
		}
	return false;
}

/* Print what was not taken, one line each, on stderr (sanitised). */
static void
tui_answers_skipped(const char *from, const struct checklist_carry *c)
{
	size_t i;

	for (i = 0; i < c->nskipped; i++) {
		char *p = checklist_escape(c->skipped[i].path);
		char *v = checklist_escape(c->skipped[i].value);
		char *why = checklist_sanitize(c->skipped[i].reason, false);

		tui_cmd_warn(_("%s: not carried forward: %s = \"%s\": %s"),
		    from, p, v, why);
		free(p);
		free(v);
		free(why);
	}
}

int
tui_answers_carry(struct checklist_response *r, const char *from,
    bool screen, char **notice)
{
	struct tui_answers a;
	struct checklist_carry c;
	struct checklist_error err;
	char *f, *id, *version;
	int status = tui_answers_open(from, r->cl, &a);

	*notice = NULL;
	if (status != TUI_EXIT_OK)
		return status;
	checklist_error_clear(&err);
	if (checklist_carry_apply(r, a.root, tui_answers_file, a.pkg, &c,
	    &err) != CHECKLIST_OK) {
		tui_cmd_error(&err);
		tui_answers_close(&a);
		return TUI_EXIT_INVALID;
	}
	tui_answers_skipped(from, &c);
	f = checklist_sanitize(from, false);
	id = checklist_sanitize(a.id, false);
	version = checklist_sanitize(a.version, false);
	*notice = checklist_xasprintf(P_("%zu answer carried forward from %s "
	    "(%s %s), %zu to review%s%s", "%zu answers carried forward from "
	    "%s (%s %s), %zu to review%s%s", c.taken), c.taken, f, id, version,
	    c.marked,
	    screen ? _(" (r: next, F8: confirm)") : "", c.nskipped == 0 ? "" :
	    screen ? _("; some not taken: see the lines sacl printed before "
	    "the screen") : _("; some not taken (listed above)"));
	free(id);
	free(version);
	free(f);
	checklist_carry_free(&c);
	tui_answers_close(&a);
	return TUI_EXIT_OK;
}

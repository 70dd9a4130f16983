/*
 * forms_fieldtype.c: the one libformw FIELDTYPE of sacl. Its field check
 * hands the text to checklist_value_check(), the model's single judge of
 * a value's validity, so a value is refused here for the same reason as
 * on the command line. The check judges only when the page asks for it
 * (REQ_VALIDATION on commit): libform also validates when the current
 * field changes, and a value loaded from a file that is no longer valid
 * must not trap the focus.
 *
 * The field's userptr is the page; the question is the page's current
 * item's (the page has one live field, see forms_field.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/forms_internal.h"

static bool
field_check(FIELD *f, const void *arg)
{
	struct forms_page *page = field_userptr(f);
	struct forms_item *it;
	struct checklist_error err;
	int rows, cols, max;
	char *text;
	bool ok = true;

	(void)arg;
	if (page == NULL || !page->validating)
		return true;
	it = forms_current_item(page);
	if (!forms_is_field_item(it))
		return true;
	if (dynamic_field_info(f, &rows, &cols, &max) != E_OK)
		cols = it->fwidth;
	text = forms_field_value(f, forms_is_longtext(it), cols);
	checklist_error_clear(&err);
	if (it->kind == FORMS_I_OTHER) {
		if (strlen(text) > CHECKLIST_TEXT_MAX) {
			snprintf(page->message, sizeof page->message,
			    "At most %d bytes here.", CHECKLIST_TEXT_MAX);
			ok = false;
		}
	} else if (checklist_value_check(it->q, text, &err) != CHECKLIST_OK) {
		snprintf(page->message, sizeof page->message, "%s",
		    err.message[0] != '\0' ? err.message :
		    "This value is not accepted.");
		ok = false;
	}
	free(text);
	return ok;
}

/* The type, made once for the life of the program (libform keeps types
 * in use by fields; one small allocation, never freed). */
FIELDTYPE *
forms_fieldtype(void)
{
	static FIELDTYPE *type;

	if (type == NULL)
		type = new_fieldtype(field_check, NULL);
	return type;
}

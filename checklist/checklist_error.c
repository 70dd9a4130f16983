/*
 * checklist_error.c: errors as users see them, "FILE:LINE:COL: message".
 * The first error set wins, so that a cascade reports its cause.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "checklist/checklist.h"

void
checklist_error_clear(struct checklist_error *err)
{
	if (err == NULL)
		return;
	/* the strings emptied, not the 3 KiB zeroed: cleared at every
	 * compilation of every condition */
	err->status = CHECKLIST_OK;
	err->file[0] = '\0';
	err->line = 0;
	err->column = 0;
	err->message[0] = '\0';
	err->text[0] = '\0';
}

static checklist_status
checklist_error_vset(struct checklist_error *err, checklist_status status,
    const char *file, int line, int column, const char *fmt, va_list ap)
{
	err->status = status;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->column = column;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	err->text[0] = '\0';
	return status;
}

checklist_status
checklist_error_set(struct checklist_error *err, checklist_status status,
    const char *file, int line, int column, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->status != CHECKLIST_OK)
		return status;
	va_start(ap, fmt);
	checklist_error_vset(err, status, file, line, column, fmt, ap);
	va_end(ap);
	return status;
}

checklist_status
checklist_error_reset(struct checklist_error *err, checklist_status status,
    const char *file, int line, int column, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	va_start(ap, fmt);
	checklist_error_vset(err, status, file, line, column, fmt, ap);
	va_end(ap);
	return status;
}

const char *
checklist_error_text(struct checklist_error *err)
{
	if (err->file[0] == '\0')
		snprintf(err->text, sizeof err->text, "%s", err->message);
	else if (err->line <= 0)
		snprintf(err->text, sizeof err->text, "%s: %s", err->file,
		    err->message);
	else if (err->column <= 0)
		snprintf(err->text, sizeof err->text, "%s:%d: %s", err->file,
		    err->line, err->message);
	else
		snprintf(err->text, sizeof err->text, "%s:%d:%d: %s",
		    err->file, err->line, err->column, err->message);
	return err->text;
}

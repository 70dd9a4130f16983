/*
 * forms_text.c: text values in and out of libformw fields, and long text
 * handed to the user's editor.
 *
 * A multi-line field keeps no newlines: its buffer is its rows, each
 * padded with blanks, and a row ended by Enter cannot be told from one
 * the field wrapped. So the page marks the end of a paragraph with a
 * visible pilcrow (FORMS_PARA, inserted by Enter, then a new line): on
 * the way out a pilcrow is a newline and every run of blanks one space.
 * Known limits of inline editing: runs of spaces inside a line become
 * one, and a pilcrow typed as text becomes a newline; an untouched field
 * is never written back, and the external editor (e, Ctrl-E) keeps the
 * text exactly.
 *
 * Wide and zero-width characters: libformw 6.4 loses them in multi-line
 * fields (set_field_buffer() stops at the first row, word wrap refuses
 * the next character, rows gain blanks), while one-line fields keep them.
 * So a long text holding any character whose width is not one is edited
 * in one scrolling row, paragraphs joined by pilcrows ("one-line mode");
 * typing such a character into a multi-line field switches to it, caret
 * kept. Shown, not edited, the text is wrapped on several rows as ever.
 *
 * The external editor: $VISUAL, then $EDITOR, then vi, on a private
 * temporary file (mkstemp: mode 0600) in $TMPDIR or /tmp; the text read
 * back is capped at CHECKLIST_LONGTEXT_MAX and committed through the
 * model like any other value.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "forms/forms_internal.h"

/* Type VALUE into the posted multi-line field. */
void
forms_longtext_fill(struct forms_page *page, const char *value)
{
	wchar_t *w = forms_wcs(value, true);
	size_t i;

	for (i = 0; w[i] != L'\0'; i++) {
		if (w[i] == L'\n') {
			forms_longtext_newline(page);
		} else {
			form_driver_w(page->form, OK, w[i]);
		}
	}
	free(w);
}

/* End a paragraph in the field being edited: the mark, a new line. */
void
forms_longtext_newline(struct forms_page *page)
{
	form_driver_w(page->form, OK, FORMS_PARA);
	form_driver_w(page->form, KEY_CODE_YES, REQ_NEW_LINE);
}

/* Does VALUE hold a character a multi-line field would lose? */
bool
forms_longtext_wide(const char *value)
{
	wchar_t *w = forms_wcs(value, true);
	bool wide = false;
	size_t i;

	for (i = 0; w[i] != L'\0' && !wide; i++)
		wide = w[i] != L'\n' && wcwidth(w[i]) != 1;
	free(w);
	return wide;
}

/* Does VALUE hold a zero-width character (a combining mark)? */
bool
forms_has_combining(const char *value)
{
	wchar_t *w = forms_wcs(value, true);
	bool found = false;
	size_t i;

	for (i = 0; w[i] != L'\0' && !found; i++)
		found = w[i] != L'\n' && wcwidth(w[i]) == 0;
	free(w);
	return found;
}

/* VALUE (sanitized) on one line, newlines as pilcrows. Caller frees. */
char *
forms_longtext_line(const char *value)
{
	char *clean = checklist_sanitize(value, true), *p;
	size_t n = 0;
	char *out;

	for (p = clean; *p != '\0'; p++)
		n += *p == '\n' ? sizeof FORMS_PARA_UTF8 - 1 : 1;
	out = checklist_xmalloc(n + 1);
	for (n = 0, p = clean; *p != '\0'; p++) {
		if (*p == '\n') {
			memcpy(out + n, FORMS_PARA_UTF8, sizeof FORMS_PARA_UTF8 - 1);
			n += sizeof FORMS_PARA_UTF8 - 1;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
	free(clean);
	return out;
}

/* Characters of the text before the caret of the multi-line field;
 * *BLANK: the caret follows a blank (which reading drops). */
static size_t
caret_offset(struct forms_page *page, bool *blank)
{
	FORM *f = page->form;
	int rows, cols, max;
	size_t cells, n;
	wchar_t *w;
	char *mb, *before;

	if (dynamic_field_info(page->fields[0], &rows, &cols, &max) != E_OK)
		cols = forms_current_item(page)->fwidth;
	forms_field_sync(page);
	cells = (size_t)f->currow * (size_t)cols + (size_t)f->curcol;
	w = forms_wcs(field_buffer(page->fields[0], 0), true);
	if (cells < wcslen(w))
		w[cells] = L'\0'; /* narrow text only: one cell, one character */
	*blank = cells > 0 && wcslen(w) == cells && w[cells - 1] == L' ';
	n = wcstombs(NULL, w, 0);
	mb = checklist_xmalloc(n == (size_t)-1 ? 1 : n + 1);
	if (n == (size_t)-1 || wcstombs(mb, w, n + 1) == (size_t)-1)
		mb[0] = '\0';
	before = forms_longtext_read(mb, cols);
	free(mb);
	free(w);
	w = forms_wcs(before, true);
	n = wcslen(w);
	free(w);
	free(before);
	return n;
}

/* Go on editing the current long text in one-line mode, where the caret
 * was (the page is about to take a character a multi-line field would
 * lose). */
void
forms_longtext_to_line(struct forms_page *page)
{
	bool blank;
	size_t at = caret_offset(page, &blank), i;
	char *text = forms_edit_text(page), *line = forms_longtext_line(text);
	wchar_t *w = forms_wcs(line, false);
	bool changed = field_status(page->fields[0]);

	if (blank && at < wcslen(w) && w[at] == L' ')
		at++, blank = false; /* the blank that joins two rows */
	free(w);
	free(line);
	forms_edit_end(page);
	page->longline = true;
	forms_edit_begin(page, text, changed);
	free(text);
	if (!page->editing)
		return;
	form_driver_w(page->form, KEY_CODE_YES, REQ_BEG_LINE);
	for (i = 0; i < at; i++)
		form_driver_w(page->form, KEY_CODE_YES, REQ_NEXT_CHAR);
	if (blank)
		form_driver_w(page->form, OK, L' ');
}

/* The buffer of a multi-line field, as text. Caller frees. */
char *
forms_longtext_read(const char *buf, int cols)
{
	static const char para[] = FORMS_PARA_UTF8;
	size_t n = strlen(buf), i, o = 0, plen = sizeof para - 1;
	char *out = checklist_xmalloc(n + 1);
	bool blank = false;

	(void)cols;
	for (i = 0; i < n; i++) {
		if (buf[i] == ' ') {
			blank = true;
			continue;
		}
		if (strncmp(buf + i, para, plen) == 0) {
			while (o > 0 && out[o - 1] == ' ')
				o--;
			out[o++] = '\n';
			i += plen - 1;
			blank = false;
			continue;
		}
		if (blank && o > 0 && out[o - 1] != '\n')
			out[o++] = ' ';
		blank = false;
		out[o++] = buf[i];
	}
	out[o] = '\0';
	return out;
}

/* A one-line buffer without its padding. Caller frees. */
char *
forms_oneline_read(const char *buf)
{
	size_t n = strlen(buf);

	while (n > 0 && buf[n - 1] == ' ')
		n--;
	return checklist_xstrndup(buf, n);
}

char *
forms_field_value(FIELD *f, bool longtext, int cols)
{
	const char *buf = field_buffer(f, 0);

	if (buf == NULL)
		buf = "";
	return longtext ? forms_longtext_read(buf, cols) :
	    forms_oneline_read(buf);
}

static const char *
editor_command(void)
{
	const char *e = getenv("VISUAL");

	if (e == NULL || e[0] == '\0')
		e = getenv("EDITOR");
	if (e == NULL || e[0] == '\0')
		e = "vi";
	return e;
}

/* Write VALUE to a new private file; its name in PATH (PATH_MAX). */
static bool
temp_write(const char *value, char *path, size_t size)
{
	const char *dir = getenv("TMPDIR");
	size_t len = strlen(value);
	ssize_t k;
	int fd;

	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	snprintf(path, size, "%s/sacl-text-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		return false;
	while (len > 0) {
		k = write(fd, value, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		value += k;
		len -= (size_t)k;
	}
	if (close(fd) != 0 || len > 0) {
		unlink(path);
		return false;
	}
	return true;
}

/* Run the editor on FILE the way git does: through sh, so that $EDITOR
 * may hold arguments ("emacs -nw"), with the file as "$1". Like
 * system(), the page ignores SIGINT and SIGQUIT while the editor runs:
 * Ctrl-C there is the editor's, not a reason for sacl to quit. */
static bool
run_editor(const char *file)
{
	char *cmd = checklist_xasprintf("%s \"$1\"", editor_command());
	struct sigaction ign, old_int, old_quit;
	int status = 0;
	pid_t pid;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", file, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* What the editor left in FILE, or NULL with a message on PAGE. */
static char *
temp_read(struct forms_page *page, const char *file, const char *path)
{
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	checklist_error_clear(&err);
	if (checklist_read_file(file, CHECKLIST_LONGTEXT_MAX + 1, &buf, &len,
	    &err) != CHECKLIST_OK) {
		forms_set_message(page, path, err.message);
		return NULL;
	}
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0'; /* editors end the last line */
	if (len > CHECKLIST_LONGTEXT_MAX) {
		forms_set_message(page, path, "The text is too long: nothing "
		    "was changed.");
		free(buf);
		return NULL;
	}
	return buf;
}

static enum forms_reaction
external_result(struct forms_page *page, enum forms_reaction re)
{
	if (page->pending && re != FORMS_CHANGED)
		re = FORMS_CHANGED;
	page->pending = false;
	forms_layout(page);
	return re;
}

enum forms_reaction
forms_page_edit_external(struct forms_page *page)
{
	struct forms_item *it = forms_current_item(page);
	enum forms_reaction re = FORMS_HANDLED;
	char file[4096], *path, *text;

	if (!forms_is_field_item(it))
		return external_result(page, FORMS_IGNORED);
	if (page->editing && forms_edit_commit(page) == FORMS_CHANGED)
		page->pending = true;
	if (page->editing)
		return external_result(page, FORMS_INVALID);
	path = checklist_xstrdup(it->path);
	if (!temp_write(forms_value(page, path), file, sizeof file)) {
		forms_set_message(page, path, "Cannot write a temporary file "
		    "for the editor.");
		free(path);
		return external_result(page, FORMS_INVALID);
	}
	if (!run_editor(file))
		forms_set_message(page, path, "The editor failed: nothing was "
		    "changed.");
	else if ((text = temp_read(page, file, path)) != NULL) {
		if (strcmp(text, forms_value(page, path)) != 0)
			re = forms_store(page, path, text);
		free(text);
	}
	unlink(file);
	free(path);
	return external_result(page, re);
}

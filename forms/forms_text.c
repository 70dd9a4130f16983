/*
 * forms_text.c: a text answer handed to the user's editor (Ctrl-E): the
 * way to write pages of text with the tools one knows.
 *
 * The external editor: $VISUAL, then $EDITOR, then vi, on a private
 * temporary file (mkstemp: mode 0600) in $TMPDIR or /tmp; the text read
 * back is capped at CHECKLIST_LONGTEXT_MAX and committed through the
 * model like any other value. An edit going on is committed first.
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
		forms_set_message(page, path, _("The text is too long: nothing "
		    "was changed."));
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
	it = forms_current_item(page); /* the commit rebuilt the page */
	path = checklist_xstrdup(it->path);
	if (!temp_write(forms_value(page, path), file, sizeof file)) {
		forms_set_message(page, path, _("Cannot write a temporary file "
		    "for the editor."));
		free(path);
		return external_result(page, FORMS_INVALID);
	}
	if (!run_editor(file))
		forms_set_message(page, path, _("The editor failed: nothing was "
		    "changed."));
	else if ((text = temp_read(page, file, path)) != NULL) {
		if (strcmp(text, forms_value(page, path)) != 0)
			re = forms_store(page, path, text);
		free(text);
	}
	unlink(file);
	free(path);
	return external_result(page, re);
}

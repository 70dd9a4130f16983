/*
 * checklist_read.c: reading a file whole, with a cap, or opening it to
 * be parsed as it is read (checklist_xml_parse_fd()). Every file from
 * outside enters through here: libxml2 is never handed a path (it would
 * inflate compressed files and follow URLs on its own).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checklist/checklist.h"
#include "checklist/checklist_internal.h"

/* Read FD whole; SIZE: what fstat said it holds (the buffer made that
 * big at once, grown only if the file grows while read). */
static checklist_status
checklist_read_fd(int fd, const char *file, size_t max, size_t size,
    char **buf, size_t *len, struct checklist_error *err)
{
	size_t cap = size > 0 && size <= max ? size + 1 : 65536, n = 0;
	char *p = checklist_xmalloc(cap + 1);
	ssize_t got;

	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap *= 2;
			p = checklist_xrealloc(p, cap + 1);
		}
		got = read(fd, p + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(p);
			return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0,
			    0, _("cannot read: %s"), strerror(errno));
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max)
			break;
	}
	if (n > max) {
		free(p);
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, file, 0, 0,
		    _("file is larger than the limit of %zu bytes"), max);
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return CHECKLIST_OK;
}

checklist_status
checklist_open_file(const char *file, size_t max, int *fd,
    struct checklist_error *err)
{
	struct stat st;

	*fd = open(file, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (*fd < 0)
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("cannot open: %s"), strerror(errno));
	if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(*fd);
		return checklist_error_set(err, CHECKLIST_ERR_IO, file, 0, 0,
		    _("not a regular file"));
	}
	if ((unsigned long long)st.st_size > max) {
		close(*fd);
		return checklist_error_set(err, CHECKLIST_ERR_TOO_BIG, file, 0, 0,
		    _("file is larger than the limit of %zu bytes"), max);
	}
	return CHECKLIST_OK;
}

checklist_status
checklist_read_file(const char *file, size_t max, char **buf, size_t *len,
    struct checklist_error *err)
{
	checklist_status st;
	struct stat sb;
	int fd;

	if ((st = checklist_open_file(file, max, &fd, err)) != CHECKLIST_OK)
		return st;
	st = checklist_read_fd(fd, file, max, fstat(fd, &sb) == 0 ?
	    (size_t)sb.st_size : 0, buf, len, err);
	close(fd);
	return st;
}

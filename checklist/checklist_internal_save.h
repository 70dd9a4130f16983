/*
 * checklist_internal_save.h: private to checklist/ and its tests: the
 * save path's test hooks and the one "damaged response" error.
 *
 * The save path writes and syncs through two hooks so that tests can
 * simulate short writes, a full disk or a failing one without needing
 * such a disk. Production code never calls these setters.
 */
#ifndef SACL_CHECKLIST_INTERNAL_SAVE_H
#define SACL_CHECKLIST_INTERNAL_SAVE_H

#include <sys/types.h>

#include "checklist/checklist.h"

typedef ssize_t (*checklist_write_fn)(int fd, const void *buf, size_t n);
typedef int (*checklist_fsync_fn)(int fd);

/* Route the save path's write(2) and fsync(2) through WRITE_FN and
 * FSYNC_FN; NULL restores the system calls. */
void checklist_save_set_hooks(checklist_write_fn write_fn,
    checklist_fsync_fn fsync_fn);

/* Route the save path's link(2) through LINK_FN (NULL: the system
 * call), to try the copy kept where a file system has no hard links. */
void checklist_save_set_link_hook(int (*link_fn)(const char *from,
    const char *to));

/* The error for a response FILE that does not parse (PERR says why):
 * CHECKLIST_ERR_DAMAGED, the reason, and FILE.bak to recover from when
 * there is one. For every reader of response files, so that the user
 * always hears of the .bak. Returns the status set. */
checklist_status checklist_response_damaged(const char *file,
    const struct checklist_error *perr, struct checklist_error *err);
/* The same for a response FILE over CHECKLIST_RESPONSE_MAX. */
checklist_status checklist_response_too_big(const char *file,
    struct checklist_error *err);

#endif /* SACL_CHECKLIST_INTERNAL_SAVE_H */

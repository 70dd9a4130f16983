/*
 * checklist_internal_save.h: private to checklist_save.c and its tests.
 *
 * The save path writes and syncs through two hooks so that tests can
 * simulate short writes, a full disk or a failing one without needing
 * such a disk. Production code never calls these setters.
 */
#ifndef SACL_CHECKLIST_INTERNAL_SAVE_H
#define SACL_CHECKLIST_INTERNAL_SAVE_H

#include <sys/types.h>

/* The largest response file checklist_response_load() reads. */
#define CHECKLIST_RESPONSE_MAX (64u * 1024 * 1024)

typedef ssize_t (*checklist_write_fn)(int fd, const void *buf, size_t n);
typedef int (*checklist_fsync_fn)(int fd);

/* Route the save path's write(2) and fsync(2) through WRITE_FN and
 * FSYNC_FN; NULL restores the system calls. */
void checklist_save_set_hooks(checklist_write_fn write_fn,
    checklist_fsync_fn fsync_fn);

#endif /* SACL_CHECKLIST_INTERNAL_SAVE_H */

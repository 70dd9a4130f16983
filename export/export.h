/* export.h: the submission package (placeholder until issue 5). */
#ifndef SACL_EXPORT_H
#define SACL_EXPORT_H
int export_placeholder(void);
#endif

/* forms.h: question pages as ncurses forms (placeholder until issue 3). */
#ifndef SACL_FORMS_H
#define SACL_FORMS_H
int forms_placeholder(void);
#endif

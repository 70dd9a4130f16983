# forms/: one page of questions as an ncurses form (libformw).
noinst_LIBRARIES += libforms.a
libforms_a_SOURCES = \
	forms/forms.h \
	forms/forms_page.c
libforms_a_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)

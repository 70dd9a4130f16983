# forms/: one page of questions drawn with ncursesw.
noinst_LIBRARIES += libforms.a
libforms_a_SOURCES = \
	forms/forms.h \
	forms/forms_internal.h \
	forms/forms_page.c \
	forms/forms_draw.c \
	forms/forms_wrap.c \
	forms/forms_key.c \
	forms/forms_buf.c \
	forms/forms_view.c \
	forms/forms_field.c \
	forms/forms_text.c \
	forms/forms_choice.c \
	forms/forms_chooser.c \
	forms/forms_repeat.c
libforms_a_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)

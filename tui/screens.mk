# tui/: the full-screen interface (ncursesw, libmenuw), used by `sacl fill`.
noinst_LIBRARIES += libtui.a
libtui_a_SOURCES = \
	tui/tui.h \
	tui/tui_run.c
libtui_a_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)

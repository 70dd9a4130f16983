# tui/: the full-screen interface (ncursesw, libmenuw), used by `sacl fill`.
# tui_keys, tui_order, tui_find and tui_text need no screen: the tests
# link them alone (tests/test_tui_nav.c).
noinst_LIBRARIES += libtui.a
libtui_a_SOURCES = \
	tui/tui.h \
	tui/tui_app.h \
	tui/tui_app.c \
	tui/tui_act.c \
	tui/tui_keys.c \
	tui/tui_i18n.c \
	tui/tui_lang.c \
	tui/tui_order.c \
	tui/tui_find.c \
	tui/tui_text.c \
	tui/tui_nav.c \
	tui/tui_status.c \
	tui/tui_dialog.c \
	tui/tui_help.c \
	tui/tui_view.c \
	tui/tui_search.c \
	tui/tui_progress.c \
	tui/tui_overview.c \
	tui/tui_present.c \
	tui/tui_review.c \
	tui/tui_export.c \
	tui/tui_workshop.c \
	tui/tui_signal.c \
	tui/tui_input.h \
	tui/tui_input.c \
	tui/tui_input_keys.c
libtui_a_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)

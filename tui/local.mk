# tui/: the program. The command-line dispatcher and its commands live
# here; the full-screen interface's own files are listed in tui/screens.mk.
sacl_SOURCES = \
	tui/tui_cmd.h \
	tui/tui_curses.h \
	tui/tui_main.c \
	tui/tui_heap.c \
	tui/tui_cmd_util.c \
	tui/tui_cmd_validate.c \
	tui/tui_cmd_info.c \
	tui/tui_cmd_fill.c \
	tui/tui_cmd_setget.c \
	tui/tui_cmd_export.c \
	tui/tui_cmd_import.c \
	tui/tui_cmd_report.c \
	tui/tui_cmd_attach.c \
	tui/tui_cmd_browse.c \
	tui/tui_cmd_render.c \
	tui/tui_cmd_merge.c \
	tui/tui_cmd_answers.c \
	tui/tui_cmd_diff.c
sacl_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)
sacl_LDADD = libtui.a libforms.a libexport.a libchecklist.a \
	$(CURSES_LIBS) $(XML_LIBS) $(ZLIB_LIBS) $(SQLITE_LIBS)

include $(srcdir)/tui/screens.mk

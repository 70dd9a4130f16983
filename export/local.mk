# export/: the submission package (gzip XML); the only room linking zlib.
noinst_LIBRARIES += libexport.a
libexport_a_SOURCES = \
	export/export.h \
	export/export_internal.h \
	export/export_gzip.c \
	export/export_attach.c \
	export/export_meta.c \
	export/export_check.c \
	export/export_answers.c \
	export/export_package.c \
	export/export_write.c \
	export/export_read.c \
	export/export_recheck.c \
	export/export_html.h \
	export/export_html.c \
	export/export_render.h \
	export/export_render.c \
	export/export_render_util.c \
	export/export_render_text.c \
	export/export_render_md.c \
	export/export_render_html.c
nodist_libexport_a_SOURCES = export/export_xsd.c
libexport_a_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS)
BUILT_SOURCES += export/export_xsd.c
CLEANFILES += export/export_xsd.c

export/export_xsd.c: $(srcdir)/data/response.xsd $(srcdir)/build-aux/embed.sh
	$(AM_V_GEN)$(MKDIR_P) export && \
	$(SHELL) $(srcdir)/build-aux/embed.sh export_response_xsd $(srcdir)/data/response.xsd > $@.tmp && \
	mv $@.tmp $@

# The secretariat's intake (store, import, reports): the only part of the
# room, and of the program, that links SQLite (export/export_store.h).
libexport_a_SOURCES += \
	export/export_store.h \
	export/export_store_internal.h \
	export/export_store.c \
	export/export_store_cl.c \
	export/export_store_read.c \
	export/export_import.c \
	export/export_import_answers.c \
	export/export_attachments.c
libexport_a_CFLAGS += $(SQLITE_CFLAGS)
libexport_a_SOURCES += \
	export/export_report_internal.h \
	export/export_report.c \
	export/export_report_text.c \
	export/export_report_csv.c \
	export/export_report_html.c \
	export/export_report_submissions.c \
	export/export_report_roles.h \
	export/export_report_roles.c \
	export/export_report_status.c \
	export/export_report_choices.c \
	export/export_report_texts.c \
	export/export_report_auth.c

# checklist/: the model room (no curses, no zlib, no SQLite).
noinst_LIBRARIES += libchecklist.a
libchecklist_a_SOURCES = \
	checklist/checklist.h \
	checklist/checklist_internal.h \
	checklist/checklist_internal_rules.h \
	checklist/checklist_internal_merge.h \
	checklist/checklist_internal_names.h \
	checklist/checklist_internal_path.h \
	checklist/checklist_internal_build.h \
	checklist/checklist_limits.h \
	checklist/sacl_i18n.h \
	checklist/checklist_alloc.c \
	checklist/checklist_error.c \
	checklist/checklist_read.c \
	checklist/checklist_xml.c \
	checklist/checklist_load.c \
	checklist/checklist_build.c \
	checklist/checklist_build_tpl.c \
	checklist/checklist_layout.c \
	checklist/checklist_template.c \
	checklist/checklist_semantic.c \
	checklist/checklist_names.c \
	checklist/checklist_names_copy.c \
	checklist/checklist_names_skel.c \
	checklist/checklist_cycle.c \
	checklist/checklist_deps.c \
	checklist/checklist_texts.c \
	checklist/checklist_dups.c \
	checklist/checklist_warn.c \
	checklist/checklist_model.c \
	checklist/checklist_value.c \
	checklist/checklist_xpath.c \
	checklist/checklist_xpath_func.c \
	checklist/checklist_cost.c \
	checklist/checklist_xop.c \
	checklist/checklist_dump.c \
	checklist/checklist_pieces.c \
	checklist/checklist_pieces_make.c \
	checklist/checklist_internal_pieces.h \
	checklist/checklist_response.c \
	checklist/checklist_response_twice.c \
	checklist/checklist_path.c \
	checklist/checklist_path_elements.c \
	checklist/checklist_path_values.c \
	checklist/checklist_batch.c \
	checklist/checklist_shorthand.c \
	checklist/checklist_roles.c \
	checklist/checklist_attach.c \
	checklist/checklist_progress.c \
	checklist/checklist_undo.c \
	checklist/checklist_resume.c \
	checklist/checklist_save.c \
	checklist/checklist_lock.c \
	checklist/checklist_sanitize.c \
	checklist/checklist_marks.h \
	checklist/checklist_marks.c \
	checklist/checklist_scope.c \
	checklist/checklist_merge.c \
	checklist/checklist_merge_list.c \
	checklist/checklist_merge_conflict.c \
	checklist/checklist_carry.c \
	checklist/checklist_review.c \
	checklist/checklist_diff.c
nodist_libchecklist_a_SOURCES = checklist/checklist_xsd.c
BUILT_SOURCES += checklist/checklist_xsd.c
CLEANFILES += checklist/checklist_xsd.c

checklist/checklist_xsd.c: $(srcdir)/data/checklist.xsd $(srcdir)/build-aux/embed.sh
	$(AM_V_GEN)$(MKDIR_P) checklist && \
	$(SHELL) $(srcdir)/build-aux/embed.sh checklist_xsd $(srcdir)/data/checklist.xsd > $@.tmp && \
	mv $@.tmp $@

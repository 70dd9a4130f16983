# po/: the interface's translations (GNU gettext; English in the source).
# po/sacl.pot is extracted from the sources by po/xgettext.sh
# (`make update-po` refreshes it and merges it into every LL.po);
# msgfmt compiles each LL.po into po/LL/LC_MESSAGES/sacl.mo in the build
# tree, where a sacl run from the build tree finds it (tui/tui_i18n.c),
# and `make install` copies them under $(localedir).
SACL_LINGUAS = ar es fr ru zh_CN
SACL_PO_FILES = po/ar.po po/es.po po/fr.po po/ru.po po/zh_CN.po
EXTRA_DIST += po/sacl.pot po/xgettext.sh $(SACL_PO_FILES)

if WITH_NLS
noinst_DATA = po/stamp-mo
CLEANFILES += po/stamp-mo

po/stamp-mo: $(SACL_PO_FILES)
	$(AM_V_GEN)for l in $(SACL_LINGUAS); do \
	  $(MKDIR_P) po/$$l/LC_MESSAGES && \
	  $(MSGFMT) --check -o po/$$l/LC_MESSAGES/sacl.mo \
	    $(srcdir)/po/$$l.po || exit 1; \
	done && touch $@

install-data-local: po/stamp-mo
	for l in $(SACL_LINGUAS); do \
	  $(MKDIR_P) '$(DESTDIR)$(localedir)/'$$l/LC_MESSAGES && \
	  $(INSTALL_DATA) po/$$l/LC_MESSAGES/sacl.mo \
	    '$(DESTDIR)$(localedir)/'$$l/LC_MESSAGES/sacl.mo || exit 1; \
	done

uninstall-local:
	for l in $(SACL_LINGUAS); do \
	  rm -f '$(DESTDIR)$(localedir)/'$$l/LC_MESSAGES/sacl.mo; \
	done

clean-local:
	for l in $(SACL_LINGUAS); do rm -rf po/$$l; done
endif

# The template from the sources, merged into every catalogue: run after
# changing a message, then translate what msgmerge marks.
update-po:
	$(SHELL) $(srcdir)/po/xgettext.sh $(srcdir) $(srcdir)/po/sacl.pot
	for l in $(SACL_LINGUAS); do \
	  $(MSGMERGE) --quiet --update --backup=none --previous \
	    $(srcdir)/po/$$l.po $(srcdir)/po/sacl.pot || exit 1; \
	done
.PHONY: update-po

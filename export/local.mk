# export/: the submission package (gzip XML); the only room linking zlib.
noinst_LIBRARIES += libexport.a
libexport_a_SOURCES = \
	export/export.h \
	export/export_package.c
libexport_a_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS)

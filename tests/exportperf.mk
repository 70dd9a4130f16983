# Export and export --verify at the speed of the library work (issue
# 12): a package's answers read without a second parse, the package and
# the response serialised byte for byte as libxml2 does, faster
# (tests/test_exportperf.c).
if WITH_TESTS
check_PROGRAMS += tests/test_exportperf
TESTS += tests/test_exportperf
endif
tests_test_exportperf_SOURCES = tests/test_exportperf.c tests/test_util.c
tests_test_exportperf_CFLAGS = $(TEST_CFLAGS) $(ZLIB_CFLAGS)
tests_test_exportperf_LDADD = libexport.a libchecklist.a $(XML_LIBS) \
	$(ZLIB_LIBS) $(CMOCKA_LIBS)

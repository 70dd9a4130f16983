# make bench (issue 12): the rows of bench-load's table measured in a
# real terminal (tests/bench/bench_tty.c: tmux driven in control mode),
# and the export rows' filled responses (tests/bench/gen_response.sh).
EXTRA_PROGRAMS += tests/bench/bench_tty
tests_bench_bench_tty_SOURCES = tests/bench/bench_tty.c
EXTRA_DIST += tests/bench/gen_response.sh tests/bench/gen_shape.sh
bench-load: tests/bench/bench_tty$(EXEEXT)

# An export does each piece of work once: each condition and constraint
# evaluated once for check + build, the progress counted in the check's
# walk (tests/test_export_once.c).
if WITH_TESTS
check_PROGRAMS += tests/test_export_once
TESTS += tests/test_export_once
endif
tests_test_export_once_SOURCES = tests/test_export_once.c tests/test_util.c
tests_test_export_once_CFLAGS = $(TEST_CFLAGS) $(ZLIB_CFLAGS)
tests_test_export_once_LDADD = libexport.a libchecklist.a $(XML_LIBS) \
	$(ZLIB_LIBS) $(CMOCKA_LIBS)

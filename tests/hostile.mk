# tests/hostile.mk: hostile input and faults (issue 11); see tests/local.mk
# for the test environment.
# cli_files.sh: files, links and locks (symlinked outputs and locks,
# read-only files, killed exports' temporaries, --wait, a full disk).
# hostile.sh: the classic XML attacks and gzip faults as definitions,
# responses and packages, each refused within a time and memory bound.
# Fuzzing (definition, response, package, condition, sanitize, report:
# the CSV and HTML writers): each harness tests/fuzz/fuzz_TARGET.c is built twice: with
# libFuzzer as tests/fuzz/fuzz_TARGET (configure --enable-fuzz CC=clang,
# then `make fuzz`; tests/fuzz/run.sh runs them), and in every build as
# tests/fuzz/replay_TARGET, which `make check` (tests/fuzz/regress.sh)
# runs on the seed corpus tests/fuzz/corpus/TARGET/ and on every crash
# found, kept in tests/fuzz/regress/TARGET/.

# e2e_faults.sh: export from `sacl fill` when the response cannot be
# saved, and a change over the response cap taken back (tmux).
TESTS += tests/cli_files.sh tests/hostile.sh tests/fuzz/regress.sh \
	tests/e2e_faults.sh
EXTRA_DIST += tests/cli_files.sh tests/hostile.sh tests/fuzz \
	tests/e2e_faults.sh

FUZZ_TARGETS = definition response package condition sanitize report
FUZZ_COMMON = tests/fuzz/fuzz.h tests/fuzz/fuzz_util.c
FUZZ_LIBS = libexport.a libchecklist.a $(XML_LIBS) $(ZLIB_LIBS) $(SQLITE_LIBS)
FUZZ_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(SQLITE_CFLAGS)

check_PROGRAMS += \
	tests/fuzz/replay_definition \
	tests/fuzz/replay_response \
	tests/fuzz/replay_package \
	tests/fuzz/replay_condition \
	tests/fuzz/replay_sanitize \
	tests/fuzz/replay_report
tests_fuzz_replay_definition_SOURCES = tests/fuzz/fuzz_definition.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_definition_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_definition_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_response_SOURCES = tests/fuzz/fuzz_response.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_response_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_response_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_package_SOURCES = tests/fuzz/fuzz_package.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_package_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_package_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_condition_SOURCES = tests/fuzz/fuzz_condition.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_condition_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_condition_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_sanitize_SOURCES = tests/fuzz/fuzz_sanitize.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_sanitize_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_sanitize_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_report_SOURCES = tests/fuzz/fuzz_report.c \
	tests/fuzz/fuzz_replay.c $(FUZZ_COMMON)
tests_fuzz_replay_report_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_report_LDADD = $(FUZZ_LIBS)

if WITH_FUZZ
noinst_PROGRAMS = \
	tests/fuzz/fuzz_definition \
	tests/fuzz/fuzz_response \
	tests/fuzz/fuzz_package \
	tests/fuzz/fuzz_condition \
	tests/fuzz/fuzz_sanitize \
	tests/fuzz/fuzz_report
tests_fuzz_fuzz_definition_SOURCES = tests/fuzz/fuzz_definition.c \
	$(FUZZ_COMMON)
tests_fuzz_fuzz_definition_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_definition_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_definition_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_response_SOURCES = tests/fuzz/fuzz_response.c $(FUZZ_COMMON)
tests_fuzz_fuzz_response_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_response_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_response_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_package_SOURCES = tests/fuzz/fuzz_package.c $(FUZZ_COMMON)
tests_fuzz_fuzz_package_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_package_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_package_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_condition_SOURCES = tests/fuzz/fuzz_condition.c \
	$(FUZZ_COMMON)
tests_fuzz_fuzz_condition_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_condition_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_condition_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_sanitize_SOURCES = tests/fuzz/fuzz_sanitize.c $(FUZZ_COMMON)
tests_fuzz_fuzz_sanitize_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_sanitize_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_sanitize_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_report_SOURCES = tests/fuzz/fuzz_report.c $(FUZZ_COMMON)
tests_fuzz_fuzz_report_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_report_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_report_LDADD = $(FUZZ_LIBS)

fuzz: $(noinst_PROGRAMS)
else
fuzz:
	@echo "make fuzz: configure with --enable-fuzz CC=clang first" >&2
	@exit 1
endif
.PHONY: fuzz

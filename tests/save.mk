# tests/save.mk: saving, locks, and `sacl set`/`sacl get` (issue 4).
# See tests/local.mk for the test environment (SACL, FIXTURES...).
# test_save mounts small tmpfs file systems in a private mount namespace
# when run as root (a real full disk and a real read-only folder); other
# users skip those two cases. torture_kill.sh kills `sacl set` with
# SIGKILL at random moments, 200 times, and checks nothing was lost.
# cli_safety.sh: what the command line refuses to do unasked (issue 8):
# missing responses, replaced packages, options after operands, dates,
# UTF-8 under LC_ALL=C, fill without a UTF-8 locale.

noinst_HEADERS += checklist/checklist_internal_save.h

if WITH_TESTS
check_PROGRAMS += tests/test_save
TESTS += tests/test_save
endif
TESTS += tests/cli_setget.sh tests/torture_kill.sh tests/cli_safety.sh

tests_test_save_SOURCES = tests/test_save.c
tests_test_save_CFLAGS = $(TEST_CFLAGS)
tests_test_save_LDADD = $(TEST_MODEL_LIBS)

EXTRA_DIST += tests/cli_setget.sh tests/torture_kill.sh tests/cli_safety.sh

# issue 12: a response saved again is written from the pieces of its last
# save, byte for byte the whole serialisation (tests/test_pieces.c).
if WITH_TESTS
check_PROGRAMS += tests/test_pieces
TESTS += tests/test_pieces
endif
tests_test_pieces_SOURCES = tests/test_pieces.c tests/test_random.c \
	tests/test_util.c tests/test_random.h
tests_test_pieces_CFLAGS = $(TEST_CFLAGS)
tests_test_pieces_LDADD = $(TEST_MODEL_LIBS)

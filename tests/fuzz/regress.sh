#!/bin/sh
# regress.sh: replay, in `make check`, the seed corpus of each fuzzing
# harness (tests/fuzz/corpus/TARGET/) and every input that once crashed
# one (tests/fuzz/regress/TARGET/: add each crash libFuzzer finds there,
# named after what it found). The harnesses are linked with a plain
# main() here (tests/fuzz/fuzz_replay.c), so this runs with any compiler;
# under ASan/UBSan (./setup check) a finding fails the test.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib.sh"
: "${TOP_BUILDDIR:?}"
for t in definition response package condition sanitize report; do
	prog=$TOP_BUILDDIR/tests/fuzz/replay_$t
	[ -x "$prog" ] || fail "$prog was not built"
	out=$("$prog" "$TOP_SRCDIR/tests/fuzz/corpus/$t" \
	    "$TOP_SRCDIR/tests/fuzz/regress/$t" 2>&1) ||
		fail "replay_$t: $out"
	echo "$out"
done
pass

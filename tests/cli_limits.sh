#!/bin/sh
# cli_limits.sh: sacl under a limit on its memory (ulimit -d, as a shared
# server or a container may set). The heap's reserve (tui/tui_heap.c) is
# not taken under a limit: with 200 MB, less than the 256 MiB reserve,
# validate and set work. Under limits too low for a large definition,
# each run ends with exit 70 and one line "sacl: fatal: out of memory
# (...)": never an invalid definition's status, a bare "error", or a
# line printed by libxml2 itself. Skipped under a sanitizer (its shadow
# memory passes any such limit).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
cd "$tmp" || exit 99
if ldd "$SACL" 2>/dev/null | grep -q libasan; then
	echo "SKIP: a sanitizer's memory passes any limit" >&2
	exit 77
fi
def=$TOP_SRCDIR/data/uncac-chapter2.xml

( ulimit -d 200000 && exec "$SACL" validate "$def" ) >out 2>err ||
	fail "validate under ulimit -d 200000: exit $?: $(cat err)"
has out "valid (uncac-chapter2"
( ulimit -d 200000 &&
    exec "$SACL" set -c uncac-chapter2 r.xml front/fp_name=Ana ) >out 2>err ||
	fail "set under ulimit -d 200000: exit $?: $(cat err)"
expect 0 "$SACL" get r.xml front/fp_name
has "$tmp/out" "front/fp_name=Ana"

# A definition of 20,000 questions (3 MB; its tree needs 30 MB): under
# 4 to 16 MB, memory runs out while it is parsed. (Far lower, or near
# what it needs, it may run out inside libxml2's compilation of the
# schema, which in libxml2 2.9 can crash rather than report it: not
# sacl's code, and not tried here.)
sh "$TOP_SRCDIR/tests/bench/gen_checklist.sh" 20000 >big.xml ||
	fail "gen_checklist.sh failed"
expect 0 "$SACL" validate big.xml
for kib in 4000 6000 8000 12000 16000; do
	( ulimit -d $kib && exec "$SACL" validate big.xml ) >out 2>err
	st=$?
	case $st in
	70)
		[ "$(wc -l <err)" -eq 1 ] && grep -q '^sacl: fatal: out of memory (' err ||
			fail "-d $kib: not one out-of-memory line: $(cat err)"
		;;
	127) ;; # the program's libraries did not fit: not sacl's to say
	*) fail "-d $kib: exit $st, not 70: $(cat err)" ;;
	esac
done
exit $((failures > 0))

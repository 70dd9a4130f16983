#!/bin/sh
# e2e_limits.sh: `sacl fill` in a real terminal (tmux) under a limit on
# its memory (ulimit -d), as a shared server or a container may set.
# With 200 MB, below the heap's 256 MiB reserve (tui/tui_heap.c: not
# taken under a limit), the bundled checklist opens, a choice is made and
# saved, and F10 ends with exit 0. With 8 MB and a 20,000-question
# definition, memory runs out while it is read: the terminal is given
# back and one line says so ("sacl: fatal: out of memory (...)"), exit
# 70, and no response file is written. Skipped under a sanitizer (its
# shadow memory passes any such limit).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
if ldd "$SACL" 2>/dev/null | grep -q libasan; then
	skip "a sanitizer's memory passes any limit"
fi
[ -z "$VG" ] || skip "valgrind's memory passes any limit"

# limited NAME KIB ARGS...: sacl ARGS... in a 100x30 terminal, under
# ulimit -d KIB (the limit set in the pane's shell, then sacl exec'd).
limited() {
	S=$1
	_kib=$2
	shift 2
	_args=""
	for _a in "$@"; do _args="$_args '$_a'"; done
	tm new-session -d -s "$S" -x 100 -y 30 \
	    "(ulimit -d $_kib && exec env TERM=xterm-256color LC_ALL=$LOC \
	    '$SACL' $_args); echo SACL-EXIT=\$?; sleep 600" ||
	    fail "tmux: no session $S"
}

R=$DIR/r.xml
limited fill200 200000 fill -c uncac-chapter2 "$R"
wait_for "Provisions:"
keys Down Down Down
keys Enter
wait_for "Status of implementation"
keys Space
wait_get "$R" "p5_2/status=full"
keys F10
wait_for "SACL-EXIT=0"

sh "$TOP_SRCDIR/tests/bench/gen_checklist.sh" 20000 >"$DIR/big.xml" ||
	fail "gen_checklist.sh failed"
limited fill8 8000 fill -c "$DIR/big.xml" "$DIR/big-r.xml"
wait_for "SACL-EXIT=70"
screen | grep -q '^sacl: fatal: out of memory (' ||
	fail "no out-of-memory line: $(screen)"
[ "$(screen | grep -c '^sacl: ')" -eq 1 ] || fail "not one line: $(screen)"
[ ! -e "$DIR/big-r.xml" ] || fail "a response was written under 8 MB"
pass

#!/bin/sh
# cli_fill.sh: `sacl fill` refusing to start, and leaving nothing behind:
# stdin or stdout not a terminal, TERM unset or of a type terminfo does
# not know (in a pseudo-terminal made by script(1); that part is skipped
# without it). Each refusal exits 2 with its reason, and neither the
# response file nor its lock exists afterwards.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-fill.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM
R=$DIR/new.xml

# nothing_left WHAT: neither the response nor its lock exists.
nothing_left() {
	[ ! -e "$R" ] || fail "$1: $R was created"
	[ ! -e "$R.lock" ] || fail "$1: $R.lock was left behind"
}

# refused WHAT STATUS TEXT: the run exited STATUS and said TEXT.
refused() {
	[ "$2" -eq 2 ] || fail "$1: exit $2, not 2: $(cat "$DIR/err")"
	expect_match "$(cat "$DIR/err")" "$3"
	nothing_left "$1"
}

st=0
TERM=no-such-term "$SACL" fill "$R" </dev/null >"$DIR/out" 2>"$DIR/err" ||
    st=$?
refused "stdin not a terminal" "$st" "fill needs a terminal"

# In a pseudo-terminal: script(1) from util-linux (-e: the command's status).
command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1 || skip "no script(1) to make a terminal"

# inpty CMD: run the shell command CMD in a terminal; output in $DIR/err.
inpty() {
	st=0
	script -qec "$1" /dev/null </dev/null >"$DIR/err" 2>&1 || st=$?
}

inpty "TERM=no-such-term '$SACL' fill '$R'"
refused "unknown TERM" "$st" \
    "the terminal type 'no-such-term' is unknown; set TERM, e.g. TERM=xterm"
inpty "env -u TERM '$SACL' fill '$R'"
refused "TERM unset" "$st" "TERM is not set"
inpty "TERM=xterm '$SACL' fill '$R' >'$DIR/out'"
refused "stdout not a terminal" "$st" "fill needs a terminal"
# A known TERM gets past the check, to fail on the missing checklist
# (exit 1 or 3): the check does not refuse every terminal.
inpty "TERM=xterm '$SACL' fill --checklist '$DIR/none.xml' '$R'"
[ "$st" -ne 2 ] && [ "$st" -ne 0 ] ||
    fail "TERM=xterm: exit $st: $(cat "$DIR/err")"
pass

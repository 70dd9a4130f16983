#!/bin/sh
# e2e_marks.sh: what the marks of `sacl fill` say, in a real terminal
# (tmux). A provision whose required questions are all answered shows
# [x] while its optional ones stay empty; an untouched one shows [ ] and
# its article is [~], never [!]; `m` shows the legend and the status
# line hints at it; the status line gives the place its room; levels
# read "shall consider", themes "Policy"; the export list names each
# question (label and path) and `w` writes anyway. Without tmux only the
# command-line part runs: `sacl export` names the question too.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-marks.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM

# `sacl export` (no tmux needed): each missing line names its question.
"$SACL" set "$DIR/cli.xml" p5_1/status=none >/dev/null
st=0
"$SACL" export -o "$DIR/p.xml.gz" "$DIR/cli.xml" 2>"$DIR/err" || st=$?
[ "$st" -eq 5 ] || fail "sacl export: exit $st, not 5"
grep -q -F "front/state: missing: required, not answered (State)" \
    "$DIR/err" || fail "export names no question: $(head -5 "$DIR/err")"
grep -q -F "p5_1/steps: missing: required, not answered (Steps needed" \
    "$DIR/err" || fail "steps not required after 'not adopted'"
grep -q "p5_1/good_practice\|p5_1/measures" "$DIR/err" &&
    fail "measures or good practice asked after 'not adopted'"

TMUX_CMD=${TMUX_BIN:-}
[ -n "$TMUX_CMD" ] || TMUX_CMD=$(command -v tmux || true)
[ -n "$TMUX_CMD" ] && [ -x "$TMUX_CMD" ] || skip "tmux is not installed"
unset TMUX TMUX_PANE
SOCK=sacl-marks-$$
tm() { "$TMUX_CMD" -u -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1 || :; rm -rf "$DIR"' EXIT INT TERM
LOC=C
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' && LOC=C.UTF-8
TIMEOUT=${E2E_TIMEOUT:-20}
tm new-session -d -s keep "sleep 3600" || fail "tmux cannot start"

screen() { tm capture-pane -p -t "$S" 2>/dev/null || :; }
keys() { tm send-keys -t "$S" "$@"; }

# wait_for TEXT: until TEXT is on the screen.
wait_for() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		screen | grep -F -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "$S: timed out waiting for '$1' on the screen"
}

# wait_get FILE LINE: until `sacl get FILE` prints LINE (saved on disk).
wait_get() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		"$SACL" get "$1" 2>/dev/null | grep -F -x -q -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "$S: '$2' never reached $1: $("$SACL" get "$1" 2>&1)"
}

# start NAME COLS ROWS FILE
start() {
	S=$1
	tm new-session -d -s "$S" -x "$2" -y "$3" \
	    "env TERM=screen LC_ALL=$LOC NO_COLOR= '$SACL' fill '$4'; \
	    echo SACL-EXIT=\$?; sleep 600" || fail "tmux: no session $S"
	wait_for "Provisions:"
}

# Beside each other at 132x43: answer 5.1's required questions only.
f=$DIR/r.xml
"$SACL" set "$f" 'p5_1/measures[1]/title=Act 1' >/dev/null
start marks 132 43 "$f"
wait_for "[ ] 5.1  Coordinated"
keys g
wait_for "Go to provision"
keys -l 5.1
keys Enter
wait_for "Status of implementation"
keys Space # the first choice: adopted and fully implemented
wait_get "$f" "p5_1/status=full"
wait_for "[~] 5.1  Coordinated"
wait_for "[~] Art. 5"
keys n # the next required question: technical assistance needed?
wait_for "> * Does the State need technical assistance"
keys Right Space
wait_get "$f" "p5_1/ta_needed=no"
wait_for "[x] 5.1  Coordinated"
# the optional questions of 5.1 are still empty
[ "$("$SACL" get "$f" | grep -c '^p5_1/')" -eq 3 ] ||
	fail "5.1 has more answers than the required ones: $("$SACL" get "$f")"
# untouched provisions: [ ], and their article [~] or [ ], never [!]
wait_for "[~] Art. 5"
wait_for "[ ] 5.2  Effective"
wait_for "[ ] Art. 6"
screen | grep -q -F "[!]" && fail "an untouched provision shows [!]"
# the navigator hints at the legend; m shows it
keys F2
wait_for "m marks"
keys m
wait_for "Marks in the list"
wait_for "[ ]  not started (no answer yet)"
wait_for "[x]  complete (all required answers given"
keys Space
wait_for "m marks"
# levels and themes in words
keys l
wait_for "Provisions: shall  "
keys l
wait_for "Provisions: shall consider  "
keys l l t
wait_for "Provisions: all levels, theme Policy  "
# export: each line names the question; w writes anyway
keys x
wait_for "Not complete:"
wait_for "State (front/state): required, not answered"
wait_for "w: write the package anyway"
keys w
wait_for "Package written:"
ls "$DIR"/*.xml.gz >/dev/null 2>&1 || fail "no package written"
keys q
wait_for "SACL-EXIT=0"
tm kill-session -t "$S"

# 80x24, the list alone: the place in the status line has its room.
start narrow 80 24 "$f"
keys g
wait_for "Go to provision"
keys -l 5.1
keys Enter
wait_for "Status of implementation"
keys F2
wait_for "m marks"
wait_for " 5.1 Coordinated anti-corrupti"
keys q
wait_for "SACL-EXIT=0"
tm kill-session -t "$S"
pass

#!/bin/sh
# e2e_marks.sh: what the marks of `sacl fill` say, in a real terminal
# (tmux). A provision whose required questions are all answered shows
# [x] while its optional ones stay empty; an untouched one shows [ ] and
# its article is [~], never [!]; `m` shows the legend and the status
# line hints at it; the status line gives the place its room; levels
# read "shall consider", themes "Policy"; the export list names each
# question (label and path) and `w` writes anyway, naming the answer the
# checklist does not ask that it left out. Without tmux only the
# command-line part runs: `sacl export` names the question too.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-marks.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM

# `sacl export` (no tmux needed): each missing line names its question.
"$SACL" set --checklist uncac-chapter2 "$DIR/cli.xml" p5_1/status=none \
    >/dev/null
st=0
"$SACL" export -o "$DIR/p.xml.gz" "$DIR/cli.xml" 2>"$DIR/err" || st=$?
[ "$st" -eq 5 ] || fail "sacl export: exit $st, not 5"
grep -q -F "front/state: missing: required, not answered (State)" \
    "$DIR/err" || fail "export names no question: $(head -5 "$DIR/err")"
grep -q -F "p5_1/steps: missing: required, not answered (Steps needed" \
    "$DIR/err" || fail "steps not required after 'not adopted'"
grep -q "p5_1/good_practice\|p5_1/measures" "$DIR/err" &&
    fail "measures or good practice asked after 'not adopted'"

CDIR=$DIR
. "$TOP_SRCDIR/tests/lib_tmux.sh"
trap 'tm kill-server >/dev/null 2>&1 || :; rm -rf "$DIR" "$CDIR"' EXIT INT TERM

# Beside each other at 132x43: answer 5.1's required questions only.
f=$DIR/r.xml
"$SACL" set --checklist uncac-chapter2 "$f" 'p5_1/measures[1]/title=Act 1' \
    >/dev/null
# and an answer the checklist does not ask (another version's)
sed -i 's|<fp_name/>|<fp_name/><fp_fax>+33 1</fp_fax>|' "$f"
grep -q fp_fax "$f" || fail "no stray answer to leave out"
start marks 132 43 screen "$f"
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
keys C-n # the next required question: technical assistance needed?
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
wait_for "1 element the checklist does not ask was left out (front/fp_fax); package written:"
ls "$DIR"/*.xml.gz >/dev/null 2>&1 || fail "no package written"
for pkg in "$DIR"/*.xml.gz; do
	gzip -dc "$pkg" >"$DIR/pkg.xml" || fail "$pkg: not gzip"
	grep -q "<fp_name" "$DIR/pkg.xml" || fail "$pkg: no answers"
	grep -q fp_fax "$DIR/pkg.xml" && fail "$pkg: fp_fax exported"
done
keys q
wait_for "SACL-EXIT=0"
tm kill-session -t "$S"

# 80x24, the list alone: the place in the status line has its room.
WAIT=PAGE start narrow 80 24 screen "$f" # reopened where it was left
wait_for "> * Does the State need technical assistance"
keys F2
wait_for "m marks"
wait_for "LIST 5.1 Coordinated anti-corru" # the mode, then the place
keys q
wait_for "SACL-EXIT=0"
tm kill-session -t "$S"
pass

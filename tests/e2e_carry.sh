#!/bin/sh
# e2e_carry.sh: carrying the last cycle forward in `sacl fill` (issue 13),
# in a real terminal (tmux): `fill --from LAST` marks the answers taken
# (R in the list, a count in its heading, [to review] on the question),
# `r` goes to the next one, F8 confirms it (saved, Ctrl-Z takes it back),
# and the mark is gone after a restart while the others stay; `fill
# --compare EARLIER` highlights what changed since (also by changes made
# there), `d` turns it off.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"

export SACL_NOW=2026-12-01T10:00:00Z
last=$DIR/last.xml
"$SACL" set -c uncac-chapter2 "$last" p5_1/status=full p9_1/status=partial \
    2>/dev/null
"$SACL" export --force -o "$DIR/last.xml.gz" "$last" >/dev/null 2>&1
f=$DIR/r.xml

start_env carry 132 43 TERM=screen "LC_ALL=$LOC" -- fill --from \
    "$DIR/last.xml.gz" "$f"
wait_for "2 to review (r)"
wait_for "5.1 R1"
wait_for "answers carried forward from"
grep -c 'review="last-cycle"' "$f" | grep -qx 2 || fail "marks not saved"
keys r
wait_for "[to review]"
wait_for "F8 confirms this answer"
keys F8
wait_for "Confirmed as reviewed and saved"
wait_gone "[to review]"
i=0
while grep -q '<status review="last-cycle">full' "$f"; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "F8 was not saved"
	sleep 0.1
done
# undo brings the mark back, F8 again takes it away
keys C-z
wait_for "[to review]"
keys F8
wait_for "Confirmed as reviewed and saved"
keys Escape
wait_for "1 to review (r)"
keys q
wait_for "SACL-EXIT=0"
tm kill-session -t carry

# after a restart: 5.1 confirmed, 9.1 still to review
grep -q '<status review="last-cycle">partial' "$f" || fail "9.1 lost its mark"
start_env again 132 43 TERM=screen "LC_ALL=$LOC" -- fill "$f"
wait_for "1 to review (r)"
screen | grep -q "5.1 R" && fail "5.1 still marked after the restart"
keys M-r # it reopens on the page last visited: Alt for the list's letter
wait_for "[to review]"
wait_for "9.1"
keys M-q
wait_for "SACL-EXIT=0"
tm kill-session -t again

# --compare: answers changed since the package are highlighted, d toggles
"$SACL" set "$f" p9_1/status=none
start_env cmp 132 43 TERM=screen "LC_ALL=$LOC" -- fill --compare \
    "$DIR/last.xml.gz" "$f"
wait_for "9.1 ~"
screen | grep -q "5.1 ~" && fail "an unchanged answer is marked changed"
keys M-r # 9.1's status is no longer to review: nothing left
wait_for "No answer carried from the last cycle is left to review"
keys C-g
wait_for "Go to provision"
keys -l 9.1
keys Enter
wait_for "[changed]"
keys M-d
wait_for "no longer highlighted"
wait_gone "[changed]"
keys M-d
wait_for "[changed]"
# an answer changed now is compared too
keys C-g
wait_for "Go to provision"
keys -l 5.1
keys Enter
wait_for "5.1  Coordinated"
keys Right Space
wait_get "$f" "p5_1/status=partial"
wait_for "5.1 ~"
keys M-q
wait_for "SACL-EXIT=0"
pass

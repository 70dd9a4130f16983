#!/bin/sh
# e2e_nav_update.sh: the list of provisions beside a page (132x43) is not
# built anew when an answer changes (libmenu would measure and draw its
# 3,000 lines at 50,000 questions): the lines whose text changed are
# drawn over libmenu's copy. What the user must see all the same, in a
# real terminal (tmux, capture-pane -e for the attributes): the new
# marker on the provision changed, whether its line is the current one
# (reverse) or not, after it scrolled out of the list and back (libmenu
# draws it again from its copy, which still says "[ ]"), and after a
# second change; and a change that hides a line (u: unfinished only)
# still gives the list without it. The list fills the window's height.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"

f=$DIR/r.xml
"$SACL" set --checklist uncac-chapter2 "$f" p5_2/status=none \
    'p5_1/measures[1]/title=Act 1' 'p5_3/measures[1]/title=Act 3' \
    >/dev/null 2>&1 || fail "cannot make the response"
# the line of provision N in the list, with its attributes (cat -v)
row() { tm capture-pane -e -p -t "$S" | grep -F "] $1  " | cat -v; }

start_env nav 132 43 TERM=xterm-256color "LC_ALL=$LOC" NO_COLOR= -- fill "$f"
wait_for "[ ] 5.1  Coordinated"
# the list takes the window's height (42 lines), not libmenu's default 16
wait_for "] 9.1  Procurement"
keys g
wait_for "Go to provision"
keys -l 5.1
keys Enter
wait_for "Status of implementation"
keys Space # adopted and fully implemented
wait_get "$f" "p5_1/status=full"
wait_for "[~] 5.1  Coordinated"
row 5.1 | grep -q '^^\[\[7m' || fail "5.1, the current line, is not in reverse: $(row 5.1)"
# the list in front, the next line current: 5.1 keeps its new marker,
# no longer in reverse; 5.2 is
keys F2
keys Down
i=0
until row 5.2 | grep -q '^^\[\[7m'; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "5.2 never became the current line: $(row 5.2)"
	sleep 0.1
done
row 5.1 | grep -q '^^\[\[7m' && fail "5.1 is still in reverse: $(row 5.1)"
wait_for "[~] 5.1  Coordinated"
# out of the list and back: drawn again by libmenu from its copy
keys NPage NPage NPage
wait_gone "[~] 5.1  Coordinated"
keys Home
wait_for "[~] 5.1  Coordinated"
screen | grep -q -F "[ ] 5.1  Coordinated" && fail "5.1's old marker came back"
# a second change to the same line: [x] (its required questions given)
keys Down Down Enter
wait_for "> * Status of implementation"
keys C-n
wait_for "> * Does the State need technical assistance"
keys Right Space
wait_get "$f" "p5_1/ta_needed=no"
wait_for "[x] 5.1  Coordinated"
# unfinished only: 5.1 leaves the list; then 5.3 made complete leaves
# it too (fewer lines: the list is built anew)
keys F2
keys u
wait_for "unfinished only"
wait_gone "[x] 5.1  Coordinated"
wait_for "[ ] 5.3  Periodic"
keys g
wait_for "Go to provision"
keys -l 5.3
keys Enter
wait_for "> * Status of implementation"
keys Space
wait_get "$f" "p5_3/status=full"
wait_for "[~] 5.3  Periodic"
keys C-n
wait_for "> * Does the State need technical assistance"
keys Right Space
wait_get "$f" "p5_3/ta_needed=no"
wait_gone "] 5.3  Periodic"
wait_for "[ ] 5.4  International"
keys F10
wait_for "SACL-EXIT=0"
pass

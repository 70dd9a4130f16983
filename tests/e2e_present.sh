#!/bin/sh
# e2e_present.sh: the presentation mode and the overview in a real
# terminal (tmux). `sacl fill --present` at 200x50: one provision a
# screen in a centred column of at most 100 columns, its progress and its
# article's, marks shown; every key that changes answers in fill (Space,
# letters, Enter, Delete, Backspace, Ctrl-Z, Ctrl-S, a paste) is refused
# and the file stays byte for byte; o shows the overview with every
# article; q asks before leaving. The same at 80x24, and F9 from fill
# there (in and out), and the list letter o. In Russian, the overview's
# headings end where its counts end (columns, not bytes).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
RO="changes nothing here"
F=$DIR/ws.xml
LONG="Draft the act on procurement, consult the agencies concerned, then \
adopt it in parliament and publish the regulations that carry it out; \
train the staff of every contracting authority in the new rules and \
report on the first year of their use to the anti-corruption body"
"$SACL" set -c uncac-chapter2 "$F" front/state=AUT p5_1/status=partial \
    "p5_1/steps=$LONG" "p5_1/measures[1]/title=Act on prevention" \
    >/dev/null || fail "set"
# a mark as carry-forward writes it (doc/response-format.md)
sed 's|<status>partial</status>|<status review="last-cycle">partial</status>|' \
    "$F" >"$DIR/tmp.xml" && mv "$DIR/tmp.xml" "$F" || fail "sed"
grep -q 'review="last-cycle"' "$F" || fail "no mark written"
cp "$F" "$DIR/before.xml"

# refuse KEY...: each key in turn says read-only and changes nothing
refuse() {
	for k in "$@"; do
		keys "$k"
		wait_for "$RO"
		keys Up # scrolls (at the top: nothing), clears the word
		wait_gone "$RO"
	done
}
refuse_all() {
	refuse Space a d x y Enter DC BSpace C-z C-s Tab C-e
	keys -l "typed text" # a burst: a paste, or keys
	wait_for "$RO"
	keys Up
	wait_gone "$RO"
	tm set-buffer "PASTED TEXT"
	tm paste-buffer -p -t "$S"
	wait_for "a paste changes nothing"
	screen | grep -q "PASTED\|typed text" && fail "$S: a key was typed in"
	cmp -s "$F" "$DIR/before.xml" || fail "$S: the file changed"
}
# the widest text line on the screen between the bars, and its margin
check_column() {
	screen | sed '1d;$d' | LC_ALL=C.UTF-8 awk -v max="$1" -v lead="$2" '
	    NF { match($0, /^ */); w = length($0) - RLENGTH
		if (w > max) { print "line of " w ": " $0; exit 1 }
		if (RLENGTH < lead) { print "margin " RLENGTH ": " $0; exit 1 } }' ||
		fail "$S: lines not in a column of $1 (margin $2)"
}

# 200x50, --present
WAIT="PRESENTATION" start_env big 200 50 TERM=xterm "LC_ALL=$LOC" \
    NO_COLOR= -- fill --present "$F"
keys Home
wait_for "About this self-assessment"
keys Right
wait_for "5.1 "
wait_for "Provision:"
wait_for "Article:"
wait_for "TO REVIEW: from the last cycle"
wait_for "Act on prevention"
wait_for "Adopted in part / partly implemented"
wait_for "train the staff"
check_column 100 40
refuse_all
keys NPage
wait_for "5.2 "
keys PPage
wait_for "5.1 "
keys o
wait_for "Overview"
for a in Front "Art. 5" "Art. 6" "Art. 9" "Art. 13" "Art. 14"; do
	wait_for "$a "
done
screen | grep -E 'Art\. 5 .* +0 +1  ' >/dev/null ||
	fail "overview: article 5 has one answer to review: $(screen | grep 'Art. 5')"
keys Escape
wait_gone "Overview"
keys q
wait_for "Leave the presentation"
keys n
wait_gone "Leave the presentation"
wait_for "PRESENTATION"
keys q
wait_for "Leave the presentation"
keys y
wait_for "SACL-EXIT=0"
cmp -s "$F" "$DIR/before.xml" || fail "the file changed"

# 80x24, --present
WAIT="PRESENTATION" start_env small 80 24 TERM=xterm "LC_ALL=$LOC" \
    NO_COLOR= -- fill --present "$F"
keys Home Right
wait_for "5.1 "
wait_for "Provision:"
check_column 76 2
refuse_all
keys o
wait_for "Overview"
wait_for "Art. 14 "
keys Escape
wait_gone "Overview"
keys F10
wait_for "Leave the presentation"
keys y
wait_for "SACL-EXIT=0"
cmp -s "$F" "$DIR/before.xml" || fail "the file changed"

# 80x24, F9 from fill and back; o in the list
start fill 80 24 xterm "$F"
keys F9
wait_for "PRESENTATION"
refuse Space a Enter C-z
cmp -s "$F" "$DIR/before.xml" || fail "F9: the file changed"
keys F9
wait_gone "PRESENTATION"
wait_for "saved"
keys F2
wait_for "Provisions:"
keys o
wait_for "Overview"
wait_for "Art. 14 "
keys Escape
wait_gone "Overview"
keys F10
wait_for "SACL-EXIT=0"

# the overview in Russian: its headings are counted in columns, not bytes
# ("К проверке" is 10 columns, 19 bytes), each count column as wide as
# its heading: the last heading ends where the counts of a line end
if [ "$LOC" = C.UTF-8 ]; then
	WAIT="ws.xml" start_env ru 110 30 TERM=xterm "LC_ALL=$LOC" NO_COLOR= \
	    -- fill --lang ru "$F"
	keys F2
	keys o
	wait_for "Обзор"
	wait_for "К проверке"
	unbox() { sed -e 's/^[^ ]* //' -e 's/ *[^ ]*$//'; }
	head_w=$(screen | grep "К проверке" | unbox | LC_ALL=C.UTF-8 wc -L)
	row_w=$(screen | grep "Ст\. 5 " | unbox |
	    sed -E 's/^(.*[0-9]) {2}[^0-9]*$/\1/' | LC_ALL=C.UTF-8 wc -L)
	[ "$head_w" = "$row_w" ] || fail "overview (ru): the headings end at \
column $head_w, the counts at $row_w: $(screen | grep -e 'К проверке' \
-e 'Ст\. 5 ')"
	keys Escape
	wait_gone "Обзор"
	keys F10
	wait_for "SACL-EXIT=0"
fi
pass

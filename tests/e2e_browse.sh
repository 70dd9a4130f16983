#!/bin/sh
# e2e_browse.sh: `sacl browse --db STORE` in a real terminal (tmux). Two
# packages imported; the list shows both States (complete or not,
# revision, current); Enter opens one in the screens of `sacl fill`,
# read-only: Space on a choice, typing and Enter on a text, Ctrl-Z,
# Ctrl-S and a paste are all refused, and the store and the answers on
# screen stay as they were; F4 (progress) and F5 (an answer in full)
# work; F10 goes back to the list, q ends.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
export SACL_NOW=2026-11-30T12:00:00Z
DB=$DIR/store.db
RO="Read-only: a received submission cannot be changed"

"$SACL" set -c uncac-chapter2 "$DIR/aut.xml" front/state=AUT \
    p5_1/status=partial "p5_1/steps=Draft the act" >/dev/null ||
	fail "set AUT"
"$SACL" set -c uncac-chapter2 "$DIR/fra.xml" front/state=FRA \
    p5_1/status=full >/dev/null || fail "set FRA"
for s in aut fra; do
	"$SACL" export --force -o "$DIR/$s.xml.gz" "$DIR/$s.xml" \
	    >/dev/null 2>&1 || fail "export $s"
done
"$SACL" import --db "$DB" "$DIR/aut.xml.gz" "$DIR/fra.xml.gz" >/dev/null ||
	fail "import"
# what the store holds, to compare after browsing
snapshot() {
	"$SACL" report --db "$DB" --what submissions --format csv
	for id in $("$SACL" report --db "$DB" --what submissions --format csv |
	    tail -n +2 | cut -d, -f3 | tr -d '"'); do
		"$SACL" get --db "$DB" "$id"
	done
	sha256sum "$DB" | cut -d' ' -f1
}
snapshot >"$DIR/before" 2>&1
grep -q 'p5_1/steps=Draft the act' "$DIR/before" || fail "snapshot: $(cat "$DIR/before")"

WAIT="Enter opens one" start_env browse 100 30 TERM=xterm "LC_ALL=$LOC" \
    NO_COLOR= -- browse --db "$DB"
wait_for "2 submissions"
wait_for "Austria"
wait_for "France"
wait_for "current"
keys Enter
wait_for "Provisions:"
wait_for "AUT, revision 1  read-only"
keys g
wait_for "Go to provision"
keys -l 5.1
keys Enter
wait_for "Coordinated anti-corruption policies"
# a choice: Space and Enter select in `fill`; here refused (each time
# the message is cleared first, by Ctrl-L)
keys Right Space
wait_for "$RO"
keys C-l
wait_gone "$RO"
keys Enter
wait_for "$RO"
# a text: typing, Enter, Backspace refused; the value stays
keys F3
wait_for "Search for"
keys -l "Steps needed"
keys Enter
wait_for '1 found for "Steps needed"'
keys Enter
wait_for "Draft the act"
keys -l "x"
wait_for "$RO"
keys C-l
wait_gone "$RO"
keys Enter
wait_for "$RO"
keys C-l
wait_gone "$RO"
keys BSpace
wait_for "$RO"
keys C-l
wait_gone "$RO"
keys C-z
wait_for "$RO"
keys C-l
wait_gone "$RO"
keys C-s
wait_for "$RO"
# a paste (bracketed) never reaches an answer
tm set-buffer "PASTED TEXT"
tm paste-buffer -p -t "$S"
wait_for "Paste ignored"
screen | grep -q "PASTED\|xDraft\|Draft the actx" && fail "an answer changed on screen"
# F5: the answer in full; F4: progress
keys F5
wait_for "p5_1/steps"
wait_for "Draft the act"
keys Escape
wait_gone "p5_1/steps"
keys F4
wait_for "Overall"
keys Escape
wait_gone "Overall"
# back to the list, then the end
keys F10
wait_for "Enter opens one"
keys q
wait_for "SACL-EXIT=0"
snapshot >"$DIR/after" 2>&1
cmp -s "$DIR/before" "$DIR/after" ||
	fail "browsing changed the store: $(diff "$DIR/before" "$DIR/after")"
pass

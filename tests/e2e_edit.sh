#!/bin/sh
# e2e_edit.sh: `sacl fill` never changes an answer the user did not mean,
# seen in a real terminal (tmux). On tests/fixtures/forms-page.xml:
# letters on a page type into the question (q and u run nothing), the
# status line says EDIT while a field is edited; text in Thai,
# decomposed Latin, Arabic with marks, CJK and emoji sequences is stored
# byte for byte (read back with `sacl get`, whose escapes round-trip);
# Esc after the idle save gives back the value from before the edit; a
# letter on a choice does nothing; Ctrl-Z undoes a choice, then the one
# before; Down leaves a long text from its last row only; a paste into
# the chooser of a long list types its filter, never chooses. Skipped (77)
# without tmux.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"

FIX=$FIXTURES/forms-page.xml
LOCENV="LC_ALL=$LOC"

# fresh NAME: a response to the fixture with 1.1's status "partial".
fresh() {
	f=$DIR/$1.xml
	"$SACL" set --checklist "$FIX" "$f" p1/status=partial ||
	    fail "cannot prepare $f"
}

# Open the front page (State, a one-line text) from the list.
typing() {
	fresh typing
	start_env typing 80 24 "$LOCENV" TERM=screen -- fill "$f"
	keys Enter
	wait_for "PAGE"
	# letters start editing: q does not quit, u filters nothing
	keys -l "Maria Gruber quits u"
	wait_for "EDIT"
	wait_for "Maria Gruber quits u"
	keys Enter
	wait_value "$f" front/state "Maria Gruber quits u"
	wait_for "PAGE"
	screen | grep -q "SACL-EXIT" && fail "a letter quit sacl"
	# scripts, typed: each stored byte for byte
	for t in "ที่ดิน" "$(printf 'Cafe\314\201 Zoe\314\210')" \
	    "مَرْحَبًا بالعالم" "采购法 中文" \
	    "$(printf '\360\237\221\251\342\200\215\360\237\222\273 \342\235\244\357\270\217')"; do
		keys Enter
		wait_for "EDIT"
		keys C-u
		keys -l "$t"
		keys Enter
		wait_for "PAGE"
		got=$("$SACL" get "$f" front/state | sed 's/^[^=]*=//')
		want=$(printf '%s' "$t" | sed 's/\xe2\x80\x8d/\\u200D/g')
		[ "$got" = "$want" ] || fail "typed '$t', stored '$got'"
	done
	# get's escapes round-trip: the ZWJ comes back as typed
	"$SACL" get "$f" front/state |
	    "$SACL" set --checklist "$FIX" --from - "$DIR/copy.xml" ||
	    fail "set --from"
	[ "$("$SACL" get "$DIR/copy.xml" front/state)" = \
	    "$("$SACL" get "$f" front/state)" ] || fail "get | set --from"
	keys C-c
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

# Esc after the idle save: the value from before the edit comes back.
escape_idle() {
	fresh idle
	"$SACL" set "$f" front/state=Original
	start_env idle 80 24 "$LOCENV" TERM=screen -- fill "$f"
	keys Home Enter # the front section, first in the list
	wait_for "PAGE"
	keys Enter
	wait_for "EDIT"
	keys -l " XYZ"
	wait_value "$f" front/state "Original XYZ" # the idle save
	wait_for "EDIT"                            # the field still open
	keys Escape
	wait_value "$f" front/state "Original"
	wait_for "PAGE"
	keys C-c
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

# On 1.1: letters on a choice do nothing; Ctrl-Z undoes choices one by
# one; Down leaves a long text from its last row only.
undo_rows() {
	fresh undo
	start_env undo 80 24 "$LOCENV" TERM=screen -- fill "$f"
	keys -l g
	wait_for "Go to provision"
	keys -l 1.1
	keys Enter
	wait_for "National policy"
	keys -l "xnq"
	wait_for "Letters are not commands on a page"
	wait_value "$f" p1/status partial
	keys Right Space # "Not"
	wait_value "$f" p1/status none
	keys Left Left Space # "Fully": the steps question goes
	wait_value "$f" p1/status full
	keys C-z
	wait_value "$f" p1/status none
	wait_for "Undone and saved (1 more"
	keys C-z
	wait_value "$f" p1/status partial
	keys C-z
	wait_for "Nothing to undo"
	# the steps (long text) follow the status
	keys Tab
	wait_for "Steps needed"
	keys -l "line one"
	keys Enter
	keys -l "line two"
	keys Up Down # row one, then back to row two: still in the text
	keys -l " more"
	keys Down # out of the text, to the number below
	wait_for "PAGE"
	keys -l 7
	keys Enter
	wait_value "$f" p1/staff 7
	wait_value "$f" p1/steps 'line one\nline two more'
	keys C-c
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
	# reopened at the question last visited, on its page
	WAIT="PAGE" start_env undo2 80 24 "$LOCENV" TERM=screen -- fill "$f"
	wait_for "National policy"
	screen | grep -q "> People who worked on the answers" ||
	    fail "not reopened at the question last visited"
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

# A paste into the chooser of a long list (the State) types its filter
# and never chooses, bracketed or not, line end included.
chooser_paste() {
	f=$DIR/chooser.xml
	"$SACL" set --checklist uncac-chapter2 "$f" front/fp_name=X ||
	    fail "cannot prepare $f"
	start_env chooser 100 30 "$LOCENV" TERM=xterm-256color -- fill "$f"
	keys Home Enter
	wait_for "PAGE"
	keys Enter
	wait_for "Type to find"
	tm set-buffer -b p "$(printf 'Ghana\nq')"
	tm paste-buffer -b p -t "$S"
	wait_for "Type to find: Ghanaq"
	tm paste-buffer -p -b p -t "$S"
	wait_for "Type to find: GhanaqGhanaq"
	wait_value "$f" front/state ""
	keys Escape
	wait_gone "Type to find"
	wait_value "$f" front/state ""
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

typing
chooser_paste
escape_idle
undo_rows
pass

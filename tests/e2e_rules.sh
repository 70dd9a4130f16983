#!/bin/sh
# e2e_rules.sh: rules between answers and shorthand rules as a user sees
# them in `sacl fill` (tmux; issue 9), on tests/fixtures/rules.xml where
# p52_3/executed may not exceed p52_3/received. Lowering received is
# stored (the rule belongs to executed, as in XForms) and executed shows
# "! its message" at once; raising received again clears it. A value
# against a shorthand rule (min="0") is refused with the default message,
# in French with --lang fr. Skipped (77) without tmux.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"

FIX=$FIXTURES/rules.xml
f=$DIR/r.xml
"$SACL" set --checklist "$FIX" "$f" p52_3/received=5 p52_3/executed=5 \
    >/dev/null || fail "cannot prepare $f"

# Open 52.3 and put the focus on "Requests received".
open_received() {
	keys g
	wait_for "${GOTO:-Go to provision}"
	keys -l 52.3
	keys Enter
	wait_for "$1"
	keys Down Down
}

# store TEXT: edit the focused field, replace its text, store it.
store() {
	keys Enter
	wait_for "${EDITW:-EDIT}"
	keys C-u
	keys -l -- "$1"
	keys Enter
}

start_env rules 100 30 "LC_ALL=$LOC" TERM=screen -- fill "$f"
open_received "Requests executed"
store 2
wait_get "$f" "p52_3/received=2"
wait_for "! No more requests executed than received."
wait_for "[!] 52.3  Records"
"$SACL" get "$f" p52_3/executed | grep -q -x "p52_3/executed=5" ||
	fail "executed changed: $("$SACL" get "$f")"
store 9
wait_get "$f" "p52_3/received=9"
i=0
while screen | grep -q -F "! No more requests"; do
	[ "$i" -lt $((TIMEOUT * 10)) ] || fail "the mark stayed after the fix"
	sleep 0.1
	i=$((i + 1))
done
# a shorthand rule: refused, with its default message
store -1
wait_for "! At least 0."
keys Escape
wait_for "PAGE"
keys F10
wait_for "SACL-EXIT=0"
"$SACL" get "$f" p52_3/received | grep -q -x "p52_3/received=9" ||
	fail "a refused value was stored: $("$SACL" get "$f")"

# The same in French: the default message in the user's language.
f=$DIR/fr.xml
"$SACL" set --checklist "$FIX" "$f" p52_3/received=5 >/dev/null ||
    fail "cannot prepare $f"
GOTO="Aller à la disposition" EDITW=SAISIE
WAIT="Dispositions :" start_env rules_fr 100 30 "LC_ALL=$LOC" TERM=screen -- \
    fill --lang fr "$f" # --lang: the interface in French too
open_received "Demandes exécutées"
store -3
wait_for "! Au moins 0."
keys Escape
wait_for "PAGE"
keys F10
wait_for "SACL-EXIT=0"
pass

#!/bin/sh
# e2e_merge.sh: workshops in `sacl fill` (issue 13), in tmux. A merge
# with a conflict opens with the provision marked in the list; `c` goes
# to it, the question says so, F7 lists both values with their agencies,
# taking the second settles it (saved, marks gone, provenance of that
# agency), Ctrl-Z brings the conflict back, and F7 again settles it with
# the first; a long text is settled keeping both. A contribution (`--sections 11`) asks its agency once, lists
# only article 11, and records scope and agency. Skipped without tmux.
. "$TOP_SRCDIR/tests/lib.sh"

. "$TOP_SRCDIR/tests/lib_tmux.sh"

cd "$DIR"
"$SACL" set --checklist uncac-chapter2 j.xml p9_1/status=full \
    "p9_1/examples=Courts reviewed 12 tenders" 2>/dev/null || fail "set j"
"$SACL" set --checklist uncac-chapter2 b.xml p9_1/status=none \
    "p9_1/examples=Audits of 3 ministries" 2>/dev/null || fail "set b"
sed -i 's|<response |<response agency="Justice" scope="art9" |' j.xml
sed -i 's|<response |<response agency="Bank" scope="art9" |' b.xml
st=0
"$SACL" merge j.xml b.xml -o m.xml 2>/dev/null || st=$?
[ "$st" -eq 7 ] || fail "merge: exit $st, not 7"

# wait_file TEXT FILE: until FILE holds TEXT (saved on disk).
wait_file() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		grep -q -F -- "$1" "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "'$1' never reached $2"
}

start_env settle 132 43 "TERM=xterm" "LC_ALL=$LOC" -- fill m.xml
wait_for "≠ 9.1  Procurement"
keys c
wait_for "Conflict 1 of 2: F7 settles it."
wait_for "≠ conflict (F7 settles it): * Status of implementation"
keys F7
wait_for "Settle the conflict"
wait_for "Take full  (from Justice, j.xml"
wait_for "Take none  (from Bank, b.xml"
keys Down Enter
wait_for "Settled and saved"
wait_value m.xml p9_1/status none
wait_file '<status from-agency="Bank" from-file="b.xml"' m.xml
grep -q '<status conflict' m.xml && fail "p9_1/status still marked after F7"
grep -q '<conflict path="p9_1/status"' m.xml &&
    fail "p9_1/status still listed after F7"
# one change: Ctrl-Z brings the conflict back
keys C-z
wait_file '<conflict path="p9_1/status"' m.xml
wait_value m.xml p9_1/status ""
wait_for "≠ conflict (F7 settles it)"
keys F7
wait_for "Settle the conflict"
keys Enter
wait_for "Settled and saved"
wait_value m.xml p9_1/status full
# a long text: keep both, each under its agency
keys M-c
wait_for "Conflict 1 of 1: F7 settles it."
keys F7
wait_for "Keep both: every value in one text"
keys Down Down Down Enter
wait_for "Settled and saved"
wait_value m.xml p9_1/examples 'Justice:\nCourts reviewed 12 tenders\n\nBank:\nAudits of 3 ministries'
wait_file 'from-agency="Justice; Bank"' m.xml
keys F10
wait_for "SACL-EXIT=0"
grep -q "conflict" m.xml && fail "m.xml keeps conflict marks"
st=0
"$SACL" export --force -o m.xml.gz m.xml 2>/dev/null || st=$?
[ "$st" -eq 0 ] || fail "export after settling: exit $st"

# a contribution: its agency asked once, its articles only
WAIT="Your agency" start_env scope 100 30 "TERM=xterm" "LC_ALL=$LOC" -- \
    fill --sections 11 c.xml
keys -l "Central Bank"
keys Enter
wait_for "11.1  Integrity of the judiciary"
wait_file 'agency="Central Bank"' c.xml
grep -q 'scope="art11"' c.xml || fail "no scope in c.xml"
screen | grep -q "9.1  Procurement" && fail "article 9 listed in a contribution of 11"
screen | grep -q "About this self-assessment" &&
    fail "the front section listed in a contribution"
keys g
wait_for "Go to provision"
keys -l 9.1
keys Enter
wait_for "Outside this contribution (articles 11)"
keys F10
wait_for "SACL-EXIT=0"
pass

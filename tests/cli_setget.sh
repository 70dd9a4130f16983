#!/bin/sh
# cli_setget.sh: `sacl set` and `sacl get` on the bundled checklist:
# round trip, multiple choice and "other", repeat entries, escaping,
# clearing, all-or-nothing on an unknown id or an invalid value, usage
# errors, a lock held by a live process, a damaged file; rules between
# two answers hold whatever the order of the assignments (issue 9).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
R=$tmp/answers.xml

# same OUT EXPECTED: the stdout of the last command is exactly EXPECTED.
same() {
	printf '%s\n' "$1" >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" ||
		fail "output: got '$(cat "$tmp/out")', want '$1'"
}

# A new response, on the checklist named, private to its owner.
expect 0 "$SACL" set --checklist uncac-chapter2 "$R" p5_1/status=partial
[ "$(stat -c %a "$R")" = 600 ] || fail "mode $(stat -c %a "$R"), not 600"
[ ! -e "$R.lock" ] || fail "the lock was left behind"
expect 0 "$SACL" get "$R" p5_1/status
same "p5_1/status=partial"

# Multiple choice: commas, stored in the definition's order; "other".
expect 0 "$SACL" set "$R" p5_1/challenges=resources,coordination,other \
	"p5_1/challenges:other=Staff turnover"
expect 0 "$SACL" get "$R" p5_1/challenges
same "p5_1/challenges=coordination resources other
p5_1/challenges:other=Staff turnover"

# Repeat entries, created up to the index named.
expect 0 "$SACL" set "$R" "p5_1/measures[2]/title=Act 12" \
	"p5_1/measures[1]/title=Decree 7" "p5_1/measures[2]/date=2020-02-29"
expect 0 "$SACL" get "$R" p5_1/measures
same "p5_1/measures[1]/title=Decree 7
p5_1/measures[2]/title=Act 12
p5_1/measures[2]/date=2020-02-29"
expect 0 "$SACL" get "$R" "p5_1/measures[2]/title"
same "p5_1/measures[2]/title=Act 12"

# Newlines and backslashes are escaped on output.
expect 0 "$SACL" set "$R" "p5_1/examples=line one
line two \\ end"
expect 0 "$SACL" get "$R" p5_1/examples
same 'p5_1/examples=line one\nline two \\ end'

# get without ids: every answered question, in the definition's order.
expect 0 "$SACL" get "$R"
same 'p5_1/status=partial
p5_1/measures[1]/title=Decree 7
p5_1/measures[2]/title=Act 12
p5_1/measures[2]/date=2020-02-29
p5_1/examples=line one\nline two \\ end
p5_1/challenges=coordination resources other
p5_1/challenges:other=Staff turnover'

# All or nothing: an unknown id or an invalid value saves nothing.
cp "$R" "$tmp/before"
expect 1 "$SACL" set "$R" p5_1/status=none nosuch/question=1
grep -q "^sacl: nosuch/question: " "$tmp/err" ||
	fail "unknown id: message '$(cat "$tmp/err")'"
cmp -s "$R" "$tmp/before" || fail "a failed set changed the file"
expect 1 "$SACL" set "$R" p5_1/status=maybe
grep -q "^sacl: p5_1/status: " "$tmp/err" ||
	fail "invalid value: message '$(cat "$tmp/err")'"
expect 1 "$SACL" set "$R" "p5_1/measures[1]/date=2021-02-30"
grep -q "^sacl: p5_1/measures\[1\]/date: " "$tmp/err" ||
	fail "invalid date: message '$(cat "$tmp/err")'"
cmp -s "$R" "$tmp/before" || fail "an invalid value changed the file"

# --from: get's output read back (escapes undone) fills another file.
"$SACL" get "$R" >"$tmp/all.txt"
expect 0 "$SACL" set -c uncac-chapter2 --from "$tmp/all.txt" "$tmp/copy.xml"
"$SACL" get "$tmp/copy.xml" >"$tmp/copy.txt"
cmp -s "$tmp/all.txt" "$tmp/copy.txt" || fail "--from: the copy differs"
expect 0 "$SACL" get "$tmp/copy.xml" p5_1/examples
same 'p5_1/examples=line one\nline two \\ end'
printf 'p5_1/timeline=soon\r\n# a comment\n\nnot an assignment\n' \
	>"$tmp/bad.txt"
cp "$tmp/copy.xml" "$tmp/before"
expect 1 "$SACL" set --from "$tmp/bad.txt" "$tmp/copy.xml"
grep -q "bad.txt:4: not ID=VALUE" "$tmp/err" ||
	fail "--from: bad line: '$(cat "$tmp/err")'"
cmp -s "$tmp/copy.xml" "$tmp/before" || fail "--from: a bad file saved"
printf 'p5_1/timeline=soon\r\n' |
	expect 0 "$SACL" set --from - "$tmp/copy.xml" p5_1/status=none
expect 0 "$SACL" get "$tmp/copy.xml" p5_1/timeline p5_1/status
same "p5_1/timeline=soon
p5_1/status=none"

# Clearing.
expect 0 "$SACL" set "$R" p5_1/examples=
expect 0 "$SACL" get "$R" p5_1/examples
same "p5_1/examples="

# Usage errors and help.
expect 2 "$SACL" set "$R"
expect 2 "$SACL" set "$R" p5_1/status
expect 2 "$SACL" set --bogus "$R" p5_1/status=full
expect 2 "$SACL" get
expect 2 "$SACL" get --from "$tmp/all.txt" "$R"
expect 0 "$SACL" set --help
grep -q "ID:other=TEXT" "$tmp/out" || fail "set --help lacks the syntax"
expect 0 "$SACL" get --help
expect 1 "$SACL" get "$R" nosuch/question
grep -q "nosuch/question" "$tmp/err" || fail "get: unknown id not named"

# A lock held by a live process on this host: exit 4, who and since.
printf 'pid=%s\nhost=%s\nsince=%s\n' $$ "$(uname -n)" \
	"$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$R.lock"
expect 4 "$SACL" set "$R" p5_1/status=none
grep -q "in use by sacl (pid $$ on " "$tmp/err" ||
	fail "lock: message '$(cat "$tmp/err")'"
rm -f "$R.lock"

# A damaged file: refused, the .bak named, neither file touched.
printf '<response checklist="uncac-chapter2"><p5_1><sta' >"$R"
cp "$R" "$tmp/damaged"
cp "$R.bak" "$tmp/bak"
expect 1 "$SACL" get --checklist uncac-chapter2 "$R"
grep -q "answers.xml.bak" "$tmp/err" ||
	fail "damaged: .bak not named: '$(cat "$tmp/err")'"
"$SACL" set "$R" p5_1/status=full >/dev/null 2>&1 &&
	fail "set wrote over a damaged file"
cmp -s "$R" "$tmp/damaged" || fail "the damaged file was changed"
cmp -s "$R.bak" "$tmp/bak" || fail "the .bak was changed"

# Rules hold whatever the order of the assignments (issue 9): all are
# applied, then every constraint they touch is checked on the final state.
# rules.xml: p52_3/executed and pending must be at most p52_3/received.
Q=$tmp/rules-answers.xml
RULES=$FIXTURES/rules.xml
expect 1 "$SACL" set --checklist "$RULES" "$Q" p52_3/executed=5 \
	p52_3/received=3
has "$tmp/err" "p52_3/executed: No more requests executed than received."
[ ! -e "$Q" ] || fail "rules: a refused set created $Q"
expect 1 "$SACL" set --checklist "$RULES" "$Q" p52_3/received=3 \
	p52_3/executed=5
has "$tmp/err" "p52_3/executed: No more requests executed than received."
expect 0 "$SACL" set --checklist "$RULES" "$Q" p52_3/executed=5 \
	p52_3/received=7
cp "$Q" "$tmp/rules-before"
# lowering received later breaks executed: refused, nothing changed
expect 1 "$SACL" set "$Q" p52_3/received=4
has "$tmp/err" "p52_3/executed: No more requests executed than received."
cmp -s "$Q" "$tmp/rules-before" || fail "rules: a refused set changed $Q"
# every failing question is named, each with its message
expect 1 "$SACL" set "$Q" p52_3/pending=6 p52_3/received=2
has "$tmp/err" "sacl: p52_3/executed: No more requests executed than received."
has "$tmp/err" "sacl: p52_3/pending: No more requests pending than received."
cmp -s "$Q" "$tmp/rules-before" || fail "rules: a refused set changed $Q"
# both changed together, in either order
expect 0 "$SACL" set "$Q" p52_3/received=4 p52_3/executed=4
expect 0 "$SACL" set "$Q" p52_3/executed=2 p52_3/received=2
expect 0 "$SACL" get "$Q" p52_3/received p52_3/executed
same "p52_3/received=2
p52_3/executed=2"
# --from lines are one batch with the command line's
printf 'p52_3/executed=9\n' >"$tmp/rules-from"
expect 0 "$SACL" set --from "$tmp/rules-from" "$Q" p52_3/received=9
expect 0 "$SACL" get "$Q" p52_3/executed
same "p52_3/executed=9"

[ "$failures" -eq 0 ] || exit 1
echo "cli_setget: all checks passed"

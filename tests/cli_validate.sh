#!/bin/sh
# cli_validate.sh: `sacl validate` and `sacl info` as a user runs them:
# the bundled checklist is valid and has ten articles; every bad fixture
# is refused with FILE:LINE: and exit 1; usage errors exit 2.
. "${TOP_SRCDIR}/tests/lib.sh"

out=$("$SACL" validate "$TOP_SRCDIR/data/uncac-chapter2.xml") || fail "bundled checklist invalid"
expect_match "$out" "valid (uncac-chapter2 "

out=$("$SACL" info uncac-chapter2) || fail "info by id failed"
expect_match "$out" "sections: 10"
for n in 5 6 7 8 9 10 11 12 13 14; do
	printf '%s\n' "$out" | grep -q "^section: $n " || fail "article $n missing from info"
done

out=$("$SACL" info --list uncac-chapter2) || fail "info --list failed"
printf '%s\n' "$out" | grep -q "^p9_1/status	single	" || fail "no p9_1/status line"
lines=$(printf '%s\n' "$out" | wc -l)
qs=$("$SACL" info uncac-chapter2 | sed -n 's/^questions: //p')
[ "$lines" -eq "$qs" ] || fail "info --list has $lines lines, info says $qs questions"

for f in "$FIXTURES"/bad-*.xml; do
	name=$(basename "$f")
	if err=$("$SACL" validate "$f" 2>&1); then
		fail "$name accepted"
	fi
	expect_match "$err" "$f:"
	printf '%s\n' "$err" | grep -Eq "^$f:[0-9]+(:[0-9]+)?: " || fail "$name: no FILE:LINE: in '$err'"
done

# several files: one bad makes the exit 1, the good one is still reported
status=0
"$SACL" validate "$FIXTURES/mini.xml" "$FIXTURES/bad-cycle.xml" >/dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "mixed validate exit $status, want 1"

status=0
"$SACL" validate >/dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "validate without files exit $status, want 2"
status=0
"$SACL" frobnicate >/dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "unknown command exit $status, want 2"
"$SACL" --version | grep -q "^sacl " || fail "--version"
"$SACL" validate --help | grep -q "^Usage: sacl validate" || fail "validate --help"
pass

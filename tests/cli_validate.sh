#!/bin/sh
# cli_validate.sh: `sacl validate` and `sacl info` as a user runs them:
# the bundled checklist is valid, with no warning, and has ten articles;
# every bad fixture is refused with FILE:LINE: and exit 1; warnings are
# printed and fail only with --strict; usage errors exit 2.
. "${TOP_SRCDIR}/tests/lib.sh"
TMPDIR_T=$(mktemp -d "${TMPDIR:-/tmp}/sacl-validate.XXXXXX")
trap 'rm -rf "$TMPDIR_T"' EXIT

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

# singular and plural as they fall
out=$("$SACL" info "$FIXTURES/mini.xml") || fail "info mini"
expect_match "$out" "section: 2 Article two (1 provision)"
expect_match "$out" "section: 1 Article one (3 provisions)"

# the validator's messages name the question and the attribute, and the
# first of two duplicates
err=$("$SACL" validate "$FIXTURES/bad-arity.xml" 2>&1) && fail "bad-arity accepted"
expect_match "$err" "bad-arity.xml:9: question p1/ta_forms, attribute relevant: calls selected() with 1 argument; it takes 2"
err=$("$SACL" validate "$FIXTURES/bad-in-template.xml" 2>&1) && fail "bad-in-template accepted"
expect_match "$err" "bad-in-template.xml:6: template 'std', question 'steps' (in p1, p2), attribute relevant:"

# warnings: printed on stderr, FILE:LINE: warning: ..., exit 0; --strict
# makes them fail; --quiet keeps them
w="$FIXTURES/warn-template.xml"
status=0
"$SACL" validate "$w" >"$TMPDIR_T/out" 2>"$TMPDIR_T/err" || status=$?
[ "$status" -eq 0 ] || fail "warnings exit $status, want 0"
expect_match "$(cat "$TMPDIR_T/out")" "valid (warn 1, 1 question, 4 warnings)"
[ "$(wc -l <"$TMPDIR_T/err")" -eq 4 ] || fail "want 4 warning lines: $(cat "$TMPDIR_T/err")"
expect_match "$(cat "$TMPDIR_T/err")" "$w:4: warning: template 'unused' is used by no provision"
expect_match "$(cat "$TMPDIR_T/err")" "$w:21: warning: section 's2' asks nothing"
status=0
"$SACL" validate --strict "$w" >/dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "--strict with warnings exit $status, want 1"
status=0
out=$("$SACL" validate --strict --quiet "$w" 2>&1) || status=$?
[ "$status" -eq 1 ] || fail "--strict --quiet exit $status, want 1"
expect_match "$out" "warning: question 'never' of template 'std'"
"$SACL" validate --strict "$FIXTURES/mini.xml" "$TOP_SRCDIR/data/uncac-chapter2.xml" \
	>/dev/null || fail "--strict refuses a checklist without warnings"
err=$("$SACL" validate "$TOP_SRCDIR/data/uncac-chapter2.xml" 2>&1 >/dev/null)
[ -z "$err" ] || fail "the bundled checklist has warnings: $err"

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

# Whitespace the schema collapses (a token, a name, a boolean) is
# collapsed for the builder too: type="single&#13;" is valid, and is a
# single choice (it crashed the loader: found by the definition fuzzer,
# tests/fuzz/regress/definition/token-whitespace-crash.xml).
tok=$(mktemp "${TMPDIR:-/tmp}/sacl-tok-XXXXXX.xml")
sed 's|type="single"|type="single\&#13;\&#9; "|; s|required="true"|required=" true\&#13;"|' \
    "$FIXTURES/mini.xml" >"$tok"
grep -q 'single&#13;' "$tok" || fail "token fixture not made"
"$SACL" validate "$tok" >/dev/null 2>&1 || fail "collapsed tokens refused"
"$SACL" info --list "$tok" 2>/dev/null | grep -q "single" ||
	fail "type not read as single: $("$SACL" info --list "$tok" 2>&1 | head -5)"
rm -f "$tok"
pass

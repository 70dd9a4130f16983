#!/bin/sh
# cli_diff.sh: `sacl diff OLD NEW [--format text|csv]` (issue 13): added,
# changed, removed per question with both values and the provision's
# number, as text (through the sanitizer) and as CSV (no cell starts a
# formula), checked against golden files; a response against its own
# package is equal (a file answer compares by name); two versions are
# compared by id with a header line; exit 0 equal, 1 differ, 2 error.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-diff.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM
cd "$DIR"
GOLD=$TOP_SRCDIR/tests/golden
export SACL_NOW=2026-12-01T10:00:00Z

printf 'the act\n' > act12.txt
"$SACL" set -c uncac-chapter2 old.xml front/state=AUT p5_1/status=full \
    p9_1/status=partial 'p9_1/challenges=coordination,other' \
    'p9_1/challenges:other=Elections soon' 'p9_1/measures[1]/title=Act 12' \
    'p9_1/measures[1]/file=act12.txt' 2>/dev/null
cp old.xml new.xml
cp -r old.xml.files new.xml.files
"$SACL" set new.xml p9_1/status=full 'p9_1/measures[2]/title==SUM(A1)' \
    "p9_1/examples=evil $(printf '\342\200\256')txt.exe" p5_1/status= \
    'p9_1/challenges:other=Elections and a budget' 2>/dev/null

st=0
"$SACL" diff old.xml new.xml > out.txt || st=$?
[ "$st" -eq 1 ] || fail "diff of differing files: exit $st, not 1"
diff -u "$GOLD/diff.txt" out.txt || fail "text output differs from golden"
grep -q "$(printf '\342\200\256')" out.txt &&
    fail "a bidi override reached the terminal"
expect_match "$(cat out.txt)" "evil <U+202E>txt.exe"
st=0
"$SACL" diff --format csv old.xml new.xml > out.csv || st=$?
[ "$st" -eq 1 ] || fail "diff --format csv: exit $st, not 1"
diff -u "$GOLD/diff.csv" out.csv || fail "CSV output differs from golden"
grep -q '^"added","9.1","p9_1/measures\[2\]/title","","'"'"'=SUM(A1)"' \
    out.csv || fail "a formula start was not neutralised"

# equal: a file with itself, a response with its own package
st=0
"$SACL" diff old.xml old.xml > same.txt || st=$?
[ "$st" -eq 0 ] || fail "diff of a file with itself: exit $st"
expect_match "$(cat same.txt)" "0 differences"
"$SACL" export --force -o old.xml.gz old.xml >/dev/null 2>&1
st=0
"$SACL" diff old.xml old.xml.gz > pk.txt || st=$?
[ "$st" -eq 0 ] || fail "a response and its package differ: $(cat pk.txt)"

# another version of the checklist: compared by id, said in a header
sed 's/id="uncac-chapter2" version="1.0"/id="uncac-chapter2" version="0.9"/' \
    "$TOP_SRCDIR/data/uncac-chapter2.xml" > old-def.xml
"$SACL" set -c ./old-def.xml v09.xml p9_1/status=none 2>/dev/null
st=0
"$SACL" diff v09.xml old.xml > v.txt || st=$?
[ "$st" -eq 1 ] || fail "versions: exit $st"
expect_match "$(head -1 v.txt)" "# different versions: OLD is uncac-chapter2 0.9, NEW is uncac-chapter2 1.0; compared by question id"
expect_match "$(cat v.txt)" "changed  9.1 p9_1/status"

# errors: exit 2
st=0
"$SACL" diff old.xml missing.xml 2>err || st=$?
[ "$st" -eq 2 ] || fail "a missing file: exit $st, not 2"
printf 'not xml' > bad.xml
st=0
"$SACL" diff bad.xml old.xml 2>err || st=$?
[ "$st" -eq 2 ] || fail "a damaged file: exit $st, not 2"
printf 'junk' | gzip > bad.xml.gz
st=0
"$SACL" diff bad.xml.gz old.xml 2>err || st=$?
[ "$st" -eq 2 ] || fail "a damaged package: exit $st, not 2"
st=0
"$SACL" diff --format html old.xml new.xml 2>err || st=$?
[ "$st" -eq 2 ] || fail "an unknown format: exit $st, not 2"
pass

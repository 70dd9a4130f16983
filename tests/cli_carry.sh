#!/bin/sh
# cli_carry.sh: carrying the last cycle forward (issue 13) from a package
# of an OLDER version of the checklist (made here from the bundled one:
# another version, a question dropped, a choice renamed, a question's id
# changed): answers matched by id are taken and marked review=
# "last-cycle"; values that no longer fit are listed, never dropped
# silently; an attachment comes from the package's bytes, under a name
# reduced to its last component; a response with answers is refused;
# any change through set ends the mark. `set --from-last` is the
# command-line form of `fill --from`.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-carry.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM
cd "$DIR"
export SACL_NOW=2026-12-01T10:00:00Z

# the older version: 0.9, "timeline" not asked yet, "coordination" was
# "agencies", "examples" was "cases"
python3 - "$TOP_SRCDIR/data/uncac-chapter2.xml" old-def.xml <<'PY' ||
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace('id="uncac-chapter2" version="1.0"',
              'id="uncac-chapter2" version="0.9"', 1)
s = s.replace('<choice value="coordination">', '<choice value="agencies">', 1)
s = re.sub(r'\s*<question id="timeline".*?</question>', '', s, count=1,
           flags=re.S)
s = s.replace('<question id="examples" role="examples"',
              '<question id="cases" role="examples"', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
    skip "python3 is needed to make the older definition"
"$SACL" validate old-def.xml >/dev/null || fail "the older definition"
grep -q 'id="timeline"' old-def.xml && fail "timeline not dropped"

mkdir src
printf 'the act\n' > src/act12.txt
"$SACL" set -c ./old-def.xml last.xml front/state=AUT p5_1/status=full \
    p9_1/status=partial 'p9_1/challenges=agencies,other' \
    'p9_1/challenges:other=Elections soon' p9_1/cases='Two cases' \
    'p9_1/measures[1]/title=Act 12' 'p9_1/measures[1]/file=src/act12.txt' \
    p9_1/steps='Draft a law' 2>/dev/null
"$SACL" export --force -o last.xml.gz last.xml >/dev/null 2>&1
rm -rf last.xml.files src # the bytes now live only in the package

st=0
"$SACL" set --from-last last.xml.gz new.xml 2>err || st=$?
[ "$st" -eq 0 ] || fail "carry from an older package: exit $st: $(cat err)"
out=$("$SACL" get new.xml)
expect_match "$out" "front/state=AUT"
expect_match "$out" "p9_1/status=partial"
expect_match "$out" "p9_1/steps=Draft a law"
expect_match "$out" "p9_1/measures[1]/title=Act 12"
expect_match "$out" "p9_1/measures[1]/file=new.xml.files/act12.txt"
cmp -s new.xml.files/act12.txt - <<'X' || fail "attachment not copied in"
the act
X
echo "$out" | grep -q "agencies" && fail "an unknown choice was taken"
# what did not fit is listed, with the reason
e=$(cat err)
expect_match "$e" "not carried forward: p9_1/challenges = \"agencies other (other: Elections soon)\": 'agencies' is not one of the choices"
expect_match "$e" "not carried forward: p9_1/cases = \"Two cases\": no such question in uncac-chapter2 version 1.0"
expect_match "$e" "(uncac-chapter2 0.9)"
# the marks
n=$(grep -c 'review="last-cycle"' new.xml)
[ "$n" -eq 5 ] || fail "$n answers marked to review, not 5"
grep -q '<measures review="last-cycle">' new.xml || fail "repeat not marked"
"$SACL" set new.xml p9_1/status=full
n=$(grep -c 'review="last-cycle"' new.xml)
[ "$n" -eq 4 ] || fail "$n marks after a change, not 4"
"$SACL" set new.xml 'p9_1/measures[1]/reference=s. 3'
grep -q '<measures review="last-cycle">' new.xml &&
    fail "a changed entry keeps its repeat's mark"

# a response with answers is refused, unchanged
cp new.xml before.xml
st=0
"$SACL" set --from-last last.xml.gz new.xml 2>err || st=$?
[ "$st" -eq 1 ] || fail "carry into a response with answers: exit $st"
expect_match "$(cat err)" "holds answers already"
cmp -s before.xml new.xml || fail "the refused response changed"

# from a response file: a file answer is not taken (no bytes), and said
"$SACL" set -c uncac-chapter2 prev.xml p5_1/status=none \
    'p9_1/measures[1]/title=Act' "p9_1/measures[1]/file=$DIR/before.xml" \
    2>/dev/null
"$SACL" set --from-last prev.xml fromresp.xml 2>err
expect_match "$(cat err)" "p9_1/measures[1]/file"
expect_match "$(cat err)" "carried only from a package"
expect_match "$("$SACL" get fromresp.xml p5_1/status)" "none"

# a hostile attachment name stays inside the attachment folder
gzip -dc last.xml.gz > p.xml
sed -i 's|name="act12.txt"|name="../../evil.txt"|; s|>act12.txt</file>|>../../evil.txt</file>|' p.xml
grep -q 'evil' p.xml || skip "package layout unknown"
gzip -nc p.xml > hostile.xml.gz
mkdir -p deep/er
st=0
"$SACL" set --from-last hostile.xml.gz deep/er/h.xml 2>err || st=$?
[ -e evil.txt ] || [ -e deep/evil.txt ] && fail "an attachment escaped"
if [ "$st" -eq 0 ]; then
	[ -f deep/er/h.xml.files/evil.txt ] || fail "attachment not confined"
fi

# another checklist's package is refused
sed 's/id="uncac-chapter2" version="1.0"/id="other-list" version="1.0"/' \
    "$TOP_SRCDIR/data/uncac-chapter2.xml" > other.xml
"$SACL" set -c ./other.xml o.xml p5_1/status=full 2>/dev/null
"$SACL" export --force -o o.xml.gz o.xml >/dev/null 2>&1
st=0
"$SACL" set --from-last o.xml.gz x.xml 2>err || st=$?
[ "$st" -ne 0 ] || fail "another checklist's package was carried"
[ -e x.xml ] && fail "a refused carry made a response"
pass

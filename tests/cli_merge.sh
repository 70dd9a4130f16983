#!/bin/sh
# cli_merge.sh: workshops on the command line (issue 13). Two agencies'
# contributions merged without and with a base: conflicts listed on
# stderr with each value and who gave it (exit 7), --prefer each way
# (exit 0), the same law cited by both once; export refuses a
# contribution and a merge with conflicts left; set refuses a value
# outside a contribution's scope; other checklists or versions, and OUT
# being an input, are refused; provenance goes through a second merge,
# export, --verify and import.
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-merge.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM
cd "$DIR"

# run CMD...: its exit status in $st, stderr in $err, stdout in $out.
run() {
	st=0
	"$@" >out.txt 2>err.txt || st=$?
	out=$(cat out.txt)
	err=$(cat err.txt)
}
# as AGENCY SCOPE FILE: make FILE a contribution (what fill --agency
# --sections records).
as() {
	sed -i "s|<response |<response agency=\"$1\" scope=\"$2\" |" "$3"
}

"$SACL" set --checklist uncac-chapter2 base.xml p9_1/status=partial \
    p11_1/status=partial 2>/dev/null || fail "base"
cp base.xml j.xml
"$SACL" set --checklist uncac-chapter2 b.xml p9_2/status=full 2>/dev/null ||
    fail "b"
as Justice "art9 art11" j.xml
as Bank "art9" b.xml
"$SACL" set j.xml p9_1/status=full 'p9_1/measures[1]/title=Procurement Act' \
    'p9_1/measures[1]/reference=No. 12' p11_1/status=full || fail "set j"
"$SACL" set b.xml p9_1/status=none 'p9_1/measures[1]/title=Audit Law' \
    'p9_1/measures[2]/title=Procurement Act' \
    'p9_1/measures[2]/reference=No. 12' \
    'p9_1/measures[2]/date=2019-03-01' || fail "set b"

# a contribution answers its scope only
run "$SACL" set b.xml p11_1/status=none
[ "$st" -eq 1 ] || fail "set outside the scope: exit $st"
expect_match "$err" "p11_1/status: outside this contribution's scope (articles 9): not set"
case $("$SACL" get b.xml p11_1/status) in
*none*) fail "set outside the scope changed the file" ;;
esac

# a contribution is not a submission
run "$SACL" export --force -o j.xml.gz j.xml
[ "$st" -eq 7 ] || fail "export of a contribution: exit $st"
expect_match "$err" "j.xml is a contribution of Justice (articles 9, 11), not a submission: merge it first (sacl merge)"
[ ! -e j.xml.gz ] || fail "export of a contribution wrote a package"

# without a base: every differing answer is a conflict, listed
run "$SACL" merge j.xml b.xml -o m.xml
[ "$st" -eq 7 ] || fail "merge with conflicts: exit $st: $err"
expect_match "$err" "sacl: conflict: p9_1/status (9.1, Status of implementation):"
expect_match "$err" "'full' from Justice, j.xml, "
expect_match "$err" "'none' from Bank, b.xml, "
expect_match "$err" "1 conflict left to settle"
grep -q '<status conflict="yes"/>' m.xml || fail "no conflict mark in m.xml"
grep -q '<candidate from-agency="Bank" from-file="b.xml"' m.xml ||
    fail "no candidate in m.xml"
# entries merged as entries: the act both cite once, with its date
run "$SACL" get m.xml p9_1/measures
[ "$(printf '%s\n' "$out" | grep -c '/title=')" -eq 2 ] ||
    fail "entries not merged as entries: $out"
expect_match "$out" "p9_1/measures[1]/title=Procurement Act"
expect_match "$out" "p9_1/measures[1]/date=2019-03-01"
expect_match "$out" "p9_1/measures[2]/title=Audit Law"
# p11_1 answered by Justice only: taken
[ "$("$SACL" get m.xml p11_1/status)" = "p11_1/status=full" ] ||
    fail "p11_1 not taken from j.xml"

# export refuses the conflicts, naming them
run "$SACL" export --force -o m.xml.gz m.xml
[ "$st" -eq 7 ] || fail "export with conflicts: exit $st"
expect_match "$err" "m.xml has 1 conflict to settle first"
expect_match "$err" "p9_1/status (2 values)"
[ ! -e m.xml.gz ] || fail "export with conflicts wrote a package"

# --prefer, each way
run "$SACL" merge j.xml b.xml -o pj.xml --prefer j.xml
[ "$st" -eq 0 ] || fail "--prefer j.xml: exit $st: $err"
[ "$("$SACL" get pj.xml p9_1/status)" = "p9_1/status=full" ] ||
    fail "--prefer j.xml did not take full"
expect_match "$err" "p9_1/status: took the value of j.xml (--prefer) over that of b.xml"
run "$SACL" merge j.xml b.xml -o pb.xml --prefer b.xml
[ "$st" -eq 0 ] || fail "--prefer b.xml: exit $st"
[ "$("$SACL" get pb.xml p9_1/status)" = "p9_1/status=none" ] ||
    fail "--prefer b.xml did not take none"
grep -q 'conflict' pb.xml && fail "pb.xml has conflict marks"

# with a base: changed in one input only is taken
cp base.xml h.xml
"$SACL" set h.xml p12_1/status=full || fail "set h"
run "$SACL" merge --base base.xml j.xml h.xml -o t.xml
[ "$st" -eq 0 ] || fail "three-way merge: exit $st: $err"
expect_match "$err" "t.xml: 2 files merged, no conflict"
[ "$("$SACL" get t.xml p9_1/status)" = "p9_1/status=full" ] ||
    fail "three-way: p9_1 not taken from j.xml"
[ "$("$SACL" get t.xml p12_1/status)" = "p12_1/status=full" ] ||
    fail "three-way: p12_1 not taken from h.xml"

# provenance through a second merge: the agency that gave it stays
as Health "art12" h.xml
run "$SACL" merge --base base.xml pj.xml h.xml -o m2.xml
[ "$st" -eq 0 ] || fail "second merge: exit $st: $err"
grep -q '<status from-agency="Justice" from-file="j.xml"' m2.xml ||
    fail "second merge lost the provenance of p9_1/status"
grep -q '<status from-agency="Health" from-file="h.xml"' m2.xml ||
    fail "second merge: no provenance for h.xml"

# ...through export, verify and import
run "$SACL" export --force -o p.xml.gz m2.xml
[ "$st" -eq 0 ] || fail "export of the merge: exit $st: $err"
gzip -dc p.xml.gz | grep -q 'from-agency="Justice" from-file="j.xml"' ||
    fail "the package lost the provenance"
run "$SACL" export --verify p.xml.gz
[ "$st" -eq 0 ] || fail "verify: exit $st: $err"
run "$SACL" import --db st.db p.xml.gz
[ "$st" -eq 0 ] || fail "import: exit $st: $err"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 st.db "SELECT writefile('back.xml.gz', bytes) FROM packages" \
	    >/dev/null || fail "sqlite3"
	gzip -dc back.xml.gz | grep -q 'from-agency="Justice"' ||
	    fail "the store lost the provenance"
fi

# a file attached in a contribution is copied beside OUT, checksum kept
mkdir sub
printf 'the act\n' > act.txt
"$SACL" set --checklist uncac-chapter2 sub/f.xml p9_1/status=full \
    'p9_1/measures[1]/title=Act' 'p9_1/measures[1]/file=act.txt' \
    2>/dev/null || fail "set sub/f.xml"
run "$SACL" merge sub/f.xml h.xml -o fm.xml --prefer sub/f.xml
[ "$st" -eq 0 ] || fail "merge with a file: exit $st: $err"
[ "$("$SACL" get fm.xml 'p9_1/measures[1]/file')" = \
    "p9_1/measures[1]/file=fm.xml.files/act.txt" ] ||
    fail "the file is not taken into fm.xml.files: $("$SACL" get fm.xml p9_1/measures)"
cmp -s fm.xml.files/act.txt act.txt || fail "fm.xml.files/act.txt differs"
run "$SACL" export --force -o fm.xml.gz fm.xml
[ "$st" -eq 0 ] || fail "export of a merge with a file: exit $st: $err"

# refusals: OUT an input, other checklists, other versions
run "$SACL" merge j.xml b.xml -o j.xml
[ "$st" -eq 2 ] || fail "OUT = input: exit $st"
expect_match "$err" "OUT is one of the files merged"
"$SACL" set --checklist "$FIXTURES/mini.xml" mini.xml p1_1/status=full \
    2>/dev/null || fail "set mini"
run "$SACL" merge j.xml mini.xml -o x.xml
[ "$st" -eq 1 ] || fail "other checklist: exit $st"
expect_match "$err" "mini.xml: a response to checklist 'mini', and j.xml is to 'uncac-chapter2'"
sed 's/checklist-version="1.0"/checklist-version="0.9"/' b.xml > old.xml
run "$SACL" merge j.xml old.xml -o x.xml
[ "$st" -eq 1 ] || fail "other version: exit $st: $err"
expect_match "$err" "version 0.9 of checklist uncac-chapter2"
[ ! -e x.xml ] || fail "a refused merge wrote OUT"
run "$SACL" merge m.xml b.xml -o x.xml
[ "$st" -eq 1 ] || fail "input with conflicts: exit $st"
expect_match "$err" "1 conflict left from an earlier merge"
pass

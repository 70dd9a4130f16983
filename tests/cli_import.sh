#!/bin/sh
# cli_import.sh: `sacl import` into a store, then read back with `sacl get
# --db`, `sacl attachments` and `sacl report --what submissions`. The
# packages are made here with `sacl set` + `sacl export`: three States, a
# re-submission, a duplicate, a conflict (same submission and revision,
# other bytes), one naming a checklist not registered, a truncated one,
# one whose answers hold an escape sequence, a bidi override and a
# spreadsheet formula. Exit statuses, the summary, the refusal lines, and
# that a refused package changes nothing.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
DB=$tmp/store.db
ESC=$(printf '\033')
CSI=$(printf '\302\233')    # U+009B, the one-character escape sequence
RLO=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE

# pkg NAME RESPONSE: export RESPONSE (forced: incomplete is fine) to NAME.
pkg() {
	"$SACL" export --force -o "$tmp/$1" "$2" >/dev/null 2>"$tmp/err" ||
		fail "export $1: $(cat "$tmp/err")"
}
# summary: the last line of the import's output.
summary() { tail -n 1 "$tmp/out"; }

C2=uncac-chapter2
expect 0 "$SACL" set -c $C2 "$tmp/aut.xml" front/state=AUT \
	p5_1/status=partial "p5_1/measures[1]/title=Act on prevention" \
	p5_1/ta_needed=yes p5_1/ta_forms=legal-advice,drafting
pkg aut1.xml.gz "$tmp/aut.xml"
# the twin: the same submission id, its revision put back to export 1 again
sed 's/revision="1"/revision="0"/' "$tmp/aut.xml" >"$tmp/aut-twin.xml"
expect 0 "$SACL" set "$tmp/aut.xml" p5_2/status=full
pkg aut2.xml.gz "$tmp/aut.xml"
expect 0 "$SACL" set "$tmp/aut-twin.xml" p5_2/status=none
pkg conflict.xml.gz "$tmp/aut-twin.xml"
expect 0 "$SACL" set -c $C2 "$tmp/fra.xml" front/state=FRA p5_1/status=full
pkg fra1.xml.gz "$tmp/fra.xml"
expect 0 "$SACL" set -c $C2 "$tmp/gha.xml" front/state=GHA \
	'front/fp_name==HYPERLINK("http://evil.example/","click")' \
	"p5_1/measures[1]/title=Red law ${RLO}txet" p5_1/status=partial
pkg gha1.xml.gz "$tmp/gha.xml"
# escape sequences cannot be typed into an answer (the model refuses
# controls; XML refuses ESC): put CSI in a package by hand
gzip -dc "$tmp/gha1.xml.gz" | sed "s/Red law/Red ${CSI}31mlaw/" |
	gzip -n >"$tmp/csi.xml.gz"
cp "$tmp/aut1.xml.gz" "$tmp/dup.xml.gz"
head -c 300 "$tmp/fra1.xml.gz" >"$tmp/trunc.xml.gz"

# A checklist of our own, not bundled: refused until registered.
MINI=$tmp/mini.xml
cat >"$MINI" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<checklist xmlns="urn:x-sacl:checklist:1" id="mini-store" version="3"
           languages="en" xml:lang="en">
  <title>Mini</title>
  <front id="front">
    <title>Front</title>
    <question id="state" type="single" required="true">
      <label>State</label>
      <choice value="NOR"><label>Norway</label></choice>
    </question>
  </front>
  <section id="art1" number="1">
    <title>One</title>
    <provision id="p1" number="1.1" level="mandatory">
      <title>P</title>
      <question id="law" type="file"><label>Law</label></question>
    </provision>
  </section>
</checklist>
XML
mkdir "$tmp/work"
printf 'The law.\n' >"$tmp/work/law.txt"
expect 0 "$SACL" set --checklist "$MINI" "$tmp/work/nor.xml" front/state=NOR \
	"p1/law=$tmp/work/law.txt"
expect 0 "$SACL" export --checklist "$MINI" -o "$tmp/nor.xml.gz" \
	"$tmp/work/nor.xml"

# First import: 4 stored (AUT r1, FRA, GHA, then AUT r2 supersedes r1),
# the duplicate already stored, conflict, truncated and unknown refused.
expect 1 "$SACL" import --db "$DB" "$tmp/aut1.xml.gz" "$tmp/fra1.xml.gz" \
	"$tmp/gha1.xml.gz" "$tmp/aut2.xml.gz" "$tmp/dup.xml.gz" \
	"$tmp/conflict.xml.gz" "$tmp/trunc.xml.gz" "$tmp/nor.xml.gz" \
	"$tmp/csi.xml.gz"
[ "$(summary)" = "3 stored, 1 already stored, 1 superseding, 4 refused" ] ||
	fail "summary: $(cat "$tmp/out")"
has "$tmp/err" "conflict.xml.gz: conflict: submission"
has "$tmp/err" "csi.xml.gz:37: p5_1/measures[1]/title: one line, without control"
! grep -q "$CSI" "$tmp/err" || fail "a CSI reached the terminal"
has "$tmp/err" "trunc.xml.gz: truncated gzip stream"
has "$tmp/err" "nor.xml.gz: unknown checklist 'mini-store' version '3'"
has "$tmp/err" "sacl import --db STORE --checklist FILE"
[ "$(wc -l <"$tmp/err")" -eq 4 ] || fail "one line per refusal: $(cat "$tmp/err")"
[ -f "$DB" ] || fail "no store made"
[ "$(stat -c %a "$DB")" = 600 ] || fail "the store is not private"

# Same bytes again: nothing changes; exit 0.
expect 0 "$SACL" import --db "$DB" "$tmp/aut1.xml.gz" "$tmp/fra1.xml.gz"
[ "$(summary)" = "0 stored, 2 already stored, 0 superseding, 0 refused" ] ||
	fail "again: $(cat "$tmp/out")"

# Register the definition, then its package goes in.
expect 0 "$SACL" import --db "$DB" --checklist "$MINI" "$tmp/nor.xml.gz"
has "$tmp/out" "checklist registered"
[ "$(summary)" = "1 stored, 0 already stored, 0 superseding, 0 refused" ] ||
	fail "registered: $(cat "$tmp/out")"
expect 0 "$SACL" import --db "$DB" --checklist "$MINI"
has "$tmp/out" "checklist already registered"
sed 's/<title>P</<title>Q</' "$MINI" >"$tmp/mini-other.xml"
expect 1 "$SACL" import --db "$DB" --checklist "$tmp/mini-other.xml"
has "$tmp/err" "conflict: checklist 'mini-store' version '3'"

# The submissions report: 5 stored (AUT twice), AUT r1 superseded.
expect 0 "$SACL" report --db "$DB" --what submissions --format csv
[ "$(grep -c '"superseded"' "$tmp/out")" -eq 1 ] ||
	fail "one superseded: $(cat "$tmp/out")"
[ "$(grep -c '"current"' "$tmp/out")" -eq 4 ] ||
	fail "four current: $(cat "$tmp/out")"

# Reading back: the same answers as the package file gives.
id=$(gzip -dc "$tmp/aut2.xml.gz" | sed -n 's/.*<submission id="\([^"]*\)".*/\1/p')
[ -n "$id" ] || fail "no submission id"
expect 0 "$SACL" get "$tmp/aut2.xml.gz"
cp "$tmp/out" "$tmp/from-file"
has "$tmp/from-file" "p5_2/status=full"
expect 0 "$SACL" get --db "$DB" "$id"
cmp -s "$tmp/out" "$tmp/from-file" || fail "get --db differs from the file"
expect 0 "$SACL" get --db "$DB" "$id:1" p5_2/status
has "$tmp/out" "p5_2/status="
! grep -q "p5_2/status=full" "$tmp/out" || fail "revision 1 is not revision 2"
expect 0 "$SACL" get --db "$DB" "$(echo "$id" | cut -c1-8)" p5_2/status
has "$tmp/out" "p5_2/status=full"
expect 1 "$SACL" get --db "$DB" 00000000-0000
has "$tmp/err" "not in the store"
expect 3 "$SACL" get --db "$tmp/nosuch.db" "$id"

# Attachments: from the store and from the file, never over a file.
mkdir "$tmp/att"
nid=$(gzip -dc "$tmp/nor.xml.gz" | sed -n 's/.*<submission id="\([^"]*\)".*/\1/p')
expect 0 "$SACL" attachments --db "$DB" -o "$tmp/att" "$nid"
cmp -s "$tmp/att/law.txt" "$tmp/work/law.txt" || fail "law.txt from the store"
expect 0 "$SACL" attachments --checklist "$MINI" -o "$tmp/att" "$tmp/nor.xml.gz"
cmp -s "$tmp/att/law-2.txt" "$tmp/work/law.txt" || fail "law-2.txt not made"
has "$tmp/out" "law-2.txt"
# A name with an escape and a path: a harmless name in the folder.
gzip -dc "$tmp/nor.xml.gz" |
	sed "s|law.txt|../.x${RLO}t.txt|g" | gzip -n >"$tmp/evil.xml.gz"
expect 0 "$SACL" attachments --checklist "$MINI" -o "$tmp/att" "$tmp/evil.xml.gz"
ls "$tmp/att" >"$tmp/names"
has "$tmp/names" "_x_U+202E_t.txt"
! grep -q "$RLO" "$tmp/names" || fail "a bidi override in a file name"
! grep -q "$RLO" "$tmp/out" || fail "a bidi override printed"
[ "$(ls "$tmp/att" | wc -l)" -eq 3 ] || fail "not 3 files: $(ls "$tmp/att")"
[ -z "$(ls -A "$tmp" | grep '^\.x')" ] || fail "written outside the folder"
expect 2 "$SACL" attachments "$tmp/nor.xml.gz"

# Untrusted text: no bidi override reaches the terminal.
expect 0 "$SACL" get --db "$DB" "$(gzip -dc "$tmp/gha1.xml.gz" |
	sed -n 's/.*<submission id="\([^"]*\)".*/\1/p')"
! grep -q "$RLO" "$tmp/out" || fail "a bidi override reached get"
has "$tmp/out" 'Red law \u202Etxet'

# The package with CSI alone: refused or stored, its text never reaches
# the terminal raw.
expect_csi_safe() {
	! grep -q "$CSI" "$tmp/out" "$tmp/err" || fail "a CSI reached: $*"
}
"$SACL" import --db "$tmp/csi.db" "$tmp/csi.xml.gz" >"$tmp/out" 2>"$tmp/err"
expect_csi_safe import
if grep -q "1 stored" "$tmp/out"; then
	"$SACL" get --db "$tmp/csi.db" "$(gzip -dc "$tmp/gha1.xml.gz" |
		sed -n 's/.*<submission id="\([^"]*\)".*/\1/p')" \
		>"$tmp/out" 2>"$tmp/err"
	expect_csi_safe get
	has "$tmp/out" '\u009B31mlaw'
fi

# Usage.
expect 2 "$SACL" import "$tmp/aut1.xml.gz"
expect 2 "$SACL" import --db "$DB"
expect 0 "$SACL" import --help
has "$tmp/out" "--checklist"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
exit 0

#!/bin/sh
# cli_report.sh: `sacl report` over a store of packages made here (three
# States, one re-submission, untrusted text: a spreadsheet formula, a
# bidi override), each report checked for content in every format: text
# fitted to $COLUMNS and sanitised, CSV parsed (RFC 4180, formulas
# neutralised), HTML parsed and queried with xmllint --html --xpath.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
DB=$tmp/store.db
RLO=$(printf '\342\200\256')
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}

pkg() {
	"$SACL" export --force -o "$tmp/$1" "$2" >/dev/null 2>"$tmp/err" ||
		fail "export $1: $(cat "$tmp/err")"
}
# xpath FILE EXPR: the string value of EXPR in the HTML FILE.
xpath() {
	"$XMLLINT" --html --xpath "$2" "$1" 2>/dev/null
}
# csv_field FILE ROW COL: field COL of record ROW of the CSV FILE, parsed
# as RFC 4180 says (quoted fields, doubled quotes, CRLF; no newline in a
# field here).
csv_field() {
	awk -v r="$2" -v c="$3" 'NR == r {
		sub(/\r$/, ""); n = 0; f = ""; q = 0
		for (i = 1; i <= length($0); i++) {
			ch = substr($0, i, 1)
			if (q && ch == "\"" && substr($0, i + 1, 1) == "\"") { f = f ch; i++ }
			else if (ch == "\"") q = !q
			else if (!q && ch == ",") { if (++n == c) break; f = "" }
			else f = f ch
		}
		if (n == c - 1 || n == c) print f
	}' "$1"
}

C2=uncac-chapter2
expect 0 "$SACL" set -c $C2 "$tmp/aut.xml" front/state=AUT p5_1/status=partial \
	p5_1/ta_needed=yes p5_1/ta_forms=legal-advice,drafting \
	p5_1/challenges=coordination,resources p5_1/good_practice=yes \
	"p5_1/good_practice_text=Asset declarations online" \
	"p5_1/measures[1]/title=Act on prevention" \
	"p5_1/measures[1]/reference=BGBl 1/2020"
pkg aut1.xml.gz "$tmp/aut.xml"
expect 0 "$SACL" set "$tmp/aut.xml" p5_2/status=full
pkg aut2.xml.gz "$tmp/aut.xml"
expect 0 "$SACL" set -c $C2 "$tmp/fra.xml" front/state=FRA p5_1/status=full \
	p5_1/ta_needed=yes p5_1/ta_forms=drafting p5_1/challenges=resources \
	"p6_3/authority_name=Agence anticorruption" \
	"p6_3/authority_address=23 avenue d'Italie, 75013 Paris" \
	"p6_3/authority_contact=+33 1 00 00 00 00"
pkg fra1.xml.gz "$tmp/fra.xml"
expect 0 "$SACL" set -c $C2 "$tmp/gha.xml" front/state=GHA p5_1/status=partial \
	'front/fp_name==HYPERLINK("http://evil.example/","click")' \
	"p5_1/steps=-2+3 ${RLO}txet" p5_1/good_practice=yes \
	'p5_1/good_practice_text=@SUM(A1:A9)' \
	'p6_3/authority_name==HYPERLINK("http://evil.example/","Office")'
pkg gha1.xml.gz "$tmp/gha.xml"
expect 0 "$SACL" import --db "$DB" "$tmp/aut1.xml.gz" "$tmp/aut2.xml.gz" \
	"$tmp/fra1.xml.gz" "$tmp/gha1.xml.gz"
has "$tmp/out" "3 stored, 0 already stored, 1 superseding, 0 refused"

# ------------------------------------------------------------ submissions
expect 0 "$SACL" report --db "$DB" --what submissions
has "$tmp/out" "4 submissions, 3 current, 1 superseded."
has "$tmp/out" "superseded"
# fitted: columns cut at 120; records (Column: value) at 60
for w in 120 60; do
	COLUMNS=$w "$SACL" report --db "$DB" --what submissions >"$tmp/w$w" ||
		fail "report at $w columns"
	awk -v w=$w 'length($0) > w { bad = 1 } END { exit bad }' "$tmp/w$w" ||
		fail "text wider than $w: $(cat "$tmp/w$w")"
done
grep -q '^State  .*Status$' "$tmp/w120" || fail "no table at 120: $(cat "$tmp/w120")"
has "$tmp/w120" "~"
grep -q '^Status *: superseded$' "$tmp/w60" || fail "no records at 60: $(cat "$tmp/w60")"
expect 0 "$SACL" report --db "$DB" --what submissions --state FRA,GHA --format csv
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "header + 2 rows: $(cat "$tmp/out")"
[ "$(csv_field "$tmp/out" 1 1)" = State ] || fail "CSV header: $(head -1 "$tmp/out")"
[ "$(csv_field "$tmp/out" 2 2)" = FRA ] || fail "CSV row: $(cat "$tmp/out")"
grep -q "$(printf '\r')$" "$tmp/out" || fail "CSV lines do not end in CRLF"
expect 0 "$SACL" report --db "$DB" --what submissions --format html -o "$tmp/s.html"
[ ! -s "$tmp/out" ] || fail "-o wrote to standard output"
if [ -n "$XMLLINT" ]; then
	[ "$(xpath "$tmp/s.html" 'count(//table/tbody/tr)')" = 4 ] ||
		fail "HTML rows: $(cat "$tmp/s.html")"
	[ "$(xpath "$tmp/s.html" 'string(//tbody/tr[1]/td[9])')" = superseded ] ||
		fail "HTML superseded"
	[ "$(xpath "$tmp/s.html" 'count(//script|//link|//*[@src])')" = 0 ] ||
		fail "HTML not self-contained"
	xpath "$tmp/s.html" '//style' | grep -q print-color-adjust ||
		fail "HTML has no print CSS"
fi
expect 0 "$SACL" report --db "$DB" --what submissions --checklist nosuch
has "$tmp/out" "0 submissions"

# ------------------------------------------------------------ status
expect 0 "$SACL" report --db "$DB" --what status --provision 5.1,5.2
has "$tmp/out" "Status by provision"
grep -q '^5\.1 .* 1 *2 *0 *0 *0 *3$' "$tmp/out" || fail "5.1 counts: $(cat "$tmp/out")"
grep -q '^Austria (AUT) *1 *1 *0 *0 *0 *2$' "$tmp/out" || fail "AUT counts: $(cat "$tmp/out")"
has "$tmp/out" "Ghana"
expect 0 "$SACL" report --db "$DB" --what status --format csv --state GHA
[ "$(csv_field "$tmp/out" 2 4)" = "Adopted in part / partly implemented" ] || fail "GHA 5.1 in CSV: $(head -3 "$tmp/out")"
[ "$(csv_field "$tmp/out" 2 3)" = "5.1" ] || fail "CSV provision"
expect 0 "$SACL" report --db "$DB" --what status --format html -o "$tmp/st.html"
if [ -n "$XMLLINT" ]; then
	[ "$(xpath "$tmp/st.html" 'string(//tr[@id="state-AUT"]/td[1]/@class)')" = st1 ] ||
		fail "AUT 5.1 is not partly implemented in the grid"
	[ "$(xpath "$tmp/st.html" 'string(//tr[@id="state-FRA"]/td[1]/@class)')" = st0 ] ||
		fail "FRA 5.1 is not fully implemented in the grid"
	[ "$(xpath "$tmp/st.html" 'count(//ul[@class="legend"]/li)')" = 5 ] ||
		fail "legend"
	[ "$(xpath "$tmp/st.html" 'count(//nav//a[@href="#state-GHA"])')" = 1 ] ||
		fail "index of States"
fi

# ------------------------------------------------------------ assistance, challenges
expect 0 "$SACL" report --db "$DB" --what assistance
grep -q '^Legislative drafting *2 *Austria (AUT), France (FRA)$' "$tmp/out" ||
	fail "assistance: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what assistance --format html -o "$tmp/ta.html"
expect 0 "$SACL" report --db "$DB" --what challenges --format csv
grep -q '"Limited resources for implementation"' "$tmp/out" || fail "challenges CSV"
[ "$(grep -c Limited "$tmp/out")" -eq 2 ] || fail "two rows of resources: $(cat "$tmp/out")"
if [ -n "$XMLLINT" ]; then
	[ "$(xpath "$tmp/ta.html" 'count(//svg/rect)')" = 2 ] || fail "assistance chart"
fi

# ------------------------------------------------------------ practices, measures
expect 0 "$SACL" report --db "$DB" --what practices --format csv
[ "$(csv_field "$tmp/out" 2 4)" = "Asset declarations online" ] || fail "practices: $(cat "$tmp/out")"
# a formula from a package is text: neutralised in its one place
[ "$(csv_field "$tmp/out" 3 4)" = "'@SUM(A1:A9)" ] || fail "formula not neutralised: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what practices
! grep -q "$RLO" "$tmp/out" || fail "bidi override on the terminal"
expect 0 "$SACL" report --db "$DB" --what measures
grep -q 'Act on prevention *BGBl 1/2020' "$tmp/out" || fail "measures: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what measures --format html -o "$tmp/m.html"
if [ -n "$XMLLINT" ]; then
	[ "$(xpath "$tmp/m.html" 'string(//tbody/tr[1]/td[4])')" = "BGBl 1/2020" ] ||
		fail "measures HTML"
fi

# ------------------------------------------------------------ authorities
expect 0 "$SACL" report --db "$DB" --what authorities
grep -q '^France (FRA) .*Agence anticorruption' "$tmp/out" ||
	fail "authorities: $(cat "$tmp/out")"
has "$tmp/out" "75013 Paris"
! grep -q 'Austria' "$tmp/out" || fail "AUT gave no authority: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what authorities --format csv
[ "$(csv_field "$tmp/out" 1 4)" = Authority ] || fail "CSV head: $(head -1 "$tmp/out")"
[ "$(csv_field "$tmp/out" 2 2)" = FRA ] || fail "CSV FRA first: $(cat "$tmp/out")"
[ "$(csv_field "$tmp/out" 2 3)" = "6.3 Authority that can assist other States" ] ||
	fail "CSV provision: $(cat "$tmp/out")"
[ "$(csv_field "$tmp/out" 2 6)" = "'+33 1 00 00 00 00" ] ||
	fail "CSV contact: $(cat "$tmp/out")"
[ "$(csv_field "$tmp/out" 3 4)" = "'=HYPERLINK(\"http://evil.example/\",\"Office\")" ] ||
	fail "formula not neutralised: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what authorities --format html -o "$tmp/au.html"
if [ -n "$XMLLINT" ]; then
	[ "$(xpath "$tmp/au.html" 'string(//tbody/tr[1]/td[4])')" = "23 avenue d'Italie, 75013 Paris" ] ||
		fail "authorities HTML: $(cat "$tmp/au.html")"
	[ "$(xpath "$tmp/au.html" 'count(//tbody/tr)')" = 2 ] || fail "authorities HTML rows"
fi

# ------------------------------------------------------------ not relevant
# A provision asked only with consent: SEN (no consent) has it "not
# relevant", CAN (consent, no status) "not answered"; the package leaves
# both out, and the import records which was which.
AR=$tmp/ar.xml
sed -e 's|version="0.3"|version="0.3-nr"|' \
	-e "s|<provision id=\"p52_1\" |<provision id=\"p52_1\" relevant=\"/response/front/consent = 'yes'\" |" \
	"$TOP_SRCDIR/tests/fixtures/asset-recovery.xml" >"$AR"
grep -q 'p52_1" relevant' "$AR" || fail "fixture not changed"
expect 0 "$SACL" set -c "$AR" "$tmp/sen.xml" front/state=SEN front/consent=no \
	p52_2a/status=full
expect 0 "$SACL" set -c "$AR" "$tmp/can.xml" front/state=CAN front/consent=yes \
	p52_2a/status=partial
for st in sen can; do
	expect 0 "$SACL" export --force --checklist "$AR" -o "$tmp/$st.xml.gz" "$tmp/$st.xml"
done
expect 0 "$SACL" import --db "$DB" --checklist "$AR" "$tmp/sen.xml.gz" "$tmp/can.xml.gz"
expect 0 "$SACL" report --db "$DB" --what status --checklist asset-recovery \
	--provision 52.1 --format csv
grep -q '^"Senegal (SEN)","SEN","52\.1","Not relevant"' "$tmp/out" ||
	fail "SEN 52.1 is not 'not relevant': $(cat "$tmp/out")"
grep -q '^"Canada (CAN)","CAN","52\.1","Not answered"' "$tmp/out" ||
	fail "CAN 52.1 is not 'not answered': $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what status --checklist asset-recovery --provision 52.1
grep -q '^52\.1 .* 0 *0 *0 *1 *1 *2$' "$tmp/out" || fail "52.1 counts: $(cat "$tmp/out")"
[ "$(sqlite3 "$DB" 'PRAGMA user_version' 2>/dev/null || echo 3)" = 3 ] ||
	fail "schema version"

# ------------------------------------------------------------ usage
expect 2 "$SACL" report --what submissions
expect 2 "$SACL" report --db "$DB"
expect 2 "$SACL" report --db "$DB" --what submissions --format pdf
expect 1 "$SACL" report --db "$DB" --what nothing
has "$tmp/err" "no report 'nothing'"
expect 3 "$SACL" report --db "$tmp/nosuch.db" --what submissions
has "$tmp/err" "no such store"
[ ! -e "$tmp/nosuch.db" ] || fail "a report made a store"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
[ -n "$XMLLINT" ] || { echo "SKIP: no xmllint: HTML not checked" >&2; exit 77; }
exit 0

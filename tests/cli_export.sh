#!/bin/sh
# cli_export.sh: `sacl export` and `sacl export --verify` end to end:
# an incomplete response refused (exit 5, the list on stderr), the same
# forced, a complete one exported by default name (with the revision)
# with an attachment,
# the package checked with xmllint against data/response.xsd, the
# revision growing, the submission id kept, damaged packages refused, and
# what the checklist does not ask left out and named.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
XSD=$TOP_SRCDIR/data/response.xsd
export SACL_NOW=2026-11-30T12:00:00Z

# xmllint is in libxml2-utils: without it the schema checks are skipped,
# the rest runs, and a pass is reported as a skip (77).
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
schema_ok() {
	[ -n "$XMLLINT" ] || return 0
	gzip -dc "$1" | "$XMLLINT" --noout --schema "$XSD" - 2>"$tmp/lint" ||
		fail "$1 does not validate: $(cat "$tmp/lint")"
}

# The bundled checklist: a new response is far from complete.
R=$tmp/answers.xml
expect 0 "$SACL" set -c uncac-chapter2 "$R" front/state=AUT p5_1/status=partial
expect 5 "$SACL" export -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "not complete"
has "$tmp/err" "front/fp_name: missing: required"
has "$tmp/err" "use --force"
[ ! -e "$tmp/p.xml.gz" ] || fail "an incomplete package was written"

# Forced: written, marked incomplete, valid, readable.
expect 0 "$SACL" export --force -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "exported anyway"
gzip -t "$tmp/p.xml.gz" || fail "not gzip"
schema_ok "$tmp/p.xml.gz"
gzip -dc "$tmp/p.xml.gz" >"$tmp/p.xml"
has "$tmp/p.xml" 'complete="false"'
has "$tmp/p.xml" '<state code="AUT">'
expect 0 "$SACL" export --verify "$tmp/p.xml.gz"
has "$tmp/out" "ok: checklist uncac-chapter2"
has "$tmp/out" "incomplete"
has "$R" 'revision="1"'

# What the checklist does not ask (an answer from another version, a
# hand edit) is left out of the package, and named; the response keeps it.
sed -e 's|<fp_name/>|<fp_name/><fp_fax>+33 1</fp_fax>|' \
    -e 's|<state>AUT</state>|<state>AUT</state>note by hand|' "$R" >"$tmp/s.xml"
for i in 1 2 3 4 5 6; do
	sed -i "s|</p5_1>|<old$i>x</old$i></p5_1>|" "$tmp/s.xml"
done
expect 0 "$SACL" export --force -o "$tmp/s.xml.gz" "$tmp/s.xml"
has "$tmp/err" "s.xml: 8 elements the checklist does not ask were left out of the package: front/text(), front/fp_fax, p5_1/old1, p5_1/old2, p5_1/old3, ..."
gzip -dc "$tmp/s.xml.gz" >"$tmp/s-pkg.xml"
! grep -q -e fp_fax -e old1 -e 'note by hand' "$tmp/s-pkg.xml" ||
	fail "left out, yet in the package"
schema_ok "$tmp/s.xml.gz"
has "$tmp/s.xml" "<fp_fax>+33 1</fp_fax>"
expect 0 "$SACL" export --force -o "$tmp/p2.xml.gz" "$R"
! grep -q "does not ask" "$tmp/err" || fail "strays named: $(cat "$tmp/err")"

# A small checklist, answered in full, with an attached file.
C=$tmp/mini.xml
cat >"$C" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<checklist xmlns="urn:x-sacl:checklist:1" id="mini" version="2"
           languages="en" xml:lang="en">
  <title>Mini</title>
  <front id="front">
    <title>Front</title>
    <question id="state" role="state" type="single" required="true">
      <label>State</label>
      <choice value="FRA"><label>France</label></choice>
    </question>
    <question id="consent" role="consent" type="boolean" required="true">
      <label>Consent</label>
    </question>
  </front>
  <section id="art1" number="1">
    <title>One</title>
    <provision id="p1" number="1.1" level="mandatory">
      <title>P</title>
      <question id="status" type="single" required="true">
        <label>Status</label>
        <choice value="full"><label>Full</label></choice>
      </question>
      <question id="law" type="file"><label>Law</label></question>
    </provision>
  </section>
</checklist>
XML
M=$tmp/work/mini-answers.xml
mkdir "$tmp/work" "$tmp/outdir"
printf 'The law, article 1.\n' >"$tmp/work/law.txt"
expect 0 "$SACL" set --checklist "$C" "$M" front/state=FRA \
	front/consent=no p1/status=full "p1/law=$tmp/work/law.txt"
(cd "$tmp/outdir" && "$SACL" export --checklist "$C" "$M") \
	>"$tmp/out" 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
P=$tmp/outdir/FRA_mini_2_2026-11-30_r1.xml.gz
[ "$(cat "$tmp/out")" = FRA_mini_2_2026-11-30_r1.xml.gz ] ||
	fail "default name: $(cat "$tmp/out")"
[ -s "$P" ] || fail "no $P"
schema_ok "$P"
gzip -dc "$P" >"$tmp/m.xml"
has "$tmp/m.xml" 'complete="true"'
has "$tmp/m.xml" '<consent-to-publish>no</consent-to-publish>'
has "$tmp/m.xml" 'name="law.txt" media-type="text/plain" size="20"'
has "$tmp/m.xml" '<law>law.txt</law>'
# the response remembers where its definition lies; the package does not
has "$M" 'checklist-source="'
! grep -q 'checklist-source' "$tmp/m.xml" || fail "the package names a local path"
has "$tmp/m.xml" '<exported>2026-11-30T12:00:00Z</exported>'
expect 0 "$SACL" export --verify --checklist "$C" "$P"
has "$tmp/out" "complete, 3/3 required answered, 1 attachment"

# Re-export: the same submission id, the next revision.
id1=$(sed -n 's/.*<submission id="\([^"]*\)".*/\1/p' "$tmp/m.xml")
expect 0 "$SACL" export --checklist "$C" -o "$tmp/again.xml.gz" "$M"
gzip -dc "$tmp/again.xml.gz" >"$tmp/again.xml"
has "$tmp/again.xml" "<submission id=\"$id1\" revision=\"2\"/>"
has "$M" 'revision="2"'

# Standard output.
"$SACL" export --checklist "$C" -o - "$M" >"$tmp/stdout.gz" 2>"$tmp/err" ||
	fail "export -o -: $(cat "$tmp/err")"
gzip -dc "$tmp/stdout.gz" | grep -q 'revision="3"' || fail "stdout package"

# Refusals: each one line naming the file.
head -c 100 "$P" >"$tmp/trunc.xml.gz"
expect 1 "$SACL" export --verify --checklist "$C" "$tmp/trunc.xml.gz"
has "$tmp/err" "trunc.xml.gz: truncated gzip stream"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "more than one line: $(cat "$tmp/err")"
{ cat "$P"; printf 'junk'; } >"$tmp/trail.xml.gz"
expect 1 "$SACL" export --verify --checklist "$C" "$tmp/trail.xml.gz"
has "$tmp/err" "trailing data"
expect 1 "$SACL" export --verify --checklist "$C" "$tmp/m.xml"
has "$tmp/err" "not a gzip file"
expect 0 "$SACL" export --verify --plain --checklist "$C" "$tmp/m.xml"
sed 's/<status>full</<status>half</' "$tmp/m.xml" | gzip -n >"$tmp/bad.xml.gz"
expect 1 "$SACL" export --verify --checklist "$C" "$tmp/bad.xml.gz"
has "$tmp/err" "p1/status"
expect 3 "$SACL" export --verify "$tmp/nosuch.xml.gz"

# Usage.
expect 2 "$SACL" export
expect 2 "$SACL" export --plain "$R"
expect 0 "$SACL" export --help
has "$tmp/out" "--verify"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
if [ -z "$XMLLINT" ]; then
	echo "SKIP: xmllint missing (Debian: libxml2-utils): schema not checked" >&2
	exit 77
fi
exit 0

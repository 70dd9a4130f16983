#!/bin/sh
# cli_recheck.sh: a package's metadata are recomputed from its answers
# (issue 10, "never trust what a package says about itself"). Packages
# edited by hand so that the metadata and the answers disagree (State,
# completeness and its counts, consent, language, submission, focal
# point, an answer breaking its constraint) are refused by
# `export --verify` and by `import` with the same message naming each
# disagreement, and the store is left as it was; the honest package
# passes both.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z

R=$tmp/r.xml
expect 0 "$SACL" set -c uncac-chapter2 "$R" front/state=AUT \
    front/fp_email=anna@example.org front/consent=yes p5_1/status=partial
expect 0 "$SACL" export --force -o "$tmp/p.xml.gz" "$R"
P=$tmp/p.xml.gz
expect 0 "$SACL" export --verify "$P"
has "$tmp/out" "ok: checklist uncac-chapter2"

# lie NAME SED-SCRIPT: the package with SCRIPT applied to its XML
lie() {
	gzip -dc "$P" >"$tmp/honest.xml"
	sed "$2" "$tmp/honest.xml" >"$tmp/$1.xml"
	cmp -s "$tmp/honest.xml" "$tmp/$1.xml" &&
		fail "$1: the edit changed nothing"
	gzip -n <"$tmp/$1.xml" >"$tmp/$1.xml.gz"
}
lie state 's|<state code="AUT">Austria (AUT)</state>|<state code="FRA">France (FRA)</state>|'
lie answer_state 's|<state>AUT</state>|<state>FRA</state>|'
lie complete 's|complete="false"|complete="true"|'
lie counts 's|required-answered="4" missing="146"|required-answered="150" missing="0"|'
lie consent 's|<consent-to-publish>yes<|<consent-to-publish>no<|'
lie language 's|<language>en</language>|<language>fr</language>|'
lie revision 's|<submission \(id="[^"]*"\) revision="1"/>|<submission \1 revision="7"/>|'
lie email 's|<email>anna@example.org</email>|<email>boss@example.org</email>|'
lie constraint 's|<fp_email>anna@example.org</fp_email>|<fp_email>anna at example</fp_email>|'

for c in 'state:<state> says code="FRA"' \
    'answer_state:<state> says code="AUT"' \
    'complete:<completeness> says complete="true"' \
    'counts:required-answered="150"' \
    'consent:<consent-to-publish> says no' \
    'language:<language> says fr' \
    'revision:<submission> says' \
    'email:<focal-point> says <email boss@example.org>' \
    'constraint:invalid="1"'; do
	name=${c%%:*}
	said=${c#*:}
	expect 1 "$SACL" export --verify "$tmp/$name.xml.gz"
	has "$tmp/err" "the metadata contradict the answers"
	has "$tmp/err" "$said"
	cp "$tmp/err" "$tmp/verify.err"
	expect 1 "$SACL" import --db "$tmp/store.db" "$tmp/$name.xml.gz"
	# the same verdict, word for word, from the one reader
	grep -F -q -- "$(head -n 1 "$tmp/verify.err" | sed 's/^sacl: //')" \
	    "$tmp/err" || fail "$name: import and verify differ: $(cat "$tmp/err")"
	has "$tmp/out" "0 stored, 0 already stored, 0 superseding, 1 refused"
done

# the store holds nothing from them; the honest package goes in
expect 0 "$SACL" import --db "$tmp/store.db" "$P"
has "$tmp/out" "1 stored, 0 already stored, 0 superseding, 0 refused"
expect 0 "$SACL" report --db "$tmp/store.db" --what submissions --format csv
n=$(grep -c ',"AUT",\|^"Austria' "$tmp/out")
[ "$n" -eq 1 ] || fail "submissions: $n rows for AUT: $(cat "$tmp/out")"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: cli_recheck.sh"

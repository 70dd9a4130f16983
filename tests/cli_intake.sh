#!/bin/sh
# cli_intake.sh: what the secretariat's reports must get right beyond
# cli_report.sh (issue 10):
# - a store of schema version 1 (before table not_relevant), and one of
#   version 2 migrated from it with not_relevant left empty, get
#   not_relevant filled from the packages' stored bytes when opened, so
#   that the status report tells "not relevant" from "not answered";
# - every checklist in the store is reported (status, measures...), each
#   apart, or the one --checklist names;
# - provisions come in the definition's order (5.1 before 10, 9.1 before
#   9.1(a) before 9.2), never in the string order of their ids.
# The old stores are made by hand with the sqlite3 program (skipped
# without it).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
DB=$tmp/store.db
SQLITE3=${SQLITE3:-$(command -v sqlite3 || true)}
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
C2=uncac-chapter2

pkg() { # pkg OUT RESPONSE [--checklist FILE]
	out=$1 resp=$2
	shift 2
	"$SACL" export --force "$@" -o "$tmp/$out" "$resp" >/dev/null \
	    2>"$tmp/err" || fail "export $out: $(cat "$tmp/err")"
}
# line_of FILE TEXT: the number of the first line of FILE holding TEXT
line_of() {
	grep -n -F -- "$2" "$1" | head -n 1 | cut -d: -f1
}
# before FILE A B: A comes before B in FILE
before() {
	a=$(line_of "$1" "$2")
	b=$(line_of "$1" "$3")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] ||
		fail "'$2' (line ${a:-none}) not before '$3' (line ${b:-none}): $(cat "$1")"
}

# ------------------------------------------------------------ packages
# Chapter II: AUT cites measures under 10, 9.2, 9.1(a), 9.1 and 5.1 (in
# that order, the reverse of the definition's); BRA answers 5.1 only.
expect 0 "$SACL" set -c $C2 "$tmp/aut.xml" front/state=AUT \
	p10/status=partial "p10/measures[1]/title=Act ten" \
	p9_2/status=full "p9_2/measures[1]/title=Act nine-two" \
	p9_1a/status=full "p9_1a/measures[1]/title=Act nine-one-a" \
	p9_1/status=full "p9_1/measures[1]/title=Act nine-one" \
	p5_1/status=partial "p5_1/measures[1]/title=Act five" \
	p10/good_practice=yes "p10/good_practice_text=Practice ten" \
	p5_1/good_practice=yes "p5_1/good_practice_text=Practice five" \
	p10/ta_needed=yes p10/ta_forms=drafting \
	p5_1/ta_needed=yes p5_1/ta_forms=legal-advice \
	p5_1/challenges=resources "p6_3/authority_name=Federal Bureau"
pkg aut.xml.gz "$tmp/aut.xml"
expect 0 "$SACL" set -c $C2 "$tmp/bra.xml" front/state=BRA p5_1/status=none
pkg bra.xml.gz "$tmp/bra.xml"
# A second checklist, registered: asset recovery. SEN answers 52.1 and
# cites a law; its 52.2(a) is left unanswered.
AR=$TOP_SRCDIR/tests/fixtures/asset-recovery.xml
expect 0 "$SACL" set -c "$AR" "$tmp/sen.xml" front/state=SEN front/consent=yes \
	p52_1/status=full "p52_1/measures[1]/title=Loi sur le recouvrement"
pkg sen.xml.gz "$tmp/sen.xml" --checklist "$AR"
expect 0 "$SACL" import --db "$DB" --checklist "$AR"
expect 0 "$SACL" import --db "$DB" "$tmp/aut.xml.gz" "$tmp/bra.xml.gz" \
	"$tmp/sen.xml.gz"
has "$tmp/out" "3 stored"

# ------------------------------------------------------------ every checklist
expect 0 "$SACL" report --db "$DB" --what status
has "$tmp/out" "Status by provision (asset-recovery 0.3)"
has "$tmp/out" "Status by provision (uncac-chapter2 1.0)"
grep -q '^52\.1 .* 1$' "$tmp/out" ||
	fail "52.1 of asset recovery not counted: $(cat "$tmp/out")"
grep -q '^Senegal (SEN) ' "$tmp/out" || fail "SEN not reported: $(cat "$tmp/out")"
grep -q '^Austria (AUT) ' "$tmp/out" || fail "AUT not reported: $(cat "$tmp/out")"
before "$tmp/out" "(asset-recovery 0.3)" "(uncac-chapter2 1.0)"
expect 0 "$SACL" report --db "$DB" --what status --format csv
grep -q '^"Senegal (SEN)","SEN","52\.1","[^"]*","asset-recovery 0\.3"' \
	"$tmp/out" || fail "SEN 52.1 in CSV: $(cat "$tmp/out")"
grep -q '^"Austria (AUT)","AUT","5\.1","[^"]*","uncac-chapter2 1\.0"' \
	"$tmp/out" || fail "AUT 5.1 in CSV: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what status --checklist asset-recovery
has "$tmp/out" "Status by provision"
! grep -q 'Austria\|^5\.1 ' "$tmp/out" || fail "--checklist: $(cat "$tmp/out")"
grep -q '^Senegal (SEN) ' "$tmp/out" || fail "--checklist lost SEN: $(cat "$tmp/out")"
expect 0 "$SACL" report --db "$DB" --what status --format html -o "$tmp/st.html"
if [ -n "$XMLLINT" ]; then
	[ "$("$XMLLINT" --html --xpath 'count(//tr[starts-with(@id, "state-")])' \
	    "$tmp/st.html" 2>/dev/null)" = 3 ] ||
		fail "grid rows of both checklists: $(cat "$tmp/st.html")"
	[ "$("$XMLLINT" --html --xpath 'count(//nav//a)' "$tmp/st.html" \
	    2>/dev/null)" = 3 ] || fail "index of States of both checklists"
fi
expect 0 "$SACL" report --db "$DB" --what measures
has "$tmp/out" "Loi sur le recouvrement"
has "$tmp/out" "Act five"
expect 0 "$SACL" report --db "$DB" --what measures --format csv
grep -q '^"52\.1 [^"]*","Senegal (SEN)","SEN","Loi sur le recouvrement",.*"asset-recovery 0\.3"' \
	"$tmp/out" || fail "measures CSV of asset recovery: $(cat "$tmp/out")"

# ------------------------------------------------------------ the definition's order
expect 0 "$SACL" report --db "$DB" --what measures --checklist $C2
before "$tmp/out" "Act five" "Act nine-one"
before "$tmp/out" "Act nine-one" "Act nine-one-a"
before "$tmp/out" "Act nine-one-a" "Act nine-two"
before "$tmp/out" "Act nine-two" "Act ten"
expect 0 "$SACL" report --db "$DB" --what measures --checklist $C2 --format csv
before "$tmp/out" '"5.1 ' '"10 '
expect 0 "$SACL" report --db "$DB" --what practices --format csv
before "$tmp/out" "Practice five" "Practice ten"
expect 0 "$SACL" report --db "$DB" --what assistance
before "$tmp/out" "5.1 " "10 "
expect 0 "$SACL" report --db "$DB" --what status --checklist $C2 --format csv
before "$tmp/out" '"AUT","9.1",' '"AUT","9.1(a)",'
before "$tmp/out" '"AUT","9.1(a)",' '"AUT","9.2",'
before "$tmp/out" '"AUT","9.3",' '"AUT","10",'

# ------------------------------------------------------------ every report, every format
# CSV parsed (RFC 4180: every record as many fields as the header, CRLF),
# HTML parsed and queried (a table per report, no script), text holding
# a State's name.
csv_fields() { # csv_fields FILE: the number of fields of each record
	awk '{ sub(/\r$/, ""); n = 1; q = 0
		for (i = 1; i <= length($0); i++) {
			ch = substr($0, i, 1)
			if (ch == "\"") q = !q
			else if (!q && ch == ",") n++
		}
		print n }' "$1" | sort -u
}
for what in status assistance practices challenges measures authorities \
    submissions; do
	expect 0 "$SACL" report --db "$DB" --what $what --checklist $C2
	has "$tmp/out" "Austria (AUT)"
	expect 0 "$SACL" report --db "$DB" --what $what --checklist $C2 \
		--format csv
	[ "$(csv_fields "$tmp/out" | wc -l)" -eq 1 ] ||
		fail "$what CSV: records of unequal lengths: $(cat "$tmp/out")"
	[ "$(grep -c "$(printf '\r')\$" "$tmp/out")" -eq "$(wc -l <"$tmp/out")" ] ||
		fail "$what CSV: a line not ended by CRLF"
	[ "$(wc -l <"$tmp/out")" -ge 2 ] || fail "$what CSV: no rows"
	expect 0 "$SACL" report --db "$DB" --what $what --checklist $C2 \
		--format html -o "$tmp/r.html"
	[ -n "$XMLLINT" ] || continue
	[ "$("$XMLLINT" --html --xpath 'count(//table)' "$tmp/r.html" \
	    2>/dev/null)" -ge 1 ] || fail "$what HTML: no table"
	[ "$("$XMLLINT" --html --xpath 'count(//script)' "$tmp/r.html" \
	    2>/dev/null)" = 0 ] || fail "$what HTML: a script"
	"$XMLLINT" --html --xpath 'string(//table)' "$tmp/r.html" 2>/dev/null |
		grep -q . || fail "$what HTML: an empty table"
done

# ------------------------------------------------------------ old stores
# The same packages in a store of schema version 1 (as the first sacl
# made it: no not_relevant, no current column), then opened by this one.
if [ -z "$SQLITE3" ]; then
	[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
	echo "SKIP: no sqlite3: old stores not checked" >&2
	exit 77
fi
V1_SCHEMA="
CREATE TABLE checklists (id INTEGER PRIMARY KEY, checklist_id TEXT NOT NULL,
 version TEXT NOT NULL, digest TEXT NOT NULL, definition BLOB NOT NULL,
 registered TEXT NOT NULL, UNIQUE (checklist_id, version));
CREATE TABLE packages (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,
 size INTEGER NOT NULL, file_name TEXT NOT NULL, received TEXT NOT NULL,
 bytes BLOB NOT NULL);
CREATE TABLE submissions (id INTEGER PRIMARY KEY,
 package INTEGER NOT NULL UNIQUE REFERENCES packages (id),
 submission TEXT NOT NULL, revision INTEGER NOT NULL, state TEXT,
 checklist_id TEXT NOT NULL, checklist_version TEXT NOT NULL,
 checklist_digest TEXT NOT NULL, language TEXT, created TEXT,
 exported TEXT NOT NULL, received TEXT NOT NULL, program TEXT,
 consent INTEGER NOT NULL, complete INTEGER NOT NULL,
 required INTEGER NOT NULL, required_answered INTEGER NOT NULL,
 invalid INTEGER NOT NULL, relevant INTEGER NOT NULL,
 answered INTEGER NOT NULL, UNIQUE (submission, revision));
CREATE INDEX submissions_subject ON submissions (checklist_id, state);
CREATE TABLE answers (submission INTEGER NOT NULL REFERENCES submissions (id),
 path TEXT NOT NULL, question TEXT NOT NULL, entry INTEGER NOT NULL,
 value TEXT NOT NULL, other TEXT, provision TEXT, provision_number TEXT,
 role TEXT, PRIMARY KEY (submission, path)) WITHOUT ROWID;
CREATE INDEX answers_role ON answers (role, submission);
CREATE INDEX answers_question ON answers (question, submission);
CREATE TABLE attachments (id INTEGER PRIMARY KEY,
 submission INTEGER NOT NULL REFERENCES submissions (id),
 attachment_id TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL,
 media_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
 bytes BLOB NOT NULL);
CREATE INDEX attachments_submission ON attachments (submission);
CREATE VIEW current_submissions AS SELECT s.* FROM submissions s
 WHERE s.id = (SELECT t.id FROM submissions t
  WHERE t.checklist_id = s.checklist_id
  AND coalesce(t.state, t.submission) = coalesce(s.state, s.submission)
  ORDER BY t.exported DESC, t.revision DESC, t.id DESC LIMIT 1);
"
V1_COPY="
ATTACH '$DB' AS src;
INSERT INTO checklists SELECT * FROM src.checklists;
INSERT INTO packages SELECT * FROM src.packages;
INSERT INTO submissions SELECT id, package, submission, revision, state,
 checklist_id, checklist_version, checklist_digest, language, created,
 exported, received, program, consent, complete, required,
 required_answered, invalid, relevant, answered FROM src.submissions;
INSERT INTO answers SELECT * FROM src.answers;
INSERT INTO attachments SELECT * FROM src.attachments;
"
# What version 2 added, with no rows for the submissions of version 1.
V2_STEP="
CREATE TABLE not_relevant (submission INTEGER NOT NULL REFERENCES
 submissions (id), question TEXT NOT NULL, provision TEXT,
 provision_number TEXT, role TEXT NOT NULL,
 PRIMARY KEY (submission, question)) WITHOUT ROWID;
CREATE INDEX not_relevant_role ON not_relevant (role, submission);
"
# A provision asked only with consent (a definition of its own version):
# CAN, without consent, has 52.1 not relevant.
AR2=$tmp/ar-nr.xml
sed -e 's|version="0.3"|version="0.3-nr"|' \
	-e "s|<provision id=\"p52_1\" |<provision id=\"p52_1\" relevant=\"/response/front/consent = 'yes'\" |" \
	"$AR" >"$AR2"
grep -q 'p52_1" relevant' "$AR2" || fail "fixture not changed"
expect 0 "$SACL" set -c "$AR2" "$tmp/can.xml" front/state=CAN \
	front/consent=no p52_2a/status=full
pkg can.xml.gz "$tmp/can.xml" --checklist "$AR2"
expect 0 "$SACL" import --db "$DB" --checklist "$AR2"
expect 0 "$SACL" import --db "$DB" "$tmp/can.xml.gz"
expect 0 "$SACL" report --db "$DB" --what status --checklist asset-recovery \
	--format csv
grep -q '^"Canada (CAN)","CAN","52\.1","Not relevant"' "$tmp/out" ||
	fail "CAN 52.1 not relevant in a new store: $(cat "$tmp/out")"
for v in 1 2; do
	OLD=$tmp/v$v.db
	if [ $v = 1 ]; then
		sql="$V1_SCHEMA $V1_COPY PRAGMA user_version = 1;"
	else
		sql="$V1_SCHEMA $V1_COPY $V2_STEP PRAGMA user_version = 2;"
	fi
	printf '%s\n' "$sql" | "$SQLITE3" "$OLD" ||
		fail "making a store of version $v"
	[ "$("$SQLITE3" "$OLD" 'PRAGMA user_version')" = $v ] ||
		fail "not a store of version $v"
	expect 0 "$SACL" report --db "$OLD" --what status --checklist \
		asset-recovery --format csv
	grep -q '^"Canada (CAN)","CAN","52\.1","Not relevant"' "$tmp/out" ||
		fail "v$v store: CAN 52.1 is not 'not relevant': $(cat "$tmp/out")"
	grep -q '^"Canada (CAN)","CAN","52\.2(a)","In force' "$tmp/out" ||
		fail "v$v store: CAN 52.2(a): $(cat "$tmp/out")"
	[ "$("$SQLITE3" "$OLD" 'PRAGMA user_version')" = 3 ] ||
		fail "v$v store not migrated to 3"
	[ "$("$SQLITE3" "$OLD" 'SELECT count(*) FROM current_submissions')" = 4 ] ||
		fail "v$v store: current submissions"
	# the same report as the store made new
	expect 0 "$SACL" report --db "$OLD" --what status --format csv
	mv "$tmp/out" "$tmp/old.csv"
	expect 0 "$SACL" report --db "$DB" --what status --format csv
	cmp -s "$tmp/out" "$tmp/old.csv" ||
		fail "v$v store reports otherwise: $(diff "$tmp/out" "$tmp/old.csv")"
	# and what stays, stays: a second opening changes nothing
	n=$("$SQLITE3" "$OLD" 'SELECT count(*) FROM not_relevant')
	expect 0 "$SACL" report --db "$OLD" --what submissions
	[ "$("$SQLITE3" "$OLD" 'SELECT count(*) FROM not_relevant')" = "$n" ] ||
		fail "v$v store: not_relevant changed on a second opening"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
[ -n "$XMLLINT" ] || { echo "SKIP: no xmllint: HTML not checked" >&2; exit 77; }
exit 0

#!/bin/sh
# bench_report.sh (make bench): every report on $BENCH_N (default 2000)
# stored submissions, each timed; the issue asks for under a second
# each. N0 real packages (distinct States, answers in several
# provisions, measures, good practices, assistance, an authority) are
# imported, then copied inside the store with sqlite3 (new package
# checksums, submission ids and State codes, the same answers) up to N
# current submissions. Prints each time; fails when one takes 1 s or
# more. Skipped without the sqlite3 program.
set -eu
: "${SACL:?run through make bench}"
N=${BENCH_N:-2000}
N0=20
SQLITE3=${SQLITE3:-$(command -v sqlite3 || true)}
[ -n "$SQLITE3" ] || { echo "bench-report: no sqlite3, skipped"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sacl-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export SACL_NOW=2026-11-30T12:00:00Z
DB=$tmp/bench.db

states=$(grep -o '<choice value="[A-Z][A-Z][A-Z]"' \
    "$TOP_SRCDIR/data/uncac-chapter2.xml" | cut -d'"' -f2 | head -n $N0)
for st in $states; do
	"$SACL" set -c uncac-chapter2 "$tmp/$st.xml" front/state=$st \
	    p5_1/status=partial p5_2/status=full p9_1/status=none \
	    "p5_1/measures[1]/title=Act $st" "p5_1/measures[1]/reference=R1" \
	    p5_1/good_practice=yes "p5_1/good_practice_text=Practice $st" \
	    p5_1/ta_needed=yes p5_1/ta_forms=legal-advice,drafting \
	    p5_1/challenges=coordination,resources \
	    "p6_3/authority_name=Authority $st" >/dev/null 2>&1
	"$SACL" export --force -o "$tmp/$st.xml.gz" "$tmp/$st.xml" \
	    >/dev/null 2>&1
done
"$SACL" import --db "$DB" "$tmp"/*.xml.gz >/dev/null

# Copies k = 1.. until N submissions: each a new package row, a new
# submission (id, State) and the same answers.
copies=$(( (N + N0 - 1) / N0 - 1 ))
{
	echo "BEGIN;"
	k=1
	while [ $k -le $copies ]; do
		cat <<SQL
INSERT INTO packages (sha256, size, file_name, received, bytes)
 SELECT sha256 || '#$k', size, file_name, received, bytes FROM packages
 WHERE sha256 NOT LIKE '%#%';
INSERT INTO submissions (package, submission, revision, state, checklist_id,
 checklist_version, checklist_digest, language, created, exported, received,
 program, consent, complete, required, required_answered, invalid, relevant,
 answered)
 SELECT (SELECT id FROM packages WHERE sha256 = p.sha256 || '#$k'),
 s.submission || '#$k', s.revision, s.state || '$k', s.checklist_id,
 s.checklist_version, s.checklist_digest, s.language, s.created, s.exported,
 s.received, s.program, s.consent, s.complete, s.required,
 s.required_answered, s.invalid, s.relevant, s.answered
 FROM submissions s JOIN packages p ON p.id = s.package
 WHERE s.submission NOT LIKE '%#%';
INSERT INTO answers SELECT c.id, a.path, a.question, a.entry, a.value,
 a.other, a.provision, a.provision_number, a.role
 FROM answers a JOIN submissions s ON s.id = a.submission
 JOIN submissions c ON c.submission = s.submission || '#$k'
 WHERE s.submission NOT LIKE '%#%';
INSERT INTO not_relevant SELECT c.id, n.question, n.provision,
 n.provision_number, n.role
 FROM not_relevant n JOIN submissions s ON s.id = n.submission
 JOIN submissions c ON c.submission = s.submission || '#$k'
 WHERE s.submission NOT LIKE '%#%';
SQL
		k=$((k + 1))
	done
	echo "COMMIT;"
} | "$SQLITE3" "$DB"
n=$("$SQLITE3" "$DB" "SELECT count(*) FROM current_submissions")
[ -z "${BENCH_KEEP:-}" ] || cp "$DB" "$BENCH_KEEP"

now() { date +%s.%N; }
fail=0
for what in submissions status assistance practices challenges measures \
    authorities; do
	for fmt in text csv html; do
		t0=$(now)
		"$SACL" report --db "$DB" --what $what --format $fmt \
		    -o "$tmp/out" || { echo "bench-report: $what failed"; exit 1; }
		t1=$(now)
		awk -v n="$n" -v w="$what" -v f="$fmt" -v a="$t0" -v b="$t1" \
		    'BEGIN { printf "bench-report: %d current submissions: " \
		    "%s (%s) %.2f s\n", n, w, f, b - a; exit (b - a) >= 1 }' ||
			fail=1
	done
done
exit $fail

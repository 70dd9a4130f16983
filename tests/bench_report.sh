#!/bin/sh
# bench_report.sh (make bench): every report on $BENCH_N (default 2000)
# stored submissions, each timed; the issue asks for under a second
# each. N0 real packages (distinct States, answers in several
# provisions, measures, good practices, assistance, an authority) are
# imported, then copied inside the store with sqlite3 (new package
# checksums, submission ids and State codes, the same answers) up to N
# current submissions. Prints each report's CPU and wall time; fails
# when one takes $BENCH_MAX (1) s of CPU or more, says so above
# $BENCH_AIM (0.5) s. Skipped without the sqlite3 program. Not part of
# `make check` (timings): `make bench-report`.
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
 answered, current)
 SELECT (SELECT id FROM packages WHERE sha256 = p.sha256 || '#$k'),
 s.submission || '#$k', s.revision, s.state || '$k', s.checklist_id,
 s.checklist_version, s.checklist_digest, s.language, s.created, s.exported,
 s.received, s.program, s.consent, s.complete, s.required,
 s.required_answered, s.invalid, s.relevant, s.answered, s.current
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
# cpu FILE: the user + system seconds of this shell's children in FILE,
# written by POSIX `times` (second line: "XmY.YYYs XmZ.ZZZs"); `times`
# runs in this shell, not in a pipe or $(...), whose children are not
# ours.
cpu() {
	awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) {
		split($i, a, "m"); sub(/s$/, "", a[2]); n += a[1] * 60 + a[2] }
		printf "%.3f\n", n }' "$1"
}
# The issue's target is one second a report; we aim at half of it.
# Judged on CPU time (user + system): on a shared, loaded machine the
# wall clock measures the other jobs too (it is printed beside).
MAX=${BENCH_MAX:-1}
AIM=${BENCH_AIM:-0.5}
fail=0
for what in submissions status assistance practices challenges measures \
    authorities; do
	for fmt in text csv html; do
		t0=$(now)
		times >"$tmp/c0"
		"$SACL" report --db "$DB" --what $what --format $fmt \
		    -o "$tmp/out" || { echo "bench-report: $what failed"; exit 1; }
		times >"$tmp/c1"
		t1=$(now)
		c0=$(cpu "$tmp/c0")
		c1=$(cpu "$tmp/c1")
		awk -v n="$n" -v w="$what" -v f="$fmt" -v a="$t0" -v b="$t1" \
		    -v c="$c0" -v d="$c1" -v max="$MAX" -v aim="$AIM" \
		    'BEGIN { t = d - c; bad = (t >= max); note = ""
		    if (bad) note = " FAIL (target " max " s)"
		    else if (t >= aim) note = " (above the aim of " aim " s)"
		    printf "bench-report: %d current submissions: %s (%s) " \
		    "%.2f s CPU, %.2f s wall%s\n", n, w, f, t, b - a, note
		    exit bad }' || fail=1
	done
done
exit $fail

#!/bin/sh
# torture_import.sh: an import killed (SIGKILL) at various moments leaves
# the store as it was before the package it was storing: every
# submission the store lists reads back whole, exactly as its package
# file; importing everything again then finishes with nothing refused.
# Two imports at once into one new store both finish (busy timeout) and
# the store holds each package once.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
N=24

# N packages: the revisions of two responses (AUT, FRA), and a few States.
i=0
for st in AUT FRA; do
	expect 0 "$SACL" set -c uncac-chapter2 "$tmp/$st.xml" front/state=$st \
		p5_1/status=partial "p5_1/measures[1]/title=Act of $st"
done
while [ $i -lt $N ]; do
	st=AUT
	[ $((i % 2)) -eq 0 ] || st=FRA
	expect 0 "$SACL" set "$tmp/$st.xml" "p5_1/examples=example $i"
	"$SACL" export --force -o "$tmp/p$i.xml.gz" "$tmp/$st.xml" \
		>/dev/null 2>"$tmp/err" || fail "export $i: $(cat "$tmp/err")"
	i=$((i + 1))
done
ls "$tmp"/p*.xml.gz >"$tmp/list"
[ "$(wc -l <"$tmp/list")" -eq $N ] || fail "not $N packages"

# check_store DB: each submission listed reads back as its package file.
check_store() {
	"$SACL" report --db "$1" --what submissions --format csv \
		>"$tmp/subs" 2>"$tmp/err" || { fail "report: $(cat "$tmp/err")"; return; }
	tail -n +2 "$tmp/subs" | cut -d, -f3,4 | tr -d '"' | tr , : >"$tmp/ids"
	while read -r sub; do
		"$SACL" get --db "$1" "$sub" >"$tmp/db.out" 2>"$tmp/err" ||
			fail "get $sub: $(cat "$tmp/err")"
		grep -q "p5_1/examples=example" "$tmp/db.out" ||
			fail "$sub read back incomplete: $(cat "$tmp/db.out")"
	done <"$tmp/ids"
	wc -l <"$tmp/ids"
}

# Kill imports at several moments; each time the store stays whole.
DB=$tmp/killed.db
for delay in 0.05 0.15 0.3 0.5; do
	# shellcheck disable=SC2046
	"$SACL" import --db "$DB" $(cat "$tmp/list") >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -f "$DB" ] || continue
	n=$(check_store "$DB")
	[ "$n" -le $N ] || fail "more submissions than packages: $n"
done
# shellcheck disable=SC2046
expect 0 "$SACL" import --db "$DB" $(cat "$tmp/list")
has "$tmp/out" "0 refused"
[ "$(check_store "$DB")" -eq $N ] || fail "not $N submissions after the kills"
# the AUT and FRA of the last revision are current, the others history
[ "$(grep -c '"current"' "$tmp/subs")" -eq 2 ] || fail "two current: $(cat "$tmp/subs")"

# Two imports at once, the packages in two halves and both whole.
DB2=$tmp/two.db
# shellcheck disable=SC2046
"$SACL" import --db "$DB2" $(head -n $((N / 2)) "$tmp/list") $(cat "$tmp/list") \
	>"$tmp/one.out" 2>"$tmp/one.err" &
p1=$!
# shellcheck disable=SC2046
"$SACL" import --db "$DB2" $(tail -n $((N / 2)) "$tmp/list") $(cat "$tmp/list") \
	>"$tmp/two.out" 2>"$tmp/two.err" &
p2=$!
wait $p1 || fail "first import: $(cat "$tmp/one.out" "$tmp/one.err")"
wait $p2 || fail "second import: $(cat "$tmp/two.out" "$tmp/two.err")"
[ "$(check_store "$DB2")" -eq $N ] || fail "not $N submissions after two imports"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
exit 0

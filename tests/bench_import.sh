#!/bin/sh
# bench_import.sh (make bench): importing N packages into a new store
# against running `zcat FILE | xmllint --noout --schema data/response.xsd -`
# on each, measured in one run and given as a ratio (no timed assertion
# in make check). The issue asks for import to be the faster; this
# prints both times, the ratio, and fails when import is slower.
# N: $BENCH_N (default 1,000: the number issue 12 names).
set -eu
: "${SACL:?run through make bench}"
N=${BENCH_N:-1000}
XSD=$TOP_SRCDIR/data/response.xsd
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
[ -n "$XMLLINT" ] || { echo "bench-import: no xmllint, skipped"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sacl-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export SACL_NOW=2026-11-30T12:00:00Z

# N packages of a response with some answers in every provision's status.
"$SACL" set -c uncac-chapter2 "$tmp/r.xml" front/state=AUT \
	p5_1/status=partial "p5_1/measures[1]/title=Act" >/dev/null
i=0
while [ $i -lt "$N" ]; do
	"$SACL" set "$tmp/r.xml" "p5_1/examples=example $i" >/dev/null
	"$SACL" export --force -o "$tmp/p$i.xml.gz" "$tmp/r.xml" >/dev/null 2>&1
	i=$((i + 1))
done

now() { date +%s.%N; }
t0=$(now)
for f in "$tmp"/p*.xml.gz; do
	zcat "$f" | "$XMLLINT" --noout --schema "$XSD" - 2>/dev/null
done
t1=$(now)
"$SACL" import --db "$tmp/bench.db" "$tmp"/p*.xml.gz >/dev/null
t2=$(now)
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
	x = b - a; s = c - b
	printf "bench-import: %d packages: xmllint %.2f s, sacl import %.2f s, " \
	    "import/xmllint = %.2f\n", n, x, s, s / x
	exit s > x }'

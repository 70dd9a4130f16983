#!/bin/sh
# cli_safety.sh: the command line never changes or makes what the user did
# not mean (issue 8): a response that does not exist is an error for get,
# export and set (set --checklist starts one); a package never replaces a
# file (the default name carries the revision, -2 when taken; -o FILE
# that exists needs --force); options go before or after the operands of
# every command, `--` ends them; a wrong date says what is wrong; text in
# UTF-8 passes set and get byte-exact under LC_ALL=C; fill refuses to
# start where the system has no UTF-8 locale (an empty /usr/lib/locale in
# a private mount namespace: skipped where one cannot be made), creating
# and locking nothing.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
mkdir "$tmp/w" && cd "$tmp/w" || exit 99
C=uncac-chapter2
R=answers.xml

# only "NAME... " WHAT: the folder holds just those files (sorted).
only() {
	want=$1
	shift
	got=$(ls -A | sort | tr '\n' ' ')
	[ "$got" = "$want" ] || fail "$*: the folder holds '$got', not '$want'"
}

# --- A missing response is an error, and nothing is made.
expect 0 "$SACL" set --checklist "$C" "$R" front/state=AUT
only "$R " "setup"
expect 3 "$SACL" get nothere.xml
has "$tmp/err" "nothere.xml: no such response file"
[ ! -s "$tmp/out" ] || fail "get of a missing file printed: $(cat "$tmp/out")"
expect 3 "$SACL" get --checklist "$C" nothere.xml p5_1/status
has "$tmp/err" "nothere.xml: no such response file"
expect 3 "$SACL" export answrs.xml
has "$tmp/err" "answrs.xml: no such response file"
expect 3 "$SACL" export --force answrs.xml
! grep -q "missing" "$tmp/err" || fail "export listed the answers of nothing"
expect 3 "$SACL" export --force -o p.xml.gz answrs.xml
expect 3 "$SACL" set answrs.xml p5_1/status=full
has "$tmp/err" "answrs.xml: no such response file"
has "$tmp/err" "--checklist"
printf 'p5_1/status=full\n' >lines.txt
expect 3 "$SACL" set --from lines.txt answrs.xml
rm lines.txt
only "$R " "a missing response"
expect 0 "$SACL" set --checklist "$C" new.xml p5_1/status=full
expect 0 "$SACL" get new.xml p5_1/status
has "$tmp/out" "p5_1/status=full"
rm -f new.xml new.xml.bak

# --- Packages are never overwritten.
expect 0 "$SACL" export --force "$R"
has "$tmp/out" "AUT_uncac-chapter2_1.0_2026-11-30_r1.xml.gz"
cp AUT_uncac-chapter2_1.0_2026-11-30_r1.xml.gz first.gz
cp "$R" r-after-1.xml
expect 0 "$SACL" export --force "$R"
has "$tmp/out" "AUT_uncac-chapter2_1.0_2026-11-30_r2.xml.gz"
cmp -s first.gz AUT_uncac-chapter2_1.0_2026-11-30_r1.xml.gz ||
	fail "the second export changed the first package"
[ "$(stat -c %a AUT_uncac-chapter2_1.0_2026-11-30_r2.xml.gz)" = 600 ] ||
	fail "package mode not 600"
# the response put back as it was after the first export: revision 2
# again, whose name is taken: the next free name, nothing replaced
cp AUT_uncac-chapter2_1.0_2026-11-30_r2.xml.gz second.gz
cp r-after-1.xml "$R"
expect 0 "$SACL" set "$R" p5_1/status=partial
expect 0 "$SACL" export --force "$R"
has "$tmp/out" "AUT_uncac-chapter2_1.0_2026-11-30_r2-2.xml.gz"
cmp -s second.gz AUT_uncac-chapter2_1.0_2026-11-30_r2.xml.gz ||
	fail "an export replaced a package of the same revision"
gzip -dc AUT_uncac-chapter2_1.0_2026-11-30_r2-2.xml.gz | grep -q partial ||
	fail "the -2 package is not the new one"
# -o FILE that exists: refused (exit 3, the file and the response as they
# were) unless --force, which says it replaced it
expect 0 "$SACL" export --force -o p.xml.gz "$R"
cp p.xml.gz p.before
grep -o 'revision="[0-9]*"' "$R" >rev.before
expect 3 "$SACL" export -o p.xml.gz "$R"
has "$tmp/err" "p.xml.gz exists"
has "$tmp/err" "--force"
cmp -s p.xml.gz p.before || fail "export -o replaced an existing file"
grep -o 'revision="[0-9]*"' "$R" | cmp -s - rev.before ||
	fail "a refused export moved the revision"
expect 0 "$SACL" export --force -o p.xml.gz "$R"
has "$tmp/err" "p.xml.gz replaced"
cmp -s p.xml.gz p.before && fail "export -o --force did not replace the file"
ls ./*.tmp-* >/dev/null 2>&1 && fail "temporary files left: $(ls ./*.tmp-*)"

# --- Options after operands, for every command; -- ends options.
expect 0 "$SACL" export "$R" -o q.xml.gz --force
[ -s q.xml.gz ] || fail "export RESPONSE -o FILE: no q.xml.gz"
expect 0 "$SACL" export q.xml.gz --verify
has "$tmp/out" "q.xml.gz: ok"
expect 0 "$SACL" set "$R" p5_1/timeline=soon --checklist "$C"
expect 0 "$SACL" get "$R" p5_1/timeline --checklist "$C"
has "$tmp/out" "p5_1/timeline=soon"
: >empty.txt
expect 0 "$SACL" set "$R" --from empty.txt p5_1/timeline=later
expect 0 "$SACL" get "$R" p5_1/timeline -c "$C"
has "$tmp/out" "p5_1/timeline=later"
expect 0 "$SACL" info "$C" --list
has "$tmp/out" "p5_1/status"
expect 0 "$SACL" validate "$C" --quiet
expect 0 "$SACL" fill "$R" --help
has "$tmp/out" "Usage: sacl fill"
expect 2 "$SACL" get "$R" --bogus
has "$tmp/err" "sacl get: unrecognized option"
expect 0 "$SACL" set --checklist "$C" -- -dash.xml p5_1/status=full
[ -f ./-dash.xml ] || fail "set -- -dash.xml: no file"
expect 0 "$SACL" get -- -dash.xml p5_1/status
has "$tmp/out" "p5_1/status=full"
expect 2 "$SACL" get -dash.xml
expect 1 "$SACL" get "$R" p5_1/status -- --no-such-id
has "$tmp/err" "--no-such-id"

# --- A wrong date says what is wrong.
expect 1 "$SACL" set "$R" "p5_1/measures[1]/date=2018-13-45"
has "$tmp/err" "month 13 is not between 01 and 12"
expect 1 "$SACL" set "$R" "p5_1/measures[1]/date=2018-02-29"
has "$tmp/err" "day 29: 2018-02 has 28 days"
expect 1 "$SACL" set "$R" "p5_1/measures[1]/date=2018-2-3"
has "$tmp/err" "is not a date of the form YYYY-MM-DD"

# --- UTF-8 text passes set and get byte-exact whatever the locale.
fr='Évaluation annuelle: très réussie'
zh_ar='评估报告 تقييم سنوي'
expect 0 env LC_ALL=C LANG=C "$SACL" set "$R" "p5_1/timeline=$fr" \
	"front/fp_org=$zh_ar"
printf 'p5_1/examples=%s\\n%s\n' "$zh_ar" "$fr" >lines.txt
expect 0 env LC_ALL=C "$SACL" set --from - "$R" <lines.txt
expect 0 env LC_ALL=C "$SACL" get "$R" p5_1/timeline front/fp_org \
	p5_1/examples
printf 'p5_1/timeline=%s\nfront/fp_org=%s\np5_1/examples=%s\\n%s\n' \
	"$fr" "$zh_ar" "$zh_ar" "$fr" >want.txt
cmp -s "$tmp/out" want.txt ||
	fail "LC_ALL=C: get gave '$(cat "$tmp/out")', not '$(cat want.txt)'"
(unset LANG LC_ALL LC_CTYPE; "$SACL" get "$R" p5_1/timeline) >got.txt
printf 'p5_1/timeline=%s\n' "$fr" | cmp -s - got.txt ||
	fail "no locale: get gave '$(cat got.txt)'"

# --- fill without any UTF-8 locale on the system: exit 2, the way out
# said, before the response is created or locked.
if [ "$(id -u)" -eq 0 ]; then
	ns="unshare -m"
else
	ns="unshare -r -m"
fi
if [ -d /usr/lib/locale ] && command -v unshare >/dev/null &&
    $ns sh -c 'mount -t tmpfs none /usr/lib/locale' 2>/dev/null; then
	for env in "LC_ALL=C" "LANG=POSIX" "LANG=fr_FR.UTF-8" "LANG=C.UTF-8"; do
		st=0
		$ns sh -c 'mount -t tmpfs none /usr/lib/locale &&
		    exec env -u LC_ALL -u LANG -u LC_CTYPE '"$env"' "$@"' \
		    sh "$SACL" fill fresh.xml </dev/null >"$tmp/out" \
		    2>"$tmp/err" || st=$?
		[ "$st" -eq 2 ] || fail "$env, no locale: exit $st, not 2"
		has "$tmp/err" "fill needs a UTF-8 locale"
		has "$tmp/err" "LANG=C.UTF-8"
		[ ! -e fresh.xml ] || fail "$env, no locale: fresh.xml created"
		[ ! -e fresh.xml.lock ] || fail "$env, no locale: a lock left"
	done
else
	echo "SKIP: no private mount namespace: fill's refusal without a" \
	    "UTF-8 locale not checked" >&2
fi
# With one, LC_ALL=C gets past the locale, to the terminal check.
expect 2 env LC_ALL=C "$SACL" fill fresh.xml </dev/null
has "$tmp/err" "fill needs a terminal"
[ ! -e fresh.xml ] || fail "fresh.xml created without a terminal"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "cli_safety: all checks passed"

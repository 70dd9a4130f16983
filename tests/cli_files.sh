#!/bin/sh
# cli_files.sh: files, links and locks (issue 11). The lock is on the
# file whatever name reaches it (a symlink and the real name meet at one
# lock; two writers through both lose nothing); a refusal says whose lock
# it is and whether that process runs; --wait[=SECONDS] on set, get and
# export; a .lock that is a symlink (dangling) is reported as such; a
# read-only response is refused, an existing one keeps owner and mode;
# a package is never written through a symlink (default name or -o, with
# or without --force); killed exports' temporaries are swept; with a full
# disk the response's revision and the packages never disagree (tmpfs in
# a private mount namespace: skipped where one cannot be made).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
mkdir "$tmp/w" && cd "$tmp/w" || exit 99
C=uncac-chapter2
R=answers.xml
host=$(uname -n)
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
ms() { echo $(($(date +%s%N) / 1000000)); }
# fake_lock FILE PID: a lock file for FILE naming PID on this host.
fake_lock() { printf 'pid=%s\nhost=%s\nsince=%s\n' "$2" "$host" "$(now)" >"$1"; }

expect 0 "$SACL" set --checklist "$C" "$R" p5_1/status=partial
ln -s "$R" link.xml

# --- One lock per file: a holder through the real name keeps out a
# writer through a symlink, and the message says whose lock it is.
fake_lock "$R.lock" $$
expect 4 "$SACL" set link.xml p5_1/status=full
has "$tmp/err" "in use by sacl (pid $$ on $host since "
has "$tmp/err" "that process is running"
has "$tmp/err" "--wait"
! grep -q "if no sacl is running" "$tmp/err" || fail "blind removal advised"
[ ! -e link.xml.lock ] || fail "a second lock was made for the link's name"
expect 4 "$SACL" export link.xml
expect 0 "$SACL" get link.xml p5_1/status # get reads without the lock
has "$tmp/out" "p5_1/status=partial"
# --wait: still held when the time is up: exit 4 after about that time.
t0=$(ms)
expect 4 "$SACL" set --wait=0.5 link.xml p5_1/status=full
t1=$(ms)
has "$tmp/err" "still in use after waiting 0.5 s"
[ $((t1 - t0)) -ge 400 ] && [ $((t1 - t0)) -lt 5000 ] ||
	fail "--wait=0.5 took $((t1 - t0)) ms"
expect 4 "$SACL" get --wait=0.2 "$R" p5_1/status
expect 4 "$SACL" export --wait=0.2 "$R"
expect 2 "$SACL" set --wait=soon "$R" p5_1/status=full
has "$tmp/err" "not a number of seconds"
rm -f "$R.lock"
# ... and freed while waiting: the writer goes on.
sleep 1 &
holder=$!
fake_lock "$R.lock" $holder
expect 0 "$SACL" set --wait=20 link.xml p5_1/status=full
wait $holder 2>/dev/null
expect 0 "$SACL" get "$R" p5_1/status
has "$tmp/out" "p5_1/status=full"
[ ! -e "$R.lock" ] || fail "the lock was left behind after --wait"
sleep 1 &
holder=$!
fake_lock "$R.lock" $holder
expect 0 "$SACL" get --wait "$R" p5_1/status
wait $holder 2>/dev/null
rm -f "$R.lock"

# Two writers, one through the symlink and one through the real name,
# with --wait: every save is kept (each sets its own field 15 times).
(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	"$SACL" set --wait=60 link.xml "p5_1/measures[1]/title=a$i" ||
		echo "a$i failed"
done) >"$tmp/a.log" 2>&1 &
pa=$!
(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	"$SACL" set --wait=60 "$R" "p5_1/measures[2]/title=b$i" ||
		echo "b$i failed"
done) >"$tmp/b.log" 2>&1 &
pb=$!
wait $pa
wait $pb
[ ! -s "$tmp/a.log" ] || fail "writer through the link: $(cat "$tmp/a.log")"
[ ! -s "$tmp/b.log" ] || fail "writer through the name: $(cat "$tmp/b.log")"
expect 0 "$SACL" get "$R" p5_1/measures
has "$tmp/out" "p5_1/measures[1]/title=a15"
has "$tmp/out" "p5_1/measures[2]/title=b15"
[ -L link.xml ] || fail "the symlink was replaced by a file"
ls -A | grep -q 'tmp-' && fail "temporaries left: $(ls -A)"

# --- A .lock that is a symbolic link, dangling or not: reported as such.
ln -s /nonexistent/lock "$R.lock"
expect 3 "$SACL" set "$R" p5_1/status=none
has "$tmp/err" "is a symbolic link to /nonexistent/lock"
has "$tmp/err" "dangling"
expect 3 "$SACL" get --wait=5 "$R"
has "$tmp/err" "dangling"
[ -L "$R.lock" ] || fail "the planted lock link was removed"
rm -f "$R.lock"
echo keep >victim
ln -s victim "$R.lock"
expect 3 "$SACL" set "$R" p5_1/status=none
has "$tmp/err" "is a symbolic link to victim"
[ "$(cat victim)" = keep ] || fail "the lock was written through a link"
rm -f "$R.lock"

# --- Read-only files, owner and mode.
cp "$R" before.xml
chmod 0444 "$R"
expect 3 "$SACL" set "$R" p5_1/status=none
has "$tmp/err" "read-only (mode 0444)"
cmp -s "$R" before.xml || fail "a read-only response was rewritten"
[ "$(stat -c %a "$R")" = 444 ] || fail "mode changed to $(stat -c %a "$R")"
expect 3 "$SACL" export --force "$R"
ls ./*.xml.gz >/dev/null 2>&1 && fail "a read-only response was exported"
chmod 0640 "$R"
expect 0 "$SACL" set "$R" p5_1/status=none
[ "$(stat -c %a "$R")" = 640 ] || fail "mode 640 became $(stat -c %a "$R")"
[ "$(stat -c %a "$R.bak")" = 640 ] || fail ".bak mode $(stat -c %a "$R.bak")"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	# root saving another user's response keeps it theirs
	chown nobody "$R"
	expect 0 "$SACL" set "$R" p5_1/status=partial
	[ "$(stat -c %U "$R")" = nobody ] ||
		fail "root's save made it $(stat -c %U "$R")'s"
	# another user may not take over root's group-writable file
	chown root "$R"
	chmod 0666 "$R"
	chmod 0711 "$tmp"
	chmod 1777 .
	st=0
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$SACL" set "$R" p5_1/status=full >"$tmp/out" 2>"$tmp/err" || st=$?
	[ "$st" -eq 3 ] || fail "another user's save: exit $st, not 3"
	has "$tmp/err" "belongs to another user"
	[ "$(stat -c %U "$R")" = root ] || fail "the owner changed"
	chmod 0755 .
	chmod 0600 "$R"
else
	echo "SKIP: not root: owners not checked" >&2
fi

# --- Packages never go through a symbolic link.
echo secret >victim
ln -s victim out.xml.gz
expect 3 "$SACL" export --force -o out.xml.gz "$R"
has "$tmp/err" "symbolic link"
expect 3 "$SACL" export -o out.xml.gz "$R"
[ "$(cat victim)" = secret ] || fail "-o wrote through a symlink"
ln -s victim XXX_uncac-chapter2_1.0_2026-11-30_r1.xml.gz
ln -s /nonexistent/planted XXX_uncac-chapter2_1.0_2026-11-30_r1-2.xml.gz
expect 0 "$SACL" export --force "$R"
has "$tmp/out" "XXX_uncac-chapter2_1.0_2026-11-30_r1-3.xml.gz"
[ "$(cat victim)" = secret ] || fail "the default name wrote through a link"
[ ! -e /nonexistent/planted ] || fail "a dangling link was followed"
rm -f ./*.xml.gz

# --- Temporaries of killed exports: the stale ones are swept, a live
# writer's (flocked) and a fresh one are left.
: >pkg.xml.gz.tmp-AbC123
: >XXX_a_r9.xml.gz.tmp-Zz9yX8
: >pkg.xml.gz.tmp-live01
: >pkg.xml.gz.tmp-fresh1
: >notes.txt.tmp-old123
touch -d '2 hours ago' pkg.xml.gz.tmp-AbC123 XXX_a_r9.xml.gz.tmp-Zz9yX8 \
	pkg.xml.gz.tmp-live01 notes.txt.tmp-old123
flock pkg.xml.gz.tmp-live01 sleep 30 &
fl=$!
sleep 0.3
expect 0 "$SACL" export --force "$R"
[ ! -e pkg.xml.gz.tmp-AbC123 ] || fail "a killed export's temporary was kept"
[ ! -e XXX_a_r9.xml.gz.tmp-Zz9yX8 ] || fail "a stale temporary was kept"
[ -e pkg.xml.gz.tmp-live01 ] || fail "a live writer's temporary was swept"
[ -e pkg.xml.gz.tmp-fresh1 ] || fail "a fresh temporary was swept"
[ -e notes.txt.tmp-old123 ] || fail "an unrelated file was swept"
kill $fl 2>/dev/null
wait $fl 2>/dev/null
rm -f ./*.tmp-* ./*.xml.gz

# --- A full disk: the response's revision and the packages agree.
if [ "$(id -u)" -eq 0 ]; then ns="unshare -m"; else ns="unshare -r -m"; fi
mkdir full
if command -v unshare >/dev/null &&
    $ns sh -c 'mount -t tmpfs -o size=256k none "$1"' sh full 2>/dev/null
then
	rev() { sed -n 's/.* revision="\([0-9]*\)".*/\1/p' "$1" | head -1; }
	cp "$R" r0.xml
	r0=$(rev r0.xml)
	r0=${r0:-0}
	# 1. the package's folder is full: the response records revision
	# r0+1 (a gap), no package; the next export is r0+2, never r0+1
	# again.
	$ns sh -c '
	    mount -t tmpfs -o size=64k none full &&
	    dd if=/dev/zero of=full/filler bs=4k 2>/dev/null
	    "$@"' sh "$SACL" export --force -o full/p.xml.gz "$R" \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 3 ] || fail "full disk (package): exit $st, not 3"
	has "$tmp/err" "No space left"
	has "$tmp/err" "a gap, never a reuse"
	r1=$(rev "$R")
	[ "${r1:-0}" -eq $((r0 + 1)) ] ||
		fail "full disk (package): response at revision $r1, not $((r0 + 1))"
	expect 0 "$SACL" export --force "$R"
	has "$tmp/out" "_r$((r0 + 2)).xml.gz"
	# 2. the response's folder is full: no package at all, the
	# response left as it was.
	cp "$R" full-r.xml
	r2=$(rev full-r.xml)
	$ns sh -c '
	    mount -t tmpfs -o size=256k none full &&
	    cp full-r.xml full/r.xml &&
	    { dd if=/dev/zero of=full/filler bs=4k 2>/dev/null; true; } &&
	    truncate -s -8K full/filler &&
	    "$@"; st=$?
	    grep -c "revision=\"'"$r2"'\"" full/r.xml >/dev/null || st=99
	    exit $st' sh "$SACL" export --force -o p2.xml.gz full/r.xml \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 3 ] || fail "full disk (response): exit $st, not 3 " \
	    "(99: the response's revision moved)"
	has "$tmp/err" "No space left"
	[ ! -e p2.xml.gz ] || fail "full disk (response): a package was written"
else
	echo "SKIP: no private mount namespace: full disk not checked" >&2
fi

[ "$failures" -eq 0 ] || exit 1
echo "PASS: cli_files.sh"

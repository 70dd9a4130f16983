#!/bin/sh
# cli_heap.sh: the heap sacl prepares at start (tui/tui_heap.c). Its top
# is marked for transparent huge pages ("hg" among the VmFlags of the
# [heap] in /proc/PID/smaps), unless GLIBC_TUNABLES is set: then the C
# library's heap is left as the environment says. sacl is caught while
# it waits for a response's lock, after the heap was prepared. Skipped without
# /proc or THP in the kernel, and under a sanitizer (its own allocator).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
cd "$tmp" || exit 99
if [ ! -d /sys/kernel/mm/transparent_hugepage ] || [ ! -r /proc/self/smaps ] ||
    { ldd "$SACL" 2>/dev/null | grep -q libasan; }; then
	echo "SKIP: no transparent huge pages, no /proc, or a sanitizer" >&2
	exit 77
fi
# A response whose lock is held (by this shell, alive): a writer waits.
expect 0 "$SACL" set -c uncac-chapter2 r.xml front/fp_name=A
printf 'pid=%s\nhost=%s\nsince=2026-01-01T00:00:00Z\n' $$ "$(uname -n)" \
    >r.xml.lock
flock r.xml.lock sleep 120 &
holder=$!

# heap_flags [VAR=VALUE]...: the VmFlags of every [heap] mapping of
# `sacl set --wait`, run with the environment given, once it sleeps
# waiting for the lock (its heap long prepared); then it is stopped.
heap_flags() {
	env "$@" "$SACL" set --wait=60 r.xml front/fp_name=B >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ $i -lt 100 ] &&
	    [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != S ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sleep 0.2 # one more sleep of its wait: past the load
	awk '/^[0-9a-f]+-[0-9a-f]+ / { heap = / \[heap\]$/ }
	    heap && /^VmFlags:/ { sub(/^VmFlags:/, ""); print }' \
	    "/proc/$pid/smaps" >"$tmp/flags" 2>/dev/null
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	cat "$tmp/flags"
}

flags=$(heap_flags)
case " $flags " in
*" hg "*) ;;
*) fail "the heap is not marked for huge pages: VmFlags '$flags'" ;;
esac
flags=$(heap_flags GLIBC_TUNABLES=glibc.malloc.check=0)
case " $flags " in
*" hg "*) fail "GLIBC_TUNABLES set, and the heap was marked: '$flags'" ;;
esac
[ -n "$flags" ] || fail "no [heap] found with GLIBC_TUNABLES set"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
expect 0 "$SACL" get r.xml front/fp_name
has "$tmp/out" "front/fp_name=A"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "PASS: cli_heap.sh"

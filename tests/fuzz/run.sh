#!/bin/sh
# run.sh: run each libFuzzer harness for a while (CI: .ci/run).
#   tests/fuzz/run.sh BUILD SECONDS [TARGET...]
# BUILD is a folder configured with --enable-fuzz CC=clang where `make
# fuzz` was run. Each harness starts from its seeds (tests/fuzz/corpus/
# TARGET, read only) and a scratch corpus in BUILD/fuzz-corpus/TARGET;
# a crash, leak, timeout or out-of-memory input is written to
# BUILD/fuzz-crash/ and fails the run: copy it to tests/fuzz/regress/
# TARGET/ with the fix, so that `make check` replays it from then on.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh BUILD SECONDS [TARGET...]}
secs=${2:?usage: run.sh BUILD SECONDS [TARGET...]}
shift 2
[ $# -gt 0 ] || set -- definition response package condition sanitize report
mkdir -p "$build/fuzz-crash"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for t in "$@"; do
	prog=$build/tests/fuzz/fuzz_$t
	[ -x "$prog" ] || { echo "run.sh: no $prog (make fuzz)" >&2; exit 2; }
	mkdir -p "$build/fuzz-corpus/$t"
	echo "fuzz: $t for $secs s"
	if "$prog" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$build/fuzz-crash/$t-" \
	    "$build/fuzz-corpus/$t" "$top/tests/fuzz/corpus/$t" \
	    >"$build/fuzz-$t.log" 2>&1; then
		grep -E '^stat::number_of_executed_units|^stat::peak_rss' \
		    "$build/fuzz-$t.log" | sed "s/^/fuzz: $t: /"
		echo "fuzz: $t: ok"
	else
		status=1
		grep -E 'ERROR|SUMMARY|Test unit written|property failed' \
		    "$build/fuzz-$t.log" | head -20 >&2
		echo "fuzz: $t: FAILED (the input is in $build/fuzz-crash/)"
	fi
done
exit $status

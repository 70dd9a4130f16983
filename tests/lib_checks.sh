# lib_checks.sh: sourced by the shell tests that run every check and count
# the failures rather than stop at the first (cli_export.sh, cli_setget.sh).
# Sets $tmp, a private folder removed on exit, and $failures.
set -u
: "${SACL:?SACL must name the sacl program}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sacl-$(basename "$0" .sh)-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect STATUS COMMAND...: run it, output in $tmp/out and $tmp/err.
expect() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] ||
		fail "exit $got, not $want: $* ($(cat "$tmp/err"))"
}

has() { # has FILE TEXT: FILE holds TEXT
	grep -F -q -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"
}

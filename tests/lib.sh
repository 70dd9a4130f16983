# lib.sh: sourced by the shell tests. Fail loudly, pass with exit 0;
# automake's driver reads the exit status (77: skipped).
set -eu
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*" >&2; exit 77; }
pass() { printf 'PASS: %s\n' "$(basename "$0")"; exit 0; }
expect_match() {
	case "$1" in
	*"$2"*) ;;
	*) fail "expected '$2' in: $1" ;;
	esac
}
: "${SACL:?run through make check}"

# lib_tmux.sh: sourced by the tmux end-to-end tests (after lib.sh). A
# private tmux server runs sacl in a real terminal; keys go in with
# send-keys, what the user sees comes back with capture-pane. Every wait
# polls the screen or the file with a timeout. Skips (77) without tmux.
TMUX_CMD=${TMUX_BIN:-}
[ -n "$TMUX_CMD" ] || TMUX_CMD=$(command -v tmux || true)
[ -n "$TMUX_CMD" ] && [ -x "$TMUX_CMD" ] || skip "tmux is not installed"
unset TMUX TMUX_PANE
SOCK=sacl-test-$$
DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-e2e.XXXXXX")
tm() { "$TMUX_CMD" -u -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1 || :; rm -rf "$DIR"' EXIT INT TERM
# A UTF-8 locale if there is one: the boxes and wide characters.
LOC=C
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' && LOC=C.UTF-8
TIMEOUT=${E2E_TIMEOUT:-20}
# every save of fill made from the pieces of the last one is compared with
# the whole response: a difference makes sacl exit 70, not 0
export SACL_CHECK_SAVES=1
# SACL_VALGRIND=1 (CI, once): start and start_env run sacl under valgrind
# memcheck; each process logs to $SACL_VALGRIND_LOGS/vg.PID.log (kept:
# the caller reads them), exits 99 on a memory error or a definite leak,
# and the waits are five times longer (keys: a pause after each).
VG=
if [ "${SACL_VALGRIND:-}" = 1 ]; then
	command -v valgrind >/dev/null || skip "valgrind is not installed"
	: "${SACL_VALGRIND_LOGS:?SACL_VALGRIND_LOGS must name a folder}"
	VG="valgrind -q --error-exitcode=99 --leak-check=full"
	VG="$VG --show-leak-kinds=definite --errors-for-leak-kinds=definite"
	VG="$VG --log-file=$SACL_VALGRIND_LOGS/vg.%p.log"
	TIMEOUT=$((TIMEOUT * 5))
fi
# One idle session keeps the server up between the runs.
tm new-session -d -s keep "sleep 3600" || fail "tmux cannot start"

screen() { tm capture-pane -p -t "$S" 2>/dev/null || :; }

# wait_for TEXT: until TEXT is on the screen.
wait_for() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		screen | grep -F -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	tm list-windows -a -F '#{session_name}: #{pane_width}x#{pane_height} #{pane_current_command}' >&2 || :
	fail "$S: timed out waiting for '$1' on the screen"
}

# wait_gone TEXT: until TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		screen | grep -F -q -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "$S: '$1' stays on the screen"
}

# wait_get FILE LINE: until `sacl get FILE` prints LINE (saved on disk).
wait_get() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		"$SACL" get "$1" 2>/dev/null | grep -F -x -q -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "$S: '$2' never reached $1: $("$SACL" get "$1" 2>&1 | cut -c1-200)"
}

# Under valgrind a pause after each key, so that keys sent one by one are
# not read in one burst (a burst is a paste).
keys() { tm send-keys -t "$S" "$@"; [ -z "$VG" ] || sleep 1; }

# start NAME COLS ROWS TERM FILE
start() {
	S=$1
	tm new-session -d -s "$S" -x "$2" -y "$3" \
	    "env TERM=$4 LC_ALL=$LOC NO_COLOR= $VG '$SACL' fill '$5'; \
	    echo SACL-EXIT=\$?; sleep 600" || fail "tmux: no session $S"
	wait_for "${WAIT:-Provisions:}"
}

# search WORD: F3 (from the list or a page), the word, Enter.
search() {
	keys F3
	wait_for "Search for"
	keys -l "$1"
	# the text shown in the dialog before Enter: text and Enter read
	# together are a paste (tui_input.h), whose line end does not go
	wait_for "│ $1"
	keys Enter
}

# The whole run at one size.

# start_env NAME COLS ROWS ENV... -- ARGS...: sacl run as `env ENV... sacl
# ARGS...`, waiting for WAIT (default: the list's heading).
start_env() {
	S=$1
	_c=$2 _r=$3
	shift 3
	_env=""
	while [ "$1" != "--" ]; do _env="$_env '$1'"; shift; done
	shift
	_args=""
	for _a in "$@"; do _args="$_args '$_a'"; done
	tm new-session -d -s "$S" -x "$_c" -y "$_r" \
	    "env $_env $VG '$SACL' $_args; echo SACL-EXIT=\$?; sleep 600" ||
	    fail "tmux: no session $S"
	wait_for "${WAIT:-Provisions:}"
}

# wait_value FILE ID EXPECTED: until the stored value of ID (read with
# xmllint from the file on disk, byte for byte) is EXPECTED.
wait_value() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 10)) ]; do
		v=$("$SACL" get "$1" "$2" 2>/dev/null | sed 's/^[^=]*=//') || v=
		[ "$v" = "$3" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen >&2
	fail "$S: $2 is '$v', not '$3'"
}

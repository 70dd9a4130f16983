#!/bin/sh
# torture_kill.sh: `sacl set` killed with SIGKILL at random moments must
# never lose an answer nor leave a torn file (issue 4, DESIGN.md §6).
#
# Round I runs `sacl set RESPONSE p1/m[I]/t=vI` in the background and
# kills it after a random delay between 0 and about 1.5 times the time a
# whole set takes, so that some runs finish, some die before saving and
# some die while saving (every tenth round is left to finish). After
# each round `sacl get` must load the file and it must hold vJ for every
# earlier round J whose set returned 0.
# A small definition keeps a round short. TORTURE_ROUNDS overrides 200.
set -u
: "${SACL:?SACL must name the sacl program}"
rounds=${TORTURE_ROUNDS:-200}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sacl-torture-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
R=$tmp/answers.xml
C=$tmp/torture.xml
cat >"$C" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<checklist xmlns="urn:x-sacl:checklist:1" id="torture" version="1"
           xml:lang="en" languages="en">
  <title>Torture</title>
  <section id="a1" number="1">
    <title>One</title>
    <provision id="p1" number="1.1" level="mandatory">
      <title>P</title>
      <question id="m" type="repeat">
        <label>Entries</label>
        <question id="t" type="text"><label>Text</label></question>
      </question>
    </provision>
  </section>
</checklist>
EOF

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Calibrate: how long does one whole set take here?
t0=$(now_ms)
"$SACL" set --checklist "$C" "$R" "p1/m[1]/t=v0" || {
	echo "FAIL: the first set failed" >&2
	exit 1
}
t1=$(now_ms)
span=$(( (t1 - t0) * 3 / 2 + 1 ))

# One random delay (seconds) per round, from 0 to SPAN ms.
awk -v n="$rounds" -v span="$span" -v seed="$$" 'BEGIN {
	srand(seed)
	for (i = 1; i <= n; i++) printf "%.3f\n", rand() * span / 1000
}' >"$tmp/delays"

: >"$tmp/ok"
i=0 done_ok=0 killed=0
start=$(now_ms)
while read -r delay; do
	i=$((i + 1))
	"$SACL" set --checklist "$C" "$R" "p1/m[$i]/t=v$i" 2>"$tmp/err" &
	pid=$!
	# every tenth round runs to its end, whatever the load on the machine
	kill_it=$((i % 10))
	if [ "$kill_it" -ne 0 ]; then
		sleep "$delay"
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
	rc=$?
	case $rc:$kill_it in
	0:*) echo "$i" >>"$tmp/ok"; done_ok=$((done_ok + 1)) ;;
	137:[1-9]) killed=$((killed + 1)) ;;
	*) echo "FAIL: round $i: set exited $rc: $(cat "$tmp/err")" >&2
	   exit 1 ;;
	esac
	if ! "$SACL" get --checklist "$C" "$R" >"$tmp/got" 2>"$tmp/err"; then
		echo "FAIL: round $i: get: $(cat "$tmp/err")" >&2
		exit 1
	fi
	# every answer whose set returned 0 is there
	awk -v okf="$tmp/ok" \
	    'FILENAME == okf { want["p1/m[" $1 "]/t=v" $1] = 1; next }
	     { delete want[$0] }
	     END { for (w in want) { print "missing: " w; bad = 1 }
	           exit bad }' "$tmp/ok" "$tmp/got" >"$tmp/missing" || {
		echo "FAIL: round $i: $(head -3 "$tmp/missing")" >&2
		exit 1
	}
done <"$tmp/delays"
end=$(now_ms)

leftover=$(find "$tmp" -name 'answers.xml.tmp-*' | wc -l)
echo "torture_kill: $i rounds in $((end - start)) ms (one set: $((t1 - t0)) ms):" \
	"$done_ok completed, $killed killed, $leftover stray temporary files," \
	"no answer lost"
[ "$i" -eq "$rounds" ] || { echo "FAIL: only $i rounds" >&2; exit 1; }
# every set sweeps what killed ones left: at most the last one's
[ "$leftover" -le 1 ] || { echo "FAIL: stray files not swept" >&2; exit 1; }
[ "$done_ok" -gt 0 ] || { echo "FAIL: no set ever completed" >&2; exit 1; }
[ "$killed" -gt 0 ] || { echo "FAIL: no set was ever killed" >&2; exit 1; }
exit 0

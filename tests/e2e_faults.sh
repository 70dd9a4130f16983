#!/bin/sh
# e2e_faults.sh: faults seen from `sacl fill` (issue 11), in tmux.
# - Export (Ctrl-X, then w) when the response cannot be saved (its .bak
#   is a folder): the response is saved with the new revision before the
#   package is written, so no package is written and no revision is used
#   twice; once the fault is gone the package is revision 1.
# - A change that would take the response over its size cap is taken back
#   at once: the field shows its previous value and the message names the
#   cap, as `sacl set` refuses it (not "NOT SAVED ... retry").
# Skipped (77) without tmux.
. "$TOP_SRCDIR/tests/lib.sh"

. "$TOP_SRCDIR/tests/lib_tmux.sh"
export SACL_NOW=2026-11-30T12:00:00Z

# Export while the response cannot be saved.
export_fault() {
	mkdir "$DIR/x"
	f=$DIR/x/r.xml
	"$SACL" set --checklist uncac-chapter2 "$f" front/state=AUT \
	    >/dev/null 2>&1 || fail "set"
	start export 100 30 screen "$f"
	mkdir -p "$f.bak/keep" # a save can no longer keep the previous file
	keys C-x
	wait_for "Not complete:"
	keys w
	wait_for "Not exported"
	ls "$DIR/x" | grep -q '\.xml\.gz$' &&
		fail "a package was written though the response was not saved"
	rm -rf "$f.bak"
	keys C-x
	wait_for "Not complete:"
	keys w
	wait_for "Package written"
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
	p=$(ls "$DIR/x"/*.xml.gz) || fail "no package"
	gzip -dc "$p" | grep -q 'revision="1"' ||
		fail "the package is not revision 1"
	grep -q 'revision="1"' "$f" || fail "the response does not record revision 1"
}

# A change over the response cap (16 MiB): taken back when made.
over_cap() {
	f=$DIR/big.xml
	"$SACL" set --checklist uncac-chapter2 "$f" front/state=AUT \
	    >/dev/null 2>&1 || fail "set"
	t=$(head -c 199000 /dev/zero | tr '\0' x)
	for p in p6_1 p7_1 p8_1; do
		i=1
		while [ $i -le 28 ]; do
			echo "$p/measures[$i]/summary=$t"
			i=$((i + 1))
		done >"$DIR/lines"
		"$SACL" set --from "$DIR/lines" "$f" >/dev/null 2>&1 ||
			fail "set --from ($p)"
	done
	# one summary more, made to end the file 150 bytes under the cap
	"$SACL" set "$f" 'p9_1/measures[1]/summary=y' >/dev/null 2>&1 ||
		fail "set y"
	n=$((16777216 - 150 - $(wc -c <"$f")))
	[ "$n" -ge 0 ] && [ "$n" -le 199000 ] || fail "size: $n"
	head -c $((n + 1)) /dev/zero | tr '\0' y >"$DIR/v"
	echo "p9_1/measures[1]/summary=$(cat "$DIR/v")" >"$DIR/one"
	"$SACL" set --from "$DIR/one" "$f" >/dev/null 2>&1 || fail "set one"
	[ "$(wc -c <"$f")" -eq $((16777216 - 150)) ] ||
		fail "the response is $(wc -c <"$f") bytes"
	start cap 100 30 screen "$f"
	keys g
	wait_for "Go to provision"
	keys -l 5.1
	keys Enter
	wait_for "Coordinated anti-corruption policies"
	keys Space
	wait_get "$f" "p5_1/status=full"
	search "Examples of implementation"
	wait_for 'found for "Examples of implementation"'
	keys Enter
	wait_for "5.1  Coordinated"
	keys Enter
	wait_for "EDIT"
	keys -l "$(head -c 300 /dev/zero | tr '\0' z)"
	keys Tab
	wait_for "Change taken back"
	wait_for "over the cap of 16 MiB for a response"
	wait_gone zzzzzzzzzz # the field shows the value from before
	screen | grep -q "NOT SAVED" && fail "NOT SAVED shown"
	"$SACL" get "$f" p5_1/examples >"$DIR/out" 2>&1 ||
		fail "get: $(cat "$DIR/out")"
	grep -q z "$DIR/out" && fail "the change reached the file"
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

export_fault
over_cap
pass

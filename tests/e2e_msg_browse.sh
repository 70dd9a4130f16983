#!/bin/sh
# e2e_msg_browse.sh: `sacl browse` in French (issue 14), in a real
# terminal (tmux): the column headings and the words of each row
# (complete or partial, current or superseded) are translated, and the
# columns stay aligned by display width, not bytes ("Reçue" before
# "Statut": a byte count would pull the heading one column left of the
# rows' "en vigueur").
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
export SACL_NOW=2026-11-30T12:00:00Z
[ "$LOC" = C.UTF-8 ] || skip "no C.UTF-8 locale"
DB=$DIR/store.db

"$SACL" set -c uncac-chapter2 "$DIR/aut.xml" front/state=AUT \
    p5_1/status=partial >/dev/null || fail "set AUT"
"$SACL" export --force -o "$DIR/aut.xml.gz" "$DIR/aut.xml" >/dev/null 2>&1 ||
	fail "export"
"$SACL" import --db "$DB" "$DIR/aut.xml.gz" >/dev/null || fail "import"

WAIT="Entrée" start_env browse 110 20 TERM=xterm "LC_ALL=$LOC" \
    LANGUAGE=fr NO_COLOR= -- browse --db "$DB"
wait_for "1 soumission"
for w in "État" "Complète" "Oblig." "Rév." "Reçue" "Statut" "Soumission" \
    "partiel" "en vigueur"; do
	wait_for "$w"
done
screen | grep -q "Received\|Submission\|current" &&
	fail "English left in the list: $(screen)"
# the same column: characters before "Statut" and before "en vigueur"
col() { screen | grep -F -- "$1" | head -1 | sed "s/$1.*//" |
	LC_ALL=$LOC wc -m; }
[ "$(col Statut)" = "$(col 'en vigueur')" ] ||
	fail "Statut at $(col Statut), en vigueur at $(col 'en vigueur'): $(screen)"
keys q
wait_for "SACL-EXIT=0"
pass

#!/bin/sh
# rep_i18n.sh: the words `sacl report` and `sacl render` print around the
# checklist's own labels (headings, status words, titles, summaries)
# follow --lang (issue 14): `report --what status --lang fr` in text and
# CSV, `render --lang es` in each format; without --lang, LANGUAGE; with
# neither they stay English.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
unset LANGUAGE
DB=$tmp/store.db
C2=uncac-chapter2

lacks() { # lacks FILE TEXT: FILE does not hold TEXT
	! grep -F -q -- "$2" "$1" || fail "$1 holds '$2': $(cat "$1")"
}
pkg() {
	"$SACL" export --force -o "$tmp/$1" "$2" >/dev/null 2>"$tmp/err" ||
		fail "export $1: $(cat "$tmp/err")"
}

expect 0 "$SACL" set -c $C2 "$tmp/aut.xml" front/state=AUT p5_1/status=partial
pkg aut.xml.gz "$tmp/aut.xml"
expect 0 "$SACL" set -c $C2 "$tmp/fra.xml" front/state=FRA p5_1/status=full
pkg fra.xml.gz "$tmp/fra.xml"
expect 0 "$SACL" import --db "$DB" "$tmp/aut.xml.gz" "$tmp/fra.xml.gz"

# ------------------------------------------------------------ report, fr
COLUMNS=200 expect 0 "$SACL" report --db "$DB" --what status --lang fr
cp "$tmp/out" "$tmp/fr.txt"
has "$tmp/fr.txt" "Non renseigné"
has "$tmp/fr.txt" "Sans objet"
has "$tmp/fr.txt" "État de la mise en œuvre"
has "$tmp/fr.txt" "Disposition"
for w in "Not answered" "Not relevant" "Status of implementation" \
    "Status by provision" "Provision"; do
	lacks "$tmp/fr.txt" "$w"
done
expect 0 "$SACL" report --db "$DB" --what status --lang fr --format csv
head -1 "$tmp/out" >"$tmp/fr.csv"
has "$tmp/fr.csv" '"État","Code","Disposition","Statut","Liste de contrôle"'
lacks "$tmp/fr.csv" "Provision"
expect 0 "$SACL" report --db "$DB" --what submissions --lang fr
has "$tmp/out" "2 soumissions ; en vigueur : 2, remplacées : 0."
lacks "$tmp/out" "superseded"

# ------------------------------------------------------ report, English
COLUMNS=200 expect 0 "$SACL" report --db "$DB" --what status
has "$tmp/out" "Not answered"
has "$tmp/out" "Status of implementation"
lacks "$tmp/out" "Non renseigné"
expect 0 "$SACL" report --db "$DB" --what status --format csv
[ "$(head -1 "$tmp/out" | tr -d '\r')" = '"State","Code","Provision","Status","Checklist"' ] ||
	fail "English CSV header: $(head -1 "$tmp/out")"

# no --lang: the environment's language (LANGUAGE, in a UTF-8 locale)
LANGUAGE=fr LC_ALL=C.UTF-8 expect 0 "$SACL" report --db "$DB" --what status
has "$tmp/out" "Non renseigné"
lacks "$tmp/out" "Not answered"

# ------------------------------------------------------------ render, es
expect 0 "$SACL" render --lang es "$tmp/aut.xml"
cp "$tmp/out" "$tmp/es.txt"
has "$tmp/es.txt" "Preguntas obligatorias sin respuesta:"
has "$tmp/es.txt" "Progreso (preguntas obligatorias)"
for w in "Unanswered required questions" "Conflicts to settle" \
    "Progress (required questions)" "(no answer"; do
	lacks "$tmp/es.txt" "$w"
done
expect 0 "$SACL" render --lang es --format html "$tmp/aut.xml"
has "$tmp/out" "Preguntas obligatorias sin respuesta:"
lacks "$tmp/out" "Unanswered required questions"
expect 0 "$SACL" render --lang es --format markdown "$tmp/aut.xml"
has "$tmp/out" "## Progreso"
lacks "$tmp/out" "## Progress"
# ------------------------------------------------------ render, English
expect 0 "$SACL" render "$tmp/aut.xml"
has "$tmp/out" "Unanswered required questions:"
has "$tmp/out" "Progress (required questions)"
lacks "$tmp/out" "Preguntas obligatorias"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: rep_i18n.sh"

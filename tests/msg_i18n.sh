#!/bin/sh
# msg_i18n.sh: the interface's remaining English (issue 14). Under
# LANGUAGE=fr the --help of validate, info, set, get, export, import,
# report, attachments and browse is French (option names and syntax
# kept), and so are the summaries that count: validate's line, info's
# section lines (their key stays `section:`), export's incomplete
# warning and --verify line, diff's total, a condition's wrong number of
# arguments. Counts choose the language's plural: Russian says 1, 2 and
# 5 missing answers in three forms, Arabic 5 questions in its own. What
# scripts read (info --list, get's ID=VALUE lines) stays as in English,
# and without LANGUAGE every line is the English of before.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
unset LANGUAGE LC_ALL LC_MESSAGES

locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' ||
	{ echo "SKIP: no C.UTF-8 locale"; exit 77; }
in_() { # in_ LL COMMAND...: run sacl in language LL (UTF-8)
	l=$1
	shift
	LC_ALL=C.UTF-8 LANGUAGE=$l "$@"
}
# no catalogues (configure --disable-nls): nothing to check here
case $(in_ fr "$SACL" --help) in
*"Remplir, vérifier et exporter"*) ;;
*) echo "SKIP: no French catalogue (NLS off)"; exit 77 ;;
esac
lacks() { # lacks FILE TEXT: FILE does not hold TEXT
	! grep -F -q -- "$2" "$1" || fail "$1 holds '$2': $(cat "$1")"
}

# ------------------------------------------------------------ --help, fr
for c in validate info set get export import report attachments browse; do
	expect 0 in_ fr "$SACL" $c --help
	has "$tmp/out" "afficher cette aide et quitter"
	has "$tmp/out" "Usage : sacl $c"
	has "$tmp/out" "--help"
	lacks "$tmp/out" "show this help and exit"
	expect 0 "$SACL" $c --help
	has "$tmp/out" "show this help and exit"
done
expect 0 in_ fr "$SACL" validate --help
has "$tmp/out" "Vérifier des définitions de liste de contrôle"
has "$tmp/out" "  -s, --strict  un avertissement fait aussi échouer le fichier"
expect 0 in_ fr "$SACL" set --help
has "$tmp/out" "par ex. -c uncac-chapter2"
expect 0 "$SACL" set --help
has "$tmp/out" "with it, e.g. -c uncac-chapter2),"

# ------------------------------------------- a checklist of five questions
cat >"$tmp/five.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<checklist xmlns="urn:x-sacl:checklist:1" id="five" version="1" xml:lang="en" languages="en">
  <title>Five</title>
  <section id="s1" number="1">
    <title>One</title>
    <provision id="p1" number="1.1" level="mandatory">
      <title>P</title>
      <question id="q1" type="text" required="true"><label>Q1</label></question>
      <question id="q2" type="text" required="true"><label>Q2</label></question>
      <question id="q3" type="text" required="true"><label>Q3</label></question>
      <question id="q4" type="text" required="true"><label>Q4</label></question>
      <question id="q5" type="text" required="true"><label>Q5</label></question>
    </provision>
  </section>
</checklist>
EOF
F=$tmp/five.xml

# validate and info
expect 0 in_ fr "$SACL" validate "$F"
has "$tmp/out" ": valide (five 1, 5 questions)"
expect 0 in_ ar "$SACL" validate "$F"
has "$tmp/out" "(five 1، 5 أسئلة)"
expect 0 "$SACL" validate "$F"
has "$tmp/out" "five.xml: valid (five 1, 5 questions)"
expect 1 in_ fr "$SACL" validate "$TOP_SRCDIR/tests/fixtures/bad-arity.xml"
has "$tmp/err" "appelle selected() avec 1 argument ; cette fonction en prend 2"
# a condition whose cost no cap bounds, said in French (checklist_cost.c)
sed 's|<question id="q5" type="text" required="true">|<question id="q5" type="text" required="true" constraint="count(//node()//node()) \&gt;= 0">|' \
    "$F" >"$tmp/costly.xml"
expect 1 in_ fr "$SACL" validate "$tmp/costly.xml"
has "$tmp/err" "a un coût qu'aucune limite ne peut borner sur une réponse complète"
has "$tmp/err" "part de nombreux nœuds"
expect 1 "$SACL" validate "$tmp/costly.xml"
has "$tmp/err" "has a cost no cap can bound on a full response: the step"
# a missing response: the hint names the default checklist, in French
expect 3 in_ fr "$SACL" set "$tmp/nothing-here.xml" q1=x
has "$tmp/err" "pour en commencer une nouvelle, nommez sa liste de contrôle : sacl set --checklist uncac-chapter2"
# the readers' refusals (checklist_xml.c) in French
{ echo '<?xml version="1.0"?>'; echo '<!DOCTYPE checklist>'; tail -n +2 "$F"; } >"$tmp/doctype.xml"
expect 1 in_ fr "$SACL" validate "$tmp/doctype.xml"
has "$tmp/err" "un DOCTYPE n'est pas autorisé (ni DTD, ni entités)"
expect 0 in_ fr "$SACL" info "$F"
has "$tmp/out" "section: 1 One (1 disposition)"
expect 0 "$SACL" info "$F"
has "$tmp/out" "section: 1 One (1 provision)"
expect 0 "$SACL" info --list "$F"
cp "$tmp/out" "$tmp/list.en"
expect 0 in_ ru "$SACL" info --list "$F"
cmp -s "$tmp/out" "$tmp/list.en" || fail "info --list is not English in ru"

# export: 5, 2 and 1 required answers missing
expect 0 "$SACL" set -c "$F" "$tmp/r5.xml" p1/q1=
expect 0 "$SACL" set -c "$F" "$tmp/r2.xml" p1/q1=a p1/q2=b p1/q3=c
expect 0 "$SACL" set -c "$F" "$tmp/r1.xml" p1/q1=a p1/q2=b p1/q3=c p1/q4=d
expect 5 in_ ru "$SACL" export "$tmp/r5.xml"
has "$tmp/err" "не завершено: 5 обязательных ответов отсутствуют, 0 ответов недопустимы; используйте --force"
expect 5 in_ ru "$SACL" export "$tmp/r2.xml"
has "$tmp/err" "не завершено: 2 обязательных ответа отсутствуют"
expect 5 in_ ru "$SACL" export "$tmp/r1.xml"
has "$tmp/err" "не завершено: 1 обязательный ответ отсутствует"
expect 5 in_ fr "$SACL" export "$tmp/r1.xml"
has "$tmp/err" "  p1/q5: manquante: requise, sans réponse (Q5)"
expect 5 "$SACL" export "$tmp/r1.xml"
has "$tmp/err" "r1.xml: not complete: 1 required answer missing, 0 answers not valid; use --force to export anyway"
expect 5 "$SACL" export "$tmp/r2.xml"
has "$tmp/err" "r2.xml: not complete: 2 required answers missing, 0 answers not valid; use --force to export anyway"
expect 0 in_ fr "$SACL" export --force -o "$tmp/r2.gz" "$tmp/r2.xml"
has "$tmp/err" "incomplète : 2 réponses requises manquantes, 0 réponse non valide"
lacks "$tmp/err" "--force to export anyway"
expect 0 in_ fr "$SACL" export --verify -c "$F" "$tmp/r2.gz"
has "$tmp/out" "r2.gz : ok : liste de contrôle five 1, État -,"
has "$tmp/out" "3/5 réponses requises données, 0 pièce jointe"
expect 0 "$SACL" export --verify -c "$F" "$tmp/r2.gz"
has "$tmp/out" "r2.gz: ok: checklist five 1, State -,"
has "$tmp/out" "3/5 required answered, 0 attachments"

# diff, and get (read by scripts: the same in any language)
cp "$tmp/r2.xml" "$tmp/r3.xml"
expect 0 "$SACL" set "$tmp/r3.xml" p1/q4=d
expect 1 in_ fr "$SACL" diff "$tmp/r2.xml" "$tmp/r3.xml"
has "$tmp/out" "1 différence (ajout : 1, modification : 0, suppression : 0)"
expect 1 "$SACL" diff "$tmp/r2.xml" "$tmp/r3.xml"
has "$tmp/out" "1 difference: 1 added, 0 changed, 0 removed"
expect 0 "$SACL" get "$tmp/r3.xml"
cp "$tmp/out" "$tmp/get.en"
expect 0 in_ fr "$SACL" get "$tmp/r3.xml"
cmp -s "$tmp/out" "$tmp/get.en" || fail "get is not the same in fr"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: msg_i18n.sh"

#!/bin/sh
# cli_languages.sh: the bundled checklist in the six official languages
# of the United Nations (issue 14). Every text of data/uncac-chapter2.xml
# (title, description, help, label, hint, message; a choice's labels
# too) that is given in English has a translation beside it in Arabic,
# Chinese, French, Russian and Spanish; the root lists the six; and
# `sacl info --lang` shows the article titles in French, Arabic and
# Chinese, `sacl info --list --lang` the labels. The completeness check
# needs xmllint (libxml2-utils): skipped without it.
. "${TOP_SRCDIR}/tests/lib.sh"
DEF="$TOP_SRCDIR/data/uncac-chapter2.xml"
LANGS="ar zh fr ru es"

out=$("$SACL" validate --strict "$DEF") || fail "bundled checklist invalid: $out"

# sacl info --lang L: the checklist's languages, and the article titles
# in the Convention's own terms in that language.
out=$("$SACL" info --lang fr "$DEF") || fail "info --lang fr failed"
expect_match "$out" "languages: en ar zh fr ru es"
expect_match "$out" "title: Liste de contrôle pour l'auto-évaluation"
expect_match "$out" "section: 5 Politiques et pratiques de prévention de la corruption ("
expect_match "$out" "section: 9 Passation des marchés publics et gestion des finances publiques ("
expect_match "$out" "section: 14 Mesures visant à prévenir le blanchiment d'argent ("
out=$("$SACL" info --lang ar "$DEF") || fail "info --lang ar failed"
expect_match "$out" "section: 6 هيئة أو هيئات مكافحة الفساد الوقائية ("
expect_match "$out" "section: 13 مشاركة المجتمع ("
out=$("$SACL" info --lang zh "$DEF") || fail "info --lang zh failed"
expect_match "$out" "section: 8 公职人员行为守则 ("
expect_match "$out" "section: 11 与审判和检察机关有关的措施 ("
out=$("$SACL" info --lang ru "$DEF") || fail "info --lang ru failed"
expect_match "$out" "section: 10 Публичная отчетность ("
out=$("$SACL" info --lang es "$DEF") || fail "info --lang es failed"
expect_match "$out" "section: 12 Sector privado ("
out=$("$SACL" info --list --lang fr "$DEF") || fail "info --list --lang fr failed"
printf '%s\n' "$out" | grep -q "^p9_1/status	single	État d'application$" ||
	fail "p9_1/status not labelled in French"
printf '%s\n' "$out" | grep -q "^front/state	single	État$" || fail "front/state not in French"

# Every text given in English has its five translations in the same
# place (same parent, same element name).
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
[ -n "$XMLLINT" ] || skip "no xmllint: the completeness check needs libxml2-utils"
xcount() {
	"$XMLLINT" --xpath "count($1)" "$DEF" 2>/dev/null || fail "xmllint --xpath failed on $1"
}
langs=$("$XMLLINT" --xpath "string(/*/@languages)" "$DEF")
[ "$langs" = "en ar zh fr ru es" ] || fail "languages=\"$langs\", not the six"
total=0
for tag in title description help label hint message; do
	n=$(xcount "//*[local-name()='$tag' and not(@xml:lang)]")
	[ "$n" -gt 0 ] || [ "$tag" = message ] || fail "no English <$tag>"
	total=$((total + n))
	for l in $LANGS; do
		m=$(xcount "//*[local-name()='$tag' and not(@xml:lang)][not(../*[local-name()='$tag' and @xml:lang='$l'])]")
		[ "$m" -eq 0 ] && continue
		first=$("$XMLLINT" --xpath "string((//*[local-name()='$tag' and not(@xml:lang)][not(../*[local-name()='$tag' and @xml:lang='$l'])])[1])" "$DEF")
		fail "$m <$tag> without a '$l' translation, the first: $first"
	done
	# no text in a language the root does not list, none in English twice
	k=$(xcount "//*[local-name()='$tag' and @xml:lang]")
	[ "$k" -eq $((n * 5)) ] || fail "<$tag>: $n English, $k translations (expected $((n * 5)))"
done
[ "$total" -gt 400 ] || fail "only $total English texts found"
pass

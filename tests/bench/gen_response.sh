#!/bin/sh
# gen_response.sh LIST [SEED]: the answers of a filled response for make
# bench, as `sacl set --from` reads them (one ID=VALUE a line), from LIST,
# the output of `sacl info --list DEF` (a definition made by
# gen_checklist.sh). Every provision is answered "partial" with one
# measure, examples, steps, a timeline, challenges, no technical
# assistance needed and one assistance received; the front section in
# full. Texts are varied: words drawn from a vocabulary of about 200 by
# a pseudo-random sequence (awk's srand(SEED), default 12), 3 to 12 words
# for a line, 25 to 120 for a long text, so that they compress as prose
# does, not as one word repeated. Files and optional lists of choices
# with texts of their own ("other") are left out.
#
# gen_response.sh --entries N REPEAT: N entries of the repeat REPEAT
# (e.g. p5_1/measures) instead: a title, a reference, a date and a
# summary in each.
set -eu
if [ "${1:-}" = --entries ]; then
	N=${2:?usage: gen_response.sh --entries N REPEAT}
	R=${3:?usage: gen_response.sh --entries N REPEAT}
	MODE=entries
	LIST=/dev/null
	SEED=12
else
	LIST=${1:?usage: gen_response.sh LIST [SEED]}
	MODE=fill N=0 R=
	SEED=${2:-12}
fi
awk -F '	' -v mode="$MODE" -v n="$N" -v rep="$R" -v seed="$SEED" '
BEGIN {
	srand(seed)
	nv = split("public official officials integrity ethics code conduct " \
	    "declaration assets interests conflict procurement tender contract " \
	    "audit auditor court judge judiciary prosecutor prosecution police " \
	    "commission agency ministry council parliament law act decree " \
	    "regulation policy strategy plan programme training awareness " \
	    "campaign school university civil society media journalist " \
	    "whistleblower reporting complaint hotline investigation sanction " \
	    "penalty dismissal appointment recruitment merit salary budget " \
	    "finance treasury account accounts records disclosure transparency " \
	    "access information website portal online register registry " \
	    "beneficial ownership company companies private sector standard " \
	    "accounting bank banks money laundering financial intelligence unit " \
	    "risk assessment review evaluation indicator indicators data report " \
	    "reports annual quarterly national regional local municipal " \
	    "district province federal state government cabinet president " \
	    "minister committee board member members staff employee employees " \
	    "implementation adopted amended revised draft entered force since " \
	    "during within under through between against among before after " \
	    "new existing independent specialized dedicated permanent " \
	    "effective efficient adequate sufficient limited further additional " \
	    "cooperation coordination exchange assistance partner partners " \
	    "international bilateral multilateral convention article provision " \
	    "requirement requirements measure measures practice practices " \
	    "guideline guidelines manual handbook workshop seminar course " \
	    "online electronic system systems database monitoring oversight " \
	    "control internal external inspection inspectorate ombudsman " \
	    "election elections candidate party parties funding donation " \
	    "gift gifts hospitality threshold value year years month months " \
	    "cases case number total increase decrease rate percent", v, " ")
}
function word() { return v[1 + int(rand() * nv)] }
function words(lo, hi,    w, m, s, i) {
	m = lo + int(rand() * (hi - lo + 1))
	w = word()
	s = toupper(substr(w, 1, 1)) substr(w, 2)
	for (i = 2; i <= m; i++) {
		s = s " " word()
		if (i < m && rand() < 0.08) s = s (rand() < 0.5 ? "," : ".")
		if (rand() < 0.04) s = s " " int(rand() * 2030)
	}
	return s "."
}
function date() {
	return sprintf("%04d-%02d-%02d", 1995 + int(rand() * 30),
	    1 + int(rand() * 12), 1 + int(rand() * 28))
}
mode == "entries" { next }
$2 == "repeat" { isrep[$1] = 1; next }
{
	# the path with entry 1 of each repeat above it
	np = split($1, part, "/"); p = part[1]; pre = part[1]
	for (i = 2; i <= np; i++) {
		if (isrep[pre]) p = p "[1]"
		pre = pre "/" part[i]; p = p "/" part[i]
	}
	id = part[np]
	if ($2 == "file" || id == "stakeholders" || id == "ta_forms" ||
	    id == "good_practice_text")
		next
	if (id == "state") val = "AUT"
	else if (id == "status") val = "partial"
	else if (id == "challenges") val = "coordination,capacity"
	else if (id == "consent") val = "yes"
	else if ($2 == "boolean") val = "no"
	else if ($2 == "single" || $2 == "multiple") next
	else if (id ~ /email/) val = sprintf("desk%d@example.org", int(rand() * 1000))
	else if (id == "fp_phone") val = "+43 1 " int(1000000 + rand() * 8999999)
	else if (id == "link") val = sprintf("https://example.org/law/%d", int(rand() * 100000))
	else if ($2 == "date") val = date()
	else if ($2 == "longtext") val = words(25, 120)
	else val = words(3, 12)
	print p "=" val
}
END {
	if (mode != "entries") exit
	for (e = 1; e <= n; e++) {
		print rep "[" e "]/title=" words(3, 12)
		print rep "[" e "]/reference=" words(2, 5)
		print rep "[" e "]/date=" date()
		print rep "[" e "]/summary=" words(25, 120)
	}
}' "$LIST"

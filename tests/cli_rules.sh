#!/bin/sh
# cli_rules.sh: shorthand rules and roles from the command line (issue 9),
# on tests/fixtures/rules.xml, whose front questions have ids of their own
# (country, officer, mail, people, publish) and roles. `sacl set` refuses
# values against min, max, min-length, max-length and pattern with their
# default messages; the package's metadata take the State, the focal
# point, the contacts and consent from the roles, not from fixed ids;
# export refuses an answer a rule no longer accepts. `sacl validate`
# names the line of a bad pattern, a shorthand rule on the wrong type,
# an unknown role, a role twice, on the wrong type or out of its place.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
RULES=$FIXTURES/rules.xml
R=$tmp/r.xml
SACL_NOW=2026-11-30T12:00:00Z
export SACL_NOW

# Shorthand rules, each with its default message (or the question's).
for a in p52_3/received=-1:"At least 0." \
    p52_3/ratio=1.6:"At most 1.5." \
    p52_3/since=1999-12-31:"Not before 2000-01-01." \
    p52_3/code=A:"Minimum number of characters: 2." \
    p52_3/code=ABCDE:"Maximum number of characters: 4." \
    p52_3/code=abc:"The answer is not in the expected form." \
    p52_3/nick=abcd:"Three letters at most." \
    intro/mail=ann:"The answer is not in the expected form."; do
	expect 1 "$SACL" set --checklist "$RULES" "$R" "${a%%:*}"
	has "$tmp/err" "sacl: ${a%%=*}: ${a#*:}"
done
[ ! -e "$R" ] || fail "a refused set created $R"

# Roles: the metadata come from the questions with the roles.
expect 0 "$SACL" set --checklist "$RULES" "$R" intro/country=KEN \
	"intro/officer=Ann Officer" intro/mail=ann@example.org \
	"intro/people[1]/who=Bo Contact" "intro/people[1]/phone_no=+254 1" \
	intro/publish=no p52_3/situation=done p52_4/situation=open \
	p52_3/received=5 p52_3/executed=4 p52_3/code=AB p52_3/nick=Été
expect 0 "$SACL" export -o "$tmp/p.xml.gz" "$R"
gzip -dc "$tmp/p.xml.gz" >"$tmp/p.xml" || fail "not gzip"
has "$tmp/p.xml" '<state code="KEN">Kenya</state>'
has "$tmp/p.xml" '<name>Ann Officer</name>'
has "$tmp/p.xml" '<email>ann@example.org</email>'
has "$tmp/p.xml" '<name>Bo Contact</name>'
has "$tmp/p.xml" '<phone>+254 1</phone>'
has "$tmp/p.xml" '<consent-to-publish>no</consent-to-publish>'
expect 0 "$SACL" export --verify --checklist "$RULES" "$tmp/p.xml.gz"

# An answer its rules no longer accept (the file edited by hand): export
# refuses it and names the rule.
sed 's|<received>5</received>|<received>-3</received>|' "$R" >"$tmp/e.xml"
mv "$tmp/e.xml" "$R"
expect 5 "$SACL" export -o "$tmp/p2.xml.gz" "$R"
has "$tmp/err" "p52_3/received: invalid: At least 0."
has "$tmp/err" "p52_3/executed: invalid: No more requests executed than received."

# validate: each mistake with its line.
# bad SEARCH REPLACE LINE MESSAGE: rules.xml with SEARCH replaced is
# refused at LINE with MESSAGE.
bad() {
	sed "s|$1|$2|" "$RULES" >"$tmp/bad.xml"
	cmp -s "$RULES" "$tmp/bad.xml" && fail "bad: '$1' not in rules.xml"
	expect 1 "$SACL" validate "$tmp/bad.xml"
	has "$tmp/err" "bad.xml:$3:"
	has "$tmp/err" "$4"
}
L=$(grep -n 'pattern="\[A-Z\]+"' "$RULES" | cut -d: -f1)
bad 'pattern="\[A-Z\]+"' 'pattern="[A-Z"' "$L" \
	"question 'code': pattern=\"[A-Z\" is not an XML Schema regular expression"
bad 'pattern="\[A-Z\]+"' 'min="1"' "$L" \
	"question 'code': min applies to integer, decimal and date questions only"
L=$(grep -n 'id="country" role="state"' "$RULES" | cut -d: -f1)
bad 'id="country" role="state"' 'id="country" role="land"' "$L" \
	"question 'intro/country': role 'land' is not a role"
L=$(grep -n 'id="officer" role=' "$RULES" | cut -d: -f1)
bad 'id="officer" role="focal-point-name"' 'id="officer" role="state"' \
	"$L" "role 'state' needs a question of type single, not text"
L=$(grep -n 'id="publish" role=' "$RULES" | cut -d: -f1)
bad 'id="publish" role="consent"' 'id="publish" role="ta-needed"' "$L" \
	"role 'ta-needed' belongs on a question of a provision"
# (libxml2 gives an element the line where its start tag ends)
L=$(grep -n 'pattern="\[^@ \]' "$RULES" | cut -d: -f1)
bad 'id="mail" role="focal-point-email"' 'id="mail" role="focal-point-name"' \
	"$L" "role 'focal-point-name' is already on 'intro/officer' (line"

[ "$failures" -eq 0 ] || exit 1
echo "cli_rules: all checks passed"

#!/bin/sh
# cli_render.sh: `sacl render` of a response written by hand with the
# workshop marks of doc/response-format.md (a conflict and its
# candidates, answers to review, provenance, a contribution's agency) and
# hostile values (markup, a bidi override, Markdown syntax), in each
# format: text and Markdown against golden files (and text within its
# width), HTML parsed with xmllint --html and queried with XPath (one
# heading per article, the summary, the marks, the hostile value as text
# and sanitised, the print stylesheet). A package renders through the
# package reader; a damaged one is refused; -o writes atomically and
# never through a symbolic link. The progress table's headings line up
# with its counts in every language.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
RLO=$(printf '\342\200\256')
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
GOLDEN=$TOP_SRCDIR/tests/golden
MINI=$TOP_SRCDIR/tests/fixtures/mini.xml
R=$tmp/r.xml

# xpath FILE EXPR: the string value of EXPR in the HTML FILE.
xpath() {
	"$XMLLINT" --html --xpath "$2" "$1" 2>/dev/null
}
# same A B WHAT: A equals B
same() {
	[ "$1" = "$2" ] || fail "$3: '$1', not '$2'"
}

cat >"$R" <<END
<?xml version="1.0" encoding="UTF-8"?>
<response checklist="mini" checklist-version="2" lang="en" checklist-source="$MINI" agency="Justice" scope="a1">
  <front>
    <state>Utopia &lt;script&gt;alert(1)&lt;/script&gt; ${RLO}txet</state>
    <staff>3</staff>
  </front>
  <a1>
    <p1_1>
      <status conflict="yes" from-agency="Justice" from-file="justice.xml" from-time="2026-12-01T10:00:00Z">partial</status>
      <steps from-agency="Bank">Line one
# not a heading
  | pipe | *star* [link](http://evil.example/) &lt;b&gt;bold&lt;/b&gt;</steps>
      <laws review="last-cycle">
        <entry from-agency="Bank"><title>Act 12</title><year>2001</year></entry>
        <entry><title>Act 13</title><year/></entry>
      </laws>
      <ta review="last-cycle">yes</ta>
      <ta_forms other="Money">drafting other</ta_forms>
      <since/>
    </p1_1>
    <p1_2><status/><steps/><ta/><ta_forms/>
      <p1_2a><status/><steps/><laws/><ta/><ta_forms/></p1_2a>
    </p1_2>
  </a1>
  <a2><p2_1><ratio/><ok>no</ok><why/><advice/></p2_1></a2>
  <conflicts>
    <conflict path="p1_1/status">
      <candidate from-agency="Justice" from-file="justice.xml" from-time="2026-12-01T10:00:00Z">partial</candidate>
      <candidate from-agency="Bank" from-file="bank.xml" from-time="2026-12-01T11:00:00Z">full</candidate>
    </conflict>
  </conflicts>
</response>
END
cp "$R" "$tmp/r.orig"

# text: the golden file, the width, sanitised
expect 0 "$SACL" render --width 72 "$R"
cmp -s "$tmp/out" "$GOLDEN/render.txt" ||
	fail "text differs from the golden file: $(diff "$GOLDEN/render.txt" "$tmp/out" | head -20)"
expect 0 "$SACL" render --format text --width 40 "$R"
long=$(LC_ALL=C.UTF-8 awk 'length > 40' "$tmp/out" | head -3)
[ -z "$long" ] || fail "lines over 40 columns: $long"
grep -q "$RLO" "$tmp/out" && fail "text: a raw bidi override"
has "$tmp/out" "<U+202E>txet"
has "$tmp/out" "[CONFLICT] from Justice"
has "$tmp/out" "[TO REVIEW: from the last cycle]"
has "$tmp/out" "Fully, from Bank (bank.xml,"
COLUMNS=50 "$SACL" render "$R" >"$tmp/c50" 2>&1 ||
	fail "render with COLUMNS=50"
long=$(LC_ALL=C.UTF-8 awk 'length > 50' "$tmp/c50" | head -3)
[ -z "$long" ] || fail "COLUMNS=50: lines over 50 columns: $long"

# Markdown: the golden file; no markup passes
expect 0 "$SACL" render --format markdown "$R"
cmp -s "$tmp/out" "$GOLDEN/render.md" ||
	fail "markdown differs from the golden file: $(diff "$GOLDEN/render.md" "$tmp/out" | head -20)"
grep -n -E '(^|[^\\])(<script|<b>|\]\(http)|^# not' "$tmp/out" &&
	fail "markdown: a value became markup"
grep -q "$RLO" "$tmp/out" && fail "markdown: a raw bidi override"

# HTML: parsed, queried
if [ -z "$XMLLINT" ]; then
	echo "SKIP (HTML checks): xmllint is not installed" >&2
else
	expect 0 "$SACL" render --format html -o "$tmp/r.html" "$R"
	[ -s "$tmp/r.html" ] || fail "no HTML written"
	"$XMLLINT" --html --noout "$tmp/r.html" 2>"$tmp/lint" ||
		fail "HTML does not parse: $(cat "$tmp/lint")"
	# libxml2's HTML 4 parser knows no <section> (the reports' layout too)
	grep -E 'parser (error|warning)' "$tmp/lint" |
	    grep -v 'Tag section invalid' | grep -q . &&
		fail "HTML parse errors: $(cat "$tmp/lint")"
	same "$(xpath "$tmp/r.html" 'count(//section[@class="article"]/h2)')" 3 \
	    "articles"
	same "$(xpath "$tmp/r.html" 'string(//section[@class="article"][2]/h2)')" \
	    "Article 1 Article one" "article heading"
	same "$(xpath "$tmp/r.html" 'count(//h3[@class="provision"])')" 4 \
	    "provision headings"
	same "$(xpath "$tmp/r.html" 'string(//section[@id="summary"]//tr[th="All"]/td[1])')" \
	    "5/9" "summary: required answered"
	same "$(xpath "$tmp/r.html" 'string(//section[@id="summary"]//tr[th="Article 1"]/td[3])')" \
	    "1" "summary: conflicts in article 1"
	same "$(xpath "$tmp/r.html" 'string(//section[@id="summary"]//tr[th="Article 1"]/td[4])')" \
	    "2" "summary: to review in article 1"
	same "$(xpath "$tmp/r.html" 'count(//script)')" 0 "script elements"
	same "$(xpath "$tmp/r.html" 'count(//dd//b)')" 0 "b elements from a value"
	same "$(xpath "$tmp/r.html" 'string(//dt[.="State"]/following-sibling::dd[1])')" \
	    "Utopia <script>alert(1)</script> <U+202E>txet" "hostile value"
	grep -q "$RLO" "$tmp/r.html" && fail "HTML: a raw bidi override"
	same "$(xpath "$tmp/r.html" 'count(//span[@class="mark conflict"])')" 1 \
	    "conflict marks"
	same "$(xpath "$tmp/r.html" 'count(//span[@class="mark review"])')" 2 \
	    "review marks"
	same "$(xpath "$tmp/r.html" 'string(//dt[.="Forms of assistance"]/following-sibling::dd[1])')" \
	    "Drafting; Other: Money" "choices by their labels"
	same "$(xpath "$tmp/r.html" 'string(//dt[.="Laws"]/following-sibling::dd[1]//tbody/tr[2]/td[1])')" \
	    "Act 13" "a list as a table"
	same "$(xpath "$tmp/r.html" 'count(//section[@id="unanswered"]//li)')" 4 \
	    "unanswered questions listed"
	same "$(xpath "$tmp/r.html" 'count(//section[@id="conflicts"]/ul/li/ul/li)')" 2 \
	    "conflict candidates"
	has "$tmp/r.html" "section.article{break-before:page;page-break-before:always;}"
	has "$tmp/r.html" "@media print"
	same "$(xpath "$tmp/r.html" 'count(//link|//img|//iframe)')" 0 \
	    "nothing fetched"
fi
cmp -s "$R" "$tmp/r.orig" || fail "render changed the response"

# a required answer missing in a list entry is listed too
sed 's|<entry><title>Act 13</title>|<entry><title/>|' "$R" >"$tmp/e.xml"
expect 0 "$SACL" render --width 72 "$tmp/e.xml"
has "$tmp/out" "Unanswered here (1): Title (in an entry)"
has "$tmp/out" "1.1  Title  (p1_1/laws[2]/title)"

# a package: through the package reader
expect 0 "$SACL" set -c "$MINI" "$tmp/p.xml" "front/state=Narnia" \
    p1_1/status=full p1_1/ta=no
expect 0 "$SACL" export --force -o "$tmp/p.xml.gz" "$tmp/p.xml"
expect 0 "$SACL" render --checklist "$MINI" "$tmp/p.xml.gz"
has "$tmp/out" "Narnia"
has "$tmp/out" "Fully"
printf 'not a package' | gzip >"$tmp/bad.xml.gz"
expect 1 "$SACL" render --checklist "$MINI" "$tmp/bad.xml.gz"
[ -s "$tmp/out" ] && fail "a damaged package rendered: $(head -3 "$tmp/out")"

# the progress table in every language: columns in display columns,
# not bytes (the headings of ru, zh and ar are 2 or 3 bytes a letter): the
# heading line ends where the counts end
expect 0 "$SACL" set -c uncac-chapter2 "$tmp/b.xml" p5_1/status=full
for l in en fr es ru zh ar; do
	expect 0 env LC_ALL=C.UTF-8 "$SACL" render --lang "$l" --width 100 \
	    "$tmp/b.xml"
	row=$(grep -n -E '[0-9]+/[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+$' "$tmp/out" |
	    head -1 | cut -d: -f1)
	[ -n "$row" ] && [ "$row" -gt 1 ] ||
	    { fail "$l: no progress table"; continue; }
	hw=$(sed -n "$((row - 1))p" "$tmp/out" | LC_ALL=C.UTF-8 wc -L)
	rw=$(sed -n "${row}p" "$tmp/out" | LC_ALL=C.UTF-8 wc -L)
	same "$hw" "$rw" "$l: the headings' width against the counts'"
done

# -o: never through a symbolic link; usage
echo keep >"$tmp/target"
ln -s "$tmp/target" "$tmp/link"
expect 3 "$SACL" render -o "$tmp/link" "$R"
same "$(cat "$tmp/target")" keep "the symlink's target"
expect 2 "$SACL" render --format pdf "$R"
expect 2 "$SACL" render --width 5 "$R"
expect 2 "$SACL" render
expect 3 "$SACL" render "$tmp/missing.xml"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: cli_render.sh"

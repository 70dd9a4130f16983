#!/bin/sh
# cli_caps.sh: caps on work, one set of limits for writer and reader,
# confined attachments (issue 11). The hostile inputs are made here (sh,
# awk, gzip): each must be refused (or be harmless), naming the cap, in
# bounded time and memory (generous: 5 s and 256 MiB, for slow CI).
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
cd "$tmp" || exit 99
PKG='<package xmlns="urn:x-sacl:package:1" format="1">'

# bounded STATUS COMMAND...: expect, and within 5 s of CPU and 256 MiB
# (not measured under AddressSanitizer, which costs both many times over).
sanitized=false
if command -v ldd >/dev/null 2>&1 && ldd "$SACL" 2>/dev/null | grep -q libasan
then
	sanitized=true
fi
bounded() {
	if [ -x /usr/bin/time ] && ! $sanitized; then
		want=$1
		shift
		/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >"$tmp/out" \
			2>"$tmp/err"
		got=$?
		[ "$got" -eq "$want" ] ||
			fail "exit $got, not $want: $* ($(cat "$tmp/err"))"
		# CPU time (user + system): a busy machine does not count
		secs=$(tail -n 1 "$tmp/time" | awk '{ print $1 + $2 }')
		kb=$(tail -n 1 "$tmp/time" | cut -d' ' -f3)
		awk -v s="$secs" -v k="$kb" 'BEGIN { exit !(s <= 5 && k <= 262144) }' ||
			fail "$*: $secs s, $kb KiB (the bound: 5 s, 262144 KiB)"
	else
		expect "$@"
	fi
}

# --- caps on work: packages (gzip), counted while parsing
awk -v h="$PKG" 'BEGIN { printf "%s<a>", h; for (i = 0; i < 5000000; i++)
	printf "<entry/>"; print "</a></package>" }' | gzip -9 >entries.xml.gz
bounded 1 "$SACL" export --verify entries.xml.gz
has "$tmp/err" "elements (the cap for a package)"
awk -v h="$PKG" 'BEGIN { printf "%s<a ", h; for (i = 0; i < 120000; i++)
	printf "a%d=\"\" ", i; print "/></package>" }' | gzip >attrs.xml.gz
bounded 1 "$SACL" export --verify attrs.xml.gz
has "$tmp/err" "bytes in one tag, comment or processing instruction"
awk -v h="$PKG" 'BEGIN { printf "%s<a ", h; for (i = 0; i < 100; i++)
	printf "a%d=\"\" ", i; print "/></package>" }' | gzip >attrs100.xml.gz
bounded 1 "$SACL" export --verify attrs100.xml.gz
has "$tmp/err" "more than 64 attributes on one element (the cap for a package)"
awk -v h="$PKG" 'BEGIN { printf "%s", h; for (i = 0; i < 1000000; i++)
	printf "<?p?>"; print "</package>" }' | gzip >pis.xml.gz
bounded 1 "$SACL" export --verify pis.xml.gz
has "$tmp/err" "more than 100 processing instructions (the cap for a package)"
awk -v h="$PKG" 'BEGIN { printf "%s", h; for (i = 0; i < 1000000; i++)
	printf "<!---->"; print "</package>" }' | gzip >comments.xml.gz
bounded 1 "$SACL" export --verify comments.xml.gz
has "$tmp/err" "comments (the cap for a package)"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>";
	for (i = 0; i < 100000; i++) printf "</a>"; print "" }' | gzip >deep.xml.gz
bounded 1 "$SACL" export --verify deep.xml.gz
has "$tmp/err" "levels of elements nested in one another"

# --- responses: the same counting; a list over 1000 entries; the .bak
R=$tmp/r.xml
expect 0 "$SACL" set --checklist uncac-chapter2 "$R" front/fp_name=A
expect 0 "$SACL" set "$R" front/fp_name=B
awk '/<measures\/>/ && !done { sub(/<measures\/>/, "<measures>");
	print; for (i = 0; i < 1001; i++) print "<entry/>";
	print "</measures>"; done = 1; next } { print }' "$R" >over.xml
bounded 1 "$SACL" get over.xml
has "$tmp/err" "more than 1000 entries in the list <measures>"
awk 'NR == 2 { for (i = 0; i < 1000000; i++) printf "<?p?>" } { print }' \
	"$R" >pis.xml
bounded 1 "$SACL" get pis.xml
has "$tmp/err" "processing instructions (the cap for a response)"
cp "$R" big.xml
cp "$R" big.xml.bak
head -c 17000000 /dev/zero | tr '\0' ' ' >>big.xml
bounded 1 "$SACL" get big.xml
has "$tmp/err" "larger than the cap of 16 MiB for a response"
has "$tmp/err" "the previous version is in big.xml.bak"

# --- definitions: attributes, and a costly condition refused by validate
awk '{ if (!done && sub(/<checklist /, "<checklist ")) {
	for (i = 0; i < 30000; i++) $0 = $0 " x" i "=\"\""; done = 1 } print }' \
	"$TOP_SRCDIR/data/uncac-chapter2.xml" >attrs-def.xml
bounded 1 "$SACL" validate attrs-def.xml
has "$tmp/err" "(the cap for a definition)"
sed 's|<question id="title" type="text" required="true">|<question id="title" type="text" required="true" constraint="count(//node()//node()) \&gt;= 0">|' \
	"$TOP_SRCDIR/data/uncac-chapter2.xml" >costly.xml
bounded 1 "$SACL" validate costly.xml
has "$tmp/err" "attribute constraint: \"count(//node()//node()) >= 0\" has a cost no cap can bound"
# bounded in shape (one descendant step from the root), too many
# operations on a full response
sed 's|<question id="title" type="text" required="true">|<question id="title" type="text" required="true" constraint="count(/descendant::node()) \&gt;= 0">|' \
	"$TOP_SRCDIR/data/uncac-chapter2.xml" >costly2.xml
bounded 1 "$SACL" validate costly2.xml
has "$tmp/err" "p5_1/measures/title: its constraint condition is too costly"
bounded 0 "$SACL" validate "$TOP_SRCDIR/data/uncac-chapter2.xml"

# --- one set of limits: a save that would pass the response cap
T=$(head -c 199000 /dev/zero | tr '\0' x)
for p in p5_1 p6_1; do
	i=1
	while [ $i -le 60 ]; do
		echo "$p/measures[$i]/summary=$T"
		i=$((i + 1))
	done >"lines-$p"
done
bounded 0 "$SACL" set --from lines-p5_1 "$R"
bounded 1 "$SACL" set --from lines-p6_1 "$R"
has "$tmp/err" "over the cap of 16 MiB for a response"
expect 0 "$SACL" get "$R" front/fp_name
has "$tmp/out" "front/fp_name=B"

# --- a value outside the rules (hand edit) is never exported
sed 's|<fp_name>B</fp_name>|<fp_name>B\&#155;</fp_name>|' "$R" >c.xml
expect 1 "$SACL" export --force -o c.xml.gz c.xml
has "$tmp/err" "front/fp_name"
has "$tmp/err" "never exported, not even with --force"
[ ! -e c.xml.gz ] || fail "an unreadable package was written"

# --- attachments confined: a foreign response's file answer
mkdir secret
printf 'secret\n' >secret/secret.txt
F='p5_1/measures[1]/file'
printf 'p5_1/status=full\np5_1/measures[1]/title=T\n%s=../../../../../../../..%s\n' \
	"$F" "$tmp/secret/secret.txt" >foreign
expect 1 "$SACL" set --from foreign "$R"
has "$tmp/err" "$F: a file answer is not taken from --from"
[ ! -e "$R.files" ] || fail "a file named by --from was taken in"
# a hand-edited value naming a file outside RESPONSE.files, even with its
# right checksum, is not read at export
sum=$(sha256sum secret/secret.txt 2>/dev/null | cut -d' ' -f1)
expect 0 "$SACL" set "$R" p5_1/status=full 'p5_1/measures[1]/title=T'
awk -v s="$sum" -v f="secret/secret.txt" '/<file\/>/ && !done {
	sub(/<file\/>/, "<file sha256=\"" s "\">" f "</file>"); done = 1 }
	{ print }' "$R" >h.xml
has h.xml "secret/secret.txt</file>"
expect 1 "$SACL" export --force -o h.xml.gz h.xml
has "$tmp/err" "is not a copy kept beside the response"
[ ! -e h.xml.gz ] || fail "a file outside RESPONSE.files was exported"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "PASS: cli_caps.sh"

#!/bin/sh
# hostile.sh: the classic XML attacks and gzip faults (issue 11), made by
# this script from the bundled checklist, a response and a package (no
# python: sh, sed, awk, gzip, dd), fed to sacl as a definition (validate),
# a response (get) and a package (export --verify). Each must be refused,
# with a message saying why, in under 5 s and (where /usr/bin/time can
# measure it) 256 MiB of memory (512 MiB under AddressSanitizer).
#   XML: any DOCTYPE, billion laughs, quadratic blowup, an external entity
#   (file:///etc/passwd), a parameter entity (an http URL).
#   gzip: a bomb (70 MB of zeros), truncated, a bad CRC, several members,
#   trailing bytes; and a gzip file where plain XML is expected.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
mkdir "$tmp/w" && cd "$tmp/w" || exit 99
C=uncac-chapter2
DEF=${SACL_DATADIR:?}/$C.xml

ms() { echo $(($(date +%s%N) / 1000000)); }
mem_max=262144
grep -q __asan_init "$SACL" 2>/dev/null && mem_max=524288
timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time

# The time bound of WHAT, in ms (the inflate buffer grows by doubling, so
# even the bomb under ASan stays within it).
limit_ms() {
	echo 5000
}

# refused WHAT WANT COMMAND...: exit 1 (or 3 for WANT "io"), a message
# on stderr containing the text in $msg, within the time and memory bound.
refused() {
	what=$1
	want=$2
	shift 2
	t0=$(ms)
	if [ -n "$timer" ]; then
		$timer -o "$tmp/mem" -f %M "$@" >"$tmp/out" 2>"$tmp/err"
	else
		"$@" >"$tmp/out" 2>"$tmp/err"
	fi
	got=$?
	t1=$(ms)
	[ "$got" -eq "$want" ] ||
		fail "$what: exit $got, not $want ($(head -c 300 "$tmp/err"))"
	grep -F -q -- "$msg" "$tmp/err" ||
		fail "$what: no '$msg' in: $(head -c 300 "$tmp/err")"
	[ $((t1 - t0)) -lt "$(limit_ms "$what")" ] ||
		fail "$what: took $((t1 - t0)) ms"
	if [ -n "$timer" ]; then
		kb=$(tail -1 "$tmp/mem")
		[ "${kb:-0}" -lt "$mem_max" ] || fail "$what: used $kb KiB"
	fi
}

# The three kinds of document, whole and valid.
"$SACL" set --checklist "$C" r.xml p5_1/status=partial front/state=AUT \
	>/dev/null 2>&1 || fail "set failed"
"$SACL" export --force -o p.xml.gz r.xml >/dev/null 2>&1 ||
	fail "export failed"
gzip -dc p.xml.gz >p.xml || fail "gunzip of the package"
cp "$DEF" def.xml

# The internal subsets of the attacks; REF is the entity to reference.
dtd_plain() { echo "<!DOCTYPE $1>"; }
dtd_laughs() {
	echo "<!DOCTYPE $1 ["
	echo ' <!ENTITY l0 "lol">'
	i=1
	while [ $i -le 9 ]; do
		j=$((i - 1))
		printf ' <!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">\n' \
		    $i $j $j $j $j $j $j $j $j $j $j
		i=$((i + 1))
	done
	echo ']>'
}
dtd_quadratic() {
	printf '<!DOCTYPE %s [ <!ENTITY l9 "' "$1"
	head -c 60000 /dev/zero | tr '\0' a
	echo '"> ]>'
}
dtd_external() {
	echo "<!DOCTYPE $1 [ <!ENTITY l9 SYSTEM \"file:///etc/passwd\"> ]>"
}
dtd_parameter() {
	echo "<!DOCTYPE $1 [ <!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\">"
	echo " %p; <!ENTITY l9 \"x\"> ]>"
}

# attack KIND ROOT BASE TAG: BASE with the DOCTYPE of KIND after its XML
# declaration, and the entity referenced (many times for the quadratic
# blowup) in the first empty or opening TAG.
attack() {
	head -n 1 "$3"
	"dtd_$1" "$2"
	n=1
	[ "$1" = quadratic ] && n=20000
	tail -n +2 "$3" | awk -v tag="$4" -v n="$n" -v kind="$1" '
	    !done && (p = index($0, "<" tag ">")) + (q = index($0, "<" tag "/>")) {
		open = "<" tag ">"
		at = p ? p : q
		printf "%s%s", substr($0, 1, at - 1), open
		for (i = 0; kind != "plain" && i < n; i++)
			printf "&l9;"
		rest = substr($0, at + length(open) + (p ? 0 : 1))
		print (p ? "" : "</" tag ">") rest
		done = 1
		next
	    }
	    { print }'
}

msg="DOCTYPE is not allowed"
for kind in plain laughs quadratic external parameter; do
	attack $kind checklist def.xml title >"def-$kind.xml"
	refused "definition, $kind" 1 "$SACL" validate "def-$kind.xml"
	attack $kind response r.xml state >"r-$kind.xml"
	refused "response, $kind" 1 "$SACL" get --checklist "$C" "r-$kind.xml"
	attack $kind package p.xml state >"p-$kind.xml"
	gzip -c "p-$kind.xml" >"p-$kind.xml.gz"
	refused "package, $kind" 1 "$SACL" export --verify "p-$kind.xml.gz"
	refused "plain package, $kind" 1 "$SACL" export --verify --plain \
	    "p-$kind.xml"
done
grep -q root: "$tmp/err" && fail "a local file was read through XML"

# Conditions whose cost grows faster than the nodes they visit (node-set
# merges and comparisons, which libxml2's operation limit does not count:
# the first took 528 s to load): refused on load and by validate, naming
# the question and the attribute.
costly() {
	sed "s|<question id=\"title\" type=\"text\" required=\"true\">|<question id=\"title\" type=\"text\" required=\"true\" constraint=\"$1\">|" def.xml
}
msg="has a cost no cap can bound on a full response"
n=0
for e in 'count(//*/following::*/preceding::*) \&gt;= 0' \
    'count(//node()//node()) \&gt;= 0' \
    'count(/descendant::*[count(following::*) \&gt; 0]) \&gt;= 0' \
    'count(../../entry/title/following-sibling::*[1]) \&gt; 0' \
    '../../entry/title != ../../entry/summary'; do
	n=$((n + 1))
	costly "$e" >"costly$n.xml"
	grep -q 'constraint="' "costly$n.xml" || fail "costly$n.xml not made"
	refused "definition, costly condition $n" 1 "$SACL" validate \
	    "costly$n.xml"
	line=$(grep -n 'constraint="' "costly$n.xml" | head -n 1 | cut -d: -f1)
	grep -F -q "costly$n.xml:$line: template 'standard', question 'measures/title'" \
	    "$tmp/err" || fail "costly $n: no FILE:LINE and question: $(cat "$tmp/err")"
	grep -F -q "attribute constraint" "$tmp/err" ||
		fail "costly $n: the attribute is not named"
	refused "definition, costly condition $n, loaded by set" 1 "$SACL" set \
	    --checklist "./costly$n.xml" "costly$n-r.xml" front/state=AUT
	[ ! -e "costly$n-r.xml" ] || fail "costly $n: a response was made"
done
# from one node, the same axes are bounded by the operation limit
costly 'count(following-sibling::*) + count(ancestor::*) \&gt;= 0' >cheap.xml
t0=$(ms)
"$SACL" validate cheap.xml >"$tmp/out" 2>"$tmp/err" ||
	fail "a bounded condition was refused: $(cat "$tmp/err")"
[ $(($(ms) - t0)) -lt 5000 ] || fail "validate cheap.xml: took $(($(ms) - t0)) ms"

# A condition that searches one long text for another (libxml2's own
# contains() compares at every position: 51 s for this export) costs
# linear time whatever the response holds.
sed 's|<question id="examples" role="examples" type="longtext" relevant="|<question id="examples" role="examples" type="longtext" constraint="not(contains(., ../steps))" relevant="|' \
	def.xml >search.xml
grep -q 'contains(., ../steps)' search.xml || fail "search.xml not made"
{
	printf 'p5_1/status=partial\np5_1/examples='
	head -c 199000 /dev/zero | tr '\0' a
	printf '\np5_1/steps='
	head -c 99000 /dev/zero | tr '\0' a
	echo b
} >search.lines
"$SACL" set --checklist ./search.xml search-r.xml front/state=AUT \
	>/dev/null 2>&1 || fail "search: set"
"$SACL" set --from search.lines search-r.xml >"$tmp/out" 2>"$tmp/err" ||
	fail "search: set --from: $(cat "$tmp/err")"
t0=$(ms)
"$SACL" export --force -o search.xml.gz search-r.xml >"$tmp/out" 2>"$tmp/err" ||
	fail "search: export: $(cat "$tmp/err")"
[ $(($(ms) - t0)) -lt 5000 ] || fail "search: export took $(($(ms) - t0)) ms"

# gzip faults, as packages.
size=$(wc -c <p.xml.gz)
head -c 70000000 /dev/zero | gzip -9 >bomb.xml.gz
msg="inflates past the 51.3 MiB cap for a package"
refused "package, gzip bomb" 1 "$SACL" export --verify bomb.xml.gz
head -c $((size / 2)) p.xml.gz >truncated.xml.gz
msg="truncated"
refused "package, truncated" 1 "$SACL" export --verify truncated.xml.gz
head -c $((size - 9)) p.xml.gz >cut.xml.gz
refused "package, trailer cut" 1 "$SACL" export --verify cut.xml.gz
cp p.xml.gz crc.xml.gz
# the CRC-32 is the trailer's first four bytes: invert one
b=$(od -An -tu1 -j $((size - 8)) -N1 p.xml.gz | tr -d ' ')
printf "\\$(printf %03o $((255 - b)))" |
	dd of=crc.xml.gz bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
msg="CRC"
refused "package, bad CRC" 1 "$SACL" export --verify crc.xml.gz
cat p.xml.gz p.xml.gz >members.xml.gz
msg="trailing data"
refused "package, two members" 1 "$SACL" export --verify members.xml.gz
{ cat p.xml.gz; printf 'junk'; } >trailing.xml.gz
refused "package, trailing bytes" 1 "$SACL" export --verify trailing.xml.gz
{ cat p.xml.gz; head -c 64 /dev/zero; } >zeros.xml.gz
refused "package, trailing zeros" 1 "$SACL" export --verify zeros.xml.gz
# the intact package passes, so the refusals above are the faults'
"$SACL" export --verify p.xml.gz >"$tmp/out" 2>"$tmp/err" ||
	fail "the intact package was refused: $(cat "$tmp/err")"

# gzip where plain XML is expected: a definition, a response.
gzip -c def.xml >def.xml.gz
msg="def.xml.gz"
refused "definition, gzip" 1 "$SACL" validate def.xml.gz
gzip -c r.xml >rz.xml
msg="rz.xml"
refused "response, gzip" 1 "$SACL" get --checklist "$C" rz.xml

# Cut short (a copy or a download stopped): the message names the
# element the file ends inside and where it began, for every reader.
# Cut after whole lines (each holds whole tags): a cut inside a tag is
# libxml2's "Couldn't find end of Start Tag", and a response's length
# varies with its ids and times.
# at_end FILE: the error names FILE's last line, or the one after it
# (where the parser stood when the input ran out)
at_end() {
	n=$(wc -l <"$1")
	grep -q -e "^sacl: $1:$n:" -e "^$1:$n:" -e "^sacl: $1:$((n + 1)):" \
	    -e "^$1:$((n + 1)):" "$tmp/err" ||
		fail "$1: not at its end (line $n): $(cat "$tmp/err")"
}
head -n $(($(wc -l <def.xml) / 2)) def.xml >def-cut.xml
msg="is cut short or incomplete"
refused "definition, cut short" 1 "$SACL" validate def-cut.xml
at_end def-cut.xml
head -n $(($(wc -l <r.xml) / 2)) r.xml >r-cut.xml
msg="the file ends inside <"
refused "response, cut short" 1 "$SACL" get r-cut.xml front/state
at_end r-cut.xml
head -n 3 r.xml >r-top.xml # the declaration, <response>, <front>
msg="the file ends inside <front>, opened on line 3: it is cut short"
refused "response, cut after <front>" 1 "$SACL" get r-top.xml front/state
gzip -dc p.xml.gz | head -n 40 | gzip -c >xml-cut.xml.gz
msg="is cut short or incomplete"
refused "package, its XML cut short" 1 "$SACL" export --verify xml-cut.xml.gz

[ "$failures" -eq 0 ] || exit 1
echo "PASS: hostile.sh"

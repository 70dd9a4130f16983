#!/bin/sh
# cli_attach.sh: files and "other" texts from the command line (issue 8,
# items 9 and 10). A file question's file is taken in by `sacl set` (and
# `set --from`): resolved from the current folder, refused at once when
# missing, not a regular file or over the cap, else copied beside the
# response with its checksum, so that the original can go. Export packs
# the copy and --verify accepts it; a lost or changed copy stops even a
# forced export, which then never says "exported anyway". An "other"
# chosen without its text is listed as missing; unticked, its text goes.
. "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}/tests/lib_checks.sh"
export SACL_NOW=2026-11-30T12:00:00Z
mkdir "$tmp/resp" "$tmp/src" "$tmp/elsewhere"
R=$tmp/resp/answers.xml
F='p5_1/measures[1]/file'
cd "$tmp/elsewhere" || exit 99

# Refused when given, with the reason, and nothing written.
expect 1 "$SACL" set --checklist uncac-chapter2 "$R" "$F=./nothere.pdf"
has "$tmp/err" "$F: $tmp/elsewhere/nothere.pdf: no such file"
[ ! -e "$R" ] || fail "a refused file made a response"
expect 1 "$SACL" set --checklist uncac-chapter2 "$R" "$F=$tmp/src"
has "$tmp/err" "$tmp/src: not a regular file"
truncate -s 11M "$tmp/src/big.pdf"
expect 1 "$SACL" set --checklist uncac-chapter2 "$R" "$F=$tmp/src/big.pdf"
has "$tmp/err" "big.pdf: 11 MiB is over the 10 MiB cap for one attachment"
[ ! -e "$R.files" ] || fail "a refused file was copied"

# A relative path starts at the current folder, not the response's.
printf 'National strategy\n' >"$tmp/src/strat.pdf"
(cd "$tmp/src" && "$SACL" set --checklist uncac-chapter2 ../resp/answers.xml p5_1/status=full \
	"$F=strat.pdf" 'p5_1/measures[1]/title=Strategy') >"$tmp/out" 2>"$tmp/err" ||
	fail "set from another folder: $(cat "$tmp/err")"
expect 0 "$SACL" get "$R" "$F"
[ "$(cat "$tmp/out")" = "$F=answers.xml.files/strat.pdf" ] ||
	fail "stored value: $(cat "$tmp/out")"
cmp -s "$tmp/src/strat.pdf" "$R.files/strat.pdf" || fail "no faithful copy"
sum=$(sha256sum "$tmp/src/strat.pdf" | cut -d' ' -f1)
has "$R" "sha256=\"$sum\""
rm "$tmp/src/strat.pdf" # the original may go now

# set --from takes files in the same way; a second file of the same
# name gets a name of its own.
mkdir "$tmp/src/b"
printf 'Another strategy\n' >"$tmp/src/b/strat.pdf"
printf 'p5_1/measures[2]/title=Other\np5_1/measures[2]/file=%s\n' \
	"$tmp/src/b/strat.pdf" >"$tmp/lines"
expect 0 "$SACL" set --from "$tmp/lines" "$R"
expect 0 "$SACL" get "$R" 'p5_1/measures[2]/file'
has "$tmp/out" "answers.xml.files/strat-2.pdf"
rm -r "$tmp/src/b"

# "Other" without its text: missing, by question, whether the question
# is required or not; unticked, the text goes with it.
expect 0 "$SACL" set "$R" p5_1/challenges=coordination,other
expect 5 "$SACL" export -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" 'p5_1/challenges:other: missing: "other" is chosen'
expect 0 "$SACL" set "$R" "p5_1/challenges:other=Ghost text"
expect 0 "$SACL" set "$R" p5_1/challenges=coordination
expect 0 "$SACL" get "$R" p5_1/challenges p5_1/challenges:other
[ "$(cat "$tmp/out")" = "p5_1/challenges=coordination
p5_1/challenges:other=" ] || fail "unticked: $(cat "$tmp/out")"
! grep -q "Ghost text" "$R" || fail "the unticked text stayed in $R"

# Export packs the copies (the originals are gone); --verify agrees.
expect 0 "$SACL" export --force -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "exported anyway"
gzip -dc "$tmp/p.xml.gz" >"$tmp/p.xml"
has "$tmp/p.xml" 'question="p5_1/measures[1]/file" name="strat.pdf"'
has "$tmp/p.xml" 'question="p5_1/measures[2]/file" name="strat-2.pdf"'
! grep -q "Ghost text" "$tmp/p.xml" || fail "the unticked text was exported"
! grep -v '<checklist ' "$tmp/p.xml" | grep -q "sha256=" ||
    fail "the checksum attribute was sent"
expect 0 "$SACL" export --verify "$tmp/p.xml.gz"
has "$tmp/out" "2 attachments"

# A changed copy, then a lost one: listed by question; even --force
# writes nothing, and says so.
rm -f "$tmp/p.xml.gz"
printf 'tampered\n' >"$R.files/strat.pdf"
expect 5 "$SACL" export -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "$F: file: attached file: the copy"
has "$tmp/err" "has changed since it was taken in"
expect 1 "$SACL" export --force -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "not exported"
! grep -q "exported anyway" "$tmp/err" || fail "said exported, wrote nothing"
[ ! -e "$tmp/p.xml.gz" ] || fail "a package with a changed file was written"
rm "$R.files/strat.pdf"
expect 3 "$SACL" export --force -o "$tmp/p.xml.gz" "$R"
has "$tmp/err" "strat.pdf is missing"
! grep -q "exported anyway" "$tmp/err" || fail "said exported, wrote nothing"
[ ! -e "$tmp/p.xml.gz" ] || fail "a package with a lost file was written"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
exit 0

#!/bin/sh
# i18n_po.sh: the interface's catalogues are complete and current
# (issue 14). Fails on a message untranslated or fuzzy in any of
# po/{ar,es,fr,ru,zh_CN}.po, on a catalogue msgfmt --check refuses (a
# format that does not match its message, a bad plural), and on a
# po/sacl.pot that is not what xgettext extracts from today's sources
# (run `make update-po`, then translate what it marks). The program
# finds the catalogues of its build tree (LANGUAGE=fr: French), and the
# man page's key table (fill --print-keys) stays English in any
# language. Skipped (77) without the gettext tools.
. "$TOP_SRCDIR/tests/lib.sh"

for t in xgettext msgfmt msgattrib msgcat; do
	command -v "$t" >/dev/null || skip "$t is not installed (gettext)"
done
po=$TOP_SRCDIR/po
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sacl-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The template from the sources, compared without its creation date.
sh "$po/xgettext.sh" "$TOP_SRCDIR" "$tmp/sacl.pot" 2>"$tmp/err" ||
    fail "xgettext: $(cat "$tmp/err")"
strip() { grep -v '^"POT-Creation-Date:' "$1"; }
strip "$po/sacl.pot" >"$tmp/old"
strip "$tmp/sacl.pot" >"$tmp/new"
cmp -s "$tmp/old" "$tmp/new" || fail "po/sacl.pot is not up to date \
with the sources (make update-po): $(diff "$tmp/old" "$tmp/new" | head -20)"

# No message for the user given as a bare English literal: the first
# string of a call to a function that shows or returns one must be
# marked (_() or P_()); "%s" and the like pass. (Found: "Change taken
# back", "Outside this contribution", "Not a submission", the
# read-only notice, all shown in English in every language.)
bare=$(cd "$TOP_SRCDIR" && perl -0777 -ne 'while (/\b(tui_message|
    tui_dialog_message|tui_dialog_yesno|forms_set_message|
    checklist_error_set|checklist_fatal)\s*\(([^;"]*?)(?<!_\()"([A-Za-z][^"]*)"/gx)
    { print "$ARGV: $1(\"$3\")\n" }' tui/*.c forms/*.c forms/*.h \
    checklist/*.c export/*.c)
[ -z "$bare" ] || fail "messages not marked for translation: $bare"

for l in ar es fr ru zh_CN; do
	f=$po/$l.po
	[ -f "$f" ] || fail "no catalogue $f"
	msgfmt --check --statistics -o /dev/null "$f" 2>"$tmp/stat" ||
	    fail "$l.po: msgfmt --check: $(cat "$tmp/stat")"
	msgattrib --untranslated --no-obsolete "$f" -o "$tmp/un" ||
	    fail "$l.po: msgattrib failed"
	msgattrib --only-fuzzy --no-obsolete "$f" -o "$tmp/fz" ||
	    fail "$l.po: msgattrib failed"
	[ ! -s "$tmp/un" ] || fail "$l.po: untranslated: $(grep '^msgid' \
"$tmp/un" | sed 1d | head -5)"
	[ ! -s "$tmp/fz" ] || fail "$l.po: fuzzy: $(grep '^msgid' "$tmp/fz" |
	    head -5)"
	# every message of the template is in the catalogue
	msgcmp "$f" "$po/sacl.pot" 2>"$tmp/cmp" ||
	    fail "$l.po lacks messages of sacl.pot: $(head -5 "$tmp/cmp")"
done

# (gettext speaks English in the C locale: C.UTF-8 for the rest)
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || skip "no C.UTF-8 locale"
out=$(LC_ALL=C.UTF-8 LANGUAGE=fr "$SACL" --help)
expect_match "$out" "Remplir, vérifier et exporter"
out=$(LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$SACL" nosuch 2>&1) || :
expect_match "$out" "未知命令"
"$SACL" fill --print-keys >"$tmp/keys.en"
for l in fr zh_CN ar; do
	LC_ALL=C.UTF-8 LANGUAGE=$l "$SACL" fill --print-keys >"$tmp/keys.$l"
	cmp -s "$tmp/keys.en" "$tmp/keys.$l" ||
	    fail "fill --print-keys is not English under LANGUAGE=$l"
done
pass

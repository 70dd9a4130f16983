#!/bin/sh
# e2e_second.sh: a second checklist, shaped unlike chapter II
# (tests/fixtures/asset-recovery.xml: its own template whose status
# question varies by level, headings that only group lettered items, a
# repeat of cases with dates and amounts, a rule between two answers,
# English and French), end to end: validate, info, set (a new response
# says which checklist it follows), fill in tmux (headings marked as
# their items, a "shall consider" provision's own status question, in
# French too), export, verify with and without the definition and with
# another definition of the same id and version, and after the
# definition moves (the message names the path the response remembers;
# --checklist NEWPATH fixes it and is remembered).
. "$TOP_SRCDIR/tests/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sacl-second.XXXXXX")
trap 'rm -rf "$DIR"' EXIT INT TERM
mkdir "$DIR/defs"
cp "$FIXTURES/asset-recovery.xml" "$DIR/defs/asset-recovery.xml"
DEF=$(cd "$DIR/defs" && pwd)/asset-recovery.xml
SUM=$(sha256sum "$DEF" | cut -d' ' -f1)
R=$DIR/r.xml

# expect STATUS CMD...: run CMD (stdout in $DIR/out, stderr in $DIR/err).
expect() {
	want=$1
	shift
	st=0
	"$@" >"$DIR/out" 2>"$DIR/err" || st=$?
	[ "$st" -eq "$want" ] ||
	    fail "$*: exit $st, not $want: $(head -c 600 "$DIR/err")"
}
has() { grep -q -F -- "$2" "$1" || fail "no '$2' in $1: $(head -c 800 "$1")"; }
hasnt() { ! grep -q -F -- "$2" "$1" || fail "'$2' in $1"; }

# validate, info: the variant of the status question for "consider".
expect 0 "$SACL" validate "$DEF"
has "$DIR/out" "valid (asset-recovery 0.3"
expect 0 "$SACL" info "$DEF"
has "$DIR/out" "languages: en fr"
has "$DIR/out" "sections: 6"
has "$DIR/out" "sha256: $SUM"
expect 0 "$SACL" info --list "$DEF"
has "$DIR/out" "$(printf 'p52_1/status\tsingle\tStatus of implementation')"
has "$DIR/out" "$(printf 'p52_5/status\tsingle\tHas the State considered this measure?')"
has "$DIR/out" "p52_5/considered_on"
hasnt "$DIR/out" "p52_1/considered_on"
expect 0 "$SACL" info --list --lang fr "$DEF"
has "$DIR/out" "L'État a-t-il envisagé cette mesure ?"

# set: a new response needs --checklist, and says which checklist.
expect 3 "$SACL" set "$R" front/state=FRA
[ ! -e "$R" ] || fail "set without --checklist created $R"
expect 0 "$SACL" set --checklist "$DEF" "$R" front/state=FRA \
    front/authority=AGRASC front/consent=yes
has "$DIR/err" "New response: $R created (asset-recovery 0.3, from $DEF)"
has "$R" "checklist-source=\"$DEF\""
# the variant's own choice, only where the variant is asked
expect 0 "$SACL" set "$R" p58/status=not-considered p58/steps=Later \
    p58/ta_needed=no
expect 1 "$SACL" set "$R" p52_1/status=not-considered
# the rule between two answers, and the dates of a case
expect 0 "$SACL" set "$R" p55/received=5 p55/executed=3
expect 1 "$SACL" set "$R" p55/executed=9
has "$DIR/err" "No more requests can be executed than were received."
expect 1 "$SACL" set "$R" 'p57_1/cases[1]/to_state=Senegal' \
    'p57_1/cases[1]/requested=2024-03-01' 'p57_1/cases[1]/returned=2024-02-01'
has "$DIR/err" "cannot be returned before they were requested"
expect 0 "$SACL" set "$R" 'p57_1/cases[1]/to_state=Senegal' \
    'p57_1/cases[1]/requested=2024-03-01' \
    'p57_1/cases[1]/returned=2024-09-30' 'p57_1/cases[1]/amount=1250000.50'
expect 0 "$SACL" set "$R" p52_2a/status=full

# fill, in a real terminal (tmux; without it, the rest still runs).
if command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1; then
	(
	CDIR=$DIR
	. "$TOP_SRCDIR/tests/lib_tmux.sh"
	trap 'tm kill-server >/dev/null 2>&1 || :; rm -rf "$DIR"' EXIT INT TERM
	start second 132 43 xterm "$R"
	# headings sum up their items, as an article does
	wait_for "[~] 52.2  Guidance to financial"
	wait_for "[~] 52.2(a)  Advisories"
	wait_for "[ ] 53  Measures for direct recovery"
	wait_for "[ ] 54.1  Mechanisms for confiscation"
	screen | grep -q -F -- "[-] 5" && fail "a heading shows [-]"
	# and the legend says so
	wait_for "m marks"
	keys m
	wait_for "and a heading (a provision with"
	keys Space
	wait_for "m marks"
	# a "shall consider" provision asks the variant
	keys C-g
	wait_for "Go to provision"
	keys -l 54.1c
	keys Enter
	wait_for "> * Has the State considered this measure?"
	wait_for "( ) Not yet considered"
	keys Space # the first choice: considered and adopted
	wait_get "$R" "p54_1c/status=full"
	wait_for "When was it last considered?"
	wait_for "Measures in force"
	wait_for "[~] 54.1  Mechanisms for confiscation"
	# a "shall" one the default
	keys C-g
	wait_for "Go to provision"
	keys -l 54.1a
	keys Enter
	wait_for "> * Status of implementation"
	wait_for "( ) In force and applied"
	screen | grep -q -F "When was it last considered?" &&
	    fail "a 'shall' provision asks when it was considered"
	# the rule between two answers, on the page
	keys C-g
	wait_for "Go to provision"
	keys -l 55
	keys Enter
	wait_for "> * Status of implementation"
	keys Down Down Down
	wait_for "> Of those, requests executed"
	keys -l 7 # after the 3 there: 37
	keys Enter
	wait_for "No more requests can be executed than were received."
	keys Escape # the value is given back
	wait_for "PAGE 55"
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
	# in French (the interface too)
	WAIT="Dispositions :" start_env french 132 43 TERM=xterm \
	    "LC_ALL=$LOC" -- fill --lang fr "$R"
	wait_for "Mécanismes de confiscation"
	keys C-g
	wait_for "Aller à la disposition"
	keys -l 58
	keys Enter
	wait_for "L'État a-t-il envisagé cette mesure ?"
	wait_for "(*) Pas encore envisagée"
	keys F10
	wait_for "SACL-EXIT=0"
	) || exit $?
fi
expect 0 "$SACL" get "$R" p54_1c/status
has "$DIR/out" "p54_1c/status=full"

# export: the package names the definition it was filled against.
expect 0 "$SACL" export --force -o "$DIR/p.xml.gz" "$R"
gzip -dc "$DIR/p.xml.gz" >"$DIR/p.xml"
has "$DIR/p.xml" "<checklist id=\"asset-recovery\" version=\"0.3\" sha256=\"$SUM\">Asset recovery self-assessment (chapter V, sample)</checklist>"
# verify without the definition: the structure, then which one it needs
expect 6 "$SACL" export --verify "$DIR/p.xml.gz"
has "$DIR/out" "$DIR/p.xml.gz: structure ok, not checked further: it needs checklist asset-recovery version 0.3, sha256 $SUM"
has "$DIR/out" "give that definition with --checklist FILE"
has "$DIR/err" "unknown checklist 'asset-recovery'"
# a package that is not sound is refused as before (1), not 6
head -c 200 "$DIR/p.xml.gz" >"$DIR/trunc.xml.gz"
expect 1 "$SACL" export --verify "$DIR/trunc.xml.gz" "$DIR/p.xml.gz"
# with it
expect 0 "$SACL" export --verify --checklist "$DEF" "$DIR/p.xml.gz"
has "$DIR/out" "ok: checklist asset-recovery 0.3, State FRA"
# another definition with the same id and version: refused, unless told
sed 's/Not yet considered/Never considered/' "$DEF" >"$DIR/other.xml"
expect 6 "$SACL" export --verify --checklist "$DIR/other.xml" "$DIR/p.xml.gz"
has "$DIR/err" "is not the definition the package was filled against (sha256 $SUM)"
has "$DIR/out" "or --ignore-digest to check it against this one anyway"
expect 0 "$SACL" export --verify --ignore-digest --checklist \
    "$DIR/other.xml" "$DIR/p.xml.gz"
expect 2 "$SACL" export --ignore-digest "$R"

# the definition moves: every command says where the response looked
mkdir "$DIR/moved"
mv "$DEF" "$DIR/moved/"
NEW=$DIR/moved/asset-recovery.xml
for cmd in get export; do
	expect 1 "$SACL" $cmd "$R"
	has "$DIR/err" "checklist 'asset-recovery' is not bundled, and its definition is not where the response remembers it (checklist-source): $DEF"
	has "$DIR/err" "give the definition with --checklist FILE"
done
# --checklist NEWPATH works, and is remembered (saved) for next time
expect 0 "$SACL" get --checklist "$NEW" "$R" p55/received
has "$DIR/out" "p55/received=5"
has "$DIR/err" "now remembers its checklist definition: $NEW"
has "$R" "checklist-source=\"$NEW\""
expect 0 "$SACL" get "$R" p55/executed
has "$DIR/out" "p55/executed=3"
expect 0 "$SACL" set "$R" p55/received=6
hasnt "$DIR/err" "remembers"
pass

#!/bin/sh
# e2e_i18n.sh: the six languages in a real terminal (issue 14), on
# tests/fixtures/i18n.xml, at 80x24 under LC_ALL=C.UTF-8:
# - LANGUAGE=zh_CN: the interface's words are Chinese (the mode, the keys,
#   Yes/No, "(no entries)"), the checklist's texts Chinese, each whole
#   (nothing cut: no "~" cut mark in the status line), and the response
#   records lang="zh";
# - LANGUAGE=ar: the same in Arabic, and an Arabic label right-aligned;
# - F6 switches to French on the same page, the answer typed kept, the
#   response then says lang="fr";
# - fill --lang fr: the interface and the rule's message in French, and
#   `sacl set` on that response gives the rule's French message (chosen
#   by the language recorded).
# Skipped (77) without tmux or without a C.UTF-8 locale.
. "$TOP_SRCDIR/tests/lib.sh"

locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || skip "no C.UTF-8 locale"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
FIX=$FIXTURES/i18n.xml

# start_lang NAME LANGUAGE FILE [ARG...]: a new response to the fixture.
start_lang() {
	n=$1 l=$2 f=$3
	shift 3
	WAIT=$W start_env "$n" 80 24 "LC_ALL=C.UTF-8" "LANGUAGE=$l" \
	    TERM=screen -- fill --checklist "$FIX" "$@" "$f"
}

# status_whole: the status line (the last row) has no cut mark.
status_whole() {
	last=$(screen | tail -n 1)
	case "$last" in
	*"~"*) fail "$S: the status line is cut: $last" ;;
	esac
}

# lang_is FILE LANG: the response says it is filled in LANG.
lang_is() {
	grep -q "<response[^>]* lang=\"$2\"" "$1" ||
	    fail "$1 does not record lang=\"$2\": $(head -c 300 "$1")"
}

# Chinese.
f=$DIR/zh.xml
W="列表" start_lang zh zh_CN "$f"
wait_for "语言"
keys Tab
wait_for "缔约国名称"
wait_for "F1 帮助"
wait_for "咨询过的人员"
wait_for "（无条目）"
wait_for "是"
wait_for "否"
wait_for "页面"
status_whole
lang_is "$f" zh
keys F10
wait_for "SACL-EXIT=0"

# Arabic: the words, and a label right-aligned in its field's width.
f=$DIR/ar.xml
W="القائمة" start_lang ar ar "$f"
keys Tab
wait_for "F1 تعليمات"
status_whole
wait_for "(لا إدخالات)"
wait_for "نعم"
screen | grep -q -E ' {30,}\* اسم الدولة الطرف$' ||
    { screen >&2; fail "ar: the Arabic label is not right-aligned"; }
lang_is "$f" ar

# F6 on that page: French, the same question, the answer kept.
keys Enter
keys -l "Kenya"
keys Enter
wait_get "$f" "intro/state=Kenya"
keys F6
wait_for "Français"
keys Down Enter
wait_for "Nom de l'État partie"
wait_for "Kenya"
wait_for "Oui"
wait_for "PAGE"
wait_for "> * Nom de l'État partie"
lang_is "$f" fr
"$SACL" get "$f" | grep -q -x "intro/state=Kenya" || fail "F6 lost the answer"
keys F10
wait_for "SACL-EXIT=0"

# French with --lang fr: the rule's French message, on screen and later.
f=$DIR/fr.xml
W="Dispositions :" start_lang fr "" "$f" --lang fr
keys g
wait_for "Aller à la disposition"
keys -l 9.1
keys Enter
wait_for "Offres reçues"
keys Enter
wait_for "SAISIE"
keys -l 2
keys Enter
wait_get "$f" "p9_1/received=2"
keys Down Enter
keys -l 5
keys Enter
wait_for "Pas plus de marchés attribués que d'offres reçues."
keys Escape
wait_for "PAGE"
keys F10
wait_for "SACL-EXIT=0"
lang_is "$f" fr
out=$("$SACL" set "$f" p9_1/awarded=7 2>&1) && fail "set took 7 > 2"
expect_match "$out" "Pas plus de marchés attribués que d'offres reçues."
pass

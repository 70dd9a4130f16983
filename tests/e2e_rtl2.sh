#!/bin/sh
# e2e_rtl2.sh: Arabic right-aligned in the rest of the screens (issue 14,
# second part). `sacl fill --lang ar` on the bundled checklist, in tmux at
# 80x24, LANG and LC_ALL C.UTF-8; what the user sees is read with
# capture-pane and measured by display width (wc -L):
# - the overview (o): every article's row ends at the right edge of the
#   pager, its Arabic title last, the name and counts at the left;
# - the presentation (F9): the headings of article 5 and of 5.1 and the
#   label of a question end at the right edge of the centred column;
# - the page of 5.1: a list entry whose title is pasted in Arabic (tmux
#   paste-buffer) shows it in the entry's summary row ("1. ...")
#   right-aligned, ending where the list's label ends, and `sacl get`
#   gives back its bytes unchanged;
# - the help (F1), the interface in Arabic: the provision's heading and
#   the question's hint end by the pager's right border.
# Skipped (77) without tmux or without a C.UTF-8 locale.
. "$TOP_SRCDIR/tests/lib.sh"

locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || skip "no C.UTF-8 locale"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
# A short title (so that a left-aligned row would end early), with
# digits and a Latin word inside.
TITLE='قانون النزاهة (Integrity) رقم 12'
R=$DIR/rtl2.xml

# cells TEXT: its display width, trailing spaces not counted.
cells() {
	printf '%s\n' "$1" | sed 's/ *$//' | LC_ALL=C.UTF-8 wc -L
}

# line_edge TEXT: where the first line of the screen holding TEXT ends.
line_edge() {
	l=$(screen | grep -F -- "$1" | head -n 1)
	[ -n "$l" ] || { screen >&2; fail "$S: no '$1'"; }
	cells "$l"
}

# overview: each article's row (its bar "[#..]") ends by the pager's
# right border: its last character is in column 78, before " │".
overview() {
	keys o
	wait_for "┌─"
	wait_for "القطاع العام │"
	screen | grep -E '\[[#.]+\] ' >"$DIR/rows" || :
	[ "$(wc -l <"$DIR/rows")" -ge 10 ] ||
	    { screen >&2; fail "$S: no rows in the overview"; }
	while IFS= read -r l; do
		printf '%s\n' "$l" | grep -q -E '[^ ] │$' || {
			screen >&2
			fail "$S: an overview row ends before the edge: $l"
		}
	done <"$DIR/rows"
	keys q
	wait_gone "┌─"
}

# present: the page after the front section's (5.1); its headings and a label end in column 78
# (the column is 76 wide, from column 2).
present() {
	keys F9
	wait_for "(للقراءة فقط)"
	wait_for "عن هذا التقييم الذاتي"
	keys Right
	wait_for "سياسات منسقة لمكافحة الفساد"
	for t in "المادة 5" "سياسات منسقة لمكافحة الفساد" "حالة التنفيذ"; do
		[ "$(line_edge "$t")" -eq 78 ] || {
			screen >&2
			fail "$S: the presentation's '$t' does not end at 78"
		}
	done
	keys F9
	wait_for "* حالة التنفيذ"
}

# entry: add an entry to the measures of 5.1 (Insert), paste its title;
# its summary row ends where the list's label ends (79).
entry() {
	e=$(line_edge "* التدابير المعتمدة")
	keys Down
	wait_for "> "
	keys IC
	wait_for "* عنوان التدبير"
	keys Enter
	tm set-buffer -b rtl2 -- "$TITLE"
	tm paste-buffer -b rtl2 -t "$S"
	wait_for "(Integrity)"
	keys Enter
	wait_get "$R" "p5_1/measures[1]/title=$TITLE"
	l=$(screen | grep -F -- "$TITLE" | grep -E '(▾|▸|v|>) 1\. ' |
	    head -n 1)
	[ -n "$l" ] || { screen >&2; fail "$S: no entry row with the title"; }
	[ "$(cells "$l")" -eq "$e" ] || {
		screen >&2
		fail "$S: the entry's Arabic title is not right-aligned: $l"
	}
	printf '%s\n' "$l" | grep -q -E '^ *(▾|v) 1\. +قانون' ||
	    fail "$S: the entry's marker and number moved: $l"
}

# help: F1 in the Arabic interface; the provision's heading and the
# question's hint end by the pager's right border (column 78).
help() {
	keys F1
	wait_for "== 5.1"
	for t in "== 5.1" "اسمه الرسمي"; do
		screen | grep -F -- "$t" | head -n 1 | grep -q -E '[^ ] │$' || {
			screen >&2
			fail "$S: the help's '$t' does not end at the edge"
		}
	done
	keys Escape
	wait_gone "== 5.1"
}

"$SACL" set --checklist uncac-chapter2 "$R" p5_1/status=partial \
    >/dev/null 2>&1 || fail "sacl set: no response"
S=rtl2
WAIT="الأحكام:" start_env "$S" 80 24 "LANG=C.UTF-8" "LC_ALL=C.UTF-8" \
    TERM=screen -- fill --lang ar "$R"
overview
present
entry
help
keys F10
wait_for "SACL-EXIT=0"
pass

#!/bin/sh
# e2e_rtl.sh: Arabic laid out right to left in a real terminal (issue 14).
# `sacl fill --lang ar` on the bundled checklist, in tmux at 80x24 and at
# 120x40, LANG and LC_ALL C.UTF-8; what the user sees is read with
# capture-pane and measured by display width (wc -L):
# - the navigator: every row's Arabic title ends in the list's last column
#   (80x24: the screen's; 120x40: the one before the list's border);
# - the page of 5.1: the rows of options of the status (single choice)
#   and of the challenges (multiple choice) end where the labels end;
# - the chooser of the State (a long list, libmenuw): its options end
#   by the chooser's right border;
# - a text answer pasted in Arabic (tmux paste-buffer) is right-aligned
#   while it is edited, its last letter in the column before the caret's,
#   and `sacl get` gives back its bytes unchanged.
# Skipped (77) without tmux or without a C.UTF-8 locale.
. "$TOP_SRCDIR/tests/lib.sh"

locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || skip "no C.UTF-8 locale"
. "$TOP_SRCDIR/tests/lib_tmux.sh"
BAR='│'
# A name with combining marks, a Latin word, digits and punctuation.
NAME='وزارة العدل - مكتب 12 (Ombudsman) مُنسِّق'

# start_ar NAME COLS ROWS FILE: fill --lang ar on a new response.
start_ar() {
	WAIT="الأحكام:" start_env "$1" "$2" "$3" "LANG=C.UTF-8" \
	    "LC_ALL=C.UTF-8" TERM=screen -- fill --lang ar "$4"
}

# cells TEXT: its display width, trailing spaces not counted.
cells() {
	printf '%s\n' "$1" | sed 's/ *$//' | LC_ALL=C.UTF-8 wc -L
}

# nav_rows COLS: every row of the list (its marker "[ ]") ends at the
# right edge of the list: the screen's width, or the border's column.
nav_rows() {
	screen | sed -n '3,$p' | grep -E '^ *\[.\] ' >"$DIR/nav" || :
	[ "$(wc -l <"$DIR/nav")" -ge 15 ] || { screen >&2; fail "$S: no list"; }
	while IFS= read -r l; do
		part=${l%%"$BAR"*}
		edge=$1
		[ "$part" = "$l" ] ||
		    edge=$(printf '%s\n' "$part" | LC_ALL=C.UTF-8 wc -L)
		[ "$(cells "$part")" -eq "$edge" ] || {
			screen >&2
			fail "$S: a list row ends before column $edge: $l"
		}
	done <"$DIR/nav"
}

# page_part LINE: what the page shows of a line (after the list's border).
page_part() { printf '%s\n' "${1##*"$BAR"}"; }

# label_edge TEXT: where the page's line holding TEXT ends.
label_edge() {
	l=$(screen | grep -F -- "$1" | head -n 1)
	[ -n "$l" ] || { screen >&2; fail "$S: no '$1'"; }
	cells "$(page_part "$l")"
}

# choice_rows: the rows of options on the page end where the label of
# the status ends (both right-aligned to the page's edge).
choice_rows() {
	e=$(label_edge "* حالة التنفيذ")
	screen | while IFS= read -r l; do page_part "$l"; done |
	    grep -E '^ *(\(.\)|\[.\]) ' >"$DIR/choices" || :
	[ "$(wc -l <"$DIR/choices")" -ge 3 ] ||
	    { screen >&2; fail "$S: no rows of options"; }
	while IFS= read -r l; do
		[ "$(cells "$l")" -eq "$e" ] || {
			screen >&2
			fail "$S: a row of options does not end at $e: $l"
		}
	done <"$DIR/choices"
}

# edit_name FILE: paste NAME into the focal point's name; while it is
# edited its row ends one column before the label's edge, the caret
# after it; committed, `sacl get` gives back the same bytes.
edit_name() {
	keys Enter
	wait_for "* الدولة"
	# the chooser of the 195 States: options end by its right border
	keys Enter
	wait_for "أفغانستان (AFG)"
	screen | grep -F "أفغانستان (AFG)" | grep -q -E '\( \) أفغانستان \(AFG\) │' || {
		screen >&2
		fail "$S: the chooser's Arabic options are not right-aligned"
	}
	keys Escape
	wait_gone "أفغانستان (AFG)"
	keys Down
	wait_for "> "
	keys Enter
	tm set-buffer -b rtl -- "$NAME"
	tm paste-buffer -b rtl -t "$S"
	wait_for "(Ombudsman)"
	e=$(label_edge "* اسم جهة الوصل")
	l=$(screen | grep -F -- "(Ombudsman)" | head -n 1)
	w=$(cells "$l")
	[ "$(cells "$(page_part "$l")")" -eq $((e - 1)) ] || {
		screen >&2
		fail "$S: the Arabic being edited is not right-aligned: $l"
	}
	x=$(tm display -p -t "$S" '#{cursor_x}')
	[ "$x" -eq "$w" ] || fail "$S: the caret is at $x, not after the text ($w)"
	keys Enter
	wait_get "$1" "front/fp_name=$NAME"
	[ "$("$SACL" get "$1" front/fp_name)" = "front/fp_name=$NAME" ] ||
	    fail "$S: the name changed: $("$SACL" get "$1" front/fp_name)"
}

run() {
	c=$1 r=$2
	f=$DIR/list-${c}x$r.xml
	start_ar "list-${c}x$r" "$c" "$r" "$f"
	nav_rows "$c"
	keys Down Down Enter
	wait_for "* حالة التنفيذ"
	wait_for "[ ] التنسيق بين الأجهزة"
	choice_rows
	keys F10
	wait_for "SACL-EXIT=0"
	f=$DIR/edit-${c}x$r.xml
	start_ar "edit-${c}x$r" "$c" "$r" "$f"
	edit_name "$f"
	keys F10
	wait_for "SACL-EXIT=0"
}

run 80 24
run 120 40
pass

#!/bin/sh
# e2e_locale.sh: `sacl fill` keeps text byte-exact whatever the locale
# (issue 8). Under LC_ALL=C, and with no locale variable set at all, tmux
# runs it at 80x24: a French answer and a Chinese and Arabic one are
# edited (" X" appended), a new name on a new response is typed, and
# `sacl get` must show each byte-exact (in a single-byte locale ncursesw
# turned every character it could not convert into '?'). A new response
# is said in the status line. Skipped (77) without tmux or without a
# UTF-8 locale on the system (fill then refuses: see cli_safety.sh).
. "$TOP_SRCDIR/tests/lib.sh"

locale -a 2>/dev/null | grep -qi 'utf-\?8' || skip "no UTF-8 locale here"
. "$TOP_SRCDIR/tests/lib_tmux.sh"

FR='Évaluation annuelle: très réussie'
ZH_AR='评估报告 تقييم سنوي'
NAME='Ngozi Müller-Ørsted 王芳'

# start NAME FILE ENV...: sacl fill FILE at 80x24 under `env -i` plus
# ENV (so that no locale variable comes from the caller).
start() {
	S=$1
	f=$2
	shift 2
	tm new-session -d -s "$S" -x 80 -y 24 \
	    "env -i PATH='$PATH' HOME='$DIR' TERM=screen SACL_DATADIR='$SACL_DATADIR' $* \
	    '$SACL' fill '$f' 2>'$DIR/$S.err'; echo SACL-EXIT=\$?; sleep 600" ||
	    fail "tmux: no session $S"
	wait_for "Provisions:"
}

# The front page, the focus on its first question (the State).
front() {
	keys Tab
	wait_for "> * State"
}

# Edit the two answers of an existing response: " X" at their end.
edit_existing() {
	f=$DIR/$1.xml
	"$SACL" set --checklist uncac-chapter2 "$f" "front/fp_title=$FR" \
	    "front/fp_org=$ZH_AR" || fail "set: the response"
	start "$1" "$f" "$2"
	front
	keys Down Down
	wait_for "> Title or position of the focal point"
	keys Enter
	keys -l " X"
	wait_for "$FR X"
	keys Tab
	wait_get "$f" "front/fp_title=$FR X"
	wait_for "> Organization of the focal point"
	keys Enter
	keys -l " X"
	keys Tab
	wait_get "$f" "front/fp_org=$ZH_AR X"
	keys F10
	wait_for "SACL-EXIT=0"
	printf 'front/fp_title=%s X\nfront/fp_org=%s X\n' "$FR" "$ZH_AR" \
	    >"$DIR/want"
	"$SACL" get "$f" >"$DIR/got"
	cmp -s "$DIR/got" "$DIR/want" ||
	    fail "$S: sacl get shows '$(cat "$DIR/got")'"
	tm kill-session -t "$S"
}

# A new response: said on screen; a name typed in UTF-8 is stored as typed.
new_response() {
	f=$DIR/fresh.xml
	start "$1" "$f" "$2"
	wait_for "New response: $f created"
	front
	keys Down
	wait_for "> * Name of the focal point"
	keys Enter
	keys -l "$NAME"
	keys Tab
	wait_get "$f" "front/fp_name=$NAME"
	keys F10
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

edit_existing c-locale LC_ALL=C
edit_existing no-locale ""
edit_existing posix LANG=POSIX
new_response new-c LC_ALL=C
pass

#!/bin/sh
# e2e_fill.sh: `sacl fill` in a real terminal. tmux runs it at 80x24 and
# at 132x43; keys are sent with send-keys and what the user sees is read
# with capture-pane. The run: open, go to article 9, answer the status of
# 9.1 so that a dependent question appears, type a text answer, open the
# help, search for a word and jump, resize (and below the minimum), list
# what export misses and jump, `n`, quit; then `sacl get` shows exactly
# those answers. Also: a second sacl on the same file is refused (exit
# 4); TERM vt100, linux and xterm-256color open, answer and quit; text
# being typed survives closing the tmux session (SIGHUP), is saved after
# a pause with the field left open, and keeps a blank typed last across a
# resize; --lang for a
# language the checklist lacks says so in the status line. Every
# wait polls the screen or the file with a timeout. Skipped (77) without
# tmux.
. "$TOP_SRCDIR/tests/lib.sh"

. "$TOP_SRCDIR/tests/lib_tmux.sh"
run() {
	f=$DIR/r-$1x$2.xml
	start "fill-$1x$2" "$1" "$2" "$3" "$f"
	# go to article 9, provision 9.1
	keys g
	wait_for "Go to provision"
	keys -l 9.1
	keys Enter
	wait_for "Procurement based on transparency"
	# the dependent question does not exist yet...
	search "Steps needed"
	wait_for 'Nothing found for "Steps needed"'
	# ...status "partial" (the second choice) makes it appear
	keys Right Space
	wait_get "$f" "p9_1/status=partial"
	search "Steps needed"
	wait_for '1 found for "Steps needed"'
	keys Enter
	wait_for "Steps needed for full implementation"
	# a text answer: Enter edits, Tab commits
	keys Enter
	keys -l "Adopt the new procurement act"
	wait_for "Adopt the new procurement act"
	keys Tab
	wait_get "$f" "p9_1/steps=Adopt the new procurement act"
	# help: the provision and the question with the focus
	keys F1
	wait_for "== 9.1  Procurement based on transparency"
	screen | grep -q "Question:" || fail "$S: help shows no question"
	keys q
	wait_for "F10 quit"
	# search a word, jump to the hit
	search personnel
	wait_for '1 found for "personnel"'
	keys Enter
	wait_for "9.1(e)  Rules for procurement personnel"
	# resize: beside each other at 100 columns; too small; back
	tm resize-window -t "$S" -x 100 -y 30
	wait_for "Provisions:"
	wait_for "9.1(e)  Rules for procurement personnel"
	tm resize-window -t "$S" -x 60 -y 20
	wait_for "Window too small: need at least 80x24"
	tm resize-window -t "$S" -x "$1" -y "$2"
	wait_for "9.1(e)  Rules for procurement personnel"
	# a second sacl on the same file is refused while this one runs
	st=0
	"$SACL" fill "$f" </dev/null >"$DIR/second.out" 2>&1 || st=$?
	[ "$st" -eq 4 ] || fail "second fill: exit $st, not 4: $(cat "$DIR/second.out")"
	# a letter on a page is never a command: q on a choice stays put
	keys q
	wait_for "Letters are not commands on a page"
	# export (Ctrl-X on a page): the list of what is missing; Enter jumps
	keys C-x
	wait_for "Not complete:"
	keys Enter
	wait_for "Asked once: the State answering"
	# Ctrl-N: the next required question still unanswered
	keys C-n
	wait_for "Name of the focal point"
	# quit
	keys F10
	wait_for "SACL-EXIT=0"
	got=$("$SACL" get "$f")
	want="p9_1/status=partial
p9_1/steps=Adopt the new procurement act"
	[ "$got" = "$want" ] || fail "$S: sacl get shows: $got"
	[ ! -e "$f.lock" ] || fail "$S: lock left behind"
	tm kill-session -t "$S"
}

# On 5.1 of response F: answer the status, then start typing in the
# examples of implementation.
open_examples() {
	keys g
	wait_for "Go to provision"
	keys -l 5.1
	keys Enter
	wait_for "Coordinated anti-corruption policies"
	keys Space
	wait_get "$1" "p5_1/status=full"
	search "Examples of implementation"
	wait_for 'found for "Examples of implementation"'
	keys Enter
	wait_for "5.1  Coordinated"
	keys Enter
}

# Text being typed, not yet committed, survives a closed session.
hangup() {
	f=$DIR/hup.xml
	start hup 80 24 screen "$f"
	open_examples "$f"
	keys -l "Audit of 2024"
	wait_for "Audit of 2024"
	tm kill-session -t "$S" # SIGHUP to sacl
	wait_get "$f" "p5_1/examples=Audit of 2024"
	wait_get "$f" "p5_1/status=full"
}

# Idle typing is saved and the field stays open: the next letters are
# typed, not taken as commands; a blank typed last survives a resize.
idle() {
	f=$DIR/idle.xml
	start idle 80 24 screen "$f"
	open_examples "$f"
	keys -l "half "
	wait_get "$f" "p5_1/examples=half " # as typed
	tm resize-window -t "$S" -x 100 -y 30
	wait_for "Provisions:"
	keys -l "and rest xq"
	wait_get "$f" "p5_1/examples=half and rest xq"
	keys Tab # a long text: Enter would end a paragraph
	keys C-c
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

# Other terminals: open, answer, quit (letters, Enter and Ctrl only: tmux
# sends its own sequences for function keys whatever TERM says).
smoke() {
	f=$DIR/smoke-$1.xml
	start "smoke-$1" 80 24 "$1" "$f"
	keys g
	wait_for "Go to provision"
	keys -l 5.1
	keys Enter
	wait_for "Coordinated anti-corruption policies"
	keys Space
	wait_get "$f" "p5_1/status=full"
	keys C-c
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

# --lang for a language the checklist lacks: said in the status line.
lang_notice() {
	S=lang
	tm new-session -d -s "$S" -x 80 -y 24 \
	    "env TERM=screen LC_ALL=$LOC '$SACL' fill --lang xx '$DIR/lang.xml' \
	    2>/dev/null; echo SACL-EXIT=\$?; sleep 600" || fail "tmux: no session $S"
	wait_for "Provisions:"
	wait_for "the checklist has no texts in 'xx'"
	keys q
	wait_for "SACL-EXIT=0"
	tm kill-session -t "$S"
}

run 80 24 screen
lang_notice
for t in vt100 linux xterm-256color; do
	infocmp "$t" >/dev/null 2>&1 && smoke "$t"
done
T2=screen-256color
infocmp "$T2" >/dev/null 2>&1 || T2=screen
run 132 43 "$T2"
hangup
idle
pass

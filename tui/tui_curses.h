/*
 * tui_curses.h: the one curses shim. Only tui/ and forms/ include it, and
 * nothing else includes a curses header. It asks for the wide-character
 * API (ncursesw, libformw, libmenuw) before any curses header is read.
 * <term.h> (setupterm) defines a macro for every capability name (lines,
 * columns...), so only a file that defines TUI_CURSES_TERM before its
 * last include gets it, after every other prototype has been read.
 */
#ifndef SACL_TUI_CURSES_H
#define SACL_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <wchar.h>
#include <curses.h>
#include <form.h>
#include <menu.h>

#endif /* SACL_TUI_CURSES_H */

#if defined(TUI_CURSES_TERM) && !defined(SACL_TUI_CURSES_TERM_H)
#define SACL_TUI_CURSES_TERM_H
#include <term.h>
#endif

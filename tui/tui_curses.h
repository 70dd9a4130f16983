/*
 * tui_curses.h: the one curses shim. Only tui/ and forms/ include it, and
 * nothing else includes a curses header. It asks for the wide-character
 * API (ncursesw, libformw, libmenuw) before any curses header is read.
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

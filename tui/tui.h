/* tui.h: the full-screen interface (placeholder until issue 3 lands). */
#ifndef SACL_TUI_H
#define SACL_TUI_H
int tui_placeholder(void);
#endif

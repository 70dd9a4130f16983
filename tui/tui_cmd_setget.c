/* tui_cmd_setget.c: placeholder until its issue lands. */
#include "config.h"
#include "tui/tui_cmd.h"
int
tui_cmd_set(int argc, char **argv)
{
	tui_cmd_warn("%s: not available yet", argv[0]);
	return TUI_EXIT_USAGE;
}
int
tui_cmd_get(int argc, char **argv)
{
	tui_cmd_warn("%s: not available yet", argv[0]);
	return TUI_EXIT_USAGE;
}

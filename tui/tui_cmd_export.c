/* tui_cmd_export.c: placeholder until its issue lands. */
#include "config.h"
#include "tui/tui_cmd.h"
int
tui_cmd_export(int argc, char **argv)
{
	tui_cmd_warn("%s: not available yet", argv[0]);
	return TUI_EXIT_USAGE;
}

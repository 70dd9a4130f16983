#include "config.h"
#include "tui/tui_cmd.h"
int tui_cmd_report(int argc, char **argv) { (void)argc; (void)argv; return 2; }

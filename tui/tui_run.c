#include "config.h"
#include "tui/tui.h"
int tui_placeholder(void) { return 0; }

#include "config.h"
#include "export/export.h"
int export_placeholder(void) { return 0; }

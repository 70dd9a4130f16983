#include "config.h"
#include "forms/forms.h"
int forms_placeholder(void) { return 0; }

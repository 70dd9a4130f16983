/*
 * sacl_i18n.h: the translation macros of every room (GNU gettext). The
 * libraries mark their messages and translate them through the domain
 * "sacl" (dgettext: they need no textdomain() call); the program picks
 * the locale, the language and the catalogue folder (tui/tui_i18n.c).
 * No room calls setlocale but the program's main.
 *
 *   _("text")          translated now
 *   N_("text")         marked only (a static table); translate at use
 *   P_("one", "many", n)  the plural form for count N
 *
 * Without NLS (configure --disable-nls, or no libintl.h) they give the
 * English text back.
 */
#ifndef SACL_I18N_H
#define SACL_I18N_H

#define SACL_TEXTDOMAIN "sacl"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) dgettext(SACL_TEXTDOMAIN, s)
#define P_(s, p, n) dngettext(SACL_TEXTDOMAIN, s, p, (unsigned long)(n))
#else
#define _(s) ((const char *)(s))
#define P_(s, p, n) ((n) == 1 ? (const char *)(s) : (const char *)(p))
#endif
#define N_(s) s

#endif /* SACL_I18N_H */

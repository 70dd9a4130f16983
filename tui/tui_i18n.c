/*
 * tui_i18n.c: the interface's language. The program (never a library)
 * binds the "sacl" catalogues: $SACL_LOCALEDIR when set, else the folder
 * "po" beside the running executable when it holds catalogues (a build
 * tree: tests and `./setup fill` run translated without installing),
 * else the installed $(localedir). LANGUAGE, LC_ALL, LC_MESSAGES and
 * LANG choose the language as gettext says; `--lang L` and F6 in `sacl
 * fill` override it through LANGUAGE, for the interface as for the
 * checklist's texts.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist/sacl_i18n.h"
#include "tui/tui.h"

/* The languages the interface is translated into ("en": the source). */
const char *const tui_i18n_languages[] = {
	"en", "ar", "es", "fr", "ru", "zh", NULL
};

#ifdef ENABLE_NLS
/* "po" beside the running executable when it holds catalogues; NULL
 * when not. Caller frees. */
static char *
tui_i18n_exe_dir(void)
{
	char exe[PATH_MAX], *slash, *dir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	dir = checklist_xasprintf("%s/po/fr/LC_MESSAGES/sacl.mo", exe);
	if (access(dir, R_OK) != 0) {
		free(dir);
		return NULL;
	}
	free(dir);
	return checklist_xasprintf("%s/po", exe);
}
#endif

void
tui_i18n_init(void)
{
#ifdef ENABLE_NLS
	const char *env = getenv("SACL_LOCALEDIR");
	char *dir = NULL;

	if (env == NULL || *env == '\0')
		dir = tui_i18n_exe_dir();
	bindtextdomain(SACL_TEXTDOMAIN, env != NULL && *env != '\0' ? env :
	    dir != NULL ? dir : SACL_LOCALEDIR);
	/* responses and the screen are UTF-8, whatever LC_CTYPE says */
	bind_textdomain_codeset(SACL_TEXTDOMAIN, "UTF-8");
	textdomain(SACL_TEXTDOMAIN);
	free(dir);
#endif
}

/* Is the message locale one in which gettext ignores LANGUAGE? */
static bool
tui_i18n_c_locale(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);

	return m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0;
}

void
tui_i18n_set_lang(const char *lang)
{
	char code[32];
	size_t i;

	snprintf(code, sizeof code, "%s", lang);
	for (i = 0; code[i] != '\0'; i++)
		if (code[i] == '-')
			code[i] = '_';
	/* the checklist says "zh"; the catalogue is zh_CN */
	setenv("LANGUAGE", strcmp(code, "zh") == 0 ? "zh_CN:zh" : code, 1);
	/* gettext ignores LANGUAGE in the C locale: messages in C.UTF-8 */
	if (tui_i18n_c_locale() && setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "C.utf8");
#ifdef ENABLE_NLS
	/* textdomain() again: gettext forgets the translations it cached
	 * (the way its manual gives for a new LANGUAGE) */
	textdomain(SACL_TEXTDOMAIN);
#endif
}

/* Does language tag A name language B ("zh_CN" and "zh", "fr-CA" and
 * "fr")? */
static bool
tui_i18n_same(const char *a, const char *b)
{
	size_t la = strcspn(a, "_-.@:"), lb = strcspn(b, "_-.@:");

	return la == lb && strncmp(a, b, la) == 0;
}

const char *
tui_i18n_pick(const struct checklist *cl)
{
	const char *want = NULL;
	size_t i;

	if (tui_i18n_c_locale())
		return NULL; /* gettext's English: no choice made */
	want = getenv("LANGUAGE");
	if (want == NULL || *want == '\0')
		want = setlocale(LC_MESSAGES, NULL);
	for (i = 0; i < cl->nlanguages; i++)
		if (strcmp(cl->languages[i], want) == 0)
			return cl->languages[i];
	for (i = 0; i < cl->nlanguages; i++)
		if (tui_i18n_same(cl->languages[i], want))
			return cl->languages[i];
	return NULL;
}

const char *
tui_i18n_name(const char *lang)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "ar", "العربية" }, { "es", "Español" },
		{ "fr", "Français" }, { "ru", "Русский" }, { "zh", "中文" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (tui_i18n_same(names[i][0], lang))
			return names[i][1];
	return lang;
}

/*
 * tui_signal.c: SIGHUP (the terminal or SSH session closed), SIGTERM and
 * SIGINT end `sacl fill` cleanly. The handler only records the signal in
 * a sig_atomic_t; the main loop, which wakes every TUI_TICK_MS, sees it,
 * commits the field being edited, saves, restores the terminal and
 * exits. Installed before initscr(), so that curses keeps its hands off
 * these three; SIGWINCH stays with curses, which turns it into
 * KEY_RESIZE. (A closed terminal makes writes fail with EIO, not
 * SIGPIPE, so SIGPIPE is left alone: an external editor inherits it.)
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "tui/tui_app.h"

static volatile sig_atomic_t tui_signal_caught;

static const int tui_signal_list[] = { SIGHUP, SIGTERM, SIGINT };
#define TUI_NSIGNALS (sizeof tui_signal_list / sizeof tui_signal_list[0])
static struct sigaction tui_signal_old[TUI_NSIGNALS];

static void
tui_signal_handler(int sig)
{
	if (tui_signal_caught == 0)
		tui_signal_caught = sig;
}

void
tui_signal_install(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_signal_handler;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocked read returns EINTR and the loop wakes */
	for (i = 0; i < TUI_NSIGNALS; i++)
		sigaction(tui_signal_list[i], &sa, &tui_signal_old[i]);
}

int
tui_signal_pending(void)
{
	return (int)tui_signal_caught;
}

void
tui_signal_restore(void)
{
	size_t i;

	for (i = 0; i < TUI_NSIGNALS; i++)
		sigaction(tui_signal_list[i], &tui_signal_old[i], NULL);
}

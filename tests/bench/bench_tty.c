/*
 * bench_tty.c (make bench): what a user waits for in a real terminal,
 * timed through tmux. One private tmux server (socket SOCK) is driven
 * by one control-mode client (tmux -C), so that polling the screen
 * (capture-pane) costs a round trip on a pipe, not a new process.
 *
 *   bench_tty first SOCK REPS COLS ROWS TEXT CMD
 *     launch CMD (a shell command running sacl fill, which must print
 *     SACL-EXIT= once sacl is gone) in a new COLSxROWS session, REPS + 1
 *     times: the first run waits for TEXT and then for the screen to
 *     settle, which gives the first screen in full; each run after it
 *     is timed from the launch to that screen (capture-pane polled
 *     every 0.2 ms), then quit with F10.
 *   bench_tty key SOCK REPS COLS ROWS CMD STEP... -- KEY
 *     launch CMD once, play the STEPs (=TEXT: wait for TEXT on the
 *     screen; anything else: a key for send-keys, or -l TEXT typed,
 *     then a wait for the screen to settle), then send KEY (it must
 *     toggle: Space on a choice) 2 * REPS + 2
 *     times; the first two give the two settled screens, each press
 *     after them is timed from send-keys to its settled screen.
 *
 * Prints the median in seconds (wall clock, CLOCK_MONOTONIC), then the
 * fastest and the slowest. Exit 1 on a timeout (20 s), 2 on usage.
 * Not a library: test code, printing is its job.
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BENCH_TTY_TIMEOUT 20.0  /* seconds for any one wait */
#define BENCH_TTY_SETTLE 0.3    /* the screen unchanged this long: drawn */
#define BENCH_TTY_POLL 200000   /* nanoseconds between two captures */

static FILE *to_tmux, *from_tmux;
static pid_t tmux_pid;
static const char *tmux_sock;

/* The server and its sessions gone, whatever the control client does. */
static void
tmux_kill(void)
{
	pid_t pid;

	if (tmux_sock == NULL)
		return;
	if ((pid = fork()) == 0) {
		execlp("tmux", "tmux", "-L", tmux_sock, "kill-server",
		    (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	if (tmux_pid > 0)
		waitpid(tmux_pid, NULL, 0);
	tmux_sock = NULL;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
die(const char *msg)
{
	fprintf(stderr, "bench_tty: %s\n", msg);
	tmux_kill();
	exit(1);
}

/* Start the control client (and the server, with one idle session). */
static void
tmux_start(const char *sock)
{
	int in[2], out[2];

	tmux_sock = sock;
	if (pipe(in) != 0 || pipe(out) != 0)
		die("no pipe");
	if ((tmux_pid = fork()) < 0)
		die("no fork");
	if (tmux_pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		execlp("tmux", "tmux", "-u", "-L", sock, "-f", "/dev/null", "-C",
		    "new-session", "-s", "keep", "sleep 3600", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	to_tmux = fdopen(in[1], "w");
	from_tmux = fdopen(out[0], "r");
	if (to_tmux == NULL || from_tmux == NULL)
		die("no stream");
}

/* Read one reply block; return its output (caller frees), NULL on
 * %error or when tmux is gone. Notifications outside blocks are
 * skipped. */
static char *
tmux_reply(void)
{
	char *line = NULL, *out = strdup("");
	size_t cap = 0, len = 0, n;
	int in = 0, ok = 0;

	while (out != NULL && getline(&line, &cap, from_tmux) > 0) {
		if (!in) {
			in = strncmp(line, "%begin ", 7) == 0;
			continue;
		}
		if (strncmp(line, "%end ", 5) == 0 && (ok = 1))
			break;
		if (strncmp(line, "%error ", 7) == 0)
			break;
		n = strlen(line);
		out = realloc(out, len + n + 1);
		if (out != NULL)
			memcpy(out + len, line, n + 1);
		len += n;
	}
	free(line);
	if (out == NULL)
		die("out of memory");
	if (!ok) {
		free(out);
		return NULL;
	}
	return out;
}

/* Send one command; return its output (caller frees), NULL on %error. */
static char *
tmux_cmd(const char *cmd)
{
	fprintf(to_tmux, "%s\n", cmd);
	fflush(to_tmux);
	return tmux_reply();
}

/* Skip the replies before ours (the command that started the client):
 * from here on, one block a command. */
static void
tmux_sync(void)
{
	char *out;

	fputs("display-message -p bench-tty-sync\n", to_tmux);
	fflush(to_tmux);
	for (;;) {
		out = tmux_reply();
		if (out != NULL && strcmp(out, "bench-tty-sync\n") == 0)
			break;
		if (out == NULL && feof(from_tmux))
			die("tmux is gone");
		free(out);
	}
	free(out);
}

static char *
screen(const char *s)
{
	char cmd[128];
	char *out;

	snprintf(cmd, sizeof cmd, "capture-pane -p -t %s", s);
	out = tmux_cmd(cmd);
	return out != NULL ? out : strdup("");
}

/* Until the screen holds TEXT (WANT NULL) or is WANT: polled every
 * BENCH_TTY_POLL. */
static void
wait_screen(const char *s, const char *text, const char *want)
{
	static const struct timespec pause = { 0, BENCH_TTY_POLL };
	double t0 = now();
	char *sc;

	for (;;) {
		nanosleep(&pause, NULL);
		sc = screen(s);
		if (want != NULL ? strcmp(sc, want) == 0 :
		    strstr(sc, text) != NULL) {
			free(sc);
			return;
		}
		if (now() - t0 > BENCH_TTY_TIMEOUT) {
			fprintf(stderr, "bench_tty: waiting for %s%s, the screen "
			    "is:\n%s", want != NULL ? "the screen:\n" : text,
			    want != NULL ? want : "", sc);
			die("timed out");
		}
		free(sc);
	}
}

/* The screen once it stays the same for BENCH_TTY_SETTLE. */
static char *
settled(const char *s)
{
	static const struct timespec pause = { 0, 10000000 };
	char *last = screen(s), *sc;
	double t = now(), t0 = t;

	for (;;) {
		nanosleep(&pause, NULL);
		sc = screen(s);
		if (strcmp(sc, last) != 0) {
			free(last);
			last = sc;
			t = now();
		} else
			free(sc);
		if (now() - t >= BENCH_TTY_SETTLE)
			return last;
		if (now() - t0 > BENCH_TTY_TIMEOUT)
			die("the screen never settles");
	}
}

static void
launch(const char *s, const char *cols, const char *rows, const char *cmd)
{
	char *buf, *q;
	size_t n = strlen(cmd) * 4 + 256;
	const char *p;

	buf = malloc(n);
	if (buf == NULL)
		die("out of memory");
	q = buf + snprintf(buf, n, "new-session -d -s %s -x %s -y %s \"",
	    s, cols, rows);
	for (p = cmd; *p != '\0'; p++) { /* a tmux double-quoted string */
		if (*p == '"' || *p == '\\' || *p == '$')
			*q++ = '\\';
		*q++ = *p;
	}
	strcpy(q, "\"");
	free(tmux_cmd(buf));
	free(buf);
}

static void
keys(const char *s, const char *k, int literal)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "send-keys -t %s %s'%s'", s,
	    literal ? "-l " : "", k);
	free(tmux_cmd(cmd));
}

/* F10, then wait until sacl is gone, then the session closed. */
static void
quit(const char *s)
{
	char cmd[128];

	keys(s, "F10", 0);
	wait_screen(s, "SACL-EXIT=", NULL);
	snprintf(cmd, sizeof cmd, "kill-session -t %s", s);
	free(tmux_cmd(cmd));
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%.4f %.4f %.4f\n", t[n / 2], t[0], t[n - 1]);
}

static void
bench_first(int reps, char **a)
{
	double *t = calloc((size_t)reps, sizeof *t), t0;
	char *want;
	char name[32];
	int i;

	launch("f0", a[0], a[1], a[3]);
	wait_screen("f0", a[2], NULL);
	want = settled("f0");
	quit("f0");
	for (i = 0; i < reps; i++) {
		snprintf(name, sizeof name, "f%d", i + 1);
		t0 = now();
		launch(name, a[0], a[1], a[3]);
		wait_screen(name, NULL, want);
		t[i] = now() - t0;
		quit(name);
	}
	report(t, reps);
	free(want);
	free(t);
}

static void
bench_key(int reps, int argc, char **a)
{
	double *t = calloc((size_t)reps * 2, sizeof *t), t0;
	char *want[2];
	const char *key = a[argc - 1];
	int i;

	launch("k", a[0], a[1], a[2]);
	for (i = 3; i < argc - 2; i++) {
		if (a[i][0] == '=')
			wait_screen("k", a[i] + 1, NULL);
		else { /* one key at a time, never a burst (a paste) */
			if (strcmp(a[i], "-l") == 0 && i + 1 < argc - 2)
				keys("k", a[++i], 1);
			else
				keys("k", a[i], 0);
			free(settled("k"));
		}
	}
	for (i = 0; i < 2; i++) {
		keys("k", key, 0);
		want[i] = settled("k");
	}
	if (strcmp(want[0], want[1]) == 0)
		die("the key changes nothing on the screen");
	for (i = 0; i < reps * 2; i++) {
		t0 = now();
		keys("k", key, 0);
		wait_screen("k", NULL, want[i % 2]);
		t[i] = now() - t0;
	}
	quit("k");
	report(t, reps * 2);
	free(want[0]);
	free(want[1]);
	free(t);
}

int
main(int argc, char **argv)
{
	int reps;

	if (argc < 8 || (strcmp(argv[1], "first") != 0 &&
	    strcmp(argv[1], "key") != 0) || (reps = atoi(argv[3])) < 1 ||
	    (strcmp(argv[1], "key") == 0 && strcmp(argv[argc - 2], "--") != 0)) {
		fprintf(stderr, "usage: bench_tty first SOCK REPS COLS ROWS TEXT "
		    "CMD\n       bench_tty key SOCK REPS COLS ROWS CMD STEP... "
		    "-- KEY\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	tmux_start(argv[2]);
	tmux_sync();
	if (strcmp(argv[1], "first") == 0)
		bench_first(reps, argv + 4);
	else
		bench_key(reps, argc - 4, argv + 4);
	tmux_kill();
	return 0;
}

/*
 * ptytime.c - time a full-screen program in a pseudo-terminal.
 *
 *   ptytime [-n RUNS] [-s COLSxROWS] [-t SECONDS] STEP... -- COMMAND [ARG...]
 *
 * Steps, done in order on each run:
 *   -w TEXT   wait until TEXT appears in the program's output; record the
 *             milliseconds since the program was started
 *   -k KEYS   type KEYS (C escapes: \r \n \e \t \\ \xHH)
 *   -d MS     pause
 * After the steps ptytime keeps reading until the program exits, then
 * prints, per -w step, the median, minimum and maximum time over the runs,
 * and the largest peak resident set size (ru_maxrss of the child).
 * Exit status 0, or 1 when a run times out or cannot start.
 *
 * A benchmark tool (bench/bench_startup.sh), not part of securebase.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAXSTEPS 64
#define MAXRUNS 200

typedef struct step {
	char kind;            /* 'w', 'k', 'd' */
	const char *arg;
} step;

static step steps[MAXSTEPS];
static int nsteps;
static double times[MAXSTEPS][MAXRUNS];
static int cols = 80, rows = 24, timeout_s = 20;

/* Milliseconds on a monotonic clock. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Decode C escapes in s into out; returns the length. */
static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'e': out[n++] = 27; break;
		case 'x': {
			unsigned v = 0;
			sscanf(s + 1, "%2x", &v);
			out[n++] = (char)v;
			s += 2;
			break;
		}
		default: out[n++] = *s;
		}
	}
	return n;
}

/* Start argv on a new pty; returns the master fd and sets *pid. */
static int
spawn(char **argv, pid_t *pid)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };

	if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
		return -1;
	ioctl(m, TIOCSWINSZ, &ws);
	*pid = fork();
	if (*pid == 0) {
		int s;
		setsid();
		s = open(ptsname(m), O_RDWR);
		ioctl(s, TIOCSCTTY, 0);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		close(m);
		execvp(argv[0], argv);
		_exit(127);
	}
	return m;
}

/* Read what is available (waiting up to ms); append to buf.  -1 at EOF. */
static int
pump(int m, char **buf, size_t *len, size_t *cap, int ms)
{
	struct pollfd p = { m, POLLIN, 0 };
	char tmp[65536];
	ssize_t r;

	if (poll(&p, 1, ms) <= 0)
		return 0;
	r = read(m, tmp, sizeof tmp);
	if (r <= 0)
		return -1;
	if (*len + (size_t)r + 1 > *cap) {
		*cap = (*len + (size_t)r + 1) * 2;
		*buf = realloc(*buf, *cap);
	}
	memcpy(*buf + *len, tmp, (size_t)r);
	*len += (size_t)r;
	(*buf)[*len] = '\0';
	return 1;
}

/* One run of every step; returns peak RSS in KiB, or -1 on a timeout. */
static long
one_run(char **argv, int run)
{
	pid_t pid;
	int m = spawn(argv, &pid), status, eof = 0;
	char *buf = calloc(1, 1), keys[4096];
	size_t len = 0, cap = 1, seen = 0;
	double t0 = now_ms();
	struct rusage ru;

	if (m < 0)
		return -1;
	for (int i = 0; i < nsteps; i++) {
		if (steps[i].kind == 'w') {
			while (!memmem(buf + seen, len - seen, steps[i].arg, strlen(steps[i].arg))) {
				if (eof || now_ms() - t0 > timeout_s * 1e3) {
					fprintf(stderr, "ptytime: run %d: no '%s' after %d s\n", run,
					        steps[i].arg, timeout_s);
					kill(pid, SIGKILL);
					waitpid(pid, NULL, 0);
					close(m);
					free(buf);
					return -1;
				}
				eof = pump(m, &buf, &len, &cap, 100) < 0;
			}
			times[i][run] = now_ms() - t0;
			seen = len;   /* the next wait looks at newer output only */
		} else if (steps[i].kind == 'k') {
			size_t n = unescape(steps[i].arg, keys);
			if (write(m, keys, n) < 0)
				break;
		} else {
			usleep((useconds_t)atoi(steps[i].arg) * 1000);
		}
		while (pump(m, &buf, &len, &cap, 0) > 0)
			;
	}
	while (pump(m, &buf, &len, &cap, 200) >= 0 && now_ms() - t0 < timeout_s * 1e3)
		;
	kill(pid, SIGHUP);
	wait4(pid, &status, 0, &ru);
	close(m);
	free(buf);
	return ru.ru_maxrss;
}

/* qsort comparison for doubles. */
static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	int runs = 5, i = 1;
	long peak = 0;

	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			break;
		if (!strcmp(argv[i], "-n"))
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-s"))
			sscanf(argv[++i], "%dx%d", &cols, &rows);
		else if (!strcmp(argv[i], "-t"))
			timeout_s = atoi(argv[++i]);
		else if (nsteps < MAXSTEPS && strchr("wkd", argv[i][1]) && argv[i][0] == '-')
			steps[nsteps++] = (step){ argv[i][1], argv[i + 1] }, i++;
	}
	if (i >= argc - 1 || runs < 1 || runs > MAXRUNS) {
		fputs("usage: ptytime [-n RUNS] [-s COLSxROWS] [-t SECONDS] "
		      "[-w TEXT | -k KEYS | -d MS]... -- COMMAND [ARG...]\n", stderr);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	for (int r = 0; r < runs; r++) {
		long rss = one_run(argv + i + 1, r);
		if (rss < 0)
			return 1;
		peak = rss > peak ? rss : peak;
	}
	for (int s = 0; s < nsteps; s++) {
		if (steps[s].kind != 'w')
			continue;
		qsort(times[s], (size_t)runs, sizeof times[s][0], cmp);
		printf("  until '%s': median %.1f ms (min %.1f, max %.1f, %d runs)\n", steps[s].arg,
		       times[s][runs / 2], times[s][0], times[s][runs - 1], runs);
	}
	printf("  peak RSS: %ld KiB (%.2f MiB)\n", peak, peak / 1024.0);
	return 0;
}

/*
 * cmd_score.c - securebase score --bank FILE|NAME [--format csv|json]
 *                                [--output FILE] [RESPONSES|-]
 *
 * Scores a CSV of responses (SPEC section 4, batch.h) to stdout or FILE.
 * --output writes a temporary file next to FILE and renames it over FILE
 * only when the whole input was processed, so that a failed or interrupted
 * run never leaves a half-written or clobbered file.  A run with rejected
 * rows still writes every other row (and renames), then exits 65.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "banks.h"
#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "usage.h"
#include "xmalloc.h"

/* Set by the signal handler; batch_score polls it between reads. */
static volatile sig_atomic_t interrupted;

/* Remember an interrupt (SIGINT, SIGTERM, SIGHUP). */
static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* The help text of `securebase score`. */
static void
score_help(FILE *fp)
{
	fputs("Usage: securebase score --bank FILE|NAME [--format csv|json] [--output FILE]\n"
	      "                        [RESPONSES|-]\n"
	      "\n"
	      "Score a CSV of responses (standard input when RESPONSES is '-' or absent)\n"
	      "against a bank: a file, or a bundled bank or scoring key by its id (see\n"
	      "'securebase banks').  The header row names the columns: 'respondent' for\n"
	      "the id, the bank's item ids for answers (an integer in the item's range,\n"
	      "or empty / NA when missing); other columns are ignored with a warning.\n"
	      "\n"
	      "  -b, --bank FILE|NAME   the bank or key to score with (required)\n"
	      "  -f, --format csv|json  CSV with a header (default), or one JSON object\n"
	      "                         per line\n"
	      "  -o, --output FILE      write to FILE (replaced only when the run completes)\n"
	      "  -h, --help             show this help\n"
	      "\n"
	      "Output columns: respondent, one per scale (4 decimals, empty when too few\n"
	      "items were answered), style, then margin and near_boundary for quadrant\n"
	      "banks and <scale>_z, <scale>_percentile for scales with norms.\n"
	      "\n"
	      "Rows with an invalid value are reported on stderr as\n"
	      "FILE:LINE: respondent ID: item ITEM: problem and skipped; all others are\n"
	      "written.  Exit status: 0 ok; 64 usage; 65 invalid data (bank, CSV, or some\n"
	      "rows rejected); 66 input missing; 73 output cannot be created; 74 I/O\n"
	      "error; 130 interrupted.\n",
	      fp);
}

/* Catch the interrupting signals without SA_RESTART, so reads return early. */
static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* An output being written: the final path and its temporary sibling. */
typedef struct outfile {
	const char *path;                 /* as given; NULL: stdout */
	const char *target;               /* the file replaced (path or real) */
	char *real;                       /* a symbolic link's resolved target */
	char *tmp;                        /* the temporary file, NULL if direct */
	int direct;                       /* not a regular file: written in place */
	FILE *fp;
} outfile;

/*
 * Open the output.  A regular file (or a new one) is written as a
 * temporary file next to it, renamed over it at the end; through a
 * symbolic link, next to the link's target.  Anything else that exists
 * (/dev/null, a FIFO, a terminal) is written directly.  Returns 0 or 73.
 */
static int
out_open(outfile *o, const char *path)
{
	const char *slash;
	struct stat st;
	mode_t mode, mask;
	int fd;

	o->path = path;
	o->real = NULL;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "securebase: %s: is a directory\n", path);
		return 73;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->fp = fopen(path, "w");
		o->direct = 1;
		if (!o->fp) {
			fprintf(stderr, "securebase: %s: cannot create: %s\n", path, strerror(errno));
			return 73;
		}
		return 0;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (o->real = realpath(path, NULL)))
		path = o->real;
	o->target = path;
	slash = strrchr(path, '/');
	if (slash)
		o->tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		o->tmp = xasprintf(".%s.XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		fprintf(stderr, "securebase: %s: cannot create: %s\n", o->path, strerror(errno));
		free(o->tmp);
		free(o->real);
		o->tmp = o->real = NULL;
		return 73;
	}
	/* Keep an existing file's mode; a new one gets 0666 minus the umask. */
	mask = umask(0);
	umask(mask);
	mode = stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask;
	fchmod(fd, mode);
	o->fp = fdopen(fd, "w");
	if (!o->fp)
		xfatal(71, "out of memory");
	return 0;
}

/* Finish the output: sync and rename (commit) or remove.  Returns 0 or 73/74. */
static int
out_close(outfile *o, int commit)
{
	int rc = 0;

	if (!o->path || o->direct) {
		FILE *fp = o->path ? o->fp : stdout;
		/* An unfinished run's write error has been reported by the caller. */
		if ((fflush(fp) != 0 || ferror(fp)) && commit) {
			fprintf(stderr, "securebase: %s: write error: %s\n", o->path ? o->path : "stdout",
			        strerror(errno));
			rc = 74;
		}
		if (o->direct && fclose(fp) != 0 && !rc && commit) {
			fprintf(stderr, "securebase: %s: write error: %s\n", o->path, strerror(errno));
			rc = 74;
		}
		return rc;
	}
	if (commit && (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)) {
		fprintf(stderr, "securebase: %s: write error: %s\n", o->path, strerror(errno));
		rc = 74;
	}
	if (fclose(o->fp) != 0 && commit && !rc) {
		fprintf(stderr, "securebase: %s: write error: %s\n", o->path, strerror(errno));
		rc = 74;
	}
	if (commit && !rc && rename(o->tmp, o->target) != 0) {
		fprintf(stderr, "securebase: %s: cannot create: %s\n", o->path, strerror(errno));
		rc = 73;
	}
	if (!commit || rc)
		unlink(o->tmp);
	free(o->tmp);
	free(o->real);
	return rc;
}

/* Open the responses: stdin for NULL or "-".  Returns 0 or 66. */
static int
in_open(const char *path, FILE **in)
{
	struct stat st;

	if (!path || strcmp(path, "-") == 0) {
		*in = stdin;
		return 0;
	}
	*in = fopen(path, "rb");
	if (!*in) {
		fprintf(stderr, "securebase: %s: %s\n", path, strerror(errno));
		return 66;
	}
	if (fstat(fileno(*in), &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "securebase: %s: is a directory\n", path);
		(void)fclose(*in);          /* read only: nothing to lose */
		*in = NULL;
		return 66;
	}
	return 0;
}

/* Parse the command line into the pieces; returns 0, or 64 (-1 for --help, -2 after --version). */
static int
parse_args(int argc, char **argv, const char **bankarg, batch_format *fmt,
           const char **output, const char **input)
{
	static const struct option opts[] = {
		{ "bank", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":b:f:o:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'b': *bankarg = optarg; break;
		case 'o': *output = optarg; break;
		case 'h': return -1;
		case 'V': usage_version(stdout); return -2;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				*fmt = BATCH_CSV;
			else if (strcmp(optarg, "json") == 0)
				*fmt = BATCH_JSON;
			else {
				fprintf(stderr, "securebase score: --format must be csv or json, not '%s'\n",
				        optarg);
				return 64;
			}
			break;
		case ':':
			fprintf(stderr, "securebase score: option '%s' needs a value\n", argv[optind - 1]);
			return 64;
		default:
			fprintf(stderr, "securebase score: unknown option '%s'\n", argv[optind - 1]);
			return 64;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "securebase score: one responses file at most (got '%s' and '%s')\n",
		        argv[optind], argv[optind + 1]);
		return 64;
	}
	*input = optind < argc ? argv[optind] : NULL;
	if (!*bankarg) {
		fputs("securebase score: --bank FILE|NAME is required\n", stderr);
		return 64;
	}
	return 0;
}

/* Load the bank, printing its problems.  Returns 0, 65 or 66. */
static int
load_bank(const char *arg, bank **b)
{
	errlist errs;
	int rc;

	errlist_init(&errs);
	rc = banks_open(b, arg, &errs);
	if (rc) {
		errlist_sort(&errs);
		errlist_print(&errs, stderr);
	}
	errlist_free(&errs);
	return rc;
}

int
cmd_score(int argc, char **argv)
{
	const char *bankarg = NULL, *output = NULL, *input = NULL;
	batch_format fmt = BATCH_CSV;
	outfile out = { NULL, NULL, NULL, NULL, 0, stdout };
	batch_opts o;
	batch_stats st;
	bank *b = NULL;
	FILE *in = NULL;
	int rc, orc;

	rc = parse_args(argc, argv, &bankarg, &fmt, &output, &input);
	if (rc) {
		if (rc < 0) {
			if (rc == -1)
				score_help(stdout);
			return 0;
		}
		usage_hint(stderr);
		return rc;
	}
	if ((rc = load_bank(bankarg, &b)) != 0)
		return rc;
	if ((rc = in_open(input, &in)) != 0 || (output && (rc = out_open(&out, output)) != 0)) {
		if (in && in != stdin)
			(void)fclose(in);
		bank_free(b);
		return rc;
	}
	catch_signals();
	memset(&o, 0, sizeof o);
	o.format = fmt;
	o.name = in == stdin ? "<stdin>" : input;
	o.diag = stderr;
	o.stop = &interrupted;
	rc = batch_score(b, in, out.fp, &o, &st);
	if (rc == 74 && st.out_errno)
		fprintf(stderr, "securebase: %s: write error: %s\n", output ? output : "stdout",
		        strerror(st.out_errno));
	if (st.rejected && st.rejected == st.rows)
		fprintf(stderr, "securebase: all %lu rows rejected; nothing was scored\n", st.rows);
	else if (st.rejected)
		fprintf(stderr, "securebase: %lu of %lu rows rejected; the other rows were scored\n",
		        st.rejected, st.rows);
	if (rc == 130)
		fputs("securebase: interrupted\n", stderr);
	orc = out_close(&out, st.complete);
	if (orc && (rc == 0 || rc == 65))
		rc = orc;
	if (in != stdin)
		(void)fclose(in);
	bank_free(b);
	return rc;
}

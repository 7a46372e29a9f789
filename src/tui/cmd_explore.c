/* cmd_explore.c - securebase explore [--bank FILE|NAME] [--plain]: the what-if plane. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "cmd_common.h"
#include "content.h"
#include "explore.h"
#include "report.h"
#include "screen_explore.h"
#include "usage.h"

/* The help text of `securebase explore`. */
static void
explore_help(FILE *fp)
{
	fputs("Usage: securebase explore [--bank FILE|NAME] [--plain] [--no-mouse]\n"
	      "\n"
	      "Move a point through attachment anxiety x avoidance and watch the style,\n"
	      "the near-boundary notice and the explanation change.  Nothing is saved:\n"
	      "explore never writes a file.\n"
	      "\n"
	      "  --bank FILE|NAME  a quadrant bank (default: core); its ranges and cutoffs\n"
	      "  --plain           read \"ANXIETY AVOIDANCE\" lines from standard input and\n"
	      "                    print the style of each point (also when standard input\n"
	      "                    or output is not a terminal, or TERM is unset or dumb)\n"
	      "  --no-mouse        leave the mouse to the terminal (or set SECUREBASE_NO_MOUSE)\n"
	      "\n"
	      "Keys on screen: arrows or h/j/k/l move the point by 0.1; H/J/K/L,\n"
	      "Shift+arrows, PageUp/PageDown (anxiety) and Home/End (avoidance) by 0.5;\n"
	      "1 to 4 jump to a typical point of each style, c or 0 to the centre; a\n"
	      "mouse click on the plane moves the point there; r starts from a saved\n"
	      "JSON report; ? shows every key; q quits.\n"
	      "\n"
	      "A clinic's own styles.yaml, resources.yaml or learn.yaml in\n"
	      "$XDG_CONFIG_HOME/securebase/ (default ~/.config/securebase/) replaces the\n"
	      "built-in one; explore only reads them.\n"
	      "\n"
	      "Plain output, one record per point:\n"
	      "  4.50 2.00 anxious-preoccupied near secure\n"
	      "    Between Anxious-preoccupied and Secure: near the boundary (margin 0.50).\n"
	      "    Anxious-preoccupied: <summary>\n"
	      "    Secure: <summary>\n",
	      fp);
}

typedef struct explore_opts {
	const char *bank;
	int plain, no_mouse;
} explore_opts;

/* Parse the options: 0 to go on, -1 after --help or --version, or 64. */
static int
parse_args(int argc, char **argv, explore_opts *o)
{
	static const struct option longs[] = {
		{ "bank", required_argument, NULL, 'b' },
		{ "plain", no_argument, NULL, 'p' },
		{ "no-mouse", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(o, 0, sizeof *o);
	const char *nm = getenv("SECUREBASE_NO_MOUSE");
	o->no_mouse = nm && *nm;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":hV", longs, NULL)) != -1) {
		switch (ch) {
		case 'b': o->bank = optarg; break;
		case 'p': o->plain = 1; break;
		case 'm': o->no_mouse = 1; break;
		case 'h': explore_help(stdout); return -1;
		case 'V': usage_version(stdout); return -1;
		case ':':
			return cmd_common_usage_error("explore", "option '%s' needs an argument",
			                              argv[optind - 1]);
		default:
			return cmd_common_usage_error("explore", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_common_usage_error("explore", "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* Plain mode: a hint when a person types, then points from stdin. */
static int
explore_plain_main(const explore *e, const content *c)
{
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "securebase explore: type ANXIETY AVOIDANCE (from %g to %g, cutoffs "
		        "%.2f and %.2f) and Enter; Ctrl-D ends.\n", e->anx.min, e->anx.max,
		        e->anx.cutoff, e->avo.cutoff);
	return explore_plain(e, c, stdin, stdout, stderr, "stdin", !report_locale_utf8());
}

int
cmd_explore(int argc, char **argv)
{
	explore_opts o;
	content *c = NULL;
	bank *b = NULL;
	explore e;
	errlist errs;
	int rc = parse_args(argc, argv, &o);

	if (rc != 0)
		return rc < 0 ? 0 : rc;
	errlist_init(&errs);
	rc = cmd_common_open(&c, &b, o.bank, 0, &errs);
	if (rc == 0)
		rc = explore_init(&e, b, &errs);
	errlist_print(&errs, stderr);
	errlist_free(&errs);
	if (rc != 0) {                 /* e is set only when every step succeeded */
		bank_free(b);
		content_free(c);
		return rc;
	}
	rc = cmd_common_screen(o.plain) ? screen_explore_main(&e, c, !o.no_mouse) : -1;
	if (rc < 0)                    /* plain asked for, or no usable terminal */
		rc = explore_plain_main(&e, c);
	bank_free(b);
	content_free(c);
	return rc;
}

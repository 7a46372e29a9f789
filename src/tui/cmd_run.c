/* cmd_run.c - securebase [run]: options, interface or plain mode, exit codes (SPEC 1). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "plain.h"
#include "run.h"
#include "run_ui.h"
#include "tui.h"
#include "usage.h"

enum { OPT_BANK = 256, OPT_PLAIN, OPT_NO_SAVE, OPT_RESUME, OPT_QUIET, OPT_REPORT, OPT_FORMAT,
       OPT_NO_MOUSE, OPT_REFLECT };

static const struct option longopts[] = {
	{ "bank", required_argument, NULL, OPT_BANK },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "no-save", no_argument, NULL, OPT_NO_SAVE },
	{ "resume", no_argument, NULL, OPT_RESUME },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "include-reflections", no_argument, NULL, OPT_REFLECT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* A usage error: say what, point to --help, exit 64. */
static int
usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "securebase run: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	usage_hint(stderr);
	return 64;
}

/* Parse the options into o.  0, or 64 after a message (-1: --help or --version was printed). */
static int
parse(int argc, char **argv, run_opts *o)
{
	const char *nm = getenv("SECUREBASE_NO_MOUSE");
	int c, format_given = 0;

	memset(o, 0, sizeof *o);
	o->format = REPORT_TEXT;
	o->no_mouse = nm && *nm;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_BANK: o->bank_arg = optarg; break;
		case OPT_PLAIN: o->plain = 1; break;
		case OPT_NO_SAVE: o->no_save = 1; break;
		case OPT_RESUME: o->resume = 1; break;
		case OPT_QUIET: o->quiet = 1; break;
		case OPT_REPORT: o->report = optarg; break;
		case OPT_NO_MOUSE: o->no_mouse = 1; break;
		case OPT_REFLECT: o->include_reflections = 1; break;
		case OPT_FORMAT:
			if (report_format_parse(optarg, &o->format) < 0)
				return usage_error("--format must be text, markdown or json", optarg);
			format_given = 1;
			break;
		case 'h':
			usage_print(stdout);
			return -1;
		case 'V':
			usage_version(stdout);
			return -1;
		case ':':
			return usage_error("option needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument", argv[optind]);
	if (o->report && !*o->report)
		return usage_error("--report needs a file name", NULL);
	/* Without --format the report's file name picks it: x.json, x.md, else text. */
	if (o->report && !format_given)
		o->format = report_format_for_path(o->report);
	return 0;
}

int
cmd_run(int argc, char **argv)
{
	run_opts o;
	run r;
	int rc = parse(argc, argv, &o), plain;

	if (rc != 0)
		return rc < 0 ? 0 : rc;
	plain = o.plain || !tui_available();
	if (plain && !o.plain)
		fputs("securebase: not an interactive terminal (stdin or stdout is not a tty, or "
		      "TERM is unset or dumb); using plain line mode\n", stderr);
	rc = run_open(&r, &o, stderr);
	if (rc == 0 && !plain) {
		int fallback;
		rc = run_ui_main(&r, &fallback);
		plain = fallback;
	}
	if (rc == 0 && plain)
		rc = plain_run(&r, stdin, stdout, stderr, isatty(STDIN_FILENO));
	run_close(&r);
	return rc;
}

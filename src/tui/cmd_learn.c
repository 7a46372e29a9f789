/* cmd_learn.c - securebase learn [--plain]: the guide on screen, or as plain text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_common.h"
#include "content.h"
#include "learn.h"
#include "report.h"
#include "screen_learn.h"
#include "usage.h"

/* Plain text is wrapped to $COLUMNS when it is set and sensible, else to this. */
#define LEARN_PLAIN_WIDTH 78

/* The help text of `securebase learn`. */
static void
learn_help(FILE *fp)
{
	fputs("Usage: securebase learn [--plain]\n"
	      "\n"
	      "Read about attachment theory: where it comes from, the four styles, the two\n"
	      "dimensions, how securebase computes a score (with a live worked example),\n"
	      "the limits of self-report, attachment and addiction, and references.\n"
	      "\n"
	      "  --plain   print the whole guide as text (also when standard input or\n"
	      "            output is not a terminal, or TERM is unset or dumb); it is\n"
	      "            wrapped to $COLUMNS or 78 columns: securebase learn --plain | less\n"
	      "\n"
	      "Keys on screen: arrows, j/k, PageUp/PageDown, space, b, g/G, Home/End to\n"
	      "read; Enter opens a chapter, Backspace or Tab returns to the contents;\n"
	      "[ and ] go to the previous / next chapter; / searches, n and N repeat;\n"
	      "? shows every key; q quits.\n"
	      "\n"
	      "A clinic's own learn.yaml, styles.yaml or resources.yaml in\n"
	      "$XDG_CONFIG_HOME/securebase/ (default ~/.config/securebase/) replaces the\n"
	      "built-in one.\n",
	      fp);
}

/* $COLUMNS when it is a number from 10 to 1000, else LEARN_PLAIN_WIDTH. */
static int
plain_width(void)
{
	const char *s = getenv("COLUMNS");
	char *end;
	long n;

	if (!s || !*s)
		return LEARN_PLAIN_WIDTH;
	n = strtol(s, &end, 10);
	return *end == '\0' && n >= 10 && n <= 1000 ? (int)n : LEARN_PLAIN_WIDTH;
}

/* Parse the options: 0 to go on, or an exit status (help: 0 via *done). */
static int
parse_args(int argc, char **argv, int *plain, int *done)
{
	*plain = *done = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--plain") == 0) {
			*plain = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			learn_help(stdout);
			*done = 1;
			return 0;
		} else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			usage_version(stdout);
			*done = 1;
			return 0;
		} else {
			return cmd_common_usage_error("learn", "%s '%s'", argv[i][0] == '-' ?
			                              "unknown option" : "unexpected argument", argv[i]);
		}
	}
	return 0;
}

/* Print the guide as plain text on stdout. */
static int
learn_plain(const content *c, const bank *b)
{
	learn g;
	int rc;

	learn_init(&g, c, b, plain_width(), 0);
	rc = learn_write_plain(stdout, &g, !report_locale_utf8());
	learn_free(&g);
	if (rc != 0)
		fputs("securebase learn: cannot write the guide\n", stderr);
	return rc;
}

int
cmd_learn(int argc, char **argv)
{
	content *c = NULL;
	bank *b = NULL;
	errlist errs;
	int plain, done, rc;

	rc = parse_args(argc, argv, &plain, &done);
	if (rc != 0 || done)
		return rc;
	errlist_init(&errs);
	/* without the bank the guide still works, without its example */
	rc = cmd_common_open(&c, &b, NULL, 1, &errs);
	errlist_print(&errs, stderr);
	errlist_free(&errs);
	if (rc == 0)
		rc = cmd_common_screen(plain) ? screen_learn_main(c, b) : -1;
	if (rc < 0)                    /* plain asked for, or no usable terminal */
		rc = learn_plain(c, b);
	bank_free(b);
	content_free(c);
	return rc;
}

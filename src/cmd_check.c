/* cmd_check.c - securebase check FILE...: validate banks and run their examples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "err.h"
#include "cmd.h"
#include "usage.h"

/* The help text of `securebase check`. */
static void
check_help(FILE *fp)
{
	fputs("Usage: securebase check FILE...\n"
	      "\n"
	      "Validate each questionnaire bank FILE (\"-\" reads standard input, named\n"
	      "<stdin>) and run its examples through the scoring.  Prints \"FILE: ok\" on\n"
	      "stdout for each valid bank and FILE:LINE:COLUMN: message on stderr for\n"
	      "every problem, sorted by position.\n"
	      "\n"
	      "Exit status: 0 all valid; 65 a bank is invalid or an example disagrees;\n"
	      "66 a file is missing or unreadable (and none is invalid); 64 usage error.\n"
	      "\n"
	      "The bank format is described in securebase-bank(5).\n",
	      fp);
}

/* Check one file: "FILE: ok" or its sorted problems.  Returns 0, 65 or 66. */
static int
check_one(const char *path)
{
	errlist errs;
	int rc;

	errlist_init(&errs);
	rc = check_file(path, &errs);
	if (rc == 0 && errs.n == 0) {
		char *esc = err_escape(path);   /* a file name cannot drive the terminal */
		printf("%s: ok\n", strcmp(path, "-") == 0 ? "<stdin>" : esc ? esc : path);
		free(esc);
		(void)fflush(stdout);   /* errors stay on stdout, checked in cmd_check */
	} else {
		if (rc == 0)
			rc = 65;
		errlist_sort(&errs);
		errlist_print(&errs, stderr);
	}
	errlist_free(&errs);
	return rc;
}

int
cmd_check(int argc, char **argv)
{
	int i = 1, invalid = 0, missing = 0, nfiles;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			check_help(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			usage_version(stdout);
			return 0;
		}
		fprintf(stderr, "securebase check: unknown option '%s'\n", argv[i]);
		usage_hint(stderr);
		return 64;
	}
	nfiles = argc - i;
	if (nfiles == 0) {
		fputs("securebase check: no bank file given\n"
		      "Usage: securebase check FILE...\n", stderr);
		usage_hint(stderr);
		return 64;
	}
	for (; i < argc; i++) {
		int rc = check_one(argv[i]);
		invalid |= rc == 65;
		missing |= rc == 66;
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("securebase check: stdout");
		return 74;
	}
	return invalid ? 65 : missing ? 66 : 0;
}

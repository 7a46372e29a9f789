/* main.c - securebase: command-line entry, dispatch to the subcommands. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "usage.h"

/* Subcommand names and their entry points. */
static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
	{ "run", cmd_run },       { "check", cmd_check }, { "score", cmd_score },
	{ "learn", cmd_learn },   { "explore", cmd_explore }, { "banks", cmd_banks },
};

/* Run the command that argv names; its exit status. */
static int
dispatch(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage_print(stdout);
		return 0;
	}
	if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		usage_version(stdout);
		return 0;
	}
	if (argc >= 2 && argv[1][0] != '-') {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].fn(argc - 1, argv + 1);
		fprintf(stderr, "securebase: unknown command '%s'\n", argv[1]);
		usage_hint(stderr);
		return 64;
	}
	/* No subcommand means run; argv[0] stands in as its name. */
	argv[0] = (char *)"run";
	return cmd_run(argc, argv);
}

/* Output that never reached stdout (a full disk, /dev/full) is an I/O error. */
static int
finish(int rc)
{
	if ((fflush(stdout) == EOF || ferror(stdout)) && rc == 0) {
		perror("securebase: stdout");
		return 74;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return finish(dispatch(argc, argv));
}

/* cmd_run.c - securebase run (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'run' is not implemented yet\n", stderr);
	return 70;
}

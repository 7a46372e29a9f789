/* cmd_explore.c - securebase explore (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_explore(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'explore' is not implemented yet\n", stderr);
	return 70;
}

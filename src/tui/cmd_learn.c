/* cmd_learn.c - securebase learn (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_learn(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'learn' is not implemented yet\n", stderr);
	return 70;
}

/* cmd_score.c - securebase score (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_score(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'score' is not implemented yet\n", stderr);
	return 70;
}

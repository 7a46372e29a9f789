/* cmd_check.c - securebase check (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'check' is not implemented yet\n", stderr);
	return 70;
}

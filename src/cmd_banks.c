/* cmd_banks.c - securebase banks (placeholder until implemented). */
#include <stdio.h>

#include "cmd.h"

int
cmd_banks(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("securebase: 'banks' is not implemented yet\n", stderr);
	return 70;
}

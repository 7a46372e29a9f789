/* usage.c - the --help text. */
#include "usage.h"

void
usage_print(FILE *fp)
{
	fputs("Usage:\n"
	      "  securebase [run] [--bank FILE|NAME] [--plain] [--no-save] [--resume] [--quiet]\n"
	      "                   [--report FILE] [--format text|markdown|json]\n"
	      "  securebase check FILE...\n"
	      "  securebase score --bank FILE|NAME [--format csv|json] [--output FILE] [RESPONSES|-]\n"
	      "  securebase learn\n"
	      "  securebase explore [--bank FILE|NAME]\n"
	      "  securebase banks\n"
	      "  securebase --help | --version\n"
	      "\n"
	      "A private self-check of adult attachment: answer a questionnaire in the\n"
	      "terminal, see where you stand on attachment anxiety and avoidance, and read\n"
	      "what it may mean.  A self-reflection tool, not a diagnosis.\n"
	      "\n"
	      "Commands:\n"
	      "  run        take the self-check (the default)\n"
	      "  check      validate bank files and run their examples\n"
	      "  score      score a CSV of responses (batch)\n"
	      "  learn      read about attachment theory and how scoring works\n"
	      "  explore    move a point through anxiety x avoidance (nothing saved)\n"
	      "  banks      list the bundled banks\n"
	      "\n"
	      "See securebase(1) and securebase-bank(5).\n",
	      fp);
}

void
usage_hint(FILE *fp)
{
	fputs("Try 'securebase --help'.\n", fp);
}

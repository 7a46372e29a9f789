/* usage.c - the --help text: every subcommand and every option, in 80 columns. */
#include "usage.h"

void
usage_print(FILE *fp)
{
	fputs("Usage:\n"
	      "  securebase [run] [--bank FILE|NAME] [--plain] [--no-save] [--resume]\n"
	      "                   [--quiet] [--report FILE] [--format text|markdown|json]\n"
	      "                   [--include-reflections] [--no-mouse]\n"
	      "  securebase check FILE...\n"
	      "  securebase score --bank FILE|NAME [--format csv|json] [--output FILE]\n"
	      "                   [RESPONSES|-]\n"
	      "  securebase learn [--plain]\n"
	      "  securebase explore [--bank FILE|NAME] [--plain] [--no-mouse]\n"
	      "  securebase banks\n"
	      "  securebase --help | --version\n"
	      "\n"
	      "A private self-check of adult attachment: answer a questionnaire in the\n"
	      "terminal, see where you stand on attachment anxiety and avoidance, and read\n"
	      "what it may mean.  A self-reflection tool, not a diagnosis.\n"
	      "\n"
	      "Commands:\n"
	      "  run        take the self-check (the default)\n"
	      "  check      validate bank files and run their examples (\"-\": stdin)\n"
	      "  score      score a CSV of responses (batch), to stdout or --output\n"
	      "  learn      read about attachment theory and how scoring works\n"
	      "  explore    move a point through anxiety x avoidance (nothing saved)\n"
	      "  banks      list the bundled banks and scoring keys\n"
	      "\n"
	      "Options of run:\n"
	      "  --bank FILE|NAME       a bank file, or a bundled bank's id (default: core)\n"
	      "  --plain                plain line mode: one question per prompt, numbered\n"
	      "                         options (also for screen readers and pipes)\n"
	      "  --no-save              write no file at all (unless --report asks)\n"
	      "  --resume               continue the saved progress for this bank\n"
	      "  --quiet                no summary on stdout after the full-screen session\n"
	      "  --report FILE          also write a report to FILE (mode 0600)\n"
	      "  --format FMT           report format: text, markdown or json (default: by\n"
	      "                         FILE's name: .json, .md/.markdown, else text)\n"
	      "  --include-reflections  put free-text answers in the report\n"
	      "  --no-mouse             leave the mouse to the terminal\n"
	      "Options of score:\n"
	      "  -b, --bank FILE|NAME   the bank or scoring key (required)\n"
	      "  -f, --format FMT       csv (default) or json (one object per line)\n"
	      "  -o, --output FILE      write to FILE, replaced only when the run completes\n"
	      "Options of learn and explore:\n"
	      "  --plain                learn: the whole guide as text on stdout;\n"
	      "                         explore: \"ANXIETY AVOIDANCE\" lines in, styles out\n"
	      "  --bank FILE|NAME       explore: a quadrant bank (default: core)\n"
	      "  --no-mouse             explore: leave the mouse to the terminal\n"
	      "Other options:\n"
	      "  -h, --help             this help (COMMAND --help: that command's help)\n"
	      "  -V, --version          print the version\n"
	      "\n"
	      "Exit status: 0 ok, 64 usage error, 65 invalid data, 66 input missing or\n"
	      "unreadable, 73 output cannot be created, 74 other I/O error, 130 stopped\n"
	      "before the end or interrupted (progress kept unless --no-save).\n"
	      "\n"
	      "See securebase(1) and securebase-bank(5).\n",
	      fp);
}

void
usage_version(FILE *fp)
{
	fprintf(fp, "securebase %s\n", SECUREBASE_VERSION);
}

void
usage_hint(FILE *fp)
{
	fputs("Try 'securebase --help'.\n", fp);
}

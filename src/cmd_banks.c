/* cmd_banks.c - securebase banks: one line per bundled bank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "banks.h"
#include "cmd.h"
#include "embed.h"
#include "text.h"
#include "usage.h"
#include "xmalloc.h"

/* The help text of `securebase banks`. */
static void
banks_help(FILE *fp)
{
	fputs("Usage: securebase banks\n"
	      "\n"
	      "List the bundled banks, one per line: id, number of items, classification\n"
	      "method (quadrant or highest) and title.  Give the id to --bank NAME.\n",
	      fp);
}

int
cmd_banks(int argc, char **argv)
{
	size_t n = banks_count();
	bank **bs;
	int rc = 0, w = 4;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		banks_help(stdout);
		return 0;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		usage_version(stdout);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "securebase banks: unexpected argument '%s'\n", argv[1]);
		usage_hint(stderr);
		return 64;
	}
	bs = xcalloc(n ? n : 1, sizeof *bs);
	for (size_t i = 0; i < n; i++) {
		const embed_file *f = banks_at(i);
		errlist errs;
		errlist_init(&errs);
		if (bank_load_mem(&bs[i], f->path, f->data, f->size, &errs) != 0) {
			errlist_print(&errs, stderr);
			rc = 65;
		} else if ((int)strlen(bs[i]->id) > w) {
			w = (int)strlen(bs[i]->id);
		}
		errlist_free(&errs);
	}
	for (size_t i = 0; i < n; i++) {
		char *title;
		if (!bs[i])
			continue;
		title = text_clean_line(bs[i]->title);
		printf("%-*s %5zu items  %-8s  %s\n", w, bs[i]->id, bs[i]->nitems,
		       bs[i]->method == CLASSIFY_QUADRANT ? "quadrant" : "highest", title);
		free(title);
		bank_free(bs[i]);
	}
	free(bs);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("securebase banks: stdout");
		return 74;
	}
	return rc;
}

/* usage.h - the --help text and the hint printed after usage errors. */
#ifndef SB_USAGE_H
#define SB_USAGE_H

#include <stdio.h>

#ifndef SECUREBASE_VERSION
#define SECUREBASE_VERSION "unknown"
#endif

/* Print the full --help text. */
void usage_print(FILE *fp);
/* Print "securebase VERSION" (--version, -V: accepted by every command). */
void usage_version(FILE *fp);
/* Print "Try 'securebase --help'." for usage errors (exit 64). */
void usage_hint(FILE *fp);

#endif

/*
 * cmd_common.h - what the commands with a screen and a plain form (explore,
 * learn) do alike: usage errors, loading the texts and the bank, and
 * choosing between the screen and plain output.
 */
#ifndef SB_CMD_COMMON_H
#define SB_CMD_COMMON_H

#include "bank.h"
#include "content.h"
#include "err.h"

/*
 * A usage error: "securebase CMD: " and the message (printf format) on a
 * line, then the --help hint, on stderr.  Returns 64, the exit status.
 */
int cmd_common_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Load the texts (a clinic's copies where there are some: config.h), then
 * the bank bank_arg (banks.h; NULL for the default).  Problems are appended
 * to errs for the caller to print.  Returns 0, or the exit status (65, 66)
 * of the first step that failed; *c and *b are set by the steps that
 * succeeded (NULL otherwise), and the caller frees them.  With
 * bank_optional, a bank that cannot be loaded leaves *b NULL and is not a
 * failure (its problems are still in errs).
 */
int cmd_common_open(content **c, bank **b, const char *bank_arg, int bank_optional,
                    errlist *errs);

/* True when the screen is to be used: not asked for plain, and a usable terminal. */
int cmd_common_screen(int plain);

#endif

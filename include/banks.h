/*
 * banks.h - finding a bank by file name or by the id of a bundled bank.
 *
 * SPEC section 1: NAME picks a bundled bank by its id; anything containing a
 * '/' or ending in .yaml/.yml is a file.  Bundled banks are the embedded
 * files banks/ *.yaml and keys/ *.yaml.
 */
#ifndef SB_BANKS_H
#define SB_BANKS_H

#include "bank.h"

#define BANKS_DEFAULT "core"

/* True when arg names a file rather than a bundled bank id. */
int banks_is_file(const char *arg);

/*
 * Load the bank named by arg (NULL = the default bank).  Returns 0 and sets
 * *out, or a sysexits status with records in errs: 66 for a missing file or
 * an unknown bundled id, 65 for an invalid bank.
 */
int banks_open(bank **out, const char *arg, errlist *errs);

/* Number of bundled banks, and the embedded file of the i-th (sorted by path). */
size_t banks_count(void);
const struct embed_file *banks_at(size_t i);

#endif

/*
 * check.h - `securebase check`: validate a bank and run its known-answer
 * tests (the `examples` key, SPEC section 2) through the scoring core.
 *
 * An expectation agrees when the scored value is within CHECK_TOLERANCE of
 * the expected one; `null` expects no score (or no style); a style is
 * compared as the set of tied styles, so "fearful-avoidant+secure" equals
 * "secure+fearful-avoidant".  Each disagreement is one record at the
 * expectation's key, e.g.
 *   bank.yaml:40:15: example 2: expected anxiety 5.50, scored 5.25
 *
 * Ownership: records are appended to the caller's errlist; nothing else is
 * kept.  No output of its own.
 */
#ifndef SB_CHECK_H
#define SB_CHECK_H

#include <stddef.h>

#include "bank.h"
#include "err.h"

/* Largest difference between an expected and a scored value that agrees. */
#define CHECK_TOLERANCE 0.005

/* Run every example of b; one record per disagreeing expectation.  Returns their number. */
size_t check_examples(const bank *b, errlist *errs);

/*
 * Validate the bank file at path and run its examples.  path "-" reads
 * standard input (named "<stdin>" in records).  Returns 0 when the bank is
 * valid and every example agrees, 65 when it is invalid or an example
 * disagrees, 66 when the file cannot be opened or read.
 */
int check_file(const char *path, errlist *errs);

#endif

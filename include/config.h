/*
 * config.h - where a clinic's own copies of the texts live, and loading the
 * texts from there (the one place every command gets its content from).
 *
 * The directory is $XDG_CONFIG_HOME/securebase when XDG_CONFIG_HOME is an
 * absolute path, else $HOME/.config/securebase when HOME is one.  When that
 * directory exists, each of styles.yaml, resources.yaml and learn.yaml is
 * read from it if it is there, and the built-in copy is used for the others
 * (content_load_dir, content.h).  When the directory does not exist (or is
 * not a directory, or neither variable is usable), the built-in texts are
 * used and nothing is said.
 *
 * Errors: an override file that is invalid gives 65 with every problem in
 * errs as FILE:LINE:COLUMN: message (FILE is the file's full path); one that
 * exists but cannot be read (or is over 4 MiB) gives 66.  Callers print the
 * records and exit with the status before any screen is drawn.
 *
 * Nothing here writes anything, anywhere.
 */
#ifndef SB_CONFIG_H
#define SB_CONFIG_H

#include "content.h"
#include "err.h"

/* The name of the directory under XDG_CONFIG_HOME (or ~/.config). */
#define CONFIG_NAME "securebase"

/*
 * The override directory from the environment, whether it exists or not:
 * a new string (free it), or NULL when neither XDG_CONFIG_HOME nor HOME is
 * an absolute path.
 */
char *config_dir(void);

/*
 * Load the texts: config_dir()'s copies where that directory exists, the
 * built-in ones otherwise.  Returns 0 and sets *out, or 65 / 66 with
 * records in errs (*out is then NULL).
 */
int config_content_load(content **out, errlist *errs);

#endif

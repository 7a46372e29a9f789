/*
 * progress.h - saving a session so that no answer is lost (SPEC section 5).
 *
 * Where: $XDG_STATE_HOME/securebase/ (an absolute XDG_STATE_HOME only), else
 * $HOME/.local/state/securebase/.  Missing directories are created 0700 and
 * the securebase directory is kept at 0700; files are 0600.  One file per
 * bank id: <id>.progress.  Every save writes a temporary file in the same
 * directory, fsyncs it, renames it over the old file and fsyncs the
 * directory, so a crash leaves either the old or the new file whole.
 *
 * A store made with enabled = 0 (--no-save) writes, renames and removes
 * nothing, anywhere: progress_save, progress_remove and progress_set_aside
 * succeed without touching the disk.  Loading still reads.
 *
 * File format (version 1), UTF-8 text, one record per line, fields split by
 * one space, every line ending in '\n', parsed strictly in this order:
 *
 *   securebase-progress 1
 *   bank ID                  the bank's id
 *   hash HEX16               the bank's content hash (bank->hash)
 *   created EPOCH            seconds, when the session started
 *   saved EPOCH              seconds, when this file was written
 *   position N|review        current item index (0-based) or the review
 *   from-review 0|1          the current item was opened from the review
 *   answer ITEM VALUE MS     a likert answer; MS = ms shown->answered or -
 *   text ITEM MS ENCODED     a text answer, bytes <= 0x20, '%' and 0x7F as %XX
 *   skip ITEM                seen, left unanswered
 *   end
 *
 * Item lines come in any order, at most one per item, none for unseen
 * items.  Numbers are plain decimal digits.  Anything else -- an unknown
 * record, a missing field, a value outside the item's range, an unknown or
 * repeated item, bytes after `end`, a file over 1 MiB -- makes the file
 * corrupt; the first problem is reported as FILE:LINE: message.
 *
 * Errors go to the caller's errlist.  Ownership: progress_init allocates
 * the paths, progress_free releases them; progress_info_free releases an
 * info.  Only out-of-memory dies.
 */
#ifndef SB_PROGRESS_H
#define SB_PROGRESS_H

#include <stddef.h>
#include <time.h>

#include "bank.h"
#include "err.h"
#include "session.h"

/* The largest progress file read, in bytes; a larger one is reported as damaged. */
#define PROGRESS_MAX_SIZE ((size_t)1024 * 1024)

typedef struct progress {
	char *dir;               /* the securebase state directory */
	char *path;              /* dir/<id>.progress */
	int enabled;             /* 0: never write anything */
} progress;

/* What a load found. */
typedef enum progress_state {
	PROGRESS_NONE,           /* no saved progress */
	PROGRESS_FOUND,          /* restored into the session */
	PROGRESS_CHANGED,        /* saved for another version of the bank: not restored */
	PROGRESS_CORRUPT,        /* unreadable as progress: not restored, errors say where */
	PROGRESS_UNREADABLE      /* exists but cannot be read (permissions, I/O) */
} progress_state;

typedef struct progress_info {
	progress_state state;
	char *bank_id;           /* FOUND / CHANGED: as saved (owned) */
	char hash[17];           /* FOUND / CHANGED: the saved bank hash */
	time_t created, saved;   /* FOUND / CHANGED */
	size_t answered, seen;   /* FOUND: items answered, items seen */
} progress_info;

/*
 * The default state directory from the environment (XDG_STATE_HOME, HOME).
 * Returns a new string, or NULL when neither gives an absolute path.
 */
char *progress_default_dir(void);

/*
 * Prepare a store for bank id `bank_id` in directory dir (NULL: the default
 * directory).  Nothing is created yet.  Returns 0, or 73 with a record when
 * saving is enabled and no directory can be found (HOME unset).  With
 * enabled = 0 it never fails.
 */
int progress_init(progress *p, const char *dir, const char *bank_id, int enabled,
                  errlist *errs);
/* Release the store's paths. */
void progress_free(progress *p);

/*
 * Save the session atomically.  Returns 0 (also when disabled), 73 when the
 * directory or file cannot be created, 74 on a write error; each with a
 * record naming the path and the reason.
 */
int progress_save(const progress *p, const session *s, errlist *errs);

/*
 * Look for saved progress for session s's bank and, when it matches the
 * bank's hash, restore it into s (which the caller initialised; on any
 * state but PROGRESS_FOUND s is left reset).  Fills *info.  Returns 0,
 * or 65 (PROGRESS_CORRUPT) / 66 (PROGRESS_UNREADABLE) with records.
 */
int progress_load(const progress *p, session *s, progress_info *info, errlist *errs);

/*
 * Parse a progress file held in memory (what progress_load does after
 * reading; also the fuzz target).  name is used in records.  Same results.
 */
int progress_parse(const char *name, const char *buf, size_t len, session *s,
                   progress_info *info, errlist *errs);

/* Format the session as a version 1 progress file at wall time `now`.
 * Returns a new string; *len receives its length. */
char *progress_format(const session *s, time_t now, size_t *len);

/* Remove the progress file (a finished session).  Returns 0 (also when
 * there is none or when disabled), or 74 with a record. */
int progress_remove(const progress *p, errlist *errs);

/*
 * Keep the progress file aside instead of deleting it: rename it to
 * PATH.<tag>-YYYYMMDD-HHMMSS (tag e.g. "corrupt" or "changed").  *aside
 * (may be NULL) receives the new path (owned by the caller) or NULL when
 * nothing was renamed.  Returns 0 (also when disabled or no file), or 74.
 */
int progress_set_aside(const progress *p, const char *tag, char **aside, errlist *errs);

/* Release an info's strings and zero it. */
void progress_info_free(progress_info *info);

#endif

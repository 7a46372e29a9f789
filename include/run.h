/*
 * run.h - one `securebase run`: options, the bank, the session and its
 * saved progress, shared by the ncurses interface (src/tui) and plain mode
 * (plain.h).  No terminal code here.
 *
 * Life of a run:
 *   run_open       load the bank and the built-in texts, find saved progress
 *                  (restored into r->s when it matches the bank);
 *   run_begin      continue the saved session or start again (saved files
 *                  that cannot be used are kept aside, never deleted);
 *   run_save       after every answer (does nothing with --no-save);
 *   run_finish     the results were reached: write --report, remove the
 *                  progress file, print the summary;
 *   run_close      release everything.
 *
 * Messages for the person are written to the FILE given (stderr in both
 * modes; the interface also shows them on screen).  Exit statuses follow
 * SPEC section 1.  Ownership: a run owns its bank, content, session and
 * store; strings in run_opts are borrowed from argv.
 */
#ifndef SB_RUN_H
#define SB_RUN_H

#include <stdio.h>

#include "bank.h"
#include "content.h"
#include "err.h"
#include "progress.h"
#include "report.h"
#include "session.h"

/* The options of `securebase run` (SPEC section 1, plus --no-mouse and
 * --include-reflections). */
typedef struct run_opts {
	const char *bank_arg;        /* --bank FILE|NAME, NULL: the default bank */
	int plain;                   /* --plain */
	int no_save;                 /* --no-save */
	int resume;                  /* --resume */
	int quiet;                   /* --quiet: no summary on stdout after the interface */
	int no_mouse;                /* --no-mouse (or SECUREBASE_NO_MOUSE set) */
	int include_reflections;     /* --include-reflections: free text in --report */
	const char *report;          /* --report FILE, or NULL */
	report_format format;        /* --format, else from --report's name (cmd_run.c) */
	const char *state_dir;       /* progress directory override (tests), NULL: default */
} run_opts;

typedef struct run {
	run_opts o;
	bank *bank;
	content *content;
	session s;
	progress store;
	progress_info found;         /* what was on disk when the run opened */
	errlist found_errs;          /* why a saved file could not be used */
	char *aside;                 /* where an unusable saved file was kept, or NULL */
	char *save_error;            /* the last failed save, for the screen, or NULL */
	int finished;                /* run_finish has run */
} run;

/*
 * Load what the run needs and look for saved progress.  Returns 0, or an
 * exit status after printing the problem on err: 64/65/66 for the bank,
 * 65 for invalid texts (built-in, or a clinic's copy: config.h), 66 for a
 * clinic's copy that cannot be read, 73 when progress cannot be saved anywhere.
 * With --resume, saved progress that cannot be used is reported and gives
 * 65 (corrupt or made for another version of the bank) or 66 (unreadable);
 * the file is kept (corrupt/unreadable ones renamed aside).  When nothing
 * was saved, --resume just starts from the beginning with a note.
 */
int run_open(run *r, const run_opts *o, FILE *err);

/* True when saved progress was found and restored (it can be continued). */
int run_can_continue(const run *r);

/*
 * Start: continue the restored session (cont != 0) or start again.
 * Starting again over a saved file that could not be used first renames
 * it aside (PATH.changed-TIME / PATH.corrupt-TIME), unless --no-save.
 */
void run_begin(run *r, int cont);

/* Save the session now (nothing is written while no item has been
 * answered or skipped yet).  Returns 0 or 73/74; the message is kept in
 * r->save_error (and cleared by the next good save). */
int run_save(run *r);

/*
 * The session reached its results: write the --report file if asked,
 * remove the progress file (kept, with a note, when the report could not
 * be written, so that nothing is lost), and print the summary on out when
 * out is not NULL.  timed: pass the answer times (the interface) or not
 * (piped input).  Returns 0, or the report's exit status (73/74) after
 * printing why on err.
 */
int run_finish(run *r, FILE *out, FILE *err, int timed);

/*
 * Fill a report for the current answers (report.h); the caller frees it
 * with report_free.  timed as for run_finish.  *secs holds the answer
 * times and must be freed by the caller after the report.
 */
void run_report(const run *r, report *rep, int timed, double **secs);

/* One sentence about the saved progress for the welcome screen / plain
 * mode, e.g. "You answered 12 of 33 questions (saved Tue 21 Nov 14:02)."
 * Returns a new string, or NULL when there is nothing to say. */
char *run_saved_note(const run *r);

/* The not-a-diagnosis statement (from the built-in texts). */
const char *run_disclaimer(const run *r);

/* Release everything the run owns. */
void run_close(run *r);

#endif

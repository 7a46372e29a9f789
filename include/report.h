/*
 * report.h - a person's result as text, Markdown or JSON, and reading a saved
 * JSON report back.
 *
 * NOTE FOR THE INTERFACE (cmd_run.c, plain mode):
 *   - after the last item in plain mode, and after an ncurses session ends
 *     (unless --quiet), print the summary with
 *         report_init(&r, bank, content, answers, texts, seconds);
 *         report_print_summary(stdout, &r);
 *         report_free(&r);
 *   - `--report FILE --format F [--include-reflections]`: set
 *     r.include_reflections, then report_save(&r, FILE, F, errs) and exit
 *     with its status when it is not 0 (73 / 74).
 *   - report_format_parse turns the --format argument into a report_format.
 *
 * Contents (the same in every format; see report_doc for the text forms):
 *   the bank (id, title, version, content hash), the time (ISO 8601, UTC),
 *   the style (or the near-boundary wording naming the neighbouring styles),
 *   the attachment plane (quadrant banks; `highest` banks show the four
 *   style scores as bars), every scale's score with its range, cutoff and,
 *   where the bank has a norm, z and percentile (normal approximation), the
 *   margin, the answer-quality notes (quality.h), what the style means, the
 *   two dimensions, why this score (the items that moved each scale most,
 *   reverse keying shown), growing from here, the person's reflections ONLY
 *   when include_reflections is set, every likert answer, the
 *   not-a-diagnosis statement and the help resources.
 *
 * Text forms and characters: report files (report_save, any format) are
 *   UTF-8 and draw the plane and the bars in ASCII, so that they look right
 *   in any editor, mail client or printer.  The summary on stdout
 *   (report_print_summary) uses box-drawing characters when the locale's
 *   character set is UTF-8, and is transliterated to ASCII (text_ascii)
 *   otherwise.  Every bank and free-text string is neutralised (text.h);
 *   Markdown also escapes the characters Markdown would interpret.
 *
 * Ownership: a report borrows the bank, content, answers, texts and times
 * given to report_init (they must outlive it) and owns its score and notes.
 * Functions returning char * return memory the caller frees.
 */
#ifndef SB_REPORT_H
#define SB_REPORT_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "bank.h"
#include "content.h"
#include "err.h"
#include "quality.h"
#include "score.h"

/* The JSON report's "version"; report_load accepts exactly this. */
#define REPORT_VERSION 1
/* Width the text report is wrapped to. */
#define REPORT_WIDTH 72
/* Size of the plane in the text forms. */
#define REPORT_PLANE_W 47
#define REPORT_PLANE_H 17

typedef enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_JSON } report_format;

typedef struct report {
	const bank *b;
	const content *c;
	const int *answers;              /* b->nitems, BANK_NO_ANSWER when unanswered */
	const char *const *texts;        /* b->nitems free-text answers (NULL entries), or NULL */
	score_result score;
	quality_notes quality;
	int include_reflections;         /* put free-text answers in (default 0) */
	time_t when;                     /* default: time(NULL) at report_init */
} report;

/* Score, check quality (seconds may be NULL: no fast-answer note), take the time. */
void report_init(report *r, const bank *b, const content *c, const int *answers,
                 const char *const *texts, const double *seconds);
/* Release what the report owns. */
void report_free(report *r);

/* "text", "markdown" (or "md"), "json" -> format; returns 0, or -1 if unknown. */
int report_format_parse(const char *s, report_format *out);
/* "text", "markdown", "json". */
const char *report_format_name(report_format f);
/* File extension without the dot: "txt", "md", "json". */
const char *report_format_ext(report_format f);
/* The format a file name asks for: .md / .markdown, .json, anything else text. */
report_format report_format_for_path(const char *path);

/* Flags for report_write. */
enum {
	REPORT_UTF8 = 1 << 0,            /* box-drawing plane and bars (text, markdown) */
	REPORT_ASCII = 1 << 1            /* transliterate every character to ASCII */
};

/* Write the report to fp.  Returns 0, or 74 on a write error. */
int report_write(FILE *fp, const report *r, report_format f, unsigned flags);

/*
 * Write the report to `path` atomically: a temporary file in the same
 * directory (mode 0600), fsync, rename over path, fsync of the directory.
 * Through a symbolic link, the link's target is replaced.  Something that
 * exists and is not a regular file (/dev/null, a FIFO, a terminal) is
 * written directly, never replaced.  Returns 0; 73 when the file cannot be
 * created (missing directory, no permission, path is a directory, a FIFO
 * without a reader); 74 on a write, sync or rename error.
 * One record in errs on failure; nothing is left behind.
 */
int report_save(const report *r, const char *path, report_format f, errlist *errs);

/* The text summary for stdout: UTF-8 or ASCII by the locale.  Returns 0 or 74. */
int report_print_summary(FILE *fp, const report *r);

/* True when the current locale's character set is UTF-8. */
int report_locale_utf8(void);

/* $XDG_DATA_HOME/securebase, or $HOME/.local/share/securebase; NULL without either. */
char *report_default_dir(void);

/*
 * A dated file name in dir that does not exist yet:
 * DIR/securebase-BANKID-YYYY-MM-DD.EXT, then -2, -3... (local date).
 */
char *report_suggest_path(const char *dir, const char *bank_id, report_format f, time_t when);

/* Create dir and its missing parents with mode 0700.  Returns 0 or -1 (errno set). */
int report_mkdirs(const char *dir);

/* --- parts shared with the results screen ------------------------------ */

/* An item's part in a scale's score. */
typedef struct report_mover {
	size_t item;                     /* index into bank.items */
	int answer;                      /* the raw answer */
	int value;                       /* what it counts as on the scale */
	int sign;                        /* the key: +1, or -1 when reverse-keyed */
	double pull;                     /* value - the scale's cutoff */
} report_mover;

/*
 * The answered items keyed to `scale`, those that pulled its score furthest
 * from the cutoff first (|pull| descending, then bank order); at most max are
 * written to out.  Returns the number written.
 */
size_t report_movers(const bank *b, const int *answers, size_t scale,
                     report_mover *out, size_t max);

/*
 * A bar `width` cells wide for a score on lo..hi with a cutoff mark:
 * filled up to the score, the cutoff as a bar, the rest empty ("#", "|",
 * "." in ASCII; full block, light vertical, light shade in UTF-8).  With no
 * score (NaN) only the cutoff is marked; with a NaN cutoff there is no mark.
 * Returns buf (always terminated).
 */
char *report_bar(char *buf, size_t size, double lo, double hi, double cut, double score,
                 int width, int utf8);

/*
 * A percentile in words: "92nd percentile"; "above the 99th percentile"
 * from 99.5 up and "below the 1st percentile" under 0.5 (a normal
 * approximation never reaches 0 or 100).  Returns buf.
 */
char *report_percentile_words(double p, char *buf, size_t size);

/* Style name for display (bank's own, else built-in), neutralised; caller frees. */
char *report_style_name(const report *r, int style);

/*
 * The headline: the style name ("Secure"), tied styles joined with " and ",
 * or for a near-boundary result "Between Secure and Anxious-preoccupied"
 * (every style in near_mask, the person's first); "No result" when there is
 * no style.  Neutralised; caller frees.
 */
char *report_headline(const report *r);

/* --- the report as blocks of text ------------------------------------- */

typedef enum report_block_kind {
	RB_TITLE,                        /* the report's title */
	RB_HEADING,                      /* a section heading */
	RB_SUBHEADING,                   /* a heading inside a section */
	RB_MINOR,                        /* a heading under a subheading */
	RB_PARA,                         /* a paragraph (one line, to be wrapped) */
	RB_STRONG,                       /* a paragraph to stand out (headline, warnings) */
	RB_BULLET,                       /* a list item (one line, to be wrapped) */
	RB_PRE                           /* preformatted lines (plane, bars): never wrapped */
} report_block_kind;

typedef struct report_block {
	report_block_kind kind;
	char *text;                      /* owned, neutralised; RB_PRE may hold '\n' */
} report_block;

typedef struct report_doc {
	report_block *v;
	size_t n;
} report_doc;

/* The sections, in report order; the results screen shows those marked (S). */
typedef enum report_section {
	REPORT_SEC_RESULT,               /* headline, summary, near-boundary note */
	REPORT_SEC_PLANE,                /* plane (quadrant) or style bars (highest) */
	REPORT_SEC_SCORES,               /* a line per scale: score, cutoff, z, percentile */
	REPORT_SEC_QUALITY,              /* answer-quality notes (may be empty) */
	REPORT_SEC_MEANING,              /* (S) What this means */
	REPORT_SEC_DIMENSIONS,           /* (S) Your two dimensions */
	REPORT_SEC_WHY,                  /* (S) Why this score */
	REPORT_SEC_GROWTH,               /* (S) Growing from here */
	REPORT_SEC_REFLECTIONS,          /* (S) Your reflections */
	REPORT_SEC_ANSWERS,              /* every likert answer */
	REPORT_SEC_HELP,                 /* (S) Not a diagnosis; help and resources */
	REPORT_SEC_COUNT
} report_section;

/* A section's heading ("What this means", ...); b may be NULL (the plane
 * section of a `highest` bank is titled "Your four styles"). */
const char *report_section_title(report_section s, const bank *b);

/*
 * Append a section's blocks (its heading first) to doc.  flags: REPORT_UTF8
 * for the plane and bars.  REPORT_SEC_REFLECTIONS lists the free-text answers
 * when r->include_reflections or `reflections` is set (the screen shows them
 * to the person; a file only with consent).
 */
void report_section_doc(const report *r, report_section s, unsigned flags, int reflections,
                        report_doc *doc);
/* Release the blocks; doc is empty afterwards. */
void report_doc_free(report_doc *doc);

/* --- reading a JSON report back (for `explore`) ------------------------ */

typedef struct report_scale_data {
	char *id, *name;
	int has_score;
	double score, min, max, cutoff;
} report_scale_data;

typedef struct report_data {
	char *bank_id, *bank_title, *bank_hash, *created;
	int quadrant;                    /* classification method is quadrant */
	long anxiety, avoidance;         /* quadrant: indexes into scales, else -1 */
	report_scale_data *scales;
	size_t nscales;
	unsigned style_mask;             /* 0: no style */
	int has_margin;
	double margin;
	int near_boundary;
} report_data;

/*
 * Read a JSON report written by report_write (version REPORT_VERSION).
 * Strict: JSON syntax errors are reported at FILE:LINE:COLUMN; a wrong
 * version, a missing or unknown field, a wrong type or an inconsistent value
 * as FILE: $.path: message.  Returns 0 and fills *out; 66 when the file
 * cannot be read; 65 when it is not a valid report (every problem
 * recorded).  On failure *out is empty (safe to report_data_free).
 */
int report_load(report_data *out, const char *path, errlist *errs);
/* Same from memory; name is used in records. */
int report_load_mem(report_data *out, const char *name, const char *buf, size_t len,
                    errlist *errs);
/* Release the data; *d is zeroed. */
void report_data_free(report_data *d);

#endif

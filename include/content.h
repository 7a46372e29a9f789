/*
 * content.h - the built-in texts: style explanations, help resources and the
 * teaching guide.
 *
 * Three YAML files, compiled into the binary from data/ (see embed.h):
 *   styles.yaml     the four styles, the two dimensions, near-boundary and
 *                   "two dimensions, styles can change" notes;
 *   resources.yaml  the not-a-diagnosis statement and help resources;
 *   learn.yaml      the chapters of `securebase learn`.
 * Each file's shape is described in its own header comment.  Loading checks
 * it strictly, so that a clinic editing a copy is told exactly what is wrong:
 * YAML errors, unknown keys, missing or empty fields, wrong types, duplicate
 * or missing styles, control characters in texts -- every problem, all three
 * files, each as FILE:LINE:COLUMN: message in the caller's errlist.
 *
 * Texts are UTF-8, trimmed of leading and trailing blanks, never empty and
 * free of control characters except '\n', which separates paragraphs (a
 * folded `>` block turns a blank line into one '\n').  Callers that draw
 * them on a terminal still neutralise them like any other text (text.h):
 * the files can be edited by anyone.
 *
 * Ownership: a loaded content owns every string, array and struct its
 * accessors return; they stay valid and unchanged until content_free.  A
 * content is read-only after loading and may be shared between threads.
 * No function here writes anything anywhere.
 *
 * Errors: loaders return 0 or a sysexits status (65 invalid data, 66 a file
 * that exists but cannot be read), never abort except on out-of-memory
 * (xmalloc.h).  `errs` must not be NULL.  Accessors never fail: given an
 * out-of-range index they return NULL (or 0 for counts).
 */
#ifndef SB_CONTENT_H
#define SB_CONTENT_H

#include <stddef.h>

#include "bank.h"
#include "err.h"

/* File names, relative to data/ (embedded) or to a directory (content_load_dir). */
#define CONTENT_STYLES_FILE    "styles.yaml"
#define CONTENT_RESOURCES_FILE "resources.yaml"
#define CONTENT_LEARN_FILE     "learn.yaml"

/* At most this many reflection questions per style (the shipped files have 2 or 3). */
#define CONTENT_MAX_QUESTIONS 5
/* A style's `short` label is at most this many characters (for the plane's quadrants). */
#define CONTENT_SHORT_MAX 12

/* The text fields of a style explanation, in the order they are best shown. */
typedef enum content_field {
	CONTENT_SUMMARY,           /* one line */
	CONTENT_IN_RELATIONSHIPS,
	CONTENT_UNDER_STRESS,
	CONTENT_COPING,            /* includes substances used to soothe or numb */
	CONTENT_STRENGTHS,
	CONTENT_GROWTH,
	CONTENT_THERAPY,           /* what attachment-based therapy works on */
	CONTENT_FIELD_COUNT
} content_field;

/* Heading for the reflection questions, next to content_field_title's. */
#define CONTENT_REFLECTION_TITLE "Questions to reflect on"

/* The two dimensions. */
enum { CONTENT_ANXIETY, CONTENT_AVOIDANCE, CONTENT_DIM_COUNT };

/* What a help resource is for; resources are listed in file order. */
typedef enum content_kind {
	CONTENT_EMERGENCY,         /* emergency services: 911, 999, 112, 000 */
	CONTENT_CRISIS,            /* crisis and suicide-prevention lines */
	CONTENT_SUBSTANCE,         /* alcohol and drug services */
	CONTENT_DIRECTORY,         /* directories of helplines */
	CONTENT_LOCAL,             /* a clinic's or region's own services */
	CONTENT_KIND_COUNT
} content_kind;

typedef struct content_resource {
	content_kind kind;
	const char *region;        /* where it works, e.g. "United Kingdom and Ireland" */
	const char *name;          /* who answers */
	const char *contact;       /* a number, a text number or a web address */
	const char *note;          /* one short line, or NULL */
} content_resource;

typedef struct content_chapter {
	const char *id;            /* [a-z0-9-]+, unique, e.g. "origins" */
	const char *title;
	const char *const *paragraphs;
	size_t nparagraphs;        /* >= 1 */
} content_chapter;

/* The three texts as given to content_load_mem. */
typedef struct content_source {
	const char *name;          /* file name used in error records */
	const char *data;
	size_t len;
} content_source;

typedef struct content content;

/*
 * Load the built-in texts embedded in the binary.  Returns 0 and sets *out,
 * or 65 with records when they are invalid (a build that ships broken data;
 * tests catch that).  *out is NULL on failure.
 */
int content_load(content **out, errlist *errs);

/*
 * Same, taking each of the three files from directory `dir` where it exists
 * there (for example a clinic's edited resources.yaml) and the built-in one
 * otherwise.  Returns 0, 65 when a file is invalid, or 66 when a file exists
 * in dir but cannot be read (or is larger than 4 MiB).  dir NULL is
 * content_load.  Nothing is written.
 */
int content_load_dir(content **out, const char *dir, errlist *errs);

/* Load from memory: the three sources in the order styles, resources, learn. */
int content_load_mem(content **out, const content_source *styles,
                     const content_source *resources, const content_source *learn,
                     errlist *errs);

/* Release everything (NULL is fine). */
void content_free(content *c);

/* --- the four styles (STYLE_SECURE .. STYLE_FEARFUL from bank.h) --- */

/* Display name, e.g. "Anxious-preoccupied". */
const char *content_style_name(const content *c, int style);
/* Short label, at most CONTENT_SHORT_MAX characters, e.g. "Anxious". */
const char *content_style_short(const content *c, int style);
/* One explanation field. */
const char *content_style_text(const content *c, int style, content_field f);
/* Reflection questions: count (1..CONTENT_MAX_QUESTIONS) and the i-th. */
size_t content_style_nquestions(const content *c, int style);
const char *content_style_question(const content *c, int style, size_t i);

/*
 * The same, preferring a bank's own texts (SPEC 2: a bank's `styles` entry
 * overrides the built-in ones, missing texts come from here).  b may be NULL.
 * Bank texts are returned as the bank holds them (owned by the bank).
 */
const char *content_style_name_for(const content *c, const bank *b, int style);
const char *content_style_text_for(const content *c, const bank *b, int style,
                                   content_field f);

/* The YAML key of a field ("summary", "in_relationships", ...), or NULL. */
const char *content_field_key(content_field f);
/* A heading for a field ("In short", "In close relationships", ...), or NULL. */
const char *content_field_title(content_field f);

/* --- the two dimensions and general notes --- */

/* Name ("Attachment anxiety"), what it measures, and what a high / low score means. */
const char *content_dim_name(const content *c, int dim);
const char *content_dim_about(const content *c, int dim);
const char *content_dim_text(const content *c, int dim, int high);
/* What a result near a boundary means. */
const char *content_near_boundary(const content *c);
/* Attachment is two dimensions; styles can change over life. */
const char *content_two_dimensions(const content *c);

/* --- safety --- */

/* The not-a-diagnosis statement, for every summary and report. */
const char *content_disclaimer(const content *c);
/* A short introduction to show above the resources. */
const char *content_help_intro(const content *c);
/* Help resources in file order: count (>= 1) and the i-th. */
size_t content_nresources(const content *c);
const content_resource *content_resource_at(const content *c, size_t i);
/* "emergency", "crisis", ... as in the file, and a heading ("Emergency services", ...); NULL if out of range. */
const char *content_kind_name(content_kind k);
const char *content_kind_title(content_kind k);

/* --- the teaching guide --- */

/* The guide's title. */
const char *content_learn_title(const content *c);
/* Chapters in file order: count (>= 1), the i-th, and the index of an id (or -1). */
size_t content_nchapters(const content *c);
const content_chapter *content_chapter_at(const content *c, size_t i);
long content_chapter_find(const content *c, const char *id);

#endif

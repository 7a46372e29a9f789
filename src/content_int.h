/*
 * content_int.h - private to content.c (the loaded texts and their
 * accessors) and content_read.c (checking and reading the three files).
 * Not part of any public contract.
 */
#ifndef SB_CONTENT_INT_H
#define SB_CONTENT_INT_H

#include "content.h"

typedef struct style_text {
	char *name, *shortname;
	char *field[CONTENT_FIELD_COUNT];
	char *question[CONTENT_MAX_QUESTIONS];
	size_t nquestions;
} style_text;

typedef struct dim_text {
	char *name, *about, *high, *low;
} dim_text;

struct content {
	style_text style[STYLE_COUNT];
	dim_text dim[CONTENT_DIM_COUNT];
	char *near_boundary, *two_dimensions;
	char *disclaimer, *help_intro;
	content_resource *res;
	size_t nres;
	char *learn_title;
	content_chapter *chap;
	size_t nchap;
	void **owned;                  /* every allocation above, freed together */
	size_t nowned, capowned;
};

/*
 * Parse src as styles.yaml, resources.yaml or learn.yaml and read it into
 * c: texts checked, copied and recorded in c's owned list.  Return nonzero
 * when any problem was found (each one recorded in errs); c is then
 * incomplete and only fit for content_free.
 */
int content_read_styles(content *c, const content_source *src, errlist *errs);
int content_read_resources(content *c, const content_source *src, errlist *errs);
int content_read_learn(content *c, const content_source *src, errlist *errs);

#endif

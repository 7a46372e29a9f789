/* learn_int.h - private helpers shared by learn.c, learn_example.c and learn_view.c. */
#ifndef SB_LEARN_INT_H
#define SB_LEARN_INT_H

#include "learn.h"

/* Append a block holding `text` (taken over: already neutralised, one paragraph). */
void learn_add_block_owned(learn_chapter *c, learn_kind k, char *text);
/* Neutralise raw text and append one block per paragraph ('\n'-separated). */
void learn_add_text(learn_chapter *c, learn_kind k, const char *raw);
/* Free a chapter's blocks and lines (not the chapter's id and title). */
void learn_chapter_clear(learn_chapter *c);
/* Transliterate a chapter's texts to ASCII. */
void learn_chapter_ascii(learn_chapter *c);
/* Wrap one chapter to width columns. */
void learn_layout_chapter(learn_chapter *c, int width);

/* Build the example chapter's blocks from g->ex (replacing any). */
void learn_example_build(learn *g, learn_chapter *c);
/* Set up g->ex for bank g->b: returns 0, or -1 when the bank has no plane. */
int learn_example_init(learn *g);
/* Release g->ex. */
void learn_example_free(learn *g);

#endif

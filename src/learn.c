/* learn.c - the guide of `securebase learn`: assembly, layout, search, plain text. */
#include "learn.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "learn_int.h"
#include "text.h"
#include "xmalloc.h"

/* Generated chapters and the learn.yaml chapter each one follows. */
enum { GEN_DIMENSIONS, GEN_STYLES, GEN_EXAMPLE, GEN_COUNT };
static const char *const gen_anchor[GEN_COUNT] = {
	"two-dimensions", "dimensions-vs-types", "scoring",
};

void
learn_add_block_owned(learn_chapter *c, learn_kind k, char *text)
{
	c->blocks = xreallocarray(c->blocks, c->nblocks + 1, sizeof *c->blocks);
	c->blocks[c->nblocks].kind = k;
	c->blocks[c->nblocks].text = text;
	c->nblocks++;
}

void
learn_add_text(learn_chapter *c, learn_kind k, const char *raw)
{
	char *clean = text_clean(raw ? raw : "");
	char *p = clean;

	for (;;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		while (n > 0 && p[0] == ' ')
			p++, n--;
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0)
			learn_add_block_owned(c, k, xstrndup(p, n));
		if (!nl)
			break;
		p = nl + 1;
	}
	free(clean);
}

void
learn_chapter_clear(learn_chapter *c)
{
	for (size_t i = 0; i < c->nblocks; i++)
		free(c->blocks[i].text);
	free(c->blocks);
	free(c->lines);
	c->blocks = NULL;
	c->lines = NULL;
	c->nblocks = c->nlines = 0;
}

/* Append an empty chapter; title is raw (neutralised here). */
static learn_chapter *
add_chapter(learn *g, const char *id, const char *title, learn_source src, int style)
{
	learn_chapter *c;
	char *num;

	g->ch = xreallocarray(g->ch, g->nch + 1, sizeof *g->ch);
	c = &g->ch[g->nch++];
	memset(c, 0, sizeof *c);
	c->id = xstrdup(id);
	c->title = text_clean_line(title);
	c->source = src;
	c->style = style;
	num = xasprintf("%zu. %s", g->nch, c->title);
	learn_add_block_owned(c, LEARN_TITLE, num);
	return c;
}

/* The chapter of learn.yaml: its paragraphs as they are. */
static void
add_text_chapter(learn *g, const content_chapter *cc)
{
	learn_chapter *c = add_chapter(g, cc->id, cc->title, LEARN_SRC_TEXT, -1);

	for (size_t i = 0; i < cc->nparagraphs; i++)
		learn_add_text(c, LEARN_PARA, cc->paragraphs[i]);
}

/* What high and low scores on each dimension mean, and near a boundary. */
static void
add_dimensions_chapter(learn *g)
{
	learn_chapter *c = add_chapter(g, "high-and-low", "What high and low scores mean",
	                               LEARN_SRC_DIMENSIONS, -1);

	learn_add_text(c, LEARN_PARA, content_two_dimensions(g->c));
	for (int d = 0; d < CONTENT_DIM_COUNT; d++) {
		learn_add_text(c, LEARN_HEADING, content_dim_name(g->c, d));
		learn_add_text(c, LEARN_PARA, content_dim_about(g->c, d));
		learn_add_text(c, LEARN_PARA, content_dim_text(g->c, d, 1));
		learn_add_text(c, LEARN_PARA, content_dim_text(g->c, d, 0));
	}
	learn_add_text(c, LEARN_HEADING, "Near a boundary");
	learn_add_text(c, LEARN_PARA, content_near_boundary(g->c));
}

/* One chapter per style: summary, every explanation field, reflection questions. */
static void
add_style_chapters(learn *g)
{
	for (int s = 0; s < STYLE_COUNT; s++) {
		char *id = xasprintf("style-%s", bank_style_id(s));
		char *title = xasprintf("Style: %s", content_style_name(g->c, s));
		learn_chapter *c = add_chapter(g, id, title, LEARN_SRC_STYLE, s);

		free(id);
		free(title);
		learn_add_text(c, LEARN_STRONG, content_style_text(g->c, s, CONTENT_SUMMARY));
		for (int f = CONTENT_SUMMARY + 1; f < CONTENT_FIELD_COUNT; f++) {
			learn_add_text(c, LEARN_HEADING, content_field_title(f));
			learn_add_text(c, LEARN_PARA, content_style_text(g->c, s, f));
		}
		learn_add_text(c, LEARN_HEADING, CONTENT_REFLECTION_TITLE);
		for (size_t q = 0; q < content_style_nquestions(g->c, s); q++)
			learn_add_text(c, LEARN_BULLET, content_style_question(g->c, s, q));
	}
}

/* The live worked example, when the bank has a plane. */
static void
add_example_chapter(learn *g)
{
	learn_chapter *c;

	if (!g->b || learn_example_init(g) < 0)
		return;
	c = add_chapter(g, "example", "Try it: from answers to a style", LEARN_SRC_EXAMPLE, -1);
	g->example = (long)(c - g->ch);
	learn_example_build(g, c);
}

/* Add generated chapter `which` unless it is there already. */
static void
add_generated(learn *g, int which, int *done)
{
	if (done[which])
		return;
	done[which] = 1;
	if (which == GEN_DIMENSIONS)
		add_dimensions_chapter(g);
	else if (which == GEN_STYLES)
		add_style_chapters(g);
	else
		add_example_chapter(g);
}

void
learn_init(learn *g, const content *c, const bank *b, int width, int interactive)
{
	int done[GEN_COUNT] = { 0 };
	size_t n = content_nchapters(c);

	memset(g, 0, sizeof *g);
	g->c = c;
	g->b = b;
	g->example = -1;
	g->ex.interactive = interactive;
	g->title = text_clean_line(content_learn_title(c));
	for (size_t i = 0; i < n; i++) {
		const content_chapter *cc = content_chapter_at(c, i);
		if (strcmp(cc->id, "references") == 0)
			for (int k = 0; k < GEN_COUNT; k++)
				add_generated(g, k, done);
		add_text_chapter(g, cc);
		for (int k = 0; k < GEN_COUNT; k++)
			if (strcmp(cc->id, gen_anchor[k]) == 0)
				add_generated(g, k, done);
	}
	for (int k = 0; k < GEN_COUNT; k++)
		add_generated(g, k, done);
	learn_layout(g, width);
}

void
learn_free(learn *g)
{
	for (size_t i = 0; i < g->nch; i++) {
		learn_chapter_clear(&g->ch[i]);
		free(g->ch[i].id);
		free(g->ch[i].title);
	}
	free(g->ch);
	free(g->title);
	learn_example_free(g);
	memset(g, 0, sizeof *g);
}

void
learn_chapter_ascii(learn_chapter *c)
{
	for (size_t i = 0; i < c->nblocks; i++) {
		char *a = text_ascii(c->blocks[i].text);
		free(c->blocks[i].text);
		c->blocks[i].text = a;
	}
}

void
learn_ascii(learn *g)
{
	char *t;

	g->ascii = 1;
	for (size_t i = 0; i < g->nch; i++) {
		learn_chapter_ascii(&g->ch[i]);
		t = text_ascii(g->ch[i].title);
		free(g->ch[i].title);
		g->ch[i].title = t;
	}
	t = text_ascii(g->title);
	free(g->title);
	g->title = t;
	learn_layout(g, g->width);
}

/* --- layout --- */

/* Columns a block's lines are indented by. */
static int
block_indent(learn_kind k)
{
	switch (k) {
	case LEARN_BULLET: return 2;
	case LEARN_QUOTE: case LEARN_ROW: case LEARN_MARK: return 4;
	default: return 0;
	}
}

/* Rows and list items sit together; nothing follows a heading with a gap. */
static int
gap_before(learn_kind prev, learn_kind k)
{
	int prow = prev == LEARN_ROW || prev == LEARN_MARK;
	int row = k == LEARN_ROW || k == LEARN_MARK;

	if (prev == LEARN_HEADING)
		return 0;
	if (prow && row)
		return 0;
	return !(prev == LEARN_BULLET && k == LEARN_BULLET);
}

/* Append one line to chapter c. */
static void
push_line(learn_chapter *c, size_t *cap, const learn_line *l)
{
	if (c->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		c->lines = xreallocarray(c->lines, *cap, sizeof *c->lines);
	}
	c->lines[c->nlines++] = *l;
}

void
learn_layout_chapter(learn_chapter *c, int width)
{
	text_lines tl = { 0 };
	size_t cap = 0;

	free(c->lines);
	c->lines = NULL;
	c->nlines = 0;
	for (size_t b = 0; b < c->nblocks; b++) {
		const learn_block *bl = &c->blocks[b];
		int indent = block_indent(bl->kind);
		learn_line l = { LEARN_BLANK, b, 0, 0, 0, 0, 0 };

		if (b > 0 && gap_before(c->blocks[b - 1].kind, bl->kind))
			push_line(c, &cap, &l);
		text_wrap(bl->text, width - indent, &tl);
		for (size_t i = 0; i < tl.n; i++) {
			l.kind = bl->kind;
			l.off = tl.v[i].off;
			l.len = tl.v[i].len;
			l.indent = indent;
			l.first = i == 0;
			l.width = tl.v[i].width;
			push_line(c, &cap, &l);
		}
	}
	text_lines_free(&tl);
}

void
learn_layout(learn *g, int width)
{
	if (width < 10)
		width = 10;
	g->width = width;
	for (size_t i = 0; i < g->nch; i++)
		learn_layout_chapter(&g->ch[i], width);
}

size_t
learn_line_of(const learn *g, size_t ch, const learn_pos *p)
{
	const learn_chapter *c = &g->ch[ch];
	size_t best = 0;

	for (size_t i = 0; i < c->nlines; i++) {
		const learn_line *l = &c->lines[i];
		if (l->kind == LEARN_BLANK)
			continue;
		if (l->block < p->block || (l->block == p->block && l->off <= p->off))
			best = i;
		else
			break;
	}
	return best;
}

learn_pos
learn_pos_of(const learn *g, size_t ch, size_t line)
{
	const learn_chapter *c = &g->ch[ch];
	learn_pos p = { ch, 0, 0 };

	if (line >= c->nlines)
		line = c->nlines ? c->nlines - 1 : 0;
	if (c->nlines == 0)
		return p;
	/* A blank line stands for the start of the block after it. */
	while (line < c->nlines && c->lines[line].kind == LEARN_BLANK)
		line++;
	if (line == c->nlines)
		line--;
	p.block = c->lines[line].block;
	p.off = c->lines[line].kind == LEARN_BLANK ? 0 : c->lines[line].off;
	return p;
}

/* --- search --- */

/* Length of text matching needle at s (0 when it does not); blanks match runs of blanks. */
static size_t
match_at(const char *s, const char *needle)
{
	const char *p = s;

	for (const char *q = needle; *q; q++) {
		if (*q == ' ') {
			if (*p != ' ')
				return 0;
			while (*p == ' ')
				p++;
			while (q[1] == ' ')
				q++;
			continue;
		}
		if (tolower((unsigned char)*p) != tolower((unsigned char)*q))
			return 0;
		p++;
	}
	return (size_t)(p - s);
}

/* The needle with tabs as blanks and outer blanks trimmed; NULL if empty. */
static char *
norm_needle(const char *needle)
{
	char *n = text_clean_line(needle ? needle : "");
	size_t len;
	char *p = n;

	while (*p == ' ')
		p++;
	memmove(n, p, strlen(p) + 1);
	len = strlen(n);
	while (len > 0 && n[len - 1] == ' ')
		n[--len] = '\0';
	if (len == 0) {
		free(n);
		return NULL;
	}
	return n;
}

/* First match in text at an offset in [lo, hi), or last one when last; -1 if none. */
static long
find_in(const char *text, const char *needle, size_t lo, size_t hi, int last, size_t *len)
{
	size_t n = strlen(text);
	long found = -1;

	if (hi > n)
		hi = n;
	for (size_t i = lo; i < hi; i++) {
		size_t m;
		if (i > 0 && (text[i] & 0xC0) == 0x80)
			continue;                      /* not a character start */
		m = match_at(text + i, needle);
		if (m == 0)
			continue;
		found = (long)i;
		*len = m;
		if (!last)
			break;
	}
	return found;
}

/* Total blocks in the guide, and the flat index of (ch, block). */
static size_t
flat_count(const learn *g)
{
	size_t n = 0;

	for (size_t i = 0; i < g->nch; i++)
		n += g->ch[i].nblocks;
	return n;
}

/* The (ch, block) at flat index k. */
static void
flat_at(const learn *g, size_t k, size_t *ch, size_t *block)
{
	for (size_t i = 0; i < g->nch; i++) {
		if (k < g->ch[i].nblocks) {
			*ch = i;
			*block = k;
			return;
		}
		k -= g->ch[i].nblocks;
	}
	*ch = *block = 0;
}

/* Flat index of (ch, block). */
static size_t
flat_index(const learn *g, size_t ch, size_t block)
{
	size_t k = 0;

	for (size_t i = 0; i < ch && i < g->nch; i++)
		k += g->ch[i].nblocks;
	return k + block;
}

int
learn_search(const learn *g, const char *needle, const learn_pos *from, int dir,
             int inclusive, learn_pos *at, size_t *len)
{
	char *nd = norm_needle(needle);
	size_t total = flat_count(g), start;
	int found = 0;

	if (!nd || total == 0) {
		free(nd);
		return 0;
	}
	start = flat_index(g, from->ch, from->block);
	if (start >= total)
		start = 0;
	for (size_t step = 0; step <= total && !found; step++) {
		size_t k = dir > 0 ? (start + step) % total : (start + total - step % total) % total;
		size_t ch, block, lo = 0, hi = (size_t)-1;
		long off;

		flat_at(g, k, &ch, &block);
		if (step == 0 && dir > 0)
			lo = from->off + (inclusive ? 0 : 1);
		else if (step == 0)
			hi = inclusive ? from->off + 1 : from->off;
		else if (step == total && dir > 0)   /* all the way round: the start again */
			hi = from->off + 1;
		else if (step == total)
			lo = from->off;
		off = find_in(g->ch[ch].blocks[block].text, nd, lo, hi, dir < 0, len);
		if (off >= 0) {
			at->ch = ch;
			at->block = block;
			at->off = (size_t)off;
			found = 1;
		}
	}
	free(nd);
	return found;
}

size_t
learn_count(const learn *g, const char *needle)
{
	char *nd = norm_needle(needle);
	size_t count = 0, len;

	if (!nd)
		return 0;
	for (size_t i = 0; i < g->nch; i++)
		for (size_t b = 0; b < g->ch[i].nblocks; b++) {
			const char *t = g->ch[i].blocks[b].text;
			long off = 0;
			while ((off = find_in(t, nd, (size_t)off, (size_t)-1, 0, &len)) >= 0) {
				count++;
				off++;
			}
		}
	free(nd);
	return count;
}

/* --- plain text --- */

/* Write s (n bytes), transliterated when ascii; returns the columns written. */
static int
put_text(FILE *fp, const char *s, size_t n, int ascii)
{
	char *t = xstrndup(s, n);
	int w;

	if (ascii) {
		char *a = text_ascii(t);
		free(t);
		t = a;
	}
	w = text_width(t);
	fputs(t, fp);
	free(t);
	return w;
}

/* A line of `w` copies of ch. */
static void
put_rule(FILE *fp, int ch, int w)
{
	for (int i = 0; i < w; i++)
		fputc(ch, fp);
	fputc('\n', fp);
}

/* Write s wrapped to width with a first-line prefix and a hanging indent. */
static void
put_wrapped(FILE *fp, const char *s, int width, const char *prefix, int ascii)
{
	text_lines tl = { 0 };
	int indent = text_width(prefix);

	text_wrap(s, width - indent, &tl);
	for (size_t i = 0; i < tl.n; i++) {
		if (i == 0)
			fputs(prefix, fp);
		else
			fprintf(fp, "%*s", indent, "");
		put_text(fp, s + tl.v[i].off, tl.v[i].len, ascii);
		fputc('\n', fp);
	}
	text_lines_free(&tl);
}

/* One chapter: its lines, headings underlined. */
static void
put_chapter(FILE *fp, const learn_chapter *c, int ascii)
{
	int head_w = 0;

	for (size_t i = 0; i < c->nlines; i++) {
		const learn_line *l = &c->lines[i];
		const char *text = c->blocks[l->block].text;
		int w;

		if (l->kind == LEARN_BLANK) {
			fputc('\n', fp);
			continue;
		}
		if (l->kind == LEARN_BULLET && l->first)
			fprintf(fp, "%*s- ", l->indent - 2, "");
		else if (l->kind == LEARN_MARK && l->first)
			fprintf(fp, "%*s> ", l->indent - 2, "");
		else
			fprintf(fp, "%*s", l->indent, "");
		w = l->indent + put_text(fp, text + l->off, l->len, ascii);
		fputc('\n', fp);
		if (l->kind != LEARN_TITLE && l->kind != LEARN_HEADING)
			continue;
		head_w = w > head_w ? w : head_w;
		if (i + 1 == c->nlines || c->lines[i + 1].block != l->block) {
			put_rule(fp, l->kind == LEARN_TITLE ? '=' : '-', head_w);
			head_w = 0;
		}
	}
}

int
learn_write_plain(FILE *fp, const learn *g, int ascii)
{
	put_wrapped(fp, g->title, g->width, "", ascii);
	put_rule(fp, '=', text_width(g->title) < g->width ? text_width(g->title) : g->width);
	fputs("\nContents\n--------\n", fp);
	for (size_t i = 0; i < g->nch; i++) {
		char *prefix = xasprintf("%3zu. ", i + 1);
		put_wrapped(fp, g->ch[i].title, g->width, prefix, ascii);
		free(prefix);
	}
	for (size_t i = 0; i < g->nch; i++) {
		fputs("\n\n", fp);
		put_chapter(fp, &g->ch[i], ascii);
	}
	return fflush(fp) != 0 || ferror(fp) ? 74 : 0;
}

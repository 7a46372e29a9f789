/* learn_view.c - where the reader is in the guide, and how keys move it (learn.h). */
#include <string.h>

#include "learn.h"

void
learn_view_init(learn_view *v, size_t height)
{
	memset(v, 0, sizeof *v);
	v->mode = LEARN_CONTENTS;
	v->height = height ? height : 1;
}

size_t
learn_view_max_top(const learn_view *v, const learn *g, size_t ch)
{
	size_t n = ch < g->nch ? g->ch[ch].nlines : 0;

	return n > v->height ? n - v->height : 0;
}

/* Keep the selected contents entry on screen. */
static void
contents_follow(learn_view *v)
{
	if (v->sel < v->ctop)
		v->ctop = v->sel;
	else if (v->sel >= v->ctop + v->height)
		v->ctop = v->sel - v->height + 1;
}

void
learn_view_open(learn_view *v, const learn *g, size_t ch)
{
	if (ch >= g->nch)
		return;
	v->mode = LEARN_CHAPTER;
	v->ch = v->sel = ch;
	v->top = 0;
	contents_follow(v);
}

/* Open a chapter at its last screenful. */
static void
open_at_end(learn_view *v, const learn *g, size_t ch)
{
	learn_view_open(v, g, ch);
	v->top = learn_view_max_top(v, g, ch);
}

/* Set the chapter's top line, clamped; returns 1 when it moved. */
static int
scroll_to(learn_view *v, const learn *g, size_t top)
{
	size_t max = learn_view_max_top(v, g, v->ch), old = v->top;

	v->top = top > max ? max : top;
	return v->top != old;
}

/* A screenful, keeping one line of context when there is room for it. */
static size_t
page(const learn_view *v)
{
	return v->height > 2 ? v->height - 1 : 1;
}

/* Movement on the contents list. */
static int
apply_contents(learn_view *v, const learn *g, learn_act a)
{
	size_t old = v->sel, last = g->nch ? g->nch - 1 : 0;

	if (a == LEARN_ACT_PREV_CHAPTER || a == LEARN_ACT_NEXT_CHAPTER)
		a = a == LEARN_ACT_PREV_CHAPTER ? LEARN_ACT_UP : LEARN_ACT_DOWN;
	switch (a) {
	case LEARN_ACT_UP: v->sel = v->sel ? v->sel - 1 : 0; break;
	case LEARN_ACT_DOWN: v->sel = v->sel < last ? v->sel + 1 : last; break;
	case LEARN_ACT_PAGE_UP: case LEARN_ACT_HALF_UP:
		v->sel = v->sel > page(v) ? v->sel - page(v) : 0;
		break;
	case LEARN_ACT_PAGE_DOWN: case LEARN_ACT_HALF_DOWN:
		v->sel = v->sel + page(v) < last ? v->sel + page(v) : last;
		break;
	case LEARN_ACT_TOP: v->sel = 0; break;
	case LEARN_ACT_BOTTOM: v->sel = last; break;
	case LEARN_ACT_OPEN: case LEARN_ACT_TOGGLE:
		if (v->sel == v->ch && v->top > 0) {       /* come back where you were */
			v->mode = LEARN_CHAPTER;
			return 1;
		}
		learn_view_open(v, g, v->sel);
		return 1;
	default: return 0;
	}
	contents_follow(v);
	return v->sel != old;
}

/* Movement inside a chapter. */
static int
apply_chapter(learn_view *v, const learn *g, learn_act a)
{
	size_t max = learn_view_max_top(v, g, v->ch);

	switch (a) {
	case LEARN_ACT_UP: return scroll_to(v, g, v->top ? v->top - 1 : 0);
	case LEARN_ACT_DOWN: return scroll_to(v, g, v->top + 1);
	case LEARN_ACT_HALF_UP: return scroll_to(v, g, v->top > v->height / 2 ? v->top - v->height / 2 : 0);
	case LEARN_ACT_HALF_DOWN: return scroll_to(v, g, v->top + (v->height / 2 ? v->height / 2 : 1));
	case LEARN_ACT_PAGE_UP:
		if (v->top == 0 && v->ch > 0) {             /* like info: on to the previous */
			open_at_end(v, g, v->ch - 1);
			return 1;
		}
		return scroll_to(v, g, v->top > page(v) ? v->top - page(v) : 0);
	case LEARN_ACT_PAGE_DOWN:
		if (v->top >= max && v->ch + 1 < g->nch) {  /* and on to the next chapter */
			learn_view_open(v, g, v->ch + 1);
			return 1;
		}
		return scroll_to(v, g, v->top + page(v));
	case LEARN_ACT_TOP: return scroll_to(v, g, 0);
	case LEARN_ACT_BOTTOM: return scroll_to(v, g, max);
	case LEARN_ACT_CONTENTS: case LEARN_ACT_TOGGLE:
		v->mode = LEARN_CONTENTS;
		v->sel = v->ch;
		contents_follow(v);
		return 1;
	case LEARN_ACT_PREV_CHAPTER:
		if (v->ch == 0)
			return 0;
		learn_view_open(v, g, v->ch - 1);
		return 1;
	case LEARN_ACT_NEXT_CHAPTER:
		if (v->ch + 1 >= g->nch)
			return 0;
		learn_view_open(v, g, v->ch + 1);
		return 1;
	default: return 0;
	}
}

int
learn_view_apply(learn_view *v, const learn *g, learn_act a)
{
	if (g->nch == 0)
		return 0;
	return v->mode == LEARN_CONTENTS ? apply_contents(v, g, a) : apply_chapter(v, g, a);
}

void
learn_view_resize(learn_view *v, const learn *g, size_t height)
{
	v->height = height ? height : 1;
	scroll_to(v, g, v->top);
	contents_follow(v);
}

/* The current match is on screen (so n / N continue from it). */
static int
match_visible(const learn_view *v, const learn *g)
{
	size_t line;

	if (v->mode != LEARN_CHAPTER || v->match.ch != v->ch)
		return 0;
	line = learn_line_of(g, v->ch, &v->match);
	return line >= v->top && line < v->top + v->height;
}

int
learn_view_search(learn_view *v, const learn *g, const char *needle, int dir)
{
	learn_pos from, at;
	size_t len, line;
	int inclusive = 0;

	if (v->has_match && match_visible(v, g)) {
		from = v->match;
	} else if (v->mode == LEARN_CONTENTS) {
		from.ch = v->sel;
		from.block = from.off = 0;
		inclusive = 1;
	} else {
		from = learn_pos_of(g, v->ch, v->top);
		inclusive = 1;
	}
	if (!learn_search(g, needle, &from, dir, inclusive, &at, &len))
		return 0;
	v->has_match = 1;
	v->match = at;
	v->match_len = len;
	if (v->mode != LEARN_CHAPTER || v->ch != at.ch)
		learn_view_open(v, g, at.ch);
	line = learn_line_of(g, at.ch, &at);
	if (line < v->top || line >= v->top + v->height)
		scroll_to(v, g, line > 0 ? line - 1 : 0);
	return 1;
}

void
learn_view_relayout(learn_view *v, learn *g, int width)
{
	learn_pos keep = learn_pos_of(g, v->ch, v->top);
	int at_top = v->top == 0;

	learn_layout(g, width);
	v->top = at_top ? 0 : learn_line_of(g, v->ch, &keep);
	scroll_to(v, g, v->top);
}

/* results.c - the results screen's content and arithmetic (see results.h). */
#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "text.h"
#include "xmalloc.h"

/* Widest the body text grows, for comfortable reading. */
#define BODY_MAX 76
/* Plane heights: smallest worth drawing, largest useful. */
#define RES_PLANE_MIN 7
#define RES_PLANE_MAX 17
/* Rows the body keeps before the plane may grow. */
#define BODY_WANT 6

static const report_section tab_sec[RESULTS_TABS] = {
	REPORT_SEC_MEANING, REPORT_SEC_DIMENSIONS, REPORT_SEC_WHY,
	REPORT_SEC_GROWTH, REPORT_SEC_REFLECTIONS, REPORT_SEC_HELP,
};
static const char *const tab_short[RESULTS_TABS] = {
	"Meaning", "Dimensions", "Why", "Growing", "Reflections", "Help",
};

report_section
results_tab_section(int i)
{
	return tab_sec[i >= 0 && i < RESULTS_TABS ? i : 0];
}

const char *
results_tab_title(int i, int short_form)
{
	if (i < 0 || i >= RESULTS_TABS)
		return "";
	return short_form ? tab_short[i] : report_section_title(tab_sec[i], NULL);
}

const char *
results_bars_title(const results_view *v)
{
	return v->quadrant ? "Your scores" : "How well each description fits";
}

const char *
results_note(int narrow)
{
	return narrow ? "Not a diagnosis. Help: last tab."
	              : "A self-reflection tool, not a diagnosis. Help and resources: last tab.";
}

const hints_item *
results_hints(size_t *n)
{
	static const hints_item keys[] = {
		{ "Tab: section", "Tab section", 1 }, { "PgDn/PgUp: scroll", "PgDn more", 2 },
		{ "s: save", "s save", 1 }, { "b: answers", "b answers", 3 },
		{ "?: help", "? help", 0 }, { "q: finish", "q finish", 0 },
	};

	*n = sizeof keys / sizeof *keys;
	return keys;
}

/* Own a display string: cleaned, and ASCII when the terminal is not UTF-8. */
static char *
disp(const results_view *v, const char *s)
{
	char *c = text_clean(s ? s : "");
	if (v->utf8)
		return c;
	char *a = text_ascii(c);
	free(c);
	return a;
}

/* The summary under the headline. */
static char *
make_summary(const results_view *v)
{
	const report *r = v->r;
	int s = report_primary_style(r);
	unsigned m = r->score.style_mask;

	if (s < 0)
		return xstrdup("There were not enough answers to place you. The first tab says more.");
	if (report_is_near(r)) {
		char *name = report_style_name(r, s), *nb = report_neighbours(r);
		int more = strstr(nb, " and ") != NULL;    /* two neighbours: three styles */
		char *out = xasprintf("Near a boundary: your answers lean slightly towards %s; %s %s "
		                      "just across the line. %s descriptions are worth reading.",
		                      name, nb, more ? "are" : "is", more ? "All three" : "Both");
		free(name);
		free(nb);
		return out;
	}
	if (m & (m - 1))
		return xstrdup("More than one description fits you equally well; each is part of "
		               "your result.");
	const char *sum = content_style_text_for(r->c, r->b, s, CONTENT_SUMMARY);
	return text_clean_line(sum ? sum : "");
}

/* The detail row of scale i's bar. */
static char *
bar_detail(const report *r, size_t i, int quadrant)
{
	const score_scale *sc = &r->score.scales[i];
	const bank_scale *bs = &r->b->scales[i];
	char c[32], z[32];
	char *cut = quadrant ? xasprintf("cutoff %s%s", report_num(bs->cutoff, 2, c, sizeof c),
	                                 !sc->has_score ? "" : sc->score > bs->cutoff ? ", high"
	                                                                              : ", not high")
	                     : xstrdup("");
	if (!sc->has_norm)
		return cut;
	char pw[64];
	char *out = xasprintf("%s%sz %s, %s (normal approximation)", cut, *cut ? "; " : "",
	                      report_num(sc->z, 2, z, sizeof z),
	                      report_percentile_words(sc->percentile, pw, sizeof pw));
	free(cut);
	return out;
}

/* One bar block for scale i, named `name` (owned). */
static void
add_bar(results_view *v, size_t i, char *name, int marked)
{
	const report *r = v->r;
	const score_scale *sc = &r->score.scales[i];
	results_bar *b;
	char num[32];

	v->bars = xreallocarray(v->bars, v->nbars + 1, sizeof *v->bars);
	b = &v->bars[v->nbars++];
	b->name = disp(v, name);
	free(name);
	if (sc->has_score)
		snprintf(num, sizeof num, "%.2f", sc->score);
	b->value = xstrdup(sc->has_score ? num : "no score");
	char *d = bar_detail(r, i, v->quadrant);
	b->detail = disp(v, d);
	free(d);
	plane_scale_range(r->b, i, &b->lo, &b->hi);
	b->cut = v->quadrant ? r->b->scales[i].cutoff : NAN;
	b->score = sc->has_score ? sc->score : NAN;
	b->marked = marked;
}

/* Bars: every scale (quadrant) or the four styles' scales (highest). */
static void
make_bars(results_view *v)
{
	const report *r = v->r;
	if (v->quadrant) {
		for (size_t i = 0; i < r->b->nscales; i++)
			add_bar(v, i, text_clean_line(r->b->scales[i].name ? r->b->scales[i].name
			                                                   : r->b->scales[i].id), 0);
		return;
	}
	for (int s = 0; s < STYLE_COUNT; s++)
		add_bar(v, r->b->highest[s], report_style_name(r, s),
		        (r->score.style_mask & (1u << s)) != 0);
}

void
results_init(results_view *v, const report *r, int utf8)
{
	memset(v, 0, sizeof *v);
	v->r = r;
	v->utf8 = utf8;
	v->quadrant = r->b->method == CLASSIFY_QUADRANT;
	v->title = disp(v, r->b->title);
	char *h = report_headline(r);
	v->headline = disp(v, h);
	free(h);
	char *s = make_summary(v);
	v->summary = disp(v, s);
	free(s);
	make_bars(v);
	plane_spec_init(&v->plane);
	if (v->quadrant)
		plane_spec_from_result(&v->plane, r->b, &r->score);
	for (int st = 0; st < STYLE_COUNT; st++)
		if (r->b->styles[st].name) {
			v->plane_label[st] = disp(v, r->b->styles[st].name);
			v->plane.label[st] = v->plane_label[st];
		}
	v->lines_w = -1;
}

/* Drop the wrapped body lines. */
static void
free_lines(results_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
	v->lines_w = -1;
}

void
results_free(results_view *v)
{
	free_lines(v);
	for (size_t i = 0; i < v->nbars; i++) {
		free(v->bars[i].name);
		free(v->bars[i].value);
		free(v->bars[i].detail);
	}
	free(v->bars);
	for (int st = 0; st < STYLE_COUNT; st++)
		free(v->plane_label[st]);
	free(v->title);
	free(v->headline);
	free(v->summary);
	text_lines_free(&v->sum_lines);
	memset(v, 0, sizeof *v);
}

/* Append one body line (text owned). */
static void
push(results_view *v, results_kind k, char *text)
{
	v->lines = xreallocarray(v->lines, v->nlines + 1, sizeof *v->lines);
	v->lines[v->nlines].kind = k;
	v->lines[v->nlines].text = text;
	v->nlines++;
}

/* A blank line unless the body is empty or already ends in one. */
static void
gap(results_view *v)
{
	if (v->nlines && v->lines[v->nlines - 1].kind != RL_BLANK)
		push(v, RL_BLANK, xstrdup(""));
}

/* Wrap s to width, the first line after `first`, the others after `rest`. */
static void
push_wrapped(results_view *v, results_kind k, const char *s, int width, const char *first,
             const char *rest)
{
	text_lines tl = { 0 };
	size_t n = text_wrap(s, width - text_width(first), &tl);
	for (size_t i = 0; i < n; i++)
		push(v, k, xasprintf("%s%.*s", i ? rest : first, (int)tl.v[i].len, s + tl.v[i].off));
	text_lines_free(&tl);
}

/* Preformatted lines, each cut to the width. */
static void
push_pre(results_view *v, const char *s, int width)
{
	for (const char *p = s, *nl; *p; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		size_t len = text_fit(p, (size_t)(nl - p), width, NULL);
		push(v, RL_PRE, xstrndup(p, len));
	}
}

/* One report block as body lines. */
static void
push_block(results_view *v, const report_block *b, int width)
{
	char *t = disp(v, b->text);
	const char *bullet = v->utf8 ? "\u2022 " : "- ";
	switch (b->kind) {
	case RB_TITLE:
	case RB_HEADING:
	case RB_SUBHEADING:
		gap(v);
		push_wrapped(v, RL_SUB, t, width, "", "");
		break;
	case RB_MINOR:
		gap(v);
		push_wrapped(v, RL_MINOR, t, width, "", "");
		break;
	case RB_PARA:
	case RB_STRONG:
		if (v->nlines && v->lines[v->nlines - 1].kind != RL_MINOR)
			gap(v);
		push_wrapped(v, b->kind == RB_STRONG ? RL_STRONG : RL_TEXT, t, width, "", "");
		break;
	case RB_BULLET:
		if (v->nlines && v->lines[v->nlines - 1].kind == RL_TEXT &&
		    v->last_block != RB_BULLET)
			gap(v);
		push_wrapped(v, RL_TEXT, t, width, bullet, "  ");
		break;
	case RB_PRE:
		gap(v);
		push_pre(v, t, width);
		break;
	}
	v->last_block = (int)b->kind;
	free(t);
}

/* Blocks of a doc, skipping its first `skip` blocks. */
static void
push_doc(results_view *v, const report_doc *d, size_t skip, int width)
{
	for (size_t i = skip; i < d->n; i++)
		push_block(v, &d->v[i], width);
}

/* Build the current tab's lines at the given width. */
static void
build_lines(results_view *v, int width)
{
	const report *r = v->r;
	report_doc d = { 0 };
	report_section sec = results_tab_section(v->tab);
	unsigned flags = v->utf8 ? REPORT_UTF8 : 0;

	free_lines(v);
	v->last_block = -1;
	if (sec == REPORT_SEC_MEANING) {
		unsigned m = r->score.style_mask;
		/* Near a boundary or tied: the full result text first (not the headline). */
		if (report_is_near(r) || (m & (m - 1)) || !m) {
			report_section_doc(r, REPORT_SEC_RESULT, flags, 1, &d);
			push_doc(v, &d, 2, width);
			report_doc_free(&d);
		}
		if (r->quality.n) {
			report_section_doc(r, REPORT_SEC_QUALITY, flags, 1, &d);
			d.v[0].kind = RB_SUBHEADING;
			push_doc(v, &d, 0, width);
			report_doc_free(&d);
		}
	}
	report_section_doc(r, sec, flags, 1, &d);
	push_doc(v, &d, 1, width);
	report_doc_free(&d);
	/* No leading blank line. */
	if (v->nlines && v->lines[0].kind == RL_BLANK) {
		free(v->lines[0].text);
		memmove(v->lines, v->lines + 1, (v->nlines - 1) * sizeof *v->lines);
		v->nlines--;
	}
	v->lines_w = width;
}

/* Place the middle part: plane and bars.  Returns the rows it takes. */
static int
layout_middle(results_view *v, results_layout *L, int y, int rem)
{
	int nb = (int)v->nbars, full = nb * 3;
	int room = rem - BODY_WANT;

	L->bar_rows = 3;
	if (v->quadrant) {
		int side = L->w >= 64;
		int h = room < RES_PLANE_MAX ? room : RES_PLANE_MAX;
		if (h < RES_PLANE_MIN && rem - 4 >= RES_PLANE_MIN + (side ? 0 : nb))
			h = RES_PLANE_MIN;
		if (!side && h >= RES_PLANE_MIN + nb) {
			L->plane_x = L->x, L->plane_y = y, L->plane_w = L->w, L->plane_h = h - nb;
			L->bars_x = L->x, L->bars_y = y + h - nb, L->bars_w = L->w, L->bars_h = nb;
			L->bar_rows = 1;
			return h;
		}
		if (side && h >= RES_PLANE_MIN) {
			int pw = h * 3 + 6, maxw = L->w - 30 - 2;
			L->plane_w = pw < maxw ? pw : maxw;
			L->plane_x = L->x, L->plane_y = y, L->plane_h = h;
			L->bars_x = L->x + L->plane_w + 2, L->bars_y = y;
			L->bars_w = L->w - L->plane_w - 2;
			L->bar_rows = full <= h ? 3 : 1;
			L->bars_h = nb * L->bar_rows < h ? nb * L->bar_rows : h;
			if (L->bars_h < h) {       /* a heading over the bars */
				L->bars_head_y = y;
				L->bars_y = y + 1;
			}
			return h;
		}
	}
	/* Bars only: blocks of three rows when they fit and say more, else one row each. */
	int detail = 0;
	for (size_t i = 0; i < v->nbars; i++)
		detail |= v->bars[i].detail[0] != '\0';
	if (!detail)
		full = nb;
	int h = full <= room ? full : nb <= rem - 3 ? nb : rem - 3;
	if (h <= 0)
		return 0;
	L->bar_rows = full <= room && detail ? 3 : 1;
	L->bars_x = L->x, L->bars_y = y, L->bars_w = L->w, L->bars_h = h;
	if (h + 1 <= room) {               /* a heading over the bars */
		L->bars_head_y = y;
		L->bars_y = y + 1;
		return h + 1;
	}
	return h;
}

void
results_layout_compute(results_view *v, int cols, int rows)
{
	results_layout *L = &v->L;

	memset(L, 0, sizeof *L);
	L->title_y = L->head_y = L->sum_y = L->plane_y = L->bars_y = L->bars_head_y = -1;
	L->tabs_y = L->body_y = L->note_y = L->keys_y = -1;
	L->fits = cols >= RESULTS_MIN_COLS && rows >= RESULTS_MIN_ROWS;
	if (!L->fits)
		return;
	L->w = cols - 2 < RESULTS_MAX_WIDTH ? cols - 2 : RESULTS_MAX_WIDTH;
	L->x = (cols - L->w) / 2;
	L->title_y = 0;
	L->head_y = 1;
	text_wrap(v->summary, L->w, &v->sum_lines);
	int maxsum = rows >= 20 ? 3 : 1;
	L->sum_h = (int)v->sum_lines.n < maxsum ? (int)v->sum_lines.n : maxsum;
	L->sum_y = L->sum_h ? 2 : -1;
	int y = 2 + L->sum_h;
	L->keys_y = rows - 1;
	L->note_y = rows >= 16 ? rows - 2 : -1;
	int bottom = 1 + (L->note_y >= 0);
	/* Rows for middle + gap + tabs + body. */
	int rem = rows - y - bottom - 1;
	if (rem >= 8) {
		y++;                       /* a blank row under the summary */
		rem--;
	}
	int mid = layout_middle(v, L, y, rem);
	y += mid;
	if (mid > 0 && rem - mid >= 10)
		y++;                       /* a blank row under the middle */
	L->tabs_y = y;
	L->body_y = y + 1;
	L->body_h = rows - bottom - L->body_y;
	if (L->body_h < 1) {
		L->body_h = 0;
		L->body_y = -1;
	}
	int bw = L->w < BODY_MAX ? L->w : BODY_MAX;
	if (v->lines_w != bw)
		build_lines(v, bw);
	if (v->scroll > results_max_scroll(v))
		v->scroll = results_max_scroll(v);
}

int
results_max_scroll(const results_view *v)
{
	int m = (int)v->nlines - v->L.body_h;
	return m > 0 ? m : 0;
}

void
results_tab_set(results_view *v, int i)
{
	if (i < 0 || i >= RESULTS_TABS)
		return;
	v->tab = i;
	v->scroll = 0;
	/* Before the first layout L.w is 0: build at the widest. */
	build_lines(v, v->L.w > 0 && v->L.w < BODY_MAX ? v->L.w : BODY_MAX);
}

void
results_tab_move(results_view *v, int delta)
{
	results_tab_set(v, ((v->tab + delta) % RESULTS_TABS + RESULTS_TABS) % RESULTS_TABS);
}

void
results_scroll(results_view *v, int delta)
{
	long s = (long)v->scroll + delta;
	int max = results_max_scroll(v);
	v->scroll = s < 0 ? 0 : s > max ? max : (int)s;
}

void
results_page(results_view *v, int pages)
{
	int step = v->L.body_h > 1 ? v->L.body_h - 1 : 1;
	results_scroll(v, pages * step);
}

void
results_home(results_view *v)
{
	v->scroll = 0;
}

void
results_end(results_view *v)
{
	v->scroll = results_max_scroll(v);
}

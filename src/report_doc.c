/* report_doc.c - the report's sections as blocks of text (see report.h). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plane.h"
#include "report.h"
#include "report_int.h"
#include "text.h"
#include "xmalloc.h"

/* Items shown per scale in "Why this score". */
#define WHY_MAX 3

static const char *const section_title[REPORT_SEC_COUNT] = {
	"Your result", "The attachment plane", "Your scores", "About your answers",
	"What this means", "Your two dimensions", "Why this score", "Growing from here",
	"Your reflections", "Your answers", "Help and resources",
};

const char *
report_section_title(report_section s, const bank *b)
{
	if (s == REPORT_SEC_PLANE && b && b->method == CLASSIFY_HIGHEST)
		return "Your four styles";
	return (int)s >= 0 && s < REPORT_SEC_COUNT ? section_title[s] : "";
}

/* Append a block that takes ownership of text. */
static void
add(report_doc *d, report_block_kind k, char *text)
{
	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	d->v[d->n].kind = k;
	d->v[d->n].text = text;
	d->n++;
}

/* Append a block from a format (arguments must already be neutralised). */
static void __attribute__((format(printf, 3, 4)))
addf(report_doc *d, report_block_kind k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, k, xvasprintf(fmt, ap));
	va_end(ap);
}

/* Append untrusted text, neutralised, one block per paragraph ('\n'). */
static void
add_paras(report_doc *d, report_block_kind k, const char *text)
{
	if (!text)
		return;
	char *clean = text_clean(text);
	for (char *p = clean, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		size_t len = (size_t)(nl - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len > 0)
			add(d, k, xstrndup(p, len));
		if (!*nl)
			break;
	}
	free(clean);
}

void
report_doc_free(report_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

void
report_iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

char *
report_num(double v, int dec, char *buf, size_t size)
{
	snprintf(buf, size, "%.*f", dec, v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		memcpy(buf, "0", sizeof "0");
	return buf;
}

/* A scale's display name, neutralised (caller frees). */
static char *
scale_name(const bank *b, size_t s)
{
	return text_clean_line(b->scales[s].name ? b->scales[s].name : b->scales[s].id);
}

/* Summary line of a style (bank's own or built-in). */
static const char *
summary(const report *r, int style)
{
	return content_style_text_for(r->c, r->b, style, CONTENT_SUMMARY);
}

/* Near-boundary part of the result section. */
static void
result_near(const report *r, report_doc *d, int s)
{
	char *name = report_style_name(r, s), *nb = report_neighbours(r), m[32], g[32];
	addf(d, RB_PARA, "Your scores are within %s scale points of a cutoff (%s from the "
	     "nearest one), so this is not a firm result. Your answers lean slightly "
	     "towards %s; %s %s just across the line.", report_num(SCORE_NEAR, 2, m, sizeof m),
	     report_num(r->score.margin, 2, g, sizeof g), name, nb,
	     strstr(nb, " and ") ? "are" : "is");
	add_paras(d, RB_PARA, content_near_boundary(r->c));
	for (int i = -1; i < STYLE_COUNT; i++) {
		int t = i < 0 ? s : i;
		if (!(r->score.near_mask & (1u << t)) || (i >= 0 && t == s))
			continue;
		char *tn = report_style_name(r, t), *sum = text_clean_line(summary(r, t));
		addf(d, RB_BULLET, "%s: %s", tn, sum);
		free(tn);
		free(sum);
	}
	free(name);
	free(nb);
}

/* The headline, the summary and what kind of result it is. */
static void
sec_result(const report *r, report_doc *d)
{
	int s = report_primary_style(r);
	unsigned m = r->score.style_mask;

	add(d, RB_STRONG, report_headline(r));
	if (s < 0) {
		add(d, RB_PARA, xstrdup("There were not enough answers to place you. Each scale "
		                        "needs a minimum number of answered statements:"));
		for (size_t i = 0; i < r->b->nscales; i++) {
			if (r->score.scales[i].has_score)
				continue;
			char *n = scale_name(r->b, i);
			addf(d, RB_BULLET, "%s: %d answered, %d needed.", n,
			     r->score.scales[i].answered, r->b->scales[i].min_answered);
			free(n);
		}
		return;
	}
	if (report_is_near(r)) {
		result_near(r, d, s);
		return;
	}
	if (m & (m - 1)) {
		add(d, RB_PARA, xstrdup("More than one description fits you equally well, so "
		                        "each of them is part of your result:"));
		for (int t = 0; t < STYLE_COUNT; t++) {
			if (!(m & (1u << t)))
				continue;
			char *tn = report_style_name(r, t), *sum = text_clean_line(summary(r, t));
			addf(d, RB_BULLET, "%s: %s", tn, sum);
			free(tn);
			free(sum);
		}
		return;
	}
	add_paras(d, RB_PARA, summary(r, s));
}

/* Text of the plane, drawn with plane.c into a string. */
static char *
plane_text(const report *r, unsigned flags)
{
	plane_spec ps;
	char *buf = NULL;
	size_t len = 0;

	char *label[STYLE_COUNT] = { NULL };

	plane_spec_init(&ps);
	plane_spec_from_result(&ps, r->b, &r->score);
	for (int s = 0; s < STYLE_COUNT; s++)
		if (r->b->styles[s].name)
			ps.label[s] = label[s] = text_clean_line(r->b->styles[s].name);
	FILE *fp = open_memstream(&buf, &len);
	if (!fp)
		xfatal(71, "out of memory");
	plane_format(fp, &ps, flags & REPORT_UTF8 ? &plane_glyphs_utf8 : &plane_glyphs_ascii,
	             REPORT_PLANE_W, REPORT_PLANE_H, "  ");
	if (fclose(fp) != 0)          /* a memory stream fails only for want of memory */
		xfatal(71, "out of memory");
	for (int s = 0; s < STYLE_COUNT; s++)
		free(label[s]);
	while (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	return buf;
}

/* "avoidance 2.3 (cutoff 4, low)" for one axis. */
static char *
axis_words(const report *r, size_t s)
{
	char c[32];
	const score_scale *sc = &r->score.scales[s];
	char *n = scale_name(r->b, s);
	char *out = sc->has_score
		? xasprintf("%s %.2f (cutoff %s, %s)", n, sc->score,
		            report_num(r->b->scales[s].cutoff, 2, c, sizeof c),
		            sc->score > r->b->scales[s].cutoff ? "high" : "low")
		: xasprintf("%s: no score", n);
	free(n);
	return out;
}

/* Bars of the four styles' scales (highest banks), one line each. */
static char *
style_bars(const report *r, unsigned flags)
{
	char *out = xstrdup(""), bar[256], num[32];
	for (int t = 0; t < STYLE_COUNT; t++) {
		size_t s = r->b->highest[t];
		const score_scale *sc = &r->score.scales[s];
		double lo, hi;
		plane_scale_range(r->b, s, &lo, &hi);
		char *name = report_style_name(r, t), *shortn = text_ellipsize(name, 20, 0);
		report_bar(bar, sizeof bar, lo, hi, NAN, sc->has_score ? sc->score : NAN, 24,
		           (flags & REPORT_UTF8) != 0);
		int pad = 20 - text_width(shortn);
		if (sc->has_score)
			snprintf(num, sizeof num, "%.2f", sc->score);
		char *line = xasprintf("%s  %s%*s %5s  %s%s", out, shortn, pad > 0 ? pad : 0, "",
		                       sc->has_score ? num : "-", bar,
		                       (r->score.style_mask & (1u << t)) ? "  <" : "");
		free(out);
		free(name);
		free(shortn);
		out = line;
		if (t < STYLE_COUNT - 1) {
			char *nl = xasprintf("%s\n", out);
			free(out);
			out = nl;
		}
	}
	return out;
}

/* The plane (quadrant) or the four style bars (highest). */
static void
sec_plane(const report *r, report_doc *d, unsigned flags)
{
	if (r->b->method == CLASSIFY_HIGHEST) {
		add(d, RB_PARA, xstrdup("How well each description fits you, from your ratings. "
		                        "The longest bar, marked <, is your result."));
		add(d, RB_PRE, style_bars(r, flags));
		return;
	}
	char *x = axis_words(r, r->b->avoidance), *y = axis_words(r, r->b->anxiety);
	addf(d, RB_PARA, "Your point: %s; %s.", x, y);
	free(x);
	free(y);
	add(d, RB_PRE, plane_text(r, flags));
	addf(d, RB_PARA, "%s marks you. Across: attachment avoidance, low on the left, high on "
	     "the right. Up: attachment anxiety, low at the bottom, high at the top. The two "
	     "lines are the cutoffs.", flags & REPORT_UTF8 ? plane_glyphs_utf8.point
	                                                  : plane_glyphs_ascii.point);
}

/* One scale: score, range, cutoff, norms. */
static void
scale_line(const report *r, report_doc *d, size_t i)
{
	const bank_scale *bs = &r->b->scales[i];
	const score_scale *sc = &r->score.scales[i];
	char a[32], lo_s[32], hi_s[32], c[32];
	double lo, hi;
	char *n = scale_name(r->b, i);

	plane_scale_range(r->b, i, &lo, &hi);
	if (!sc->has_score) {
		addf(d, RB_BULLET, "%s: no score (%d answered, %d needed).", n, sc->answered,
		     bs->min_answered);
		free(n);
		return;
	}
	char *norm = xstrdup("");
	if (sc->has_norm) {
		char z[32], p[64];
		char *src = bs->norm_source ? text_clean_line(bs->norm_source) : NULL;
		free(norm);
		norm = xasprintf(" Compared with the norm (mean %s, SD %s%s%s): z = %s, %s "
		                 "(normal approximation).", report_num(bs->norm_mean, 2, lo_s, 32),
		                 report_num(bs->norm_sd, 2, hi_s, 32), src ? ", " : "",
		                 src ? src : "", report_num(sc->z, 2, z, sizeof z),
		                 report_percentile_words(sc->percentile, p, sizeof p));
		free(src);
	}
	snprintf(a, sizeof a, "%.2f", sc->score);
	char *cut = r->b->method == CLASSIFY_QUADRANT
		? xasprintf("; cutoff %s, so %s", report_num(bs->cutoff, 2, c, sizeof c),
		            sc->score > bs->cutoff ? "high" : "not high")
		: xstrdup("");
	addf(d, RB_BULLET, "%s: %s on a scale from %s to %s%s.%s", n, a,
	     report_num(lo, 2, lo_s, sizeof lo_s), report_num(hi, 2, hi_s, sizeof hi_s), cut, norm);
	free(cut);
	free(norm);
	free(n);
}

/* Bars for every scale (quadrant banks), aligned. */
static void
score_bars(const report *r, report_doc *d, unsigned flags)
{
	char *pre = xstrdup(""), bar[256], num[32];
	for (size_t i = 0; i < r->b->nscales; i++) {
		const score_scale *sc = &r->score.scales[i];
		double lo, hi;
		plane_scale_range(r->b, i, &lo, &hi);
		char *n = scale_name(r->b, i), *sn = text_ellipsize(n, 24, 0);
		report_bar(bar, sizeof bar, lo, hi, r->b->scales[i].cutoff,
		           sc->has_score ? sc->score : NAN, 24, (flags & REPORT_UTF8) != 0);
		int pad = 24 - text_width(sn);
		if (sc->has_score)
			snprintf(num, sizeof num, "%.2f", sc->score);
		char *line = xasprintf("%s%s  %s%*s %5s  %s", pre, i ? "\n" : "", sn,
		                       pad > 0 ? pad : 0, "", sc->has_score ? num : "-", bar);
		free(pre);
		free(n);
		free(sn);
		pre = line;
	}
	add(d, RB_PRE, pre);
	addf(d, RB_PARA, "Each bar runs from the lowest to the highest possible score; %s marks "
	     "the cutoff.", flags & REPORT_UTF8 ? "\u2502" : "|");
}

/* Bars (quadrant banks), then a sentence per scale and the margin. */
static void
sec_scores(const report *r, report_doc *d, unsigned flags)
{
	if (r->b->method == CLASSIFY_QUADRANT)
		score_bars(r, d, flags);
	for (size_t i = 0; i < r->b->nscales; i++)
		scale_line(r, d, i);
	if (r->score.has_margin) {
		char m[32];
		addf(d, RB_PARA, "Margin: %s scale points from the nearest cutoff%s.",
		     report_num(r->score.margin, 2, m, sizeof m),
		     r->score.near_boundary ? " (near the boundary)" : "");
	}
}

/* Answer-quality notes. */
static void
sec_quality(const report *r, report_doc *d)
{
	for (size_t i = 0; i < r->quality.n; i++)
		add_paras(d, RB_BULLET, r->quality.v[i].text);
}

/* The explanation fields of one style. */
static void
style_meaning(const report *r, report_doc *d, int s, int with_name)
{
	static const content_field f[] = {
		CONTENT_IN_RELATIONSHIPS, CONTENT_UNDER_STRESS, CONTENT_COPING, CONTENT_STRENGTHS,
	};
	report_block_kind k = with_name ? RB_MINOR : RB_SUBHEADING;
	if (with_name)
		add(d, RB_SUBHEADING, report_style_name(r, s));
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		const char *t = content_style_text_for(r->c, r->b, s, f[i]);
		if (!t)
			continue;
		add(d, k, xstrdup(content_field_title(f[i])));
		add_paras(d, RB_PARA, t);
	}
}

/* The styles a section describes: the result's, or every side when near a boundary. */
static unsigned
result_styles(const report *r)
{
	return report_is_near(r) ? r->score.near_mask : r->score.style_mask;
}

/*
 * Describe with fn the primary style s and then every other style of mask m;
 * each is named when there is more than one.
 */
static void
each_style(const report *r, report_doc *d, int s, unsigned m,
           void (*fn)(const report *, report_doc *, int, int))
{
	fn(r, d, s, (m & (m - 1)) != 0);
	for (int t = 0; t < STYLE_COUNT; t++)
		if ((m & (1u << t)) && t != s)
			fn(r, d, t, 1);
}

/* What this means: every style of the result (or both sides when near). */
static void
sec_meaning(const report *r, report_doc *d)
{
	int s = report_primary_style(r);
	unsigned m = result_styles(r);

	if (s < 0) {
		add_paras(d, RB_PARA, content_two_dimensions(r->c));
		return;
	}
	if (m & (m - 1))
		add(d, RB_PARA, xstrdup("Your result touches more than one style, so each is "
		                        "described here. Notice which parts fit you."));
	each_style(r, d, s, m, style_meaning);
}

/* One dimension: what it is and what the person's score means. */
static void
dimension(const report *r, report_doc *d, int dim, long scale)
{
	char c[32];
	add(d, RB_SUBHEADING, text_clean_line(content_dim_name(r->c, dim)));
	add_paras(d, RB_PARA, content_dim_about(r->c, dim));
	if (scale < 0 || !r->score.scales[scale].has_score) {
		add_paras(d, RB_PARA, content_dim_text(r->c, dim, 1));
		add_paras(d, RB_PARA, content_dim_text(r->c, dim, 0));
		return;
	}
	const score_scale *sc = &r->score.scales[scale];
	double cut = r->b->scales[scale].cutoff;
	int high = sc->score > cut;
	addf(d, RB_PARA, "Your score is %.2f, %s the cutoff of %s%s.",
	     sc->score, high ? "above" : sc->score == cut ? "at" : "below",
	     report_num(cut, 2, c, sizeof c),
	     fabs(sc->score - cut) <= SCORE_NEAR + SCORE_EPS ? ", and close to it" : "");
	add_paras(d, RB_PARA, content_dim_text(r->c, dim, high));
}

/* Your two dimensions. */
static void
sec_dimensions(const report *r, report_doc *d)
{
	int q = r->b->method == CLASSIFY_QUADRANT;
	if (!q)
		add(d, RB_PARA, xstrdup("This questionnaire rates the four descriptions directly, "
		                        "so it does not measure the two dimensions. Here is what "
		                        "they are."));
	dimension(r, d, CONTENT_ANXIETY, q ? (long)r->b->anxiety : -1);
	dimension(r, d, CONTENT_AVOIDANCE, q ? (long)r->b->avoidance : -1);
	add(d, RB_SUBHEADING, xstrdup("Two dimensions, not boxes"));
	add_paras(d, RB_PARA, content_two_dimensions(r->c));
}

/* "7 (Strongly agree)" for an answer. */
static char *
answer_words(const bank_item *it, int v)
{
	const char *l = bank_range_label(it->range, v);
	if (!l)
		return xasprintf("%d", v);
	char *cl = text_clean_line(l), *s = xasprintf("%d (%s)", v, cl);
	free(cl);
	return s;
}

/* One item's part in a scale. */
static void
mover_line(const report *r, report_doc *d, const report_mover *m)
{
	const bank_item *it = &r->b->items[m->item];
	char *txt = text_clean_line(it->text ? it->text : it->id), *aw = answer_words(it, m->answer);
	const char *dir = m->pull > 0 ? "pulls the score up" : m->pull < 0 ? "pulls it down"
	                                                               : "sits at the cutoff";
	if (m->sign < 0)
		addf(d, RB_BULLET, "\"%s\" (reverse-keyed) - you answered %s, which counts as %d: %s.",
		     txt, aw, m->value, dir);
	else
		addf(d, RB_BULLET, "\"%s\" - you answered %s: %s.", txt, aw, dir);
	free(txt);
	free(aw);
}

/* When no reverse-keyed item is among the top ones, show the strongest of them too. */
static void
why_reverse(const report *r, report_doc *d, size_t s)
{
	size_t n = r->b->scales[s].nitems;
	report_mover *all = xreallocarray(NULL, n ? n : 1, sizeof *all);
	size_t k = report_movers(r->b, r->answers, s, all, n);
	for (size_t i = 0; i < k; i++) {
		if (all[i].sign < 0) {
			add(d, RB_PARA, xstrdup("And one that is worded the other way round:"));
			mover_line(r, d, &all[i]);
			break;
		}
	}
	free(all);
}

/* Why this score: the answers that moved each scale most. */
static void
sec_why(const report *r, report_doc *d)
{
	report_mover mv[WHY_MAX];
	add(d, RB_PARA, xstrdup("Each score is the average of its statements. These answers "
	                        "pulled each score furthest from its cutoff. Reverse-keyed "
	                        "statements are worded the other way round, so agreeing with "
	                        "them counts towards a lower score."));
	for (size_t s = 0; s < r->b->nscales; s++) {
		if (!r->score.scales[s].has_score)
			continue;
		char *n = scale_name(r->b, s);
		addf(d, RB_SUBHEADING, "%s (%.2f)", n, r->score.scales[s].score);
		free(n);
		size_t k = report_movers(r->b, r->answers, s, mv, WHY_MAX);
		int rev = 0;
		for (size_t i = 0; i < k; i++) {
			mover_line(r, d, &mv[i]);
			rev |= mv[i].sign < 0;
		}
		if (!rev)
			why_reverse(r, d, s);
	}
}

/* Growth, therapy and reflection questions of one style. */
static void
style_growth(const report *r, report_doc *d, int s, int with_name)
{
	report_block_kind k = with_name ? RB_MINOR : RB_SUBHEADING;
	if (with_name)
		add(d, RB_SUBHEADING, report_style_name(r, s));
	add(d, k, xstrdup(content_field_title(CONTENT_GROWTH)));
	add_paras(d, RB_PARA, content_style_text_for(r->c, r->b, s, CONTENT_GROWTH));
	add(d, k, xstrdup(content_field_title(CONTENT_THERAPY)));
	add_paras(d, RB_PARA, content_style_text_for(r->c, r->b, s, CONTENT_THERAPY));
	add(d, k, xstrdup(CONTENT_REFLECTION_TITLE));
	for (size_t i = 0; i < content_style_nquestions(r->c, s); i++)
		add_paras(d, RB_BULLET, content_style_question(r->c, s, i));
}

/* Growing from here. */
static void
sec_growth(const report *r, report_doc *d)
{
	int s = report_primary_style(r);
	if (s < 0) {
		add(d, RB_PARA, xstrdup("With more answers, this part would suggest directions for "
		                        "growth that fit your result."));
		return;
	}
	each_style(r, d, s, result_styles(r), style_growth);
}

/* True when the person wrote something in free-text item i. */
static int
has_text(const report *r, size_t i)
{
	return r->texts && r->texts[i] && r->texts[i][strspn(r->texts[i], " \t\n")];
}

/* Your reflections: free-text answers, only with consent. */
static void
sec_reflections(const report *r, report_doc *d, int show)
{
	size_t prompts = 0, written = 0;
	for (size_t i = 0; i < r->b->nitems; i++)
		if (r->b->items[i].type == ITEM_TEXT) {
			prompts++;
			written += has_text(r, i) != 0;
		}
	if (!prompts) {
		add(d, RB_PARA, xstrdup("This questionnaire has no written questions."));
		return;
	}
	if (!written) {
		add(d, RB_PARA, xstrdup("You did not write any reflections this time."));
		return;
	}
	if (!show && !r->include_reflections) {
		add(d, RB_PARA, xstrdup("Your written reflections are not included here. They stay "
		                        "private unless you choose to include them."));
		return;
	}
	for (size_t i = 0; i < r->b->nitems; i++) {
		const bank_item *it = &r->b->items[i];
		if (it->type != ITEM_TEXT)
			continue;
		add(d, RB_SUBHEADING, text_clean_line(it->text ? it->text : it->id));
		if (has_text(r, i))
			add_paras(d, RB_PARA, r->texts[i]);
		else
			add(d, RB_PARA, xstrdup("(no answer)"));
	}
}

/* Every likert answer, with reverse keying shown. */
static void
sec_answers(const report *r, report_doc *d)
{
	size_t n = 0;
	for (size_t i = 0; i < r->b->nitems; i++) {
		const bank_item *it = &r->b->items[i];
		if (it->type != ITEM_LIKERT)
			continue;
		n++;
		char *txt = text_clean_line(it->text ? it->text : it->id);
		int v = r->answers[i], answered = v != BANK_NO_ANSWER && v >= it->range->min &&
		                                  v <= it->range->max;
		char *aw = answered ? answer_words(it, v) : xstrdup("not answered");
		int rev = it->nkeys > 0 && it->keys[0].sign < 0;
		if (rev && answered)
			addf(d, RB_BULLET, "%zu. %s - %s; reverse-keyed, counts as %d.", n, txt, aw,
			     score_keyed_value(it->range, -1, v));
		else
			addf(d, RB_BULLET, "%zu. %s - %s%s.", n, txt, aw, rev ? "; reverse-keyed" : "");
		free(txt);
		free(aw);
	}
}

/* Not a diagnosis, then the help resources grouped by kind. */
static void
sec_help(const report *r, report_doc *d)
{
	int kind = -1;
	add_paras(d, RB_STRONG, content_disclaimer(r->c));
	add_paras(d, RB_PARA, content_help_intro(r->c));
	for (size_t i = 0; i < content_nresources(r->c); i++) {
		const content_resource *res = content_resource_at(r->c, i);
		if ((int)res->kind != kind) {
			kind = (int)res->kind;
			add(d, RB_SUBHEADING, xstrdup(content_kind_title(res->kind)));
		}
		char *reg = text_clean_line(res->region), *name = text_clean_line(res->name);
		char *con = text_clean_line(res->contact);
		char *note = res->note ? text_clean_line(res->note) : NULL;
		addf(d, RB_BULLET, "%s - %s: %s.%s%s", reg, name, con, note ? " " : "",
		     note ? note : "");
		free(reg);
		free(name);
		free(con);
		free(note);
	}
}

void
report_section_doc(const report *r, report_section s, unsigned flags, int reflections,
                   report_doc *d)
{
	if (s == REPORT_SEC_QUALITY && r->quality.n == 0)
		return;
	add(d, RB_HEADING, xstrdup(report_section_title(s, r->b)));
	switch (s) {
	case REPORT_SEC_RESULT: sec_result(r, d); break;
	case REPORT_SEC_PLANE: sec_plane(r, d, flags); break;
	case REPORT_SEC_SCORES: sec_scores(r, d, flags); break;
	case REPORT_SEC_QUALITY: sec_quality(r, d); break;
	case REPORT_SEC_MEANING: sec_meaning(r, d); break;
	case REPORT_SEC_DIMENSIONS: sec_dimensions(r, d); break;
	case REPORT_SEC_WHY: sec_why(r, d); break;
	case REPORT_SEC_GROWTH: sec_growth(r, d); break;
	case REPORT_SEC_REFLECTIONS: sec_reflections(r, d, reflections); break;
	case REPORT_SEC_ANSWERS: sec_answers(r, d); break;
	case REPORT_SEC_HELP: sec_help(r, d); break;
	default: break;
	}
}

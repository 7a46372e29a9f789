/* explore.c - the what-if point on the anxiety x avoidance plane (explore.h). */
#include "explore.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "score.h"
#include "text.h"
#include "xmalloc.h"

/* Tolerance for "already on a grid line", in steps. */
#define GRID_EPS 1e-6
/* One axis: the scale, its cutoff and the range of scores it can take. */
static void
axis_init(explore_axis *a, const bank *b, size_t scale)
{
	a->scale = scale;
	a->name = b->scales[scale].name;
	a->cutoff = b->scales[scale].cutoff;
	plane_scale_range(b, scale, &a->min, &a->max);
}

/* A step of about 1/60 of the span, in hundredths: 0.1 for every usual scale. */
static int
step_for_span(double span)
{
	static const int nice[] = { 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };
	int want = (int)(span * 100.0 / 60.0);
	int step = nice[0];

	if (span <= 20.0)
		return 10;
	for (size_t i = 0; i < sizeof nice / sizeof *nice; i++)
		if (nice[i] <= want)
			step = nice[i];
	return step;
}

int
explore_init(explore *e, const bank *b, errlist *errs)
{
	double span;

	memset(e, 0, sizeof *e);
	e->bank = b;
	if (b->method != CLASSIFY_QUADRANT) {
		errlist_add(errs, b->file, 0, 0,
		            "bank '%s' classifies by the highest scale, so it has no "
		            "anxiety x avoidance plane to explore; use a quadrant bank "
		            "such as '%s'", b->id, "core");
		return 65;
	}
	axis_init(&e->anx, b, b->anxiety);
	axis_init(&e->avo, b, b->avoidance);
	span = fmax(e->anx.max - e->anx.min, e->avo.max - e->avo.min);
	e->step_c = step_for_span(span);
	e->big_c = 5 * e->step_c;
	explore_typical(e, STYLE_SECURE);
	return 0;
}

/* v clamped to the axis range. */
static double
clamp_axis(const explore_axis *a, double v)
{
	return v < a->min ? a->min : v > a->max ? a->max : v;
}

void
explore_set(explore *e, double anxiety, double avoidance)
{
	if (!isnan(anxiety))
		e->anxiety = clamp_axis(&e->anx, anxiety);
	if (!isnan(avoidance))
		e->avoidance = clamp_axis(&e->avo, avoidance);
}

/*
 * Move v by n grid steps of step_c hundredths.  The result is an exact
 * multiple of the step written as k/100.0, so 4.0 is reached as exactly 4.0
 * and the strict cutoff comparison behaves as it does for real scores.
 */
static double
grid_move(double v, int n, int step_c)
{
	double g = v * 100.0 / step_c;
	double r = nearbyint(g);
	long k;

	if (n == 0)
		return v;
	if (fabs(g - r) < GRID_EPS)
		k = (long)r + n;
	else if (n > 0)
		k = (long)ceil(g) + (n - 1);
	else
		k = (long)floor(g) + (n + 1);
	return (double)(k * step_c) / 100.0;
}

void
explore_move(explore *e, int d_anx, int d_avo, int big)
{
	int step = big ? e->big_c : e->step_c;

	e->anxiety = clamp_axis(&e->anx, grid_move(e->anxiety, d_anx, step));
	e->avoidance = clamp_axis(&e->avo, grid_move(e->avoidance, d_avo, step));
}

void
explore_end(explore *e, int which, int to_max)
{
	if (which == 'a')
		e->anxiety = to_max ? e->anx.max : e->anx.min;
	else
		e->avoidance = to_max ? e->avo.max : e->avo.min;
}

/* Halfway between the cutoff and the chosen end of the axis, on the grid. */
static double
typical_on_axis(const explore_axis *a, int high, int step_c)
{
	double end = high ? a->max : a->min;
	double mid = (a->cutoff + end) / 2.0;
	double k = nearbyint(mid * 100.0 / step_c);
	double v = k * step_c / 100.0;

	/* Rounding must not land on or across the cutoff. */
	if (high ? v <= a->cutoff : v > a->cutoff)
		v = mid;
	return clamp_axis(a, v);
}

void
explore_typical_point(const explore *e, int style, double *anxiety, double *avoidance)
{
	int anx_high = style == STYLE_ANXIOUS || style == STYLE_FEARFUL;
	int avo_high = style == STYLE_DISMISSIVE || style == STYLE_FEARFUL;

	*anxiety = typical_on_axis(&e->anx, anx_high, e->step_c);
	*avoidance = typical_on_axis(&e->avo, avo_high, e->step_c);
}

void
explore_typical(explore *e, int style)
{
	explore_typical_point(e, style, &e->anxiety, &e->avoidance);
}

void
explore_classify_at(const explore *e, double anxiety, double avoidance, explore_class *c)
{
	c->anxiety_high = anxiety > e->anx.cutoff;
	c->avoidance_high = avoidance > e->avo.cutoff;
	c->style = score_quadrant_style(c->anxiety_high, c->avoidance_high);
	c->anx_dist = fabs(anxiety - e->anx.cutoff);
	c->avo_dist = fabs(avoidance - e->avo.cutoff);
	c->margin = fmin(c->anx_dist, c->avo_dist);
	c->near = c->margin <= SCORE_NEAR + SCORE_EPS;
	c->near_mask = 1u << c->style;
	c->across_anx = c->across_avo = -1;
	if (c->anx_dist <= SCORE_NEAR + SCORE_EPS) {
		c->across_anx = score_quadrant_style(!c->anxiety_high, c->avoidance_high);
		c->near_mask |= 1u << c->across_anx;
	}
	if (c->avo_dist <= SCORE_NEAR + SCORE_EPS) {
		c->across_avo = score_quadrant_style(c->anxiety_high, !c->avoidance_high);
		c->near_mask |= 1u << c->across_avo;
	}
}

void
explore_classify(const explore *e, explore_class *c)
{
	explore_classify_at(e, e->anxiety, e->avoidance, c);
}

double
explore_step(const explore *e, int big)
{
	return (big ? e->big_c : e->step_c) / 100.0;
}

int
explore_in_range(const explore_axis *a, double v)
{
	return v >= a->min && v <= a->max;
}

/*
 * Parse a decimal number ([+-]digits[.digits]) at *p, advancing p; -1 on
 * failure.  Done by hand so the decimal point is '.' whatever the locale, and
 * so "4.1" gives the same double as the literal 4.1 (an exact integer divided
 * by an exact power of ten).
 */
static int
parse_num(const char **p, double *out)
{
	const char *s = *p;
	double mant = 0, scale = 1;
	int neg = 0, digits = 0, frac = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; isdigit((unsigned char)*s) || (*s == '.' && !frac); s++) {
		if (*s == '.') {
			frac = 1;
			continue;
		}
		if (++digits > 15)
			return -1;
		mant = mant * 10 + (*s - '0');
		if (frac)
			scale *= 10;
	}
	if (digits == 0 || isalpha((unsigned char)*s) || *s == '.')
		return -1;
	*p = s;
	*out = (neg ? -mant : mant) / scale;
	return 0;
}

/* Skip blanks and at most one comma. */
static const char *
skip_sep(const char *p)
{
	int comma = 0;

	while (*p == ' ' || *p == '\t' || (*p == ',' && !comma++))
		p++;
	return p;
}

int
explore_parse_pair(const char *line, double *anxiety, double *avoidance,
                   char *msg, size_t size)
{
	const char *p = line;
	double a, v;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '\n' || *p == '\r' || *p == '#')
		return 0;
	if (parse_num(&p, &a) < 0 || (p = skip_sep(p), parse_num(&p, &v) < 0)) {
		snprintf(msg, size, "expected two numbers: ANXIETY AVOIDANCE");
		return -1;
	}
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	if (*p != '\0') {
		snprintf(msg, size, "unexpected text after the two numbers");
		return -1;
	}
	*anxiety = a;
	*avoidance = v;
	return 1;
}

/* A caution when the report's cutoffs are not this bank's (else NULL). */
static char *
cutoff_note(const explore *e, const report_scale_data *ax, const report_scale_data *av)
{
	if (ax->cutoff == e->anx.cutoff && av->cutoff == e->avo.cutoff)
		return NULL;
	return xasprintf(" Its cutoffs were %.2f and %.2f; here they are %.2f and %.2f.",
	                 ax->cutoff, av->cutoff, e->anx.cutoff, e->avo.cutoff);
}

int
explore_from_report(explore *e, const report_data *d, const char *name, char **note,
                    errlist *errs)
{
	const report_scale_data *ax, *av;
	char *id, *title, *when, *cut, *other = NULL;

	*note = NULL;
	if (!d->quadrant || d->anxiety < 0 || d->avoidance < 0 ||
	    (size_t)d->anxiety >= d->nscales || (size_t)d->avoidance >= d->nscales) {
		errlist_add(errs, name, 0, 0, "this report has no anxiety x avoidance plane "
		            "(its bank classifies by the highest scale)");
		return 65;
	}
	ax = &d->scales[d->anxiety];
	av = &d->scales[d->avoidance];
	if (!ax->has_score || !av->has_score) {
		errlist_add(errs, name, 0, 0, "this report has no %s score, so it has no point",
		            ax->has_score ? "avoidance" : "anxiety");
		return 65;
	}
	explore_set(e, ax->score, av->score);
	if (e->anxiety != ax->score || e->avoidance != av->score)
		other = xstrdup(" It lies outside this bank's ranges and is shown at the edge.");
	id = text_clean_line(d->bank_id);
	title = text_clean_line(d->bank_title);
	when = text_clean_line(d->created);
	cut = cutoff_note(e, ax, av);
	if (!other && strcmp(d->bank_id, e->bank->id) != 0)
		other = xasprintf(" It comes from another bank than '%s'.", e->bank->id);
	*note = xasprintf("Report of %s (%s), %s: anxiety %.2f, avoidance %.2f.%s%s", title, id,
	                  when, ax->score, av->score, other ? other : "", cut ? cut : "");
	free(id);
	free(title);
	free(when);
	free(cut);
	free(other);
	return 0;
}

int
explore_load_report(explore *e, const char *path, char **note, errlist *errs)
{
	report_data d;
	int rc;

	*note = NULL;
	rc = report_load(&d, path, errs);
	if (rc == 0)
		rc = explore_from_report(e, &d, path, note, errs);
	report_data_free(&d);
	return rc;
}

/*
 * report_load.c - reading a JSON report back (see report.h and the shape in
 * report_json.c).  Strict: every object may hold only its known keys, each
 * of the right type, and the result must agree with the scores.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* Largest report file read (bytes). */
#define LOAD_MAX ((size_t)4 << 20)

/* Allowed JSON types of a field, as a bit mask of json_type. */
#define T(t) (1u << (t))
#define T_NUM (T(JSON_INTEGER) | T(JSON_REAL))
#define T_STR T(JSON_STRING)
#define T_BOOL (T(JSON_TRUE) | T(JSON_FALSE))
#define T_NULL T(JSON_NULL)
#define T_OBJ T(JSON_OBJECT)
#define T_ARR T(JSON_ARRAY)

typedef struct field {
	const char *key;
	unsigned types;
	int required;
} field;

typedef struct ctx {
	const char *name;
	errlist *errs;
	int bad;
} ctx;

/* Record a problem at a JSON path. */
static void __attribute__((format(printf, 3, 4)))
problem(ctx *x, const char *path, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errlist_add(x->errs, x->name, 0, 0, "%s: %s", path, msg);
	x->bad++;
}

/* Check an object's keys against a table; returns 0 when all is well. */
static int
check_fields(ctx *x, const json_t *o, const char *path, const field *f, size_t n)
{
	const char *key;
	json_t *v;
	int before = x->bad;

	if (!json_is_object(o)) {
		problem(x, path, "expected an object");
		return -1;
	}
	json_object_foreach((json_t *)o, key, v) {
		size_t i = 0;
		while (i < n && strcmp(f[i].key, key) != 0)
			i++;
		if (i == n) {
			char *k = text_clean_line(key);
			char *clean = text_ellipsize(k, 40, 0);
			problem(x, path, "unknown key \"%s\"", clean);
			free(k);
			free(clean);
		}
		else if (!(f[i].types & T(json_typeof(v))))
			problem(x, path, "\"%s\" has the wrong type", key);
	}
	for (size_t i = 0; i < n; i++)
		if (f[i].required && !json_object_get(o, f[i].key))
			problem(x, path, "missing \"%s\"", f[i].key);
	return x->bad > before ? -1 : 0;
}

/* Check every element of an array with check(), passing its path. */
static void
each(ctx *x, const json_t *a, const char *path, void (*check)(ctx *, const json_t *, const char *))
{
	size_t i;
	json_t *v;
	char p[128];
	json_array_foreach((json_t *)a, i, v) {
		snprintf(p, sizeof p, "%s[%zu]", path, i);
		check(x, v, p);
	}
}

static const field norm_fields[] = {
	{ "mean", T_NUM, 1 }, { "sd", T_NUM, 1 }, { "source", T_STR | T_NULL, 1 },
	{ "z", T_NUM | T_NULL, 1 }, { "percentile", T_NUM | T_NULL, 1 }, { "method", T_STR, 1 },
};

static const field scale_fields[] = {
	{ "id", T_STR, 1 }, { "name", T_STR, 1 }, { "score", T_NUM | T_NULL, 1 },
	{ "answered", T(JSON_INTEGER), 1 }, { "min_answered", T(JSON_INTEGER), 1 },
	{ "min", T_NUM, 1 }, { "max", T_NUM, 1 }, { "cutoff", T_NUM, 1 },
	{ "high", T_BOOL | T_NULL, 1 }, { "norm", T_OBJ | T_NULL, 1 },
};

/* Read one scale into d (already sized); checks the numbers agree. */
static void
read_scale(ctx *x, const json_t *o, const char *path, report_scale_data *d)
{
	char p[160];
	if (check_fields(x, o, path, scale_fields, sizeof scale_fields / sizeof *scale_fields))
		return;
	const json_t *norm = json_object_get(o, "norm");
	snprintf(p, sizeof p, "%s.norm", path);
	if (json_is_object(norm))
		check_fields(x, norm, p, norm_fields, sizeof norm_fields / sizeof *norm_fields);
	d->id = xstrdup(json_string_value(json_object_get(o, "id")));
	d->name = xstrdup(json_string_value(json_object_get(o, "name")));
	d->min = json_number_value(json_object_get(o, "min"));
	d->max = json_number_value(json_object_get(o, "max"));
	d->cutoff = json_number_value(json_object_get(o, "cutoff"));
	const json_t *sc = json_object_get(o, "score"), *high = json_object_get(o, "high");
	d->has_score = json_is_number(sc);
	d->score = json_number_value(sc);
	if (!(d->min <= d->max))
		problem(x, path, "min is greater than max");
	if (d->cutoff < d->min || d->cutoff > d->max)
		problem(x, path, "cutoff is outside min..max");
	if (d->has_score && (d->score < d->min - 1e-9 || d->score > d->max + 1e-9))
		problem(x, path, "score is outside min..max");
	if (d->has_score != !json_is_null(high) ||
	    (d->has_score && json_is_true(high) != (d->score > d->cutoff)))
		problem(x, path, "\"high\" does not agree with the score and cutoff");
}

/* Index of the scale with this id, or -1. */
static long
find_scale(const report_data *d, const char *id)
{
	for (size_t i = 0; id && i < d->nscales; i++)
		if (d->scales[i].id && strcmp(d->scales[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* The classification object: method and axes (or style scales). */
static void
read_classification(ctx *x, const json_t *o, report_data *d)
{
	static const field quad[] = {
		{ "method", T_STR, 1 }, { "anxiety", T_STR, 1 }, { "avoidance", T_STR, 1 },
	};
	static const field high[] = { { "method", T_STR, 1 }, { "scales", T_OBJ, 1 } };
	const char *m = json_string_value(json_object_get(o, "method"));

	d->anxiety = d->avoidance = -1;
	if (m && strcmp(m, "quadrant") == 0) {
		d->quadrant = 1;
		if (check_fields(x, o, "$.classification", quad, 3))
			return;
		d->anxiety = find_scale(d, json_string_value(json_object_get(o, "anxiety")));
		d->avoidance = find_scale(d, json_string_value(json_object_get(o, "avoidance")));
		if (d->anxiety < 0 || d->avoidance < 0 || d->anxiety == d->avoidance)
			problem(x, "$.classification", "the axes must name two different scales");
	} else if (m && strcmp(m, "highest") == 0) {
		if (check_fields(x, o, "$.classification", high, 2))
			return;
		const json_t *sc = json_object_get(o, "scales");
		for (int s = 0; s < STYLE_COUNT; s++)
			if (find_scale(d, json_string_value(json_object_get(sc, bank_style_id(s)))) < 0)
				problem(x, "$.classification.scales", "\"%s\" must name a scale",
				        bank_style_id(s));
		if (json_object_size(sc) != STYLE_COUNT)
			problem(x, "$.classification.scales", "must map exactly the four styles");
	} else {
		problem(x, "$.classification.method", "must be \"quadrant\" or \"highest\"");
	}
}

/* A list of style ids. */
static void
check_style_list(ctx *x, const json_t *a, const char *path)
{
	size_t i;
	json_t *v;
	json_array_foreach((json_t *)a, i, v)
		if (!json_is_string(v) || bank_style_from_id(json_string_value(v)) < 0)
			problem(x, path, "element %zu is not a style id", i);
}

static const field quality_fields[] = {
	{ "id", T_STR, 1 }, { "count", T(JSON_INTEGER), 1 }, { "total", T(JSON_INTEGER), 1 },
	{ "text", T_STR, 1 },
};

static void
check_quality(ctx *x, const json_t *o, const char *path)
{
	if (check_fields(x, o, path, quality_fields, 4) == 0 &&
	    quality_kind_from_id(json_string_value(json_object_get(o, "id"))) < 0)
		problem(x, path, "unknown quality note id");
}

static void
check_answer(ctx *x, const json_t *o, const char *path)
{
	static const field f[] = {
		{ "item", T_STR, 1 }, { "answer", T(JSON_INTEGER) | T_NULL, 1 }, { "keys", T_OBJ, 1 },
	};
	const char *k;
	json_t *v;
	if (check_fields(x, o, path, f, 3))
		return;
	json_object_foreach(json_object_get(o, "keys"), k, v)
		if (!json_is_integer(v) || (json_integer_value(v) != 1 && json_integer_value(v) != -1))
			problem(x, path, "every key must be 1 or -1");
}

static void
check_reflection(ctx *x, const json_t *o, const char *path)
{
	static const field f[] = {
		{ "item", T_STR, 1 }, { "prompt", T_STR | T_NULL, 1 }, { "answer", T_STR | T_NULL, 1 },
	};
	check_fields(x, o, path, f, 3);
}

static const field root_fields[] = {
	{ "format", T_STR, 1 }, { "version", T(JSON_INTEGER), 1 }, { "program", T_STR, 1 },
	{ "created", T_STR, 1 }, { "bank", T_OBJ, 1 }, { "classification", T_OBJ, 1 },
	{ "scales", T_ARR, 1 }, { "style", T_STR | T_NULL, 1 }, { "style_name", T_STR | T_NULL, 1 },
	{ "styles", T_ARR, 1 }, { "margin", T_NUM | T_NULL, 1 }, { "near_boundary", T_BOOL, 1 },
	{ "neighbours", T_ARR, 1 }, { "quality", T_ARR, 1 }, { "answers", T_ARR, 1 },
	{ "reflections_included", T_BOOL, 1 }, { "reflections", T_ARR, 0 },
	{ "disclaimer", T_STR, 1 },
};

static const field bank_fields[] = {
	{ "id", T_STR, 1 }, { "title", T_STR, 1 }, { "version", T_STR | T_NULL, 1 },
	{ "hash", T_STR, 1 }, { "method", T_STR, 1 },
};

/* The style the scores give under the quadrant rule (SPEC 3.4), or -1. */
static int
quadrant_style(const report_data *d)
{
	const report_scale_data *a = &d->scales[d->anxiety], *v = &d->scales[d->avoidance];
	if (!a->has_score || !v->has_score)
		return -1;
	return score_quadrant_style(a->score > a->cutoff, v->score > v->cutoff);
}

/* Style, margin and near-boundary flag, and their agreement with the scores. */
static void
read_result(ctx *x, const json_t *root, report_data *d)
{
	const json_t *st = json_object_get(root, "style"), *mg = json_object_get(root, "margin");

	if (json_is_string(st) && score_style_parse(json_string_value(st), &d->style_mask) != 0)
		problem(x, "$.style", "not a style or styles joined with '+'");
	d->has_margin = json_is_number(mg);
	d->margin = json_number_value(mg);
	d->near_boundary = json_is_true(json_object_get(root, "near_boundary"));
	if (d->has_margin && !(d->margin >= 0))
		problem(x, "$.margin", "must not be negative");
	if (d->near_boundary && (!d->has_margin || d->margin > SCORE_NEAR + SCORE_EPS))
		problem(x, "$.near_boundary", "true without a margin within %g", SCORE_NEAR);
	if (!d->near_boundary && d->has_margin && d->margin <= SCORE_NEAR - SCORE_EPS)
		problem(x, "$.near_boundary", "false with a margin within %g", SCORE_NEAR);
	if (!d->quadrant || d->anxiety < 0 || d->avoidance < 0 || x->bad)
		return;
	int q = quadrant_style(d);
	if (q < 0 ? d->style_mask != 0 : d->style_mask != 1u << q)
		problem(x, "$.style", "does not agree with the anxiety and avoidance scores");
	if (q >= 0) {
		const report_scale_data *a = &d->scales[d->anxiety], *v = &d->scales[d->avoidance];
		double m = fmin(fabs(a->score - a->cutoff), fabs(v->score - v->cutoff));
		if (!d->has_margin || fabs(m - d->margin) > 1e-6)
			problem(x, "$.margin", "does not agree with the scores");
	}
}

/* Top-level checks after the syntax is known to be right. */
static void
read_root(ctx *x, const json_t *root, report_data *d)
{
	char p[64];
	if (check_fields(x, root, "$", root_fields, sizeof root_fields / sizeof *root_fields))
		return;
	const char *fmt = json_string_value(json_object_get(root, "format"));
	if (strcmp(fmt, "securebase-report") != 0)
		problem(x, "$.format", "not a securebase report");
	if (json_integer_value(json_object_get(root, "version")) != REPORT_VERSION)
		problem(x, "$.version", "version %" JSON_INTEGER_FORMAT " is not supported (expected %d)",
		        json_integer_value(json_object_get(root, "version")), REPORT_VERSION);
	const json_t *b = json_object_get(root, "bank");
	if (check_fields(x, b, "$.bank", bank_fields, 5) == 0) {
		d->bank_id = xstrdup(json_string_value(json_object_get(b, "id")));
		d->bank_title = xstrdup(json_string_value(json_object_get(b, "title")));
		d->bank_hash = xstrdup(json_string_value(json_object_get(b, "hash")));
	}
	d->created = xstrdup(json_string_value(json_object_get(root, "created")));
	const json_t *sc = json_object_get(root, "scales");
	d->nscales = json_array_size(sc);
	if (d->nscales == 0)
		problem(x, "$.scales", "must list at least one scale");
	d->scales = xcalloc(d->nscales ? d->nscales : 1, sizeof *d->scales);
	for (size_t i = 0; i < d->nscales; i++) {
		snprintf(p, sizeof p, "$.scales[%zu]", i);
		read_scale(x, json_array_get(sc, i), p, &d->scales[i]);
		if (d->scales[i].id && find_scale(d, d->scales[i].id) != (long)i)
			problem(x, p, "duplicate scale id");
	}
	read_classification(x, json_object_get(root, "classification"), d);
	check_style_list(x, json_object_get(root, "styles"), "$.styles");
	check_style_list(x, json_object_get(root, "neighbours"), "$.neighbours");
	each(x, json_object_get(root, "quality"), "$.quality", check_quality);
	each(x, json_object_get(root, "answers"), "$.answers", check_answer);
	int incl = json_is_true(json_object_get(root, "reflections_included"));
	const json_t *refl = json_object_get(root, "reflections");
	if (incl != (refl != NULL))
		problem(x, "$.reflections", "must be present exactly when reflections_included is true");
	if (refl)
		each(x, refl, "$.reflections", check_reflection);
	if (!x->bad)
		read_result(x, root, d);
}

int
report_load_mem(report_data *out, const char *name, const char *buf, size_t len, errlist *errs)
{
	ctx x = { name, errs, 0 };
	json_error_t e;

	memset(out, 0, sizeof *out);
	out->anxiety = out->avoidance = -1;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (!root) {
		errlist_add(errs, name, e.line > 0 ? (unsigned long)e.line : 0,
		            e.column > 0 ? (unsigned long)e.column : 0, "%s", e.text);
		return 65;
	}
	read_root(&x, root, out);
	json_decref(root);
	if (x.bad) {
		report_data_free(out);
		return 65;
	}
	return 0;
}

int
report_load(report_data *out, const char *path, errlist *errs)
{
	memset(out, 0, sizeof *out);
	out->anxiety = out->avoidance = -1;
	char *buf = NULL;
	size_t len = 0;
	/* not blocking on a FIFO, which would freeze the screen that asked */
	int r = fileio_read_regular(path, LOAD_MAX, &buf, &len);
	int rc;
	if (r == FILEIO_READ_ERROR) {
		errlist_add(errs, path, 0, 0, "cannot read the file");
		return 66;
	}
	if (r != 0) {
		errlist_add(errs, path, 0, 0, "cannot open: %s",
		            r == FILEIO_NOT_REGULAR ? "not a regular file" : strerror(errno));
		return 66;
	}
	if (len > LOAD_MAX) {
		errlist_add(errs, path, 0, 0, "too large for a report (over %zu bytes)", LOAD_MAX);
		rc = 65;
	} else {
		rc = report_load_mem(out, path, buf, len, errs);
	}
	free(buf);
	return rc;
}

void
report_data_free(report_data *d)
{
	for (size_t i = 0; i < d->nscales; i++) {
		free(d->scales[i].id);
		free(d->scales[i].name);
	}
	free(d->scales);
	free(d->bank_id);
	free(d->bank_title);
	free(d->bank_hash);
	free(d->created);
	memset(d, 0, sizeof *d);
	d->anxiety = d->avoidance = -1;
}

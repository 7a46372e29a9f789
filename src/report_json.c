/*
 * report_json.c - the JSON report (version REPORT_VERSION), through jansson.
 *
 * Shape (every key always present unless noted; report_load checks it):
 *   format "securebase-report", version 1, program, created (ISO 8601 UTC),
 *   bank {id, title, version|null, hash, method},
 *   classification {method: "quadrant", anxiety, avoidance} or
 *                  {method: "highest", scales: {STYLE: SCALE, ...}},
 *   scales [{id, name, score|null, answered, min_answered, min, max, cutoff,
 *            high|null, norm: null | {mean, sd, source|null, z|null,
 *            percentile|null, method: "normal approximation"}}],
 *   style (ids joined with '+') | null, style_name | null, styles [ids],
 *   margin | null, near_boundary, neighbours [ids],
 *   quality [{id, count, total, text}],
 *   answers [{item, answer|null, keys {SCALE: 1|-1}}] (likert items),
 *   reflections_included, reflections [{item, prompt, answer|null}] (only
 *   when included), disclaimer.
 * Every bank and free-text string is neutralised (text.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "plane.h"
#include "report.h"
#include "report_int.h"
#include "text.h"
#include "xmalloc.h"

#ifndef SECUREBASE_VERSION
#define SECUREBASE_VERSION "unknown"
#endif

/* A neutralised one-line JSON string (NULL stays JSON null). */
static json_t *
jstr(const char *s)
{
	if (!s)
		return json_null();
	char *c = text_clean_line(s);
	json_t *j = json_string(c);
	free(c);
	return j ? j : json_string("");
}

/* A neutralised multi-line JSON string. */
static json_t *
jtext(const char *s)
{
	if (!s)
		return json_null();
	char *c = text_clean(s);
	json_t *j = json_string(c);
	free(c);
	return j ? j : json_string("");
}

/* Style ids of a mask as an array. */
static json_t *
style_array(unsigned mask)
{
	json_t *a = json_array();
	for (int s = 0; s < STYLE_COUNT; s++)
		if (mask & (1u << s))
			json_array_append_new(a, json_string(bank_style_id(s)));
	return a;
}

/* The norm of scale i, or null. */
static json_t *
norm_json(const bank_scale *bs, const score_scale *sc)
{
	if (!bs->has_norm)
		return json_null();
	return json_pack("{s:f, s:f, s:o, s:o, s:o, s:s}", "mean", bs->norm_mean, "sd", bs->norm_sd,
	                 "source", jstr(bs->norm_source),
	                 "z", sc->has_norm ? json_real(sc->z) : json_null(),
	                 "percentile", sc->has_norm ? json_real(sc->percentile) : json_null(),
	                 "method", "normal approximation");
}

/* Every scale with score, range, cutoff and norm. */
static json_t *
scales_json(const report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->b->nscales; i++) {
		const bank_scale *bs = &r->b->scales[i];
		const score_scale *sc = &r->score.scales[i];
		double lo, hi;
		plane_scale_range(r->b, i, &lo, &hi);
		json_array_append_new(a, json_pack(
			"{s:o, s:o, s:o, s:i, s:i, s:f, s:f, s:f, s:o, s:o}",
			"id", jstr(bs->id), "name", jstr(bs->name ? bs->name : bs->id),
			"score", sc->has_score ? json_real(sc->score) : json_null(),
			"answered", sc->answered, "min_answered", bs->min_answered,
			"min", lo, "max", hi, "cutoff", bs->cutoff,
			"high", sc->has_score ? json_boolean(sc->score > bs->cutoff) : json_null(),
			"norm", norm_json(bs, sc)));
	}
	return a;
}

/* How the bank classifies. */
static json_t *
classification_json(const bank *b)
{
	if (b->method == CLASSIFY_QUADRANT)
		return json_pack("{s:s, s:o, s:o}", "method", "quadrant",
		                 "anxiety", jstr(b->scales[b->anxiety].id),
		                 "avoidance", jstr(b->scales[b->avoidance].id));
	json_t *m = json_object();
	for (int s = 0; s < STYLE_COUNT; s++)
		json_object_set_new(m, bank_style_id(s), jstr(b->scales[b->highest[s]].id));
	return json_pack("{s:s, s:o}", "method", "highest", "scales", m);
}

/* Likert answers with their keys. */
static json_t *
answers_json(const report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->b->nitems; i++) {
		const bank_item *it = &r->b->items[i];
		if (it->type != ITEM_LIKERT)
			continue;
		int v = r->answers[i];
		int ok = v != BANK_NO_ANSWER && v >= it->range->min && v <= it->range->max;
		json_t *keys = json_object();
		for (size_t k = 0; k < it->nkeys; k++) {
			char *sid = text_clean_line(r->b->scales[it->keys[k].scale].id);
			json_object_set_new(keys, sid, json_integer(it->keys[k].sign));
			free(sid);
		}
		json_array_append_new(a, json_pack("{s:o, s:o, s:o}", "item", jstr(it->id),
		                                   "answer", ok ? json_integer(v) : json_null(),
		                                   "keys", keys));
	}
	return a;
}

/* Free-text answers (only called with consent). */
static json_t *
reflections_json(const report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->b->nitems; i++) {
		const bank_item *it = &r->b->items[i];
		if (it->type != ITEM_TEXT)
			continue;
		const char *t = r->texts ? r->texts[i] : NULL;
		json_array_append_new(a, json_pack("{s:o, s:o, s:o}", "item", jstr(it->id),
		                                   "prompt", jstr(it->text), "answer", jtext(t)));
	}
	return a;
}

/* The answer-quality notes. */
static json_t *
quality_json(const report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->quality.n; i++) {
		const quality_note *q = &r->quality.v[i];
		json_array_append_new(a, json_pack("{s:s, s:i, s:i, s:o}", "id", quality_id(q->kind),
		                                   "count", q->count, "total", q->total,
		                                   "text", jtext(q->text)));
	}
	return a;
}

/* The result: style, margin, near boundary, neighbours. */
static void
result_json(json_t *root, const report *r)
{
	char buf[128];
	int s = report_primary_style(r);
	unsigned m = r->score.style_mask;
	int near = r->score.has_margin && r->score.near_boundary;

	json_object_set_new(root, "style", m ? json_string(score_style_string(m, buf, sizeof buf))
	                                     : json_null());
	char *name = s >= 0 ? report_style_names(r, m) : NULL;
	json_object_set_new(root, "style_name", name ? json_string(name) : json_null());
	free(name);
	json_object_set_new(root, "styles", style_array(m));
	json_object_set_new(root, "margin", r->score.has_margin ? json_real(r->score.margin)
	                                                        : json_null());
	json_object_set_new(root, "near_boundary", json_boolean(near));
	json_object_set_new(root, "neighbours",
	                    style_array(near ? r->score.near_mask & ~m : 0));
}

int
report_write_json(FILE *fp, const report *r)
{
	char when[40];
	report_iso_time(r->when, when, sizeof when);
	json_t *root = json_pack(
		"{s:s, s:i, s:s, s:s, s:{s:o, s:o, s:o, s:s, s:s}, s:o, s:o}",
		"format", "securebase-report", "version", REPORT_VERSION,
		"program", "securebase " SECUREBASE_VERSION, "created", when,
		"bank", "id", jstr(r->b->id), "title", jstr(r->b->title),
		"version", jstr(r->b->version), "hash", r->b->hash,
		"method", r->b->method == CLASSIFY_QUADRANT ? "quadrant" : "highest",
		"classification", classification_json(r->b), "scales", scales_json(r));
	if (!root)
		xfatal(71, "cannot build the JSON report");
	result_json(root, r);
	json_object_set_new(root, "quality", quality_json(r));
	json_object_set_new(root, "answers", answers_json(r));
	json_object_set_new(root, "reflections_included", json_boolean(r->include_reflections));
	if (r->include_reflections)
		json_object_set_new(root, "reflections", reflections_json(r));
	json_object_set_new(root, "disclaimer", jtext(content_disclaimer(r->c)));
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(root);
	if (rc != 0 || fputc('\n', fp) == EOF || fflush(fp) != 0)
		return 74;
	return 0;
}

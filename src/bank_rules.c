/* bank_rules.c - the loader's classification, styles and examples. */
#include <stdlib.h>
#include <string.h>

#include "bank_int.h"

#define STYLE_LIST "secure, anxious-preoccupied, dismissive-avoidant, fearful-avoidant"

static const ld_key class_keys[] = {
	{ "method", 1 }, { "anxiety", 0 }, { "avoidance", 0 }, { "scales", 0 },
};
enum { C_METHOD, C_ANXIETY, C_AVOIDANCE, C_SCALES, C_NKEYS };

/* Style index of scalar node v, or -1 with "unknown style" reported. */
static int
style_ref(ld *l, const yt_node *v)
{
	int s;

	if (v->kind != YT_SCALAR) {
		ld_err(l, v, "expected a style id (%s), found %s", STYLE_LIST, yt_kind_name(v));
		return -1;
	}
	s = strlen(v->str) == v->len ? bank_style_from_id(v->str) : -1;
	if (s < 0) {
		char q[80];
		ld_err(l, v, "unknown style '%s' (styles: %s)", ld_q(v, q, sizeof q), STYLE_LIST);
	}
	return s;
}

/* classification/scales for method highest: every style -> a scale. */
static void
ld_highest(ld *l, const yt_node *m)
{
	int seen[STYLE_COUNT] = { 0 };
	char missing[200] = "";
	size_t o = 0;

	if (m->kind != YT_MAP) {
		ld_err(l, m, "'scales' must map each style to a scale id, e.g. "
		       "{secure: S1, anxious-preoccupied: S2, ...}, found %s", yt_kind_name(m));
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		long sc;
		int st = yt_key(m, i)->kind == YT_SCALAR ? style_ref(l, yt_key(m, i)) : -1;
		sc = ld_scale_ref(l, yt_val(m, i));
		if (st < 0)
			continue;
		seen[st] = 1;
		if (sc >= 0)
			l->b->highest[st] = (size_t)sc;
	}
	for (int s = 0; s < STYLE_COUNT; s++)
		if (!seen[s])
			o += (size_t)snprintf(missing + o, sizeof missing - o, "%s%s", o ? ", " : "",
			                      bank_style_id(s));
	if (o)
		ld_err(l, m, "method highest needs a scale for each of the four styles; "
		       "missing: %s", missing);
}

void
ld_classification(ld *l, const yt_node *v)
{
	const yt_node *val[C_NKEYS], *key[C_NKEYS];
	const yt_node *mv;
	long s;

	l->ctx = (ld_ctx){ "classification", 0, NULL, 0 };
	if (ld_keys(l, v, "'classification'", class_keys, C_NKEYS, val, key) < 0 ||
	    !(mv = val[C_METHOD]))
		goto out;
	if (mv->kind == YT_SCALAR && strcmp(mv->str, "quadrant") == 0 && mv->len == 8) {
		l->b->method = CLASSIFY_QUADRANT;
		if (val[C_SCALES])
			ld_err(l, key[C_SCALES], "'scales' belongs to method highest; method "
			       "quadrant takes 'anxiety' and 'avoidance'");
		if (!val[C_ANXIETY])
			ld_err(l, v, "method quadrant needs 'anxiety' (the scale id of the anxiety axis)");
		else if ((s = ld_scale_ref(l, val[C_ANXIETY])) >= 0)
			l->b->anxiety = (size_t)s;
		if (!val[C_AVOIDANCE])
			ld_err(l, v, "method quadrant needs 'avoidance' (the scale id of the "
			       "avoidance axis)");
		else if ((s = ld_scale_ref(l, val[C_AVOIDANCE])) >= 0)
			l->b->avoidance = (size_t)s;
	} else if (mv->kind == YT_SCALAR && strcmp(mv->str, "highest") == 0 && mv->len == 7) {
		l->b->method = CLASSIFY_HIGHEST;
		for (int k = C_ANXIETY; k <= C_AVOIDANCE; k++)
			if (val[k])
				ld_err(l, key[k], "'%s' belongs to method quadrant; method highest "
				       "takes 'scales'", class_keys[k].name);
		if (!val[C_SCALES])
			ld_err(l, v, "method highest needs 'scales' (a scale id for each style)");
		else
			ld_highest(l, val[C_SCALES]);
	} else {
		char q[80];
		ld_err(l, mv, "'method' must be quadrant or highest, found '%s'",
		       ld_q(mv, q, sizeof q));
	}
out:
	l->ctx = (ld_ctx){ 0 };
}

/* Is key k a usable explanation field name ([A-Za-z0-9_.-]+)? */
static int
field_name_ok(const yt_node *k)
{
	if (k->len == 0 || strlen(k->str) != k->len)
		return 0;
	return strspn(k->str, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                      "0123456789_.-") == k->len;
}

/* One entry of `styles`: id, name and explanation fields. */
static void
ld_style(ld *l, const yt_node *m, unsigned long seen_line[STYLE_COUNT])
{
	const yt_node *idn;
	bank_style *st;
	int s;
	char q[80];

	if (m->kind != YT_MAP) {
		ld_err(l, m, "a style must be a mapping (- id: secure, name: ..., summary: ...), "
		       "found %s", yt_kind_name(m));
		return;
	}
	if (!(idn = yt_get(m, "id"))) {
		ld_err(l, m, "missing required key 'id' in a style (%s)", STYLE_LIST);
		return;
	}
	if ((s = style_ref(l, idn)) < 0)
		return;
	l->ctx.id = idn->str;
	l->ctx.idlen = idn->len;
	if (seen_line[s]) {
		ld_err(l, idn, "duplicate style '%s' (first at line %lu)", bank_style_id(s),
		       seen_line[s]);
		return;
	}
	seen_line[s] = idn->line;
	st = &l->b->styles[s];
	st->present = 1;
	st->fields = arena_calloc(&l->p->mem, m->n, sizeof *st->fields);
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i), *v = yt_val(m, i);
		char *text;
		if (k->kind != YT_SCALAR || v == idn)
			continue;
		if (!field_name_ok(k)) {
			ld_err(l, k, "style field names are letters, digits, '_', '.' and '-', "
			       "found '%s'", ld_q(k, q, sizeof q));
			continue;
		}
		if (!(text = ld_text(l, v, k->str)))
			continue;
		if (strcmp(k->str, "name") == 0)
			st->name = text;
		else
			st->fields[st->nfields++] = (bank_field){ arena_strndup(&l->p->mem, k->str,
			                                                        k->len), text };
	}
}

void
ld_styles(ld *l, const yt_node *v)
{
	unsigned long seen_line[STYLE_COUNT] = { 0 };

	if (v->kind != YT_SEQ) {
		ld_err(l, v, "'styles' must be a list (- id: secure, name: ..., summary: ...), "
		       "found %s", yt_kind_name(v));
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		l->ctx = (ld_ctx){ "style", i + 1, NULL, 0 };
		ld_style(l, v->kids[i], seen_line);
	}
	l->ctx = (ld_ctx){ 0 };
}

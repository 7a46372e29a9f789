/* batch_out.c - the output side of batch scoring: CSV and JSON rows, %.4f without locale. */
#include "batch_int.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#include "text.h"
#include "xmalloc.h"

/* Write the buffer out; remembers the first error and drops output after it. */
static void
bout_drain(bout *o)
{
	if (o->len && !o->err && fwrite(o->buf, 1, o->len, o->fp) != o->len)
		o->err = errno ? errno : EIO;
	o->len = 0;
}

/* Append n bytes (any n). */
static void
bout_put(bout *o, const void *s, size_t n)
{
	if (n == 0)
		return;
	if (n > BOUT_SIZE - o->len) {
		bout_drain(o);
		if (n > BOUT_SIZE) {
			if (!o->err && fwrite(s, 1, n, o->fp) != n)
				o->err = errno ? errno : EIO;
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* Make room for n more bytes (n <= BOUT_SIZE) and return where they go. */
static char *
bout_reserve(bout *o, size_t n)
{
	if (n > BOUT_SIZE - o->len)
		bout_drain(o);
	return o->buf + o->len;
}

/* Digits of v, most significant first, at p; returns the end. */
static char *
put_u64(char *p, uint64_t v)
{
	char tmp[24];
	size_t n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/*
 * x (finite, 0 <= x < 2^63) as integer part and ten-thousandths, rounded
 * half to even on the exact binary value: the rounding printf uses.
 * x = m * 2^-s exactly (m the 53-bit significand), so the fraction times
 * 10^4 is frac * 625 / 2^(s - 4), all in 64-bit integers.
 */
static void
split4(double x, uint64_t *ip, unsigned *q4)
{
	uint64_t bits, m, i, frac, p, q = 0;
	int s;

	memcpy(&bits, &x, sizeof bits);
	if ((bits >> 52) == 0) {                /* zero or subnormal: rounds to 0 */
		*ip = 0;
		*q4 = 0;
		return;
	}
	m = (bits & ((UINT64_C(1) << 52) - 1)) | (UINT64_C(1) << 52);
	s = 1075 - (int)(bits >> 52);           /* fractional bits */
	if (s <= 0) {                           /* an integer (x < 2^63 by contract) */
		*ip = m << -s;
		*q4 = 0;
		return;
	}
	i = s < 64 ? m >> s : 0;
	frac = s < 64 ? m & ((UINT64_C(1) << s) - 1) : m;
	p = frac * 625;                         /* < 2^63 */
	if (s <= 4) {
		q = p << (4 - s);                   /* exact */
	} else if (s - 4 < 64) {
		int sh = s - 4;
		uint64_t rem = p & ((UINT64_C(1) << sh) - 1), half = UINT64_C(1) << (sh - 1);
		q = p >> sh;
		if (rem > half || (rem == half && (q & 1)))
			q++;
	}                                       /* else frac * 10^4 < 1/2: q = 0 */
	if (q == 10000) {
		i++;
		q = 0;
	}
	*ip = i;
	*q4 = (unsigned)q;
}

size_t
batch_fmt4(double x, char *buf)
{
	char *p = buf;
	uint64_t ip;
	unsigned q;

	if (signbit(x)) {
		*p++ = '-';
		x = -x;
	}
	if (isnan(x) || isinf(x)) {
		memcpy(p, isnan(x) ? "nan" : "inf", 4);
		return (size_t)(p - buf) + 3;
	}
	if (x >= 9223372036854775808.0) {      /* 2^63 and up: an integer */
		/* "%.0f" has no decimal point, so the locale cannot change it. */
		p += snprintf(p, BATCH_FMT4_MAX - 8, "%.0f", x);
		memcpy(p, ".0000", 6);
		return (size_t)(p - buf) + 5;
	}
	split4(x, &ip, &q);
	p = put_u64(p, ip);
	*p++ = '.';
	p[0] = (char)('0' + q / 1000);
	p[1] = (char)('0' + q / 100 % 10);
	p[2] = (char)('0' + q / 10 % 10);
	p[3] = (char)('0' + q % 10);
	p[4] = '\0';
	return (size_t)(p - buf) + 4;
}

/* The value batch_fmt4 prints, as the nearest double (for JSON). */
static double
round4(double x)
{
	uint64_t ip;
	unsigned q;
	double a = fabs(x), v;

	if (!isfinite(x) || a >= 1e15)
		return x;
	split4(a, &ip, &q);
	v = (double)(ip * 10000 + q) / 10000;  /* exact integer, one rounding */
	return signbit(x) ? -v : v;
}

const char *
batch_clean(const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c > 0x7E) {
			char *t = text_clean_n(s, n, TEXT_ONE_LINE);
			*len = strlen(t);
			return t;
		}
	}
	*len = n;
	return s;
}

void
bwriter_init(bwriter *w, const bank *b, batch_format fmt, FILE *fp)
{
	memset(w, 0, offsetof(bwriter, out));
	w->b = b;
	w->fmt = fmt;
	w->quadrant = b->method == CLASSIFY_QUADRANT;
	for (size_t s = 0; s < b->nscales; s++)
		w->has_norms |= b->scales[s].has_norm;
	for (unsigned m = 0; m < 16; m++) {
		w->style[m] = score_style_string(m, w->style_buf[m], sizeof w->style_buf[m]);
		w->stylelen[m] = strlen(w->style[m]);
	}
	w->out.fp = fp;
	w->out.len = 0;
	w->out.err = 0;
}

/* A name known to be a safe identifier ([A-Za-z0-9_.-]), then optional suffix. */
static void
put_name(bwriter *w, const char *name, const char *suffix)
{
	bout_put(&w->out, ",", 1);
	bout_put(&w->out, name, strlen(name));
	bout_put(&w->out, suffix, strlen(suffix));
}

void
bwriter_header(bwriter *w)
{
	if (w->fmt != BATCH_CSV)
		return;
	bout_put(&w->out, "respondent", 10);
	for (size_t s = 0; s < w->b->nscales; s++)
		put_name(w, w->b->scales[s].id, "");
	put_name(w, "style", "");
	if (w->quadrant) {
		put_name(w, "margin", "");
		put_name(w, "near_boundary", "");
	}
	for (size_t s = 0; s < w->b->nscales; s++) {
		if (!w->b->scales[s].has_norm)
			continue;
		put_name(w, w->b->scales[s].id, "_z");
		put_name(w, w->b->scales[s].id, "_percentile");
	}
	bout_put(&w->out, "\n", 1);
}

/* A cleaned id as one CSV field, quoted when it holds ',' '"' or edge spaces. */
static void
put_csv_text(bout *o, const char *s, size_t n)
{
	int quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ' ||
	                      memchr(s, ',', n) || memchr(s, '"', n));

	if (!quote) {
		bout_put(o, s, n);
		return;
	}
	bout_put(o, "\"", 1);
	for (const char *q; (q = memchr(s, '"', n)) != NULL; n -= (size_t)(q + 1 - s), s = q + 1)
		bout_put(o, s, (size_t)(q + 1 - s)), bout_put(o, "\"", 1);
	bout_put(o, s, n);
	bout_put(o, "\"", 1);
}

/* ",<x with 4 decimals>" or "," when !has. */
static void
put_num(bout *o, int has, double x)
{
	char *p = bout_reserve(o, BATCH_FMT4_MAX + 1);

	*p = ',';
	o->len += 1 + (has ? batch_fmt4(x, p + 1) : 0);
}

/* One CSV row. */
static void
csv_row(bwriter *w, const char *id, size_t n, const score_result *r)
{
	bout *o = &w->out;
	unsigned m = r->style_mask & 15;

	put_csv_text(o, id, n);
	for (size_t s = 0; s < r->nscales; s++)
		put_num(o, r->scales[s].has_score, r->scales[s].score);
	bout_put(o, ",", 1);
	bout_put(o, w->style[m], w->stylelen[m]);
	if (w->quadrant) {
		put_num(o, r->has_margin, r->margin);
		bout_put(o, !r->has_margin ? "," : r->near_boundary ? ",1" : ",0", r->has_margin ? 2 : 1);
	}
	if (w->has_norms)
		for (size_t s = 0; s < r->nscales; s++) {
			if (!w->b->scales[s].has_norm)
				continue;
			put_num(o, r->scales[s].has_norm, r->scales[s].z);
			put_num(o, r->scales[s].has_norm, r->scales[s].percentile);
		}
	bout_put(o, "\n", 1);
}

/* A JSON number rounded to 4 decimals, or null. */
static json_t *
jnum(int has, double x)
{
	return has ? json_real(round4(x)) : json_null();
}

/* jansson's dump callback: append to the writer's buffer. */
static int
dump_cb(const char *buf, size_t n, void *data)
{
	bout_put(data, buf, n);
	return 0;
}

/* One JSON object on one line; id is cleaned (valid UTF-8). */
static void
json_row(bwriter *w, const char *id, size_t n, const score_result *r)
{
	json_t *obj = json_object();
	char key[160];

	json_object_set_new(obj, "respondent", json_stringn(id, n));
	for (size_t s = 0; s < r->nscales; s++)
		json_object_set_new(obj, w->b->scales[s].id,
		                    jnum(r->scales[s].has_score, r->scales[s].score));
	json_object_set_new(obj, "style", r->style_mask ?
	                    json_string(w->style[r->style_mask & 15]) : json_null());
	if (w->quadrant) {
		json_object_set_new(obj, "margin", jnum(r->has_margin, r->margin));
		json_object_set_new(obj, "near_boundary",
		                    r->has_margin ? json_boolean(r->near_boundary) : json_null());
	}
	for (size_t s = 0; s < r->nscales; s++) {
		if (!w->b->scales[s].has_norm)
			continue;
		snprintf(key, sizeof key, "%s_z", w->b->scales[s].id);
		json_object_set_new(obj, key, jnum(r->scales[s].has_norm, r->scales[s].z));
		snprintf(key, sizeof key, "%s_percentile", w->b->scales[s].id);
		json_object_set_new(obj, key, jnum(r->scales[s].has_norm, r->scales[s].percentile));
	}
	if (json_dump_callback(obj, dump_cb, &w->out,
	                       JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) != 0)
		xfatal(71, "out of memory");
	json_decref(obj);
	bout_put(&w->out, "\n", 1);
}

void
bwriter_row(bwriter *w, const char *id, size_t n, const score_result *r)
{
	size_t len;
	const char *clean = batch_clean(id, n, &len);

	if (w->fmt == BATCH_JSON)
		json_row(w, clean, len, r);
	else
		csv_row(w, clean, len, r);
	if (clean != id)
		free((char *)clean);
}

int
bwriter_flush(bwriter *w)
{
	bout_drain(&w->out);
	if (!w->out.err && fflush(w->out.fp) != 0)
		w->out.err = errno ? errno : EIO;
	return w->out.err;
}

/* bank_value.c - the loader's messages and strictly typed values. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank_int.h"
#include "xmalloc.h"

/* Write the context prefix ("item 'a1': ") into buf; returns its length. */
static size_t
ctx_prefix(const ld *l, char *buf, size_t size)
{
	int n;

	buf[0] = '\0';
	if (!l->ctx.kind)
		return 0;
	if (l->ctx.id) {
		char q[96];
		n = snprintf(buf, size, "%s '%s': ", l->ctx.kind,
		             yt_quote(l->ctx.id, l->ctx.idlen, q, sizeof q));
	} else if (l->ctx.index)
		n = snprintf(buf, size, "%s %zu: ", l->ctx.kind, l->ctx.index);
	else
		n = snprintf(buf, size, "%s: ", l->ctx.kind);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* Index of message s in l->msgs: each distinct text is stored once. */
static uint32_t
intern_msg(ld *l, const char *s, size_t len)
{
	long k = idtab_find(&l->msgs_tab, s, len, l->msgs, sizeof *l->msgs);

	if (k >= 0)
		return (uint32_t)k;
	if (l->nmsgs == l->msgs_cap)
		l->msgs = xreallocarray(l->msgs, l->msgs_cap = ld_grow(l->msgs_cap, 64),
		                        sizeof *l->msgs);
	l->msgs[l->nmsgs] = arena_strndup(&l->tmp, s, len);
	idtab_put_hashed(&l->msgs_tab, l->nmsgs, idtab_hash(s, len), l->msgs, sizeof *l->msgs);
	return (uint32_t)l->nmsgs++;
}

/* Keep one problem at line:col, its message the context prefix and fmt. */
static void
ld_verr(ld *l, unsigned long line, unsigned long col, const char *fmt, va_list ap)
{
	char buf[1024];            /* as errlist_add's: a longer message is cut alike */
	size_t o = ctx_prefix(l, buf, 160);
	ld_prob *p;

	vsnprintf(buf + o, sizeof buf - o < 900 ? sizeof buf - o : 900, fmt, ap);
	if (l->nprobs == l->probs_cap)
		l->probs = xreallocarray(l->probs, l->probs_cap = ld_grow(l->probs_cap, 64),
		                         sizeof *l->probs);
	p = &l->probs[l->nprobs++];
	p->line = line > UINT32_MAX ? 0 : (uint32_t)line;
	p->col = col > UINT32_MAX ? 0 : (uint32_t)col;
	p->msg = intern_msg(l, buf, strlen(buf));
	l->nerr++;
}

void
ld_report(ld *l, const char *name, errlist *errs)
{
	/* Room for them all at once (errlist_add's doubling could leave half unused). */
	if (errs->cap - errs->n < l->nprobs) {
		errs->cap = errs->n + l->nprobs;
		errs->v = xreallocarray(errs->v, errs->cap, sizeof *errs->v);
	}
	for (size_t i = 0; i < l->nprobs; i++)
		errlist_add(errs, name, l->probs[i].line, l->probs[i].col, "%s",
		            l->msgs[l->probs[i].msg]);
	l->nprobs = 0;
}

void
ld_err(ld *l, const yt_node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ld_verr(l, at ? at->line : 0, at ? at->col : 0, fmt, ap);
	va_end(ap);
}

void
ld_errp(ld *l, unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ld_verr(l, line, col, fmt, ap);
	va_end(ap);
}

char *
ld_q(const yt_node *n, char *buf, size_t size)
{
	if (n->kind != YT_SCALAR) {
		snprintf(buf, size, "%s", yt_kind_name(n));
		return buf;
	}
	return yt_quote(n->str, n->len, buf, size);
}

/* Describe what a value is, for "found ..." in a type message. */
static const char *
found(const yt_node *v, char *buf, size_t size)
{
	char q[72];

	if (v->kind != YT_SCALAR || yt_is_null(v))
		snprintf(buf, size, "%s", yt_kind_name(v));
	else if (!v->plain)
		snprintf(buf, size, "quoted text \"%s\"", yt_quote(v->str, v->len, q, sizeof q));
	else
		snprintf(buf, size, "'%s'", yt_quote(v->str, v->len, q, sizeof q));
	return buf;
}

int
ld_keys(ld *l, const yt_node *m, const char *what, const ld_key *keys, size_t nkeys,
        const yt_node **vals, const yt_node **knodes)
{
	char q[80];

	for (size_t j = 0; j < nkeys; j++) {
		vals[j] = NULL;
		if (knodes)
			knodes[j] = NULL;
	}
	if (m->kind != YT_MAP) {
		ld_err(l, m, "%s must be a mapping of keys, found %s", what, yt_kind_name(m));
		return -1;
	}
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i);
		size_t j;
		if (k->kind != YT_SCALAR)
			continue;                  /* reported by ytree */
		for (j = 0; j < nkeys; j++)
			if (keys[j].name[0] == k->str[0] && strlen(keys[j].name) == k->len &&
			    memcmp(keys[j].name, k->str, k->len) == 0)
				break;
		if (j < nkeys) {
			if (!vals[j]) {
				vals[j] = yt_val(m, i);
				if (knodes)
					knodes[j] = k;
			}
			continue;
		}
		{
			char allowed[400] = "";
			size_t o = 0;
			for (size_t t = 0; t < nkeys && o < sizeof allowed; t++)
				o += (size_t)snprintf(allowed + o, sizeof allowed - o, "%s%s",
				                      t ? ", " : "", keys[t].name);
			ld_err(l, k, "unknown key '%s' in %s (expected: %s)",
			       yt_quote(k->str, k->len, q, sizeof q), what, allowed);
		}
	}
	for (size_t j = 0; j < nkeys; j++)
		if (keys[j].required && !vals[j])
			ld_err(l, m, "missing required key '%s' in %s", keys[j].name, what);
	return 0;
}

char *
ld_text(ld *l, const yt_node *v, const char *key)
{
	if (v->kind != YT_SCALAR || yt_is_null(v)) {
		char f[100];
		ld_err(l, v, "'%s' must be text, found %s", key, found(v, f, sizeof f));
		return NULL;
	}
	return arena_strndup(&l->p->mem, v->str, v->len);
}

int
bank_parse_int(const char *s, size_t len, long *out)
{
	size_t i = 0;
	int neg = 0;
	unsigned long v = 0;
	double d;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	if (i == len || s[i] < '0' || s[i] > '9')
		return bank_parse_dec(s, len, &d) == 0 ? -2 : -1;
	if (s[i] == '0' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
		return -1;                         /* leading zero: octal in YAML 1.1 */
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return bank_parse_dec(s, len, &d) == 0 ? -2 : -1;
		if (v > (unsigned long)LONG_MAX / 10) {
			v = (unsigned long)LONG_MAX + 1;
			continue;                  /* keep checking the syntax */
		}
		v = v * 10 + (unsigned long)(s[i] - '0');
		if (v > (unsigned long)LONG_MAX)
			v = (unsigned long)LONG_MAX + 1;
	}
	if (v > (unsigned long)LONG_MAX)
		return -3;
	*out = neg ? -(long)v : (long)v;
	return 0;
}

/* Does s[0..len) match YAML 1.2's decimal: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static int
dec_syntax(const char *s, size_t len)
{
	size_t i = 0, d = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, d++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, d++;
	}
	if (d == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, e++;
		if (e == 0)
			return 0;
	}
	return i == len;
}

/* Exact fast path: up to 15 significant digits and a small exponent. 0 or -1. */
static int
dec_fast(const char *s, size_t len, double *out)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	                              1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	                              1e18, 1e19, 1e20, 1e21, 1e22 };
	size_t i = 0, digits = 0;
	long long m = 0;
	long e = 0;
	int neg = 0;

	if (s[i] == '+' || s[i] == '-')
		neg = s[i++] == '-';
	for (; i < len && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.') {
			for (size_t j = i + 1; j < len && s[j] >= '0' && s[j] <= '9'; j++)
				e--;
			continue;
		}
		if (m == 0 && s[i] == '0')
			continue;
		if (++digits > 15)
			return -1;
		m = m * 10 + (s[i] - '0');
	}
	if (i < len) {
		long x = 0;
		int eneg = 0;
		i++;
		if (s[i] == '+' || s[i] == '-')
			eneg = s[i++] == '-';
		for (; i < len; i++) {
			if (x > 1000)
				return -1;
			x = x * 10 + (s[i] - '0');
		}
		e += eneg ? -x : x;
	}
	if (m == 0)
		*out = 0.0;
	else if (e >= 0 && e <= 22)
		*out = (double)m * p10[e];
	else if (e < 0 && e >= -22)
		*out = (double)m / p10[-e];
	else
		return -1;
	if (neg)
		*out = -*out;
	return 0;
}

int
bank_parse_dec(const char *s, size_t len, double *out)
{
	char buf[128];
	locale_t c, old;
	double d;
	char *end;

	if (!dec_syntax(s, len))
		return -1;
	if (dec_fast(s, len, out) == 0)
		return 0;
	if (len >= sizeof buf)
		return -3;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* strtod honours LC_NUMERIC; numbers in a bank always use '.'. */
	c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c)
		xfatal(71, "out of memory");
	old = uselocale(c);
	errno = 0;
	d = strtod(buf, &end);
	uselocale(old);
	freelocale(c);
	if (*end || !isfinite(d) || (errno == ERANGE && fabs(d) > 1.0))
		return -3;
	*out = d;
	return 0;
}

/* Common checks for a number: a plain scalar.  Returns 0 or -1 (reported). */
static int
number_node(ld *l, const yt_node *v, const char *key, const char *kind)
{
	if (v->kind != YT_SCALAR || yt_is_null(v) || !v->plain) {
		char f[100];
		ld_err(l, v, "'%s' must be %s, found %s%s", key, kind, found(v, f, sizeof f),
		       v->kind == YT_SCALAR && !v->plain ? " (write numbers without quotes)" : "");
		return -1;
	}
	return 0;
}

int
ld_int(ld *l, const yt_node *v, const char *key, long lo, long hi, int *out)
{
	char f[100];
	long x = 0;
	int st;

	if (lo < INT_MIN)
		lo = INT_MIN;
	if (hi > INT_MAX)
		hi = INT_MAX;
	if (number_node(l, v, key, "an integer") < 0)
		return -1;
	st = bank_parse_int(v->str, v->len, &x);
	if (st == -2) {
		ld_err(l, v, "'%s' must be an integer, found %s", key, found(v, f, sizeof f));
		return -1;
	}
	if (st == -1) {
		ld_err(l, v, "'%s' must be an integer, found %s", key, found(v, f, sizeof f));
		return -1;
	}
	if (st == -3 || x < lo || x > hi) {
		if (hi == INT_MAX && st == 0)
			ld_err(l, v, "'%s' must be at least %ld, found %ld", key, lo, x);
		else
			ld_err(l, v, "'%s' must be between %ld and %ld, found %s", key, lo, hi,
			       found(v, f, sizeof f));
		return -1;
	}
	*out = (int)x;
	return 0;
}

int
ld_dec(ld *l, const yt_node *v, const char *key, double *out)
{
	char f[100];
	int st;

	if (number_node(l, v, key, "a number") < 0)
		return -1;
	st = bank_parse_dec(v->str, v->len, out);
	if (st == -1)
		ld_err(l, v, "'%s' must be a number, found %s", key, found(v, f, sizeof f));
	else if (st < 0)
		ld_err(l, v, "'%s' is out of range, found %s", key, found(v, f, sizeof f));
	return st < 0 ? -1 : 0;
}

int
ld_bool(ld *l, const yt_node *v, const char *key, int *out)
{
	char f[100];

	if (v->kind == YT_SCALAR && v->plain && strcmp(v->str, "true") == 0 && v->len == 4) {
		*out = 1;
		return 0;
	}
	if (v->kind == YT_SCALAR && v->plain && strcmp(v->str, "false") == 0 && v->len == 5) {
		*out = 0;
		return 0;
	}
	ld_err(l, v, "'%s' must be true or false, found %s", key, found(v, f, sizeof f));
	return -1;
}

/* Characters allowed in item and scale ids. */
static int
id_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* Characters allowed in a bank id (after its first). */
static int
bank_id_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

char *
ld_id(ld *l, const yt_node *v, const char *key, int bank_id)
{
	char f[100];
	int ok;

	if (v->kind != YT_SCALAR || yt_is_null(v)) {
		ld_err(l, v, "'%s' must be an identifier, found %s", key, found(v, f, sizeof f));
		return NULL;
	}
	ok = v->len > 0 && (!bank_id || (v->len <= 64 && v->str[0] != '-'));
	for (size_t i = 0; ok && i < v->len; i++)
		ok = bank_id ? bank_id_char((unsigned char)v->str[i])
		             : id_char((unsigned char)v->str[i]);
	if (!ok) {
		ld_err(l, v, bank_id ? "'%s' must be lower-case letters, digits and '-', not "
		                       "starting with '-' ([a-z0-9][a-z0-9-]*, at most 64), found %s"
		                     : "'%s' must be letters, digits, '_', '.' and '-' "
		                       "([A-Za-z0-9_.-]+), found %s",
		       key, found(v, f, sizeof f));
		return NULL;
	}
	return arena_strndup(&l->p->mem, v->str, v->len);
}

char *
ld_scale_list(const ld *l, char *buf, size_t size)
{
	size_t o = 0, shown = 0;
	char q[48];

	buf[0] = '\0';
	for (size_t i = 0; i < l->b->nscales && o + 1 < size; i++) {
		const char *id = l->b->scales[i].id;
		if (!id)
			continue;
		if (shown++ == 8) {
			snprintf(buf + o, size - o, ", ...");
			break;
		}
		o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "",
		                      yt_quote(id, strlen(id), q, sizeof q));
	}
	return buf;
}

long
ld_scale_ref(ld *l, const yt_node *v)
{
	long i;

	if (v->kind != YT_SCALAR || yt_is_null(v)) {
		ld_err(l, v, "expected a scale id, found %s", yt_kind_name(v));
		return -1;
	}
	i = idtab_find(&l->p->scales, v->str, v->len, l->b->scales, sizeof *l->b->scales);
	if (i < 0 && l->scales_ok) {
		char q[80], list[400];
		ld_err(l, v, "scale '%s' is not defined (scales: %s)", ld_q(v, q, sizeof q),
		       ld_scale_list(l, list, sizeof list));
	}
	return i;
}

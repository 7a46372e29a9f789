/* err.c - error records with file, line and column. */
#include "err.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/*
 * At s (n > 0 bytes): the length of one character in *len, and whether it is
 * a control that could drive a terminal (C0, DEL, C1 as UTF-8 or a lone byte).
 */
static int
is_control(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)*s;
	uint32_t cp;

	*len = 1;
	if (c < 0x80)
		return c < 0x20 || c == 0x7f;
	*len = text_utf8_decode(s, n, &cp);
	return (cp >= 0x80 && cp <= 0x9f) || (cp == 0xFFFD && *len == 1 && c <= 0x9f);
}

char *
err_escape(const char *s)
{
	size_t n = strlen(s), extra = 0, k;
	char *out, *o;

	for (size_t i = 0; i < n; i += k)
		if (is_control(s + i, n - i, &k))
			extra += 3 * k;
	if (!extra)
		return NULL;
	o = out = xmalloc(n + extra + 1);
	for (size_t i = 0; i < n; i += k) {
		if (!is_control(s + i, n - i, &k)) {
			memcpy(o, s + i, k);
			o += k;
			continue;
		}
		for (size_t j = 0; j < k; j++) {
			static const char hex[] = "0123456789abcdef";
			unsigned char b = (unsigned char)s[i + j];
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[b >> 4];
			*o++ = hex[b & 15];
		}
	}
	*o = '\0';
	return out;
}

void
errlist_init(errlist *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Append a formatted record to the list. */
void
errlist_add(errlist *l, const char *file, unsigned long line,
            unsigned long col, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];
	err_rec *e;
	char *fesc = file ? err_escape(file) : NULL;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	e = &l->v[l->n];
	if (fesc)
		file = fesc;
	if (l->n && file && l->v[l->n - 1].file && strcmp(l->v[l->n - 1].file, file) == 0) {
		e->file = l->v[l->n - 1].file;
		e->own_file = 0;
		free(fesc);
	} else {
		e->file = fesc ? fesc : xstrdup(file);
		e->own_file = 1;
	}
	l->n++;
	e->line = line;
	e->col = col;
	e->msg = err_escape(buf);
	if (!e->msg)
		e->msg = xstrdup(buf);
}

/* Format a record as FILE:LINE:COLUMN: message, omitting unknown parts. */
char *
err_format(const err_rec *e, char *buf, size_t size)
{
	const char *f = e->file ? e->file : "securebase";

	if (e->line && e->col)
		snprintf(buf, size, "%s:%lu:%lu: %s", f, e->line, e->col, e->msg);
	else if (e->line)
		snprintf(buf, size, "%s:%lu: %s", f, e->line, e->msg);
	else
		snprintf(buf, size, "%s: %s", f, e->msg);
	return buf;
}

void
errlist_print(const errlist *l, FILE *fp)
{
	for (size_t i = 0; i < l->n; i++) {
		const err_rec *e = &l->v[i];
		const char *f = e->file ? e->file : "securebase";
		if (e->line && e->col)
			fprintf(fp, "%s:%lu:%lu: %s\n", f, e->line, e->col, e->msg);
		else if (e->line)
			fprintf(fp, "%s:%lu: %s\n", f, e->line, e->msg);
		else
			fprintf(fp, "%s: %s\n", f, e->msg);
	}
}

/* Order records by file, then line, then column. */
static int
err_cmp(const err_rec *x, const err_rec *y)
{
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* Stable bottom-up merge sort, so records at one position keep their order. */
void
errlist_sort(errlist *l)
{
	err_rec *a = l->v, *tmp;

	if (l->n < 2)
		return;
	tmp = xreallocarray(NULL, l->n, sizeof *tmp);
	for (size_t w = 1; w < l->n; w *= 2) {
		for (size_t lo = 0; lo < l->n; lo += 2 * w) {
			size_t mid = lo + w < l->n ? lo + w : l->n;
			size_t hi = lo + 2 * w < l->n ? lo + 2 * w : l->n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = err_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
		}
		memcpy(a, tmp, l->n * sizeof *a);
	}
	free(tmp);
}

void
errlist_take(errlist *to, errlist *from)
{
	if (to->n == 0) {
		free(to->v);
		*to = *from;
	} else if (from->n) {
		if (to->cap - to->n < from->n) {
			to->cap = to->n + from->n;
			to->v = xreallocarray(to->v, to->cap, sizeof *to->v);
		}
		memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
		to->n += from->n;
		free(from->v);
	} else {
		free(from->v);
	}
	errlist_init(from);
}

void
errlist_free(errlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].own_file)
			free(l->v[i].file);
		free(l->v[i].msg);
	}
	free(l->v);
	errlist_init(l);
}

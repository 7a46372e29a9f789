/*
 * batch.c - batch scoring: stream a CSV of responses through libcsv, score
 * each row, write it (batch_out.c).  See batch.h for the rules.
 *
 * Input is fed to libcsv one physical line at a time (cut after each CR or
 * LF), so that the line where each row starts is known without a second
 * parser: a row starts at the first chunk with content while no row is open.
 * The header row is mapped to the bank's items in batch_header.c.
 */
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "batch_int.h"
#include "err.h"
#include "score.h"
#include "xmalloc.h"

#define READ_SIZE (1u << 16)
#define ROW_GROWTH (1u << 16)             /* libcsv field buffer growth step */

enum { BAD_NOT_INT = 1, BAD_RANGE };

/*
 * libcsv's buffer allocator, refusing fields much over BATCH_FIELD_MAX.
 * libcsv grows its buffer when it is full, before looking at the next byte,
 * and keeps a quoted field's closing quote until the field ends: a field
 * of L bytes needs L + 2.  Longer ones that fit are caught in on_field.
 */
static void *
field_realloc(void *p, size_t n)
{
	if (n > BATCH_FIELD_MAX + 2)
		return NULL;
	return xrealloc(p, n);
}

/* Print a message to the diagnostics stream (batch_int.h). */
void
batch_diag(batch *c, unsigned long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!c->o->diag)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line)
		fprintf(c->o->diag, "%s:%lu: %s\n", c->name, line, msg);
	else
		fprintf(c->o->diag, "%s: %s\n", c->name, msg);
}

/* The current row's respondent, cleaned, for messages, into buf. */
static const char *
row_who(batch *c, char *buf, size_t size)
{
	size_t n;
	const char *s;

	if (!c->has_respondent) {
		snprintf(buf, size, "%lu", c->st.rows);
		return buf;
	}
	if (!c->have_id || c->idlen == 0) {
		snprintf(buf, size, "(none, data row %lu)", c->st.rows);
		return buf;
	}
	s = batch_clean(c->id, c->idlen, &n);
	snprintf(buf, size, "%.*s%s", (int)(n > 200 ? 200 : n), s, n > 200 ? "..." : "");
	if (s != c->id)
		free((char *)s);
	return buf;
}

/* --- rows -------------------------------------------------------------- */

/* Parse a value that is not a single in-range digit: integer, "4.0", empty or NA. */
static void
parse_value(batch *c, const colinfo *ci, const unsigned char *s, size_t n)
{
	long item = ci->item;
	size_t k = n && s[0] == '-', digits = 0;
	long long v = 0;                   /* holds INT_MAX * 10 + 9 on every platform */
	int kind = BAD_NOT_INT;

	c->answers[item] = BANK_NO_ANSWER;
	if (n == 0 || (n == 2 && s[0] == 'N' && s[1] == 'A'))
		return;
	for (; k < n && s[k] >= '0' && s[k] <= '9'; k++, digits++)
		if (v <= INT_MAX)                 /* past it, v stays outside every range */
			v = v * 10 + (s[k] - '0');
	if (digits && k < n && s[k] == '.' && k + 1 < n) {
		for (k++; k < n && s[k] == '0'; k++)
			;
	}
	if (digits && k == n) {
		if (s[0] == '-')
			v = -v;
		if (v >= ci->lo && v <= ci->hi) {
			c->answers[item] = (int)v;
			return;
		}
		kind = BAD_RANGE;
	}
	if (c->nbad < c->badcap) {
		bad *e = &c->bads[c->nbad++];
		e->item = item;
		e->kind = kind;
		e->len = n;
		memcpy(e->text, s, n < SHOW_MAX ? n : SHOW_MAX);
	}
}

/* Stop at a field longer than BATCH_FIELD_MAX; returns 1 if it is. */
static int
too_long(batch *c, size_t n)
{
	if (n <= BATCH_FIELD_MAX)
		return 0;
	batch_diag(c, c->row_line, "a field is longer than %u bytes", BATCH_FIELD_MAX);
	c->status = 65;
	c->stop = 1;
	return 1;
}

/* libcsv field callback for the header row. */
static void
on_header_field(void *s, size_t n, void *data)
{
	batch *c = data;

	if (c->stop || too_long(c, n))
		return;
	c->col++;
	if (c->nhdr == c->hdrcap)
		c->hdr = xreallocarray(c->hdr, c->hdrcap = c->hdrcap ? 2 * c->hdrcap : 64,
		                       sizeof *c->hdr);
	c->hdr[c->nhdr].s = xmalloc(n + 1);
	memcpy(c->hdr[c->nhdr].s, s, n);
	c->hdr[c->nhdr].s[n] = '\0';
	c->hdr[c->nhdr++].n = n;
}

/* Take one field of a data row: the hot path. */
static inline void
take_field(batch *c, const char *s, size_t n)
{
	size_t col = c->col++;
	const colinfo *ci;

	if (col >= c->ncols)
		return;
	ci = &c->cols[col];
	if (ci->item >= 0) {
		int d = n == 1 ? (unsigned char)s[0] - '0' : -1;
		if (d >= 0 && d <= 9 && d >= ci->lo && d <= ci->hi)
			c->answers[ci->item] = d;
		else
			parse_value(c, ci, (const unsigned char *)s, n);
	} else if (ci->item == COL_RESPONDENT) {
		if (n > c->idcap)
			c->id = xrealloc(c->id, c->idcap = n);
		if (n)
			memcpy(c->id, s, n);
		c->idlen = n;
		c->have_id = 1;
	}
}

/* libcsv field callback for data rows. */
static void
on_field(void *s, size_t n, void *data)
{
	batch *c = data;

	if (!c->stop && !too_long(c, n))
		take_field(c, s, n);
}

/* Report the current row's bad values. */
static void
report_bad(batch *c)
{
	char who[256], val[SHOW_MAX * 3 + 8];

	row_who(c, who, sizeof who);
	for (size_t i = 0; i < c->nbad; i++) {
		const bad *e = &c->bads[i];
		const bank_item *it = &c->b->items[e->item];
		size_t n, shown = e->len < SHOW_MAX ? e->len : SHOW_MAX;
		const char *t = batch_clean(e->text, shown, &n);

		snprintf(val, sizeof val, "%.*s%s", (int)n, t, e->len > SHOW_MAX ? "..." : "");
		if (t != e->text)
			free((char *)t);
		if (e->kind == BAD_RANGE)
			batch_diag(c, c->row_line, "respondent %s: item %s: value '%s' is outside the item's "
			     "range %d..%d", who, it->id, val, it->range->min, it->range->max);
		else
			batch_diag(c, c->row_line, "respondent %s: item %s: value '%s' is not an integer "
			     "(expected %d..%d, empty or NA)", who, it->id, val, it->range->min,
			     it->range->max);
	}
}

/* libcsv row callback. */
static void
on_row(int term, void *data)
{
	batch *c = data;
	(void)term;
	c->row_open = 0;
	if (c->stop)
		return;
	if (c->in_header) {
		batch_finish_header(c);
	} else {
		c->st.rows++;
		if (c->col != c->ncols) {
			char who[256];
			batch_diag(c, c->row_line, "respondent %s: row has %zu field%s, the header has %zu",
			     row_who(c, who, sizeof who), c->col, c->col == 1 ? "" : "s", c->ncols);
			c->st.rejected++;
		} else if (c->nbad) {
			report_bad(c);
			c->st.rejected++;
		} else {
			score_compute(c->b, c->answers, &c->res);
			if (c->has_respondent) {
				bwriter_row(c->w, c->id, c->idlen, &c->res);
			} else {
				char num[32];
				bwriter_row(c->w, num, (size_t)snprintf(num, sizeof num, "%lu", c->st.rows),
				            &c->res);
			}
			c->st.scored++;
			if (c->w->out.err)
				c->stop = 1;
		}
	}
	c->col = 0;
	c->nbad = 0;
	c->idlen = 0;
	c->have_id = 0;
}

/* --- feeding ----------------------------------------------------------- */

/* Does this chunk start a row: anything but spaces and tabs before its end or line end? */
static int
starts_row(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return s[i] != '\r' && s[i] != '\n';
	return 0;
}

/* Report libcsv's error at the current position and stop. */
static void
parse_failed(batch *c, unsigned long line)
{
	int e = csv_error(&c->p);

	if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
		batch_diag(c, line, "a field is longer than %u bytes", BATCH_FIELD_MAX);
	else
		batch_diag(c, line, "malformed CSV: a quote must open a field and be doubled inside it, "
		     "and a closing quote must be followed by a comma or line end (RFC 4180)");
	c->status = 65;
	c->stop = 1;
}

/* Space or tab: what libcsv trims around unquoted fields. */
static inline int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/*
 * The fast path: a whole data row on one line [s, t) without any quote,
 * while no row is open, is split here exactly as libcsv would split it
 * (fields at commas, spaces and tabs trimmed around each) without the
 * per-byte state machine and per-field call.  Everything else goes
 * through libcsv.  The fuzzer checks that both paths agree (o->libcsv_only).
 */
static void
fast_row(batch *c, const char *s, const char *t)
{
	const colinfo *cols = c->cols;
	int *answers = c->answers;
	size_t ncols = c->ncols, col = 0;

	for (;;) {
		const char *f = s, *e;

		/* The common field: one digit, in range, of an item column. */
		if (s < t && (s + 1 == t || s[1] == ',') && col < ncols) {
			const colinfo *ci = &cols[col];
			int d = (unsigned char)*s - '0';
			if (ci->item >= 0 && d >= 0 && d <= 9 && d >= ci->lo && d <= ci->hi) {
				answers[ci->item] = d;
				col++;
				if (s + 1 == t)
					break;
				s += 2;
				continue;
			}
		}
		while (s < t && *s != ',')
			s++;
		e = s;
		while (f < e && is_blank(*f))
			f++;
		while (e > f && is_blank(e[-1]))
			e--;
		c->col = col;
		take_field(c, f, (size_t)(e - f));
		col = c->col;
		if (s == t)
			break;
		s++;
	}
	c->col = col;
	on_row('\n', c);
}

/* Feed bytes (BOM already handled) one line piece at a time. */
static void
feed(batch *c, const char *s, size_t n)
{
	const char *end = s + n, *cr = memchr(s, '\r', n);
	int fast = !c->o->libcsv_only;

	c->bytes += n;
	while (s < end && !c->stop) {
		const char *nl = memchr(s, '\n', (size_t)(end - s)), *t;
		size_t len;

		if (cr && cr < s)
			cr = memchr(s, '\r', (size_t)(end - s));
		t = cr && (!nl || cr < nl) ? cr : nl;
		len = t ? (size_t)(t - s) + 1 : (size_t)(end - s);
		if (!c->row_open && starts_row(s, len)) {
			c->row_open = 1;
			c->row_line = c->line;
			if (fast && t && !c->in_header && len <= BATCH_FIELD_MAX &&
			    !memchr(s, '"', len - 1)) {
				fast_row(c, s, t);
				goto next;
			}
		}
		if (csv_parse(&c->p, s, len, c->in_header ? on_header_field : on_field, on_row, c)
		    != len) {
			parse_failed(c, c->line);
			return;
		}
next:
		if (t && *t == '\n')
			c->line++;
		s += len;
	}
}

/* Skip a UTF-8 byte-order mark at the very start, whatever the read sizes. */
static void
feed_start(batch *c, const char *s, size_t n)
{
	static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };

	while (c->bom >= 0 && n > 0) {
		if ((unsigned char)*s != bom[c->bom]) {
			int held = c->bom;
			c->bom = -1;
			feed(c, (const char *)c->bom_held, (size_t)held);
			break;
		}
		c->bom_held[c->bom++] = (unsigned char)*s++;
		n--;
		if (c->bom == 3)
			c->bom = -1;
	}
	if (n)
		feed(c, s, n);
}

/* End of input: flush a partial BOM, the last row, and check for a header. */
static void
finish_input(batch *c)
{
	if (c->bom > 0) {
		int held = c->bom;
		c->bom = -1;
		feed(c, (const char *)c->bom_held, (size_t)held);
	}
	if (c->stop)
		return;
	if (csv_fini(&c->p, c->in_header ? on_header_field : on_field, on_row, c) != 0) {
		if (csv_error(&c->p) == CSV_EPARSE)
			batch_diag(c, c->row_line, "malformed CSV: a quoted field is never closed");
		else
			parse_failed(c, c->row_line);
		c->status = 65;
		c->stop = 1;
		return;
	}
	if (c->in_header && !c->stop) {
		batch_diag(c, 0, c->bytes ? "no header row (the file holds only blank lines)" : "empty file");
		c->status = 65;
		c->stop = 1;
	}
}

/* Set up the parser state. */
static void
batch_init(batch *c, const bank *b, FILE *out, const batch_opts *o)
{
	memset(c, 0, sizeof *c);
	c->b = b;
	c->o = o;
	c->name = o->name ? o->name : "<stdin>";
	if ((c->name_esc = err_escape(c->name)) != NULL)
		c->name = c->name_esc;
	c->line = 1;
	c->in_header = 1;
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		xfatal(71, "out of memory");
	csv_set_realloc_func(&c->p, field_realloc);
	csv_set_blk_size(&c->p, ROW_GROWTH);
	c->answers = xmalloc((b->nitems ? b->nitems : 1) * sizeof *c->answers);
	for (size_t i = 0; i < b->nitems; i++)
		c->answers[i] = BANK_NO_ANSWER;
	score_result_init(&c->res, b);
	c->w = xmalloc(sizeof *c->w);
	bwriter_init(c->w, b, o->format, out);
}

/* Release everything. */
static void
batch_release(batch *c)
{
	csv_free(&c->p);
	for (size_t i = 0; i < c->nhdr; i++)
		free(c->hdr[i].s);
	free(c->hdr);
	free(c->cols);
	free(c->answers);
	free(c->id);
	free(c->bads);
	score_result_free(&c->res);
	free(c->w);
	free(c->name_esc);
}

int
batch_score(const bank *b, FILE *in, FILE *out, const batch_opts *o, batch_stats *st)
{
	size_t rsize = o->read_size ? o->read_size : READ_SIZE;
	char *buf = xmalloc(rsize);
	batch c;
	int rc, werr;

	batch_init(&c, b, out, o);
	while (!c.stop) {
		if (o->stop && *o->stop)
			break;
		size_t n = fread(buf, 1, rsize, in);
		if (n == 0)
			break;
		feed_start(&c, buf, n);
	}
	if (o->stop && *o->stop) {
		rc = 130;
	} else if (!c.stop && ferror(in)) {
		batch_diag(&c, 0, "read error: %s", strerror(errno));
		rc = 74;
	} else {
		finish_input(&c);
		rc = c.status;
	}
	werr = bwriter_flush(c.w);
	c.st.out_errno = werr;
	if (werr)
		rc = 74;
	else if (rc == 0 && c.st.rejected)
		rc = 65;
	c.st.complete = (rc == 0 || rc == 65) && !c.stop;
	if (st)
		*st = c.st;
	batch_release(&c);
	free(buf);
	return rc;
}

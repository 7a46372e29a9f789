/* progress_read.c - reading saved progress back, strictly (progress.h). */
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "text.h"
#include "xmalloc.h"

typedef struct parser {
	const char *name;
	errlist *errs;
	const char *end, *cur;         /* cur: start of the next line */
	unsigned long line;
	char *l;                       /* the current line, NUL-terminated copy */
	char *f[5];                    /* its fields */
	int nf;
} parser;

/* Record a problem at the current line; returns -1. */
static int
bad(parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
bad(parser *ps, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errlist_add(ps->errs, ps->name, ps->line, 0, "saved progress is damaged: %s", msg);
	return -1;
}

/* Read the next line and split it into fields.  0, or -1 (recorded). */
static int
next_line(parser *ps)
{
	const char *nl;
	size_t n;

	ps->line++;
	if (ps->cur >= ps->end)
		return bad(ps, "the file ends too early (no 'end' line)");
	nl = memchr(ps->cur, '\n', (size_t)(ps->end - ps->cur));
	if (!nl)
		return bad(ps, "the last line is incomplete");
	n = (size_t)(nl - ps->cur);
	free(ps->l);
	ps->l = xstrndup(ps->cur, n);
	ps->cur = nl + 1;
	if (strlen(ps->l) != n)
		return bad(ps, "a NUL byte in the line");
	ps->nf = 0;
	for (char *p = ps->l; ; ) {
		char *sp = strchr(p, ' ');
		if (ps->nf == 5)
			return bad(ps, "too many fields");
		if (sp == p || *p == '\0')
			return bad(ps, "an empty field (check the spaces)");
		ps->f[ps->nf++] = p;
		if (!sp)
			break;
		*sp = '\0';
		p = sp + 1;
	}
	return 0;
}

/* The current line must be `key` with exactly nf fields in total. */
static int
expect(parser *ps, const char *key, int nf)
{
	if (next_line(ps) < 0)
		return -1;
	if (strcmp(ps->f[0], key) != 0)
		return bad(ps, "expected '%s', found '%.40s'", key, ps->f[0]);
	if (ps->nf != nf)
		return bad(ps, "'%s' needs %d field%s", key, nf - 1, nf == 2 ? "" : "s");
	return 0;
}

/* Parse plain decimal digits (no sign, no leading zeros) up to max. */
static int
parse_num(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (!*s || (s[0] == '0' && s[1]) || strlen(s) > 19)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

/* Parse a likert value: optional '-' then digits. */
static int
parse_int(const char *s, int *out)
{
	unsigned long long v;
	int neg = s[0] == '-';

	if (parse_num(s + neg, 2147483647ULL, &v) < 0 || (neg && v == 0))
		return -1;
	*out = neg ? -(int)v : (int)v;
	return 0;
}

/* Parse an ms field: digits or "-". */
static int
parse_ms(const char *s, long *out)
{
	unsigned long long v;

	if (strcmp(s, "-") == 0) {
		*out = -1;
		return 0;
	}
	if (parse_num(s, 86400000ULL, &v) < 0)
		return -1;
	*out = (long)v;
	return 0;
}

/* Value of a hex digit, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decode a %XX-encoded text field; returns a new string or NULL (recorded). */
static char *
decode_text(parser *ps, const char *e)
{
	size_t n = strlen(e), k = 0;
	char *out = xmalloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)e[i];
		if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				goto fail;
			hi = hexval(e[i + 1]);
			lo = hexval(e[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				goto fail;
			out[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c <= 0x20 || c == 0x7F) {
			goto fail;
		} else {
			out[k++] = (char)c;
		}
	}
	out[k] = '\0';
	if (k > SESSION_TEXT_MAX || !text_is_clean(out, k)) {
		bad(ps, "the text answer is too long or not clean UTF-8");
		free(out);
		return NULL;
	}
	return out;
fail:
	bad(ps, "bad %%-encoding in the text answer");
	free(out);
	return NULL;
}

/* The item named by field i, not yet restored; index or -1 (recorded). */
static long
item_field(parser *ps, session *s, int i)
{
	long k = bank_item_index(s->bank, ps->f[i]);

	if (k < 0)
		return bad(ps, "no item '%.40s' in the bank", ps->f[i]);
	if (s->marks[k] != SESSION_UNSEEN)
		return bad(ps, "item '%.40s' appears twice", ps->f[i]);
	return k;
}

/* One item record (answer / text / skip) in the current line. */
static int
item_line(parser *ps, session *s)
{
	const char *k = ps->f[0];
	long i, ms;
	int v;

	if (strcmp(k, "answer") == 0 && ps->nf == 4) {
		if ((i = item_field(ps, s, 1)) < 0)
			return -1;
		if (parse_int(ps->f[2], &v) < 0 || parse_ms(ps->f[3], &ms) < 0 ||
		    session_set_value(s, (size_t)i, v, ms) < 0)
			return bad(ps, "the answer to '%.40s' is not valid for it", ps->f[1]);
		return 0;
	}
	if (strcmp(k, "text") == 0 && ps->nf == 4) {
		char *t;
		int rc;
		if ((i = item_field(ps, s, 1)) < 0)
			return -1;
		if (parse_ms(ps->f[2], &ms) < 0)
			return bad(ps, "bad time '%.20s'", ps->f[2]);
		if (!(t = decode_text(ps, ps->f[3])))
			return -1;
		rc = strspn(t, " \t\n") == strlen(t) ? -1 : session_set_text(s, (size_t)i, t, ms);
		free(t);
		return rc < 0 ? bad(ps, "'%.40s' is not a text item with a text", ps->f[1]) : 0;
	}
	if (strcmp(k, "skip") == 0 && ps->nf == 2) {
		if ((i = item_field(ps, s, 1)) < 0)
			return -1;
		return session_set_skipped(s, (size_t)i);
	}
	return bad(ps, "unknown or malformed record '%.40s'", k);
}

/* Header lines up to and including `saved`; fills info.  0, 1 (changed) or -1. */
static int
parse_header(parser *ps, const session *s, progress_info *info)
{
	unsigned long long t;

	if (next_line(ps) < 0)
		return -1;
	if (ps->nf != 2 || strcmp(ps->f[0], "securebase-progress") != 0 ||
	    strcmp(ps->f[1], "1") != 0)
		return bad(ps, "not a securebase progress file (version 1)");
	if (expect(ps, "bank", 2) < 0)
		return -1;
	if (strcmp(ps->f[1], s->bank->id) != 0)
		return bad(ps, "saved for bank '%.40s', not '%s'", ps->f[1], s->bank->id);
	info->bank_id = xstrdup(ps->f[1]);
	if (expect(ps, "hash", 2) < 0)
		return -1;
	if (strlen(ps->f[1]) != 16 || strspn(ps->f[1], "0123456789abcdef") != 16)
		return bad(ps, "bad hash");
	memcpy(info->hash, ps->f[1], 17);
	if (expect(ps, "created", 2) < 0)
		return -1;
	if (parse_num(ps->f[1], 1ULL << 40, &t) < 0)
		return bad(ps, "bad time '%.20s'", ps->f[1]);
	info->created = (time_t)t;
	if (expect(ps, "saved", 2) < 0)
		return -1;
	if (parse_num(ps->f[1], 1ULL << 40, &t) < 0)
		return bad(ps, "bad time '%.20s'", ps->f[1]);
	info->saved = (time_t)t;
	return strcmp(info->hash, s->bank->hash) != 0;
}

/* Everything after the header.  0 or -1. */
static int
parse_body(parser *ps, session *s)
{
	unsigned long long pos, fr;

	if (expect(ps, "position", 2) < 0)
		return -1;
	if (strcmp(ps->f[1], "review") == 0)
		pos = s->nitems;
	else if (parse_num(ps->f[1], s->nitems ? s->nitems - 1 : 0, &pos) < 0)
		return bad(ps, "bad position '%.20s'", ps->f[1]);
	if (expect(ps, "from-review", 2) < 0)
		return -1;
	if (parse_num(ps->f[1], 1, &fr) < 0)
		return bad(ps, "from-review must be 0 or 1");
	for (;;) {
		if (next_line(ps) < 0)
			return -1;
		if (strcmp(ps->f[0], "end") == 0 && ps->nf == 1)
			break;
		if (item_line(ps, s) < 0)
			return -1;
	}
	if (ps->cur != ps->end) {
		ps->line++;
		return bad(ps, "text after the 'end' line");
	}
	session_set_pos(s, (size_t)pos, (int)fr);
	return 0;
}

int
progress_parse(const char *name, const char *buf, size_t len, session *s,
               progress_info *info, errlist *errs)
{
	parser ps = { name, errs, buf + len, buf, 0, NULL, { 0 }, 0 };
	int rc;

	memset(info, 0, sizeof *info);
	session_reset(s);
	if (len > PROGRESS_MAX_SIZE) {
		errlist_add(errs, name, 0, 0, "saved progress is damaged: larger than %zu bytes",
		            PROGRESS_MAX_SIZE);
		rc = -1;
	} else {
		rc = parse_header(&ps, s, info);
	}
	if (rc == 0)
		rc = parse_body(&ps, s);
	free(ps.l);
	if (rc == 1) {
		info->state = PROGRESS_CHANGED;
		return 0;
	}
	if (rc < 0) {
		session_reset(s);
		free(info->bank_id);
		memset(info, 0, sizeof *info);
		info->state = PROGRESS_CORRUPT;
		return 65;
	}
	info->state = PROGRESS_FOUND;
	info->answered = session_answered(s);
	for (size_t i = 0; i < s->nitems; i++)
		info->seen += s->marks[i] != SESSION_UNSEEN;
	s->started = info->created;
	s->updated = info->saved;
	return 0;
}

int
progress_load(const progress *p, session *s, progress_info *info, errlist *errs)
{
	char *buf = NULL;
	size_t len = 0;
	int e, rc;

	memset(info, 0, sizeof *info);
	session_reset(s);
	if (!p->path)
		return 0;
	/* over PROGRESS_MAX_SIZE is damaged: progress_parse says so */
	rc = fileio_read_regular(p->path, PROGRESS_MAX_SIZE, &buf, &len);
	e = errno;
	/* missing: nothing saved (saving will say why it cannot) */
	if (rc == -1 && (e == ENOENT || e == ENOTDIR))
		return 0;
	if (rc != 0) {
		info->state = PROGRESS_UNREADABLE;
		errlist_add(errs, p->path, 0, 0, "cannot read saved progress: %s",
		            rc == FILEIO_NOT_REGULAR ? "not a regular file" : strerror(e));
		return 66;
	}
	rc = progress_parse(p->path, buf, len, s, info, errs);
	free(buf);
	return rc;
}

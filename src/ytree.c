/* ytree.c - read one YAML document into a position-annotated tree (libyaml events). */
#include "ytree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "xmalloc.h"

/* Maps with at most this many pairs are checked for duplicate keys pairwise. */
#define SMALL_MAP 12

/* One open collection while reading: its node and the children so far. */
typedef struct frame {
	yt_node *node;
	yt_node **kids;
	size_t n, cap;
	int streamed;              /* entries go to the stream callback */
} frame;

struct ytree {
	arena mem;
	yt_node *root;
};

typedef struct reader {
	ytree *t;
	const char *name;
	const unsigned char *buf;
	size_t len;
	errlist *errs;
	frame stack[YTREE_MAX_DEPTH + 1];
	int depth;
	int refused;               /* anchors/aliases: no tree */
	int docs;
	const char *key;           /* streaming: the top-level key, fn and its ctx */
	ytree_entry_fn fn;
	void *ctx;
	arena scratch;             /* nodes of the streamed entry being read */
} reader;

/* The arena for a new node: scratch inside a streamed sequence. */
static arena *
mem(reader *r)
{
	return r->depth >= 2 && r->stack[1].streamed ? &r->scratch : &r->t->mem;
}

/* A new node at the event's start mark. */
static yt_node *
node_new(reader *r, yt_kind kind, const yaml_event_t *ev, size_t extra)
{
	yt_node *nd = arena_alloc(mem(r), sizeof *nd + extra);

	memset(nd, 0, sizeof *nd);
	nd->kind = (unsigned char)kind;
	nd->line = (uint32_t)ev->start_mark.line + 1;
	nd->col = (uint32_t)ev->start_mark.column + 1;
	return nd;
}

/* Attach a finished node to the innermost open collection, or make it the root. */
static void
attach(reader *r, yt_node *nd)
{
	frame *f;

	if (r->depth == 0) {
		r->t->root = nd;
		return;
	}
	f = &r->stack[r->depth - 1];
	if (f->streamed) {
		r->fn(r->ctx, f->node, f->n++, nd);
		arena_clear(&r->scratch);
		return;
	}
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->kids = xreallocarray(f->kids, f->cap, sizeof *f->kids);
	}
	f->kids[f->n++] = nd;
}

/* Do two scalar nodes hold the same text? */
static int
same_text(const yt_node *x, const yt_node *y)
{
	return x->len == y->len && memcmp(x->str, y->str, x->len) == 0;
}

/* Compare two key nodes by text, then position (for sorting big maps). */
static int
key_cmp(const void *a, const void *b)
{
	const yt_node *x = *(yt_node *const *)a, *y = *(yt_node *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->str, y->str, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : (x->col > y->col);
}

/* Report key k as a repeat of the key first seen at line `first`. */
static void
dup_key(reader *r, const yt_node *k, uint32_t first)
{
	char q[96];

	errlist_add(r->errs, r->name, k->line, k->col,
	            "duplicate key '%s' (first at line %lu)",
	            yt_quote(k->str, k->len, q, sizeof q), (unsigned long)first);
}

/* Duplicate check for a big map: sort the keys, then compare neighbours. */
static void
dup_keys_sorted(reader *r, const yt_node *m)
{
	yt_node **keys = xreallocarray(NULL, m->n, sizeof *keys);
	size_t nk = 0;

	for (size_t i = 0; i < m->n; i++)
		if (m->kids[2 * i]->kind == YT_SCALAR)
			keys[nk++] = m->kids[2 * i];
	qsort(keys, nk, sizeof *keys, key_cmp);
	for (size_t i = 1, first = 0; i < nk; i++) {
		if (!same_text(keys[i], keys[first]))
			first = i;
		else
			dup_key(r, keys[i], keys[first]->line);
	}
	free(keys);
}

/* Report keys that are not text, and every repeat of a key after its first use. */
static void
check_keys(reader *r, const yt_node *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i);
		if (k->kind != YT_SCALAR)
			errlist_add(r->errs, r->name, k->line, k->col,
			            "mapping keys must be plain text, not %s", yt_kind_name(k));
	}
	if (m->n > SMALL_MAP) {
		dup_keys_sorted(r, m);
		return;
	}
	for (size_t i = 1; i < m->n; i++) {
		const yt_node *k = yt_key(m, i);
		if (k->kind != YT_SCALAR)
			continue;
		for (size_t j = 0; j < i; j++) {
			const yt_node *p = yt_key(m, j);
			if (p->kind == YT_SCALAR && same_text(p, k)) {
				dup_key(r, k, p->line);
				break;
			}
		}
	}
}

/* Open a sequence or mapping. Returns -1 when nesting is too deep. */
static int
open_collection(reader *r, yt_kind kind, const yaml_event_t *ev)
{
	frame *f;

	if (r->depth >= YTREE_MAX_DEPTH) {
		errlist_add(r->errs, r->name, ev->start_mark.line + 1, ev->start_mark.column + 1,
		            "nesting deeper than %d levels", YTREE_MAX_DEPTH);
		return -1;
	}
	f = &r->stack[r->depth];
	f->node = node_new(r, kind, ev, 0);
	f->n = 0;
	f->streamed = 0;
	/* The value of top-level key r->key: its key is the root's last child so far. */
	if (r->key && kind == YT_SEQ && r->depth == 1 && r->stack[0].node->kind == YT_MAP &&
	    r->stack[0].n % 2 == 1) {
		const yt_node *k = r->stack[0].kids[r->stack[0].n - 1];
		f->streamed = k->kind == YT_SCALAR && strlen(r->key) == k->len &&
		              memcmp(k->str, r->key, k->len) == 0;
	}
	r->depth++;
	return 1;
}

/* Close the innermost collection: copy its children into the arena and attach it. */
static void
close_collection(reader *r)
{
	frame *f;
	yt_node *nd;

	if (r->depth <= 0 || !r->stack[r->depth - 1].node)
		return;                    /* never: libyaml ends only what it started */
	f = &r->stack[r->depth - 1];
	nd = f->node;
	if (f->streamed) {
		nd->kids = NULL;
		nd->n = (uint32_t)f->n;
		f->streamed = 0;
		r->depth--;
		attach(r, nd);
		return;
	}
	nd->kids = arena_alloc(mem(r), (f->n ? f->n : 1) * sizeof *nd->kids);
	r->depth--;
	if (f->n)
		memcpy(nd->kids, f->kids, f->n * sizeof *nd->kids);
	nd->n = (uint32_t)(nd->kind == YT_MAP ? f->n / 2 : f->n);
	if (nd->kind == YT_MAP)
		check_keys(r, nd);
	attach(r, nd);
}

/* Add a scalar event's node. */
static void
add_scalar(reader *r, const yaml_event_t *ev)
{
	size_t len = ev->data.scalar.length;
	yt_node *nd = node_new(r, YT_SCALAR, ev, len + 1);   /* the text follows the node */
	char *str = (char *)(nd + 1);

	memcpy(str, ev->data.scalar.value, len);
	str[len] = '\0';
	nd->str = str;
	nd->len = len;
	nd->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	attach(r, nd);
}

/* Refuse an anchor or alias at the event's position. */
static void
refuse(reader *r, const yaml_event_t *ev, const char *what)
{
	errlist_add(r->errs, r->name, ev->start_mark.line + 1, ev->start_mark.column + 1,
	            "%s are not allowed in a bank; write the value out in full", what);
	r->refused = 1;
}

/* Handle one event; returns 1 to go on, 0 at the end, -1 to stop with an error. */
static int
on_event(reader *r, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++r->docs > 1) {
			errlist_add(r->errs, r->name, ev->start_mark.line + 1,
			            ev->start_mark.column + 1,
			            "a bank is one YAML document; found a second one here");
			return -1;
		}
		return 1;
	case YAML_ALIAS_EVENT:
		refuse(r, ev, "aliases (*name)");
		/* Stand in an empty scalar so that the mapping keeps its pairs. */
		add_scalar(r, &(yaml_event_t){ .type = YAML_SCALAR_EVENT,
		                                .start_mark = ev->start_mark,
		                                .data.scalar = { .value = (yaml_char_t *)"",
		                                                 .length = 0 } });
		return 1;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			refuse(r, ev, "anchors (&name)");
		add_scalar(r, ev);
		return 1;
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor)
			refuse(r, ev, "anchors (&name)");
		return open_collection(r, YT_SEQ, ev);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor)
			refuse(r, ev, "anchors (&name)");
		return open_collection(r, YT_MAP, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(r);
		return 1;
	default:
		return 1;
	}
}

/* Line and column (1-based, in characters) of byte offset off in buf. */
static void
offset_pos(const unsigned char *buf, size_t len, size_t off, unsigned long *line,
           unsigned long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* Record libyaml's error with its position. */
static void
parser_error(reader *r, const yaml_parser_t *p)
{
	unsigned long line, col;
	const char *problem = p->problem ? p->problem : "cannot read YAML";

	if (p->error == YAML_MEMORY_ERROR)
		xfatal(71, "out of memory");
	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset;
		if (strstr(problem, "UTF") || strstr(problem, "octet")) {
			/* libyaml points at the bad trailing byte: go back to the sequence's start. */
			for (int k = 0; k < 3 && off > 0 && off < r->len && strstr(problem, "trailing") &&
			                (r->buf[off] & 0xC0) != 0xC0; k++)
				off--;
			offset_pos(r->buf, r->len, off, &line, &col);
			errlist_add(r->errs, r->name, line, col,
			            "invalid UTF-8: byte sequence starting 0x%02x (%s); banks must "
			            "be UTF-8 text", off < r->len ? r->buf[off] : 0u, problem);
			return;
		}
		offset_pos(r->buf, r->len, off, &line, &col);
		if (strstr(problem, "control characters"))
			errlist_add(r->errs, r->name, line, col,
			            "control character 0x%02x is not allowed; banks must be plain text",
			            p->problem_value >= 0 ? (unsigned)p->problem_value : 0u);
		else
			errlist_add(r->errs, r->name, line, col, "%s", problem);
		return;
	}
	line = p->problem_mark.line + 1;
	col = p->problem_mark.column + 1;
	if (p->context)
		errlist_add(r->errs, r->name, line, col, "YAML syntax error: %s %s", problem,
		            p->context);
	else
		errlist_add(r->errs, r->name, line, col, "YAML syntax error: %s", problem);
}

/* Is c a byte of plain ASCII text (printable, tab, line break)? */
static int
text_byte(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
}

/*
 * "UTF-16" or "UTF-32" when buf is in one of them, else NULL: by its byte
 * order mark, or by ASCII text with NULs between (YAML 1.2 section 5.2:
 * x 00 x 00 and 00 x 00 x are UTF-16, x 00 00 00 and 00 00 00 x UTF-32).
 */
static const char *
wide_encoding(const unsigned char *b, size_t len)
{
	if (len >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3]) ||
	                 (!b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return "UTF-16";
	if (len < 4)
		return NULL;
	if ((text_byte(b[0]) && !b[1] && !b[2] && !b[3]) ||
	    (!b[0] && !b[1] && !b[2] && text_byte(b[3])))
		return "UTF-32";
	if ((text_byte(b[0]) && !b[1] && text_byte(b[2]) && !b[3]) ||
	    (!b[0] && text_byte(b[1]) && !b[2] && text_byte(b[3])))
		return "UTF-16";
	return NULL;
}

/* Free the per-depth child buffers. */
static void
reader_done(reader *r)
{
	for (int i = 0; i <= YTREE_MAX_DEPTH; i++)
		free(r->stack[i].kids);
}

ytree *
ytree_parse(const char *name, const unsigned char *buf, size_t len, errlist *errs)
{
	return ytree_parse_stream(name, buf, len, errs, NULL, NULL, NULL);
}

ytree *
ytree_parse_stream(const char *name, const unsigned char *buf, size_t len, errlist *errs,
                   const char *key, ytree_entry_fn fn, void *ctx)
{
	yaml_parser_t p;
	yaml_event_t ev;
	reader r;
	int st = 1;
	const char *wide = wide_encoding(buf, len);

	if (wide) {
		errlist_add(errs, name, 1, 1, "the file is %s; banks must be UTF-8", wide);
		return NULL;
	}
	/* Skip a byte order mark here: given an explicit encoding, libyaml counts it as a column. */
	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
		buf += 3;
		len -= 3;
	}
	memset(&r, 0, sizeof r);
	r.t = xcalloc(1, sizeof *r.t);
	arena_init(&r.t->mem);
	r.name = name;
	r.key = fn ? key : NULL;
	r.fn = fn;
	r.ctx = ctx;
	r.buf = buf;
	r.len = len;
	r.errs = errs;
	if (!yaml_parser_initialize(&p))
		xfatal(71, "out of memory");
	yaml_parser_set_input_string(&p, buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (st > 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(&r, &p);
			st = -1;
			break;
		}
		st = on_event(&r, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	reader_done(&r);
	arena_free(&r.scratch);
	if (st == 0 && r.docs == 0)
		errlist_add(errs, name, 1, 1, "the file is empty: expected a YAML mapping");
	if (st < 0 || r.refused || r.docs == 0 || !r.t->root) {
		ytree_free(r.t);
		return NULL;
	}
	return r.t;
}

const yt_node *
ytree_root(const ytree *t)
{
	return t->root;
}

void
ytree_free(ytree *t)
{
	if (!t)
		return;
	arena_free(&t->mem);
	free(t);
}

const yt_node *
yt_get(const yt_node *map, const char *key)
{
	size_t kl = strlen(key);

	if (!map || map->kind != YT_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++) {
		const yt_node *k = yt_key(map, i);
		if (k->kind == YT_SCALAR && k->len == kl && memcmp(k->str, key, kl) == 0)
			return yt_val(map, i);
	}
	return NULL;
}

int
yt_is_null(const yt_node *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

	if (!n || n->kind != YT_SCALAR || !n->plain || n->len > 4)
		return 0;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return 1;
	return 0;
}

const char *
yt_kind_name(const yt_node *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case YT_MAP:
		return "a mapping";
	case YT_SEQ:
		return "a list";
	default:
		return yt_is_null(n) ? "an empty value" : "text";
	}
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t k;
	unsigned c = s[0];
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		k = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4, cp = c & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return k;
}

char *
yt_quote(const char *s, size_t len, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, limit = size - 4;     /* room for "..." and the NUL */

	for (size_t i = 0; i < len;) {
		size_t k = utf8_len(u + i, len - i);
		char esc[8];
		const char *piece = s + i;
		size_t plen = k;

		if (k == 0 || u[i] < 0x20 || u[i] == 0x7F || u[i] == '\\' ||
		    (k == 2 && u[i] == 0xC2 && u[i + 1] < 0xA0)) {
			unsigned v = k == 2 ? u[i + 1] : u[i];
			if (u[i] == '\\')
				memcpy(esc, "\\\\", 3);
			else
				snprintf(esc, sizeof esc, "\\x%02x", v);
			piece = esc;
			plen = strlen(esc);
			if (k == 0)
				k = 1;
		}
		if (o + plen > limit) {
			memcpy(buf + o, "...", 4);
			return buf;
		}
		memcpy(buf + o, piece, plen);
		o += plen;
		i += k;
	}
	buf[o] = '\0';
	return buf;
}

/* ytree.c - read one YAML document into a position-annotated tree (libyaml events). */
#include "ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "xmalloc.h"

#define ARENA_CHUNK (64 * 1024)

typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
} chunk;

/* One open collection while reading: its node and the children so far. */
typedef struct frame {
	yt_node *node;
	yt_node **kids;
	size_t n, cap;
} frame;

struct ytree {
	chunk *chunks;
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
	int refused;               /* anchors/aliases or too deep: no tree */
	int docs;
} reader;

/* Bump-allocate n bytes (aligned) from the tree's arena. */
static void *
arena_alloc(ytree *t, size_t n)
{
	chunk *c = t->chunks;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		c = xmalloc(sizeof *c + cap);
		c->cap = cap;
		c->used = 0;
		c->next = t->chunks;
		t->chunks = c;
	}
	c->used += n;
	return (char *)c->data + c->used - n;
}

/* A new node at the event's start mark. */
static yt_node *
node_new(reader *r, yt_kind kind, const yaml_event_t *ev)
{
	yt_node *nd = arena_alloc(r->t, sizeof *nd);

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
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->kids = xreallocarray(f->kids, f->cap, sizeof *f->kids);
	}
	f->kids[f->n++] = nd;
}

/* Compare two key nodes by their text, for duplicate detection. */
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

/* Report keys that are not text, and every repeat of a key after its first use. */
static void
check_keys(reader *r, const yt_node *m)
{
	yt_node **keys;
	size_t nk = 0;

	if (m->n < 2) {
		if (m->n == 1 && yt_key(m, 0)->kind != YT_SCALAR)
			errlist_add(r->errs, r->name, yt_key(m, 0)->line, yt_key(m, 0)->col,
			            "mapping keys must be plain text, not %s", yt_kind_name(yt_key(m, 0)));
		return;
	}
	keys = xreallocarray(NULL, m->n, sizeof *keys);
	for (size_t i = 0; i < m->n; i++) {
		yt_node *k = m->kids[2 * i];
		if (k->kind != YT_SCALAR)
			errlist_add(r->errs, r->name, k->line, k->col,
			            "mapping keys must be plain text, not %s", yt_kind_name(k));
		else
			keys[nk++] = k;
	}
	qsort(keys, nk, sizeof *keys, key_cmp);
	for (size_t i = 1, first = 0; i < nk; i++) {
		if (keys[i]->len != keys[first]->len ||
		    memcmp(keys[i]->str, keys[first]->str, keys[i]->len) != 0) {
			first = i;
			continue;
		}
		errlist_add(r->errs, r->name, keys[i]->line, keys[i]->col,
		            "duplicate key '%.60s' (first at line %lu)", keys[i]->str,
		            (unsigned long)keys[first]->line);
	}
	free(keys);
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
	f = &r->stack[r->depth++];
	f->node = node_new(r, kind, ev);
	f->n = 0;
	return 0;
}

/* Close the innermost collection: copy its children into the arena and attach it. */
static void
close_collection(reader *r)
{
	frame *f = &r->stack[--r->depth];
	yt_node *nd = f->node;

	nd->kids = arena_alloc(r->t, (f->n ? f->n : 1) * sizeof *nd->kids);
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
	yt_node *nd = node_new(r, YT_SCALAR, ev);
	char *s = arena_alloc(r->t, ev->data.scalar.length + 1);

	memcpy(s, ev->data.scalar.value, ev->data.scalar.length);
	s[ev->data.scalar.length] = '\0';
	nd->str = s;
	nd->len = ev->data.scalar.length;
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
		offset_pos(r->buf, r->len, p->problem_offset, &line, &col);
		if (strstr(problem, "UTF") || strstr(problem, "octet"))
			errlist_add(r->errs, r->name, line, col,
			            "invalid UTF-8 (%s, byte 0x%02x); banks must be UTF-8 text",
			            problem, p->problem_value >= 0 ? (unsigned)p->problem_value & 0xffu : 0u);
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
	yaml_parser_t p;
	yaml_event_t ev;
	reader r;
	int st = 1;

	memset(&r, 0, sizeof r);
	r.t = xcalloc(1, sizeof *r.t);
	r.name = name;
	r.buf = buf;
	r.len = len;
	r.errs = errs;
	if (!yaml_parser_initialize(&p))
		xfatal(71, "out of memory");
	yaml_parser_set_input_string(&p, buf, len);
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
	while (t->chunks) {
		chunk *c = t->chunks;
		t->chunks = c->next;
		free(c);
	}
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

	if (!n || n->kind != YT_SCALAR || !n->plain)
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

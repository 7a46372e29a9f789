/* content_read.c - checking and reading styles.yaml, resources.yaml and learn.yaml. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "xmalloc.h"
#include "ytree.h"

/* Reading state for one file. */
typedef struct ctx {
	content *c;
	const char *file;
	errlist *errs;
} ctx;

static const char *const style_ids[STYLE_COUNT] = {
	"secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant",
};

static const char *const field_keys[CONTENT_FIELD_COUNT] = {
	"summary", "in_relationships", "under_stress", "coping",
	"strengths", "growth", "therapy",
};

static const char *const kind_names[CONTENT_KIND_COUNT] = {
	"emergency", "crisis", "substance", "directory", "local",
};

static const char *const dim_ids[CONTENT_DIM_COUNT] = { "anxiety", "avoidance" };

/* ---- helpers: ownership, problems, names ---- */

/* Record p as owned by c (freed by content_free) and return it. */
static void *
own(content *c, void *p)
{
	if (c->nowned == c->capowned) {
		c->capowned = c->capowned ? 2 * c->capowned : 64;
		c->owned = xreallocarray(c->owned, c->capowned, sizeof *c->owned);
	}
	c->owned[c->nowned++] = p;
	return p;
}

static void problem(ctx *x, const yt_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Report a problem at node `at` (its line and column). */
static void
problem(ctx *x, const yt_node *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errlist_add(x->errs, x->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
}

/* A key's text made safe to print in a message: printable ASCII, at most 40 bytes. */
static const char *
safe_name(const yt_node *n, char *buf, size_t size)
{
	size_t j = 0;

	for (size_t i = 0; i < n->len && j + 4 < size && i < 40; i++) {
		unsigned char ch = (unsigned char)n->str[i];
		buf[j++] = (char)((ch >= 0x20 && ch < 0x7f) ? ch : '?');
	}
	if (n->len > 40 && j + 4 < size)
		buf[j++] = '.', buf[j++] = '.', buf[j++] = '.';
	buf[j] = '\0';
	return buf;
}

/* Index of s in list[0..n), or -1. */
static int
index_of(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return (int)i;
	return -1;
}

/* Is byte i of s[0..n) the start of a control character other than '\n'? */
static int
is_control_at(const char *s, size_t n, size_t i)
{
	unsigned char ch = (unsigned char)s[i];

	if (ch == '\n')
		return 0;
	if (ch < 0x20 || ch == 0x7f)
		return 1;
	/* C1 controls U+0080..U+009F are C2 80..C2 9F in UTF-8. */
	return ch == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
	       (unsigned char)s[i + 1] <= 0x9f;
}

/* Is c a blank that trimming removes? */
static int
is_blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* ---- node checks ---- */

/* True when n is a mapping; otherwise reports it. */
static int
want_map(ctx *x, const yt_node *n, const char *what)
{
	if (n->kind == YT_MAP)
		return 1;
	problem(x, n, "%s should be a mapping, not %s", what, yt_kind_name(n));
	return 0;
}

/* True when n is a non-empty list; otherwise reports it. */
static int
want_list(ctx *x, const yt_node *n, const char *what)
{
	if (n->kind != YT_SEQ) {
		problem(x, n, "%s should be a list, not %s", what, yt_kind_name(n));
		return 0;
	}
	if (n->n == 0) {
		problem(x, n, "%s is empty", what);
		return 0;
	}
	return 1;
}

/* Report every key of map that is not in allowed (NULL-terminated). */
static void
check_keys(ctx *x, const yt_node *map, const char *what, const char *const *allowed)
{
	char list[256] = "", name[64];
	size_t n = 0;

	while (allowed[n])
		n++;
	for (size_t i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
		         i ? ", " : "", allowed[i]);
	for (size_t i = 0; i < map->n; i++) {
		const yt_node *k = yt_key(map, i);
		/* Keys that are not text are reported by ytree itself. */
		if (k->kind == YT_SCALAR && index_of(allowed, n, k->str) < 0)
			problem(x, k, "unknown key '%s' in %s (expected one of: %s)",
			        safe_name(k, name, sizeof name), what, list);
	}
}

/* The value of required key `key` of map, or NULL after reporting it missing. */
static const yt_node *
need_key(ctx *x, const yt_node *map, const char *key, const char *what)
{
	const yt_node *v = yt_get(map, key);

	if (!v)
		problem(x, map, "%s is missing '%s'", what, key);
	return v;
}

/* The label of key `key` in a message: "'key' in what". */
static const char *
key_label(const char *key, const char *what, char *buf, size_t size)
{
	snprintf(buf, size, "'%s' in %s", key, what);
	return buf;
}

/* Copy scalar v as a display text (trimmed, non-empty, no control characters), or report it. */
static char *
take_text(ctx *x, const yt_node *v, const char *what)
{
	const char *s = v->str;
	size_t n = v->len;

	if (v->kind != YT_SCALAR) {
		problem(x, v, "%s should be text, not %s", what, yt_kind_name(v));
		return NULL;
	}
	while (n && is_blank(*s))
		s++, n--;
	while (n && is_blank(s[n - 1]))
		n--;
	if (n == 0 || yt_is_null(v)) {
		problem(x, v, "%s is empty", what);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		if (is_control_at(s, n, i)) {
			problem(x, v, "%s contains a control character (byte %zu of the text)",
			        what, i + 1);
			return NULL;
		}
	return own(x->c, xstrndup(s, n));
}

/* The text of required key `key` of map, or NULL after reporting it. */
static char *
need_text(ctx *x, const yt_node *map, const char *key, const char *what)
{
	const yt_node *v = need_key(x, map, key, what);
	char label[128];

	return v ? take_text(x, v, key_label(key, what, label, sizeof label)) : NULL;
}

/* The text of optional key `key` of map: NULL when absent or null. */
static char *
opt_text(ctx *x, const yt_node *map, const char *key, const char *what)
{
	const yt_node *v = yt_get(map, key);
	char label[128];

	if (!v || yt_is_null(v))
		return NULL;
	return take_text(x, v, key_label(key, what, label, sizeof label));
}

/* The required list under `key` of map, or NULL after reporting it. */
static const yt_node *
need_list(ctx *x, const yt_node *map, const char *key, const char *what)
{
	const yt_node *v = need_key(x, map, key, what);
	char label[128];

	return v && want_list(x, v, key_label(key, what, label, sizeof label)) ? v : NULL;
}

/* Check the `securebase: 1` schema version at the top of a file. */
static void
check_version(ctx *x, const yt_node *root)
{
	const yt_node *v = yt_get(root, "securebase");

	if (!v)
		problem(x, root, "missing 'securebase: 1' (the format version)");
	else if (v->kind != YT_SCALAR || strcmp(v->str, "1") != 0)
		problem(x, v, "unsupported format version; expected 'securebase: 1'");
}

/* ---- styles.yaml ---- */

/* Read a style's reflection questions (1..CONTENT_MAX_QUESTIONS texts). */
static void
read_questions(ctx *x, const yt_node *m, style_text *st, const char *what)
{
	const yt_node *l = need_list(x, m, "reflection", what);
	char label[128];

	if (!l)
		return;
	if (l->n > CONTENT_MAX_QUESTIONS)
		problem(x, l, "'reflection' in %s has %u questions; at most %d are shown",
		        what, (unsigned)l->n, CONTENT_MAX_QUESTIONS);
	for (size_t i = 0; i < l->n && i < CONTENT_MAX_QUESTIONS; i++) {
		snprintf(label, sizeof label, "reflection question %zu in %s", i + 1, what);
		char *q = take_text(x, l->kids[i], label);
		if (q)
			st->question[st->nquestions++] = q;
	}
}

/* Read the fields of one style into st; m is its mapping. */
static void
read_style_fields(ctx *x, const yt_node *m, style_text *st, const char *what)
{
	st->name = need_text(x, m, "name", what);
	st->shortname = need_text(x, m, "short", what);
	if (st->shortname) {
		size_t chars = 0;
		for (const char *p = st->shortname; *p; p++)
			chars += ((unsigned char)*p & 0xc0) != 0x80;
		if (chars > CONTENT_SHORT_MAX)
			problem(x, yt_get(m, "short"), "'short' in %s is longer than %d characters",
			        what, CONTENT_SHORT_MAX);
	}
	for (int f = 0; f < CONTENT_FIELD_COUNT; f++)
		st->field[f] = need_text(x, m, field_keys[f], what);
	if (st->field[CONTENT_SUMMARY] && strchr(st->field[CONTENT_SUMMARY], '\n'))
		problem(x, yt_get(m, "summary"), "'summary' in %s should be one line", what);
	read_questions(x, m, st, what);
}

/* Read one entry of `styles`; seen[] holds the entries already read, by style. */
static void
read_style(ctx *x, const yt_node *m, const yt_node *seen[STYLE_COUNT])
{
	static const char *const keys[] = {
		"id", "name", "short", "summary", "in_relationships", "under_stress",
		"coping", "strengths", "growth", "therapy", "reflection", NULL,
	};
	const yt_node *idn;
	char what[64];
	int s;

	if (!want_map(x, m, "a style"))
		return;
	check_keys(x, m, "a style", keys);
	if (!(idn = need_key(x, m, "id", "a style")))
		return;
	s = idn->kind == YT_SCALAR ? index_of(style_ids, STYLE_COUNT, idn->str) : -1;
	if (s < 0) {
		problem(x, idn, "unknown style id; expected secure, anxious-preoccupied, "
		        "dismissive-avoidant or fearful-avoidant");
		return;
	}
	if (seen[s]) {
		problem(x, idn, "style '%s' appears twice (first at line %lu)",
		        style_ids[s], (unsigned long)seen[s]->line);
		return;
	}
	seen[s] = m;
	snprintf(what, sizeof what, "style '%s'", style_ids[s]);
	read_style_fields(x, m, &x->c->style[s], what);
}

/* Read the `styles` list: every one of the four styles exactly once. */
static void
read_styles(ctx *x, const yt_node *root)
{
	const yt_node *l = need_list(x, root, "styles", "the file");
	const yt_node *seen[STYLE_COUNT] = { NULL };

	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		read_style(x, l->kids[i], seen);
	for (int s = 0; s < STYLE_COUNT; s++)
		if (!seen[s])
			problem(x, l, "style '%s' is missing", style_ids[s]);
}

/* Read `dimensions`: {anxiety: {...}, avoidance: {...}}. */
static void
read_dimensions(ctx *x, const yt_node *root)
{
	static const char *const keys[] = { "anxiety", "avoidance", NULL };
	static const char *const dkeys[] = { "name", "about", "high", "low", NULL };
	const yt_node *m = need_key(x, root, "dimensions", "the file");
	char what[64];

	if (!m || !want_map(x, m, "'dimensions'"))
		return;
	check_keys(x, m, "'dimensions'", keys);
	for (int d = 0; d < CONTENT_DIM_COUNT; d++) {
		const yt_node *dm = need_key(x, m, dim_ids[d], "'dimensions'");
		dim_text *t = &x->c->dim[d];
		snprintf(what, sizeof what, "dimension '%s'", dim_ids[d]);
		if (!dm || !want_map(x, dm, what))
			continue;
		check_keys(x, dm, what, dkeys);
		t->name = need_text(x, dm, "name", what);
		t->about = need_text(x, dm, "about", what);
		t->high = need_text(x, dm, "high", what);
		t->low = need_text(x, dm, "low", what);
	}
}

/* Read styles.yaml. */
static void
read_styles_file(ctx *x, const yt_node *root)
{
	static const char *const keys[] = {
		"securebase", "styles", "dimensions", "near_boundary", "two_dimensions", NULL,
	};

	check_keys(x, root, "the file", keys);
	read_styles(x, root);
	read_dimensions(x, root);
	x->c->near_boundary = need_text(x, root, "near_boundary", "the file");
	x->c->two_dimensions = need_text(x, root, "two_dimensions", "the file");
}

/* ---- resources.yaml ---- */

/* Read one help resource into r. */
static void
read_resource(ctx *x, const yt_node *m, content_resource *r, size_t i)
{
	static const char *const keys[] = { "kind", "region", "name", "contact", "note", NULL };
	const yt_node *k;
	char what[64];

	snprintf(what, sizeof what, "resource %zu", i + 1);
	if (!want_map(x, m, what))
		return;
	check_keys(x, m, what, keys);
	if ((k = need_key(x, m, "kind", what)) != NULL) {
		int kind = k->kind == YT_SCALAR ? index_of(kind_names, CONTENT_KIND_COUNT, k->str) : -1;
		if (kind < 0)
			problem(x, k, "unknown kind in %s; expected emergency, crisis, substance, "
			        "directory or local", what);
		else
			r->kind = (content_kind)kind;
	}
	r->region = need_text(x, m, "region", what);
	r->name = need_text(x, m, "name", what);
	r->contact = need_text(x, m, "contact", what);
	r->note = opt_text(x, m, "note", what);
}

/* Read resources.yaml. */
static void
read_resources_file(ctx *x, const yt_node *root)
{
	static const char *const keys[] = {
		"securebase", "disclaimer", "help_intro", "resources", NULL,
	};
	const yt_node *l;
	content *c = x->c;

	check_keys(x, root, "the file", keys);
	c->disclaimer = need_text(x, root, "disclaimer", "the file");
	c->help_intro = need_text(x, root, "help_intro", "the file");
	l = need_list(x, root, "resources", "the file");
	if (!l)
		return;
	c->res = own(c, xcalloc(l->n, sizeof *c->res));
	c->nres = l->n;
	for (size_t i = 0; i < l->n; i++)
		read_resource(x, l->kids[i], &c->res[i], i);
}

/* ---- learn.yaml ---- */

/* Is s a valid chapter id: [a-z0-9-]+? */
static int
valid_chapter_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* Read a chapter's paragraphs into ch. */
static void
read_paragraphs(ctx *x, const yt_node *m, content_chapter *ch, const char *what)
{
	const yt_node *l = need_list(x, m, "paragraphs", what);
	const char **v;
	char label[128];

	if (!l)
		return;
	v = own(x->c, xcalloc(l->n, sizeof *v));
	for (size_t i = 0; i < l->n; i++) {
		snprintf(label, sizeof label, "paragraph %zu of %s", i + 1, what);
		v[i] = take_text(x, l->kids[i], label);
	}
	ch->paragraphs = (const char *const *)v;
	ch->nparagraphs = l->n;
}

/* Read chapter i; ids of earlier chapters are checked for duplicates. */
static void
read_chapter(ctx *x, const yt_node *m, size_t i)
{
	static const char *const keys[] = { "id", "title", "paragraphs", NULL };
	content_chapter *ch = &x->c->chap[i];
	char what[64];
	const char *id;

	snprintf(what, sizeof what, "chapter %zu", i + 1);
	if (!want_map(x, m, what))
		return;
	check_keys(x, m, what, keys);
	id = ch->id = need_text(x, m, "id", what);
	if (id && !valid_chapter_id(id))
		problem(x, yt_get(m, "id"), "the id of %s should use only a-z, 0-9 and '-'", what);
	for (size_t j = 0; id && j < i; j++)
		if (x->c->chap[j].id && strcmp(x->c->chap[j].id, id) == 0)
			problem(x, yt_get(m, "id"), "chapter id '%s' is used twice", id);
	ch->title = need_text(x, m, "title", what);
	read_paragraphs(x, m, ch, what);
}

/* Read learn.yaml. */
static void
read_learn_file(ctx *x, const yt_node *root)
{
	static const char *const keys[] = { "securebase", "title", "chapters", NULL };
	const yt_node *l;
	content *c = x->c;

	check_keys(x, root, "the file", keys);
	c->learn_title = need_text(x, root, "title", "the file");
	l = need_list(x, root, "chapters", "the file");
	if (!l)
		return;
	c->chap = own(c, xcalloc(l->n, sizeof *c->chap));
	c->nchap = l->n;
	for (size_t i = 0; i < l->n; i++)
		read_chapter(x, l->kids[i], i);
}

/* ---- the three files ---- */

typedef void (*file_reader)(ctx *x, const yt_node *root);

/* Parse one source and read it into c; returns nonzero when any problem was found. */
static int
read_source(content *c, const content_source *src, file_reader fn, errlist *errs)
{
	size_t before = errs->n;
	ytree *t = ytree_parse(src->name, (const unsigned char *)src->data, src->len, errs);
	ctx x = { c, src->name, errs };

	if (t) {
		const yt_node *root = ytree_root(t);
		if (want_map(&x, root, "the top level")) {
			check_version(&x, root);
			fn(&x, root);
		}
		ytree_free(t);
	}
	return errs->n > before;
}

int
content_read_styles(content *c, const content_source *src, errlist *errs)
{
	return read_source(c, src, read_styles_file, errs);
}

int
content_read_resources(content *c, const content_source *src, errlist *errs)
{
	return read_source(c, src, read_resources_file, errs);
}

int
content_read_learn(content *c, const content_source *src, errlist *errs)
{
	return read_source(c, src, read_learn_file, errs);
}

/* ---- the files' names for fields and kinds ---- */

const char *
content_field_key(content_field f)
{
	return (unsigned)f < CONTENT_FIELD_COUNT ? field_keys[f] : NULL;
}

const char *
content_kind_name(content_kind k)
{
	return (unsigned)k < CONTENT_KIND_COUNT ? kind_names[k] : NULL;
}

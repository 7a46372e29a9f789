/* bank.c - the bank model: loading entry points, lookups, release. */
#include "bank.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank_int.h"
#include "xmalloc.h"

static const char *const style_ids[STYLE_COUNT] = {
	"secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant",
};

_Static_assert(offsetof(bank_item, id) == 0, "idtab reads ids at offset 0");
_Static_assert(offsetof(bank_scale, id) == 0, "idtab reads ids at offset 0");

const char *
bank_style_id(int style)
{
	return style >= 0 && style < STYLE_COUNT ? style_ids[style] : NULL;
}

int
bank_style_from_id(const char *id)
{
	for (int s = 0; s < STYLE_COUNT; s++)
		if (strcmp(id, style_ids[s]) == 0)
			return s;
	return -1;
}

/* FNV-1a 64 of n bytes. */
static uint64_t
fnv1a(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

size_t
ld_grow(size_t cap, size_t first)
{
	if (!cap)
		return first;
	return cap < 65536 ? 2 * cap : cap + cap / 8;
}

/* A table for n ids: a power of two slots, at most 3/4 full. */
void
idtab_init(idtab *t, size_t n)
{
	size_t cap = 8;

	while (cap / 4 * 3 < n)
		cap *= 2;
	t->slot = xcalloc(cap, sizeof *t->slot);
	t->mask = cap - 1;
	t->count = 0;
}

/* The id string of element i of an array of structs whose first member is the id. */
static const char *
id_at(const void *base, size_t stride, size_t i)
{
	return *(const char *const *)((const char *)base + i * stride);
}

/* The hash the table keeps for an id (never compared across tables). */
static uint32_t
id_hash(const char *id, size_t len)
{
	uint64_t h = fnv1a(id, len);

	return (uint32_t)(h ^ h >> 32);
}

/*
 * The slot for the id of hash h: where it is, or the empty slot where it
 * would go.  Strings are compared only when the stored hashes agree.
 */
static idslot *
idtab_slot(const idtab *t, const char *id, size_t len, uint32_t h, const void *base,
           size_t stride)
{
	for (size_t j = h & t->mask;; j = (j + 1) & t->mask) {
		idslot *sl = &t->slot[j];
		const char *s;
		if (!sl->idx1)
			return sl;
		if (sl->hash != h)
			continue;
		s = id_at(base, stride, sl->idx1 - 1);
		if (strncmp(s, id, len) == 0 && s[len] == '\0')
			return sl;
	}
}

long
idtab_find(const idtab *t, const char *id, size_t len, const void *base, size_t stride)
{
	const idslot *sl;

	if (!t->slot || memchr(id, '\0', len))
		return -1;
	sl = idtab_slot(t, id, len, id_hash(id, len), base, stride);
	return sl->idx1 ? (long)sl->idx1 - 1 : -1;
}

/* Double the table, moving every slot by its stored hash (no string is read). */
static void
idtab_grow(idtab *t)
{
	idslot *old = t->slot;
	size_t oldcap = t->mask + 1;

	t->slot = xcalloc(oldcap * 2, sizeof *t->slot);
	t->mask = oldcap * 2 - 1;
	for (size_t j = 0; j < oldcap; j++) {
		size_t k = old[j].hash & t->mask;
		if (!old[j].idx1)
			continue;
		while (t->slot[k].idx1)
			k = (k + 1) & t->mask;
		t->slot[k] = old[j];
	}
	free(old);
}

uint32_t
idtab_hash(const char *id, size_t len)
{
	return id_hash(id, len);
}

void
idtab_prefetch(idtab *t, uint32_t h)
{
	if (!t->slot)
		idtab_init(t, 4);
	if (t->count + 1 > (t->mask + 1) / 4 * 3)
		idtab_grow(t);
#if defined(__GNUC__)
	__builtin_prefetch(&t->slot[h & t->mask], 1);
#endif
}

long
idtab_put(idtab *t, size_t i, const void *base, size_t stride)
{
	const char *id = id_at(base, stride, i);

	return idtab_put_hashed(t, i, id_hash(id, strlen(id)), base, stride);
}

long
idtab_put_hashed(idtab *t, size_t i, uint32_t h, const void *base, size_t stride)
{
	const char *id = id_at(base, stride, i);
	size_t len = strlen(id);
	idslot *sl;

	idtab_prefetch(t, h);
	sl = idtab_slot(t, id, len, h, base, stride);
	if (sl->idx1)
		return (long)sl->idx1 - 1;
	sl->idx1 = (uint32_t)(i + 1);
	sl->hash = h;
	t->count++;
	return -1;
}

static const ld_key top_keys[] = {
	{ "securebase", 0 /* required: schema_version reports it */ }, { "id", 1 },
	{ "title", 1 }, { "version", 0 }, { "language", 0 }, { "source", 0 }, { "instructions", 0 },
	{ "response_scale", 1 }, { "scales", 1 }, { "classification", 1 },
	{ "styles", 0 }, { "items", 1 }, { "examples", 0 },
};
enum { K_SECUREBASE, K_ID, K_TITLE, K_VERSION, K_LANGUAGE, K_SOURCE, K_INSTRUCTIONS,
       K_RANGE, K_SCALES, K_CLASS, K_STYLES, K_ITEMS, K_EXAMPLES, K_NTOP };

/* Is s a BCP 47-shaped tag: a 2-3 letter language, then -subtags of 1-8 alphanumerics? */
static int
is_lang_tag(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

	if (n < 2 || n > 3)
		return 0;
	for (s += n; *s; s += n) {
		if (*s++ != '-')
			return 0;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n < 1 || n > 8)
			return 0;
	}
	return 1;
}

/* The schema version: 1 goes on; another version stops with one clear message. */
static int
schema_version(ld *l, const yt_node *root, const yt_node *v)
{
	int ver;

	if (!v) {
		ld_err(l, root, "missing required key 'securebase' (the schema version: "
		       "write 'securebase: 1' at the top)");
		return 0;
	}
	if (ld_int(l, v, "securebase", LONG_MIN, LONG_MAX, &ver) < 0)
		return 0;
	if (ver != 1) {
		/* Items already read (streamed) may follow another schema: drop what they raised. */
		l->nprobs = 0;
		ld_err(l, v, "unsupported schema version %d: this securebase reads "
		       "schema 1 (securebase: 1)", ver);
		return -1;
	}
	return 0;
}

/* The bank's text fields: id, title, version, language, source, instructions. */
static void
ld_header(ld *l, const yt_node **v)
{
	bank *b = l->b;

	if (v[K_ID])
		b->id = ld_id(l, v[K_ID], "id", 1);
	if (v[K_TITLE] && (b->title = ld_text(l, v[K_TITLE], "title")) && !*b->title)
		ld_err(l, v[K_TITLE], "'title' must not be empty");
	if (v[K_VERSION])
		b->version = ld_text(l, v[K_VERSION], "version");
	if (v[K_LANGUAGE] && (b->language = ld_text(l, v[K_LANGUAGE], "language")) &&
	    !is_lang_tag(b->language)) {
		char q[80];
		ld_err(l, v[K_LANGUAGE], "'language' must be a BCP 47 language tag such as "
		       "en, de or pt-BR, found '%s'", ld_q(v[K_LANGUAGE], q, sizeof q));
	}
	if (!b->language)
		b->language = arena_strndup(&l->p->mem, "en", 2);
	if (v[K_SOURCE])
		b->source = ld_text(l, v[K_SOURCE], "source");
	if (v[K_INSTRUCTIONS])
		b->instructions = ld_text(l, v[K_INSTRUCTIONS], "instructions");
}

/* Validate the whole document into l->b. */
static void
ld_bank(ld *l, const yt_node *root)
{
	const yt_node *v[K_NTOP];

	if (root->kind != YT_MAP) {
		ld_err(l, root, "a bank must be a YAML mapping of keys (securebase: 1, id: ..., "
		       "title: ...), found %s", yt_kind_name(root));
		return;
	}
	if (schema_version(l, root, yt_get(root, "securebase")) < 0)
		return;
	ld_keys(l, root, "a bank", top_keys, K_NTOP, v, NULL);
	ld_header(l, v);
	if (v[K_RANGE])
		ld_range(l, v[K_RANGE], &l->b->range, "response_scale");
	else
		l->b->range = l->any;
	if (v[K_SCALES])
		ld_scales(l, v[K_SCALES]);
	if (v[K_ITEMS])
		ld_items(l, v[K_ITEMS]);
	ld_scale_rules(l);
	if (v[K_CLASS])
		ld_classification(l, v[K_CLASS]);
	if (v[K_STYLES])
		ld_styles(l, v[K_STYLES]);
	if (v[K_EXAMPLES])
		ld_examples(l, v[K_EXAMPLES]);
}

/* A new, empty bank named `name`, with its arena. */
static bank *
bank_new(const char *name)
{
	bank *b = xcalloc(1, sizeof *b);
	bank_priv *p = xcalloc(1, sizeof *p);

	arena_init(&p->mem);
	b->index_ = p;
	b->file = arena_strndup(&p->mem, name, strlen(name));
	return b;
}

/* Report an input longer than BANK_MAX_BYTES at FILE. */
static int
too_large(const char *name, errlist *errs)
{
	errlist_add(errs, name, 0, 0, "the file is too large for a bank (more than %zu bytes)",
	            (size_t)BANK_MAX_BYTES);
	return 65;
}

int
bank_load_mem(bank **out, const char *name, const char *buf, size_t len, errlist *errs)
{
	return bank_load_mem_ex(out, name, buf, len, 0, errs);
}

int
bank_load_mem_ex(bank **out, const char *name, const char *buf, size_t len, unsigned flags,
                 errlist *errs)
{
	size_t before = errs->n;
	int failed;
	ytree *t;
	ld l;

	*out = NULL;
	if (len > BANK_MAX_BYTES)
		return too_large(name, errs);
	memset(&l, 0, sizeof l);
	l.b = bank_new(name);
	if (!(flags & BANK_LOAD_NO_HASH))
		snprintf(l.b->hash, sizeof l.b->hash, "%016llx", (unsigned long long)fnv1a(buf, len));
	l.p = l.b->index_;
	l.len = len;
	l.any.min = -BANK_INT_LIMIT;
	l.any.max = BANK_INT_LIMIT;
	arena_init(&l.tmp);
	t = ytree_parse_stream(name, (const unsigned char *)buf, len, errs, "items",
	                       ld_item_entry, &l);
	if (t) {
		ld_bank(&l, ytree_root(t));
		ytree_free(t);
	}
	free(l.sx);
	free(l.refs);
	free(l.names);
	free(l.names_tab.slot);
	failed = !t || l.nerr || errs->n > before;
	if (failed) {
		bank_free(l.b);            /* first, so that the records take its place */
		l.b = NULL;
	}
	if (t)                             /* kept only if the YAML itself can be read */
		ld_report(&l, name, errs);
	free(l.probs);
	free(l.msgs);
	free(l.msgs_tab.slot);
	arena_free(&l.tmp);
	if (failed)
		return 65;
	*out = l.b;
	return 0;
}

int
bank_read_limited(FILE *fp, size_t limit, char **out, size_t *outlen)
{
	struct stat st;
	size_t cap = (size_t)64 * 1024, n = 0;
	char *buf;

	*out = NULL;
	*outlen = 0;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > limit)
			return 1;                  /* known too large: nothing is read */
		cap = (size_t)st.st_size + 1;
	}
	if (cap > limit + 1)
		cap = limit + 1;
	buf = xmalloc(cap);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (n > limit) {                   /* limit + 1 bytes: there is more */
			free(buf);
			return 1;
		}
		if (n < cap) {                     /* fread stops short only at the end or on error */
			if (ferror(fp)) {
				free(buf);
				return -1;
			}
			break;
		}
		/* Full: grow, but never past limit + 1 bytes (one more tells "too large"). */
		cap = cap > (limit + 1) / 2 ? limit + 1 : cap * 2;
		buf = xrealloc(buf, cap);
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return 0;
}

int
bank_load_stream_ex(bank **out, FILE *fp, const char *name, unsigned flags, errlist *errs)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	rc = bank_read_limited(fp, BANK_MAX_BYTES, &buf, &len);
	if (rc < 0) {
		errlist_add(errs, name, 0, 0, "cannot read: %s", strerror(errno));
		return 66;
	}
	if (rc > 0)
		return too_large(name, errs);
	rc = bank_load_mem_ex(out, name, buf, len, flags, errs);
	free(buf);
	return rc;
}

int
bank_load_file(bank **out, const char *path, errlist *errs)
{
	return bank_load_file_ex(out, path, 0, errs);
}

int
bank_load_file_ex(bank **out, const char *path, unsigned flags, errlist *errs)
{
	FILE *fp;
	int rc;

	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp) {
		errlist_add(errs, path, 0, 0, "cannot open: %s", strerror(errno));
		return 66;
	}
	rc = bank_load_stream_ex(out, fp, path, flags, errs);
	(void)fclose(fp);                  /* read-only: nothing is lost */
	return rc;
}

void
bank_free(bank *b)
{
	bank_priv *p;

	if (!b)
		return;
	p = b->index_;
	free(p->items.slot);
	free(p->scales.slot);
	free(b->items);
	arena_free(&p->mem);
	free(p);
	free(b);
}

long
bank_item_index(const bank *b, const char *id)
{
	const bank_priv *p = b->index_;

	return idtab_find(&p->items, id, strlen(id), b->items, sizeof *b->items);
}

long
bank_scale_index(const bank *b, const char *id)
{
	const bank_priv *p = b->index_;

	return idtab_find(&p->scales, id, strlen(id), b->scales, sizeof *b->scales);
}

const char *
bank_range_label(const bank_range *r, int v)
{
	size_t lo = 0, hi = r->nlabels;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->labels[mid].value == v)
			return r->labels[mid].text;
		if (r->labels[mid].value < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *
bank_style_field(const bank *b, int style, const char *key)
{
	const bank_style *s;

	if (style < 0 || style >= STYLE_COUNT)
		return NULL;
	s = &b->styles[style];
	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].key, key) == 0)
			return s->fields[i].text;
	return NULL;
}

/* content.c - the texts loaded (built-in, from a directory or memory) and their accessors. */
#include "content_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "fileio.h"
#include "xmalloc.h"

#define MAX_FILE (4u << 20)        /* content_load_dir refuses files of this size or more */

static const char *const field_titles[CONTENT_FIELD_COUNT] = {
	"In short", "In close relationships", "Under stress", "How you may cope",
	"Strengths", "Directions for growth", "What therapy can work on",
};

static const char *const kind_titles[CONTENT_KIND_COUNT] = {
	"Emergency services", "Crisis support", "Alcohol and drugs",
	"Helplines in other countries", "Local services",
};

int
content_load_mem(content **out, const content_source *styles,
                 const content_source *resources, const content_source *learn,
                 errlist *errs)
{
	content *c = xcalloc(1, sizeof *c);
	int bad = 0;

	bad |= content_read_styles(c, styles, errs);
	bad |= content_read_resources(c, resources, errs);
	bad |= content_read_learn(c, learn, errs);
	if (bad) {
		content_free(c);
		*out = NULL;
		return 65;
	}
	*out = c;
	return 0;
}

static const char *const file_names[3] = {
	CONTENT_STYLES_FILE, CONTENT_RESOURCES_FILE, CONTENT_LEARN_FILE,
};

/* The built-in copy of data file `name` as a source; 0, or -1 if it is missing. */
static int
builtin_source(const char *name, content_source *src)
{
	const embed_file *f = embed_find(name);

	if (!f)
		return -1;
	src->name = f->path;
	src->data = f->data;
	src->len = f->size;
	return 0;
}

int
content_load(content **out, errlist *errs)
{
	content_source src[3];

	for (int i = 0; i < 3; i++)
		if (builtin_source(file_names[i], &src[i]) < 0) {
			errlist_add(errs, file_names[i], 0, 0, "built-in file is missing from this build");
			*out = NULL;
			return 65;
		}
	return content_load_mem(out, &src[0], &src[1], &src[2], errs);
}

/* Fill src[i] from dir/file_names[i] or the built-in copy; 0, 65 or 66. */
static int
dir_source(const char *dir, int i, content_source *src, char **path, char **buf,
           errlist *errs)
{
	size_t len = 0;
	int r, e;

	*path = xasprintf("%s/%s", dir, file_names[i]);
	r = fileio_read_regular(*path, MAX_FILE - 1, buf, &len);
	e = errno;
	if (r == 0 && len >= MAX_FILE) {
		free(*buf);
		*buf = NULL;
		r = -1;
		e = EFBIG;
	}
	if (r != 0 && !(r == -1 && e == ENOENT)) {
		errlist_add(errs, *path, 0, 0, "cannot read: %s",
		            r == FILEIO_NOT_REGULAR ? "not a regular file" : strerror(e));
		return 66;
	}
	if (r == 0) {
		src->name = *path;
		src->data = *buf;
		src->len = len;
		return 0;
	}
	if (builtin_source(file_names[i], src) == 0)
		return 0;
	errlist_add(errs, file_names[i], 0, 0, "built-in file is missing from this build");
	return 65;
}

int
content_load_dir(content **out, const char *dir, errlist *errs)
{
	content_source src[3];
	char *path[3] = { NULL }, *buf[3] = { NULL };
	int status = 0;

	if (!dir)
		return content_load(out, errs);
	*out = NULL;
	for (int i = 0; i < 3; i++) {
		int r = dir_source(dir, i, &src[i], &path[i], &buf[i], errs);
		if (r > status)
			status = r;
	}
	if (status == 0)
		status = content_load_mem(out, &src[0], &src[1], &src[2], errs);
	for (int i = 0; i < 3; i++) {
		free(path[i]);
		free(buf[i]);
	}
	return status;
}

void
content_free(content *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c);
}

/* ---- accessors ---- */

/* The style's texts, or NULL when the index is out of range. */
static const style_text *
style_at(const content *c, int style)
{
	return (style >= 0 && style < STYLE_COUNT) ? &c->style[style] : NULL;
}

const char *
content_style_name(const content *c, int style)
{
	const style_text *st = style_at(c, style);
	return st ? st->name : NULL;
}

const char *
content_style_short(const content *c, int style)
{
	const style_text *st = style_at(c, style);
	return st ? st->shortname : NULL;
}

const char *
content_style_text(const content *c, int style, content_field f)
{
	const style_text *st = style_at(c, style);
	return (st && (unsigned)f < CONTENT_FIELD_COUNT) ? st->field[f] : NULL;
}

size_t
content_style_nquestions(const content *c, int style)
{
	const style_text *st = style_at(c, style);
	return st ? st->nquestions : 0;
}

const char *
content_style_question(const content *c, int style, size_t i)
{
	const style_text *st = style_at(c, style);
	return (st && i < st->nquestions) ? st->question[i] : NULL;
}

const char *
content_style_name_for(const content *c, const bank *b, int style)
{
	if (b && style >= 0 && style < STYLE_COUNT && b->styles[style].name)
		return b->styles[style].name;
	return content_style_name(c, style);
}

const char *
content_style_text_for(const content *c, const bank *b, int style, content_field f)
{
	const char *own = b && (unsigned)f < CONTENT_FIELD_COUNT ?
	                  bank_style_field(b, style, content_field_key(f)) : NULL;

	return own ? own : content_style_text(c, style, f);
}

const char *
content_field_title(content_field f)
{
	return (unsigned)f < CONTENT_FIELD_COUNT ? field_titles[f] : NULL;
}

/* The dimension's texts, or NULL when the index is out of range. */
static const dim_text *
dim_at(const content *c, int dim)
{
	return (dim >= 0 && dim < CONTENT_DIM_COUNT) ? &c->dim[dim] : NULL;
}

const char *
content_dim_name(const content *c, int dim)
{
	const dim_text *d = dim_at(c, dim);
	return d ? d->name : NULL;
}

const char *
content_dim_about(const content *c, int dim)
{
	const dim_text *d = dim_at(c, dim);
	return d ? d->about : NULL;
}

const char *
content_dim_text(const content *c, int dim, int high)
{
	const dim_text *d = dim_at(c, dim);
	return d ? (high ? d->high : d->low) : NULL;
}

const char *
content_near_boundary(const content *c)
{
	return c->near_boundary;
}

const char *
content_two_dimensions(const content *c)
{
	return c->two_dimensions;
}

const char *
content_disclaimer(const content *c)
{
	return c->disclaimer;
}

const char *
content_help_intro(const content *c)
{
	return c->help_intro;
}

size_t
content_nresources(const content *c)
{
	return c->nres;
}

const content_resource *
content_resource_at(const content *c, size_t i)
{
	return i < c->nres ? &c->res[i] : NULL;
}

const char *
content_kind_title(content_kind k)
{
	return (unsigned)k < CONTENT_KIND_COUNT ? kind_titles[k] : NULL;
}

const char *
content_learn_title(const content *c)
{
	return c->learn_title;
}

size_t
content_nchapters(const content *c)
{
	return c->nchap;
}

const content_chapter *
content_chapter_at(const content *c, size_t i)
{
	return i < c->nchap ? &c->chap[i] : NULL;
}

long
content_chapter_find(const content *c, const char *id)
{
	for (size_t i = 0; i < c->nchap; i++)
		if (c->chap[i].id && strcmp(c->chap[i].id, id) == 0)
			return (long)i;
	return -1;
}

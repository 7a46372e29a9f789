/*
 * arena.c - bump allocator in 64 KiB chunks; big blocks get a chunk of their
 * own.  Aligned blocks fill a chunk from the bottom and strings (alignment 1)
 * from the top, so that a string never costs padding before the next block.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define ARENA_CHUNK ((size_t)64 * 1024)
#define ARENA_ALIGN (_Alignof(max_align_t))

struct arena_chunk {
	arena_chunk *next;
	size_t used;               /* aligned blocks: data[0, used) */
	size_t top;                /* strings: data[top, cap) */
	size_t cap;
	max_align_t data[];
};

void
arena_init(arena *a)
{
	a->head = NULL;
}

/* A new chunk of at least n bytes. */
static arena_chunk *
chunk_new(size_t n)
{
	arena_chunk *c;

	if (n > SIZE_MAX - sizeof *c)
		xfatal(71, "out of memory");
	c = xmalloc(sizeof *c + n);
	c->cap = c->top = n;
	c->used = 0;
	c->next = NULL;
	return c;
}

/* n bytes of chunk c at alignment align (1: from the top), or NULL when they do not fit. */
static void *
chunk_take(arena_chunk *c, size_t n, size_t align)
{
	size_t off;

	if (align == 1) {
		if (c->top - c->used < n)
			return NULL;
		c->top -= n;
		return (char *)c->data + c->top;
	}
	off = (c->used + align - 1) & ~(align - 1);
	if (off > c->top || c->top - off < n)
		return NULL;
	c->used = off + n;
	return (char *)c->data + off;
}

/* n bytes at alignment align (a power of two, at most ARENA_ALIGN). */
static void *
take(arena *a, size_t n, size_t align)
{
	arena_chunk *c = a->head;
	void *p = c ? chunk_take(c, n, align) : NULL;

	if (p)
		return p;
	if (n > ARENA_CHUNK / 4) {
		/* A big block: its own chunk, behind the one being filled. */
		arena_chunk *big = chunk_new(n);
		big->used = big->top = n;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			a->head = big;
		}
		return big->data;
	}
	c = chunk_new(ARENA_CHUNK);
	c->next = a->head;
	a->head = c;
	return chunk_take(c, n, align);
}

void *
arena_alloc(arena *a, size_t n)
{
	return take(a, n ? n : 1, ARENA_ALIGN);
}

void *
arena_calloc(arena *a, size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > SIZE_MAX / size)
		xfatal(71, "out of memory");
	p = arena_alloc(a, nmemb * size);
	memset(p, 0, nmemb * size);
	return p;
}

char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		xfatal(71, "out of memory");
	p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(arena *a)
{
	while (a->head) {
		arena_chunk *c = a->head;
		a->head = c->next;
		free(c);
	}
}

void
arena_clear(arena *a)
{
	arena_chunk *keep = a->head;

	if (!keep)
		return;
	while (keep->next) {
		arena_chunk *c = keep->next;
		keep->next = c->next;
		free(c);
	}
	keep->used = 0;
	keep->top = keep->cap;
}

/*
 * arena.h - a bump allocator: many small allocations, one release.
 *
 * Used by the YAML tree (ytree.c) and the bank model (bank.c) so that loading
 * a bank of N items costs O(1) mallocs per 64 KiB rather than per string.
 * Memory is only released all at once by arena_free.  Allocation never fails
 * (dies on out-of-memory, like xmalloc).
 *
 * Ownership: the arena owns every block it hands out; blocks stay valid until
 * arena_free.  An arena is zero-initialisable: `arena a = {0};` is ready.
 */
#ifndef SB_ARENA_H
#define SB_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
	arena_chunk *head;             /* chunk being filled; older chunks follow */
} arena;

/* Make a ready, empty arena (same as zero-initialising it). */
void arena_init(arena *a);

/* n bytes aligned for any object (max_align_t); contents undefined. */
void *arena_alloc(arena *a, size_t n);

/* n zero bytes aligned for any object. */
void *arena_calloc(arena *a, size_t nmemb, size_t size);

/* A NUL-terminated copy of s[0..n) (1-byte aligned, packed tightly). */
char *arena_strndup(arena *a, const char *s, size_t n);

/* Release every block; the arena is empty and reusable afterwards. */
void arena_free(arena *a);

/*
 * Forget every block but keep one chunk for reuse: like arena_free followed
 * by fresh allocations, without returning the memory to malloc.  Used for
 * per-entry scratch memory.
 */
void arena_clear(arena *a);

#endif

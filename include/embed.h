/*
 * embed.h - the data files compiled into the binary.
 *
 * The build turns every file under data/ into a read-only table (see
 * tools/embed.c), so securebase works from any directory, before and after
 * `make install`.  Paths are relative to data/, e.g. "banks/core.yaml".
 * Each file's bytes are followed by a NUL that is not counted in size.
 */
#ifndef SB_EMBED_H
#define SB_EMBED_H

#include <stddef.h>

typedef struct embed_file {
	const char *path;
	const char *data;
	size_t size;
} embed_file;

/* The embedded file at `path`, or NULL. */
const embed_file *embed_find(const char *path);

/* Number of embedded files, and the i-th (sorted by path). */
size_t embed_count(void);
const embed_file *embed_at(size_t i);

#endif

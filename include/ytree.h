/*
 * ytree.h - a YAML document read into a small, position-annotated tree.
 *
 * Built on libyaml's event API.  Safety rules applied while reading, so that
 * no input can make the reader use more than a small multiple of its size:
 *   - aliases and anchors are refused (an error at the anchor/alias);
 *   - nesting deeper than YTREE_MAX_DEPTH is refused;
 *   - exactly one document is accepted (none or several is an error);
 *   - invalid UTF-8 and other syntax errors are reported at their position.
 * Duplicate mapping keys are reported (at the second key) but do not stop the
 * read: the tree is still returned, keeping both pairs, so the caller can go
 * on to report other problems.  Tags are ignored.
 *
 * The input must be UTF-8; a UTF-8 byte order mark is skipped.  A UTF-16 or
 * UTF-32 file (by its byte order mark, or ASCII text with NULs between) is
 * one error at 1:1, "the file is UTF-16; banks must be UTF-8".
 *
 * Ownership: ytree_parse allocates one arena holding every node and string;
 * ytree_free releases it.  Nodes are valid until then and must not be freed
 * individually.
 */
#ifndef SB_YTREE_H
#define SB_YTREE_H

#include <stddef.h>
#include <stdint.h>
#include "err.h"

#define YTREE_MAX_DEPTH 64

typedef enum { YT_SCALAR, YT_SEQ, YT_MAP } yt_kind;

typedef struct yt_node yt_node;
struct yt_node {
	unsigned char kind;        /* yt_kind */
	unsigned char plain;       /* scalar written without quotes or block style */
	uint32_t line, col;        /* 1-based position of the node's start */
	uint32_t n;                /* seq: item count; map: pair count */
	const char *str;           /* scalar: NUL-terminated value (may hold NULs, see len) */
	size_t len;                /* scalar: length in bytes */
	yt_node **kids;            /* seq: n items; map: 2n nodes, key then value;
	                              NULL for a streamed sequence (ytree_parse_stream) */
};

typedef struct ytree ytree;

/*
 * Parse buf[0..len) named `name` (used in error records).  Returns the tree,
 * or NULL when the YAML cannot be read at all; problems are appended to errs
 * in both cases (a non-NULL tree may still come with errors, e.g. duplicate
 * keys).  The root is never NULL in a returned tree.
 */
ytree *ytree_parse(const char *name, const unsigned char *buf, size_t len, errlist *errs);

/*
 * Streaming, for big documents: as ytree_parse, but each entry of the
 * sequence that is the value of top-level key `key` (e.g. "items") is handed
 * to fn as soon as it is complete, and then forgotten: its nodes live only
 * during the call.  That sequence stays in the tree with its entry count in
 * `n` and kids NULL.  fn gets the sequence node (still being built: only its
 * position is set), the entry's 0-based index and the entry.  Entries are
 * handed over even when the document later turns out to be unreadable (the
 * result is then NULL, as with ytree_parse).  Memory then stays bounded by
 * the rest of the document plus the largest entry.
 */
typedef void (*ytree_entry_fn)(void *ctx, const yt_node *seq, size_t index,
                               const yt_node *entry);
ytree *ytree_parse_stream(const char *name, const unsigned char *buf, size_t len,
                          errlist *errs, const char *key, ytree_entry_fn fn, void *ctx);

/* The document's root node. */
const yt_node *ytree_root(const ytree *t);

/* Release the tree and everything in it (NULL is fine). */
void ytree_free(ytree *t);

/* Map lookup: the value for key `key` (first match), or NULL.  Linear. */
const yt_node *yt_get(const yt_node *map, const char *key);

/* Map accessors: key / value of pair i. */
static inline const yt_node *yt_key(const yt_node *m, size_t i) { return m->kids[2 * i]; }
static inline const yt_node *yt_val(const yt_node *m, size_t i) { return m->kids[2 * i + 1]; }

/* True when the node is a plain scalar meaning null (~, null, Null, NULL or empty). */
int yt_is_null(const yt_node *n);

/* Human name of a node's kind for messages: "a mapping", "a list", "text". */
const char *yt_kind_name(const yt_node *n);

/*
 * Copy s[0..len) into buf for use inside an error message: control
 * characters (C0, DEL, C1), backslashes and bytes that are not UTF-8 become
 * escapes like \x1b, so that no file can drive the terminal through a
 * message; text that does not fit is cut (at a character boundary) and ends
 * in "...".  buf is always NUL-terminated; size must be at least 8.  Returns buf.
 */
char *yt_quote(const char *s, size_t len, char *buf, size_t size);

#endif

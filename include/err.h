/*
 * err.h - error records: where a problem is (file, line, column) and what it is.
 *
 * Recoverable errors in securebase are returned as a status code plus records
 * appended to an errlist.  Lines and columns are 1-based; 0 means "unknown"
 * (printed as FILE: message, or FILE:LINE: message).
 *
 * Ownership: an errlist owns copies of every string added to it; errlist_free
 * releases them.  A record whose file name equals the previous record's shares
 * that copy, so that many problems in one file cost no more than their
 * messages.  Control characters and escape sequences (C0, DEL, C1) in a file
 * name or message are stored as \xNN, so that printing a record cannot drive
 * a terminal whatever the file is called.  No function here fails except by
 * dying on out-of-memory.
 */
#ifndef SB_ERR_H
#define SB_ERR_H

#include <stddef.h>
#include <stdio.h>

typedef struct err_rec {
	char *file;            /* owned by the list; may be NULL; read-only */
	unsigned long line;    /* 1-based, 0 = unknown */
	unsigned long col;     /* 1-based, 0 = unknown */
	char *msg;             /* owned, never NULL, no trailing newline */
	int own_file;          /* internal: this record's file is freed with it */
} err_rec;

typedef struct errlist {
	err_rec *v;
	size_t n, cap;
} errlist;

/* Initialise an empty list (equivalent to zero-initialising it). */
void errlist_init(errlist *l);

/* Append a record; fmt is printf-style.  Never fails (dies on OOM). */
void errlist_add(errlist *l, const char *file, unsigned long line,
                 unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * A copy of s (owned by the caller) with every control character written as
 * \xNN: C0, DEL and C1, whether as UTF-8 or as a lone byte.  NULL when s has
 * none, so that the caller goes on with s itself.  For file names that reach
 * a terminal outside an errlist ("FILE: ok").
 */
char *err_escape(const char *s);

/* Print every record as "FILE:LINE:COLUMN: message\n" to fp, in order added
 * (whole, however long the file name or message). */
void errlist_print(const errlist *l, FILE *fp);

/* Format one record into buf (always NUL-terminated); returns buf. */
char *err_format(const err_rec *e, char *buf, size_t size);

/* Sort records by file, line, column (stable for equal positions). */
void errlist_sort(errlist *l);

/* Move every record of from to the end of to, without copying a string;
 * from is empty (and reusable) afterwards. */
void errlist_take(errlist *to, errlist *from);

/* Release all records; the list is empty and reusable afterwards. */
void errlist_free(errlist *l);

#endif

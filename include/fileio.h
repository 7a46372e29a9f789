/*
 * fileio.h - open a file that securebase finds by itself (saved progress, a
 * clinic's texts, a report to load) without letting it hang the program.
 *
 * open(2) on a FIFO waits for a writer and a device may never answer: a file
 * that should hold data but is neither, placed where securebase looks, would
 * freeze it before any message.  fileio_open_regular opens without blocking,
 * checks the type and only then hands the descriptor back.
 */
#ifndef SB_FILEIO_H
#define SB_FILEIO_H

#include <stddef.h>

/* Returned by fileio_open_regular for a FIFO, socket or device. */
#define FILEIO_NOT_REGULAR (-2)

/*
 * Open path read-only (close-on-exec, blocking mode as usual once open).
 * Returns the descriptor (the caller closes it); -1 with errno set when it
 * cannot be opened (ENOENT, EACCES, ...; EISDIR for a directory); or
 * FILEIO_NOT_REGULAR, with nothing left open, for any other kind of file.
 */
int fileio_open_regular(const char *path);

/* Returned by fileio_read_regular when the file opened but reading it failed. */
#define FILEIO_READ_ERROR (-3)

/*
 * Read the regular file at path (opened as fileio_open_regular does), at
 * most max + 1 bytes.  Returns 0 with *buf (a new NUL-terminated buffer the
 * caller frees) and *len; *len > max means the file is larger than max and
 * the rest was not read.  Otherwise nothing is allocated and the return is
 * fileio_open_regular's: -1 with errno set when it cannot be opened, or
 * FILEIO_NOT_REGULAR; or FILEIO_READ_ERROR, errno set, when a read failed.
 * Only running out of memory dies (xmalloc.h).
 */
int fileio_read_regular(const char *path, size_t max, char **buf, size_t *len);

#endif

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

/* Returned by fileio_open_regular for a FIFO, socket or device. */
#define FILEIO_NOT_REGULAR (-2)

/*
 * Open path read-only (close-on-exec, blocking mode as usual once open).
 * Returns the descriptor (the caller closes it); -1 with errno set when it
 * cannot be opened (ENOENT, EACCES, ...; EISDIR for a directory); or
 * FILEIO_NOT_REGULAR, with nothing left open, for any other kind of file.
 */
int fileio_open_regular(const char *path);

#endif

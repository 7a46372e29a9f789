/* fileio.c - open files securebase finds by itself without blocking on FIFOs or devices. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

int
fileio_open_regular(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	int flags;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || (flags = fcntl(fd, F_GETFL)) < 0 ||
	    (S_ISREG(st.st_mode) && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return fd;
	close(fd);
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	return FILEIO_NOT_REGULAR;
}

/* Read a whole regular file, at most max + 1 bytes (see fileio.h). */
int
fileio_read_regular(const char *path, size_t max, char **buf, size_t *len)
{
	int fd = fileio_open_regular(path);
	size_t cap = 4096, n = 0;
	char *b;

	if (fd < 0)
		return fd;
	b = xmalloc(cap);
	while (n <= max) {              /* up to max + 1 bytes, and room for the NUL */
		size_t room, left = max + 1 - n;
		ssize_t r;
		if (n == cap - 1) {
			cap *= 2;
			b = xrealloc(b, cap);
		}
		room = cap - 1 - n;
		r = read(fd, b + n, room < left ? room : left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			free(b);
			errno = e;
			return FILEIO_READ_ERROR;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

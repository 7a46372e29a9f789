/* test_fileio.c - fileio_open_regular: regular files open, nothing else blocks or opens. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fileio.h"

static char dir[] = "/tmp/sb-fileio-XXXXXX";
static char path[sizeof dir + 16];

/* dir/name in path. */
static const char *
at(const char *name)
{
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(at("file"));
	unlink(at("fifo"));
	rmdir(at("sub"));
	return rmdir(dir);
}

/* A regular file opens, in blocking mode, and reads. */
static void
test_regular(void **state)
{
	(void)state;
	FILE *fp = fopen(at("file"), "w");
	assert_non_null(fp);
	fputs("data", fp);
	assert_int_equal(fclose(fp), 0);
	int fd = fileio_open_regular(at("file"));
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	char buf[8] = { 0 };
	assert_int_equal(read(fd, buf, sizeof buf), 4);
	assert_string_equal(buf, "data");
	close(fd);
}

/* A FIFO with no writer returns at once instead of waiting for one. */
static void
test_fifo(void **state)
{
	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	assert_int_equal(fileio_open_regular(at("fifo")), FILEIO_NOT_REGULAR);
}

/* A device, a directory and a missing file. */
static void
test_others(void **state)
{
	(void)state;
	assert_int_equal(fileio_open_regular("/dev/null"), FILEIO_NOT_REGULAR);
	assert_int_equal(mkdir(at("sub"), 0700), 0);
	errno = 0;
	assert_int_equal(fileio_open_regular(at("sub")), -1);
	assert_int_equal(errno, EISDIR);
	errno = 0;
	assert_int_equal(fileio_open_regular(at("missing")), -1);
	assert_int_equal(errno, ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_others),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

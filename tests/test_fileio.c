/* test_fileio.c - fileio_open_regular, fileio_read_regular: only regular files open and read. */
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

/* Write n bytes of 'x' to dir/file. */
static void
make_file(size_t n)
{
	FILE *fp = fopen(at("file"), "w");
	assert_non_null(fp);
	for (size_t i = 0; i < n; i++)
		fputc('x', fp);
	assert_int_equal(fclose(fp), 0);
}

/* Whole files up to max are read and NUL-terminated; one byte more says "larger". */
static void
test_read_sizes(void **state)
{
	static const size_t sizes[] = { 0, 1, 4095, 4096, 4097, 10000 };
	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		char *buf = NULL;
		size_t len = 99;
		make_file(sizes[i]);
		assert_int_equal(fileio_read_regular(at("file"), 10000, &buf, &len), 0);
		assert_int_equal(len, sizes[i]);
		assert_int_equal(strlen(buf), sizes[i]);
		free(buf);
		/* max one less than the size: max + 1 bytes read, the rest not */
		if (sizes[i] > 0) {
			assert_int_equal(fileio_read_regular(at("file"), sizes[i] - 1, &buf, &len), 0);
			assert_int_equal(len, sizes[i]);
			free(buf);
		}
		if (sizes[i] > 1) {
			assert_int_equal(fileio_read_regular(at("file"), sizes[i] - 2, &buf, &len), 0);
			assert_int_equal(len, sizes[i] - 1);
			assert_int_equal(buf[len], '\0');
			free(buf);
		}
	}
}

/* What cannot be read is said as fileio_open_regular says it, nothing allocated. */
static void
test_read_others(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	unlink(at("fifo"));
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	assert_int_equal(fileio_read_regular(at("fifo"), 100, &buf, &len), FILEIO_NOT_REGULAR);
	assert_int_equal(fileio_read_regular("/dev/zero", 100, &buf, &len), FILEIO_NOT_REGULAR);
	errno = 0;
	assert_int_equal(fileio_read_regular(at("missing"), 100, &buf, &len), -1);
	assert_int_equal(errno, ENOENT);
	rmdir(at("sub"));
	assert_int_equal(mkdir(at("sub"), 0700), 0);
	assert_int_equal(fileio_read_regular(at("sub"), 100, &buf, &len), -1);
	assert_int_equal(errno, EISDIR);
	assert_null(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_others),
		cmocka_unit_test(test_read_sizes),
		cmocka_unit_test(test_read_others),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

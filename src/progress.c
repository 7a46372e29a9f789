/* progress.c - where a session is saved, and saving it atomically (progress.h). */
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

#define MAGIC "securebase-progress 1"

/* --- where ------------------------------------------------------------- */

char *
progress_default_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");

	if (x && x[0] == '/')
		return xasprintf("%s/securebase", x);
	if (h && h[0] == '/')
		return xasprintf("%s/.local/state/securebase", h);
	return NULL;
}

/* A file-name-safe form of a bank id (ids are [a-z0-9-] already; be sure). */
static char *
safe_name(const char *id)
{
	char *s = xstrdup(id && *id ? id : "bank");

	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			*p = '_';
	return s;
}

int
progress_init(progress *p, const char *dir, const char *bank_id, int enabled, errlist *errs)
{
	char *name = safe_name(bank_id);

	memset(p, 0, sizeof *p);
	p->enabled = enabled;
	p->dir = dir ? xstrdup(dir) : progress_default_dir();
	if (p->dir)
		p->path = xasprintf("%s/%s.progress", p->dir, name);
	free(name);
	if (!p->dir && enabled) {
		errlist_add(errs, NULL, 0, 0, "cannot save progress: neither XDG_STATE_HOME nor "
		            "HOME is an absolute path (use --no-save to go on without saving)");
		return 73;
	}
	return 0;
}

void
progress_free(progress *p)
{
	free(p->dir);
	free(p->path);
	p->dir = p->path = NULL;
}

void
progress_info_free(progress_info *info)
{
	free(info->bank_id);
	memset(info, 0, sizeof *info);
}

/* --- writing ----------------------------------------------------------- */

/* Append text-answer bytes, escaping what would break the line format. */
static void
put_encoded(char **buf, size_t *len, size_t *cap, const char *t)
{
	for (; *t; t++) {
		unsigned char c = (unsigned char)*t;
		if (*len + 4 >= *cap) {
			*cap *= 2;
			*buf = xrealloc(*buf, *cap);
		}
		if (c <= 0x20 || c == '%' || c == 0x7F)
			*len += (size_t)snprintf(*buf + *len, 4, "%%%02X", c);
		else
			(*buf)[(*len)++] = (char)c;
	}
}

/* Append a formatted piece to the growing buffer. */
static void
put(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
put(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(*buf + *len, *cap - *len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < *cap - *len)
			break;
		*cap *= 2;
		*buf = xrealloc(*buf, *cap);
	}
	*len += (size_t)n;
}

/* The ms field: a number or "-". */
static void
put_ms(char **buf, size_t *len, size_t *cap, long ms)
{
	if (ms < 0)
		put(buf, len, cap, "-");
	else
		put(buf, len, cap, "%ld", ms);
}

char *
progress_format(const session *s, time_t now, size_t *lenp)
{
	size_t len = 0, cap = 1024;
	char *buf = xmalloc(cap);
	const bank *b = s->bank;

	put(&buf, &len, &cap, MAGIC "\nbank %s\nhash %s\ncreated %lld\nsaved %lld\n", b->id,
	    b->hash, (long long)(s->started ? s->started : now), (long long)now);
	if (session_at_review(s))
		put(&buf, &len, &cap, "position review\n");
	else
		put(&buf, &len, &cap, "position %zu\n", s->pos);
	put(&buf, &len, &cap, "from-review %d\n", s->from_review ? 1 : 0);
	for (size_t i = 0; i < s->nitems; i++) {
		const char *id = b->items[i].id;
		if (s->marks[i] == SESSION_SKIPPED) {
			put(&buf, &len, &cap, "skip %s\n", id);
		} else if (s->marks[i] == SESSION_ANSWERED && s->texts[i]) {
			put(&buf, &len, &cap, "text %s ", id);
			put_ms(&buf, &len, &cap, s->ms[i]);
			put(&buf, &len, &cap, " ");
			put_encoded(&buf, &len, &cap, s->texts[i]);
			put(&buf, &len, &cap, "\n");
		} else if (s->marks[i] == SESSION_ANSWERED) {
			put(&buf, &len, &cap, "answer %s %d ", id, s->values[i]);
			put_ms(&buf, &len, &cap, s->ms[i]);
			put(&buf, &len, &cap, "\n");
		}
	}
	put(&buf, &len, &cap, "end\n");
	*lenp = len;
	return buf;
}

/* Create dir and its missing parents with mode 0700; keep dir itself 0700. */
static int
make_dirs(const char *dir, errlist *errs)
{
	char *p = xstrdup(dir);
	struct stat st;

	for (char *q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;
			*q = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				errlist_add(errs, p, 0, 0, "cannot create directory: %s", strerror(errno));
				free(p);
				return 73;
			}
			*q = c;
			if (!c)
				break;
		}
	}
	free(p);
	if (stat(dir, &st) < 0) {
		errlist_add(errs, dir, 0, 0, "cannot use the progress directory: %s", strerror(errno));
		return 73;
	}
	if (!S_ISDIR(st.st_mode)) {
		errlist_add(errs, dir, 0, 0, "cannot use the progress directory: not a directory");
		return 73;
	}
	if ((st.st_mode & 077) && st.st_uid == getuid())
		chmod(dir, 0700);
	return 0;
}

/* fsync a directory so that a rename or unlink in it is durable. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Write all of buf to fd; 0 or -1 with errno. */
static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write buf to a new temporary file in the directory; returns its fd or -1. */
static int
open_temp(const char *tmp)
{
	int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	int fd = open(tmp, flags, 0600);

	if (fd < 0 && errno == EEXIST) {   /* left by a killed process with our pid */
		unlink(tmp);
		fd = open(tmp, flags, 0600);
	}
	return fd;
}

int
progress_save(const progress *p, const session *s, errlist *errs)
{
	size_t len;
	char *buf, *tmp;
	int fd, rc = 0;

	if (!p->enabled)
		return 0;
	if ((rc = make_dirs(p->dir, errs)) != 0)
		return rc;
	tmp = xasprintf("%s.tmp-%ld", p->path, (long)getpid());
	fd = open_temp(tmp);
	if (fd < 0) {
		errlist_add(errs, tmp, 0, 0, "cannot create: %s", strerror(errno));
		free(tmp);
		return 73;
	}
	buf = progress_format(s, time(NULL), &len);
	if (write_all(fd, buf, len) < 0 || fsync(fd) < 0) {
		errlist_add(errs, tmp, 0, 0, "cannot write: %s", strerror(errno));
		rc = 74;
	}
	if (close(fd) < 0 && rc == 0) {
		errlist_add(errs, tmp, 0, 0, "cannot write: %s", strerror(errno));
		rc = 74;
	}
	if (rc == 0 && rename(tmp, p->path) < 0) {
		errlist_add(errs, p->path, 0, 0, "cannot replace: %s", strerror(errno));
		rc = 74;
	}
	if (rc != 0)
		unlink(tmp);
	else
		sync_dir(p->dir);
	free(buf);
	free(tmp);
	return rc;
}

int
progress_remove(const progress *p, errlist *errs)
{
	if (!p->enabled || !p->path)
		return 0;
	if (unlink(p->path) < 0) {
		if (errno == ENOENT)
			return 0;
		errlist_add(errs, p->path, 0, 0, "cannot remove: %s", strerror(errno));
		return 74;
	}
	sync_dir(p->dir);
	return 0;
}

int
progress_set_aside(const progress *p, const char *tag, char **aside, errlist *errs)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	char *to = NULL;
	struct stat st;

	if (aside)
		*aside = NULL;
	if (!p->enabled || !p->path || lstat(p->path, &st) < 0)
		return 0;
	localtime_r(&now, &tm);
	if (strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		memcpy(stamp, "0", sizeof "0");
	for (int n = 0, found = 0; !found; n++) {
		free(to);
		to = NULL;
		if (n == 1000) {          /* never rename over an earlier set-aside file */
			errlist_add(errs, p->path, 0, 0, "cannot set it aside: no free name");
			return 74;
		}
		to = n ? xasprintf("%s.%s-%s-%d", p->path, tag, stamp, n)
		       : xasprintf("%s.%s-%s", p->path, tag, stamp);
		found = lstat(to, &st) < 0 && errno == ENOENT;
	}
	if (rename(p->path, to) < 0) {
		errlist_add(errs, p->path, 0, 0, "cannot rename to %s: %s", to, strerror(errno));
		free(to);
		return 74;
	}
	sync_dir(p->dir);
	if (aside)
		*aside = to;
	else
		free(to);
	return 0;
}

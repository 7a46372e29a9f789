/* report.c - building a report, choosing formats, saving files (see report.h). */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_int.h"
#include "text.h"
#include "xmalloc.h"

void
report_init(report *r, const bank *b, const content *c, const int *answers,
             const char *const *texts, const double *seconds)
{
	memset(r, 0, sizeof *r);
	r->b = b;
	r->c = c;
	r->answers = answers;
	r->texts = texts;
	score_result_init(&r->score, b);
	score_compute(b, answers, &r->score);
	quality_check(b, answers, seconds, &r->quality);
	r->when = time(NULL);
}

void
report_free(report *r)
{
	score_result_free(&r->score);
	quality_notes_free(&r->quality);
}

static const char *const format_name[] = { "text", "markdown", "json" };
static const char *const format_ext[] = { "txt", "md", "json" };

int
report_format_parse(const char *s, report_format *out)
{
	for (int f = 0; f < 3; f++)
		if (s && strcmp(s, format_name[f]) == 0) {
			*out = (report_format)f;
			return 0;
		}
	if (s && strcmp(s, "md") == 0) {
		*out = REPORT_MARKDOWN;
		return 0;
	}
	return -1;
}

const char *
report_format_name(report_format f)
{
	return f <= REPORT_JSON ? format_name[f] : "text";
}

const char *
report_format_ext(report_format f)
{
	return f <= REPORT_JSON ? format_ext[f] : "txt";
}

report_format
report_format_for_path(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (dot && strchr(dot, '/') == NULL) {
		if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0)
			return REPORT_MARKDOWN;
		if (strcasecmp(dot, ".json") == 0)
			return REPORT_JSON;
	}
	return REPORT_TEXT;
}

size_t
report_movers(const bank *b, const int *answers, size_t scale, report_mover *out, size_t max)
{
	size_t n = 0;
	double cut = b->scales[scale].cutoff;

	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];
		int v = answers[i];
		if (it->type != ITEM_LIKERT || v == BANK_NO_ANSWER || v < it->range->min ||
		    v > it->range->max)
			continue;
		for (size_t k = 0; k < it->nkeys; k++) {
			if (it->keys[k].scale != scale)
				continue;
			report_mover m = { i, v, score_keyed_value(it->range, it->keys[k].sign, v),
			                   it->keys[k].sign, 0 };
			m.pull = m.value - cut;
			/* Insertion into the top `max`, stable for equal pulls. */
			size_t pos = n;
			while (pos > 0 && fabs(out[pos - 1].pull) < fabs(m.pull))
				pos--;
			if (pos >= max)
				continue;
			size_t last = n < max ? n : max - 1;
			memmove(out + pos + 1, out + pos, (last - pos) * sizeof *out);
			out[pos] = m;
			if (n < max)
				n++;
		}
	}
	return n;
}

char *
report_percentile_words(double p, char *buf, size_t size)
{
	if (p >= 99.5) {
		snprintf(buf, size, "above the 99th percentile");
		return buf;
	}
	if (p < 0.5) {
		snprintf(buf, size, "below the 1st percentile");
		return buf;
	}
	long n = lround(p), t = n % 100;
	const char *suf = t >= 11 && t <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
	                : n % 10 == 3 ? "rd" : "th";
	snprintf(buf, size, "%ld%s percentile", n, suf);
	return buf;
}

/* Cell of value v on lo..hi in a bar of `width` cells. */
static int
bar_cell(double v, double lo, double hi, int width)
{
	if (!(hi > lo))
		return width / 2;
	double t = (v - lo) / (hi - lo);
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return (int)floor(t * width + 0.5);
}

char *
report_bar(char *buf, size_t size, double lo, double hi, double cut, double score, int width,
           int utf8)
{
	const char *full = utf8 ? "\u2588" : "#", *empty = utf8 ? "\u2591" : ".";
	const char *mark = utf8 ? "\u2502" : "|";
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (width < 1)
		return buf;
	int fill = isnan(score) ? 0 : bar_cell(score, lo, hi, width);
	int cpos = isnan(cut) ? -1 : bar_cell(cut, lo, hi, width);
	if (cpos >= width)
		cpos = width - 1;
	for (int i = 0; i < width; i++) {
		const char *g = i == cpos ? mark : i < fill ? full : empty;
		size_t gl = strlen(g);
		if (len + gl + 1 > size)
			break;
		memcpy(buf + len, g, gl);
		len += gl;
	}
	buf[len] = '\0';
	return buf;
}

char *
report_style_name(const report *r, int style)
{
	const char *n = content_style_name_for(r->c, r->b, style);
	return text_clean_line(n ? n : bank_style_id(style));
}

/* Names of the styles in mask joined with ", " and a final `last`, `first` leading. */
static char *
join_styles(const report *r, unsigned mask, int first, const char *last)
{
	int order[STYLE_COUNT], n = 0;
	char *out = xstrdup("");

	if (first >= 0 && (mask & (1u << first)))
		order[n++] = first;
	for (int s = 0; s < STYLE_COUNT; s++)
		if ((mask & (1u << s)) && s != first)
			order[n++] = s;
	for (int i = 0; i < n; i++) {
		char *name = report_style_name(r, order[i]);
		char *j = xasprintf("%s%s%s", out, i == 0 ? "" : i == n - 1 ? last : ", ", name);
		free(name);
		free(out);
		out = j;
	}
	return out;
}

int
report_primary_style(const report *r)
{
	for (int s = 0; s < STYLE_COUNT; s++)
		if (r->score.style_mask & (1u << s))
			return s;
	return -1;
}

int
report_is_near(const report *r)
{
	return r->score.has_margin && r->score.near_boundary &&
	       (r->score.near_mask & ~r->score.style_mask) != 0;
}

char *
report_headline(const report *r)
{
	unsigned m = r->score.style_mask;
	int s = report_primary_style(r);

	if (s < 0)
		return xstrdup("No result: not enough answers");
	if (report_is_near(r)) {
		char *names = join_styles(r, r->score.near_mask, s, " and ");
		char *h = xasprintf("Between %s", names);
		free(names);
		return h;
	}
	if (m & (m - 1)) {
		char *names = join_styles(r, m, -1, " and ");
		char *h = xasprintf("%s (a tie)", names);
		free(names);
		return h;
	}
	return report_style_name(r, s);
}

char *
report_style_names(const report *r, unsigned mask)
{
	return join_styles(r, mask, -1, " and ");
}

char *
report_neighbours(const report *r)
{
	unsigned nb = r->score.near_mask & ~r->score.style_mask;
	return nb ? join_styles(r, nb, -1, " and ") : NULL;
}

int
report_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int
report_print_summary(FILE *fp, const report *r)
{
	int utf8 = report_locale_utf8();
	return report_write(fp, r, REPORT_TEXT, utf8 ? REPORT_UTF8 : REPORT_ASCII);
}

/* Write the report in its own characters (UTF-8 unless flags say ASCII art). */
static int
write_native(FILE *fp, const report *r, report_format f, unsigned flags)
{
	return f == REPORT_JSON ? report_write_json(fp, r) : report_write_doc(fp, r, f, flags);
}

int
report_write(FILE *fp, const report *r, report_format f, unsigned flags)
{
	if (!(flags & REPORT_ASCII))
		return write_native(fp, r, f, flags);
	/* Render into memory, then transliterate. */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		xfatal(71, "out of memory");
	int rc = write_native(mem, r, f, flags & ~(unsigned)(REPORT_ASCII | REPORT_UTF8));
	if (fclose(mem) != 0)
		rc = 74;
	char *ascii = text_ascii(buf ? buf : "");
	if (rc == 0 && (fputs(ascii, fp) == EOF || fflush(fp) != 0))
		rc = 74;
	free(ascii);
	free(buf);
	return rc;
}

/* Split path into a directory (owned) and the base name (pointer into path). */
static char *
split_dir(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		*base = path;
		return xstrdup(".");
	}
	*base = slash + 1;
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* Write the report into a fresh temporary file; returns 0, 73 or 74. */
static int
write_temp(const report *r, report_format f, char *tmpl, errlist *errs, const char *path)
{
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		errlist_add(errs, path, 0, 0, "cannot create the report: %s", strerror(errno));
		return 73;
	}
	(void)fchmod(fd, 0600);
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		int e = errno;
		close(fd);
		unlink(tmpl);
		errlist_add(errs, path, 0, 0, "cannot write the report: %s", strerror(e));
		return 74;
	}
	int rc = report_write(fp, r, f, 0);
	if (rc == 0 && (fflush(fp) != 0 || fsync(fileno(fp)) != 0))
		rc = 74;
	int e = errno;
	if (fclose(fp) != 0 && rc == 0) {
		rc = 74;
		e = errno;
	}
	if (rc) {
		unlink(tmpl);
		errlist_add(errs, path, 0, 0, "cannot write the report: %s", strerror(e));
	}
	return rc;
}

/*
 * Write the report straight into something that exists and is not a regular
 * file (/dev/null, /dev/stdout, a FIFO, a terminal): it is never replaced by a
 * file of ours.  A FIFO without a reader is refused instead of waited for.
 */
static int
write_direct(const report *r, const char *path, report_format f, errlist *errs)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	int flags = fd >= 0 ? fcntl(fd, F_GETFL) : -1;
	FILE *fp = NULL;

	if (flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0)
		fp = fdopen(fd, "w");
	if (!fp) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		errlist_add(errs, path, 0, 0, "cannot create the report: %s",
		            e == ENXIO ? "a FIFO with no reader" : strerror(e));
		return 73;
	}
	int rc = report_write(fp, r, f, 0);
	int e = errno;
	if (rc == 0 && fflush(fp) != 0) {
		rc = 74;
		e = errno;
	}
	if (fclose(fp) != 0 && rc == 0) {
		rc = 74;
		e = errno;
	}
	if (rc)
		errlist_add(errs, path, 0, 0, "cannot write the report: %s", strerror(e));
	return rc;
}

int
report_save(const report *r, const char *path, report_format f, errlist *errs)
{
	struct stat st;
	const char *base;
	char *real = NULL;
	const char *target = path;

	if (!path || !*path || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		errlist_add(errs, path && *path ? path : "(empty name)", 0, 0,
		            "cannot create the report: %s", path && *path ? "it is a directory" :
		            "no file name");
		return 73;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_direct(r, path, f, errs);
	/* Through a symbolic link: replace its target, keep the link. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(path, NULL)))
		target = real;
	char *dir = split_dir(target, &base);
	if (!*base) {
		errlist_add(errs, path, 0, 0, "cannot create the report: no file name");
		free(dir);
		free(real);
		return 73;
	}
	char *tmpl = xasprintf("%s/.%s.XXXXXX", dir, base);
	int rc = write_temp(r, f, tmpl, errs, path);
	if (rc == 0 && rename(tmpl, target) != 0) {
		int e = errno;
		unlink(tmpl);
		errlist_add(errs, path, 0, 0, "cannot create the report: %s", strerror(e));
		rc = e == EISDIR || e == EACCES || e == EPERM || e == EROFS ? 73 : 74;
	}
	if (rc == 0) {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY);
		if (dfd >= 0) {
			if (fsync(dfd) != 0 && errno != EINVAL) {
				errlist_add(errs, path, 0, 0, "cannot sync the directory: %s",
				            strerror(errno));
				rc = 74;
			}
			close(dfd);
		}
	}
	free(tmpl);
	free(dir);
	free(real);
	return rc;
}

char *
report_default_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/securebase", x);
	if (home && *home)
		return xasprintf("%s/.local/share/securebase", home);
	return NULL;
}

char *
report_suggest_path(const char *dir, const char *bank_id, report_format f, time_t when)
{
	char date[32] = "today";
	struct tm tm;
	struct stat st;
	char *id = text_clean_line(bank_id ? bank_id : "report");

	/* Keep the id a safe file-name part. */
	for (char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			*p = '-';
	if (localtime_r(&when, &tm) && strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
		memcpy(date, "today", sizeof "today");
	char *path = NULL;
	for (int n = 1; n < 10000; n++) {
		free(path);
		path = n == 1 ? xasprintf("%s/securebase-%s-%s.%s", dir, id, date, report_format_ext(f))
		              : xasprintf("%s/securebase-%s-%s-%d.%s", dir, id, date, n,
		                          report_format_ext(f));
		if (lstat(path, &st) != 0)
			break;
	}
	free(id);
	return path;
}

int
report_mkdirs(const char *dir)
{
	int rc = 0;
	struct stat st;

	if (!dir || !*dir) {
		errno = ENOENT;
		return -1;
	}
	char *p = xstrdup(dir);

	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (rc || c == '\0')
			break;
	}
	if (rc == 0 && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
		errno = ENOTDIR;
		rc = -1;
	}
	free(p);
	return rc;
}

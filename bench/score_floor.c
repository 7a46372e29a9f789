/*
 * score_floor.c - the floor for bench_score.sh: the least work that scores
 * the benchmark's one fixed layout.
 *
 * Input: a header line, then rows "ID,v1,...,v36" of ECR-R answers 1..7 in
 * item order (items 1-18 anxiety, 19-36 avoidance; reverse-keyed 9, 11,
 * 20, 22, 26-31, 33-36: r -> 8 - r), LF line ends, no quoting, nothing
 * missing.  Output: "ID,anxiety,avoidance" per row with 4 decimals, i.e.
 * the work securebase does minus all generality and checking.  It reads
 * the whole file into memory and trusts it completely: a yardstick, not a
 * scorer.
 *
 * Usage: score_floor FILE > out
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NITEMS 36

/* 1-based item numbers that are reverse-keyed in the ECR-R. */
static const int reversed[] = { 9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36 };

/* Append sum/18 with 4 decimals (sum/18 is never a tie at 1e-4, so half-up is exact). */
static char *
put_mean(char *o, int sum)
{
	int q = (sum * 10000 * 2 + 18) / (18 * 2);   /* round(sum * 10000 / 18) */

	*o++ = (char)('0' + q / 10000);              /* means are 1..7 */
	*o++ = '.';
	*o++ = (char)('0' + q / 1000 % 10);
	*o++ = (char)('0' + q / 100 % 10);
	*o++ = (char)('0' + q / 10 % 10);
	*o++ = (char)('0' + q % 10);
	return o;
}

/* Read all of f into a NUL-terminated buffer. */
static char *
slurp(FILE *f, size_t *len)
{
	size_t cap = 1 << 20, n = 0, r;
	char *buf = malloc(cap + 1);

	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap && !(buf = realloc(buf, (cap *= 2) + 1)))
			break;
	}
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	static char out[1 << 16];
	size_t ol = 0, len;
	int rev[NITEMS + 1] = { 0 };
	char *buf, *p, *end;
	FILE *f;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fputs("usage: score_floor FILE\n", stderr);
		return 64;
	}
	if (!(buf = slurp(f, &len)))
		return 71;
	fclose(f);
	for (size_t i = 0; i < sizeof reversed / sizeof *reversed; i++)
		rev[reversed[i]] = 1;
	end = buf + len;
	p = memchr(buf, '\n', len);                  /* skip the header */
	for (p = p ? p + 1 : end; p < end; p++) {    /* p++ skips the '\n' */
		int sum[2] = { 0, 0 };
		char *id = p;

		while (*p != ',')
			p++;
		memcpy(out + ol, id, (size_t)(p - id));
		ol += (size_t)(p - id);
		for (int item = 1; item <= NITEMS; item++) {
			int v = 0;
			for (p++; *p >= '0' && *p <= '9'; p++)
				v = v * 10 + (*p - '0');
			sum[item > 18] += rev[item] ? 8 - v : v;
		}
		out[ol++] = ',';
		ol = (size_t)(put_mean(out + ol, sum[0]) - out);
		out[ol++] = ',';
		ol = (size_t)(put_mean(out + ol, sum[1]) - out);
		out[ol++] = '\n';
		if (ol > sizeof out - 4096) {
			fwrite(out, 1, ol, stdout);
			ol = 0;
		}
	}
	fwrite(out, 1, ol, stdout);
	free(buf);
	return ferror(stdout) ? 74 : 0;
}

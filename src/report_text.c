/* report_text.c - the text and Markdown reports, written from the report's blocks. */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_int.h"
#include "text.h"
#include "xmalloc.h"

/* Write s wrapped to width, every line starting with first (then rest). */
static void
put_wrapped(FILE *fp, const char *s, int width, const char *first, const char *rest)
{
	text_lines tl = { 0 };
	int indent = text_width(first);
	size_t n = text_wrap(s, width - indent, &tl);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s%.*s\n", i ? rest : first, (int)tl.v[i].len, s + tl.v[i].off);
	text_lines_free(&tl);
}

/* A line of c as wide as s. */
static void
underline(FILE *fp, const char *s, char c)
{
	int w = text_width(s);
	for (int i = 0; i < w && i < REPORT_WIDTH; i++)
		fputc(c, fp);
	fputc('\n', fp);
}

/* One block in the text format. */
static void
text_block(FILE *fp, const report_block *b, const report_block *prev)
{
	switch (b->kind) {
	case RB_TITLE:
		put_wrapped(fp, b->text, REPORT_WIDTH, "", "");
		underline(fp, b->text, '=');
		break;
	case RB_HEADING:
		fputc('\n', fp);
		put_wrapped(fp, b->text, REPORT_WIDTH, "", "");
		underline(fp, b->text, '-');
		break;
	case RB_SUBHEADING:
		fputc('\n', fp);
		put_wrapped(fp, b->text, REPORT_WIDTH, "", "");
		underline(fp, b->text, '~');
		break;
	case RB_MINOR:
		fputc('\n', fp);
		put_wrapped(fp, b->text, REPORT_WIDTH, "", "");
		break;
	case RB_BULLET:
		if (prev && prev->kind != RB_BULLET)
			fputc('\n', fp);
		put_wrapped(fp, b->text, REPORT_WIDTH, "  - ", "    ");
		break;
	case RB_PRE:
		fprintf(fp, "\n%s\n", b->text);
		break;
	case RB_STRONG:
	case RB_PARA:
		if (prev && prev->kind != RB_MINOR)
			fputc('\n', fp);
		put_wrapped(fp, b->text, REPORT_WIDTH, "", "");
		break;
	}
}

/* Markdown: s with every character Markdown could interpret escaped. */
static void
md_escaped(FILE *fp, const char *s)
{
	const char *p = s;
	/* A line that would start a list or a heading. */
	if ((*p == '-' || *p == '+') && p[1] == ' ')
		fputc('\\', fp);
	else if (*p >= '0' && *p <= '9') {
		size_t d = strspn(p, "0123456789");
		if (p[d] == '.' || p[d] == ')') {
			(void)fwrite(p, 1, d, fp);   /* errors stay on fp for the caller */
			fputc('\\', fp);
			p += d;
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_{}[]<>#|~&!", *p))
			fputc('\\', fp);
		fputc(*p, fp);
	}
}

/* Longest run of backticks in s, for a fence that it cannot close. */
static int
backtick_run(const char *s)
{
	int best = 0, run = 0;
	for (; *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* One block in Markdown. */
static void
md_block(FILE *fp, const report_block *b, const report_block *prev)
{
	static const char *const prefix[] = { "# ", "## ", "### ", "#### " };
	int fence;
	switch (b->kind) {
	case RB_TITLE:
	case RB_HEADING:
	case RB_SUBHEADING:
	case RB_MINOR:
		fprintf(fp, "%s%s", prev ? "\n" : "", prefix[b->kind - RB_TITLE]);
		md_escaped(fp, b->text);
		fputc('\n', fp);
		break;
	case RB_BULLET:
		fputs(prev && prev->kind == RB_BULLET ? "- " : "\n- ", fp);
		md_escaped(fp, b->text);
		fputc('\n', fp);
		break;
	case RB_PRE:
		fence = backtick_run(b->text) + 1;
		fence = fence < 3 ? 3 : fence;
		fprintf(fp, "\n%.*stext\n%s\n%.*s\n", fence, "``````````````````````````````",
		        b->text, fence, "``````````````````````````````");
		break;
	case RB_STRONG:
		fputs("\n**", fp);
		md_escaped(fp, b->text);
		fputs("**\n", fp);
		break;
	case RB_PARA:
		fputc('\n', fp);
		md_escaped(fp, b->text);
		fputc('\n', fp);
		break;
	}
}

/* Title and the bank / date lines. */
static void
header_doc(const report *r, report_doc *d)
{
	char *title = text_clean_line(r->b->title), *id = text_clean_line(r->b->id);
	char *ver = r->b->version ? text_clean_line(r->b->version) : NULL, when[40];
	struct tm tm;

	d->v = xreallocarray(d->v, d->n + 2, sizeof *d->v);
	d->v[d->n].kind = RB_TITLE;
	d->v[d->n++].text = xstrdup(title);
	if (!gmtime_r(&r->when, &tm) || !strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm))
		strcpy(when, "unknown");
	d->v[d->n].kind = RB_PARA;
	d->v[d->n++].text = xasprintf("Questionnaire: %s (%s%s%s, content %s). Taken %s. "
	                              "This is a self-reflection tool, not a diagnosis: see "
	                              "\"Help and resources\" at the end.",
	                              title, id, ver ? ", version " : "", ver ? ver : "",
	                              r->b->hash, when);
	free(title);
	free(id);
	free(ver);
}

int
report_write_doc(FILE *fp, const report *r, report_format f, unsigned flags)
{
	report_doc d = { 0 };

	header_doc(r, &d);
	for (int s = 0; s < REPORT_SEC_COUNT; s++)
		report_section_doc(r, (report_section)s, flags, 0, &d);
	for (size_t i = 0; i < d.n; i++) {
		const report_block *prev = i ? &d.v[i - 1] : NULL;
		if (f == REPORT_MARKDOWN)
			md_block(fp, &d.v[i], prev);
		else
			text_block(fp, &d.v[i], prev);
	}
	report_doc_free(&d);
	return fflush(fp) == 0 && !ferror(fp) ? 0 : 74;
}

/* plain.c - plain line mode: one question per prompt, one answer per line (see plain.h). */
#include "plain.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* Ranges up to this many values list every option; larger ones only the labelled. */
#define LIST_ALL_MAX 11

typedef struct plain {
	run *r;
	FILE *in, *out, *err;
	int utf8, interactive;
	int pending;            /* saved progress: 'r' at the first prompt continues it */
	int reprompt;           /* same question again: print only the prompt */
	size_t saved_pos;       /* where the saved session was, while pending */
	char *line;
	size_t cap;
} plain;

/* Set by the signal handler, acted on after the read it interrupts. */
static volatile sig_atomic_t plain_signal;

/* Record the signal; nothing else is safe here. */
static void
on_signal(int sig)
{
	plain_signal = sig;
}

/* Print untrusted text neutralised (and in ASCII outside UTF-8 locales). */
static void
put(plain *p, const char *s, int one_line)
{
	char *c = one_line ? text_clean_line(s) : text_clean(s);

	if (!p->utf8) {
		char *a = text_ascii(c);
		free(c);
		c = a;
	}
	fputs(c, p->out);
	free(c);
}

/* The command that continues this run later. */
static void
put_resume_hint(plain *p)
{
	fputs("To continue later, run: securebase --resume", p->out);
	if (p->r->o.bank_arg)
		fprintf(p->out, " --bank %s", p->r->o.bank_arg);
	fputs("\n", p->out);
}

/* Title, instructions, privacy, not-a-diagnosis, keys. */
static void
intro(plain *p)
{
	const bank *b = p->r->bank;

	put(p, b->title, 1);
	fputs("\n\n", p->out);
	if (b->instructions && *b->instructions) {
		put(p, b->instructions, 0);
		fputs(b->instructions[strlen(b->instructions) - 1] == '\n' ? "\n" : "\n\n", p->out);
	}
	if (p->r->o.no_save)
		fputs("Privacy: your answers are not saved anywhere (--no-save). If you stop "
		      "before the end, they are gone. Nothing is sent anywhere.\n\n", p->out);
	else
		fprintf(p->out, "Privacy: your answers are saved only on this computer, in %s, "
		        "so that you can stop and continue later. Nothing is sent anywhere.\n\n",
		        p->r->store.dir);
	put(p, run_disclaimer(p->r), 0);
	fputs("\n\nType the number of your answer and press Enter. Other keys: b back, "
	      "s skip, ? help, q stop.\n", p->out);
}

/* Help for the prompt. */
static void
help(plain *p)
{
	fputs("Help:\n"
	      "  a number  answer the question and go on\n"
	      "  Enter     keep your current answer and go on (when you have one)\n"
	      "  b         go back one question\n"
	      "  s         skip this question (leave it unanswered)\n"
	      "  ?         show this help\n", p->out);
	fprintf(p->out, "  q         stop now%s\n", p->r->o.no_save ? " (nothing is saved: --no-save)"
	        : "; your answers so far are kept on this computer");
	if (p->pending)
		fputs("  r         continue your saved progress (at this first prompt only)\n", p->out);
	fputs("On a free-text question the whole line is your answer; an empty line leaves "
	      "it as it is.\n", p->out);
}

/* The options of a likert item, one per line. */
static void
put_options(plain *p, const bank_range *rg)
{
	int all = rg->max - rg->min + 1 <= LIST_ALL_MAX;

	for (int v = rg->min; v <= rg->max; v++) {
		const char *l = bank_range_label(rg, v);
		if (!all && !l)
			continue;
		fprintf(p->out, "%d", v);
		if (l) {
			fputs(" ", p->out);
			put(p, l, 1);
		}
		fputs("\n", p->out);
	}
}

/* The current question, its options, its current answer and the prompt. */
static void
show_item(plain *p)
{
	const session *s = &p->r->s;
	const bank_item *it = session_item(s);
	int have = !p->pending && session_mark_of(s, s->pos) == SESSION_ANSWERED;

	if (p->reprompt) {
		p->reprompt = 0;
		if (it->type == ITEM_TEXT)
			fputs("Your answer: ", p->out);
		else
			fprintf(p->out, "Your answer (%d to %d): ", it->range->min, it->range->max);
		(void)fflush(p->out);   /* a prompt; errors stay on out for plain_run */
		return;
	}
	fprintf(p->out, "\nQuestion %zu of %zu%s\n", s->pos + 1, s->nitems,
	        it->type == ITEM_TEXT ? " (free text, optional)" : "");
	put(p, it->text, 0);
	fputs("\n", p->out);
	if (it->type == ITEM_TEXT) {
		if (have) {
			fputs("Your current answer: ", p->out);
			put(p, session_text(s, s->pos), 1);
			fputs("\nPress Enter to keep it, or type a new answer.\n", p->out);
		} else {
			fputs("Type your answer on one line, or press Enter to leave it empty.\n", p->out);
		}
		fputs("Your answer: ", p->out);
	} else {
		const bank_range *rg = it->range;
		put_options(p, rg);
		if (have) {
			int v = session_value(s, s->pos);
			const char *l = bank_range_label(rg, v);
			fprintf(p->out, "Your current answer: %d", v);
			if (l) {
				fputs(" ", p->out);
				put(p, l, 1);
			}
			fputs(". Press Enter to keep it.\n", p->out);
		}
		fprintf(p->out, "Your answer (%d to %d): ", rg->min, rg->max);
	}
	(void)fflush(p->out);
}

/* Read one line without its end; 1, or 0 at end of input or on a signal. */
static int
read_line(plain *p)
{
	ssize_t n;

	errno = 0;
	n = getline(&p->line, &p->cap, p->in);
	if (n < 0 || plain_signal)
		return 0;
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	if (!p->interactive) {   /* keep a readable transcript of piped answers */
		put(p, p->line, 1);
		fputs("\n", p->out);
	}
	return 1;
}

/* Parse an optionally signed decimal integer with blanks around it. */
static int
parse_answer(const char *s, int *v)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(s, &end, 10);
	if (end == s || errno || x < -1000000000L || x > 1000000000L)
		return -1;
	end += strspn(end, " \t");
	if (*end)
		return -1;
	*v = (int)x;
	return 0;
}

/* Save after an answer, telling the person when it fails. */
static void
save(plain *p)
{
	if (run_save(p->r) != 0)
		fprintf(p->err, "securebase: could not save your progress: %s\n", p->r->save_error);
}

/* Resolve a pending continue-or-start-again choice by the first line. */
static int
resolve_pending(plain *p, const char *cmd)
{
	if (!p->pending)
		return 0;
	p->pending = 0;
	if (strcmp(cmd, "r") == 0) {
		run_begin(p->r, 1);
		p->r->s.pos = p->saved_pos;
		fprintf(p->out, "Continuing where you left off.\n");
		return 1;
	}
	run_begin(p->r, 0);
	return 0;
}

enum { GO_ON, STOP };

/* Act on one line of input at the current item. */
static int
handle(plain *p, const char *line)
{
	session *s = &p->r->s;
	const char *cmd = line + strspn(line, " \t");
	const bank_item *it;
	int v;

	if (strcmp(cmd, "?") == 0 && session_item(s)->type != ITEM_TEXT) {
		help(p);
		p->reprompt = 1;
		return GO_ON;
	}
	if (strcmp(cmd, "q") == 0 && session_item(s)->type != ITEM_TEXT)
		return STOP;
	if (resolve_pending(p, cmd))
		return GO_ON;
	it = session_item(s);
	if (it->type == ITEM_TEXT) {
		if (*cmd == '\0')
			session_skip(s);
		else
			session_answer_text(s, line, session_clock_ms());
		save(p);
		return GO_ON;
	}
	if (strcmp(cmd, "b") == 0) {
		if (session_back(s) < 0) {
			fputs("This is the first question.\n", p->out);
			p->reprompt = 1;
		} else {
			save(p);
		}
		return GO_ON;
	}
	if (strcmp(cmd, "s") == 0 || (*cmd == '\0' && session_mark_of(s, s->pos) == SESSION_ANSWERED)) {
		session_skip(s);
		save(p);
		return GO_ON;
	}
	if (parse_answer(cmd, &v) == 0 && session_answer(s, v, session_clock_ms()) == 0) {
		save(p);
		return GO_ON;
	}
	fprintf(p->out, "Please type a number from %d to %d (or b, s, ?, q).\n",
	        it->range->min, it->range->max);
	p->reprompt = 1;
	return GO_ON;
}

/* Stopped before the end: keep the progress and say how to continue. */
static int
stop(plain *p)
{
	fputs("\n", p->out);
	if (!p->pending)
		save(p);
	if (p->r->o.no_save) {
		fputs("Stopped. Nothing was saved (--no-save).\n", p->out);
	} else {
		fputs("Stopped. Your answers so far are saved on this computer.\n", p->out);
		put_resume_hint(p);
	}
	(void)fflush(p->out);
	return 130;
}

/* Handle SIGINT, SIGTERM and SIGHUP by flag (reads are interrupted); keep the old actions. */
static void
catch_signals(struct sigaction old[3], int install)
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++) {
		if (install)
			sigaction(sigs[i], &sa, &old[i]);
		else
			sigaction(sigs[i], &old[i], NULL);
	}
}

/* Say what happened to saved progress, and set up the first prompt. */
static void
start(plain *p)
{
	run *r = p->r;
	char *note = run_saved_note(r);

	if (run_can_continue(r) && r->o.resume) {
		run_begin(r, 1);
		fprintf(p->out, "\nContinuing where you left off: %zu of %zu questions answered.\n",
		        session_answered(&r->s), r->s.nitems);
	} else if (run_can_continue(r)) {
		p->pending = 1;
		p->saved_pos = r->s.pos;
		fprintf(p->out, "\n%s\nType r to continue where you left off, or answer question 1 "
		        "to start again.\n", note);
		r->s.pos = 0;   /* show the first question; the choice comes with the first line */
	} else {
		if (note)
			fprintf(p->out, "\n%s\n", note);
		run_begin(r, 0);
	}
	free(note);
}

int
plain_run(run *r, FILE *in, FILE *out, FILE *err, int interactive)
{
	plain p = { r, in, out, err, report_locale_utf8(), interactive, 0, 0, 0, NULL, 0 };
	struct sigaction old[3];
	int rc = -1;

	plain_signal = 0;
	catch_signals(old, 1);
	intro(&p);
	start(&p);
	while (rc < 0 && !session_at_review(&r->s)) {
		if (r->s.shown_at < 0)
			session_shown(&r->s, session_clock_ms());
		show_item(&p);
		if (!read_line(&p) || handle(&p, p.line) == STOP) {
			if (p.pending)
				r->s.pos = p.saved_pos;
			rc = stop(&p);
		}
	}
	if (rc < 0) {
		fputs("\nThat was the last question. Here is your summary.\n\n", out);
		rc = run_finish(r, out, err, interactive);
	}
	if ((fflush(out) != 0 || ferror(out)) && rc == 0) {
		fputs("securebase: the output could not be written (disk full or closed "
		      "pipe?)\n", err);
		rc = 74;
	}
	catch_signals(old, 0);
	free(p.line);
	return rc;
}

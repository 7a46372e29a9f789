/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * Out of memory is the one error securebase does not recover from: these
 * functions print "securebase: out of memory", run the fatal hook (the
 * interface registers one that restores the terminal) and exit with 71
 * (EX_OSERR).  Everything else returns an error to its caller.
 */
#ifndef SB_XMALLOC_H
#define SB_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array: returns p resized to hold nmemb elements of size (overflow-checked). */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);              /* s may be NULL: returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* xasprintf with a va_list (ap is used up, as by vsnprintf). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Register a function run before exiting on a fatal error (NULL clears it). */
void xmalloc_set_fatal_hook(void (*hook)(void));

/* Print "securebase: MESSAGE" to stderr, run the fatal hook, exit(code). */
/* noreturn twice: cppcheck 2.10 reads the attribute, not C11 _Noreturn. */
_Noreturn void xfatal(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

#endif

/* banks.c - resolve a --bank argument to a file or a bundled bank. */
#include "banks.h"

#include <string.h>

#include "embed.h"

int
banks_is_file(const char *arg)
{
	size_t n = strlen(arg);

	return strchr(arg, '/') != NULL ||
	       (n >= 5 && strcmp(arg + n - 5, ".yaml") == 0) ||
	       (n >= 4 && strcmp(arg + n - 4, ".yml") == 0);
}

/* True for embedded paths that hold a bundled bank. */
static int
is_bank_path(const char *p)
{
	return strncmp(p, "banks/", 6) == 0 || strncmp(p, "keys/", 5) == 0;
}

/* Does p end in ".yaml"? */
static int
is_yaml(const char *p)
{
	size_t n = strlen(p);

	return n > 5 && strcmp(p + n - 5, ".yaml") == 0;
}

size_t
banks_count(void)
{
	size_t n = 0;

	for (size_t i = 0; i < embed_count(); i++)
		n += is_bank_path(embed_at(i)->path) && is_yaml(embed_at(i)->path);
	return n;
}

const embed_file *
banks_at(size_t i)
{
	for (size_t j = 0; j < embed_count(); j++) {
		const embed_file *f = embed_at(j);
		if (is_bank_path(f->path) && is_yaml(f->path) && i-- == 0)
			return f;
	}
	return NULL;
}

/* The bundled bank whose file stem is id (banks are named <id>.yaml). */
static const embed_file *
find_bundled(const char *id)
{
	for (size_t i = 0; i < banks_count(); i++) {
		const embed_file *f = banks_at(i);
		const char *base = strchr(f->path, '/') + 1;
		size_t n = strlen(base) - 5;
		if (strlen(id) == n && strncmp(base, id, n) == 0)
			return f;
	}
	return NULL;
}

int
banks_open(bank **out, const char *arg, errlist *errs)
{
	const embed_file *f;

	*out = NULL;
	if (!arg)
		arg = BANKS_DEFAULT;
	if (banks_is_file(arg))
		return bank_load_file(out, arg, errs);
	f = find_bundled(arg);
	if (!f) {
		errlist_add(errs, arg, 0, 0,
		            "no bundled bank has this id (see 'securebase banks'); "
		            "to load a file, give a path containing '/' or ending in .yaml");
		return 66;
	}
	return bank_load_mem(out, f->path, f->data, f->size, errs);
}

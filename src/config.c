/* config.c - the clinic's override directory and loading the texts from it (see config.h). */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "xmalloc.h"

char *
config_dir(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x && x[0] == '/')
		return xasprintf("%s/" CONFIG_NAME, x);
	if (h && h[0] == '/')
		return xasprintf("%s/.config/" CONFIG_NAME, h);
	return NULL;
}

/* True when path names an existing directory (following symbolic links). */
static int
is_dir(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
config_content_load(content **out, errlist *errs)
{
	char *dir = config_dir();
	int rc = content_load_dir(out, is_dir(dir) ? dir : NULL, errs);

	free(dir);
	return rc;
}

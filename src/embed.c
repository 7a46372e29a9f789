/* embed.c - lookup in the table of data files generated at build time. */
#include "embed.h"

#include <string.h>

/* Binary search by path in the sorted table. */
const embed_file *
embed_find(const char *path)
{
	size_t lo = 0, hi = embed_count();

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, embed_at(mid)->path);
		if (c == 0)
			return embed_at(mid);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

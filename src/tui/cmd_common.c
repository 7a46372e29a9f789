/* cmd_common.c - shared pieces of the explore and learn commands (cmd_common.h). */
#include "cmd_common.h"

#include <stdarg.h>
#include <stdio.h>

#include "banks.h"
#include "config.h"
#include "tui.h"
#include "usage.h"

int
cmd_common_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "securebase %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_hint(stderr);
	return 64;
}

int
cmd_common_open(content **c, bank **b, const char *bank_arg, int bank_optional,
                errlist *errs)
{
	int rc;

	*c = NULL;
	*b = NULL;
	rc = config_content_load(c, errs);
	if (rc == 0)
		rc = banks_open(b, bank_arg, errs);
	if (rc != 0 && *c && bank_optional) {   /* the texts loaded, the bank did not */
		*b = NULL;
		rc = 0;
	}
	return rc;
}

int
cmd_common_screen(int plain)
{
	return !plain && tui_available();
}

/* fuzz_report.c - libFuzzer target: report_load_mem on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	report_data d;
	errlist e;

	errlist_init(&e);
	if (report_load_mem(&d, "fuzz.json", (const char *)data, size, &e) == 0) {
		/* A loaded report is consistent: its indexes are in range. */
		if ((d.anxiety >= 0 && (size_t)d.anxiety >= d.nscales) ||
		    (d.avoidance >= 0 && (size_t)d.avoidance >= d.nscales))
			__builtin_trap();
		for (size_t i = 0; i < d.nscales; i++)
			if (!d.scales[i].id || !d.scales[i].name)
				__builtin_trap();
	}
	report_data_free(&d);
	errlist_free(&e);
	return 0;
}

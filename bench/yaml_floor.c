/*
 * yaml_floor.c - the benchmark floor for `securebase check`: read a file and
 * run libyaml's event parser over it, nothing else.  Prints the number of
 * events; exits 1 on a parse error.
 *
 *   cc -O2 -o yaml_floor bench/yaml_floor.c $(pkg-config --cflags --libs yaml-0.1)
 *   ./yaml_floor FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	FILE *fp;
	unsigned char *buf;
	size_t n = 0, cap = 1 << 16, got;
	yaml_parser_t p;
	yaml_event_t ev;
	unsigned long events = 0;
	int done = 0;

	if (argc != 2 || !(fp = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: yaml_floor FILE\n");
		return 2;
	}
	if (!(buf = malloc(cap)))
		return 2;
	while ((got = fread(buf + n, 1, cap - n, fp)) > 0)
		if ((n += got) == cap && !(buf = realloc(buf, cap *= 2)))
			return 2;
	fclose(fp);
	if (!yaml_parser_initialize(&p))
		return 2;
	yaml_parser_set_input_string(&p, buf, n);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yaml_floor: %s\n", p.problem ? p.problem : "parse error");
			return 1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(buf);
	printf("%lu events\n", events);
	return 0;
}

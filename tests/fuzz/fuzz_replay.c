/*
 * fuzz_replay.c: main() for a harness without libFuzzer: run it once on
 * each file named (a folder: each file in it), so that `make check`
 * replays the seed corpora and the crashes found (tests/fuzz/regress.sh).
 * Exit 0 when every input ran; a finding aborts.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"

/* Run the harness on FILE; 0, or 1 when it cannot be read. */
static int
fuzz_replay_file(const char *file)
{
	struct checklist_error err;
	char *buf = NULL;
	size_t len = 0;

	checklist_error_clear(&err);
	if (checklist_read_file(file, 64u * 1024 * 1024, &buf, &len, &err) !=
	    CHECKLIST_OK) {
		fprintf(stderr, "%s\n", checklist_error_text(&err));
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

/* Each file of folder DIR (not recursive), or DIR itself. */
static int
fuzz_replay_path(const char *path, int *n)
{
	struct stat sb;
	struct dirent *e;
	DIR *d;
	char *f;
	int bad = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		(*n)++;
		return fuzz_replay_file(path);
	}
	if ((d = opendir(path)) == NULL)
		return 1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		f = checklist_xasprintf("%s/%s", path, e->d_name);
		if (stat(f, &sb) == 0 && S_ISREG(sb.st_mode)) {
			(*n)++;
			bad |= fuzz_replay_file(f);
		}
		free(f);
	}
	closedir(d);
	return bad;
}

int
main(int argc, char **argv)
{
	int i, bad = 0, n = 0;

	for (i = 1; i < argc; i++)
		bad |= fuzz_replay_path(argv[i], &n);
	printf("%s: %d input%s replayed\n", argv[0], n, n == 1 ? "" : "s");
	return bad;
}

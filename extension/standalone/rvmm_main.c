// SPDX-License-Identifier: GPL-2.0
/*
 * build/rvmm: the rvmm core over a vmlinux + vmcore pair, without crash.
 *   rvmm VMLINUX VMCORE SUBCOMMAND [ARGS] [--json] [--force]
 *   rvmm --help          every subcommand and option
 *   rvmm --help=crash    the page crash's `help rvmm` prints
 *   rvmm batch [-j N] LIST   triage many pairs (batch.c)
 * Exit status: 0 ok, 1 the command failed, 2 usage, 3 an input is unusable;
 * triage: 0 no match, 10 match, 11 inconclusive (docs/json-schema.md).
 */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "dispatch.h"
#include "pair.h"
#include "rvmm.h"

static void write_stdout(void *ctx, const char *buf, size_t len)
{
	fwrite(buf, 1, len, stdout);
}

static int usage(void)
{
	fprintf(stderr,
		"usage: rvmm VMLINUX VMCORE %s\n       rvmm batch [-j N] LIST\n",
		rvmm_usage(RVMM_FE_TOOL));
	return RVMM_EUSAGE;
}

/*
 * The help page from the command table; the crash one as it is, for
 * docs/commands.md and readers without crash.  Lines 0-2 are crash's
 * name, summary and synopsis: the tool's page starts with its usage.
 */
static int help(const char *which)
{
	int crash = !strcmp(which, "--help=crash");
	const char *const *line =
		rvmm_help_page(crash ? RVMM_FE_CRASH : RVMM_FE_TOOL);

	if (!crash && strcmp(which, "--help"))
		return usage();
	if (!crash) {
		printf("usage: rvmm VMLINUX VMCORE %s\n%s\n", line[2], line[1]);
		line += 3;
	}
	for (; *line; line++)
		printf("%s\n", *line);
	return 0;
}

/* --force, anywhere: remove it so the subcommands never see it. */
static int take_force(int argc, char **argv, int *force)
{
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--force"))
			*force = 1;
		else
			argv[n++] = argv[i];
	}
	argv[n] = NULL;
	return n;
}

int main(int argc, char **argv)
{
	struct rvmm_out out = {.write = write_stdout};
	static struct rvmm_pair pair;
	struct rvmm_options opt;
	struct rvmm_error err = {0};
	int rc;

	rvmm_options_init(&opt);
	argc = take_force(argc, argv, &opt.force);
	if (argc >= 2 && !strcmp(argv[1], "batch"))
		return rvmm_batch_main(argc - 1, argv + 1, &opt);
	if (argc == 2 && !strncmp(argv[1], "--help", 6))
		return help(argv[1]);
	if (argc < 4)
		return usage();
	rc = rvmm_pair_open(&pair, argv[1], argv[2], &opt, &err);
	if (pair.warning[0])
		fprintf(stderr, "rvmm: warning: %s\n", pair.warning);
	if (rc) {
		fprintf(stderr, "rvmm: %s\n", err.msg);
		return err.code;
	}
	rc = rvmm_dispatch(&pair.session, &out, argc - 3, argv + 3, &err);
	if (rc == RVMM_DISPATCH_USAGE) {
		fprintf(stderr, "rvmm: %s\n", err.msg);
		rc = usage();
	} else if (rc != RVMM_DISPATCH_OK && rc != RVMM_DISPATCH_TRIAGE_MATCH &&
		   rc != RVMM_DISPATCH_TRIAGE_INCONCLUSIVE) {
		rc = RVMM_EFAILED;
	}
	fflush(stdout);
	rvmm_pair_close(&pair);
	return rc;
}

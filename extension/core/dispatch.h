/* SPDX-License-Identifier: GPL-2.0 */
/* The command table: every subcommand's arguments, runner and help. */
#ifndef RVMM_DISPATCH_H
#define RVMM_DISPATCH_H

#include <stdio.h>
#include "session.h"

enum {
	RVMM_DISPATCH_OK = 0,
	RVMM_DISPATCH_FAILED = 1, /* the command ran and printed its error */
	RVMM_DISPATCH_USAGE = 2, /* bad arguments: err says which */
	/*
	 * `triage` only (docs/json-schema.md): no-match is 0, so scripts
	 * that only check success keep working; errors stay 1.  Front ends
	 * should pass these through as their exit status.
	 */
	RVMM_DISPATCH_TRIAGE_NO_MATCH = 0,
	RVMM_DISPATCH_TRIAGE_MATCH = 10,
	RVMM_DISPATCH_TRIAGE_INCONCLUSIVE = 11,
};

/* Which front ends run a command (rvmm-live counts as the tool). */
enum rvmm_frontend {
	RVMM_FE_CRASH = 1,
	RVMM_FE_TOOL = 2,
	RVMM_FE_ALL = RVMM_FE_CRASH | RVMM_FE_TOOL,
};

/* What a command's parser hands its runner. */
struct rvmm_cmd_args {
	uint64_t num, end; /* ADDR, PFN, section, page address, range */
	const char *word; /* ptdump's REGION */
	int flag; /* the command's own option was given */
	int mode; /* vmemmap selection, ptdesc by address, preflight path */
};

struct rvmm_command {
	const char *name;
	/* the arguments as the tools spell them, and as crash does if not */
	const char *args, *crash_args;
	/*
	 * At most one option of the command's own; option_help NULL when
	 * args already shows it.
	 */
	const char *option, *crash_option, *option_help;
	unsigned int frontends;
	/* NULL: the front end runs it itself (crash's xlate) */
	int (*parse)(const struct rvmm_command *c, int argc, char **argv,
		     struct rvmm_cmd_args *a, struct rvmm_error *err);
	int (*run)(struct rvmm_session *s, struct rvmm_out *o,
		   const struct rvmm_cmd_args *a);
	/* the help page's description, lines split by '\n' */
	const char *help;
};

extern const struct rvmm_command rvmm_command_table[];

const struct rvmm_command *rvmm_command_find(const char *name);

/*
 * "info | vtop ADDR | ... [--json]": the subcommands a front end runs, in
 * its own spelling.
 */
const char *rvmm_usage(enum rvmm_frontend fe);

/*
 * The help page as crash's help_data wants it: name, summary, synopsis,
 * then the description lines; NULL-terminated, built once per front end.
 * fe RVMM_FE_TOOL leaves out crash's examples.
 */
const char *const *rvmm_help_page(enum rvmm_frontend fe);

/*
 * Run one subcommand: argv[0..argc) is "vtop ff60000000000000 --json" and
 * the like.  Sets o->json on --json/-j.
 */
int rvmm_dispatch(struct rvmm_session *s, struct rvmm_out *o, int argc,
		  char **argv, struct rvmm_error *err);

/* Record a usage error, "WHAT: ARG", and return RVMM_DISPATCH_USAGE. */
int rvmm_usage_error(struct rvmm_error *err, const char *what, const char *arg);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
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

extern const char rvmm_usage[];

/*
 * Run one subcommand: argv[0..argc) is "vtop ff60000000000000 --json" and
 * the like.  Sets o->json on --json/-j.
 */
int rvmm_dispatch(struct rvmm_session *s, struct rvmm_out *o, int argc,
		  char **argv, char *err, size_t errlen);

#endif

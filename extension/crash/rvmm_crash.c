// SPDX-License-Identifier: GPL-2.0
/*
 * crash extension: `extend rvmm.so` adds the `rvmm` command, which runs the
 * rvmm core's subcommands on the crash session's dump.
 */
#include "defs.h"
#include "source_crash.h"
#include "dispatch.h"
#include "help.h"

static struct rvmm_session session;
static int session_state; /* 0 not opened, 1 open, -1 failed */

static void write_to_fp(void *ctx, const char *buf, size_t len)
{
	fwrite(buf, 1, len, fp);
}

/* Resolved once per crash session: the dump does not change under us. */
static struct rvmm_session *get_session(void)
{
	struct rvmm_source src;
	const char *why;

	if (session_state == 0) {
		rvmm_crash_source(&src);
		why = rvmm_session_open(&session, &src, NULL);
		session.dump_format = pc->dumpfile ? "crash dump" : "live";
		session_state = why ? -1 : 1;
	}
	if (session_state < 0) {
		error(INFO, "rvmm: %s\n", session.err);
		return NULL;
	}
	return &session;
}

static void cmd_rvmm(void)
{
	struct rvmm_out out = { .write = write_to_fp };
	struct rvmm_session *s;
	char err[256];
	int rc;

	if (argcnt < 2) {
		cmd_usage(pc->curcmd, SYNOPSIS);
		return;
	}
	s = get_session();
	if (!s)
		return;
	rc = rvmm_dispatch(s, &out, argcnt - 1, args + 1, err, sizeof(err));
	if (rc == RVMM_DISPATCH_USAGE) {
		error(INFO, "rvmm: %s\n", err);
		cmd_usage(pc->curcmd, SYNOPSIS);
	}
}

static struct command_table_entry rvmm_commands[] = {
	{ "rvmm", cmd_rvmm, rvmm_help, 0 },
	{ NULL },
};

void __attribute__((constructor)) rvmm_init(void)
{
	register_extension(rvmm_commands);
}

void __attribute__((destructor)) rvmm_fini(void)
{
	rvmm_crash_source_release();
	session_state = 0;
}

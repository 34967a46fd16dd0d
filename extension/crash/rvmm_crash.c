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

/* The names libkdumpfile uses, so both front ends print the same. */
static const char *dump_format_name(void)
{
	if (DISKDUMP_DUMPFILE())
		return "diskdump";
	if (KDUMP_DUMPFILE() || NETDUMP_DUMPFILE())
		return "elf";
	return LIVE() ? "live" : "other";
}

/* Resolved once per crash session: the dump does not change under us. */
static struct rvmm_session *get_session(void)
{
	struct rvmm_source src;
	const char *why;

	if (session_state == 0) {
		rvmm_crash_source(&src);
		why = rvmm_session_open(&session, &src, NULL);
		session.dump_format = dump_format_name();
		session_state = why ? -1 : 1;
	}
	if (session_state < 0) {
		error(INFO, "rvmm: %s\n", session.err);
		return NULL;
	}
	return &session;
}

/*
 * crash's riscv64 walkers follow 2 MiB/1 GiB leaves as if they were tables,
 * so vmemmap and huge linear-map reads fail or go wrong.  While routing is
 * on, crash's own kernel-address translation uses the core's walk.
 */
static int (*crash_kvtop)(struct task_context *, ulong, physaddr_t *, int);

static int rvmm_kvtop(struct task_context *tc, ulong va, physaddr_t *pa,
		      int verbose)
{
	struct rvmm_out out = {.write = write_to_fp};
	uint64_t resolved;

	if (verbose) {
		rvmm_cmd_vtop(&session, &out, va);
		fprintf(fp, "\n");
	}
	if (rvmm_kva_to_pa(&session, va, &resolved) != RVMM_XL_OK)
		return FALSE;
	*pa = resolved;
	return TRUE;
}

static void set_routing(int on, int announce)
{
	if (on && !crash_kvtop) {
		if (!get_session())
			return;
		crash_kvtop = machdep->kvtop;
		machdep->kvtop = rvmm_kvtop;
	} else if (!on && crash_kvtop) {
		machdep->kvtop = crash_kvtop;
		crash_kvtop = NULL;
	}
	if (announce)
		fprintf(fp, "rvmm: crash's kernel address translation is %s\n",
			crash_kvtop ? "routed through rvmm (rvmm xlate off to "
				      "undo)"
				    : "crash's own");
}

static void cmd_rvmm(void)
{
	struct rvmm_out out = {.write = write_to_fp};
	struct rvmm_session *s;
	char err[256];
	int rc;

	if (argcnt < 2) {
		cmd_usage(pc->curcmd, SYNOPSIS);
		return;
	}
	if (!strcmp(args[1], "xlate")) {
		if (argcnt == 3 && !strcmp(args[2], "on"))
			set_routing(1, 1);
		else if (argcnt == 3 && !strcmp(args[2], "off"))
			set_routing(0, 1);
		else if (argcnt == 2)
			set_routing(!!crash_kvtop, 1);
		else
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
	{"rvmm", cmd_rvmm, rvmm_help, 0},
	{NULL},
};

void __attribute__((constructor)) rvmm_init(void)
{
	register_extension(rvmm_commands);
	if (getenv("RVMM_NO_XLATE"))
		return;
	set_routing(1, 1);
}

void __attribute__((destructor)) rvmm_fini(void)
{
	set_routing(0, 0);
	rvmm_crash_source_release();
	session_state = 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * crash extension: `extend rvmm.so` adds the `rvmm` command, which runs the
 * rvmm core's subcommands on the crash session's dump.
 */
#include <setjmp.h>
#include <signal.h>

#include "defs.h"
#include "source_crash.h"
#include "dispatch.h"

static struct rvmm_session session;
/* Ctrl-C seen during a command; the session's source polls it. */
static volatile sig_atomic_t sigint_seen;
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

/*
 * Resolved once per crash session: the dump does not change under us.
 * force: the user said --force, so a vmlinux of another build is
 * accepted (with a note); a session refused for that reason reopens.
 */
static struct rvmm_session *get_session_opt(int force)
{
	struct rvmm_options opt;
	struct rvmm_source src;

	if (force && session_state < 0 &&
	    session.identity.verdict == RVMM_ID_DIFFERENT)
		session_state = 0;
	if (session_state == 0) {
		rvmm_options_init(&opt);
		opt.force = force;
		rvmm_crash_source(&src, &sigint_seen);
		session_state = rvmm_session_open(&session, &src, &opt) ? -1
									: 1;
		session.dump_format = dump_format_name();
	}
	if (session_state < 0) {
		error(INFO, "%s\n", session.err.msg);
		return NULL;
	}
	return &session;
}

static struct rvmm_session *get_session(void)
{
	return get_session_opt(0);
}

/* Take --force out of crash's argument list; 1 if it was there. */
static int take_force(void)
{
	int i, n = 0, found = 0;

	for (i = 0; i < argcnt; i++) {
		if (!strcmp(args[i], "--force"))
			found = 1;
		else
			args[n++] = args[i];
	}
	argcnt = n;
	args[n] = NULL;
	return found;
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
			crash_kvtop
				? "routed through rvmm (rvmm xlate off to undo)"
				: "crash's own");
}

/*
 * A bug in rvmm must not end the user's crash session: while an rvmm
 * command runs, a fault jumps back here and the command is abandoned.
 * Ctrl-C only raises a flag that the core polls (rvmm_crash_stop_wanted),
 * so the command unwinds and frees what it holds; crash's own SIGINT
 * handling then runs once the guard is down.  Nothing that can longjmp out
 * of the command (cmd_usage, error(FATAL)) runs under the guard.
 */
static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGINT};
#define NR_GUARDED (sizeof(guarded_signals) / sizeof(guarded_signals[0]))
static sigjmp_buf fault_return;
static struct sigaction crash_handlers[NR_GUARDED];
static volatile sig_atomic_t guard_armed;
static ulong guard_generation;

/* Give crash its own handlers back. */
static void disarm_guard(void)
{
	size_t i;

	guard_armed = 0;
	for (i = 0; i < NR_GUARDED; i++)
		sigaction(guarded_signals[i], &crash_handlers[i], NULL);
}

static void on_fault(int sig)
{
	/*
	 * A guard left behind by a command that crash longjmp'd out of must
	 * not jump into a dead frame: hand the signal back to crash.
	 */
	if (!guard_armed || pc->cmdgencur != guard_generation) {
		disarm_guard();
		raise(sig);
		return;
	}
	if (sig == SIGINT) {
		sigint_seen = 1;
		return;
	}
	siglongjmp(fault_return, sig);
}

static void arm_guard(void)
{
	struct sigaction sa = {.sa_handler = on_fault};
	size_t i;

	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_NODEFER;
	for (i = 0; i < NR_GUARDED; i++)
		sigaction(guarded_signals[i], &sa, &crash_handlers[i]);
	guard_generation = pc->cmdgencur;
	sigint_seen = 0;
	guard_armed = 1;
}

/* Let the test suite prove the guard works; inert unless asked for. */
static void inject_fault(void)
{
	volatile int *nowhere = NULL;

	*nowhere = 1;
}

/* Returns RVMM_DISPATCH_USAGE when the caller should print the synopsis. */
static int run_guarded(void)
{
	struct rvmm_out out = {.write = write_to_fp};
	struct rvmm_session *s;
	struct rvmm_error err;
	int rc;

	if (getenv("RVMM_FAULT_INJECT")) {
		if (!strcmp(args[1], "fault-inject")) {
			inject_fault();
			return 0;
		}
		if (!strcmp(args[1], "stall-inject")) { /* until Ctrl-C */
			while (!sigint_seen)
				pause();
			return 0;
		}
	}
	s = get_session_opt(take_force());
	if (!s)
		return 0;
	rc = rvmm_dispatch(s, &out, argcnt - 1, args + 1, &err);
	if (rc == RVMM_DISPATCH_USAGE)
		error(INFO, "%s\n", err.msg);
	return rc;
}

static void cmd_rvmm(void)
{
	volatile int sig, rc = 0;

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
	arm_guard();
	sig = sigsetjmp(fault_return, 1);
	if (!sig)
		rc = run_guarded();
	disarm_guard();
	fflush(fp);
	if (sigint_seen) {
		sigint_seen = 0;
		raise(SIGINT); /* now crash's own handler: back to the prompt */
		return;
	}
	if (sig)
		error(INFO,
		      "internal fault (signal %d) in 'rvmm %s'; command abandoned, session continues\n",
		      sig, args[1]);
	if (rc == RVMM_DISPATCH_USAGE)
		cmd_usage(pc->curcmd, SYNOPSIS);
}

/* help_data is the core's page, made from the command table. */
static struct command_table_entry rvmm_commands[] = {
	{"rvmm", cmd_rvmm, NULL, 0},
	{NULL},
};

void __attribute__((constructor)) rvmm_init(void)
{
	rvmm_commands[0].help_data = (char **)rvmm_help_page(RVMM_FE_CRASH);
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

// SPDX-License-Identifier: GPL-2.0
/*
 * build/rvmm-live: the rvmm core over a running QEMU riscv64 guest.
 *   rvmm-live VMLINUX (--gdb HOST:PORT | --mem FILE[,BASE]) [--timeout MS]
 *             [--stay-stopped] [--stats] [--force] SUBCOMMAND [ARGS] [--json]
 * Exit status: 0 ok, 1 the command failed, 2 usage, 3 an input is
 * unusable, 4 QEMU went away during the command, 5 the vmlinux is not the
 * guest's kernel (--force goes on).
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rvmm.h"
#include "dispatch.h"
#include "debuginfo.h"
#include "rsp.h"
#include "kimage.h"
#include "satp.h"
#include "source_live.h"
#include "tdesc.h"

enum {
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,
	EXIT_GONE = 4,
	EXIT_OTHER_KERNEL = 5,
};

#define QEMU_VIRT_RAM_BASE 0x80000000ULL
/* how much of the gdbstub's physical space to search for the image */
#define GDB_IMAGE_SEARCH (1ULL << 30)

struct live_opts {
	const char *vmlinux, *gdb, *mem;
	uint64_t mem_base;
	int timeout_ms, stay_stopped, stats, force;
	int argc; /* the subcommand and its arguments */
	char **argv;
};

static volatile int stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void write_stdout(void *ctx, const char *buf, size_t len)
{
	(void)ctx;
	fwrite(buf, 1, len, stdout);
}

static int usage(void)
{
	fprintf(stderr,
		"usage: rvmm-live VMLINUX (--gdb HOST:PORT | --mem FILE[,BASE]) [--timeout MS] [--stay-stopped] [--stats] [--force] SUBCOMMAND [--json]\n  SUBCOMMAND: satp | guest | %s\n",
		rvmm_usage(RVMM_FE_TOOL));
	return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, struct live_opts *o)
{
	static char *rest[64];
	int i;

	memset(o, 0, sizeof(*o));
	o->timeout_ms = 5000;
	o->mem_base = QEMU_VIRT_RAM_BASE;
	o->argv = rest;
	if (argc < 2)
		return -1;
	o->vmlinux = argv[1];
	for (i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--gdb") && i + 1 < argc) {
			o->gdb = argv[++i];
		} else if (!strcmp(a, "--mem") && i + 1 < argc) {
			char *comma;

			o->mem = argv[++i];
			comma = strchr(argv[i], ',');
			if (comma) {
				*comma = '\0';
				o->mem_base = strtoull(comma + 1, NULL, 16);
			}
		} else if (!strcmp(a, "--timeout") && i + 1 < argc) {
			o->timeout_ms = atoi(argv[++i]);
		} else if (!strcmp(a, "--stay-stopped")) {
			o->stay_stopped = 1;
		} else if (!strcmp(a, "--stats")) {
			o->stats = 1;
		} else if (!strcmp(a, "--force")) {
			o->force = 1;
		} else if (o->argc < (int)(sizeof(rest) / sizeof(rest[0]))) {
			rest[o->argc++] = argv[i];
		}
	}
	if (!o->argc || !o->gdb == !o->mem || o->timeout_ms <= 0)
		return -1;
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Open the session twice: the first one finds the kernel's VMCOREINFO.
 * 0, or -1 with s->err.
 */
static int open_session(struct rvmm_session *s, struct live_target *t,
			struct rvmm_source *src, int force)
{
	struct rvmm_options opt;
	struct rvmm_error why;

	rvmm_options_init(&opt);
	opt.force = force;
	live_source_init(t, src);
	if (rvmm_session_open(s, src, &opt))
		return -1;
	if (live_load_vmcoreinfo(t, s, &why)) {
		rvmm_note(
			&s->notes,
			"live guest: no VMCOREINFO (%s); layout from kernel symbols",
			why.msg);
		return 0;
	}
	return rvmm_session_open(s, src, &opt);
}

/*
 * Is the vmlinux the guest's kernel, and where did KASLR put the image?
 * Sets the image offset (the one place: debuginfo_ops.c converts every
 * symbol address crossing the source interface).  0 to go on, else the
 * exit status.
 */
static int check_guest(struct live_opts *o, struct live_target *t,
		       struct rsp *r, struct rvmm_kimage *g)
{
	struct rvmm_source src;
	uint64_t base = t->mem ? t->mem_base : o->mem_base;
	uint64_t len = t->mem ? t->mem_len : GDB_IMAGE_SEARCH;

	live_source_init(t, &src);
	if (!rvmm_kimage_find(&src, t->di, base, len, g)) {
		rvmm_debuginfo_set_image_offset(t->di, g->offset);
		return 0;
	}
	if (r && r->fd < 0) {
		fprintf(stderr, "rvmm-live: %s\n", r->err.msg);
		return EXIT_GONE;
	}
	if (!o->force) {
		fprintf(stderr, "rvmm-live: %s (--force goes on anyway)\n",
			g->msg);
		return g->ident == RVMM_KIMAGE_SAME ? EXIT_INPUT
						    : EXIT_OTHER_KERNEL;
	}
	fprintf(stderr,
		"rvmm-live: warning: %s; going on (--force): results may be wrong\n",
		g->msg);
	return 0;
}

/*
 * The kernel's own VMCOREINFO, once read, against the offset found in
 * kernel_map: SYMBOL(_stext) is a run-time address.  A note only when
 * they disagree.
 */
static void check_offset(struct rvmm_session *s, struct live_target *t,
			 const struct rvmm_kimage *g, char *line, size_t len)
{
	const char *v = s->src.ops->vmcoreinfo(s->src.ctx, "SYMBOL(_stext)");
	uint64_t link, run;
	char *end;

	snprintf(line, len, "VMCOREINFO: no SYMBOL(_stext) to check against");
	if (!v || rvmm_debuginfo_symbol(t->di, "_stext", &link, NULL))
		return;
	run = strtoull(v, &end, 16);
	if (end == v || *end)
		return;
	if (run - link == (uint64_t)g->offset) {
		snprintf(line, len,
			 "VMCOREINFO: SYMBOL(_stext)=%s agrees (offset 0x%llx)",
			 v, (unsigned long long)(run - link));
		return;
	}
	snprintf(
		line, len,
		"VMCOREINFO: SYMBOL(_stext)=%s says offset 0x%llx, kernel_map says 0x%llx",
		v, (unsigned long long)(run - link),
		(unsigned long long)g->offset);
	rvmm_note(&s->notes, "live guest: %s", line);
}

static int run(struct live_opts *o, struct live_target *t, struct rsp *r,
	       struct rvmm_session *s)
{
	struct rvmm_out out = {.write = write_stdout};
	struct rvmm_source src;
	unsigned int satp_reg = 0, bits = 0;
	struct rvmm_kimage g;
	uint64_t satp = 0;
	struct rvmm_error err;
	char line[512];
	int rc;

	if (r) {
		if (rsp_connect(r, o->gdb, o->timeout_ms) || rsp_attach(r) ||
		    tdesc_find_register(r, "satp", &satp_reg, &bits) ||
		    rsp_read_register(r, satp_reg, &satp) ||
		    rsp_set_phys_mode(r, 1)) {
			/* every read is physical: without the mode, nothing */
			fprintf(stderr, "rvmm-live: %s\n", r->err.msg);
			return EXIT_INPUT;
		}
		t->rsp = r;
	} else if (live_map_memfile(t, o->mem, o->mem_base, &err)) {
		fprintf(stderr, "rvmm-live: %s\n", err.msg);
		return err.code;
	}
	rc = check_guest(o, t, r, &g);
	if (rc)
		return rc;
	if (open_session(s, t, &src, o->force)) {
		fprintf(stderr, "rvmm-live: %s\n",
			r && r->fd < 0 ? r->err.msg : s->err.msg);
		return r && r->fd < 0 ? EXIT_GONE : s->err.code;
	}
	s->dump_format = r ? "live (QEMU gdbstub)" : "live (guest RAM file)";
	check_offset(s, t, &g, line, sizeof(line));
	if (!strcmp(o->argv[0], "guest")) {
		printf("%s\n%s\n", g.msg, line);
		rc = g.ident == RVMM_KIMAGE_SAME ? 0 : EXIT_FAILED;
	} else if (!strcmp(o->argv[0], "satp")) {
		if (!r) {
			fprintf(stderr,
				"rvmm-live: satp needs --gdb (a RAM file has no CPU registers)\n");
			return EXIT_USAGE;
		}
		out.json = o->argc > 1 && !strcmp(o->argv[1], "--json");
		rc = live_cmd_satp(s, &out, satp, satp_reg) ? EXIT_FAILED : 0;
	} else {
		rc = rvmm_dispatch(s, &out, o->argc, o->argv, &err);
		if (rc == RVMM_DISPATCH_USAGE) {
			fprintf(stderr, "rvmm-live: %s\n", err.msg);
			rc = usage();
		} else if (rc != RVMM_DISPATCH_TRIAGE_MATCH &&
			   rc != RVMM_DISPATCH_TRIAGE_INCONCLUSIVE && rc) {
			rc = EXIT_FAILED;
		}
	}
	fflush(stdout);
	if (r && r->fd < 0) {
		fprintf(stderr, "rvmm-live: %s\n", r->err.msg);
		return EXIT_GONE;
	}
	if (stop_requested)
		fprintf(stderr, "rvmm-live: interrupted; output incomplete\n");
	return rc;
}

int main(int argc, char **argv)
{
	struct sigaction sa = {.sa_handler = on_signal};
	struct live_target t = {.stop = &stop_requested};
	struct rvmm_session *s;
	struct live_opts o;
	struct rsp *r = NULL;
	struct rvmm_error err;
	double t0 = now();
	int rc;

	if (parse_args(argc, argv, &o))
		return usage();
	/* Leave through the cleanup below, which restores the gdbstub. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	s = malloc(sizeof(*s));
	if (o.gdb)
		r = malloc(sizeof(*r));
	if (!s || (o.gdb && !r)) {
		fprintf(stderr, "rvmm-live: out of memory\n");
		return EXIT_INPUT;
	}
	t.di = rvmm_debuginfo_open(o.vmlinux, &err);
	if (!t.di) {
		fprintf(stderr, "rvmm-live: %s\n", err.msg);
		return err.code;
	}
	rc = run(&o, &t, r, s);
	if (r)
		rsp_close(r, o.stay_stopped);
	if (o.stats)
		fprintf(stderr,
			"rvmm-live: %s: %.3f s, %llu reads, %llu bytes from the guest, %lu packets\n",
			r ? "gdbstub" : "memory file", now() - t0,
			(unsigned long long)t.reads,
			(unsigned long long)t.bytes, r ? r->packets : 0UL);
	live_source_free(&t);
	rvmm_debuginfo_close(t.di);
	free(s);
	free(r);
	return rc;
}

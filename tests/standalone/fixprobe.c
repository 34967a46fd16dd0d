// SPDX-License-Identifier: GPL-2.0
/*
 * fixprobe VMLINUX DUMP: open a session over the stand-alone source and
 * print what rvmm_fix_detect decides about fix 21f1b85c8912.
 * fixprobe VMLINUX: the same with the code read from the vmlinux file
 * (rvmm_fix_detect_code), for kernels that have no dump:
 *
 *   present=1 evidence=code
 *   detail=free_pmd_table: ...
 *
 * Exit 1 with a one-line message when the files cannot be opened.
 */
#include <stdio.h>

#include "fixcode.h"
#include "rvmm.h"
#include "debuginfo.h"
#include "debuginfo_ops.h"
#include "dump_source.h"

struct image_ctx {
	struct rvmm_debuginfo *di; /* first, for debuginfo_ops.c */
};

static const struct rvmm_source_ops image_ops = {RVMM_DEBUGINFO_OPS};

static int read_image(void *arg, uint64_t va, void *buf, size_t len)
{
	struct image_ctx *c = arg;

	return rvmm_debuginfo_read_image(c->di, va, buf, len);
}

static void print(const struct rvmm_fix *fx)
{
	printf("present=%d evidence=%s\ndetail=%s\n", fx->present,
	       rvmm_fix_evidence_str(fx->evidence), fx->detail);
}

static int image_only(const char *vmlinux)
{
	struct image_ctx c;
	struct rvmm_source src = {.ops = &image_ops, .ctx = &c};
	struct rvmm_fix fx;
	struct rvmm_error err;

	c.di = rvmm_debuginfo_open(vmlinux, &err);
	if (!c.di) {
		fprintf(stderr, "fixprobe: %s\n", err.msg);
		return 1;
	}
	rvmm_fix_detect_code(&src, read_image, &c, &fx);
	print(&fx);
	rvmm_debuginfo_close(c.di);
	return 0;
}

int main(int argc, char **argv)
{
	static struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_options opt;
	struct rvmm_fix fx;
	struct rvmm_error err;

	if (argc == 2)
		return image_only(argv[1]);
	if (argc != 3) {
		fprintf(stderr, "usage: fixprobe VMLINUX [DUMP]\n");
		return 2;
	}
	if (rvmm_dump_source_open(argv[1], argv[2], &src, &err)) {
		fprintf(stderr, "fixprobe: %s\n", err.msg);
		return 1;
	}
	rvmm_options_init(&opt);
	if (rvmm_session_open(&s, &src, &opt)) {
		fprintf(stderr, "fixprobe: %s\n", s.err.msg);
		rvmm_dump_source_close(&src);
		return 1;
	}
	rvmm_fix_detect(&s, &fx);
	print(&fx);
	rvmm_dump_source_close(&src);
	return 0;
}

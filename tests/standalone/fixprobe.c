// SPDX-License-Identifier: GPL-2.0
/*
 * fixprobe VMLINUX DUMP: open a session over the stand-alone source and
 * print what rvmm_fix_detect decides about fix 21f1b85c8912:
 *
 *   present=1 evidence=code
 *   detail=free_pmd_table: ...
 *
 * Exit 1 with a one-line message when the files cannot be opened.
 */
#include <stdio.h>

#include "../../extension/core/fixcode.h"
#include "../../extension/core/rvmm.h"
#include "../../extension/standalone/source_standalone.h"

int main(int argc, char **argv)
{
	static struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_options opt;
	struct rvmm_fix fx;
	const char *err;
	char msg[512];

	if (argc != 3) {
		fprintf(stderr, "usage: fixprobe VMLINUX DUMP\n");
		return 2;
	}
	if (rvmm_standalone_open(argv[1], argv[2], &src, msg, sizeof(msg))) {
		fprintf(stderr, "fixprobe: %s\n", msg);
		return 1;
	}
	rvmm_options_init(&opt);
	err = rvmm_session_open(&s, &src, &opt);
	if (err) {
		fprintf(stderr, "fixprobe: %s\n", err);
		rvmm_standalone_close(&src);
		return 1;
	}
	rvmm_fix_detect(&s, &fx);
	printf("present=%d evidence=%s\ndetail=%s\n", fx.present,
	       rvmm_fix_evidence_str(fx.evidence), fx.detail);
	rvmm_standalone_close(&src);
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Preflight for a memory hot-remove (or a ZONE_DEVICE unmap): which page
 * tables will arch/riscv/mm/init.c (Linux 6.12) free, in what state are
 * they now, and will freeing them hit the vmemmap PMD-table dtor bug
 * (c75a74f4ba19, fixed by 21f1b85c8912)?
 */
#ifndef RVMM_PREFLIGHT_H
#define RVMM_PREFLIGHT_H

#include "session.h"

/* What the removal path tears down. */
enum rvmm_pf_path {
	/* arch_remove_memory: __remove_pages (vmemmap) + linear map */
	RVMM_PF_MEMORY,
	/* memunmap_pages of MEMORY_DEVICE_PRIVATE/COHERENT: no linear map,
	 * so only __remove_pages -> vmemmap_free */
	RVMM_PF_DEVICE_PRIVATE,
};

/* What freeing one page-table page will do. */
enum rvmm_pf_outcome {
	RVMM_PF_OK, /* freed cleanly */
	RVMM_PF_UNKNOWN, /* cannot tell: state or fix unknown */
	RVMM_PF_SILENT, /* dtor on an unconstructed table: NR_PAGETABLE
				 * drifts, no message */
	RVMM_PF_OOPS, /* ptlock_free of a non-pointer: likely oops */
	RVMM_PF_BUG, /* VM_BUG_ON: kernel BUG, panic */
};

const char *rvmm_pf_outcome_str(enum rvmm_pf_outcome o);

/* Parse "START-END" (END inclusive when it ends in fff, as /proc/iomem
 * prints it), or "START+SIZE" (SIZE hex, or decimal with K/M/G). */
int rvmm_preflight_parse_range(const char *arg, uint64_t *start, uint64_t *end);

/*
 * The `preflight` command over the physical range [start, end).  Whether
 * the fix is in is rvmm_fix_detect()'s answer, the one triage and audit
 * give, so every front end reports the same kernel the same way.
 */
int rvmm_cmd_preflight(struct rvmm_session *s, struct rvmm_out *o,
		       uint64_t start, uint64_t end, enum rvmm_pf_path path);

#endif

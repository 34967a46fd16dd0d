/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to preflight*.c: the teardown simulation and its findings. */
#ifndef RVMM_PREFLIGHT_SIM_H
#define RVMM_PREFLIGHT_SIM_H

#include "preflight.h"

#define RVMM_PF_MAX_TABLES 64

/* Configuration of the running kernel that decides each outcome. */
struct rvmm_pf_kernel {
	int fix_present; /* 1, 0, -1 */
	int hot_remove; /* arch_remove_memory exists: 1, 0, -1 */
	char fix_how[256]; /* rvmm_fix_detect's evidence and line */
	int debug_vm, thp, split_pmd_ptlocks, alloc_split_ptlocks;
	const char *why_debug_vm, *why_split;
};

struct rvmm_pf_table {
	int depth; /* 1..levels-1: the table's level index */
	const char *kind; /* "PTE", "PMD", "PUD" table */
	uint64_t table_pa;
	uint64_t entry_pa; /* the parent entry the kernel clears */
	uint64_t va, size; /* VA the table maps */
	int dtor; /* 1 dtor called, 0 not, -1 depends on fix */
	struct rvmm_page_info pi;
	enum rvmm_pf_outcome outcome;
	const char *why;
};

struct rvmm_pf_part {
	const char *name; /* "vmemmap", "linear map" */
	int is_vmemmap;
	int skipped; /* this path does not touch it */
	int noncanonical; /* the VA range is not addressable in this mode */
	uint64_t va_start, va_end;
	unsigned long leaves, partial_leaves, read_errors;
	/* table entries the walk did not follow: a table already on the
	 * path, or one already replayed through another entry */
	unsigned long cycles, shared;
	uint64_t leaf_bytes;
	int nr;
	int truncated; /* more than RVMM_PF_MAX_TABLES freed */
	int capped; /* table cap reached (garbage tables): incomplete */
	struct rvmm_pf_table t[RVMM_PF_MAX_TABLES];
	enum rvmm_pf_outcome worst;
};

void rvmm_pf_kernel_probe(const struct rvmm_session *s,
			  struct rvmm_pf_kernel *k);
/* Simulate remove_pgd_mapping(va_start, va_end, is_vmemmap) into p. */
void rvmm_pf_simulate(const struct rvmm_session *s,
		      const struct rvmm_pf_kernel *k, struct rvmm_pf_part *p);

#endif

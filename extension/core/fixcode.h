/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Is fix 21f1b85c8912 in this kernel?  Decided from the machine code of
 * free_pmd_table where possible, and the strength of the answer stated.
 */
#ifndef RVMM_FIXCODE_H
#define RVMM_FIXCODE_H

#include <stddef.h>
#include <stdint.h>

#include "kfuncs.h"
#include "rvinsn.h"
#include "source.h"

struct rvmm_session;

/* How rvmm_fix.present was established, strongest last. */
enum rvmm_fix_evidence {
	RVMM_FIX_EV_UNKNOWN,
	RVMM_FIX_EV_NAME, /* the is_vmemmap parameter alone: weak */
	RVMM_FIX_EV_CODE, /* guard found, or proven absent, in the code */
	RVMM_FIX_EV_DUMP, /* the dump shows the dtor ran on a vmemmap table */
};

struct rvmm_fix {
	int present; /* 1, 0, -1 = unknown */
	/* riscv's arch_remove_memory exists (MEMORY_HOTPLUG, 6.11 on):
	 * without it no vmemmap PMD table is ever freed; 1, 0, -1 */
	int hot_remove;
	enum rvmm_fix_evidence evidence;
	char detail[240]; /* one evidence line: what was found, where */
};

void rvmm_fix_detect(const struct rvmm_session *s, struct rvmm_fix *fx);
/*
 * The same over any source, the code read through read (0 or -1): e.g.
 * from the vmlinux file when there is no dump (tests/standalone/fixprobe).
 */
void rvmm_fix_detect_code(const struct rvmm_source *src,
			  int (*read)(void *arg, uint64_t va, void *buf,
				      size_t len),
			  void *arg, struct rvmm_fix *fx);
/* "unknown", "name", "code", "dump" */
const char *rvmm_fix_evidence_str(enum rvmm_fix_evidence e);

/* ---------------------------------------------------------------------- */
/* The pieces, pure and unit-tested (tests/unit/test_fixcode.c)            */

/* The RV64GC decoder, rvmm_rv_decode(), is in rvinsn.h (included above). */

/* Facts about one instance of free_pmd_table, gathered by the caller. */
struct rvmm_fixcode_in {
	uint64_t base; /* run-time address of code[0] */
	const uint8_t *code;
	size_t len;
	/*
	 * The debug info's entry pc.  GCC may put it on a stray block after
	 * reordering, so every block nothing in the instance leads to is an
	 * entry too.
	 */
	uint64_t entry;
	int nr_ranges; /* its code */
	const struct rvmm_code_range *range;
	int nr_dtor; /* inlined destructors inside it */
	const struct rvmm_code_range *dtor;
	int nr_free; /* inlined frees inside it */
	const struct rvmm_code_range *free_;
	/* where the guard's parameter lives; nr_locs 0: no such parameter */
	const char *param;
	int nr_locs;
	const struct rvmm_var_loc *loc;
	/* name of the function at a call target; 0, or -1 if unknown */
	int (*callee)(void *arg, uint64_t target, char *name, size_t len);
	void *arg;
};

enum rvmm_fixcode_verdict {
	RVMM_FC_UNKNOWN,
	RVMM_FC_GUARD, /* a branch on the parameter skips the dtor */
	RVMM_FC_UNGUARDED, /* the dtor is on every path to the free */
	RVMM_FC_NO_DTOR, /* the free is reached, no dtor in the code */
};

struct rvmm_fixcode_out {
	enum rvmm_fixcode_verdict verdict;
	uint64_t branch_pc; /* GUARD; UNKNOWN: an unexplained skip */
	int branch_reg; /* the register it tests */
	uint64_t skip_pc; /* where the branch goes round the dtor */
	uint64_t dtor_pc; /* first dtor instruction reached */
	uint64_t free_pc; /* a free reached */
	int param_const; /* the parameter is this constant; -1 not */
	int has_param; /* the instance has the guard's parameter */
	char why[200];
};

/* Decide one instance from its facts; pure. */
void rvmm_fixcode_analyse(const struct rvmm_fixcode_in *in,
			  struct rvmm_fixcode_out *out);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Is fix 21f1b85c8912 in this kernel?  Decided from the machine code of
 * free_pmd_table where possible, and the strength of the answer stated.
 */
#ifndef RVMM_FIXCODE_H
#define RVMM_FIXCODE_H

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
	enum rvmm_fix_evidence evidence;
	char detail[240]; /* one evidence line: what was found, where */
};

void rvmm_fix_detect(const struct rvmm_session *s, struct rvmm_fix *fx);
/* "unknown", "name", "code", "dump" */
const char *rvmm_fix_evidence_str(enum rvmm_fix_evidence e);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv64 layout lines a newer kernel writes into VMCOREINFO and an
 * older one (6.1) does not, each value taken from rvmm's core layout
 * resolution (rvmm_session_open over the stand-alone source), never
 * derived here.
 */
#ifndef RVMM_FIXDUMP_ADDLAYOUT_H
#define RVMM_FIXDUMP_ADDLAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

struct rvmm_debuginfo;
struct rvmm_dump;

/* The line that marks the addition: RVMM_ADDED=phys_ram_base,VA_BITS */
#define ADDLAYOUT_MARK "RVMM_ADDED"

struct added_layout {
	char *text; /* the base text, the added lines, the mark; malloc'd */
	size_t len;
	int nr; /* keys added; 0: the base has them all (text is NULL) */
	char names[256]; /* "phys_ram_base,PAGE_OFFSET,..." */
	char lines[1024]; /* "NUMBER(phys_ram_base)=2149580800 ..." */
	/* every key's value as the layout resolved it, in the order of
	 * rvmm_layout_numbers() */
	uint64_t value[RVMM_LAYOUT_NUMBERS];
};

/*
 * Resolve the layout of the kernel in dump, with base (len bytes; the
 * VMCOREINFO text that OUT will carry) standing in for the dump's own
 * VMCOREINFO, and add to base each layout key it lacks, formatted as
 * Linux 6.12 / 7.2 write it, then the mark.  A key base has is never
 * touched.  0 on success; -1 with the reason in err.
 */
int add_layout(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
	       const char *base, size_t len, struct added_layout *out,
	       struct rvmm_error *err);

/*
 * Re-open the written dump through the stand-alone source: its layout
 * must now take every added key from VMCOREINFO and give every key the
 * value it had before.  0 or -1 with the reason in err.
 */
int check_layout(struct rvmm_debuginfo *di, const char *path,
		 const struct added_layout *a, struct rvmm_error *err);

void added_layout_free(struct added_layout *a);

#endif

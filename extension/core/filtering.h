/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a filtered dump left out (filtering*.c).  makedumpfile -d N leaves
 * whole classes of pages out of a kdump-compressed file and records N in
 * its sub-header; the front ends report it through the dump_level source
 * op.  From it rvmm says which classes are gone and what evidence that
 * costs, names a page the file lacks "filtered out by makedumpfile (dump
 * level N)", and checks the writer's choices: it applies makedumpfile's
 * page-class rules to the struct pages in the dump and compares the result
 * with the pages the file holds.  makedumpfile up to 1.7.9 misreads riscv64
 * addresses mapped by huge leaves (the offset inside the leaf above 4 KiB
 * is dropped), so on riscv64 it judges most pages by another page's struct
 * page; the check replays that reading as well and says which of the two
 * the file's selection follows.
 */
#ifndef RVMM_FILTERING_H
#define RVMM_FILTERING_H

#include "forensics.h"

/* The page classes of a dump level, "zero cache cache-private user free". */
char *rvmm_dump_level_str(int level, char *buf, size_t len);

/* A page class as makedumpfile's rules see a struct page. */
enum rvmm_fclass {
	RVMM_FC_KEEP, /* no excludable class: kernel memory, reserved, ... */
	RVMM_FC_FREE, /* a buddy block head (its order) or unaccepted */
	RVMM_FC_CACHE,
	RVMM_FC_CACHE_PRIVATE,
	RVMM_FC_USER, /* anonymous or hugetlb */
	RVMM_FC_HWPOISON, /* left out at every level */
	RVMM_FC_OFFLINE, /* left out at every level */
	RVMM_FC_NR,
};

struct rvmm_filter_check {
	int level; /* the dump's, -1 unknown */
	int ran; /* the page check ran; else why says why not */
	struct rvmm_error why;
	int interrupted;
	/* pages of the dump's memory in sections with a mem_map */
	uint64_t pfns;
	uint64_t absent; /* of them, not in the file */
	uint64_t unjudged; /* struct page unreadable: not compared */
	uint64_t agree; /* the file holds a page iff the rules keep it */
	/* the file holds it, the rules leave it out: by class */
	uint64_t kept[RVMM_FC_NR];
	/* the file lacks it, the rules keep it */
	uint64_t dropped;
	uint64_t dropped_in_use; /* of them, refcount > 0 */
	/* an example (in use if any): its pfn, page flags and refcount */
	uint64_t dropped_pfn, dropped_flags;
	int32_t dropped_refcount;
	/*
	 * The same rules on the struct page a walk that drops the offset
	 * inside huge leaves reads (makedumpfile <= 1.7.9 on riscv64).
	 */
	int misread_ran;
	uint64_t misread_pfns, misread_agree;
	uint64_t memmap_leaf; /* bytes: largest leaf mapping the struct pages */
	/* live kernel memory the file lacks (from swapper_pg_dir) */
	uint64_t tables, tables_absent; /* page-table pages */
	uint64_t memmap_pages, memmap_absent; /* pages backing the vmemmap */
};

/*
 * Compare the file's pages with makedumpfile's rules for s->dump_level.
 * Nothing to do (fc->ran = 0, why says so) without a dump level, or for a
 * level that leaves out no page class (0, 1: zero pages read as zeroes):
 * then only fc->absent is counted.  Returns 0, -1 if interrupted.
 */
int rvmm_filter_check(const struct rvmm_session *s,
		      struct rvmm_filter_check *fc);

/*
 * Lines that say what the filtering did and costs, for `info` and triage:
 * fills at most max lines of kind ("filtered", "missing") and text; returns
 * how many.  None for a dump without a dump level, and none for a level
 * that leaves nothing out that reads back differently (0, 1) when the file
 * holds every page of its memory.
 */
#define RVMM_FILTER_LINES 6
struct rvmm_filter_line {
	const char *kind;
	char text[240];
};

int rvmm_filter_lines(const struct rvmm_session *s,
		      const struct rvmm_filter_check *fc,
		      struct rvmm_filter_line *line, int max);

/*
 * The triage evidence of the filtering, in one call: in rvmm_triage_run()
 * after every fact is gathered and before rvmm_triage_decide(t).  Adds the
 * lines above and renames the earlier "not in the dump" of evidence lines
 * with s->absent.  Decides nothing.
 */
void rvmm_triage_filtering(const struct rvmm_session *s, struct rvmm_triage *t);

#endif

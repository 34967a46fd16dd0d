/* SPDX-License-Identifier: GPL-2.0 */
/* struct page / struct ptdesc: member layout (page_layout.c) and decoding (page.c). */
#ifndef RVMM_PAGE_H
#define RVMM_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "layout.h"
#include "walk.h"

enum rvmm_ptype_scheme {
	RVMM_PTYPE_UNKNOWN = 0,
	/* base 0xf0000000, inverted bits, PG_buddy 0x80 PG_table 0x200 */
	RVMM_PTYPE_LOW_BITS,
	/* base 0x80000000, inverted bits, PG_buddy 0x40000000, PG_table
	 * 0x10000000 */
	RVMM_PTYPE_HIGH_BITS,
	/* top byte PGTY_* (6.12+), 0xffffffff = no type */
	RVMM_PTYPE_TOP_BYTE,
};

const char *rvmm_ptype_scheme_str(enum rvmm_ptype_scheme s);

/* Slots of rvmm_page_layout.pgty[], indexed by enum rvmm_ptype. */
#define RVMM_PGTY_SLOTS 16

/* Offsets are -1 when the member does not exist in this kernel. */
struct rvmm_page_layout {
	int ok; /* enough to decode struct pages */
	struct rvmm_error err; /* why not, when !ok */
	long size; /* SIZE(page) */
	long flags, lru_next, lru_prev, compound_head, mapping, index;
	long private_, page_type, mapcount, refcount, memcg_data;
	/* struct ptdesc, when it exists */
	long pt_huge_pte, pt_mm, pt_index, ptl, pt_type, pt_refcount;
	long pt_memcg;
	/* enum pageflags bit numbers, -1 unknown */
	int pg_locked, pg_reserved, pg_head, pg_lru, pg_slab, pg_private;
	int pg_uptodate, pg_dirty, pg_active, pg_swapbacked, pg_writeback;
	int pg_referenced, pg_mlocked, pg_unevictable, pg_hwpoison;
	/* zone/node positions in page->flags, -1 unknown */
	int zones_shift, nodes_shift, zone_pgshift, node_pgshift;
	enum rvmm_ptype_scheme scheme;
	const char *scheme_why; /* how the scheme was detected */
	uint64_t list_poison2; /* LIST_POISON2 on riscv64 */
	/* the PMD dtor checks pmd_huge_pte (pmd_ptlock_free has code):
	 * 1, 0 (7.x has no such check), -1 unknown */
	int pmd_dtor_checks_huge_pte;
	/*
	 * Top-byte scheme: the PGTY_* value of each enum rvmm_ptype (0 = this
	 * kernel has no such type), read from the enumerators (PGTY_buddy,
	 * PGTY_table, ...) when the debug info has them, else 6.12's values;
	 * pgty_no_type is PGTY_mapcount_underflow (types lie below it).
	 */
	uint8_t pgty[RVMM_PGTY_SLOTS];
	uint8_t pgty_no_type;
	int pgty_from_enum; /* 1: pgty[] came from the enumerators */
};

struct rvmm_options;

int rvmm_page_layout_resolve(const struct rvmm_source *src,
			     const struct rvmm_layout *l,
			     const struct rvmm_options *opt,
			     struct rvmm_page_layout *p,
			     struct rvmm_notes *notes);

/* Classify a page_type word under a scheme. */
enum rvmm_ptype {
	RVMM_PT_NONE, /* no type (mapcount or UINT_MAX) */
	RVMM_PT_BUDDY,
	RVMM_PT_OFFLINE,
	RVMM_PT_TABLE,
	RVMM_PT_GUARD,
	RVMM_PT_HUGETLB,
	RVMM_PT_SLAB,
	RVMM_PT_ZSMALLOC,
	RVMM_PT_UNACCEPTED,
	RVMM_PT_UNKNOWN, /* scheme unknown or unrecognised value */
};

enum rvmm_ptype rvmm_page_type_decode(enum rvmm_ptype_scheme s,
				      uint32_t page_type);
/*
 * The same under a resolved layout: the top-byte scheme with the PGTY_*
 * values this kernel's enumerators give (rvmm_page_type_decode assumes
 * 6.12's).  What every decoder of dumped struct pages uses.
 */
enum rvmm_ptype rvmm_page_type_decode_layout(const struct rvmm_page_layout *p,
					     uint32_t page_type);
/* Which scheme a layout decodes with and where its values come from. */
const char *rvmm_page_scheme_used(const struct rvmm_page_layout *p);
const char *rvmm_ptype_str(enum rvmm_ptype t);

/* What lru.prev / pmd_huge_pte holds. */
enum rvmm_huge_pte_kind {
	RVMM_HP_ZERO, /* what pagetable_pmd_ctor leaves */
	RVMM_HP_POISON2, /* LIST_POISON2: came from the buddy allocator */
	RVMM_HP_SELF_LRU, /* &page->lru: memblock page, list_head init */
	RVMM_HP_OTHER,
};

const char *rvmm_huge_pte_kind_str(enum rvmm_huge_pte_kind k);

enum rvmm_table_verdict {
	RVMM_TV_CONSTRUCTED,
	RVMM_TV_NOT_CONSTRUCTED,
	RVMM_TV_FREE, /* page is free: a stale pointer to it */
	RVMM_TV_UNKNOWN, /* struct page unreadable or scheme unknown */
};

const char *rvmm_table_verdict_str(enum rvmm_table_verdict v);

struct rvmm_page_info {
	uint64_t pfn;
	uint64_t page_va; /* VA of the struct page */
	uint64_t page_pa; /* 0 if its vmemmap VA did not translate */
	enum rvmm_read_result rr;
	enum rvmm_xlate_status xs;
	uint64_t flags;
	uint64_t lru_next, lru_prev; /* lru_prev = pmd_huge_pte */
	uint64_t mapping, index, private_, memcg_data;
	uint32_t page_type;
	int32_t refcount;
	int has_page_type, has_memcg;
	int zone, node; /* -1 unknown */
	enum rvmm_ptype ptype;
	int reserved; /* PG_reserved: memblock / never freed */
	int head, compound_tail;
	int is_free; /* PGTY_buddy or refcount 0 */
	enum rvmm_huge_pte_kind huge_pte_kind;
	/* page-table-page verdict; pmd_level says whether the pmd_huge_pte
	 * rule applies (1 yes, 0 no, -1 unknown: not applied, mentioned). */
	enum rvmm_table_verdict verdict;
	const char *why; /* one phrase explaining the verdict */
	const char *scheme_used; /* rvmm_page_scheme_used() of the decode */
};

struct rvmm_session;

/* Read and decode the struct page of pfn (page_read.c); -1 if unreadable. */
int rvmm_page_decode(const struct rvmm_session *s, uint64_t pfn, int pmd_level,
		     struct rvmm_page_info *pi);
/* Only the verdict logic, on already filled fields (for tests). */
void rvmm_page_verdict(const struct rvmm_page_layout *p,
		       struct rvmm_page_info *pi, int pmd_level);
/* Names of the set page flags, space separated. */
char *rvmm_page_flags_str(const struct rvmm_page_layout *p, uint64_t flags,
			  char *buf, size_t len);

#endif

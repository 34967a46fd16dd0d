/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rvmm core: the public API every front end codes against.
 *
 * A front end fills a struct rvmm_source (source.h: read_phys, symbols,
 * DWARF offsets, enumerators, VMCOREINFO) and calls rvmm_session_open(),
 * which resolves once everything the core needs: the virtual memory layout
 * (struct rvmm_layout: paging mode, PAGE_OFFSET, vmemmap, swapper_pg_dir,
 * mem_section, ...), the struct page / struct ptdesc member offsets, page
 * flag bit numbers and the page_type encoding (struct rvmm_page_layout).
 * Anything taken from a fallback instead of VMCOREINFO is recorded as a
 * human-readable line in session->notes.  The commands rvmm_cmd_info,
 * rvmm_cmd_vtop, rvmm_cmd_ptdump, rvmm_cmd_vmemmap and rvmm_cmd_ptdesc then
 * print text or JSON (json.h) through a struct rvmm_out, so every front end
 * prints the same thing.  Lower layers are public too: VMCOREINFO number
 * parsing, PTE decoding, a one-VA translator that records every level, a
 * bounded full-table walker with a visitor, VA region labels, struct page
 * decoding with a page-table-page verdict, and mem_section decoding.  The
 * core does no I/O and holds no global state; it is not thread-safe per
 * session.  All functions returning int return 0 on success.
 */
#ifndef RVMM_H
#define RVMM_H

#include <stddef.h>
#include <stdint.h>

#include "identity.h"
#include "source.h"
#include "json.h"

#define RVMM_PAGE_SHIFT 12
#define RVMM_PAGE_SIZE (1ULL << RVMM_PAGE_SHIFT)
#define RVMM_PTRS_PER_TABLE 512
#define RVMM_MAX_LEVELS 5

/* ---------------------------------------------------------------------- */
/* Notes: facts taken from fallbacks, printed by `info` and front ends.    */

#define RVMM_MAX_NOTES 32
#define RVMM_NOTE_LEN 160

struct rvmm_notes {
	int nr;
	char line[RVMM_MAX_NOTES][RVMM_NOTE_LEN];
};

void rvmm_note(struct rvmm_notes *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---------------------------------------------------------------------- */
/* VMCOREINFO numbers (vmcoreinfo.c)                                        */

enum rvmm_vmci_result {
	RVMM_VMCI_OK = 0,
	RVMM_VMCI_MISSING = -1,
	RVMM_VMCI_GARBAGE = -2, /* present but not a number */
};

/*
 * Parse the value string of VMCOREINFO key (e.g. "SYMBOL(vmemmap)").
 * SYMBOL(...) values are bare hex; otherwise "0x" means hex and anything
 * else is signed decimal.  Trailing garbage (other than whitespace) fails.
 * The result is returned as raw 64 bits: negative decimals sign-extend.
 */
enum rvmm_vmci_result rvmm_vmci_parse(const char *key, const char *val,
				      uint64_t *out);
/* Look key up through src->ops->vmcoreinfo and parse it. */
enum rvmm_vmci_result rvmm_vmci_get(const struct rvmm_source *src,
				    const char *key, uint64_t *out);

/* ---------------------------------------------------------------------- */
/* Layout (layout.c)                                                        */

struct rvmm_layout {
	int va_bits; /* 39, 48, 57 */
	int levels; /* 3, 4, 5 */
	const char *mode; /* "Sv39", "Sv48", "Sv57" */
	uint64_t page_size;
	uint64_t page_offset; /* start of the linear map */
	uint64_t phys_ram_base;
	uint64_t va_kernel_pa_offset;
	uint64_t kernel_link_addr;
	uint64_t vmalloc_start, vmalloc_end;
	uint64_t vmemmap_start, vmemmap_end;
	uint64_t modules_vaddr, modules_end;
	uint64_t pci_io_start, pci_io_end; /* derived, pgtable.h */
	uint64_t linear_end; /* is_linear_mapping(): where __pa() holds */
	uint64_t kimg_start; /* MODULES_END: the image, KASLR included */
	uint64_t fixaddr_start, fixaddr_top; /* derived, pgtable.h */
	uint64_t vmemmap; /* VA of the struct page of pfn 0 */
	uint64_t page_struct_size; /* SIZE(page) */
	uint64_t swapper_pg_dir; /* VA */
	uint64_t swapper_pg_dir_pa;
	uint64_t mem_section; /* value of the mem_section pointer, or 0 */
	uint64_t mem_section_size; /* SIZE(mem_section), 0 if unknown */
	uint64_t section_mem_map_off; /* OFFSET(mem_section.section_mem_map) */
	uint64_t nr_section_roots; /* LENGTH(mem_section) or computed */
	int section_size_bits; /* -1 unknown */
	int max_physmem_bits; /* -1 unknown */
	char osrelease[65];
};

/*
 * Resolve the layout from VMCOREINFO, falling back to kernel symbols and
 * pgtable.h formulas (each fallback adds a note).  On failure returns -1
 * and writes a one-line reason naming what is missing into err.
 */
int rvmm_layout_resolve(const struct rvmm_source *src, struct rvmm_layout *l,
			struct rvmm_notes *notes, char *err, size_t errlen);

/* Kernel-image VA -> PA and linear-map VA <-> PA (no page-table walk). */
uint64_t rvmm_kimg_va_to_pa(const struct rvmm_layout *l, uint64_t va);
uint64_t rvmm_linear_va_to_pa(const struct rvmm_layout *l, uint64_t va);
uint64_t rvmm_linear_pa_to_va(const struct rvmm_layout *l, uint64_t pa);
/* VA of the struct page of pfn (vmemmap + pfn * SIZE(page), may wrap). */
uint64_t rvmm_pfn_to_page(const struct rvmm_layout *l, uint64_t pfn);
/* Inverse; -1 when va is not a struct page boundary in vmemmap. */
int rvmm_page_to_pfn(const struct rvmm_layout *l, uint64_t page_va,
		     uint64_t *pfn);
/* Sign-extend va from bit va_bits-1: what the MMU's index bits alias to. */
uint64_t rvmm_canonical(const struct rvmm_layout *l, uint64_t va);
/* The same for a bare VA width (the walker knows levels, not a layout). */
uint64_t rvmm_sign_extend(uint64_t va, int va_bits);
int rvmm_is_canonical(const struct rvmm_layout *l, uint64_t va);

/* ---------------------------------------------------------------------- */
/* PTE decoding (pte.c): architecture facts, no kernel needed.              */

#define RVMM_PTE_V (1ULL << 0)
#define RVMM_PTE_R (1ULL << 1)
#define RVMM_PTE_W (1ULL << 2)
#define RVMM_PTE_X (1ULL << 3)
#define RVMM_PTE_U (1ULL << 4)
#define RVMM_PTE_G (1ULL << 5)
#define RVMM_PTE_A (1ULL << 6)
#define RVMM_PTE_D (1ULL << 7)
#define RVMM_PTE_SPECIAL (1ULL << 8) /* RSW bit 0 (_PAGE_SPECIAL) */
#define RVMM_PTE_DEVMAP (1ULL << 9) /* RSW bit 1 (_PAGE_DEVMAP) */
#define RVMM_PTE_PFN_SHIFT 10
#define RVMM_PTE_PFN_MASK (((1ULL << 44) - 1) << RVMM_PTE_PFN_SHIFT)
#define RVMM_PTE_PBMT_SHIFT 61
#define RVMM_PTE_PBMT_MASK (3ULL << RVMM_PTE_PBMT_SHIFT)
#define RVMM_PTE_N (1ULL << 63) /* Svnapot */
#define RVMM_PTE_RSVD_MASK (((1ULL << 7) - 1) << 54) /* bits 60:54 */

enum rvmm_pte_kind {
	RVMM_PTE_NONE, /* V clear */
	RVMM_PTE_TABLE, /* V set, R=W=X=0 */
	RVMM_PTE_LEAF, /* V set, any of R/W/X */
};

enum rvmm_pbmt {
	RVMM_PBMT_PMA = 0,
	RVMM_PBMT_NC = 1,
	RVMM_PBMT_IO = 2,
	RVMM_PBMT_RSVD = 3
};

struct rvmm_pte {
	uint64_t raw;
	enum rvmm_pte_kind kind;
	uint64_t pfn; /* bits 53:10 as stored */
	enum rvmm_pbmt pbmt;
	int napot; /* N bit set */
	int napot_order; /* log2 pages of the NAPOT range, 0 if none */
	int reserved_wx; /* W without R: reserved encoding */
	int reserved_bits; /* bits 60:54 non-zero */
};

void rvmm_pte_decode(uint64_t raw, struct rvmm_pte *p);
const char *rvmm_pbmt_name(enum rvmm_pbmt pbmt);
/* "V R W - - G A D" (+ " S", " DM", " NC", " IO", " N" when set); buf>=48 */
char *rvmm_pte_bits_str(uint64_t raw, char *buf, size_t len);
/* Emit {"raw","pfn","kind","v",...,"pbmt","napot"} as object key. */
void rvmm_pte_json(struct rvmm_json *j, const char *key, uint64_t raw);

/* ---------------------------------------------------------------------- */
/* Translation and walking (walk.c)                                         */

/* Level index 0 is the root; names depend on the mode. */
const char *rvmm_level_name(int levels, int level);
/* Bytes mapped by one entry at level (1G for the Sv39 root, ...). */
uint64_t rvmm_level_size(int levels, int level);
/* "4K", "2M", "1G", "512G", "256T", or "%lluK". buf >= 24 */
char *rvmm_size_str(uint64_t size, char *buf, size_t len);

enum rvmm_xlate_status {
	RVMM_XL_OK = 0,
	RVMM_XL_NOT_MAPPED, /* an entry with V clear */
	RVMM_XL_READ_ERROR, /* table outside memory */
	RVMM_XL_NOT_IN_DUMP, /* table page filtered out of the dump */
	RVMM_XL_NON_CANONICAL, /* va bits above va_bits-1 not a sign ext. */
	RVMM_XL_RESERVED, /* reserved PTE encoding (W without R, ...) */
	RVMM_XL_BAD_LEAF, /* misaligned superpage or bad NAPOT */
};

struct rvmm_xlate_level {
	const char *name;
	uint64_t table_pa; /* PA of the table page */
	unsigned int index;
	uint64_t entry_pa;
	uint64_t entry;
	enum rvmm_read_result rr;
};

struct rvmm_xlate {
	uint64_t va;
	enum rvmm_xlate_status status;
	int nr; /* levels recorded */
	struct rvmm_xlate_level lv[RVMM_MAX_LEVELS];
	int leaf_level; /* -1 when not translated */
	uint64_t map_size; /* bytes mapped by the leaf (64K for NAPOT) */
	uint64_t pa;
};

const char *rvmm_xlate_status_str(enum rvmm_xlate_status st);
/* Translate va through the tables rooted at root_pa.  Returns status. */
enum rvmm_xlate_status rvmm_translate(const struct rvmm_source *src,
				      uint64_t root_pa, int levels, uint64_t va,
				      struct rvmm_xlate *x);

enum rvmm_visit_kind {
	RVMM_VISIT_TABLE, /* entering a table page (root included) */
	RVMM_VISIT_LEAF,
	RVMM_VISIT_ANOMALY,
};

enum rvmm_anomaly {
	RVMM_AN_NONE = 0,
	RVMM_AN_READ_ERROR, /* table outside memory: not followed */
	RVMM_AN_NOT_IN_DUMP, /* table page absent: not followed */
	RVMM_AN_CYCLE, /* table already on the current path */
	RVMM_AN_SHARED, /* table already visited elsewhere */
	RVMM_AN_RESERVED, /* reserved encoding (W without R, bits 60:54) */
	RVMM_AN_MISALIGNED, /* superpage leaf whose PFN is not aligned */
	RVMM_AN_BAD_NAPOT, /* N bit on a non-PTE level or bad order */
	RVMM_AN_TABLE_CAP, /* global cap on tables reached */
};

const char *rvmm_anomaly_str(enum rvmm_anomaly a);

struct rvmm_visit {
	enum rvmm_visit_kind kind;
	enum rvmm_anomaly anomaly;
	int level; /* level of the entry (or of the table page) */
	const char *level_name;
	uint64_t va; /* first VA covered */
	uint64_t size; /* bytes of VA covered */
	uint64_t pa; /* leaf: PA of va; table: PA of the table */
	uint64_t entry_pa; /* PA of the entry pointing here (0 for root) */
	uint64_t entry; /* raw entry value (0 for root) */
};

/* Return non-zero to stop the walk. */
typedef int (*rvmm_visit_fn)(void *arg, const struct rvmm_visit *v);

struct rvmm_walk_stats {
	unsigned long tables, leaves, anomalies;
	int stopped; /* visitor asked to stop */
	int interrupted; /* ops->interrupted said so */
	int capped; /* max_tables reached */
};

#define RVMM_WALK_DEFAULT_MAX_TABLES (1U << 20)

/*
 * Visit every valid entry in [start, end) (end 0 = top of the address
 * space).  Bounded: each table page is walked at most once, at most
 * max_tables tables (0 = default).  Returns 0, or -1 on stop/interrupt.
 */
int rvmm_walk(const struct rvmm_source *src, uint64_t root_pa, int levels,
	      uint64_t start, uint64_t end, unsigned int max_tables,
	      rvmm_visit_fn fn, void *arg, struct rvmm_walk_stats *st);

/* ---------------------------------------------------------------------- */
/* Regions (regions.c)                                                      */

struct rvmm_region {
	const char *name; /* CLI name: "linear", "vmemmap", ... */
	const char *desc;
	uint64_t start, end; /* [start, end); end 0 = 2^64 */
};

#define RVMM_MAX_REGIONS 10

/* Fill r[] in address order; returns how many. */
int rvmm_regions(const struct rvmm_layout *l, struct rvmm_region *r, int max);
/* CLI name of the region holding va, or "unmapped-hole"/"non-canonical". */
const char *rvmm_region_of(const struct rvmm_layout *l, uint64_t va);
/* Look a region up by CLI name; 0 on success. */
int rvmm_region_find(const struct rvmm_layout *l, const char *name,
		     struct rvmm_region *out);

/* ---------------------------------------------------------------------- */
/* struct page / struct ptdesc (page.c)                                     */

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
	char err[160]; /* why not, when !ok */
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

/* Read and decode the struct page of pfn.  Returns -1 if unreadable. */
int rvmm_page_decode(const struct rvmm_session *s, uint64_t pfn, int pmd_level,
		     struct rvmm_page_info *pi);
/* Only the verdict logic, on already filled fields (for tests). */
void rvmm_page_verdict(const struct rvmm_page_layout *p,
		       struct rvmm_page_info *pi, int pmd_level);
/* Names of the set page flags, space separated. */
char *rvmm_page_flags_str(const struct rvmm_page_layout *p, uint64_t flags,
			  char *buf, size_t len);

/* ---------------------------------------------------------------------- */
/* mem_section (section.c)                                                  */

struct rvmm_section_layout {
	int ok;
	char err[160];
	int present_bit, has_mem_map_bit, online_bit, early_bit;
	int zone_device_bit; /* -1 if the kernel has none */
	int map_last_bit;
	uint64_t map_mask; /* ~((1 << map_last_bit) - 1) */
	uint64_t sections_per_root;
	uint64_t pages_per_section;
	uint64_t nr_sections; /* 1 << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS) */
};

struct rvmm_section {
	uint64_t nr;
	uint64_t ms_va; /* VA of the struct mem_section */
	uint64_t raw; /* section_mem_map as stored */
	uint64_t start_pfn;
	int present, has_mem_map, online, early, zone_device;
	uint64_t map_decoded; /* raw & mask: struct page VA of pfn 0 */
	uint64_t first_page; /* struct page VA of start_pfn */
	uint64_t end_page; /* first_page + pages_per_section * SIZE */
};

int rvmm_section_layout_resolve(const struct rvmm_source *src,
				const struct rvmm_layout *l,
				struct rvmm_section_layout *sl,
				struct rvmm_notes *notes);
/* Decode one raw section_mem_map word into s (nr set by caller). */
void rvmm_section_decode(const struct rvmm_section_layout *sl,
			 const struct rvmm_layout *l, uint64_t nr, uint64_t raw,
			 struct rvmm_section *s);

/* Return non-zero to stop. */
typedef int (*rvmm_section_fn)(void *arg, const struct rvmm_section *s);
/*
 * Call fn for each section whose section_mem_map is non-zero (or for all
 * with all=1).  Unreadable roots are skipped and counted in *bad_roots.
 */
int rvmm_for_each_section(const struct rvmm_session *s, int all,
			  rvmm_section_fn fn, void *arg,
			  unsigned long *bad_roots);
/* 0 ok, -1 unreadable/out of range, 1 root not allocated. */
int rvmm_section_get(const struct rvmm_session *s, uint64_t nr,
		     struct rvmm_section *out);

/* ---------------------------------------------------------------------- */
/* Session (session.c) and commands (cmd_*.c)                               */

struct rvmm_options {
	/* Force the page_type scheme (RVMM_PTYPE_UNKNOWN = detect). */
	enum rvmm_ptype_scheme ptype_scheme;
	/* CONFIG_NODES_SHIFT when the kernel is NUMA; -1 = detect. */
	int nodes_shift;
	/* Cap on page tables one walk visits; 0 = default. */
	unsigned int max_tables;
	/* Go on when the vmlinux is not the dump's build (with a note). */
	int force;
};

struct rvmm_session {
	struct rvmm_source src;
	struct rvmm_layout layout;
	struct rvmm_page_layout pages;
	struct rvmm_section_layout sections;
	struct rvmm_notes notes;
	struct rvmm_options opt;
	struct rvmm_identity identity; /* vmlinux against dump */
	int identity_noted;
	const char *dump_format; /* front end sets: "ELF", "kdump", .. */
	/*
	 * The dump level the dump records (makedumpfile -d: RVMM_DL_* bits),
	 * -1 if none, and what a page its memory has but its file lacks is
	 * called: "filtered out by makedumpfile (dump level 31)", or "not in
	 * the dump" (filtering.c).
	 */
	int dump_level;
	char absent[80];
	char err[600];
};

/* Zero an options struct to "detect everything". */
void rvmm_options_init(struct rvmm_options *o);
/*
 * Fill s from src.  Returns NULL on success, else a one-line error naming
 * what is missing (stored in s->err).  A vmlinux that is not the dump's
 * build is such an error unless opt->force.  opt may be NULL.  Page and section
 * decoding failures do not fail the open; they are reported by the
 * commands that need them.
 */
const char *rvmm_session_open(struct rvmm_session *s,
			      const struct rvmm_source *src,
			      const struct rvmm_options *opt);

/* Translate a kernel VA: image and linear map by formula, else walk. */
enum rvmm_xlate_status rvmm_kva_to_pa(const struct rvmm_session *s, uint64_t va,
				      uint64_t *pa);
/* Read len bytes at kernel VA (may cross pages). */
enum rvmm_read_result rvmm_read_kva(const struct rvmm_session *s, uint64_t va,
				    void *buf, size_t len);

enum rvmm_vmemmap_sel {
	RVMM_VMEMMAP_ALL,
	RVMM_VMEMMAP_PFN,
	RVMM_VMEMMAP_SECTION
};

/* All commands return 0 on success, -1 after printing an error. */
int rvmm_cmd_info(struct rvmm_session *s, struct rvmm_out *o);
int rvmm_cmd_vtop(struct rvmm_session *s, struct rvmm_out *o, uint64_t va);
/* region: a CLI region name, or NULL / "all"; tables: list table pages
 * with their struct-page verdict too. */
int rvmm_cmd_ptdump(struct rvmm_session *s, struct rvmm_out *o,
		    const char *region, int tables);
int rvmm_cmd_vmemmap(struct rvmm_session *s, struct rvmm_out *o,
		     enum rvmm_vmemmap_sel sel, uint64_t arg);
/* arg is a pfn, or (is_page_va) the VA of a struct page. */
int rvmm_cmd_ptdesc(struct rvmm_session *s, struct rvmm_out *o, uint64_t arg,
		    int is_page_va);

#endif

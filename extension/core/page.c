// SPDX-License-Identifier: GPL-2.0
/*
 * struct page / struct ptdesc decoding and the page-table-page verdict.
 * Offsets come from VMCOREINFO or the source's type information, resolved
 * once; members that do not exist in a kernel stay -1 (normal across
 * versions).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "options.h"
#include "page.h"

/* LIST_POISON2 = 0x122 + POISON_POINTER_DELTA; riscv64's
 * CONFIG_ILLEGAL_POINTER_VALUE defaults to 0xdead000000000000. */
#define RISCV64_LIST_POISON2 0xdead000000000122ULL

static long off_vmci(const struct rvmm_source *src, const char *key,
		     const char *type, const char *member)
{
	uint64_t v;
	long off;

	if (key && rvmm_vmci_get(src, key, &v) == RVMM_VMCI_OK)
		return v < RVMM_PAGE_SIZE ? (long)v : -1;
	off = rvmm_member(src, type, member);
	/* bounded, so that sums of offsets cannot overflow */
	return off < (long)RVMM_PAGE_SIZE ? off : -1;
}

static int pgflag(const struct rvmm_source *src, const char *name,
		  const char *vmci_key)
{
	int64_t v;
	uint64_t u;

	if (!rvmm_enum(src, name, &v) && v >= 0 && v < 64)
		return (int)v;
	if (vmci_key && rvmm_vmci_get(src, vmci_key, &u) == RVMM_VMCI_OK &&
	    u < 64)
		return (int)u;
	return -1;
}

/*
 * The top-byte scheme's values (6.12 include/linux/page-flags.h, enum
 * pagetype), in enum rvmm_ptype order: used only when the debug info has
 * no PGTY_* enumerators but VMCOREINFO says the scheme is the top byte.
 */
static const char *const pgty_name[] = {
	"PGTY_buddy",	"PGTY_offline", "PGTY_table",	 "PGTY_guard",
	"PGTY_hugetlb", "PGTY_slab",	"PGTY_zsmalloc", "PGTY_unaccepted",
};
#define PGTY_DEFAULT_FIRST 0xf0 /* PGTY_buddy; the rest follow in order */
#define PGTY_DEFAULT_NO_TYPE 0xff /* PGTY_mapcount_underflow */

static void pgty_defaults(struct rvmm_page_layout *p)
{
	unsigned int i;

	memset(p->pgty, 0, sizeof(p->pgty));
	for (i = 0; i < ARRAY_SIZE(pgty_name); i++)
		p->pgty[RVMM_PT_BUDDY + i] = PGTY_DEFAULT_FIRST + i;
	p->pgty_no_type = PGTY_DEFAULT_NO_TYPE;
	p->pgty_from_enum = 0;
}

/*
 * Read every PGTY_* enumerator the debug info has.  A value must be a top
 * byte below PGTY_mapcount_underflow; one that is not is dropped (that
 * type is then not recognised).  Returns -1 if PGTY_table is unusable.
 */
static int pgty_from_enums(const struct rvmm_source *src,
			   struct rvmm_page_layout *p, struct rvmm_notes *notes)
{
	int64_t v, no_type = PGTY_DEFAULT_NO_TYPE;
	unsigned int i, differ = 0;

	memset(p->pgty, 0, sizeof(p->pgty));
	if (!rvmm_enum(src, "PGTY_mapcount_underflow", &v)) {
		if (v > 0 && v <= 0xff)
			no_type = v;
		else
			rvmm_note(
				notes,
				"enumerator PGTY_mapcount_underflow = %" PRId64
				" is not a top byte: 0xff assumed",
				v);
	}
	p->pgty_no_type = (uint8_t)no_type;
	for (i = 0; i < ARRAY_SIZE(pgty_name); i++) {
		if (rvmm_enum(src, pgty_name[i], &v))
			continue;
		if (v <= 0 || v >= no_type) {
			rvmm_note(notes,
				  "enumerator %s = %" PRId64
				  " is not a top byte below 0x%02x: ignored",
				  pgty_name[i], v, (unsigned int)no_type);
			continue;
		}
		p->pgty[RVMM_PT_BUDDY + i] = (uint8_t)v;
		differ += v != PGTY_DEFAULT_FIRST + i;
	}
	p->pgty_from_enum = 1;
	if (differ || no_type != PGTY_DEFAULT_NO_TYPE)
		rvmm_note(
			notes,
			"page_type values from the PGTY_* enumerators differ from 6.12's: buddy 0x%02x table 0x%02x slab 0x%02x, no type from 0x%02x",
			p->pgty[RVMM_PT_BUDDY], p->pgty[RVMM_PT_TABLE],
			p->pgty[RVMM_PT_SLAB], p->pgty_no_type);
	return p->pgty[RVMM_PT_TABLE] ? 0 : -1;
}

/*
 * page_type schemes, told apart by value rather than by version:
 *  - PGTY_table enumerator exists: top-byte scheme (6.12 page-flags.h),
 *    with every PGTY_* value read from its enumerator (pgty_from_enums).
 *  - only without it, NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE), printed with %ld:
 *    (PGTY_buddy << 24) = 0xf0000000 (6.12; may print as -268435456;
 *    6.12's PGTY_* values are then assumed), ~PG_buddy with PG_buddy 0x80
 *    = -129 (base 0xf0000000 scheme, up to 6.10 per our dossier),
 *    ~PG_buddy with PG_buddy 0x40000000 = -1073741825 = 0xbfffffff (base
 *    0x80000000 scheme; the dossier says 6.11 -- not checked against a
 *    6.10/6.11 tree here, which is why we key on the value).
 */
static void detect_scheme(const struct rvmm_source *src,
			  const struct rvmm_options *opt,
			  struct rvmm_page_layout *p, struct rvmm_notes *notes)
{
	int64_t e;
	uint64_t v;
	uint32_t w;

	pgty_defaults(p);
	if (opt && opt->ptype_scheme != RVMM_PTYPE_UNKNOWN) {
		p->scheme = opt->ptype_scheme;
		p->scheme_why = "set by the user";
		/* the user picks the scheme, the kernel still has values */
		if (p->scheme == RVMM_PTYPE_TOP_BYTE &&
		    !rvmm_enum(src, "PGTY_table", &e) &&
		    pgty_from_enums(src, p, notes))
			pgty_defaults(p);
		return;
	}
	if (!rvmm_enum(src, "PGTY_table", &e)) {
		if (pgty_from_enums(src, p, notes)) {
			pgty_defaults(p);
			p->scheme_why =
				"enumerator PGTY_table exists but is not a page_type top byte";
			rvmm_note(
				notes,
				"page_type encoding unknown (%s); page-table verdicts are off unless set by the user",
				p->scheme_why);
			return;
		}
		p->scheme = RVMM_PTYPE_TOP_BYTE;
		p->scheme_why = "enumerator PGTY_table exists";
		return;
	}
	if (rvmm_vmci_get(src, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", &v) ==
	    RVMM_VMCI_OK) {
		w = (uint32_t)v;
		p->scheme_why = "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)";
		if (w == 0xf0000000U) {
			p->scheme = RVMM_PTYPE_TOP_BYTE;
			p->scheme_why =
				"NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE), no PGTY_* enumerators: 6.12 values";
		} else if (w == 0xffffff7fU) {
			p->scheme = RVMM_PTYPE_LOW_BITS;
		} else if (w == 0xbfffffffU) {
			p->scheme = RVMM_PTYPE_HIGH_BITS;
		}
		if (p->scheme != RVMM_PTYPE_UNKNOWN)
			return;
	}
	p->scheme_why =
		"no PGTY_table enumerator and no known PAGE_BUDDY_MAPCOUNT_VALUE";
	rvmm_note(
		notes,
		"page_type encoding unknown (%s); page-table verdicts are off unless set by the user",
		p->scheme_why);
}

/* ZONES_SHIFT follows MAX_NR_ZONES (page-flags-layout.h); NODES_SHIFT is a
 * Kconfig value no kernel exports, so it must be 0 (no NUMA) or given. */
static void resolve_zone_node(const struct rvmm_source *src,
			      const struct rvmm_options *opt,
			      struct rvmm_page_layout *p,
			      struct rvmm_notes *notes)
{
	int64_t nz;
	uint64_t v, addr;

	p->zones_shift = p->nodes_shift = -1;
	p->zone_pgshift = p->node_pgshift = -1;
	if (!rvmm_enum(src, "__MAX_NR_ZONES", &nz) && nz > 0 && nz <= 8)
		p->zones_shift = nz < 2 ? 0 : nz <= 2 ? 1 : nz <= 4 ? 2 : 3;
	if (opt && opt->nodes_shift >= 0)
		p->nodes_shift = opt->nodes_shift;
	else if (rvmm_vmci_get(src, "NUMBER(NODES_SHIFT)", &v) ==
			 RVMM_VMCI_OK &&
		 v <= 10)
		p->nodes_shift = (int)v;
	else if (src->ops->symbol &&
		 src->ops->symbol(src->ctx, "node_data", &addr) &&
		 !src->ops->symbol(src->ctx, "contig_page_data", &addr))
		p->nodes_shift = 0;
	if (p->zones_shift < 0 || p->nodes_shift < 0) {
		rvmm_note(notes, "zone/node of struct pages unknown (%s)",
			  p->zones_shift < 0 ? "no enumerator __MAX_NR_ZONES"
					     : "NUMA kernel: give NODES_SHIFT");
		return;
	}
	/* SPARSEMEM_VMEMMAP: no section bits; node on top, zone below. */
	p->node_pgshift = 64 - p->nodes_shift;
	p->zone_pgshift = p->node_pgshift - p->zones_shift;
}

/*
 * 6.12's pagetable_pmd_dtor inlines pmd_ptlock_free and its
 * VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte); 7.x has neither, and its ctor
 * leaves pmd_huge_pte as the allocator left it on init_mm's tables.  The
 * debug info says which (pmd_ptlock_init proves it answers).
 */
static int pmd_dtor_checks(const struct rvmm_source *src)
{
	const struct rvmm_source_ops *ops = src->ops;
	struct rvmm_fn_instance inst[1];
	int n;

	if (!ops->fn_instances)
		return -1;
	n = ops->fn_instances(src->ctx, "pmd_ptlock_free", NULL, inst, 1);
	if (n > 0)
		return 1;
	/* no code for it (or no such function) where the ctor side has */
	return ops->fn_instances(src->ctx, "pmd_ptlock_init", NULL, inst, 1) > 0
		       ? 0
		       : -1;
}

/* Drop (-1) a member offset whose width-byte field is not in the page. */
static void fit(const struct rvmm_page_layout *p, long *off, long width)
{
	if (*off >= 0 && (p->size < width || *off > p->size - width))
		*off = -1;
}

int rvmm_page_layout_resolve(const struct rvmm_source *src,
			     const struct rvmm_layout *l,
			     const struct rvmm_options *opt,
			     struct rvmm_page_layout *p,
			     struct rvmm_notes *notes)
{
	long lru, next, prev;

	memset(p, 0, sizeof(*p));
	p->list_poison2 = RISCV64_LIST_POISON2;
	p->size = (long)l->page_struct_size;
	p->flags = off_vmci(src, "OFFSET(page.flags)", "page", "flags");
	lru = off_vmci(src, "OFFSET(page.lru)", "page", "lru");
	next = off_vmci(src, "OFFSET(list_head.next)", "list_head", "next");
	prev = off_vmci(src, "OFFSET(list_head.prev)", "list_head", "prev");
	p->lru_next = lru >= 0 && next >= 0 ? lru + next : -1;
	p->lru_prev = lru >= 0 && prev >= 0
			      ? lru + prev
			      : rvmm_member(src, "page", "lru.prev");
	p->compound_head = off_vmci(src, "OFFSET(page.compound_head)", "page",
				    "compound_head");
	/* renamed when it learned a mask form; bit 0 still marks a tail */
	if (p->compound_head < 0)
		p->compound_head = off_vmci(src, "OFFSET(page.compound_info)",
					    "page", "compound_info");
	p->mapping = off_vmci(src, "OFFSET(page.mapping)", "page", "mapping");
	p->index = rvmm_member(src, "page", "index");
	if (p->index < 0) /* hidden as __folio_index, same word */
		p->index = rvmm_member(src, "page", "__folio_index");
	p->private_ = off_vmci(src, "OFFSET(page.private)", "page", "private");
	p->mapcount =
		off_vmci(src, "OFFSET(page._mapcount)", "page", "_mapcount");
	p->page_type = rvmm_member(src, "page", "page_type");
	if (p->page_type < 0) /* same union in every version we know */
		p->page_type = p->mapcount;
	p->refcount =
		off_vmci(src, "OFFSET(page._refcount)", "page", "_refcount");
	p->memcg_data = rvmm_member(src, "page", "memcg_data");
	p->pt_huge_pte = rvmm_member(src, "ptdesc", "pmd_huge_pte");
	p->pt_mm = rvmm_member(src, "ptdesc", "pt_mm");
	p->pt_index = rvmm_member(src, "ptdesc", "pt_index");
	p->ptl = rvmm_member(src, "ptdesc", "ptl");
	p->pt_type = rvmm_member(src, "ptdesc", "__page_type");
	p->pt_refcount = rvmm_member(src, "ptdesc", "__page_refcount");
	p->pt_memcg = rvmm_member(src, "ptdesc", "pt_memcg_data");
	if (p->pt_huge_pte < 0 && p->lru_prev >= 0)
		p->pt_huge_pte = p->lru_prev; /* pre-ptdesc: same word */

	p->pg_locked = pgflag(src, "PG_locked", NULL);
	p->pg_referenced = pgflag(src, "PG_referenced", NULL);
	p->pg_uptodate = pgflag(src, "PG_uptodate", NULL);
	p->pg_dirty = pgflag(src, "PG_dirty", NULL);
	p->pg_lru = pgflag(src, "PG_lru", "NUMBER(PG_lru)");
	p->pg_head = pgflag(src, "PG_head", NULL);
	p->pg_active = pgflag(src, "PG_active", NULL);
	p->pg_reserved = pgflag(src, "PG_reserved", NULL);
	p->pg_private = pgflag(src, "PG_private", "NUMBER(PG_private)");
	p->pg_writeback = pgflag(src, "PG_writeback", NULL);
	p->pg_swapbacked =
		pgflag(src, "PG_swapbacked", "NUMBER(PG_swapbacked)");
	p->pg_unevictable = pgflag(src, "PG_unevictable", NULL);
	p->pg_mlocked = pgflag(src, "PG_mlocked", NULL);
	p->pg_hwpoison = pgflag(src, "PG_hwpoison", "NUMBER(PG_hwpoison)");
	p->pg_slab = pgflag(src, "PG_slab", NULL);
	if (p->pg_head < 0) {
		uint64_t m;

		if (rvmm_vmci_get(src, "NUMBER(PG_head_mask)", &m) ==
			    RVMM_VMCI_OK &&
		    m && !(m & (m - 1)))
			p->pg_head = __builtin_ctzll(m);
	}
	if (p->pg_reserved < 0)
		rvmm_note(
			notes,
			"enumerator PG_reserved unknown: reserved (memblock) pages cannot be told apart");
	resolve_zone_node(src, opt, p, notes);
	detect_scheme(src, opt, p, notes);
	p->pmd_dtor_checks_huge_pte = pmd_dtor_checks(src);

	/* offsets that do not fit in SIZE(page) are garbage: drop them */
	fit(p, &p->flags, 8);
	fit(p, &p->lru_next, 8);
	fit(p, &p->pt_huge_pte, 8);
	fit(p, &p->compound_head, 8);
	fit(p, &p->mapping, 8);
	fit(p, &p->index, 8);
	fit(p, &p->private_, 8);
	fit(p, &p->page_type, 4);
	fit(p, &p->refcount, 4);
	fit(p, &p->memcg_data, 8);
	if (p->size <= 0 || p->size > 256 || p->flags < 0 || p->refcount < 0 ||
	    p->page_type < 0 || p->pt_huge_pte < 0) {
		rvmm_fail(
			&p->err, RVMM_EINPUT,
			"struct page layout incomplete: need SIZE(page) <= 256 and offsets of flags, _refcount, page_type/_mapcount, lru.prev");
		return -1;
	}
	p->ok = 1;
	return 0;
}

const char *rvmm_ptype_scheme_str(enum rvmm_ptype_scheme s)
{
	switch (s) {
	case RVMM_PTYPE_LOW_BITS:
		return "base 0xf0000000, PG_table 0x200";
	case RVMM_PTYPE_HIGH_BITS:
		return "base 0x80000000, PG_table 0x10000000";
	case RVMM_PTYPE_TOP_BYTE:
		return "top byte PGTY_*";
	case RVMM_PTYPE_UNKNOWN:
		break;
	}
	return "unknown";
}

const char *rvmm_ptype_str(enum rvmm_ptype t)
{
	static const char *const n[] = {
		"none",	   "buddy", "offline",	"table",      "guard",
		"hugetlb", "slab",  "zsmalloc", "unaccepted", "unknown",
	};

	return t <= RVMM_PT_UNKNOWN ? n[t] : "?";
}

enum rvmm_ptype rvmm_page_type_decode(enum rvmm_ptype_scheme s, uint32_t pt)
{
	/* Flag values of the inverted schemes, in rvmm_ptype order. */
	static const uint32_t low[] = {0x80,  0x100, 0x200,
				       0x400, 0x800, 0x1000};
	static const uint32_t high[] = {0x40000000, 0x20000000, 0x10000000,
					0x08000000, 0x04000000, 0x02000000,
					0x01000000, 0x00800000};
	const uint32_t *flag;
	uint32_t base;
	unsigned int i, n;

	switch (s) {
	case RVMM_PTYPE_TOP_BYTE:
		if (pt >> 24 >= 0xf0 && pt >> 24 <= 0xf7)
			return RVMM_PT_BUDDY + (pt >> 24) - 0xf0;
		/* page_type_has_type(): (int)pt < (int)(0xff << 24) */
		return (int32_t)pt < (int32_t)0xff000000U ? RVMM_PT_UNKNOWN
							  : RVMM_PT_NONE;
	case RVMM_PTYPE_LOW_BITS:
		if ((int32_t)pt >= -128) /* PAGE_MAPCOUNT_RESERVE */
			return RVMM_PT_NONE;
		base = 0xf0000000U;
		flag = low;
		n = ARRAY_SIZE(low);
		break;
	case RVMM_PTYPE_HIGH_BITS:
		if ((int32_t)pt >= (int32_t)~0xffffU)
			return RVMM_PT_NONE;
		base = 0x80000000U;
		flag = high;
		n = ARRAY_SIZE(high);
		break;
	default:
		return RVMM_PT_UNKNOWN;
	}
	for (i = 0; i < n; i++)
		if ((pt & (base | flag[i])) == base)
			return RVMM_PT_BUDDY + i;
	return RVMM_PT_UNKNOWN;
}

enum rvmm_ptype rvmm_page_type_decode_layout(const struct rvmm_page_layout *p,
					     uint32_t pt)
{
	unsigned int i;

	/* a layout not filled by rvmm_page_layout_resolve: 6.12 values */
	if (p->scheme != RVMM_PTYPE_TOP_BYTE || !p->pgty_no_type)
		return rvmm_page_type_decode(p->scheme, pt);
	for (i = RVMM_PT_BUDDY; i < RVMM_PT_UNKNOWN; i++)
		if (p->pgty[i] && pt >> 24 == p->pgty[i])
			return i;
	/* page_type_has_type(): (int)pt < (int)(no_type << 24) */
	return (int32_t)pt < (int32_t)((uint32_t)p->pgty_no_type << 24)
		       ? RVMM_PT_UNKNOWN
		       : RVMM_PT_NONE;
}

const char *rvmm_page_scheme_used(const struct rvmm_page_layout *p)
{
	switch (p->scheme) {
	case RVMM_PTYPE_TOP_BYTE:
		return p->pgty_from_enum
			       ? "top byte, PGTY_* values from the enumerators"
			       : "top byte, 6.12 PGTY_* values (no enumerators)";
	case RVMM_PTYPE_LOW_BITS:
		return "base 0xf0000000, PG_table 0x200 (no PGTY_* enumerators)";
	case RVMM_PTYPE_HIGH_BITS:
		return "base 0x80000000, PG_table 0x10000000 (no PGTY_* enumerators)";
	case RVMM_PTYPE_UNKNOWN:
		break;
	}
	return "unknown";
}

const char *rvmm_huge_pte_kind_str(enum rvmm_huge_pte_kind k)
{
	switch (k) {
	case RVMM_HP_ZERO:
		return "zero";
	case RVMM_HP_POISON2:
		return "LIST_POISON2";
	case RVMM_HP_SELF_LRU:
		return "&page->lru";
	case RVMM_HP_OTHER:
		break;
	}
	return "other";
}

const char *rvmm_table_verdict_str(enum rvmm_table_verdict v)
{
	switch (v) {
	case RVMM_TV_CONSTRUCTED:
		return "constructed";
	case RVMM_TV_NOT_CONSTRUCTED:
		return "not-constructed";
	case RVMM_TV_FREE:
		return "free";
	case RVMM_TV_UNKNOWN:
		break;
	}
	return "unknown";
}

static int bit(uint64_t flags, int nr)
{
	return nr >= 0 && ((flags >> nr) & 1);
}

void rvmm_page_verdict(const struct rvmm_page_layout *p,
		       struct rvmm_page_info *pi, int pmd_level)
{
	uint64_t hp = pi->lru_prev;
	int hp_set;

	pi->ptype = rvmm_page_type_decode_layout(p, pi->page_type);
	pi->scheme_used = rvmm_page_scheme_used(p);
	pi->reserved = bit(pi->flags, p->pg_reserved);
	pi->head = bit(pi->flags, p->pg_head);
	pi->compound_tail = pi->lru_next & 1; /* compound_head bit 0 */
	pi->is_free = pi->ptype == RVMM_PT_BUDDY || pi->refcount == 0;
	pi->zone = pi->node = -1;
	if (p->zone_pgshift >= 0) {
		pi->zone = (int)((pi->flags >> p->zone_pgshift) &
				 ((1ULL << p->zones_shift) - 1));
		pi->node = p->nodes_shift ? (int)(pi->flags >> p->node_pgshift)
					  : 0;
	}
	if (!hp)
		pi->huge_pte_kind = RVMM_HP_ZERO;
	else if (hp == p->list_poison2)
		pi->huge_pte_kind = RVMM_HP_POISON2;
	else if (p->lru_next >= 0 && hp == pi->page_va + p->lru_next)
		pi->huge_pte_kind = RVMM_HP_SELF_LRU;
	else
		pi->huge_pte_kind = RVMM_HP_OTHER;
	hp_set = hp != 0 && pmd_level == 1 && p->pmd_dtor_checks_huge_pte != 0;

	if (p->scheme == RVMM_PTYPE_UNKNOWN) {
		pi->verdict = RVMM_TV_UNKNOWN;
		pi->why = "page_type encoding unknown";
	} else if (pi->ptype == RVMM_PT_TABLE && !hp_set) {
		pi->verdict = RVMM_TV_CONSTRUCTED;
		pi->why =
			!hp || pmd_level == 0 ? "page_type is table"
			: !p->pmd_dtor_checks_huge_pte
				? "page_type is table (pmd_huge_pte not cleared: this kernel's dtor does not check it)"
				: "page_type is table (as a PMD table its non-zero pmd_huge_pte would trip VM_BUG_ON)";
	} else if (pi->ptype == RVMM_PT_TABLE) {
		pi->verdict = RVMM_TV_NOT_CONSTRUCTED;
		pi->why =
			"page_type is table but pmd_huge_pte != 0: pagetable_pmd_dtor would trip VM_BUG_ON";
	} else if (pi->is_free) {
		pi->verdict = RVMM_TV_FREE;
		pi->why =
			pi->ptype == RVMM_PT_BUDDY
				? "page is free (buddy): stale pointer to it"
				: "refcount 0: page is free, stale pointer to it";
	} else {
		pi->verdict = RVMM_TV_NOT_CONSTRUCTED;
		if (pi->huge_pte_kind == RVMM_HP_SELF_LRU || pi->reserved)
			pi->why =
				"no table page_type; memblock page (pmd_huge_pte = &page->lru or PG_reserved)";
		else if (pi->huge_pte_kind == RVMM_HP_POISON2)
			pi->why =
				"no table page_type; buddy-allocated page (pmd_huge_pte = LIST_POISON2)";
		else
			pi->why = "no table page_type";
	}
}

char *rvmm_page_flags_str(const struct rvmm_page_layout *p, uint64_t flags,
			  char *buf, size_t len)
{
	const struct {
		const char *n;
		int b;
	} f[] = {
		{"locked", p->pg_locked},
		{"writeback", p->pg_writeback},
		{"referenced", p->pg_referenced},
		{"uptodate", p->pg_uptodate},
		{"dirty", p->pg_dirty},
		{"lru", p->pg_lru},
		{"head", p->pg_head},
		{"active", p->pg_active},
		{"reserved", p->pg_reserved},
		{"private", p->pg_private},
		{"swapbacked", p->pg_swapbacked},
		{"unevictable", p->pg_unevictable},
		{"mlocked", p->pg_mlocked},
		{"hwpoison", p->pg_hwpoison},
		{"slab", p->pg_slab},
	};
	size_t n = 0;
	unsigned int i;

	if (!len)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(f) && n < len; i++)
		if (bit(flags, f[i].b))
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
				      f[i].n);
	return buf;
}

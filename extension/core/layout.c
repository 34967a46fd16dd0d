// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 virtual memory layout of one kernel.  VMCOREINFO is the
 * primary source (arch/riscv/kernel/vmcore_info.c, kernel/vmcore_info.c);
 * when a key is missing we fall back to a kernel variable or to the
 * formula in arch/riscv/include/asm/pgtable.h (Linux 6.12) and leave a
 * note, because a forensic tool must say where each number came from.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "layout.h"

#define SZ_2M (2ULL << 20)
#define SZ_16M (16ULL << 20)
#define SZ_2G (2ULL << 30)
#define MAX_SECTION_ROOTS (1ULL << 24)

struct lctx {
	const struct rvmm_source *src;
	struct rvmm_layout *l;
	struct rvmm_notes *notes;
	struct rvmm_error *err;
	int kimg_ok; /* va_kernel_pa_offset known: image reads work */
	uint64_t section_roots; /* NR_SECTION_ROOTS, 0 if unknown */
};

static int vmci(struct lctx *c, const char *key, uint64_t *v)
{
	enum rvmm_vmci_result r = rvmm_vmci_get(c->src, key, v);

	if (r == RVMM_VMCI_GARBAGE)
		rvmm_note(c->notes, "VMCOREINFO %s is not a number; ignored",
			  key);
	return r == RVMM_VMCI_OK ? 0 : -1;
}

static int read_kimg(struct lctx *c, uint64_t va, void *buf, size_t len)
{
	if (!c->kimg_ok)
		return -1;
	return c->src->ops->read_phys(c->src->ctx, rvmm_kimg_va_to_pa(c->l, va),
				      buf, len) == RVMM_READ_OK
		       ? 0
		       : -1;
}

/* Read a kernel variable (or a member of one) of width len <= 8. */
static int read_var(struct lctx *c, const char *sym, const char *type,
		    const char *member, size_t len, uint64_t *v)
{
	uint64_t addr;
	long off = 0;

	*v = 0;
	if (!c->src->ops->symbol ||
	    c->src->ops->symbol(c->src->ctx, sym, &addr))
		return -1;
	if (member) {
		off = rvmm_member(c->src, type, member);
		if (off < 0)
			return -1;
	}
	return read_kimg(c, addr + off, v, len);
}

static int fail(struct lctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A layout the core cannot work with: the dump or vmlinux is unusable. */
static int fail(struct lctx *c, const char *fmt, ...)
{
	char msg[RVMM_ERRMSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return rvmm_fail(c->err, RVMM_EINPUT, "%s", msg);
}

/* How a fallback went. */
enum fallback_result {
	FALLBACK_FOUND, /* the value is set: leave the rule's note */
	FALLBACK_QUIET, /* the value is set, and nothing worth a note */
	FALLBACK_NOT_HERE, /* nothing: the next rule (RULE_ELSE) tries */
	FALLBACK_FAILED, /* nothing, and no way on: the rule's error */
};

/* What a fallback found: the key's value, the pair key's, the note's. */
struct found {
	uint64_t v[2];
	uint64_t note_arg;
};

typedef enum fallback_result (*fallback_fn)(struct lctx *c, struct found *f);

enum rule_flags {
	/* the previous rule's key again, tried when its fallback found
	 * nothing; VMCOREINFO is not asked twice */
	RULE_ELSE = 1,
	/* a second look at a key an earlier rule let go by as 0, once more
	 * of the kernel is readable; skipped when the field is set */
	RULE_RETRY = 2,
};

/*
 * One number of the layout: its VMCOREINFO key, else its fallback (a
 * function, or the value assumed), the note that says so, the error
 * when there is no way on.  A rule without a key only derives fields
 * from those resolved before it.
 */
struct layout_rule {
	const char *key;
	size_t field, width; /* where the value goes in struct rvmm_layout */
	/* a key that counts only together with key: both, or the fallback */
	const char *pair_key;
	size_t pair_field;
	unsigned int flags;
	/* a VMCOREINFO value of 0 or above this is junk: noted, ignored */
	uint64_t at_most;
	fallback_fn fallback;
	uint64_t assumed; /* the value when there is no fallback function */
	const char *note; /* printf format of one unsigned long long */
	const char *error;
	/* checks the value, from either source, and derives from it */
	int (*then)(struct lctx *c, uint64_t *v);
	int (*derive)(struct lctx *c); /* a rule without a key */
	/* 1-based place among the NUMBER()s Linux 7.2 writes (a pair key
	 * comes right after key), 0 if none; printed %ld, else 0x%lx */
	int written, decimal;
};

#define FIELD(m)                                  \
	.field = offsetof(struct rvmm_layout, m), \
	.width = sizeof(((struct rvmm_layout *)0)->m)

static enum fallback_result va_pa_offset_from_kernel_map(struct lctx *c,
							 struct found *f)
{
	uint64_t cands[3], sym, virt, phys, off, start;
	long o_virt, o_phys, o_off;
	unsigned int i;

	/*
	 * Without va_kernel_pa_offset nothing in the image can be read.  Try
	 * the load addresses QEMU/OpenSBI and U-Boot use and accept one only
	 * if kernel_map found there describes itself consistently.
	 */
	if (!c->src->ops->symbol ||
	    c->src->ops->symbol(c->src->ctx, "kernel_map", &sym))
		return FALLBACK_FAILED;
	/* run-time _start: KERNEL_LINK_ADDR plus any KASLR offset */
	if (c->src->ops->symbol(c->src->ctx, "_start", &start))
		start = c->l->kernel_link_addr;
	o_virt = rvmm_member(c->src, "kernel_mapping", "virt_addr");
	o_phys = rvmm_member(c->src, "kernel_mapping", "phys_addr");
	o_off = rvmm_member(c->src, "kernel_mapping", "va_kernel_pa_offset");
	if (o_virt < 0 || o_phys < 0 || o_off < 0)
		return FALLBACK_FAILED;
	cands[0] = (c->l->phys_ram_base ? c->l->phys_ram_base : 0x80000000ULL) +
		   SZ_2M;
	cands[1] = cands[0] - SZ_2M;
	cands[2] = cands[0] + SZ_2M;
	for (i = 0; i < ARRAY_SIZE(cands); i++) {
		c->l->va_kernel_pa_offset = start - cands[i];
		c->kimg_ok = 1;
		if (!read_kimg(c, sym + o_virt, &virt, 8) &&
		    !read_kimg(c, sym + o_phys, &phys, 8) &&
		    !read_kimg(c, sym + o_off, &off, 8) && phys == cands[i] &&
		    off == virt - phys) {
			c->l->va_kernel_pa_offset = off;
			f->v[0] = off;
			f->note_arg = rvmm_kimg_va_to_pa(c->l, sym);
			return FALLBACK_FOUND;
		}
	}
	c->kimg_ok = 0;
	return FALLBACK_FAILED;
}

static int image_readable(struct lctx *c, uint64_t *v)
{
	(void)v;
	c->kimg_ok = 1;
	return 0;
}

static enum fallback_result from_var(struct lctx *c, const char *sym,
				     const char *type, const char *member,
				     uint64_t *v)
{
	return read_var(c, sym, type, member, 8, v) ? FALLBACK_FAILED
						    : FALLBACK_FOUND;
}

static enum fallback_result phys_ram_base_from_symbol(struct lctx *c,
						      struct found *f)
{
	return from_var(c, "phys_ram_base", NULL, NULL, f->v);
}

static enum fallback_result page_offset_from_kernel_map(struct lctx *c,
							struct found *f)
{
	return from_var(c, "kernel_map", "kernel_mapping", "page_offset", f->v);
}

static enum fallback_result va_bits_from_pgtable_levels(struct lctx *c,
							struct found *f)
{
	uint64_t l4 = 0, l5 = 0;

	if (read_var(c, "pgtable_l4_enabled", NULL, NULL, 1, &l4) ||
	    read_var(c, "pgtable_l5_enabled", NULL, NULL, 1, &l5))
		return FALLBACK_FAILED;
	f->v[0] = l5 ? 57 : l4 ? 48 : 39;
	f->note_arg = f->v[0];
	return FALLBACK_FOUND;
}

static int paging_mode(struct lctx *c, uint64_t *v)
{
	struct rvmm_layout *l = c->l;

	if (*v != 39 && *v != 48 && *v != 57)
		return fail(c,
			    "NUMBER(VA_BITS) is %" PRIu64 ", not 39, 48 or 57",
			    *v);
	l->levels = 3 + (int)(*v - 39) / 9;
	l->mode = l->levels == 3 ? "Sv39" : l->levels == 4 ? "Sv48" : "Sv57";
	return 0;
}

static enum fallback_result vmalloc_start_from_pgtable_h(struct lctx *c,
							 struct found *f)
{
	/* KERN_VIRT_SIZE = PTRS_PER_PGD / 2 * PGDIR_SIZE / 2 */
	uint64_t kvs = 256ULL << (RVMM_PAGE_SHIFT + 9 * (c->l->levels - 1)) >>
		       1;

	f->v[0] = c->l->page_offset - (kvs >> 1);
	return FALLBACK_FOUND;
}

static enum fallback_result vmalloc_end_from_pgtable_h(struct lctx *c,
						       struct found *f)
{
	f->v[0] = c->l->page_offset;
	return FALLBACK_FOUND;
}

static enum fallback_result vmemmap_end_from_pgtable_h(struct lctx *c,
						       struct found *f)
{
	f->v[0] = c->l->vmalloc_start;
	return FALLBACK_FOUND;
}

static uint64_t order_base_2(uint64_t n)
{
	uint64_t o = 0;

	while ((1ULL << o) < n)
		o++;
	return o;
}

static enum fallback_result vmemmap_start_from_pgtable_h(struct lctx *c,
							 struct found *f)
{
	const struct rvmm_layout *l = c->l;
	uint64_t vsz = 1ULL << (l->va_bits - RVMM_PAGE_SHIFT - 1 +
				order_base_2(l->page_struct_size));

	f->v[0] = l->vmemmap_end - vsz;
	return FALLBACK_FOUND;
}

static enum fallback_result modules_from_image_symbols(struct lctx *c,
						       struct found *f)
{
	uint64_t end, start;

	if (!c->src->ops->symbol ||
	    c->src->ops->symbol(c->src->ctx, "_end", &end) ||
	    c->src->ops->symbol(c->src->ctx, "_start", &start))
		return FALLBACK_NOT_HERE;
	f->v[0] = ((end + 4095) & ~4095ULL) - SZ_2G;
	f->v[1] = (start + 4095) & ~4095ULL;
	return FALLBACK_FOUND;
}

static enum fallback_result modules_below_link_addr(struct lctx *c,
						    struct found *f)
{
	f->v[0] = c->l->kernel_link_addr - SZ_2G;
	f->v[1] = c->l->kernel_link_addr;
	return FALLBACK_FOUND;
}

/* pgtable.h: PCI I/O sits right below vmemmap, fixmap below it. */
static int fixed_regions(struct lctx *c)
{
	struct rvmm_layout *l = c->l;

	l->pci_io_end = l->vmemmap_start;
	l->pci_io_start = l->pci_io_end - SZ_16M;
	l->fixaddr_top = l->pci_io_start;
	/* FIXADDR_SIZE = PMD_SIZE + FIX_FDT_SIZE (= MAX_FDT_SIZE + 2M) */
	l->fixaddr_start = l->fixaddr_top - (SZ_2M + SZ_2M + SZ_2M);
	return 0;
}

static enum fallback_result vmemmap_from_start_pfn(struct lctx *c,
						   struct found *f)
{
	uint64_t sym, pfn;

	if (!c->src->ops->symbol ||
	    c->src->ops->symbol(c->src->ctx, "vmemmap_start_pfn", &sym))
		return FALLBACK_NOT_HERE;
	if (read_var(c, "vmemmap_start_pfn", NULL, NULL, 8, &pfn))
		return FALLBACK_FAILED;
	f->v[0] = c->l->vmemmap_start - pfn * c->l->page_struct_size;
	return FALLBACK_FOUND;
}

/* before vmemmap_start_pfn: phys_ram_base's pfn */
static enum fallback_result vmemmap_from_ram_base(struct lctx *c,
						  struct found *f)
{
	const struct rvmm_layout *l = c->l;

	f->v[0] = l->vmemmap_start -
		  (l->phys_ram_base >> RVMM_PAGE_SHIFT) * l->page_struct_size;
	return FALLBACK_FOUND;
}

static enum fallback_result swapper_pg_dir_from_symbol(struct lctx *c,
						       struct found *f)
{
	return !c->src->ops->symbol ||
			       c->src->ops->symbol(c->src->ctx,
						   "swapper_pg_dir", f->v)
		       ? FALLBACK_FAILED
		       : FALLBACK_FOUND;
}

static int swapper_pg_dir_pa(struct lctx *c, uint64_t *v)
{
	c->l->swapper_pg_dir_pa = rvmm_kimg_va_to_pa(c->l, *v);
	return 0;
}

/* SPARSEMEM_EXTREME: the symbol is a pointer to the roots. */
static enum fallback_result mem_section_from_pointer(struct lctx *c,
						     struct found *f)
{
	return read_var(c, "mem_section", NULL, NULL, 8, f->v)
		       ? FALLBACK_NOT_HERE
		       : FALLBACK_FOUND;
}

static enum fallback_result mem_section_size_from_type(struct lctx *c,
						       struct found *f)
{
	long n = rvmm_size(c->src, "mem_section");

	/* a root is one page of sections: a size above it is junk */
	if (n <= 0 || n > (long)RVMM_PAGE_SIZE)
		n = 0;
	f->v[0] = n;
	return n ? FALLBACK_FOUND : FALLBACK_QUIET;
}

static enum fallback_result section_mem_map_from_type(struct lctx *c,
						      struct found *f)
{
	long n = rvmm_member(c->src, "mem_section", "section_mem_map");

	f->v[0] = n >= 0 ? (uint64_t)n : 0;
	return FALLBACK_QUIET;
}

/* -1 (unknown) for a number of bits no 64-bit address can have */
static int bits_or_unknown(struct lctx *c, uint64_t *v)
{
	(void)c;
	if (*v > 64)
		*v = (uint64_t)-1;
	return 0;
}

/* riscv64 PAs have at most 56 bits (44-bit PPN in a PTE) */
static int plausible_sections(struct lctx *c, uint64_t *v)
{
	const struct rvmm_layout *l = c->l;
	int max_physmem_bits;

	bits_or_unknown(c, v);
	max_physmem_bits = (int)(int64_t)*v;
	if (l->section_size_bits < RVMM_PAGE_SHIFT ||
	    l->section_size_bits > 40 ||
	    max_physmem_bits <= l->section_size_bits || max_physmem_bits > 56)
		return fail(
			c,
			"implausible SECTION_SIZE_BITS %d / MAX_PHYSMEM_BITS %d",
			l->section_size_bits, max_physmem_bits);
	return 0;
}

/* NR_SECTION_ROOTS, capped: LENGTH(mem_section) is checked against it */
static int section_roots(struct lctx *c)
{
	const struct rvmm_layout *l = c->l;
	uint64_t per_root, nr, roots;

	c->section_roots = 0;
	if (!l->mem_section_size)
		return 0;
	per_root = RVMM_PAGE_SIZE / l->mem_section_size;
	nr = 1ULL << (l->max_physmem_bits - l->section_size_bits);
	roots = (nr + per_root - 1) / per_root;
	/* 6.12 riscv64 has 2^21; beyond this is a garbage geometry that
	 * would take hours to walk */
	if (roots > MAX_SECTION_ROOTS) {
		rvmm_note(
			c->notes,
			"%" PRIu64
			" mem_section roots (SECTION_SIZE_BITS %d, SIZE(mem_section) %" PRIu64
			"): only the first %llu read",
			roots, l->section_size_bits, l->mem_section_size,
			MAX_SECTION_ROOTS);
		roots = MAX_SECTION_ROOTS;
	}
	c->section_roots = roots;
	return 0;
}

static enum fallback_result section_roots_computed(struct lctx *c,
						   struct found *f)
{
	f->v[0] = c->section_roots;
	return FALLBACK_QUIET;
}

/* a larger LENGTH is garbage to loop on */
static int at_most_section_roots(struct lctx *c, uint64_t *v)
{
	if (c->l->mem_section_size && *v > c->section_roots) {
		rvmm_note(c->notes,
			  "VMCOREINFO LENGTH(mem_section) %" PRIu64
			  " > NR_SECTION_ROOTS %" PRIu64 ": used that",
			  *v, c->section_roots);
		*v = c->section_roots;
	}
	return 0;
}

/*
 * In the order they are resolved: each fallback may use the fields
 * before it.  The first rule for phys_ram_base only lets the image be
 * found; the symbol is read once it can be.
 */
static const struct layout_rule rules[] = {
	{.key = "NUMBER(KERNEL_LINK_ADDR)",
	 FIELD(kernel_link_addr),
	 .assumed = 0xffffffff80000000ULL,
	 .note = "VMCOREINFO lacks NUMBER(KERNEL_LINK_ADDR); assumed 0xffffffff80000000 (pgtable.h, 64BIT)",
	 .written = 10},
	{.key = "NUMBER(phys_ram_base)",
	 FIELD(phys_ram_base),
	 .assumed = 0,
	 .written = 2,
	 .decimal = 1},
	{.key = "NUMBER(va_kernel_pa_offset)",
	 FIELD(va_kernel_pa_offset),
	 .fallback = va_pa_offset_from_kernel_map,
	 .note = "VMCOREINFO lacks NUMBER(va_kernel_pa_offset); took it from symbol kernel_map found at PA 0x%llx",
	 .error =
		 "VMCOREINFO lacks NUMBER(va_kernel_pa_offset) and symbol kernel_map could not be located",
	 .then = image_readable,
	 .written = 11},
	{.key = "NUMBER(phys_ram_base)",
	 FIELD(phys_ram_base),
	 .flags = RULE_RETRY,
	 .fallback = phys_ram_base_from_symbol,
	 .note = "VMCOREINFO lacks NUMBER(phys_ram_base); took it from symbol phys_ram_base",
	 .error =
		 "VMCOREINFO lacks NUMBER(phys_ram_base) and symbol phys_ram_base is unreadable"},
	{.key = "NUMBER(PAGE_OFFSET)",
	 FIELD(page_offset),
	 .fallback = page_offset_from_kernel_map,
	 .note = "VMCOREINFO lacks NUMBER(PAGE_OFFSET); took it from symbol kernel_map.page_offset",
	 .error =
		 "VMCOREINFO lacks NUMBER(PAGE_OFFSET) and kernel_map.page_offset is unreadable",
	 .written = 3},
	{.key = "NUMBER(VA_BITS)",
	 FIELD(va_bits),
	 .fallback = va_bits_from_pgtable_levels,
	 .note = "VMCOREINFO lacks NUMBER(VA_BITS); took %llu from symbols pgtable_l4/l5_enabled",
	 .error =
		 "VMCOREINFO lacks NUMBER(VA_BITS) and symbols pgtable_l4_enabled/pgtable_l5_enabled are unreadable",
	 .then = paging_mode,
	 .written = 5,
	 .decimal = 1},
	{.key = "NUMBER(VMALLOC_START)",
	 FIELD(vmalloc_start),
	 .fallback = vmalloc_start_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMALLOC_START); computed PAGE_OFFSET - VMALLOC_SIZE (pgtable.h)",
	 .written = 1},
	{.key = "NUMBER(VMALLOC_END)",
	 FIELD(vmalloc_end),
	 .fallback = vmalloc_end_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMALLOC_END); assumed PAGE_OFFSET (pgtable.h)",
	 .written = 4},
	{.key = "NUMBER(VMEMMAP_END)",
	 FIELD(vmemmap_end),
	 .fallback = vmemmap_end_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMEMMAP_END); assumed VMALLOC_START (pgtable.h)",
	 .written = 7},
	{.key = "NUMBER(VMEMMAP_START)",
	 FIELD(vmemmap_start),
	 .fallback = vmemmap_start_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMEMMAP_START); computed VMEMMAP_END - VMEMMAP_SIZE (pgtable.h)",
	 .written = 6},
	{.key = "NUMBER(MODULES_VADDR)",
	 FIELD(modules_vaddr),
	 .pair_key = "NUMBER(MODULES_END)",
	 .pair_field = offsetof(struct rvmm_layout, modules_end),
	 .fallback = modules_from_image_symbols,
	 .note = "VMCOREINFO lacks NUMBER(MODULES_*); computed from symbols _start/_end",
	 .written = 8},
	{.key = "NUMBER(MODULES_VADDR)",
	 FIELD(modules_vaddr),
	 .pair_key = "NUMBER(MODULES_END)",
	 .pair_field = offsetof(struct rvmm_layout, modules_end),
	 .flags = RULE_ELSE,
	 .fallback = modules_below_link_addr,
	 .note = "VMCOREINFO lacks NUMBER(MODULES_*); assumed KERNEL_LINK_ADDR - 2G .. KERNEL_LINK_ADDR"},
	{.derive = fixed_regions},
	{.key = "SYMBOL(vmemmap)",
	 FIELD(vmemmap),
	 .fallback = vmemmap_from_start_pfn,
	 .note = "VMCOREINFO lacks SYMBOL(vmemmap); took VMEMMAP_START - symbol vmemmap_start_pfn",
	 .error =
		 "VMCOREINFO lacks SYMBOL(vmemmap) and symbol vmemmap_start_pfn is unreadable"},
	{.key = "SYMBOL(vmemmap)",
	 FIELD(vmemmap),
	 .flags = RULE_ELSE,
	 .fallback = vmemmap_from_ram_base,
	 .note = "VMCOREINFO lacks SYMBOL(vmemmap); took VMEMMAP_START - pfn of phys_ram_base (no symbol vmemmap_start_pfn)"},
	{.key = "SYMBOL(swapper_pg_dir)",
	 FIELD(swapper_pg_dir),
	 .fallback = swapper_pg_dir_from_symbol,
	 .note = "VMCOREINFO lacks SYMBOL(swapper_pg_dir); took it from symbol swapper_pg_dir",
	 .error =
		 "VMCOREINFO lacks SYMBOL(swapper_pg_dir) and the symbol is unknown",
	 .then = swapper_pg_dir_pa},
	{.key = "SYMBOL(mem_section)",
	 FIELD(mem_section),
	 .fallback = mem_section_from_pointer,
	 .note = "VMCOREINFO lacks SYMBOL(mem_section); read the pointer in symbol mem_section"},
	{.key = "SYMBOL(mem_section)",
	 FIELD(mem_section),
	 .flags = RULE_ELSE,
	 .assumed = 0,
	 .note = "VMCOREINFO lacks SYMBOL(mem_section) and symbol mem_section is unreadable; section decoding is off"},
	{.key = "SIZE(mem_section)",
	 FIELD(mem_section_size),
	 .at_most = RVMM_PAGE_SIZE,
	 .fallback = mem_section_size_from_type,
	 .note = "VMCOREINFO lacks SIZE(mem_section); took it from type mem_section"},
	{.key = "OFFSET(mem_section.section_mem_map)",
	 FIELD(section_mem_map_off),
	 .fallback = section_mem_map_from_type},
	{.key = "NUMBER(SECTION_SIZE_BITS)",
	 FIELD(section_size_bits),
	 .assumed = 27,
	 .note = "VMCOREINFO lacks NUMBER(SECTION_SIZE_BITS); assumed 27 (asm/sparsemem.h)",
	 .then = bits_or_unknown},
	{.key = "NUMBER(MAX_PHYSMEM_BITS)",
	 FIELD(max_physmem_bits),
	 .assumed = 56,
	 .note = "VMCOREINFO lacks NUMBER(MAX_PHYSMEM_BITS); assumed 56 (asm/sparsemem.h)",
	 .then = plausible_sections},
	{.derive = section_roots},
	{.key = "LENGTH(mem_section)",
	 FIELD(nr_section_roots),
	 .fallback = section_roots_computed,
	 .then = at_most_section_roots},
};

static void store(struct rvmm_layout *l, size_t field, size_t width, uint64_t v)
{
	char *p = (char *)l + field;
	int narrow = (int)(int64_t)v;

	if (width == sizeof(narrow))
		memcpy(p, &narrow, sizeof(narrow));
	else
		memcpy(p, &v, sizeof(v));
}

static uint64_t load(const struct rvmm_layout *l, size_t field, size_t width)
{
	const char *p = (const char *)l + field;
	uint64_t v;
	int narrow;

	if (width == sizeof(narrow)) {
		memcpy(&narrow, p, sizeof(narrow));
		return (uint64_t)(int64_t)narrow;
	}
	memcpy(&v, p, sizeof(v));
	return v;
}

/* The rule's key (and pair key) from VMCOREINFO into v; 0 if not there. */
static int from_vmcoreinfo(struct lctx *c, const struct layout_rule *r,
			   uint64_t *v)
{
	if (vmci(c, r->key, &v[0]))
		return 0;
	if (r->at_most && (!v[0] || v[0] > r->at_most)) {
		rvmm_note(c->notes, "VMCOREINFO %s %" PRIu64 " ignored", r->key,
			  v[0]);
		v[0] = 0;
		return 0;
	}
	return !r->pair_key || !vmci(c, r->pair_key, &v[1]);
}

static int resolve_rules(struct lctx *c)
{
	const struct layout_rule *r;
	int resolved = 0; /* the last rule with a key has its value */

	for (r = rules; r < rules + ARRAY_SIZE(rules); r++) {
		struct found f = {{0, 0}, 0};
		enum fallback_result how;

		if (r->derive) {
			if (r->derive(c))
				return -1;
			continue;
		}
		if (r->flags & RULE_ELSE) {
			if (resolved)
				continue;
		} else if ((r->flags & RULE_RETRY) &&
			   load(c->l, r->field, r->width)) {
			resolved = 1;
			continue;
		} else {
			resolved = from_vmcoreinfo(c, r, f.v);
		}
		if (!resolved) {
			f.v[0] = r->assumed;
			how = r->fallback ? r->fallback(c, &f) : FALLBACK_FOUND;
			if (how == FALLBACK_NOT_HERE)
				continue;
			if (how == FALLBACK_FAILED)
				return fail(c, "%s", r->error);
			if (how == FALLBACK_FOUND && r->note)
				rvmm_note(c->notes, r->note,
					  (unsigned long long)f.note_arg);
			resolved = 1;
		}
		if (r->then && r->then(c, &f.v[0]))
			return -1;
		store(c->l, r->field, r->width, f.v[0]);
		if (r->pair_key)
			store(c->l, r->pair_field, sizeof(f.v[1]), f.v[1]);
	}
	return 0;
}

void rvmm_layout_numbers(const struct rvmm_layout *l,
			 struct rvmm_layout_number *out)
{
	const struct layout_rule *r;

	for (r = rules; r < rules + ARRAY_SIZE(rules); r++) {
		struct rvmm_layout_number *n;

		if (!r->written)
			continue;
		n = &out[r->written - 1];
		n->key = r->key;
		n->decimal = r->decimal;
		n->value = load(l, r->field, r->width);
		if (r->pair_key) {
			n[1].key = r->pair_key;
			n[1].decimal = r->decimal;
			n[1].value = load(l, r->pair_field, sizeof(uint64_t));
		}
	}
}

/*
 * Where the address formulas hold.  The linear map is is_linear_mapping():
 * PAGE_OFFSET + KERN_VIRT_SIZE, i.e. a quarter of the VA space
 * (2^(VA_BITS - 2)), never past the modules area.  The image starts at
 * MODULES_END (PFN_ALIGN(_start), KASLR included), not below the link
 * address.
 */
static void derive_bounds(struct rvmm_layout *l)
{
	uint64_t quarter = 1ULL << (l->va_bits - 2);

	l->linear_end = l->page_offset + quarter;
	if (l->linear_end < l->page_offset || l->linear_end > l->modules_vaddr)
		l->linear_end = l->modules_vaddr;
	l->kimg_start = l->modules_end > l->kernel_link_addr
				? l->modules_end
				: l->kernel_link_addr;
}

int rvmm_layout_resolve(const struct rvmm_source *src, struct rvmm_layout *l,
			struct rvmm_notes *notes, struct rvmm_error *err)
{
	struct lctx c = {src, l, notes, err, 0, 0};
	const char *rel;
	uint64_t v;
	long n;

	memset(l, 0, sizeof(*l));
	if (!vmci(&c, "PAGESIZE", &v) && v != RVMM_PAGE_SIZE)
		return fail(
			&c,
			"PAGESIZE is not 4096; only 4K pages are supported");
	l->page_size = RVMM_PAGE_SIZE;
	/* struct page is a few words; it is also a divisor and a shift */
	if (!vmci(&c, "SIZE(page)", &l->page_struct_size) &&
	    (!l->page_struct_size || l->page_struct_size > RVMM_PAGE_SIZE)) {
		rvmm_note(notes, "VMCOREINFO SIZE(page) %" PRIu64 " ignored",
			  l->page_struct_size);
		l->page_struct_size = 0;
	}
	if (!l->page_struct_size) {
		n = rvmm_size(src, "page");
		if (n <= 0 || n > (long)RVMM_PAGE_SIZE)
			return fail(
				&c,
				"no usable SIZE(page) in VMCOREINFO and the type struct page is unknown");
		l->page_struct_size = n;
	}
	rel = src->ops->vmcoreinfo ? src->ops->vmcoreinfo(src->ctx, "OSRELEASE")
				   : NULL;
	snprintf(l->osrelease, sizeof(l->osrelease), "%s", rel ? rel : "");
	if (!rel)
		rvmm_note(notes, "VMCOREINFO lacks OSRELEASE");
	if (resolve_rules(&c))
		return -1;
	derive_bounds(l);
	return 0;
}

uint64_t rvmm_kimg_va_to_pa(const struct rvmm_layout *l, uint64_t va)
{
	return va - l->va_kernel_pa_offset;
}

uint64_t rvmm_linear_va_to_pa(const struct rvmm_layout *l, uint64_t va)
{
	return va - l->page_offset + l->phys_ram_base;
}

uint64_t rvmm_linear_pa_to_va(const struct rvmm_layout *l, uint64_t pa)
{
	return pa - l->phys_ram_base + l->page_offset;
}

uint64_t rvmm_pfn_to_page(const struct rvmm_layout *l, uint64_t pfn)
{
	return l->vmemmap + pfn * l->page_struct_size;
}

int rvmm_page_to_pfn(const struct rvmm_layout *l, uint64_t page_va,
		     uint64_t *pfn)
{
	uint64_t d = page_va - l->vmemmap;

	if (!l->page_struct_size || d % l->page_struct_size)
		return -1;
	*pfn = d / l->page_struct_size;
	return 0;
}

uint64_t rvmm_canonical(const struct rvmm_layout *l, uint64_t va)
{
	return rvmm_sign_extend(va, l->va_bits);
}

int rvmm_is_canonical(const struct rvmm_layout *l, uint64_t va)
{
	return rvmm_canonical(l, va) == va;
}

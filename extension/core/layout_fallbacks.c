// SPDX-License-Identifier: GPL-2.0
/*
 * The layout rules' own functions (layout_priv.h): where a number comes
 * from when VMCOREINFO lacks it -- a kernel variable read through the
 * image, or the formula in arch/riscv/include/asm/pgtable.h (Linux 6.12)
 * -- and the checks and derivations that follow a resolved number.
 */
#include <inttypes.h>
#include <stddef.h>

#include "layout_priv.h"

#define SZ_2M (2ULL << 20)
#define SZ_16M (16ULL << 20)
#define SZ_2G (2ULL << 30)
#define MAX_SECTION_ROOTS (1ULL << 24)

static int read_kimg(struct layout_ctx *c, uint64_t va, void *buf, size_t len)
{
	if (!c->kimg_ok)
		return -1;
	return c->src->ops->read_phys(c->src->ctx, rvmm_kimg_va_to_pa(c->l, va),
				      buf, len) == RVMM_READ_OK
		       ? 0
		       : -1;
}

/* Read a kernel variable (or a member of one) of width len <= 8. */
static int read_var(struct layout_ctx *c, const char *sym, const char *type,
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

enum fallback_result layout_va_pa_offset_from_kernel_map(struct layout_ctx *c,
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

int layout_image_readable(struct layout_ctx *c, uint64_t *v)
{
	(void)v;
	c->kimg_ok = 1;
	return 0;
}

static enum fallback_result from_var(struct layout_ctx *c, const char *sym,
				     const char *type, const char *member,
				     uint64_t *v)
{
	return read_var(c, sym, type, member, 8, v) ? FALLBACK_FAILED
						    : FALLBACK_FOUND;
}

enum fallback_result layout_phys_ram_base_from_symbol(struct layout_ctx *c,
						      struct found *f)
{
	return from_var(c, "phys_ram_base", NULL, NULL, f->v);
}

enum fallback_result layout_page_offset_from_kernel_map(struct layout_ctx *c,
							struct found *f)
{
	return from_var(c, "kernel_map", "kernel_mapping", "page_offset", f->v);
}

enum fallback_result layout_va_bits_from_pgtable_levels(struct layout_ctx *c,
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

int layout_paging_mode(struct layout_ctx *c, uint64_t *v)
{
	struct rvmm_layout *l = c->l;

	if (*v != 39 && *v != 48 && *v != 57)
		return layout_fail(c,
				   "NUMBER(VA_BITS) is %" PRIu64
				   ", not 39, 48 or 57",
				   *v);
	l->levels = 3 + (int)(*v - 39) / 9;
	l->mode = l->levels == 3 ? "Sv39" : l->levels == 4 ? "Sv48" : "Sv57";
	return 0;
}

enum fallback_result layout_vmalloc_start_from_pgtable_h(struct layout_ctx *c,
							 struct found *f)
{
	/* KERN_VIRT_SIZE = PTRS_PER_PGD / 2 * PGDIR_SIZE / 2 */
	uint64_t kvs = 256ULL << (RVMM_PAGE_SHIFT + 9 * (c->l->levels - 1)) >>
		       1;

	f->v[0] = c->l->page_offset - (kvs >> 1);
	return FALLBACK_FOUND;
}

enum fallback_result layout_vmalloc_end_from_pgtable_h(struct layout_ctx *c,
						       struct found *f)
{
	f->v[0] = c->l->page_offset;
	return FALLBACK_FOUND;
}

enum fallback_result layout_vmemmap_end_from_pgtable_h(struct layout_ctx *c,
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

enum fallback_result layout_vmemmap_start_from_pgtable_h(struct layout_ctx *c,
							 struct found *f)
{
	const struct rvmm_layout *l = c->l;
	uint64_t vsz = 1ULL << (l->va_bits - RVMM_PAGE_SHIFT - 1 +
				order_base_2(l->page_struct_size));

	f->v[0] = l->vmemmap_end - vsz;
	return FALLBACK_FOUND;
}

enum fallback_result layout_modules_from_image_symbols(struct layout_ctx *c,
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

enum fallback_result layout_modules_below_link_addr(struct layout_ctx *c,
						    struct found *f)
{
	f->v[0] = c->l->kernel_link_addr - SZ_2G;
	f->v[1] = c->l->kernel_link_addr;
	return FALLBACK_FOUND;
}

/* pgtable.h: PCI I/O sits right below vmemmap, fixmap below it. */
int layout_fixed_regions(struct layout_ctx *c)
{
	struct rvmm_layout *l = c->l;

	l->pci_io_end = l->vmemmap_start;
	l->pci_io_start = l->pci_io_end - SZ_16M;
	l->fixaddr_top = l->pci_io_start;
	/* FIXADDR_SIZE = PMD_SIZE + FIX_FDT_SIZE (= MAX_FDT_SIZE + 2M) */
	l->fixaddr_start = l->fixaddr_top - (SZ_2M + SZ_2M + SZ_2M);
	return 0;
}

enum fallback_result layout_vmemmap_from_start_pfn(struct layout_ctx *c,
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
enum fallback_result layout_vmemmap_from_ram_base(struct layout_ctx *c,
						  struct found *f)
{
	const struct rvmm_layout *l = c->l;

	f->v[0] = l->vmemmap_start -
		  (l->phys_ram_base >> RVMM_PAGE_SHIFT) * l->page_struct_size;
	return FALLBACK_FOUND;
}

enum fallback_result layout_swapper_pg_dir_from_symbol(struct layout_ctx *c,
						       struct found *f)
{
	return !c->src->ops->symbol ||
			       c->src->ops->symbol(c->src->ctx,
						   "swapper_pg_dir", f->v)
		       ? FALLBACK_FAILED
		       : FALLBACK_FOUND;
}

int layout_swapper_pg_dir_pa(struct layout_ctx *c, uint64_t *v)
{
	c->l->swapper_pg_dir_pa = rvmm_kimg_va_to_pa(c->l, *v);
	return 0;
}

/* SPARSEMEM_EXTREME: the symbol is a pointer to the roots. */
enum fallback_result layout_mem_section_from_pointer(struct layout_ctx *c,
						     struct found *f)
{
	return read_var(c, "mem_section", NULL, NULL, 8, f->v)
		       ? FALLBACK_NOT_HERE
		       : FALLBACK_FOUND;
}

enum fallback_result layout_mem_section_size_from_type(struct layout_ctx *c,
						       struct found *f)
{
	long n = rvmm_size(c->src, "mem_section");

	/* a root is one page of sections: a size above it is junk */
	if (n <= 0 || n > (long)RVMM_PAGE_SIZE)
		n = 0;
	f->v[0] = n;
	return n ? FALLBACK_FOUND : FALLBACK_QUIET;
}

enum fallback_result layout_section_mem_map_from_type(struct layout_ctx *c,
						      struct found *f)
{
	long n = rvmm_member(c->src, "mem_section", "section_mem_map");

	f->v[0] = n >= 0 ? (uint64_t)n : 0;
	return FALLBACK_QUIET;
}

/* -1 (unknown) for a number of bits no 64-bit address can have */
int layout_bits_or_unknown(struct layout_ctx *c, uint64_t *v)
{
	(void)c;
	if (*v > 64)
		*v = (uint64_t)-1;
	return 0;
}

/* riscv64 PAs have at most 56 bits (44-bit PPN in a PTE) */
int layout_plausible_sections(struct layout_ctx *c, uint64_t *v)
{
	const struct rvmm_layout *l = c->l;
	int max_physmem_bits;

	layout_bits_or_unknown(c, v);
	max_physmem_bits = (int)(int64_t)*v;
	if (l->section_size_bits < RVMM_PAGE_SHIFT ||
	    l->section_size_bits > 40 ||
	    max_physmem_bits <= l->section_size_bits || max_physmem_bits > 56)
		return layout_fail(
			c,
			"implausible SECTION_SIZE_BITS %d / MAX_PHYSMEM_BITS %d",
			l->section_size_bits, max_physmem_bits);
	return 0;
}

/* NR_SECTION_ROOTS, capped: LENGTH(mem_section) is checked against it */
int layout_section_roots(struct layout_ctx *c)
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

enum fallback_result layout_section_roots_computed(struct layout_ctx *c,
						   struct found *f)
{
	f->v[0] = c->section_roots;
	return FALLBACK_QUIET;
}

/* a larger LENGTH is garbage to loop on */
int layout_at_most_section_roots(struct layout_ctx *c, uint64_t *v)
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

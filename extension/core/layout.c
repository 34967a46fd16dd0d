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
	char *err;
	size_t errlen;
	int kimg_ok; /* va_kernel_pa_offset known: image reads work */
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

static int fail(struct lctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, c->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* NUMBER(key), else kernel_map.member. */
static int number_or_kmap(struct lctx *c, const char *key, const char *member,
			  uint64_t *v)
{
	if (!vmci(c, key, v))
		return 0;
	if (read_var(c, "kernel_map", "kernel_mapping", member, 8, v))
		return -1;
	rvmm_note(c->notes,
		  "VMCOREINFO lacks %s; took it from symbol "
		  "kernel_map.%s",
		  key, member);
	return 0;
}

/*
 * Without va_kernel_pa_offset nothing in the image can be read.  Try the
 * load addresses QEMU/OpenSBI and U-Boot use and accept one only if
 * kernel_map found there describes itself consistently.
 */
static int probe_kernel_map(struct lctx *c)
{
	uint64_t cands[3], sym, virt, phys, off, start;
	long o_virt, o_phys, o_off;
	unsigned int i;

	if (!c->src->ops->symbol ||
	    c->src->ops->symbol(c->src->ctx, "kernel_map", &sym))
		return -1;
	/* run-time _start: KERNEL_LINK_ADDR plus any KASLR offset */
	if (c->src->ops->symbol(c->src->ctx, "_start", &start))
		start = c->l->kernel_link_addr;
	o_virt = rvmm_member(c->src, "kernel_mapping", "virt_addr");
	o_phys = rvmm_member(c->src, "kernel_mapping", "phys_addr");
	o_off = rvmm_member(c->src, "kernel_mapping", "va_kernel_pa_offset");
	if (o_virt < 0 || o_phys < 0 || o_off < 0)
		return -1;
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
			rvmm_note(c->notes,
				  "VMCOREINFO lacks NUMBER("
				  "va_kernel_pa_offset); took it from symbol "
				  "kernel_map found at PA 0x%" PRIx64,
				  rvmm_kimg_va_to_pa(c->l, sym));
			return 0;
		}
	}
	c->kimg_ok = 0;
	return -1;
}

static int resolve_basics(struct lctx *c)
{
	struct rvmm_layout *l = c->l;
	uint64_t v;

	if (vmci(c, "NUMBER(KERNEL_LINK_ADDR)", &l->kernel_link_addr)) {
		l->kernel_link_addr = 0xffffffff80000000ULL;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(KERNEL_LINK_ADDR)"
				    "; assumed 0xffffffff80000000 (pgtable.h, "
				    "64BIT)");
	}
	if (vmci(c, "NUMBER(phys_ram_base)", &l->phys_ram_base))
		l->phys_ram_base = 0; /* retried once the image is readable */
	if (!vmci(c, "NUMBER(va_kernel_pa_offset)", &l->va_kernel_pa_offset))
		c->kimg_ok = 1;
	else if (probe_kernel_map(c))
		return fail(c, "VMCOREINFO lacks NUMBER(va_kernel_pa_offset) "
			       "and symbol kernel_map could not be located");
	if (!l->phys_ram_base &&
	    vmci(c, "NUMBER(phys_ram_base)", &l->phys_ram_base)) {
		if (read_var(c, "phys_ram_base", NULL, NULL, 8, &v))
			return fail(c, "VMCOREINFO lacks NUMBER(phys_ram_base) "
				       "and symbol phys_ram_base is "
				       "unreadable");
		l->phys_ram_base = v;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(phys_ram_base); "
				    "took it from symbol phys_ram_base");
	}
	if (number_or_kmap(c, "NUMBER(PAGE_OFFSET)", "page_offset",
			   &l->page_offset))
		return fail(c, "VMCOREINFO lacks NUMBER(PAGE_OFFSET) and "
			       "kernel_map.page_offset is unreadable");
	if (vmci(c, "NUMBER(VA_BITS)", &v)) {
		uint64_t l4 = 0, l5 = 0;

		if (read_var(c, "pgtable_l4_enabled", NULL, NULL, 1, &l4) ||
		    read_var(c, "pgtable_l5_enabled", NULL, NULL, 1, &l5))
			return fail(c, "VMCOREINFO lacks NUMBER(VA_BITS) and "
				       "symbols pgtable_l4_enabled/"
				       "pgtable_l5_enabled are unreadable");
		v = l5 ? 57 : l4 ? 48 : 39;
		rvmm_note(c->notes,
			  "VMCOREINFO lacks NUMBER(VA_BITS); took "
			  "%d from symbols pgtable_l4/l5_enabled",
			  (int)v);
	}
	if (v != 39 && v != 48 && v != 57)
		return fail(c,
			    "NUMBER(VA_BITS) is %" PRIu64 ", not 39, 48 or 57",
			    v);
	l->va_bits = (int)v;
	l->levels = 3 + (l->va_bits - 39) / 9;
	l->mode = l->levels == 3 ? "Sv39" : l->levels == 4 ? "Sv48" : "Sv57";
	return 0;
}

static uint64_t order_base_2(uint64_t n)
{
	uint64_t o = 0;

	while ((1ULL << o) < n)
		o++;
	return o;
}

static int resolve_regions(struct lctx *c)
{
	struct rvmm_layout *l = c->l;
	uint64_t kvs, vsz, a, b;

	/* KERN_VIRT_SIZE = PTRS_PER_PGD / 2 * PGDIR_SIZE / 2 */
	kvs = 256ULL << (RVMM_PAGE_SHIFT + 9 * (l->levels - 1)) >> 1;
	if (vmci(c, "NUMBER(VMALLOC_START)", &l->vmalloc_start)) {
		l->vmalloc_start = l->page_offset - (kvs >> 1);
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(VMALLOC_START); "
				    "computed PAGE_OFFSET - VMALLOC_SIZE "
				    "(pgtable.h)");
	}
	if (vmci(c, "NUMBER(VMALLOC_END)", &l->vmalloc_end)) {
		l->vmalloc_end = l->page_offset;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(VMALLOC_END); "
				    "assumed PAGE_OFFSET (pgtable.h)");
	}
	if (vmci(c, "NUMBER(VMEMMAP_END)", &l->vmemmap_end)) {
		l->vmemmap_end = l->vmalloc_start;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(VMEMMAP_END); "
				    "assumed VMALLOC_START (pgtable.h)");
	}
	if (vmci(c, "NUMBER(VMEMMAP_START)", &l->vmemmap_start)) {
		vsz = 1ULL << (l->va_bits - RVMM_PAGE_SHIFT - 1 +
			       order_base_2(l->page_struct_size));
		l->vmemmap_start = l->vmemmap_end - vsz;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(VMEMMAP_START); "
				    "computed VMEMMAP_END - VMEMMAP_SIZE "
				    "(pgtable.h)");
	}
	if (vmci(c, "NUMBER(MODULES_VADDR)", &l->modules_vaddr) ||
	    vmci(c, "NUMBER(MODULES_END)", &l->modules_end)) {
		if (!c->src->ops->symbol ||
		    c->src->ops->symbol(c->src->ctx, "_end", &a) ||
		    c->src->ops->symbol(c->src->ctx, "_start", &b)) {
			l->modules_end = l->kernel_link_addr;
			l->modules_vaddr = l->kernel_link_addr - SZ_2G;
			rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(MODULES_*)"
					    "; assumed KERNEL_LINK_ADDR - 2G "
					    ".. "
					    "KERNEL_LINK_ADDR");
		} else {
			l->modules_vaddr = ((a + 4095) & ~4095ULL) - SZ_2G;
			l->modules_end = (b + 4095) & ~4095ULL;
			rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(MODULES_*)"
					    "; computed from symbols "
					    "_start/_end");
		}
	}
	/* pgtable.h: PCI I/O sits right below vmemmap, fixmap below it. */
	l->pci_io_end = l->vmemmap_start;
	l->pci_io_start = l->pci_io_end - SZ_16M;
	l->fixaddr_top = l->pci_io_start;
	/* FIXADDR_SIZE = PMD_SIZE + FIX_FDT_SIZE (= MAX_FDT_SIZE + 2M) */
	l->fixaddr_start = l->fixaddr_top - (SZ_2M + SZ_2M + SZ_2M);
	return 0;
}

static int resolve_symbols(struct lctx *c)
{
	struct rvmm_layout *l = c->l;
	uint64_t v;
	long n;

	if (vmci(c, "SYMBOL(vmemmap)", &l->vmemmap)) {
		uint64_t sym;

		if (!c->src->ops->symbol ||
		    c->src->ops->symbol(c->src->ctx, "vmemmap_start_pfn",
					&sym)) {
			/* before vmemmap_start_pfn: phys_ram_base's pfn */
			l->vmemmap = l->vmemmap_start -
				     (l->phys_ram_base >> RVMM_PAGE_SHIFT) *
					     l->page_struct_size;
			rvmm_note(c->notes, "VMCOREINFO lacks SYMBOL(vmemmap); "
					    "took "
					    "VMEMMAP_START - pfn of "
					    "phys_ram_base (no "
					    "symbol vmemmap_start_pfn)");
		} else if (read_var(c, "vmemmap_start_pfn", NULL, NULL, 8,
				    &v)) {
			return fail(c, "VMCOREINFO lacks SYMBOL(vmemmap) and "
				       "symbol vmemmap_start_pfn is "
				       "unreadable");
		} else {
			l->vmemmap = l->vmemmap_start - v * l->page_struct_size;
			rvmm_note(c->notes, "VMCOREINFO lacks SYMBOL(vmemmap); "
					    "took "
					    "VMEMMAP_START - symbol "
					    "vmemmap_start_pfn");
		}
	}
	if (vmci(c, "SYMBOL(swapper_pg_dir)", &l->swapper_pg_dir)) {
		if (!c->src->ops->symbol ||
		    c->src->ops->symbol(c->src->ctx, "swapper_pg_dir",
					&l->swapper_pg_dir))
			return fail(c, "VMCOREINFO lacks SYMBOL(swapper_pg_dir)"
				       " and the symbol is unknown");
		rvmm_note(c->notes, "VMCOREINFO lacks SYMBOL(swapper_pg_dir); "
				    "took it from symbol swapper_pg_dir");
	}
	l->swapper_pg_dir_pa = rvmm_kimg_va_to_pa(l, l->swapper_pg_dir);
	if (vmci(c, "SYMBOL(mem_section)", &l->mem_section)) {
		/* SPARSEMEM_EXTREME: the symbol is a pointer to the roots. */
		if (read_var(c, "mem_section", NULL, NULL, 8, &l->mem_section))
			rvmm_note(c->notes, "VMCOREINFO lacks "
					    "SYMBOL(mem_section)"
					    " and symbol mem_section is "
					    "unreadable; "
					    "section decoding is off");
		else
			rvmm_note(c->notes, "VMCOREINFO lacks "
					    "SYMBOL(mem_section)"
					    "; read the pointer in symbol "
					    "mem_section");
	}
	if (!vmci(c, "SIZE(mem_section)", &l->mem_section_size) &&
	    (!l->mem_section_size || l->mem_section_size > RVMM_PAGE_SIZE)) {
		rvmm_note(c->notes,
			  "VMCOREINFO SIZE(mem_section) %" PRIu64 " ignored",
			  l->mem_section_size);
		l->mem_section_size = 0;
	}
	if (!l->mem_section_size) {
		n = rvmm_size(c->src, "mem_section");
		/* a root is one page of sections: a size above it is junk */
		if (n <= 0 || n > (long)RVMM_PAGE_SIZE)
			n = 0;
		l->mem_section_size = n;
		if (l->mem_section_size)
			rvmm_note(c->notes, "VMCOREINFO lacks "
					    "SIZE(mem_section);"
					    " took it from type mem_section");
	}
	if (vmci(c, "OFFSET(mem_section.section_mem_map)",
		 &l->section_mem_map_off)) {
		n = rvmm_member(c->src, "mem_section", "section_mem_map");
		l->section_mem_map_off = n >= 0 ? (uint64_t)n : 0;
	}
	if (vmci(c, "NUMBER(SECTION_SIZE_BITS)", &v)) {
		v = 27;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(SECTION_SIZE_BITS)"
				    "; assumed 27 (asm/sparsemem.h)");
	}
	l->section_size_bits = v <= 64 ? (int)v : -1;
	if (vmci(c, "NUMBER(MAX_PHYSMEM_BITS)", &v)) {
		v = 56;
		rvmm_note(c->notes, "VMCOREINFO lacks NUMBER(MAX_PHYSMEM_BITS)"
				    "; assumed 56 (asm/sparsemem.h)");
	}
	l->max_physmem_bits = v <= 64 ? (int)v : -1;
	/* riscv64 PAs have at most 56 bits (44-bit PPN in a PTE) */
	if (l->section_size_bits < RVMM_PAGE_SHIFT ||
	    l->section_size_bits > 40 ||
	    l->max_physmem_bits <= l->section_size_bits ||
	    l->max_physmem_bits > 56)
		return fail(c,
			    "implausible SECTION_SIZE_BITS %d / "
			    "MAX_PHYSMEM_BITS %d",
			    l->section_size_bits, l->max_physmem_bits);
	if (l->mem_section_size) {
		uint64_t per_root = RVMM_PAGE_SIZE / l->mem_section_size;
		uint64_t nr = 1ULL
			      << (l->max_physmem_bits - l->section_size_bits);
		uint64_t roots = (nr + per_root - 1) / per_root;

		/* 6.12 riscv64 has 2^21; beyond this is a garbage geometry
		 * that would take hours to walk */
		if (roots > MAX_SECTION_ROOTS) {
			rvmm_note(c->notes,
				  "%" PRIu64 " mem_section roots "
				  "(SECTION_SIZE_BITS %d, SIZE(mem_section) "
				  "%" PRIu64 "): only the first %llu read",
				  roots, l->section_size_bits,
				  l->mem_section_size, MAX_SECTION_ROOTS);
			roots = MAX_SECTION_ROOTS;
		}

		/* NR_SECTION_ROOTS; a larger LENGTH is garbage to loop on */
		if (vmci(c, "LENGTH(mem_section)", &l->nr_section_roots)) {
			l->nr_section_roots = roots;
		} else if (l->nr_section_roots > roots) {
			rvmm_note(c->notes,
				  "VMCOREINFO LENGTH(mem_section) %" PRIu64
				  " > NR_SECTION_ROOTS %" PRIu64 ": used that",
				  l->nr_section_roots, roots);
			l->nr_section_roots = roots;
		}
	} else {
		vmci(c, "LENGTH(mem_section)", &l->nr_section_roots);
	}
	return 0;
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
			struct rvmm_notes *notes, char *err, size_t errlen)
{
	struct lctx c = {src, l, notes, err, errlen, 0};
	const char *rel;
	uint64_t v;
	long n;

	memset(l, 0, sizeof(*l));
	if (errlen)
		err[0] = '\0';
	if (!vmci(&c, "PAGESIZE", &v) && v != RVMM_PAGE_SIZE)
		return fail(&c, "PAGESIZE is not 4096; only 4K pages are "
				"supported");
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
			return fail(&c, "no usable SIZE(page) in VMCOREINFO "
					"and the type struct page is unknown");
		l->page_struct_size = n;
	}
	rel = src->ops->vmcoreinfo ? src->ops->vmcoreinfo(src->ctx, "OSRELEASE")
				   : NULL;
	snprintf(l->osrelease, sizeof(l->osrelease), "%s", rel ? rel : "");
	if (!rel)
		rvmm_note(notes, "VMCOREINFO lacks OSRELEASE");
	if (resolve_basics(&c) || resolve_regions(&c) || resolve_symbols(&c))
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

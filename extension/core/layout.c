// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 virtual memory layout of one kernel.  VMCOREINFO is the
 * primary source (arch/riscv/kernel/vmcore_info.c, kernel/vmcore_info.c);
 * when a key is missing we fall back to a kernel variable or to the
 * formula in arch/riscv/include/asm/pgtable.h (Linux 6.12) and leave a
 * note, because a forensic tool must say where each number came from.
 * Here: the rules, one per number, and the loop that resolves them; the
 * fallbacks and checks they name are in layout_fallbacks.c.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "layout_priv.h"

int layout_vmci(struct layout_ctx *c, const char *key, uint64_t *v)
{
	enum rvmm_vmci_result r = rvmm_vmci_get(c->src, key, v);

	if (r == RVMM_VMCI_GARBAGE)
		rvmm_note(c->notes, "VMCOREINFO %s is not a number; ignored",
			  key);
	return r == RVMM_VMCI_OK ? 0 : -1;
}

/* A layout the core cannot work with: the dump or vmlinux is unusable. */
int layout_fail(struct layout_ctx *c, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = rvmm_vfail(c->err, RVMM_EINPUT, fmt, ap);
	va_end(ap);
	return rc;
}

typedef enum fallback_result (*fallback_fn)(struct layout_ctx *c,
					    struct found *f);

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
	int (*then)(struct layout_ctx *c, uint64_t *v);
	int (*derive)(struct layout_ctx *c); /* a rule without a key */
	/* 1-based place among the NUMBER()s Linux 7.2 writes (a pair key
	 * comes right after key), 0 if none; printed %ld, else 0x%lx */
	int written, decimal;
};

#define FIELD(m)                                  \
	.field = offsetof(struct rvmm_layout, m), \
	.width = sizeof(((struct rvmm_layout *)0)->m)

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
	 .fallback = layout_va_pa_offset_from_kernel_map,
	 .note = "VMCOREINFO lacks NUMBER(va_kernel_pa_offset); took it from symbol kernel_map found at PA 0x%llx",
	 .error =
		 "VMCOREINFO lacks NUMBER(va_kernel_pa_offset) and symbol kernel_map could not be located",
	 .then = layout_image_readable,
	 .written = 11},
	{.key = "NUMBER(phys_ram_base)",
	 FIELD(phys_ram_base),
	 .flags = RULE_RETRY,
	 .fallback = layout_phys_ram_base_from_symbol,
	 .note = "VMCOREINFO lacks NUMBER(phys_ram_base); took it from symbol phys_ram_base",
	 .error =
		 "VMCOREINFO lacks NUMBER(phys_ram_base) and symbol phys_ram_base is unreadable"},
	{.key = "NUMBER(PAGE_OFFSET)",
	 FIELD(page_offset),
	 .fallback = layout_page_offset_from_kernel_map,
	 .note = "VMCOREINFO lacks NUMBER(PAGE_OFFSET); took it from symbol kernel_map.page_offset",
	 .error =
		 "VMCOREINFO lacks NUMBER(PAGE_OFFSET) and kernel_map.page_offset is unreadable",
	 .written = 3},
	{.key = "NUMBER(VA_BITS)",
	 FIELD(va_bits),
	 .fallback = layout_va_bits_from_pgtable_levels,
	 .note = "VMCOREINFO lacks NUMBER(VA_BITS); took %llu from symbols pgtable_l4/l5_enabled",
	 .error =
		 "VMCOREINFO lacks NUMBER(VA_BITS) and symbols pgtable_l4_enabled/pgtable_l5_enabled are unreadable",
	 .then = layout_paging_mode,
	 .written = 5,
	 .decimal = 1},
	{.key = "NUMBER(VMALLOC_START)",
	 FIELD(vmalloc_start),
	 .fallback = layout_vmalloc_start_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMALLOC_START); computed PAGE_OFFSET - VMALLOC_SIZE (pgtable.h)",
	 .written = 1},
	{.key = "NUMBER(VMALLOC_END)",
	 FIELD(vmalloc_end),
	 .fallback = layout_vmalloc_end_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMALLOC_END); assumed PAGE_OFFSET (pgtable.h)",
	 .written = 4},
	{.key = "NUMBER(VMEMMAP_END)",
	 FIELD(vmemmap_end),
	 .fallback = layout_vmemmap_end_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMEMMAP_END); assumed VMALLOC_START (pgtable.h)",
	 .written = 7},
	{.key = "NUMBER(VMEMMAP_START)",
	 FIELD(vmemmap_start),
	 .fallback = layout_vmemmap_start_from_pgtable_h,
	 .note = "VMCOREINFO lacks NUMBER(VMEMMAP_START); computed VMEMMAP_END - VMEMMAP_SIZE (pgtable.h)",
	 .written = 6},
	{.key = "NUMBER(MODULES_VADDR)",
	 FIELD(modules_vaddr),
	 .pair_key = "NUMBER(MODULES_END)",
	 .pair_field = offsetof(struct rvmm_layout, modules_end),
	 .fallback = layout_modules_from_image_symbols,
	 .note = "VMCOREINFO lacks NUMBER(MODULES_*); computed from symbols _start/_end",
	 .written = 8},
	{.key = "NUMBER(MODULES_VADDR)",
	 FIELD(modules_vaddr),
	 .pair_key = "NUMBER(MODULES_END)",
	 .pair_field = offsetof(struct rvmm_layout, modules_end),
	 .flags = RULE_ELSE,
	 .fallback = layout_modules_below_link_addr,
	 .note = "VMCOREINFO lacks NUMBER(MODULES_*); assumed KERNEL_LINK_ADDR - 2G .. KERNEL_LINK_ADDR"},
	{.derive = layout_fixed_regions},
	{.key = "SYMBOL(vmemmap)",
	 FIELD(vmemmap),
	 .fallback = layout_vmemmap_from_start_pfn,
	 .note = "VMCOREINFO lacks SYMBOL(vmemmap); took VMEMMAP_START - symbol vmemmap_start_pfn",
	 .error =
		 "VMCOREINFO lacks SYMBOL(vmemmap) and symbol vmemmap_start_pfn is unreadable"},
	{.key = "SYMBOL(vmemmap)",
	 FIELD(vmemmap),
	 .flags = RULE_ELSE,
	 .fallback = layout_vmemmap_from_ram_base,
	 .note = "VMCOREINFO lacks SYMBOL(vmemmap); took VMEMMAP_START - pfn of phys_ram_base (no symbol vmemmap_start_pfn)"},
	{.key = "SYMBOL(swapper_pg_dir)",
	 FIELD(swapper_pg_dir),
	 .fallback = layout_swapper_pg_dir_from_symbol,
	 .note = "VMCOREINFO lacks SYMBOL(swapper_pg_dir); took it from symbol swapper_pg_dir",
	 .error =
		 "VMCOREINFO lacks SYMBOL(swapper_pg_dir) and the symbol is unknown",
	 .then = layout_swapper_pg_dir_pa},
	{.key = "SYMBOL(mem_section)",
	 FIELD(mem_section),
	 .fallback = layout_mem_section_from_pointer,
	 .note = "VMCOREINFO lacks SYMBOL(mem_section); read the pointer in symbol mem_section"},
	{.key = "SYMBOL(mem_section)",
	 FIELD(mem_section),
	 .flags = RULE_ELSE,
	 .assumed = 0,
	 .note = "VMCOREINFO lacks SYMBOL(mem_section) and symbol mem_section is unreadable; section decoding is off"},
	{.key = "SIZE(mem_section)",
	 FIELD(mem_section_size),
	 .at_most = RVMM_PAGE_SIZE,
	 .fallback = layout_mem_section_size_from_type,
	 .note = "VMCOREINFO lacks SIZE(mem_section); took it from type mem_section"},
	{.key = "OFFSET(mem_section.section_mem_map)",
	 FIELD(section_mem_map_off),
	 .fallback = layout_section_mem_map_from_type},
	{.key = "NUMBER(SECTION_SIZE_BITS)",
	 FIELD(section_size_bits),
	 .assumed = 27,
	 .note = "VMCOREINFO lacks NUMBER(SECTION_SIZE_BITS); assumed 27 (asm/sparsemem.h)",
	 .then = layout_bits_or_unknown},
	{.key = "NUMBER(MAX_PHYSMEM_BITS)",
	 FIELD(max_physmem_bits),
	 .assumed = 56,
	 .note = "VMCOREINFO lacks NUMBER(MAX_PHYSMEM_BITS); assumed 56 (asm/sparsemem.h)",
	 .then = layout_plausible_sections},
	{.derive = layout_section_roots},
	{.key = "LENGTH(mem_section)",
	 FIELD(nr_section_roots),
	 .fallback = layout_section_roots_computed,
	 .then = layout_at_most_section_roots},
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
static int from_vmcoreinfo(struct layout_ctx *c, const struct layout_rule *r,
			   uint64_t *v)
{
	if (layout_vmci(c, r->key, &v[0]))
		return 0;
	if (r->at_most && (!v[0] || v[0] > r->at_most)) {
		rvmm_note(c->notes, "VMCOREINFO %s %" PRIu64 " ignored", r->key,
			  v[0]);
		v[0] = 0;
		return 0;
	}
	return !r->pair_key || !layout_vmci(c, r->pair_key, &v[1]);
}

static int resolve_rules(struct layout_ctx *c)
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
				return layout_fail(c, "%s", r->error);
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
	struct layout_ctx c = {src, l, notes, err, 0, 0};
	const char *rel;
	uint64_t v;
	long n;

	memset(l, 0, sizeof(*l));
	if (!layout_vmci(&c, "PAGESIZE", &v) && v != RVMM_PAGE_SIZE)
		return layout_fail(
			&c,
			"PAGESIZE is not 4096; only 4K pages are supported");
	l->page_size = RVMM_PAGE_SIZE;
	/* struct page is a few words; it is also a divisor and a shift */
	if (!layout_vmci(&c, "SIZE(page)", &l->page_struct_size) &&
	    (!l->page_struct_size || l->page_struct_size > RVMM_PAGE_SIZE)) {
		rvmm_note(notes, "VMCOREINFO SIZE(page) %" PRIu64 " ignored",
			  l->page_struct_size);
		l->page_struct_size = 0;
	}
	if (!l->page_struct_size) {
		n = rvmm_size(src, "page");
		if (n <= 0 || n > (long)RVMM_PAGE_SIZE)
			return layout_fail(
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

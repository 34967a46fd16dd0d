// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel VA regions as arch/riscv/include/asm/pgtable.h (6.12) lays them
 * out, top-down: kernel image, modules/BPF, linear map, vmalloc, vmemmap,
 * PCI I/O, fixmap.  Derived from the resolved layout, never hard-coded.
 */
#include <string.h>

#include "internal.h"
#include "layout.h"

int rvmm_regions(const struct rvmm_layout *l, struct rvmm_region *r, int max)
{
	const struct rvmm_region all[] = {
		{"user", "user space (below the kernel half)", 0,
		 1ULL << (l->va_bits - 1)},
		{"fixmap", "fixmap (FIXADDR_START..FIXADDR_TOP)",
		 l->fixaddr_start, l->fixaddr_top},
		{"pci-io", "PCI I/O (PCI_IO_START..PCI_IO_END)",
		 l->pci_io_start, l->pci_io_end},
		{"vmemmap", "struct page array (VMEMMAP_START..END)",
		 l->vmemmap_start, l->vmemmap_end},
		{"vmalloc", "vmalloc/ioremap (VMALLOC_START..END)",
		 l->vmalloc_start, l->vmalloc_end},
		{"linear", "linear map of RAM (PAGE_OFFSET..+KERN_VIRT_SIZE)",
		 l->page_offset, l->linear_end},
		{"modules", "modules and BPF JIT (MODULES_VADDR..END)",
		 l->modules_vaddr, l->modules_end},
		{"kernel", "kernel image (MODULES_END..)", l->kimg_start, 0},
	};
	int i, n = 0;

	for (i = 0; i < (int)ARRAY_SIZE(all) && n < max; i++)
		r[n++] = all[i];
	return n;
}

static int in_region(const struct rvmm_region *r, uint64_t va)
{
	return va >= r->start && (r->end == 0 || va < r->end);
}

const char *rvmm_region_of(const struct rvmm_layout *l, uint64_t va)
{
	struct rvmm_region r[RVMM_MAX_REGIONS];
	int i, n;

	if (!rvmm_is_canonical(l, va))
		return "non-canonical";
	n = rvmm_regions(l, r, RVMM_MAX_REGIONS);
	/* Later (higher, narrower) entries win: kernel beats modules. */
	for (i = n - 1; i >= 0; i--)
		if (in_region(&r[i], va))
			return r[i].name;
	return "unmapped-hole";
}

int rvmm_region_find(const struct rvmm_layout *l, const char *name,
		     struct rvmm_region *out)
{
	struct rvmm_region r[RVMM_MAX_REGIONS];
	int i, n;

	n = rvmm_regions(l, r, RVMM_MAX_REGIONS);
	for (i = 0; i < n; i++) {
		if (!strcmp(r[i].name, name)) {
			*out = r[i];
			return 0;
		}
	}
	return -1;
}

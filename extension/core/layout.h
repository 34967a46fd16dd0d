/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's virtual memory layout (layout*.c) and its VA regions (regions.c). */
#ifndef RVMM_LAYOUT_H
#define RVMM_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "pte.h"
#include "source.h"
#include "vmcoreinfo.h"

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
			struct rvmm_notes *notes, struct rvmm_error *err);

/*
 * The riscv64 layout numbers newer kernels write into VMCOREINFO, from
 * the rules layout.c resolves the layout by, so that the list of keys
 * lives once: rvmm-fixdump --add-layout writes them for 6.1 kernels,
 * which write none.  arch_crash_save_vmcoreinfo's ten, and
 * kernel/vmcore_info.c's NUMBER(VMALLOC_START).
 */
#define RVMM_LAYOUT_NUMBERS 11

struct rvmm_layout_number {
	const char *key; /* "NUMBER(VA_BITS)" */
	int decimal; /* VMCOREINFO_NUMBER()'s %ld; else 0x%lx */
	uint64_t value; /* as resolved into the layout */
};

/* Fill out[RVMM_LAYOUT_NUMBERS] in the order Linux 7.2 writes them. */
void rvmm_layout_numbers(const struct rvmm_layout *l,
			 struct rvmm_layout_number *out);

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
int rvmm_is_canonical(const struct rvmm_layout *l, uint64_t va);

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

#endif

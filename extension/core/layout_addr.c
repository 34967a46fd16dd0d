// SPDX-License-Identifier: GPL-2.0
/* Address conversions that follow from a resolved layout (layout.h). */
#include "internal.h"
#include "layout.h"

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

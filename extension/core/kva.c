// SPDX-License-Identifier: GPL-2.0
/* Kernel VA translation and reads below the session: layout + walker only. */
#include "kva.h"

enum rvmm_xlate_status rvmm_layout_kva_to_pa(const struct rvmm_source *src,
					     const struct rvmm_layout *l,
					     uint64_t va, uint64_t *pa)
{
	struct rvmm_xlate x;

	if (va >= l->kimg_start) {
		*pa = rvmm_kimg_va_to_pa(l, va);
		return RVMM_XL_OK;
	}
	if (va >= l->page_offset && va < l->linear_end) {
		*pa = rvmm_linear_va_to_pa(l, va);
		return RVMM_XL_OK;
	}
	rvmm_translate(src, l->swapper_pg_dir_pa, l->levels, va, &x);
	*pa = x.pa;
	return x.status;
}

enum rvmm_read_result rvmm_layout_read_kva(const struct rvmm_source *src,
					   const struct rvmm_layout *l,
					   uint64_t va, void *buf, size_t len)
{
	unsigned char *p = buf;
	enum rvmm_xlate_status st;
	enum rvmm_read_result rr;
	uint64_t pa;
	size_t n;

	while (len) {
		n = RVMM_PAGE_SIZE - (va & (RVMM_PAGE_SIZE - 1));
		if (n > len)
			n = len;
		st = rvmm_layout_kva_to_pa(src, l, va, &pa);
		if (st == RVMM_XL_NOT_IN_DUMP)
			return RVMM_READ_NOT_IN_DUMP;
		if (st != RVMM_XL_OK)
			return RVMM_READ_ERROR;
		rr = src->ops->read_phys(src->ctx, pa, p, n);
		if (rr != RVMM_READ_OK)
			return rr;
		va += n;
		p += n;
		len -= n;
	}
	return RVMM_READ_OK;
}

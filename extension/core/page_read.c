// SPDX-License-Identifier: GPL-2.0
/* Reading one struct page out of an open session's dump, then decoding it. */
#include <string.h>

#include "internal.h"
#include "page.h"
#include "session.h"

int rvmm_page_decode(const struct rvmm_session *s, uint64_t pfn, int pmd_level,
		     struct rvmm_page_info *pi)
{
	const struct rvmm_page_layout *p = &s->pages;
	unsigned char buf[256];

	memset(pi, 0, sizeof(*pi));
	pi->pfn = pfn;
	pi->page_va = rvmm_pfn_to_page(&s->layout, pfn);
	pi->verdict = RVMM_TV_UNKNOWN;
	pi->zone = pi->node = -1;
	pi->why = "struct page unreadable";
	if (!p->ok) {
		pi->why = p->err.msg;
		pi->rr = RVMM_READ_ERROR;
		return -1;
	}
	pi->xs = rvmm_kva_to_pa(s, pi->page_va, &pi->page_pa);
	if (pi->xs != RVMM_XL_OK) {
		pi->rr = pi->xs == RVMM_XL_NOT_IN_DUMP ? RVMM_READ_NOT_IN_DUMP
						       : RVMM_READ_ERROR;
		/* a vmemmap table page the dump lacks, or no mapping */
		pi->why = pi->xs == RVMM_XL_NOT_IN_DUMP
				  ? s->absent
				  : "struct page not mapped in vmemmap";
		return -1;
	}
	/* translated once: walk again only if the struct page straddles */
	if ((pi->page_va & (RVMM_PAGE_SIZE - 1)) + p->size <= RVMM_PAGE_SIZE)
		pi->rr = s->src.ops->read_phys(s->src.ctx, pi->page_pa, buf,
					       p->size);
	else
		pi->rr = rvmm_read_kva(s, pi->page_va, buf, p->size);
	if (pi->rr != RVMM_READ_OK) {
		if (pi->rr == RVMM_READ_NOT_IN_DUMP)
			pi->why = s->absent;
		return -1;
	}
	pi->flags = rvmm_load(buf, p->flags, 8);
	pi->lru_prev = rvmm_load(buf, p->pt_huge_pte, 8);
	if (p->lru_next >= 0)
		pi->lru_next = rvmm_load(buf, p->lru_next, 8);
	else if (p->compound_head >= 0)
		pi->lru_next = rvmm_load(buf, p->compound_head, 8);
	if (p->mapping >= 0)
		pi->mapping = rvmm_load(buf, p->mapping, 8);
	if (p->index >= 0)
		pi->index = rvmm_load(buf, p->index, 8);
	if (p->private_ >= 0)
		pi->private_ = rvmm_load(buf, p->private_, 8);
	pi->page_type = (uint32_t)rvmm_load(buf, p->page_type, 4);
	pi->has_page_type = 1;
	pi->refcount = (int32_t)rvmm_load(buf, p->refcount, 4);
	if (p->memcg_data >= 0) {
		pi->memcg_data = rvmm_load(buf, p->memcg_data, 8);
		pi->has_memcg = 1;
	}
	rvmm_page_verdict(p, pi, pmd_level);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * makedumpfile's pass over one section replayed: its reading of the struct
 * pages, faithful or with the huge-leaf misreading of makedumpfile <= 1.7.9
 * on riscv64, and its loop of rules over them.
 */
#include <string.h>

#include "filtering_priv.h"

void filter_read_memmap(struct replay *rp, uint64_t va, unsigned char *buf,
			unsigned char *ok, uint64_t len, int misread)
{
	const struct rvmm_session *s = rp->s;
	uint64_t off;

	for (off = 0; off < len; off += RVMM_PAGE_SIZE) {
		struct rvmm_xlate x;
		uint64_t pa;

		ok[off / RVMM_PAGE_SIZE] = 0;
		rvmm_translate(&s->src, s->layout.swapper_pg_dir_pa,
			       s->layout.levels, va + off, &x);
		if (x.status != RVMM_XL_OK)
			continue;
		if (x.map_size > rp->fc->memmap_leaf)
			rp->fc->memmap_leaf = x.map_size;
		pa = x.pa;
		if (misread && x.leaf_level < s->layout.levels - 1)
			pa -= (va + off) & (x.map_size - 1) &
			      ~(RVMM_PAGE_SIZE - 1);
		ok[off / RVMM_PAGE_SIZE] =
			s->src.ops->read_phys(s->src.ctx, pa, buf + off,
					      RVMM_PAGE_SIZE) == RVMM_READ_OK;
	}
}

int filter_page_ok(const struct replay *rp, const unsigned char *ok, uint64_t i)
{
	uint64_t a = i * rp->r.size, b = a + rp->r.size - 1;

	return ok[a / RVMM_PAGE_SIZE] && ok[b / RVMM_PAGE_SIZE];
}

void filter_predict(struct replay *rp, uint64_t start_pfn,
		    const unsigned char *buf, const unsigned char *ok,
		    unsigned char *pred, unsigned char *cls)
{
	uint64_t i, k, nr;

	memset(pred, 0, rp->n);
	for (i = 0; i < rp->n; i++) {
		const unsigned char *p = buf + i * rp->r.size;
		enum rvmm_fclass c;
		int has_next;

		if (rp->state[i] == ST_OUT || !filter_page_ok(rp, ok, i))
			continue;
		/* makedumpfile reads 512 struct pages at a time */
		has_next = i + 1 < rp->n && (start_pfn + i) % 512 != 511 &&
			   filter_page_ok(rp, ok, i + 1);
		c = filter_classify(&rp->r, p, has_next ? p + rp->r.size : NULL,
				    start_pfn + i, &nr);
		if (c == RVMM_FC_NR || c == RVMM_FC_KEEP)
			continue;
		for (k = 0; k < nr && i + k < rp->n; k++) {
			pred[i + k] = 1;
			if (cls)
				cls[i + k] = (unsigned char)c;
		}
		i += nr - 1;
	}
}

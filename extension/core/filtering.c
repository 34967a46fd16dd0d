// SPDX-License-Identifier: GPL-2.0
/*
 * What a filtered dump left out, and whether the filter chose its pages
 * by the rules it claims (filtering.h): the page-by-page check.  Section
 * by section, the pages the file holds are compared with the ones
 * makedumpfile's pass (filtering_replay.c, by the rules of
 * filtering_rules.c) keeps, read once as it should and once as
 * makedumpfile <= 1.7.9 misreads riscv64.  A page outside the dump's
 * memory is skipped, as makedumpfile skips memory holes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filtering_priv.h"

static enum rvmm_read_result page_state(const struct rvmm_session *s,
					uint64_t pa)
{
	unsigned char byte;

	if (s->src.ops->page_state)
		return s->src.ops->page_state(s->src.ctx, pa);
	return s->src.ops->read_phys(s->src.ctx, pa, &byte, 1);
}

static int32_t refcount_of(const struct replay *rp, uint64_t i)
{
	return (int32_t)rvmm_load(rp->own + i * rp->r.size, rp->r.refcount, 4);
}

static void tally(struct replay *rp, uint64_t start_pfn)
{
	struct rvmm_filter_check *fc = rp->fc;
	uint64_t i;

	for (i = 0; i < rp->n; i++) {
		int absent = rp->state[i] == ST_ABSENT;

		if (rp->state[i] == ST_OUT)
			continue;
		fc->pfns++;
		fc->absent += absent;
		if (!rp->with_rules)
			continue;
		if (filter_page_ok(rp, rp->mis_ok, i)) {
			fc->misread_pfns++;
			fc->misread_agree += rp->mpred[i] == absent;
		}
		if (!filter_page_ok(rp, rp->own_ok, i)) {
			fc->unjudged++;
		} else if (rp->pred[i] == absent) {
			fc->agree++;
		} else if (rp->pred[i]) {
			fc->kept[rp->cls[i]]++;
		} else {
			int32_t ref = refcount_of(rp, i);

			fc->dropped++;
			if (ref > 0)
				fc->dropped_in_use++;
			if (fc->dropped == 1 ||
			    (ref > 0 && fc->dropped_in_use == 1)) {
				fc->dropped_pfn = start_pfn + i;
				fc->dropped_flags =
					rvmm_load(rp->own + i * rp->r.size,
						  rp->r.flags, 8);
				fc->dropped_refcount = ref;
			}
		}
	}
}

static int section_visit(void *arg, const struct rvmm_section *sec)
{
	struct replay *rp = arg;
	const struct rvmm_session *s = rp->s;
	uint64_t i, held = 0, len = rp->n * rp->r.size;

	if (rvmm_interrupted(&s->src)) {
		rp->fc->interrupted = 1;
		return 1;
	}
	if (!sec->present || !sec->has_mem_map)
		return 0;
	for (i = 0; i < rp->n; i++) {
		enum rvmm_read_result rr =
			page_state(s, (sec->start_pfn + i) << RVMM_PAGE_SHIFT);

		rp->state[i] = rr == RVMM_READ_OK	     ? ST_HELD
			       : rr == RVMM_READ_NOT_IN_DUMP ? ST_ABSENT
							     : ST_OUT;
		held += rp->state[i] != ST_OUT;
	}
	/* no page of it in the dump: makedumpfile reads none of its memmap */
	if (!held)
		return 0;
	if (rp->with_rules) {
		filter_read_memmap(rp, sec->first_page, rp->own, rp->own_ok,
				   len, 0);
		filter_read_memmap(rp, sec->first_page, rp->mis, rp->mis_ok,
				   len, 1);
		filter_predict(rp, sec->start_pfn, rp->own, rp->own_ok,
			       rp->pred, rp->cls);
		filter_predict(rp, sec->start_pfn, rp->mis, rp->mis_ok,
			       rp->mpred, NULL);
	}
	tally(rp, sec->start_pfn);
	return 0;
}

struct live_walk {
	const struct rvmm_session *s;
	struct rvmm_filter_check *fc;
};

/* Page tables and the pages behind the vmemmap: never a dropped class. */
static int live_visit(void *arg, const struct rvmm_visit *v)
{
	struct live_walk *lw = arg;
	const struct rvmm_layout *l = &lw->s->layout;
	uint64_t off;

	if (v->kind == RVMM_VISIT_TABLE) {
		lw->fc->tables++;
	} else if (v->kind == RVMM_VISIT_ANOMALY &&
		   v->anomaly == RVMM_AN_NOT_IN_DUMP) {
		lw->fc->tables++;
		lw->fc->tables_absent++;
	} else if (v->kind == RVMM_VISIT_LEAF && v->va >= l->vmemmap_start &&
		   v->va < l->vmemmap_end) {
		for (off = 0; off < v->size; off += RVMM_PAGE_SIZE) {
			lw->fc->memmap_pages++;
			lw->fc->memmap_absent +=
				page_state(lw->s, v->pa + off) ==
				RVMM_READ_NOT_IN_DUMP;
		}
	}
	return rvmm_interrupted(&lw->s->src);
}

int rvmm_filter_check(const struct rvmm_session *s,
		      struct rvmm_filter_check *fc)
{
	struct replay rp = {.s = s, .fc = fc};
	struct live_walk lw = {.s = s, .fc = fc};
	uint64_t pieces;
	unsigned long bad = 0;

	memset(fc, 0, sizeof(*fc));
	fc->level = s->dump_level;
	if (fc->level < 0) {
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "the dump records no dump level");
		return 0;
	}
	if (!s->sections.ok) {
		rvmm_fail(&fc->why, RVMM_EFAILED, "mem_section: %s",
			  s->sections.err.msg);
		return 0;
	}
	rp.n = s->sections.pages_per_section;
	if (!rp.n || rp.n > (1ULL << 24)) {
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "%" PRIu64 " pages per section", rp.n);
		return 0;
	}
	rp.with_rules = (fc->level & RVMM_DL_HOLES) &&
			!filter_rules_init(s, &rp.r, &fc->why);
	if (!(fc->level & RVMM_DL_HOLES))
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "dump level %d leaves no page class out", fc->level);
	pieces = (rp.n * (rp.with_rules ? rp.r.size : 1) + RVMM_PAGE_SIZE - 1) /
		 RVMM_PAGE_SIZE;
	rp.state = malloc(rp.n);
	if (rp.with_rules) {
		rp.own = malloc(pieces * RVMM_PAGE_SIZE);
		rp.mis = malloc(pieces * RVMM_PAGE_SIZE);
		rp.own_ok = malloc(pieces);
		rp.mis_ok = malloc(pieces);
		rp.pred = malloc(rp.n);
		rp.mpred = malloc(rp.n);
		rp.cls = calloc(rp.n, 1);
	}
	if (!rp.state ||
	    (rp.with_rules && (!rp.own || !rp.mis || !rp.own_ok || !rp.mis_ok ||
			       !rp.pred || !rp.mpred || !rp.cls))) {
		rvmm_fail(&fc->why, RVMM_EFAILED, "out of memory");
		rp.with_rules = 0;
	} else {
		rvmm_for_each_section(s, 0, section_visit, &rp, &bad);
		fc->ran = rp.with_rules && fc->pfns;
		fc->misread_ran = fc->ran && fc->misread_pfns;
		if (!fc->pfns)
			rvmm_fail(
				&fc->why, RVMM_EFAILED,
				"no section of the dump's memory is readable in mem_section (%lu roots unreadable)",
				bad);
	}
	free(rp.state);
	free(rp.own);
	free(rp.mis);
	free(rp.own_ok);
	free(rp.mis_ok);
	free(rp.pred);
	free(rp.mpred);
	free(rp.cls);
	if ((fc->level & RVMM_DL_HOLES) || fc->absent)
		rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa,
			  s->layout.levels, 0, 0, s->opt.max_tables, live_visit,
			  &lw, NULL);
	if (rvmm_interrupted(&s->src))
		fc->interrupted = 1;
	return fc->interrupted ? -1 : 0;
}

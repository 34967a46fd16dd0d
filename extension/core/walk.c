// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table translation and a bounded full walk.  Leaves may sit at any
 * level (the kernel maps the linear map and vmemmap with 2M/1G leaves),
 * which is exactly what crash's riscv64 walker gets wrong.  The full walk
 * must survive garbage: every table page is entered at most once, cycles
 * and sharing are reported, not followed, and a global cap bounds the work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "walk.h"

static int level_shift(int levels, int level)
{
	return RVMM_PAGE_SHIFT + 9 * (levels - 1 - level);
}

const char *rvmm_level_name(int levels, int level)
{
	static const char *const n5[] = {"PGD", "P4D", "PUD", "PMD", "PTE"};
	int skip = RVMM_MAX_LEVELS - levels;

	if (level < 0 || level >= levels || levels > RVMM_MAX_LEVELS)
		return "?";
	/* Sv48 has no P4D, Sv39 neither P4D nor PUD: PGD stays on top. */
	if (level == 0)
		return "PGD";
	return n5[level + skip];
}

uint64_t rvmm_level_size(int levels, int level)
{
	return 1ULL << level_shift(levels, level);
}

char *rvmm_size_str(uint64_t size, char *buf, size_t len)
{
	static const char units[] = "KMGTPE";
	int u = 0;

	if (size < 1024 || size % 1024) {
		snprintf(buf, len, "%lluB", (unsigned long long)size);
		return buf;
	}
	size >>= 10;
	while (size >= 1024 && !(size % 1024) && units[u + 1]) {
		size >>= 10;
		u++;
	}
	snprintf(buf, len, "%llu%c", (unsigned long long)size, units[u]);
	return buf;
}

const char *rvmm_xlate_status_str(enum rvmm_xlate_status st)
{
	switch (st) {
	case RVMM_XL_OK:
		return "ok";
	case RVMM_XL_NOT_MAPPED:
		return "not mapped";
	/* what stops a translation and what a walk reports: one name */
	case RVMM_XL_READ_ERROR:
		return rvmm_anomaly_str(RVMM_AN_READ_ERROR);
	case RVMM_XL_NOT_IN_DUMP:
		return rvmm_anomaly_str(RVMM_AN_NOT_IN_DUMP);
	case RVMM_XL_NON_CANONICAL:
		return "non-canonical address";
	case RVMM_XL_RESERVED:
		return rvmm_anomaly_str(RVMM_AN_RESERVED);
	case RVMM_XL_BAD_LEAF:
		return "misaligned or bad NAPOT leaf";
	}
	return "?";
}

/* Bad leaves fault in hardware; the walkers treat them alike. */
static enum rvmm_anomaly check_leaf(const struct rvmm_pte *p, int levels,
				    int level, uint64_t *size,
				    uint64_t *base_pfn)
{
	uint64_t pages;

	*size = rvmm_level_size(levels, level);
	*base_pfn = p->pfn;
	if (p->napot) {
		/* Svnapot defines only 64 KiB (order 4) at the PTE level. */
		if (level != levels - 1 || p->napot_order != 4)
			return RVMM_AN_BAD_NAPOT;
		*size = 16 * RVMM_PAGE_SIZE;
		*base_pfn = p->pfn & ~15ULL;
		return RVMM_AN_NONE;
	}
	pages = *size >> RVMM_PAGE_SHIFT;
	if (p->pfn & (pages - 1))
		return RVMM_AN_MISALIGNED;
	return RVMM_AN_NONE;
}

static int is_reserved(const struct rvmm_pte *p)
{
	return p->reserved_wx || p->reserved_bits || p->pbmt == RVMM_PBMT_RSVD;
}

enum rvmm_xlate_status rvmm_translate(const struct rvmm_source *src,
				      uint64_t root_pa, int levels, uint64_t va,
				      struct rvmm_xlate *x)
{
	int va_bits = 39 + 9 * (levels - 3);
	uint64_t table = root_pa;
	int level;

	memset(x, 0, sizeof(*x));
	x->va = va;
	x->leaf_level = -1;
	if (rvmm_sign_extend(va, va_bits) != va)
		return x->status = RVMM_XL_NON_CANONICAL;
	for (level = 0; level < levels; level++) {
		struct rvmm_xlate_level *lv = &x->lv[level];
		uint64_t size, base;
		struct rvmm_pte p;

		x->nr = level + 1;
		lv->name = rvmm_level_name(levels, level);
		lv->table_pa = table;
		lv->index = (va >> level_shift(levels, level)) & 511;
		lv->entry_pa = table + lv->index * 8;
		lv->rr = rvmm_read_u64_phys(src, lv->entry_pa, &lv->entry);
		if (lv->rr == RVMM_READ_NOT_IN_DUMP)
			return x->status = RVMM_XL_NOT_IN_DUMP;
		if (lv->rr != RVMM_READ_OK)
			return x->status = RVMM_XL_READ_ERROR;
		rvmm_pte_decode(lv->entry, &p);
		if (p.kind == RVMM_PTE_NONE)
			return x->status = RVMM_XL_NOT_MAPPED;
		if (is_reserved(&p))
			return x->status = RVMM_XL_RESERVED;
		if (p.kind == RVMM_PTE_TABLE) {
			if (level == levels - 1)
				return x->status = RVMM_XL_RESERVED;
			table = p.pfn << RVMM_PAGE_SHIFT;
			continue;
		}
		if (check_leaf(&p, levels, level, &size, &base) != RVMM_AN_NONE)
			return x->status = RVMM_XL_BAD_LEAF;
		x->leaf_level = level;
		x->map_size = size;
		x->pa = (base << RVMM_PAGE_SHIFT) + (va & (size - 1));
		return x->status = RVMM_XL_OK;
	}
	return x->status = RVMM_XL_NOT_MAPPED;
}

const char *rvmm_anomaly_str(enum rvmm_anomaly a)
{
	switch (a) {
	case RVMM_AN_NONE:
		return "none";
	case RVMM_AN_READ_ERROR:
		return "table outside memory";
	case RVMM_AN_NOT_IN_DUMP:
		return "table page not in dump";
	case RVMM_AN_CYCLE:
		return "cycle: table already on this path";
	case RVMM_AN_SHARED:
		return "table already visited (shared)";
	case RVMM_AN_RESERVED:
		return "reserved PTE encoding";
	case RVMM_AN_MISALIGNED:
		return "misaligned superpage leaf";
	case RVMM_AN_BAD_NAPOT:
		return "bad NAPOT leaf";
	case RVMM_AN_TABLE_CAP:
		return "table cap reached, walk truncated";
	}
	return "?";
}

/* Open-addressing set of table PAs: the walk's memory of where it was. */
struct paset {
	uint64_t *slot; /* 0 = empty; PAs stored +1 */
	size_t cap, nr;
};

static size_t pa_hash(uint64_t pa, size_t cap)
{
	return (size_t)((pa >> 12) * 0x9e3779b97f4a7c15ULL >> 20) & (cap - 1);
}

static int paset_has(const struct paset *s, uint64_t pa)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = pa_hash(pa, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (s->slot[i] == pa + 1)
			return 1;
	return 0;
}

static int paset_add(struct paset *s, uint64_t pa)
{
	size_t i;

	if (2 * (s->nr + 1) > s->cap) {
		struct paset n = {NULL, s->cap ? 2 * s->cap : 1024, 0};

		n.slot = calloc(n.cap, sizeof(*n.slot));
		if (!n.slot)
			return -1;
		for (i = 0; i < s->cap; i++)
			if (s->slot[i])
				paset_add(&n, s->slot[i] - 1);
		free(s->slot);
		*s = n;
	}
	for (i = pa_hash(pa, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
		;
	s->slot[i] = pa + 1;
	s->nr++;
	return 0;
}

struct walk {
	const struct rvmm_source *src;
	int levels, va_bits;
	uint64_t start, last;
	unsigned int max_tables;
	rvmm_visit_fn fn;
	void *arg;
	int post_order; /* send RVMM_VISIT_TABLE_DONE */
	struct rvmm_walk_stats *st;
	struct paset seen;
	uint64_t path[RVMM_MAX_LEVELS];
	int stop;
};

static void emit(struct walk *w, struct rvmm_visit *v)
{
	if (v->kind == RVMM_VISIT_LEAF)
		w->st->leaves++;
	else if (v->kind == RVMM_VISIT_ANOMALY)
		w->st->anomalies++;
	else if (v->kind == RVMM_VISIT_TABLE)
		w->st->tables++;
	v->level_name = rvmm_level_name(w->levels, v->level);
	if (w->fn(w->arg, v)) {
		w->st->stopped = 1;
		w->stop = 1;
	}
}

static void anomaly(struct walk *w, enum rvmm_anomaly a, int level, uint64_t va,
		    uint64_t size, uint64_t pa, uint64_t entry_pa,
		    uint64_t entry)
{
	struct rvmm_visit v = {
		.kind = RVMM_VISIT_ANOMALY,
		.anomaly = a,
		.level = level,
		.va = va,
		.size = size,
		.pa = pa,
		.entry_pa = entry_pa,
		.entry = entry,
	};

	emit(w, &v);
}

static void walk_table(struct walk *w, uint64_t table, int level,
		       uint64_t va_base, uint64_t entry_pa, uint64_t entry);

static void walk_entry(struct walk *w, uint64_t table, int level,
		       unsigned int idx, uint64_t e, uint64_t va)
{
	uint64_t size = rvmm_level_size(w->levels, level);
	uint64_t epa = table + idx * 8, lsize, base;
	struct rvmm_visit v;
	struct rvmm_pte p;
	enum rvmm_anomaly a;
	int i;

	rvmm_pte_decode(e, &p);
	if (p.kind == RVMM_PTE_NONE)
		return;
	if (is_reserved(&p) ||
	    (p.kind == RVMM_PTE_TABLE && level == w->levels - 1)) {
		anomaly(w, RVMM_AN_RESERVED, level, va, size, 0, epa, e);
		return;
	}
	if (p.kind == RVMM_PTE_LEAF) {
		a = check_leaf(&p, w->levels, level, &lsize, &base);
		if (a != RVMM_AN_NONE) {
			anomaly(w, a, level, va, size, 0, epa, e);
			return;
		}
		memset(&v, 0, sizeof(v));
		v.kind = RVMM_VISIT_LEAF;
		v.level = level;
		v.va = va;
		v.size = size;
		v.pa = (base << RVMM_PAGE_SHIFT) + (va & (lsize - 1));
		v.entry_pa = epa;
		v.entry = e;
		emit(w, &v);
		return;
	}
	for (i = 0; i <= level; i++) {
		if (w->path[i] == p.pfn << RVMM_PAGE_SHIFT) {
			anomaly(w, RVMM_AN_CYCLE, level, va, size,
				p.pfn << RVMM_PAGE_SHIFT, epa, e);
			return;
		}
	}
	if (paset_has(&w->seen, p.pfn << RVMM_PAGE_SHIFT)) {
		anomaly(w, RVMM_AN_SHARED, level, va, size,
			p.pfn << RVMM_PAGE_SHIFT, epa, e);
		return;
	}
	walk_table(w, p.pfn << RVMM_PAGE_SHIFT, level + 1, va, epa, e);
}

static void walk_table(struct walk *w, uint64_t table, int level,
		       uint64_t va_base, uint64_t entry_pa, uint64_t entry)
{
	uint64_t size = rvmm_level_size(w->levels, level);
	uint64_t span = level ? size * RVMM_PTRS_PER_TABLE : 0;
	uint64_t tbl[RVMM_PTRS_PER_TABLE];
	enum rvmm_read_result rr;
	struct rvmm_visit v;
	unsigned int i;

	if (w->stop)
		return;
	if (rvmm_interrupted(w->src)) {
		w->st->interrupted = 1;
		w->stop = 1;
		return;
	}
	if (w->st->tables >= w->max_tables || paset_add(&w->seen, table)) {
		w->st->capped = 1;
		w->stop = 1;
		anomaly(w, RVMM_AN_TABLE_CAP, level, va_base, span, table,
			entry_pa, entry);
		return;
	}
	rr = w->src->ops->read_phys(w->src->ctx, table, tbl, sizeof(tbl));
	if (rr != RVMM_READ_OK) {
		anomaly(w,
			rr == RVMM_READ_NOT_IN_DUMP ? RVMM_AN_NOT_IN_DUMP
						    : RVMM_AN_READ_ERROR,
			level - (level > 0), va_base, span, table, entry_pa,
			entry);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.kind = RVMM_VISIT_TABLE;
	v.level = level;
	v.va = va_base;
	v.size = span;
	v.pa = table;
	v.entry_pa = entry_pa;
	v.entry = entry;
	v.entries = tbl;
	emit(w, &v);
	w->path[level] = table;
	for (i = 0; i < RVMM_PTRS_PER_TABLE && !w->stop; i++) {
		uint64_t va = va_base + i * size;

		if (!level)
			va = rvmm_sign_extend(va, w->va_bits);
		if (va + (size - 1) < w->start || va > w->last)
			continue;
		walk_entry(w, table, level, i, tbl[i], va);
	}
	w->path[level] = ~0ULL;
	if (w->post_order && !w->stop) {
		v.kind = RVMM_VISIT_TABLE_DONE;
		emit(w, &v);
	}
}

static int walk_from_root(const struct rvmm_source *src, uint64_t root_pa,
			  int levels, uint64_t start, uint64_t end,
			  unsigned int max_tables, int post_order,
			  rvmm_visit_fn fn, void *arg,
			  struct rvmm_walk_stats *st)
{
	struct rvmm_walk_stats dummy;
	struct walk w;
	int i;

	if (!st)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	if (levels < 3 || levels > RVMM_MAX_LEVELS || (end && end <= start))
		return 0;
	memset(&w, 0, sizeof(w));
	w.src = src;
	w.levels = levels;
	w.va_bits = 39 + 9 * (levels - 3);
	w.start = start;
	w.last = end - 1; /* end 0 wraps to the top of the space */
	w.max_tables = max_tables ? max_tables : RVMM_WALK_DEFAULT_MAX_TABLES;
	w.fn = fn;
	w.arg = arg;
	w.post_order = post_order;
	w.st = st;
	for (i = 0; i < RVMM_MAX_LEVELS; i++)
		w.path[i] = ~0ULL;
	walk_table(&w, root_pa, 0, 0, 0, 0);
	free(w.seen.slot);
	return (st->stopped || st->interrupted) ? -1 : 0;
}

int rvmm_walk(const struct rvmm_source *src, uint64_t root_pa, int levels,
	      uint64_t start, uint64_t end, unsigned int max_tables,
	      rvmm_visit_fn fn, void *arg, struct rvmm_walk_stats *st)
{
	return walk_from_root(src, root_pa, levels, start, end, max_tables, 0,
			      fn, arg, st);
}

int rvmm_walk_post(const struct rvmm_source *src, uint64_t root_pa, int levels,
		   uint64_t start, uint64_t end, unsigned int max_tables,
		   rvmm_visit_fn fn, void *arg, struct rvmm_walk_stats *st)
{
	return walk_from_root(src, root_pa, levels, start, end, max_tables, 1,
			      fn, arg, st);
}

// SPDX-License-Identifier: GPL-2.0
/* Translation at every level for Sv39/48/57, NAPOT, PBMT, and the full
 * walker on garbage: cycles, shared tables, holes, caps, interrupts; the
 * post-order "table done" event of rvmm_walk_post. */
#include <string.h>

#include "fake.h"

#define LEAF (RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_A | RVMM_PTE_D)

static uint64_t sext(uint64_t va, int bits)
{
	int sh = 64 - bits;

	return (uint64_t)((int64_t)(va << sh) >> sh);
}

static uint64_t lvl_va(int levels, int level)
{
	int bits = 39 + 9 * (levels - 3);
	uint64_t top = (uint64_t)(256 + level) << (bits - 9);

	/* a non-zero index at every level below the leaf's parent */
	if (level > 0)
		top += 3ULL << (12 + 9 * (levels - 1 - level));
	return sext(top, bits);
}

struct rec {
	int leaves, tables, anomalies;
	int an[RVMM_AN_TABLE_CAP + 1];
	uint64_t leaf_va[64], leaf_pa[64], leaf_size[64];
	int stop_after;
};

static int rec_visit(void *arg, const struct rvmm_visit *v)
{
	struct rec *r = arg;

	if (v->kind == RVMM_VISIT_LEAF) {
		if (r->leaves < 64) {
			r->leaf_va[r->leaves] = v->va;
			r->leaf_pa[r->leaves] = v->pa;
			r->leaf_size[r->leaves] = v->size;
		}
		r->leaves++;
	} else if (v->kind == RVMM_VISIT_TABLE) {
		r->tables++;
	} else {
		r->anomalies++;
		r->an[v->anomaly]++;
	}
	return r->stop_after && r->leaves >= r->stop_after;
}

static void test_levels(int levels)
{
	struct fake f;
	struct rvmm_source src;
	struct rvmm_xlate x;
	struct rec r;
	uint64_t root, va, pa, size, off;
	int level, i;

	fake_init(&f);
	fake_source(&f, &src);
	root = fake_table(&f);
	for (level = 0; level < levels; level++) {
		size = rvmm_level_size(levels, level);
		fake_map(&f, root, levels, lvl_va(levels, level),
			 (5 + level) * size, level, LEAF);
	}
	for (level = 0; level < levels; level++) {
		size = rvmm_level_size(levels, level);
		off = size / 2 + 0x123;
		va = lvl_va(levels, level) + off;
		CHECK(rvmm_translate(&src, root, levels, va, &x) == RVMM_XL_OK);
		CHECK_EQ(x.pa, (5 + level) * size + off);
		CHECK_EQ(x.leaf_level, level);
		CHECK_EQ(x.nr, level + 1);
		CHECK_EQ(x.map_size, size);
		CHECK_EQ(x.lv[0].table_pa, root);
	}
	/* Svnapot 64K at the PTE level: 16 PTEs, pfn low bits 0b1000 */
	va = (lvl_va(levels, levels - 1) & ~0xffffULL) + 0x100000;
	pa = 0x90000000;
	for (i = 0; i < 16; i++)
		fake_map(&f, root, levels, va + i * 4096ULL, pa | (8 << 12),
			 levels - 1, LEAF | RVMM_PTE_N);
	CHECK(rvmm_translate(&src, root, levels, va + 5 * 4096 + 7, &x) ==
	      RVMM_XL_OK);
	CHECK_EQ(x.pa, pa + 5 * 4096 + 7);
	CHECK_EQ(x.map_size, 65536);
	/* NAPOT with a reserved order (0b0100) faults */
	fake_map(&f, root, levels, va + 0x10000, pa | (4 << 12), levels - 1,
		 LEAF | RVMM_PTE_N);
	CHECK(rvmm_translate(&src, root, levels, va + 0x10000, &x) ==
	      RVMM_XL_BAD_LEAF);
	/* Svpbmt IO leaf still translates */
	fake_map(&f, root, levels, va + 0x20000, 0x10001000, levels - 1,
		 LEAF | (2ULL << 61));
	CHECK(rvmm_translate(&src, root, levels, va + 0x20010, &x) ==
	      RVMM_XL_OK);
	CHECK_EQ(x.pa, 0x10001010);
	/* misaligned 2M leaf */
	fake_map(&f, root, levels, lvl_va(levels, levels - 2) + (4ULL << 21),
		 0x80001000, levels - 2, LEAF);
	CHECK(rvmm_translate(&src, root, levels,
			     lvl_va(levels, levels - 2) + (4ULL << 21),
			     &x) == RVMM_XL_BAD_LEAF);
	/* W without R is reserved */
	fake_map(&f, root, levels, va + 0x30000, 0x80000000, levels - 1,
		 RVMM_PTE_W);
	CHECK(rvmm_translate(&src, root, levels, va + 0x30000, &x) ==
	      RVMM_XL_RESERVED);
	CHECK(rvmm_translate(&src, root, levels, va + 0x40000, &x) ==
	      RVMM_XL_NOT_MAPPED);
	CHECK(rvmm_translate(&src, root, levels,
			     1ULL << (39 + 9 * (levels - 3)),
			     &x) == RVMM_XL_NON_CANONICAL);

	/* Full walk: every good leaf once, the bad ones as anomalies */
	memset(&r, 0, sizeof(r));
	CHECK(rvmm_walk(&src, root, levels, 0, 0, 0, rec_visit, &r, NULL) == 0);
	CHECK_EQ(r.leaves, levels + 16 + 1);
	CHECK_EQ(r.an[RVMM_AN_BAD_NAPOT], 1);
	CHECK_EQ(r.an[RVMM_AN_MISALIGNED], 1);
	CHECK_EQ(r.an[RVMM_AN_RESERVED], 1);
	CHECK_EQ(r.leaf_va[0], lvl_va(levels, 0));
	CHECK_EQ(r.leaf_pa[0], 5 * rvmm_level_size(levels, 0));
	CHECK_EQ(r.leaf_size[0], rvmm_level_size(levels, 0));
	/* leaves come in ascending VA order */
	for (i = 1; i < r.leaves && i < 64; i++)
		CHECK(r.leaf_va[i] > r.leaf_va[i - 1]);
	/* NAPOT leaves report the PA of each 4K piece */
	for (i = 0; i < r.leaves && i < 64; i++)
		if (r.leaf_va[i] == va + 3 * 4096)
			CHECK_EQ(r.leaf_pa[i], pa + 3 * 4096);

	/* A range walk sees only the leaf inside it */
	memset(&r, 0, sizeof(r));
	rvmm_walk(&src, root, levels, lvl_va(levels, 1),
		  lvl_va(levels, 1) + 4096, 0, rec_visit, &r, NULL);
	CHECK_EQ(r.leaves, 1);
	CHECK_EQ(r.leaf_va[0], lvl_va(levels, 1));
	fake_free(&f);
}

static void test_garbage(void)
{
	struct fake f;
	struct rvmm_source src;
	struct rvmm_walk_stats st;
	struct rvmm_xlate x;
	struct rec r;
	uint64_t root, t1, t2, seed = 12345;
	int i;

	fake_init(&f);
	fake_source(&f, &src);
	root = fake_table(&f);
	t1 = fake_table(&f);
	t2 = fake_table(&f);
	/* cycle: root[0] -> t1, t1[0] -> root */
	fake_w64(&f, root, fake_pte(t1, RVMM_PTE_V));
	fake_w64(&f, t1, fake_pte(root, RVMM_PTE_V));
	/* shared: root[1] and root[2] -> t2 */
	fake_w64(&f, root + 8, fake_pte(t2, RVMM_PTE_V));
	fake_w64(&f, root + 16, fake_pte(t2, RVMM_PTE_V));
	/* outside memory */
	fake_w64(&f, root + 24, fake_pte(0x7000000000ULL, RVMM_PTE_V));
	/* not in dump */
	fake_w64(&f, root + 32, fake_pte(0x81800000, RVMM_PTE_V));
	fake_not_in_dump(&f, 0x81800000);
	memset(&r, 0, sizeof(r));
	CHECK(rvmm_walk(&src, root, 4, 0, 0, 0, rec_visit, &r, &st) == 0);
	CHECK_EQ(r.an[RVMM_AN_CYCLE], 1);
	CHECK_EQ(r.an[RVMM_AN_SHARED], 1);
	CHECK_EQ(r.an[RVMM_AN_READ_ERROR], 1);
	CHECK_EQ(r.an[RVMM_AN_NOT_IN_DUMP], 1);
	CHECK_EQ(r.tables, 3);
	CHECK_EQ(st.tables, 3);
	CHECK(rvmm_translate(&src, root, 4, 4ULL << 39, &x) ==
	      RVMM_XL_NOT_IN_DUMP);
	CHECK(rvmm_translate(&src, root, 4, 3ULL << 39, &x) ==
	      RVMM_XL_READ_ERROR);
	/* the translation of the cycle ends after `levels` steps */
	CHECK(rvmm_translate(&src, root, 4, 0, &x) != RVMM_XL_OK);
	CHECK_EQ(x.nr, 4);

	/* cap on tables */
	memset(&r, 0, sizeof(r));
	rvmm_walk(&src, root, 4, 0, 0, 2, rec_visit, &r, &st);
	CHECK(st.capped);
	CHECK_EQ(r.an[RVMM_AN_TABLE_CAP], 1);
	CHECK(r.tables <= 2);

	/* interrupt */
	f.interrupt_after = 1;
	memset(&r, 0, sizeof(r));
	CHECK(rvmm_walk(&src, root, 4, 0, 0, 0, rec_visit, &r, &st) == -1);
	CHECK(st.interrupted);
	f.interrupt_after = 0;

	/* visitor stop */
	fake_map(&f, root, 4, 0xffff800000000000ULL, 0x80000000, 3, LEAF);
	fake_map(&f, root, 4, 0xffff800000001000ULL, 0x80001000, 3, LEAF);
	memset(&r, 0, sizeof(r));
	r.stop_after = 1;
	CHECK(rvmm_walk(&src, root, 4, 0, 0, 0, rec_visit, &r, &st) == -1);
	CHECK_EQ(r.leaves, 1);

	/* random garbage tables: terminates, bounded */
	for (i = 0; i < 512; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		/* point the valid ones back into the table area often */
		fake_w64(
			&f, t2 + i * 8,
			(i & 1) ? seed
				: fake_pte(0x81000000 + (seed >> 40 & 7) * 4096,
					   RVMM_PTE_V));
	}
	memset(&r, 0, sizeof(r));
	CHECK(rvmm_walk(&src, root, 5, 0, 0, 1000, rec_visit, &r, &st) == 0);
	CHECK(st.tables <= 1000);
	CHECK(r.anomalies > 0);
	fake_free(&f);
}

/* The order of events, as "kind level pa" records. */
struct order {
	int nr, done, tables, entries_match;
	char kind[32];
	int level[32];
	uint64_t pa[32];
	struct fake *f;
};

static int order_visit(void *arg, const struct rvmm_visit *v)
{
	struct order *o = arg;
	int i;

	if (v->kind == RVMM_VISIT_TABLE_DONE || v->kind == RVMM_VISIT_TABLE) {
		/* the entries handed over are the table's, as read */
		for (i = 0; v->entries && i < RVMM_PTRS_PER_TABLE; i++)
			if (v->entries[i] != fake_r64(o->f, v->pa + 8 * i))
				break;
		if (v->entries && i == RVMM_PTRS_PER_TABLE)
			o->entries_match++;
	}
	if (v->kind == RVMM_VISIT_TABLE_DONE)
		o->done++;
	if (v->kind == RVMM_VISIT_TABLE)
		o->tables++;
	if (o->nr < 32) {
		o->kind[o->nr] = "TLAD"[v->kind];
		o->level[o->nr] = v->level;
		o->pa[o->nr] = v->pa;
	}
	o->nr++;
	return 0;
}

static void test_post_order(void)
{
	const uint64_t va_a = 0xffffffc000000000ULL; /* Sv39 root slot 256 */
	const uint64_t va_c = va_a + (1ULL << 30); /* root slot 257 */
	struct fake f;
	struct rvmm_source src;
	struct rvmm_walk_stats st;
	struct rvmm_xlate x;
	struct order o;
	uint64_t root, a, b, c;
	int i;

	fake_init(&f);
	fake_source(&f, &src);
	root = fake_table(&f);
	/* root -> A -> B with two 4K leaves; root -> C with one 2M leaf */
	fake_map(&f, root, 3, va_a, 0x80000000, 2, LEAF);
	fake_map(&f, root, 3, va_a + 0x1000, 0x80001000, 2, LEAF);
	fake_map(&f, root, 3, va_c, 0x80200000, 1, LEAF);
	rvmm_translate(&src, root, 3, va_a, &x);
	a = x.lv[1].table_pa;
	b = x.lv[2].table_pa;
	rvmm_translate(&src, root, 3, va_c, &x);
	c = x.lv[1].table_pa;

	memset(&o, 0, sizeof(o));
	o.f = &f;
	CHECK(rvmm_walk_post(&src, root, 3, 0, 0, 0, order_visit, &o, &st) ==
	      0);
	CHECK_EQ(o.nr, 11);
	{
		const char want_kind[] = "TTTLLDDTLDD";
		const int want_level[] = {0, 1, 2, 2, 2, 2, 1, 1, 1, 1, 0};
		const uint64_t want_pa[] = {root,	a, b,	0x80000000,
					    0x80001000, b, a,	c,
					    0x80200000, c, root};

		for (i = 0; i < 11 && i < o.nr; i++) {
			CHECK_EQ(o.kind[i], want_kind[i]);
			CHECK_EQ(o.level[i], want_level[i]);
			CHECK_EQ(o.pa[i], want_pa[i]);
		}
	}
	/* TABLE and TABLE_DONE both carry the 512 entries read */
	CHECK_EQ(o.entries_match, 8);
	/* done visits are not tables: the stats match rvmm_walk's */
	CHECK_EQ(st.tables, 4);
	CHECK_EQ(st.leaves, 3);

	/* rvmm_walk itself sends no done visit */
	memset(&o, 0, sizeof(o));
	o.f = &f;
	rvmm_walk(&src, root, 3, 0, 0, 0, order_visit, &o, &st);
	CHECK_EQ(o.done, 0);
	CHECK_EQ(o.tables, 4);
	CHECK_EQ(st.tables, 4);

	/* garbage: a cycle back to the root and a table shared by two
	 * entries; every table entered is done exactly once */
	fake_w64(&f, root + 8 * 300, fake_pte(root, RVMM_PTE_V));
	fake_w64(&f, b + 8 * 7, fake_pte(a, RVMM_PTE_V));
	fake_w64(&f, root + 8 * 301, fake_pte(b, RVMM_PTE_V));
	memset(&o, 0, sizeof(o));
	o.f = &f;
	CHECK(rvmm_walk_post(&src, root, 3, 0, 0, 0, order_visit, &o, &st) ==
	      0);
	CHECK_EQ(o.tables, 4);
	CHECK_EQ(o.done, 4);
	/* root[300] cycles; b[7] sits at the PTE level (reserved); root[301]
	 * is b again */
	CHECK_EQ(st.anomalies, 3);

	/* a walk that stops sends no more done visits */
	memset(&o, 0, sizeof(o));
	o.f = &f;
	rvmm_walk_post(&src, root, 3, 0, 0, 2, order_visit, &o, &st);
	CHECK(st.capped);
	CHECK_EQ(o.done, 0);
	fake_free(&f);
}

int main(void)
{
	test_levels(3);
	test_levels(4);
	test_levels(5);
	test_garbage();
	test_post_order();
	return t_report();
}

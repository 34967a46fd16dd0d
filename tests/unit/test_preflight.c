// SPDX-License-Identifier: GPL-2.0
/*
 * The preflight replay (preflight_sim.c, cmd_preflight.c) on synthetic
 * kernels: which vmemmap page tables a hot-remove frees, and what the dtor
 * does to them on unfixed and fixed kernels, with and without DEBUG_VM.
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "preflight_sim.h"

#define RAM 0x80000000ULL
#define SZ_2M (2ULL << 20)
#define SZ_128M (128ULL << 20)
#define SZ_64G (64ULL << 30)
/* Hot-added memory whose memmap starts a fresh 1 GiB vmemmap window:
 * 64 GiB of pfns is 1 GiB of 64-byte struct pages. */
#define HOT (RAM + SZ_64G)
#define HOT_MEMMAP 0x90000000ULL
#define LEAF (RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_G | RVMM_PTE_A | RVMM_PTE_D)
#define POISON2 0xdead000000000122ULL

/* Kernel facts preflight_sim.c reads from the source. */
struct kcfg {
	int debug_vm; /* symbol dump_mm */
	int fix; /* function_has_param(free_pmd_table, is_vmemmap): 1/0/-1 */
	int split_pmd; /* no mm_struct.pmd_huge_pte: SPLIT_PMD_PTLOCKS */
};

static int fix_answer;

static int has_param(void *ctx, const char *func, const char *param)
{
	(void)ctx;
	if (strcmp(func, "free_pmd_table") || strcmp(param, "is_vmemmap"))
		return -1;
	return fix_answer;
}

static struct rvmm_source_ops ops;

static void configure(struct fake_kernel *k, const struct kcfg *c,
		      struct rvmm_source *src)
{
	if (c->debug_vm)
		fake_sym(&k->f, "dump_mm", 0xffffffff80010000ULL);
	fake_sym(&k->f, "transparent_hugepage_flags", 0xffffffff80020000ULL);
	if (!c->split_pmd)
		fake_member(&k->f, "mm_struct", "pmd_huge_pte", 0x40);
	fake_size(&k->f, "spinlock_t", 4); /* no ALLOC_SPLIT_PTLOCKS */
	fake_source(&k->f, src);
	ops = *src->ops;
	fix_answer = c->fix;
	ops.function_has_param = has_param;
	src->ops = &ops;
}

/* The struct page of a page-table page, at the fake kernel's offsets. */
static void table_page(struct fake_kernel *k, uint64_t table_pa, uint64_t prev,
		       uint32_t type)
{
	uint64_t pa = fake_kernel_page_pa(k, table_pa >> RVMM_PAGE_SHIFT);

	fake_w64(&k->f, pa, 0); /* flags */
	fake_w64(&k->f, pa + 8, 0);
	fake_w64(&k->f, pa + 16, prev); /* lru.prev = pmd_huge_pte */
	fake_w32(&k->f, pa + 0x30, type); /* page_type */
	fake_w32(&k->f, pa + 0x34, 1); /* refcount */
}

/* PA of the table at level in the walk to va. */
static uint64_t table_at(struct fake_kernel *k, uint64_t va, int level)
{
	struct rvmm_source src;
	struct rvmm_xlate x;

	fake_source(&k->f, &src);
	rvmm_translate(&src, k->swapper_pa, k->levels, va, &x);
	CHECK(x.nr > level);
	return x.lv[level].table_pa;
}

/* Map the memmap of the 128 MiB section at pa with one 2M PMD leaf. */
static uint64_t map_section_memmap(struct fake_kernel *k, uint64_t pa,
				   uint64_t memmap_pa)
{
	uint64_t va = k->vmemmap + (pa >> RVMM_PAGE_SHIFT) * 64;

	fake_map(&k->f, k->swapper_pa, k->levels, va, memmap_pa, k->levels - 2,
		 LEAF);
	return va;
}

static void simulate(struct rvmm_session *s, uint64_t start, uint64_t end,
		     struct rvmm_pf_kernel *kk, struct rvmm_pf_part *p)
{
	rvmm_pf_kernel_probe(s, kk);
	memset(p, 0, sizeof(*p));
	p->name = "vmemmap";
	p->is_vmemmap = 1;
	p->va_start = rvmm_pfn_to_page(&s->layout, start >> RVMM_PAGE_SHIFT);
	p->va_end = rvmm_pfn_to_page(&s->layout, end >> RVMM_PAGE_SHIFT);
	rvmm_pf_simulate(s, kk, p);
}

/*
 * Sv48, an unconstructed vmemmap PMD table (memblock/buddy page, no table
 * page_type, pmd_huge_pte = LIST_POISON2) whose window holds only the
 * removed section: it is freed, and the dtor's outcome depends on the fix
 * and DEBUG_VM.
 */
static void whole_window(const struct kcfg *c, enum rvmm_pf_outcome want,
			 int want_dtor)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va, pmd;

	fake_kernel_build(&k, 4);
	configure(&k, c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	pmd = table_at(&k, va, 2);
	table_page(&k, pmd, POISON2, 0xffffffff);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);

	simulate(&s, HOT, HOT + SZ_128M, &kk, p);
	CHECK_EQ(kk.fix_present, c->fix);
	CHECK_EQ(kk.debug_vm, c->debug_vm);
	CHECK_EQ(kk.thp, 1);
	CHECK_EQ(kk.split_pmd_ptlocks, c->split_pmd);
	CHECK_EQ(p->leaves, 1);
	CHECK_EQ(p->leaf_bytes, SZ_2M);
	CHECK_EQ(p->partial_leaves, 0);
	CHECK_EQ(p->read_errors, 0);
	CHECK_EQ(p->nr, 1);
	if (p->nr == 1) {
		CHECK(!strcmp(p->t[0].kind, "PMD"));
		CHECK_EQ(p->t[0].depth, 2);
		CHECK_EQ(p->t[0].table_pa, pmd);
		CHECK_EQ(p->t[0].va, va & ~((1ULL << 30) - 1));
		CHECK_EQ(p->t[0].size, 1ULL << 30);
		CHECK_EQ(p->t[0].dtor, want_dtor);
		CHECK(p->t[0].pi.verdict == RVMM_TV_NOT_CONSTRUCTED);
		CHECK_EQ(p->t[0].outcome, want);
	}
	CHECK_EQ(p->worst, want);
	free(p);
	fake_free(&k.f);
}

static void test_whole_window(void)
{
	/* unfixed, DEBUG_VM, SPLIT_PMD_PTLOCKS: VM_BUG_ON_PAGE fires */
	whole_window(&(struct kcfg){.debug_vm = 1, .fix = 0, .split_pmd = 1},
		     RVMM_PF_BUG, 1);
	/* unfixed, no DEBUG_VM: NR_PAGETABLE drifts silently */
	whole_window(&(struct kcfg){.debug_vm = 0, .fix = 0, .split_pmd = 1},
		     RVMM_PF_SILENT, 1);
	/* without split PMD ptlocks pmd_ptlock_free has no VM_BUG_ON */
	whole_window(&(struct kcfg){.debug_vm = 1, .fix = 0, .split_pmd = 0},
		     RVMM_PF_SILENT, 1);
	/* fixed: free_pmd_table skips the dtor for vmemmap */
	whole_window(&(struct kcfg){.debug_vm = 1, .fix = 1, .split_pmd = 1},
		     RVMM_PF_OK, 0);
	/* fix presence unknown: unknown, not a guess */
	whole_window(&(struct kcfg){.debug_vm = 1, .fix = -1, .split_pmd = 1},
		     RVMM_PF_UNKNOWN, -1);
}

/* A constructed PMD table (page_type table, pmd_huge_pte 0) is fine. */
static void test_constructed(void)
{
	struct kcfg c = {.debug_vm = 1, .fix = 0, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va;

	fake_kernel_build(&k, 4);
	configure(&k, &c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	table_page(&k, table_at(&k, va, 2), 0, 0xf2000000);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	simulate(&s, HOT, HOT + SZ_128M, &kk, p);
	CHECK_EQ(p->nr, 1);
	CHECK_EQ(p->t[0].dtor, 1);
	CHECK(p->t[0].pi.verdict == RVMM_TV_CONSTRUCTED);
	CHECK_EQ(p->worst, RVMM_PF_OK);
	free(p);
	fake_free(&k.f);
}

/*
 * Two sections in one window: removing one leaves the other's leaf in the
 * PMD table, so nothing is freed; removing both frees it.
 */
static void test_shared_window(void)
{
	struct kcfg c = {.debug_vm = 1, .fix = 0, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va;

	fake_kernel_build(&k, 4);
	configure(&k, &c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	map_section_memmap(&k, HOT + SZ_128M, HOT_MEMMAP + SZ_2M);
	table_page(&k, table_at(&k, va, 2), POISON2, 0xffffffff);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);

	simulate(&s, HOT, HOT + SZ_128M, &kk, p);
	CHECK_EQ(p->leaves, 1);
	CHECK_EQ(p->nr, 0);
	CHECK_EQ(p->worst, RVMM_PF_OK);

	simulate(&s, HOT, HOT + 2 * SZ_128M, &kk, p);
	CHECK_EQ(p->leaves, 2);
	CHECK_EQ(p->nr, 1);
	CHECK_EQ(p->worst, RVMM_PF_BUG);

	/* the boot memory's window: its section is not removed, the
	 * window's PMD table (shared with boot memmap) stays */
	simulate(&s, RAM + SZ_128M, RAM + 2 * SZ_128M, &kk, p);
	CHECK_EQ(p->leaves, 0);
	CHECK_EQ(p->nr, 0);
	free(p);
	fake_free(&k.f);
}

/* Sv39: free_pmd_table needs pgtable_l4_enabled, PMD tables stay. */
static void test_sv39(void)
{
	struct kcfg c = {.debug_vm = 1, .fix = 0, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va;

	fake_kernel_build(&k, 3);
	configure(&k, &c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	table_page(&k, table_at(&k, va, 1), POISON2, 0xffffffff);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK_EQ(s.layout.levels, 3);
	simulate(&s, HOT, HOT + SZ_128M, &kk, p);
	CHECK_EQ(p->leaves, 1);
	CHECK_EQ(p->nr, 0);
	CHECK_EQ(p->worst, RVMM_PF_OK);
	free(p);
	fake_free(&k.f);
}

/*
 * 4K-mapped vmemmap: the PTE table is freed with pagetable_pte_dtor even
 * on a fixed kernel, and its PMD table is freed after it.
 */
static void test_pte_table_fixed(void)
{
	struct kcfg c = {.debug_vm = 0, .fix = 1, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va, pte, a;

	fake_kernel_build(&k, 4);
	configure(&k, &c, &src);
	va = k.vmemmap + (HOT >> RVMM_PAGE_SHIFT) * 64;
	for (a = 0; a < SZ_2M; a += RVMM_PAGE_SIZE)
		fake_map(&k.f, k.swapper_pa, 4, va + a, HOT_MEMMAP + a, 3,
			 LEAF);
	pte = table_at(&k, va, 3);
	table_page(&k, pte, 0, 0xffffffff); /* never constructed */
	table_page(&k, table_at(&k, va, 2), 0, 0xf2000000);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	simulate(&s, HOT, HOT + SZ_128M, &kk, p);
	CHECK_EQ(p->leaves, 512);
	CHECK_EQ(p->nr, 2);
	if (p->nr == 2) {
		/* children are recorded first */
		CHECK(!strcmp(p->t[0].kind, "PTE"));
		CHECK_EQ(p->t[0].table_pa, pte);
		CHECK_EQ(p->t[0].dtor, 1);
		CHECK_EQ(p->t[0].outcome, RVMM_PF_SILENT);
		CHECK(!strcmp(p->t[1].kind, "PMD"));
		CHECK_EQ(p->t[1].dtor, 0);
		CHECK_EQ(p->t[1].outcome, RVMM_PF_OK);
	}
	CHECK_EQ(p->worst, RVMM_PF_SILENT);
	free(p);
	fake_free(&k.f);
}

/* The command end to end, JSON and text; and the range parser. */
static void test_cmd(void)
{
	struct kcfg c = {.debug_vm = 1, .fix = 0, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_out o;
	struct fake_buf b;
	uint64_t va, st, en;

	fake_kernel_build(&k, 4);
	configure(&k, &c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	table_page(&k, table_at(&k, va, 2), POISON2, 0xffffffff);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);

	fake_out(&o, &b, 1);
	CHECK(rvmm_cmd_preflight(&s, &o, HOT, HOT + SZ_128M, RVMM_PF_MEMORY) ==
	      0);
	CHECK(strstr(b.s, "\"verdict\":\"BUG\"") != NULL);
	CHECK(strstr(b.s, "\"fix_21f1b85c8912\":false") != NULL);
	CHECK(strstr(b.s, "\"debug_vm\":true") != NULL);
	fake_buf_free(&b);

	/* the command asks rvmm_fix_detect on every run: the kernel now
	 * answers "fixed" (by name, the fake has no code to read) */
	fix_answer = 1;
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_preflight(&s, &o, HOT, HOT + SZ_128M,
				 RVMM_PF_DEVICE_PRIVATE) == 0);
	CHECK(strstr(b.s, "fix 21f1b85c8912 yes (by name: ") != NULL);
	CHECK(strstr(b.s, "linear map: not touched") != NULL);
	CHECK(strstr(b.s, "verdict: no BUG") != NULL);
	fake_buf_free(&b);
	fake_free(&k.f);

	CHECK(!rvmm_preflight_parse_range("0x1080000000-0x1087ffffff", &st,
					  &en));
	CHECK_EQ(st, HOT);
	CHECK_EQ(en, HOT + SZ_128M);
	CHECK(!rvmm_preflight_parse_range("1080000000+128M", &st, &en));
	CHECK_EQ(en, HOT + SZ_128M);
	CHECK(!rvmm_preflight_parse_range("1080000000+0x8000000", &st, &en));
	CHECK_EQ(en, HOT + SZ_128M);
	CHECK(rvmm_preflight_parse_range("1080000000+0", &st, &en));
	CHECK(rvmm_preflight_parse_range("1080000100+4K", &st, &en));
	CHECK(rvmm_preflight_parse_range("2000-1000", &st, &en));
	CHECK(rvmm_preflight_parse_range("fffffffffffff000+8K", &st, &en));
	CHECK(rvmm_preflight_parse_range("-1000", &st, &en));
	CHECK(rvmm_preflight_parse_range("1000", &st, &en));
}

/*
 * Garbage the old stand-alone replay followed blindly: a PUD entry that
 * shares the PMD table of the window before it (the replay freed the
 * table twice), and a PMD entry pointing back at its own table (the
 * replay re-read it as a PTE table and counted its 2M leaf again as 4K).
 * On the walker each table is replayed once, and what the walk does not
 * follow keeps its parent.
 */
static void test_cycle_and_shared(void)
{
	struct kcfg c = {.debug_vm = 1, .fix = 0, .split_pmd = 1};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_pf_kernel kk;
	struct rvmm_pf_part *p = calloc(1, sizeof(*p));
	uint64_t va, pud, pmd, pud_entry, pmd_entry;

	fake_kernel_build(&k, 4);
	configure(&k, &c, &src);
	va = map_section_memmap(&k, HOT, HOT_MEMMAP);
	pud = table_at(&k, va, 1);
	pmd = table_at(&k, va, 2);
	table_page(&k, pmd, POISON2, 0xffffffff);
	/* the next 1 GiB window (the memmap of the next 64 GiB) */
	pud_entry = pud + 8 * (((va >> 30) & 511) + 1);
	CHECK_EQ(fake_r64(&k.f, pud_entry), 0);
	fake_w64(&k.f, pud_entry, fake_pte(pmd, RVMM_PTE_V));
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);

	simulate(&s, HOT, HOT + 2 * SZ_64G, &kk, p);
	CHECK_EQ(p->shared, 1);
	CHECK_EQ(p->cycles, 0);
	CHECK_EQ(p->leaves, 1);
	CHECK_EQ(p->nr, 1);
	CHECK_EQ(p->t[0].table_pa, pmd);
	CHECK_EQ(p->t[0].entry_pa, pud_entry - 8);
	CHECK_EQ(p->worst, RVMM_PF_BUG);

	/* undo the sharing; a PMD entry in range now points at its table */
	fake_w64(&k.f, pud_entry, 0);
	pmd_entry = pmd + 8 * (((va >> 21) & 511) + 1);
	CHECK_EQ(fake_r64(&k.f, pmd_entry), 0);
	fake_w64(&k.f, pmd_entry, fake_pte(pmd, RVMM_PTE_V));
	simulate(&s, HOT, HOT + SZ_64G, &kk, p);
	CHECK_EQ(p->cycles, 1);
	CHECK_EQ(p->shared, 0);
	CHECK_EQ(p->leaves, 1);
	CHECK_EQ(p->leaf_bytes, SZ_2M);
	/* the looping entry stays, so the PMD table is not freed */
	CHECK_EQ(p->nr, 0);
	CHECK_EQ(p->worst, RVMM_PF_OK);
	CHECK_EQ(p->capped, 0);
	free(p);

	/* and the command tells the user, in text and in JSON */
	{
		struct rvmm_out o;
		struct fake_buf b;

		fake_out(&o, &b, 0);
		CHECK(rvmm_cmd_preflight(&s, &o, HOT, HOT + SZ_64G,
					 RVMM_PF_MEMORY) == 0);
		CHECK(strstr(b.s,
			     "entries looping back up their own path: 1, reaching a table a second time: 0") !=
		      NULL);
		fake_buf_free(&b);
		fake_out(&o, &b, 1);
		CHECK(rvmm_cmd_preflight(&s, &o, HOT, HOT + SZ_64G,
					 RVMM_PF_MEMORY) == 0);
		CHECK(strstr(b.s, "\"cycles\":1,\"shared_tables\":0") != NULL);
		fake_buf_free(&b);
	}
	fake_free(&k.f);
}

int main(void)
{
	test_whole_window();
	test_constructed();
	test_shared_window();
	test_sv39();
	test_pte_table_fixed();
	test_cycle_and_shared();
	test_cmd();
	return t_report();
}

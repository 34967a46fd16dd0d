// SPDX-License-Identifier: GPL-2.0
/*
 * BUGs and page dumps in every format the kernel printed them, and the
 * BUG site by role: log text of each format (logscan.c), __bug_table
 * entries with and without DEBUG_BUGVERBOSE found by the trapping pc
 * (bugtable.c), the role table's spellings, and the triage facts by the
 * file:line route and by the pc route on the same fake kernel.
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "forensics.h"

static void scan(const char *const *lines, int n, struct rvmm_log_facts *f)
{
	struct rvmm_log log = {0};
	int i;

	log.ok = 1;
	for (i = 0; i < n; i++)
		rvmm_log_append(&log, i, i, lines[i], strlen(lines[i]));
	rvmm_log_scan(&log, f);
	rvmm_log_free(&log);
}

#define SCAN(a, f) scan(a, sizeof(a) / sizeof(a[0]), f)

/* ---- log text ----------------------------------------------------------- */

static void test_bug_lines(void)
{
	static const char *const verbose[] = {
		"kernel BUG at include/linux/mm.h:3130!",
	};
	/* lib/bug.c without DEBUG_BUGVERBOSE: %pB */
	static const char *const pb[] = {
		"------------[ cut here ]------------",
		"Kernel BUG at remove_pgd_mapping+0x28a/0x474 [verbose debug info unavailable]",
		"Kernel BUG [#1]",
	};
	/* %pB of a module symbol */
	static const char *const mod[] = {
		"Kernel BUG at trig_fn+0x10/0x40 [rvmm_trigger] [verbose debug info unavailable]",
	};
	/* %pB without kallsyms, and %p of older kernels */
	static const char *const addr[] = {
		"Kernel BUG at 0xffffffff8000a4fc [verbose debug info unavailable]",
	};
	static const char *const oldp[] = {
		"Kernel BUG at ffffffff8000a4fc [verbose debug info unavailable]",
	};
	/* an oops, then the BUG: the last crash is the one reported */
	static const char *const two[] = {
		"Unable to handle kernel paging request at virtual address 0000000000000008",
		"Oops [#1]",
		"Kernel panic - not syncing: Fatal exception",
		"Kernel BUG at free_pmd_table+0x4/0x80 [verbose debug info unavailable]",
	};
	/* 7.x: the walk of the faulting address between fault and Oops */
	static const char *const walked[] = {
		"Unable to handle kernel access to user memory without uaccess routines at virtual address 0000000000000008",
		"Current init pgtable: 4K pagesize, 57-bit VAs, pgdp=0x00000000811b4000",
		"[0000000000000008] pgd=0000000020470001, p4d=0000000020471401",
		"Oops [#1]",
		"epc : sparse_add_section+0x3a/0x1f4",
	};
	struct rvmm_log_facts f;

	SCAN(walked, &f);
	CHECK(f.has_fault && f.fault_addr == 8);
	CHECK(!strncmp(f.fault_kind, "access to user memory", 21));

	SCAN(verbose, &f);
	CHECK(f.has_bug && !f.bug_no_file);
	CHECK(!strcmp(f.bug_file, "include/linux/mm.h"));
	CHECK_EQ(f.bug_line, 3130);

	SCAN(pb, &f);
	CHECK(f.has_bug && f.bug_no_file);
	CHECK(!strcmp(f.bug_file, "") && f.bug_line == 0);
	CHECK(!strcmp(f.bug_sym, "remove_pgd_mapping"));
	CHECK_EQ(f.bug_sym_off, 0x28a);
	CHECK(!f.has_bug_addr);

	SCAN(mod, &f);
	CHECK(f.bug_no_file && !strcmp(f.bug_sym, "trig_fn"));
	CHECK_EQ(f.bug_sym_off, 0x10);

	SCAN(addr, &f);
	CHECK(f.bug_no_file && !f.bug_sym[0] && f.has_bug_addr);
	CHECK_EQ(f.bug_addr, 0xffffffff8000a4fcULL);

	SCAN(oldp, &f);
	CHECK(f.bug_no_file && f.has_bug_addr);
	CHECK_EQ(f.bug_addr, 0xffffffff8000a4fcULL);

	SCAN(two, &f);
	CHECK(f.has_bug && !strcmp(f.bug_sym, "free_pmd_table"));
	CHECK(!f.has_fault); /* the earlier oops is history */
}

static void test_page_lines(void)
{
	/* 6.8+ __dump_folio() */
	static const char *const v68[] = {
		"page: refcount:1 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x8115f",
		"raw: 0000000000000000 0000000000000000 dead000000000122 0000000000000000",
		"page dumped because: VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)",
	};
	/* the newest: "device pfn:" for device-private folios */
	static const char *const dev[] = {
		"page: refcount:2 mapcount:0 mapping:0000000000000000 index:0x0 device pfn:0x1234",
	};
	/* 5.x-6.7 __dump_page(): a (hashed) pointer, then the pfn */
	static const char *const v5[] = {
		"page:00000000a1b2c3d4 refcount:3 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x8115f",
		"flags: 0x0()",
		"raw: 0000000000000000 0000000000000122 dead000000000122 0000000000000000",
		"page dumped because: VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)",
	};
	/* before the pfn: a raw pointer, refcount or count */
	static const char *const nopfn[] = {
		"page:ff1c000000000400 refcount:1 mapcount:0 mapping:0000000000000000 index:0x0",
	};
	static const char *const count[] = {
		"page:ffffea0000d1e040 count:4 mapcount:0 mapping:          (null) index:0x0",
	};
	/* early boot: no pointer at all */
	static const char *const ptrval[] = {
		"page:(____ptrval____) refcount:1 mapcount:0 mapping:0 index:0x0 pfn:0x10",
	};
	struct rvmm_log_facts f;

	SCAN(v68, &f);
	CHECK(f.has_page_dump && f.has_page_pfn && !f.has_page_ptr);
	CHECK_EQ(f.page_pfn, 0x8115f);
	CHECK_EQ(f.page_refcount, 1);
	CHECK_EQ(f.nr_raw, 4);
	CHECK_EQ(f.raw[2], 0xdead000000000122ULL);
	CHECK(strstr(f.dumped_because, "pmd_huge_pte") != NULL);

	SCAN(dev, &f);
	CHECK(f.has_page_dump && f.has_page_pfn);
	CHECK_EQ(f.page_pfn, 0x1234);
	CHECK_EQ(f.page_refcount, 2);

	SCAN(v5, &f);
	CHECK(f.has_page_dump && f.has_page_pfn && f.has_page_ptr);
	CHECK_EQ(f.page_ptr, 0xa1b2c3d4);
	CHECK_EQ(f.page_pfn, 0x8115f);
	CHECK_EQ(f.page_refcount, 3);
	CHECK_EQ(f.raw[1], 0x122);
	CHECK(strstr(f.dumped_because, "pmd_huge_pte") != NULL);

	SCAN(nopfn, &f);
	CHECK(f.has_page_dump && !f.has_page_pfn && f.has_page_ptr);
	CHECK_EQ(f.page_ptr, 0xff1c000000000400ULL);

	SCAN(count, &f);
	CHECK(f.has_page_dump && !f.has_page_pfn && f.has_page_ptr);
	CHECK_EQ(f.page_refcount, 4);
	CHECK_EQ(f.page_ptr, 0xffffea0000d1e040ULL);

	SCAN(ptrval, &f);
	CHECK(f.has_page_dump && f.has_page_pfn && !f.has_page_ptr);
	CHECK_EQ(f.page_pfn, 0x10);
}

/* ---- the role table ------------------------------------------------------ */

static struct rvmm_bug_site mk(const char *func, const char *const *chain,
			       int n)
{
	struct rvmm_bug_site b;
	int i;

	memset(&b, 0, sizeof(b));
	snprintf(b.func, sizeof(b.func), "%s", func);
	b.nr_chain = n;
	for (i = 0; i < n; i++)
		snprintf(b.chain[i], sizeof(b.chain[i]), "%s", chain[i]);
	return b;
}

static void test_roles(void)
{
	static const char *const v612[] = {
		"pmd_ptlock_free",    "pagetable_pmd_dtor",
		"free_pmd_table",     "remove_pud_mapping",
		"remove_p4d_mapping", "remove_pgd_mapping"};
	static const char *const v614[] = {"ptlock_free", "pagetable_dtor",
					   "free_pmd_table",
					   "remove_pud_mapping"};
	static const char *const renamed[] = {
		"pmd_ptl_release", "pagetable_dtor", "free_pmd_table"};
	static const char *const walk_renamed[] = {
		"pmd_ptlock_free", "pagetable_pmd_dtor", "unmap_vmemmap_pmd"};
	static const char *const other_caller[] = {"pmd_ptlock_free",
						   "pagetable_pmd_dtor",
						   "pmd_free",
						   "pud_free_pmd_page"};
	static const char *const in_free[] = {"free_pmd_table",
					      "remove_pud_mapping"};
	struct rvmm_bug_site b;

	CHECK(rvmm_role_is(RVMM_ROLE_PTLOCK_FREE, "pmd_ptlock_free"));
	CHECK(rvmm_role_is(RVMM_ROLE_PTLOCK_FREE, "ptlock_free"));
	CHECK(rvmm_role_is(RVMM_ROLE_DTOR, "pagetable_pmd_dtor"));
	CHECK(rvmm_role_is(RVMM_ROLE_DTOR, "pagetable_dtor"));
	CHECK(rvmm_role_is(RVMM_ROLE_DTOR, "pgtable_pmd_page_dtor"));
	CHECK(rvmm_role_is(RVMM_ROLE_FREE_PMD_TABLE, "free_pmd_table"));
	CHECK(rvmm_role_is(RVMM_ROLE_TEARDOWN, "remove_pgd_mapping"));
	CHECK(rvmm_role_is(RVMM_ROLE_TEARDOWN, "remove_pud_mapping"));
	CHECK(!rvmm_role_is(RVMM_ROLE_DTOR, "pmd_ptlock_free"));
	CHECK(!strcmp(rvmm_role_file("pmd_ptlock_free"), "include/linux/mm.h"));
	CHECK(rvmm_role_file("ptlock_free") == NULL);

	/* 6.12: the step, in the teardown */
	b = mk("remove_pgd_mapping", v612, 6);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 1);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_TEARDOWN), 1);
	/* 6.14 spellings */
	b = mk("remove_pud_mapping", v614, 4);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 1);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_DTOR), 1);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_FREE_PMD_TABLE), 1);
	/* a spelling the table does not know: unknown, never false */
	b = mk("remove_pgd_mapping", renamed, 3);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), -1);
	b = mk("vmemmap_teardown", walk_renamed, 3);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 1);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_TEARDOWN), -1);
	/* every name known: a real "no" */
	b = mk("pud_free_pmd_page", other_caller, 4);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 1);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_TEARDOWN), 0);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_FREE_PMD_TABLE), 0);
	/* the BUG in free_pmd_table itself is not the dtor's */
	b = mk("remove_pud_mapping", in_free, 2);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 0);
	/* out-of-line step, no inline chain */
	b = mk("pmd_ptlock_free", NULL, 0);
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), 1);
	/* nothing known about the site */
	b = mk("", NULL, 0);
	b.nr_chain = -1;
	CHECK_EQ(rvmm_bug_site_role(&b, RVMM_ROLE_PTLOCK_FREE), -1);
}

/* ---- a fake kernel: log ring, __bug_table, symbols ----------------------- */

#define BUGT 0x1a0000
#define STRS 0x1a1000
#define FN FAKE_REMOVE_PGD /* remove_pgd_mapping */
#define TRAP 0x1028 /* its dtor VM_BUG_ON */
#define PFN 0x80010ULL

static const char *const *chain_now;
static int chain_len;

static int chain_at(void *ctx, uint64_t addr, char (*n)[64], int max)
{
	int i;

	(void)ctx;
	if (addr != IMG(TRAP))
		return 1 <= max ? (snprintf(n[0], 64, "put_page_testzero"), 1)
				: 0;
	for (i = 0; i < chain_len && i < max; i++)
		snprintf(n[i], 64, "%s", chain_now[i]);
	return i;
}

#define SV(id, st) ((uint64_t)(st) << 62 | (id))

/* A printk ring (32 descriptors, 4 KiB of text) holding lines. */
static void ring(struct fake *f, const char *const *lines, int n)
{
	uint64_t id0 = 32, pos = 4096, id, next, len;
	int i;

	fake_printk_ring(f, 5, 12, id0 + n - 1, id0);
	for (i = 0; i < n; i++) {
		id = id0 + i;
		len = strlen(lines[i]);
		next = pos + 8 + ((len + 7) & ~7ULL);
		fake_w64(f, PA(DESCS) + (id & 31) * 24, SV(id, 2));
		fake_w64(f, PA(DESCS) + (id & 31) * 24 + 8, pos);
		fake_w64(f, PA(DESCS) + (id & 31) * 24 + 16, next);
		fake_w64(f, PA(INFOS) + (id & 31) * 88, i);
		fake_w64(f, PA(INFOS) + (id & 31) * 88 + 8, i * 1000ULL);
		fake_w32(f, PA(INFOS) + (id & 31) * 88 + 16, (uint32_t)len);
		fake_w64(f, PA(DATA) + (pos & 4095), id);
		fake_write(f, PA(DATA) + (pos & 4095) + 8, lines[i], len);
		pos = next;
	}
}

/*
 * The fake Sv57 kernel with three __bug_table entries, the middle one
 * the dtor's: relative entries with file and line (verbose) or without.
 */
static void kernel(struct fake_kernel *k, int verbose)
{
	static const uint64_t at[] = {0x1010, TRAP, 0x1030};
	uint64_t e;
	int i, esz = verbose ? 12 : 8;

	fake_kernel_build(k, 5);
	fake_size(&k->f, "bug_entry", esz);
	fake_member(&k->f, "bug_entry", "bug_addr_disp", 0);
	if (verbose) {
		fake_member(&k->f, "bug_entry", "file_disp", 4);
		fake_member(&k->f, "bug_entry", "line", 8);
		fake_member(&k->f, "bug_entry", "flags", 10);
	} else {
		fake_member(&k->f, "bug_entry", "flags", 4);
	}
	fake_sym(&k->f, "__start___bug_table", IMG(BUGT));
	fake_sym(&k->f, "__stop___bug_table", IMG(BUGT) + 3 * esz);
	fake_sym(&k->f, "remove_pgd_mapping", IMG(FN));
	fake_write(&k->f, PA(STRS), "include/linux/mm.h", 19);
	for (i = 0; i < 3; i++) {
		e = IMG(BUGT) + esz * i;
		fake_w32(&k->f, PA(BUGT) + esz * i, (uint32_t)(IMG(at[i]) - e));
		if (verbose) {
			fake_w32(&k->f, PA(BUGT) + esz * i + 4,
				 (uint32_t)(IMG(STRS) - (e + 4)));
			fake_w32(&k->f, PA(BUGT) + esz * i + 8, 3130);
		} else {
			fake_w32(&k->f, PA(BUGT) + esz * i + 4, 0);
		}
	}
}

static void open_src(struct fake_kernel *k, struct rvmm_source_ops *ops,
		     struct rvmm_source *src, struct rvmm_session *s)
{
	fake_source(&k->f, src);
	*ops = *src->ops;
	ops->symbol_at = fake_symbol_at_remove_pgd;
	ops->inline_chain = chain_at;
	src->ops = ops;
	CHECK(rvmm_session_open(s, src, NULL) == 0);
}

static void test_sites_at(void)
{
	struct rvmm_source_ops ops;
	struct rvmm_bug_site site[4];
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	unsigned long scanned;
	struct rvmm_error err;

	chain_now = NULL;
	chain_len = 0;
	/* no DEBUG_BUGVERBOSE: by pc only */
	kernel(&k, 0);
	open_src(&k, &ops, &src, &s);
	CHECK(rvmm_bug_sites_at(&s, IMG(TRAP), site, 4, &scanned, &err) == 1);
	CHECK_EQ(scanned, 3);
	CHECK_EQ(site[0].bug_addr, IMG(TRAP));
	CHECK_EQ(site[0].line, 0);
	CHECK_EQ(site[0].func_off, TRAP - FN);
	CHECK(rvmm_bug_sites_at(&s, IMG(TRAP) + 2, site, 4, &scanned, &err) ==
	      0);
	CHECK(rvmm_bug_sites(&s, "include/linux/mm.h", 3130, site, 4, &scanned,
			     &err) < 0);
	CHECK(strstr(err.msg, "DEBUG_BUGVERBOSE") != NULL);
	fake_free(&k.f);

	/* with it: by pc too, and the line comes along */
	kernel(&k, 1);
	open_src(&k, &ops, &src, &s);
	CHECK(rvmm_bug_sites_at(&s, IMG(TRAP), site, 4, &scanned, &err) == 1);
	CHECK_EQ(site[0].line, 3130);
	CHECK(rvmm_bug_sites(&s, "include/linux/mm.h", 3130, site, 4, &scanned,
			     &err) == 3);
	fake_free(&k.f);
}

/* ---- triage facts by both routes ----------------------------------------- */

enum { L_PAGE, L_RAW, L_WHY, L_CUT, L_BUG, L_EPC, L_TRACE, L_VMEMMAP, L_N };

static void log_lines(const char **l, const char *bug, int epc,
		      const char *page)
{
	l[L_PAGE] =
		page ? page
		     : "page: refcount:1 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x80010";
	l[L_RAW] =
		"raw: 0000000000000000 0000000000000000 dead000000000122 0000000000000000";
	l[L_WHY] = "page dumped because: VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)";
	l[L_CUT] = "------------[ cut here ]------------";
	l[L_BUG] = bug;
	l[L_EPC] =
		epc ? "epc : ffffffff80001028 ra : ffffffff80001000 sp : ff2000000001bd20"
		    : "Kernel BUG [#1]";
	l[L_TRACE] = "[<ffffffff80001028>] remove_pgd_mapping+0x28/0x474";
	l[L_VMEMMAP] = "[<ffffffff80002014>] vmemmap_free+0x14/0x1c";
}

static const char *const VERBOSE = "kernel BUG at include/linux/mm.h:3130!";
static const char *const NOVERB =
	"Kernel BUG at remove_pgd_mapping+0x28/0x474 [verbose debug info unavailable]";

/* Non-zero: page_type of the struct page the page dump names. */
static uint32_t pmd_page_type;

static void run(struct rvmm_triage *t, int verbose, const char *bug, int epc,
		const char *page)
{
	struct rvmm_source_ops ops;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *l[L_N];

	kernel(&k, verbose);
	log_lines(l, bug, epc, page);
	ring(&k.f, l, L_N);
	if (pmd_page_type) {
		/* the named page as a constructed table whose deposit leaked */
		uint64_t pa = fake_kernel_page_pa(&k, PFN);

		fake_w32(&k.f, pa + 0x30, pmd_page_type);
		fake_w64(&k.f, pa + 16, 0xdead000000000122ULL);
		fake_w32(&k.f, pa + 0x34, 1);
	}
	open_src(&k, &ops, &src, &s);
	rvmm_triage_run(&s, t);
	fake_free(&k.f);
}

#define SAME_FACT(a, b, m) CHECK_EQ((a).facts.m, (b).facts.m)

static void test_routes(void)
{
	static const char *const v612[] = {
		"pmd_ptlock_free",    "pagetable_pmd_dtor",
		"free_pmd_table",     "remove_pud_mapping",
		"remove_p4d_mapping", "remove_pgd_mapping"};
	static const char *const v614[] = {
		"ptlock_free",	      "pagetable_dtor",
		"free_pmd_table",     "remove_pud_mapping",
		"remove_p4d_mapping", "remove_pgd_mapping"};
	static const char *const renamed[] = {"pmd_ptl_release",
					      "pagetable_dtor",
					      "free_pmd_table",
					      "remove_pgd_mapping"};
	static const char *const in_free[] = {
		"free_pmd_table", "remove_pud_mapping", "remove_pgd_mapping"};
	struct rvmm_triage *a = calloc(1, sizeof(*a));
	struct rvmm_triage *b = calloc(1, sizeof(*b));

	chain_now = v612;
	chain_len = 6;
	/* file:line route (BUGVERBOSE) and pc route (without) agree */
	run(a, 1, VERBOSE, 1, NULL);
	run(b, 0, NOVERB, 1, NULL);
	CHECK_EQ(a->facts.site_resolved, 1);
	CHECK_EQ(a->facts.site_is_pmd_dtor, 1);
	CHECK_EQ(a->facts.site_in_teardown, 1);
	CHECK_EQ(a->facts.epc_matches_site, 1);
	CHECK_EQ(a->facts.bug_is_mm_h, 1);
	SAME_FACT(*a, *b, bug_in_log);
	SAME_FACT(*a, *b, bug_is_mm_h);
	SAME_FACT(*a, *b, site_resolved);
	SAME_FACT(*a, *b, site_is_pmd_dtor);
	SAME_FACT(*a, *b, site_in_teardown);
	SAME_FACT(*a, *b, epc_matches_site);
	SAME_FACT(*a, *b, page_dump_reason);
	SAME_FACT(*a, *b, page_known);
	SAME_FACT(*a, *b, trace_vmemmap_free);
	CHECK(a->verdict == b->verdict);
	CHECK(t_has_evidence(b, "log",
			     "Kernel BUG at remove_pgd_mapping+0x28 "));
	CHECK(t_has_evidence(
		b, "bug-site",
		"pc 0xffffffff80001028 -> 0xffffffff80001028 remove_pgd_mapping+0x28 (= epc), inlined: pmd_ptlock_free"));

	/* no epc: the pc is the %pB symbol plus offset */
	run(b, 0, NOVERB, 0, NULL);
	CHECK_EQ(b->facts.site_resolved, 1);
	CHECK_EQ(b->facts.site_is_pmd_dtor, 1);
	CHECK_EQ(b->facts.site_in_teardown, 1);
	CHECK_EQ(b->facts.bug_is_mm_h, 1);
	CHECK(t_has_evidence(b, "bug-site", "(= the Kernel BUG pc)"));

	/* 6.14 spellings: the same facts */
	chain_now = v614;
	run(b, 0, NOVERB, 1, NULL);
	CHECK_EQ(b->facts.site_is_pmd_dtor, 1);
	CHECK_EQ(b->facts.site_in_teardown, 1);
	run(b, 1, VERBOSE, 1, NULL);
	CHECK_EQ(b->facts.site_is_pmd_dtor, 1);
	CHECK_EQ(b->facts.site_in_teardown, 1);

	/* a spelling nobody knows yet: inconclusive, not no-match */
	chain_now = renamed;
	chain_len = 4;
	run(b, 1, VERBOSE, 1, NULL);
	CHECK_EQ(b->facts.site_is_pmd_dtor, -1);
	CHECK_EQ(b->facts.site_in_teardown, -1);
	CHECK(b->verdict == RVMM_INCONCLUSIVE);
	run(b, 0, NOVERB, 1, NULL);
	CHECK_EQ(b->facts.site_is_pmd_dtor, -1);
	CHECK(b->verdict != RVMM_NO_MATCH);

	/* a BUG in a known function that is not the step: no */
	chain_now = in_free;
	chain_len = 3;
	run(b, 1, VERBOSE, 1, NULL);
	CHECK_EQ(b->facts.site_is_pmd_dtor, 0);
	CHECK(b->verdict == RVMM_NO_MATCH);

	/* the pre-pfn page dump: the pfn from its raw struct page pointer */
	chain_now = v612;
	chain_len = 6;
	run(b, 0, NOVERB, 1,
	    "page:ff1c000000000400 refcount:1 mapcount:0 mapping:0000000000000000 index:0x0");
	CHECK_EQ(b->facts.page_known, 1);
	CHECK(t_has_evidence(b, "page-dump",
			     "pfn 0x80010 from the struct page"));
	CHECK(t_has_evidence(b, "page-dump", "pfn 0x80010 refcount 1"));
	/* a hashed pointer and no pfn: the PMD table stays unknown */
	run(b, 0, NOVERB, 1,
	    "page:00000000a1b2c3d4 refcount:1 mapcount:0 mapping:0000000000000000 index:0x0");
	CHECK_EQ(b->facts.page_known, -1);
	CHECK_EQ(b->facts.page_dump_reason, 1);
	CHECK(t_has_evidence(b, "missing", "prints no pfn"));
	CHECK(b->verdict != RVMM_NO_MATCH);
	free(a);
	free(b);
}

/*
 * A constructed PMD table (page_type table) whose pmd_huge_pte is set trips
 * the same VM_BUG_ON for another reason: not this bug.
 */
static void test_constructed_table(void)
{
	static const char *const v612[] = {
		"pmd_ptlock_free",    "pagetable_pmd_dtor",
		"free_pmd_table",     "remove_pud_mapping",
		"remove_p4d_mapping", "remove_pgd_mapping"};
	struct rvmm_triage *t = calloc(1, sizeof(*t));

	chain_now = v612;
	chain_len = 6;
	pmd_page_type = 0xf2000000; /* PGTY_table in the top byte */
	run(t, 1, VERBOSE, 1, NULL);
	pmd_page_type = 0;
	CHECK_EQ(t->facts.page_read, 1);
	CHECK_EQ(t->facts.page_not_constructed, 0);
	CHECK_EQ(t->verdict, RVMM_NO_MATCH);
	CHECK(strstr(t->summary, "never constructed") != NULL);
	free(t);
}

int main(void)
{
	test_constructed_table();
	test_bug_lines();
	test_page_lines();
	test_roles();
	test_sites_at();
	test_routes();
	return t_report();
}

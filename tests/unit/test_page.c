// SPDX-License-Identifier: GPL-2.0
/* page_type schemes (6.10/6.11/6.12 encodings) and table-page verdicts. */
#include <string.h>

#include "fake.h"

static void test_decode(void)
{
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0xf2000000) ==
	      RVMM_PT_TABLE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0xf0000000) ==
	      RVMM_PT_BUDDY);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0xf7000000) ==
	      RVMM_PT_UNACCEPTED);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0xf5000123) ==
	      RVMM_PT_SLAB);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0xffffffff) ==
	      RVMM_PT_NONE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0) == RVMM_PT_NONE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_TOP_BYTE, 0x90000000) ==
	      RVMM_PT_UNKNOWN);
	/* <= 6.10: base 0xf0000000, PG_table 0x200 */
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_LOW_BITS, 0xfffffdff) ==
	      RVMM_PT_TABLE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_LOW_BITS, 0xffffff7f) ==
	      RVMM_PT_BUDDY);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_LOW_BITS, 0xffffefff) ==
	      RVMM_PT_SLAB);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_LOW_BITS, 0xffffffff) ==
	      RVMM_PT_NONE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_LOW_BITS, 0) == RVMM_PT_NONE);
	/* 6.11: base 0x80000000, PG_table 0x10000000 */
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_HIGH_BITS, 0xefffffff) ==
	      RVMM_PT_TABLE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_HIGH_BITS, 0xbfffffff) ==
	      RVMM_PT_BUDDY);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_HIGH_BITS, 0xffffffff) ==
	      RVMM_PT_NONE);
	/* a 6.10 table word means nothing under 6.11 */
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_HIGH_BITS, 0xfffffdff) ==
	      RVMM_PT_NONE);
	CHECK(rvmm_page_type_decode(RVMM_PTYPE_UNKNOWN, 0xf2000000) ==
	      RVMM_PT_UNKNOWN);
}

#define PFN0 0x80000ULL

/* Write a struct page at the 6.12 offsets of the fake kernel. */
static void wpage(struct fake_kernel *k, uint64_t pfn, uint64_t flags,
		  uint64_t prev, uint32_t type, uint32_t ref)
{
	uint64_t pa = fake_kernel_page_pa(k, pfn);

	fake_w64(&k->f, pa, flags);
	fake_w64(&k->f, pa + 8, 0);
	fake_w64(&k->f, pa + 16, prev);
	fake_w32(&k->f, pa + 0x30, type);
	fake_w32(&k->f, pa + 0x34, ref);
}

static struct rvmm_page_info dec(struct rvmm_session *s, uint64_t pfn, int pmd)
{
	struct rvmm_page_info pi;

	CHECK(rvmm_page_decode(s, pfn, pmd, &pi) == 0);
	return pi;
}

static void test_verdicts(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_options opt;
	struct rvmm_page_info pi;
	uint64_t va;
	int i;

	fake_kernel_build(&k, 4);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_TOP_BYTE);
	CHECK_EQ(s.pages.zone_pgshift, 62);

	va = k.vmemmap + (PFN0 + 2) * 64;
	wpage(&k, PFN0 + 1, 1ULL << 62, 0, 0xf2000000, 1);
	wpage(&k, PFN0 + 2, 1ULL << 13, va + 8, 0xffffffff, 1);
	wpage(&k, PFN0 + 3, 0, 0xdead000000000122ULL, 0xffffffff, 1);
	wpage(&k, PFN0 + 4, 0, 0xdead000000000122ULL, 0xf0000000, 0);
	wpage(&k, PFN0 + 5, 0, 0xffffaf8000123000ULL, 0xf2000000, 1);

	pi = dec(&s, PFN0 + 1, 1);
	CHECK(pi.verdict == RVMM_TV_CONSTRUCTED);
	CHECK_EQ(pi.zone, 1);
	CHECK_EQ(pi.node, 0);
	CHECK_EQ(pi.page_pa, fake_kernel_page_pa(&k, PFN0 + 1));
	pi = dec(&s, PFN0 + 2, 1);
	CHECK(pi.verdict == RVMM_TV_NOT_CONSTRUCTED);
	CHECK(pi.huge_pte_kind == RVMM_HP_SELF_LRU);
	CHECK(pi.reserved);
	pi = dec(&s, PFN0 + 3, 1);
	CHECK(pi.verdict == RVMM_TV_NOT_CONSTRUCTED);
	CHECK(pi.huge_pte_kind == RVMM_HP_POISON2);
	CHECK(!pi.reserved);
	pi = dec(&s, PFN0 + 4, 1);
	CHECK(pi.verdict == RVMM_TV_FREE);
	CHECK(pi.is_free);
	pi = dec(&s, PFN0 + 5, 1);
	CHECK(pi.verdict == RVMM_TV_NOT_CONSTRUCTED);
	pi = dec(&s, PFN0 + 5, 0);
	CHECK(pi.verdict == RVMM_TV_CONSTRUCTED);
	/* a pfn whose struct page is not mapped in vmemmap */
	CHECK(rvmm_page_decode(&s, 0x100000, 1, &pi) == -1);

	/* 6.10 scheme, detected from NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE) */
	for (i = 0; i < k.f.nr_en; i++)
		if (!strncmp(k.f.en[i].k, "PGTY_", 5))
			k.f.en[i].k = "gone";
	fake_vmci(&k.f, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", "-129");
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_LOW_BITS);
	wpage(&k, PFN0 + 1, 0, 0, 0xfffffdff, 1);
	CHECK(dec(&s, PFN0 + 1, 1).verdict == RVMM_TV_CONSTRUCTED);
	CHECK(dec(&s, PFN0 + 3, 1).verdict == RVMM_TV_NOT_CONSTRUCTED);

	/* 6.11 scheme */
	fake_vmci(&k.f, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", "-1073741825");
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_HIGH_BITS);
	wpage(&k, PFN0 + 1, 0, 0, 0xefffffff, 1);
	CHECK(dec(&s, PFN0 + 1, 1).verdict == RVMM_TV_CONSTRUCTED);
	wpage(&k, PFN0 + 4, 0, 0xdead000000000122ULL, 0xbfffffff, 0);
	CHECK(dec(&s, PFN0 + 4, 1).verdict == RVMM_TV_FREE);

	/* no evidence: unknown, unless the user overrides */
	fake_vmci_del(&k.f, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)");
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_UNKNOWN);
	CHECK(dec(&s, PFN0 + 1, 1).verdict == RVMM_TV_UNKNOWN);
	rvmm_options_init(&opt);
	opt.ptype_scheme = RVMM_PTYPE_HIGH_BITS;
	CHECK(rvmm_session_open(&s, &src, &opt) == 0);
	CHECK(dec(&s, PFN0 + 1, 1).verdict == RVMM_TV_CONSTRUCTED);
	fake_free(&k.f);
}

/* Offsets are taken from the source: move every member and re-check. */
static void test_moved_offsets(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_page_info pi;
	uint64_t pa;
	int i;

	fake_kernel_build(&k, 3);
	for (i = 0; i < k.f.nr_mem; i++) {
		if (strcmp(k.f.mem[i].t, "page") &&
		    strcmp(k.f.mem[i].t, "ptdesc"))
			continue;
		if (!strcmp(k.f.mem[i].m, "flags"))
			k.f.mem[i].off = 0x38;
		else if (!strcmp(k.f.mem[i].m, "page_type") ||
			 !strcmp(k.f.mem[i].m, "_mapcount"))
			k.f.mem[i].off = 0x04;
		else if (!strcmp(k.f.mem[i].m, "_refcount"))
			k.f.mem[i].off = 0x00;
		else if (!strcmp(k.f.mem[i].m, "pmd_huge_pte"))
			k.f.mem[i].off = 0x28;
		else if (!strcmp(k.f.mem[i].m, "memcg_data"))
			k.f.mem[i].off = 0x30;
	}
	fake_vmci(&k.f, "OFFSET(page.flags)", "56");
	fake_vmci(&k.f, "OFFSET(page._refcount)", "0");
	fake_vmci_del(&k.f, "OFFSET(page.lru)");
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK_EQ(s.pages.flags, 0x38);
	CHECK_EQ(s.pages.pt_huge_pte, 0x28);
	pa = fake_kernel_page_pa(&k, PFN0 + 7);
	fake_w64(&k.f, pa + 0x38, 1ULL << 13);
	fake_w32(&k.f, pa + 0x04, 0xf2000000);
	fake_w32(&k.f, pa + 0x00, 1);
	fake_w64(&k.f, pa + 0x28, 0);
	pi = dec(&s, PFN0 + 7, 1);
	CHECK(pi.reserved);
	CHECK_EQ(pi.page_type, 0xf2000000);
	CHECK_EQ(pi.refcount, 1);
	CHECK(pi.verdict == RVMM_TV_CONSTRUCTED);
	fake_w64(&k.f, pa + 0x28, 0xdead000000000122ULL);
	CHECK(dec(&s, PFN0 + 7, 1).huge_pte_kind == RVMM_HP_POISON2);
	fake_free(&k.f);
}

int main(void)
{
	test_decode();
	test_verdicts();
	test_moved_offsets();
	return t_report();
}

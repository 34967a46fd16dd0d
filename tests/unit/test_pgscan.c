// SPDX-License-Identifier: GPL-2.0
/*
 * The NR_PAGETABLE memmap scan (pgstat.c) for every struct page size: 56
 * bytes (no MEMCG), 64, 72 and 80 (debug options), so that struct pages
 * straddle the 4 KiB pieces of the memmap; with an unreadable piece in the
 * middle.  And page_type values read from the PGTY_* enumerators.
 */
#include <string.h>

#include "fake.h"
#include "forensics.h"

#define RAM 0x80000000ULL
#define MEMMAP_PA 0x86000000ULL /* fake_kernel.c's memmap of section 16 */
#define SEC_PAGES 32768ULL /* SECTION_SIZE_BITS 27 */
#define PT_OFF 0x30 /* page_type in the fake layout */
#define SZ_2M (2ULL << 20)

static void set_size(struct fake *f, const char *type, long size)
{
	int i;

	for (i = 0; i < f->nr_size; i++)
		if (!strcmp(f->size[i].t, type))
			f->size[i].size = size;
}

static void set_enum(struct fake *f, const char *name, int64_t v)
{
	int i;

	for (i = 0; i < f->nr_en; i++)
		if (!strcmp(f->en[i].k, name)) {
			f->en[i].v = v;
			return;
		}
	fake_enum(f, name, v);
}

static void drop_enums(struct fake *f, const char *prefix)
{
	int i;

	for (i = 0; i < f->nr_en; i++)
		if (!strncmp(f->en[i].k, prefix, strlen(prefix)))
			f->en[i].k = "gone";
}

/*
 * The fake kernel with struct pages of size bytes: vmemmap moved so that
 * section 16's memmap still starts at VMEMMAP_START, mapped with as many
 * 2M leaves as it needs, every struct page zero (no type).
 */
static void build_mapped(struct fake_kernel *k, long size, uint64_t mapped)
{
	static const unsigned char zero[4096];
	const uint64_t rw = RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_G | RVMM_PTE_A |
			    RVMM_PTE_D;
	uint64_t span = SEC_PAGES * size, off;

	fake_kernel_build(k, 4);
	k->vmemmap = k->vmemmap_start - (RAM >> 12) * size;
	set_size(&k->f, "page", size);
	set_size(&k->f, "ptdesc", size);
	fake_vmci(&k->f, "SIZE(page)", "%ld", size);
	fake_vmci(&k->f, "SYMBOL(vmemmap)", "%llx",
		  (unsigned long long)k->vmemmap);
	fake_w64(&k->f, k->ms_root_pa + 16 * 16, k->vmemmap | 0xf);
	for (off = SZ_2M; off < span && off < mapped; off += SZ_2M)
		fake_map(&k->f, k->swapper_pa, 4, k->vmemmap_start + off,
			 MEMMAP_PA + off, 2, rw);
	for (off = 0; off < span; off += 4096)
		fake_write(&k->f, MEMMAP_PA + off, zero, sizeof(zero));
}

static void build(struct fake_kernel *k, long size)
{
	build_mapped(k, size, ~0ULL);
}

static void set_type(struct fake_kernel *k, long size, uint64_t idx,
		     uint32_t type)
{
	fake_w32(&k->f, MEMMAP_PA + idx * size + PT_OFF, type);
}

/* Does struct page idx have a byte in the 4 KiB piece bad? */
static int in_piece(long size, uint64_t idx, uint64_t bad)
{
	uint64_t a = idx * size, b = a + size - 1;

	return a >> 12 <= bad && b >> 12 >= bad;
}

static int straddles(long size, uint64_t idx)
{
	return (idx * size) >> 12 != (idx * size + size - 1) >> 12;
}

static void scan_size(long size)
{
	struct rvmm_pgtable_stat ps;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	uint64_t tables[16], bad, idx, lost = 0, lost_tables = 0;
	unsigned int nr = 0, i;

	build(&k, size);
	/* a piece in the middle of the memmap will be the unreadable one */
	bad = SEC_PAGES * size / 4096 / 2 + 1;
	tables[nr++] = 0;
	tables[nr++] = 5;
	tables[nr++] = SEC_PAGES - 1; /* the last one, at the map's end */
	/* straddlers: the first one, and those across the bad piece's ends */
	for (idx = 0; idx < SEC_PAGES && nr < 4; idx++)
		if (straddles(size, idx))
			tables[nr++] = idx;
	for (idx = 1; idx < SEC_PAGES; idx++)
		if (straddles(size, idx) && ((idx * size) >> 12 == bad - 1 ||
					     (idx * size) >> 12 == bad))
			tables[nr++] = idx;
	/* inside the bad piece, and next to it */
	tables[nr++] = (bad * 4096 + 1024) / size;
	tables[nr++] = (bad * 4096 + 4096 + 1024) / size;
	for (i = 0; i < nr; i++)
		set_type(&k, size, tables[i], 0xf2000000);
	/* a table page_type of another scheme is not counted */
	set_type(&k, size, 7, 0xfffffdff);

	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK_EQ(s.pages.size, size);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(ps.scan_ok && ps.scan_complete);
	CHECK_EQ(ps.scanned_pages, SEC_PAGES);
	CHECK_EQ(ps.table_pages, nr);
	CHECK_EQ(ps.unreadable_chunks, 0);
	if (size % 64) /* straddlers were among the tables */
		CHECK(nr >= 7);

	/* one unreadable piece: its struct pages, straddlers included, are
	 * not counted; the rest are */
	fake_not_in_dump(&k.f, MEMMAP_PA + bad * 4096);
	for (idx = 0; idx < SEC_PAGES; idx++)
		lost += in_piece(size, idx, bad);
	for (i = 0; i < nr; i++)
		lost_tables += in_piece(size, tables[i], bad);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(ps.scan_ok && !ps.scan_complete);
	CHECK_EQ(ps.unreadable_chunks, 1);
	CHECK_EQ(ps.scanned_pages, SEC_PAGES - lost);
	CHECK_EQ(ps.table_pages, nr - lost_tables);
	CHECK(lost_tables >= (size % 64 ? 3U : 1U));
	CHECK(strstr(ps.scan_err.msg, "1 memmap pages unreadable") != NULL);
	fake_free(&k.f);
}

/* The memmap of a section only partly mapped: the rest is one skip. */
static void scan_unmapped_tail(void)
{
	struct rvmm_pgtable_stat ps;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const long size = 80;

	/* only the first 2M leaf: bytes 2M..2.5M of the memmap unmapped */
	build_mapped(&k, size, SZ_2M);
	set_type(&k, size, 100, 0xf2000000);
	set_type(&k, size, SEC_PAGES - 1, 0xf2000000);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(ps.scan_ok && !ps.scan_complete);
	/* 0.5 MiB unmapped: 128 pieces, one struct page across the edge */
	CHECK_EQ(ps.unreadable_chunks, 128);
	CHECK_EQ(ps.scanned_pages, SZ_2M / size);
	CHECK_EQ(ps.table_pages, 1);
	fake_free(&k.f);
}

/* Every scan error names its cause. */
static void scan_errors(void)
{
	struct rvmm_pgtable_stat ps;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;

	build(&k, 56);
	drop_enums(&k.f, "PGTY_");
	fake_vmci_del(&k.f, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)");
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(!ps.scan_ok);
	CHECK(strstr(ps.scan_err.msg, "page_type encoding unknown") != NULL);
	CHECK(strstr(ps.scan_err.msg, "PGTY_table") != NULL);
	/* never blames the struct page size */
	CHECK(!strstr(ps.scan_err.msg, "size"));
	fake_free(&k.f);

	build(&k, 56);
	k.f.interrupt_after = 1;
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	k.f.interrupt_calls = 0;
	rvmm_pgtable_stat(&s, &ps);
	CHECK(!ps.scan_ok && ps.interrupted);
	CHECK(!strcmp(ps.scan_err.msg, "interrupted"));
	fake_free(&k.f);
}

/* page_type values come from the PGTY_* enumerators. */
static void pgty_values(void)
{
	struct rvmm_pgtable_stat ps;
	struct rvmm_page_info pi;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const long size = 72;
	const uint64_t pfn0 = RAM >> 12;

	build(&k, size);
	/* a kernel whose enum pagetype starts at 0xe0 */
	set_enum(&k.f, "PGTY_buddy", 0xe0);
	set_enum(&k.f, "PGTY_table", 0xe2);
	set_enum(&k.f, "PGTY_slab", 0xe5);
	set_enum(&k.f, "PGTY_mapcount_underflow", 0xef);
	set_type(&k, size, 1, 0xe2000000); /* table */
	set_type(&k, size, 2, 0xf2000000); /* 6.12's table: no type here */
	set_type(&k, size, 3, 0xe0000000); /* buddy */
	set_type(&k, size, 4, 0xe5000000); /* slab */
	set_type(&k, size, 5, 0xe9000000); /* a type we do not know */
	fake_w32(&k.f, MEMMAP_PA + 1 * size + 0x34, 1); /* refcount */
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_TOP_BYTE);
	CHECK(s.pages.pgty_from_enum);
	CHECK_EQ(s.pages.pgty[RVMM_PT_TABLE], 0xe2);
	CHECK_EQ(s.pages.pgty[RVMM_PT_OFFLINE], 0); /* no enumerator */
	CHECK(rvmm_page_type_decode_layout(&s.pages, 0xe2000000) ==
	      RVMM_PT_TABLE);
	CHECK(rvmm_page_type_decode_layout(&s.pages, 0xf2000000) ==
	      RVMM_PT_NONE);
	CHECK(rvmm_page_type_decode_layout(&s.pages, 0xe0000000) ==
	      RVMM_PT_BUDDY);
	CHECK(rvmm_page_type_decode_layout(&s.pages, 0xe5001234) ==
	      RVMM_PT_SLAB);
	CHECK(rvmm_page_type_decode_layout(&s.pages, 0xe9000000) ==
	      RVMM_PT_UNKNOWN);
	CHECK(rvmm_page_decode(&s, pfn0 + 1, 0, &pi) == 0);
	CHECK(pi.ptype == RVMM_PT_TABLE);
	CHECK(pi.verdict == RVMM_TV_CONSTRUCTED);
	CHECK(strstr(pi.scheme_used, "enumerators") != NULL);
	CHECK(rvmm_page_decode(&s, pfn0 + 2, 0, &pi) == 0);
	CHECK(pi.ptype == RVMM_PT_NONE);
	CHECK(rvmm_page_decode(&s, pfn0 + 3, 0, &pi) == 0);
	CHECK(pi.ptype == RVMM_PT_BUDDY && pi.verdict == RVMM_TV_FREE);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(ps.scan_ok && ps.scan_complete);
	CHECK_EQ(ps.table_pages, 1);
	/* the session notes say the values differ from 6.12's */
	{
		int i, seen = 0;

		for (i = 0; i < s.notes.nr; i++)
			seen |= strstr(s.notes.line[i], "differ from 6.12") !=
				NULL;
		CHECK(seen);
	}

	/* no enumerators: VMCOREINFO's top byte, 6.12's values, said so */
	drop_enums(&k.f, "PGTY_");
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_TOP_BYTE);
	CHECK(!s.pages.pgty_from_enum);
	CHECK(strstr(rvmm_page_scheme_used(&s.pages), "6.12") != NULL);
	CHECK(rvmm_page_decode(&s, pfn0 + 2, 0, &pi) == 0);
	CHECK(pi.ptype == RVMM_PT_TABLE);
	CHECK(strstr(pi.scheme_used, "no enumerators") != NULL);
	rvmm_pgtable_stat(&s, &ps);
	CHECK_EQ(ps.table_pages, 1);

	/* an enumerator PGTY_table that is no top byte: unknown, said so */
	set_enum(&k.f, "PGTY_table", 0x1f2);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(s.pages.scheme == RVMM_PTYPE_UNKNOWN);
	rvmm_pgtable_stat(&s, &ps);
	CHECK(!ps.scan_ok);
	CHECK(strstr(ps.scan_err.msg, "PGTY_table") != NULL);
	fake_free(&k.f);
}

int main(void)
{
	static const long sizes[] = {56, 64, 72, 80};
	unsigned int i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		scan_size(sizes[i]);
	scan_unmapped_tail();
	scan_errors();
	pgty_values();
	return t_report();
}

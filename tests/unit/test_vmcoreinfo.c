// SPDX-License-Identifier: GPL-2.0
/* VMCOREINFO number parsing with the riscv quirks, and layout fallbacks. */
#include <string.h>

#include "fake.h"

static void test_parse(void)
{
	uint64_t v = 0;

	CHECK(rvmm_vmci_parse("NUMBER(VA_BITS)", "48", &v) == RVMM_VMCI_OK);
	CHECK_EQ(v, 48);
	/* phys_ram_base is decimal: 2147483648 = 0x80000000 */
	CHECK(!rvmm_vmci_parse("NUMBER(phys_ram_base)", "2147483648", &v));
	CHECK_EQ(v, 0x80000000ULL);
	CHECK(!rvmm_vmci_parse("NUMBER(PAGE_OFFSET)", "0xffffaf8000000000",
			       &v));
	CHECK_EQ(v, 0xffffaf8000000000ULL);
	/* SYMBOL values are bare hex: "80000000" is not decimal */
	CHECK(!rvmm_vmci_parse("SYMBOL(swapper_pg_dir)", "ffffffff81a3c000",
			       &v));
	CHECK_EQ(v, 0xffffffff81a3c000ULL);
	CHECK(!rvmm_vmci_parse("SYMBOL(x)", "10", &v));
	CHECK_EQ(v, 16);
	CHECK(!rvmm_vmci_parse("NUMBER(x)", "10", &v));
	CHECK_EQ(v, 10);
	/* generic NUMBER may be negative (PAGE_BUDDY_MAPCOUNT_VALUE) */
	CHECK(!rvmm_vmci_parse("NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", "-129",
			       &v));
	CHECK_EQ(v, (uint64_t)-129LL);
	CHECK(!rvmm_vmci_parse("OFFSET(page.lru)", "8\n", &v));
	CHECK_EQ(v, 8);
	/* garbage */
	CHECK(rvmm_vmci_parse("NUMBER(VA_BITS)", "48x", &v) ==
	      RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(VA_BITS)", "", &v) == RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(VA_BITS)", "0x", &v) ==
	      RVMM_VMCI_GARBAGE);
	/* strtoull base 16 tolerates a 0x prefix; harmless for SYMBOL */
	CHECK(!rvmm_vmci_parse("SYMBOL(x)", "0xffff", &v));
	CHECK_EQ(v, 0xffff);
	CHECK(rvmm_vmci_parse("SYMBOL(x)", "ffff g", &v) == RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("SYMBOL(x)", "zz", &v) == RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(x)", "-", &v) == RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(x)", "- 5", &v) == RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(x)", "99999999999999999999", &v) ==
	      RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(x)", "0x1ffffffffffffffff", &v) ==
	      RVMM_VMCI_GARBAGE);
	CHECK(rvmm_vmci_parse("NUMBER(x)", NULL, &v) == RVMM_VMCI_MISSING);
}

static void test_layout_full(int levels)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *err;

	fake_kernel_build(&k, levels);
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err == NULL);
	if (err) {
		printf("  open: %s\n", err);
		fake_free(&k.f);
		return;
	}
	CHECK_EQ(s.layout.levels, levels);
	CHECK_EQ(s.layout.page_offset, k.page_offset);
	CHECK_EQ(s.layout.vmemmap, k.vmemmap);
	CHECK_EQ(s.layout.swapper_pg_dir_pa, k.swapper_pa);
	CHECK_EQ(s.layout.pci_io_end, k.vmemmap_start);
	CHECK_EQ(s.layout.pci_io_start, k.vmemmap_start - (16 << 20));
	CHECK_EQ(s.layout.fixaddr_top, k.vmemmap_start - (16 << 20));
	CHECK_EQ(s.layout.fixaddr_start, k.vmemmap_start - (22 << 20));
	CHECK_EQ(s.notes.nr, 0);
	CHECK(!strcmp(s.layout.osrelease, "6.12.117-fake"));
	CHECK(s.pages.ok);
	CHECK(s.sections.ok);
	CHECK(!strcmp(rvmm_region_of(&s.layout, k.page_offset), "linear"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, k.vmemmap_start), "vmemmap"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, k.vmalloc_start), "vmalloc"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, 0xffffffff80001000ULL),
		      "kernel"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, 0xffffffff00001000ULL),
		      "modules"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, k.vmemmap_start - 1),
		      "pci-io"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, k.vmemmap_start - (17 << 20)),
		      "fixmap"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, 0x1000), "user"));
	CHECK(!strcmp(rvmm_region_of(&s.layout, 1ULL << 60), "non-canonical"));
	/* is_linear_mapping(): PAGE_OFFSET + KERN_VIRT_SIZE = 2^(VA_BITS-2) */
	{
		uint64_t end = k.page_offset + (1ULL << (s.layout.va_bits - 2));
		uint64_t pa = 0;

		if (end > s.layout.modules_vaddr)
			end = s.layout.modules_vaddr;
		CHECK_EQ(s.layout.linear_end, end);
		CHECK(!strcmp(rvmm_region_of(&s.layout, end - 1), "linear"));
		CHECK(strcmp(rvmm_region_of(&s.layout, end), "linear"));
		CHECK(rvmm_kva_to_pa(&s, end - 4096, &pa) == RVMM_XL_OK);
		CHECK_EQ(pa,
			 end - 4096 - k.page_offset + s.layout.phys_ram_base);
		/* past it the formula must not be used: nothing is mapped */
		if (end < s.layout.modules_vaddr)
			CHECK(rvmm_kva_to_pa(&s, end, &pa) != RVMM_XL_OK);
	}
	fake_free(&k.f);
}

/* Strip VMCOREINFO to the bone: fallbacks must find the same layout. */
static void test_layout_fallbacks(void)
{
	static const char *const keys[] = {
		"NUMBER(va_kernel_pa_offset)", "NUMBER(phys_ram_base)",
		"NUMBER(PAGE_OFFSET)",	       "NUMBER(VA_BITS)",
		"NUMBER(VMALLOC_START)",       "NUMBER(VMEMMAP_START)",
		"NUMBER(VMEMMAP_END)",	       "SYMBOL(vmemmap)",
		"SYMBOL(swapper_pg_dir)",      "SYMBOL(mem_section)",
		"LENGTH(mem_section)",
	};
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *err;
	unsigned int i;
	int saw_kmap = 0, saw_vmemmap = 0;

	fake_kernel_build(&k, 4);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		fake_vmci_del(&k.f, keys[i]);
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err == NULL);
	if (err) {
		printf("  open: %s\n", err);
		fake_free(&k.f);
		return;
	}
	CHECK_EQ(s.layout.va_bits, 48);
	CHECK_EQ(s.layout.page_offset, k.page_offset);
	CHECK_EQ(s.layout.phys_ram_base, 0x80000000ULL);
	CHECK_EQ(s.layout.vmalloc_start, k.vmalloc_start);
	CHECK_EQ(s.layout.vmemmap_start, k.vmemmap_start);
	CHECK_EQ(s.layout.vmemmap, k.vmemmap);
	CHECK_EQ(s.layout.swapper_pg_dir_pa, k.swapper_pa);
	CHECK_EQ(s.layout.mem_section, k.page_offset + 0x400000);
	CHECK(s.notes.nr >= 8);
	for (i = 0; i < (unsigned int)s.notes.nr; i++) {
		if (strstr(s.notes.line[i], "va_kernel_pa_offset") &&
		    strstr(s.notes.line[i], "kernel_map"))
			saw_kmap = 1;
		if (strstr(s.notes.line[i], "lacks SYMBOL(vmemmap); took"))
			saw_vmemmap = 1;
	}
	CHECK(saw_kmap);
	CHECK(saw_vmemmap);
	fake_free(&k.f);
}

/* Kernels before vmemmap_start_pfn: vmemmap from phys_ram_base's pfn. */
static void test_layout_old_vmemmap(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *err;
	int i, noted = 0;

	fake_kernel_build(&k, 5);
	fake_vmci_del(&k.f, "SYMBOL(vmemmap)");
	for (i = 0; i < k.f.nr_sym; i++)
		if (k.f.sym[i].k && !strcmp(k.f.sym[i].k, "vmemmap_start_pfn"))
			k.f.sym[i].k = "renamed_vmemmap_start_pfn";
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err == NULL);
	CHECK_EQ(s.layout.vmemmap, k.vmemmap);
	for (i = 0; i < s.notes.nr; i++)
		noted |= strstr(s.notes.line[i],
				"no symbol vmemmap_start_pfn") != NULL;
	CHECK(noted);
	fake_free(&k.f);
}

static void test_layout_errors(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *err;

	/* No VA_BITS and no readable pgtable_l*_enabled: a one-line error */
	fake_kernel_build(&k, 3);
	fake_vmci_del(&k.f, "NUMBER(VA_BITS)");
	k.f.nr_sym = 0;
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err && strstr(err, "VA_BITS"));
	CHECK(err && !strchr(err, '\n'));
	fake_free(&k.f);

	fake_kernel_build(&k, 3);
	fake_vmci(&k.f, "NUMBER(VA_BITS)", "47");
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err && strstr(err, "47"));
	fake_free(&k.f);

	fake_kernel_build(&k, 3);
	fake_vmci(&k.f, "PAGESIZE", "65536");
	fake_source(&k.f, &src);
	err = rvmm_session_open(&s, &src, NULL) ? s.err.msg : NULL;
	CHECK(err && strstr(err, "PAGESIZE"));
	fake_free(&k.f);
}

/* The text is cut at len and at a NUL; a line without '=' is no entry. */
static void test_split(void)
{
	static const char text[] = "OSRELEASE=6.12\nno equals here\n\n"
				   "SIZE(page)=64\nNUMBER(A)=1=2\0HIDDEN=1\n";
	struct rvmm_vmcoreinfo_lines l;

	CHECK(!rvmm_vmcoreinfo_split(text, sizeof(text) - 1, &l));
	CHECK(l.nr == 3);
	CHECK(!strcmp(rvmm_vmcoreinfo_find(&l, "OSRELEASE"), "6.12"));
	CHECK(!strcmp(rvmm_vmcoreinfo_find(&l, "SIZE(page)"), "64"));
	CHECK(!strcmp(rvmm_vmcoreinfo_find(&l, "NUMBER(A)"), "1=2"));
	CHECK(!rvmm_vmcoreinfo_find(&l, "HIDDEN"));
	CHECK(!rvmm_vmcoreinfo_find(&l, "no equals here"));
	rvmm_vmcoreinfo_lines_free(&l);
	/* len cuts the last line short: it still counts, the rest does not */
	CHECK(!rvmm_vmcoreinfo_split(text, 17, &l));
	CHECK(l.nr == 1 &&
	      !strcmp(rvmm_vmcoreinfo_find(&l, "OSRELEASE"), "6.12"));
	rvmm_vmcoreinfo_lines_free(&l);
	CHECK(!rvmm_vmcoreinfo_split(text, 0, &l) && l.nr == 0);
	rvmm_vmcoreinfo_lines_free(&l);
}

int main(void)
{
	test_parse();
	test_split();
	test_layout_full(3);
	test_layout_full(4);
	test_layout_full(5);
	test_layout_fallbacks();
	test_layout_old_vmemmap();
	test_layout_errors();
	return t_report();
}

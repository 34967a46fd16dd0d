// SPDX-License-Identifier: GPL-2.0
/* mem_section decoding and the vmemmap cross-checks. */
#include <string.h>

#include "fake.h"

struct cnt {
	int n;
	uint64_t nr[8];
};

static int count(void *arg, const struct rvmm_section *s)
{
	struct cnt *c = arg;

	if (c->n < 8)
		c->nr[c->n] = s->nr;
	c->n++;
	return 0;
}

int main(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_section sec;
	struct rvmm_out o;
	struct fake_buf b;
	struct cnt c = {0};
	uint64_t page, sz = 2ULL << 20;

	fake_kernel_build(&k, 4);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK_EQ(s.sections.sections_per_root, 256);
	CHECK_EQ(s.sections.pages_per_section, 32768);
	CHECK_EQ(s.sections.map_mask, ~0x1fULL);
	CHECK(rvmm_section_get(&s, 16, &sec) == 0);
	CHECK(sec.present && sec.has_mem_map && sec.online && sec.early);
	CHECK(!sec.zone_device);
	CHECK_EQ(sec.map_decoded, k.vmemmap);
	CHECK_EQ(sec.first_page, k.vmemmap_start);
	CHECK_EQ(sec.end_page, k.vmemmap_start + sz);
	CHECK_EQ(sec.start_pfn, 0x80000);
	CHECK(rvmm_section_get(&s, 300, &sec) == 1); /* root 1 is NULL */
	CHECK(rvmm_for_each_section(&s, 0, count, &c, NULL) == 0);
	CHECK_EQ(c.n, 1);
	CHECK_EQ(c.nr[0], 16);

	/* zone-device section, not online, memmap not mapped */
	fake_w64(&k.f, k.ms_root_pa + 17 * 16, k.vmemmap | 0x13);
	CHECK(rvmm_section_get(&s, 17, &sec) == 0);
	CHECK(sec.present && sec.zone_device && !sec.online && !sec.early);
	/* a section whose memmap lies outside vmemmap */
	fake_w64(&k.f, k.ms_root_pa + 18 * 16, (k.vmemmap - (1ULL << 40)) | 3);
	/* sections 20 and 21 share a 2M block: 21 shifted by 1M */
	fake_w64(&k.f, k.ms_root_pa + 20 * 16, k.vmemmap | 3);
	fake_w64(&k.f, k.ms_root_pa + 21 * 16, (k.vmemmap - sz / 2) | 3);
	/* a vmemmap mapping with no section (section 30's memmap) */
	fake_map(&k.f, k.swapper_pa, 4, k.vmemmap_start + 14 * sz, 0x87000000,
		 2, RVMM_PTE_R | RVMM_PTE_W);
	c.n = 0;
	rvmm_for_each_section(&s, 0, count, &c, NULL);
	CHECK_EQ(c.n, 5);

	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_vmemmap(&s, &o, RVMM_VMEMMAP_ALL, 0) == 0);
	CHECK(strstr(b.s, "section 17: present section with unmapped") != NULL);
	CHECK(strstr(b.s, "section 18: struct pages outside") != NULL);
	CHECK(strstr(b.s, "section 21: 2M vmemmap block shared") != NULL);
	CHECK(strstr(b.s, "section 30: vmemmap mapping with no present") !=
	      NULL);
	CHECK(strstr(b.s, "section 16:") == NULL);
	CHECK(strstr(b.s, "5 present sections") != NULL);
	fake_buf_free(&b);

	/* one pfn */
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_vmemmap(&s, &o, RVMM_VMEMMAP_PFN, 0x80001) == 0);
	CHECK(strstr(b.s, "ok PA 0x0000000086000040") != NULL);
	fake_buf_free(&b);

	/* Sv48: a pfn near 2^44 gets a struct page VA past VMEMMAP_END */
	page = rvmm_pfn_to_page(&s.layout, (1ULL << 44) - 1);
	CHECK(page >= s.layout.vmemmap_end || page < s.layout.vmemmap_start);
	fake_free(&k.f);
	return t_report();
}

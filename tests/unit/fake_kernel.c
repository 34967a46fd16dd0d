// SPDX-License-Identifier: GPL-2.0
/* A small but complete fake riscv64 kernel; see fake.h. */
#include <string.h>

#include "fake.h"

#define RAM 0x80000000ULL
#define RAM_SIZE (128ULL << 20)
#define MEMMAP_PA 0x86000000ULL
#define ROOTS_PA 0x80400000ULL
#define SZ_2M (2ULL << 20)

uint64_t fake_kernel_page_pa(struct fake_kernel *k, uint64_t pfn)
{
	return k->memmap_pa + (pfn - (RAM >> 12)) * 64;
}

static void layout_6_12(struct fake *f)
{
	static const char *const pg[] = {
		"PG_locked", "PG_writeback",  "PG_referenced",	 "PG_uptodate",
		"PG_dirty",  "PG_lru",	      "PG_head",	 "PG_waiters",
		"PG_active", "PG_workingset", "PG_owner_priv_1", "PG_owner_2",
		"PG_arch_1", "PG_reserved",   "PG_private",
	};
	unsigned int i;

	fake_size(f, "page", 64);
	fake_size(f, "ptdesc", 64);
	fake_size(f, "mem_section", 16);
	fake_member(f, "page", "flags", 0);
	fake_member(f, "page", "lru", 8);
	fake_member(f, "page", "lru.prev", 16);
	fake_member(f, "list_head", "next", 0);
	fake_member(f, "list_head", "prev", 8);
	fake_member(f, "page", "compound_head", 8);
	fake_member(f, "page", "mapping", 0x18);
	fake_member(f, "page", "index", 0x20);
	fake_member(f, "page", "private", 0x28);
	fake_member(f, "page", "page_type", 0x30);
	fake_member(f, "page", "_mapcount", 0x30);
	fake_member(f, "page", "_refcount", 0x34);
	fake_member(f, "page", "memcg_data", 0x38);
	fake_member(f, "ptdesc", "pmd_huge_pte", 0x10);
	fake_member(f, "ptdesc", "pt_mm", 0x20);
	fake_member(f, "ptdesc", "pt_index", 0x20);
	fake_member(f, "ptdesc", "ptl", 0x28);
	fake_member(f, "ptdesc", "__page_type", 0x30);
	fake_member(f, "ptdesc", "__page_refcount", 0x34);
	fake_member(f, "ptdesc", "pt_memcg_data", 0x38);
	fake_member(f, "mem_section", "section_mem_map", 0);
	fake_member(f, "kernel_mapping", "page_offset", 0);
	fake_member(f, "kernel_mapping", "virt_addr", 8);
	fake_member(f, "kernel_mapping", "phys_addr", 24);
	fake_member(f, "kernel_mapping", "va_pa_offset", 40);
	fake_member(f, "kernel_mapping", "va_kernel_pa_offset", 48);
	for (i = 0; i < sizeof(pg) / sizeof(pg[0]); i++)
		fake_enum(f, pg[i], i);
	fake_enum(f, "PGTY_buddy", 0xf0);
	fake_enum(f, "PGTY_table", 0xf2);
	fake_enum(f, "__MAX_NR_ZONES", 3);
	fake_enum(f, "SECTION_MARKED_PRESENT_BIT", 0);
	fake_enum(f, "SECTION_HAS_MEM_MAP_BIT", 1);
	fake_enum(f, "SECTION_IS_ONLINE_BIT", 2);
	fake_enum(f, "SECTION_IS_EARLY_BIT", 3);
	fake_enum(f, "SECTION_TAINT_ZONE_DEVICE_BIT", 4);
	fake_enum(f, "SECTION_MAP_LAST_BIT", 5);
}

void fake_kernel_build(struct fake_kernel *k, int levels)
{
	static const uint64_t po[] = {0xffffffd600000000ULL,
				      0xffffaf8000000000ULL,
				      0xff60000000000000ULL};
	static const uint64_t vs[] = {0xffffffc600000000ULL,
				      0xffff8f8000000000ULL,
				      0xff20000000000000ULL};
	static const uint64_t es[] = {0xffffffc500000000ULL,
				      0xffff8d8000000000ULL,
				      0xff1c000000000000ULL};
	struct fake *f = &k->f;
	uint64_t off = KLINK - KPHYS, a, kmap, root0;
	const uint64_t rw = RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_G | RVMM_PTE_A |
			    RVMM_PTE_D;

	memset(k, 0, sizeof(*k));
	fake_init(f);
	k->levels = levels;
	k->page_offset = po[levels - 3];
	k->vmalloc_start = vs[levels - 3];
	k->vmemmap_start = es[levels - 3];
	k->vmemmap_end = k->vmalloc_start;
	k->vmemmap = k->vmemmap_start - (RAM >> 12) * 64;
	k->memmap_pa = MEMMAP_PA;
	layout_6_12(f);

	fake_vmci(f, "OSRELEASE", "6.12.117-fake");
	fake_vmci(f, "PAGESIZE", "4096");
	fake_vmci(f, "NUMBER(phys_ram_base)", "%llu", (unsigned long long)RAM);
	fake_vmci(f, "NUMBER(VA_BITS)", "%d", 39 + 9 * (levels - 3));
	fake_vmci(f, "NUMBER(PAGE_OFFSET)", "0x%llx",
		  (unsigned long long)k->page_offset);
	fake_vmci(f, "NUMBER(VMALLOC_START)", "0x%llx",
		  (unsigned long long)k->vmalloc_start);
	fake_vmci(f, "NUMBER(VMALLOC_END)", "0x%llx",
		  (unsigned long long)k->page_offset);
	fake_vmci(f, "NUMBER(VMEMMAP_START)", "0x%llx",
		  (unsigned long long)k->vmemmap_start);
	fake_vmci(f, "NUMBER(VMEMMAP_END)", "0x%llx",
		  (unsigned long long)k->vmemmap_end);
	fake_vmci(f, "NUMBER(MODULES_VADDR)", "0x%llx", KLINK - (2ULL << 30));
	fake_vmci(f, "NUMBER(MODULES_END)", "0x%llx", KLINK);
	fake_vmci(f, "NUMBER(KERNEL_LINK_ADDR)", "0x%llx", KLINK);
	fake_vmci(f, "NUMBER(va_kernel_pa_offset)", "0x%llx",
		  (unsigned long long)off);
	fake_vmci(f, "SYMBOL(swapper_pg_dir)", "%llx", KLINK + 0x100000);
	fake_vmci(f, "SYMBOL(vmemmap)", "%llx", (unsigned long long)k->vmemmap);
	fake_vmci(f, "SYMBOL(mem_section)", "%llx",
		  (unsigned long long)(k->page_offset + ROOTS_PA - RAM));
	fake_vmci(f, "LENGTH(mem_section)", "4");
	fake_vmci(f, "SIZE(mem_section)", "16");
	fake_vmci(f, "OFFSET(mem_section.section_mem_map)", "0");
	fake_vmci(f, "NUMBER(SECTION_SIZE_BITS)", "27");
	fake_vmci(f, "NUMBER(MAX_PHYSMEM_BITS)", "56");
	fake_vmci(f, "SIZE(page)", "64");
	fake_vmci(f, "OFFSET(page.flags)", "0");
	fake_vmci(f, "OFFSET(page.lru)", "8");
	fake_vmci(f, "OFFSET(page._refcount)", "52");
	fake_vmci(f, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", "-268435456");

	/* swapper_pg_dir in the image; tables come from 0x81000000. */
	k->swapper_pa = KPHYS + 0x100000;
	fake_w64(f, k->swapper_pa, 0);
	for (a = 0; a < 4096; a += 8)
		fake_w64(f, k->swapper_pa + a, 0);
	/* Linear map of RAM with 2M leaves; kernel text 2M RX. */
	for (a = 0; a < RAM_SIZE; a += SZ_2M) {
		uint64_t bits = a == KPHYS - RAM ? (RVMM_PTE_R | RVMM_PTE_X |
						    RVMM_PTE_G | RVMM_PTE_A)
						 : rw;

		fake_map(f, k->swapper_pa, levels, k->page_offset + a, RAM + a,
			 levels - 2, bits);
	}
	/* Kernel image: 2 x 2M. */
	fake_map(f, k->swapper_pa, levels, KLINK, KPHYS, levels - 2,
		 RVMM_PTE_R | RVMM_PTE_X | RVMM_PTE_G | RVMM_PTE_A);
	fake_map(f, k->swapper_pa, levels, KLINK + SZ_2M, KPHYS + SZ_2M,
		 levels - 2, rw);
	/* vmemmap: one 2M PMD leaf = memmap of section 16. */
	fake_map(f, k->swapper_pa, levels, k->vmemmap_start, MEMMAP_PA,
		 levels - 2, rw);
	/* mem_section roots: root 0 holds section 16. */
	root0 = ROOTS_PA + 4096;
	k->ms_root_pa = root0;
	fake_w64(f, ROOTS_PA, k->page_offset + root0 - RAM);
	fake_w64(f, ROOTS_PA + 8, 0);
	fake_w64(f, root0 + 16 * 16, k->vmemmap | 0xf); /* P M O E */

	/* Variables the fallbacks read. */
	kmap = KLINK + 0x180000;
	fake_sym(f, "kernel_map", kmap);
	fake_w64(f, kmap - off + 0, k->page_offset);
	fake_w64(f, kmap - off + 8, KLINK);
	fake_w64(f, kmap - off + 24, KPHYS);
	fake_w64(f, kmap - off + 40, k->page_offset - RAM);
	fake_w64(f, kmap - off + 48, off);
	fake_sym(f, "phys_ram_base", KLINK + 0x181000);
	fake_w64(f, KPHYS + 0x181000, RAM);
	fake_sym(f, "pgtable_l4_enabled", KLINK + 0x181008);
	fake_sym(f, "pgtable_l5_enabled", KLINK + 0x181009);
	fake_w64(f, KPHYS + 0x181008, (levels >= 4) | (levels == 5) << 8);
	fake_sym(f, "vmemmap_start_pfn", KLINK + 0x181010);
	fake_w64(f, KPHYS + 0x181010, RAM >> 12);
	fake_sym(f, "swapper_pg_dir", KLINK + 0x100000);
	fake_sym(f, "mem_section", KLINK + 0x181018);
	fake_w64(f, KPHYS + 0x181018, k->page_offset + ROOTS_PA - RAM);
	fake_sym(f, "contig_page_data", KLINK + 0x182000);
	fake_w64(f, MEMMAP_PA, 0);
}

/* struct printk_ringbuffer and friends, laid out as a 64-bit 6.12 kernel. */
void fake_printk_layout(struct fake *f)
{
	fake_member(f, "printk_ringbuffer", "desc_ring", 0);
	fake_member(f, "printk_ringbuffer", "text_data_ring", 48);
	fake_member(f, "prb_desc_ring", "count_bits", 0);
	fake_member(f, "prb_desc_ring", "descs", 8);
	fake_member(f, "prb_desc_ring", "infos", 16);
	fake_member(f, "prb_desc_ring", "head_id", 24);
	fake_member(f, "prb_desc_ring", "tail_id", 32);
	fake_member(f, "prb_data_ring", "size_bits", 0);
	fake_member(f, "prb_data_ring", "data", 8);
	fake_size(f, "prb_desc", 24);
	fake_member(f, "prb_desc", "state_var", 0);
	fake_member(f, "prb_desc", "text_blk_lpos", 8);
	fake_member(f, "prb_data_blk_lpos", "begin", 0);
	fake_member(f, "prb_data_blk_lpos", "next", 8);
	fake_size(f, "printk_info", 88);
	fake_member(f, "printk_info", "seq", 0);
	fake_member(f, "printk_info", "ts_nsec", 8);
	fake_member(f, "printk_info", "text_len", 16);
	fake_member(f, "printk_info", "caller_id", 20);
}

void fake_printk_ring(struct fake *f, uint32_t count_bits, uint32_t size_bits,
		      uint64_t head_id, uint64_t tail_id)
{
	fake_printk_layout(f);
	fake_sym(f, "prb", IMG(RB - 8));
	fake_w64(f, PA(RB - 8), IMG(RB));
	fake_w32(f, PA(RB), count_bits);
	fake_w64(f, PA(RB) + 8, IMG(DESCS));
	fake_w64(f, PA(RB) + 16, IMG(INFOS));
	fake_w64(f, PA(RB) + 24, head_id);
	fake_w64(f, PA(RB) + 32, tail_id);
	fake_w32(f, PA(RB) + 48, size_bits);
	fake_w64(f, PA(RB) + 56, IMG(DATA));
}

// SPDX-License-Identifier: GPL-2.0
/* The kernel functions triage and the fix detector know, with their history. */
#include <string.h>

#include "kfuncs.h"

/*
 * Every spelling each step has had, checked against the kernel sources
 * (include/linux/mm.h, include/asm-generic/pgalloc.h, arch/riscv/mm/init.c
 * and arch/riscv/include/asm/pgalloc.h):
 *  - v6.6 (ptdesc conversion) to v6.13: pagetable_pmd_dtor() calls
 *    pmd_ptlock_free(), which holds VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)
 *    under TRANSPARENT_HUGEPAGE (before v6.6 the dtor was
 *    pgtable_pmd_page_dtor(), on a struct page).  It inlines
 *    pmd_ptlock_free, ptlock_free, __folio_clear_pgtable and
 *    lruvec_stat_sub_folio; without DEBUG_VM GCC keeps it out of line.
 *  - c75a74f4ba19 (v6.11, riscv memory hot-remove) added free_pmd_table(),
 *    called by remove_pud_mapping() <- remove_p4d_mapping() <-
 *    remove_pgd_mapping() <- vmemmap_free()/remove_linear_mapping();
 *    21f1b85c8912 (v6.13) gave free_pmd_table() its is_vmemmap parameter.
 *  - "mm: pgtable: introduce pagetable_dtor()" (Qi Zheng, v6.14) merged
 *    pagetable_{pte,pmd,pud,p4d}_dtor() into pagetable_dtor(), which calls
 *    ptlock_free() itself: pmd_ptlock_free() and its VM_BUG_ON_PAGE are
 *    gone (pagetable_dtor_free() = dtor + free came with the series).
 *  - the newest arch/riscv/mm/init.c read (after v6.14, pagetable_dtor()),
 *    and a riscv series posted in November 2025 against the v6.18 tree
 *    ("riscv: mm: Always use page table accessor functions"), still spell
 *    free_pmd_table and remove_{pud,p4d,pgd}_mapping so.
 *  - later pagetable_dtor() bodies (pt_flags, memcg accounting) keep the
 *    name.
 * The destructors of the other levels are here for the code search only:
 * when their bodies are identical the compiler folds them into one with
 * several symbols, and a call may name any of them.  Within a fix role
 * the order is the order the code search tries them.
 */
const struct rvmm_kfunc rvmm_kfuncs[] = {
	{"pmd_ptlock_free", RVMM_ROLE_PTLOCK_FREE, RVMM_FIXROLE_UNKNOWN,
	 "include/linux/mm.h"},
	{"ptlock_free", RVMM_ROLE_PTLOCK_FREE, RVMM_FIXROLE_UNKNOWN, NULL},
	{"pagetable_pmd_dtor", RVMM_ROLE_DTOR, RVMM_FIXROLE_DTOR, NULL},
	{"pagetable_dtor", RVMM_ROLE_DTOR, RVMM_FIXROLE_DTOR, NULL},
	{"pgtable_pmd_page_dtor", RVMM_ROLE_DTOR, RVMM_FIXROLE_DTOR, NULL},
	{"pagetable_pte_dtor", RVMM_ROLE_NONE, RVMM_FIXROLE_DTOR, NULL},
	{"pagetable_pud_dtor", RVMM_ROLE_NONE, RVMM_FIXROLE_DTOR, NULL},
	{"pagetable_p4d_dtor", RVMM_ROLE_NONE, RVMM_FIXROLE_DTOR, NULL},
	{"pgtable_pte_page_dtor", RVMM_ROLE_NONE, RVMM_FIXROLE_DTOR, NULL},
	{"free_pmd_table", RVMM_ROLE_FREE_PMD_TABLE, RVMM_FIXROLE_UNKNOWN,
	 NULL},
	{"remove_pud_mapping", RVMM_ROLE_TEARDOWN, RVMM_FIXROLE_UNKNOWN, NULL},
	{"remove_p4d_mapping", RVMM_ROLE_TEARDOWN, RVMM_FIXROLE_UNKNOWN, NULL},
	{"remove_pgd_mapping", RVMM_ROLE_TEARDOWN, RVMM_FIXROLE_UNKNOWN, NULL},
	{"pmd_free", RVMM_ROLE_CALLER, RVMM_FIXROLE_UNKNOWN, NULL},
	{"pud_free_pmd_page", RVMM_ROLE_CALLER, RVMM_FIXROLE_UNKNOWN, NULL},
	{"__pmd_free_tlb", RVMM_ROLE_CALLER, RVMM_FIXROLE_UNKNOWN, NULL},
	{"riscv_tlb_remove_ptdesc", RVMM_ROLE_CALLER, RVMM_FIXROLE_UNKNOWN,
	 NULL},
	{"pagetable_dtor_free", RVMM_ROLE_CALLER, RVMM_FIXROLE_DTOR_FREE, NULL},
	{"pagetable_pmd_dtor_free", RVMM_ROLE_NONE, RVMM_FIXROLE_DTOR_FREE,
	 NULL},
	{"free_reserved_page", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"pagetable_free", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"__free_pages", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"free_pages", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"__free_page", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"free_page", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	{"free_pages_exact", RVMM_ROLE_NONE, RVMM_FIXROLE_FREE, NULL},
	/* called on the way, neither destructor nor free */
	{"pud_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pmd_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"p4d_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pgd_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"page_ptdesc", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"virt_to_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pud_clear", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"set_pud", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"dump_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"__warn_printk", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"report_bug", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"flush_tlb_all", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pud_pgtable", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pmd_none", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pud_none", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"PageReserved", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"__page_to_pfn", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"pfn_to_page", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"__fortify_panic", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
	{"panic", RVMM_ROLE_NONE, RVMM_FIXROLE_OTHER, NULL},
};

const size_t rvmm_nr_kfuncs = sizeof(rvmm_kfuncs) / sizeof(rvmm_kfuncs[0]);

const struct rvmm_kfunc *rvmm_kfunc_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < rvmm_nr_kfuncs; i++)
		if (strlen(rvmm_kfuncs[i].name) == len &&
		    !strncmp(rvmm_kfuncs[i].name, name, len))
			return &rvmm_kfuncs[i];
	return NULL;
}

enum rvmm_fixrole rvmm_fixrole(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t n = dot ? (size_t)(dot - name) : strlen(name);
	const struct rvmm_kfunc *k = rvmm_kfunc_find(name, n);

	return k ? k->fix : RVMM_FIXROLE_UNKNOWN;
}

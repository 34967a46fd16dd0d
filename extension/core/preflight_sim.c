// SPDX-License-Identifier: GPL-2.0
/*
 * A dry run of arch/riscv/mm/init.c's teardown (Linux 6.12.x):
 * remove_pgd_mapping -> remove_p4d/pud/pmd/pte_mapping clear every
 * present entry the range touches (a leaf is cleared whole, even when the
 * range covers only part of it), then free_pte_table (always),
 * free_pmd_table (only when pgtable_l4_enabled) and free_pud_table (only
 * when pgtable_l5_enabled) free a table once all of its 512 entries are
 * none.  The root is never freed, nor is a P4D table; so a table is
 * freeable iff it sits at level index 2 or deeper: Sv39 frees PTE tables
 * only, Sv48 PTE and PMD tables, Sv57 PTE, PMD and PUD tables.
 * Only free_pte_table and free_pmd_table call a dtor; with 21f1b85c8912
 * free_pmd_table skips it for vmemmap (is_vmemmap).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "fixcode.h"
#include "preflight_sim.h"

const char *rvmm_pf_outcome_str(enum rvmm_pf_outcome o)
{
	static const char *const names[] = {"ok", "unknown", "silent", "oops",
					    "BUG"};

	return o <= RVMM_PF_BUG ? names[o] : "?";
}

void rvmm_pf_kernel_probe(const struct rvmm_session *s,
			  struct rvmm_pf_kernel *k)
{
	const struct rvmm_source *src = &s->src;
	struct rvmm_fix fx;
	uint64_t v;
	long spin;

	memset(k, 0, sizeof(*k));
	/* the one fix decision triage and audit use too */
	rvmm_fix_detect(s, &fx);
	k->fix_present = fx.present;
	k->hot_remove = fx.hot_remove;
	snprintf(k->fix_how, sizeof(k->fix_how), "by %s: %.230s",
		 rvmm_fix_evidence_str(fx.evidence), fx.detail);
	/* mm/debug.c defines (and exports) dump_mm only with DEBUG_VM. */
	k->debug_vm = src->ops->symbol &&
		      !src->ops->symbol(src->ctx, "dump_mm", &v);
	k->why_debug_vm = k->debug_vm ? "symbol dump_mm exists"
				      : "no symbol dump_mm";
	k->thp = src->ops->symbol &&
		 !src->ops->symbol(src->ctx, "transparent_hugepage_flags", &v);
	/* mm_types.h: mm_struct.pmd_huge_pte exists iff THP and not
	 * SPLIT_PMD_PTLOCKS; without THP the VM_BUG_ON is compiled out. */
	if (k->thp) {
		k->split_pmd_ptlocks =
			rvmm_member(src, "mm_struct", "pmd_huge_pte") < 0;
		k->why_split = k->split_pmd_ptlocks
				       ? "mm_struct has no pmd_huge_pte"
				       : "mm_struct has pmd_huge_pte";
	} else {
		k->split_pmd_ptlocks = -1;
		k->why_split = "no THP (no symbol transparent_hugepage_flags)";
	}
	/* ALLOC_SPLIT_PTLOCKS: spinlock_t bigger than a long */
	spin = rvmm_size(src, "spinlock_t");
	k->alloc_split_ptlocks = spin < 0 ? -1 : spin > 8;
}

/* The outcome of the dtor on table page pi (dtor known to be called). */
static enum rvmm_pf_outcome dtor_outcome(const struct rvmm_pf_kernel *k,
					 int is_pmd,
					 const struct rvmm_page_info *pi,
					 const char **why)
{
	if (is_pmd && pi->rr == RVMM_READ_OK && pi->lru_prev && k->debug_vm &&
	    k->thp && k->split_pmd_ptlocks == 1) {
		*why = "pagetable_pmd_dtor -> pmd_ptlock_free: VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte), pmd_huge_pte is not NULL";
		return RVMM_PF_BUG;
	}
	switch (pi->verdict) {
	case RVMM_TV_CONSTRUCTED:
		*why = "constructed: the dtor undoes its ctor";
		return RVMM_PF_OK;
	case RVMM_TV_NOT_CONSTRUCTED:
		break;
	default:
		*why = pi->why;
		return RVMM_PF_UNKNOWN;
	}
	if (k->alloc_split_ptlocks == 1 &&
	    (!is_pmd || k->split_pmd_ptlocks != 0)) {
		*why = "not constructed: ptlock_free frees page->private, which holds no lock pointer (ALLOC_SPLIT_PTLOCKS)";
		return RVMM_PF_OOPS;
	}
	if (pi->ptype != RVMM_PT_NONE && pi->ptype != RVMM_PT_TABLE &&
	    k->debug_vm) {
		*why = "not constructed and typed otherwise: __folio_clear_pgtable hits VM_BUG_ON_FOLIO";
		return RVMM_PF_BUG;
	}
	*why = "not constructed: no BUG, but the dtor lowers NR_PAGETABLE for a page never counted (PageTables drifts low)";
	return RVMM_PF_SILENT;
}

static void judge(const struct rvmm_session *s, const struct rvmm_pf_kernel *k,
		  int is_vmemmap, struct rvmm_pf_table *t)
{
	int levels = s->layout.levels, is_pmd = t->depth == levels - 2;
	enum rvmm_pf_outcome with_dtor;
	const char *why;

	t->kind = rvmm_level_name(levels, t->depth);
	if (t->depth == levels - 1)
		t->dtor = 1; /* free_pte_table */
	else if (is_pmd) /* free_pmd_table */
		t->dtor = !is_vmemmap	       ? 1
			  : k->fix_present < 0 ? -1
					       : !k->fix_present;
	else
		t->dtor = 0; /* free_pud_table has none */
	rvmm_page_decode(s, t->table_pa >> RVMM_PAGE_SHIFT, is_pmd, &t->pi);
	if (!t->dtor) {
		t->outcome = RVMM_PF_OK;
		t->why = is_pmd ? "vmemmap PMD table: the fix skips the dtor"
				: "freed without a dtor";
		return;
	}
	with_dtor = dtor_outcome(k, is_pmd, &t->pi, &why);
	t->outcome = with_dtor;
	t->why = why;
	if (t->dtor < 0 && with_dtor != RVMM_PF_OK) {
		t->outcome = RVMM_PF_UNKNOWN;
		t->why =
			with_dtor == RVMM_PF_BUG
				? "kernel BUG unless the kernel has 21f1b85c8912 (fix presence unknown)"
				: "silent corruption unless the kernel has 21f1b85c8912 (fix presence unknown)";
	}
}

/*
 * The replay rides on rvmm_walk_post, so it inherits the walker's bounds:
 * each table entered once, cycles and shared tables reported and not
 * followed, the table cap.  Whether a table ends up all none can only be
 * told once everything below it is judged, hence the post-order event.
 */
struct sim {
	const struct rvmm_session *s;
	const struct rvmm_pf_kernel *k;
	struct rvmm_pf_part *p;
	/* per level, the table being walked and which of its entries led
	 * to a table the removal frees */
	uint64_t table_pa[RVMM_MAX_LEVELS];
	uint64_t freed_child[RVMM_MAX_LEVELS][RVMM_PTRS_PER_TABLE / 64];
};

static void record(struct sim *m, int depth, uint64_t table_pa,
		   uint64_t entry_pa, uint64_t va, uint64_t size)
{
	struct rvmm_pf_part *p = m->p;
	struct rvmm_pf_table *t;

	if (p->nr == RVMM_PF_MAX_TABLES) {
		p->truncated = 1;
		return;
	}
	t = &p->t[p->nr++];
	memset(t, 0, sizeof(*t));
	t->depth = depth;
	t->table_pa = table_pa;
	t->entry_pa = entry_pa;
	t->va = va;
	t->size = size;
	judge(m->s, m->k, p->is_vmemmap, t);
	if (t->outcome > p->worst)
		p->worst = t->outcome;
}

static int child_freed(const struct sim *m, int depth, int i)
{
	return (m->freed_child[depth][i / 64] >> (i % 64)) & 1;
}

/*
 * Returns 1 when every entry of the table at depth is none after the
 * removal: the range's leaves are cleared (counted here, reserved
 * encodings included, since the kernel clears any present leaf), tables
 * below count as none only when they were freed themselves.
 */
static int table_left_empty(struct sim *m, const struct rvmm_visit *v)
{
	const struct rvmm_layout *l = &m->s->layout;
	uint64_t esz = rvmm_level_size(l->levels, v->level), va;
	struct rvmm_pf_part *p = m->p;
	struct rvmm_pte pte;
	int i, empty = 1;

	for (i = 0; i < RVMM_PTRS_PER_TABLE; i++) {
		if (!v->entries[i])
			continue;
		va = v->va + i * esz;
		if (!v->level)
			va = rvmm_canonical(l, va);
		if (va > p->va_end - 1 || va + (esz - 1) < p->va_start) {
			empty = 0; /* outside the range: kept */
			continue;
		}
		rvmm_pte_decode(v->entries[i], &pte);
		if (pte.kind == RVMM_PTE_NONE) {
			empty = 0; /* not present: skipped, not none */
		} else if (pte.kind == RVMM_PTE_LEAF) {
			if (!v->level) { /* remove_pgd_mapping skips leaves */
				empty = 0;
				continue;
			}
			p->leaves++;
			p->leaf_bytes += esz;
			if (va < p->va_start || va + (esz - 1) > p->va_end - 1)
				p->partial_leaves++;
		} else if (!child_freed(m, v->level, i)) {
			/* kept, or never entered: unreadable, a cycle, shared,
			 * reserved bits, or a table bit at the PTE level */
			empty = 0;
		}
	}
	return empty;
}

static int sim_visit(void *arg, const struct rvmm_visit *v)
{
	struct sim *m = arg;
	struct rvmm_pf_part *p = m->p;
	int parent = v->level - 1, idx;

	switch (v->kind) {
	case RVMM_VISIT_TABLE:
		m->table_pa[v->level] = v->pa;
		memset(m->freed_child[v->level], 0,
		       sizeof(m->freed_child[v->level]));
		break;
	case RVMM_VISIT_ANOMALY:
		if (v->anomaly == RVMM_AN_READ_ERROR ||
		    v->anomaly == RVMM_AN_NOT_IN_DUMP)
			p->read_errors++;
		else if (v->anomaly == RVMM_AN_CYCLE)
			p->cycles++;
		else if (v->anomaly == RVMM_AN_SHARED)
			p->shared++;
		break;
	case RVMM_VISIT_TABLE_DONE:
		/* the root and P4D tables are never freed */
		if (!table_left_empty(m, v) || v->level < 2)
			break;
		record(m, v->level, v->pa, v->entry_pa, v->va,
		       rvmm_level_size(m->s->layout.levels, parent));
		idx = (int)((v->entry_pa - m->table_pa[parent]) / 8);
		m->freed_child[parent][idx / 64] |= 1ULL << (idx % 64);
		break;
	case RVMM_VISIT_LEAF:
		break; /* counted with the table's other entries */
	}
	return 0;
}

void rvmm_pf_simulate(const struct rvmm_session *s,
		      const struct rvmm_pf_kernel *k, struct rvmm_pf_part *p)
{
	struct sim m;
	struct rvmm_walk_stats st;

	if (p->skipped || p->va_end <= p->va_start)
		return;
	memset(&m, 0, sizeof(m));
	m.s = s;
	m.k = k;
	m.p = p;
	rvmm_walk_post(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels,
		       p->va_start, p->va_end, s->opt.max_tables, sim_visit, &m,
		       &st);
	if (st.capped)
		p->capped = 1;
}

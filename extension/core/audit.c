// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table audit: every table page reachable from swapper_pg_dir,
 * with its struct page verdict (page.c), how many entries it uses, and the
 * two facts the dtor bugs turn on: a table that is free while an upper
 * entry still points to it, and a table that was never constructed in a
 * place where teardown will run a dtor on it (risk siblings: vmemmap PTE
 * tables, linear-map tables of hot-pluggable sections).
 */
#include <stdlib.h>
#include <string.h>

#include "forensics.h"
#include "internal.h"

struct au {
	const struct rvmm_session *s;
	struct rvmm_audit *a;
	int oom;
};

static struct rvmm_audit_count *
count_for(struct rvmm_audit *a, const char *region, const char *level_name)
{
	int i;

	for (i = 0; i < a->nr_counts; i++)
		if (a->count[i].region == region &&
		    a->count[i].level_name == level_name)
			return &a->count[i];
	if (a->nr_counts == RVMM_AUDIT_MAX_COUNTS)
		return NULL;
	a->count[a->nr_counts].region = region;
	a->count[a->nr_counts].level_name = level_name;
	return &a->count[a->nr_counts++];
}

/* A linear-map VA backed by a section that was hot-added (not early). */
static int hot_pluggable(const struct rvmm_session *s, uint64_t va)
{
	const struct rvmm_layout *l = &s->layout;
	struct rvmm_section sec;
	uint64_t pfn = rvmm_linear_va_to_pa(l, va) >> RVMM_PAGE_SHIFT;

	if (!s->sections.ok || l->section_size_bits <= RVMM_PAGE_SHIFT)
		return 0;
	if (rvmm_section_get(s, pfn >> (l->section_size_bits - RVMM_PAGE_SHIFT),
			     &sec))
		return 0;
	return sec.present && !sec.early;
}

static const char *risk_of(const struct rvmm_session *s,
			   const struct rvmm_fix *fix,
			   const struct rvmm_table_page *t)
{
	int levels = s->layout.levels;

	/* no hot-remove: no teardown ever runs a dtor on these */
	if (t->page.verdict != RVMM_TV_NOT_CONSTRUCTED || !t->entry_pa ||
	    fix->hot_remove == 0)
		return NULL;
	if (!strcmp(t->region, "vmemmap") && t->level == levels - 1)
		return "vmemmap PTE table never constructed: free_pte_table runs pagetable_pte_dtor on it when the range is removed";
	/* only a kernel that runs the dtor unguarded, or might: a name
	 * alone proves no guard */
	if (!strcmp(t->region, "vmemmap") && t->level == levels - 2 &&
	    !(fix->present == 1 && fix->evidence == RVMM_FIX_EV_CODE))
		return fix->present == 0
			       ? "vmemmap PMD table never constructed: this kernel's free_pmd_table runs the PMD dtor on it (fix 21f1b85c8912 absent)"
			       : "vmemmap PMD table never constructed: free_pmd_table runs the PMD dtor on it unless the code guards it (fix 21f1b85c8912 not shown in the code)";
	if (!strcmp(t->region, "linear") && t->level >= levels - 2 &&
	    hot_pluggable(s, t->va))
		return "linear-map table of a hot-added section never constructed: hot-remove runs a dtor on it";
	return NULL;
}

static void classify(struct au *u, struct rvmm_table_page *t)
{
	struct rvmm_audit_count *c = count_for(u->a, t->region, t->level_name);

	t->free_but_referenced = t->page.rr == RVMM_READ_OK &&
				 t->page.is_free && t->entry_pa;
	t->risk = risk_of(u->s, &u->a->fix, t);
	u->a->free_referenced += t->free_but_referenced;
	u->a->risks += t->risk != NULL;
	if (!c)
		return;
	c->total++;
	switch (t->page.verdict) {
	case RVMM_TV_CONSTRUCTED:
		c->constructed++;
		break;
	case RVMM_TV_NOT_CONSTRUCTED:
		c->not_constructed++;
		break;
	case RVMM_TV_FREE:
		c->free_++;
		break;
	case RVMM_TV_UNKNOWN:
		c->unknown++;
		break;
	}
}

/* A table starting in a hole (fixmap, PCI I/O) is named by its end. */
static const char *region_of_table(const struct rvmm_session *s,
				   const struct rvmm_visit *v)
{
	const char *r = rvmm_region_of(&s->layout, v->va);

	if (!v->entry_pa)
		return "root";
	if (!strcmp(r, "unmapped-hole"))
		r = rvmm_region_of(&s->layout, v->va + v->size - 1);
	return r;
}

static int visit(void *arg, const struct rvmm_visit *v)
{
	struct au *u = arg;
	struct rvmm_audit *a = u->a;
	uint64_t e[RVMM_PTRS_PER_TABLE];
	struct rvmm_table_page *t;
	unsigned int i;

	if (v->kind != RVMM_VISIT_TABLE)
		return 0;
	if (a->nr == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 256;

		t = realloc(a->t, cap * sizeof(*t));
		if (!t) {
			u->oom = 1;
			return 1;
		}
		a->t = t;
		a->cap = cap;
	}
	t = &a->t[a->nr++];
	memset(t, 0, sizeof(*t));
	t->level = v->level;
	t->level_name = v->level_name;
	t->region = region_of_table(u->s, v);
	t->pa = v->pa;
	t->va = v->va;
	t->entry_pa = v->entry_pa;
	t->read_ok = u->s->src.ops->read_phys(u->s->src.ctx, v->pa, e,
					      sizeof(e)) == RVMM_READ_OK;
	for (i = 0; t->read_ok && i < RVMM_PTRS_PER_TABLE; i++)
		t->used += e[i] != 0;
	rvmm_page_decode(u->s, v->pa >> RVMM_PAGE_SHIFT,
			 v->level == u->s->layout.levels - 2, &t->page);
	classify(u, t);
	return 0;
}

int rvmm_audit_run(const struct rvmm_session *s, struct rvmm_audit *a)
{
	struct au u = {s, a, 0};

	memset(a, 0, sizeof(*a));
	rvmm_fix_detect(s, &a->fix);
	rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels, 0, 0,
		  s->opt.max_tables, visit, &u, &a->walk);
	rvmm_pgtable_stat(s, &a->stat);
	return u.oom ? -1 : 0;
}

void rvmm_audit_free(struct rvmm_audit *a)
{
	free(a->t);
	memset(a, 0, sizeof(*a));
}

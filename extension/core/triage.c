// SPDX-License-Identifier: GPL-2.0
/*
 * Triage, the fact-gathering half: every fact rvmm_triage_decide() needs,
 * read from the dump through the session, each recorded as an evidence
 * line.  A fact that cannot be established stays -1 and its evidence line
 * (kind "missing") says what is missing; nothing here guesses.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "filtering.h"
#include "forensics.h"
#include "internal.h"

#define MAX_SITES 64

struct tr {
	const struct rvmm_session *s;
	struct rvmm_triage *t;
	struct rvmm_triage_facts *f;
	struct rvmm_log log;
	struct rvmm_log_facts lf;
};

static void fix_present(struct tr *r)
{
	struct rvmm_fix fx;

	rvmm_fix_detect(r->s, &fx);
	r->f->hot_remove = fx.hot_remove;
	if (fx.hot_remove == 0)
		rvmm_evidence(
			r->t, "hot-remove",
			"this kernel has no riscv memory hot-remove (no arch_remove_memory symbol)");
	r->f->fix_present = fx.present;
	r->f->fix_evidence = fx.evidence;
	rvmm_evidence(r->t, fx.present < 0 ? "missing" : "fix", "%s",
		      fx.detail);
}

static void identity(struct tr *r)
{
	const struct rvmm_identity *id = &r->s->identity;

	r->f->other_build = id->verdict == RVMM_ID_DIFFERENT ? 1
			    : id->verdict == RVMM_ID_SAME    ? 0
							     : -1;
	if (id->msg[0])
		rvmm_evidence(r->t,
			      id->verdict == RVMM_ID_DIFFERENT ? "warning"
			      : id->verdict == RVMM_ID_SAME    ? "identity"
							       : "missing",
			      "%s", id->msg);
}

static void paging(struct tr *r)
{
	static const char *const name[] = {"sv39", "sv48", "sv57"};
	int levels = r->s->layout.levels;

	r->f->levels = levels;
	r->t->paging_mode = levels >= 3 && levels <= 5 ? name[levels - 3]
						       : "unknown";
	rvmm_evidence(
		r->t, "paging-mode", "%s: %s", r->s->layout.mode,
		r->f->hot_remove == 0 ? "no hot-remove, so no free_pmd_table"
		: levels >= 4
			? "free_pmd_table runs on hot-remove (pgtable_l4_enabled)"
			: "PMD tables are never freed (free_pmd_table needs pgtable_l4_enabled)");
}

/*
 * The trapping pc of a BUG printed without DEBUG_BUGVERBOSE: epc, else the
 * %pB symbol+offset of the "Kernel BUG at" line, else its bare address.
 */
static int bug_pc(struct tr *r, uint64_t *pc)
{
	const struct rvmm_log_facts *lf = &r->lf;
	uint64_t sym;

	if (lf->has_epc) {
		*pc = lf->epc;
		return 0;
	}
	if (lf->bug_sym[0] && !rvmm_symbol(&r->s->src, lf->bug_sym, &sym)) {
		*pc = sym + lf->bug_sym_off;
		return 0;
	}
	if (lf->has_bug_addr) {
		*pc = lf->bug_addr;
		return 0;
	}
	rvmm_evidence(
		r->t, "missing",
		"BUG site not resolved: the kernel has no DEBUG_BUGVERBOSE and the log gives no epc, no resolvable symbol (%s) and no address",
		lf->bug_sym[0] ? lf->bug_sym : "none");
	return -1;
}

/* A site in the teardown: free_pmd_table or the walk above it, by role. */
static int in_teardown(const struct rvmm_bug_site *b)
{
	int a = rvmm_bug_site_role(b, RVMM_ROLE_FREE_PMD_TABLE);
	int w = rvmm_bug_site_role(b, RVMM_ROLE_TEARDOWN);

	return a == 1 || w == 1 ? 1 : a < 0 || w < 0 ? -1 : 0;
}

/* The trapping site names the ptlock-free step of a header: mm.h's. */
static void site_file(struct tr *r, const struct rvmm_bug_site *b)
{
	const char *file;
	int k;

	for (k = 0; k < b->nr_chain; k++) {
		file = rvmm_role_file(b->chain[k]);
		if (file && strstr(file, "include/linux/mm.h"))
			r->f->bug_is_mm_h = 1;
	}
}

static void sites(struct tr *r)
{
	struct rvmm_bug_site site[MAX_SITES];
	const struct rvmm_log_facts *lf = &r->lf;
	struct rvmm_triage_facts *f = r->f;
	unsigned long scanned;
	char where[160], chain[RVMM_CHAIN_MAX * (RVMM_FUNC_LEN + 4)];
	struct rvmm_error err;
	int n, i, k, dtor = 0, shown = 0, step_unknown = 0;
	uint64_t pc = 0;

	/* without DEBUG_BUGVERBOSE the table has no file or line: by pc */
	if (lf->bug_no_file) {
		if (bug_pc(r, &pc))
			return;
		snprintf(where, sizeof(where), "pc 0x%016" PRIx64, pc);
		n = rvmm_bug_sites_at(r->s, pc, site, MAX_SITES, &scanned,
				      &err);
	} else {
		snprintf(where, sizeof(where), "%s:%d", lf->bug_file,
			 lf->bug_line);
		n = rvmm_bug_sites(r->s, lf->bug_file, lf->bug_line, site,
				   MAX_SITES, &scanned, &err);
	}
	if (n < 0) {
		rvmm_evidence(r->t, "missing", "BUG site not resolved: %s",
			      err.msg);
		return;
	}
	if (!n) {
		rvmm_evidence(
			r->t, "missing",
			"no __bug_table entry at %s among %lu%s", where,
			scanned,
			r->s->identity.verdict == RVMM_ID_SAME
				? " of this very build"
				: ": the vmlinux's build is not confirmed (see identity)");
		return;
	}
	f->site_resolved = 1;
	f->site_is_pmd_dtor = f->site_in_teardown = f->epc_matches_site = 0;
	for (i = 0; i < n && i < MAX_SITES; i++) {
		struct rvmm_bug_site *b = &site[i];
		int step = rvmm_bug_site_role(b, RVMM_ROLE_PTLOCK_FREE);
		int is_dtor = step == 1;
		int at_epc = lf->has_epc && lf->epc == b->bug_addr;
		/* found by the trapping pc: the one that trapped */
		int at_trap = at_epc || lf->bug_no_file;

		if (b->nr_chain < 0 && !b->func[0]) {
			f->site_resolved = -1;
			continue;
		}
		dtor += is_dtor;
		step_unknown |= step < 0;
		if (at_trap) {
			f->epc_matches_site = at_epc;
			f->site_is_pmd_dtor = step;
			f->site_in_teardown = step == 1	 ? in_teardown(b)
					      : step < 0 ? -1
							 : 0;
			if (is_dtor && lf->bug_no_file)
				site_file(r, b);
		}
		if (!at_trap && (shown >= 3 || !is_dtor))
			continue;
		shown++;
		chain[0] = '\0';
		for (k = 0; k < b->nr_chain; k++)
			snprintf(chain + strlen(chain),
				 sizeof(chain) - strlen(chain), "%s%s",
				 k ? " <- " : "", b->chain[k]);
		rvmm_evidence(r->t, "bug-site",
			      "%s -> 0x%016" PRIx64 " %s+0x%" PRIx64 "%s%s%s",
			      where, b->bug_addr, b->func[0] ? b->func : "?",
			      b->func_off,
			      at_epc	? " (= epc)"
			      : at_trap ? " (= the Kernel BUG pc)"
					: "",
			      b->nr_chain > 0 ? ", inlined: " : "", chain);
	}
	if (f->site_resolved < 0) {
		rvmm_evidence(
			r->t, "missing",
			"this front end cannot map addresses to functions: BUG site unresolved");
		return;
	}
	rvmm_evidence(
		r->t, "bug-site",
		"%d __bug_table entries at %s, %d of them pmd_ptlock_free's VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)",
		n, where, dtor);
	if (!lf->has_epc && !lf->bug_no_file) {
		/* without epc, any dtor site in the teardown will do */
		f->site_is_pmd_dtor = dtor > 0 ? 1 : step_unknown ? -1 : 0;
		for (i = 0; i < n && i < MAX_SITES; i++) {
			int d;

			if (rvmm_bug_site_role(&site[i],
					       RVMM_ROLE_PTLOCK_FREE) != 1)
				continue;
			d = in_teardown(&site[i]);
			if (d == 1)
				f->site_in_teardown = 1;
			else if (d < 0 && !f->site_in_teardown)
				f->site_in_teardown = -1;
		}
	}
}

/*
 * Before 5.x the page dump printed no pfn, only the struct page pointer
 * (raw with %px, hashed with %p): the pfn is that pointer's, if it is a
 * struct page in vmemmap.  Else the PMD table stays unknown.
 */
static void page_pfn_from_ptr(struct tr *r)
{
	struct rvmm_log_facts *lf = &r->lf;
	char ptr[24], num[24];
	uint64_t pfn;

	if (lf->has_page_ptr &&
	    !rvmm_page_to_pfn(&r->s->layout, lf->page_ptr, &pfn)) {
		lf->page_pfn = pfn;
		lf->has_page_pfn = 1;
		snprintf(ptr, sizeof(ptr), "0x%016" PRIx64, lf->page_ptr);
		snprintf(num, sizeof(num), "0x%" PRIx64, pfn);
		rvmm_evidence(
			r->t, "page-dump",
			"no pfn printed: pfn %s from the struct page pointer %s",
			num, ptr);
		return;
	}
	lf->has_page_dump = 0;
	rvmm_evidence(
		r->t, "missing",
		"the page dump prints no pfn%s: PMD table unknown",
		lf->has_page_ptr
			? " and its struct page pointer is hashed or not in vmemmap"
			: "");
}

#define NO_VERBOSE " [verbose debug info unavailable]"

static void log_bug(struct tr *r)
{
	const struct rvmm_log_facts *lf = &r->lf;
	struct rvmm_triage_facts *f = r->f;
	static const char *const path[] = {
		"vmemmap_free",	  "section_deactivate", "__remove_pages",
		"memunmap_pages", "arch_remove_memory",
	};
	char seen[160] = "";
	unsigned int i;
	uint64_t sym;

	f->bug_in_log = lf->has_bug;
	if (!lf->has_bug) {
		rvmm_evidence(
			r->t, "log",
			"no \"kernel BUG at\" in the kernel log (%zu lines)",
			r->log.nr);
		return;
	}
	if (lf->bug_no_file) {
		/* no file: the site tells (sites(), from the pc) */
		f->bug_is_mm_h = -1;
		if (lf->bug_sym[0])
			rvmm_evidence(r->t, "log",
				      "Kernel BUG at %s+0x%" PRIx64 "%s",
				      lf->bug_sym, lf->bug_sym_off, NO_VERBOSE);
		else
			rvmm_evidence(r->t, "log",
				      "Kernel BUG at 0x%016" PRIx64 "%s",
				      lf->bug_addr, NO_VERBOSE);
		if (lf->has_epc && lf->bug_sym[0] &&
		    !rvmm_symbol(&r->s->src, lf->bug_sym, &sym) &&
		    sym + lf->bug_sym_off != lf->epc)
			rvmm_evidence(r->t, "log",
				      "epc is not %s+0x%" PRIx64 " (%s)",
				      lf->bug_sym, lf->bug_sym_off,
				      "the log's two trap addresses disagree");
	} else {
		f->bug_is_mm_h = strstr(lf->bug_file, "include/linux/mm.h") !=
				 NULL;
		rvmm_evidence(r->t, "log", "kernel BUG at %s:%d!", lf->bug_file,
			      lf->bug_line);
	}
	if (lf->has_epc)
		rvmm_evidence(r->t, "log", "epc 0x%016" PRIx64, lf->epc);
	if (lf->has_page_dump) {
		f->page_dump_reason =
			strstr(lf->dumped_because, "pmd_huge_pte") != NULL;
		if (!lf->has_page_pfn)
			page_pfn_from_ptr(r);
	}
	if (lf->has_page_dump) {
		f->page_known = 1;
		rvmm_evidence(r->t, "page-dump",
			      "pfn 0x%" PRIx64
			      " refcount %d, page dumped because: %s",
			      lf->page_pfn, lf->page_refcount,
			      lf->dumped_because[0] ? lf->dumped_because : "?");
		if (lf->nr_raw > 2)
			rvmm_evidence(
				r->t, "page-dump",
				"raw word 2 (lru.prev = pmd_huge_pte) 0x%016" PRIx64
				"%s",
				lf->raw[2],
				lf->raw[2] == r->s->pages.list_poison2
					? " = LIST_POISON2: buddy page never through the ctor"
					: "");
	}
	for (i = 0; i < ARRAY_SIZE(path); i++)
		if (rvmm_log_trace_has(lf, path[i]))
			snprintf(seen + strlen(seen),
				 sizeof(seen) - strlen(seen), "%s%s",
				 seen[0] ? " " : "", path[i]);
	f->trace_vmemmap_free = rvmm_log_trace_has(lf, "vmemmap_free");
	rvmm_evidence(r->t, "call-trace", "%d frames; hot-remove path: %s",
		      lf->nr_trace, seen[0] ? seen : "none");
	sites(r);
}

struct find_table {
	uint64_t pa;
	int found, level;
	uint64_t va, entry_pa, entry;
};

static int find_visit(void *arg, const struct rvmm_visit *v)
{
	struct find_table *ft = arg;

	if (v->kind != RVMM_VISIT_TABLE || v->pa != ft->pa || !v->entry_pa)
		return 0;
	ft->found = 1;
	ft->level = v->level;
	ft->va = v->va;
	ft->entry_pa = v->entry_pa;
	ft->entry = v->entry;
	return 1;
}

/* The page named by the page dump, as the dump shows it now. */
static void pmd_page(struct tr *r)
{
	const struct rvmm_session *s = r->s;
	struct rvmm_triage_facts *f = r->f;
	uint64_t pfn = r->lf.page_pfn, e[RVMM_PTRS_PER_TABLE];
	struct find_table ft = {.pa = pfn << RVMM_PAGE_SHIFT};
	struct rvmm_page_info pi;
	enum rvmm_read_result rr;
	unsigned int i, used = 0;

	r->t->has_pmd_pfn = 1;
	r->t->pmd_table_pfn = pfn;
	if (rvmm_page_decode(s, pfn, 1, &pi)) {
		rvmm_evidence(r->t, "missing",
			      "struct page of pfn 0x%" PRIx64 " (0x%016" PRIx64
			      ") %s",
			      pfn, pi.page_va,
			      pi.rr == RVMM_READ_NOT_IN_DUMP ? "not in the dump"
							     : pi.why);
	} else {
		f->page_read = 1;
		f->page_not_constructed = pi.verdict ==
						  RVMM_TV_NOT_CONSTRUCTED &&
					  pi.ptype != RVMM_PT_TABLE;
		rvmm_evidence(r->t, "pmd-table",
			      "struct page of pfn 0x%" PRIx64
			      ": page_type 0x%08" PRIx32
			      " (%s), pmd_huge_pte 0x%016" PRIx64
			      " (%s), refcount %" PRId32 ": %s",
			      pfn, pi.page_type, rvmm_ptype_str(pi.ptype),
			      pi.lru_prev,
			      rvmm_huge_pte_kind_str(pi.huge_pte_kind),
			      pi.refcount, rvmm_table_verdict_str(pi.verdict));
	}
	rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels, 0, 0,
		  s->opt.max_tables, find_visit, &ft, NULL);
	if (ft.found) {
		const char *reg = rvmm_region_of(&s->layout, ft.va);

		f->page_referenced_by_pud = !strcmp(reg, "vmemmap") &&
					    ft.level == s->layout.levels - 2;
		rvmm_evidence(r->t, "pmd-table",
			      "still referenced: %s entry at PA 0x%016" PRIx64
			      " = 0x%016" PRIx64 " maps %s VA 0x%016" PRIx64
			      " through it (free_pmd_table had not cleared it)",
			      rvmm_level_name(s->layout.levels, ft.level - 1),
			      ft.entry_pa, ft.entry, reg, ft.va);
	} else {
		f->page_referenced_by_pud = 0;
		rvmm_evidence(
			r->t, "pmd-table",
			"no page-table entry from swapper_pg_dir points to pfn 0x%" PRIx64,
			pfn);
	}
	rr = s->src.ops->read_phys(s->src.ctx, pfn << RVMM_PAGE_SHIFT, e,
				   sizeof(e));
	if (rr != RVMM_READ_OK) {
		rvmm_evidence(r->t, "missing", "page pfn 0x%" PRIx64 " %s", pfn,
			      rr == RVMM_READ_NOT_IN_DUMP
				      ? "not in the dump (filtered out)"
				      : "not readable");
		return;
	}
	for (i = 0; i < RVMM_PTRS_PER_TABLE; i++)
		used += e[i] != 0;
	f->page_entries_empty = !used;
	rvmm_evidence(r->t, "pmd-table", "%u of 512 entries in use%s", used,
		      used ? "" : ": empty, as free_pmd_table checks");
}

static void accounting(struct tr *r)
{
	struct rvmm_pgtable_stat ps;
	struct rvmm_triage_facts *f = r->f;

	rvmm_pgtable_stat(r->s, &ps);
	if (!ps.counter_ok || !ps.scan_ok) {
		rvmm_evidence(r->t, "missing", "NR_PAGETABLE accounting: %s",
			      !ps.counter_ok ? ps.counter_err.msg
					     : ps.scan_err.msg);
		return;
	}
	f->deficit_known = 1;
	/* a lower-bound scan still proves a positive deficit */
	f->deficit_exact = ps.counter_exact &&
			   (ps.scan_complete || ps.deficit > 0);
	f->deficit = ps.deficit;
	if (!ps.counter_exact || !ps.scan_complete)
		rvmm_evidence(r->t, "missing", "a complete count: %s",
			      !ps.counter_exact ? ps.counter_err.msg
						: ps.scan_err.msg);
	rvmm_evidence(r->t, "accounting",
		      "NR_PAGETABLE %" PRId64 " vs %" PRIu64
		      " pages with page_type table: deficit %" PRId64 "%s",
		      ps.counter, ps.table_pages, ps.deficit,
		      ps.deficit > 0
			      ? " (dtor run on tables that were never counted)"
			      : "");
}

/* mem_section roots are never freed: an all-empty root outlives a
 * hot-add followed by a hot-remove of every section it covers. */
struct roots {
	struct tr *r;
	uint64_t root, nonzero, first_nr, last_nr;
	int have;
};

static void empty_root(struct roots *ro)
{
	const struct rvmm_session *s = ro->r->s;
	struct rvmm_triage_facts *f = ro->r->f;
	uint64_t pps = s->sections.pages_per_section, va;
	struct rvmm_xlate x;
	int pmd_gone;

	va = rvmm_pfn_to_page(&s->layout, ro->first_nr * pps);
	rvmm_translate(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels,
		       va, &x);
	pmd_gone = x.status == RVMM_XL_NOT_MAPPED &&
		   x.nr <= s->layout.levels - 2;
	f->removed_sections = 1;
	if (pmd_gone)
		f->removed_without_pmd = 1;
	else if (f->removed_without_pmd < 0)
		f->removed_without_pmd = 0;
	rvmm_evidence(
		ro->r->t, "sections",
		"sections 0x%" PRIx64 "-0x%" PRIx64 " (pfn 0x%" PRIx64
		"-): mem_section root allocated but all empty: memory was hot-added there and is gone again; their struct pages at 0x%016" PRIx64
		" %s",
		ro->first_nr, ro->last_nr, ro->first_nr * pps, va,
		pmd_gone ? "have no PMD table any more (upper entry empty)"
		: x.status == RVMM_XL_OK
			? "are still mapped"
			: "are unmapped, the PMD table still exists");
}

static int root_visit(void *arg, const struct rvmm_section *sec)
{
	struct roots *ro = arg;
	uint64_t root = sec->nr / ro->r->s->sections.sections_per_root;

	if (ro->have && root != ro->root) {
		if (!ro->nonzero)
			empty_root(ro);
		ro->have = 0;
	}
	if (!ro->have) {
		ro->have = 1;
		ro->root = root;
		ro->nonzero = 0;
		ro->first_nr = sec->nr;
	}
	ro->last_nr = sec->nr;
	ro->nonzero += sec->raw != 0;
	return 0;
}

static void removed_sections(struct tr *r)
{
	struct roots ro = {.r = r};
	unsigned long bad;

	if (!r->s->sections.ok) {
		rvmm_evidence(r->t, "missing", "mem_section: %s",
			      r->s->sections.err.msg);
		return;
	}
	r->f->removed_sections = 0;
	rvmm_for_each_section(r->s, 1, root_visit, &ro, &bad);
	if (ro.have && !ro.nonzero)
		empty_root(&ro);
	if (!r->f->removed_sections)
		rvmm_evidence(
			r->t, "sections",
			"no emptied mem_section root: no trace of a completed hot-remove");
}

/* A struct page address the MMU cannot reach through vmemmap. */
static void other_oops(struct tr *r)
{
	const struct rvmm_layout *l = &r->s->layout;
	uint64_t a = r->lf.fault_addr, pfn;

	if (!r->lf.has_fault)
		return;
	r->f->other_oops = 1;
	pfn = (a - l->vmemmap) / l->page_struct_size;
	r->f->oops_struct_page_out_of_range =
		(a < l->vmemmap_start || a >= l->vmemmap_end) &&
		l->max_physmem_bits > 0 &&
		pfn < 1ULL << (l->max_physmem_bits - RVMM_PAGE_SHIFT);
	if (r->f->oops_struct_page_out_of_range)
		rvmm_evidence(r->t, "oops",
			      "Unable to handle kernel %s at 0x%016" PRIx64
			      ": the struct page of pfn 0x%" PRIx64
			      ", outside VMEMMAP_START..END (0x%016" PRIx64
			      "-0x%016" PRIx64 ") in %s: a different bug",
			      r->lf.fault_kind, a, pfn, l->vmemmap_start,
			      l->vmemmap_end, l->mode);
	else
		rvmm_evidence(r->t, "oops",
			      "Unable to handle kernel %s at 0x%016" PRIx64,
			      r->lf.fault_kind, a);
}

void rvmm_triage_run(const struct rvmm_session *s, struct rvmm_triage *t)
{
	struct tr r = {.s = s, .t = t, .f = &t->facts};

	memset(t, 0, sizeof(*t));
	memset(&t->facts, 0xff, sizeof(t->facts)); /* all -1: unknown */
	t->facts.deficit_known = 0;
	t->facts.fix_evidence = RVMM_FIX_EV_UNKNOWN;
	identity(&r);
	fix_present(&r);
	paging(&r);
	rvmm_log_load(s, &r.log);
	t->facts.log_ok = r.log.ok;
	if (!r.log.ok) {
		rvmm_evidence(t, "missing", "kernel log: %s", r.log.err.msg);
	} else {
		rvmm_log_scan(&r.log, &r.lf);
		log_bug(&r);
		if (r.lf.has_bug && r.lf.has_page_dump)
			pmd_page(&r);
		if (r.lf.panic[0])
			rvmm_evidence(t, "log",
				      "Kernel panic - not syncing: %s",
				      r.lf.panic);
		other_oops(&r);
	}
	accounting(&r);
	removed_sections(&r);
	rvmm_log_free(&r.log);
	rvmm_triage_filtering(s, t);
	rvmm_triage_decide(t);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Triage, the deciding half: a verdict from the facts alone, so it can be
 * tested without a dump.  A match needs every link of the chain; when a
 * link is unknown (-1) the verdict is inconclusive and the summary names
 * the missing link; a link that is known to be false is a no-match.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "forensics.h"

/* Facts are written down where they are found and read here. */
void rvmm_evidence(struct rvmm_triage *t, const char *kind, const char *fmt,
		   ...)
{
	struct rvmm_evidence *e;
	va_list ap;

	if (t->nr == RVMM_EVIDENCE_MAX)
		return;
	e = &t->ev[t->nr++];
	snprintf(e->kind, sizeof(e->kind), "%s", kind);
	va_start(ap, fmt);
	vsnprintf(e->detail, sizeof(e->detail), fmt, ap);
	va_end(ap);
}

const char *rvmm_verdict_str(enum rvmm_verdict v)
{
	switch (v) {
	case RVMM_MATCH:
		return "match";
	case RVMM_NO_MATCH:
		return "no-match";
	case RVMM_INCONCLUSIVE:
		break;
	}
	return "inconclusive";
}

const char *rvmm_variant_str(enum rvmm_variant v)
{
	switch (v) {
	case RVMM_VARIANT_BUG_ON:
		return "bug-on";
	case RVMM_VARIANT_SILENT:
		return "silent";
	case RVMM_VARIANT_NONE:
		break;
	}
	return NULL;
}

static void set(struct rvmm_triage *t, enum rvmm_verdict v,
		enum rvmm_variant var, const char *why)
{
	t->verdict = v;
	t->variant = var;
	snprintf(t->summary, sizeof(t->summary), "%s", why);
}

/* The first unknown or false link of the BUG chain, or NULL if whole. */
static const char *bug_chain_gap(const struct rvmm_triage_facts *f,
				 int *known_false)
{
	static const struct {
		size_t off;
		const char *what;
	} link[] = {
		{offsetof(struct rvmm_triage_facts, site_resolved),
		 "BUG site in __bug_table"},
		{offsetof(struct rvmm_triage_facts, site_is_pmd_dtor),
		 "BUG site is pmd_ptlock_free's VM_BUG_ON_PAGE"},
		{offsetof(struct rvmm_triage_facts, site_in_teardown),
		 "BUG site inlined into remove_pgd_mapping/free_pmd_table"},
		{offsetof(struct rvmm_triage_facts, page_known),
		 "page dump naming the PMD table"},
		{offsetof(struct rvmm_triage_facts, page_read),
		 "struct page of the PMD table"},
		{offsetof(struct rvmm_triage_facts, page_not_constructed),
		 "PMD table never constructed"},
		{offsetof(struct rvmm_triage_facts, page_referenced_by_pud),
		 "PMD table still referenced from a vmemmap PUD entry"},
		{offsetof(struct rvmm_triage_facts, page_entries_empty),
		 "PMD table page contents (all entries empty)"},
	};
	unsigned int i;

	for (i = 0; i < sizeof(link) / sizeof(link[0]); i++) {
		int v = *(const int *)((const char *)f + link[i].off);

		if (v != 1) {
			*known_false = v == 0;
			return link[i].what;
		}
	}
	return NULL;
}

/* The code says the dtor is guarded (or the name says so, weakly). */
static int fix_claimed(const struct rvmm_triage_facts *f)
{
	return f->fix_present == 1;
}

static void decide_bug(struct rvmm_triage *t)
{
	const struct rvmm_triage_facts *f = &t->facts;
	char why[240];
	const char *gap;
	int is_false = 0;

	gap = bug_chain_gap(f, &is_false);
	if (!gap) {
		/*
		 * The dump shows the dtor running on a vmemmap PMD table:
		 * in this kernel the fix is absent or does not work,
		 * whatever the code or the names suggested.
		 */
		if (fix_claimed(f))
			rvmm_evidence(
				t, "fix",
				"the %s said the fix is present, but the dump shows the dtor ran on a vmemmap PMD table: the fix is absent or ineffective in this kernel",
				f->fix_evidence == RVMM_FIX_EV_CODE
					? "code"
					: "parameter name");
		t->fix_present = 0;
		t->fix_evidence = RVMM_FIX_EV_DUMP;
		set(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON,
		    "VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte) in free_pmd_table on a vmemmap PMD table that was never constructed");
		return;
	}
	if (is_false) {
		snprintf(why, sizeof(why),
			 "kernel BUG, but not this one: no %s", gap);
		set(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE, why);
		return;
	}
	snprintf(why, sizeof(why),
		 "kernel BUG that may be this one; missing: %s", gap);
	set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE, why);
}

/*
 * Without a BUG the dump shows only a count.  Its cause is ours only on a
 * kernel whose code runs the dtor unguarded on a 4/5-level walk; a fix
 * known from the parameter name alone decides nothing either way.
 */
static void decide_silent(struct rvmm_triage *t)
{
	const struct rvmm_triage_facts *f = &t->facts;
	int fix_by_code = f->fix_evidence == RVMM_FIX_EV_CODE;
	int cannot = f->levels == 3 || f->hot_remove == 0 ||
		     (fix_claimed(f) && fix_by_code);

	if (f->hot_remove == 0 && !(f->deficit_known && f->deficit > 0)) {
		set(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE,
		    "no BUG in the log, and this kernel has no riscv memory hot-remove: it never frees a vmemmap PMD table");
		return;
	}
	if (f->deficit_known && !f->deficit_exact && !cannot) {
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    "no BUG in the log; NR_PAGETABLE accounting from an incomplete count; missing: a complete count");
		return;
	}
	if (f->deficit_known && f->deficit <= 0) {
		set(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE,
		    f->other_oops == 1
			    ? "no BUG and no NR_PAGETABLE deficit; the kernel crashed on something else"
			    : "no BUG and no NR_PAGETABLE deficit");
		return;
	}
	if (!f->deficit_known) {
		if (cannot)
			set(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE,
			    "no BUG in the log and the kernel cannot take this path");
		else
			set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
			    "no BUG in the log; missing: NR_PAGETABLE accounting");
		return;
	}
	/* a deficit: is it ours? */
	if (cannot) {
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    f->hot_remove == 0
			    ? "NR_PAGETABLE deficit, but this kernel has no riscv memory hot-remove: another dtor imbalance"
		    : f->levels == 3
			    ? "NR_PAGETABLE deficit, but Sv39 never frees PMD tables: another dtor imbalance"
			    : "NR_PAGETABLE deficit, but the code guards the dtor with is_vmemmap: another dtor imbalance");
		return;
	}
	if (f->fix_present != 0) {
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    f->fix_present == 1
			    ? "NR_PAGETABLE deficit; the fix is present by its parameter name only; missing: whether the code guards the dtor"
			    : "NR_PAGETABLE deficit; missing: whether the kernel runs the dtor unguarded");
		return;
	}
	if (f->removed_without_pmd != 1) {
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    "NR_PAGETABLE deficit on an unfixed kernel; missing: a removed range whose vmemmap PMD table is gone");
		return;
	}
	set(t, RVMM_MATCH, RVMM_VARIANT_SILENT,
	    "NR_PAGETABLE deficit on an unfixed kernel after a hot-remove freed a vmemmap PMD table");
}

void rvmm_triage_decide(struct rvmm_triage *t)
{
	const struct rvmm_triage_facts *f = &t->facts;

	t->fix_present = f->fix_present;
	t->fix_evidence = f->fix_evidence;
	t->vulnerable_warning = 0;
	if (f->other_build == 1)
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    "the vmlinux is not the build that wrote this dump (--force): no verdict can be drawn from it");
	else if (f->bug_in_log == 1 &&
		 (f->bug_is_mm_h == 1 || f->page_dump_reason == 1))
		decide_bug(t);
	else if (f->log_ok != 1 && !(f->deficit_known && f->deficit > 0))
		set(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE,
		    "missing: the kernel log (cannot tell whether a BUG fired)");
	else
		decide_silent(t);
	if (t->verdict == RVMM_NO_MATCH)
		t->has_pmd_pfn = 0;
	if (t->verdict != RVMM_MATCH && f->fix_present == 0 && f->levels >= 4 &&
	    f->other_build != 1 && f->hot_remove != 0) {
		t->vulnerable_warning = 1;
		rvmm_evidence(
			t, "warning",
			"this kernel is vulnerable: free_pmd_table runs the PMD dtor without the is_vmemmap guard (fix 21f1b85c8912 absent, by %s) and %s frees PMD tables; hot-removing memory that empties a vmemmap PMD table will hit this bug",
			rvmm_fix_evidence_str(f->fix_evidence),
			f->levels == 5 ? "Sv57" : "Sv48");
	}
}

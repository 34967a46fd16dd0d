// SPDX-License-Identifier: GPL-2.0
/*
 * Every branch of the triage decision (triage_decide.c), one case each,
 * on facts alone: a broken branch changes the verdict, the variant, the
 * fix answer or the warning that a case asserts.
 */
#include <string.h>

#include "fake.h"
#include "forensics.h"

/* A complete BUG chain on a Sv57 kernel whose code lacks the guard. */
static void bug_chain(struct rvmm_triage *t)
{
	struct rvmm_triage_facts *f = &t->facts;

	memset(t, 0, sizeof(*t));
	memset(f, 0xff, sizeof(*f));
	f->levels = 5;
	f->fix_present = 0;
	f->fix_evidence = RVMM_FIX_EV_CODE;
	f->other_build = 0;
	f->log_ok = 1;
	f->bug_in_log = f->bug_is_mm_h = 1;
	f->site_resolved = f->site_is_pmd_dtor = f->site_in_teardown = 1;
	f->page_known = f->page_read = f->page_not_constructed = 1;
	f->page_referenced_by_pud = f->page_entries_empty = 1;
	f->deficit_known = 1;
	f->deficit_exact = 1;
	f->deficit = 0;
}

/* No BUG; a deficit after a hot-remove freed a vmemmap PMD table. */
static void silent(struct rvmm_triage *t)
{
	bug_chain(t);
	t->facts.bug_in_log = 0;
	t->facts.bug_is_mm_h = t->facts.page_dump_reason = -1;
	t->facts.deficit = 1;
	t->facts.removed_without_pmd = 1;
}

#define VERDICT(t, v, var)                  \
	do {                                \
		CHECK_EQ((t).verdict, v);   \
		CHECK_EQ((t).variant, var); \
	} while (0)

static void test_bug_form(void)
{
	struct rvmm_triage t;

	bug_chain(&t);
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON);
	CHECK_EQ(t.fix_present, 0);
	CHECK_EQ(t.fix_evidence, RVMM_FIX_EV_DUMP);
	CHECK(!t.vulnerable_warning);

	/* the page dump's reason alone also opens the BUG branch */
	bug_chain(&t);
	t.facts.bug_is_mm_h = 0;
	t.facts.page_dump_reason = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON);

	/* evidence before static signals: the code claimed a guard */
	bug_chain(&t);
	t.facts.fix_present = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON);
	CHECK_EQ(t.fix_present, 0);
	CHECK_EQ(t.fix_evidence, RVMM_FIX_EV_DUMP);
	CHECK(t_has_evidence(&t, "fix", "code said the fix is present"));

	/* the same with a parameter name only (partial backport) */
	bug_chain(&t);
	t.facts.fix_present = 1;
	t.facts.fix_evidence = RVMM_FIX_EV_NAME;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON);
	CHECK(t_has_evidence(&t, "fix", "parameter name"));

	/* a fix state nobody knows changes nothing when the dump shows it */
	bug_chain(&t);
	t.facts.fix_present = -1;
	t.facts.fix_evidence = RVMM_FIX_EV_UNKNOWN;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_BUG_ON);
	CHECK_EQ(t.fix_evidence, RVMM_FIX_EV_DUMP);
}

/* Each link of the chain: known false is no-match, unknown inconclusive. */
static void test_bug_links(void)
{
	static const struct {
		size_t off;
		const char *name;
	} link[] = {
		{offsetof(struct rvmm_triage_facts, site_resolved), "site"},
		{offsetof(struct rvmm_triage_facts, site_is_pmd_dtor), "dtor"},
		{offsetof(struct rvmm_triage_facts, site_in_teardown),
		 "teardown"},
		{offsetof(struct rvmm_triage_facts, page_known), "page dump"},
		{offsetof(struct rvmm_triage_facts, page_read), "struct page"},
		{offsetof(struct rvmm_triage_facts, page_not_constructed),
		 "constructed"},
		{offsetof(struct rvmm_triage_facts, page_referenced_by_pud),
		 "PUD"},
		{offsetof(struct rvmm_triage_facts, page_entries_empty),
		 "entries"},
	};
	struct rvmm_triage t;
	unsigned int i;

	for (i = 0; i < sizeof(link) / sizeof(link[0]); i++) {
		bug_chain(&t);
		*(int *)((char *)&t.facts + link[i].off) = 0;
		rvmm_triage_decide(&t);
		VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
		CHECK(!t.has_pmd_pfn);

		bug_chain(&t);
		*(int *)((char *)&t.facts + link[i].off) = -1;
		rvmm_triage_decide(&t);
		VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
		CHECK(strstr(t.summary, "missing") != NULL);
		/* the fix stays what the code said: the dump did not decide */
		CHECK_EQ(t.fix_evidence, RVMM_FIX_EV_CODE);
	}
}

static void test_other_build(void)
{
	struct rvmm_triage t;

	bug_chain(&t);
	t.facts.other_build = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "not the build") != NULL);
	CHECK(!t.vulnerable_warning);

	silent(&t);
	t.facts.other_build = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
}

static void test_silent(void)
{
	struct rvmm_triage t;

	silent(&t);
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_SILENT);
	CHECK_EQ(t.fix_evidence, RVMM_FIX_EV_CODE);

	/* no hot-remove trace */
	silent(&t);
	t.facts.removed_without_pmd = -1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	t.facts.removed_without_pmd = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);

	/* an unknown fix state never reaches a silent match */
	silent(&t);
	t.facts.fix_present = -1;
	t.facts.fix_evidence = RVMM_FIX_EV_UNKNOWN;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "unguarded") != NULL);

	/* a fix known by its name only: neither match nor dismissal */
	silent(&t);
	t.facts.fix_present = 1;
	t.facts.fix_evidence = RVMM_FIX_EV_NAME;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "name only") != NULL);

	/* the code guards the dtor: another imbalance */
	silent(&t);
	t.facts.fix_present = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "another dtor imbalance") != NULL);

	/* Sv39 never frees PMD tables */
	silent(&t);
	t.facts.levels = 3;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "Sv39") != NULL);
	CHECK(!t.vulnerable_warning);

	/* no riscv hot-remove at all (6.1): no-match, and no warning */
	silent(&t);
	t.facts.hot_remove = 0;
	t.facts.fix_present = 0;
	t.facts.deficit = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "no riscv memory hot-remove") != NULL);
	CHECK(!t.vulnerable_warning);
	/* ... and a deficit there is another imbalance */
	t.facts.deficit = 2;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "no riscv memory hot-remove") != NULL);

	/* an incomplete count */
	silent(&t);
	t.facts.deficit_exact = 0;
	t.facts.deficit = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "complete count") != NULL);
	/* ... decides nothing only where the path is possible */
	t.facts.fix_present = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
	t.facts.fix_evidence = RVMM_FIX_EV_NAME;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);

	/* no deficit */
	silent(&t);
	t.facts.deficit = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
	CHECK(t.vulnerable_warning);
	t.facts.deficit = -2;
	t.facts.other_oops = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "something else") != NULL);
}

static void test_no_count(void)
{
	struct rvmm_triage t;

	/* unknown count, path possible: inconclusive */
	silent(&t);
	t.facts.deficit_known = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "NR_PAGETABLE") != NULL);

	/* unknown count, guarded by code: no-match */
	t.facts.fix_present = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);
	CHECK(!t.vulnerable_warning);

	/* unknown count, fixed by name only: not enough to dismiss */
	t.facts.fix_evidence = RVMM_FIX_EV_NAME;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);

	/* unknown count, Sv39: no-match */
	silent(&t);
	t.facts.deficit_known = 0;
	t.facts.levels = 3;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_NO_MATCH, RVMM_VARIANT_NONE);

	/* no log and no deficit to go on */
	silent(&t);
	t.facts.log_ok = 0;
	t.facts.bug_in_log = -1;
	t.facts.deficit = 0;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_INCONCLUSIVE, RVMM_VARIANT_NONE);
	CHECK(strstr(t.summary, "kernel log") != NULL);
	/* ... but a deficit still speaks without the log */
	t.facts.deficit = 1;
	rvmm_triage_decide(&t);
	VERDICT(t, RVMM_MATCH, RVMM_VARIANT_SILENT);
}

static void test_warning(void)
{
	struct rvmm_triage t;

	silent(&t);
	t.facts.deficit = 0;
	t.facts.levels = 4;
	rvmm_triage_decide(&t);
	CHECK(t.vulnerable_warning);
	CHECK(t_has_evidence(&t, "warning", "Sv48"));
	CHECK(t_has_evidence(&t, "warning", "by code"));

	silent(&t);
	t.facts.deficit = 0;
	t.facts.fix_present = -1;
	rvmm_triage_decide(&t);
	CHECK(!t.vulnerable_warning);

	/* a match is its own warning */
	bug_chain(&t);
	rvmm_triage_decide(&t);
	CHECK(!t.vulnerable_warning);
}

int main(void)
{
	test_bug_form();
	test_bug_links();
	test_other_build();
	test_silent();
	test_no_count();
	test_warning();
	return t_report();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The printk ringbuffer decoder, the log scanner, __bug_table matching
 * and the triage decision, on synthetic kernels (fake_kernel.c).
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "forensics.h"

/* ---- a printk ringbuffer: 8 descriptors, 256-byte text ring ---------- */

#define SV(id, st) ((uint64_t)(st) << 62 | (id))

static void desc(struct fake *f, uint64_t id, int state, uint64_t begin,
		 uint64_t next, uint64_t seq, const char *text)
{
	uint64_t i = id & 7;

	fake_w64(f, PA(DESCS) + i * 24, SV(id, state));
	fake_w64(f, PA(DESCS) + i * 24 + 8, begin);
	fake_w64(f, PA(DESCS) + i * 24 + 16, next);
	fake_w64(f, PA(INFOS) + i * 88, seq);
	fake_w64(f, PA(INFOS) + i * 88 + 8, seq * 1000000);
	fake_w32(f, PA(INFOS) + i * 88 + 16, (uint32_t)strlen(text));
	if (begin & 1)
		return;
	/* wrapped blocks keep their id at begin, text from index 0 */
	fake_w64(f, PA(DATA) + (begin & 255), id);
	if ((begin >> 8) == (next >> 8))
		fake_write(f, PA(DATA) + (begin & 255) + 8, text, strlen(text));
	else
		fake_write(f, PA(DATA) + 8, text, strlen(text));
}

static void build_prb(struct fake *f, uint32_t count_bits)
{
	/* head id 18, tail id 13, 256-byte data ring */
	fake_printk_ring(f, count_bits, 8, 18, 13);
	/* ids 13..18 (indexes 5,6,7,0,1,2): */
	desc(f, 13, 3, 1, 1, 0, ""); /* reusable */
	desc(f, 14, 2, 0x340, 0x360, 5, "kernel BUG at x.c:7!");
	desc(f, 15, 2, 3, 3, 6, ""); /* empty line */
	desc(f, 16, 1, 0x3e0, 0x428, 7, "wrapped: page dumped"); /* wraps */
	desc(f, 17, 2, 0x428, 0x420, 8, "garbage lpos"); /* illegal */
	fake_w64(f, PA(DESCS) + 2 * 24, SV(10, 2)); /* id 18 missing */
}

static int collect(void *arg, const struct rvmm_log_record *r)
{
	struct fake_buf *b = arg;
	char line[300];

	snprintf(line, sizeof(line), "%llu:%s|", (unsigned long long)r->seq,
		 r->text);
	{
		size_t n = strlen(line);

		b->s = realloc(b->s, b->len + n + 1);
		memcpy(b->s + b->len, line, n + 1);
		b->len += n;
	}
	return 0;
}

static void test_printk(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_log_stats st;
	struct fake_buf b = {0};
	struct rvmm_error err;

	fake_kernel_build(&k, 4);
	build_prb(&k.f, 3);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(rvmm_log_for_each(&s, collect, &b, &st, &err) == 0);
	CHECK(b.s &&
	      !strcmp(b.s,
		      "5:kernel BUG at x.c:7!|6:|7:wrapped: page dumped|"));
	CHECK_EQ(st.records, 3);
	CHECK_EQ(st.reusable, 1);
	CHECK_EQ(st.missing, 1);
	CHECK_EQ(st.bad_data, 1);
	free(b.s);

	/* garbage geometry: refused with a reason, no loop */
	fake_w32(&k.f, PA(RB), 60);
	CHECK(rvmm_log_for_each(&s, collect, &b, &st, &err) < 0);
	CHECK(strstr(err.msg, "garbage") != NULL);
	fake_free(&k.f);
}

/* A log from a dump must not drive the user's terminal. */
static void test_log_control_chars(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_out o;
	struct fake_buf b = {0};

	fake_kernel_build(&k, 4);
	build_prb(&k.f, 3);
	desc(&k.f, 14, 2, 0x340, 0x360, 5, "a\x1b[2Jb\ac\xc2\x9b\xff\xc3\xa9");
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_log(&s, &o) == 0);
	/* ESC, BEL, C1 CSI (c2 9b) and a stray byte escaped; é kept */
	CHECK(b.s && strstr(b.s, "a\\x1b[2Jb\\x07c\\xc2\\x9b\\xff\xc3\xa9"));
	CHECK(b.s && !strchr(b.s, 0x1b) && !strchr(b.s, 0x07));
	fake_buf_free(&b);
	/* JSON stays valid: the stray byte becomes \u00ff */
	fake_out(&o, &b, 1);
	CHECK(rvmm_cmd_log(&s, &o) == 0);
	CHECK(b.s && strstr(b.s, "\\u001b[2Jb\\u0007c\xc2\x9b\\u00ff\xc3\xa9"));
	fake_buf_free(&b);
	fake_free(&k.f);
}

/* ---- log scanning ------------------------------------------------------ */

static void test_logscan(void)
{
	static const char *const lines[] = {
		"page: refcount:1 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x8115f",
		"raw: 0000000000000000 0000000000000000 dead000000000122 0000000000000000",
		"page dumped because: VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)",
		"------------[ cut here ]------------",
		"kernel BUG at include/linux/mm.h:3130!",
		"epc : remove_pgd_mapping+0x28a/0x474",
		"epc : ffffffff8000a4fc ra : ffffffff8000a4fc sp : ff6000000091fbd0",
		"[<ffffffff8000a4fc>] remove_pgd_mapping+0x28a/0x474",
		"[<ffffffff801a5e34>] vmemmap_free+0x14/0x1c",
		"Kernel panic - not syncing: Fatal exception in interrupt",
	};
	struct rvmm_log log = {0};
	struct rvmm_log_facts f;
	unsigned int i;

	log.ok = 1;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		rvmm_log_append(&log, i, i, lines[i], strlen(lines[i]));
	rvmm_log_scan(&log, &f);
	CHECK(f.has_bug && !strcmp(f.bug_file, "include/linux/mm.h"));
	CHECK_EQ(f.bug_line, 3130);
	CHECK(f.has_page_dump);
	CHECK_EQ(f.page_pfn, 0x8115f);
	CHECK_EQ(f.raw[2], 0xdead000000000122ULL);
	CHECK(strstr(f.dumped_because, "pmd_huge_pte") != NULL);
	CHECK(f.has_epc);
	CHECK_EQ(f.epc, 0xffffffff8000a4fcULL);
	CHECK(rvmm_log_trace_has(&f, "vmemmap_free"));
	CHECK(!rvmm_log_trace_has(&f, "arch_remove_memory"));
	CHECK(!strcmp(f.panic, "Fatal exception in interrupt"));
	rvmm_log_free(&log);

	/* one record, two lines: split */
	log.ok = 1;
	{
		const char *two =
			"a\nUnable to handle kernel paging request at virtual address 00038d7ffdc00000";

		rvmm_log_append(&log, 1, 1, two, strlen(two));
	}
	rvmm_log_scan(&log, &f);
	CHECK_EQ(log.nr, 2);
	CHECK(f.has_fault && !strcmp(f.fault_kind, "paging request"));
	CHECK_EQ(f.fault_addr, 0x00038d7ffdc00000ULL);
	rvmm_log_free(&log);
}

/* ---- __bug_table with relative pointers -------------------------------- */

#define BUGT 0x1a0000
#define STRS 0x1a1000

static int fake_chain(void *ctx, uint64_t addr, char (*n)[64], int max)
{
	static const char *const c[] = {"pmd_ptlock_free", "pagetable_pmd_dtor",
					"free_pmd_table", "remove_pgd_mapping"};
	int i;

	(void)ctx;
	if (addr != IMG(0x1028))
		return 1 <= max ? (snprintf(n[0], 64, "other"), 1) : 0;
	for (i = 0; i < 4 && i < max; i++)
		snprintf(n[i], 64, "%s", c[i]);
	return i;
}

static void bug_entry(struct fake *f, int i, uint64_t addr, uint64_t file,
		      int line)
{
	uint64_t e = IMG(BUGT) + 12 * i;

	fake_w32(f, PA(BUGT) + 12 * i, (uint32_t)(addr - e));
	fake_w32(f, PA(BUGT) + 12 * i + 4, (uint32_t)(file - (e + 4)));
	fake_w32(f, PA(BUGT) + 12 * i + 8, line); /* line, flags 0 */
}

static void test_bugtable(void)
{
	struct rvmm_source_ops ops;
	struct rvmm_bug_site site[4];
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	unsigned long scanned;
	struct rvmm_error err;

	fake_kernel_build(&k, 5);
	fake_size(&k.f, "bug_entry", 12);
	fake_member(&k.f, "bug_entry", "bug_addr_disp", 0);
	fake_member(&k.f, "bug_entry", "file_disp", 4);
	fake_member(&k.f, "bug_entry", "line", 8);
	fake_member(&k.f, "bug_entry", "flags", 10);
	fake_sym(&k.f, "__start___bug_table", IMG(BUGT));
	fake_sym(&k.f, "__stop___bug_table", IMG(BUGT) + 4 * 12);
	fake_write(&k.f, PA(STRS), "include/linux/mm.h", 19);
	fake_write(&k.f, PA(STRS) + 32, "mm/other.c", 11);
	bug_entry(&k.f, 0, IMG(0x1010), IMG(STRS), 3130);
	bug_entry(&k.f, 1, IMG(0x1028), IMG(STRS), 3130);
	bug_entry(&k.f, 2, IMG(0x1030), IMG(STRS) + 32, 3130);
	bug_entry(&k.f, 3, IMG(0x1040), IMG(STRS), 3131);
	fake_source(&k.f, &src);
	ops = *src.ops;
	ops.symbol_at = fake_symbol_at_remove_pgd;
	ops.inline_chain = fake_chain;
	src.ops = &ops;
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(rvmm_bug_sites(&s, "include/linux/mm.h", 3130, site, 4, &scanned,
			     &err) == 2);
	CHECK_EQ(scanned, 4);
	CHECK_EQ(site[0].bug_addr, IMG(0x1010));
	CHECK_EQ(site[1].bug_addr, IMG(0x1028));
	CHECK_EQ(site[1].func_off, 0x28);
	CHECK(rvmm_bug_site_in(&site[1], "pmd_ptlock_free"));
	CHECK(!rvmm_bug_site_in(&site[0], "pmd_ptlock_free"));
	/* a path suffix of the file matches too */
	CHECK(rvmm_bug_sites(&s, "linux/mm.h", 3131, site, 4, &scanned, &err) ==
	      1);
	fake_free(&k.f);

	/* no __bug_table symbols: refused with a reason */
	fake_kernel_build(&k, 5);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	CHECK(rvmm_bug_sites(&s, "x", 1, site, 4, &scanned, &err) < 0);
	CHECK(strstr(err.msg, "__start___bug_table") != NULL);
	fake_free(&k.f);
}

/* ---- the decision -------------------------------------------------------- */

static void facts_bug_on(struct rvmm_triage *t)
{
	memset(t, 0, sizeof(*t));
	memset(&t->facts, 0xff, sizeof(t->facts));
	t->facts.levels = 5;
	t->facts.fix_present = 0;
	t->facts.fix_evidence = RVMM_FIX_EV_CODE;
	t->facts.other_build = 0;
	t->facts.log_ok = 1;
	t->facts.bug_in_log = t->facts.bug_is_mm_h = 1;
	t->facts.site_resolved = t->facts.site_is_pmd_dtor = 1;
	t->facts.site_in_teardown = t->facts.page_known = 1;
	t->facts.page_read = t->facts.page_not_constructed = 1;
	t->facts.page_referenced_by_pud = t->facts.page_entries_empty = 1;
	t->facts.deficit_known = 1;
	t->facts.deficit = 0;
}

static void test_decide(void)
{
	struct rvmm_triage t;

	facts_bug_on(&t);
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_MATCH && t.variant == RVMM_VARIANT_BUG_ON);
	CHECK(!t.vulnerable_warning);

	/* page filtered out of the dump: inconclusive, naming it */
	facts_bug_on(&t);
	t.facts.page_read = -1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_INCONCLUSIVE);
	CHECK(strstr(t.summary, "struct page") != NULL);
	CHECK(t.vulnerable_warning);

	/* a different VM_BUG_ON in mm.h: no match */
	facts_bug_on(&t);
	t.facts.site_is_pmd_dtor = 0;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_NO_MATCH);

	/* no debug info for the BUG site: inconclusive */
	facts_bug_on(&t);
	t.facts.site_resolved = -1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_INCONCLUSIVE);

	/* silent */
	facts_bug_on(&t);
	t.facts.bug_in_log = 0;
	t.facts.deficit = 1;
	t.facts.removed_without_pmd = 1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_MATCH && t.variant == RVMM_VARIANT_SILENT);
	t.facts.removed_without_pmd = -1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_INCONCLUSIVE);

	/* fixed kernel, nothing seen */
	facts_bug_on(&t);
	t.facts.bug_in_log = 0;
	t.facts.fix_present = 1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_NO_MATCH && !t.vulnerable_warning);

	/* vulnerable kernel that did not crash: warning */
	t.facts.fix_present = 0;
	t.nr = 0;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_NO_MATCH && t.vulnerable_warning);
	CHECK(t.nr == 1 && !strcmp(t.ev[0].kind, "warning"));

	/* Sv39 never frees PMD tables: no warning */
	t.facts.levels = 3;
	t.vulnerable_warning = 0;
	rvmm_triage_decide(&t);
	CHECK(!t.vulnerable_warning);

	/* an incomplete count (CPUs or memmap missed) decides nothing */
	facts_bug_on(&t);
	t.facts.bug_in_log = 0;
	t.facts.deficit_exact = 0;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_INCONCLUSIVE);
	CHECK(strstr(t.summary, "complete count") != NULL);
	t.facts.fix_present = 1; /* fixed: the count does not matter */
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_NO_MATCH);

	/* no log and no deficit: inconclusive */
	facts_bug_on(&t);
	t.facts.log_ok = 0;
	t.facts.bug_in_log = -1;
	rvmm_triage_decide(&t);
	CHECK(t.verdict == RVMM_INCONCLUSIVE);
}

int main(void)
{
	test_printk();
	test_log_control_chars();
	test_logscan();
	test_bugtable();
	test_decide();
	return t_report();
}

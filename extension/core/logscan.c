// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel log says about a crash, parsed from the lines the
 * kernel prints: lib/bug.c report_bug() ("kernel BUG at FILE:LINE!" with
 * DEBUG_BUGVERBOSE, "Kernel BUG at %pB [verbose debug info unavailable]"
 * without it, %p before %pB), mm/debug.c's page dump (6.8+ "page:
 * refcount:R mapcount:M mapping:P index:I pfn:0x..." (the newest may say
 * "device pfn:"), 5.x-6.7 "page:PTR refcount:R ... pfn:0x...", older
 * "page:PTR refcount:R ..." or "page:PTR count:R ..." without a pfn; "raw:"
 * words, "page dumped because:"), riscv's show_regs ("epc : <16 hex>"), its
 * fault report ("Unable to handle kernel ... at virtual address X") and the
 * backtrace lines "[<addr>] func+off/size".  Pure text: no dump access.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forensics.h"

/* __dump_page() prints at most this many lines before BUG(). */
#define PAGE_DUMP_LINES 16

#define NO_VERBOSE " [verbose debug info unavailable]"

static int is_crash_start(const char *t)
{
	return strstr(t, "kernel BUG at ") || strstr(t, "Kernel BUG at ") ||
	       strstr(t, "Unable to handle kernel ") ||
	       strstr(t, "page dumped because: ") || !strncmp(t, "Oops", 4);
}

/*
 * One crash prints several start lines: consecutive ones, and "Oops" a
 * few lines after a fault report (7.x walks the faulting address first).
 */
#define FAULT_WALK_LINES 4

static int crash_began(const struct rvmm_log *log, size_t i)
{
	size_t j;

	if (i && is_crash_start(log->line[i - 1].text))
		return 1;
	if (strncmp(log->line[i].text, "Oops", 4))
		return 0;
	for (j = i > FAULT_WALK_LINES ? i - FAULT_WALK_LINES : 0; j < i; j++)
		if (strstr(log->line[j].text, "Unable to handle kernel "))
			return 1;
	return 0;
}

/*
 * "Kernel BUG at remove_pgd_mapping+0x28a/0x474 [verbose debug info
 * unavailable]": %pB is symbol+offset/size (a module adds " [mod]"), or
 * 0x<hex> without kallsyms; %p of older kernels is bare hex (hashed since
 * 4.15, then useless but harmless: the pc comes from epc first).
 */
static void parse_bug_no_file(const char *p, const char *end,
			      struct rvmm_log_facts *f)
{
	const char *plus, *sp;
	char *e;
	size_t n;

	memset(f->bug_file, 0, sizeof(f->bug_file));
	f->bug_line = 0;
	f->bug_sym[0] = '\0';
	f->bug_sym_off = 0;
	f->has_bug_addr = 0;
	f->has_bug = f->bug_no_file = 1;
	sp = memchr(p, ' ', end - p);
	if (sp)
		end = sp;
	plus = memchr(p, '+', end - p);
	if (plus && plus > p) {
		n = plus - p;
		if (n >= sizeof(f->bug_sym))
			n = sizeof(f->bug_sym) - 1;
		memcpy(f->bug_sym, p, n);
		f->bug_sym[n] = '\0';
		f->bug_sym_off = strtoull(plus + 1, NULL, 16);
		return;
	}
	f->bug_addr = strtoull(p, &e, 16);
	f->has_bug_addr = e == end && e > p;
}

static void parse_bug(const char *t, struct rvmm_log_facts *f)
{
	const char *p = strstr(t, "kernel BUG at "), *colon, *bang;
	size_t n;

	if (!p)
		p = strstr(t, "Kernel BUG at ");
	if (!p)
		return;
	bang = strstr(p, NO_VERBOSE);
	if (bang) {
		parse_bug_no_file(p + strlen("kernel BUG at "), bang, f);
		return;
	}
	if (strncmp(p, "kernel", 6))
		return;
	p += strlen("kernel BUG at ");
	bang = strrchr(p, '!');
	if (!bang)
		return;
	for (colon = bang; colon > p && *colon != ':'; colon--)
		;
	if (colon == p)
		return;
	n = colon - p;
	if (n >= sizeof(f->bug_file))
		n = sizeof(f->bug_file) - 1;
	memcpy(f->bug_file, p, n);
	f->bug_file[n] = '\0';
	f->bug_line = atoi(colon + 1);
	f->has_bug = 1;
	f->bug_no_file = 0;
}

/* The first line of a page dump, in any of its formats; 0 if not one. */
static int parse_page_head(const char *t, struct rvmm_log_facts *f)
{
	const char *p, *rc;
	char *end;
	uint64_t ptr;

	if (strncmp(t, "page:", 5))
		return 0;
	rc = strstr(t, " refcount:");
	if (rc)
		rc += strlen(" refcount:");
	else if ((rc = strstr(t, " count:")))
		rc += strlen(" count:");
	else
		return 0;
	f->has_page_dump = 1;
	f->page_refcount = atoi(rc);
	f->has_page_ptr = f->has_page_pfn = 0;
	f->page_ptr = f->page_pfn = 0;
	/* "page:ff1c000000201c00 refcount:" (or 0x..., or hashed) */
	ptr = strtoull(t + 5, &end, 16);
	if (end > t + 5 && *end == ' ') {
		f->has_page_ptr = 1;
		f->page_ptr = ptr;
	}
	p = strstr(t, "pfn:");
	if (p) {
		f->page_pfn = strtoull(p + 4, &end, 16);
		f->has_page_pfn = end > p + 4;
	}
	f->nr_raw = 0;
	f->dumped_because[0] = '\0';
	return 1;
}

static void parse_page(const char *t, struct rvmm_log_facts *f)
{
	const char *p;

	if (parse_page_head(t, f)) {
		return;
	} else if (!strncmp(t, "raw: ", 5) && f->has_page_dump) {
		char *end;

		for (p = t + 5; f->nr_raw < 8; p = end) {
			uint64_t v = strtoull(p, &end, 16);

			if (end == p)
				break;
			f->raw[f->nr_raw++] = v;
		}
	} else if ((p = strstr(t, "page dumped because: "))) {
		snprintf(f->dumped_because, sizeof(f->dumped_because), "%s",
			 p + strlen("page dumped because: "));
	}
}

static void parse_regs(const char *t, struct rvmm_log_facts *f)
{
	const char *p = strstr(t, "epc : ");
	char *end;
	uint64_t v;

	if (p) {
		v = strtoull(p + 6, &end, 16);
		if (end - (p + 6) == 16) {
			f->epc = v;
			f->has_epc = 1;
		}
	}
	p = strstr(t, "Unable to handle kernel ");
	if (p) {
		const char *at = strstr(p, " at virtual address ");
		size_t n;

		if (!at)
			return;
		p += strlen("Unable to handle kernel ");
		n = at - p;
		if (n >= sizeof(f->fault_kind))
			n = sizeof(f->fault_kind) - 1;
		memcpy(f->fault_kind, p, n);
		f->fault_kind[n] = '\0';
		f->fault_addr =
			strtoull(at + strlen(" at virtual address "), NULL, 16);
		f->has_fault = 1;
	}
}

/* " [<ffffffff8000a4fc>] remove_pgd_mapping+0x28a/0x474" */
static void parse_trace(const char *t, struct rvmm_log_facts *f)
{
	const char *p = strstr(t, "[<"), *q;
	size_t n;

	if (!p || !(p = strstr(p, ">] ")) || f->nr_trace >= RVMM_TRACE_MAX)
		return;
	p += 3;
	q = strchr(p, '+');
	if (!q)
		return;
	n = q - p;
	if (n >= RVMM_FUNC_LEN)
		n = RVMM_FUNC_LEN - 1;
	memcpy(f->trace[f->nr_trace], p, n);
	f->trace[f->nr_trace][n] = '\0';
	f->nr_trace++;
}

void rvmm_log_scan(const struct rvmm_log *log, struct rvmm_log_facts *f)
{
	size_t i, start = 0;
	const char *p;

	memset(f, 0, sizeof(*f));
	/* Report on the last crash: earlier oopses are history. */
	for (i = 0; i < log->nr; i++)
		if (is_crash_start(log->line[i].text) && !crash_began(log, i))
			start = i;
	/* A page dump comes a few lines before the BUG that it explains. */
	for (i = start >= PAGE_DUMP_LINES ? start - PAGE_DUMP_LINES : 0;
	     i < log->nr; i++) {
		const char *t = log->line[i].text;

		if (i >= start) {
			parse_bug(t, f);
			parse_regs(t, f);
			parse_trace(t, f);
		}
		parse_page(t, f);
		p = strstr(t, "Kernel panic - not syncing: ");
		if (p && !strstr(t, "---[ end Kernel panic"))
			snprintf(f->panic, sizeof(f->panic), "%s",
				 p + strlen("Kernel panic - not syncing: "));
	}
}

int rvmm_log_trace_has(const struct rvmm_log_facts *f, const char *func)
{
	int i;

	for (i = 0; i < f->nr_trace; i++)
		if (!strcmp(f->trace[i], func))
			return 1;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel log says about a crash, parsed from the lines the
 * kernel prints (6.12): die()/BUG() ("kernel BUG at FILE:LINE!"),
 * __dump_page() ("page: refcount:... pfn:0x...", "raw:" words, "page
 * dumped because:"), riscv's show_regs ("epc : <16 hex>"), its fault
 * report ("Unable to handle kernel ... at virtual address X") and the
 * backtrace lines "[<addr>] func+off/size".  Pure text: no dump access.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forensics.h"

/* __dump_page() prints at most this many lines before BUG(). */
#define PAGE_DUMP_LINES 16

static int is_crash_start(const char *t)
{
	return strstr(t, "kernel BUG at ") ||
	       strstr(t, "Unable to handle "
			 "kernel ") ||
	       strstr(t, "page dumped because: ") || !strncmp(t, "Oops", 4);
}

static void parse_bug(const char *t, struct rvmm_log_facts *f)
{
	const char *p = strstr(t, "kernel BUG at "), *colon, *bang;
	size_t n;

	if (!p)
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
}

static void parse_page(const char *t, struct rvmm_log_facts *f)
{
	const char *p;

	if (!strncmp(t, "page: refcount:", 15) && (p = strstr(t, "pfn:"))) {
		f->has_page_dump = 1;
		f->page_pfn = strtoull(p + 4, NULL, 16);
		f->page_refcount = atoi(t + 15);
		f->nr_raw = 0;
		f->dumped_because[0] = '\0';
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
		if (is_crash_start(log->line[i].text) &&
		    (!i || !is_crash_start(log->line[i - 1].text)))
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

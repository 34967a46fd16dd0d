// SPDX-License-Identifier: GPL-2.0
/*
 * What a filtered dump's check (filtering.c) comes to in words: the lines
 * `info` prints and the evidence triage weighs.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "filtering_priv.h"

static const char *class_name(enum rvmm_fclass c)
{
	static const char *const name[] = {"kept",	    "free", "cache",
					   "cache-private", "user", "hwpoison",
					   "offline"};

	return c < ARRAY_SIZE(name) ? name[c] : "?";
}

static void add(struct rvmm_filter_line *line, int *n, int max,
		const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void add(struct rvmm_filter_line *line, int *n, int max,
		const char *kind, const char *fmt, ...)
{
	va_list ap;

	if (*n >= max)
		return;
	line[*n].kind = kind;
	va_start(ap, fmt);
	vsnprintf(line[*n].text, sizeof(line[*n].text), fmt, ap);
	va_end(ap);
	(*n)++;
}

/* "N free, N cache, ..." of the pages kept against the rules */
static void kept_str(const struct rvmm_filter_check *fc, char *buf, size_t len)
{
	int c;

	buf[0] = '\0';
	for (c = RVMM_FC_FREE; c < RVMM_FC_NR; c++)
		if (fc->kept[c])
			snprintf(buf + strlen(buf), len - strlen(buf),
				 "%s%" PRIu64 " %s", buf[0] ? ", " : "",
				 fc->kept[c], class_name(c));
}

int rvmm_filter_lines(const struct rvmm_session *s,
		      const struct rvmm_filter_check *fc,
		      struct rvmm_filter_line *line, int max)
{
	uint64_t kept = 0, judged = fc->pfns - fc->unjudged;
	char classes[64], what[96], flags[160], count[96];
	int n = 0, c, level = fc->level;

	if (level < 0)
		return 0;
	for (c = RVMM_FC_FREE; c < RVMM_FC_NR; c++)
		kept += fc->kept[c];
	filter_classes_str(level & RVMM_DL_HOLES, classes, sizeof(classes));
	if (fc->pfns)
		snprintf(count, sizeof(count),
			 ": %" PRIu64 " of %" PRIu64
			 " pages of the dump's memory are not in the file",
			 fc->absent, fc->pfns);
	else
		snprintf(count, sizeof(count),
			 ": which pages the file lacks is unknown");
	if (level & RVMM_DL_HOLES)
		add(line, &n, max, "filtered",
		    "dump level %d (makedumpfile -d %d) leaves out %s pages%s%s",
		    level, level, classes,
		    level & RVMM_DL_ZERO
			    ? " and stores zero pages once (read as zeroes)"
			    : "",
		    count);
	else
		add(line, &n, max, "filtered", "dump level %d%s%s%s", level,
		    level & RVMM_DL_ZERO
			    ? " stores zero pages once (they read as zeroes) and leaves no page out"
			    : " leaves no page out",
		    count,
		    fc->absent ? ": the file lacks pages its level keeps" : "");
	if (level & RVMM_DL_HOLES) {
		what[0] = '\0';
		if (level & RVMM_DL_USER)
			snprintf(what, sizeof(what), ", user pages");
		if (level & (RVMM_DL_CACHE | RVMM_DL_CACHE_PRIVATE))
			snprintf(what + strlen(what),
				 sizeof(what) - strlen(what),
				 ", the page cache");
		if (level & RVMM_DL_FREE)
			add(line, &n, max, "missing",
			    "not in the file: free pages (a page-table page freed before the crash, as the silent form's vmemmap PMD table, cannot be read, only its struct page)%s",
			    what);
		else
			add(line, &n, max, "missing", "not in the file: %s",
			    what + 2);
	}
	if (!fc->ran) {
		if (level & RVMM_DL_HOLES)
			add(line, &n, max, "filtered",
			    "the file's choice of pages is not checked: %s",
			    fc->why.msg);
	} else if (judged && fc->agree == judged) {
		add(line, &n, max, "filtered",
		    "the file holds exactly the pages makedumpfile's rules for level %d keep, each judged by its own struct page (%" PRIu64
		    " pages%s)",
		    level, judged, fc->unjudged ? ", some unreadable" : "");
	} else if (judged) {
		char parts[160] = "";

		kept_str(fc, what, sizeof(what));
		rvmm_page_flags_str(&s->pages, fc->dropped_flags, flags,
				    sizeof(flags));
		if (kept)
			snprintf(parts, sizeof(parts),
				 "%" PRIu64
				 " kept that the level leaves out (%s)",
				 kept, what);
		if (fc->dropped)
			snprintf(parts + strlen(parts),
				 sizeof(parts) - strlen(parts),
				 "%s%" PRIu64
				 " left out that it keeps (%" PRIu64 " in use)",
				 kept ? ", " : "", fc->dropped,
				 fc->dropped_in_use);
		add(line, &n, max, "filtered",
		    "the file disagrees with makedumpfile's level %d rules, each page judged by its own struct page, on %" PRIu64
		    " of %" PRIu64 " pages: %s",
		    level, judged - fc->agree, judged, parts);
		if (fc->misread_ran && fc->misread_agree == fc->misread_pfns &&
		    fc->memmap_leaf > RVMM_PAGE_SIZE) {
			char sz[24];

			add(line, &n, max, "filtered",
			    "that choice is, for all %" PRIu64
			    " pages, the rules on the struct page read through the %s vmemmap leaves without the offset bits above 4 KiB: makedumpfile <= 1.7.9's riscv64 huge-leaf bug (fixed upstream by 863e2c4)",
			    fc->misread_pfns,
			    rvmm_size_str(fc->memmap_leaf, sz, sizeof(sz)));
		} else if (fc->misread_ran) {
			add(line, &n, max, "filtered",
			    "nor is it makedumpfile's riscv64 huge-leaf misreading (<= 1.7.9): that agrees on %" PRIu64
			    " of %" PRIu64 " pages",
			    fc->misread_agree, fc->misread_pfns);
		}
		if (fc->dropped == 1)
			add(line, &n, max, "missing",
			    "1 page the level keeps is not in the file, %s: pfn 0x%" PRIx64
			    " (flags 0x%" PRIx64 "%s%s, refcount %" PRId32 ")",
			    fc->dropped_in_use ? "in use" : "not in use",
			    fc->dropped_pfn, fc->dropped_flags,
			    flags[0] ? " " : "", flags, fc->dropped_refcount);
		else if (fc->dropped)
			add(line, &n, max, "missing",
			    "%" PRIu64
			    " pages the level keeps are not in the file, %" PRIu64
			    " of them in use: e.g. pfn 0x%" PRIx64
			    " (flags 0x%" PRIx64 "%s%s, refcount %" PRId32 ")",
			    fc->dropped, fc->dropped_in_use, fc->dropped_pfn,
			    fc->dropped_flags, flags[0] ? " " : "", flags,
			    fc->dropped_refcount);
	}
	if (fc->tables_absent || fc->memmap_absent) {
		what[0] = '\0';
		if (fc->tables_absent)
			snprintf(what, sizeof(what),
				 "%" PRIu64 " of %" PRIu64 " page-table pages",
				 fc->tables_absent, fc->tables);
		if (fc->memmap_absent)
			snprintf(what + strlen(what),
				 sizeof(what) - strlen(what),
				 "%s%" PRIu64 " of %" PRIu64
				 " pages of the struct page array",
				 what[0] ? ", " : "", fc->memmap_absent,
				 fc->memmap_pages);
		add(line, &n, max, "missing",
		    "live kernel memory that no dump level leaves out is not in the file: %s (page-table pages from swapper_pg_dir; what an absent table maps cannot be found)",
		    what);
	}
	return n;
}

/* Replace the first "old" in buf by "new", within len bytes. */
static void rename_in(char *buf, size_t len, const char *old, const char *new)
{
	char *at = strstr(buf, old), tail[256];

	if (!at)
		return;
	snprintf(tail, sizeof(tail), "%s", at + strlen(old));
	snprintf(at, len - (size_t)(at - buf), "%s%s", new, tail);
}

void rvmm_triage_filtering(const struct rvmm_session *s, struct rvmm_triage *t)
{
	struct rvmm_filter_line line[RVMM_FILTER_LINES];
	struct rvmm_filter_check fc;
	int i, n;

	if (s->dump_level < 0)
		return;
	/* called once already (the lines are there): nothing to add */
	for (i = 0; i < t->nr; i++)
		if (!strcmp(t->ev[i].kind, "filtered"))
			return;
	rvmm_filter_check(s, &fc);
	/* a level that leaves nothing out, and a file that holds it all */
	if (!(s->dump_level & RVMM_DL_HOLES) && !fc.absent &&
	    !fc.tables_absent && !fc.memmap_absent)
		return;
	if (s->dump_level & RVMM_DL_HOLES)
		for (i = 0; i < t->nr; i++) {
			if (strcmp(t->ev[i].kind, "missing"))
				continue;
			rename_in(t->ev[i].detail, sizeof(t->ev[i].detail),
				  "not in the dump (filtered out)", s->absent);
			rename_in(t->ev[i].detail, sizeof(t->ev[i].detail),
				  "not in the dump", s->absent);
		}
	n = rvmm_filter_lines(s, &fc, line, RVMM_FILTER_LINES);
	for (i = 0; i < n; i++)
		rvmm_evidence(t, line[i].kind, "%s", line[i].text);
}

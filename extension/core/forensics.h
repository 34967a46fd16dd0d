/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rvmm core analyses built on the session (rvmm.h): the kernel log read
 * from the printk ringbuffer in the dump, BUG-site resolution through
 * __bug_table, page-table-page accounting, the page-table audit and the
 * triage of the riscv64 vmemmap PMD-table dtor bug (c75a74f4ba19, fixed by
 * 21f1b85c8912).  Pure C, no I/O: everything goes through the session's
 * struct rvmm_source.  Allocates with malloc; each *_free() releases.
 */
#ifndef RVMM_FORENSICS_H
#define RVMM_FORENSICS_H

#include "fixcode.h"
#include "session.h"

/* ---------------------------------------------------------------------- */
/* Kernel log from the 6.12 lockless printk ringbuffer (printk.c)           */

struct rvmm_log_record {
	uint64_t seq;
	uint64_t ts_nsec;
	uint32_t caller_id;
	const char *text; /* NUL-terminated, valid during the callback */
	size_t len;
	int truncated; /* data block shorter than text_len */
};

struct rvmm_log_stats {
	unsigned long records; /* committed or finalized, passed to fn */
	unsigned long reusable; /* free or still reserved: skipped */
	unsigned long missing; /* descriptor id does not match: skipped */
	unsigned long bad_data; /* text lpos illegal or unreadable */
	unsigned long unreadable; /* descriptor or info not readable */
	int interrupted;
};

/* Return non-zero to stop. */
typedef int (*rvmm_log_fn)(void *arg, const struct rvmm_log_record *r);

/*
 * Call fn for each readable record from the oldest to the newest.  Offsets
 * come from the debug info (struct printk_ringbuffer and friends).
 * Returns 0, or -1 with a one-line reason in err when the ringbuffer
 * itself cannot be found or read (no symbol prb, no type info, garbage
 * geometry).  Bounded: at most one pass over the descriptor array.
 */
int rvmm_log_for_each(const struct rvmm_session *s, rvmm_log_fn fn, void *arg,
		      struct rvmm_log_stats *st, struct rvmm_error *err);

/* The whole log in memory, one entry per text line. */
struct rvmm_log_line {
	uint64_t seq, ts_nsec;
	char *text;
};

struct rvmm_log {
	int ok; /* the ringbuffer was found and read */
	struct rvmm_error err;
	size_t nr, cap;
	struct rvmm_log_line *line;
	struct rvmm_log_stats st;
};

/* Load the log; on failure log->ok = 0 and log->err says why. */
void rvmm_log_load(const struct rvmm_session *s, struct rvmm_log *log);
/* Append one record (split at newlines); for rvmm_log_load and tests. */
int rvmm_log_append(struct rvmm_log *log, uint64_t seq, uint64_t ts_nsec,
		    const char *text, size_t len);
void rvmm_log_free(struct rvmm_log *log);

/* ---------------------------------------------------------------------- */
/* What the log says about a crash (logscan.c): pure text parsing.          */

#define RVMM_FUNC_LEN 64
#define RVMM_TRACE_MAX 32

struct rvmm_log_facts {
	/* "kernel BUG at FILE:LINE!" (the last one in the log) */
	int has_bug;
	char bug_file[128];
	int bug_line;
	/*
	 * Without DEBUG_BUGVERBOSE lib/bug.c prints "Kernel BUG at %pB
	 * [verbose debug info unavailable]" (%p before 5.x): has_bug is set,
	 * bug_file is "" and bug_line 0; the trapping pc is the symbol plus
	 * offset, or a bare address (no kallsyms, or %p).
	 */
	int bug_no_file;
	char bug_sym[RVMM_FUNC_LEN]; /* "" if printed as an address */
	uint64_t bug_sym_off;
	int has_bug_addr;
	uint64_t bug_addr;
	/*
	 * dump_page(): "page: refcount:R mapcount:M ... pfn:0x..." (6.8+),
	 * "page:PTR refcount:R ... pfn:0x..." (5.x-6.7), "page:PTR
	 * count:R ..." without pfn (older); has_page_dump for any of them
	 */
	int has_page_dump;
	int has_page_pfn; /* "pfn:" printed */
	int has_page_ptr; /* the struct page pointer printed */
	uint64_t page_ptr;
	uint64_t page_pfn;
	int page_refcount;
	char dumped_because[128]; /* "VM_BUG_ON_PAGE(...)" */
	int nr_raw; /* raw: words read (up to 8) */
	uint64_t raw[8];
	/* "epc : ffffffff8000a4fc ra : ..." */
	int has_epc;
	uint64_t epc;
	/* "Unable to handle kernel paging request at virtual address X" */
	int has_fault;
	char fault_kind[64];
	uint64_t fault_addr;
	/* call trace function names, innermost first */
	int nr_trace;
	char trace[RVMM_TRACE_MAX][RVMM_FUNC_LEN];
	/* "Kernel panic - not syncing: ..." */
	char panic[160];
};

void rvmm_log_scan(const struct rvmm_log *log, struct rvmm_log_facts *f);
/* 1 if the call trace names func. */
int rvmm_log_trace_has(const struct rvmm_log_facts *f, const char *func);

/* ---------------------------------------------------------------------- */
/* BUG sites from __bug_table (bugtable.c)                                  */

#define RVMM_CHAIN_MAX 8

struct rvmm_bug_site {
	uint64_t entry_va; /* the struct bug_entry */
	uint64_t bug_addr; /* the trapping instruction */
	int line;
	uint16_t flags; /* BUGFLAG_WARNING = 1: a WARN, not a BUG */
	char func[RVMM_FUNC_LEN]; /* out-of-line function, "" unknown */
	uint64_t func_off;
	int nr_chain; /* inline chain, innermost first; -1 unknown */
	char chain[RVMM_CHAIN_MAX][RVMM_FUNC_LEN];
};

struct rvmm_bug_layout {
	int ok;
	struct rvmm_error err;
	int relative; /* GENERIC_BUG_RELATIVE_POINTERS */
	int verbose; /* DEBUG_BUGVERBOSE: entries have file and line */
	long size, addr_off, file_off, line_off, flags_off;
	uint64_t start, stop; /* __start/__stop___bug_table */
};

int rvmm_bug_layout_resolve(const struct rvmm_source *src,
			    struct rvmm_bug_layout *bl);

/*
 * The __bug_table entries whose file string ends with file (or equals it)
 * and whose line equals line.  Fills up to max sites (function and inline
 * chain through the optional source ops) and returns how many matched, or
 * -1 with err set when the table cannot be read.  *scanned = entries read.
 */
int rvmm_bug_sites(const struct rvmm_session *s, const char *file, int line,
		   struct rvmm_bug_site *out, int max, unsigned long *scanned,
		   struct rvmm_error *err);
/*
 * The __bug_table entries whose bug_addr is pc: the trapping pc (epc, or
 * the symbol+offset of "Kernel BUG at %pB"), the way to a site when the
 * kernel has no DEBUG_BUGVERBOSE and the table no file or line (line 0
 * then).  Returns how many matched or -1 with err set, like
 * rvmm_bug_sites().
 */
int rvmm_bug_sites_at(const struct rvmm_session *s, uint64_t pc,
		      struct rvmm_bug_site *out, int max,
		      unsigned long *scanned, struct rvmm_error *err);
/* 1 if the site's function or inline chain names func. */
int rvmm_bug_site_in(const struct rvmm_bug_site *b, const char *func);

/*
 * The steps of the dtor BUG chain by role, each known by the names the
 * kernel gave it over time (the table and its sources are in kfuncs.c).
 */
const char *rvmm_role_str(enum rvmm_role role);
/* 1 if name is a known spelling of role. */
int rvmm_role_is(enum rvmm_role role, const char *name);
/*
 * Whether the site's function or inline chain holds role: 1 when it names
 * a known spelling; 0 when it does not and every name in it is known to
 * the table; -1 when it does not but some name is unknown (a rename the
 * table does not know yet), or the chain itself is unknown.  For the
 * ptlock-free step only the innermost name (where the BUG() is) can be an
 * unknown spelling of it.
 */
int rvmm_bug_site_role(const struct rvmm_bug_site *b, enum rvmm_role role);
/* The header that defines a ptlock-free spelling, or NULL if unknown. */
const char *rvmm_role_file(const char *name);

/* ---------------------------------------------------------------------- */
/* Page-table accounting (pgstat.c)                                          */

struct rvmm_pgtable_stat {
	/* node counter NR_PAGETABLE: vm_stat + per-cpu deltas, all nodes */
	int counter_ok;
	int counter_exact; /* every CPU's deltas read */
	struct rvmm_error counter_err;
	int64_t counter; /* pages; may be negative (readers clamp) */
	int64_t counter_vm_stat; /* without the per-cpu deltas */
	int nr_nodes, nr_cpus;
	/* struct pages of present sections carrying the table page_type */
	int scan_ok;
	int scan_complete; /* no unreadable root or memmap: not a bound */
	struct rvmm_error scan_err;
	uint64_t scanned_pages, table_pages;
	unsigned long unreadable_chunks; /* 4 KiB memmap pieces */
	int interrupted;
	/* table_pages - counter (only when both are ok) */
	int64_t deficit;
};

void rvmm_pgtable_stat(const struct rvmm_session *s,
		       struct rvmm_pgtable_stat *ps);

/* ---------------------------------------------------------------------- */
/* Page-table audit (audit.c)                                               */

struct rvmm_table_page {
	int level; /* level of the entries it holds */
	const char *level_name;
	const char *region;
	uint64_t pa; /* the table page */
	uint64_t va; /* first VA it maps */
	uint64_t entry_pa; /* upper entry pointing to it (0: root) */
	unsigned int used; /* non-empty entries */
	int read_ok;
	struct rvmm_page_info page;
	int free_but_referenced;
	const char *risk; /* non-NULL: why removal would go wrong */
};

struct rvmm_audit_count {
	const char *region;
	const char *level_name;
	unsigned long total, constructed, not_constructed, free_, unknown;
};

#define RVMM_AUDIT_MAX_COUNTS 64

struct rvmm_audit {
	size_t nr, cap;
	struct rvmm_table_page *t;
	struct rvmm_walk_stats walk;
	int nr_counts;
	struct rvmm_audit_count count[RVMM_AUDIT_MAX_COUNTS];
	unsigned long free_referenced, risks;
	struct rvmm_pgtable_stat stat;
	struct rvmm_fix fix; /* decides the vmemmap PMD tables' risk */
};

/* Walk every table from swapper_pg_dir; -1 if nothing could be done. */
int rvmm_audit_run(const struct rvmm_session *s, struct rvmm_audit *a);
void rvmm_audit_free(struct rvmm_audit *a);

/* ---------------------------------------------------------------------- */
/* Triage of the riscv64 vmemmap PMD dtor bug (triage.c, triage_decide.c)   */

#define RVMM_SIGNATURE "riscv-vmemmap-pmd-dtor"
#define RVMM_EVIDENCE_MAX 48

enum rvmm_verdict { RVMM_NO_MATCH, RVMM_MATCH, RVMM_INCONCLUSIVE };
enum rvmm_variant {
	RVMM_VARIANT_NONE,
	RVMM_VARIANT_BUG_ON,
	RVMM_VARIANT_SILENT
};

/* -1 = unknown for every tri-state below */
struct rvmm_triage_facts {
	int levels; /* 3, 4, 5 */
	int hot_remove; /* the kernel has riscv's arch_remove_memory */
	int fix_present; /* from the code or the name, before the dump */
	enum rvmm_fix_evidence fix_evidence; /* how: code, name, unknown */
	int other_build; /* vmlinux is not the dump's build (--force) */
	int log_ok;
	/* BUG form */
	int bug_in_log; /* "kernel BUG at" present */
	int bug_is_mm_h; /* at include/linux/mm.h */
	int site_resolved; /* bug sites read from __bug_table */
	int site_is_pmd_dtor; /* site in pmd_ptlock_free chain */
	int site_in_teardown; /* ... inlined into remove_*_mapping */
	int epc_matches_site;
	int page_dump_reason; /* dumped because pmd_huge_pte */
	int trace_vmemmap_free;
	int page_known; /* pfn from the page dump */
	int page_read; /* its struct page was read */
	int page_not_constructed;
	int page_referenced_by_pud; /* vmemmap PUD entry still points */
	int page_entries_empty;
	/* silent form */
	int deficit_known;
	int deficit_exact; /* the count supports a conclusion */
	int64_t deficit;
	int removed_sections; /* emptied mem_section roots */
	int removed_without_pmd; /* their vmemmap has no PMD table */
	/* another crash seen instead */
	int other_oops;
	int oops_struct_page_out_of_range;
};

struct rvmm_evidence {
	char kind[32];
	char detail[240];
};

struct rvmm_triage {
	enum rvmm_verdict verdict;
	enum rvmm_variant variant;
	int fix_present; /* 1, 0, -1 = null */
	enum rvmm_fix_evidence fix_evidence; /* how fix_present is known */
	const char *paging_mode; /* "sv39", "sv48", "sv57" */
	int has_pmd_pfn;
	uint64_t pmd_table_pfn;
	int vulnerable_warning;
	char summary[240];
	int nr;
	struct rvmm_evidence ev[RVMM_EVIDENCE_MAX];
	struct rvmm_triage_facts facts;
};

void rvmm_evidence(struct rvmm_triage *t, const char *kind, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));
/* The decision on collected facts alone (unit-testable). */
void rvmm_triage_decide(struct rvmm_triage *t);
/* Gather every fact from the session, then decide. */
void rvmm_triage_run(const struct rvmm_session *s, struct rvmm_triage *t);
const char *rvmm_verdict_str(enum rvmm_verdict v);
const char *rvmm_variant_str(enum rvmm_variant v);

/* ---------------------------------------------------------------------- */
/* Commands (cmd_log.c, cmd_audit.c, cmd_triage.c)                          */

int rvmm_cmd_log(struct rvmm_session *s, struct rvmm_out *o);
int rvmm_cmd_audit(struct rvmm_session *s, struct rvmm_out *o);
/* Returns the verdict (>= 0) or -1 on error after printing it. */
int rvmm_cmd_triage(struct rvmm_session *s, struct rvmm_out *o);
/* The keys of `triage --json`, written into an object the caller opened. */
void rvmm_triage_json_members(struct rvmm_json *j, const struct rvmm_triage *t);

#endif

// SPDX-License-Identifier: GPL-2.0
/* `audit`: page-table pages, their verdicts, accounting and risks. */
#include <inttypes.h>

#include "cmd.h"
#include "forensics.h"

static void stat_json(struct rvmm_json *j, const struct rvmm_pgtable_stat *ps)
{
	rvmm_json_obj_begin(j, "accounting");
	if (ps->counter_ok) {
		rvmm_json_s64(j, "nr_pagetable", ps->counter);
		rvmm_json_s64(j, "nr_pagetable_vm_stat", ps->counter_vm_stat);
		rvmm_json_s64(j, "nodes", ps->nr_nodes);
		rvmm_json_s64(j, "cpus", ps->nr_cpus);
	} else {
		rvmm_json_null(j, "nr_pagetable");
	}
	rvmm_json_str(j, "nr_pagetable_error",
		      ps->counter_err.msg[0] ? ps->counter_err.msg : NULL);
	if (ps->scan_ok) {
		rvmm_json_u64(j, "table_pages", ps->table_pages);
		rvmm_json_u64(j, "scanned_pages", ps->scanned_pages);
	} else {
		rvmm_json_null(j, "table_pages");
	}
	rvmm_json_str(j, "scan_error",
		      ps->scan_err.msg[0] ? ps->scan_err.msg : NULL);
	if (ps->counter_ok && ps->scan_ok)
		rvmm_json_s64(j, "deficit", ps->deficit);
	else
		rvmm_json_null(j, "deficit");
	rvmm_json_str(j, "memcg", "not audited");
	rvmm_json_obj_end(j);
}

static void stat_text(struct rvmm_out *o, const struct rvmm_pgtable_stat *ps)
{
	if (ps->counter_ok)
		rvmm_printf(o,
			    "NR_PAGETABLE counter: %" PRId64
			    " pages (vm_stat %" PRId64
			    " + per-cpu deltas of %d cpus, %d node(s))\n",
			    ps->counter, ps->counter_vm_stat, ps->nr_cpus,
			    ps->nr_nodes);
	else
		rvmm_printf(o, "NR_PAGETABLE counter: unknown (%s)\n",
			    ps->counter_err.msg);
	if (ps->scan_ok)
		rvmm_printf(o,
			    "struct pages with page_type table: %" PRIu64
			    " of %" PRIu64 " scanned%s%s\n",
			    ps->table_pages, ps->scanned_pages,
			    ps->scan_err.msg[0] ? "; " : "", ps->scan_err.msg);
	else
		rvmm_printf(o,
			    "struct pages with page_type table: unknown (%s)\n",
			    ps->scan_err.msg);
	if (ps->counter_ok && ps->scan_ok)
		rvmm_printf(o,
			    "deficit (table pages - counter): %" PRId64 "%s\n",
			    ps->deficit,
			    ps->deficit > 0
				    ? "  <- dtor run on tables never counted"
				    : "");
	rvmm_printf(o, "per-memcg NR_PAGETABLE: not audited\n");
}

static void table_json(struct rvmm_session *s, struct rvmm_out *o,
		       struct rvmm_json *j, const struct rvmm_table_page *t)
{
	rvmm_json_obj_begin(j, NULL);
	rvmm_json_str(j, "level", t->level_name);
	rvmm_json_str(j, "region", t->region);
	rvmm_json_hex(j, "pa", t->pa);
	rvmm_json_hex(j, "va_start", t->va);
	rvmm_json_hex(j, "entry_pa", t->entry_pa);
	if (t->read_ok)
		rvmm_json_u64(j, "used_entries", t->used);
	else
		rvmm_json_null(j, "used_entries");
	rvmm_json_bool(j, "free_but_referenced", t->free_but_referenced);
	rvmm_json_str(j, "risk", t->risk);
	rvmm_print_page_info(s, o, j, "page", &t->page);
	rvmm_json_obj_end(j);
}

static void table_text(struct rvmm_out *o, const struct rvmm_table_page *t)
{
	rvmm_printf(o,
		    "%-8s %-4s 0x%016" PRIx64 " VA 0x%016" PRIx64
		    " %3u used  %-15s ref %-3" PRId32 "%s%s\n",
		    t->region, t->level_name, t->pa, t->va, t->used,
		    rvmm_table_verdict_str(t->page.verdict), t->page.refcount,
		    t->page.reserved ? " reserved" : "",
		    t->page.ptype == RVMM_PT_BUDDY ? " buddy" : "");
	if (t->free_but_referenced)
		rvmm_printf(
			o,
			"  !! free but still referenced by the entry at PA 0x%016" PRIx64
			"\n",
			t->entry_pa);
	if (t->risk)
		rvmm_printf(o, "  risk: %s\n", t->risk);
}

int rvmm_cmd_audit(struct rvmm_session *s, struct rvmm_out *o)
{
	struct rvmm_audit a;
	struct rvmm_json j;
	size_t i;
	int k;

	if (rvmm_audit_run(s, &a)) {
		rvmm_audit_free(&a);
		rvmm_err(s, o, "out of memory");
		return -1;
	}
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "audit");
		rvmm_json_arr_begin(&j, "tables");
		for (i = 0; i < a.nr; i++)
			table_json(s, o, &j, &a.t[i]);
		rvmm_json_arr_end(&j);
		rvmm_json_arr_begin(&j, "counts");
		for (k = 0; k < a.nr_counts; k++) {
			rvmm_json_obj_begin(&j, NULL);
			rvmm_json_str(&j, "region", a.count[k].region);
			rvmm_json_str(&j, "level", a.count[k].level_name);
			rvmm_json_u64(&j, "total", a.count[k].total);
			rvmm_json_u64(&j, "constructed",
				      a.count[k].constructed);
			rvmm_json_u64(&j, "not_constructed",
				      a.count[k].not_constructed);
			rvmm_json_u64(&j, "free", a.count[k].free_);
			rvmm_json_u64(&j, "unknown", a.count[k].unknown);
			rvmm_json_obj_end(&j);
		}
		rvmm_json_arr_end(&j);
		rvmm_json_u64(&j, "free_but_referenced", a.free_referenced);
		rvmm_json_u64(&j, "risks", a.risks);
		if (a.fix.present < 0)
			rvmm_json_null(&j, "fix_present");
		else
			rvmm_json_bool(&j, "fix_present", a.fix.present);
		rvmm_json_str(&j, "fix_evidence",
			      rvmm_fix_evidence_str(a.fix.evidence));
		stat_json(&j, &a.stat);
		rvmm_json_bool(&j, "interrupted",
			       a.walk.interrupted || a.stat.interrupted);
		rvmm_json_bool(&j, "truncated", a.walk.capped);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(
			o,
			"region   lvl  table PA           maps VA                entries verdict       refcount\n");
		for (i = 0; i < a.nr; i++)
			table_text(o, &a.t[i]);
		rvmm_printf(
			o,
			"\nregion   lvl   total constructed not-constr. free unknown\n");
		for (k = 0; k < a.nr_counts; k++)
			rvmm_printf(o, "%-8s %-4s %6lu %11lu %11lu %4lu %7lu\n",
				    a.count[k].region, a.count[k].level_name,
				    a.count[k].total, a.count[k].constructed,
				    a.count[k].not_constructed,
				    a.count[k].free_, a.count[k].unknown);
		rvmm_printf(
			o,
			"\n%lu table pages, %lu free but still referenced, %lu at risk%s\n",
			(unsigned long)a.nr, a.free_referenced, a.risks,
			a.walk.capped ? " (walk TRUNCATED at the table cap)"
				      : "");
		rvmm_printf(o, "fix 21f1b85c8912: %s (by %s)\n",
			    a.fix.present < 0 ? "unknown"
			    : a.fix.present   ? "present"
					      : "absent",
			    rvmm_fix_evidence_str(a.fix.evidence));
		stat_text(o, &a.stat);
	}
	rvmm_audit_free(&a);
	return 0;
}

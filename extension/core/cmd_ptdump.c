// SPDX-License-Identifier: GPL-2.0
/*
 * `ptdump`: kernel page tables as merged leaf ranges, like the kernel's
 * own ptdump (mm/ptdump.c): consecutive leaves at the same level with
 * identical attribute bits and contiguous PAs become one line.  With
 * tables, each table page is listed with its struct page verdict.
 */
#include <inttypes.h>
#include <string.h>

#include "cmd.h"

#define ATTR_MASK (~RVMM_PTE_PFN_MASK)

struct pd {
	struct rvmm_session *s;
	struct rvmm_out *o;
	struct rvmm_json j;
	int tables;
	const char *region; /* last region marker printed */
	int have;
	int level;
	const char *level_name;
	uint64_t va, end, pa, attr;
	unsigned long ranges;
};

static void flush(struct pd *d)
{
	const char *reg;
	char sz[24], bits[64];

	if (!d->have)
		return;
	d->have = 0;
	d->ranges++;
	reg = rvmm_region_of(&d->s->layout, d->va);
	rvmm_size_str(d->end - d->va, sz, sizeof(sz));
	if (d->o->json) {
		rvmm_json_obj_begin(&d->j, NULL);
		rvmm_json_str(&d->j, "type", "range");
		rvmm_json_str(&d->j, "region", reg);
		rvmm_json_hex(&d->j, "va_start", d->va);
		rvmm_json_hex(&d->j, "va_end", d->end);
		rvmm_json_hex(&d->j, "pa", d->pa);
		rvmm_json_u64(&d->j, "size", d->end - d->va);
		rvmm_json_str(&d->j, "level", d->level_name);
		rvmm_json_str(&d->j, "bits",
			      rvmm_pte_bits_str(d->attr, bits, sizeof(bits)));
		rvmm_json_obj_end(&d->j);
		return;
	}
	if (reg != d->region) {
		rvmm_printf(d->o, "---[ %s ]---\n", reg);
		d->region = reg;
	}
	rvmm_printf(d->o,
		    "0x%016" PRIx64 "-0x%016" PRIx64 "  0x%016" PRIx64
		    " %7s %-3s  %s\n",
		    d->va, d->end, d->pa, sz, d->level_name,
		    rvmm_pte_bits_str(d->attr, bits, sizeof(bits)));
}

static void table(struct pd *d, const struct rvmm_visit *v)
{
	struct rvmm_page_info pi;
	int pmd = v->level == d->s->layout.levels - 2;

	rvmm_page_decode(d->s, v->pa >> RVMM_PAGE_SHIFT, pmd, &pi);
	if (d->o->json) {
		rvmm_json_obj_begin(&d->j, NULL);
		rvmm_json_str(&d->j, "type", "table");
		rvmm_json_str(&d->j, "level", v->level_name);
		rvmm_json_hex(&d->j, "pa", v->pa);
		rvmm_json_hex(&d->j, "va_start", v->va);
		rvmm_json_u64(&d->j, "va_size", v->size);
		rvmm_json_hex(&d->j, "entry_pa", v->entry_pa);
		rvmm_print_page_info(d->s, d->o, &d->j, "page", &pi);
		rvmm_json_obj_end(&d->j);
		return;
	}
	rvmm_printf(d->o,
		    "table %-3s PA 0x%016" PRIx64 " for VA 0x%016" PRIx64
		    ": %s (%s)\n",
		    v->level_name, v->pa, v->va,
		    rvmm_table_verdict_str(pi.verdict), pi.why);
}

static int visit(void *arg, const struct rvmm_visit *v)
{
	struct pd *d = arg;
	uint64_t attr = v->entry & ATTR_MASK;
	char bits[64];

	if (v->kind == RVMM_VISIT_LEAF) {
		if (d->have && v->va == d->end && v->level == d->level &&
		    attr == d->attr && v->pa == d->pa + (d->end - d->va)) {
			d->end += v->size;
			return 0;
		}
		flush(d);
		d->have = 1;
		d->level = v->level;
		d->level_name = v->level_name;
		d->va = v->va;
		d->end = v->va + v->size;
		d->pa = v->pa;
		d->attr = attr;
		return 0;
	}
	if (v->kind == RVMM_VISIT_TABLE) {
		if (d->tables) {
			flush(d);
			table(d, v);
		}
		return 0;
	}
	flush(d);
	if (d->o->json) {
		rvmm_json_obj_begin(&d->j, NULL);
		rvmm_json_str(&d->j, "type", "anomaly");
		rvmm_json_str(&d->j, "anomaly", rvmm_anomaly_str(v->anomaly));
		rvmm_json_str(&d->j, "level", v->level_name);
		rvmm_json_hex(&d->j, "va_start", v->va);
		rvmm_json_u64(&d->j, "va_size", v->size);
		rvmm_json_hex(&d->j, "entry_pa", v->entry_pa);
		rvmm_json_hex(&d->j, "entry", v->entry);
		rvmm_json_hex(&d->j, "target_pa", v->pa);
		rvmm_json_obj_end(&d->j);
		return 0;
	}
	rvmm_printf(d->o,
		    "!! %s%s%s: %s entry @0x%016" PRIx64 " = 0x%016" PRIx64
		    " (%s) for VA 0x%016" PRIx64 ", target 0x%" PRIx64 "\n",
		    rvmm_anomaly_str(v->anomaly),
		    v->anomaly == RVMM_AN_NOT_IN_DUMP ? ": " : "",
		    v->anomaly == RVMM_AN_NOT_IN_DUMP ? d->s->absent : "",
		    v->level_name, v->entry_pa, v->entry,
		    rvmm_pte_bits_str(v->entry, bits, sizeof(bits)), v->va,
		    v->pa);
	return 0;
}

int rvmm_cmd_ptdump(struct rvmm_session *s, struct rvmm_out *o,
		    const char *region, int tables)
{
	struct rvmm_region r = {"all", "whole address space", 0, 0};
	struct rvmm_walk_stats st;
	struct pd d;
	int ret;

	if (region && strcmp(region, "all") &&
	    rvmm_region_find(&s->layout, region, &r)) {
		rvmm_err(
			s, o,
			"unknown region '%s' (try linear, vmemmap, vmalloc, modules, kernel, fixmap, pci-io, user, all)",
			region);
		return -1;
	}
	memset(&d, 0, sizeof(d));
	d.s = s;
	d.o = o;
	d.tables = tables;
	if (o->json) {
		rvmm_json_init(&d.j, o);
		rvmm_json_obj_begin(&d.j, NULL);
		rvmm_json_str(&d.j, "command", "ptdump");
		rvmm_json_str(&d.j, "region", r.name);
		rvmm_json_hex(&d.j, "start", r.start);
		rvmm_json_hex(&d.j, "end", r.end);
		rvmm_json_arr_begin(&d.j, "entries");
	}
	ret = rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels,
			r.start, r.end, s->opt.max_tables, visit, &d, &st);
	flush(&d);
	if (o->json) {
		rvmm_json_arr_end(&d.j);
		rvmm_json_obj_begin(&d.j, "stats");
		rvmm_json_u64(&d.j, "leaves", st.leaves);
		rvmm_json_u64(&d.j, "ranges", d.ranges);
		rvmm_json_u64(&d.j, "tables", st.tables);
		rvmm_json_u64(&d.j, "anomalies", st.anomalies);
		rvmm_json_bool(&d.j, "interrupted", st.interrupted);
		rvmm_json_bool(&d.j, "truncated", st.capped);
		rvmm_json_obj_end(&d.j);
		rvmm_json_obj_end(&d.j);
		rvmm_json_finish(&d.j);
	} else {
		rvmm_printf(
			o,
			"%lu leaves in %lu ranges, %lu tables, %lu anomalies%s%s\n",
			st.leaves, d.ranges, st.tables, st.anomalies,
			st.interrupted ? ", interrupted" : "",
			st.capped ? ", TRUNCATED at the table cap" : "");
	}
	return ret;
}

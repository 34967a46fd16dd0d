// SPDX-License-Identifier: GPL-2.0
/* `vtop`: one VA through swapper_pg_dir, every level shown. */
#include <inttypes.h>
#include <string.h>

#include "cmd.h"

/* The verdict of the table page an entry sits in: was it constructed? */
static void decode_table_page(const struct rvmm_session *s,
			      const struct rvmm_xlate_level *lv,
			      struct rvmm_page_info *pi)
{
	int is_pmd = !strcmp(lv->name, "PMD");

	if (rvmm_page_decode(s, lv->table_pa >> RVMM_PAGE_SHIFT, is_pmd, pi))
		pi->verdict = RVMM_TV_UNKNOWN;
}

static void print_level(const struct rvmm_session *s, struct rvmm_out *o,
			const struct rvmm_xlate *x, int i)
{
	const struct rvmm_xlate_level *lv = &x->lv[i];
	struct rvmm_page_info pi;
	char bits[64];

	rvmm_printf(o, "  %-3s table 0x%016" PRIx64 " [%3u] @0x%016" PRIx64,
		    lv->name, lv->table_pa, lv->index, lv->entry_pa);
	if (lv->rr != RVMM_READ_OK) {
		rvmm_printf(o, "  unreadable (%s)\n",
			    lv->rr == RVMM_READ_NOT_IN_DUMP ? s->absent
							    : "error");
		return;
	}
	rvmm_printf(o, " = 0x%016" PRIx64 "  %s\n", lv->entry,
		    rvmm_pte_bits_str(lv->entry, bits, sizeof(bits)));
	decode_table_page(s, lv, &pi);
	rvmm_printf(o, "      table page pfn 0x%" PRIx64 ": %s%s%s%s\n",
		    lv->table_pa >> RVMM_PAGE_SHIFT,
		    rvmm_table_verdict_str(pi.verdict), pi.why ? " (" : "",
		    pi.why ? pi.why : "", pi.why ? ")" : "");
}

int rvmm_cmd_vtop(struct rvmm_session *s, struct rvmm_out *o, uint64_t va)
{
	const struct rvmm_layout *l = &s->layout;
	const char *region = rvmm_region_of(l, va);
	uint64_t lin = 0, pfn = 0;
	int is_lin = 0, is_page;
	struct rvmm_page_info pi;
	struct rvmm_json j;
	struct rvmm_xlate x;
	char sz[24];
	int i;

	rvmm_translate(&s->src, l->swapper_pg_dir_pa, l->levels, va, &x);
	if (va >= l->page_offset && va < l->linear_end) {
		is_lin = 1;
		lin = rvmm_linear_va_to_pa(l, va);
	}
	is_page =
		va >= l->vmemmap_start && va < l->vmemmap_end &&
		!rvmm_page_to_pfn(
			l, va - (va - l->vmemmap) % l->page_struct_size, &pfn);
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "vtop");
		rvmm_json_hex(&j, "va", va);
		rvmm_json_str(&j, "region", region);
		rvmm_json_str(&j, "status", rvmm_xlate_status_str(x.status));
		if (x.status == RVMM_XL_OK) {
			rvmm_json_hex(&j, "pa", x.pa);
			rvmm_json_str(&j, "leaf_level",
				      x.lv[x.leaf_level].name);
			rvmm_json_u64(&j, "map_size", x.map_size);
		} else {
			rvmm_json_null(&j, "pa");
		}
		if (is_lin)
			rvmm_json_hex(&j, "linear_formula_pa", lin);
		if (is_page)
			rvmm_json_u64(&j, "struct_page_of_pfn", pfn);
		rvmm_json_arr_begin(&j, "levels");
		for (i = 0; i < x.nr; i++) {
			rvmm_json_obj_begin(&j, NULL);
			rvmm_json_str(&j, "level", x.lv[i].name);
			rvmm_json_hex(&j, "table_pa", x.lv[i].table_pa);
			rvmm_json_u64(&j, "index", x.lv[i].index);
			rvmm_json_hex(&j, "entry_pa", x.lv[i].entry_pa);
			if (x.lv[i].rr == RVMM_READ_OK)
				rvmm_pte_json(&j, "entry", x.lv[i].entry);
			else
				rvmm_json_null(&j, "entry");
			decode_table_page(s, &x.lv[i], &pi);
			rvmm_json_str(&j, "table_verdict",
				      rvmm_table_verdict_str(pi.verdict));
			if (pi.why)
				rvmm_json_str(&j, "table_why", pi.why);
			rvmm_json_obj_end(&j);
		}
		rvmm_json_arr_end(&j);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
		return x.status == RVMM_XL_OK ? 0 : -1;
	}
	rvmm_printf(o, "VA 0x%016" PRIx64 " (%s)", va, region);
	if (x.status == RVMM_XL_OK)
		rvmm_printf(o, " -> PA 0x%016" PRIx64 " via %s leaf at %s\n",
			    x.pa, rvmm_size_str(x.map_size, sz, sizeof(sz)),
			    x.lv[x.leaf_level].name);
	else if (x.status == RVMM_XL_NOT_IN_DUMP)
		rvmm_printf(o, ": %s: %s\n", rvmm_xlate_status_str(x.status),
			    s->absent);
	else
		rvmm_printf(o, ": %s\n", rvmm_xlate_status_str(x.status));
	for (i = 0; i < x.nr; i++)
		print_level(s, o, &x, i);
	if (is_lin)
		rvmm_printf(o,
			    "  linear-map formula gives PA 0x%016" PRIx64 "%s"
			    "\n",
			    lin,
			    x.status != RVMM_XL_OK ? ""
			    : lin == x.pa	   ? " (agrees)"
						   : " (DISAGREES)");
	if (is_page)
		rvmm_printf(o,
			    "  inside the struct page of pfn 0x%" PRIx64 "\n",
			    pfn);
	return x.status == RVMM_XL_OK ? 0 : -1;
}

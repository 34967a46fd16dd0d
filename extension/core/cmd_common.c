// SPDX-License-Identifier: GPL-2.0
/* Printing pieces shared by several commands. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"

void rvmm_print_page_info(struct rvmm_session *s, struct rvmm_out *o,
			  struct rvmm_json *j, const char *key,
			  const struct rvmm_page_info *pi)
{
	char fl[256];

	rvmm_page_flags_str(&s->pages, pi->flags, fl, sizeof(fl));
	if (o->json) {
		rvmm_json_obj_begin(j, key);
		rvmm_json_u64(j, "pfn", pi->pfn);
		rvmm_json_hex(j, "page", pi->page_va);
		if (pi->rr != RVMM_READ_OK) {
			rvmm_json_null(j, "page_pa");
			rvmm_json_str(j, "error", pi->why);
			rvmm_json_str(j, "verdict", "unknown");
			rvmm_json_obj_end(j);
			return;
		}
		rvmm_json_hex(j, "page_pa", pi->page_pa);
		rvmm_json_hex(j, "flags", pi->flags);
		rvmm_json_str(j, "flag_names", fl);
		if (pi->zone >= 0) {
			rvmm_json_s64(j, "zone", pi->zone);
			rvmm_json_s64(j, "node", pi->node);
		} else {
			rvmm_json_null(j, "zone");
			rvmm_json_null(j, "node");
		}
		rvmm_json_hex(j, "lru_next", pi->lru_next);
		rvmm_json_bool(j, "compound_tail", pi->compound_tail);
		rvmm_json_hex(j, "pmd_huge_pte", pi->lru_prev);
		rvmm_json_str(j, "pmd_huge_pte_kind",
			      rvmm_huge_pte_kind_str(pi->huge_pte_kind));
		rvmm_json_hex(j, "mapping", pi->mapping);
		rvmm_json_hex(j, "index", pi->index);
		rvmm_json_hex(j, "private", pi->private_);
		rvmm_json_hex(j, "page_type", pi->page_type);
		rvmm_json_str(j, "page_type_name", rvmm_ptype_str(pi->ptype));
		rvmm_json_s64(j, "refcount", pi->refcount);
		if (pi->has_memcg)
			rvmm_json_hex(j, "memcg_data", pi->memcg_data);
		else
			rvmm_json_null(j, "memcg_data");
		rvmm_json_bool(j, "reserved", pi->reserved);
		rvmm_json_bool(j, "free", pi->is_free);
		rvmm_json_str(j, "verdict",
			      rvmm_table_verdict_str(pi->verdict));
		rvmm_json_str(j, "why", pi->why);
		rvmm_json_obj_end(j);
		return;
	}
	rvmm_printf(o, "  pfn 0x%" PRIx64 "  struct page 0x%016" PRIx64,
		    pi->pfn, pi->page_va);
	if (pi->rr != RVMM_READ_OK) {
		rvmm_printf(o, "  (%s)\n", pi->why);
		return;
	}
	rvmm_printf(o, " (PA 0x%" PRIx64 ")\n", pi->page_pa);
	rvmm_printf(o, "    flags        0x%016" PRIx64 "  %s\n", pi->flags,
		    fl);
	if (pi->zone >= 0)
		rvmm_printf(o, "    zone %d node %d\n", pi->zone, pi->node);
	rvmm_printf(o, "    lru.next     0x%016" PRIx64 "%s\n", pi->lru_next,
		    pi->compound_tail ? "  (compound tail)" : "");
	rvmm_printf(o, "    pmd_huge_pte 0x%016" PRIx64 "  (%s)\n",
		    pi->lru_prev, rvmm_huge_pte_kind_str(pi->huge_pte_kind));
	rvmm_printf(o, "    mapping      0x%016" PRIx64 "\n", pi->mapping);
	rvmm_printf(o, "    index        0x%016" PRIx64 "\n", pi->index);
	rvmm_printf(o, "    private/ptl  0x%016" PRIx64 "\n", pi->private_);
	rvmm_printf(o, "    page_type    0x%08" PRIx32 "  (%s)\n",
		    pi->page_type, rvmm_ptype_str(pi->ptype));
	rvmm_printf(o, "    refcount     %" PRId32 "\n", pi->refcount);
	if (pi->has_memcg)
		rvmm_printf(o, "    memcg_data   0x%016" PRIx64 "\n",
			    pi->memcg_data);
	rvmm_printf(o, "    verdict      %s: %s\n",
		    rvmm_table_verdict_str(pi->verdict), pi->why);
}

void rvmm_print_notes(struct rvmm_session *s, struct rvmm_out *o,
		      struct rvmm_json *j)
{
	int i;

	if (o->json) {
		rvmm_json_arr_begin(j, "notes");
		for (i = 0; i < s->notes.nr; i++)
			rvmm_json_str(j, NULL, s->notes.line[i]);
		rvmm_json_arr_end(j);
		return;
	}
	for (i = 0; i < s->notes.nr; i++)
		rvmm_printf(o, "note: %s\n", s->notes.line[i]);
}

void rvmm_err(const struct rvmm_session *s, struct rvmm_out *o, const char *fmt,
	      ...)
{
	char msg[512];
	va_list ap;

	(void)s;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (o->json) {
		struct rvmm_json j;

		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "error", msg);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(o, "rvmm: %s\n", msg);
	}
}

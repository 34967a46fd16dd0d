// SPDX-License-Identifier: GPL-2.0
/* `triage`: is this dump the riscv64 vmemmap PMD dtor bug? */
#include <inttypes.h>

#include "cmd.h"
#include "forensics.h"

static void tri_json(struct rvmm_json *j, const char *key, int v)
{
	if (v < 0)
		rvmm_json_null(j, key);
	else
		rvmm_json_bool(j, key, v);
}

void rvmm_triage_json_members(struct rvmm_json *j, const struct rvmm_triage *t)
{
	int i;

	rvmm_json_str(j, "command", "triage");
	rvmm_json_str(j, "verdict", rvmm_verdict_str(t->verdict));
	rvmm_json_str(j, "signature", RVMM_SIGNATURE);
	rvmm_json_str(j, "variant", rvmm_variant_str(t->variant));
	tri_json(j, "fix_present", t->fix_present);
	rvmm_json_str(j, "fix_evidence",
		      rvmm_fix_evidence_str(t->fix_evidence));
	rvmm_json_str(j, "paging_mode", t->paging_mode);
	if (t->has_pmd_pfn)
		rvmm_json_u64(j, "pmd_table_pfn", t->pmd_table_pfn);
	else
		rvmm_json_null(j, "pmd_table_pfn");
	rvmm_json_bool(j, "vulnerable", t->vulnerable_warning);
	rvmm_json_str(j, "summary", t->summary);
	rvmm_json_arr_begin(j, "evidence");
	for (i = 0; i < t->nr; i++) {
		rvmm_json_obj_begin(j, NULL);
		rvmm_json_str(j, "kind", t->ev[i].kind);
		rvmm_json_str(j, "detail", t->ev[i].detail);
		rvmm_json_obj_end(j);
	}
	rvmm_json_arr_end(j);
}

int rvmm_cmd_triage(struct rvmm_session *s, struct rvmm_out *o)
{
	struct rvmm_triage t;
	struct rvmm_json j;
	int i;

	rvmm_triage_run(s, &t);
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_triage_json_members(&j, &t);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
		return t.verdict;
	}
	rvmm_printf(o, "verdict:     %s (%s)\n", rvmm_verdict_str(t.verdict),
		    RVMM_SIGNATURE);
	rvmm_printf(o, "variant:     %s\n",
		    t.variant ? rvmm_variant_str(t.variant) : "-");
	rvmm_printf(o, "fix present: %s (by %s)\n",
		    t.fix_present < 0 ? "unknown"
		    : t.fix_present   ? "yes (21f1b85c8912)"
				      : "no",
		    rvmm_fix_evidence_str(t.fix_evidence));
	rvmm_printf(o, "paging:      %s\n", t.paging_mode);
	if (t.has_pmd_pfn)
		rvmm_printf(o, "PMD table:   pfn 0x%" PRIx64 "\n",
			    t.pmd_table_pfn);
	rvmm_printf(o, "summary:     %s\n", t.summary);
	rvmm_printf(o, "evidence:\n");
	for (i = 0; i < t.nr; i++)
		rvmm_printf(o, "  [%s] %s\n", t.ev[i].kind, t.ev[i].detail);
	return t.verdict;
}

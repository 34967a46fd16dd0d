// SPDX-License-Identifier: GPL-2.0
/*
 * satp (privileged spec, RV64): MODE bits 63:60 (0 Bare, 8 Sv39, 9 Sv48,
 * 10 Sv57), ASID bits 59:44, root table PPN bits 43:0.
 */
#include <inttypes.h>

#include "rvmm.h"
#include "satp.h"

static const char *satp_mode_name(unsigned int mode)
{
	switch (mode) {
	case 0:
		return "Bare";
	case 8:
		return "Sv39";
	case 9:
		return "Sv48";
	case 10:
		return "Sv57";
	default:
		return "reserved";
	}
}

int live_cmd_satp(struct rvmm_session *s, struct rvmm_out *o, uint64_t satp,
		  unsigned int regno)
{
	const struct rvmm_layout *l = &s->layout;
	unsigned int mode = satp >> 60;
	uint64_t asid = (satp >> 44) & 0xffff;
	uint64_t root = (satp & ((1ULL << 44) - 1)) << RVMM_PAGE_SHIFT;
	int agrees = mode == 8U + (unsigned int)(l->levels - 3);
	int is_swapper = root == l->swapper_pg_dir_pa;
	struct rvmm_json j;

	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "satp");
		rvmm_json_hex(&j, "satp", satp);
		rvmm_json_u64(&j, "regno", regno);
		rvmm_json_u64(&j, "mode_field", mode);
		rvmm_json_str(&j, "mode", satp_mode_name(mode));
		rvmm_json_u64(&j, "asid", asid);
		rvmm_json_hex(&j, "root_pa", root);
		rvmm_json_bool(&j, "root_is_swapper_pg_dir", is_swapper);
		rvmm_json_hex(&j, "swapper_pg_dir_pa", l->swapper_pg_dir_pa);
		rvmm_json_str(&j, "layout_mode", l->mode);
		rvmm_json_bool(&j, "mode_agrees", agrees);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(o,
			    "satp 0x%016" PRIx64
			    " (register %u): mode %u (%s), ASID 0x%" PRIx64
			    ", root PPN 0x%" PRIx64 " (PA 0x%" PRIx64 ")\n",
			    satp, regno, mode, satp_mode_name(mode), asid,
			    root >> RVMM_PAGE_SHIFT, root);
		rvmm_printf(
			o, "root: %s (swapper_pg_dir at PA 0x%" PRIx64 ")\n",
			is_swapper
				? "swapper_pg_dir"
				: "a process page table (its kernel half copies swapper_pg_dir)",
			l->swapper_pg_dir_pa);
		rvmm_printf(
			o,
			"paging mode %s the kernel layout (%s, VA_BITS %d)\n",
			agrees ? "agrees with" : "DISAGREES with", l->mode,
			l->va_bits);
	}
	return agrees ? 0 : -1;
}

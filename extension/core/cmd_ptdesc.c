// SPDX-License-Identifier: GPL-2.0
/* `ptdesc`: one struct page read as a page-table descriptor. */
#include <inttypes.h>

#include "cmd.h"

int rvmm_cmd_ptdesc(struct rvmm_session *s, struct rvmm_out *o, uint64_t arg,
		    int is_page_va)
{
	struct rvmm_page_info pi;
	uint64_t pfn = arg;
	struct rvmm_json j;

	if (!s->pages.ok) {
		rvmm_err(s, o, "%s", s->pages.err.msg);
		return -1;
	}
	if (is_page_va && rvmm_page_to_pfn(&s->layout, arg, &pfn)) {
		rvmm_err(s, o,
			 "0x%016" PRIx64
			 " is not a struct page address (vmemmap 0x%016" PRIx64
			 ", SIZE(page) %" PRIu64 ")",
			 arg, s->layout.vmemmap, s->layout.page_struct_size);
		return -1;
	}
	rvmm_page_decode(s, pfn, -1, &pi);
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "ptdesc");
		rvmm_json_str(&j, "page_type_scheme",
			      rvmm_ptype_scheme_str(s->pages.scheme));
		rvmm_print_page_info(s, o, &j, "page", &pi);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(o, "ptdesc (page_type encoding: %s)\n",
			    rvmm_ptype_scheme_str(s->pages.scheme));
		rvmm_print_page_info(s, o, NULL, NULL, &pi);
	}
	return pi.rr == RVMM_READ_OK ? 0 : -1;
}

/* SPDX-License-Identifier: GPL-2.0 */
/* The subcommands every front end runs (cmd_*.c). */
#ifndef RVMM_COMMANDS_H
#define RVMM_COMMANDS_H

#include <stdint.h>

#include "json.h"
#include "session.h"

enum rvmm_vmemmap_sel {
	RVMM_VMEMMAP_ALL,
	RVMM_VMEMMAP_PFN,
	RVMM_VMEMMAP_SECTION
};

/* All commands return 0 on success, -1 after printing an error. */
int rvmm_cmd_info(struct rvmm_session *s, struct rvmm_out *o);
int rvmm_cmd_vtop(struct rvmm_session *s, struct rvmm_out *o, uint64_t va);
/* region: a CLI region name, or NULL / "all"; tables: list table pages
 * with their struct-page verdict too. */
int rvmm_cmd_ptdump(struct rvmm_session *s, struct rvmm_out *o,
		    const char *region, int tables);
int rvmm_cmd_vmemmap(struct rvmm_session *s, struct rvmm_out *o,
		     enum rvmm_vmemmap_sel sel, uint64_t arg);
/* arg is a pfn, or (is_page_va) the VA of a struct page. */
int rvmm_cmd_ptdesc(struct rvmm_session *s, struct rvmm_out *o, uint64_t arg,
		    int is_page_va);

#endif

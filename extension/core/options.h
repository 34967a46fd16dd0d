/* SPDX-License-Identifier: GPL-2.0 */
/* What a user can force instead of what the dump says: options of a session. */
#ifndef RVMM_OPTIONS_H
#define RVMM_OPTIONS_H

#include <string.h>

#include "page.h"

struct rvmm_options {
	/* Force the page_type scheme (RVMM_PTYPE_UNKNOWN = detect). */
	enum rvmm_ptype_scheme ptype_scheme;
	/* CONFIG_NODES_SHIFT when the kernel is NUMA; -1 = detect. */
	int nodes_shift;
	/* Cap on page tables one walk visits; 0 = default. */
	unsigned int max_tables;
	/* Go on when the vmlinux is not the dump's build (with a note). */
	int force;
};

/* Zero an options struct to "detect everything". */
static inline void rvmm_options_init(struct rvmm_options *o)
{
	memset(o, 0, sizeof(*o));
	o->ptype_scheme = RVMM_PTYPE_UNKNOWN;
	o->nodes_shift = -1;
}

#endif

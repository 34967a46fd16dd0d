/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register numbers from a GDB target description (target.xml and the
 * files it includes), numbered the way GDB numbers them.
 */
#ifndef RVMM_LIVE_TDESC_H
#define RVMM_LIVE_TDESC_H

struct rsp;

/*
 * Find register name (e.g. "satp") in the stub's target description.
 * 0 with *regno and *bitsize set, or -1 with a reason in r->err.
 */
int tdesc_find_register(struct rsp *r, const char *name, unsigned int *regno,
			unsigned int *bitsize);

#endif

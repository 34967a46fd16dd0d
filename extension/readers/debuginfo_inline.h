/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inlined instances of a function and the locations of their parameters,
 * from the DWARF of a vmlinux.  Addresses here are link-time ones; the
 * front ends relocate them where they cross struct rvmm_source.
 */
#ifndef RVMM_DEBUGINFO_INLINE_H
#define RVMM_DEBUGINFO_INLINE_H

#include "debuginfo.h"
#include "source.h"

/* See rvmm_source_ops.fn_instances. */
int rvmm_debuginfo_fn_instances(struct rvmm_debuginfo *di, const char *func,
				const struct rvmm_fn_instance *within,
				struct rvmm_fn_instance *out, int max);
/* See rvmm_source_ops.param_locations. */
int rvmm_debuginfo_param_locations(struct rvmm_debuginfo *di,
				   const struct rvmm_fn_instance *inst,
				   int index, char *name, size_t len,
				   struct rvmm_var_loc *loc, int max);

#endif

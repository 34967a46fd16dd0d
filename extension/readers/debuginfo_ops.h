/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RVMM_DEBUGINFO_OPS_H
#define RVMM_DEBUGINFO_OPS_H

#include <stddef.h>
#include <stdint.h>

/*
 * struct rvmm_source_ops members over a vmlinux.  ctx must point to a
 * struct whose first member is the struct rvmm_debuginfo pointer.
 */
int rvmm_di_op_symbol(void *ctx, const char *name, uint64_t *value);
long rvmm_di_op_struct_size(void *ctx, const char *type);
long rvmm_di_op_member_offset(void *ctx, const char *type, const char *member);
int rvmm_di_op_enumerator(void *ctx, const char *name, int64_t *value);
int rvmm_di_op_symbol_at(void *ctx, uint64_t addr, char *name, size_t len,
			 uint64_t *offset);
int rvmm_di_op_function_has_param(void *ctx, const char *func,
				  const char *param);
int rvmm_di_op_inline_chain(void *ctx, uint64_t addr, char (*names)[64],
			    int max);
int rvmm_di_op_vmlinux_build_id(void *ctx, char *hex, size_t len);
int rvmm_di_op_vmlinux_banner(void *ctx, char *buf, size_t len);
struct rvmm_fn_instance;
struct rvmm_var_loc;
int rvmm_di_op_fn_instances(void *ctx, const char *func,
			    const struct rvmm_fn_instance *within,
			    struct rvmm_fn_instance *out, int max);
int rvmm_di_op_param_locations(void *ctx, const struct rvmm_fn_instance *inst,
			       int index, char *name, size_t len,
			       struct rvmm_var_loc *loc, int max);

/* The initializers every such front end shares. */
#define RVMM_DEBUGINFO_OPS                                                  \
	.symbol = rvmm_di_op_symbol, .struct_size = rvmm_di_op_struct_size, \
	.member_offset = rvmm_di_op_member_offset,                          \
	.enumerator = rvmm_di_op_enumerator,                                \
	.symbol_at = rvmm_di_op_symbol_at,                                  \
	.function_has_param = rvmm_di_op_function_has_param,                \
	.inline_chain = rvmm_di_op_inline_chain,                            \
	.vmlinux_build_id = rvmm_di_op_vmlinux_build_id,                    \
	.vmlinux_banner = rvmm_di_op_vmlinux_banner,                        \
	.fn_instances = rvmm_di_op_fn_instances,                            \
	.param_locations = rvmm_di_op_param_locations

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * The symbol and type side of struct rvmm_source, answered from a vmlinux.
 * Shared by every front end that reads the vmlinux itself (stand-alone,
 * live): their contexts begin with the struct rvmm_debuginfo pointer.
 */
#include "debuginfo.h"
#include "debuginfo_ops.h"

static struct rvmm_debuginfo *di_of(void *ctx)
{
	return *(struct rvmm_debuginfo **)ctx;
}

int rvmm_di_op_symbol(void *ctx, const char *name, uint64_t *value)
{
	return rvmm_debuginfo_symbol(di_of(ctx), name, value, NULL);
}

long rvmm_di_op_struct_size(void *ctx, const char *type)
{
	return rvmm_debuginfo_struct_size(di_of(ctx), type);
}

long rvmm_di_op_member_offset(void *ctx, const char *type, const char *member)
{
	return rvmm_debuginfo_member_offset(di_of(ctx), type, member);
}

int rvmm_di_op_enumerator(void *ctx, const char *name, int64_t *value)
{
	return rvmm_debuginfo_enumerator(di_of(ctx), name, value);
}

int rvmm_di_op_symbol_at(void *ctx, uint64_t addr, char *name, size_t len,
			 uint64_t *offset)
{
	return rvmm_debuginfo_symbol_at(di_of(ctx), addr, name, len, offset);
}

int rvmm_di_op_function_has_param(void *ctx, const char *func,
				  const char *param)
{
	return rvmm_debuginfo_has_param(di_of(ctx), func, param);
}

int rvmm_di_op_inline_chain(void *ctx, uint64_t addr, char (*names)[64],
			    int max)
{
	return rvmm_debuginfo_inline_chain(di_of(ctx), addr, names, max);
}

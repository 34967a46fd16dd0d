// SPDX-License-Identifier: GPL-2.0
/*
 * The symbol and type side of struct rvmm_source, answered from a vmlinux.
 * Shared by every front end that reads the vmlinux itself (stand-alone,
 * live): their contexts begin with the struct rvmm_debuginfo pointer.
 */
#include "debuginfo.h"
#include "debuginfo_priv.h"
#include "debuginfo_ops.h"
#include "debuginfo_inline.h"

static struct rvmm_debuginfo *di_of(void *ctx)
{
	return *(struct rvmm_debuginfo **)ctx;
}

/*
 * KASLR moves only the kernel image: symbols below its link-time start
 * (absolute values, never addresses) keep their value.
 */
static uint64_t to_run(const struct rvmm_debuginfo *di, uint64_t link)
{
	uint64_t start;

	if (!di->image_offset ||
	    rvmm_debuginfo_symbol(di, "_start", &start, NULL) || link < start)
		return link;
	return link + (uint64_t)di->image_offset;
}

static uint64_t to_link(const struct rvmm_debuginfo *di, uint64_t run)
{
	return run - (uint64_t)di->image_offset;
}

int rvmm_di_op_symbol(void *ctx, const char *name, uint64_t *value)
{
	struct rvmm_debuginfo *di = di_of(ctx);

	if (rvmm_debuginfo_symbol(di, name, value, NULL))
		return -1;
	*value = to_run(di, *value);
	return 0;
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
	struct rvmm_debuginfo *di = di_of(ctx);

	return rvmm_debuginfo_symbol_at(di, to_link(di, addr), name, len,
					offset);
}

int rvmm_di_op_function_has_param(void *ctx, const char *func,
				  const char *param)
{
	return rvmm_debuginfo_has_param(di_of(ctx), func, param);
}

int rvmm_di_op_inline_chain(void *ctx, uint64_t addr, char (*names)[64],
			    int max)
{
	struct rvmm_debuginfo *di = di_of(ctx);

	return rvmm_debuginfo_inline_chain(di, to_link(di, addr), names, max);
}

int rvmm_di_op_vmlinux_build_id(void *ctx, char *hex, size_t len)
{
	return rvmm_debuginfo_build_id(di_of(ctx), hex, len);
}

int rvmm_di_op_vmlinux_banner(void *ctx, char *buf, size_t len)
{
	return rvmm_debuginfo_banner(di_of(ctx), buf, len);
}

int rvmm_di_op_fn_instances(void *ctx, const char *func,
			    const struct rvmm_fn_instance *within,
			    struct rvmm_fn_instance *out, int max)
{
	struct rvmm_debuginfo *di = di_of(ctx);
	int n, i, k;

	n = rvmm_debuginfo_fn_instances(di, func, within, out, max);
	for (i = 0; i < n && i < max; i++) {
		out[i].entry = to_run(di, out[i].entry);
		for (k = 0; k < out[i].nr_ranges; k++) {
			out[i].range[k].lo = to_run(di, out[i].range[k].lo);
			out[i].range[k].hi = to_run(di, out[i].range[k].hi);
		}
	}
	return n;
}

int rvmm_di_op_param_locations(void *ctx, const struct rvmm_fn_instance *inst,
			       int index, char *name, size_t len,
			       struct rvmm_var_loc *loc, int max)
{
	struct rvmm_debuginfo *di = di_of(ctx);
	struct rvmm_fn_instance link = *inst;
	int n, i;

	link.entry = to_link(di, inst->entry);
	n = rvmm_debuginfo_param_locations(di, &link, index, name, len, loc,
					   max);
	for (i = 0; i < n; i++) {
		if (loc[i].lo || loc[i].hi != UINT64_MAX) {
			loc[i].lo = to_run(di, loc[i].lo);
			loc[i].hi = to_run(di, loc[i].hi);
		}
	}
	return n;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The rvmm source interface over a crash session: physical reads through
 * crash's dump reader, symbols, DWARF layout and VMCOREINFO through crash's
 * own lookups.  Never uses FAULT_ON_ERROR: a failed read must come back to
 * the core as a result, not as a longjmp to the prompt.
 */
#include "defs.h"
#include "source_crash.h"
#include "debuginfo.h"
#include "debuginfo_inline.h"
#include "debuginfo_ops.h"

#define MAX_CACHED_KEYS 128

/* pc->read_vmcoreinfo returns fresh strings; the core wants stable ones. */
struct vmci_entry {
	char *key;
	char *value; /* NULL: the key is absent */
};

static struct vmci_entry vmci_cache[MAX_CACHED_KEYS];
static int vmci_cached;

/*
 * pc->readmem reports filtered pages as PAGE_EXCLUDED, which readmem()
 * folds into a plain failure; ask it directly, page by page.
 */
static enum rvmm_read_result crash_read_phys(void *ctx, uint64_t pa, void *buf,
					     size_t len)
{
	char *dst = buf;

	while (len) {
		size_t in_page = PAGESIZE() - (pa & (PAGESIZE() - 1));
		size_t chunk = len < in_page ? len : in_page;
		int got = pc->readmem(pc->mfd, dst, chunk, 0, pa);

		if (got == PAGE_EXCLUDED)
			return RVMM_READ_NOT_IN_DUMP;
		if (got != (int)chunk)
			return RVMM_READ_ERROR;
		dst += chunk;
		pa += chunk;
		len -= chunk;
	}
	return RVMM_READ_OK;
}

static int crash_symbol(void *ctx, const char *name, uint64_t *value)
{
	if (!symbol_exists((char *)name))
		return -1;
	*value = symbol_value((char *)name);
	return 0;
}

static long crash_struct_size(void *ctx, const char *type)
{
	return STRUCT_SIZE((char *)type);
}

/* "struct list_head" -> "list_head"; NULL for non-aggregates. */
static const char *aggregate_name(const char *type_name)
{
	if (!type_name)
		return NULL;
	if (!strncmp(type_name, "struct ", 7))
		return type_name + 7;
	if (!strncmp(type_name, "union ", 6))
		return type_name + 6;
	return type_name;
}

static long member_offset_one(const char *type, const char *member)
{
	long off = MEMBER_OFFSET((char *)type, (char *)member);

	if (off < 0)
		off = ANON_MEMBER_OFFSET((char *)type, (char *)member);
	return off;
}

/* Dotted paths ("lru.prev") step through each member's type. */
static long crash_member_offset(void *ctx, const char *type, const char *member)
{
	char path[128], type_buf[128];
	char *part, *next;
	long total = 0;

	if (strlen(member) >= sizeof(path) || strlen(type) >= sizeof(type_buf))
		return -1;
	strcpy(path, member);
	strcpy(type_buf, type);
	for (part = path; part; part = next) {
		const char *member_type;
		long off;

		next = strchr(part, '.');
		if (next)
			*next++ = '\0';
		off = member_offset_one(type_buf, part);
		if (off < 0)
			return -1;
		total += off;
		if (!next)
			break;
		member_type = aggregate_name(MEMBER_TYPE_NAME(type_buf, part));
		if (!member_type || strlen(member_type) >= sizeof(type_buf))
			return -1;
		memmove(type_buf, member_type, strlen(member_type) + 1);
	}
	return total;
}

static int crash_enumerator(void *ctx, const char *name, int64_t *value)
{
	long v;

	if (!enumerator_value((char *)name, &v))
		return -1;
	*value = v;
	return 0;
}

static const char *crash_vmcoreinfo(void *ctx, const char *key)
{
	int i;

	for (i = 0; i < vmci_cached; i++)
		if (!strcmp(vmci_cache[i].key, key))
			return vmci_cache[i].value;
	if (!pc->read_vmcoreinfo)
		return NULL;
	if (vmci_cached == MAX_CACHED_KEYS)
		return pc->read_vmcoreinfo(
			key); /* leaks; never hit in practice */
	vmci_cache[vmci_cached].key = strdup(key);
	vmci_cache[vmci_cached].value = pc->read_vmcoreinfo(key);
	return vmci_cache[vmci_cached++].value;
}

/* ctx is the front end's Ctrl-C flag, set by its signal handler. */
static int crash_interrupted(void *ctx)
{
	const volatile sig_atomic_t *stop = ctx;

	return (stop && *stop) || received_SIGINT();
}

/*
 * crash's symbol table cannot see inlined functions or their parameters;
 * the kernel's DWARF can.  Opened once, on the vmlinux crash was given,
 * with crash's own KASLR offset, so that the shared debuginfo ops
 * (debuginfo_ops.c) relocate every address in the one place they do for
 * the other front ends.
 */
static struct rvmm_debuginfo *namelist_dwarf;
static int namelist_dwarf_tried;

static struct rvmm_debuginfo *dwarf_of_namelist(void)
{
	struct rvmm_error err;

	if (!namelist_dwarf_tried) {
		namelist_dwarf_tried = 1;
		namelist_dwarf = rvmm_debuginfo_open(pc->namelist, &err);
		if (namelist_dwarf)
			/* kt->relocate is link-time minus run-time */
			rvmm_debuginfo_set_image_offset(namelist_dwarf,
							-(int64_t)kt->relocate);
		else
			error(INFO, "%s\n", err.msg);
	}
	return namelist_dwarf;
}

/*
 * Text symbols only: triage asks which function holds a code address.
 * The vmlinux's own symbol table answers as it does stand-alone; crash's
 * is the fallback, past the riscv ISA mapping symbols ("$x...") that
 * share their addresses with functions.
 */
static int crash_symbol_at(void *ctx, uint64_t addr, char *name, size_t len,
			   uint64_t *offset)
{
	struct syment *sp;
	ulong off = 0;

	if (dwarf_of_namelist())
		return rvmm_di_op_symbol_at(&namelist_dwarf, addr, name, len,
					    offset);
	sp = value_search(addr, &off);
	if (sp && sp->name[0] == '$')
		sp = next_symbol(NULL, sp);
	if (!sp || sp->value > addr || (sp->type != 't' && sp->type != 'T'))
		return -1;
	snprintf(name, len, "%s", sp->name);
	*offset = addr - sp->value;
	return 0;
}

static int crash_function_has_param(void *ctx, const char *func,
				    const char *param)
{
	return dwarf_of_namelist()
		       ? rvmm_di_op_function_has_param(&namelist_dwarf, func,
						       param)
		       : -1;
}

static int crash_inline_chain(void *ctx, uint64_t addr, char (*names)[64],
			      int max)
{
	return dwarf_of_namelist() ? rvmm_di_op_inline_chain(&namelist_dwarf,
							     addr, names, max)
				   : -1;
}

static int crash_vmlinux_build_id(void *ctx, char *hex, size_t len)
{
	return dwarf_of_namelist()
		       ? rvmm_di_op_vmlinux_build_id(&namelist_dwarf, hex, len)
		       : -1;
}

static int crash_vmlinux_banner(void *ctx, char *buf, size_t len)
{
	return dwarf_of_namelist()
		       ? rvmm_di_op_vmlinux_banner(&namelist_dwarf, buf, len)
		       : -1;
}

static int crash_fn_instances(void *ctx, const char *func,
			      const struct rvmm_fn_instance *within,
			      struct rvmm_fn_instance *out, int max)
{
	return dwarf_of_namelist()
		       ? rvmm_di_op_fn_instances(&namelist_dwarf, func, within,
						 out, max)
		       : -1;
}

static int crash_param_locations(void *ctx, const struct rvmm_fn_instance *inst,
				 int index, char *name, size_t len,
				 struct rvmm_var_loc *loc, int max)
{
	return dwarf_of_namelist()
		       ? rvmm_di_op_param_locations(&namelist_dwarf, inst,
						    index, name, len, loc, max)
		       : -2;
}

/*
 * crash reads the dump level of a kdump-compressed file from its
 * sub-header (-1 for other formats).  No page_state: crash answers only
 * by reading, which crash_read_phys() does.
 */
static int crash_dump_level(void *ctx)
{
	return get_dump_level();
}

static const struct rvmm_source_ops crash_source_ops = {
	.read_phys = crash_read_phys,
	.symbol = crash_symbol,
	.struct_size = crash_struct_size,
	.member_offset = crash_member_offset,
	.enumerator = crash_enumerator,
	.vmcoreinfo = crash_vmcoreinfo,
	.interrupted = crash_interrupted,
	.symbol_at = crash_symbol_at,
	.function_has_param = crash_function_has_param,
	.inline_chain = crash_inline_chain,
	.fn_instances = crash_fn_instances,
	.param_locations = crash_param_locations,
	.vmlinux_build_id = crash_vmlinux_build_id,
	.vmlinux_banner = crash_vmlinux_banner,
	.dump_level = crash_dump_level,
};

void rvmm_crash_source(struct rvmm_source *src,
		       const volatile sig_atomic_t *stop_flag)
{
	src->ops = &crash_source_ops;
	src->ctx = (void *)stop_flag;
	src->name = pc->dumpfile ? pc->dumpfile : "crash";
}

void rvmm_crash_source_release(void)
{
	int i;

	for (i = 0; i < vmci_cached; i++) {
		free(vmci_cache[i].key);
		free(vmci_cache[i].value);
	}
	vmci_cached = 0;
	rvmm_debuginfo_close(namelist_dwarf);
	namelist_dwarf = NULL;
	namelist_dwarf_tried = 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * crash 9.0.2 reads the riscv64 layout from VMCOREINFO only
 * (riscv64.c: NUMBER(phys_ram_base), NUMBER(VA_BITS), NUMBER(PAGE_OFFSET),
 * NUMBER(VMALLOC_START/END), NUMBER(VMEMMAP_START/END),
 * NUMBER(KERNEL_LINK_ADDR), NUMBER(MODULES_VADDR/END), and from 6.4 on
 * NUMBER(va_kernel_pa_offset)) and stops when one is missing, as it is in
 * riscv64 kernels without arch_crash_save_vmcoreinfo (6.1: "cannot read
 * phys_ram_base").  rvmm's core resolves the same numbers from the
 * vmlinux and memory; this file only asks it and writes the answers the
 * way a newer kernel would.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rvmm.h"
#include "debuginfo_ops.h"
#include "dumpfile.h"
#include "dump_source.h"
#include "addlayout.h"

/*
 * The keys, their format and order come from the core's layout rules
 * (rvmm_layout_numbers).  Not among them: KERNELOFFSET and NUMBER(satp),
 * which only 7.x writes: the core's layout holds neither, crash's riscv64
 * code reads neither (KERNELOFFSET only makes crash look for a KASLR
 * offset, and 6.1 has no riscv64 KASLR), and satp is a CPU register as
 * the kernel saw it at boot, not a layout number.
 */
static int format_line(char *buf, size_t len,
		       const struct rvmm_layout_number *n)
{
	if (n->decimal)
		return snprintf(buf, len, "%s=%" PRId64 "\n", n->key,
				(int64_t)n->value);
	return snprintf(buf, len, "%s=0x%" PRIx64 "\n", n->key, n->value);
}

/* "NUMBER(VA_BITS)" as the mark names it: "VA_BITS" */
static int bare_name_len(const char *key, const char **name)
{
	*name = key + strlen("NUMBER(");
	return (int)strlen(*name) - 1;
}

/*
 * The stand-alone source with one change: VMCOREINFO is read from the
 * text OUT will carry (the dump's own, or the note found in memory).
 */
struct overlay {
	struct rvmm_debuginfo *di; /* first: RVMM_DEBUGINFO_OPS */
	const struct rvmm_source *inner;
	struct rvmm_vmcoreinfo_lines vmcoreinfo;
};

static enum rvmm_read_result ov_read_phys(void *ctx, uint64_t pa, void *buf,
					  size_t len)
{
	const struct overlay *o = ctx;

	return o->inner->ops->read_phys(o->inner->ctx, pa, buf, len);
}

static const char *ov_vmcoreinfo(void *ctx, const char *key)
{
	const struct overlay *o = ctx;

	return rvmm_vmcoreinfo_find(&o->vmcoreinfo, key);
}

static int ov_dump_level(void *ctx)
{
	const struct overlay *o = ctx;

	return o->inner->ops->dump_level
		       ? o->inner->ops->dump_level(o->inner->ctx)
		       : -1;
}

static enum rvmm_read_result ov_page_state(void *ctx, uint64_t pa)
{
	const struct overlay *o = ctx;

	return o->inner->ops->page_state
		       ? o->inner->ops->page_state(o->inner->ctx, pa)
		       : RVMM_READ_OK;
}

static const struct rvmm_source_ops overlay_ops = {
	.read_phys = ov_read_phys,
	.vmcoreinfo = ov_vmcoreinfo,
	.dump_level = ov_dump_level,
	.page_state = ov_page_state,
	RVMM_DEBUGINFO_OPS,
};

/* rvmm_session_open over src; the layout's numbers, or -1 with err. */
static int resolve(const struct rvmm_source *src,
		   struct rvmm_layout_number *numbers, struct rvmm_error *err)
{
	struct rvmm_session *s = calloc(1, sizeof(*s));
	int ret;

	if (!s)
		return rvmm_fail(err, RVMM_EFAILED, "out of memory");
	ret = rvmm_session_open(s, src, NULL);
	if (ret) {
		/* rvmm's --force is not ours: a layout needs the right build */
		const char *msg = s->err.msg;
		const char *hint = strstr(msg, " (--force goes on anyway)");

		rvmm_fail(err, s->err.code,
			  "rvmm cannot resolve the layout: %.*s",
			  hint ? (int)(hint - msg) : (int)strlen(msg), msg);
	} else {
		rvmm_layout_numbers(&s->layout, numbers);
	}
	free(s);
	return ret;
}

int add_layout(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
	       const char *base, size_t len, struct added_layout *out,
	       struct rvmm_error *err)
{
	struct overlay o = {.di = di};
	struct rvmm_layout_number numbers[RVMM_LAYOUT_NUMBERS];
	struct rvmm_source inner = {0}, src;
	size_t cap, used, nlen = 0, llen = 0;
	char line[96];
	int ret = -1;

	memset(out, 0, sizeof(*out));
	o.inner = &inner;
	if (rvmm_dump_source_wrap(di, dump, &inner) ||
	    rvmm_vmcoreinfo_split(base, len, &o.vmcoreinfo)) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		goto out;
	}
	src = (struct rvmm_source){&overlay_ops, &o, inner.name};
	if (resolve(&src, numbers, err))
		goto out;
	for (int i = 0; i < RVMM_LAYOUT_NUMBERS; i++)
		out->value[i] = numbers[i].value;
	cap = len + 1 + RVMM_LAYOUT_NUMBERS * sizeof(line) +
	      sizeof(out->names) + sizeof(ADDLAYOUT_MARK) + 2;
	out->text = malloc(cap);
	if (!out->text) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		goto out;
	}
	memcpy(out->text, base, len);
	used = len;
	if (used && out->text[used - 1] != '\n')
		out->text[used++] = '\n';
	for (int i = 0; i < RVMM_LAYOUT_NUMBERS; i++) {
		const char *name;
		int n, name_len;

		if (ov_vmcoreinfo(&o, numbers[i].key))
			continue; /* the kernel wrote it: never override */
		n = format_line(line, sizeof(line), &numbers[i]);
		memcpy(out->text + used, line, n);
		used += n;
		name_len = bare_name_len(numbers[i].key, &name);
		nlen += snprintf(out->names + nlen, sizeof(out->names) - nlen,
				 "%s%.*s", out->nr ? "," : "", name_len, name);
		llen += snprintf(out->lines + llen, sizeof(out->lines) - llen,
				 "%s%.*s", out->nr ? " " : "", n - 1, line);
		out->nr++;
	}
	if (!out->nr) {
		free(out->text);
		out->text = NULL;
	} else {
		used += snprintf(out->text + used, cap - used, "%s=%s\n",
				 ADDLAYOUT_MARK, out->names);
		out->len = used;
	}
	ret = 0;
out:
	rvmm_vmcoreinfo_lines_free(&o.vmcoreinfo);
	rvmm_dump_source_close(&inner);
	return ret;
}

int check_layout(struct rvmm_debuginfo *di, const char *path,
		 const struct added_layout *a, struct rvmm_error *err)
{
	struct rvmm_layout_number numbers[RVMM_LAYOUT_NUMBERS];
	struct rvmm_source src = {0};
	struct rvmm_dump *dump;
	struct rvmm_error why;
	int ret = 0;

	dump = rvmm_dump_open(path, &why);
	if (!dump)
		return rvmm_fail(err, why.code, "the result does not open: %s",
				 why.msg);
	if (rvmm_dump_source_wrap(di, dump, &src)) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		ret = -1;
		goto out;
	}
	if (resolve(&src, numbers, err)) {
		ret = -1;
		goto out;
	}
	for (int i = 0; i < RVMM_LAYOUT_NUMBERS; i++) {
		const char *key = numbers[i].key;
		uint64_t got = 0;

		if (rvmm_vmci_get(&src, key, &got) != RVMM_VMCI_OK ||
		    got != a->value[i] || numbers[i].value != a->value[i]) {
			rvmm_fail(err, RVMM_EINPUT,
				  "%s reads back as %#" PRIx64
				  " and resolves to %#" PRIx64
				  ", not %#" PRIx64,
				  key, got, numbers[i].value, a->value[i]);
			ret = -1;
			break;
		}
	}
out:
	rvmm_dump_source_close(&src);
	rvmm_dump_close(dump);
	return ret;
}

void added_layout_free(struct added_layout *a)
{
	free(a->text);
	a->text = NULL;
}

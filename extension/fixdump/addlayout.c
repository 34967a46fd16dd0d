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
 * Key, format and layout field, in the order Linux 7.2 writes them:
 * NUMBER(VMALLOC_START) in kernel/vmcore_info.c, the rest in
 * arch/riscv/kernel/vmcore_info.c.  VMCOREINFO_NUMBER() prints %ld, the
 * vmcoreinfo_append_str() lines 0x%lx.  Not here: KERNELOFFSET and
 * NUMBER(satp), which only 7.x writes: the core's layout holds neither,
 * crash's riscv64 code reads neither (KERNELOFFSET only makes crash look
 * for a KASLR offset, and 6.1 has no riscv64 KASLR), and satp is a CPU
 * register as the kernel saw it at boot, not a layout number.
 */
enum key_fmt { HEX, DEC };

static const struct {
	const char *name;
	enum key_fmt fmt;
} keys[ADDLAYOUT_KEYS] = {
	{"VMALLOC_START", HEX}, /* kernel/vmcore_info.c: 0x%lx */
	{"phys_ram_base", DEC}, /* arch/riscv/kernel/vmcore_info.c: %ld */
	{"PAGE_OFFSET", HEX}, /* 0x%lx */
	{"VMALLOC_END", HEX}, /* 0x%lx */
	{"VA_BITS", DEC}, /* VMCOREINFO_NUMBER(): %ld */
	{"VMEMMAP_START", HEX}, /* 0x%lx */
	{"VMEMMAP_END", HEX}, /* 0x%lx */
	{"MODULES_VADDR", HEX}, /* 0x%lx */
	{"MODULES_END", HEX}, /* 0x%lx */
	{"KERNEL_LINK_ADDR", HEX}, /* 0x%lx */
	{"va_kernel_pa_offset", HEX}, /* 0x%lx (not with XIP_KERNEL) */
};

/* The core's answer for each key, in the order of keys[]. */
static void layout_values(const struct rvmm_layout *l, uint64_t *v)
{
	v[0] = l->vmalloc_start;
	v[1] = l->phys_ram_base;
	v[2] = l->page_offset;
	v[3] = l->vmalloc_end;
	v[4] = (uint64_t)l->va_bits;
	v[5] = l->vmemmap_start;
	v[6] = l->vmemmap_end;
	v[7] = l->modules_vaddr;
	v[8] = l->modules_end;
	v[9] = l->kernel_link_addr;
	v[10] = l->va_kernel_pa_offset;
}

static int format_line(char *buf, size_t len, int i, uint64_t v)
{
	if (keys[i].fmt == DEC)
		return snprintf(buf, len, "NUMBER(%s)=%" PRId64 "\n",
				keys[i].name, (int64_t)v);
	return snprintf(buf, len, "NUMBER(%s)=0x%" PRIx64 "\n", keys[i].name,
			v);
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

/* rvmm_session_open over src; the layout's values, or -1 with why. */
static int resolve(const struct rvmm_source *src, uint64_t *v, char *why,
		   size_t whylen)
{
	struct rvmm_session *s = calloc(1, sizeof(*s));
	const char *err;

	if (!s) {
		snprintf(why, whylen, "out of memory");
		return -1;
	}
	err = rvmm_session_open(s, src, NULL);
	if (err) {
		/* rvmm's --force is not ours: a layout needs the right build */
		const char *hint = strstr(err, " (--force goes on anyway)");

		snprintf(why, whylen, "rvmm cannot resolve the layout: %.*s",
			 hint ? (int)(hint - err) : (int)strlen(err), err);
	} else {
		layout_values(&s->layout, v);
	}
	free(s);
	return err ? -1 : 0;
}

int add_layout(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
	       const char *base, size_t len, struct added_layout *out,
	       char *why, size_t whylen)
{
	struct overlay o = {.di = di};
	struct rvmm_source inner = {0}, src;
	size_t cap, used, nlen = 0, llen = 0;
	char line[96];
	int ret = -1;

	memset(out, 0, sizeof(*out));
	o.inner = &inner;
	if (rvmm_dump_source_wrap(di, dump, &inner) ||
	    rvmm_vmcoreinfo_split(base, len, &o.vmcoreinfo)) {
		snprintf(why, whylen, "out of memory");
		goto out;
	}
	src = (struct rvmm_source){&overlay_ops, &o, inner.name};
	if (resolve(&src, out->value, why, whylen))
		goto out;
	cap = len + 1 + ADDLAYOUT_KEYS * sizeof(line) + sizeof(out->names) +
	      sizeof(ADDLAYOUT_MARK) + 2;
	out->text = malloc(cap);
	if (!out->text) {
		snprintf(why, whylen, "out of memory");
		goto out;
	}
	memcpy(out->text, base, len);
	used = len;
	if (used && out->text[used - 1] != '\n')
		out->text[used++] = '\n';
	for (int i = 0; i < ADDLAYOUT_KEYS; i++) {
		char key[48];
		int n;

		snprintf(key, sizeof(key), "NUMBER(%s)", keys[i].name);
		if (ov_vmcoreinfo(&o, key))
			continue; /* the kernel wrote it: never override */
		n = format_line(line, sizeof(line), i, out->value[i]);
		memcpy(out->text + used, line, n);
		used += n;
		nlen += snprintf(out->names + nlen, sizeof(out->names) - nlen,
				 "%s%s", out->nr ? "," : "", keys[i].name);
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
		 const struct added_layout *a, char *why, size_t whylen)
{
	uint64_t v[ADDLAYOUT_KEYS];
	struct rvmm_source src = {0};
	struct rvmm_dump *dump;
	char err[512];
	int ret = 0;

	dump = rvmm_dump_open(path, err, sizeof(err));
	if (!dump) {
		snprintf(why, whylen, "the result does not open: %s", err);
		return -1;
	}
	if (rvmm_dump_source_wrap(di, dump, &src)) {
		snprintf(why, whylen, "out of memory");
		ret = -1;
		goto out;
	}
	if (resolve(&src, v, why, whylen)) {
		ret = -1;
		goto out;
	}
	for (int i = 0; i < ADDLAYOUT_KEYS; i++) {
		uint64_t got = 0;
		char key[48];

		snprintf(key, sizeof(key), "NUMBER(%s)", keys[i].name);
		if (rvmm_vmci_get(&src, key, &got) != RVMM_VMCI_OK ||
		    got != a->value[i] || v[i] != a->value[i]) {
			snprintf(why, whylen,
				 "%s reads back as %#" PRIx64
				 " and resolves to %#" PRIx64 ", not %#" PRIx64,
				 key, got, v[i], a->value[i]);
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

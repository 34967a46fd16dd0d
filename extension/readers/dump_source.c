// SPDX-License-Identifier: GPL-2.0
/* struct rvmm_source_ops over a vmcore (dumpfile.c) and a vmlinux. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debuginfo.h"
#include "debuginfo_ops.h"
#include "dumpfile.h"
#include "dump_source.h"
#include "kimage.h"
#include "identity.h"

struct standalone_ctx {
	struct rvmm_debuginfo *di; /* first: debuginfo_ops.h */
	struct rvmm_dump *dump;
	int owned; /* opened here, closed here */
	char warning[512];
};

static enum rvmm_read_result sa_read_phys(void *ctx, uint64_t pa, void *buf,
					  size_t len)
{
	struct standalone_ctx *sa = ctx;

	return rvmm_dump_read_phys(sa->dump, pa, buf, len);
}

static const char *sa_vmcoreinfo(void *ctx, const char *key)
{
	struct standalone_ctx *sa = ctx;

	return rvmm_dump_vmcoreinfo(sa->dump, key);
}

static int sa_dump_level(void *ctx)
{
	struct standalone_ctx *sa = ctx;

	return rvmm_dump_level(sa->dump);
}

static enum rvmm_read_result sa_page_state(void *ctx, uint64_t pa)
{
	struct standalone_ctx *sa = ctx;

	return rvmm_dump_page_state(sa->dump, pa);
}

static const struct rvmm_source_ops standalone_ops = {
	.read_phys = sa_read_phys,
	.vmcoreinfo = sa_vmcoreinfo,
	.dump_level = sa_dump_level,
	.page_state = sa_page_state,
	RVMM_DEBUGINFO_OPS,
};

/*
 * KASLR: the dump says where the image ran (VMCOREINFO), else the image
 * found in its RAM by the banner says so; symbols follow from here.
 */
static void relocate_image(struct standalone_ctx *sa,
			   const struct rvmm_source *src)
{
	const struct rvmm_phys_range *r;
	uint64_t link_stext = 0;
	struct rvmm_kimage img;
	const char *how;
	size_t i, n;
	int64_t off;

	rvmm_debuginfo_symbol(sa->di, "_stext", &link_stext, NULL);
	if (!rvmm_image_offset_from_vmcoreinfo(src, link_stext, &off, &how)) {
		rvmm_debuginfo_set_image_offset(sa->di, off);
		return;
	}
	r = rvmm_dump_ranges(sa->dump, &n);
	for (i = 0; r && i < n; i++)
		if (!rvmm_kimage_find(src, sa->di, r[i].start,
				      r[i].end - r[i].start, &img)) {
			rvmm_debuginfo_set_image_offset(sa->di, img.offset);
			return;
		}
}

static struct standalone_ctx *
wrap(struct rvmm_debuginfo *di, struct rvmm_dump *dump, struct rvmm_source *src)
{
	struct standalone_ctx *sa = calloc(1, sizeof(*sa));

	if (!sa)
		return NULL;
	sa->di = di;
	sa->dump = dump;
	if (!rvmm_dump_vmcoreinfo_raw(dump))
		snprintf(
			sa->warning, sizeof(sa->warning),
			"%s has no VMCOREINFO (QEMU dump without a working vmcoreinfo device?); repair it with: rvmm-fixdump VMLINUX %s FIXED",
			rvmm_dump_path(dump), rvmm_dump_path(dump));
	src->ops = &standalone_ops;
	src->ctx = sa;
	src->name = rvmm_dump_path(dump);
	relocate_image(sa, src);
	return sa;
}

int rvmm_dump_source_wrap(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
			  struct rvmm_source *src)
{
	if (wrap(di, dump, src))
		return 0;
	src->ctx = NULL; /* rvmm_dump_source_close() does nothing */
	return -1;
}

int rvmm_dump_source_open(const char *vmlinux, const char *dumpfile,
			  struct rvmm_source *src, struct rvmm_error *err)
{
	struct rvmm_debuginfo *di;
	struct rvmm_dump *dump;
	struct standalone_ctx *sa;

	dump = rvmm_dump_open(dumpfile, err);
	if (!dump)
		return -1;
	di = rvmm_debuginfo_open(vmlinux, err);
	if (!di) {
		rvmm_dump_close(dump);
		return -1;
	}
	sa = wrap(di, dump, src);
	if (!sa) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		rvmm_debuginfo_close(di);
		rvmm_dump_close(dump);
		return -1;
	}
	sa->owned = 1;
	return 0;
}

const char *rvmm_dump_source_vmcoreinfo_warning(const struct rvmm_source *src)
{
	const struct standalone_ctx *sa = src->ctx;

	return sa->warning[0] ? sa->warning : NULL;
}

void rvmm_dump_source_close(struct rvmm_source *src)
{
	struct standalone_ctx *sa = src->ctx;

	if (!sa)
		return;
	if (sa->owned) {
		rvmm_debuginfo_close(sa->di);
		rvmm_dump_close(sa->dump);
	}
	free(sa);
	src->ctx = NULL;
}

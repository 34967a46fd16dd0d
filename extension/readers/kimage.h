/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which kernel runs in the guest, and where KASLR put it: found from the
 * guest's physical memory alone, before any symbol address is trusted.
 */
#ifndef RVMM_KIMAGE_H
#define RVMM_KIMAGE_H

#include <stddef.h>
#include <stdint.h>

struct rvmm_debuginfo;
struct rvmm_source;

enum rvmm_kimage_ident {
	RVMM_KIMAGE_SAME, /* the vmlinux's linux_banner is the guest's */
	RVMM_KIMAGE_DIFFERENT, /* another build runs in the guest */
	RVMM_KIMAGE_UNKNOWN, /* no kernel image found in guest memory */
};

struct rvmm_kimage {
	enum rvmm_kimage_ident ident;
	uint64_t image_pa; /* PA of _start in the guest (kernel_map.phys_addr) */
	int64_t offset; /* KASLR: run-time minus link-time image address */
	char vmlinux_build[200]; /* "6.12.117 #1 SMP Wed Nov 25 ..." */
	char guest_build[200]; /* same, from guest memory, or "?" */
	char msg[600]; /* one line: why not RVMM_KIMAGE_SAME, or what was found */
};

/*
 * Look for the kernel image at the 2 MiB-aligned PAs of RAM [ram_base,
 * ram_base + ram_len), compare its linux_banner with di's and, when they
 * are the same build, read kernel_map there for the KASLR offset.  Only
 * src's read_phys is used.  0 when g->ident is RVMM_KIMAGE_SAME and g->offset is
 * valid; -1 otherwise, with the reason in g->msg.
 */
int rvmm_kimage_find(const struct rvmm_source *src, struct rvmm_debuginfo *di,
		     uint64_t ram_base, uint64_t ram_len,
		     struct rvmm_kimage *g);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Identity and KASLR offset of the kernel in a guest or a dump, from
 * physical memory alone; see kimage.h.
 *
 * KASLR on riscv64 moves only the virtual address of the image (by a
 * multiple of 2 MiB, kernel_map.virt_offset): the image stays where the
 * boot loader put it in physical memory, 2 MiB aligned, and is mapped
 * linearly.  So every image symbol sits at image PA + (link address -
 * _start), whatever the offset: linux_banner there tells whether the
 * vmlinux is the guest's build, and kernel_map there tells the offset
 * (virt_addr - the link address of _start).  Nothing else is needed: no
 * satp (a RAM file has none), no VMCOREINFO (found only through symbols).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "identity.h"
#include "source.h"
#include "debuginfo.h"
#include "kimage.h"

#define SZ_2M (2ULL << 20)
#define BANNER_MAX 512
/* arch/riscv/include/asm/image.h: the header at _start */
#define IMAGE_SIZE_OFF 0x10
#define IMAGE_MAGIC_OFF 0x30
#define IMAGE_MAGIC2_OFF 0x38
#define IMAGE_SCAN_MAX (64ULL << 20)
#define SCAN_CHUNK 65536

static int rd(const struct rvmm_source *src, uint64_t pa, void *buf, size_t len)
{
	return src->ops->read_phys(src->ctx, pa, buf, len) == RVMM_READ_OK ? 0
									   : -1;
}

/* A RISC-V Image header (head.S) at pa: 0 and its image_size, or -1. */
static int image_header(const struct rvmm_source *src, uint64_t pa,
			uint64_t *size)
{
	unsigned char h[64];

	if (rd(src, pa, h, sizeof(h)) ||
	    memcmp(h + IMAGE_MAGIC_OFF, "RISCV\0\0\0", 8) ||
	    memcmp(h + IMAGE_MAGIC2_OFF, "RSC\x05", 4))
		return -1;
	memcpy(size, h + IMAGE_SIZE_OFF, 8);
	return 0;
}

/*
 * Is there a banner at pa?  Copies it (NUL-terminated) to out.  A
 * versioned one ("#N " after the compiler) is linux_banner proper;
 * init/version.c also leaves a weak copy without the build number.
 */
static int banner_at(const struct rvmm_source *src, uint64_t pa, char *out,
		     size_t len, int *versioned)
{
	const char *hash;

	memset(out, 0, len);
	if (rd(src, pa, out, len - 1) ||
	    strncmp(out, RVMM_BANNER_PREFIX, strlen(RVMM_BANNER_PREFIX)))
		return -1;
	out[strcspn(out, "\n")] = '\0';
	hash = strstr(out, " #");
	*versioned = hash && hash[2] >= '0' && hash[2] <= '9';
	return 0;
}

/*
 * The guest's own banner in its image at pa: first where the vmlinux has
 * its own (similar builds share the layout), else the first versioned one
 * in the image.
 */
static void guest_banner(const struct rvmm_source *src, uint64_t pa,
			 uint64_t guess, uint64_t size, char *out, size_t len)
{
	static unsigned char chunk[SCAN_CHUNK + 16];
	uint64_t off;
	size_t i, n;
	int v;

	if (!banner_at(src, pa + guess, out, len, &v) && v)
		return;
	if (!size || size > IMAGE_SCAN_MAX)
		size = IMAGE_SCAN_MAX;
	for (off = 0; off < size; off += SCAN_CHUNK) {
		n = size - off < SCAN_CHUNK ? size - off : SCAN_CHUNK;
		if (rd(src, pa + off, chunk, n))
			break;
		for (i = 0; i + strlen(RVMM_BANNER_PREFIX) <= n; i++)
			if (chunk[i] == 'L' &&
			    !memcmp(chunk + i, RVMM_BANNER_PREFIX,
				    strlen(RVMM_BANNER_PREFIX)) &&
			    !banner_at(src, pa + off + i, out, len, &v) && v)
				return;
	}
	snprintf(out, len, "?");
}

static int read_u64(const struct rvmm_source *src, uint64_t pa, uint64_t *v)
{
	return rd(src, pa, v, sizeof(*v));
}

/* kernel_map in the image at pa: the KASLR offset, checked. */
static int image_offset(const struct rvmm_source *src,
			struct rvmm_debuginfo *di, uint64_t start,
			struct rvmm_kimage *g)
{
	uint64_t kmap, virt, phys, vkpo;
	long o_virt, o_phys, o_vkpo;

	o_virt =
		rvmm_debuginfo_member_offset(di, "kernel_mapping", "virt_addr");
	o_phys =
		rvmm_debuginfo_member_offset(di, "kernel_mapping", "phys_addr");
	o_vkpo = rvmm_debuginfo_member_offset(di, "kernel_mapping",
					      "va_kernel_pa_offset");
	if (rvmm_debuginfo_symbol(di, "kernel_map", &kmap, NULL) ||
	    o_virt < 0 || o_phys < 0 || o_vkpo < 0) {
		snprintf(
			g->msg, sizeof(g->msg),
			"the vmlinux has no kernel_map (struct kernel_mapping): cannot tell the KASLR offset");
		return -1;
	}
	kmap = g->image_pa + (kmap - start);
	if (read_u64(src, kmap + o_virt, &virt) ||
	    read_u64(src, kmap + o_phys, &phys) ||
	    read_u64(src, kmap + o_vkpo, &vkpo)) {
		snprintf(g->msg, sizeof(g->msg),
			 "cannot read kernel_map at PA 0x%" PRIx64, kmap);
		return -1;
	}
	/* KASLR moves the image by whole 2 MiB steps inside the top 2 GiB */
	g->offset = (int64_t)(virt - start);
	if (phys != g->image_pa || vkpo != virt - phys || virt < start ||
	    virt - start >= (2ULL << 30) || (virt - start) % SZ_2M) {
		snprintf(g->msg, sizeof(g->msg),
			 "kernel_map at PA 0x%" PRIx64
			 " is inconsistent (virt_addr 0x%" PRIx64
			 ", phys_addr 0x%" PRIx64
			 ", va_kernel_pa_offset 0x%" PRIx64
			 ", image at PA 0x%" PRIx64
			 "): cannot tell the KASLR offset",
			 kmap, virt, phys, vkpo, g->image_pa);
		return -1;
	}
	snprintf(g->msg, sizeof(g->msg),
		 "guest runs the vmlinux's build %s; image at PA 0x%" PRIx64
		 ", KASLR offset 0x%" PRIx64 " (kernel_map.virt_addr 0x%" PRIx64
		 ")",
		 g->guest_build, g->image_pa, (uint64_t)g->offset, virt);
	return 0;
}

int rvmm_kimage_find(const struct rvmm_source *src, struct rvmm_debuginfo *di,
		     uint64_t ram_base, uint64_t ram_len, struct rvmm_kimage *g)
{
	char want[BANNER_MAX], got[BANNER_MAX];
	uint64_t start, banner, bsize, nr, k, pa, isize = 0;
	int found_header = 0;

	memset(g, 0, sizeof(*g));
	g->ident = RVMM_KIMAGE_UNKNOWN;
	snprintf(g->guest_build, sizeof(g->guest_build), "?");
	memset(want, 0, sizeof(want));
	if (rvmm_debuginfo_symbol(di, "_start", &start, NULL) ||
	    rvmm_debuginfo_symbol(di, "linux_banner", &banner, &bsize) ||
	    banner < start) {
		snprintf(
			g->msg, sizeof(g->msg),
			"the vmlinux has no _start or linux_banner: cannot tell whether it is the guest's kernel");
		return -1;
	}
	if (!bsize || bsize >= sizeof(want))
		bsize = sizeof(want) - 1;
	if (rvmm_debuginfo_read_image(di, banner, want, bsize) ||
	    strncmp(want, RVMM_BANNER_PREFIX, strlen(RVMM_BANNER_PREFIX))) {
		snprintf(g->msg, sizeof(g->msg),
			 "the vmlinux's linux_banner is unreadable");
		return -1;
	}
	bsize = strnlen(want, bsize) + 1;
	rvmm_banner_build(want, g->vmlinux_build, sizeof(g->vmlinux_build));
	/* boot loaders put the image at RAM + 2 MiB (OpenSBI) or at RAM */
	nr = ram_len / SZ_2M;
	for (k = 0; k < nr; k++) {
		pa = ram_base + SZ_2M * (k == 0 ? 1 : k == 1 ? 0 : k);
		if (!rd(src, pa + (banner - start), got, bsize) &&
		    !memcmp(got, want, bsize)) {
			g->ident = RVMM_KIMAGE_SAME;
			g->image_pa = pa;
			snprintf(g->guest_build, sizeof(g->guest_build), "%s",
				 g->vmlinux_build);
			return image_offset(src, di, start, g);
		}
		if (!image_header(src, pa, &isize)) {
			found_header = 1;
			break;
		}
	}
	if (!found_header) {
		snprintf(
			g->msg, sizeof(g->msg),
			"no kernel in guest RAM 0x%" PRIx64 "-0x%" PRIx64
			" is the vmlinux's build %s: its linux_banner is at no 2 MiB-aligned load address, and there is no RISC-V Image header either",
			ram_base, ram_base + ram_len - 1, g->vmlinux_build);
		return -1;
	}
	g->ident = RVMM_KIMAGE_DIFFERENT;
	g->image_pa = pa;
	guest_banner(src, pa, banner - start, isize, got, sizeof(got));
	rvmm_banner_build(got, g->guest_build, sizeof(g->guest_build));
	snprintf(
		g->msg, sizeof(g->msg),
		"the vmlinux is not the guest's kernel: the guest runs %s (image at PA 0x%" PRIx64
		"), the vmlinux is %s",
		g->guest_build, pa, g->vmlinux_build);
	return -1;
}

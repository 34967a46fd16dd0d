// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/vmcore_info.c keeps VMCOREINFO in memory as a ready-made Elf64
 * note: vmcoreinfo_note points (linear map) to a zeroed page holding
 * {namesz 11, descsz, type 0} "VMCOREINFO\0" + text.  QEMU's dump lacks it
 * only because its vmcoreinfo device does not work on riscv virt.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debuginfo.h"
#include "dumpfile.h"
#include "locate.h"

#define NOTE_NAME "VMCOREINFO"
#define NOTE_HDR_BYTES (sizeof(Elf64_Nhdr) + 12) /* header + padded name */
#define KERNEL_ALIGN (2ULL << 20) /* riscv64 loads the kernel 2 MiB aligned */
#define SCAN_CHUNK (1ULL << 20)

int vmlinux_osrelease(const struct rvmm_debuginfo *di, char *buf, size_t buflen)
{
	char banner[256] = {0};
	uint64_t va, size;

	if (rvmm_debuginfo_symbol(di, "linux_banner", &va, &size))
		return -1;
	if (!size || size >= sizeof(banner))
		size = sizeof(banner) - 1;
	if (rvmm_debuginfo_read_image(di, va, banner, size) ||
	    sscanf(banner, "Linux version %255s", banner) != 1)
		return -1;
	snprintf(buf, buflen, "%s", banner);
	return 0;
}

/* Value of OSRELEASE= in a VMCOREINFO text, copied to buf. */
static void text_osrelease(const char *text, char *buf, size_t buflen)
{
	size_t n = strcspn(text + 10, "\n");

	snprintf(buf, buflen, "%.*s", (int)n, text + 10);
}

/*
 * Is there a valid VMCOREINFO note at p (avail bytes)?  Copies it to out.
 * 0 yes; -1 no, with the reason in err.
 */
static int take_note(const unsigned char *p, size_t avail,
		     const char *osrelease, struct found_vmcoreinfo *out,
		     struct rvmm_error *err)
{
	char release[80];
	Elf64_Nhdr nh;
	size_t len;

	if (avail < NOTE_HDR_BYTES)
		goto bad;
	memcpy(&nh, p, sizeof(nh));
	if (nh.n_namesz != sizeof(NOTE_NAME) || nh.n_type != 0 ||
	    nh.n_descsz < 10 || nh.n_descsz > VMCOREINFO_MAX_BYTES ||
	    memcmp(p + sizeof(nh), NOTE_NAME, sizeof(NOTE_NAME)) ||
	    avail < NOTE_HDR_BYTES + nh.n_descsz ||
	    memcmp(p + NOTE_HDR_BYTES, "OSRELEASE=", 10))
		goto bad;
	len = strnlen((const char *)p + NOTE_HDR_BYTES, nh.n_descsz);
	memcpy(out->text, p + NOTE_HDR_BYTES, len);
	out->text[len] = '\0';
	out->len = len;
	text_osrelease(out->text, release, sizeof(release));
	if (osrelease && strcmp(release, osrelease)) {
		rvmm_fail(err, RVMM_EINPUT,
			  "the note says OSRELEASE=%s but the vmlinux is %s",
			  release, osrelease);
		return -1;
	}
	return 0;
bad:
	rvmm_fail(err, RVMM_EINPUT, "no valid VMCOREINFO note there");
	return -1;
}

static int read_u64(struct rvmm_dump *dump, uint64_t pa, uint64_t *value)
{
	return rvmm_dump_read_phys(dump, pa, value, sizeof(*value)) ==
			       RVMM_READ_OK
		       ? 0
		       : -1;
}

/* PA of the kernel image: where linux_banner sits at its offset. */
static int find_image(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
		      uint64_t start_va, uint64_t *image_pa)
{
	unsigned char want[256], got[256];
	uint64_t banner_va, size, off;
	const struct rvmm_phys_range *r;
	size_t n;

	if (rvmm_debuginfo_symbol(di, "linux_banner", &banner_va, &size))
		return -1;
	if (!size || size > sizeof(want))
		size = sizeof(want);
	if (rvmm_debuginfo_read_image(di, banner_va, want, size))
		return -1;
	off = banner_va - start_va;
	r = rvmm_dump_ranges(dump, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t pa = (r[i].start + KERNEL_ALIGN - 1) &
			      ~(KERNEL_ALIGN - 1);

		for (; pa + off + size <= r[i].end; pa += KERNEL_ALIGN) {
			if (rvmm_dump_read_phys(dump, pa + off, got, size) ==
				    RVMM_READ_OK &&
			    !memcmp(got, want, size)) {
				*image_pa = pa;
				return 0;
			}
		}
	}
	return -1;
}

int locate_by_symbols(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
		      const char *osrelease, struct found_vmcoreinfo *out,
		      struct rvmm_error *err)
{
	static unsigned char note[NOTE_HDR_BYTES + VMCOREINFO_MAX_BYTES];
	uint64_t start_va, kmap_va, note_ptr_va, image_pa, note_va;
	uint64_t va_pa_offset, phys_addr;
	long off_va_pa, off_phys;
	size_t avail;

	if (rvmm_debuginfo_symbol(di, "_start", &start_va, NULL) ||
	    rvmm_debuginfo_symbol(di, "kernel_map", &kmap_va, NULL) ||
	    rvmm_debuginfo_symbol(di, "vmcoreinfo_note", &note_ptr_va, NULL)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"vmlinux lacks _start, kernel_map or vmcoreinfo_note");
		return -1;
	}
	off_va_pa = rvmm_debuginfo_member_offset(di, "kernel_mapping",
						 "va_pa_offset");
	off_phys =
		rvmm_debuginfo_member_offset(di, "kernel_mapping", "phys_addr");
	if (off_va_pa < 0 || off_phys < 0) {
		rvmm_fail(err, RVMM_EINPUT,
			  "no struct kernel_mapping in DWARF");
		return -1;
	}
	if (find_image(di, dump, start_va, &image_pa)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"the vmlinux's linux_banner is not at any 2 MiB-aligned load address: another kernel?");
		return -1;
	}
	/* image symbols: pa = image_pa + (va - _start), KASLR or not */
	if (read_u64(dump, image_pa + kmap_va - start_va + off_phys,
		     &phys_addr) ||
	    read_u64(dump, image_pa + kmap_va - start_va + off_va_pa,
		     &va_pa_offset) ||
	    read_u64(dump, image_pa + note_ptr_va - start_va, &note_va)) {
		rvmm_fail(err, RVMM_EINPUT, "cannot read kernel_map");
		return -1;
	}
	if (phys_addr != image_pa) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"kernel_map.phys_addr %#llx is not the image found at %#llx",
			(unsigned long long)phys_addr,
			(unsigned long long)image_pa);
		return -1;
	}
	if (!note_va) {
		rvmm_fail(err, RVMM_EINPUT, "vmcoreinfo_note is NULL");
		return -1;
	}
	out->note_pa = note_va - va_pa_offset; /* linear map */
	for (avail = sizeof(note); avail > NOTE_HDR_BYTES; avail /= 2)
		if (rvmm_dump_read_phys(dump, out->note_pa, note, avail) ==
		    RVMM_READ_OK)
			break;
	if (avail <= NOTE_HDR_BYTES) {
		rvmm_fail(err, RVMM_EINPUT, "cannot read the note at %#llx",
			  (unsigned long long)out->note_pa);
		return -1;
	}
	if (take_note(note, avail, osrelease, out, err))
		return -1;
	out->how = "vmlinux symbols";
	return 0;
}

/* Look for the note in buf (physical address pa); 0 when found. */
static int scan_buffer(const unsigned char *buf, size_t len, uint64_t pa,
		       const char *osrelease, struct found_vmcoreinfo *out,
		       struct rvmm_error *err)
{
	const unsigned char *hit = buf;
	struct rvmm_error reason;

	while ((hit = memmem(hit, len - (hit - buf), NOTE_NAME,
			     sizeof(NOTE_NAME)))) {
		size_t at = hit - buf;

		hit++;
		if (at < sizeof(Elf64_Nhdr) || (at - sizeof(Elf64_Nhdr)) % 4)
			continue;
		at -= sizeof(Elf64_Nhdr);
		if (!take_note(buf + at, len - at, osrelease, out, &reason)) {
			out->note_pa = pa + at;
			return 0;
		}
		/* keep a release mismatch: it explains the failure */
		if (strstr(reason.msg, "OSRELEASE"))
			*err = reason;
	}
	return -1;
}

/*
 * Read [pa, pa + len) into buf; where pages are missing, leave zeroes.
 * Returns how many bytes were read.
 */
static size_t read_what_exists(struct rvmm_dump *dump, uint64_t pa,
			       unsigned char *buf, size_t len)
{
	size_t got = 0;

	if (rvmm_dump_read_phys(dump, pa, buf, len) == RVMM_READ_OK)
		return len;
	memset(buf, 0, len);
	for (size_t off = 0; off < len; off += 4096) {
		size_t n = len - off < 4096 ? len - off : 4096;

		if (rvmm_dump_read_phys(dump, pa + off, buf + off, n) ==
		    RVMM_READ_OK)
			got += n;
	}
	return got;
}

int locate_by_scan(struct rvmm_dump *dump, const char *osrelease,
		   struct found_vmcoreinfo *out, struct rvmm_error *err)
{
	const size_t overlap = NOTE_HDR_BYTES + VMCOREINFO_MAX_BYTES;
	unsigned char *buf = malloc(SCAN_CHUNK + overlap);
	const struct rvmm_phys_range *r;
	struct rvmm_error last_why = {0};
	size_t n;

	if (!buf) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		return -1;
	}
	r = rvmm_dump_ranges(dump, &n);
	for (size_t i = 0; i < n; i++) {
		for (uint64_t pa = r[i].start; pa < r[i].end;
		     pa += SCAN_CHUNK) {
			size_t len = SCAN_CHUNK + overlap;

			if (pa + len > r[i].end)
				len = r[i].end - pa;
			if (!read_what_exists(dump, pa, buf, len))
				continue;
			if (!scan_buffer(buf, len, pa, osrelease, out,
					 &last_why)) {
				free(buf);
				out->how = "memory scan";
				return 0;
			}
		}
	}
	free(buf);
	if (strstr(last_why.msg, "OSRELEASE"))
		*err = last_why;
	else
		rvmm_fail(err, RVMM_EINPUT,
			  "no VMCOREINFO note anywhere in physical memory");
	return -1;
}

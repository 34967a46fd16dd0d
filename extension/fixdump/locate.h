/* SPDX-License-Identifier: GPL-2.0 */
/* Finding the guest kernel's own VMCOREINFO note in a dump's memory. */
#ifndef RVMM_FIXDUMP_LOCATE_H
#define RVMM_FIXDUMP_LOCATE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct rvmm_debuginfo;
struct rvmm_dump;

/* kernel/vmcore_info.c: VMCOREINFO_BYTES is PAGE_SIZE */
#define VMCOREINFO_MAX_BYTES 4096

struct found_vmcoreinfo {
	char text[VMCOREINFO_MAX_BYTES + 1];
	size_t len;
	uint64_t note_pa; /* where the note header sits */
	const char *how; /* "vmlinux symbols" or "memory scan" */
};

/*
 * The OSRELEASE the vmlinux was built as, from its linux_banner
 * ("Linux version 6.12.117 ..."); 0 or -1.
 */
int vmlinux_osrelease(const struct rvmm_debuginfo *di, char *buf,
		      size_t buflen);

/*
 * Follow the vmlinux symbols: find the kernel image in physical memory by
 * its linux_banner, read kernel_map and the vmcoreinfo_note pointer, and
 * read the note.  0 on success; -1 with the reason in err.
 */
int locate_by_symbols(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
		      const char *osrelease, struct found_vmcoreinfo *out,
		      struct rvmm_error *err);

/*
 * Scan all physical memory for an Elf64 note "VMCOREINFO" (type 0,
 * descsz <= 4096) whose text starts with "OSRELEASE=" and, if osrelease is
 * not NULL, names that release.  0 on success; -1 with the reason in err.
 */
int locate_by_scan(struct rvmm_dump *dump, const char *osrelease,
		   struct found_vmcoreinfo *out, struct rvmm_error *err);

#endif

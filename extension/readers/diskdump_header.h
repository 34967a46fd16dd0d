/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two header blocks of a kdump-compressed ("diskdump") file as
 * makedumpfile and QEMU write them for a 64-bit little-endian target:
 * struct disk_dump_header in block 0, struct kdump_sub_header in block 1.
 * libkdumpfile reads the pages but does not expose these fields (0.5.1
 * has no attribute for the dump level either), and rvmm-fixdump has to
 * rewrite them.
 */
#ifndef RVMM_DISKDUMP_HEADER_H
#define RVMM_DISKDUMP_HEADER_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define RVMM_DISKDUMP_SIGNATURE "KDUMP   "

/* Byte offsets in block 0 (disk_dump_header, 64-bit). */
#define KDH_HEADER_VERSION 8
#define KDH_STATUS 424
#define KDH_UTS_MACHINE (12 + 4 * 65)
#define KDH_UTS_RELEASE (12 + 2 * 65)
#define KDH_BLOCK_SIZE 428
#define KDH_SUB_HDR_SIZE 432
#define KDH_BITMAP_BLOCKS 436
#define KDH_MAX_MAPNR 440
#define KDH_SIZE 464

/* Byte offsets in block 1 (kdump_sub_header, 64-bit). */
#define KDSH_DUMP_LEVEL 8 /* header_version >= 1 */
#define KDSH_OFFSET_VMCOREINFO 32 /* header_version >= 3 */
#define KDSH_SIZE_VMCOREINFO 40
#define KDSH_OFFSET_NOTE 48 /* header_version >= 4 */
#define KDSH_SIZE_NOTE 56
#define KDSH_MAX_MAPNR_64 96 /* header_version >= 6 */
#define KDSH_SIZE 104

struct rvmm_diskdump_header {
	int32_t header_version;
	int32_t block_size;
	int32_t sub_hdr_size; /* in blocks */
	uint32_t bitmap_blocks;
	uint64_t max_mapnr; /* pages the bitmaps cover */
	uint32_t status; /* DUMP_DH_* flags: compression, incomplete */
	int32_t dump_level; /* makedumpfile's -d; -1 before version 1 */
	char machine[66];
	char release[66];
	uint64_t offset_vmcoreinfo, size_vmcoreinfo;
	uint64_t offset_note, size_note;
};

/*
 * Read and sanity-check both headers of the kdump file open on fd.
 * 0 on success; -1 with a one-line reason in err (no file name).
 */
int rvmm_diskdump_read_header(int fd, struct rvmm_diskdump_header *hdr,
			      struct rvmm_error *err);
/* Read the ELF notes blob (header_version >= 4); malloc'd, NULL if none. */
void *rvmm_diskdump_read_notes(int fd, const struct rvmm_diskdump_header *hdr);

#endif

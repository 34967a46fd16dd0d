// SPDX-License-Identifier: GPL-2.0
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diskdump_header.h"

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return le32toh(v);
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return le64toh(v);
}

int rvmm_diskdump_read_header(int fd, struct rvmm_diskdump_header *hdr,
			      struct rvmm_error *err)
{
	unsigned char head[KDH_SIZE], sub[KDSH_SIZE];
	uint64_t capacity, max_mapnr_32;
	struct stat st;
	ssize_t n;

	memset(hdr, 0, sizeof(*hdr));
	n = pread(fd, head, sizeof(head), 0);
	if (n < 8 || memcmp(head, RVMM_DISKDUMP_SIGNATURE, 8)) {
		rvmm_fail(err, RVMM_EINPUT, "not a kdump-compressed file");
		return -1;
	}
	if (n != sizeof(head)) {
		rvmm_fail(err, RVMM_EINPUT, "truncated kdump header");
		return -1;
	}
	hdr->header_version = (int32_t)get32(head + KDH_HEADER_VERSION);
	hdr->block_size = (int32_t)get32(head + KDH_BLOCK_SIZE);
	hdr->sub_hdr_size = (int32_t)get32(head + KDH_SUB_HDR_SIZE);
	hdr->bitmap_blocks = get32(head + KDH_BITMAP_BLOCKS);
	hdr->max_mapnr = get32(head + KDH_MAX_MAPNR);
	hdr->status = get32(head + KDH_STATUS);
	hdr->dump_level = -1;
	memcpy(hdr->machine, head + KDH_UTS_MACHINE, 65);
	memcpy(hdr->release, head + KDH_UTS_RELEASE, 65);
	if (hdr->block_size < KDH_SIZE || hdr->block_size > (1 << 20) ||
	    (hdr->block_size & (hdr->block_size - 1))) {
		rvmm_fail(err, RVMM_EINPUT,
			  "corrupt kdump header: block size %d",
			  hdr->block_size);
		return -1;
	}
	/* libkdumpfile 0.5.1 crashes on headers that lie about sizes */
	if (fstat(fd, &st) || hdr->sub_hdr_size < 0 ||
	    hdr->sub_hdr_size > 1024 || !hdr->bitmap_blocks ||
	    (1 + (uint64_t)hdr->sub_hdr_size + hdr->bitmap_blocks) *
			    hdr->block_size >
		    (uint64_t)st.st_size) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"truncated or corrupt kdump header: %u bitmap blocks of %d bytes do not fit in %lld bytes",
			hdr->bitmap_blocks, hdr->block_size,
			(long long)st.st_size);
		return -1;
	}
	if (hdr->header_version < 1)
		return 0;
	if (pread(fd, sub, sizeof(sub), hdr->block_size) != sizeof(sub)) {
		rvmm_fail(err, RVMM_EINPUT, "truncated kdump sub-header");
		return -1;
	}
	hdr->dump_level = (int32_t)get32(sub + KDSH_DUMP_LEVEL);
	if (hdr->header_version >= 3) {
		hdr->offset_vmcoreinfo = get64(sub + KDSH_OFFSET_VMCOREINFO);
		hdr->size_vmcoreinfo = get64(sub + KDSH_SIZE_VMCOREINFO);
	}
	if (hdr->header_version >= 4) {
		hdr->offset_note = get64(sub + KDSH_OFFSET_NOTE);
		hdr->size_note = get64(sub + KDSH_SIZE_NOTE);
	}
	max_mapnr_32 = hdr->max_mapnr;
	if (hdr->header_version >= 6 && get64(sub + KDSH_MAX_MAPNR_64))
		hdr->max_mapnr = get64(sub + KDSH_MAX_MAPNR_64);
	/*
	 * Two bitmaps (RAM, dumped) of max_mapnr bits share the blocks; the
	 * old 32-bit field is a truncation, so it must fit as well.
	 */
	capacity = (uint64_t)hdr->bitmap_blocks * hdr->block_size * 8 / 2;
	if (hdr->max_mapnr > capacity || max_mapnr_32 > capacity) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"corrupt kdump header: %llu pages do not fit in %u bitmap blocks",
			(unsigned long long)hdr->max_mapnr, hdr->bitmap_blocks);
		return -1;
	}
	if ((hdr->offset_vmcoreinfo + hdr->size_vmcoreinfo >
		     (uint64_t)st.st_size ||
	     hdr->offset_note + hdr->size_note > (uint64_t)st.st_size)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"truncated or corrupt: notes or VMCOREINFO lie past the end of the file");
		return -1;
	}
	return 0;
}

void *rvmm_diskdump_read_notes(int fd, const struct rvmm_diskdump_header *hdr)
{
	void *notes;

	if (!hdr->size_note || hdr->size_note > (64 << 20))
		return NULL;
	notes = malloc(hdr->size_note);
	if (notes && pread(fd, notes, hdr->size_note, hdr->offset_note) !=
			     (ssize_t)hdr->size_note) {
		free(notes);
		return NULL;
	}
	return notes;
}

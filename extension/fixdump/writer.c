// SPDX-License-Identifier: GPL-2.0
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* copy_file_range */
#endif
#include <elf.h>
#include <endian.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elfnote.h"
#include "diskdump_header.h"
#include "writer.h"

int write_all(int fd, const void *buf, size_t len, off_t off)
{
	const char *p = buf;

	while (len) {
		ssize_t n = pwrite(fd, p, len, off);

		if (n <= 0)
			return -1;
		p += n;
		len -= n;
		off += n;
	}
	return 0;
}

int copy_range(int in_fd, off_t in_off, int out_fd, off_t out_off, off_t len)
{
	static char buf[1 << 20];

	while (len > 0) {
		ssize_t n = copy_file_range(in_fd, &in_off, out_fd, &out_off,
					    len, 0);

		if (n > 0) {
			len -= n;
			continue;
		}
		if (n == 0) {
			errno = EIO; /* input shorter than its headers say */
			return -1;
		}
		if (errno != EXDEV && errno != EINVAL && errno != ENOSYS &&
		    errno != EOPNOTSUPP)
			return -1;
		/* no in-kernel copy between these files: do it by hand */
		n = pread(in_fd, buf,
			  len < (off_t)sizeof(buf) ? len : (off_t)sizeof(buf),
			  in_off);
		if (n <= 0) {
			errno = n ? errno : EIO;
			return -1;
		}
		if (write_all(out_fd, buf, n, out_off))
			return -1;
		in_off += n;
		out_off += n;
		len -= n;
	}
	return 0;
}

int copy_dump(int in_fd, int out_fd, struct rvmm_error *err)
{
	struct stat st;

	if (fstat(in_fd, &st) || ftruncate(out_fd, 0) ||
	    copy_range(in_fd, 0, out_fd, 0, st.st_size)) {
		rvmm_fail(err, RVMM_EINPUT, "copying the dump: %s",
			  strerror(errno));
		return -1;
	}
	return 0;
}

/* Append len bytes at the first 8-byte boundary past the end. */
static int append(int fd, const void *buf, size_t len, uint64_t *at)
{
	struct stat st;

	if (fstat(fd, &st))
		return -1;
	*at = ((uint64_t)st.st_size + 7) & ~7ULL;
	return write_all(fd, buf, len, *at);
}

void *build_notes(const void *old, size_t old_len, const char *text, size_t len,
		  size_t *out_len)
{
	unsigned char *blob = malloc(old_len + elfnote_size("VMCOREINFO", len));
	size_t pos = 0, prev = 0, used = 0;
	struct elfnote note;

	if (!blob)
		return NULL;
	while (elfnote_next(old, old_len, &pos, &note) == 1) {
		if (strcmp(note.name, "VMCOREINFO")) {
			memcpy(blob + used, (const char *)old + prev,
			       pos - prev);
			used += pos - prev;
		}
		prev = pos;
	}
	used += elfnote_put(blob + used, "VMCOREINFO", 0, text, len);
	*out_len = used;
	return blob;
}

static int put_sub64(int fd, const struct rvmm_diskdump_header *hdr, int field,
		     uint64_t value)
{
	uint64_t le = htole64(value);

	return write_all(fd, &le, sizeof(le), hdr->block_size + field);
}

int write_fixed_kdump(int in_fd, int out_fd, const char *text, size_t len,
		      struct rvmm_error *err)
{
	struct rvmm_diskdump_header hdr;
	void *old = NULL, *blob = NULL;
	size_t blob_len;
	uint64_t text_at, notes_at;
	int ret = -1;

	if (rvmm_diskdump_read_header(in_fd, &hdr, err))
		return -1;
	if (hdr.header_version < 3) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"kdump header version %d has no room for VMCOREINFO (needs 3)",
			hdr.header_version);
		return -1;
	}
	if (copy_dump(in_fd, out_fd, err))
		return -1;
	if (append(out_fd, text, len, &text_at) ||
	    put_sub64(out_fd, &hdr, KDSH_OFFSET_VMCOREINFO, text_at) ||
	    put_sub64(out_fd, &hdr, KDSH_SIZE_VMCOREINFO, len))
		goto io;
	if (hdr.header_version >= 4) {
		old = rvmm_diskdump_read_notes(in_fd, &hdr);
		if (!old && hdr.size_note) {
			rvmm_fail(err, RVMM_EINPUT, "cannot read the notes");
			goto out;
		}
		blob = build_notes(old ? old : "", old ? hdr.size_note : 0,
				   text, len, &blob_len);
		if (!blob || append(out_fd, blob, blob_len, &notes_at) ||
		    put_sub64(out_fd, &hdr, KDSH_OFFSET_NOTE, notes_at) ||
		    put_sub64(out_fd, &hdr, KDSH_SIZE_NOTE, blob_len))
			goto io;
	}
	ret = 0;
	goto out;
io:
	rvmm_fail(err, RVMM_EINPUT, "writing VMCOREINFO: %s", strerror(errno));
out:
	free(old);
	free(blob);
	return ret;
}

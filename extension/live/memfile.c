// SPDX-License-Identifier: GPL-2.0
/*
 * Guest RAM shared as a file (QEMU: -object memory-backend-file,...,
 * share=on).  Mapped read-only and shared, so we see the guest's stores
 * as they happen, and GDB can stay attached to the gdbstub meanwhile.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source_live.h"

int live_map_memfile(struct live_target *t, const char *path, uint64_t base,
		     struct rvmm_error *err)
{
	struct stat st;
	void *p;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		rvmm_fail(err, RVMM_EINPUT, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size < 4096) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: empty or not a regular file (expected QEMU's memory-backend-file mem-path)",
			path);
		close(fd);
		return -1;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		rvmm_fail(err, RVMM_EINPUT, "%s: mmap: %s", path,
			  strerror(errno));
		return -1;
	}
	t->mem = p;
	t->mem_len = st.st_size;
	t->mem_base = base;
	return 0;
}

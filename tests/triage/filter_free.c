// SPDX-License-Identifier: GPL-2.0
/*
 * filter_free: write a copy of a kdump-compressed dump without its free
 * pages, as `makedumpfile -d 16` would (Debian's makedumpfile cannot
 * translate riscv64 6.12 kernel addresses).  Free = a buddy block: the
 * head struct page has page_type PGTY_buddy and its order in private.
 *
 *   filter_free [-l LEVEL] [-x PFN]... VMLINUX IN.kdump OUT.kdump
 *
 * Prints "excluded N pages"; the page descriptors of excluded pages are
 * dropped and their bits cleared in the second (dumpable) bitmap.  -x
 * leaves page PFN out as well (whatever it holds), -l writes LEVEL as the
 * sub-header's dump level (the input's is kept otherwise).
 */
#include <endian.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rvmm.h"
#include "diskdump_header.h"
#include "dump_source.h"

#define DESC_SIZE 24 /* struct page_desc: off, size, flags, page_flags */
#define MAX_ORDER 10

struct ex {
	struct rvmm_session *s;
	unsigned char *bits; /* 1 = exclude */
	uint64_t max_pfn, excluded;
};

static uint64_t load(const unsigned char *p, long off, int n)
{
	uint64_t v = 0;

	memcpy(&v, p + off, n);
	return v;
}

static int mark_section(void *arg, const struct rvmm_section *sec)
{
	struct ex *x = arg;
	const struct rvmm_page_layout *p = &x->s->pages;
	unsigned char buf[4096];
	uint64_t per = 4096 / p->size, i, j, k, pfn, order;

	if (!sec->present || !sec->has_mem_map)
		return 0;
	for (i = 0; i < x->s->sections.pages_per_section; i += per) {
		if (rvmm_read_kva(x->s, sec->first_page + i * p->size, buf,
				  per * p->size) != RVMM_READ_OK)
			continue;
		for (j = 0; j < per; j++) {
			uint32_t pt = load(buf + j * p->size, p->page_type, 4);

			if (rvmm_page_type_decode(p->scheme, pt) !=
			    RVMM_PT_BUDDY)
				continue;
			order = load(buf + j * p->size, p->private_, 8);
			if (order > MAX_ORDER)
				continue;
			pfn = sec->start_pfn + i + j;
			for (k = 0; k < 1ULL << order; k++)
				if (pfn + k < x->max_pfn &&
				    !(x->bits[(pfn + k) >> 3] &
				      1 << ((pfn + k) & 7))) {
					x->bits[(pfn + k) >> 3] |=
						1 << ((pfn + k) & 7);
					x->excluded++;
				}
		}
	}
	return 0;
}

static int die(const char *what)
{
	fprintf(stderr, "filter_free: %s\n", what);
	return 1;
}

int main(int argc, char **argv)
{
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_diskdump_header h;
	struct ex x = {.s = &s};
	unsigned char *bmp, *desc, *out;
	uint64_t pfn, nin = 0, nout = 0;
	off_t bmp_off, desc_off;
	size_t half;
	struct rvmm_error err;
	int in, fd;

	uint64_t extra[16];
	int nr_extra = 0, level = -1;

	while (argc > 2 && argv[1][0] == '-') {
		if (!strcmp(argv[1], "-x") && nr_extra < 16)
			extra[nr_extra++] = strtoull(argv[2], NULL, 0);
		else if (!strcmp(argv[1], "-l"))
			level = atoi(argv[2]);
		else
			break;
		argc -= 2;
		argv += 2;
	}
	if (argc != 4)
		return die(
			"usage: filter_free [-l LEVEL] [-x PFN]... VMLINUX IN.kdump OUT.kdump");
	if (rvmm_dump_source_open(argv[1], argv[2], &src, &err))
		return die(err.msg);
	if (rvmm_session_open(&s, &src, NULL))
		return die(s.err.msg);
	in = open(argv[2], O_RDONLY);
	if (in < 0 || rvmm_diskdump_read_header(in, &h, &err))
		return die("not a kdump-compressed file");
	x.max_pfn = h.max_mapnr;
	x.bits = calloc(x.max_pfn / 8 + 1, 1);
	rvmm_for_each_section(&s, 0, mark_section, &x, NULL);
	for (int i = 0; i < nr_extra; i++)
		if (extra[i] < x.max_pfn &&
		    !(x.bits[extra[i] >> 3] & 1 << (extra[i] & 7))) {
			x.bits[extra[i] >> 3] |= 1 << (extra[i] & 7);
			x.excluded++;
		}

	bmp_off = (off_t)(1 + h.sub_hdr_size) * h.block_size;
	half = (size_t)h.bitmap_blocks * h.block_size / 2;
	desc_off = bmp_off + 2 * half;
	bmp = malloc(2 * half);
	if (pread(in, bmp, 2 * half, bmp_off) != (ssize_t)(2 * half))
		return die("cannot read the bitmaps");
	for (pfn = 0; pfn < x.max_pfn; pfn++)
		nin += bmp[half + (pfn >> 3)] >> (pfn & 7) & 1;
	desc = malloc(nin * DESC_SIZE);
	out = calloc(nin, DESC_SIZE);
	if (pread(in, desc, nin * DESC_SIZE, desc_off) !=
	    (ssize_t)(nin * DESC_SIZE))
		return die("cannot read the page descriptors");
	for (pfn = 0, nin = 0; pfn < x.max_pfn; pfn++) {
		unsigned char *b = &bmp[half + (pfn >> 3)];

		if (!(*b >> (pfn & 7) & 1))
			continue;
		if (x.bits[pfn >> 3] >> (pfn & 7) & 1)
			*b &= ~(1 << (pfn & 7));
		else
			memcpy(out + DESC_SIZE * nout++, desc + DESC_SIZE * nin,
			       DESC_SIZE);
		nin++;
	}
	/* copy, then patch the second bitmap and the descriptor table */
	fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return die("cannot create the output");
	{
		static char buf[1 << 20];
		ssize_t n;
		off_t off = 0;

		while ((n = pread(in, buf, sizeof(buf), off)) > 0) {
			if (pwrite(fd, buf, n, off) != n)
				return die("write failed");
			off += n;
		}
	}
	if (level >= 0) {
		uint32_t le = htole32((uint32_t)level);

		/* kdump_sub_header.dump_level, block 1 */
		if (pwrite(fd, &le, 4, (off_t)h.block_size + 8) != 4)
			return die("write failed");
	}
	if (pwrite(fd, bmp + half, half, bmp_off + half) != (ssize_t)half ||
	    pwrite(fd, out, nin * DESC_SIZE, desc_off) !=
		    (ssize_t)(nin * DESC_SIZE))
		return die("write failed");
	close(fd);
	printf("excluded %" PRIu64 " pages (%" PRIu64 " of %" PRIu64
	       " dumped pages kept)\n",
	       nin - nout, nout, nin);
	return 0;
}

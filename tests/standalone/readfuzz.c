// SPDX-License-Identifier: GPL-2.0
/*
 * readfuzz: aim thousands of physical reads of the stand-alone dump reader
 * at everything a garbage page-table entry could point to, and check each
 * answer against a model of the dump built apart from the reader.
 *
 *   readfuzz [-n RANDOM] [-s SEED] [-t TWIN] [-v VMLINUX] DUMP
 *
 * The model: an ELF dump's memory is its PT_LOAD segments (parsed here with
 * gelf), of which the file holds the first p_filesz bytes; a kdump file's
 * memory is rvmm_dump_ranges(), of which the file holds the pages set in
 * libkdumpfile's "file.pagemap" (a context of its own).  A read must say RVMM_READ_OK when the file holds
 * every byte, else what the first byte it lacks is: RVMM_READ_NOT_IN_DUMP
 * in memory, RVMM_READ_ERROR outside.  The bytes of an OK read must match
 * the file itself (ELF: pread at the segment's offset) or a direct
 * kdump_read of the own context (kdump), and the TWIN dump (the same
 * memory in the other format), when given, must answer alike.
 *
 * With -v, the reads also go through the stand-alone rvmm_source, and page
 * walks start from bad roots and from data pages, whose "entries" are
 * garbage PTEs pointing anywhere.
 *
 * Prints one summary line per part; exit 1 on any mismatch.
 */
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <libkdumpfile/kdumpfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rvmm.h"
#include "dumpfile.h"
#include "dump_source.h"

#define PAGE 4096ULL
#define MAX_LEN 12288
#define MAX_REPORTS 10

struct segment {
	uint64_t pa, filesz, memsz, offset;
};

struct model {
	int fd;
	int elf;
	struct segment *seg;
	size_t nseg;
	kdump_ctx_t *kdump; /* kdump: the file's own bitmap and data */
	kdump_bmp_t *held;
	uint64_t max_pfn;
	const struct rvmm_phys_range *mem;
	size_t nmem;
};

struct tally {
	unsigned long reads, res[3], mismatches;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static const char *res_name(enum rvmm_read_result r)
{
	switch (r) {
	case RVMM_READ_OK:
		return "ok";
	case RVMM_READ_NOT_IN_DUMP:
		return "not-in-dump";
	case RVMM_READ_ERROR:
		return "error";
	}
	return "invalid";
}

static int model_open_elf(struct model *m, const char *path)
{
	GElf_Phdr ph;
	size_t n, i;
	Elf *elf;

	elf_version(EV_CURRENT);
	elf = elf_begin(m->fd, ELF_C_READ, NULL);
	if (!elf || elf_getphdrnum(elf, &n)) {
		fprintf(stderr, "readfuzz: %s: %s\n", path, elf_errmsg(-1));
		return -1;
	}
	m->seg = calloc(n ? n : 1, sizeof(*m->seg));
	for (i = 0; m->seg && i < n; i++) {
		if (!gelf_getphdr(elf, i, &ph) || ph.p_type != PT_LOAD)
			continue;
		m->seg[m->nseg].pa = ph.p_paddr;
		m->seg[m->nseg].filesz = ph.p_filesz < ph.p_memsz ? ph.p_filesz
								  : ph.p_memsz;
		m->seg[m->nseg].memsz = ph.p_memsz;
		m->seg[m->nseg].offset = ph.p_offset;
		m->nseg++;
	}
	elf_end(elf);
	return m->seg ? 0 : -1;
}

static int model_open_kdump(struct model *m, const char *path)
{
	kdump_attr_t attr = {.type = KDUMP_BITMAP};
	kdump_num_t max_pfn;

	m->kdump = kdump_new();
	if (!m->kdump)
		return -1;
	kdump_set_number_attr(m->kdump, "file.mmap_policy", KDUMP_MMAP_NEVER);
	if (kdump_open_fd(m->kdump, m->fd) != KDUMP_OK ||
	    kdump_get_typed_attr(m->kdump, "file.pagemap", &attr) != KDUMP_OK) {
		fprintf(stderr, "readfuzz: %s: %s\n", path,
			kdump_get_err(m->kdump));
		return -1;
	}
	m->held = attr.val.bitmap;
	kdump_bmp_incref(m->held);
	if (kdump_get_number_attr(m->kdump, "max_pfn", &max_pfn) != KDUMP_OK) {
		fprintf(stderr, "readfuzz: %s: no max_pfn\n", path);
		return -1;
	}
	m->max_pfn = max_pfn;
	return 0;
}

static int model_open(struct model *m, const char *path, struct rvmm_dump *dump)
{
	char magic[SELFMAG];

	memset(m, 0, sizeof(*m));
	m->fd = open(path, O_RDONLY);
	if (m->fd < 0) {
		perror(path);
		return -1;
	}
	m->mem = rvmm_dump_ranges(dump, &m->nmem);
	m->elf = pread(m->fd, magic, SELFMAG, 0) == SELFMAG &&
		 !memcmp(magic, ELFMAG, SELFMAG);
	return m->elf ? model_open_elf(m, path) : model_open_kdump(m, path);
}

static void model_close(struct model *m)
{
	if (m->held)
		kdump_bmp_decref(m->held);
	if (m->kdump)
		kdump_free(m->kdump);
	free(m->seg);
	close(m->fd);
}

static int in_mem(const struct model *m, uint64_t pa)
{
	for (size_t i = 0; m->elf && i < m->nseg; i++)
		if (pa >= m->seg[i].pa && pa - m->seg[i].pa < m->seg[i].memsz)
			return 1;
	for (size_t i = 0; !m->elf && i < m->nmem; i++)
		if (pa >= m->mem[i].start && pa < m->mem[i].end)
			return 1;
	return 0;
}

/*
 * Whether the file holds the byte at pa; *run gets how many bytes from pa
 * share the answer (at least 1).
 */
static int held(const struct model *m, uint64_t pa, uint64_t *run)
{
	uint64_t pfn = pa / PAGE;
	unsigned char bit = 0;

	*run = PAGE - pa % PAGE;
	if (m->elf) {
		for (size_t i = 0; i < m->nseg; i++) {
			const struct segment *s = &m->seg[i];

			if (pa >= s->pa && pa - s->pa < s->filesz) {
				*run = s->filesz - (pa - s->pa);
				return 1;
			}
			if (s->pa > pa && s->pa - pa < *run)
				*run = s->pa - pa;
		}
		return 0;
	}
	if (pfn >= m->max_pfn)
		return 0;
	if (kdump_bmp_get_bits(m->held, pfn, pfn, &bit) != KDUMP_OK)
		kdump_clear_err(m->kdump);
	return bit & 1;
}

/* What a read of [pa, pa + len) must answer. */
static enum rvmm_read_result expect(const struct model *m, uint64_t pa,
				    size_t len)
{
	while (len) {
		uint64_t run;

		if (!held(m, pa, &run))
			return in_mem(m, pa) ? RVMM_READ_NOT_IN_DUMP
					     : RVMM_READ_ERROR;
		if (run >= len)
			break;
		if (pa + run < pa)
			return RVMM_READ_ERROR; /* past the top */
		pa += run;
		len -= run;
	}
	return RVMM_READ_OK;
}

/* The bytes the file holds at [pa, pa + len), read apart from the reader. */
static int reference(const struct model *m, uint64_t pa, unsigned char *buf,
		     size_t len)
{
	while (len) {
		size_t n = len;

		if (m->elf) {
			const struct segment *s = NULL;

			for (size_t i = 0; i < m->nseg && !s; i++)
				if (pa >= m->seg[i].pa &&
				    pa - m->seg[i].pa < m->seg[i].filesz)
					s = &m->seg[i];
			if (!s)
				return -1;
			if (n > s->filesz - (pa - s->pa))
				n = s->filesz - (pa - s->pa);
			if (pread(m->fd, buf, n, s->offset + pa - s->pa) !=
			    (ssize_t)n)
				return -1;
		} else if (kdump_read(m->kdump, KDUMP_MACHPHYSADDR, pa, buf,
				      &n) != KDUMP_OK) {
			return -1;
		}
		pa += n;
		buf += n;
		len -= n;
	}
	return 0;
}

struct fuzz {
	struct rvmm_dump *dump, *twin;
	struct model model;
	const struct rvmm_source *src; /* -v: also through the source */
	struct tally t;
	unsigned char got[MAX_LEN], want[MAX_LEN], other[MAX_LEN];
};

static void mismatch(struct fuzz *f, uint64_t pa, size_t len, const char *fmt,
		     const char *a, const char *b)
{
	if (f->t.mismatches++ < MAX_REPORTS) {
		printf("mismatch: read %#" PRIx64 ":%zu: ", pa, len);
		printf(fmt, a, b);
		printf("\n");
	}
}

static void one_read(struct fuzz *f, uint64_t pa, size_t len)
{
	enum rvmm_read_result r, want, r2;

	if (len > MAX_LEN)
		len = MAX_LEN;
	memset(f->got, 0xa5, len);
	r = rvmm_dump_read_phys(f->dump, pa, f->got, len);
	f->t.reads++;
	if (r > RVMM_READ_ERROR) {
		mismatch(f, pa, len, "result %s%s", "out of range", "");
		return;
	}
	f->t.res[r]++;
	want = expect(&f->model, pa, len);
	if (r != want)
		mismatch(f, pa, len, "got %s, want %s", res_name(r),
			 res_name(want));
	if (r == RVMM_READ_OK) {
		if (reference(&f->model, pa, f->want, len))
			mismatch(f, pa, len, "%s%s", "no reference bytes", "");
		else if (memcmp(f->got, f->want, len))
			mismatch(f, pa, len, "%s%s", "bytes differ from file",
				 "");
	}
	if (f->twin) {
		r2 = rvmm_dump_read_phys(f->twin, pa, f->other, len);
		if (r2 != r)
			mismatch(f, pa, len, "%s, twin %s", res_name(r),
				 res_name(r2));
		else if (r == RVMM_READ_OK && memcmp(f->got, f->other, len))
			mismatch(f, pa, len, "%s%s", "bytes differ from twin",
				 "");
	}
	if (f->src) {
		r2 = f->src->ops->read_phys(f->src->ctx, pa, f->other, len);
		if (r2 != r ||
		    (r == RVMM_READ_OK && memcmp(f->got, f->other, len)))
			mismatch(f, pa, len, "%s, source %s", res_name(r),
				 res_name(r2));
	}
}

static const size_t lens[] = {1,   2,	 3,    7,    8,	   13,	 64,
			      100, 4095, 4096, 4097, 8192, 12288};
#define NLENS (sizeof(lens) / sizeof(lens[0]))

/* Every length at pa. */
static void all_lens(struct fuzz *f, uint64_t pa)
{
	for (size_t i = 0; i < NLENS; i++)
		one_read(f, pa, lens[i]);
}

static void fixed_targets(struct fuzz *f)
{
	static const uint64_t pas[] = {
		0,
		0x800,
		0xff8,
		0xfff,
		0x7ffff000,
		0x7fffff00,
		0x7ffffff8,
		0x7fffffff,
		0x100000, /* below RAM: QEMU virt test device */
		0x101000, /* goldfish RTC */
		0x2000000, /* CLINT */
		0x0c000000, /* PLIC */
		0x0c200004,
		0x10000000, /* UART */
		0x10001000, /* virtio-mmio */
		0x30000000, /* PCIe ECAM */
		0x40000000, /* PCIe MMIO */
		0x100000000ULL,
		0x7fffffffffffULL,
		0xfffffffffffULL << 12, /* top of a 44-bit PPN */
		1ULL << 55,
		(1ULL << 56) - PAGE,
		1ULL << 56,
		1ULL << 63,
		UINT64_MAX - PAGE + 1,
		UINT64_MAX - 8,
		UINT64_MAX - 7,
		UINT64_MAX,
	};

	for (size_t i = 0; i < sizeof(pas) / sizeof(pas[0]); i++)
		all_lens(f, pas[i]);
}

/* Range ends, both sides, holes between, and reads straddling each. */
static void edge_targets(struct fuzz *f)
{
	static const uint64_t deltas[] = {0,	    1,	      7,      8,
					  64,	    0x800,    0xff8,  PAGE,
					  PAGE + 8, 2 * PAGE, 0x10000};
	const struct rvmm_phys_range *r = f->model.mem;
	size_t n = f->model.nmem;

	for (size_t i = 0; i < n; i++) {
		for (size_t d = 0; d < sizeof(deltas) / sizeof(deltas[0]);
		     d++) {
			all_lens(f, r[i].start + deltas[d]);
			all_lens(f, r[i].start - deltas[d]);
			all_lens(f, r[i].end + deltas[d]);
			all_lens(f, r[i].end - deltas[d]);
		}
		/* the middle, and the hole to the next range */
		all_lens(f, r[i].start + (r[i].end - r[i].start) / 2);
		if (i + 1 < n)
			all_lens(f, r[i].end + (r[i + 1].start - r[i].end) / 2);
		all_lens(f, r[i].end * 2);
	}
}

/*
 * A PTE's PPN (bits 53:10) as a table or page PA, plus an index or
 * offset: where a walk following that entry reads.
 */
static uint64_t pte_target(uint64_t pte)
{
	return ((pte >> 10) & ((1ULL << 44) - 1)) << 12 | (rnd() % 512) * 8;
}

static void random_targets(struct fuzz *f, unsigned long count)
{
	const struct rvmm_phys_range *r = f->model.mem;
	size_t n = f->model.nmem;
	uint64_t top = r[n - 1].end, word;

	for (unsigned long i = 0; i < count; i++) {
		const struct rvmm_phys_range *pick = &r[rnd() % n];
		size_t len = rnd() % 5 ? 1 + rnd() % 64 : 1 + rnd() % MAX_LEN;
		uint64_t pa;

		switch (i % 8) {
		case 0: /* inside a range, any alignment */
			pa = pick->start + rnd() % (pick->end - pick->start);
			break;
		case 1: /* a word of the dump read as a PTE */
			pa = pick->start +
			     (rnd() % (pick->end - pick->start) & ~7ULL);
			word = 0;
			rvmm_dump_read_phys(f->dump, pa, &word, sizeof(word));
			pa = pte_target(word);
			len = 8;
			break;
		case 2: /* a random PTE */
			pa = pte_target(rnd());
			len = 8;
			break;
		case 3: /* a PTE whose PFN is in RAM give or take a page */
			pa = pte_target(
				((pick->start / PAGE +
				  rnd() % ((pick->end - pick->start) / PAGE +
					   2)) -
				 1)
				<< 10);
			len = 8;
			break;
		case 4: /* anywhere below twice the top of memory */
			pa = rnd() % (2 * top);
			break;
		case 5: /* anywhere */
			pa = rnd();
			break;
		case 6: /* near a range end, straddling it */
			pa = (rnd() & 1 ? pick->end : pick->start) -
			     rnd() % (2 * PAGE) + PAGE;
			len = 1 + rnd() % (3 * PAGE);
			break;
		default: /* the raw entry value taken for an address */
			pa = (pick->start / PAGE + rnd() % 64) << 10 |
			     (rnd() & 0x3ff);
			break;
		}
		one_read(f, pa, len);
	}
}

struct walk_count {
	unsigned long visits, read_errors, not_in_dump;
};

static int count_visit(void *arg, const struct rvmm_visit *v)
{
	struct walk_count *c = arg;

	c->visits++;
	c->read_errors += v->anomaly == RVMM_AN_READ_ERROR;
	c->not_in_dump += v->anomaly == RVMM_AN_NOT_IN_DUMP;
	return 0;
}

/* Translations and walks from bad roots and from pages of data. */
static void walks(struct fuzz *f)
{
	const struct rvmm_phys_range *r = f->model.mem;
	uint64_t roots[64];
	size_t nroots = 0;
	unsigned long xlates = 0, xl_errors = 0, tables = 0;
	struct walk_count c = {0};

	roots[nroots++] = 0;
	roots[nroots++] = 0x800;
	roots[nroots++] = 0x7ffff000;
	roots[nroots++] = 0x10000000;
	roots[nroots++] = 0x0c000000;
	roots[nroots++] = UINT64_MAX & ~(PAGE - 1);
	for (size_t i = 0; i < f->model.nmem && nroots + 6 <= 64; i++) {
		roots[nroots++] = r[i].start - PAGE;
		roots[nroots++] = r[i].start;
		roots[nroots++] = r[i].end - PAGE;
		roots[nroots++] = r[i].end;
		/* kernel text and data taken for a table */
		roots[nroots++] = r[i].start + 0x200000;
		roots[nroots++] = r[i].start + 0x1000000;
	}
	for (size_t i = 0; i < nroots; i++) {
		for (int levels = 3; levels <= 5; levels++) {
			for (int k = 0; k < 64; k++) {
				struct rvmm_xlate x;
				uint64_t va = rnd();

				if (rvmm_translate(f->src, roots[i], levels, va,
						   &x) == RVMM_XL_READ_ERROR)
					xl_errors++;
				xlates++;
			}
			if (levels == 3) {
				struct rvmm_walk_stats st;

				rvmm_walk(f->src, roots[i], levels, 0, 0, 256,
					  count_visit, &c, &st);
				tables += st.tables;
			}
		}
	}
	printf("walks: %zu roots, %lu translations (%lu read errors), %lu tables, %lu visits (%lu read errors, %lu not in dump)\n",
	       nroots, xlates, xl_errors, tables, c.visits, c.read_errors,
	       c.not_in_dump);
}

int main(int argc, char **argv)
{
	static struct fuzz f;
	struct rvmm_source src;
	const char *twin = NULL, *vmlinux = NULL;
	unsigned long count = 20000;
	struct rvmm_error err;
	int opt;

	while ((opt = getopt(argc, argv, "n:s:t:v:")) != -1) {
		switch (opt) {
		case 'n':
			count = strtoul(optarg, NULL, 0);
			break;
		case 's':
			rng_state = strtoull(optarg, NULL, 0) | 1;
			break;
		case 't':
			twin = optarg;
			break;
		case 'v':
			vmlinux = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (optind + 1 != argc)
		goto usage;
	f.dump = rvmm_dump_open(argv[optind], &err);
	if (!f.dump || (twin && !(f.twin = rvmm_dump_open(twin, &err)))) {
		fprintf(stderr, "readfuzz: %s\n", err.msg);
		return 2;
	}
	if (model_open(&f.model, argv[optind], f.dump))
		return 2;
	if (vmlinux) {
		if (rvmm_dump_source_open(vmlinux, argv[optind], &src, &err)) {
			fprintf(stderr, "readfuzz: %s\n", err.msg);
			return 2;
		}
		f.src = &src;
	}
	fixed_targets(&f);
	edge_targets(&f);
	random_targets(&f, count);
	printf("%s: %lu reads: %lu ok, %lu not-in-dump, %lu error; %lu mismatches\n",
	       rvmm_dump_format(f.dump), f.t.reads, f.t.res[RVMM_READ_OK],
	       f.t.res[RVMM_READ_NOT_IN_DUMP], f.t.res[RVMM_READ_ERROR],
	       f.t.mismatches);
	if (f.src) {
		walks(&f);
		rvmm_dump_source_close(&src);
	}
	model_close(&f.model);
	rvmm_dump_close(f.twin);
	rvmm_dump_close(f.dump);
	return f.t.mismatches ? 1 : 0;
usage:
	fprintf(stderr,
		"usage: readfuzz [-n RANDOM] [-s SEED] [-t TWIN] [-v VMLINUX] DUMP\n");
	return 2;
}

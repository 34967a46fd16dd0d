/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A synthetic rvmm_source for unit tests: sparse physical memory (pages
 * allocated on first write), fake symbols, type layout, enumerators and
 * VMCOREINFO, plus helpers that build riscv page tables in that memory.
 */
#ifndef RVMM_TEST_FAKE_H
#define RVMM_TEST_FAKE_H

#include <stdio.h>

#include "rvmm.h"

/* Minimal assertions: one line per failure, totals at exit. */
extern int t_pass, t_fail;
#define CHECK(c)                                                            \
	do {                                                                \
		if (c)                                                      \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
		}                                                           \
	} while (0)
#define CHECK_EQ(a, b)                                                      \
	do {                                                                \
		unsigned long long _a = (a), _b = (b);                      \
		if (_a == _b)                                               \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s == %s (0x%llx != 0x%llx)\n", \
			       __FILE__, __LINE__, #a, #b, _a, _b);         \
		}                                                           \
	} while (0)
int t_report(void); /* prints "# N passed, M failed"; exit code */

struct rvmm_triage;
/* 1 if the triage has an evidence line of kind whose detail holds text. */
int t_has_evidence(const struct rvmm_triage *t, const char *kind,
		   const char *text);

struct fake_page {
	uint64_t pfn;
	int not_in_dump;
	unsigned char data[4096];
};

#define FAKE_MAX 256

struct fake {
	struct fake_page **pages;
	size_t nr_pages, cap_pages;
	struct {
		const char *k;
		char v[64];
	} vmci[FAKE_MAX];
	int nr_vmci;
	struct {
		const char *k;
		uint64_t v;
	} sym[FAKE_MAX];
	int nr_sym;
	struct {
		const char *t, *m;
		long off;
	} mem[FAKE_MAX];
	int nr_mem;
	struct {
		const char *t;
		long size;
	} size[FAKE_MAX];
	int nr_size;
	struct {
		const char *k;
		int64_t v;
	} en[FAKE_MAX];
	int nr_en;
	uint64_t next_table; /* bump allocator for table pages */
	int interrupt_after; /* >0: interrupted() true after N calls */
	int interrupt_calls;
	unsigned long reads;
};

void fake_init(struct fake *f);
void fake_free(struct fake *f);
void fake_source(struct fake *f, struct rvmm_source *src);

void fake_write(struct fake *f, uint64_t pa, const void *buf, size_t len);
void fake_w64(struct fake *f, uint64_t pa, uint64_t v);
void fake_w32(struct fake *f, uint64_t pa, uint32_t v);
uint64_t fake_r64(struct fake *f, uint64_t pa);
void fake_not_in_dump(struct fake *f, uint64_t pa);

void fake_vmci(struct fake *f, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void fake_vmci_del(struct fake *f, const char *key);
void fake_sym(struct fake *f, const char *name, uint64_t v);
void fake_member(struct fake *f, const char *t, const char *m, long off);
void fake_size(struct fake *f, const char *t, long size);
void fake_enum(struct fake *f, const char *k, int64_t v);

/* A zeroed table page from the bump allocator. */
uint64_t fake_table(struct fake *f);
/*
 * Map va -> pa with a leaf at level (0 = root) in the tables rooted at
 * root, creating intermediate tables; bits are OR-ed into the leaf.
 */
void fake_map(struct fake *f, uint64_t root, int levels, uint64_t va,
	      uint64_t pa, int level, uint64_t bits);
uint64_t fake_pte(uint64_t pa, uint64_t bits);

/* Output sink capturing into a growing buffer. */
struct fake_buf {
	char *s;
	size_t len, cap;
};
void fake_out(struct rvmm_out *o, struct fake_buf *b, int json);
void fake_buf_free(struct fake_buf *b);

/*
 * A whole fake riscv64 kernel (levels 3/4/5): VMCOREINFO as riscv prints
 * it, struct page / ptdesc layout, swapper_pg_dir with a linear map of
 * 8 MiB RAM at 0x80000000 (2M leaves), kernel image 1G leaf, vmemmap
 * 2M leaf for section 16, mem_section with section 16 present.
 */
struct fake_kernel {
	struct fake f;
	int levels;
	uint64_t page_offset, vmemmap_start, vmemmap_end, vmalloc_start;
	uint64_t vmemmap, swapper_pa, memmap_pa, ms_root_pa;
};
void fake_kernel_build(struct fake_kernel *k, int levels);
/* PA of the struct page of pfn in the fake memmap. */
uint64_t fake_kernel_page_pa(struct fake_kernel *k, uint64_t pfn);
/* Member offsets and sizes of the printk ring buffer types. */
void fake_printk_layout(struct fake *f);

/* Where fake_kernel_build puts the kernel image, and an image offset's
 * VA and PA. */
#define KLINK 0xffffffff80000000ULL
#define KPHYS 0x80200000ULL
#define IMG(x) (KLINK + (x))
#define PA(x) (KPHYS + (x))

/*
 * symbol_at for triage tests: every address belongs to remove_pgd_mapping,
 * which starts at IMG(FAKE_REMOVE_PGD).
 */
#define FAKE_REMOVE_PGD 0x1000
int fake_symbol_at_remove_pgd(void *ctx, uint64_t addr, char *name, size_t len,
			      uint64_t *off);

/* A printk ring buffer in the image: `prb` and its parts. */
#define RB 0x190000
#define DESCS 0x191000
#define INFOS 0x192000
#define DATA 0x193000
/* The layout plus the ring header with these ids and sizes (log2). */
void fake_printk_ring(struct fake *f, uint32_t count_bits, uint32_t size_bits,
		      uint64_t head_id, uint64_t tail_id);

#endif

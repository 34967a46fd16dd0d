// SPDX-License-Identifier: GPL-2.0
/*
 * Garbage in, an error line out: sessions on fake kernels with randomised
 * VMCOREINFO, type layout, page tables, memmap, mem_section and printk
 * ringbuffer, every command run into a null sink.  Only that each call
 * returns is asserted; the ASan/UBSan build catches the rest.  A fixed
 * seed keeps it deterministic; caps keep it well under 5 seconds.  Also
 * one directed case per bug this found, so each stays fixed.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake.h"
#include "dispatch.h"
#include "forensics.h"

#define RAM 0x80000000ULL
#define MEMMAP_PA 0x86000000ULL
#define ROOTS_PA 0x80400000ULL
#define ITERATIONS 1500
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static size_t sunk;

static void null_write(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	(void)s;
	sunk += len;
}

/* Run one subcommand line; it must return a dispatch code. */
static void run(struct rvmm_session *s, int json, const char *a0,
		const char *a1, const char *a2)
{
	struct rvmm_out o = {null_write, NULL, json};
	char *argv[4];
	struct rvmm_error err;
	int argc = 0, rc;

	argv[argc++] = (char *)a0;
	if (a1)
		argv[argc++] = (char *)a1;
	if (a2)
		argv[argc++] = (char *)a2;
	rc = rvmm_dispatch(s, &o, argc, argv, &err);
	CHECK(rc == RVMM_DISPATCH_OK || rc == RVMM_DISPATCH_FAILED ||
	      rc == RVMM_DISPATCH_USAGE || rc == RVMM_DISPATCH_TRIAGE_MATCH ||
	      rc == RVMM_DISPATCH_TRIAGE_INCONCLUSIVE);
}

static void run_all(struct rvmm_session *s, int json)
{
	char va[32], pfn[32], page[32], range[64];
	uint64_t p = below(4) ? 0x80000 + below(0x10000) : rnd();

	snprintf(va, sizeof(va), "%llx",
		 (unsigned long long)(below(2) ? s->layout.vmemmap_start +
							 below(1 << 24)
					       : rnd()));
	snprintf(pfn, sizeof(pfn), "0x%llx", (unsigned long long)p);
	snprintf(page, sizeof(page), "%llx",
		 (unsigned long long)rvmm_pfn_to_page(&s->layout, p));
	snprintf(range, sizeof(range), "%llx+%lluM",
		 (unsigned long long)(below(2) ? RAM : rnd() & ~0xfffULL),
		 (unsigned long long)(1 + below(1 << 16)));
	run(s, json, "info", NULL, NULL);
	run(s, json, "vtop", va, NULL);
	run(s, json, "ptdump", NULL, NULL);
	run(s, json, "ptdump", "vmemmap", "--tables");
	run(s, json, "vmemmap", NULL, NULL);
	run(s, json, "vmemmap", pfn, NULL);
	run(s, json, "vmemmap", "--section", below(2) ? "16" : pfn);
	run(s, json, "ptdesc", pfn, NULL);
	run(s, json, "ptdesc", page, NULL);
	run(s, json, "log", NULL, NULL);
	run(s, json, "audit", NULL, NULL);
	run(s, json, "triage", NULL, NULL);
	run(s, json, "preflight", range, below(2) ? "device-private" : NULL);
}

/* ---- randomisation ----------------------------------------------------- */

static const char *const keys[] = {
	"PAGESIZE",
	"NUMBER(phys_ram_base)",
	"NUMBER(VA_BITS)",
	"NUMBER(PAGE_OFFSET)",
	"NUMBER(VMALLOC_START)",
	"NUMBER(VMALLOC_END)",
	"NUMBER(VMEMMAP_START)",
	"NUMBER(VMEMMAP_END)",
	"NUMBER(MODULES_VADDR)",
	"NUMBER(MODULES_END)",
	"NUMBER(KERNEL_LINK_ADDR)",
	"NUMBER(va_kernel_pa_offset)",
	"SYMBOL(swapper_pg_dir)",
	"SYMBOL(vmemmap)",
	"SYMBOL(mem_section)",
	"LENGTH(mem_section)",
	"SIZE(mem_section)",
	"OFFSET(mem_section.section_mem_map)",
	"NUMBER(SECTION_SIZE_BITS)",
	"NUMBER(MAX_PHYSMEM_BITS)",
	"SIZE(page)",
	"OFFSET(page.flags)",
	"OFFSET(page.lru)",
	"OFFSET(page._refcount)",
	"NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)",
	"NUMBER(NODES_SHIFT)",
	"NUMBER(PG_head_mask)",
};

static void garble_vmci(struct fake *f, const char *key)
{
	static const char *const fixed[] = {
		"0",
		"1",
		"-1",
		"8",
		"12",
		"27",
		"39",
		"57",
		"63",
		"64",
		"65",
		"200",
		"4096",
		"8192",
		"0x0",
		"0xffffffffffffffff",
		"zz",
		"",
		"-9223372036854775808",
	};
	int sym = !strncmp(key, "SYMBOL(", 7);

	switch (below(5)) {
	case 0:
		fake_vmci_del(f, key);
		break;
	case 1:
		fake_vmci(f, key, "%s", fixed[below(ARRAY_LEN(fixed))]);
		break;
	case 2:
		fake_vmci(f, key, sym ? "%llx" : "0x%llx",
			  (unsigned long long)rnd());
		break;
	case 3:
		fake_vmci(f, key, "%llu", (unsigned long long)below(1 << 20));
		break;
	default:
		fake_vmci(f, key, "%llu",
			  (unsigned long long)(1ULL << below(64)));
		break;
	}
}

/* A plausible-looking or random page-table entry. */
static uint64_t garble_pte(struct fake_kernel *k)
{
	uint64_t table =
		0x81000000ULL +
		4096 * below((k->f.next_table - 0x81000000ULL) / 4096 + 1);

	switch (below(4)) {
	case 0:
		return rnd();
	case 1: /* a pointer to some table: cycles and sharing */
		return fake_pte(table, RVMM_PTE_V);
	case 2: /* a leaf with random bits */
		return fake_pte(rnd() & 0xfffffffff000ULL, rnd() & 0x3ff) |
		       RVMM_PTE_V;
	default:
		return 0;
	}
}

static void garble_memory(struct fake_kernel *k)
{
	struct fake *f = &k->f;
	uint64_t tables = (f->next_table - 0x81000000ULL) / 4096, pa;
	int i, n = below(24);

	for (i = 0; i < n; i++) {
		switch (below(6)) {
		case 0:
			pa = k->swapper_pa + 8 * below(512);
			fake_w64(f, pa, garble_pte(k));
			break;
		case 1:
			pa = 0x81000000ULL + 4096 * below(tables) +
			     8 * below(512);
			fake_w64(f, pa, garble_pte(k));
			break;
		case 2: /* struct pages */
			pa = MEMMAP_PA + 8 * below(0x10000 / 8);
			fake_w64(f, pa, below(2) ? rnd() : 0xf2000000ULL << 32);
			break;
		case 3: /* mem_section roots and sections */
			pa = below(2) ? ROOTS_PA + 8 * below(8)
				      : k->ms_root_pa + 8 * below(512);
			fake_w64(f, pa, below(2) ? rnd() : k->vmemmap | 3);
			break;
		case 4: /* printk ring: descriptors, infos, text */
			pa = PA(DESCS) + 8 * below(0x3000 / 8);
			fake_w64(f, pa, below(3) ? rnd() : below(64));
			break;
		default: /* printk_ringbuffer header */
			pa = PA(RB) + 8 * below(8);
			fake_w64(f, pa, below(2) ? rnd() : below(40));
			break;
		}
	}
	if (!below(8))
		fake_not_in_dump(f, 0x81000000ULL + 4096 * below(tables));
}

static void garble_types(struct fake *f)
{
	int i, n = below(3);

	for (i = 0; i < n; i++) {
		long v = below(4) ? (long)below(300) - 20 : (long)rnd();

		switch (below(3)) {
		case 0:
			f->mem[below(f->nr_mem)].off = v;
			break;
		case 1:
			f->size[below(f->nr_size)].size = v;
			break;
		default:
			f->en[below(f->nr_en)].v = (int64_t)v;
			break;
		}
	}
}

static void test_random(void)
{
	struct rvmm_options opt;
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	const char *env = getenv("RVMM_GARBAGE_SEED");
	int it, i, opened = 0, iterations = ITERATIONS;
	clock_t t0 = clock();

	/* longer runs by hand: RVMM_GARBAGE_SEED=n RVMM_GARBAGE_RUNS=n */
	if (env)
		rng = strtoull(env, NULL, 0) | 1;
	env = getenv("RVMM_GARBAGE_RUNS");
	if (env)
		iterations = atoi(env);
	rvmm_options_init(&opt);
	opt.max_tables = 512; /* keep each walk short */
	for (it = 0; it < iterations; it++) {
		fake_kernel_build(&k, 3 + (int)below(3));
		fake_printk_ring(&k.f, (uint32_t)below(6),
				 (uint32_t)(3 + below(10)), 1, 0);
		for (i = below(6); i > 0; i--)
			garble_vmci(&k.f, keys[below(ARRAY_LEN(keys))]);
		garble_types(&k.f);
		garble_memory(&k);
		fake_source(&k.f, &src);
		if (!rvmm_session_open(&s, &src, &opt)) {
			opened++;
			run_all(&s, it & 1);
		} else {
			CHECK(s.err.msg[0] != '\0' && !strchr(s.err.msg, '\n'));
		}
		fake_free(&k.f);
	}
	/* most sessions open, so the commands really ran */
	CHECK(opened > iterations / 2);
	CHECK(sunk > 0);
	printf("# %d iterations, %d sessions, %.2f s\n", iterations, opened,
	       (double)(clock() - t0) / CLOCKS_PER_SEC);
}

/* ---- directed cases: one per bug the random run found -------------- */

/* Open a session on k (levels 4 unless built), or fail the check. */
static int open_k(struct fake_kernel *k, struct rvmm_session *s)
{
	struct rvmm_source src;
	struct rvmm_options opt;

	rvmm_options_init(&opt);
	opt.max_tables = 4096;
	fake_source(&k->f, &src);
	return rvmm_session_open(s, &src, &opt) ? -1 : 0;
}

/* Change the offset the fake answers for type.member. */
static void set_member(struct fake *f, const char *t, const char *m, long off)
{
	int i;

	for (i = 0; i < f->nr_mem; i++)
		if (!strcmp(f->mem[i].t, t) && !strcmp(f->mem[i].m, m)) {
			f->mem[i].off = off;
			return;
		}
	CHECK(!"no such member");
}

static int has_note(const struct rvmm_session *s, const char *what)
{
	int i;

	for (i = 0; i < s->notes.nr; i++)
		if (strstr(s->notes.line[i], what))
			return 1;
	return 0;
}

/* SIZE(page) 0 divided, 2^64-1 looped in order_base_2: ignored now. */
static void test_page_size(void)
{
	static const char *const bad[] = {"0", "0xffffffffffffffff", "8192"};
	struct fake_kernel k;
	struct rvmm_session s;
	unsigned int i;

	for (i = 0; i < ARRAY_LEN(bad); i++) {
		fake_kernel_build(&k, 4);
		fake_vmci(&k.f, "SIZE(page)", "%s", bad[i]);
		fake_vmci_del(&k.f, "NUMBER(VMEMMAP_START)");
		CHECK(!open_k(&k, &s));
		CHECK_EQ(s.layout.page_struct_size, 64); /* from the type */
		CHECK(has_note(&s, "SIZE(page)"));
		run_all(&s, 0);
		fake_free(&k.f);
	}
	/* and no usable size anywhere: a one-line error */
	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "SIZE(page)", "0");
	k.f.size[0].size = 0; /* "page" */
	CHECK(open_k(&k, &s));
	CHECK(strstr(s.err.msg, "SIZE(page)") != NULL);
	fake_free(&k.f);
}

/* SIZE(mem_section) above a page divided by zero; LENGTH looped. */
static void test_mem_section_geometry(void)
{
	struct fake_kernel k;
	struct rvmm_session s;

	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "SIZE(mem_section)", "8192");
	fake_vmci_del(&k.f, "LENGTH(mem_section)");
	CHECK(!open_k(&k, &s));
	CHECK_EQ(s.layout.mem_section_size, 16); /* from the type */
	CHECK(s.sections.ok);
	fake_free(&k.f);

	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "LENGTH(mem_section)", "0xffffffffffffffff");
	CHECK(!open_k(&k, &s));
	/* NR_SECTION_ROOTS for 56 - 27 bits and 256 sections a root */
	CHECK_EQ(s.layout.nr_section_roots, 1ULL << 21);
	CHECK(has_note(&s, "LENGTH(mem_section)"));
	fake_free(&k.f);

	/* section_mem_map past the struct: read past the root buffer */
	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "OFFSET(mem_section.section_mem_map)", "5000");
	CHECK(!open_k(&k, &s));
	CHECK(!s.sections.ok);
	run_all(&s, 1);
	fake_free(&k.f);
}

/* struct page offsets past SIZE(page) overran a 256-byte buffer. */
static void test_page_offsets(void)
{
	struct fake_kernel k;
	struct rvmm_session s;

	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "OFFSET(page._refcount)", "1000");
	CHECK(!open_k(&k, &s));
	CHECK(!s.pages.ok);
	run_all(&s, 0);
	fake_free(&k.f);

	/* an optional member past the end is dropped, not read */
	fake_kernel_build(&k, 4);
	set_member(&k.f, "page", "memcg_data", 250);
	CHECK(!open_k(&k, &s));
	CHECK(s.pages.ok);
	CHECK_EQ(s.pages.memcg_data, -1);
	fake_free(&k.f);
}

/* A vmemmap leaf right below vmemmap: pfn range wrapped, loop forever. */
static void test_vmemmap_leaf_wrap(void)
{
	struct fake_kernel k;
	struct rvmm_session s;

	fake_kernel_build(&k, 4);
	fake_vmci(&k.f, "NUMBER(SECTION_SIZE_BITS)", "12");
	fake_vmci(&k.f, "SIZE(page)", "1");
	fake_vmci(&k.f, "SYMBOL(vmemmap)", "%llx",
		  (unsigned long long)(k.vmemmap_start + (2 << 20)));
	fake_w64(&k.f, k.ms_root_pa + 16 * 16, 0); /* no present section */
	CHECK(!open_k(&k, &s));
	run(&s, 0, "vmemmap", NULL, NULL);
	fake_free(&k.f);
}

/* A printk record longer than the text buffer overran the heap. */
static void test_printk_long(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_log log;
	static char text[8192];

	fake_kernel_build(&k, 4);
	fake_printk_ring(&k.f, 3, 14, 1, 0);
	fake_w64(&k.f, PA(DESCS), 0 | 1ULL << 62); /* id 0, committed */
	fake_w64(&k.f, PA(DESCS) + 8, 0); /* begin */
	fake_w64(&k.f, PA(DESCS) + 16, 8 + sizeof(text)); /* next */
	fake_w64(&k.f, PA(INFOS), 42); /* seq */
	fake_w32(&k.f, PA(INFOS) + 16, 8000); /* text_len */
	fake_w64(&k.f, PA(DATA), 0); /* block id */
	memset(text, 'x', sizeof(text));
	fake_write(&k.f, PA(DATA) + 8, text, sizeof(text));
	CHECK(!open_k(&k, &s));
	rvmm_log_load(&s, &log);
	CHECK(log.ok);
	CHECK_EQ(log.nr, 1);
	if (log.nr == 1)
		CHECK(strlen(log.line[0].text) <= 4096);
	rvmm_log_free(&log);
	run(&s, 1, "log", NULL, NULL);

	/* member offsets past the descriptor read past the buffers */
	set_member(&k.f, "prb_desc", "state_var", 200);
	rvmm_log_load(&s, &log);
	CHECK(!log.ok);
	rvmm_log_free(&log);
	fake_free(&k.f);
}

/*
 * Every table pointing back to one table, and a removal range covering
 * 2^56 bytes: the replay visited 512^4 tables.  Bounded by the cap.
 */
static void test_preflight_cycle(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	clock_t t0 = clock();
	uint64_t t;
	int i;

	fake_kernel_build(&k, 5);
	t = fake_table(&k.f);
	for (i = 0; i < 512; i++) {
		fake_w64(&k.f, k.swapper_pa + 8 * i, fake_pte(t, RVMM_PTE_V));
		fake_w64(&k.f, t + 8 * i, fake_pte(t, RVMM_PTE_V));
	}
	CHECK(!open_k(&k, &s));
	run(&s, 0, "preflight", "0+0x100000000000000", NULL);
	run(&s, 1, "preflight", "0+0x100000000000000", NULL);
	CHECK((clock() - t0) / CLOCKS_PER_SEC < 2);
	fake_free(&k.f);
}

int main(void)
{
	test_page_size();
	test_mem_section_geometry();
	test_page_offsets();
	test_vmemmap_leaf_wrap();
	test_printk_long();
	test_preflight_cycle();
	test_random();
	return t_report();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Debug info shaped like two kernel configs, for rvmm.gdb's rvmm-probe:
 * by default struct page as without CONFIG_MEMCG on a kernel before
 * struct ptdesc and enum pagetype; with -DFULL as 6.12 with CONFIG_MEMCG.
 * Only the DWARF matters: live.test compiles it with -g -c and loads the
 * object into gdb-multiarch without a target.
 */
struct list_head {
	struct list_head *next, *prev;
};

typedef struct {
	int counter;
} atomic_t;

struct page {
	unsigned long flags;
	union {
		struct list_head lru;
		struct {
			unsigned long _pt_pad_1;
			unsigned long pmd_huge_pte;
		};
	};
	void *mapping;
	unsigned long index;
	unsigned long private;
	unsigned int page_type;
	atomic_t _refcount;
#ifdef FULL
	unsigned long memcg_data;
#endif
};

#ifdef FULL
struct ptdesc {
	unsigned long __page_flags;
	unsigned long _pt_pad_1;
	unsigned long pmd_huge_pte;
	unsigned int __page_type;
	atomic_t __page_refcount;
	unsigned long pt_memcg_data;
};

enum pagetype {
	PGTY_buddy = 0xf0,
	PGTY_table = 0xf2,
};

struct ptdesc probe_ptdesc;
enum pagetype probe_pagetype;
#endif

struct page probe_page;
const char linux_banner[] = "Linux version 0.0-probe (rvmm) #1 test\n";

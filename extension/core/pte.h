/* SPDX-License-Identifier: GPL-2.0 */
/* PTE decoding: architecture facts, no kernel needed (pte.c). */
#ifndef RVMM_PTE_H
#define RVMM_PTE_H

#include <stddef.h>
#include <stdint.h>

struct rvmm_json;

#define RVMM_PAGE_SHIFT 12
#define RVMM_PAGE_SIZE (1ULL << RVMM_PAGE_SHIFT)
#define RVMM_PTRS_PER_TABLE 512
#define RVMM_MAX_LEVELS 5

#define RVMM_PTE_V (1ULL << 0)
#define RVMM_PTE_R (1ULL << 1)
#define RVMM_PTE_W (1ULL << 2)
#define RVMM_PTE_X (1ULL << 3)
#define RVMM_PTE_U (1ULL << 4)
#define RVMM_PTE_G (1ULL << 5)
#define RVMM_PTE_A (1ULL << 6)
#define RVMM_PTE_D (1ULL << 7)
#define RVMM_PTE_SPECIAL (1ULL << 8) /* RSW bit 0 (_PAGE_SPECIAL) */
#define RVMM_PTE_DEVMAP (1ULL << 9) /* RSW bit 1 (_PAGE_DEVMAP) */
#define RVMM_PTE_PFN_SHIFT 10
#define RVMM_PTE_PFN_MASK (((1ULL << 44) - 1) << RVMM_PTE_PFN_SHIFT)
#define RVMM_PTE_PBMT_SHIFT 61
#define RVMM_PTE_PBMT_MASK (3ULL << RVMM_PTE_PBMT_SHIFT)
#define RVMM_PTE_N (1ULL << 63) /* Svnapot */
#define RVMM_PTE_RSVD_MASK (((1ULL << 7) - 1) << 54) /* bits 60:54 */

enum rvmm_pte_kind {
	RVMM_PTE_NONE, /* V clear */
	RVMM_PTE_TABLE, /* V set, R=W=X=0 */
	RVMM_PTE_LEAF, /* V set, any of R/W/X */
};

enum rvmm_pbmt {
	RVMM_PBMT_PMA = 0,
	RVMM_PBMT_NC = 1,
	RVMM_PBMT_IO = 2,
	RVMM_PBMT_RSVD = 3
};

struct rvmm_pte {
	uint64_t raw;
	enum rvmm_pte_kind kind;
	uint64_t pfn; /* bits 53:10 as stored */
	enum rvmm_pbmt pbmt;
	int napot; /* N bit set */
	int napot_order; /* log2 pages of the NAPOT range, 0 if none */
	int reserved_wx; /* W without R: reserved encoding */
	int reserved_bits; /* bits 60:54 non-zero */
};

void rvmm_pte_decode(uint64_t raw, struct rvmm_pte *p);
const char *rvmm_pbmt_name(enum rvmm_pbmt pbmt);
/* "V R W - - G A D" (+ " S", " DM", " NC", " IO", " N" when set); buf>=48 */
char *rvmm_pte_bits_str(uint64_t raw, char *buf, size_t len);
/* Emit {"raw","pfn","kind","v",...,"pbmt","napot"} as object key. */
void rvmm_pte_json(struct rvmm_json *j, const char *key, uint64_t raw);

/* Sign-extend va from bit va_bits-1: what the MMU's index bits alias to. */
uint64_t rvmm_sign_extend(uint64_t va, int va_bits);

#endif

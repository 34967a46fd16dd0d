// SPDX-License-Identifier: GPL-2.0
/* PTE decoding: kinds, PFN, Svpbmt, Svnapot, reserved encodings. */
#include <string.h>

#include "fake.h"

int main(void)
{
	struct rvmm_pte p;
	char buf[64];

	rvmm_pte_decode(0, &p);
	CHECK(p.kind == RVMM_PTE_NONE);
	rvmm_pte_decode(fake_pte(0x81234000, RVMM_PTE_V), &p);
	CHECK(p.kind == RVMM_PTE_TABLE);
	CHECK_EQ(p.pfn, 0x81234);
	rvmm_pte_decode(fake_pte(0x80000000, RVMM_PTE_V | RVMM_PTE_X), &p);
	CHECK(p.kind == RVMM_PTE_LEAF);
	CHECK(!p.reserved_wx);
	rvmm_pte_decode(fake_pte(0x80000000, RVMM_PTE_V | RVMM_PTE_W), &p);
	CHECK(p.kind == RVMM_PTE_LEAF && p.reserved_wx);
	/* PFN is bits 53:10: bit 54+ must not leak into it */
	rvmm_pte_decode((1ULL << 54) | (0xfffffffffffULL << 10) | 1, &p);
	CHECK_EQ(p.pfn, 0xfffffffffffULL);
	CHECK(p.reserved_bits);
	/* Svpbmt: 1 NC, 2 IO */
	rvmm_pte_decode(fake_pte(0x10000000,
				 RVMM_PTE_V | RVMM_PTE_R | (2ULL << 61)),
			&p);
	CHECK(p.pbmt == RVMM_PBMT_IO);
	CHECK(!strcmp(rvmm_pbmt_name(p.pbmt), "IO"));
	rvmm_pte_decode(fake_pte(0x10000000,
				 RVMM_PTE_V | RVMM_PTE_R | (1ULL << 61)),
			&p);
	CHECK(p.pbmt == RVMM_PBMT_NC);
	/* Svnapot 64K: pfn low bits 0b1000 */
	rvmm_pte_decode(((0x80010ULL | 0x8) << 10) | RVMM_PTE_N | RVMM_PTE_V |
				RVMM_PTE_R,
			&p);
	CHECK(p.napot);
	CHECK_EQ(p.napot_order, 4);

	rvmm_pte_bits_str(RVMM_PTE_V | RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_G |
				  RVMM_PTE_A | RVMM_PTE_D,
			  buf, sizeof(buf));
	CHECK(!strcmp(buf, "V R W - - G A D"));
	rvmm_pte_bits_str(RVMM_PTE_V | RVMM_PTE_R | (2ULL << 61) | RVMM_PTE_N |
				  RVMM_PTE_SPECIAL,
			  buf, sizeof(buf));
	CHECK(!strcmp(buf, "V R - - - - - - S IO N"));
	/* tiny buffers stay terminated */
	rvmm_pte_bits_str(~0ULL, buf, 4);
	CHECK(strlen(buf) < 4);
	CHECK(!strcmp(rvmm_size_str(2 << 20, buf, sizeof(buf)), "2M"));
	CHECK(!strcmp(rvmm_size_str(1ULL << 30, buf, sizeof(buf)), "1G"));
	CHECK(!strcmp(rvmm_size_str(512ULL << 30, buf, sizeof(buf)), "512G"));
	CHECK(!strcmp(rvmm_size_str(256ULL << 40, buf, sizeof(buf)), "256T"));
	CHECK(!strcmp(rvmm_size_str(64 << 10, buf, sizeof(buf)), "64K"));
	CHECK(!strcmp(rvmm_size_str(6 << 20, buf, sizeof(buf)), "6M"));
	CHECK(!strcmp(rvmm_level_name(3, 1), "PMD"));
	CHECK(!strcmp(rvmm_level_name(4, 1), "PUD"));
	CHECK(!strcmp(rvmm_level_name(5, 1), "P4D"));
	CHECK(!strcmp(rvmm_level_name(5, 4), "PTE"));
	CHECK_EQ(rvmm_level_size(5, 0), 1ULL << 48);
	CHECK_EQ(rvmm_level_size(4, 0), 1ULL << 39);
	CHECK_EQ(rvmm_level_size(3, 0), 1ULL << 30);
	return t_report();
}

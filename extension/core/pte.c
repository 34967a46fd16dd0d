// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64 PTE decoding (privileged spec, Sv39/48/57; Svpbmt; Svnapot).
 * Bit names follow arch/riscv/include/asm/pgtable-bits.h of Linux 6.12.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "json.h"
#include "pte.h"

void rvmm_pte_decode(uint64_t raw, struct rvmm_pte *p)
{
	memset(p, 0, sizeof(*p));
	p->raw = raw;
	p->pfn = (raw & RVMM_PTE_PFN_MASK) >> RVMM_PTE_PFN_SHIFT;
	p->pbmt = (raw & RVMM_PTE_PBMT_MASK) >> RVMM_PTE_PBMT_SHIFT;
	p->napot = !!(raw & RVMM_PTE_N);
	p->reserved_bits = !!(raw & RVMM_PTE_RSVD_MASK);
	if (!(raw & RVMM_PTE_V)) {
		p->kind = RVMM_PTE_NONE;
		return;
	}
	if (raw & (RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_X))
		p->kind = RVMM_PTE_LEAF;
	else
		p->kind = RVMM_PTE_TABLE;
	p->reserved_wx = (raw & RVMM_PTE_W) && !(raw & RVMM_PTE_R);
	/* napot_cont_order(): the lowest set pfn bit marks the size. */
	if (p->napot && p->pfn)
		p->napot_order = __builtin_ctzll(p->pfn) + 1;
}

const char *rvmm_pbmt_name(enum rvmm_pbmt pbmt)
{
	static const char *const n[] = {"PMA", "NC", "IO", "RSVD"};

	return n[pbmt & 3];
}

char *rvmm_pte_bits_str(uint64_t raw, char *buf, size_t len)
{
	static const char letters[] = "VRWXUGAD";
	size_t n = 0;
	int i;

	if (!len)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < 8 && n + 3 < len; i++) {
		if (i)
			buf[n++] = ' ';
		buf[n++] = (raw & (1ULL << i)) ? letters[i] : '-';
	}
	buf[n] = '\0';
	if (raw & RVMM_PTE_SPECIAL)
		n += snprintf(buf + n, len - n, " S");
	if (n < len && (raw & RVMM_PTE_DEVMAP))
		n += snprintf(buf + n, len - n, " DM");
	if (n < len && (raw & RVMM_PTE_PBMT_MASK))
		n += snprintf(buf + n, len - n, " %s",
			      rvmm_pbmt_name((raw >> RVMM_PTE_PBMT_SHIFT) & 3));
	if (n < len && (raw & RVMM_PTE_N))
		snprintf(buf + n, len - n, " N");
	return buf;
}

void rvmm_pte_json(struct rvmm_json *j, const char *key, uint64_t raw)
{
	static const char *const names[] = {"v", "r", "w", "x",	      "u",
					    "g", "a", "d", "special", "devmap"};
	static const char *const kinds[] = {"none", "table", "leaf"};
	struct rvmm_pte p;
	unsigned int i;

	rvmm_pte_decode(raw, &p);
	rvmm_json_obj_begin(j, key);
	rvmm_json_hex(j, "raw", raw);
	rvmm_json_str(j, "kind", kinds[p.kind]);
	rvmm_json_u64(j, "pfn", p.pfn);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		rvmm_json_bool(j, names[i], !!(raw & (1ULL << i)));
	rvmm_json_str(j, "pbmt", rvmm_pbmt_name(p.pbmt));
	rvmm_json_bool(j, "napot", p.napot);
	rvmm_json_bool(j, "reserved", p.reserved_wx || p.reserved_bits);
	rvmm_json_obj_end(j);
}

uint64_t rvmm_sign_extend(uint64_t va, int va_bits)
{
	int sh = 64 - va_bits;

	return (uint64_t)((int64_t)(va << sh) >> sh);
}

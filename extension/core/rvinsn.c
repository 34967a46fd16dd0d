// SPDX-License-Identifier: GPL-2.0
/* RV64GC decoding: each instruction's kind, registers and target. */
#include <string.h>

#include "rvinsn.h"

static const char *const abi_name[32] = {
	"zero", "ra", "sp", "gp", "tp",	 "t0",	"t1", "t2", "s0", "s1", "a0",
	"a1",	"a2", "a3", "a4", "a5",	 "a6",	"a7", "s2", "s3", "s4", "s5",
	"s6",	"s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *rvmm_rv_reg_name(int reg)
{
	return reg >= 0 && reg < 32 ? abi_name[reg] : "?";
}

static int64_t sext(uint64_t v, int bits)
{
	uint64_t m = 1ULL << (bits - 1);

	v &= (1ULL << bits) - 1;
	return (int64_t)((v ^ m) - m);
}

static void other(struct rvmm_rv_insn *in, int rd)
{
	in->kind = RVMM_RV_OTHER;
	in->rd = rd;
}

static void move(struct rvmm_rv_insn *in, int rd, int rs, int invert)
{
	in->kind = RVMM_RV_MOVE;
	in->rd = rd;
	in->rs1 = rs;
	in->invert = invert;
}

static int decode32(uint64_t pc, uint32_t x, struct rvmm_rv_insn *in)
{
	int op = x & 0x7f, rd = (x >> 7) & 31, f3 = (x >> 12) & 7;
	int rs1 = (x >> 15) & 31, rs2 = (x >> 20) & 31, f7 = x >> 25;
	int64_t imm_i = sext(x >> 20, 12);
	static const enum rvmm_rv_cond cond[8] = {
		RVMM_RV_EQ, RVMM_RV_NE, 0,	     0,
		RVMM_RV_LT, RVMM_RV_GE, RVMM_RV_LTU, RVMM_RV_GEU,
	};

	switch (op) {
	case 0x63: /* BRANCH */
		if (f3 == 2 || f3 == 3)
			return -1;
		in->kind = RVMM_RV_BRANCH;
		in->cond = cond[f3];
		in->rs1 = rs1;
		in->rs2 = rs2;
		in->imm = sext(((uint64_t)(x >> 31) << 12) |
				       (((x >> 7) & 1) << 11) |
				       (((x >> 25) & 0x3f) << 5) |
				       (((x >> 8) & 0xf) << 1),
			       13);
		in->target = pc + in->imm;
		return 0;
	case 0x6f: /* JAL */
		in->imm = sext(((uint64_t)(x >> 31) << 20) |
				       (((x >> 12) & 0xff) << 12) |
				       (((x >> 20) & 1) << 11) |
				       (((x >> 21) & 0x3ff) << 1),
			       21);
		in->target = pc + in->imm;
		in->rd = rd;
		in->kind = rd == 0   ? RVMM_RV_JUMP
			   : rd == 1 ? RVMM_RV_CALL
				     : RVMM_RV_OTHER;
		if (rd > 1) /* a jump that links elsewhere: not followed */
			in->kind = RVMM_RV_JR;
		return 0;
	case 0x67: /* JALR */
		if (f3)
			return -1;
		in->rd = rd;
		in->rs1 = rs1;
		in->imm = imm_i;
		in->kind = rd == 1 ? RVMM_RV_CALL : RVMM_RV_JR;
		return 0;
	case 0x03: /* LOAD */
		if (f3 == 7)
			return -1;
		in->kind = RVMM_RV_LOAD;
		in->rd = rd;
		in->rs1 = rs1;
		in->imm = imm_i;
		in->width = 1 << (f3 & 3);
		return 0;
	case 0x23: /* STORE */
		if (f3 > 3)
			return -1;
		in->kind = RVMM_RV_STORE;
		in->rs1 = rs1;
		in->rs2 = rs2;
		in->imm = sext(((x >> 25) << 5) | ((x >> 7) & 31), 12);
		in->width = 1 << f3;
		return 0;
	case 0x13: /* OP-IMM */
		if (f3 == 0 && imm_i == 0)
			move(in, rd, rs1, 0); /* mv */
		else if (f3 == 3 && imm_i == 1)
			move(in, rd, rs1, 1); /* seqz */
		else if (f3 == 4 && imm_i == 1)
			move(in, rd, rs1, 1); /* xori 1 of a bool */
		else if (f3 == 7 && (imm_i & 1))
			move(in, rd, rs1, 0); /* andi 1, zext.b of a bool */
		else
			other(in, rd);
		return 0;
	case 0x1b: /* OP-IMM-32 */
		if (f3 == 0 && imm_i == 0)
			move(in, rd, rs1, 0); /* sext.w */
		else
			other(in, rd);
		return 0;
	case 0x33: /* OP */
		if (f7 == 0 && (f3 == 0 || f3 == 6) && (rs1 == 0 || rs2 == 0))
			move(in, rd, rs1 ? rs1 : rs2, 0); /* add/or with x0 */
		else if (f7 == 0 && f3 == 3 && rs1 == 0)
			move(in, rd, rs2, 0); /* snez */
		else
			other(in, rd);
		return 0;
	case 0x73: /* SYSTEM */
		if (x == 0x00100073) {
			in->kind = RVMM_RV_TRAP;
			return 0;
		}
		other(in, f3 ? rd : -1);
		return 0;
	case 0x37: /* LUI */
	case 0x17: /* AUIPC */
	case 0x3b: /* OP-32 */
	case 0x2f: /* AMO */
		other(in, rd);
		return 0;
	case 0x07: /* LOAD-FP, FENCE, STORE-FP, OP-FP, FMA: no x register */
	case 0x0f:
	case 0x27:
	case 0x43:
	case 0x47:
	case 0x4b:
	case 0x4f:
		other(in, -1);
		return 0;
	case 0x53: /* OP-FP: fmv.x, fcvt to x, compares write x */
		other(in, (f7 == 0x70 || f7 == 0x71 || f7 == 0x60 ||
			   f7 == 0x61 || f7 == 0x50 || f7 == 0x51)
				  ? rd
				  : -1);
		return 0;
	}
	return -1;
}

/* Compressed register fields x8..x15. */
#define CR(x, sh) (8 + (((x) >> (sh)) & 7))

static int decode16(uint64_t pc, uint32_t x, struct rvmm_rv_insn *in)
{
	int q = x & 3, f3 = (x >> 13) & 7;
	int rd = (x >> 7) & 31, rs2 = (x >> 2) & 31;
	int64_t imm6 = sext((((x >> 12) & 1) << 5) | ((x >> 2) & 31), 6);

	if (x == 0)
		return -1;
	switch (q << 3 | f3) {
	case 000: /* c.addi4spn */
		other(in, CR(x, 2));
		return 0;
	case 002: /* c.lw */
	case 003: /* c.ld */
		in->kind = RVMM_RV_LOAD;
		in->rd = CR(x, 2);
		in->rs1 = CR(x, 7);
		in->width = f3 == 2 ? 4 : 8;
		in->imm = f3 == 2 ? (((x >> 10) & 7) << 3) |
					    (((x >> 6) & 1) << 2) |
					    (((x >> 5) & 1) << 6)
				  : (((x >> 10) & 7) << 3) |
					    (((x >> 5) & 3) << 6);
		return 0;
	case 001: /* c.fld */
	case 005: /* c.fsd */
	case 004: /* Zcb and reserved: touch nothing we track */
		other(in, -1);
		return 0;
	case 006: /* c.sw */
	case 007: /* c.sd */
		in->kind = RVMM_RV_STORE;
		in->rs1 = CR(x, 7);
		in->rs2 = CR(x, 2);
		in->width = f3 == 6 ? 4 : 8;
		in->imm = f3 == 6 ? (((x >> 10) & 7) << 3) |
					    (((x >> 6) & 1) << 2) |
					    (((x >> 5) & 1) << 6)
				  : (((x >> 10) & 7) << 3) |
					    (((x >> 5) & 3) << 6);
		return 0;
	case 010: /* c.addi, c.nop */
	case 011: /* c.addiw */
	case 012: /* c.li */
	case 013: /* c.lui, c.addi16sp */
		if (f3 == 1 && imm6 == 0)
			move(in, rd, rd, 0); /* sext.w */
		else
			other(in, rd ? rd : -1);
		return 0;
	case 014: { /* c.srli c.srai c.andi c.sub c.xor c.or c.and ... */
		int rdp = CR(x, 7), f2 = (x >> 10) & 3;

		if (f2 == 2 && (imm6 & 1))
			move(in, rdp, rdp, 0); /* c.andi odd: keeps a bool */
		else
			other(in, rdp);
		return 0;
	}
	case 015: /* c.j */
		in->kind = RVMM_RV_JUMP;
		in->imm = sext(
			(((x >> 12) & 1) << 11) | (((x >> 11) & 1) << 4) |
				(((x >> 9) & 3) << 8) | (((x >> 8) & 1) << 10) |
				(((x >> 7) & 1) << 6) | (((x >> 6) & 1) << 7) |
				(((x >> 3) & 7) << 1) | (((x >> 2) & 1) << 5),
			12);
		in->target = pc + in->imm;
		in->rd = 0;
		return 0;
	case 016: /* c.beqz */
	case 017: /* c.bnez */
		in->kind = RVMM_RV_BRANCH;
		in->cond = f3 == 6 ? RVMM_RV_EQ : RVMM_RV_NE;
		in->rs1 = CR(x, 7);
		in->rs2 = 0;
		in->imm = sext((((x >> 12) & 1) << 8) | (((x >> 10) & 3) << 3) |
				       (((x >> 5) & 3) << 6) |
				       (((x >> 3) & 3) << 1) |
				       (((x >> 2) & 1) << 5),
			       9);
		in->target = pc + in->imm;
		return 0;
	case 020: /* c.slli */
		other(in, rd ? rd : -1);
		return 0;
	case 021: /* c.fldsp */
	case 025: /* c.fsdsp */
		other(in, -1);
		return 0;
	case 022: /* c.lwsp */
	case 023: /* c.ldsp */
		if (!rd)
			return -1;
		in->kind = RVMM_RV_LOAD;
		in->rd = rd;
		in->rs1 = 2;
		in->width = f3 == 2 ? 4 : 8;
		in->imm = f3 == 2 ? (((x >> 12) & 1) << 5) |
					    (((x >> 4) & 7) << 2) |
					    (((x >> 2) & 3) << 6)
				  : (((x >> 12) & 1) << 5) |
					    (((x >> 5) & 3) << 3) |
					    (((x >> 2) & 7) << 6);
		return 0;
	case 024:
		if (!((x >> 12) & 1)) {
			if (!rs2) { /* c.jr */
				if (!rd)
					return -1;
				in->kind = RVMM_RV_JR;
				in->rs1 = rd;
				in->rd = 0;
			} else { /* c.mv */
				move(in, rd, rs2, 0);
			}
		} else if (!rd && !rs2) {
			in->kind = RVMM_RV_TRAP; /* c.ebreak */
		} else if (!rs2) { /* c.jalr */
			in->kind = RVMM_RV_CALL;
			in->rs1 = rd;
			in->rd = 1;
		} else { /* c.add */
			other(in, rd ? rd : -1);
		}
		return 0;
	case 026: /* c.swsp */
	case 027: /* c.sdsp */
		in->kind = RVMM_RV_STORE;
		in->rs1 = 2;
		in->rs2 = rs2;
		in->width = f3 == 6 ? 4 : 8;
		in->imm = f3 == 6 ? (((x >> 9) & 15) << 2) |
					    (((x >> 7) & 3) << 6)
				  : (((x >> 10) & 7) << 3) |
					    (((x >> 7) & 7) << 6);
		return 0;
	}
	return -1;
}

int rvmm_rv_decode(uint64_t pc, const uint8_t *p, size_t avail,
		   struct rvmm_rv_insn *in)
{
	uint32_t x;
	int rc, len;

	memset(in, 0, sizeof(*in));
	in->rd = in->rs1 = in->rs2 = -1;
	in->kind = RVMM_RV_INVALID;
	if (avail < 2)
		return 0;
	x = p[0] | (uint32_t)p[1] << 8;
	if ((x & 3) != 3) {
		len = 2;
		rc = decode16(pc, x, in);
	} else {
		if ((x & 0x1c) == 0x1c || avail < 4) /* 48-bit and longer */
			return 0;
		len = 4;
		x |= (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
		rc = decode32(pc, x, in);
	}
	if (rc) {
		in->kind = RVMM_RV_INVALID;
		return 0;
	}
	in->len = len;
	return len;
}

/* SPDX-License-Identifier: GPL-2.0 */
/* RV64GC instructions decoded as far as the fix 21f1b85c8912 search needs. */
#ifndef RVMM_RVINSN_H
#define RVMM_RVINSN_H

#include <stddef.h>
#include <stdint.h>

enum rvmm_rv_kind {
	RVMM_RV_OTHER, /* writes rd (if rd > 0) with some other value */
	RVMM_RV_BRANCH, /* conditional: cond on rs1, rs2 to target */
	RVMM_RV_JUMP, /* jal x0, c.j: to target */
	RVMM_RV_CALL, /* jal/jalr with rd = ra: returns to the next one */
	RVMM_RV_JR, /* jalr x0 (ret, indirect jump): successor unknown */
	RVMM_RV_LOAD, /* rd = width bytes at rs1 + imm */
	RVMM_RV_STORE, /* width bytes at rs1 + imm = rs2 */
	RVMM_RV_MOVE, /* rd = rs1 as a truth value (invert: rd = !rs1) */
	RVMM_RV_TRAP, /* ebreak (BUG, WARN) */
	RVMM_RV_INVALID,
};

enum rvmm_rv_cond {
	RVMM_RV_EQ,
	RVMM_RV_NE,
	RVMM_RV_LT,
	RVMM_RV_GE,
	RVMM_RV_LTU,
	RVMM_RV_GEU
};

/* One RV64GC instruction, as far as the guard search needs it. */
struct rvmm_rv_insn {
	int len; /* 2 or 4 */
	enum rvmm_rv_kind kind;
	enum rvmm_rv_cond cond;
	int rd, rs1, rs2; /* x0..x31, -1 = none */
	int64_t imm;
	uint64_t target; /* BRANCH, JUMP, CALL by jal (0 for jalr) */
	int width; /* LOAD, STORE */
	int invert; /* MOVE */
};

/*
 * Decode the instruction at pc from the avail bytes at p (little-endian).
 * Returns its length (2 or 4), or 0 if there are too few bytes or the
 * encoding is invalid (then in->kind = RVMM_RV_INVALID).
 */
int rvmm_rv_decode(uint64_t pc, const uint8_t *p, size_t avail,
		   struct rvmm_rv_insn *in);
/* ABI name of register x0..x31 ("a5"), "?" otherwise. */
const char *rvmm_rv_reg_name(int reg);

#endif

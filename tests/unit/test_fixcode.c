// SPDX-License-Identifier: GPL-2.0
/*
 * fixcode.c: the riscv64 decoder on instruction words of the real sample
 * kernels and hand-assembled ones (compressed forms included), the role
 * table, and the guard search on hand-assembled free_pmd_table shapes:
 * the fix, a backport with the parameter but no guard, the bug, and the
 * cases that must stay unknown.
 */
#include <stdio.h>
#include <string.h>

#include "fixcode.h"
#include "fake.h"

/* ---- decoder ---- */

static struct rvmm_rv_insn dec(uint64_t pc, uint32_t word, int len)
{
	uint8_t b[4] = {word, word >> 8, word >> 16, word >> 24};
	struct rvmm_rv_insn in;

	CHECK_EQ(rvmm_rv_decode(pc, b, len, &in), len);
	return in;
}

static void test_decode(void)
{
	struct rvmm_rv_insn in;
	uint8_t b[4] = {0, 0, 0, 0};

	/* fixed sample, remove_pgd_mapping: the guard bnez a5 */
	in = dec(0xffffffff8000a4eeULL, 0x1c079863, 4);
	CHECK(in.kind == RVMM_RV_BRANCH && in.cond == RVMM_RV_NE);
	CHECK(in.rs1 == 15 && in.rs2 == 0);
	CHECK_EQ(in.target, 0xffffffff8000a6beULL);
	/* ld a5,-120(s0): is_vmemmap from its stack slot */
	in = dec(0, 0xf8843783, 4);
	CHECK(in.kind == RVMM_RV_LOAD && in.rd == 15 && in.rs1 == 8);
	CHECK(in.imm == -120 && in.width == 8);
	/* sd a2,-120(s0) */
	in = dec(0, 0xf8c43423, 4);
	CHECK(in.kind == RVMM_RV_STORE && in.rs2 == 12 && in.rs1 == 8);
	CHECK(in.imm == -120);
	/* c.beqz a3 forward, c.bnez a1 backward */
	in = dec(0xffffffff8000a4a4ULL, 0xcebd, 2);
	CHECK(in.kind == RVMM_RV_BRANCH && in.cond == RVMM_RV_EQ);
	CHECK(in.rs1 == 13 && in.rs2 == 0);
	CHECK_EQ(in.target, 0xffffffff8000a522ULL);
	in = dec(0xffffffff8000a434ULL, 0xfdc1, 2);
	CHECK(in.kind == RVMM_RV_BRANCH && in.cond == RVMM_RV_NE);
	CHECK(in.rs1 == 11);
	CHECK_EQ(in.target, 0xffffffff8000a3ccULL);
	in = dec(0x38, 0xdff5, 2); /* c.beqz a5,.-4 */
	CHECK(in.rs1 == 15 && in.target == 0x34);
	in = dec(0x3a, 0xecfd, 2); /* c.bnez s1,.+254 */
	CHECK(in.rs1 == 9 && in.target == 0x138);
	/* c.j both ways: not a branch, no fall-through */
	in = dec(0xffffffff8000a36cULL, 0xa8b1, 2);
	CHECK(in.kind == RVMM_RV_JUMP);
	CHECK_EQ(in.target, 0xffffffff8000a3c8ULL);
	in = dec(0xffffffff8000a3a6ULL, 0xbded, 2);
	CHECK(in.kind == RVMM_RV_JUMP);
	CHECK_EQ(in.target, 0xffffffff8000a2a0ULL);
	in = dec(0x3c, 0xb001, 2); /* c.j .-2048 */
	CHECK(in.kind == RVMM_RV_JUMP && in.target == (uint64_t)0x3c - 2048);
	/* jal ra (call) and jal zero (jump) */
	in = dec(0xffffffff8000a2a8ULL, 0x4a7010ef, 4);
	CHECK(in.kind == RVMM_RV_CALL);
	CHECK_EQ(in.target, 0xffffffff8000bf4eULL);
	in = dec(0x2c, 0x1000006f, 4);
	CHECK(in.kind == RVMM_RV_JUMP && in.target == 0x12c);
	/* the other B-type conditions */
	in = dec(0xffffffff8000a438ULL, 0xfef61de3, 4);
	CHECK(in.cond == RVMM_RV_NE && in.rs1 == 12 && in.rs2 == 15);
	CHECK_EQ(in.target, 0xffffffff8000a432ULL);
	in = dec(0xffffffff8000a598ULL, 0x0fb78063, 4);
	CHECK(in.cond == RVMM_RV_EQ && in.rs2 == 27);
	CHECK_EQ(in.target, 0xffffffff8000a678ULL);
	in = dec(0xffffffff8000a2f0ULL, 0x00e66463, 4);
	CHECK(in.cond == RVMM_RV_LTU && in.target == 0xffffffff8000a2f8ULL);
	in = dec(0xffffffff8000a330ULL, 0x0737fa63, 4);
	CHECK(in.cond == RVMM_RV_GEU && in.target == 0xffffffff8000a3a4ULL);
	in = dec(0, 0x00b54463, 4);
	CHECK(in.cond == RVMM_RV_LT && in.target == 8);
	in = dec(4, 0xfeb55ce3, 4);
	CHECK(in.cond == RVMM_RV_GE && in.target == 0xfffffffffffffffcULL);
	in = dec(8, 0x00f06863, 4); /* bltu zero,a5: bnez */
	CHECK(in.cond == RVMM_RV_LTU && in.rs1 == 0 && in.rs2 == 15);
	/* truth-value moves */
	in = dec(0, 0x87aa, 2); /* mv a5,a0 */
	CHECK(in.kind == RVMM_RV_MOVE && in.rd == 15 && in.rs1 == 10);
	CHECK(!in.invert);
	in = dec(0, 0x0017b713, 4); /* seqz a4,a5 */
	CHECK(in.kind == RVMM_RV_MOVE && in.invert && in.rs1 == 15);
	in = dec(0, 0x00f03733, 4); /* snez a4,a5 */
	CHECK(in.kind == RVMM_RV_MOVE && !in.invert && in.rs1 == 15);
	in = dec(0, 0x0017f713, 4); /* andi a4,a5,1 */
	CHECK(in.kind == RVMM_RV_MOVE && !in.invert);
	in = dec(0, 0x0017c713, 4); /* xori a4,a5,1 */
	CHECK(in.kind == RVMM_RV_MOVE && in.invert);
	in = dec(0, 0x0007871b, 4); /* sext.w */
	CHECK(in.kind == RVMM_RV_MOVE);
	in = dec(0, 0x8b05, 2); /* c.andi a4,1 */
	CHECK(in.kind == RVMM_RV_MOVE && in.rd == 14 && in.rs1 == 14);
	in = dec(0, 0x873e, 2); /* c.mv a4,a5 */
	CHECK(in.kind == RVMM_RV_MOVE && in.rd == 14 && in.rs1 == 15);
	in = dec(0, 0x973e, 2); /* c.add a4,a5: some other value */
	CHECK(in.kind == RVMM_RV_OTHER && in.rd == 14);
	/* compressed loads and stores */
	in = dec(0, 0x70ea, 2); /* ld ra,184(sp) */
	CHECK(in.kind == RVMM_RV_LOAD && in.rd == 1 && in.rs1 == 2);
	CHECK(in.imm == 184);
	in = dec(0, 0x6de6, 2); /* ld s11,88(sp) */
	CHECK(in.rd == 27 && in.imm == 88);
	in = dec(0, 0xf922, 2); /* sd s0,176(sp) */
	CHECK(in.kind == RVMM_RV_STORE && in.rs2 == 8 && in.imm == 176);
	in = dec(0, 0x6118, 2); /* ld a4,0(a0) */
	CHECK(in.kind == RVMM_RV_LOAD && in.rd == 14 && in.rs1 == 10);
	in = dec(0, 0x591c, 2); /* lw a5,48(a0) */
	CHECK(in.kind == RVMM_RV_LOAD && in.width == 4 && in.imm == 48);
	in = dec(0, 0xd918, 2); /* sw a4,48(a0) */
	CHECK(in.kind == RVMM_RV_STORE && in.rs2 == 14 && in.imm == 48);
	in = dec(0, 0x0800, 2); /* c.addi4spn s0,sp,16 */
	CHECK(in.kind == RVMM_RV_OTHER && in.rd == 8);
	in = dec(0, 0x5dfd, 2); /* li s11,-1 */
	CHECK(in.kind == RVMM_RV_OTHER && in.rd == 27);
	/* control transfers that are not branches */
	in = dec(0, 0x8082, 2); /* ret */
	CHECK(in.kind == RVMM_RV_JR);
	in = dec(0, 0x9782, 2); /* c.jalr a5 */
	CHECK(in.kind == RVMM_RV_CALL && in.target == 0);
	in = dec(0, 0x000780e7, 4); /* jalr a5 */
	CHECK(in.kind == RVMM_RV_CALL);
	in = dec(0, 0x9002, 2);
	CHECK(in.kind == RVMM_RV_TRAP);
	in = dec(0, 0x00100073, 4);
	CHECK(in.kind == RVMM_RV_TRAP);
	in = dec(0, 0x123457b7, 4); /* lui a5 */
	CHECK(in.kind == RVMM_RV_OTHER && in.rd == 15);
	/* invalid, short, 48-bit */
	CHECK_EQ(rvmm_rv_decode(0, b, 4, &in), 0);
	CHECK(in.kind == RVMM_RV_INVALID);
	b[0] = 0x63;
	CHECK_EQ(rvmm_rv_decode(0, b, 2, &in), 0);
	b[0] = 0x1f;
	CHECK_EQ(rvmm_rv_decode(0, b, 4, &in), 0);
	CHECK(!strcmp(rvmm_rv_reg_name(15), "a5"));
	CHECK(!strcmp(rvmm_rv_reg_name(40), "?"));
}

static void test_roles(void)
{
	CHECK(rvmm_fixrole("pagetable_pmd_dtor") == RVMM_FIXROLE_DTOR);
	CHECK(rvmm_fixrole("pagetable_dtor") == RVMM_FIXROLE_DTOR);
	CHECK(rvmm_fixrole("pagetable_dtor.isra.0") == RVMM_FIXROLE_DTOR);
	CHECK(rvmm_fixrole("pagetable_free") == RVMM_FIXROLE_FREE);
	CHECK(rvmm_fixrole("free_reserved_page") == RVMM_FIXROLE_FREE);
	CHECK(rvmm_fixrole("pagetable_dtor_free") == RVMM_FIXROLE_DTOR_FREE);
	CHECK(rvmm_fixrole("pud_page") == RVMM_FIXROLE_OTHER);
	CHECK(rvmm_fixrole("lruvec_stat_sub_folio.constprop.0") ==
	      RVMM_FIXROLE_UNKNOWN);
	CHECK(rvmm_fixrole("pagetable_pmd_dtor_x") == RVMM_FIXROLE_UNKNOWN);
}

/* ---- hand-assembled free_pmd_table shapes ---- */

#define BASE 0x1000
#define DTOR_FN 0x9000
#define FREE_FN 0xa000
#define OTHER_FN 0xb000
#define UNKNOWN_FN 0xc000

enum { NOP4 = 0x00000013, CNOP = 0x0001, RET = 0x8082 };

static uint32_t enc_b(int f3, int rs1, int rs2, int64_t off)
{
	uint32_t o = (uint32_t)off;

	return ((o >> 12) & 1) << 31 | ((o >> 5) & 0x3f) << 25 | rs2 << 20 |
	       rs1 << 15 | f3 << 12 | ((o >> 1) & 0xf) << 8 |
	       ((o >> 11) & 1) << 7 | 0x63;
}

static uint32_t enc_jal(int rd, int64_t off)
{
	uint32_t o = (uint32_t)off;

	return ((o >> 20) & 1) << 31 | ((o >> 1) & 0x3ff) << 21 |
	       ((o >> 11) & 1) << 20 | ((o >> 12) & 0xff) << 12 | rd << 7 |
	       0x6f;
}

static uint32_t enc_ld(int rd, int rs1, int off)
{
	return (uint32_t)(off & 0xfff) << 20 | rs1 << 15 | 3 << 12 | rd << 7 |
	       0x03;
}

/* c.bnez rs1', off (f3 7) */
static uint16_t enc_cbnez(int rs1, int off)
{
	uint32_t o = (uint32_t)off;

	return 1 | ((o >> 5) & 1) << 2 | ((o >> 1) & 3) << 3 |
	       ((o >> 6) & 3) << 5 | (rs1 - 8) << 7 | ((o >> 3) & 3) << 10 |
	       ((o >> 8) & 1) << 12 | 7 << 13;
}

/*
 * 0x1000 ld a4,0(s6)           the all-entries-empty check
 * 0x1004 bnez a4 -> 0x2000     early return
 * 0x1008 ld a5,-120(s0)        is_vmemmap from its slot
 * 0x100c x                     (nop, seqz a4,a5, a call)
 * 0x1010 guard                 (or nops)
 * 0x1014 jal pagetable_pmd_dtor (or nops: inlined dtor [0x1014,0x101c))
 * 0x1018 c.nop; c.nop
 * 0x101c jal free_reserved_page
 * 0x1020 ret
 */
struct shape {
	uint32_t x, guard;
	int guard16; /* guard is a compressed branch + c.nop */
	int inline_dtor, no_dtor;
	int tail_free; /* j free_reserved_page: a tail call */
};

static uint8_t code[0x22];

static void put32(int at, uint32_t w)
{
	code[at] = w;
	code[at + 1] = w >> 8;
	code[at + 2] = w >> 16;
	code[at + 3] = w >> 24;
}

static void put16(int at, uint16_t w)
{
	code[at] = w;
	code[at + 1] = w >> 8;
}

static int callee(void *arg, uint64_t target, char *name, size_t len)
{
	const char *n = target == DTOR_FN      ? "pagetable_pmd_dtor"
			: target == FREE_FN    ? "free_reserved_page"
			: target == OTHER_FN   ? "pud_page"
			: target == UNKNOWN_FN ? "mystery_helper"
					       : NULL;

	(void)arg;
	if (!n)
		return -1;
	snprintf(name, len, "%s", n);
	return 0;
}

static const struct rvmm_code_range whole = {BASE, BASE + sizeof(code)};
static const struct rvmm_code_range dtor_range = {0x1014, 0x101c};

static enum rvmm_fixcode_verdict run(const struct shape *sh,
				     const struct rvmm_var_loc *loc, int nloc,
				     struct rvmm_fixcode_out *o)
{
	struct rvmm_fixcode_in in = {
		.base = BASE,
		.code = code,
		.len = sizeof(code),
		.entry = BASE,
		.nr_ranges = 1,
		.range = &whole,
		.param = nloc ? "is_vmemmap" : NULL,
		.nr_locs = nloc,
		.loc = loc,
		.callee = callee,
	};

	put32(0x0, enc_ld(14, 22, 0));
	put32(0x4, enc_b(1, 14, 0, 0x2000 - 0x1004));
	put32(0x8, enc_ld(15, 8, -120));
	put32(0xc, sh->x ? sh->x : NOP4);
	if (sh->guard16) {
		put16(0x10, sh->guard);
		put16(0x12, CNOP);
	} else {
		put32(0x10, sh->guard ? sh->guard : NOP4);
	}
	if (sh->inline_dtor || sh->no_dtor)
		put32(0x14, NOP4);
	else
		put32(0x14, enc_jal(1, DTOR_FN - 0x1014));
	put16(0x18, CNOP);
	put16(0x1a, CNOP);
	put32(0x1c, enc_jal(sh->tail_free ? 0 : 1, FREE_FN - 0x101c));
	put16(0x20, RET);
	if (sh->inline_dtor) {
		in.nr_dtor = 1;
		in.dtor = &dtor_range;
	}
	rvmm_fixcode_analyse(&in, o);
	return o->verdict;
}

static void test_shapes(void)
{
	static const struct rvmm_var_loc slot[] = {
		{BASE, BASE + 0x22, RVMM_LOC_MEM, 8, -120},
	};
	static const struct rvmm_var_loc in_a2[] = {
		{0, UINT64_MAX, RVMM_LOC_REG, 12, 0},
	};
	static const struct rvmm_var_loc const1[] = {
		{BASE, BASE + 0x22, RVMM_LOC_CONST, -1, 1},
	};
	uint32_t bnez_a5 = enc_b(1, 15, 0, 0x101c - 0x1010);
	struct rvmm_fixcode_out o;
	struct shape sh;

	/* the fix: bnez a5 over the dtor call, a5 loaded from the slot */
	sh = (struct shape){.guard = bnez_a5};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_GUARD);
	CHECK_EQ(o.branch_pc, 0x1010);
	CHECK_EQ(o.branch_reg, 15);
	CHECK_EQ(o.skip_pc, 0x101c);
	CHECK_EQ(o.dtor_pc, 0x1014);
	CHECK(o.has_param);
	/* the same with c.bnez */
	sh = (struct shape){.guard = enc_cbnez(15, 0x101c - 0x1010),
			    .guard16 = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_GUARD);
	/* inlined dtor (a range, not a call) */
	sh = (struct shape){.guard = bnez_a5, .inline_dtor = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_GUARD);
	/* the parameter in a register all along */
	sh = (struct shape){.guard = enc_b(1, 12, 0, 0x101c - 0x1010)};
	CHECK(run(&sh, in_a2, 1, &o) == RVMM_FC_GUARD);
	CHECK_EQ(o.branch_reg, 12);
	/* seqz a4,a5; beqz a4: taken when is_vmemmap is true */
	sh = (struct shape){.x = 0x0017b713,
			    .guard = enc_b(0, 14, 0, 0x101c - 0x1010)};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_GUARD);
	CHECK_EQ(o.branch_reg, 14);

	/* the free as a tail call */
	sh = (struct shape){.guard = bnez_a5, .tail_free = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_GUARD);
	sh = (struct shape){.tail_free = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNGUARDED);

	/* partial backport: the parameter, the load even, but no branch */
	sh = (struct shape){0};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNGUARDED);
	CHECK(o.has_param);
	CHECK_EQ(o.free_pc, 0x101c);
	sh = (struct shape){.inline_dtor = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNGUARDED);
	/* the bug: no parameter at all */
	sh = (struct shape){0};
	CHECK(run(&sh, NULL, 0, &o) == RVMM_FC_UNGUARDED);
	CHECK(!o.has_param);

	/* a skip on some other value: unknown, never "present" */
	sh = (struct shape){.guard = enc_b(1, 13, 0, 0x101c - 0x1010)};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNKNOWN);
	CHECK_EQ(o.branch_pc, 0x1010);
	/* the bug with a skip: no parameter to test, unknown */
	sh = (struct shape){.guard = bnez_a5};
	CHECK(run(&sh, NULL, 0, &o) == RVMM_FC_UNKNOWN);
	/* the wrong way round: dtor when is_vmemmap is true */
	sh = (struct shape){.guard = enc_b(0, 15, 0, 0x101c - 0x1010)};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNKNOWN);
	/* a call between the load and the branch clobbers a5 */
	sh = (struct shape){.x = enc_jal(1, OTHER_FN - 0x100c),
			    .guard = bnez_a5};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNKNOWN);
	/* an unknown function before the dtor: not "absent" either */
	sh = (struct shape){.x = enc_jal(1, UNKNOWN_FN - 0x100c)};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNKNOWN);
	/* no dtor: neither; a constant-true parameter explains it */
	sh = (struct shape){.no_dtor = 1};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_NO_DTOR);
	CHECK_EQ(o.param_const, -1);
	CHECK(run(&sh, const1, 1, &o) == RVMM_FC_NO_DTOR);
	CHECK_EQ(o.param_const, 1);
	sh = (struct shape){.no_dtor = 1, .x = enc_jal(1, UNKNOWN_FN - 0x100c)};
	CHECK(run(&sh, slot, 1, &o) == RVMM_FC_UNKNOWN);
}

/*
 * The backport kernel's layout (Debian 6.12 partial backport, DWARF 5):
 * GCC reordered the instance's blocks and put its entry pc on a block of
 * the dtor's ranges that only jumps back into the caller's loop; the code
 * runs from a later range, entered by a fall-through from the caller.
 *
 * 0x3000 j 0x2000              range A, the debug info's entry pc
 * 0x3004 nop                   the caller's
 * 0x3008 ld a4,0(s6)           range B: where the instance really starts
 * 0x300c bnez a4 -> 0x3024
 * 0x3010 ld a5,-120(s0)
 * 0x3014 guard                 (or a nop)
 * 0x3018 nop; nop              inlined dtor [0x3018,0x3020)
 * 0x3020 jal free_reserved_page
 * 0x3024 ret
 */
#define BASE2 0x3000

static uint8_t code2[0x26];

static enum rvmm_fixcode_verdict run_reordered(uint32_t guard, uint64_t entry,
					       struct rvmm_fixcode_out *o)
{
	static const struct rvmm_code_range ranges[] = {
		{BASE2, BASE2 + 4},
		{BASE2 + 8, BASE2 + sizeof(code2)},
	};
	static const struct rvmm_code_range dtor[] = {
		{BASE2, BASE2 + 4},
		{BASE2 + 0x18, BASE2 + 0x20},
	};
	static const struct rvmm_var_loc slot[] = {
		{BASE2, BASE2 + sizeof(code2), RVMM_LOC_MEM, 8, -120},
	};
	const uint32_t words[] = {
		enc_jal(0, 0x2000 - BASE2),
		NOP4,
		enc_ld(14, 22, 0),
		enc_b(1, 14, 0, 0x24 - 0xc),
		enc_ld(15, 8, -120),
		guard ? guard : NOP4,
		NOP4,
		NOP4,
		enc_jal(1, FREE_FN - (BASE2 + 0x20)),
	};
	struct rvmm_fixcode_in in = {
		.base = BASE2,
		.code = code2,
		.len = sizeof(code2),
		.entry = entry,
		.nr_ranges = 2,
		.range = ranges,
		.nr_dtor = 2,
		.dtor = dtor,
		.param = "is_vmemmap",
		.nr_locs = 1,
		.loc = slot,
		.callee = callee,
	};
	unsigned int i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		code2[4 * i] = words[i];
		code2[4 * i + 1] = words[i] >> 8;
		code2[4 * i + 2] = words[i] >> 16;
		code2[4 * i + 3] = words[i] >> 24;
	}
	code2[0x24] = RET & 0xff;
	code2[0x25] = RET >> 8;
	rvmm_fixcode_analyse(&in, o);
	return o->verdict;
}

static void test_reordered(void)
{
	struct rvmm_fixcode_out o;

	/* the partial backport: absent, found from the range B entry */
	CHECK(run_reordered(0, BASE2, &o) == RVMM_FC_UNGUARDED);
	CHECK_EQ(o.dtor_pc, BASE2 + 0x18);
	CHECK_EQ(o.free_pc, BASE2 + 0x20);
	/* the same fixed: the guard on is_vmemmap is still seen */
	CHECK(run_reordered(enc_b(1, 15, 0, 0x20 - 0x14), BASE2, &o) ==
	      RVMM_FC_GUARD);
	CHECK_EQ(o.branch_pc, BASE2 + 0x14);
	CHECK_EQ(o.skip_pc, BASE2 + 0x20);
	/* an entry pc that is no instruction of the instance */
	CHECK(run_reordered(0, BASE2 + 4, &o) == RVMM_FC_UNGUARDED);
	/* a skip on something else stays unknown */
	CHECK(run_reordered(enc_b(1, 13, 0, 0x20 - 0x14), BASE2, &o) ==
	      RVMM_FC_UNKNOWN);
}

int main(void)
{
	test_decode();
	test_roles();
	test_shapes();
	test_reordered();
	return t_report();
}

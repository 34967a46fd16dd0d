// SPDX-License-Identifier: GPL-2.0
/*
 * Fix 21f1b85c8912 from the machine code of free_pmd_table.
 *
 * The fix made the PMD table destructor conditional: "if (!is_vmemmap)
 * pagetable_pmd_dtor(ptdesc)".  For each instance of free_pmd_table in
 * the debug info (usually inlined into remove_pgd_mapping), the code is
 * read from the dump and turned into a control-flow graph over the
 * instance's ranges.  The destructor is where the debug info inlines one
 * of a few known names (or a call to one); the free is a call to, or an
 * inlined copy of, a known freeing function.
 *
 *   guard:      some path reaches the free without the destructor, and
 *               the branch that leaves the destructor out tests the value
 *               of is_vmemmap (where the location list puts it, or a
 *               register loaded or copied from there): fix present.
 *   unguarded:  every path from the entry to the free goes through the
 *               destructor: fix absent, whatever the parameters are called.
 *
 * Anything else (a name not in the tables, a skip on some other value, no
 * destructor found) leaves the answer unknown; the parameter name alone
 * then gives a weak answer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixcode.h"
#include "rvmm.h"

const char *rvmm_fix_evidence_str(enum rvmm_fix_evidence e)
{
	switch (e) {
	case RVMM_FIX_EV_NAME:
		return "name";
	case RVMM_FIX_EV_CODE:
		return "code";
	case RVMM_FIX_EV_DUMP:
		return "dump";
	case RVMM_FIX_EV_UNKNOWN:
		break;
	}
	return "unknown";
}

/* ---------------------------------------------------------------------- */
/* RV64GC decoding                                                         */

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

/* ---------------------------------------------------------------------- */
/* Roles by name                                                           */

/*
 * 6.12: pagetable_pmd_dtor (inlines pmd_ptlock_free, ptlock_free,
 * __folio_clear_pgtable, lruvec_stat_sub_folio); 6.14 merged the per-level
 * destructors into pagetable_dtor; before 6.6 it was pgtable_pmd_page_dtor.
 * Without DEBUG_VM GCC keeps it out of line (a call).
 */
const char *const rvmm_fix_dtor_names[] = {
	"pagetable_pmd_dtor",
	"pagetable_dtor",
	"pgtable_pmd_page_dtor",
	/*
	 * Identical destructors of other levels: the compiler folds them
	 * into one body with several symbols, and a call may name any.
	 */
	"pagetable_pte_dtor",
	"pagetable_pud_dtor",
	"pagetable_p4d_dtor",
	"pgtable_pte_page_dtor",
	NULL,
};

const char *const rvmm_fix_free_names[] = {
	"free_reserved_page", "pagetable_free",
	"__free_pages",	      "free_pages",
	"__free_page",	      "free_page",
	"free_pages_exact",   NULL,
};

static const char *const dtor_free_names[] = {
	"pagetable_dtor_free",
	"pagetable_pmd_dtor_free",
	NULL,
};

/* Called on the way, neither destructor nor free. */
static const char *const other_names[] = {
	"pud_page",	   "pmd_page",	    "p4d_page",
	"pgd_page",	   "page_ptdesc",   "virt_to_page",
	"pud_clear",	   "set_pud",	    "dump_page",
	"__warn_printk",   "report_bug",    "flush_tlb_all",
	"pud_pgtable",	   "pmd_none",	    "pud_none",
	"PageReserved",	   "__page_to_pfn", "pfn_to_page",
	"__fortify_panic", "panic",	    NULL,
};

static int in_list(const char *const *list, const char *name, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncmp(*list, name, n))
			return 1;
	return 0;
}

enum rvmm_fixrole rvmm_fixrole(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t n = dot ? (size_t)(dot - name) : strlen(name);

	if (in_list(dtor_free_names, name, n))
		return RVMM_FIXROLE_DTOR_FREE;
	if (in_list(rvmm_fix_dtor_names, name, n))
		return RVMM_FIXROLE_DTOR;
	if (in_list(rvmm_fix_free_names, name, n))
		return RVMM_FIXROLE_FREE;
	if (in_list(other_names, name, n))
		return RVMM_FIXROLE_OTHER;
	return RVMM_FIXROLE_UNKNOWN;
}

/* ---------------------------------------------------------------------- */
/* The control-flow graph of one instance and the guard search             */

#define MAX_NODES 8192
#define MAX_SLOTS 4
#define EXIT (-1)
#define NONE (-2)

/* What holds the parameter's truth value at a point (must-analysis). */
struct taint {
	int valid;
	uint32_t reg, inv; /* inv: the register holds the negation */
	int nr;
	struct {
		int base;
		int64_t off;
		int inv;
	} slot[MAX_SLOTS];
};

struct node {
	uint64_t pc;
	struct rvmm_rv_insn in;
	int succ[2];
	unsigned dtor : 1, free_ : 1, unknown_call : 1, reach : 1,
		reach_avoid : 1, can_free : 1, can_dtor : 1, skip_side : 1;
	struct taint t;
};

struct graph {
	const struct rvmm_fixcode_in *in;
	struct node *n;
	int nr;
	char callee[64];
};

static const char *pname(const struct rvmm_fixcode_in *in)
{
	return in->nr_locs && in->param ? in->param : "the parameter";
}

static int in_ranges(const struct rvmm_code_range *r, int nr, uint64_t pc)
{
	int i;

	for (i = 0; i < nr; i++)
		if (pc >= r[i].lo && pc < r[i].hi)
			return 1;
	return 0;
}

static int cmp_node(const void *a, const void *b)
{
	const struct node *x = a, *y = b;

	return x->pc < y->pc ? -1 : x->pc > y->pc;
}

static int find(const struct graph *g, uint64_t pc)
{
	int lo = 0, hi = g->nr;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (g->n[mid].pc == pc)
			return mid;
		if (g->n[mid].pc < pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return EXIT;
}

static enum rvmm_fixrole call_role(struct graph *g, const struct node *n)
{
	const struct rvmm_fixcode_in *in = g->in;

	g->callee[0] = 0;
	if (!n->in.target || !in->callee ||
	    in->callee(in->arg, n->in.target, g->callee, sizeof(g->callee)))
		return RVMM_FIXROLE_UNKNOWN;
	return rvmm_fixrole(g->callee);
}

static int build(struct graph *g, struct rvmm_fixcode_out *out)
{
	const struct rvmm_fixcode_in *in = g->in;
	int r, i;

	for (r = 0; r < in->nr_ranges; r++) {
		uint64_t pc = in->range[r].lo;

		while (pc < in->range[r].hi) {
			struct node *n;
			size_t off = pc - in->base;

			if (pc < in->base || off >= in->len) {
				snprintf(out->why, sizeof(out->why),
					 "no code read at %#llx",
					 (unsigned long long)pc);
				return -1;
			}
			if (g->nr == MAX_NODES) {
				snprintf(out->why, sizeof(out->why),
					 "more than %d instructions",
					 MAX_NODES);
				return -1;
			}
			n = &g->n[g->nr];
			memset(n, 0, sizeof(*n));
			n->pc = pc;
			if (!rvmm_rv_decode(pc, in->code + off,
					    in->len - off < in->range[r].hi - pc
						    ? in->len - off
						    : in->range[r].hi - pc,
					    &n->in)) {
				snprintf(out->why, sizeof(out->why),
					 "undecodable instruction at %#llx",
					 (unsigned long long)pc);
				return -1;
			}
			g->nr++;
			pc += n->in.len;
		}
	}
	qsort(g->n, g->nr, sizeof(*g->n), cmp_node);
	for (i = 0; i < g->nr; i++) {
		struct node *n = &g->n[i];
		uint64_t next = n->pc + n->in.len;

		n->succ[0] = n->succ[1] = NONE;
		switch (n->in.kind) {
		case RVMM_RV_BRANCH:
			n->succ[0] = find(g, next);
			n->succ[1] = find(g, n->in.target);
			break;
		case RVMM_RV_JUMP:
			n->succ[0] = find(g, n->in.target);
			break;
		case RVMM_RV_JR:
			n->succ[0] = EXIT;
			break;
		default: /* calls return; ebreak may be a WARN */
			n->succ[0] = find(g, next);
			break;
		}
		n->dtor = in_ranges(in->dtor, in->nr_dtor, n->pc);
		n->free_ = !n->dtor && in_ranges(in->free_, in->nr_free, n->pc);
		/*
		 * A call, or a tail call: a jump out of the instance to the
		 * start of a function (else it only leaves the instance).
		 */
		if (n->in.kind == RVMM_RV_CALL ||
		    (n->in.kind == RVMM_RV_JUMP && n->succ[0] == EXIT &&
		     in->callee &&
		     !in->callee(in->arg, n->in.target, g->callee,
				 sizeof(g->callee)))) {
			switch (call_role(g, n)) {
			case RVMM_FIXROLE_DTOR:
				n->dtor = 1;
				n->free_ = 0;
				break;
			case RVMM_FIXROLE_DTOR_FREE:
				n->dtor = 1;
				n->free_ = 1;
				break;
			case RVMM_FIXROLE_FREE:
				n->free_ = !n->dtor;
				break;
			case RVMM_FIXROLE_UNKNOWN:
				/* inside a known inlined function it is a part */
				n->unknown_call = !n->dtor && !n->free_;
				break;
			case RVMM_FIXROLE_OTHER:
				break;
			}
		}
	}
	return 0;
}

/* Forward reachability from the entry; avoid: do not enter the dtor. */
static void reach(struct graph *g, int entry, int avoid)
{
	/* a node is pushed once per edge into it: at most 2 * nr + 1 */
	int *stack = malloc(sizeof(int) * (2 * g->nr + 2)), sp = 0, i, s;

	if (!stack)
		return;
	stack[sp++] = entry;
	while (sp) {
		struct node *n = &g->n[stack[--sp]];

		if (avoid ? n->reach_avoid : n->reach)
			continue;
		if (avoid && n->dtor)
			continue;
		if (avoid)
			n->reach_avoid = 1;
		else
			n->reach = 1;
		for (i = 0; i < 2; i++) {
			s = n->succ[i];
			if (s >= 0 && sp < 2 * g->nr + 2 &&
			    (avoid ? !g->n[s].reach_avoid : !g->n[s].reach))
				stack[sp++] = s;
		}
	}
	free(stack);
}

/* can_free: reaches a free without the dtor; can_dtor: reaches the dtor. */
static void backward(struct graph *g)
{
	int changed = 1, i, k;

	while (changed) {
		changed = 0;
		for (i = g->nr - 1; i >= 0; i--) {
			struct node *n = &g->n[i];
			int cf = n->free_, cd = n->dtor;

			for (k = 0; k < 2; k++) {
				int s = n->succ[k];

				if (s < 0)
					continue;
				cf |= g->n[s].can_free;
				cd |= g->n[s].can_dtor;
			}
			if (n->dtor)
				cf = 0;
			if (cf != n->can_free || cd != n->can_dtor) {
				n->can_free = cf;
				n->can_dtor = cd;
				changed = 1;
			}
		}
	}
}

/* Everything reachable from start without the dtor is on the skip side. */
static int skip_side_unknown_call(struct graph *g, int start)
{
	int *stack = malloc(sizeof(int) * (2 * g->nr + 2)), sp = 0, i, bad = -1;

	if (!stack)
		return -2;
	for (i = 0; i < g->nr; i++)
		g->n[i].skip_side = 0;
	stack[sp++] = start;
	while (sp) {
		int idx = stack[--sp];
		struct node *n = &g->n[idx];

		if (n->skip_side || n->dtor)
			continue;
		n->skip_side = 1;
		if (n->unknown_call && bad < 0)
			bad = idx;
		for (i = 0; i < 2; i++)
			if (n->succ[i] >= 0 && !g->n[n->succ[i]].skip_side &&
			    sp < 2 * g->nr)
				stack[sp++] = n->succ[i];
	}
	free(stack);
	return bad;
}

/* ---- the parameter's value through registers and stack slots ---- */

static void untaint_reg(struct taint *t, int r)
{
	int i;

	if (r <= 0 || r > 31)
		return;
	t->reg &= ~(1u << r);
	t->inv &= ~(1u << r);
	for (i = 0; i < t->nr;) /* a slot addressed through r moves */
		if (t->slot[i].base == r)
			t->slot[i] = t->slot[--t->nr];
		else
			i++;
}

static void taint_reg(struct taint *t, int r, int inv)
{
	if (r <= 0 || r > 31)
		return;
	t->reg |= 1u << r;
	if (inv)
		t->inv |= 1u << r;
	else
		t->inv &= ~(1u << r);
}

static int find_slot(const struct taint *t, int base, int64_t off)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (t->slot[i].base == base && t->slot[i].off == off)
			return i;
	return -1;
}

static void add_slot(struct taint *t, int base, int64_t off, int inv)
{
	int i = find_slot(t, base, off);

	if (i < 0) {
		if (t->nr == MAX_SLOTS)
			return;
		i = t->nr++;
	}
	t->slot[i].base = base;
	t->slot[i].off = off;
	t->slot[i].inv = inv;
}

/* What the location list says holds the parameter at pc. */
static void gen(const struct rvmm_fixcode_in *in, uint64_t pc, struct taint *t)
{
	int i;

	for (i = 0; i < in->nr_locs; i++) {
		const struct rvmm_var_loc *l = &in->loc[i];

		if (pc < l->lo || pc >= l->hi)
			continue;
		if (l->kind == RVMM_LOC_REG)
			taint_reg(t, l->reg, 0);
		else if (l->kind == RVMM_LOC_MEM)
			add_slot(t, l->reg, l->value, 0);
	}
}

static void transfer(const struct rvmm_rv_insn *in, struct taint *t)
{
	static const int clobbered[] = {1,  5,	6,  7,	10, 11, 12, 13,
					14, 15, 16, 17, 28, 29, 30, 31};
	unsigned int i;
	int s, tainted, inv;

	switch (in->kind) {
	case RVMM_RV_LOAD:
		s = find_slot(t, in->rs1, in->imm);
		inv = s >= 0 && t->slot[s].inv;
		untaint_reg(t, in->rd);
		if (s >= 0)
			taint_reg(t, in->rd, inv);
		break;
	case RVMM_RV_STORE:
		s = find_slot(t, in->rs1, in->imm);
		if (s >= 0)
			t->slot[s] = t->slot[--t->nr];
		if (in->rs2 > 0 && (t->reg >> in->rs2 & 1))
			add_slot(t, in->rs1, in->imm, t->inv >> in->rs2 & 1);
		break;
	case RVMM_RV_MOVE:
		tainted = in->rs1 > 0 && (t->reg >> in->rs1 & 1);
		inv = tainted && (t->inv >> in->rs1 & 1);
		untaint_reg(t, in->rd);
		if (tainted)
			taint_reg(t, in->rd, inv ^ in->invert);
		break;
	case RVMM_RV_CALL:
		for (i = 0; i < sizeof(clobbered) / sizeof(clobbered[0]); i++)
			untaint_reg(t, clobbered[i]);
		break;
	default:
		if (in->rd > 0)
			untaint_reg(t, in->rd);
		break;
	}
}

/* Intersect b into a; 1 if a changed. */
static int meet(struct taint *a, const struct taint *b)
{
	struct taint old = *a;
	uint32_t same_inv = ~(a->inv ^ b->inv);
	int i;

	if (!a->valid) {
		*a = *b;
		return 1;
	}
	a->reg &= b->reg & same_inv;
	a->inv &= a->reg;
	for (i = 0; i < a->nr;) {
		int k = find_slot(b, a->slot[i].base, a->slot[i].off);

		if (k < 0 || b->slot[k].inv != a->slot[i].inv)
			a->slot[i] = a->slot[--a->nr];
		else
			i++;
	}
	return old.reg != a->reg || old.inv != a->inv || old.nr != a->nr;
}

static void taint_flow(struct graph *g, int entry)
{
	int *work = malloc(sizeof(int) * (g->nr + 1)), nw = 0, i, k;
	char *queued = calloc(g->nr, 1);

	if (!work || !queued)
		goto out;
	g->n[entry].t.valid = 1;
	work[nw++] = entry;
	queued[entry] = 1;
	while (nw) {
		int idx = work[--nw];
		struct node *n = &g->n[idx];
		struct taint t;

		queued[idx] = 0;
		gen(g->in, n->pc, &n->t);
		t = n->t;
		transfer(&n->in, &t);
		for (k = 0; k < 2; k++) {
			int s = n->succ[k];

			if (s < 0)
				continue;
			if (meet(&g->n[s].t, &t) && !queued[s]) {
				queued[s] = 1;
				work[nw++] = s;
			}
		}
	}
out:
	free(work);
	free(queued);
	(void)i;
}

/*
 * Does branch n test the parameter?  Returns 1 and *when_true (the branch
 * is taken when the parameter is true), 0 if it tests something else.
 */
static int tests_param(const struct node *n, int *reg, int *when_true)
{
	const struct rvmm_rv_insn *in = &n->in;
	const struct taint *t = &n->t;
	int r = -1, ne;

	if (in->cond == RVMM_RV_EQ || in->cond == RVMM_RV_NE) {
		if (in->rs2 == 0)
			r = in->rs1;
		else if (in->rs1 == 0)
			r = in->rs2;
		ne = in->cond == RVMM_RV_NE;
	} else if ((in->cond == RVMM_RV_LTU || in->cond == RVMM_RV_GEU) &&
		   in->rs1 == 0) {
		r = in->rs2; /* 0 <u r: r != 0 */
		ne = in->cond == RVMM_RV_LTU;
	} else {
		*reg = in->rs1;
		return 0;
	}
	*reg = r;
	if (r <= 0 || !t->valid || !(t->reg >> r & 1))
		return 0;
	*when_true = ne ^ (int)(t->inv >> r & 1);
	return 1;
}

static void verdict(struct graph *g, int entry, struct rvmm_fixcode_out *out)
{
	int i, first_dtor = -1, first_free = -1, any_dtor = 0, nr_cand = 0;
	int reach_free_avoid = 0;

	reach(g, entry, 0);
	reach(g, entry, 1);
	backward(g);
	for (i = 0; i < g->nr; i++) {
		struct node *n = &g->n[i];

		any_dtor |= n->dtor;
		if (n->reach && n->dtor && first_dtor < 0)
			first_dtor = i;
		if (n->reach && n->free_ && first_free < 0)
			first_free = i;
		if (n->reach_avoid && n->can_free)
			reach_free_avoid = 1;
	}
	if (first_dtor >= 0)
		out->dtor_pc = g->n[first_dtor].pc;
	if (first_free >= 0)
		out->free_pc = g->n[first_free].pc;
	if (first_free < 0) {
		snprintf(out->why, sizeof(out->why),
			 "no known free (free_reserved_page, pagetable_free, "
			 "...) reached from %#llx",
			 (unsigned long long)g->n[entry].pc);
		return;
	}
	if (!any_dtor) {
		for (i = 0; i < g->nr; i++)
			if (g->n[i].reach && g->n[i].unknown_call)
				break;
		if (i < g->nr) {
			snprintf(out->why, sizeof(out->why),
				 "no known PMD dtor, and a call at %#llx to "
				 "an unknown function",
				 (unsigned long long)g->n[i].pc);
			return;
		}
		out->verdict = RVMM_FC_NO_DTOR;
		snprintf(out->why, sizeof(out->why),
			 "no PMD dtor on the way to the free at %#llx",
			 (unsigned long long)out->free_pc);
		return;
	}
	if (!reach_free_avoid) {
		for (i = 0; i < g->nr; i++)
			if (g->n[i].reach_avoid && g->n[i].unknown_call)
				break;
		if (i < g->nr) {
			snprintf(out->why, sizeof(out->why),
				 "call at %#llx before the dtor to an unknown "
				 "function",
				 (unsigned long long)g->n[i].pc);
			return;
		}
		out->verdict = RVMM_FC_UNGUARDED;
		snprintf(out->why, sizeof(out->why),
			 "the dtor at %#llx is on every path to the free at "
			 "%#llx",
			 (unsigned long long)out->dtor_pc,
			 (unsigned long long)out->free_pc);
		return;
	}
	/* some path leaves the dtor out: which branch, on what? */
	taint_flow(g, entry);
	for (i = 0; i < g->nr; i++) {
		struct node *n = &g->n[i];
		int k, skip = -1, other = -1, reg = -1, when_true = 0, bad;

		if (!n->reach_avoid || n->in.kind != RVMM_RV_BRANCH)
			continue;
		for (k = 0; k < 2; k++) {
			int s = n->succ[k], o = n->succ[!k];

			if (s >= 0 && !g->n[s].dtor && g->n[s].can_free &&
			    o >= 0 && g->n[o].can_dtor &&
			    (g->n[o].dtor || !g->n[o].can_free)) {
				skip = s;
				other = o;
				break;
			}
		}
		if (skip < 0)
			continue;
		nr_cand++;
		out->branch_pc = n->pc;
		out->skip_pc = g->n[skip].pc;
		if (!tests_param(n, &reg, &when_true)) {
			out->branch_reg = reg;
			snprintf(out->why, sizeof(out->why),
				 "the branch at %#llx goes round the dtor on "
				 "%s, not shown to hold %s",
				 (unsigned long long)n->pc,
				 rvmm_rv_reg_name(reg), pname(g->in));
			return;
		}
		out->branch_reg = reg;
		/* taken target is succ[1] for a branch */
		if ((skip == n->succ[1]) != when_true) {
			snprintf(out->why, sizeof(out->why),
				 "the branch at %#llx on %s runs the dtor when "
				 "%s is true",
				 (unsigned long long)n->pc,
				 rvmm_rv_reg_name(reg), pname(g->in));
			return;
		}
		bad = skip_side_unknown_call(g, skip);
		if (bad >= 0) {
			snprintf(out->why, sizeof(out->why),
				 "call at %#llx on the path round the dtor to "
				 "an unknown function",
				 (unsigned long long)g->n[bad].pc);
			return;
		}
		(void)other;
	}
	if (!nr_cand) {
		snprintf(out->why, sizeof(out->why),
			 "a path reaches the free without the dtor, but no "
			 "branch separates them");
		return;
	}
	out->verdict = RVMM_FC_GUARD;
	snprintf(out->why, sizeof(out->why),
		 "the branch at %#llx on %s (%s) goes round the dtor at "
		 "%#llx to the free at %#llx",
		 (unsigned long long)out->branch_pc,
		 rvmm_rv_reg_name(out->branch_reg), pname(g->in),
		 (unsigned long long)out->dtor_pc,
		 (unsigned long long)out->free_pc);
}

void rvmm_fixcode_analyse(const struct rvmm_fixcode_in *in,
			  struct rvmm_fixcode_out *out)
{
	struct graph g = {.in = in};
	int entry, i;

	memset(out, 0, sizeof(*out));
	out->verdict = RVMM_FC_UNKNOWN;
	out->branch_reg = -1;
	out->param_const = -1;
	out->has_param = in->param && in->param[0];
	for (i = 0; i < in->nr_locs; i++) {
		int v = in->loc[i].value != 0;

		if (in->loc[i].kind != RVMM_LOC_CONST ||
		    (i && v != out->param_const)) {
			out->param_const = -1;
			break;
		}
		out->param_const = v;
	}
	g.n = calloc(MAX_NODES, sizeof(*g.n));
	if (!g.n) {
		snprintf(out->why, sizeof(out->why), "out of memory");
		return;
	}
	if (build(&g, out))
		goto out;
	entry = find(&g, in->entry);
	if (entry < 0) {
		snprintf(out->why, sizeof(out->why),
			 "entry %#llx is not an instruction of the instance",
			 (unsigned long long)in->entry);
		goto out;
	}
	verdict(&g, entry, out);
out:
	free(g.n);
}

/* ---------------------------------------------------------------------- */
/* The session side: gather the facts of each instance, then decide        */

#define MAX_INST 16
#define MAX_SUB 32
#define MAX_LOCS 32
#define MAX_CODE (64 * 1024)

struct fix_ctx {
	const struct rvmm_source *src;
	/* read len bytes of kernel code at run-time va: 0 or -1 */
	int (*read)(void *arg, uint64_t va, void *buf, size_t len);
	void *arg;
};

struct inst_facts {
	struct rvmm_code_range dtor[MAX_SUB * RVMM_FN_RANGES];
	struct rvmm_code_range free_[MAX_SUB * RVMM_FN_RANGES];
	struct rvmm_var_loc loc[MAX_LOCS];
	struct rvmm_fn_instance sub[MAX_SUB];
	char param[64];
};

static int callee_name(void *arg, uint64_t target, char *name, size_t len)
{
	const struct rvmm_source *src = arg;
	uint64_t off;

	if (src->ops->symbol_at(src->ctx, target, name, len, &off) || off)
		return -1;
	return 0;
}

/* Ranges of the inlined copies of names inside inst; -1 if unknown. */
static int sub_ranges(const struct rvmm_source *src,
		      const struct rvmm_fn_instance *inst,
		      const char *const *names, struct inst_facts *f,
		      struct rvmm_code_range *out)
{
	int nr = 0, n, i, k;

	for (; *names; names++) {
		n = src->ops->fn_instances(src->ctx, *names, inst, f->sub,
					   MAX_SUB);
		if (n < 0)
			return -1;
		for (i = 0; i < n && i < MAX_SUB; i++)
			for (k = 0; k < f->sub[i].nr_ranges; k++)
				out[nr++] = f->sub[i].range[k];
	}
	return nr;
}

/* The parameter the fix added: is_vmemmap, else one 6.12 did not have. */
static int guard_param(const struct rvmm_source *src,
		       const struct rvmm_fn_instance *inst,
		       struct inst_facts *f)
{
	char name[64];
	int idx, n, other = -1;

	f->param[0] = 0;
	for (idx = 0; idx < 8; idx++) {
		n = src->ops->param_locations(src->ctx, inst, idx, name,
					      sizeof(name), f->loc, MAX_LOCS);
		if (n < -1)
			return -1;
		if (n == -1)
			break;
		if (!strcmp(name, "is_vmemmap")) {
			snprintf(f->param, sizeof(f->param), "%s", name);
			return n;
		}
		if (strcmp(name, "pmd_start") && strcmp(name, "pud") &&
		    other < 0)
			other = idx;
	}
	if (other < 0)
		return 0;
	n = src->ops->param_locations(src->ctx, inst, other, f->param,
				      sizeof(f->param), f->loc, MAX_LOCS);
	return n < 0 ? 0 : n;
}

static void analyse_instance(const struct fix_ctx *c,
			     const struct rvmm_fn_instance *inst,
			     struct inst_facts *f, struct rvmm_fixcode_out *o)
{
	const struct rvmm_source *src = c->src;
	struct rvmm_fixcode_in in = {
		.entry = inst->entry,
		.nr_ranges = inst->nr_ranges,
		.range = inst->range,
		.dtor = f->dtor,
		.free_ = f->free_,
		.param = f->param,
		.loc = f->loc,
		.callee = callee_name,
		.arg = (void *)src,
	};
	uint64_t lo = UINT64_MAX, hi = 0;
	uint8_t *code;
	int i;

	memset(o, 0, sizeof(*o));
	o->verdict = RVMM_FC_UNKNOWN;
	o->param_const = -1;
	if (inst->truncated) {
		snprintf(o->why, sizeof(o->why), "more than %d code ranges",
			 RVMM_FN_RANGES);
		return;
	}
	for (i = 0; i < inst->nr_ranges; i++) {
		if (inst->range[i].lo < lo)
			lo = inst->range[i].lo;
		if (inst->range[i].hi > hi)
			hi = inst->range[i].hi;
	}
	if (!inst->nr_ranges || hi - lo > MAX_CODE) {
		snprintf(o->why, sizeof(o->why), "code ranges span %llu bytes",
			 (unsigned long long)(hi - lo));
		return;
	}
	in.nr_dtor = sub_ranges(src, inst, rvmm_fix_dtor_names, f, f->dtor);
	in.nr_free = sub_ranges(src, inst, rvmm_fix_free_names, f, f->free_);
	in.nr_locs = guard_param(src, inst, f);
	if (in.nr_dtor < 0 || in.nr_free < 0 || in.nr_locs < 0) {
		snprintf(o->why, sizeof(o->why),
			 "the debug info did not answer for the inlined code");
		return;
	}
	code = malloc(hi - lo);
	if (!code) {
		snprintf(o->why, sizeof(o->why), "out of memory");
		return;
	}
	if (c->read(c->arg, lo, code, hi - lo)) {
		snprintf(o->why, sizeof(o->why),
			 "kernel text %#llx-%#llx not readable in the dump",
			 (unsigned long long)lo, (unsigned long long)hi);
		free(code);
		return;
	}
	in.base = lo;
	in.code = code;
	in.len = hi - lo;
	rvmm_fixcode_analyse(&in, o);
	free(code);
}

/* fx->detail, truncated quietly if it must be */
static void detail(struct rvmm_fix *fx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void detail(struct rvmm_fix *fx, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	n = strlen(buf);
	if (n >= sizeof(fx->detail))
		n = sizeof(fx->detail) - 1;
	memcpy(fx->detail, buf, n);
	fx->detail[n] = 0;
}

/* " (inlined in remove_pgd_mapping+0x260)" */
static void where(const struct fix_ctx *c, const struct rvmm_fn_instance *inst,
		  char *buf, size_t len)
{
	char name[64];
	uint64_t off;

	buf[0] = 0;
	if (!c->src->ops->symbol_at(c->src->ctx, inst->entry, name,
				    sizeof(name), &off))
		snprintf(buf, len, " (%s %s+%#llx)",
			 inst->inlined ? "inlined in" : "at", name,
			 (unsigned long long)off);
}

/* The answer from the code alone; 1, 0, or -1 with the reason in fx. */
static int from_code(const struct fix_ctx *c, struct rvmm_fix *fx)
{
	const struct rvmm_source_ops *ops = c->src->ops;
	struct rvmm_fn_instance inst[MAX_INST];
	struct rvmm_fixcode_out o, first_guard, first_bad, first_unknown;
	struct inst_facts *f;
	int n, i, guard = 0, bad = 0, unknown = 0;
	uint64_t unknown_at = 0;
	char why[96], f_param[64] = "", where_bad[100] = "";
	char where_guard[100] = "";

	if (!ops->fn_instances || !ops->param_locations || !ops->symbol_at) {
		snprintf(fx->detail, sizeof(fx->detail),
			 "this front end cannot read inlined code from the "
			 "debug info");
		return -1;
	}
	n = ops->fn_instances(c->src->ctx, "free_pmd_table", NULL, inst,
			      MAX_INST);
	if (n <= 0) {
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table is not in the debug info (no "
			 "MEMORY_HOTREMOVE, or no DWARF)");
		return -1;
	}
	if (n > MAX_INST) {
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table has %d instances, more than %d", n,
			 MAX_INST);
		return -1;
	}
	f = malloc(sizeof(*f));
	if (!f) {
		snprintf(fx->detail, sizeof(fx->detail), "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		analyse_instance(c, &inst[i], f, &o);
		switch (o.verdict) {
		case RVMM_FC_GUARD:
			if (!guard++) {
				first_guard = o;
				where(c, &inst[i], where_guard,
				      sizeof(where_guard));
			}
			break;
		case RVMM_FC_UNGUARDED:
			if (o.param_const == 0) /* callers all pass false */
				break;
			if (!bad++) {
				first_bad = o;
				snprintf(f_param, sizeof(f_param), "%s",
					 f->param);
				where(c, &inst[i], where_bad,
				      sizeof(where_bad));
			}
			break;
		case RVMM_FC_NO_DTOR:
			if (o.param_const ==
			    1) { /* folded: dtor compiled out */
				if (!guard++)
					first_guard = o;
				break;
			}
			/* fall through */
		case RVMM_FC_UNKNOWN:
			if (!unknown++) {
				first_unknown = o;
				unknown_at = inst[i].entry;
			}
			break;
		}
	}
	free(f);
	if (bad && !guard && !unknown) {
		if (first_bad.has_param)
			snprintf(why, sizeof(why), "no branch on %s skips it",
				 f_param);
		else
			snprintf(why, sizeof(why),
				 "it has no is_vmemmap parameter");
		detail(fx, "free_pmd_table%s: %s (%s): fix 21f1b85c8912 absent",
		       where_bad, first_bad.why, why);
		return 0;
	}
	if (guard && !bad && !unknown) {
		detail(fx, "free_pmd_table%s: %s: fix 21f1b85c8912 present",
		       where_guard, first_guard.why);
		return 1;
	}
	if (guard && bad)
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table: one copy guards the dtor (%#llx), "
			 "another does not (%#llx)",
			 (unsigned long long)first_guard.branch_pc,
			 (unsigned long long)first_bad.dtor_pc);
	else if (unknown)
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table at %#llx: %s",
			 (unsigned long long)unknown_at, first_unknown.why);
	else
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table: every copy runs with is_vmemmap "
			 "false, the code cannot show a guard");
	return -1;
}

void rvmm_fix_detect_code(const struct rvmm_source *src,
			  int (*read)(void *arg, uint64_t va, void *buf,
				      size_t len),
			  void *arg, struct rvmm_fix *fx)
{
	const struct rvmm_source_ops *ops = src->ops;
	struct fix_ctx c = {.src = src, .read = read, .arg = arg};
	char why[sizeof(fx->detail)];
	int v;

	memset(fx, 0, sizeof(*fx));
	fx->present = from_code(&c, fx);
	if (fx->present >= 0) {
		fx->evidence = RVMM_FIX_EV_CODE;
		return;
	}
	snprintf(why, sizeof(why), "%s", fx->detail);
	v = ops->function_has_param
		    ? ops->function_has_param(src->ctx, "free_pmd_table",
					      "is_vmemmap")
		    : -1;
	if (v < 0) {
		fx->evidence = RVMM_FIX_EV_UNKNOWN;
		snprintf(fx->detail, sizeof(fx->detail),
			 "fix 21f1b85c8912 unknown: %.200s", why);
		return;
	}
	fx->present = v;
	fx->evidence = RVMM_FIX_EV_NAME;
	snprintf(fx->detail, sizeof(fx->detail),
		 "free_pmd_table %s an is_vmemmap parameter: fix 21f1b85c8912 "
		 "%s by name only (weak; code: %.120s)",
		 v ? "has" : "lacks", v ? "present" : "absent", why);
}

static int read_session(void *arg, uint64_t va, void *buf, size_t len)
{
	return rvmm_read_kva(arg, va, buf, len) == RVMM_READ_OK ? 0 : -1;
}

void rvmm_fix_detect(const struct rvmm_session *s, struct rvmm_fix *fx)
{
	rvmm_fix_detect_code(&s->src, read_session, (void *)s, fx);
}

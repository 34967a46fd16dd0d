// SPDX-License-Identifier: GPL-2.0
/* Where the guard's parameter lives along the graph (registers, slots). */
#include <stdlib.h>

#include "fixcode_priv.h"

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

void fixcode_taint_flow(struct graph *g)
{
	int *work = malloc(sizeof(int) * (g->nr + 1)), nw = 0, i, k;
	char *queued = calloc(g->nr, 1);

	if (!work || !queued)
		goto out;
	/* at each entry only the location list is known */
	for (i = 0; i < g->nr; i++) {
		if (!g->n[i].entry)
			continue;
		g->n[i].t.valid = 1;
		work[nw++] = i;
		queued[i] = 1;
	}
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
}

/*
 * Does branch n test the parameter?  Returns 1 and *when_true (the branch
 * is taken when the parameter is true), 0 if it tests something else.
 */
int fixcode_tests_param(const struct node *n, int *reg, int *when_true)
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

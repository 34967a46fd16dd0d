// SPDX-License-Identifier: GPL-2.0
/* The control-flow graph of one free_pmd_table instance, and its paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixcode_priv.h"

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

int fixcode_find(const struct graph *g, uint64_t pc)
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

int fixcode_build(struct graph *g, struct rvmm_fixcode_out *out)
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
			n->succ[0] = fixcode_find(g, next);
			n->succ[1] = fixcode_find(g, n->in.target);
			break;
		case RVMM_RV_JUMP:
			n->succ[0] = fixcode_find(g, n->in.target);
			break;
		case RVMM_RV_JR:
			n->succ[0] = EXIT;
			break;
		default: /* calls return; ebreak may be a WARN */
			n->succ[0] = fixcode_find(g, next);
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

/*
 * GCC may put the entry pc of an inlined copy whose blocks it reordered on
 * a block that only leaves it (a jump back into the caller's loop): the
 * instance is then entered elsewhere, by a jump or a fall-through from the
 * caller's code into one of its ranges.  A node nothing in the instance
 * leads to can only be reached that way, so it is an entry too.
 */
int fixcode_entries(struct graph *g, int entry)
{
	char *pred = calloc(g->nr ? g->nr : 1, 1);
	int i, k, nr = 0;

	if (!pred)
		return -1;
	for (i = 0; i < g->nr; i++)
		for (k = 0; k < 2; k++)
			if (g->n[i].succ[k] >= 0 && g->n[i].succ[k] != i)
				pred[g->n[i].succ[k]] = 1;
	for (i = 0; i < g->nr; i++) {
		g->n[i].entry = i == entry || !pred[i];
		nr += g->n[i].entry;
	}
	free(pred);
	return nr;
}

/* Forward reachability from the entries; avoid: do not enter the dtor. */
void fixcode_reach(struct graph *g, int avoid)
{
	/* a node is pushed once per entry and per edge into it */
	int max = 3 * g->nr + 2;
	int *stack = malloc(sizeof(int) * max), sp = 0, i, s;

	if (!stack)
		return;
	for (i = 0; i < g->nr; i++)
		if (g->n[i].entry)
			stack[sp++] = i;
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
			if (s >= 0 && sp < max &&
			    (avoid ? !g->n[s].reach_avoid : !g->n[s].reach))
				stack[sp++] = s;
		}
	}
	free(stack);
}

/*
 * can_free: reaches a free without the dtor; can_dtor: reaches the dtor;
 * to_free: reaches a free at all.
 */
void fixcode_backward(struct graph *g)
{
	int changed = 1, i, k;

	while (changed) {
		changed = 0;
		for (i = g->nr - 1; i >= 0; i--) {
			struct node *n = &g->n[i];
			int cf = n->free_, cd = n->dtor, tf = n->free_;

			for (k = 0; k < 2; k++) {
				int s = n->succ[k];

				if (s < 0)
					continue;
				cf |= g->n[s].can_free;
				cd |= g->n[s].can_dtor;
				tf |= g->n[s].to_free;
			}
			if (n->dtor)
				cf = 0;
			if (cf != n->can_free || cd != n->can_dtor ||
			    tf != n->to_free) {
				n->can_free = cf;
				n->can_dtor = cd;
				n->to_free = tf;
				changed = 1;
			}
		}
	}
}

/* Everything reachable from start without the dtor is on the skip side. */
int fixcode_skip_side_unknown_call(struct graph *g, int start)
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

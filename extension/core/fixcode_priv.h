/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to fixcode*.c: the control-flow graph of one instance. */
#ifndef RVMM_FIXCODE_PRIV_H
#define RVMM_FIXCODE_PRIV_H

#include "fixcode.h"

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
		reach_avoid : 1, can_free : 1, can_dtor : 1, skip_side : 1,
		entry : 1, to_free : 1;
	struct taint t;
};

struct graph {
	const struct rvmm_fixcode_in *in;
	struct node *n;
	int nr;
	char callee[64];
};

/* fixcode_cfg.c: the graph and where its paths go */

/* Decode the instance into g (sorted by pc, edges, roles); -1: out->why. */
int fixcode_build(struct graph *g, struct rvmm_fixcode_out *out);
/* The node at pc, or EXIT. */
int fixcode_find(const struct graph *g, uint64_t pc);
/*
 * Mark where control enters the instance: the debug info's entry pc (entry,
 * or EXIT if it is not an instruction of the instance) and every node no
 * other node of the instance leads to.  Returns how many.
 */
int fixcode_entries(struct graph *g, int entry);
/* Forward reachability from the entries; avoid: do not enter the dtor. */
void fixcode_reach(struct graph *g, int avoid);
/*
 * can_free: reaches a free without the dtor; can_dtor: reaches the dtor;
 * to_free: reaches a free at all.
 */
void fixcode_backward(struct graph *g);
/*
 * The first unknown call reachable from start without the dtor (the skip
 * side), -1 if none, -2 out of memory.
 */
int fixcode_skip_side_unknown_call(struct graph *g, int start);

/* fixcode_taint.c: the parameter's value through registers and stack slots */

/* Fill each reachable node's t: what holds the parameter at it. */
void fixcode_taint_flow(struct graph *g);
/*
 * Does branch n test the parameter?  Returns 1 and *when_true (the branch
 * is taken when the parameter is true), 0 if it tests something else.
 * *reg: the register it tests.
 */
int fixcode_tests_param(const struct node *n, int *reg, int *when_true);

#endif

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
 * The paths start at the debug info's entry pc and at every block of the
 * instance that no other block of it leads to: reordered by the compiler,
 * an inlined copy is entered from the caller's code wherever its first
 * block ended up, and the entry pc may name a block that only leaves.
 *
 *   guard:      some path reaches the free without the destructor, and
 *               the branch that leaves the destructor out tests the value
 *               of is_vmemmap (where the location list puts it, or a
 *               register loaded or copied from there): fix present.
 *   unguarded:  every path from an entry to the free goes through the
 *               destructor: fix absent, whatever the parameters are called.
 *
 * Anything else (a name not in the tables, a skip on some other value, no
 * destructor found) leaves the answer unknown; the parameter name alone
 * then gives a weak answer.
 *
 * Here: the role tables and the verdict on one instance.  The decoder is
 * rvinsn.c, the graph fixcode_cfg.c, the parameter's value through it
 * fixcode_taint.c, and the facts of each instance and the combined answer
 * fixcode_detect.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixcode_priv.h"

/* ---------------------------------------------------------------------- */
/* The verdict on one instance's graph                                     */

static const char *pname(const struct rvmm_fixcode_in *in)
{
	return in->nr_locs && in->param ? in->param : "the parameter";
}

/* The first entry, for the messages: the debug info's if it is one. */
static int first_entry(const struct graph *g, int entry)
{
	int i;

	if (entry >= 0)
		return entry;
	for (i = 0; i < g->nr; i++)
		if (g->n[i].entry)
			return i;
	return 0;
}

static void verdict(struct graph *g, int entry, struct rvmm_fixcode_out *out)
{
	int i, first_dtor = -1, first_free = -1, any_dtor = 0, nr_cand = 0;
	int reach_free_avoid = 0, nr_entries;

	nr_entries = fixcode_entries(g, entry);
	if (nr_entries <= 0) {
		snprintf(out->why, sizeof(out->why),
			 nr_entries ? "out of memory"
				    : "no way into the instance's code");
		return;
	}
	fixcode_reach(g, 0);
	fixcode_reach(g, 1);
	fixcode_backward(g);
	for (i = 0; i < g->nr; i++) {
		struct node *n = &g->n[i];

		any_dtor |= n->dtor;
		/* the dtor on the way to the free, not a stray block of it */
		if (n->reach && n->dtor &&
		    (first_dtor < 0 ||
		     (n->to_free && !g->n[first_dtor].to_free)))
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
		i = first_entry(g, entry);
		snprintf(
			out->why, sizeof(out->why),
			"no known free (free_reserved_page, pagetable_free, ...) reached from %#llx%s",
			(unsigned long long)g->n[i].pc,
			nr_entries > 1 ? " or the other entries" : "");
		return;
	}
	if (!any_dtor) {
		for (i = 0; i < g->nr; i++)
			if (g->n[i].reach && g->n[i].unknown_call)
				break;
		if (i < g->nr) {
			snprintf(
				out->why, sizeof(out->why),
				"no known PMD dtor, and a call at %#llx to an unknown function",
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
			snprintf(
				out->why, sizeof(out->why),
				"call at %#llx before the dtor to an unknown function",
				(unsigned long long)g->n[i].pc);
			return;
		}
		out->verdict = RVMM_FC_UNGUARDED;
		snprintf(
			out->why, sizeof(out->why),
			"the dtor at %#llx is on every path to the free at %#llx",
			(unsigned long long)out->dtor_pc,
			(unsigned long long)out->free_pc);
		return;
	}
	/* some path leaves the dtor out: which branch, on what? */
	fixcode_taint_flow(g);
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
		if (!fixcode_tests_param(n, &reg, &when_true)) {
			out->branch_reg = reg;
			snprintf(
				out->why, sizeof(out->why),
				"the branch at %#llx goes round the dtor on %s, not shown to hold %s",
				(unsigned long long)n->pc,
				rvmm_rv_reg_name(reg), pname(g->in));
			return;
		}
		out->branch_reg = reg;
		/* taken target is succ[1] for a branch */
		if ((skip == n->succ[1]) != when_true) {
			snprintf(
				out->why, sizeof(out->why),
				"the branch at %#llx on %s runs the dtor when %s is true",
				(unsigned long long)n->pc,
				rvmm_rv_reg_name(reg), pname(g->in));
			return;
		}
		bad = fixcode_skip_side_unknown_call(g, skip);
		if (bad >= 0) {
			snprintf(
				out->why, sizeof(out->why),
				"call at %#llx on the path round the dtor to an unknown function",
				(unsigned long long)g->n[bad].pc);
			return;
		}
		(void)other;
	}
	if (!nr_cand) {
		snprintf(
			out->why, sizeof(out->why),
			"a path reaches the free without the dtor, but no branch separates them");
		return;
	}
	out->verdict = RVMM_FC_GUARD;
	snprintf(
		out->why, sizeof(out->why),
		"the branch at %#llx on %s (%s) goes round the dtor at %#llx to the free at %#llx",
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
	if (fixcode_build(&g, out))
		goto out;
	/* not an instruction of the instance: the other entries may do */
	entry = fixcode_find(&g, in->entry);
	verdict(&g, entry, out);
out:
	free(g.n);
}

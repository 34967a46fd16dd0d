// SPDX-License-Identifier: GPL-2.0
/*
 * Where a function's code is once it has been inlined, and where its
 * parameters live there: the concrete DW_TAG_subprogram and
 * DW_TAG_inlined_subroutine trees of the DWARF, their ranges, and the
 * location lists of their formal parameters.  Shared by the stand-alone
 * source and the crash extension.  Link-time addresses throughout.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <dwarf.h>

#include "debuginfo_inline.h"
#include "debuginfo_priv.h"

#define MAX_DEPTH 64
#define MAX_ORIGINS 4096

struct origins {
	Dwarf_Off off[MAX_ORIGINS];
	size_t nr;
};

static int cmp_off(const void *a, const void *b)
{
	Dwarf_Off x = *(const Dwarf_Off *)a, y = *(const Dwarf_Off *)b;

	return x < y ? -1 : x > y;
}

/* Every named subprogram DIE of func (abstract, concrete, declaration). */
static int collect_origins(struct rvmm_debuginfo *di, const char *func,
			   struct origins *o)
{
	struct strmap_entry *e = strmap_find(&di->funcs, func);
	size_t i;

	o->nr = 0;
	if (!e)
		return -1;
	for (i = e->value; i && o->nr < MAX_ORIGINS;
	     i = di->func_dies[i - 1].next)
		o->off[o->nr++] = di->func_dies[i - 1].off;
	qsort(o->off, o->nr, sizeof(o->off[0]), cmp_off);
	return 0;
}

static int in_origins(const struct origins *o, Dwarf_Off off)
{
	return bsearch(&off, o->off, o->nr, sizeof(off), cmp_off) != NULL;
}

static int ref_in(Dwarf_Die *die, int at, const struct origins *o)
{
	Dwarf_Attribute attr;
	Dwarf_Die ref;

	if (!dwarf_attr(die, at, &attr) || !dwarf_formref_die(&attr, &ref))
		return 0;
	if (in_origins(o, dwarf_dieoffset(&ref)))
		return 1;
	/* a concrete copy of a definition that completes a declaration */
	return at == DW_AT_abstract_origin &&
	       ref_in(&ref, DW_AT_specification, o);
}

static int is_instance_of(Dwarf_Die *die, const struct origins *o)
{
	int tag = dwarf_tag(die);

	if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine)
		return 0;
	return in_origins(o, dwarf_dieoffset(die)) ||
	       ref_in(die, DW_AT_abstract_origin, o) ||
	       ref_in(die, DW_AT_specification, o);
}

/* Fill inst from die; 0 if it has code, -1 if not. */
static int fill_instance(Dwarf_Die *die, struct rvmm_fn_instance *inst)
{
	Dwarf_Addr base, lo, hi, entry, lowest = UINT64_MAX;
	ptrdiff_t off = 0;
	int n = 0;

	inst->id = dwarf_dieoffset(die);
	inst->inlined = dwarf_tag(die) == DW_TAG_inlined_subroutine;
	inst->truncated = 0;
	while ((off = dwarf_ranges(die, off, &base, &lo, &hi)) > 0) {
		if (hi <= lo)
			continue;
		if (lo < lowest)
			lowest = lo;
		if (n < RVMM_FN_RANGES) {
			inst->range[n].lo = lo;
			inst->range[n].hi = hi;
			n++;
		} else {
			inst->truncated = 1;
		}
	}
	inst->nr_ranges = n;
	if (!n)
		return -1;
	inst->entry = dwarf_entrypc(die, &entry) == 0 ? entry : lowest;
	return 0;
}

struct walk {
	const struct origins *o;
	struct rvmm_fn_instance *out;
	int max, found;
};

/* The instances under parent (not parent itself), depth first. */
static void walk_children(Dwarf_Die *parent, struct walk *w, int depth)
{
	Dwarf_Die child;

	if (depth > MAX_DEPTH || dwarf_child(parent, &child))
		return;
	do {
		int tag = dwarf_tag(&child);

		if (is_instance_of(&child, w->o)) {
			struct rvmm_fn_instance tmp, *slot;

			slot = w->found < w->max ? &w->out[w->found] : &tmp;
			if (!fill_instance(&child, slot))
				w->found++;
		}
		if (tag == DW_TAG_subprogram ||
		    tag == DW_TAG_inlined_subroutine ||
		    tag == DW_TAG_lexical_block)
			walk_children(&child, w, depth + 1);
	} while (!dwarf_siblingof(&child, &child));
}

int rvmm_debuginfo_fn_instances(struct rvmm_debuginfo *di, const char *func,
				const struct rvmm_fn_instance *within,
				struct rvmm_fn_instance *out, int max)
{
	static struct origins o; /* large; the tools are single-threaded */
	struct walk w = {.o = &o, .out = out, .max = max};
	Dwarf_Off cus[64];
	size_t nr_cus = 0, i, k;
	Dwarf_Die die, cu;

	if (collect_origins(di, func, &o))
		return within ? 0 : -1;
	if (within) {
		if (!dwarf_offdie(di->dwarf, within->id, &die))
			return -1;
		walk_children(&die, &w, 0);
		return w.found;
	}
	/* inlined copies live in the CU of their abstract origin */
	for (i = 0; i < o.nr; i++) {
		if (!dwarf_offdie(di->dwarf, o.off[i], &die) ||
		    !dwarf_diecu(&die, &cu, NULL, NULL))
			continue;
		for (k = 0; k < nr_cus; k++)
			if (cus[k] == dwarf_dieoffset(&cu))
				break;
		if (k < nr_cus || nr_cus == sizeof(cus) / sizeof(cus[0]))
			continue;
		cus[nr_cus++] = dwarf_dieoffset(&cu);
		walk_children(&cu, &w, 0);
	}
	return w.found;
}

/* The subprogram around die whose frame base DW_OP_fbreg refers to. */
static int frame_base(struct rvmm_debuginfo *di, Dwarf_Die *die, Dwarf_Addr pc,
		      int *reg, int64_t *off)
{
	Dwarf_Die *scopes = NULL;
	Dwarf_Attribute attr;
	Dwarf_Op *ops;
	size_t nops;
	int n, i, rc = -1;

	n = dwarf_getscopes_die(die, &scopes);
	for (i = 0; i < n; i++)
		if (dwarf_tag(&scopes[i]) == DW_TAG_subprogram &&
		    dwarf_attr(&scopes[i], DW_AT_frame_base, &attr))
			break;
	if (i >= n || dwarf_getlocation(&attr, &ops, &nops) || nops != 1)
		goto out;
	if (ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) {
		*reg = ops[0].atom - DW_OP_breg0;
		*off = (int64_t)ops[0].number;
		rc = 0;
	} else if (ops[0].atom == DW_OP_call_frame_cfa) {
		Dwarf_CFI *cfi[2] = {dwarf_getcfi(di->dwarf),
				     dwarf_getcfi_elf(di->elf)};
		Dwarf_Frame *frame;
		Dwarf_Op *cfa;
		size_t ncfa;

		for (i = 0; i < 2 && rc; i++) {
			if (!cfi[i] || dwarf_cfi_addrframe(cfi[i], pc, &frame))
				continue;
			if (!dwarf_frame_cfa(frame, &cfa, &ncfa) && ncfa == 1 &&
			    cfa[0].atom == DW_OP_bregx) {
				*reg = (int)cfa[0].number;
				*off = (int64_t)cfa[0].number2;
				rc = 0;
			}
			free(frame);
		}
	}
out:
	free(scopes);
	return rc;
}

static void decode_loc(struct rvmm_debuginfo *di, Dwarf_Die *die, Dwarf_Addr pc,
		       const Dwarf_Op *e, size_t n, struct rvmm_var_loc *l)
{
	l->kind = RVMM_LOC_OTHER;
	l->reg = -1;
	l->value = 0;
	if (n == 1 && e[0].atom >= DW_OP_reg0 && e[0].atom <= DW_OP_reg31) {
		l->kind = RVMM_LOC_REG;
		l->reg = e[0].atom - DW_OP_reg0;
	} else if (n == 1 && e[0].atom == DW_OP_regx) {
		l->kind = RVMM_LOC_REG;
		l->reg = (int)e[0].number;
	} else if (n == 1 && e[0].atom >= DW_OP_breg0 &&
		   e[0].atom <= DW_OP_breg31) {
		l->kind = RVMM_LOC_MEM;
		l->reg = e[0].atom - DW_OP_breg0;
		l->value = (int64_t)e[0].number;
	} else if (n == 1 && e[0].atom == DW_OP_fbreg) {
		int reg;
		int64_t off;

		if (!frame_base(di, die, pc, &reg, &off)) {
			l->kind = RVMM_LOC_MEM;
			l->reg = reg;
			l->value = off + (int64_t)e[0].number;
		}
	} else if (n == 2 && e[1].atom == DW_OP_stack_value) {
		if (e[0].atom >= DW_OP_lit0 && e[0].atom <= DW_OP_lit31) {
			l->kind = RVMM_LOC_CONST;
			l->value = e[0].atom - DW_OP_lit0;
		} else if (e[0].atom == DW_OP_constu ||
			   e[0].atom == DW_OP_consts) {
			l->kind = RVMM_LOC_CONST;
			l->value = (int64_t)e[0].number;
		}
	}
}

/* The index-th formal parameter of the declaration behind die. */
static int nth_param(Dwarf_Die *decl, int index, Dwarf_Die *param)
{
	int i = 0;

	if (dwarf_child(decl, param))
		return -1;
	do {
		if (dwarf_tag(param) == DW_TAG_formal_parameter && i++ == index)
			return 0;
	} while (!dwarf_siblingof(param, param));
	return -1;
}

int rvmm_debuginfo_param_locations(struct rvmm_debuginfo *di,
				   const struct rvmm_fn_instance *inst,
				   int index, char *name, size_t len,
				   struct rvmm_var_loc *loc, int max)
{
	Dwarf_Die die, origin, aparam, cparam;
	Dwarf_Attribute attr;
	Dwarf_Addr base, start, end;
	Dwarf_Op *expr;
	size_t exprlen;
	ptrdiff_t off = 0;
	const char *pname;
	int n = 0, found = 0;

	if (!dwarf_offdie(di->dwarf, inst->id, &die))
		return -2;
	origin = die;
	if (dwarf_attr(&die, DW_AT_abstract_origin, &attr) &&
	    !dwarf_formref_die(&attr, &origin))
		return -2;
	if (nth_param(&origin, index, &aparam))
		return -1;
	pname = dwarf_diename(&aparam);
	snprintf(name, len, "%s", pname ? pname : "?");
	if (dwarf_dieoffset(&origin) == dwarf_dieoffset(&die)) {
		cparam = aparam;
		found = 1;
	} else if (!dwarf_child(&die, &cparam)) {
		do {
			Dwarf_Die ref;

			if (dwarf_tag(&cparam) == DW_TAG_formal_parameter &&
			    dwarf_attr(&cparam, DW_AT_abstract_origin, &attr) &&
			    dwarf_formref_die(&attr, &ref) &&
			    dwarf_dieoffset(&ref) == dwarf_dieoffset(&aparam)) {
				found = 1;
				break;
			}
		} while (!dwarf_siblingof(&cparam, &cparam));
	}
	if (!found || !dwarf_attr(&cparam, DW_AT_location, &attr))
		return 0;
	while (n < max &&
	       (off = dwarf_getlocations(&attr, off, &base, &start, &end, &expr,
					 &exprlen)) > 0) {
		int whole = start == 0 && end == (Dwarf_Addr)-1;

		if (!whole && end <= start)
			continue;
		loc[n].lo = whole ? 0 : start;
		loc[n].hi = whole ? UINT64_MAX : end;
		decode_loc(di, &die, whole ? inst->entry : start, expr, exprlen,
			   &loc[n]);
		n++;
	}
	return n;
}

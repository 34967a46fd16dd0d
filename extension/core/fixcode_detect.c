// SPDX-License-Identifier: GPL-2.0
/* Fix 21f1b85c8912 in a kernel: each free_pmd_table instance, combined. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixcode.h"
#include "internal.h"
#include "session.h"

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
		      enum rvmm_fixrole role, struct inst_facts *f,
		      struct rvmm_code_range *out)
{
	int nr = 0, n, i, k;
	size_t e;

	for (e = 0; e < rvmm_nr_kfuncs; e++) {
		if (rvmm_kfuncs[e].fix != role)
			continue;
		n = src->ops->fn_instances(src->ctx, rvmm_kfuncs[e].name, inst,
					   f->sub, MAX_SUB);
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
	in.nr_dtor = sub_ranges(src, inst, RVMM_FIXROLE_DTOR, f, f->dtor);
	in.nr_free = sub_ranges(src, inst, RVMM_FIXROLE_FREE, f, f->free_);
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
		snprintf(
			fx->detail, sizeof(fx->detail),
			"this front end cannot read inlined code from the debug info");
		return -1;
	}
	n = ops->fn_instances(c->src->ctx, "free_pmd_table", NULL, inst,
			      MAX_INST);
	if (n <= 0) {
		snprintf(
			fx->detail, sizeof(fx->detail),
			"free_pmd_table is not in the debug info (no MEMORY_HOTREMOVE, or no DWARF)");
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
		snprintf(
			fx->detail, sizeof(fx->detail),
			"free_pmd_table: one copy guards the dtor (%#llx), another does not (%#llx)",
			(unsigned long long)first_guard.branch_pc,
			(unsigned long long)first_bad.dtor_pc);
	else if (unknown)
		snprintf(fx->detail, sizeof(fx->detail),
			 "free_pmd_table at %#llx: %s",
			 (unsigned long long)unknown_at, first_unknown.why);
	else
		snprintf(
			fx->detail, sizeof(fx->detail),
			"free_pmd_table: every copy runs with is_vmemmap false, the code cannot show a guard");
	return -1;
}

/* _stext proves the symbol table answers at all */
static int hot_remove(const struct rvmm_source *src)
{
	uint64_t addr;

	if (!rvmm_symbol(src, "arch_remove_memory", &addr))
		return 1;
	return rvmm_symbol(src, "_stext", &addr) ? -1 : 0;
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
	fx->hot_remove = hot_remove(src);
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
	snprintf(
		fx->detail, sizeof(fx->detail),
		"free_pmd_table %s an is_vmemmap parameter: fix 21f1b85c8912 %s by name only (weak; code: %.120s)",
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

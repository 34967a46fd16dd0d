// SPDX-License-Identifier: GPL-2.0
/* `preflight RANGE [memory|device-private]`: see preflight.h. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "preflight_sim.h"

static int parse_size(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	if (!strncmp(s, "0x", 2)) {
		*v = strtoull(s, &end, 16);
	} else {
		*v = strtoull(s, &end, 10);
		switch (toupper((unsigned char)*end)) {
		case 'K':
			*v <<= 10;
			end++;
			break;
		case 'M':
			*v <<= 20;
			end++;
			break;
		case 'G':
			*v <<= 30;
			end++;
			break;
		}
	}
	return errno || *end || end == s ? -1 : 0;
}

int rvmm_preflight_parse_range(const char *arg, uint64_t *start, uint64_t *end)
{
	const char *sep = strpbrk(arg, "-+");
	char first[32], *e;

	if (!sep || sep == arg || (size_t)(sep - arg) >= sizeof(first))
		return -1;
	memcpy(first, arg, sep - arg);
	first[sep - arg] = '\0';
	errno = 0;
	*start = strtoull(first, &e, 16);
	if (errno || *e)
		return -1;
	if (*sep == '+') {
		if (parse_size(sep + 1, end) || !*end || *start + *end < *start)
			return -1;
		*end += *start;
	} else {
		*end = strtoull(sep + 1, &e, 16);
		if (errno || *e || e == sep + 1)
			return -1;
		/* "0x...0000-0x...ffff" as /proc/iomem and printk %pa print */
		if ((*end & 0xfff) == 0xfff)
			(*end)++;
	}
	if (*end <= *start || (*start | *end) & 0xfff)
		return -1;
	return 0;
}

static void setup_parts(const struct rvmm_session *s, uint64_t start,
			uint64_t end, enum rvmm_pf_path path,
			struct rvmm_pf_part *vm, struct rvmm_pf_part *lin)
{
	const struct rvmm_layout *l = &s->layout;

	memset(vm, 0, sizeof(*vm));
	memset(lin, 0, sizeof(*lin));
	vm->name = "vmemmap";
	vm->is_vmemmap = 1;
	/* section_deactivate -> vmemmap_free(pfn_to_page(pfn), ...) */
	vm->va_start = rvmm_pfn_to_page(l, start >> RVMM_PAGE_SHIFT);
	vm->va_end = rvmm_pfn_to_page(l, end >> RVMM_PAGE_SHIFT);
	/* e.g. Sv48 with pfns near 2^44: their memmap is above VA_BITS */
	vm->noncanonical = !rvmm_is_canonical(l, vm->va_start) ||
			   !rvmm_is_canonical(l, vm->va_end - 1);
	lin->name = "linear map";
	lin->skipped = path == RVMM_PF_DEVICE_PRIVATE;
	/* remove_linear_mapping: __va(start) .. __va(start + size) */
	lin->va_start = rvmm_linear_pa_to_va(l, start);
	lin->va_end = rvmm_linear_pa_to_va(l, end);
	lin->noncanonical = !rvmm_is_canonical(l, lin->va_start) ||
			    !rvmm_is_canonical(l, lin->va_end - 1);
}

static const char *dtor_str(int dtor, int depth, int levels)
{
	if (!dtor)
		return "no dtor";
	if (dtor < 0)
		return "dtor unless fixed";
	return depth == levels - 1 ? "pagetable_pte_dtor"
				   : "pagetable_pmd_dtor";
}

static void json_part(struct rvmm_session *s, struct rvmm_out *o,
		      struct rvmm_json *j, const struct rvmm_pf_part *p)
{
	const struct rvmm_pf_table *t;
	int i;

	rvmm_json_obj_begin(j, p->is_vmemmap ? "vmemmap" : "linear");
	rvmm_json_bool(j, "touched", !p->skipped);
	rvmm_json_bool(j, "addressable", !p->noncanonical);
	rvmm_json_hex(j, "va_start", p->va_start);
	rvmm_json_hex(j, "va_end", p->va_end);
	rvmm_json_u64(j, "leaves_cleared", p->leaves);
	rvmm_json_u64(j, "leaf_bytes", p->leaf_bytes);
	rvmm_json_u64(j, "partial_leaves", p->partial_leaves);
	rvmm_json_u64(j, "read_errors", p->read_errors);
	rvmm_json_u64(j, "cycles", p->cycles);
	rvmm_json_u64(j, "shared_tables", p->shared);
	rvmm_json_bool(j, "truncated", p->truncated);
	rvmm_json_bool(j, "table_cap_reached", p->capped);
	rvmm_json_arr_begin(j, "tables_freed");
	for (i = 0; i < p->nr; i++) {
		t = &p->t[i];
		rvmm_json_obj_begin(j, NULL);
		rvmm_json_str(j, "level", t->kind);
		rvmm_json_hex(j, "table_pa", t->table_pa);
		rvmm_json_hex(j, "entry_pa", t->entry_pa);
		rvmm_json_hex(j, "va", t->va);
		rvmm_json_u64(j, "va_size", t->size);
		if (t->dtor < 0)
			rvmm_json_null(j, "dtor");
		else
			rvmm_json_bool(j, "dtor", t->dtor);
		rvmm_print_page_info(s, o, j, "page", &t->pi);
		rvmm_json_str(j, "outcome", rvmm_pf_outcome_str(t->outcome));
		rvmm_json_str(j, "why", t->why);
		rvmm_json_obj_end(j);
	}
	rvmm_json_arr_end(j);
	rvmm_json_str(j, "outcome", rvmm_pf_outcome_str(p->worst));
	rvmm_json_obj_end(j);
}

static void text_part(struct rvmm_session *s, struct rvmm_out *o,
		      const struct rvmm_pf_part *p)
{
	const struct rvmm_pf_table *t;
	char sz[24];
	int i;

	if (p->skipped) {
		rvmm_printf(
			o,
			"%s: not touched (device-private memory has no linear mapping)\n",
			p->name);
		return;
	}
	if (p->noncanonical)
		rvmm_printf(
			o,
			"%s VA 0x%016" PRIx64 "-0x%016" PRIx64
			" is not canonical in %s: nothing there to free (adding this range would already fault writing its %s)\n",
			p->name, p->va_start, p->va_end - 1, s->layout.mode,
			p->is_vmemmap ? "struct pages" : "linear mapping");
	rvmm_printf(o,
		    "%s VA 0x%016" PRIx64 "-0x%016" PRIx64
		    ": clears %lu leaves (%s)",
		    p->name, p->va_start, p->va_end - 1, p->leaves,
		    rvmm_size_str(p->leaf_bytes, sz, sizeof(sz)));
	if (p->partial_leaves)
		rvmm_printf(
			o,
			", %lu of them only partly inside the range (the whole leaf goes)",
			p->partial_leaves);
	rvmm_printf(o, "; frees %d table%s\n", p->nr, p->nr == 1 ? "" : "s");
	if (p->read_errors)
		rvmm_printf(o, "  %lu tables unreadable: result incomplete\n",
			    p->read_errors);
	if (p->cycles || p->shared)
		rvmm_printf(
			o,
			"  entries looping back up their own path: %lu, reaching a table a second time: %lu (garbage tables?): not followed again, result incomplete\n",
			p->cycles, p->shared);
	if (p->capped)
		rvmm_printf(
			o,
			"  table cap reached (garbage tables?): result incomplete\n");
	for (i = 0; i < p->nr; i++) {
		t = &p->t[i];
		rvmm_printf(o,
			    "  frees %s table PA 0x%016" PRIx64
			    " (maps 0x%016" PRIx64 "+%s, entry @0x%" PRIx64
			    "), %s: %s: %s\n",
			    t->kind, t->table_pa, t->va,
			    rvmm_size_str(t->size, sz, sizeof(sz)), t->entry_pa,
			    dtor_str(t->dtor, t->depth, s->layout.levels),
			    rvmm_pf_outcome_str(t->outcome), t->why);
		rvmm_print_page_info(s, o, NULL, NULL, &t->pi);
	}
	if (p->truncated)
		rvmm_printf(o, "  (more than %d tables: list truncated)\n",
			    RVMM_PF_MAX_TABLES);
}

static const char *tri(int v)
{
	return v < 0 ? "unknown" : v ? "yes" : "no";
}

static const char *summary(enum rvmm_pf_outcome w)
{
	switch (w) {
	case RVMM_PF_BUG:
		return "BUG: this removal will hit a VM_BUG_ON (kernel BUG, panic)";
	case RVMM_PF_OOPS:
		return "OOPS likely: a dtor frees a bogus lock pointer";
	case RVMM_PF_SILENT:
		return "no BUG, but silent NR_PAGETABLE corruption";
	case RVMM_PF_UNKNOWN:
		return "unknown: see the tables above";
	default:
		return "no BUG: every freed table is torn down correctly";
	}
}

int rvmm_cmd_preflight(struct rvmm_session *s, struct rvmm_out *o,
		       uint64_t start, uint64_t end, enum rvmm_pf_path path)
{
	const char *pname = path == RVMM_PF_DEVICE_PRIVATE ? "device-private"
							   : "memory";
	struct rvmm_pf_part *vm, *lin;
	struct rvmm_pf_kernel k;
	enum rvmm_pf_outcome worst;
	struct rvmm_json j;
	char sz[24];

	if (!s->pages.ok) {
		rvmm_err(s, o, "%s", s->pages.err.msg);
		return -1;
	}
	vm = malloc(2 * sizeof(*vm));
	if (!vm) {
		rvmm_err(s, o, "out of memory");
		return -1;
	}
	lin = vm + 1;
	rvmm_pf_kernel_probe(s, &k);
	if (k.hot_remove == 0) {
		free(vm);
		rvmm_err(
			s, o,
			"this kernel has no riscv memory hot-remove (no arch_remove_memory symbol): nothing to simulate");
		return -1;
	}
	setup_parts(s, start, end, path, vm, lin);
	rvmm_pf_simulate(s, &k, vm);
	rvmm_pf_simulate(s, &k, lin);
	worst = vm->worst > lin->worst ? vm->worst : lin->worst;
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "preflight");
		rvmm_json_hex(&j, "start", start);
		rvmm_json_hex(&j, "end", end);
		rvmm_json_str(&j, "path", pname);
		rvmm_json_obj_begin(&j, "kernel");
		rvmm_json_str(&j, "mode", s->layout.mode);
		if (k.fix_present < 0)
			rvmm_json_null(&j, "fix_21f1b85c8912");
		else
			rvmm_json_bool(&j, "fix_21f1b85c8912", k.fix_present);
		rvmm_json_str(&j, "fix_how", k.fix_how);
		rvmm_json_bool(&j, "debug_vm", k.debug_vm);
		rvmm_json_str(&j, "debug_vm_why", k.why_debug_vm);
		rvmm_json_bool(&j, "thp", k.thp);
		if (k.split_pmd_ptlocks < 0)
			rvmm_json_null(&j, "split_pmd_ptlocks");
		else
			rvmm_json_bool(&j, "split_pmd_ptlocks",
				       k.split_pmd_ptlocks);
		rvmm_json_str(&j, "split_pmd_ptlocks_why", k.why_split);
		rvmm_json_obj_end(&j);
		json_part(s, o, &j, vm);
		json_part(s, o, &j, lin);
		rvmm_json_str(&j, "verdict", rvmm_pf_outcome_str(worst));
		rvmm_json_str(&j, "summary", summary(worst));
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(o,
			    "preflight: remove PA 0x%016" PRIx64
			    "-0x%016" PRIx64 " (%s) as %s\n",
			    start, end - 1,
			    rvmm_size_str(end - start, sz, sizeof(sz)), pname);
		rvmm_printf(
			o,
			"kernel: %s%s; fix 21f1b85c8912 %s (%s); DEBUG_VM %s (%s); THP %s; split PMD ptlocks %s (%s)\n",
			s->layout.mode,
			s->layout.levels == 3 ? " (frees no PMD tables)" : "",
			tri(k.fix_present), k.fix_how, tri(k.debug_vm),
			k.why_debug_vm, tri(k.thp), tri(k.split_pmd_ptlocks),
			k.why_split);
		text_part(s, o, vm);
		text_part(s, o, lin);
		rvmm_printf(o, "verdict: %s\n", summary(worst));
	}
	free(vm);
	return 0;
}

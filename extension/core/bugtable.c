// SPDX-License-Identifier: GPL-2.0
/*
 * BUG sites from the kernel's __bug_table (lib/bug.c): each struct
 * bug_entry names the trapping instruction and, with DEBUG_BUGVERBOSE,
 * the file and line BUG() was written at.  riscv64 selects
 * GENERIC_BUG_RELATIVE_POINTERS, so both are 32-bit displacements from
 * the member itself (bug_addr_disp, file_disp); the layout is read from
 * the debug info, so an absolute-pointer kernel works too.  The table and
 * the file strings are read from the dump (the kernel image is in RAM).
 */
#include <stdio.h>
#include <string.h>

#include "forensics.h"
#include "internal.h"

#define MAX_ENTRIES (1UL << 20)
#define CHUNK 256

int rvmm_bug_layout_resolve(const struct rvmm_source *src,
			    struct rvmm_bug_layout *bl)
{
	long w;

	memset(bl, 0, sizeof(*bl));
	bl->size = rvmm_size(src, "bug_entry");
	bl->addr_off = rvmm_member(src, "bug_entry", "bug_addr_disp");
	bl->file_off = rvmm_member(src, "bug_entry", "file_disp");
	bl->relative = bl->addr_off >= 0;
	if (!bl->relative) {
		bl->addr_off = rvmm_member(src, "bug_entry", "bug_addr");
		bl->file_off = rvmm_member(src, "bug_entry", "file");
	}
	bl->line_off = rvmm_member(src, "bug_entry", "line");
	bl->flags_off = rvmm_member(src, "bug_entry", "flags");
	if (rvmm_symbol(src, "__start___bug_table", &bl->start) ||
	    rvmm_symbol(src, "__stop___bug_table", &bl->stop)) {
		rvmm_fail(&bl->err, RVMM_EFAILED,
			  "no symbols __start___bug_table/__stop___bug_table");
		return -1;
	}
	if (bl->size <= 0 || bl->size > 64 || bl->addr_off < 0) {
		rvmm_fail(&bl->err, RVMM_EFAILED,
			  "debug info lacks struct bug_entry");
		return -1;
	}
	/* without DEBUG_BUGVERBOSE: only bug_addr (and flags) */
	bl->verbose = bl->file_off >= 0 && bl->line_off >= 0;
	if (!bl->verbose)
		bl->file_off = bl->line_off = -1;
	/* every field read must lie inside the entry */
	w = bl->relative ? 4 : 8;
	if (bl->addr_off > bl->size - w || bl->file_off > bl->size - w ||
	    bl->line_off > bl->size - 2 || bl->flags_off > bl->size - 2) {
		rvmm_fail(&bl->err, RVMM_EFAILED,
			  "struct bug_entry members lie outside its size");
		return -1;
	}
	if (bl->stop < bl->start ||
	    (bl->stop - bl->start) / bl->size > MAX_ENTRIES) {
		rvmm_fail(&bl->err, RVMM_EFAILED,
			  "__bug_table bounds are garbage");
		return -1;
	}
	bl->ok = 1;
	return 0;
}

/* Read a NUL-terminated string of at most len-1 bytes at va. */
static int read_str(const struct rvmm_session *s, uint64_t va, char *buf,
		    size_t len)
{
	size_t n = 0, chunk;

	while (n + 1 < len) {
		chunk = RVMM_PAGE_SIZE - ((va + n) & (RVMM_PAGE_SIZE - 1));
		if (chunk > len - 1 - n)
			chunk = len - 1 - n;
		if (rvmm_read_kva(s, va + n, buf + n, chunk) != RVMM_READ_OK)
			return -1;
		if (memchr(buf + n, '\0', chunk))
			return 0;
		n += chunk;
	}
	buf[len - 1] = '\0';
	return 0;
}

static uint64_t target(const struct rvmm_bug_layout *bl, const unsigned char *e,
		       uint64_t entry_va, long off)
{
	if (bl->relative)
		return entry_va + off + (int64_t)(int32_t)rvmm_load(e, off, 4);
	return rvmm_load(e, off, 8);
}

/* The log prints bug->file as is; accept a path suffix for robustness. */
static int same_file(const char *have, const char *want)
{
	size_t h = strlen(have), w = strlen(want);

	if (h == w)
		return !strcmp(have, want);
	if (h > w)
		return have[h - w - 1] == '/' && !strcmp(have + h - w, want);
	return want[w - h - 1] == '/' && !strcmp(want + w - h, have);
}

static void symbolize(const struct rvmm_source *src, struct rvmm_bug_site *b)
{
	const struct rvmm_source_ops *ops = src->ops;

	b->nr_chain = -1;
	if (ops->symbol_at && ops->symbol_at(src->ctx, b->bug_addr, b->func,
					     sizeof(b->func), &b->func_off))
		b->func[0] = '\0';
	if (ops->inline_chain)
		b->nr_chain = ops->inline_chain(src->ctx, b->bug_addr, b->chain,
						RVMM_CHAIN_MAX);
	if (b->nr_chain > RVMM_CHAIN_MAX)
		b->nr_chain = RVMM_CHAIN_MAX;
}

/* Match entries by file and line (file != NULL) or by bug_addr == pc. */
static int find_sites(const struct rvmm_session *s, const char *file, int line,
		      uint64_t pc, struct rvmm_bug_site *out, int max,
		      unsigned long *scanned, struct rvmm_error *err)
{
	unsigned char buf[CHUNK * 64];
	struct rvmm_bug_layout bl;
	uint64_t nr, i, j, n;
	char str[256];
	int found = 0;

	*scanned = 0;
	if (rvmm_bug_layout_resolve(&s->src, &bl)) {
		rvmm_fail(err, bl.err.code, "%s", bl.err.msg);
		return -1;
	}
	if (file && !bl.verbose) {
		rvmm_fail(
			err, RVMM_EFAILED,
			"struct bug_entry has no file/line (kernel without DEBUG_BUGVERBOSE)");
		return -1;
	}
	nr = (bl.stop - bl.start) / bl.size;
	for (i = 0; i < nr; i += n) {
		n = nr - i < CHUNK ? nr - i : CHUNK;
		if (rvmm_read_kva(s, bl.start + i * bl.size, buf,
				  n * bl.size) != RVMM_READ_OK) {
			rvmm_fail(
				err, RVMM_EFAILED,
				"__bug_table at 0x%016llx not readable in the dump",
				(unsigned long long)(bl.start + i * bl.size));
			return -1;
		}
		for (j = 0; j < n; j++) {
			const unsigned char *e = buf + j * bl.size;
			uint64_t va = bl.start + (i + j) * bl.size;
			struct rvmm_bug_site *b;

			(*scanned)++;
			if (!file) {
				if (target(&bl, e, va, bl.addr_off) != pc)
					continue;
			} else if ((int)rvmm_load(e, bl.line_off, 2) != line ||
				   read_str(s, target(&bl, e, va, bl.file_off),
					    str, sizeof(str)) ||
				   !same_file(str, file)) {
				continue;
			}
			if (found++ >= max)
				continue;
			b = &out[found - 1];
			memset(b, 0, sizeof(*b));
			b->entry_va = va;
			b->bug_addr = target(&bl, e, va, bl.addr_off);
			b->line = bl.verbose ? (int)rvmm_load(e, bl.line_off, 2)
					     : 0;
			if (bl.flags_off >= 0)
				b->flags = rvmm_load(e, bl.flags_off, 2);
			symbolize(&s->src, b);
		}
	}
	return found;
}

int rvmm_bug_sites(const struct rvmm_session *s, const char *file, int line,
		   struct rvmm_bug_site *out, int max, unsigned long *scanned,
		   struct rvmm_error *err)
{
	return find_sites(s, file, line, 0, out, max, scanned, err);
}

int rvmm_bug_sites_at(const struct rvmm_session *s, uint64_t pc,
		      struct rvmm_bug_site *out, int max,
		      unsigned long *scanned, struct rvmm_error *err)
{
	return find_sites(s, NULL, 0, pc, out, max, scanned, err);
}

int rvmm_bug_site_in(const struct rvmm_bug_site *b, const char *func)
{
	int i;

	if (!strcmp(b->func, func))
		return 1;
	for (i = 0; i < b->nr_chain; i++)
		if (!strcmp(b->chain[i], func))
			return 1;
	return 0;
}

const char *rvmm_role_str(enum rvmm_role role)
{
	switch (role) {
	case RVMM_ROLE_PTLOCK_FREE:
		return "ptlock-free";
	case RVMM_ROLE_DTOR:
		return "pmd-dtor";
	case RVMM_ROLE_FREE_PMD_TABLE:
		return "free-pmd-table";
	case RVMM_ROLE_TEARDOWN:
		return "hot-remove-walk";
	case RVMM_ROLE_CALLER:
	case RVMM_ROLE_NONE:
		break;
	}
	return "?";
}

/* A name the BUG chain check knows (kfuncs.c), or NULL. */
static const struct rvmm_kfunc *role_lookup(const char *name)
{
	const struct rvmm_kfunc *k = rvmm_kfunc_find(name, strlen(name));

	return k && k->chain != RVMM_ROLE_NONE ? k : NULL;
}

int rvmm_role_is(enum rvmm_role role, const char *name)
{
	const struct rvmm_kfunc *r = role_lookup(name);

	return r && r->chain == role;
}

const char *rvmm_role_file(const char *name)
{
	const struct rvmm_kfunc *r = role_lookup(name);

	return r && r->chain == RVMM_ROLE_PTLOCK_FREE ? r->file : NULL;
}

int rvmm_bug_site_role(const struct rvmm_bug_site *b, enum rvmm_role role)
{
	int i, unknown = 0;

	if (b->nr_chain < 0 && !b->func[0])
		return -1;
	if (b->func[0] && rvmm_role_is(role, b->func))
		return 1;
	for (i = 0; i < b->nr_chain; i++)
		if (rvmm_role_is(role, b->chain[i]))
			return 1;
	/*
	 * Not named.  The BUG() is in the innermost function: for the
	 * ptlock-free step only that name can be a spelling we lack; for the
	 * other roles any name can.
	 */
	if (role == RVMM_ROLE_PTLOCK_FREE)
		return !role_lookup(b->nr_chain > 0 ? b->chain[0] : b->func)
			       ? -1
			       : 0;
	if (b->func[0] && !role_lookup(b->func))
		unknown = 1;
	for (i = 0; i < b->nr_chain; i++)
		if (!role_lookup(b->chain[i]))
			unknown = 1;
	return unknown ? -1 : 0;
}

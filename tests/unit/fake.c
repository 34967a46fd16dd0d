// SPDX-License-Identifier: GPL-2.0
/* Synthetic source for the unit tests; see fake.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "forensics.h"

int t_pass, t_fail;

int t_report(void)
{
	printf("# %d passed, %d failed\n", t_pass, t_fail);
	return t_fail ? 1 : 0;
}

void fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->next_table = 0x81000000ULL;
}

void fake_free(struct fake *f)
{
	size_t i;

	for (i = 0; i < f->nr_pages; i++)
		free(f->pages[i]);
	free(f->pages);
	memset(f, 0, sizeof(*f));
}

static struct fake_page *find(struct fake *f, uint64_t pfn, int create)
{
	struct fake_page *p;
	size_t i;

	for (i = 0; i < f->nr_pages; i++)
		if (f->pages[i]->pfn == pfn)
			return f->pages[i];
	if (!create)
		return NULL;
	if (f->nr_pages == f->cap_pages) {
		f->cap_pages = f->cap_pages ? 2 * f->cap_pages : 64;
		f->pages = realloc(f->pages, f->cap_pages * sizeof(*f->pages));
	}
	p = calloc(1, sizeof(*p));
	p->pfn = pfn;
	f->pages[f->nr_pages++] = p;
	return p;
}

void fake_write(struct fake *f, uint64_t pa, const void *buf, size_t len)
{
	const unsigned char *b = buf;

	while (len) {
		size_t off = pa & 4095, n = 4096 - off;

		if (n > len)
			n = len;
		memcpy(find(f, pa >> 12, 1)->data + off, b, n);
		pa += n;
		b += n;
		len -= n;
	}
}

void fake_w64(struct fake *f, uint64_t pa, uint64_t v)
{
	fake_write(f, pa, &v, 8);
}

void fake_w32(struct fake *f, uint64_t pa, uint32_t v)
{
	fake_write(f, pa, &v, 4);
}

uint64_t fake_r64(struct fake *f, uint64_t pa)
{
	struct fake_page *p = find(f, pa >> 12, 0);
	uint64_t v = 0;

	if (p)
		memcpy(&v, p->data + (pa & 4095), 8);
	return v;
}

void fake_not_in_dump(struct fake *f, uint64_t pa)
{
	find(f, pa >> 12, 1)->not_in_dump = 1;
}

static enum rvmm_read_result f_read(void *ctx, uint64_t pa, void *buf,
				    size_t len)
{
	struct fake *f = ctx;
	unsigned char *b = buf;

	f->reads++;
	while (len) {
		size_t off = pa & 4095, n = 4096 - off;
		struct fake_page *p = find(f, pa >> 12, 0);

		if (n > len)
			n = len;
		if (!p)
			return RVMM_READ_ERROR;
		if (p->not_in_dump)
			return RVMM_READ_NOT_IN_DUMP;
		memcpy(b, p->data + off, n);
		pa += n;
		b += n;
		len -= n;
	}
	return RVMM_READ_OK;
}

static int f_symbol(void *ctx, const char *name, uint64_t *v)
{
	struct fake *f = ctx;
	int i;

	for (i = 0; i < f->nr_sym; i++)
		if (!strcmp(f->sym[i].k, name)) {
			*v = f->sym[i].v;
			return 0;
		}
	return -1;
}

static long f_size(void *ctx, const char *t)
{
	struct fake *f = ctx;
	int i;

	for (i = 0; i < f->nr_size; i++)
		if (!strcmp(f->size[i].t, t))
			return f->size[i].size;
	return -1;
}

static long f_member(void *ctx, const char *t, const char *m)
{
	struct fake *f = ctx;
	int i;

	for (i = 0; i < f->nr_mem; i++)
		if (!strcmp(f->mem[i].t, t) && !strcmp(f->mem[i].m, m))
			return f->mem[i].off;
	return -1;
}

static int f_enum(void *ctx, const char *k, int64_t *v)
{
	struct fake *f = ctx;
	int i;

	for (i = 0; i < f->nr_en; i++)
		if (!strcmp(f->en[i].k, k)) {
			*v = f->en[i].v;
			return 0;
		}
	return -1;
}

static const char *f_vmci(void *ctx, const char *key)
{
	struct fake *f = ctx;
	int i;

	for (i = 0; i < f->nr_vmci; i++)
		if (f->vmci[i].k && !strcmp(f->vmci[i].k, key))
			return f->vmci[i].v;
	return NULL;
}

static int f_interrupted(void *ctx)
{
	struct fake *f = ctx;

	return f->interrupt_after && ++f->interrupt_calls > f->interrupt_after;
}

static const struct rvmm_source_ops fake_ops = {
	.read_phys = f_read,
	.symbol = f_symbol,
	.struct_size = f_size,
	.member_offset = f_member,
	.enumerator = f_enum,
	.vmcoreinfo = f_vmci,
	.interrupted = f_interrupted,
};

void fake_source(struct fake *f, struct rvmm_source *src)
{
	src->ops = &fake_ops;
	src->ctx = f;
	src->name = "fake";
}

void fake_vmci(struct fake *f, const char *key, const char *fmt, ...)
{
	va_list ap;
	int i;

	for (i = 0; i < f->nr_vmci; i++)
		if (f->vmci[i].k && !strcmp(f->vmci[i].k, key))
			break;
	if (i == f->nr_vmci)
		f->nr_vmci++;
	f->vmci[i].k = key;
	va_start(ap, fmt);
	vsnprintf(f->vmci[i].v, sizeof(f->vmci[i].v), fmt, ap);
	va_end(ap);
}

void fake_vmci_del(struct fake *f, const char *key)
{
	int i;

	for (i = 0; i < f->nr_vmci; i++)
		if (f->vmci[i].k && !strcmp(f->vmci[i].k, key))
			f->vmci[i].k = NULL;
}

void fake_sym(struct fake *f, const char *name, uint64_t v)
{
	f->sym[f->nr_sym].k = name;
	f->sym[f->nr_sym++].v = v;
}

void fake_member(struct fake *f, const char *t, const char *m, long off)
{
	f->mem[f->nr_mem].t = t;
	f->mem[f->nr_mem].m = m;
	f->mem[f->nr_mem++].off = off;
}

void fake_size(struct fake *f, const char *t, long size)
{
	f->size[f->nr_size].t = t;
	f->size[f->nr_size++].size = size;
}

void fake_enum(struct fake *f, const char *k, int64_t v)
{
	f->en[f->nr_en].k = k;
	f->en[f->nr_en++].v = v;
}

uint64_t fake_table(struct fake *f)
{
	static const unsigned char zero[4096];
	uint64_t pa = f->next_table;

	f->next_table += 4096;
	fake_write(f, pa, zero, sizeof(zero));
	return pa;
}

uint64_t fake_pte(uint64_t pa, uint64_t bits)
{
	return ((pa >> 12) << 10) | bits;
}

void fake_map(struct fake *f, uint64_t root, int levels, uint64_t va,
	      uint64_t pa, int level, uint64_t bits)
{
	uint64_t table = root, e, epa;
	int l;

	for (l = 0; l < level; l++) {
		int shift = 12 + 9 * (levels - 1 - l);

		epa = table + ((va >> shift) & 511) * 8;
		e = fake_r64(f, epa);
		if (!(e & RVMM_PTE_V)) {
			e = fake_pte(fake_table(f), RVMM_PTE_V);
			fake_w64(f, epa, e);
		}
		table = ((e >> 10) & ((1ULL << 44) - 1)) << 12;
	}
	epa = table + ((va >> (12 + 9 * (levels - 1 - level))) & 511) * 8;
	fake_w64(f, epa, fake_pte(pa, bits | RVMM_PTE_V));
}

static void buf_write(void *ctx, const char *s, size_t len)
{
	struct fake_buf *b = ctx;

	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

void fake_out(struct rvmm_out *o, struct fake_buf *b, int json)
{
	memset(b, 0, sizeof(*b));
	buf_write(b, "", 0);
	o->write = buf_write;
	o->ctx = b;
	o->json = json;
}

void fake_buf_free(struct fake_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

int t_has_evidence(const struct rvmm_triage *t, const char *kind,
		   const char *text)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (!strcmp(t->ev[i].kind, kind) &&
		    strstr(t->ev[i].detail, text))
			return 1;
	return 0;
}

int fake_symbol_at_remove_pgd(void *ctx, uint64_t addr, char *name, size_t len,
			      uint64_t *off)
{
	(void)ctx;
	snprintf(name, len, "remove_pgd_mapping");
	*off = addr - IMG(FAKE_REMOVE_PGD);
	return 0;
}

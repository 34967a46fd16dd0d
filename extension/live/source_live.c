// SPDX-License-Identifier: GPL-2.0
/* struct rvmm_source_ops for a live guest; see source_live.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rvmm.h"
#include "debuginfo.h"
#include "debuginfo_ops.h"
#include "rsp.h"
#include "source_live.h"

#define PAGE_SZ 4096ULL

static int cache_grow(struct live_target *t);

static unsigned char **cache_slot(struct live_target *t, uint64_t pfn)
{
	size_t i = (pfn * 0x9e3779b97f4a7c15ULL) & (t->cache_size - 1);

	while (t->cache_pfn[i] && t->cache_pfn[i] != pfn + 1)
		i = (i + 1) & (t->cache_size - 1);
	if (!t->cache_pfn[i]) {
		t->cache_pfn[i] = pfn + 1;
		t->cache_page[i] = NULL;
		t->cache_used++;
	}
	return &t->cache_page[i];
}

static int cache_grow(struct live_target *t)
{
	size_t old = t->cache_size, size = old ? old * 2 : 1024, i;
	uint64_t *opfn = t->cache_pfn, *npfn;
	unsigned char **opage = t->cache_page, **npage;

	/* commit nothing until both tables exist: the old cache stays valid */
	npfn = calloc(size, sizeof(*npfn));
	npage = calloc(size, sizeof(*npage));
	if (!npfn || !npage) {
		free(npfn);
		free(npage);
		return -1;
	}
	t->cache_size = size;
	t->cache_pfn = npfn;
	t->cache_page = npage;
	t->cache_used = 0;
	for (i = 0; i < old; i++)
		if (opfn[i])
			*cache_slot(t, opfn[i] - 1) = opage[i];
	free(opfn);
	free(opage);
	return 0;
}

/* One guest page through the gdbstub, cached; NULL if unreadable. */
static const unsigned char *rsp_page(struct live_target *t, uint64_t pfn)
{
	unsigned char **slot, *page;

	if (2 * (t->cache_used + 1) > t->cache_size && cache_grow(t))
		return NULL;
	slot = cache_slot(t, pfn);
	if (*slot)
		return *slot;
	page = malloc(PAGE_SZ);
	if (!page)
		return NULL;
	if (!t->rsp->phys_mode && rsp_set_phys_mode(t->rsp, 1)) {
		free(page);
		return NULL;
	}
	if (rsp_read_memory(t->rsp, pfn * PAGE_SZ, page, PAGE_SZ)) {
		free(page);
		return NULL;
	}
	t->bytes += PAGE_SZ;
	*slot = page;
	return page;
}

static enum rvmm_read_result live_read_phys(void *ctx, uint64_t pa, void *buf,
					    size_t len)
{
	struct live_target *t = ctx;
	unsigned char *out = buf;
	const unsigned char *page;
	size_t n;

	t->reads++;
	if (t->mem) {
		if (pa < t->mem_base || pa - t->mem_base > t->mem_len ||
		    len > t->mem_len - (pa - t->mem_base))
			return RVMM_READ_ERROR;
		memcpy(buf, t->mem + (pa - t->mem_base), len);
		t->bytes += len;
		return RVMM_READ_OK;
	}
	while (len) {
		n = PAGE_SZ - (pa & (PAGE_SZ - 1));
		if (n > len)
			n = len;
		page = rsp_page(t, pa / PAGE_SZ);
		if (!page)
			return RVMM_READ_ERROR;
		memcpy(out, page + (pa & (PAGE_SZ - 1)), n);
		pa += n;
		out += n;
		len -= n;
	}
	return RVMM_READ_OK;
}

static const char *live_vmcoreinfo(void *ctx, const char *key)
{
	struct live_target *t = ctx;

	return rvmm_vmcoreinfo_find(&t->vmci, key);
}

static int live_interrupted(void *ctx)
{
	struct live_target *t = ctx;

	return t->stop && *t->stop;
}

static const struct rvmm_source_ops live_ops = {
	.read_phys = live_read_phys,
	.vmcoreinfo = live_vmcoreinfo,
	.interrupted = live_interrupted,
	RVMM_DEBUGINFO_OPS,
};

void live_source_init(struct live_target *t, struct rvmm_source *src)
{
	src->ops = &live_ops;
	src->ctx = t;
	src->name = t->rsp ? "qemu-gdbstub" : "qemu-memfile";
}

/* kernel/vmcore_info.c: VMCOREINFO_BYTES = PAGE_SIZE */
#define VMCOREINFO_MAX 4096

int live_load_vmcoreinfo(struct live_target *t, const struct rvmm_session *s,
			 struct rvmm_error *err)
{
	uint64_t data_sym, size_sym, data = 0, size = 0;
	const char *last_nl;
	char *text;
	int rc;

	/* through the source: run-time addresses (KASLR) */
	if (s->src.ops->symbol(s->src.ctx, "vmcoreinfo_data", &data_sym) ||
	    s->src.ops->symbol(s->src.ctx, "vmcoreinfo_size", &size_sym)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"no symbols vmcoreinfo_data/vmcoreinfo_size (CONFIG_VMCORE_INFO off?)");
		return -1;
	}
	if (rvmm_read_kva(s, data_sym, &data, 8) ||
	    rvmm_read_kva(s, size_sym, &size, 8) || !data || !size ||
	    size > VMCOREINFO_MAX) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"vmcoreinfo_data/vmcoreinfo_size unreadable or implausible (0x%llx, %llu)",
			(unsigned long long)data, (unsigned long long)size);
		return -1;
	}
	text = calloc(1, size + 1);
	if (!text || rvmm_read_kva(s, data, text, size)) {
		free(text);
		return rvmm_fail(
			err, RVMM_EINPUT,
			"cannot read %llu bytes of VMCOREINFO at 0x%llx",
			(unsigned long long)size, (unsigned long long)data);
	}
	if (strncmp(text, "OSRELEASE=", 10)) {
		free(text);
		return rvmm_fail(
			err, RVMM_EINPUT,
			"the buffer at vmcoreinfo_data does not start with OSRELEASE=");
	}
	/* a last line without its newline was cut short: not a fact */
	last_nl = strrchr(text, '\n');
	rc = rvmm_vmcoreinfo_split(text, last_nl ? last_nl - text + 1 : 0,
				   &t->vmci);
	free(text);
	if (rc)
		return rvmm_fail(err, RVMM_EFAILED, "out of memory");
	return 0;
}

void live_source_free(struct live_target *t)
{
	size_t i;

	for (i = 0; i < t->cache_size; i++)
		free(t->cache_page[i]);
	free(t->cache_pfn);
	free(t->cache_page);
	rvmm_vmcoreinfo_lines_free(&t->vmci);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Sample trigger for the riscv64 vmemmap PMD-table teardown bug.
 *
 * On load: take a free physical range (it lands near the top of the
 * physical address space, alone in its 64 GiB window) and map it as
 * MEMORY_DEVICE_PRIVATE, which populates its vmemmap.  On unload: unmap it,
 * which frees that vmemmap and, once the window is empty, its PMD table.
 */
#include <linux/module.h>
#include <linux/memremap.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/sizes.h>

static unsigned long size_mb = 256;
module_param(size_mb, ulong, 0444);
MODULE_PARM_DESC(size_mb, "size of the device-private range in MiB");

static struct dev_pagemap trigger_pgmap;
static struct resource *trigger_res;

#ifdef RVMM_HAVE_FOLIO_FREE
static void trigger_folio_free(struct folio *folio)
{
}
#else
static void trigger_page_free(struct page *page)
{
}
#endif

static vm_fault_t trigger_migrate_to_ram(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct dev_pagemap_ops trigger_ops = {
#ifdef RVMM_HAVE_FOLIO_FREE
	.folio_free = trigger_folio_free,
#else
	.page_free = trigger_page_free,
#endif
	.migrate_to_ram = trigger_migrate_to_ram,
};

static int __init trigger_init(void)
{
	void *mapped;

	trigger_res = request_free_mem_region(&iomem_resource, size_mb * SZ_1M,
					      "rvmm-trigger");
	if (IS_ERR(trigger_res))
		return PTR_ERR(trigger_res);

	trigger_pgmap.type = MEMORY_DEVICE_PRIVATE;
	trigger_pgmap.range.start = trigger_res->start;
	trigger_pgmap.range.end = trigger_res->end;
	trigger_pgmap.nr_range = 1;
	trigger_pgmap.ops = &trigger_ops;
	trigger_pgmap.owner = &trigger_pgmap;

	pr_info("rvmm-trigger: mapping %pa-%pa device-private, memmap at %px\n",
		&trigger_res->start, &trigger_res->end,
		pfn_to_page(PHYS_PFN(trigger_res->start)));
	mapped = memremap_pages(&trigger_pgmap, NUMA_NO_NODE);
	if (IS_ERR(mapped)) {
		release_mem_region(trigger_res->start,
				   resource_size(trigger_res));
		return PTR_ERR(mapped);
	}
	pr_info("rvmm-trigger: mapped\n");
	return 0;
}

static void __exit trigger_exit(void)
{
	pr_info("rvmm-trigger: unmapping %pa-%pa\n", &trigger_res->start,
		&trigger_res->end);
	memunmap_pages(&trigger_pgmap);
	release_mem_region(trigger_res->start, resource_size(trigger_res));
	pr_info("rvmm-trigger: unmapped\n");
}

module_init(trigger_init);
module_exit(trigger_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rvmm sample: hot-add and hot-remove device-private memory");

// SPDX-License-Identifier: GPL-2.0
/* vmlinux against dump: same build?  And the KASLR image offset. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"

#define BANNER_MAX 320

static const char *vmci(const struct rvmm_source *src, const char *key)
{
	return src->ops->vmcoreinfo ? src->ops->vmcoreinfo(src->ctx, key)
				    : NULL;
}

/* "6.12.117" out of "Linux version 6.12.117 (user@host) ...". */
static int banner_release(const char *banner, char *rel, size_t len)
{
	size_t n;

	if (strncmp(banner, RVMM_BANNER_PREFIX, strlen(RVMM_BANNER_PREFIX)))
		return -1;
	banner += strlen(RVMM_BANNER_PREFIX);
	n = strcspn(banner, " ");
	if (!n || n >= len)
		return -1;
	memcpy(rel, banner, n);
	rel[n] = '\0';
	return 0;
}

void rvmm_banner_build(const char *banner, char *out, size_t len)
{
	char rel[64] = "?";
	const char *hash = strstr(banner, " #");

	banner_release(banner, rel, sizeof(rel));
	snprintf(out, len, "%s%s%.150s", rel, hash ? " " : "",
		 hash ? hash + 1 : "");
	out[strcspn(out, "\n")] = '\0';
}

static void differ(struct rvmm_identity *id, const char *by)
{
	id->verdict = RVMM_ID_DIFFERENT;
	id->by = by;
	snprintf(
		id->msg, sizeof(id->msg),
		"the vmlinux is not the build that wrote this dump (%s differs): dump %.190s; vmlinux %.190s",
		by, id->dump, id->vmlinux);
}

static void same(struct rvmm_identity *id, const char *by)
{
	id->verdict = RVMM_ID_SAME;
	id->by = by;
	snprintf(id->msg, sizeof(id->msg),
		 "vmlinux matches the dump by %s (%.190s)", by, id->dump);
}

void rvmm_identity_check_static(const struct rvmm_source *src,
				struct rvmm_identity *id)
{
	const char *dump_id = vmci(src, "BUILD-ID");
	const char *dump_rel = vmci(src, "OSRELEASE");
	char hex[130], banner[BANNER_MAX], rel[64], vshort[160];
	int have_hex, have_banner;

	memset(id, 0, sizeof(*id));
	have_hex = src->ops->vmlinux_build_id &&
		   !src->ops->vmlinux_build_id(src->ctx, hex, sizeof(hex));
	have_banner =
		src->ops->vmlinux_banner &&
		!src->ops->vmlinux_banner(src->ctx, banner, sizeof(banner));
	if (have_banner)
		rvmm_banner_build(banner, vshort, sizeof(vshort));
	else
		snprintf(vshort, sizeof(vshort), "no linux_banner");
	if (dump_id && have_hex) {
		snprintf(id->dump, sizeof(id->dump), "BUILD-ID %.64s (%.40s)",
			 dump_id, dump_rel ? dump_rel : "no OSRELEASE");
		snprintf(id->vmlinux, sizeof(id->vmlinux),
			 "build-id %.64s (%.110s)", hex, vshort);
		/* VMCOREINFO may hold a prefix of a longer build-id */
		if (strlen(dump_id) >= 16 &&
		    !strncmp(hex, dump_id, strlen(dump_id)))
			same(id, "BUILD-ID");
		else
			differ(id, "BUILD-ID");
		return;
	}
	if (dump_rel && have_banner &&
	    !banner_release(banner, rel, sizeof(rel))) {
		snprintf(id->dump, sizeof(id->dump), "OSRELEASE %.64s",
			 dump_rel);
		snprintf(id->vmlinux, sizeof(id->vmlinux), "%.180s", vshort);
		if (strcmp(rel, dump_rel))
			differ(id, "OSRELEASE");
		return;
	}
	snprintf(id->msg, sizeof(id->msg),
		 "cannot tell whether the vmlinux is the dump's build: %s",
		 !dump_id && !dump_rel
			 ? "no BUILD-ID or OSRELEASE in VMCOREINFO"
		 : !have_hex && !have_banner
			 ? "the vmlinux has no build-id note or linux_banner"
			 : "no comparable pair of signals");
}

void rvmm_identity_check_memory(const struct rvmm_source *src,
				rvmm_read_kva_fn read, void *arg,
				struct rvmm_identity *id)
{
	char file[BANNER_MAX], mem[BANNER_MAX];
	uint64_t va;
	size_t n;

	if (id->verdict != RVMM_ID_UNKNOWN || !src->ops->vmlinux_banner ||
	    src->ops->vmlinux_banner(src->ctx, file, sizeof(file)) ||
	    src->ops->symbol(src->ctx, "linux_banner", &va))
		return;
	n = strlen(file);
	memset(mem, 0, sizeof(mem));
	if (read(arg, va, mem, n + 1)) {
		snprintf(
			id->msg, sizeof(id->msg),
			"cannot tell whether the vmlinux is the dump's build: linux_banner at 0x%016" PRIx64
			" is not in the dump",
			va);
		return;
	}
	mem[strcspn(mem, "\n")] = '\0';
	if (strncmp(mem, RVMM_BANNER_PREFIX, strlen(RVMM_BANNER_PREFIX))) {
		snprintf(
			id->msg, sizeof(id->msg),
			"cannot tell whether the vmlinux is the dump's build: no banner at linux_banner (0x%016" PRIx64
			"): KASLR without VMCOREINFO, or another build",
			va);
		return;
	}
	rvmm_banner_build(mem, id->dump, sizeof(id->dump));
	rvmm_banner_build(file, id->vmlinux, sizeof(id->vmlinux));
	if (strcmp(mem, file))
		differ(id, "linux_banner");
	else
		same(id, "linux_banner");
}

int rvmm_image_offset_from_vmcoreinfo(const struct rvmm_source *src,
				      uint64_t link_stext, int64_t *off,
				      const char **how)
{
	const char *v = vmci(src, "KERNELOFFSET");
	char *end;
	uint64_t run;

	/* other architectures print it as bare hex */
	if (v) {
		*off = (int64_t)strtoull(v, &end, 16);
		if (end != v && !*end) {
			*how = "KERNELOFFSET";
			return 0;
		}
	}
	v = vmci(src, "SYMBOL(_stext)");
	if (!v || !link_stext)
		return -1;
	run = strtoull(v, &end, 16);
	if (end == v || *end)
		return -1;
	*off = (int64_t)(run - link_stext);
	*how = "SYMBOL(_stext)";
	return 0;
}

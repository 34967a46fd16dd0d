// SPDX-License-Identifier: GPL-2.0
/*
 * vmlinux against dump (identity.c): BUILD-ID first, then OSRELEASE and
 * the banner in memory; and the KASLR offset from VMCOREINFO.
 */
#include <stdio.h>
#include <string.h>

#include "fake.h"
#include "identity.h"

#define BANNER_SYM IMG(0x1000)

static const char *file_build_id;
static const char *file_banner;

static int op_build_id(void *ctx __attribute__((unused)), char *hex, size_t len)
{
	if (!file_build_id)
		return -1;
	snprintf(hex, len, "%s", file_build_id);
	return 0;
}

static int op_banner(void *ctx __attribute__((unused)), char *buf, size_t len)
{
	if (!file_banner)
		return -1;
	snprintf(buf, len, "%s", file_banner);
	return 0;
}

static struct rvmm_source_ops ops;

/* The fake source plus the two identity ops. */
static void source(struct fake *f, struct rvmm_source *src)
{
	fake_source(f, src);
	ops = *src->ops;
	ops.vmlinux_build_id = op_build_id;
	ops.vmlinux_banner = op_banner;
	src->ops = &ops;
}

/* Memory is read by PA = VA - KLINK + KPHYS (no page tables needed). */
static int read_image(void *arg, uint64_t va, void *buf, size_t len)
{
	struct rvmm_source *src = arg;

	return src->ops->read_phys(src->ctx, va - KLINK + KPHYS, buf, len) ==
			       RVMM_READ_OK
		       ? 0
		       : -1;
}

static const char *B1 = "Linux version 6.12.117 (u@h) (gcc 12) #1 SMP Mon";
static const char *B2 = "Linux version 6.12.117 (u@h) (gcc 12) #2 SMP Tue";

static void test_build_id(void)
{
	struct rvmm_identity id;
	struct rvmm_source src;
	struct fake f;

	fake_init(&f);
	source(&f, &src);
	file_build_id = "82d583aee58a6162c73cd4a674ce2ac6df33ce43";
	file_banner = B1;
	fake_vmci(&f, "BUILD-ID", "82d583aee58a6162c73cd4a674ce2ac6df33ce43");
	fake_vmci(&f, "OSRELEASE", "6.12.117");
	rvmm_identity_check_static(&src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_SAME);
	CHECK(!strcmp(id.by, "BUILD-ID"));

	/* another build of the same release */
	file_build_id = "755780aa0c878d2d0d714b73e9347648b07bf039";
	rvmm_identity_check_static(&src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_DIFFERENT);
	CHECK(strstr(id.msg, "82d583aee58a") && strstr(id.msg, "755780aa0c87"));
	CHECK(strstr(id.msg, "#1 SMP") != NULL);
	/* the banner check never overrides a BUILD-ID verdict */
	rvmm_identity_check_memory(&src, read_image, &src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_DIFFERENT);

	/* a vmlinux without a build-id note falls back to OSRELEASE */
	file_build_id = NULL;
	fake_vmci(&f, "OSRELEASE", "6.1.0");
	rvmm_identity_check_static(&src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_DIFFERENT);
	CHECK(!strcmp(id.by, "OSRELEASE"));
	CHECK(strstr(id.msg, "6.1.0") && strstr(id.msg, "6.12.117"));
	fake_free(&f);
}

static void test_banner(void)
{
	struct rvmm_identity id;
	struct rvmm_source src;
	struct fake f;

	fake_init(&f);
	source(&f, &src);
	file_build_id = NULL;
	file_banner = B1;
	fake_vmci(&f, "OSRELEASE", "6.12.117");
	fake_sym(&f, "linux_banner", BANNER_SYM);

	/* same release: not decided until memory speaks */
	rvmm_identity_check_static(&src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_UNKNOWN);
	fake_write(&f, BANNER_SYM - KLINK + KPHYS, B1, strlen(B1) + 1);
	rvmm_identity_check_memory(&src, read_image, &src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_SAME);
	CHECK(!strcmp(id.by, "linux_banner"));

	/* same release, another build: the #N and date differ */
	fake_write(&f, BANNER_SYM - KLINK + KPHYS, B2, strlen(B2) + 1);
	rvmm_identity_check_static(&src, &id);
	rvmm_identity_check_memory(&src, read_image, &src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_DIFFERENT);
	CHECK(strstr(id.msg, "#2 SMP Tue") && strstr(id.msg, "#1 SMP Mon"));

	/* no banner at all where the symbol points: cannot tell */
	fake_write(&f, BANNER_SYM - KLINK + KPHYS, "garbage", 8);
	rvmm_identity_check_static(&src, &id);
	rvmm_identity_check_memory(&src, read_image, &src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_UNKNOWN);
	CHECK(strstr(id.msg, "no banner") != NULL);

	/* nothing to compare */
	fake_vmci_del(&f, "OSRELEASE");
	file_banner = NULL;
	rvmm_identity_check_static(&src, &id);
	CHECK_EQ(id.verdict, RVMM_ID_UNKNOWN);
	CHECK(strstr(id.msg, "cannot tell") != NULL);
	fake_free(&f);
}

static void test_offset(void)
{
	struct rvmm_source src;
	const char *how;
	struct fake f;
	int64_t off;

	fake_init(&f);
	source(&f, &src);
	CHECK_EQ(rvmm_image_offset_from_vmcoreinfo(&src, KLINK + 0x2000, &off,
						   &how),
		 -1);
	fake_vmci(&f, "SYMBOL(_stext)", "ffffffff9a402000");
	CHECK_EQ(rvmm_image_offset_from_vmcoreinfo(&src, KLINK + 0x2000, &off,
						   &how),
		 0);
	CHECK_EQ(off, 0x1a400000);
	CHECK(!strcmp(how, "SYMBOL(_stext)"));
	/* KERNELOFFSET wins where a kernel writes it */
	fake_vmci(&f, "KERNELOFFSET", "1a600000");
	CHECK_EQ(rvmm_image_offset_from_vmcoreinfo(&src, KLINK + 0x2000, &off,
						   &how),
		 0);
	CHECK_EQ(off, 0x1a600000);
	CHECK(!strcmp(how, "KERNELOFFSET"));
	fake_free(&f);
}

int main(void)
{
	test_build_id();
	test_banner();
	test_offset();
	return t_report();
}

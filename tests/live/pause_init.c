// SPDX-License-Identifier: GPL-2.0
/*
 * Init for the live tests (booted with rdinit=/rvmm-live-init from an
 * archive appended to the sample initramfs, so samples/trigger/init.c and
 * the kernel build cache stay untouched): load the trigger module, then
 * wait for a line on the console before unloading it, so the test can run
 * `rvmm-live preflight` in between.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/syscall.h>

static void pagetables(const char *when)
{
	char line[256];
	FILE *f;
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);

	if (fd >= 0) {
		if (write(fd, "1", 1) != 1)
			printf("rvmm-live-init: stat_refresh failed\n");
		close(fd);
	}
	f = fopen("/proc/meminfo", "r");
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "PageTables:", 11))
			printf("rvmm-live-init: %s: %s", when, line);
	if (f)
		fclose(f);
}

/* rvmm.noload on the command line: boot only (the Sv48 guest oopses on
 * load: the trigger's memmap is not addressable there). */
static int noload(void)
{
	char line[1024] = "";
	FILE *f = fopen("/proc/cmdline", "r");

	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		fclose(f);
	}
	return strstr(line, "rvmm.noload") != NULL;
}

int main(void)
{
	char buf[64];
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	mount("proc", "/proc", "proc", 0, NULL);
	if (noload()) {
		printf("rvmm-live-init: not loading (rvmm.noload), idle\n");
		goto idle;
	}
	fd = open("/rvmm_trigger.ko", O_RDONLY);
	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0)) {
		printf("rvmm-live-init: load failed: %m\n");
		goto idle;
	}
	close(fd);
	pagetables("loaded");
	printf("rvmm-live-init: loaded, waiting for a line on the console\n");
	if (read(0, buf, sizeof(buf)) <= 0)
		printf("rvmm-live-init: console read failed: %m\n");
	printf("rvmm-live-init: unloading\n");
	if (syscall(SYS_delete_module, "rvmm_trigger", O_NONBLOCK)) {
		printf("rvmm-live-init: unload failed: %m\n");
		goto idle;
	}
	pagetables("unloaded");
	printf("rvmm-live-init: unloaded\n");
idle:
	printf("rvmm-live-init: done\n");
	for (;;)
		pause();
}

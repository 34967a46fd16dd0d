// SPDX-License-Identifier: GPL-2.0
/*
 * Static init for the sample guests: load the trigger module, unload it,
 * and report each step and the PageTables counter on the console, so the
 * sample pipeline knows when to dump and the tests have an oracle.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/syscall.h>

#define MODULE_PATH "/rvmm_trigger.ko"
#define MODULE_NAME "rvmm_trigger"

/* Fold the per-cpu vmstat deltas first, so the counter is exact. */
static void refresh_vmstat(void)
{
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (write(fd, "1", 1) != 1)
			printf("rvmm-init: stat_refresh failed: %m\n");
		close(fd);
	}
}

static void report_pagetables(const char *when)
{
	char line[256];
	FILE *meminfo;

	refresh_vmstat();
	meminfo = fopen("/proc/meminfo", "r");

	if (!meminfo) {
		printf("rvmm-init: %s: no /proc/meminfo\n", when);
		return;
	}
	while (fgets(line, sizeof(line), meminfo))
		if (!strncmp(line, "PageTables:", 11))
			printf("rvmm-init: %s: %s", when, line);
	fclose(meminfo);
}

int main(void)
{
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	mount("proc", "/proc", "proc", 0, NULL);
	printf("rvmm-init: start\n");
	report_pagetables("before load");

	fd = open(MODULE_PATH, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0)) {
		printf("rvmm-init: load failed: %m\n");
		goto idle;
	}
	close(fd);
	printf("rvmm-init: loaded\n");
	report_pagetables("after load");

	if (syscall(SYS_delete_module, MODULE_NAME, O_NONBLOCK)) {
		printf("rvmm-init: unload failed: %m\n");
		goto idle;
	}
	printf("rvmm-init: unloaded\n");
	report_pagetables("after unload");
idle:
	printf("rvmm-init: scenario done\n");
	sync();
	for (;;)
		pause();
}

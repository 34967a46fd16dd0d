# SPDX-License-Identifier: GPL-2.0
# build/rvmm-live: the rvmm core over a running QEMU guest (gdbstub or a
# shared guest-RAM file).  Needs extension/readers (the vmlinux
# reader and the kernel-image finder).
LIVE_SRCS := $(wildcard extension/live/*.c)
LIVE_OBJS := $(patsubst %.c,$(B)/%.o,$(LIVE_SRCS))

$(B)/rvmm-live: $(LIVE_OBJS) $(READER_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

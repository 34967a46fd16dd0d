# build/rvmm-live: the rvmm core over a running QEMU guest (gdbstub or a
# shared guest-RAM file).  Needs extension/standalone/build.mk (the vmlinux
# reader); included by the top-level Makefile like the other fragments.
LIVE_SRCS := $(wildcard extension/live/*.c)
LIVE_OBJS := $(patsubst %.c,$(B)/%.o,$(LIVE_SRCS))

$(B)/rvmm-live: $(LIVE_OBJS) $(STANDALONE_READER_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

# rvmm-fixdump: add the guest kernel's VMCOREINFO to a QEMU riscv64 dump.
# Needs extension/standalone/build.mk (the dump and vmlinux readers) and
# the core's identity.c, which the readers' kernel-image finder uses.
FIXDUMP_SRCS := $(wildcard extension/fixdump/*.c)
FIXDUMP_OBJS := $(patsubst %.c,$(B)/%.o,$(FIXDUMP_SRCS))

$(B)/rvmm-fixdump: $(FIXDUMP_OBJS) $(STANDALONE_READER_OBJS) \
		$(B)/extension/core/identity.o
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

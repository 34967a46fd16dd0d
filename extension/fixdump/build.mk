# rvmm-fixdump: add the guest kernel's VMCOREINFO to a QEMU riscv64 dump,
# and with --add-layout the riscv64 layout lines older kernels lack.
# Needs extension/standalone/build.mk (the dump and vmlinux readers and
# the stand-alone source) and the core, whose session resolves the layout
# (and whose identity.c the readers' kernel-image finder uses).
FIXDUMP_SRCS := $(wildcard extension/fixdump/*.c)
FIXDUMP_OBJS := $(patsubst %.c,$(B)/%.o,$(FIXDUMP_SRCS))

$(B)/rvmm-fixdump: $(FIXDUMP_OBJS) $(STANDALONE_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

# The Makefile's sanitizer build of rvmm-fixdump links the readers and
# identity.o; the layout needs the source and the rest of the core too.
$(B)/asan/rvmm-fixdump: $(B)/asan/extension/standalone/source.o \
		$(patsubst %.c,$(B)/asan/%.o,$(CORE_SRCS))

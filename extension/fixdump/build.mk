# SPDX-License-Identifier: GPL-2.0
# rvmm-fixdump: add the guest kernel's VMCOREINFO to a QEMU riscv64 dump,
# and with --add-layout the riscv64 layout lines older kernels lack.
# Needs extension/readers (the dump and vmlinux readers and the source
# over both) and the core, whose session resolves the layout.
FIXDUMP_SRCS := $(wildcard extension/fixdump/*.c)
FIXDUMP_OBJS := $(patsubst %.c,$(B)/%.o,$(FIXDUMP_SRCS))

$(B)/rvmm-fixdump: $(FIXDUMP_OBJS) $(READER_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)


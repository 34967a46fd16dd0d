# SPDX-License-Identifier: GPL-2.0
# Readers shared by every front end: a vmlinux's DWARF through elfutils
# libdw (the crash extension needs only this part), and a vmcore through
# libkdumpfile with a struct rvmm_source over both.  Included by the
# top-level Makefile, which defines B and the %.o rules.
READER_DWARF_SRCS := $(addprefix extension/readers/, strmap.c \
	debuginfo.c debuginfo_types.c debuginfo_lines.c debuginfo_scope.c \
	debuginfo_inline.c debuginfo_ops.c)
READER_DUMP_SRCS := $(addprefix extension/readers/, dumpfile.c dumprange.c \
	elfnote.c diskdump_header.c kimage.c dump_source.c)
READER_SRCS := $(READER_DWARF_SRCS) $(READER_DUMP_SRCS)
READER_OBJS := $(patsubst %.c,$(B)/%.o,$(READER_SRCS))
READER_LIBS := -lkdumpfile -ldw -lelf -lz
# The parts of the core's lowest layer the readers use by themselves.
READER_CORE_OBJS := $(addprefix $(B)/extension/core/, error.o identity.o \
	vmcoreinfo.o)

# Stand-alone readers: a vmcore through libkdumpfile, a vmlinux through
# elfutils, and struct rvmm_source over both.  Included by the top-level
# Makefile (which defines B, CC, CFLAGS, CORE_SRCS and the %.o rules).
STANDALONE_READER_SRCS := $(addprefix extension/standalone/, \
	errfmt.c strmap.c debuginfo.c debuginfo_types.c debuginfo_lines.c debuginfo_scope.c debuginfo_inline.c debuginfo_ops.c \
	dumpfile.c dumprange.c elfnote.c kdump_header.c kimage.c)
STANDALONE_SRCS := $(STANDALONE_READER_SRCS) extension/standalone/source.c
STANDALONE_LIBS := -lkdumpfile -ldw -lelf -lz
STANDALONE_READER_OBJS := $(patsubst %.c,$(B)/%.o,$(STANDALONE_READER_SRCS))
STANDALONE_OBJS := $(patsubst %.c,$(B)/%.o,$(STANDALONE_SRCS))

$(B)/rvmm: $(B)/extension/standalone/rvmm_main.o $(STANDALONE_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

# Test helpers (tests/standalone/*.test build them on demand too).
$(B)/tests/standalone/probe: $(B)/tests/standalone/probe.o $(STANDALONE_OBJS) \
		$(B)/extension/core/identity.o
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

$(B)/tests/standalone/fixprobe: $(B)/tests/standalone/fixprobe.o \
		$(STANDALONE_OBJS) $(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

$(B)/tests/standalone/mkcore: $(B)/tests/standalone/mkcore.o
	$(CC) $(CFLAGS) -o $@ $^

# tests/standalone/readfuzz.test: plain and with ASan + UBSan.
READFUZZ_SRCS := tests/standalone/readfuzz.c $(STANDALONE_SRCS) $(CORE_SRCS)
$(B)/tests/standalone/readfuzz: $(patsubst %.c,$(B)/%.o,$(READFUZZ_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(STANDALONE_LIBS)

$(B)/asan/tests/standalone/readfuzz: $(patsubst %.c,$(B)/asan/%.o,$(READFUZZ_SRCS))
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(STANDALONE_LIBS)

# SPDX-License-Identifier: GPL-2.0
# build/rvmm: the core over a vmcore and its vmlinux (extension/readers).
STANDALONE_OBJS := $(patsubst %.c,$(B)/%.o,$(wildcard extension/standalone/*.c))

$(B)/rvmm: $(STANDALONE_OBJS) $(READER_OBJS) \
		$(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

# Test helpers (tests/standalone/*.test build them on demand too).
$(B)/tests/standalone/probe: $(B)/tests/standalone/probe.o $(READER_OBJS) \
		$(READER_CORE_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

$(B)/tests/standalone/fixprobe: $(B)/tests/standalone/fixprobe.o \
		$(READER_OBJS) $(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

$(B)/tests/standalone/mkcore: $(B)/tests/standalone/mkcore.o
	$(CC) $(CFLAGS) -o $@ $^

# tests/standalone/readfuzz.test: plain and with ASan + UBSan.
READFUZZ_SRCS := tests/standalone/readfuzz.c $(READER_SRCS) $(CORE_SRCS)
$(B)/tests/standalone/readfuzz: $(patsubst %.c,$(B)/%.o,$(READFUZZ_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

$(B)/asan/tests/standalone/readfuzz: $(patsubst %.c,$(B)/asan/%.o,$(READFUZZ_SRCS))
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(READER_LIBS)

# bench/floor: the raw-read floor bench/big.sh compares `audit` with.
$(B)/bench/floor: $(B)/bench/floor.o $(B)/extension/standalone/pair.o \
		$(READER_OBJS) $(patsubst %.c,$(B)/%.o,$(CORE_SRCS))
	$(CC) $(CFLAGS) -o $@ $^ $(READER_LIBS)

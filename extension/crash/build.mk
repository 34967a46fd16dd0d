# SPDX-License-Identifier: GPL-2.0
# crash extension: build/rvmm.so against the defs.h of the crash that
# `make crash` built for RISCV64 (build/crash-dir).
CRASH_DIR ?= $(shell cat $(B)/crash-dir 2>/dev/null)
CRASH_SRCS := $(wildcard extension/crash/*.c)
# The DWARF reader answers what crash's symbols cannot (inlining).
# `help rvmm` is the core's page, made from its command table.
CRASH_OBJS := $(patsubst %.c,$(B)/crash/%.o,$(CRASH_SRCS)) \
	$(patsubst %.c,$(B)/pic/%.o,$(CORE_SRCS)) \
	$(patsubst %.c,$(B)/pic/%.o,$(READER_DWARF_SRCS))

# defs.h is crash's, not ours: hold it to fewer warnings than our code.
$(B)/crash/%.o: %.c
	@test -f "$(CRASH_DIR)/defs.h" || { echo "no crash defs.h: run make crash" >&2; exit 1; }
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -DRISCV64 -I$(CRASH_DIR) -Iextension/crash -Iextension/readers \
		-Wno-sign-compare -Wno-missing-field-initializers \
		-MMD -MP -c -o $@ $<

$(B)/rvmm.so: $(CRASH_OBJS)
	$(CC) -shared -rdynamic -o $@ $^ -ldw -lelf -lz

# The same extension against crash 8.0.6 (make crash806), to keep both
# supported defs.h versions building and loading.
CRASH806_DIR ?= $(shell cat $(B)/crash806-dir 2>/dev/null)
CRASH806_OBJS := $(patsubst %.c,$(B)/crash806/%.o,$(CRASH_SRCS)) \
	$(filter-out $(B)/crash/extension/%,$(CRASH_OBJS))

$(B)/crash806/%.o: %.c
	@test -f "$(CRASH806_DIR)/defs.h" || { echo "no crash 8.0.6 defs.h: run make crash806" >&2; exit 1; }
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -DRISCV64 -I$(CRASH806_DIR) -Iextension/crash -Iextension/readers \
		-Wno-sign-compare -Wno-missing-field-initializers \
		-MMD -MP -c -o $@ $<

$(B)/crash806/rvmm.so: $(CRASH806_OBJS)
	$(CC) -shared -rdynamic -o $@ $^ -ldw -lelf -lz

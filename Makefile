# SPDX-License-Identifier: GPL-2.0
# rvmm: riscv64 memory-management forensics for crash, stand-alone and live.
#
#   make            build/rvmm, build/rvmm-fixdump, build/rvmm-live
#   make build/rvmm.so  the crash extension (needs make crash first)
#   make demo       install what is needed, triage the bundled `bug` sample
#   make check      install what is needed, build crash, run every test
#   make crash      build crash 9.0.2 for RISCV64 (cached outside the tree)
#   make crash806   the same for crash 8.0.6
#   make samples    rebuild the committed samples from scratch (cached)
#   make install    install the crash extension (DESTDIR, PREFIX)

CC ?= cc
PREFIX ?= /usr
WARN := -Wall -Wextra -Wno-unused-parameter
ifneq ($(CI),)
WARN += -Werror
endif
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 $(WARN) -Iextension/core -Iextension/readers -Iextension/standalone
B := build
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer

# the build.mk files below define rules first: plain `make` must mean all
.DEFAULT_GOAL := all
CORE_SRCS := $(wildcard extension/core/*.c)
-include extension/readers/build.mk
-include extension/standalone/build.mk
-include extension/fixdump/build.mk
-include extension/crash/build.mk
-include extension/live/build.mk

.PHONY: all demo check test crash crash806 kernels samples unpack-samples install deps \
	format-check clean
all: $(B)/rvmm $(B)/rvmm-fixdump $(B)/rvmm-live

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) -MMD -MP -c -o $@ $<

$(B)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -MMD -MP -c -o $@ $<

-include $(shell find $(B) -name '*.d' 2>/dev/null)

deps:
	scripts/install-deps.sh

crash: deps
	scripts/build-crash.sh > $(B).crash-dir.tmp
	@mkdir -p $(B)
	@mv $(B).crash-dir.tmp $(B)/crash-dir
	@echo "$$(cat $(B)/crash-dir)/crash" > $(B)/crash-path
	@echo "crash: $$(cat $(B)/crash-path)"

# crash 8.0.6 (trixie) as well, for the extension's second defs.h.
crash806: deps
	@mkdir -p $(B)
	CRASH_VERSION=8.0.6-1 scripts/build-crash.sh > $(B).crash806-dir.tmp
	@mv $(B).crash806-dir.tmp $(B)/crash806-dir

# The sample kernels built from source (cached; about 3 min each); the live
# tests boot kernels derived from the committed vmlinux files instead.
kernels: deps
	for v in bug bug-silent fixed; do scripts/build-kernel.sh $$v || exit 1; done

unpack-samples:
	scripts/unpack-samples.sh $(B)/samples

samples: deps all
	for s in bug fixed bug-sv48 bug-sv39 backport backport-silent \
		v7.2 v7.2-sv48 v7.2-sv39 v6.1 v6.1-sv48 v6.1-sv39; do \
		scripts/make-sample.sh $$s || exit 1; done
	scripts/kdump/make-kdump-sample.sh

# triage exits 10 on a match, which is what the bug sample should give.
demo: deps
	$(MAKE) all unpack-samples
	$(B)/rvmm $(B)/samples/bug/vmlinux $(B)/samples/bug/vmcore.kdump triage; \
		rc=$$?; [ $$rc -eq 10 ] || exit $$rc

check: deps crash crash806
	$(MAKE) all $(B)/rvmm.so $(B)/crash806/rvmm.so unpack-samples
	tests/run-all.sh

test:
	tests/run-all.sh

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

install: all $(B)/rvmm.so
	install -D -m 0755 $(B)/rvmm.so \
		$(DESTDIR)$(PREFIX)/lib/crash/extensions/rvmm.so
	install -D -m 0755 $(B)/rvmm $(DESTDIR)$(PREFIX)/bin/rvmm
	install -D -m 0755 $(B)/rvmm-fixdump $(DESTDIR)$(PREFIX)/bin/rvmm-fixdump
	install -D -m 0755 $(B)/rvmm-live $(DESTDIR)$(PREFIX)/bin/rvmm-live
	install -D -m 0644 gdb-scripts/rvmm.gdb \
		$(DESTDIR)$(PREFIX)/share/rvmm/rvmm.gdb

clean:
	rm -rf $(B)

# Sanitizer builds of the front ends, for tests/sanitizers.
ASAN_CORE_OBJS := $(patsubst %.c,$(B)/asan/%.o,$(CORE_SRCS))
ASAN_READER_OBJS := $(patsubst %.c,$(B)/asan/%.o,$(READER_SRCS))

$(B)/asan/rvmm: $(patsubst %.c,$(B)/asan/%.o,$(wildcard extension/standalone/*.c)) \
		$(ASAN_READER_OBJS) $(ASAN_CORE_OBJS)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(READER_LIBS)

$(B)/asan/rvmm-fixdump: $(patsubst %.c,$(B)/asan/%.o,$(FIXDUMP_SRCS)) \
		$(ASAN_READER_OBJS) $(ASAN_CORE_OBJS)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(READER_LIBS)

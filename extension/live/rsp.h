/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal GDB remote serial protocol client for QEMU's gdbstub: just
 * enough to halt the guest, read one CSR and read physical memory.  Every
 * socket read has a timeout, so a vanished QEMU is an error, not a hang.
 */
#ifndef RVMM_LIVE_RSP_H
#define RVMM_LIVE_RSP_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct rsp {
	int fd;
	int timeout_ms;
	int no_ack; /* QStartNoAckMode accepted */
	size_t packet_size; /* PacketSize from qSupported */
	int phys_mode; /* Qqemu.PhyMemMode:1 is in force */
	char where[128]; /* "HOST:PORT", for messages */
	struct rvmm_error err; /* the last error */
	unsigned char rx[16384]; /* bytes received, not yet parsed */
	size_t rx_len, rx_pos;
	/* statistics */
	unsigned long packets;
	uint64_t bytes_read;
};

/* Connect to HOST:PORT; 0, or -1 with r->err set. */
int rsp_connect(struct rsp *r, const char *hostport, int timeout_ms);
/*
 * Handshake: qSupported, no-ack mode, and make sure the guest is stopped
 * (QEMU stops it when a debugger connects; else send ^C).  0 or -1.
 */
int rsp_attach(struct rsp *r);
/*
 * Send one command and receive its reply (NUL-terminated, run-length
 * decoding done) into buf.  Returns the reply length or -1.
 */
long rsp_command(struct rsp *r, const char *cmd, char *buf, size_t buflen);
/* Read a whole qXfer:features:read object (e.g. "target.xml"); malloc'd. */
char *rsp_read_feature(struct rsp *r, const char *annex);
/* Register number regno as little-endian bytes; 0 or -1. */
int rsp_read_register(struct rsp *r, unsigned int regno, uint64_t *value);
/* Switch QEMU's gdbstub between virtual (0) and physical (1) memory. */
int rsp_set_phys_mode(struct rsp *r, int on);
/* Read len bytes at addr with `m` packets; 0 or -1. */
int rsp_read_memory(struct rsp *r, uint64_t addr, void *buf, size_t len);
/*
 * Leave: back to virtual-memory mode, then detach (the guest runs again)
 * or, with stay_stopped, just hang up (QEMU keeps the guest stopped).
 */
void rsp_close(struct rsp *r, int stay_stopped);

#endif

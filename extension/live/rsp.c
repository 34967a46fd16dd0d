// SPDX-License-Identifier: GPL-2.0
/*
 * GDB remote serial protocol over TCP, client side, as QEMU's gdbstub
 * speaks it (gdbstub/gdbstub.c in QEMU 7.2): $data#cs packets, '+'/'-'
 * acknowledgements until QStartNoAckMode, run-length encoded replies,
 * '}'-escaped binary in qXfer replies.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "rsp.h"

/* QEMU's MAX_PACKET_LENGTH; `m` refuses more than half of it. */
#define QEMU_MAX_M_BYTES 2048

static int rsp_fail(struct rsp *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int rsp_fail(struct rsp *r, const char *fmt, ...)
{
	char msg[RVMM_ERRMSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return rvmm_fail(&r->err, RVMM_EINPUT, "gdbstub %s: %s", r->where, msg);
}

static void hang_up(struct rsp *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
	r->phys_mode = 0;
}

int rsp_connect(struct rsp *r, const char *hostport, int timeout_ms)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res, *ai;
	char host[128];
	const char *colon = strrchr(hostport, ':');
	int rc, one = 1;

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->timeout_ms = timeout_ms;
	snprintf(r->where, sizeof(r->where), "%s", hostport);
	if (!colon || colon == hostport || !colon[1] ||
	    (size_t)(colon - hostport) >= sizeof(host))
		return rsp_fail(r, "expected HOST:PORT");
	memcpy(host, hostport, colon - hostport);
	host[colon - hostport] = '\0';
	rc = getaddrinfo(host, colon + 1, &hints, &res);
	if (rc)
		return rsp_fail(r, "%s", gai_strerror(rc));
	for (ai = res; ai; ai = ai->ai_next) {
		r->fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (r->fd < 0)
			continue;
		if (!connect(r->fd, ai->ai_addr, ai->ai_addrlen))
			break;
		close(r->fd);
		r->fd = -1;
	}
	freeaddrinfo(res);
	if (r->fd < 0)
		return rsp_fail(
			r,
			"cannot connect: %s (is QEMU running with -gdb tcp::PORT or -s?)",
			strerror(errno));
	/* Small request/reply packets: do not let Nagle delay them. */
	setsockopt(r->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return 0;
}

static int send_all(struct rsp *r, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = send(r->fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			hang_up(r);
			return rsp_fail(r, "connection lost while sending (%s)",
					strerror(errno));
		}
		p += n;
		len -= n;
	}
	return 0;
}

/* Next byte from the socket, waiting at most timeout_ms; -1 on error. */
static int get_byte(struct rsp *r)
{
	struct pollfd pfd = {.fd = r->fd, .events = POLLIN};
	ssize_t n;
	int rc;

	if (r->rx_pos < r->rx_len)
		return r->rx[r->rx_pos++];
	if (r->fd < 0)
		return rsp_fail(r, "not connected");
	do {
		rc = poll(&pfd, 1, r->timeout_ms);
	} while (rc < 0 && errno == EINTR);
	if (rc == 0) {
		hang_up(r);
		return rsp_fail(
			r,
			"no reply within %d ms (QEMU gone, or another debugger attached? the gdbstub serves one client)",
			r->timeout_ms);
	}
	n = rc < 0 ? -1 : recv(r->fd, r->rx, sizeof(r->rx), 0);
	if (n <= 0) {
		hang_up(r);
		return rsp_fail(r, "connection closed by QEMU%s%s",
				n < 0 ? ": " : "",
				n < 0 ? strerror(errno) : "");
	}
	r->rx_len = n;
	r->rx_pos = 1;
	return r->rx[0];
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int send_packet(struct rsp *r, const char *data)
{
	size_t len = strlen(data), i;
	unsigned char sum = 0;
	char *pkt = malloc(len + 5);
	int tries, c, rc = -1;

	if (!pkt)
		return rsp_fail(r, "out of memory");
	for (i = 0; i < len; i++)
		sum += (unsigned char)data[i];
	pkt[0] = '$';
	memcpy(pkt + 1, data, len);
	snprintf(pkt + 1 + len, 4, "#%02x", sum);
	for (tries = 0; tries < 3; tries++) {
		if (send_all(r, pkt, len + 4))
			break;
		r->packets++;
		if (r->no_ack) {
			rc = 0;
			break;
		}
		do {
			c = get_byte(r);
		} while (c >= 0 && c != '+' && c != '-');
		if (c == '+') {
			rc = 0;
			break;
		}
		if (c < 0)
			break;
	}
	if (rc && tries == 3)
		rsp_fail(r, "packet refused three times");
	free(pkt);
	return rc;
}

/* Receive one packet's data, run-length decoded, into buf. */
static long recv_packet(struct rsp *r, char *buf, size_t buflen)
{
	unsigned char sum, want;
	size_t n;
	int c, hi, lo, prev;

again:
	do {
		c = get_byte(r);
		if (c == '%') /* a notification: not for us */
			do {
				c = get_byte(r);
			} while (c >= 0 && c != '#');
	} while (c >= 0 && c != '$');
	if (c < 0)
		return -1;
	sum = 0;
	n = 0;
	prev = -1;
	for (;;) {
		c = get_byte(r);
		if (c < 0)
			return -1;
		if (c == '#')
			break;
		if (c == '$') {
			hang_up(r);
			return rsp_fail(
				r, "malformed reply ('$' inside a packet)");
		}
		sum += c;
		if (c == '*' && prev >= 0) {
			int count = get_byte(r);

			if (count < 0)
				return -1;
			sum += count;
			/* RLE: "X*n" repeats X n-29 more times */
			if (count < 29 + 3 || count > 126 ||
			    n + (count - 29) >= buflen) {
				hang_up(r);
				return rsp_fail(
					r,
					"malformed run-length encoding in reply");
			}
			memset(buf + n, prev, count - 29);
			n += count - 29;
			continue;
		}
		if (n + 1 >= buflen) {
			hang_up(r);
			return rsp_fail(r, "reply longer than %zu bytes",
					buflen);
		}
		buf[n++] = c;
		prev = c;
	}
	hi = hexval(get_byte(r));
	lo = hexval(get_byte(r));
	if (hi < 0 || lo < 0) {
		hang_up(r);
		return rsp_fail(r, "malformed checksum in reply");
	}
	want = hi << 4 | lo;
	if (want != sum) {
		if (r->no_ack) {
			hang_up(r);
			return rsp_fail(
				r,
				"checksum mismatch in reply (got %02x, computed %02x)",
				want, sum);
		}
		if (send_all(r, "-", 1))
			return -1;
		goto again;
	}
	if (!r->no_ack && send_all(r, "+", 1))
		return -1;
	buf[n] = '\0';
	return n;
}

long rsp_command(struct rsp *r, const char *cmd, char *buf, size_t buflen)
{
	if (r->fd < 0)
		return rsp_fail(r, "not connected");
	if (send_packet(r, cmd))
		return -1;
	return recv_packet(r, buf, buflen);
}

int rsp_attach(struct rsp *r)
{
	char reply[1024];
	const char *ps;
	long n;

	n = rsp_command(r, "qSupported:xmlRegisters=riscv", reply,
			sizeof(reply));
	if (n < 0)
		return -1;
	ps = strstr(reply, "PacketSize=");
	r->packet_size = ps ? strtoul(ps + 11, NULL, 16) : 0;
	if (r->packet_size < 64)
		r->packet_size = 400; /* the protocol's conservative default */
	if (!strstr(reply, "qXfer:features:read+")) {
		hang_up(r);
		return rsp_fail(
			r,
			"no target description (qXfer:features:read) offered: not QEMU's gdbstub?");
	}
	if (rsp_command(r, "QStartNoAckMode", reply, sizeof(reply)) < 0)
		return -1;
	if (!strcmp(reply, "OK"))
		r->no_ack = 1;
	/*
	 * QEMU stops the guest when a debugger connects and answers `?`
	 * with the stop reason.  Anything else is a stub that lets the
	 * guest run: interrupt it.
	 */
	if (rsp_command(r, "?", reply, sizeof(reply)) < 0)
		return -1;
	if (reply[0] != 'S' && reply[0] != 'T') {
		if (send_all(r, "\x03", 1) ||
		    recv_packet(r, reply, sizeof(reply)) < 0)
			return -1;
		if (reply[0] != 'S' && reply[0] != 'T') {
			hang_up(r);
			return rsp_fail(r, "guest did not stop (reply '%.40s')",
					reply);
		}
	}
	return 0;
}

/* Undo '}' escaping of binary data in place; returns the new length. */
static size_t unescape_binary(char *buf, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++)
		buf[o++] = buf[i] == '}' && i + 1 < len ? buf[++i] ^ 0x20
							: buf[i];
	buf[o] = '\0';
	return o;
}

char *rsp_read_feature(struct rsp *r, const char *annex)
{
	size_t cap = 4096, len = 0, chunk = r->packet_size - 16;
	char *out = malloc(cap), *reply = malloc(r->packet_size + 1);
	char cmd[256];
	long n;

	if (!out || !reply) {
		rsp_fail(r, "out of memory");
		goto fail;
	}
	for (;;) {
		snprintf(cmd, sizeof(cmd), "qXfer:features:read:%s:%zx,%zx",
			 annex, len, chunk);
		n = rsp_command(r, cmd, reply, r->packet_size + 1);
		if (n < 0)
			goto fail;
		if (n < 1 || (reply[0] != 'm' && reply[0] != 'l')) {
			rsp_fail(r, "cannot read %s (reply '%.40s')", annex,
				 reply);
			goto fail;
		}
		n = unescape_binary(reply + 1, n - 1);
		if (len + n + 1 > cap) {
			char *bigger;

			cap = 2 * (len + n + 1);
			bigger = realloc(out, cap);
			if (!bigger) {
				rsp_fail(r, "out of memory");
				goto fail;
			}
			out = bigger;
		}
		memcpy(out + len, reply + 1, n);
		len += n;
		if (reply[0] == 'l' || n == 0)
			break;
	}
	out[len] = '\0';
	free(reply);
	return out;
fail:
	free(out);
	free(reply);
	return NULL;
}

/* Parse 2*len hex digits of little-endian target bytes. */
static int parse_hex_bytes(const char *hex, unsigned char *out, size_t len)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < len; i++) {
		hi = hexval(hex[2 * i]);
		lo = hi < 0 ? -1 : hexval(hex[2 * i + 1]);
		if (lo < 0)
			return -1;
		out[i] = hi << 4 | lo;
	}
	return hex[2 * len] ? -1 : 0;
}

int rsp_read_register(struct rsp *r, unsigned int regno, uint64_t *value)
{
	unsigned char b[8];
	char cmd[32], reply[64];
	long n;
	int i;

	snprintf(cmd, sizeof(cmd), "p%x", regno);
	n = rsp_command(r, cmd, reply, sizeof(reply));
	if (n < 0)
		return -1;
	if (n != 16 || parse_hex_bytes(reply, b, 8))
		return rsp_fail(r, "cannot read register %u (reply '%.40s')",
				regno, reply);
	*value = 0;
	for (i = 7; i >= 0; i--)
		*value = *value << 8 | b[i];
	return 0;
}

int rsp_set_phys_mode(struct rsp *r, int on)
{
	char reply[64];

	if (rsp_command(r, on ? "Qqemu.PhyMemMode:1" : "Qqemu.PhyMemMode:0",
			reply, sizeof(reply)) < 0)
		return -1;
	if (strcmp(reply, "OK"))
		return rsp_fail(
			r,
			"Qqemu.PhyMemMode refused (reply '%.40s'): QEMU older than 4.1?",
			reply);
	r->phys_mode = on;
	return 0;
}

int rsp_read_memory(struct rsp *r, uint64_t addr, void *buf, size_t len)
{
	size_t max = (r->packet_size - 8) / 2, n;
	unsigned char *p = buf;
	char cmd[64], *reply;
	long got;

	if (max > QEMU_MAX_M_BYTES)
		max = QEMU_MAX_M_BYTES;
	reply = malloc(2 * max + 2);
	if (!reply)
		return rsp_fail(r, "out of memory");
	while (len) {
		n = len < max ? len : max;
		snprintf(cmd, sizeof(cmd), "m%llx,%zx",
			 (unsigned long long)addr, n);
		got = rsp_command(r, cmd, reply, 2 * max + 2);
		if (got < 0)
			goto fail;
		if (reply[0] == 'E' && got == 3) {
			rsp_fail(r, "cannot read %zu bytes at 0x%llx (%s)", n,
				 (unsigned long long)addr, reply);
			goto fail;
		}
		if ((size_t)got != 2 * n || parse_hex_bytes(reply, p, n)) {
			rsp_fail(r, "malformed reply to m%llx,%zx (%ld chars)",
				 (unsigned long long)addr, n, got);
			goto fail;
		}
		r->bytes_read += n;
		addr += n;
		p += n;
		len -= n;
	}
	free(reply);
	return 0;
fail:
	free(reply);
	return -1;
}

void rsp_close(struct rsp *r, int stay_stopped)
{
	char reply[64];
	int timeout = r->timeout_ms;

	if (r->fd < 0)
		return;
	/* Give a dying QEMU no more than a second to answer the goodbyes. */
	if (r->timeout_ms > 1000)
		r->timeout_ms = 1000;
	if (r->phys_mode)
		rsp_set_phys_mode(r, 0);
	if (!stay_stopped && r->fd >= 0)
		rsp_command(r, "D", reply, sizeof(reply));
	r->timeout_ms = timeout;
	hang_up(r);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * rvmm batch [-j N] LIST: triage every "VMLINUX DUMP" line of LIST (or of
 * stdin for "-") in N worker processes and write one JSON object per line
 * on stdout, in input order.  A worker is a fork per pair: a dump that
 * crashes or exhausts its worker costs that pair only, and nothing of one
 * dump's session outlives it.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "debuginfo.h"
#include "forensics.h"
#include "pair.h"

struct mem_out {
	char *buf;
	size_t len, cap;
};

/*
 * A worker's exit status says what its line is, so the parent counts
 * verdicts without reading the JSON back: EXIT_VERDICT + enum rvmm_verdict
 * for a triage, EXIT_ERROR_LINE for an error object; anything else means
 * the worker failed to give its line.
 */
enum { EXIT_VERDICT = 10, EXIT_ERROR_LINE = 20 };

struct job {
	char *vmlinux, *dump; /* NULL for a line that is not a pair */
	char *line; /* the input line, for the error of a bad one */
	struct mem_out result; /* the JSON line */
	int verdict; /* enum rvmm_verdict, or -1 for an error line */
	pid_t pid;
	int fd; /* the worker's pipe, -1 when none */
	int done; /* result holds the line to print */
};

struct batch {
	struct job *job;
	size_t nr, cap;
	unsigned long verdicts[3], errors;
	/* the last vmlinux opened, shared with the workers by fork */
	struct rvmm_debuginfo *di;
	const char *di_path;
};

static int mem_append(struct mem_out *m, const char *s, size_t n)
{
	if (m->len + n + 1 > m->cap) {
		size_t cap = (m->len + n + 1) * 2;
		char *p = realloc(m->buf, cap);

		if (!p)
			return -1;
		m->buf = p;
		m->cap = cap;
	}
	memcpy(m->buf + m->len, s, n);
	m->len += n;
	m->buf[m->len] = '\0';
	return 0;
}

/* A short line on failure: the parent sees it has no newline. */
static void mem_write(void *ctx, const char *s, size_t n)
{
	mem_append(ctx, s, n);
}

/* The pair's line: its triage (t), or the error that stopped it. */
static void json_line(struct mem_out *m, const struct job *jb,
		      const struct rvmm_triage *t, const char *error)
{
	struct rvmm_out o = {.write = mem_write, .ctx = m, .json = 1};
	struct rvmm_json j;

	rvmm_json_init(&j, &o);
	rvmm_json_obj_begin(&j, NULL);
	rvmm_json_str(&j, "vmlinux", jb->vmlinux);
	rvmm_json_str(&j, "dump", jb->dump);
	if (t)
		rvmm_triage_json_members(&j, t);
	else
		rvmm_json_str(&j, "error", error);
	rvmm_json_obj_end(&j);
	rvmm_json_finish(&j);
}

/* The worker: the pair's line in m; its exit status, as above. */
static int analyse(const struct job *jb, struct rvmm_debuginfo *di,
		   const struct rvmm_options *opt, struct mem_out *m)
{
	static struct rvmm_pair pair;
	static struct rvmm_triage t;
	struct rvmm_error err;

	if (!jb->vmlinux) {
		rvmm_fail(&err, RVMM_EUSAGE, "not a \"VMLINUX DUMP\" line: %s",
			  jb->line);
	} else if (!(di ? rvmm_pair_open_on(&pair, di, jb->dump, opt, &err)
			: rvmm_pair_open(&pair, jb->vmlinux, jb->dump, opt,
					 &err))) {
		rvmm_triage_run(&pair.session, &t);
		json_line(m, jb, &t, NULL);
		rvmm_pair_close(&pair);
		return EXIT_VERDICT + t.verdict;
	}
	json_line(m, jb, NULL, err.msg);
	return EXIT_ERROR_LINE;
}

/* Split LIST into jobs: blank lines and # comments are skipped. */
static int read_list(FILE *f, struct batch *b)
{
	char *line = NULL, *a, *d, *extra, *save;
	size_t n = 0;
	ssize_t got;

	while ((got = getline(&line, &n, f)) >= 0) {
		struct job *jb;

		line[strcspn(line, "\r\n")] = '\0';
		a = line + strspn(line, " \t");
		if (!*a || *a == '#')
			continue;
		if (b->nr == b->cap) {
			size_t cap = b->cap ? 2 * b->cap : 64;
			struct job *p = realloc(b->job, cap * sizeof(*p));

			if (!p)
				goto oom;
			b->job = p;
			b->cap = cap;
		}
		jb = &b->job[b->nr];
		memset(jb, 0, sizeof(*jb));
		jb->fd = -1;
		jb->line = strdup(a);
		if (!jb->line)
			goto oom;
		b->nr++;
		a = strtok_r(a, " \t", &save);
		d = strtok_r(NULL, " \t", &save);
		extra = strtok_r(NULL, " \t", &save);
		if (!d || extra)
			continue;
		jb->vmlinux = strdup(a);
		jb->dump = strdup(d);
		if (!jb->vmlinux || !jb->dump)
			goto oom;
	}
	free(line);
	return ferror(f) ? -1 : 0;
oom:
	free(line);
	errno = ENOMEM;
	return -1;
}

static void fail_job(struct job *jb, const char *why)
{
	free(jb->result.buf);
	memset(&jb->result, 0, sizeof(jb->result));
	json_line(&jb->result, jb, NULL, why);
	jb->verdict = -1;
	jb->done = 1;
}

/*
 * The job's vmlinux, opened in the parent so that every worker of a list
 * that shares it gets the DWARF index by fork instead of building it
 * again; NULL when it does not open (the worker then says why).
 */
static struct rvmm_debuginfo *shared_vmlinux(struct batch *b,
					     const struct job *jb)
{
	if (!jb->vmlinux)
		return NULL;
	if (b->di_path && !strcmp(b->di_path, jb->vmlinux))
		return b->di;
	rvmm_debuginfo_close(b->di);
	b->di = rvmm_debuginfo_open(jb->vmlinux, NULL);
	b->di_path = jb->vmlinux;
	return b->di;
}

static int start(struct job *jb, struct rvmm_debuginfo *di,
		 const struct rvmm_options *opt)
{
	int fds[2];

	if (pipe(fds))
		return -1;
	fflush(NULL); /* nothing buffered may be written twice */
	jb->pid = fork();
	if (jb->pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (!jb->pid) {
		struct mem_out m = {0};
		size_t off = 0;
		ssize_t n;
		int status;

		close(fds[0]);
		signal(SIGINT, SIG_DFL);
		status = analyse(jb, di, opt, &m);
		while (m.buf && off < m.len) {
			n = write(fds[1], m.buf + off, m.len - off);
			if (n <= 0 && errno != EINTR)
				_exit(1);
			off += n > 0 ? n : 0;
		}
		_exit(m.buf ? status : 1);
	}
	close(fds[1]);
	jb->fd = fds[0];
	return 0;
}

/* Take what the worker wrote; at its end, reap it.  1 when the job is done. */
static int collect(struct job *jb)
{
	struct mem_out *r = &jb->result;
	char buf[65536];
	ssize_t n = read(jb->fd, buf, sizeof(buf));
	int status, code;

	if (n < 0 && errno == EINTR)
		return 0;
	if (n > 0 && !mem_append(r, buf, n))
		return 0;
	if (n > 0)
		kill(jb->pid, SIGKILL); /* no memory for its line */
	close(jb->fd);
	jb->fd = -1;
	while (waitpid(jb->pid, &status, 0) < 0 && errno == EINTR)
		;
	code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (WIFSIGNALED(status)) {
		char why[96];

		snprintf(why, sizeof(why),
			 "the analysis died of signal %d (%s)",
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
		fail_job(jb, why);
	} else if (!r->len || r->buf[r->len - 1] != '\n' ||
		   (code != EXIT_ERROR_LINE &&
		    (code < EXIT_VERDICT ||
		     code > EXIT_VERDICT + RVMM_INCONCLUSIVE))) {
		fail_job(jb, "the analysis ended without an answer");
	} else {
		jb->verdict = code == EXIT_ERROR_LINE ? -1
						      : code - EXIT_VERDICT;
	}
	jb->done = 1;
	return 1;
}

static int run(struct batch *b, size_t workers, const struct rvmm_options *opt)
{
	struct pollfd *pfd = calloc(workers, sizeof(*pfd));
	size_t *slot = calloc(workers, sizeof(*slot));
	size_t next = 0, printed = 0, running = 0, i, k;

	if (!pfd || !slot) {
		free(pfd);
		free(slot);
		return -1;
	}
	while (printed < b->nr) {
		while (running < workers && next < b->nr) {
			if (start(&b->job[next],
				  shared_vmlinux(b, &b->job[next]), opt))
				fail_job(&b->job[next], strerror(errno));
			else
				slot[running++] = next;
			next++;
		}
		for (k = 0; k < running; k++) {
			pfd[k].fd = b->job[slot[k]].fd;
			pfd[k].events = POLLIN;
			pfd[k].revents = 0;
		}
		if (running && poll(pfd, running, -1) < 0 && errno != EINTR)
			break;
		k = 0;
		while (k < running) {
			if (pfd[k].revents && collect(&b->job[slot[k]])) {
				slot[k] = slot[--running];
				pfd[k] = pfd[running];
				continue;
			}
			k++;
		}
		/* in input order: a line as soon as all before it are out */
		while (printed < b->nr && b->job[printed].done) {
			struct job *jb = &b->job[printed++];

			if (jb->result.buf)
				fwrite(jb->result.buf, 1, jb->result.len,
				       stdout);
			fflush(stdout);
			if (jb->verdict < 0 || !jb->result.buf)
				b->errors++;
			else
				b->verdicts[jb->verdict]++;
			free(jb->result.buf);
			jb->result.buf = NULL;
		}
	}
	for (i = 0; i < b->nr; i++)
		free(b->job[i].result.buf);
	rvmm_debuginfo_close(b->di);
	free(pfd);
	free(slot);
	return printed == b->nr ? 0 : -1;
}

static int batch_usage(void)
{
	fprintf(stderr, "usage: rvmm batch [-j N] LIST   (LIST: a file of "
			"\"VMLINUX DUMP\" lines, or - for stdin)\n");
	return RVMM_EUSAGE;
}

int rvmm_batch_main(int argc, char **argv, const struct rvmm_options *opt)
{
	struct batch b = {0};
	long workers = sysconf(_SC_NPROCESSORS_ONLN);
	const char *list = NULL;
	struct timespec t0, t1;
	char *end;
	FILE *f;
	size_t i;
	int i_arg, rc;

	for (i_arg = 1; i_arg < argc; i_arg++) {
		if (!strcmp(argv[i_arg], "-j") && i_arg + 1 < argc) {
			workers = strtol(argv[++i_arg], &end, 10);
			if (*end || workers < 1 || workers > 1024)
				return batch_usage();
		} else if (!list) {
			list = argv[i_arg];
		} else {
			return batch_usage();
		}
	}
	if (!list)
		return batch_usage();
	if (workers < 1)
		workers = 1;
	f = strcmp(list, "-") ? fopen(list, "r") : stdin;
	if (!f) {
		fprintf(stderr, "rvmm batch: %s: %s\n", list, strerror(errno));
		return RVMM_EINPUT;
	}
	rc = read_list(f, &b);
	if (f != stdin)
		fclose(f);
	if (rc) {
		fprintf(stderr, "rvmm batch: %s: %s\n", list, strerror(errno));
		return RVMM_EINPUT;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = run(&b, (size_t)workers, opt);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr,
		"rvmm batch: %zu pairs in %.2f s with %ld workers: %lu match, "
		"%lu no-match, %lu inconclusive, %lu errors\n",
		b.nr, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
		workers, b.verdicts[1], b.verdicts[0], b.verdicts[2], b.errors);
	for (i = 0; i < b.nr; i++) {
		free(b.job[i].vmlinux);
		free(b.job[i].dump);
		free(b.job[i].line);
	}
	free(b.job);
	if (rc) {
		fprintf(stderr, "rvmm batch: out of memory\n");
		return RVMM_EFAILED;
	}
	return b.errors ? RVMM_EFAILED : 0;
}

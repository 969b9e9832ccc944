/* algocode-box-init: pid 1 of a native sandbox box, and the privileged launcher that starts it.
 *
 * Two modes, one static binary:
 *   --launch UID GID OOM_ADJ N CGFILE1..CGFILEN -- PROGRAM ARGS...
 *       run by root: join the cgroups (write our pid to each CGFILE), set oom_score_adj, drop to
 *       UID/GID (no supplementary groups) and exec PROGRAM (bubblewrap). Root never execs bwrap.
 *   --init FD
 *       pid 1 inside the box: serve the host over the SOCK_SEQPACKET socket FD (see PROTOCOL below).
 *
 * PROTOCOL (native-endian structs, one command per packet, fds via SCM_RIGHTS):
 *   host -> init  RUN   {cmd, wall_ms, rlimits..., argc, envc} argv\0...env\0...
 *                       fds: stdin, stdout, stderr, then cgroup.procs files the program joins
 *                 KILL  {cmd}                       (only while a RUN is in progress)
 *                 WRITE {cmd, mode} name\0          fd: data (read from offset 0 to EOF)
 *                 READ  {cmd, max_bytes} name\0
 *                 RESET {cmd}                       empty /box, /tmp and /dev/shm (answered with a REPLY)
 *   init -> host  HELLO {kind, version}
 *                 RESULT {kind, wstatus, wall_ns, flags, cpu_ns, maxrss_kb}
 *                 REPLY {kind, err, size}            (READ: fd of the opened regular file when err == 0)
 * Every process of a run is killed and reaped before RESULT is sent; EOF on the socket ends the box.
 * The numbers (commands, message kinds, flags, version) come from algocode_wire.h, generated from
 * rce_engine/sandbox/wire.py when the helper is built (helper.py); the struct layouts are mirrored by
 * the struct formats in native/box.py.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "algocode_wire.h"
#include "box_reset.h"

#define MAX_ARGS 4096

struct run_cmd {
    uint32_t cmd;
    uint32_t wall_ms;
    uint64_t cpu_rlimit_s;
    uint64_t stack_bytes;
    uint64_t fsize_bytes;
    uint64_t nofile;
    uint64_t stderr_bytes;
    uint32_t argc;
    uint32_t envc;
};

struct write_cmd {
    uint32_t cmd;
    uint32_t mode;
};

struct read_cmd {
    uint32_t cmd;
    uint32_t pad;
    uint64_t max_bytes;
};

struct hello_msg {
    uint32_t kind;
    uint32_t version;
};

struct result_msg {
    uint32_t kind;
    int32_t wstatus;
    uint64_t wall_ns;
    uint32_t flags;
    int32_t setup_errno; /* with FLAG_SETUP_FAILED: why the child could not start the program */
    uint64_t cpu_ns;
    uint64_t maxrss_kb;
};

struct reply_msg {
    uint32_t kind;
    int32_t err;
    uint64_t size;
};

extern char **environ;

static int sock = -1;
static int sigfd = -1;
static int boxfd = -1;
static char buf[MAX_MSG + 1];

static void die(const char *what) {
    fprintf(stderr, "algocode-box-init: %s: %s\n", what, strerror(errno));
    _exit(120);
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void send_msg(const void *msg, size_t len, int fd) {
    struct iovec iov = {.iov_base = (void *)msg, .iov_len = len};
    union {
        char raw[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
    if (fd >= 0) {
        memset(&control, 0, sizeof control);
        mh.msg_control = control.raw;
        mh.msg_controllen = sizeof control.raw;
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof(int));
    }
    while (sendmsg(sock, &mh, MSG_NOSIGNAL) < 0) {
        if (errno != EINTR) die("sendmsg");
    }
}

/* Receive one packet; returns its length (0 on EOF) and up to `maxfds` fds (the rest are closed). */
static ssize_t recv_msg(int *fds, int maxfds, int *nfds) {
    struct iovec iov = {.iov_base = buf, .iov_len = MAX_MSG};
    union {
        char raw[CMSG_SPACE(sizeof(int) * 8)];
        struct cmsghdr align;
    } control;
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.raw,
                        .msg_controllen = sizeof control.raw};
    ssize_t n;
    do {
        n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n < 0) die("recvmsg");
    *nfds = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        int *got = (int *)CMSG_DATA(c);
        for (int i = 0; i < count; i++) {
            if (*nfds < maxfds)
                fds[(*nfds)++] = got[i];
            else
                close(got[i]);
        }
    }
    if (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
        for (int i = 0; i < *nfds; i++) close(fds[i]);
        *nfds = 0;
        return -1;
    }
    buf[n] = 0;
    return n;
}

/* Kill every process in the pid namespace except us, and reap them all. Returns the main child's
 * wait status if it was reaped here. */
static void reap_one(pid_t pid, int status, pid_t main_pid, int *main_status, int *main_done) {
    if (pid == main_pid && !*main_done) {
        *main_status = status;
        *main_done = 1;
    }
}

static void kill_all(pid_t main_pid, int *main_status, int *main_done) {
    for (;;) {
        int none_left = kill(-1, SIGKILL) < 0 && errno == ESRCH;
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, __WALL)) > 0) reap_one(pid, status, main_pid, main_status, main_done);
        if (none_left) break;
    }
}

static void drain_sigfd(void) {
    struct signalfd_siginfo si;
    while (read(sigfd, &si, sizeof si) == (ssize_t)sizeof si) {
    }
}

/* Move what the pipe holds into the stderr file, keeping at most `limit` bytes. 1 on EOF. */
static int drain_stderr(int pipefd, int file, uint64_t limit, uint64_t *kept) {
    char chunk[65536];
    for (;;) {
        ssize_t n = read(pipefd, chunk, sizeof chunk);
        if (n == 0) return 1;
        if (n < 0) return errno == EINTR ? 0 : (errno == EAGAIN ? 0 : 1);
        if (*kept < limit) {
            size_t take = (size_t)n;
            if (take > limit - *kept) take = (size_t)(limit - *kept);
            ssize_t w = pwrite(file, chunk, take, (off_t)*kept);
            if (w > 0) *kept += (uint64_t)w;
        }
        if (n < (ssize_t)sizeof chunk) return 0;
    }
}

static void setup_failed(int report) {
    int e = errno;
    if (write(report, &e, sizeof e) < 0) {
    }
    _exit(126);
}

static void child_exec(const struct run_cmd *rc, char **argv, char **envp, int *fds, int nfds, int report,
                       int err) {
    /* Join the run's cgroups through fds the host opened (as root) on their cgroup.procs files: the
     * init itself never enters the run cgroup, so the run's OOM killer and pids limit see only the
     * program. The fds are closed below, before the program starts. */
    for (int i = 3; i < nfds; i++)
        if (write(fds[i], "0", 1) != 1) setup_failed(report);
    int in = fds[0], out = fds[1];
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    struct rlimit rl;
    /* Soft below hard: SIGXCPU first (reported as a CPU limit), SIGKILL a second later if ignored. */
    rl.rlim_cur = rc->cpu_rlimit_s;
    rl.rlim_max = rc->cpu_rlimit_s + 1;
    if (setrlimit(RLIMIT_CPU, &rl) < 0) setup_failed(report);
    rl.rlim_cur = rl.rlim_max = rc->stack_bytes;
    if (setrlimit(RLIMIT_STACK, &rl) < 0) setup_failed(report);
    rl.rlim_cur = rl.rlim_max = rc->fsize_bytes;
    if (setrlimit(RLIMIT_FSIZE, &rl) < 0) setup_failed(report);
    rl.rlim_cur = rl.rlim_max = rc->nofile;
    if (setrlimit(RLIMIT_NOFILE, &rl) < 0) setup_failed(report);
    rl.rlim_cur = rl.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &rl) < 0) setup_failed(report);
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) setup_failed(report);
    /* Everything else goes, except the CLOEXEC report pipe (closed by the exec itself). */
    if (report > 3) syscall(SYS_close_range, 3, (unsigned)report - 1, 0);
    syscall(SYS_close_range, (unsigned)report + 1, ~0U, 0);
    /* Inherited non-dumpable from the init, /proc/self would be root's and oom_score_adj unwritable.
     * Only now, with the init's socket closed, is it safe to be dumpable (execve resets it anyway). */
    prctl(PR_SET_DUMPABLE, 1);
    /* The OOM killer must pick the program, never the init. */
    int oom = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (oom >= 0) {
        if (write(oom, "1000", 4) < 0) {
        }
        close(oom);
    }
    if (chdir(BOX_DIR) < 0) setup_failed(report);
    environ = envp;
    execvp(argv[0], argv);
    int e = errno;
    dprintf(2, "algocode-box-init: cannot execute %s: %s\n", argv[0], strerror(e));
    _exit(127);
}

static void do_run(ssize_t len, int *fds, int nfds) {
    struct result_msg res = {.kind = MSG_RESULT, .wstatus = 0};
    struct run_cmd rc;
    static char *argv[MAX_ARGS + 1], *envp[MAX_ARGS + 1];
    if (nfds < 3 || (size_t)len < sizeof rc) goto bad;
    memcpy(&rc, buf, sizeof rc);
    if (rc.argc < 1 || rc.argc > MAX_ARGS || rc.envc > MAX_ARGS) goto bad;
    char *p = buf + sizeof rc, *end = buf + len;
    for (uint32_t i = 0; i < rc.argc + rc.envc; i++) {
        char *z = memchr(p, 0, (size_t)(end - p));
        if (!z) goto bad;
        if (i < rc.argc)
            argv[i] = p;
        else
            envp[i - rc.argc] = p;
        p = z + 1;
    }
    argv[rc.argc] = NULL;
    envp[rc.envc] = NULL;

    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    uint64_t start = now_ns();
    uint64_t deadline = start + (uint64_t)rc.wall_ms * 1000000ull;
    /* stderr goes through a pipe the init drains: the first stderr_bytes are kept in the host's file,
     * the rest dropped, so a stderr flood neither fills a disk nor counts as output. */
    int report[2], errpipe[2];
    if (pipe2(report, O_CLOEXEC) < 0) goto bad;
    if (pipe2(errpipe, O_CLOEXEC) < 0) {
        close(report[0]);
        close(report[1]);
        goto bad;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(report[0]);
        close(report[1]);
        close(errpipe[0]);
        close(errpipe[1]);
        goto bad;
    }
    if (pid == 0) child_exec(&rc, argv, envp, fds, nfds, report[1], errpipe[1]);
    int errfile = fds[2];
    for (int i = 0; i < nfds; i++)
        if (i != 2) close(fds[i]);
    nfds = 0;
    close(report[1]);
    close(errpipe[1]);
    fcntl(errpipe[0], F_SETFL, O_NONBLOCK);
    uint64_t err_kept = 0;
    /* EOF once the child has exec'd (or died); an errno if it could not join the run's cgroups. */
    int setup_errno = 0;
    ssize_t got;
    do {
        got = read(report[0], &setup_errno, sizeof setup_errno);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof setup_errno) {
        res.flags |= FLAG_SETUP_FAILED;
        res.setup_errno = setup_errno;
    }

    int main_status = 0, main_done = 0;
    while (!main_done) {
        uint64_t t = now_ns();
        if (t >= deadline) {
            res.flags |= FLAG_WALL;
            break;
        }
        uint64_t left_ms = (deadline - t + 999999) / 1000000;
        struct pollfd pf[3] = {{.fd = sigfd, .events = POLLIN},
                               {.fd = sock, .events = POLLIN},
                               {.fd = errpipe[0], .events = POLLIN}};
        int r = poll(pf, 3, (int)(left_ms > 1000000 ? 1000000 : left_ms));
        if (r < 0 && errno != EINTR) die("poll");
        if (r <= 0) continue;
        if (pf[2].revents && drain_stderr(errpipe[0], errfile, rc.stderr_bytes, &err_kept)) {
            close(errpipe[0]);
            errpipe[0] = -1;
        }
        if (pf[0].revents) {
            drain_sigfd();
            int status;
            pid_t w;
            while ((w = waitpid(-1, &status, WNOHANG | __WALL)) > 0) reap_one(w, status, pid, &main_status, &main_done);
        }
        if (pf[1].revents) {
            int extra[8], nextra;
            ssize_t n = recv_msg(extra, 8, &nextra);
            for (int i = 0; i < nextra; i++) close(extra[i]);
            if (n == 0) {
                /* The host went away: end the box. */
                kill_all(pid, &main_status, &main_done);
                _exit(0);
            }
            res.flags |= FLAG_KILLED;
            break;
        }
    }
    kill_all(pid, &main_status, &main_done);
    drain_sigfd();
    res.wall_ns = now_ns() - start;
    if (errpipe[0] >= 0) {
        /* Every writer is dead: read to EOF. */
        fcntl(errpipe[0], F_SETFL, 0);
        while (!drain_stderr(errpipe[0], errfile, rc.stderr_bytes, &err_kept)) {
        }
        close(errpipe[0]);
    }
    close(errfile);
    getrusage(RUSAGE_CHILDREN, &after);
    uint64_t cpu_before = (uint64_t)(before.ru_utime.tv_sec + before.ru_stime.tv_sec) * 1000000000ull +
                          (uint64_t)(before.ru_utime.tv_usec + before.ru_stime.tv_usec) * 1000ull;
    uint64_t cpu_after = (uint64_t)(after.ru_utime.tv_sec + after.ru_stime.tv_sec) * 1000000000ull +
                         (uint64_t)(after.ru_utime.tv_usec + after.ru_stime.tv_usec) * 1000ull;
    res.cpu_ns = cpu_after - cpu_before;
    res.maxrss_kb = (uint64_t)after.ru_maxrss;
    res.wstatus = main_status;
    send_msg(&res, sizeof res, -1);
    return;
bad:
    for (int i = 0; i < nfds; i++) close(fds[i]);
    res.wstatus = -1;
    send_msg(&res, sizeof res, -1);
}

static int valid_name(const char *name) {
    return name[0] && strchr(name, '/') == NULL && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static void do_write(ssize_t len, int *fds, int nfds) {
    struct reply_msg rep = {.kind = MSG_REPLY, .err = 0};
    struct write_cmd wc;
    int out = -1;
    if (nfds != 1 || (size_t)len <= sizeof wc) {
        rep.err = EINVAL;
        goto done;
    }
    memcpy(&wc, buf, sizeof wc);
    const char *name = buf + sizeof wc;
    if (!valid_name(name)) {
        rep.err = EINVAL;
        goto done;
    }
    /* O_NOFOLLOW + O_NONBLOCK + fstat: never follow a planted link, never block on a FIFO. */
    out = openat(boxfd, name, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    struct stat st;
    if (out < 0 || fstat(out, &st) < 0) {
        rep.err = errno;
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        rep.err = EINVAL;
        goto done;
    }
    if (ftruncate(out, 0) < 0) {
        rep.err = errno;
        goto done;
    }
    /* In the kernel first (sendfile: no copy through this process), by hand where it cannot. */
    off_t offset = 0;
    ssize_t sent;
    while ((sent = sendfile(out, fds[0], &offset, 1 << 30)) > 0) {
    }
    char chunk[65536];
    ssize_t n;
    uint64_t total = (uint64_t)offset;
    while ((n = pread(fds[0], chunk, sizeof chunk, (off_t)total)) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, chunk + off, (size_t)(n - off));
            if (w < 0) {
                if (errno == EINTR) continue;
                rep.err = errno;
                goto done;
            }
            off += w;
        }
        total += (uint64_t)n;
    }
    if (n < 0) {
        rep.err = errno;
        goto done;
    }
    if (fchmod(out, wc.mode & 0777) < 0) rep.err = errno;
    rep.size = total;
done:
    if (out >= 0) close(out);
    for (int i = 0; i < nfds; i++) close(fds[i]);
    send_msg(&rep, sizeof rep, -1);
}

static void do_read(ssize_t len, int *fds, int nfds) {
    struct reply_msg rep = {.kind = MSG_REPLY, .err = 0};
    struct read_cmd rc;
    int fd = -1;
    for (int i = 0; i < nfds; i++) close(fds[i]);
    if ((size_t)len <= sizeof rc) {
        rep.err = EINVAL;
        goto done;
    }
    memcpy(&rc, buf, sizeof rc);
    const char *name = buf + sizeof rc;
    if (!valid_name(name)) {
        rep.err = EINVAL;
        goto done;
    }
    fd = openat(boxfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        rep.err = errno;
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        rep.err = EINVAL;
        goto done;
    }
    rep.size = (uint64_t)st.st_size;
    if (rep.size > rc.max_bytes) rep.err = EFBIG;
done:
    send_msg(&rep, sizeof rep, rep.err == 0 ? fd : -1);
    if (fd >= 0) close(fd);
}

static void do_reset(int *fds, int nfds) {
    static const char *const dirs[] = {BOX_DIR, "/tmp", "/dev/shm", NULL};
    for (int i = 0; i < nfds; i++) close(fds[i]);
    struct reply_msg rep = {.kind = MSG_REPLY, .err = empty_dirs(dirs)};
    send_msg(&rep, sizeof rep, -1);
}

static int init_main(int fd) {
    /* Whatever else bwrap passed down (seccomp, info, bind fds) is not needed here. */
    if (fd > 3) syscall(SYS_close_range, 3, (unsigned)fd - 1, 0);
    syscall(SYS_close_range, (unsigned)fd + 1, ~0U, 0);
    sock = fd;
    /* Same uid as the programs: without this they could write our memory through /proc/1/mem. */
    if (prctl(PR_SET_DUMPABLE, 0) < 0) die("PR_SET_DUMPABLE");
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigfd < 0) die("signalfd");
    boxfd = open(BOX_DIR, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (boxfd < 0) die("open /box");
    struct hello_msg hello = {.kind = MSG_HELLO, .version = PROTO_VERSION};
    send_msg(&hello, sizeof hello, -1);
    for (;;) {
        int fds[8], nfds;
        ssize_t n = recv_msg(fds, 8, &nfds);
        if (n == 0) break;
        uint32_t cmd = 0;
        if (n >= 4) memcpy(&cmd, buf, 4);
        switch (cmd) {
            case CMD_RUN:
                do_run(n, fds, nfds);
                break;
            case CMD_WRITE:
                do_write(n, fds, nfds);
                break;
            case CMD_READ:
                do_read(n, fds, nfds);
                break;
            case CMD_RESET:
                do_reset(fds, nfds);
                break;
            default: {
                /* KILL outside a run, or garbage: nothing to do but answer so the host never hangs. */
                for (int i = 0; i < nfds; i++) close(fds[i]);
                if (cmd != CMD_KILL) {
                    struct reply_msg rep = {.kind = MSG_REPLY, .err = EINVAL};
                    send_msg(&rep, sizeof rep, -1);
                }
            }
        }
    }
    int st = 0, done = 0;
    kill_all(-2, &st, &done);
    return 0;
}

static int launch_main(int argc, char **argv) {
    /* --launch UID GID OOM_ADJ N CGFILE... -- PROGRAM ARGS... */
    if (argc < 7) {
        fprintf(stderr, "usage: --launch UID GID OOM_ADJ N CGFILE... -- PROGRAM ARGS...\n");
        return 2;
    }
    uid_t uid = (uid_t)strtoul(argv[2], NULL, 10);
    gid_t gid = (gid_t)strtoul(argv[3], NULL, 10);
    const char *oom_adj = argv[4];
    int n = atoi(argv[5]);
    if (uid == 0 || gid == 0 || n < 0 || 6 + n >= argc || strcmp(argv[6 + n], "--") != 0) {
        fprintf(stderr, "algocode-box-init: bad --launch arguments\n");
        return 2;
    }
    char pid[32];
    int plen = snprintf(pid, sizeof pid, "%d\n", (int)getpid());
    for (int i = 0; i < n; i++) {
        int fd = open(argv[6 + i], O_WRONLY | O_CLOEXEC);
        if (fd < 0 || write(fd, pid, (size_t)plen) != plen) die(argv[6 + i]);
        close(fd);
    }
    /* Best effort: lowering needs CAP_SYS_RESOURCE, which some container runtimes withhold. The
     * program raises its own score to 1000, so the OOM killer still prefers it over the init. */
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (write(fd, oom_adj, strlen(oom_adj)) < 0) {
        }
        close(fd);
    }
    if (setgroups(0, NULL) < 0) die("setgroups");
    if (setresgid(gid, gid, gid) < 0) die("setresgid");
    if (setresuid(uid, uid, uid) < 0) die("setresuid");
    if (setuid(0) == 0 || getuid() != uid || geteuid() != uid) {
        fprintf(stderr, "algocode-box-init: could not drop privileges\n");
        return 2;
    }
    execv(argv[7 + n], argv + 7 + n);
    die("exec");
    return 2;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "--init") == 0) return init_main(atoi(argv[2]));
    if (argc >= 2 && strcmp(argv[1], "--launch") == 0) return launch_main(argc, argv);
    fprintf(stderr, "algocode-box-init: internal helper of the Algocode judge sandbox\n");
    return 2;
}

/*
 * algocode-run: the in-container half of the judge's docker sandbox (one `docker exec` per run).
 *
 * The host (rce_engine/sandbox/docker) execs this as the box's unprivileged uid inside a long-lived
 * container. In `run` mode it starts the program with the run's rlimits and a small seccomp filter,
 * forwards the exec's stdin to it, forwards at most --out bytes of its stdout, keeps at most --err bytes
 * of its stderr, enforces the CPU limit (polling the container cgroup's CPU counter) and the wall limit,
 * kills every process of the run afterwards, and finally writes one report line
 *     ALGOCODE-RUN/2 {json}\n
 * followed by the kept stderr to its own stderr. The program never holds the runner's stdout or stderr,
 * and the runner is not dumpable (no ptrace, no /proc/<pid>/mem or fd access by the same uid), so the
 * program cannot forge the report (docs/threat-model.md rule 6, item 32).
 *
 * Each run has a user, pid and mount namespace of its own (threat-model.md #48): the runner clones
 * itself into them and that copy, pid 1 of the new pid namespace with a /proc of its own, runs the
 * program, so the program sees and can signal only its own processes and that init, which ignores them
 * (an init's default is to ignore signals from inside its namespace). The outer runner only waits for it.
 *
 * With `--fresh` the run starts from a clean box (threat-model.md #46): before the program starts, /box,
 * /tmp and /dev/shm are emptied and the keeper's copies in /kept are copied into /box.
 *
 * Other modes: `write NAME MODE` (stdin -> /box/NAME), `keep NAME MODE` (stdin -> /kept/NAME, run as the
 * keeper uid), `read NAME MAX` (/box/NAME -> stdout), `killall` (kill every process of this uid but
 * itself), `oom` (print the cgroup's oom_kill counter).
 * Exit status of the runner itself (EXIT_* in algocode_wire.h, generated from rce_engine/sandbox/wire.py
 * by build.sh, like BOX_DIR and REPORT_MAGIC): 0 done (run mode: see the report), 2 usage, 3 no such
 * regular file, 4 file too big, 5 other I/O error, 6 processes could not be killed.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "algocode_wire.h"
#include "box_reset.h"

#define POLL_MS 10
#define MAX_ENV 256
#define IO_CHUNK 65536
#define OUT_BUF (256 * 1024)

extern char **environ;

static int64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int parse_i64(const char *s, int64_t *out) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *s == '\0' || *end != '\0' || v < 0) return -1;
    *out = v;
    return 0;
}

/* A plain file name inside BOX_DIR: no slash, not "." or "..", not empty. */
static int valid_name(const char *name) {
    return name[0] != '\0' && strchr(name, '/') == NULL && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd p = {.fd = fd, .events = POLLOUT};
                poll(&p, 1, 100);
                continue;
            }
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* ---- cgroup counters (v1 as on the development machines, v2 as on most production hosts) ---------- */

static int64_t read_keyed(const char *path, const char *key) {
    FILE *f = fopen(path, "re");
    if (!f) return -1;
    char line[256];
    int64_t value = -1;
    size_t klen = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, klen) == 0 && line[klen] == ' ') {
            value = strtoll(line + klen + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return value;
}

static int64_t oom_kill_count(void) {
    int64_t v = read_keyed("/sys/fs/cgroup/memory/memory.oom_control", "oom_kill");
    if (v < 0) v = read_keyed("/sys/fs/cgroup/memory.events", "oom_kill");
    return v;
}

/* CPU time of the whole container in microseconds, or -1 when no cgroup counter is visible. */
static int64_t cgroup_cpu_us(void) {
    static const char *v1[] = {"/sys/fs/cgroup/cpuacct/cpuacct.usage", "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage",
                               "/sys/fs/cgroup/cpuacct,cpu/cpuacct.usage", NULL};
    static int which = -2; /* -2 unknown, -1 v2, >= 0 index into v1, -3 none */
    if (which == -3) return -1;
    if (which == -2 || which >= 0) {
        for (int i = (which >= 0 ? which : 0); v1[i]; i++) {
            FILE *f = fopen(v1[i], "re");
            if (!f) {
                if (which >= 0) break;
                continue;
            }
            long long ns = -1;
            int ok = fscanf(f, "%lld", &ns) == 1;
            fclose(f);
            if (ok) {
                which = i;
                return ns / 1000;
            }
        }
        if (which >= 0) return -1;
    }
    int64_t usec = read_keyed("/sys/fs/cgroup/cpu.stat", "usage_usec");
    which = usec >= 0 ? -1 : -3;
    return usec;
}

/* ---- killing every process of the run ------------------------------------------------------------- */

/* The run's main process: its status is recorded by whichever waitpid() reaps it. */
static pid_t main_pid = -1;
static int main_status = 0, main_done = 0;
static int64_t main_end = 0;

static void reap(void) {
    int st;
    pid_t r;
    while ((r = waitpid(-1, &st, WNOHANG)) > 0) {
        if (r == main_pid) {
            main_status = st;
            main_done = 1;
            main_end = now_us();
        }
    }
}

/* Calls fn(pid, stat line after the command name, uid) for every process in our pid namespace but us and
 * init. Uid and state come from /proc/<pid>/status, not the directory's owner, which turns to root when a
 * process makes itself non-dumpable. */
static int for_each_process(void (*fn)(pid_t, char state, uid_t uid, const char *stat, void *), void *arg) {
    DIR *d = opendir("/proc");
    if (!d) return -1;
    pid_t self = getpid();
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0])) continue;
        pid_t pid = (pid_t)atoi(e->d_name);
        if (pid == self || pid == 1) continue;
        char path[64], buf[2048];
        snprintf(path, sizeof path, "/proc/%d/status", pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n <= 0) continue;
        buf[n] = '\0';
        char *state = strstr(buf, "\nState:\t");
        char *uidl = strstr(buf, "\nUid:\t");
        if (!state || !uidl) continue;
        uid_t uid = (uid_t)strtoul(uidl + 6, NULL, 10);
        char statbuf[1024] = "";
        snprintf(path, sizeof path, "/proc/%d/stat", pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ssize_t m = read(fd, statbuf, sizeof statbuf - 1);
            close(fd);
            statbuf[m > 0 ? m : 0] = '\0';
        }
        char *rp = strrchr(statbuf, ')');
        fn(pid, state[8], uid, rp ? rp + 2 : "", arg);
    }
    closedir(d);
    return 0;
}

static void count_and_kill(pid_t pid, char state, uid_t uid, const char *stat, void *arg) {
    (void)stat;
    if (uid != getuid() || state == 'Z') return; /* zombies are reaped by us or by init */
    kill(pid, SIGKILL);
    ++*(int *)arg;
}

/* Kill every process of this uid except ourselves, reaping what becomes ours (we are a subreaper).
 * Returns 0 when none is left within about two seconds. */
static int kill_everything(void) {
    for (int round = 0; round < 400; round++) {
        kill(-1, SIGKILL); /* every process we may signal in this pid namespace: only our uid's */
        reap();
        int alive = 0;
        if (for_each_process(count_and_kill, &alive) != 0) return -1;
        if (alive == 0) return 0;
        usleep(5000);
    }
    return -1;
}

static void add_cpu(pid_t pid, char state, uid_t uid, const char *stat, void *arg) {
    (void)pid;
    if (uid != getuid() || state == 'Z') return;
    /* fields after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
    unsigned long long ut = 0, st = 0;
    if (sscanf(stat, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2)
        *(int64_t *)arg += (int64_t)(ut + st);
}

/* CPU time of the run so far without a visible cgroup: live processes of our uid plus reaped ones. */
static int64_t proc_cpu_us(void) {
    static long hz = 0;
    if (!hz) hz = sysconf(_SC_CLK_TCK);
    int64_t ticks = 0;
    for_each_process(add_cpu, &ticks);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return ticks * 1000000 / hz + (int64_t)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
           (int64_t)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
}

/* ---- seccomp: a deny list on top of Docker's default profile -------------------------------------- */

#if defined(__x86_64__)
#define ARCH_NR AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH_NR AUDIT_ARCH_AARCH64
#else
#error "unsupported architecture"
#endif

#define DENY(nr, err) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (err))

/* Namespace flags in clone(): creating namespaces (a user namespace above all) is kernel attack
 * surface a submission never needs (docs/threat-model.md item 40). */
#define CLONE_NS_FLAGS 0x7E020000u

static int install_seccomp(void) {
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH_NR, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
        /* x32 syscall numbers alias the same calls under other numbers */
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
#endif
        DENY(__NR_ptrace, EPERM),
        DENY(__NR_process_vm_readv, EPERM),
        DENY(__NR_process_vm_writev, EPERM),
        DENY(__NR_io_uring_setup, EPERM),
        DENY(__NR_io_uring_enter, EPERM),
        DENY(__NR_io_uring_register, EPERM),
        DENY(__NR_bpf, EPERM),
        DENY(__NR_perf_event_open, EPERM),
        DENY(__NR_userfaultfd, EPERM),
        DENY(__NR_keyctl, EPERM),
        DENY(__NR_add_key, EPERM),
        DENY(__NR_request_key, EPERM),
        DENY(__NR_unshare, EPERM),
        DENY(__NR_setns, EPERM),
        DENY(__NR_mount, EPERM),
        DENY(__NR_umount2, EPERM),
        DENY(__NR_pivot_root, EPERM),
        DENY(__NR_chroot, EPERM),
        DENY(__NR_fanotify_init, EPERM),
        DENY(__NR_name_to_handle_at, EPERM),
        DENY(__NR_open_by_handle_at, EPERM),
        DENY(__NR_personality, EPERM),
        DENY(__NR_kcmp, EPERM),
        /* clone3 passes flags in memory a filter cannot read: ENOSYS makes libc fall back to clone. */
        DENY(__NR_clone3, ENOSYS),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_NS_FLAGS, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = (unsigned short)(sizeof filter / sizeof filter[0]), .filter = filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

static int64_t self_cpu_us(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (int64_t)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + (int64_t)ru.ru_stime.tv_sec * 1000000 +
           ru.ru_stime.tv_usec;
}

/* ---- the run's own namespaces (threat-model.md #48) ----------------------------------------------- */

/* What Docker masks in a container's /proc and /sys (the container runs with systempaths=unconfined,
 * since a new proc cannot be mounted while parts of the old one are covered), masked again in the new
 * mount namespace before the program starts: host timers and tasks (timer_list, sched_debug), keys,
 * firmware tables. */
static const char *const masked_files[] = {"/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                                           "/proc/timer_stats", "/proc/sched_debug", "/proc/sysrq-trigger", NULL};
static const char *const masked_dirs[] = {"/proc/acpi", "/proc/asound", "/proc/scsi", "/sys/firmware",
                                          "/sys/devices/virtual/powercap", NULL};
static const char *const readonly_dirs[] = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", NULL};

static int write_text(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = write_all(fd, text, strlen(text));
    if (close(fd) != 0) rc = -1;
    return rc;
}

/* In the cloned child, pid 1 of the new namespaces: map our uid and gid to themselves (nothing else, root
 * included, is mapped), mount the new pid namespace's /proc and mask it like Docker does. */
static int setup_namespaces(uid_t uid, gid_t gid) {
    char map[64];
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)uid, (unsigned)uid);
    if (write_text("/proc/self/uid_map", map) != 0) return -1;
    if (write_text("/proc/self/setgroups", "deny") != 0) return -1;
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)gid, (unsigned)gid);
    if (write_text("/proc/self/gid_map", map) != 0) return -1;
    /* Nothing mounted here propagates back to the container. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) return -1;
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0) return -1;
    for (int i = 0; masked_files[i]; i++)
        if (mount("/dev/null", masked_files[i], NULL, MS_BIND, NULL) != 0 && errno != ENOENT) return -1;
    for (int i = 0; masked_dirs[i]; i++)
        if (mount("tmpfs", masked_dirs[i], "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=0") != 0 &&
            errno != ENOENT)
            return -1;
    for (int i = 0; readonly_dirs[i]; i++) {
        if (mount(readonly_dirs[i], readonly_dirs[i], NULL, MS_BIND | MS_REC, NULL) != 0) {
            if (errno == ENOENT) continue;
            return -1;
        }
        if (mount(NULL, readonly_dirs[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                  NULL) != 0)
            return -1;
    }
    return 0;
}

struct run_opts;
static int run_mode(struct run_opts *o);

/* Signals from the program must not end the runner (SIGKILL and SIGSTOP cannot be ignored: the host's
 * deadline handles those, and inside the run's pid namespace the kernel drops them for its init). */
static void ignore_signals(void) {
    int ignored[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                     SIGXCPU, SIGXFSZ, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGIO, SIGPWR, SIGTRAP};
    for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++) signal(ignored[i], SIG_IGN);
}

/* The outer runner: clone into new user, pid and mount namespaces, run there, pass the inner runner's
 * end on (its exit status, or the signal that killed it, which the host reads as a lost runner). */
static int run_isolated(struct run_opts *o) {
    ignore_signals();
    uid_t uid = getuid();
    gid_t gid = getgid();
    fflush(NULL);
    /* The raw call is fork() with namespace flags (the container's seccomp profile allows them to us; the
     * program's own filter denies them again). Dumpable until the maps are written: a non-dumpable
     * process's /proc/self/uid_map belongs to root, which is not mapped in the new namespace. */
    long pid = syscall(SYS_clone, CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | SIGCHLD, NULL, NULL, NULL, NULL);
    if (pid < 0) {
        perror("algocode-run: cannot create the run's namespaces");
        return EXIT_IO_ERROR;
    }
    if (pid == 0) {
        if (setup_namespaces(uid, gid) != 0) {
            perror("algocode-run: cannot set up the run's namespaces");
            exit(EXIT_IO_ERROR);
        }
        exit(run_mode(o));
    }
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    int st;
    while (waitpid((pid_t)pid, &st, 0) < 0)
        if (errno != EINTR) return EXIT_IO_ERROR;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    int sig = WTERMSIG(st);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    return 128 + sig;
}

/* ---- run mode ------------------------------------------------------------------------------------- */

struct run_opts {
    int64_t cpu_us, wall_us, stack, fsize, out_max, err_max, nofile;
    char *env[MAX_ENV + 1];
    int nenv;
    char **argv;
    int fresh;
};

/* Lower a limit; the container's hard limit is the ceiling (raising it needs a capability we lack). */
static void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit cur, rl = {.rlim_cur = soft, .rlim_max = hard};
    if (getrlimit(resource, &cur) == 0 && cur.rlim_max != RLIM_INFINITY) {
        if (rl.rlim_max > cur.rlim_max) rl.rlim_max = cur.rlim_max;
        if (rl.rlim_cur > rl.rlim_max) rl.rlim_cur = rl.rlim_max;
    }
    setrlimit(resource, &rl);
}

static void json_escape(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void child_exec(const struct run_opts *o, int in_fd, int out_fd, int err_fd, int errpipe) {
    /* Our own dispositions (ignored signals) and mask would be inherited across exec. */
    for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) goto fail;
    int keep = errpipe; /* close-on-exec, closed by a successful exec */
    for (int fd = 3; fd < 1024; fd++)
        if (fd != keep) close(fd);
    /* CPU: the soft limit is a backstop (SIGXCPU) behind the runner's 10 ms polling; the hard one kills. */
    rlim_t cpu_s = (rlim_t)((o->cpu_us + 999999) / 1000000) + 1;
    set_limit(RLIMIT_CPU, cpu_s, cpu_s + 1);
    /* Stack pages are charged to the memory cgroup: deep recursion ends as MLE, not a bare SIGSEGV. */
    set_limit(RLIMIT_STACK, (rlim_t)o->stack, (rlim_t)o->stack);
    set_limit(RLIMIT_FSIZE, (rlim_t)o->fsize, (rlim_t)o->fsize);
    set_limit(RLIMIT_NOFILE, (rlim_t)o->nofile, (rlim_t)o->nofile);
    set_limit(RLIMIT_CORE, 0, 0);
    /* Prefer the program over the runner when the container's memory runs out. */
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        (void)!write(fd, "1000", 4);
        close(fd);
    }
    if (chdir(BOX_DIR) != 0) goto fail;
    /* A new user namespace starts with every capability in the bounding set. The exec as a non-root uid
     * empties the other sets; empty this one too (no capability of any kind, threat-model.md #37, #39). */
    for (int cap = 0; cap < 64; cap++)
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) goto fail;
    if (install_seccomp() != 0) goto fail;
    environ = (char **)o->env;
    execvp(o->argv[0], o->argv);
    /* Like a shell and the native backend: a program that cannot be executed (deleted by an earlier
     * test, not executable) exits 127 with a message; that is the submission's doing, not ours. */
    dprintf(2, "algocode-run: cannot execute %s: %s\n", o->argv[0], strerror(errno));
    _exit(127);
fail:;
    int err = errno;
    (void)!write(errpipe, &err, sizeof err);
    _exit(127);
}

/* Copy every regular file of /kept into the emptied /box, with its mode. */
static int restore_kept(void) {
    int from = open(KEPT_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (from < 0) return errno == ENOENT ? 0 : -1;
    int to = open(BOX_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fdopendir(from);
    if (to < 0 || !d) return -1;
    int rc = 0;
    struct dirent *e;
    static char buf[IO_CHUNK];
    while ((e = readdir(d)) && rc == 0) {
        if (!valid_name(e->d_name)) continue;
        int in = openat(from, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat st;
        if (in < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
            if (in >= 0) close(in);
            continue;
        }
        int out = openat(to, e->d_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0777);
        if (out < 0) rc = -1;
        for (ssize_t r; rc == 0 && (r = read(in, buf, sizeof buf)) != 0;) {
            if (r < 0 && errno == EINTR) continue;
            if (r < 0 || write_all(out, buf, (size_t)r) != 0) rc = -1;
        }
        if (out >= 0 && (fchmod(out, st.st_mode & 0777) != 0 || close(out) != 0)) rc = -1;
        close(in);
    }
    closedir(d);
    close(to);
    return rc;
}

/* A fresh run: nothing of an earlier run is left in /box, /tmp or /dev/shm; /box holds the kept files. */
static int reset_box(void) {
    static const char *const dirs[] = {BOX_DIR, "/tmp", "/dev/shm", NULL};
    int err = empty_dirs(dirs);
    if (err != 0) {
        fprintf(stderr, "algocode-run: cannot empty the box: %s\n", strerror(err));
        return -1;
    }
    if (restore_kept() != 0) {
        perror("algocode-run: cannot restore the kept files");
        return -1;
    }
    return 0;
}

/* Pid 1 of the run's pid namespace (run_isolated): orphans of the run come to us, and when we exit the
 * kernel kills whatever of the run is left. */
static int run_mode(struct run_opts *o) {
    /* Not dumpable: a program running as the same uid cannot ptrace us or open /proc/<us>/{mem,fd}. */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    /* As the namespace's init we inherit orphans (double fork + setsid), so their CPU time lands in our
     * rusage; the signals the outer runner ignores stay ignored. */

    if (o->fresh && reset_box() != 0) return EXIT_IO_ERROR;

    int pin[2], pout[2], perr[2], pexec[2];
    if (pipe2(pin, O_CLOEXEC) || pipe2(pout, O_CLOEXEC) || pipe2(perr, O_CLOEXEC) || pipe2(pexec, O_CLOEXEC)) {
        perror("algocode-run: pipe");
        return EXIT_IO_ERROR;
    }
    int64_t oom_before = oom_kill_count();
    int64_t cpu_base = cgroup_cpu_us(), self_base = self_cpu_us();
    int64_t start = now_us();
    pid_t pid = main_pid = fork();
    if (pid < 0) {
        perror("algocode-run: fork");
        return EXIT_IO_ERROR;
    }
    if (pid == 0) child_exec(o, pin[0], pout[1], perr[1], pexec[1]);
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    close(pexec[1]);
    /* Readable when the program exits, so the exit is noticed at once rather than at the next poll tick. */
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);

    const char *error = NULL;
    char errbuf[160];
    int exec_errno = 0;
    ssize_t en;
    do en = read(pexec[0], &exec_errno, sizeof exec_errno);
    while (en < 0 && errno == EINTR);
    close(pexec[0]);
    if (en == (ssize_t)sizeof exec_errno) {
        snprintf(errbuf, sizeof errbuf, "cannot start %s: %s", o->argv[0], strerror(exec_errno));
        error = errbuf;
    }

    fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
    fcntl(1, F_SETFL, fcntl(1, F_GETFL) | O_NONBLOCK);
    fcntl(pin[1], F_SETFL, O_NONBLOCK);
    fcntl(pout[0], F_SETFL, O_NONBLOCK);
    fcntl(perr[0], F_SETFL, O_NONBLOCK);

    static char inbuf[IO_CHUNK], outbuf[OUT_BUF], chunk[IO_CHUNK];
    size_t in_len = 0, in_off = 0, out_len = 0, out_off = 0;
    char *errkeep = malloc((size_t)o->err_max + 1);
    size_t err_len = 0;
    int64_t out_total = 0;
    int stdin_open = 1, child_in = pin[1], child_out = pout[0], child_err = perr[0];
    int finished = 0, stop = 0, unkillable = 0;
    int cpu_exceeded = 0, wall_exceeded = 0, output_exceeded = 0;
    int64_t finished_at = 0;
    int64_t cpu_at_kill = 0; /* the CPU time the kill for the CPU limit was decided on */
    if (!errkeep) return EXIT_IO_ERROR;

    while (!finished || child_out >= 0 || child_err >= 0 || out_len > out_off) {
        if (!finished) {
            reap();
            if (!main_done && !stop) {
                /* the container's counter minus the runner's own share of it */
                int64_t used = cpu_base >= 0 ? cgroup_cpu_us() - cpu_base - (self_cpu_us() - self_base)
                                             : proc_cpu_us();
                if (used > o->cpu_us) {
                    cpu_exceeded = stop = 1;
                    cpu_at_kill = used;
                }
                if (now_us() - start > o->wall_us) wall_exceeded = stop = 1;
            }
            if (stop && !main_done) kill_everything(); /* reaps the main process too */
            if (main_done) {
                /* Whatever the program left behind dies with the run (docs/threat-model.md item 21); the pipes then
                 * reach EOF even when a descendant held them. */
                unkillable = kill_everything() != 0;
                finished = 1;
                finished_at = now_us();
            }
        } else if (now_us() - finished_at > 2000000) {
            error = "the program's pipes stayed open after every process was killed";
            break;
        }

        struct pollfd fds[6];
        if (main_done && pidfd >= 0) {
            close(pidfd);
            pidfd = -1;
        }
        int n = 0, i_stdin = -1, i_cin = -1, i_cout = -1, i_cerr = -1, i_out = -1;
        if (stdin_open && in_len == in_off && child_in >= 0) {
            i_stdin = n;
            fds[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
        }
        if (child_in >= 0 && in_len > in_off) {
            i_cin = n;
            fds[n++] = (struct pollfd){.fd = child_in, .events = POLLOUT};
        }
        if (child_out >= 0 && out_len < sizeof outbuf) {
            i_cout = n;
            fds[n++] = (struct pollfd){.fd = child_out, .events = POLLIN};
        }
        if (child_err >= 0) {
            i_cerr = n;
            fds[n++] = (struct pollfd){.fd = child_err, .events = POLLIN};
        }
        if (out_len > out_off) {
            i_out = n;
            fds[n++] = (struct pollfd){.fd = 1, .events = POLLOUT};
        }
        if (pidfd >= 0) fds[n++] = (struct pollfd){.fd = pidfd, .events = POLLIN};
        if (finished && n == 0) break; /* nothing left to forward */
        if (poll(fds, (nfds_t)n, finished ? 100 : POLL_MS) < 0 && errno != EINTR) break;

        if (i_stdin >= 0 && fds[i_stdin].revents) {
            ssize_t r = read(0, inbuf, sizeof inbuf);
            if (r > 0) {
                in_len = (size_t)r;
                in_off = 0;
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                stdin_open = 0;
            }
        }
        if (!stdin_open && in_len == in_off && child_in >= 0) {
            close(child_in);
            child_in = -1;
        }
        if (i_cin >= 0 && fds[i_cin].revents) {
            ssize_t w = write(child_in, inbuf + in_off, in_len - in_off);
            if (w > 0) {
                in_off += (size_t)w;
            } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                /* the program closed its stdin: it needs no more of it */
                close(child_in);
                child_in = -1;
                stdin_open = 0;
            }
        }
        if (i_cout >= 0 && fds[i_cout].revents) {
            if (out_off == out_len) out_off = out_len = 0;
            ssize_t r = read(child_out, outbuf + out_len, sizeof outbuf - out_len);
            if (r > 0) {
                int64_t room = o->out_max - out_total;
                if (r > room) {
                    r = room > 0 ? room : 0;
                    output_exceeded = stop = 1;
                }
                out_len += (size_t)r;
                out_total += r;
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                close(child_out);
                child_out = -1;
            }
        }
        if (i_cerr >= 0 && fds[i_cerr].revents) {
            ssize_t r = read(child_err, chunk, sizeof chunk);
            if (r > 0) {
                size_t take = (size_t)r;
                if (err_len + take > (size_t)o->err_max) take = (size_t)o->err_max - err_len;
                memcpy(errkeep + err_len, chunk, take);
                err_len += take;
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                close(child_err);
                child_err = -1;
            }
        }
        if (i_out >= 0 && fds[i_out].revents) {
            ssize_t w = write(1, outbuf + out_off, out_len - out_off);
            if (w > 0) {
                out_off += (size_t)w;
                if (out_off == out_len) out_off = out_len = 0;
            } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                error = "stdout of the runner closed";
                out_off = out_len = 0;
                stop = 1;
            }
        }
    }
    if (child_in >= 0) close(child_in);

    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    int64_t cpu_us = (int64_t)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
                     (int64_t)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
    int64_t oom_after = oom_kill_count();
    int exit_code = -1, sig = -1;
    if (WIFEXITED(main_status)) exit_code = WEXITSTATUS(main_status);
    if (WIFSIGNALED(main_status)) sig = WTERMSIG(main_status);
    /* Killed for its CPU time: it used what the container's counter said, even where the program's own
     * rusage (reaped a moment later, without the time the kernel charged to the cgroup) says a little less. */
    if (cpu_us < cpu_at_kill) cpu_us = cpu_at_kill;
    if (sig == SIGXCPU || cpu_us > o->cpu_us) cpu_exceeded = 1;
    if (sig == SIGXFSZ) output_exceeded = 1;

    fcntl(1, F_SETFL, fcntl(1, F_GETFL) & ~O_NONBLOCK);
    FILE *f = stderr;
    fputs(REPORT_MAGIC, f);
    fprintf(f,
            "{\"exit_code\": %d, \"signal\": %d, \"cpu_us\": %lld, \"wall_us\": %lld, \"maxrss_kib\": %ld, "
            "\"oom_before\": %lld, \"oom_after\": %lld, \"cpu_exceeded\": %s, \"wall_exceeded\": %s, "
            "\"output_exceeded\": %s, \"stdout_bytes\": %lld, \"stderr_bytes\": %zu, \"cgroup_cpu\": %s, "
            "\"unkillable\": %s, \"error\": ",
            exit_code, sig, (long long)cpu_us, (long long)(main_end - start), ru.ru_maxrss, (long long)oom_before,
            (long long)oom_after, cpu_exceeded ? "true" : "false", wall_exceeded ? "true" : "false",
            output_exceeded ? "true" : "false", (long long)out_total, err_len, cpu_base >= 0 ? "true" : "false",
            unkillable ? "true" : "false");
    if (error)
        json_escape(f, error);
    else
        fputs("null", f);
    fputs("}\n", f);
    fflush(f);
    write_all(2, errkeep, err_len);
    return 0;
}

/* ---- file modes ----------------------------------------------------------------------------------- */

static int write_mode(const char *where, const char *name, const char *mode_s) {
    if (!valid_name(name)) return EXIT_USAGE;
    long mode = strtol(mode_s, NULL, 8) & 0777;
    int dir = open(where, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return EXIT_IO_ERROR;
    /* Replace whatever is there (a link the program planted included) instead of writing through it. */
    if (unlinkat(dir, name, 0) != 0 && errno == EISDIR) return EXIT_IO_ERROR;
    int fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
    if (fd < 0) return EXIT_IO_ERROR;
    static char buf[IO_CHUNK];
    for (;;) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            return EXIT_IO_ERROR;
        }
        if (write_all(fd, buf, (size_t)r) != 0) return EXIT_IO_ERROR;
    }
    if (fchmod(fd, (mode_t)mode) != 0 || close(fd) != 0) return EXIT_IO_ERROR;
    return 0;
}

static int read_mode(const char *name, const char *max_s) {
    int64_t max;
    if (!valid_name(name) || parse_i64(max_s, &max) != 0) return EXIT_USAGE;
    int fd = open(BOX_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return EXIT_IO_ERROR;
    /* O_NOFOLLOW: a planted link is refused; O_NONBLOCK: a planted FIFO cannot hang us. */
    int file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    close(fd);
    if (file < 0) return errno == ENOENT || errno == ELOOP ? EXIT_NOT_A_FILE : EXIT_IO_ERROR;
    struct stat st;
    if (fstat(file, &st) != 0) return EXIT_IO_ERROR;
    if (!S_ISREG(st.st_mode)) return EXIT_NOT_A_FILE;
    if (st.st_size > max) return EXIT_TOO_BIG;
    static char buf[IO_CHUNK];
    int64_t total = 0;
    for (;;) {
        ssize_t r = read(file, buf, sizeof buf);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            return EXIT_IO_ERROR;
        }
        total += r;
        if (total > max) return EXIT_TOO_BIG;
        if (write_all(1, buf, (size_t)r) != 0) return EXIT_IO_ERROR;
    }
    return 0;
}

static int usage(void) {
    fputs("usage: algocode-run run --cpu-us N --wall-us N --stack B --fsize B --out B --err B --nofile N "
          "[--fresh] [--env K=V]... -- ARGV...\n"
          "       algocode-run write NAME MODE | keep NAME MODE | read NAME MAX | killall | oom\n",
          stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    /* kill(-1) as root would signal every process on a host; a box never runs as root anyway. */
    if (getuid() == 0 || geteuid() == 0) {
        fputs("algocode-run: refusing to run as root\n", stderr);
        return EXIT_USAGE;
    }
    const char *mode = argv[1];
    if (strcmp(mode, "write") == 0 && argc == 4) return write_mode(BOX_DIR, argv[2], argv[3]);
    if (strcmp(mode, "keep") == 0 && argc == 4) return write_mode(KEPT_DIR, argv[2], argv[3]);
    if (strcmp(mode, "read") == 0 && argc == 4) return read_mode(argv[2], argv[3]);
    if (strcmp(mode, "killall") == 0 && argc == 2) {
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        return kill_everything() == 0 ? EXIT_OK : EXIT_UNKILLABLE;
    }
    if (strcmp(mode, "oom") == 0 && argc == 2) {
        printf("%lld\n", (long long)oom_kill_count());
        return 0;
    }
    if (strcmp(mode, "run") != 0) return usage();

    struct run_opts o = {.cpu_us = -1, .wall_us = -1, .stack = -1, .fsize = -1, .out_max = -1, .err_max = -1,
                         .nofile = -1};
    int i = 2;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--fresh") == 0) {
            o.fresh = 1;
            continue;
        }
        if (i + 1 >= argc) return usage();
        const char *v = argv[++i];
        int64_t *target = NULL;
        if (strcmp(a, "--env") == 0) {
            if (o.nenv >= MAX_ENV || strchr(v, '=') == NULL) return usage();
            o.env[o.nenv++] = (char *)v;
            continue;
        }
        if (strcmp(a, "--cpu-us") == 0) target = &o.cpu_us;
        else if (strcmp(a, "--wall-us") == 0) target = &o.wall_us;
        else if (strcmp(a, "--stack") == 0) target = &o.stack;
        else if (strcmp(a, "--fsize") == 0) target = &o.fsize;
        else if (strcmp(a, "--out") == 0) target = &o.out_max;
        else if (strcmp(a, "--err") == 0) target = &o.err_max;
        else if (strcmp(a, "--nofile") == 0) target = &o.nofile;
        if (!target || parse_i64(v, target) != 0) return usage();
    }
    if (i >= argc || o.cpu_us < 0 || o.wall_us < 0 || o.stack < 0 || o.fsize < 0 || o.out_max < 0 ||
        o.err_max < 0 || o.nofile < 0)
        return usage();
    o.env[o.nenv] = NULL;
    o.argv = argv + i;
    return run_isolated(&o);
}

/* Probe kernel surface the box must deny: prints "name errno" per call (0 when it succeeded). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>
static void report(const char *name, long r) { printf("%s %d\n", name, r < 0 ? errno : 0); }
int main(void) {
    report("unshare_user", unshare(CLONE_NEWUSER));
    report("unshare_net", unshare(CLONE_NEWNET));
    report("io_uring_setup", syscall(SYS_io_uring_setup, 8, (void *)0));
    report("bpf", syscall(SYS_bpf, 0, (void *)0, 0));
    report("keyctl", syscall(SYS_keyctl, 0, 0, 0, 0, 0));
    report("ptrace_parent", ptrace(PTRACE_ATTACH, getppid(), 0, 0));
    report("perf_event_open", syscall(SYS_perf_event_open, (void *)0, 0, -1, -1, 0));
    return 0;
}

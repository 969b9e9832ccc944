"""The seccomp filter every box runs under (threats 31, 40): kernel attack surface answers EPERM.

Built once with pyseccomp, exported as BPF and handed to bubblewrap (`--seccomp FD`), which loads it
just before exec'ing the box init; every program inherits it. Calls from a foreign ABI (i386 `int 0x80`,
x32) kill the process: libseccomp's default for a filter that only knows the native architecture.
"""

from __future__ import annotations

import errno
import functools
import os
import socket

import pyseccomp

from rce_engine.sandbox.base import SandboxError

# Each answers EPERM: the program sees an ordinary error instead of a confusing crash.
DENIED_SYSCALLS: tuple[str, ...] = (
    # io_uring bypasses per-syscall filtering and has a long CVE history
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    # reaching into other processes (the init is protected by being non-dumpable as well)
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "process_madvise",
    "kcmp",
    # kernel keyrings are shared between boxes of one uid: a covert channel
    "keyctl",
    "add_key",
    "request_key",
    # namespaces and mounts
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "open_by_handle_at",
    "name_to_handle_at",
    # machine administration
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "syslog",
    "uselib",
    "iopl",
    "ioperm",
    "lookup_dcookie",
    "fanotify_init",
    "memfd_secret",
    "vhangup",
)

# personality(2) flags that weaken the process: ADDR_NO_RANDOMIZE, MMAP_PAGE_ZERO, ADDR_COMPAT_LAYOUT,
# READ_IMPLIES_EXEC. Matching on the flag plus the unused high bits leaves the 0xffffffff query alone.
_DENIED_PERSONALITY_BITS = (0x0040000, 0x0100000, 0x0200000, 0x0400000)
_CLONE_NAMESPACE_FLAGS = (
    0x00020000  # CLONE_NEWNS
    | 0x02000000  # CLONE_NEWCGROUP
    | 0x04000000  # CLONE_NEWUTS
    | 0x08000000  # CLONE_NEWIPC
    | 0x10000000  # CLONE_NEWUSER
    | 0x20000000  # CLONE_NEWPID
    | 0x40000000  # CLONE_NEWNET
)


def _build() -> pyseccomp.SyscallFilter:
    f = pyseccomp.SyscallFilter(defaction=pyseccomp.ALLOW)
    eperm = pyseccomp.ERRNO(errno.EPERM)
    for name in DENIED_SYSCALLS:
        try:
            f.add_rule(eperm, name)
        except ValueError:  # a syscall this libseccomp does not know: nothing to deny
            continue
    # Only AF_UNIX sockets (the network namespace already has nothing but its own empty loopback).
    f.add_rule(eperm, "socket", pyseccomp.Arg(0, pyseccomp.NE, socket.AF_UNIX))
    f.add_rule(eperm, "socketpair", pyseccomp.Arg(0, pyseccomp.NE, socket.AF_UNIX))
    # New namespaces through clone flags; clone3 passes its flags in memory the filter cannot read,
    # so it answers ENOSYS and glibc falls back to clone.
    for bit in range(32):
        flag = 1 << bit
        if _CLONE_NAMESPACE_FLAGS & flag:
            f.add_rule(eperm, "clone", pyseccomp.Arg(0, pyseccomp.MASKED_EQ, flag, flag))
    f.add_rule(pyseccomp.ERRNO(errno.ENOSYS), "clone3")
    # personality: no switching off ASLR, no executable data, no page zero (the query 0xffffffff
    # has every bit set, so it is allowed explicitly first).
    for bit in _DENIED_PERSONALITY_BITS:
        f.add_rule(eperm, "personality", pyseccomp.Arg(0, pyseccomp.MASKED_EQ, bit | 0xFFFF0000, bit))
    return f


@functools.cache
def filter_bpf() -> bytes:
    """The compiled BPF program (built once per process)."""
    try:
        flt = _build()
        fd = os.memfd_create("algocode-seccomp-export", os.MFD_CLOEXEC)
        with os.fdopen(fd, "w+b") as file:
            flt.export_bpf(file)
            file.seek(0)
            return file.read()
    except OSError as exc:
        raise SandboxError(f"cannot build the seccomp filter: {exc}") from exc


def filter_fd() -> int:
    """A fresh fd holding the BPF program at offset 0 (bwrap reads it to EOF); the caller closes it."""
    fd = os.memfd_create("algocode-seccomp", os.MFD_CLOEXEC)
    os.write(fd, filter_bpf())
    os.lseek(fd, 0, os.SEEK_SET)
    return fd

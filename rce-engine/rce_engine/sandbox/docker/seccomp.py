"""The docker box's seccomp profile: a deny list that lets the runner create a run's namespaces.

Docker's default profile refuses `clone` with namespace flags and `mount` to a process without
CAP_SYS_ADMIN, so the runner could not give a run a pid namespace and a `/proc` of its own
(docs/threat-model.md #48). This profile allows those two and denies what a box never needs: kernel
surface (bpf, io_uring, perf, userfaultfd, keys, module and kexec calls), other processes' memory
(ptrace, process_vm_*), other namespaces (unshare, setns), mount API calls other than `mount`, host
settings (clock, hostname, swap, reboot), vsock sockets, and every syscall ABI but the native one (x32
and 32-bit calls kill the process). The program additionally runs under the runner's own filter, which
also denies `mount` and namespace flags to `clone` (threat-model.md #40). Decision and trade-off:
docs/adr/0034-docker-run-pid-namespace.md.
"""

from __future__ import annotations

import errno
import json
import platform
from typing import Any

# AF_VSOCK: a socket to the host's hypervisor side; Docker's default profile refuses it too.
_AF_VSOCK = 40

DENIED = (
    "acct",
    "add_key",
    "bpf",
    "chroot",
    "clock_adjtime",
    "clock_settime",
    "create_module",
    "delete_module",
    "fanotify_init",
    "finit_module",
    "fsconfig",
    "fsmount",
    "fsopen",
    "fspick",
    "get_kernel_syms",
    "get_mempolicy",
    "init_module",
    "io_uring_enter",
    "io_uring_register",
    "io_uring_setup",
    "ioperm",
    "iopl",
    "kcmp",
    "kexec_file_load",
    "kexec_load",
    "keyctl",
    "lookup_dcookie",
    "mbind",
    "mount_setattr",
    "move_mount",
    "name_to_handle_at",
    "nfsservctl",
    "open_by_handle_at",
    "open_tree",
    "perf_event_open",
    "pidfd_getfd",
    "pivot_root",
    "process_madvise",
    "process_vm_readv",
    "process_vm_writev",
    "ptrace",
    "query_module",
    "quotactl",
    "quotactl_fd",
    "reboot",
    "request_key",
    "set_mempolicy",
    "setdomainname",
    "sethostname",
    "setns",
    "settimeofday",
    "swapoff",
    "swapon",
    "_sysctl",
    "sysfs",
    "syslog",
    "umount2",
    "unshare",
    "uselib",
    "userfaultfd",
    "ustat",
    "vhangup",
)

# Docker's names of the native architecture; others (x32, i386) are not listed, so their calls kill.
_ARCHES = {"x86_64": "SCMP_ARCH_X86_64", "aarch64": "SCMP_ARCH_AARCH64", "arm64": "SCMP_ARCH_AARCH64"}


def profile(machine: str | None = None) -> dict[str, Any]:
    """The profile as Docker's JSON structure, for the engine's host architecture (`machine`)."""
    arch = _ARCHES[(machine or platform.machine()).lower()]
    return {
        "defaultAction": "SCMP_ACT_ALLOW",
        "architectures": [arch],
        "syscalls": [
            {"names": list(DENIED), "action": "SCMP_ACT_ERRNO", "errnoRet": errno.EPERM},
            # Flags in memory a filter cannot read: ENOSYS makes libc fall back to clone (as Docker does).
            {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.ENOSYS},
            {
                "names": ["socket"],
                "action": "SCMP_ACT_ERRNO",
                "errnoRet": errno.EPERM,
                "args": [{"index": 0, "value": _AF_VSOCK, "op": "SCMP_CMP_EQ"}],
            },
        ],
    }


def security_opt(machine: str | None = None) -> list[str]:
    """The container's `security_opt`: no-new-privileges and this profile (its JSON text)."""
    return ["no-new-privileges", "seccomp=" + json.dumps(profile(machine), separators=(",", ":"))]


# The API's form of the CLI's `--security-opt systempaths=unconfined` (host config keys, API >= 1.40):
# nothing of the container's /proc or /sys is covered or made read-only. The kernel refuses a new /proc
# in a user namespace while parts of the container's are covered; the runner masks the same paths again
# in each run's own /proc and /sys before the program starts.
UNMASKED_SYSTEM_PATHS: dict[str, list[str]] = {"MaskedPaths": [], "ReadonlyPaths": []}

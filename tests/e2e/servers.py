"""Private Redis, PostgreSQL and RabbitMQ servers for the platform harness, on free ports in a temp dir.

Fault tests stop, pause and restart servers; doing that to the machine's shared servers would break
everyone else's tests. These run from the same binaries the machine has, owned by the harness alone.
Also an AMQP proxy that can hold a judge worker's job acks: the honest way to kill a worker after its
result is on the queue but before its ack reached the broker, without any hook in production code.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
RABBIT_BIN = Path("/usr/lib/rabbitmq/bin")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


# ---- Redis -----------------------------------------------------------------------------------------
@dataclass
class PrivateRedis:
    """A throw-away redis-server: no persistence, loopback only."""

    home: Path
    port: int = field(default_factory=free_port)
    popen: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        log = (self.home / "redis.log").open("ab")
        self.popen = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.home),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        wait_port(self.port, 30)

    def kill(self) -> None:
        """Redis down: the process is gone, connections are refused."""
        if self.popen is not None and self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(10)

    def pause(self) -> None:
        """Redis hung: connections are accepted by the kernel but nothing ever answers."""
        assert self.popen is not None
        self.popen.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.popen is not None
        self.popen.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.send_signal(signal.SIGCONT)
            self.popen.terminate()
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


# ---- PostgreSQL ------------------------------------------------------------------------------------
@dataclass
class PrivatePostgres:
    """An initdb'd cluster owned by the postgres user (the server refuses to run as root), trust auth."""

    home: Path
    port: int = field(default_factory=free_port)

    @property
    def data(self) -> Path:
        return self.home / "data"

    def _as_postgres(self, *argv: str, timeout: float = 120) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *argv], check=True, capture_output=True, timeout=timeout
        )

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.home, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._as_postgres(
                str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
            )
        self.up()

    def up(self) -> None:
        options = f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.home / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def down(self) -> None:
        """A fast shutdown, as an operator's restart would do: open sessions are cut."""
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.down()


# ---- RabbitMQ --------------------------------------------------------------------------------------
@dataclass
class PrivateRabbit:
    """A second RabbitMQ node (own name, ports, data, logs and cookie) beside the machine's one."""

    home: Path
    port: int = field(default_factory=free_port)
    dist_port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.node = f"algocode-e2e-{self.port}@localhost"

    def _env(self) -> dict[str, str]:
        return {
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
            "LANG": "C.UTF-8",
            "HOME": str(self.home / "home"),  # its own .erlang.cookie
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_MNESIA_BASE": str(self.home / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.home / "log"),
            "RABBITMQ_CONFIG_FILE": str(self.home / "rabbitmq.conf"),
            "RABBITMQ_CONF_ENV_FILE": str(self.home / "rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.home / "enabled_plugins"),
            "RABBITMQ_PID_FILE": str(self.home / "rabbit.pid"),
            "ERL_FLAGS": "-kernel inet_dist_use_interface {127,0,0,1}",
        }

    def start(self) -> None:
        for sub in ("home", "mnesia", "log"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "rabbitmq.conf").write_text("log.console = false\n")
        (self.home / "rabbitmq-env.conf").write_text("")
        (self.home / "enabled_plugins").write_text("[].\n")
        subprocess.run(
            [str(RABBIT_BIN / "rabbitmq-server"), "-detached"],
            env=self._env(),
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.ctl("wait", str(self.home / "rabbit.pid"), "--timeout", "120", timeout=150)
        wait_port(self.port, 60)

    def ctl(self, *args: str, timeout: float = 120) -> str:
        return subprocess.run(
            [str(RABBIT_BIN / "rabbitmqctl"), "-n", self.node, "-q", *args],
            env=self._env(),
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.ctl("stop", timeout=60)
        pid_file = self.home / "rabbit.pid"
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)


# ---- AMQP proxy ------------------------------------------------------------------------------------
AMQP_HEADER = 8  # b"AMQP\x00\x00\x09\x01"
BASIC_ACK = (60, 80)


class AmqpProxy:
    """Forwards one client's AMQP connections to the broker; can hold the client's next basic.ack.

    When `hold_next_ack()` is armed, the first basic.ack frame the client sends (a judge worker's job
    ack: it sends it only after its result was published and confirmed) and everything after it is kept
    back. `held` is set then: the result is on the results queue and the broker has not seen the ack.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.held = threading.Event()
        self._armed = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name=f"amqp-proxy-{self.port}").start()

    def hold_next_ack(self) -> None:
        self.held.clear()
        self._armed.set()

    def disarm(self) -> None:
        self._armed.clear()

    def sever(self) -> None:
        """Drop every proxied connection at once (what the broker sees when its client dies)."""
        with self._lock:
            for s in self._sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._sockets.clear()

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()
        self.sever()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            threading.Thread(target=self._client_to_broker, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        self._close_pair(source, sink)

    def _client_to_broker(self, client: socket.socket, upstream: socket.socket) -> None:
        """Forward frame by frame so that a basic.ack can be recognised and held."""
        buffer = b""
        header_done = False
        holding = False
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if holding:
                    continue  # the ack and everything after it never reach the broker
                buffer += data
                out = b""
                if not header_done and len(buffer) >= AMQP_HEADER:
                    out, buffer, header_done = buffer[:AMQP_HEADER], buffer[AMQP_HEADER:], True
                while header_done and len(buffer) >= 7:
                    size = int.from_bytes(buffer[3:7], "big")
                    if len(buffer) < 7 + size + 1:
                        break
                    frame, buffer = buffer[: 8 + size], buffer[8 + size :]
                    is_ack = (
                        frame[0] == 1
                        and size >= 4
                        and (
                            int.from_bytes(frame[7:9], "big"),
                            int.from_bytes(frame[9:11], "big"),
                        )
                        == BASIC_ACK
                    )
                    if is_ack and self._armed.is_set():
                        self._armed.clear()
                        holding = True
                        self.held.set()
                        break
                    out += frame
                if out:
                    upstream.sendall(out)
        self._close_pair(client, upstream)

    def _close_pair(self, a: socket.socket, b: socket.socket) -> None:
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

"""The connection loop of ``aggregator serve``: one I/O thread and a few workers.

Why not a thread per connection (``socketserver.ThreadingMixIn``): at 50
concurrent clients, 50 runnable threads take turns on the GIL and the p99
latency was 70–120 ms; four workers answer the same load with a p99 near
20 ms (benchmarks/serve_bench.py). Why the I/O thread: a worker must never
wait for a client. The I/O thread accepts connections, reads each request
head without blocking, and keeps idle keep-alive connections; a worker gets
a connection only once a whole request head is in memory, so slow or idle
clients hold no worker, only a few bytes of buffer.

Requests with a body are not served (only GET and HEAD are): the handler
answers and closes such connections, so a head is all a worker ever needs.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

log = logging.getLogger("aggregator.server")

MAX_HEAD = 64 * 1024
"""Bytes a request line and its headers may take; more is answered 431 and closed."""
TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n"
    b"Connection: close\r\n\r\n"
)
DRAIN_SECONDS = 2.0
_HEAD_ENDS = (b"\r\n\r\n", b"\n\n")


@dataclass
class Connection:
    """A client connection between requests: its socket and the bytes read so far."""

    sock: socket.socket
    address: tuple[str, int]
    buffer: bytearray = field(default_factory=bytearray)
    deadline: float = 0.0
    head: bytes = b""
    draining: bool = False

    def take_head(self) -> bool:
        """Move one complete request head from the buffer to :attr:`head`, if there is one."""
        ends = [(self.buffer.find(end), end) for end in _HEAD_ENDS]
        found = [(index, end) for index, end in ends if index >= 0]
        if not found:
            return False
        index, end = min(found)
        cut = index + len(end)
        self.head = bytes(self.buffer[:cut])
        del self.buffer[:cut]
        return True


Handler = Callable[[Connection], bool]
"""Answers the request in ``connection.head``; returns whether to keep the connection."""


class ConnectionLoop:
    """Serve ``listener`` until :meth:`stop`: accept, read heads, hand them to ``handle``."""

    def __init__(
        self,
        listener: socket.socket,
        handle: Handler,
        *,
        workers: int = 4,
        idle_timeout: float = 30.0,
        on_error: Callable[[Connection], None] | None = None,
    ) -> None:
        self.listener = listener
        self.handle = handle
        self.idle_timeout = idle_timeout
        self.on_error = on_error
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="aggregator-serve-worker")
        self.selector = selectors.DefaultSelector()
        self.returned: list[Connection] = []
        self.returned_lock = threading.Lock()
        self.wake_read, self.wake_write = socket.socketpair()
        self.stopping = threading.Event()
        self.waiting: dict[socket.socket, Connection] = {}

    # the I/O thread -------------------------------------------------------------

    def run(self, poll_interval: float = 0.5) -> None:
        self.listener.setblocking(False)
        self.wake_read.setblocking(False)
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.selector.register(self.wake_read, selectors.EVENT_READ)
        try:
            while not self.stopping.is_set():
                for key, _ in self.selector.select(timeout=poll_interval):
                    if key.fileobj is self.listener:
                        self._accept()
                    elif key.fileobj is self.wake_read:
                        self._take_returned()
                    else:
                        self._read(self.waiting[key.fileobj])  # type: ignore[index]
                self._expire(time.monotonic())
        finally:
            for connection in list(self.waiting.values()):
                self._close(connection)
            self.selector.close()
            self.pool.shutdown(wait=True)
            for connection in self.returned:
                with contextlib.suppress(OSError):
                    connection.sock.close()
            self.wake_read.close()
            self.wake_write.close()

    def _accept(self) -> None:
        while True:
            try:
                sock, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # out of descriptors: try again at the next event
                log.warning("cannot accept a connection: %s", exc)
                return
            sock.setblocking(False)
            self._wait(Connection(sock, address))

    def _wait(self, connection: Connection) -> None:
        connection.deadline = time.monotonic() + self.idle_timeout
        self.waiting[connection.sock] = connection
        self.selector.register(connection.sock, selectors.EVENT_READ)

    def _read(self, connection: Connection) -> None:
        try:
            data = connection.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close(connection)
            return
        if connection.draining:
            return
        connection.buffer += data
        if connection.take_head():
            self._dispatch(connection)
        elif len(connection.buffer) > MAX_HEAD:
            self._refuse(connection)

    def _refuse(self, connection: Connection) -> None:
        """Answer 431, then read and drop what the client still sends until it closes
        (or for :data:`DRAIN_SECONDS`): closing with unread bytes would send a reset,
        which can destroy the answer before the client reads it."""
        with contextlib.suppress(OSError):
            connection.sock.send(TOO_LARGE)
            connection.sock.shutdown(socket.SHUT_WR)
        connection.draining = True
        connection.buffer.clear()
        connection.deadline = time.monotonic() + DRAIN_SECONDS

    def _dispatch(self, connection: Connection) -> None:
        if connection.sock in self.waiting:
            self.selector.unregister(connection.sock)
            del self.waiting[connection.sock]
        self.pool.submit(self._work, connection)

    def _take_returned(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self.wake_read.recv(4096)
        with self.returned_lock:
            returned, self.returned = self.returned, []
        for connection in returned:
            if self.stopping.is_set():
                self._close(connection)
            elif connection.take_head():  # a pipelined request, already read
                self.pool.submit(self._work, connection)
            else:
                self._wait(connection)

    def _expire(self, now: float) -> None:
        for connection in [c for c in self.waiting.values() if c.deadline <= now]:
            self._close(connection)

    def _close(self, connection: Connection) -> None:
        if self.waiting.pop(connection.sock, None) is not None:
            self.selector.unregister(connection.sock)
        with contextlib.suppress(OSError):
            connection.sock.close()

    # the workers ----------------------------------------------------------------

    def _work(self, connection: Connection) -> None:
        try:
            keep = self.handle(connection)
        except Exception:
            if self.on_error is not None:
                self.on_error(connection)
            keep = False
        if keep and not self.stopping.is_set():
            connection.sock.setblocking(False)
            with self.returned_lock:
                self.returned.append(connection)
            with contextlib.suppress(OSError):
                self.wake_write.send(b"\0")
        else:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_WR)
            with contextlib.suppress(OSError):
                connection.sock.close()

    def stop(self) -> None:
        """Ask :meth:`run` to end; it closes idle connections and waits for the workers."""
        self.stopping.set()
        with contextlib.suppress(OSError):
            self.wake_write.send(b"\0")

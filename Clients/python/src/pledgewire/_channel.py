"""The client's way to its server: the connection calls start on, a new one after a GOAWAY or a failure, and a
backoff between connection attempts that fail."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from ._connection import Connection
from ._protocol import ClientProtocol, error
from .errors import RPCError, StatusCode
from .retry import Backoff


@dataclass(frozen=True)
class ConnectionSettings:
    host: str
    port: int
    connect_timeout: float
    max_frame_size: int
    agent: str
    keepalive: float | None
    keepalive_timeout: float
    backoff: Backoff


def parse_target(target: str) -> tuple[str, int]:
    """"host:port", "[::1]:port" or ":port" (loopback)."""
    host, sep, port = target.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"target {target!r} is not host:port")
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


class Channel:
    """Hands out the connection to use, connecting when there is none. One attempt at a time: concurrent calls
    share it. After `n` failed attempts in a row the next waits `backoff.delay(n)`."""

    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        self._current: Connection | None = None
        self._connecting: asyncio.Task[Connection] | None = None
        self._failures = 0
        self._next_attempt_at = 0.0
        self._all: set[Connection] = set()
        self._closed = False
        self.connections_opened = 0

    @property
    def target(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    @property
    def current(self) -> Connection | None:
        return self._current

    async def connection(self, deadline: float | None) -> Connection:
        if self._closed:
            raise RPCError(StatusCode.CANCELLED, "the client is closed")
        if self._current is not None and self._current.accepting:
            return self._current
        if self._connecting is None:
            self._connecting = asyncio.get_running_loop().create_task(self._connect())
        task = self._connecting
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        done, _ = await asyncio.wait({task}, timeout=timeout)  # a caller's deadline does not cancel the attempt
        if not done:
            raise error(StatusCode.DEADLINE_EXCEEDED, f"the deadline passed while connecting to {self.target}")
        return task.result()

    async def _connect(self) -> Connection:
        try:
            wait = self._next_attempt_at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            s = self.settings
            core = ClientProtocol(now=time.monotonic(), max_frame_size=s.max_frame_size, agent=s.agent,
                                  keepalive=s.keepalive, keepalive_timeout=s.keepalive_timeout)
            try:
                connection = await Connection.open(s.host, s.port, core, s.connect_timeout, self._unusable)
            except (OSError, asyncio.TimeoutError) as failure:
                self._failures += 1
                self._next_attempt_at = time.monotonic() + s.backoff.delay(self._failures)
                detail = str(failure) or type(failure).__name__
                raise error(StatusCode.UNAVAILABLE, f"cannot connect to {self.target}: {detail}",
                            "CONNECT_FAILED") from None
            self._failures = 0
            self.connections_opened += 1
            self._all.add(connection)
            connection.closed.add_done_callback(lambda _: self._all.discard(connection))
            if self._closed:
                connection.close()
                raise RPCError(StatusCode.CANCELLED, "the client is closed")
            self._current = connection
            return connection
        finally:
            self._connecting = None

    def _unusable(self, connection: Connection) -> None:
        if self._current is connection:
            self._current = None

    async def close(self) -> None:
        """Ends every connection: calls still open end CANCELLED."""
        self._closed = True
        if self._connecting is not None:
            self._connecting.cancel()
        connections = list(self._all)
        for connection in connections:
            connection.close()
        if connections:
            await asyncio.wait([c.closed for c in connections], timeout=1.0)
        self._current = None

"""The two clients: `Client` (blocking, usable from any thread) and `AsyncClient` (asyncio), with the same options
and the same typed services: `client.article`, `client.actor`, `client.pledge`, `client.extraction`, `client.audit`,
`client.health`, `client.reflection`, `client.stats`."""

from __future__ import annotations

import os
from typing import Any

from . import metadata as md
from ._channel import Channel, ConnectionSettings, parse_target
from ._frames import DEFAULT_MAX_FRAME_SIZE, MAX_FRAME_SIZE_LIMIT, MIN_FRAME_SIZE_LIMIT
from ._invoker import AsyncInvoker, CallDefaults, SyncInvoker
from ._protocol import AGENT
from ._services import AsyncServices, Services
from .retry import Backoff, RetryPolicy

__all__ = ["Client", "AsyncClient", "DEFAULT_TARGET"]

DEFAULT_TARGET = "127.0.0.1:7979"
_DEFAULT_RETRY = RetryPolicy()


class _ClientBase:
    """A client of one Pledgewire server: one connection multiplexes every call, replaced (after a backoff when
    connecting fails) after a failure or a GOAWAY.

    - `target`: "host:port"; default `$PLEDGEWIRE_SERVER`, else 127.0.0.1:7979.
    - `token`: sent with every call as `authorization: Bearer …`; default `$PLEDGEWIRE_TOKEN`.
    - `timeout`: the default deadline of every call, in seconds (None: none). Each call may pass its own;
      `float("inf")` means no deadline.
    - `metadata`: sent with every call, before the call's own.
    - `retry`: the policy for methods the schema marks idempotent (None: never retry them). Calls the server never
      processed are sent again whatever the method.
    - `keepalive`: seconds of silence, while calls are open, before the client pings the server; no answer within
      `keepalive_timeout` ends the connection (its calls fail UNAVAILABLE). None: no pings.
    - `max_frame_size`: the largest response message accepted (16 KiB to 16 MiB), announced in SETTINGS.
    - `reconnect_backoff`: the wait before connecting again after failed attempts.
    """

    def __init__(
        self,
        target: str | None = None,
        *,
        token: str | None = None,
        timeout: float | None = None,
        metadata: md.MetadataLike | None = None,
        retry: RetryPolicy | None = _DEFAULT_RETRY,
        keepalive: float | None = None,
        keepalive_timeout: float = 20.0,
        connect_timeout: float = 5.0,
        max_frame_size: int = DEFAULT_MAX_FRAME_SIZE,
        reconnect_backoff: Backoff = Backoff(),
        agent: str = AGENT,
    ) -> None:
        host, port = parse_target(target or os.environ.get("PLEDGEWIRE_SERVER") or DEFAULT_TARGET)
        if not MIN_FRAME_SIZE_LIMIT <= max_frame_size <= MAX_FRAME_SIZE_LIMIT:
            raise ValueError(f"max_frame_size {max_frame_size} is outside 16 KiB...16 MiB")
        token = os.environ.get("PLEDGEWIRE_TOKEN") if token is None else token
        defaults = md.normalize(metadata) + (md.bearer(token) if token else ())
        settings = ConnectionSettings(host, port, connect_timeout, max_frame_size, agent, keepalive,
                                      keepalive_timeout, reconnect_backoff)
        self._async_invoker = AsyncInvoker(Channel(settings), CallDefaults(timeout, defaults, retry))
        self._attach_services(self._invoker_for_services(self._async_invoker))  # type: ignore[attr-defined]

    def _invoker_for_services(self, invoker: AsyncInvoker) -> Any:
        return invoker

    @property
    def target(self) -> str:
        return self._async_invoker.channel.target


class AsyncClient(AsyncServices, _ClientBase):
    __doc__ = f"""The asyncio client. Use it from one event loop, as `async with AsyncClient() as client:`.
    {_ClientBase.__doc__}"""

    async def close(self) -> None:
        """Closes the connections; calls still open end with CANCELLED."""
        await self._async_invoker.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class Client(Services, _ClientBase):
    __doc__ = f"""The blocking client, safe to share between threads: every call, from any thread, is multiplexed
    on one connection driven by a private event-loop thread. Use it as `with Client() as client:`, or `close()` it.
    {_ClientBase.__doc__}"""

    def _invoker_for_services(self, invoker: AsyncInvoker) -> SyncInvoker:
        self._invoker = SyncInvoker(invoker)
        return self._invoker

    def close(self) -> None:
        """Closes the connection and stops the client's thread; calls still open end with CANCELLED."""
        self._invoker.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

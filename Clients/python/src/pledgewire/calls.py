"""Server streams: async iterators for the asyncio client, iterators for the blocking one, with the same methods."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from google.protobuf.message import Message

from ._connection import CallSink, Connection
from ._protocol import error
from .errors import RPCError, StatusCode
from .metadata import Metadata
from .retry import decide

if TYPE_CHECKING:
    from ._invoker import AsyncInvoker, CallSetup
    from ._method import MethodDescriptor

__all__ = ["AsyncResponseStream", "ResponseStream"]

Res = TypeVar("Res", bound=Message)


def decode(message_type: type[Res], payload: bytes) -> Res:
    message = message_type()
    try:
        message.ParseFromString(payload)
    except Exception as failure:  # DecodeError; some runtimes raise ValueError
        raise RPCError(StatusCode.INTERNAL,
                       f"a response does not decode as {message_type.DESCRIPTOR.full_name}: {failure}") from None
    return message


class AsyncResponseStream(Generic[Res], AsyncIterator[Res]):
    """The responses of a server-streaming call, read with `async for` or `await read(timeout)`.

    The call starts at the first read. Leaving an `async with` block, calling `cancel()`, or dropping the stream
    before its end cancels the call (CANCEL on the wire). A stream ending in an error raises RPCError; until its
    first message it is retried like a unary call (transparently when the server never processed it)."""

    def __init__(self, invoker: AsyncInvoker, method: MethodDescriptor[Message, Res], payload: bytes,
                 setup: CallSetup) -> None:
        self._invoker = invoker
        self._method = method
        self._payload = payload
        self._setup = setup
        self._connection: Connection | None = None
        self._stream_id = 0
        self._sink: CallSink | None = None
        self._delivered = 0
        self._error: RPCError | None = None
        self._finished = False

    @property
    def done(self) -> bool:
        """Whether the call is over (ended, failed or cancelled)."""
        return self._finished

    @property
    def initial_metadata(self) -> Metadata | None:
        """The server's response metadata, once its HEADERS arrived."""
        return self._sink.headers if self._sink is not None else None

    @property
    def trailing_metadata(self) -> Metadata:
        return self._sink.trailers if self._sink is not None else ()

    def __aiter__(self) -> AsyncResponseStream[Res]:
        return self

    async def __anext__(self) -> Res:
        message = await self.read()
        if message is None:
            raise StopAsyncIteration
        return message

    async def read(self, timeout: float | None = None) -> Res | None:
        """The next response, or None once the stream ended with OK. Raises RPCError when the call failed, and
        TimeoutError when no message came within `timeout` seconds (the stream goes on; read again). Cancelling
        the task that waits here cancels the call: for a time-limited read use `timeout`, not asyncio.wait_for."""
        try:
            return await self._read(timeout)
        except asyncio.CancelledError:
            self.cancel()
            raise

    async def _read(self, timeout: float | None) -> Res | None:
        until = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._error is not None:
                raise self._error
            if self._finished:
                return None
            if self._sink is None:
                await self._start()
                continue
            sink = self._sink
            payload = sink.pop()
            if payload is not None:
                self._delivered += 1
                return decode(self._method.response_type, payload)
            if sink.ended:
                if sink.error is not None and await self._retry(sink.error):
                    continue
                self._finished = True
                self._error = sink.error
                continue
            remaining = None if until is None else max(0.0, until - time.monotonic())
            if not await sink.changed(remaining):
                raise TimeoutError(f"no message from {self._method.path} within {timeout} s")

    async def _start(self) -> None:
        sink = CallSink(asyncio.get_running_loop())
        try:
            self._connection, self._stream_id = await self._invoker.start(
                self._method, sink, self._setup, message=self._payload, end_stream=True)
        except RPCError as failure:
            if await self._retry(failure):
                return
            self._finished, self._error = True, failure
            return
        self._sink = sink

    async def _retry(self, failure: RPCError) -> bool:
        """Before its first message a failed stream may start again; after it, it is the caller's to resume."""
        if self._delivered:
            return False
        decision = decide(failure, idempotent=self._method.idempotent, policy=self._setup.policy,
                          attempts=self._setup.attempts, transparent_retries=self._setup.transparent_retries,
                          now=time.monotonic(), deadline=self._setup.deadline)
        if decision is None:
            return False
        self._setup.count(decision)
        await asyncio.sleep(decision.delay)
        self._sink = None
        return True

    def cancel(self) -> None:
        """Abandons the call: CANCEL goes to the server, and reads raise RPCError(CANCELLED)."""
        if self._finished:
            return
        self._finished = True
        self._error = error(StatusCode.CANCELLED, "the call was cancelled by the client")
        if self._connection is not None:
            self._connection.cancel(self._stream_id)

    async def aclose(self) -> None:
        self.cancel()

    async def __aenter__(self) -> AsyncResponseStream[Res]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.cancel()

    def __del__(self) -> None:
        connection = self._connection
        if not self._finished and connection is not None:
            try:
                connection._loop.call_soon_threadsafe(connection.cancel, self._stream_id)
            except RuntimeError:  # the loop is closed: so is the connection
                pass


class ResponseStream(Generic[Res], Iterator[Res]):
    """The responses of a server-streaming call for the blocking client: iterate it, or `read(timeout)`. Same
    behaviour as AsyncResponseStream; `cancel()` or leaving a `with` block cancels the call."""

    def __init__(self, stream: AsyncResponseStream[Res], run: Callable[[Awaitable[object]], object]) -> None:
        self._stream = stream
        self._run = run

    @property
    def done(self) -> bool:
        return self._stream.done

    @property
    def initial_metadata(self) -> Metadata | None:
        return self._stream.initial_metadata

    @property
    def trailing_metadata(self) -> Metadata:
        return self._stream.trailing_metadata

    def __iter__(self) -> ResponseStream[Res]:
        return self

    def __next__(self) -> Res:
        message = self.read()
        if message is None:
            raise StopIteration
        return message

    def read(self, timeout: float | None = None) -> Res | None:
        """The next response, or None at the end; TimeoutError when none came within `timeout` seconds."""
        return self._run(self._stream.read(timeout))  # type: ignore[return-value]

    def cancel(self) -> None:
        """Abandons the call: CANCEL goes to the server, and reads raise RPCError(CANCELLED)."""
        if not self._stream.done:
            self._run(self._cancel())

    async def _cancel(self) -> None:
        self._stream.cancel()

    def __enter__(self) -> ResponseStream[Res]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cancel()
